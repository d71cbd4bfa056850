"""The findings of each plan's own facts, and of its links to other plans, cached between runs (in
planctl/diskcache.py's folder, with its trust and checks).

Why: deriving a plan's ~1,000 facts and running the rules over them is most of what a lint of an
unchanged plan still costs once its parse comes from planctl/parsecache.py (7–9 ms of ~10 ms per
benchmark plan). The pre-commit hook lints the plans at HEAD again on every commit (--new-since),
an editor lints a plan on every save, and CI lints the plans a pull request did not touch.

What is cached: per plan, the findings the rules give on the facts derived from that plan alone
(facts/, lint/policy.py), before any filter. A plan's facts depend on nothing but its data (and
positions, for lines quoted in messages), the programmes and policies it is checked against, and
the code; the findings on them, on the rules too, and on the language they are written in. The key
is hashed from all of these: the file's parse key (its bytes and the loader's code), the
programmes' and policies' data, the rule catalogue's key (the rule files, the code that compiles
them, the engine, planctl's version and Python's), the run's language and its translations,
planctl's lint code, and the versions of Babel (numbers in messages) and durable_rules.

The findings of a plan's links (facts/links.py) depend on the other plans too: they are stored
apart, under a key hashed also from what every plan its links reach prints (lint/summaries.py:
reached), looked up as the links look them up on every run. What is not cached is computed on
every run: waivers, suppressions and the rule settings of [tool.planctl.rules] (lint/filters.py);
the schema check has its own cache of plans known valid (lint/fastschema.py). Only plans whose
facts were all evaluated in this run are stored; what is read back must be a list of findings of
the stored shape, or the plan's facts are derived and evaluated again.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import diskcache, i18n
from ..model import Finding, Position, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..document import Document

# The code between a parsed plan and its findings: facts, the plan model, the rules' evaluation
# and the findings' words (the parse itself is in the parse key).
_SOURCES = ("lint", "lint/facts", "plan", "model.py", "i18n.py", "yamlmarks.py")


def context_key(programmes: Mapping[str, dict], policies: Iterable[dict]) -> str | None:
    """What the findings of every plan of a run depend on besides the plan itself, as a digest;
    None when there is no cache (or no rule catalogue key: a rule file vanished meanwhile)."""
    if diskcache.cache_dir() is None:
        return None
    from .rulekey import catalogue_key

    rules = catalogue_key()
    if rules is None:
        return None
    registry = _registry_digest(programmes, policies)
    if registry is None:
        return None
    language = i18n.language()
    return diskcache.digest([*_code_inputs(), ("libraries", diskcache.versions("babel", "durable_rules")),
                             ("rules", rules.encode()), ("language", language.encode()),
                             ("translations", i18n.catalog_stamp(language)), ("registry", registry)])


def _registry_digest(programmes: Mapping[str, dict], policies: Iterable[dict]) -> bytes | None:
    """The digest of the programmes' and policies' data, made once per registry: a diff's findings
    section checks each of ~200 plan sides on its own against the same one, and writing its JSON
    each time was a seventh of those checks. None when it is not plain data (never the case for
    checked programmes)."""
    if _last_registry and _last_registry[0] is programmes and _last_registry[1] is policies:
        return _last_registry[2]
    try:
        data = json.dumps([programmes, list(policies)], ensure_ascii=False, sort_keys=True, allow_nan=False).encode()
        found: bytes | None = diskcache.digest([("registry", data)]).encode()
    except (TypeError, ValueError):
        found = None
    _last_registry[:] = [programmes, policies, found]  # kept alive, so `is` never meets a reused id
    return found


_last_registry: list[Any] = []  # [programmes, policies, their digest] of the last call


@cache
def _code_inputs() -> list[tuple[str, bytes]]:
    return diskcache.code_inputs(Path(__file__).resolve().parent.parent, _SOURCES)


def key(context: str | None, doc: Document, links: str | None = None) -> str | None:
    """The key of the findings of `doc`'s own facts; with `links` (summaries.reached: what the
    plans its links reach print), of the findings of its links. None when there is no cache, or
    the document was not loaded through the parse cache."""
    if context is None or doc.parse_key is None:
        return None
    inputs = [("context", context.encode()), ("plan", doc.parse_key.encode())]
    return diskcache.digest(inputs if links is None else [*inputs, ("links", links.encode())]) + "-findings"


def read(key: str | None, doc: Document) -> list[Finding] | None:
    """The findings stored under `key`, in `doc`'s name; None when there are none stored."""
    stored = diskcache.read(key, _checked) if key is not None else None
    if stored is None:
        return None
    return [Finding(rule, Severity(severity), message, doc.name, Position(line, column), pointer, hint, tuple(parts))
            for rule, severity, message, line, column, pointer, hint, parts in stored]


def store(keyed: Iterable[tuple[Document, str | None]], findings: list[Finding]) -> None:
    """Store the findings of each document (all of its facts evaluated in this run) under its key."""
    storing = [(doc, key) for doc, key in keyed if key is not None]
    names = Counter(doc.name for doc, _key in storing)
    by_name: dict[str, list[Finding]] = {name: [] for name, count in names.items() if count == 1}
    for finding in findings:
        if finding.file in by_name:
            by_name[finding.file].append(finding)
    for doc, key in storing:
        found = by_name.get(doc.name)
        if found is None:  # two documents of one name: whose finding is which is not known
            continue
        value = [[f.rule, int(f.severity), f.message, f.position.line, f.position.column, f.pointer, f.hint, list(f.key)]
                 for f in found]
        if all(type(part) is str for f in found for part in f.key):
            diskcache.write(key, value)


def _checked(value: Any) -> list:
    """`value` when it is a list of stored findings; ValueError otherwise."""
    if type(value) is not list:
        raise ValueError("not stored findings")
    for item in value:
        if not (type(item) is list and len(item) == 8):
            raise ValueError("not a stored finding")
        rule, severity, message, line, column, pointer, hint, key = item
        if not (type(rule) is str and type(severity) is int and type(message) is str and type(line) is int
                and type(column) is int and type(pointer) is str and type(hint) is str and type(key) is list
                and all(type(part) is str for part in key)):
            raise ValueError("not a stored finding")
        Severity(severity)  # ValueError if not a severity
    return value
