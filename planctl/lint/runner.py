"""A lint run: collect files → load → pipeline (schema, facts, rules) → filters → result."""

from __future__ import annotations

import functools
import gc
import math
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..config import Config
from ..document import load
from ..model import Finding, Severity
from . import filters, pipeline
from .files import collect, display_name
from .provenance import repository_subdir, ruleset_fingerprint
from .registry import Registry, load_registry

if TYPE_CHECKING:
    from .newsince import Comparison

# A finding's status in a --new-since run (lint/newsince.py). Here, with comparison_of, so that the
# reporters of a plain run need not import newsince (~2 ms).
NEW, UNCHANGED, FIXED = "new", "unchanged", "fixed"


def comparison_of(result: LintResult) -> Comparison | None:
    """The classification of a --new-since run (newsince.ComparedResult), None for a plain run."""
    return getattr(result, "comparison", None)


class LintResult:
    """A lint run's findings and counts, as every reporter reads them."""

    def __init__(self, findings: list[Finding], suppressed: list[Finding], files: int, waived: list[Finding], *,
                 checked: tuple[str, ...] = (), repo_subdir: str = "", config: Config | None = None) -> None:
        self.findings = findings
        self.suppressed = suppressed
        self.files = files
        self.waived = waived
        # For CI reporters (lint/provenance.py): the files checked (display names), the working
        # directory relative to the repository root, the findings a --baseline hid, and the
        # configuration whose rule set `ruleset` fingerprints.
        self.checked = checked
        self.repo_subdir = repo_subdir
        self.baselined: list[Finding] = []
        self.config = config

    @cached_property
    def ruleset(self) -> str:
        """The fingerprint of the rule set (provenance.ruleset_fingerprint), '' without a
        configuration. Computed when a reporter asks (JSON, SARIF, Markdown): it reads every rule,
        schema, policy and programme file again (~2.5 ms), which the text a terminal or a
        pre-commit hook gets never shows."""
        return ruleset_fingerprint(self.config) if self.config is not None else ""

    def counts(self) -> Counter:
        return Counter(f.severity.label for f in self.findings)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 24
# A batch's documents stay loaded until its findings are placed, so a process holds at most this
# many files at once, however large the repository: its memory stays flat (the largest process
# for 32 / 64 / 128 bench plans: 42 / 45 / 46 MiB; in 4 batches it grew with the repository, and
# 16 batches of 8 cost no more CPU than 4, measured in one process).
BATCH_FILES = 8


class _Checked:
    """What checking a batch of files gives back: findings only, no documents to send between processes."""

    def __init__(self, findings: list[Finding], suppressed: list[Finding], waived: list[Finding],
                 programmes: set[str] | None = None) -> None:
        self.findings = findings
        self.suppressed = suppressed
        self.waived = waived
        self.programmes = programmes or set()  # ids of the valid programme files among them


def check_files(files: list[Path], config: Config, registry: Registry | None) -> _Checked:
    """The whole pipeline for a batch of files: load, then pipeline.check, then the filters.

    `registry` is None to load it here, when a plan needs it.
    """
    docs = [load(path, max_bytes=config.max_file_bytes, name=display_name(path), cached=True) for path in files]
    checked = pipeline.check(docs, lambda: registry or load_registry(config))
    filtered = filters.in_files(checked.findings, {d.name: d for d in docs if d.ok},
                                waivers_of={d.name for d in checked.valid})
    # After the waivers, so that a waiver of a rule the repository turned off is not "unused";
    # the suppressed and waived lists too, so that no count mentions a rule that is off.
    settings = dict(config.rules)
    return _Checked(filters.apply_rule_settings(filtered.kept, settings),
                    filters.apply_rule_settings(filtered.suppressed, settings),
                    filters.apply_rule_settings(filtered.waived, settings), checked.programmes)


