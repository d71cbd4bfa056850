"""What every plan is checked against: the national programmes and the funding policies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import diskcache
from ..config import Config
from ..document import MAX_BYTES, Document, load, load_bytes
from ..errors import PlanctlError
from ..i18n import _
from ..paths import read_regular
from ..resources import programmes_dir, rules_dir
from . import schema

if TYPE_CHECKING:
    from .summaries import Summary


class Registry:
    """The national programmes and funding policies the plans are checked against."""

    def __init__(self, programmes: dict[str, dict], policies: tuple[dict, ...], config: Config | None = None,
                 run_files: tuple[Path, ...] = (), plan_files: PlanFiles | None = None) -> None:
        self.programmes = programmes
        self.policies = policies
        # Where a link to a plan not linted with it is looked up (facts/links.py): the configured
        # plan globs, matched and read only when such a link exists.
        self.config = config
        # The files of the whole run, when it is split into batches (lint/runner.py): a plan in
        # another batch is looked up among them too.
        self.run_files = run_files
        # The plan files read for links so far, shared by every check that uses this registry (one
        # run: diff's findings section checks each plan alone, with one registry).
        self.plan_files = PlanFiles() if plan_files is None else plan_files

    def with_run_files(self, run_files: tuple[Path, ...]) -> Registry:
        """This registry for a run split into batches of these files (lint/runner.py)."""
        return Registry(self.programmes, self.policies, self.config, run_files, self.plan_files)

    def with_linted(self, docs: list[Document]) -> Registry:
        """Programme files among the linted paths count too (the configured ones win)."""
        extra = {d.data["id"]: d.data for d in docs if d.data.get("kind") == "programme"}
        if not extra.keys() - self.programmes.keys():
            return self
        return Registry({**extra, **self.programmes}, self.policies, self.config, self.run_files, self.plan_files)


def load_files(paths: list[Path], kind: str, config: Config) -> list[Document]:
    """Programme or policy files: they must load and be schema-valid, or linting cannot be trusted."""
    docs = []
    for path in paths:
        doc = load(path, max_bytes=config.max_file_bytes)
        problems = [doc.error] if doc.error else schema.check(doc, kind) if isinstance(doc.data, dict) else []
        if not isinstance(doc.data, dict) and not problems:
            raise PlanctlError(_("{path}: a {kind} file is a mapping").format(path=path, kind=kind))
        if problems:
            p = problems[0]
            raise PlanctlError(f"{p.file}:{p.line}:{p.column}: " + _("invalid {kind} file: {problem}").format(
                kind=kind, problem=p.message))
        docs.append(doc)
    return docs


def programme_files(config: Config) -> list[Path]:
    """The configured national programme files; when `programmes` is unset and nothing matches (a
    province's own repository has no plans/national/), the ones shipped with planctl."""
    files = config.glob(config.programmes)
    if not files and config.programmes == Config._field_defaults["programmes"]:
        files = sorted(programmes_dir().glob("*.yaml"))
    return files


def policy_files(config: Config) -> list[Path]:
    """The configured funding policies; when `policies` is unset and nothing matches, the shipped default."""
    files = config.glob(config.policies)
    if not files and config.policies == Config._field_defaults["policies"]:
        # A plans repository of its own has no rules/policy/: the shipped default policy applies
        # unless [tool.planctl] policies names other files (or [] for none).
        files = sorted((rules_dir() / "policy").glob("*.yaml"))
    return files


def load_registry(config: Config) -> Registry:
    cached, key = _cached_registry(config)
    if cached is not None:
        return cached
    programme_docs = load_files(programme_files(config), "programme", config)
    programmes = {d.data["id"]: d.data for d in programme_docs}
    policy_docs = load_files(policy_files(config), "policy", config)
    policies = tuple(d.data for d in policy_docs)
    if key is not None:
        _store(key, [d.data for d in programme_docs], list(policies))
    return Registry(programmes, policies, config)


# ---- the programme and policy data, cached between runs ----------------------------------------
#
# Why: parsing the national programmes (two ~23 KB files) with positions and checking them against
# their schemas is ~5-6 ms of every lint, and they rarely change. Their data is stored in the rule
# cache's folder (planctl/diskcache.py: same trust, same checks of names and keys) under a key hashed
# from the files' bytes and everything that turns bytes into checked data: the schemas, the loader's
# and the schema check's code, planctl's version. Only files that loaded and passed their schema
# are stored; a file that fails, or that cannot be read, always takes the path above (same
# messages, same order). What is read back must be plain JSON data of the expected shape, or the
# files are loaded again.

_DATA_SOURCES = ("document.py", "yamlbuild.py", "yamlevents.py", "yamlsyntax.py", "lint/schema.py",
                 "lint/fastschema.py", "lint/registry.py")


def _cached_registry(config: Config) -> tuple[Registry | None, str | None]:
    """(the registry from the cache when the files are those of a stored run, else None; the key
    to store it under, None when a file could not be read or there is no cache)."""
    if diskcache.cache_dir() is None:
        return None, None
    try:
        inputs = [("programme", p) for p in programme_files(config)] + [("policy", p) for p in policy_files(config)]
        files = [(role, read_regular(path, config.max_file_bytes)) for role, path in inputs]
    except (OSError, PlanctlError):  # reported, in its order, by the loading path
        return None, None
    key = diskcache.digest([*_key_inputs(), *files]) + "-registry"
    value = diskcache.read(key, _registry_from_json)
    if value is None:
        return None, key
    programmes, policies = value
    if (len(programmes), len(policies)) != (sum(r == "programme" for r, _p in inputs),
                                            sum(r == "policy" for r, _p in inputs)):
        return None, key
    return Registry({d["id"]: d for d in programmes}, tuple(policies), config), key


@cache  # read by the summaries' keys too (lint/linkcache.py)
def _key_inputs() -> list[tuple[str, bytes]]:
    from .. import __version__
    from ..resources import schema_path

    package = Path(__file__).resolve().parent.parent
    return ([("planctl", __version__.encode())]
            + [(f"schema:{kind}", diskcache.stamp(schema_path(kind))) for kind in ("programme", "policy")]
            + [(f"code:{name}", diskcache.stamp(package / name)) for name in _DATA_SOURCES])


def _store(key: str, programmes: list, policies: list) -> None:
    if all(map(diskcache.plain, programmes)) and all(map(diskcache.plain, policies)):
        diskcache.write(key, {"programmes": programmes, "policies": policies})


def _registry_from_json(value: object) -> tuple[list[dict], list[dict]]:
    """The stored data, checked: two lists of mappings holding only plain JSON values, each
    programme with a text id (ValueError otherwise: the files are then loaded again)."""
    if not isinstance(value, dict) or set(value) != {"programmes", "policies"}:
        raise ValueError("not a stored registry")
    programmes, policies = value["programmes"], value["policies"]
    if not (type(programmes) is list and type(policies) is list
            and all(type(d) is dict and diskcache.plain(d) for d in [*programmes, *policies])
            and all(type(d.get("id")) is str for d in programmes)):
        raise ValueError("not a stored registry")
    return programmes, policies


# A plan's own id, read from its text without parsing it: a top-level `id:` line (column 0, so
# never a nested key, and never inside a multi-line value, whose lines are indented).
_TOP_LEVEL_ID = re.compile(rb"""^id:[ \t]*(['"]?)([^'"#\s]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


class PlanFinder:
    """A plan by id among the configured plan files, for the links of the plans linted together.

    Only when a link names a plan not linted with it: each candidate file's text is read once to
    find its top-level `id:` line, and only the files whose id is the one asked for are parsed
    (files whose id the text does not show plainly are parsed when nothing else answers). So a
    lint of one plan, or of one batch, parses the plans it links to, not the whole repository. A
    file that does not load or is not a schema-valid plan is skipped (it is reported when it is
    linted). What was read is kept in the registry's PlanFiles, for the next check of the run."""

    def __init__(self, registry: Registry, linted: set[str]) -> None:
        files = registry.plan_files
        self.files = files if files.serves(registry) else PlanFiles()
        self.files.config, self.files.run_files = registry.config, registry.run_files
        self.linted = linted  # names of the linted files: already summarised
        self._found: dict[str, Summary] = {}

    def __call__(self, plan_id: str) -> Summary | None:
        """The first candidate file (in order) that is a valid plan whose text shows that id;
        else the first whose text does not show its id plainly and that is that plan. The files
        are read in order until one answers: a linked plan is usually among the first (the linked
        plans of a run come first, then the plans globs in order)."""
        if plan_id in self._found:
            return self._found[plan_id]
        files = self.files
        if not self._parse([p for p, i in files.ids.items() if i == plan_id], plan_id):
            for path, text_id in files.read_more():
                if text_id == plan_id and self._parse([path], plan_id):
                    break
        if plan_id not in self._found:
            self._parse([p for p, i in files.ids.items() if i is None], plan_id)
        return self._found.get(plan_id)

    def _parse(self, paths: list[Path], plan_id: str) -> bool:
        """Whether one of the paths (not linted here) is the plan, in order; each plan summarised
        on the way is remembered by its id."""
        for path in paths:
            if _shown(path) in self.linted:
                continue
            summary = self.files.summary(path)
            if summary is not None:
                self._found.setdefault(summary.id, summary)
            if plan_id in self._found:
                return True
        return False


class PlanFiles:
    """The candidate plan files of a run (the run's files, then the configured plan globs), read
    in order only as far as links ask: each file's `id:` line, and the summary of each file parsed."""

    def __init__(self) -> None:
        # Of the registry whose run these are (not the registry: it holds these files, and the
        # cyclic collector is off during a lint).
        self.config: Config | None = None
        self.run_files: tuple[Path, ...] | None = None
        self._candidates: Iterator[Path] | None = None  # the candidate files not read yet, in order
        self.ids: dict[Path, str | None] = {}  # candidate file read -> its id as the text shows it
        self._summaries: dict[Path, Summary | None] = {}

    def serves(self, registry: Registry) -> bool:
        """Whether these files are the candidates of the registry's run (a registry made by
        with_linted, or by with_run_files, may hold them)."""
        return self.run_files is None or (self.config, self.run_files) == (registry.config, registry.run_files)

    def read_more(self) -> Iterator[tuple[Path, str | None]]:
        """The candidate files not read yet, each read once for its top-level `id:` line."""
        config = self.config
        if self._candidates is None:
            try:
                paths = config.glob(config.plans) if config else []
            except PlanctlError:  # a plans glob reaching outside the repository: that is said where it is used
                paths = []
            self._candidates = iter(dict.fromkeys([*(self.run_files or ()), *paths]))
        limit = config.max_file_bytes if config else MAX_BYTES
        for path in self._candidates:
            try:
                text = read_regular(path, limit)
            except OSError:
                continue  # unreadable, not a regular file or too large: reported when it is linted
            found = _TOP_LEVEL_ID.search(text)
            self.ids[path] = found.group(2).decode("utf-8", "replace") if found else None
            yield path, self.ids[path]

    def summary(self, path: Path) -> Summary | None:
        """The summary of the file when it is a valid plan (from the cache when its bytes were
        summarised before: lint/linkcache.py), else None; made once per file."""
        if path not in self._summaries:
            self._summaries[path] = self._summarise(path)
        return self._summaries[path]

    def _summarise(self, path: Path) -> Summary | None:
        from . import linkcache
        from .summaries import summarise

        config = self.config
        limit = config.max_file_bytes if config else MAX_BYTES
        try:
            raw = read_regular(path, limit)  # read once: the key and the summary are of the same bytes
        except OSError:
            return None  # unreadable or too large: not a plan to link to (reported when it is linted)
        name, key = _shown(path), linkcache.key(raw, limit)
        cached = linkcache.read(key, name) if key is not None else None
        if cached is not None:
            return cached
        doc = load_bytes(raw, name, max_bytes=limit)
        if not (doc.ok and isinstance(doc.data, dict) and doc.data.get("kind", "plan") == "plan"
                and not schema.check(doc, "plan")):
            return None
        summary = summarise(doc)
        if key is not None:
            linkcache.store(key, summary)
        return summary


def _shown(path: Path) -> str:
    from .files import display_name

    return display_name(path)
