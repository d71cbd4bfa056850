"""The lint pipeline: collect files → load → schema → facts → rules → waivers → result."""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..document import Document, load
from ..model import Finding, Severity
from . import parallel, schema
from .files import collect, display_name
from .provenance import repository_subdir, ruleset_fingerprint
from .registry import Registry, load_registry


@dataclass
class LintResult:
    findings: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)
    files: int = 0
    waived: list[Finding] = field(default_factory=list)
    # For CI reporters (lint/provenance.py): the files checked (display names), the fingerprint
    # of the rule set, the working directory relative to the repository root, and the findings a
    # --baseline hid.
    checked: tuple[str, ...] = ()
    ruleset: str = ""
    repo_subdir: str = ""
    baselined: list[Finding] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(f.severity.label for f in self.findings)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


def load_checked(path: Path, config: Config) -> tuple[Document, list[Finding]]:
    """Load one file and validate it against the schema of its `kind`."""
    doc = load(path, max_bytes=config.max_file_bytes, name=display_name(path))
    if doc.error:
        return doc, [doc.error]
    if not isinstance(doc.data, dict):
        what = "a list" if isinstance(doc.data, list) else f"a single value ({type(doc.data).__name__})"
        return doc, [doc.finding("schema", Severity.ERROR, f"the top level is {what}, not a mapping", "",
                                 hint="a plan file is a mapping of keys: start with 'planctl: 1' and 'kind: plan'")]
    kind = doc.data.get("kind", "plan")
    if kind not in ("plan", "programme", "policy"):
        return doc, [doc.finding("schema", Severity.ERROR, f"unknown kind {kind!r}", "/kind",
                                 hint="kind is 'plan', 'programme' or 'policy'")]
    return doc, schema.check(doc, kind)


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 24


@dataclass
class _Checked:
    """What checking a batch of files gives back: findings only, no documents to send between processes."""

    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    waived: list[Finding] = field(default_factory=list)
    programmes: set[str] = field(default_factory=set)  # ids of the valid programme files among them


def check_files(files: list[Path], config: Config, registry: Registry | None) -> _Checked:
    """The whole pipeline for a batch of files: load, schema, facts, rules, waivers, suppressions.

    `registry` is None to load it here, when a plan needs it (a single broken file never pays
    for it).
    """
    findings: list[Finding] = []
    loaded: list[Document] = []
    valid: list[Document] = []
    pitfalls: list[Finding] = []
    for path in files:
        doc, problems = load_checked(path, config)
        pitfalls.extend(p for p in problems if p.rule in schema.PITFALLS)
        findings.extend(p for p in problems if p.rule not in schema.PITFALLS)
        if doc.ok:
            loaded.append(doc)
            if not problems:
                valid.append(doc)
    docs = {d.name: d for d in loaded}
    result = _Checked(programmes={d.data["id"] for d in valid if d.data.get("kind") == "programme"})
    plans = [d for d in valid if d.data.get("kind", "plan") == "plan"]
    if plans or pitfalls:
        # The rules engine is imported only when there is something to run it on.
        from .facts import schema_value_fact
        from .policy import apply_waivers, check_plans

        registry = (registry or load_registry(config)).with_linted(valid)
        facts = [schema_value_fact(docs[p.file], p.pointer, schema.PITFALLS[p.rule],
                                   docs[p.file].float_texts.get(p.pointer, p.message)) for p in pitfalls]
        findings.extend(check_plans(plans, registry, facts))
        findings, result.waived = apply_waivers(findings, {d.name: d for d in valid})
    result.findings, result.suppressed = _suppress(findings, docs)
    return result


def _check_all(files: list[Path], config: Config) -> _Checked:
    """Check the files, in batches on every core for a large repository."""
    processes = parallel.workers()
    if len(files) < PARALLEL_FROM or processes < 2:
        return check_files(files, config, None)
    # Build once here what every batch needs, so the forked workers inherit it.
    for kind in ("plan", "programme"):
        schema.validator(kind)
    from .rules import catalogue

    catalogue()
    registry = load_registry(config)
    batches = [files[i::processes * 2] for i in range(processes * 2)]  # interleaved: similar sizes
    parts = parallel.run_batches(check_files, [(batch, config, registry) for batch in batches], processes)
    if set().union(*(p.programmes for p in parts)) - registry.programmes.keys():
        # A programme file among the linted paths that the configuration does not name: plans in
        # other batches did not see it. Rare (no [tool.planctl]); check everything in one batch.
        return check_files(files, config, None)
    return _Checked([f for p in parts for f in p.findings], [f for p in parts for f in p.suppressed],
                    [f for p in parts for f in p.waived])


def lint(paths: list[Path], config: Config) -> LintResult:
    # A run builds hundreds of thousands of dicts and lists that live until it ends and form no
    # reference cycles; the cyclic garbage collector would walk them again at every full
    # collection, a fifth of the time of a 126-plan run. It is off for the run, on again after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        files = collect(paths, config)
        checked = _check_all(files, config)
    finally:
        if collecting:
            gc.enable()
    checked.findings.sort(key=Finding.sort_key)
    return LintResult(checked.findings, checked.suppressed, len(files), checked.waived,
                      checked=tuple(display_name(p) for p in files),
                      ruleset=ruleset_fingerprint(config), repo_subdir=repository_subdir())


def _suppress(findings: list[Finding], docs: dict[str, Document]) -> tuple[list[Finding], list[Finding]]:
    """Drop findings disabled by `# planctl: disable=RULE` on their line."""
    kept, suppressed = [], []
    for f in findings:
        doc = docs.get(f.file)
        rules = doc.suppressions.get(f.line, ()) if doc else ()
        if f.rule in rules or "all" in rules:
            suppressed.append(f)
        else:
            kept.append(f)
    return kept, suppressed