def _check_all(files: list[Path], config: Config) -> _Checked:
    """Check the files: a small run in one go; a large one in batches of at most BATCH_FILES
    files, on every core."""
    if len(files) < PARALLEL_FROM:
        return check_files(files, config, None)
    # Imported here: multiprocessing and concurrent.futures cost ~10 ms a small run does not need.
    from .. import parallel

    processes = parallel.workers()
    pipeline.prepare()  # built once here, inherited by the forked workers
    # Every batch may look up the plans of the others (links between plans, facts/links.py).
    registry = load_registry(config).with_run_files(tuple(files))
    batches = _batches(files, max(processes * 2, math.ceil(len(files) / BATCH_FILES)))
    # The configuration and registry reach the workers through the fork, not pickled per batch.
    check = functools.partial(check_files, config=config, registry=registry)
    if processes < 2:
        parts = [check(batch) for batch in batches]
    else:
        parts = parallel.run_batches(check, [(batch,) for batch in batches], processes, _worker_died)
    if set().union(*(p.programmes for p in parts)) - registry.programmes.keys():
        # A programme file among the linted paths that the configuration does not name: plans in
        # other batches did not see it. Rare (no [tool.planctl]); check everything in one batch.
        return check_files(files, config, None)
    return _Checked([f for p in parts for f in p.findings], [f for p in parts for f in p.suppressed],
                    [f for p in parts for f in p.waived])


def _worker_died() -> str:
    return i18n._("a lint worker process died (killed, out of memory, or a crash in the rules engine), so the files "
                  "it was checking have no result")


def _batches(files: list[Path], count: int) -> list[list[Path]]:
    """The files in `count` batches of similar size in bytes, each folder's files in one batch: a
    province's plans link to each other (facts/links.py), and a linked plan in another batch
    would be parsed twice. The order of the files within a batch is the run's order."""
    folders: dict[Path, list[Path]] = {}
    for path in files:
        folders.setdefault(path.parent, []).append(path)

    def size(group: list[Path]) -> int:
        return sum(p.stat().st_size if p.is_file() else 0 for p in group)

    groups = [(size(g), g) for g in folders.values()]
    share = sum(weight for weight, _g in groups) / count
    # A folder larger than a batch's share (a repository keeping all its plans in one folder) is
    # split into its files, or one batch would get it all.
    groups = [item for weight, g in groups
              for item in ([(size([p]), [p]) for p in g] if weight > share and len(g) > 1 else [(weight, g)])]
    sized = sorted(((weight, i, g) for i, (weight, g) in enumerate(groups)), key=lambda t: (-t[0], t[1]))
    batches: list[list[Path]] = [[] for _ in range(count)]
    loads = [0] * count
    for weight, _i, group in sized:  # the largest folder first, to the lightest batch
        lightest = loads.index(min(loads))
        batches[lightest] += group
        loads[lightest] += weight
    order = {path: i for i, path in enumerate(files)}
    return [sorted(b, key=order.__getitem__) for b in batches if b]


def lint(paths: list[Path], config: Config, baseline: Counter[str] | None = None) -> LintResult:
    """Lint the files; with `baseline` (fingerprints of a saved result), its findings are hidden."""
    # A run builds hundreds of thousands of dicts and lists that live until it ends and form no
    # reference cycles; the cyclic garbage collector would walk them again at every full
    # collection, a fifth of the time of a 126-plan run. It is off for the run, on again after.
    filters.check_rule_settings(config.rules, config.source)
    collecting = gc.isenabled()
    gc.disable()
    try:
        files = collect(paths, config)
        checked = _check_all(files, config)
    finally:
        if collecting:
            gc.enable()
    if config.anchored:  # once per run, not per plan: the copies serve every plan
        from ..schema_copies import findings as stale_schemas

        checked.findings += stale_schemas(config.root, display_name)
    checked.findings.sort(key=Finding.sort_key)
    result = LintResult(checked.findings, checked.suppressed, len(files), checked.waived,
                        checked=tuple(display_name(p) for p in files), repo_subdir=repository_subdir(),
                        config=config)
    if baseline is not None:
        from .reporters import result_fingerprint

        result.findings, result.baselined = filters.baseline(result.findings, baseline,
                                                             lambda f: result_fingerprint(result, f))
    return result
