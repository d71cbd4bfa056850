"""The findings section of `planctl diff`: which lint findings a revision adds and which it fixes.

Each changed plan is linted on both sides, from its git blobs (the working tree's through the
temporary index, like the rest of diff): nothing on disk is read or written for it. Findings
are matched by fingerprint (planctl.lint.reporters.fingerprint: rule, file, JSON pointer, key;
not the line, not the wording), so a finding that only moved is neither new nor fixed. Both
sides are named by the plan's path at the new revision, so a renamed plan keeps its findings.

Both sides are judged by the rules, programmes and policies of the working tree, one file at a
time, as `planctl lint --new-since` judges them: "new" then means "this revision introduced
it". Checks across plans (the same project in two plans) see one plan at a time here.

The rules engine is imported only when this section is asked for (lazily, in `collect`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ..config import Config

if TYPE_CHECKING:
    from ..lint.registry import Registry
    from ..model import Finding
    from .compare import DiffResult, PlanDiff
    from .revisions import FileChange, Repository
    from .select import Scope, Selection


class FileFindings(NamedTuple):
    """One plan's findings that the revision adds (lines at the new revision) and fixes (lines at
    the old one), each errors first, then by line."""

    path: str
    new: tuple[Finding, ...]
    fixed: tuple[Finding, ...]


class Findings(NamedTuple):
    files: dict[str, FileFindings]

    def of(self, plan: PlanDiff) -> FileFindings | None:
        return self.files.get(plan.path)

    @property
    def counts(self) -> tuple[int, int]:
        return (sum(len(f.new) for f in self.files.values()), sum(len(f.fixed) for f in self.files.values()))


def _order(finding: Finding) -> tuple:
    return (-finding.severity, finding.position.line, finding.position.column, finding.rule, finding.pointer)


def _lint(data: bytes | None, name: str, config: Config, registry: Callable[[], Registry]) -> list[Finding]:
    from ..document import load_bytes
    from ..lint import filters, pipeline

    if data is None:
        return []
    doc = load_bytes(data, name, max_bytes=config.max_file_bytes, cached=True)
    checked = pipeline.check([doc], registry)
    return filters.in_files(checked.findings, {doc.name: doc} if doc.ok else {},
                            waivers_of={d.name for d in checked.valid}).kept


def _blob(repo: Repository, blob: str | None, regular: bool, config: Config) -> bytes | None:
    if blob is None or not regular or repo.blob_size(blob) > config.max_file_bytes:
        return None  # diff reports these files itself
    return repo.read_blob(blob)


def compare_findings(old: list[Finding], new: list[Finding], path: str) -> FileFindings:
    """New and fixed findings of one file.

    First by rule and message: the same message (it names the item by id and states the figures)
    on both sides is the same finding, wherever it moved; a line the message cites ("contradicts
    the target at line 817") moves with the plan too, so it is not compared. A fingerprint holds the finding's JSON
    pointer, and removing a target shifts the index of every target after it, so fingerprints
    alone would call those findings fixed and new again. Then, among what is left, by
    fingerprint: a finding whose figures changed (a new message) at the same place is the same
    finding. A key found n times before and m times after is new m − n times, or fixed n − m.
    """
    from ..lint.reporters import fingerprint

    added, fixed = sorted(new, key=_order), sorted(old, key=_order)
    for key in (lambda f: (f.rule, _CITED_LINE.sub("#", f.message)), lambda f: fingerprint(f, path)):
        # Each finding's key made once: a plan side has dozens of findings, and a large diff's
        # findings section compares ~100 plans (a regular expression or a hash per key).
        added_keys, fixed_keys = [key(f) for f in added], [key(f) for f in fixed]
        both = Counter(added_keys) & Counter(fixed_keys)
        left_new, left_fixed = Counter(both), Counter(both)
        added = [f for f, k in zip(added, added_keys, strict=True) if not _take(left_new, k)]
        fixed = [f for f, k in zip(fixed, fixed_keys, strict=True) if not _take(left_fixed, k)]
    return FileFindings(path, tuple(added), tuple(fixed))


# "at line 817" / "ở dòng 817": another item's line, cited in a message (identity.conflicting-targets).
_CITED_LINE = re.compile(r"(?<=\bline )\d+|(?<=\bdòng )\d+")


def _take(counts: Counter, key: object) -> bool:
    if counts[key] > 0:
        counts[key] -= 1
        return True
    return False


def collect(repo: Repository, selection: Selection, scope: Scope, config: Config, result: DiffResult) -> Findings:
    """The findings each compared plan of `result` gains and loses between the two revisions: in
    this process, or for a large diff in batches on forked workers (as the plans were compared)."""
    from ..lint import pipeline
    from ..lint.registry import load_registry
    from .compare import in_workers

    registries: list[Registry] = []

    def registry() -> Registry:
        if not registries:
            registries.append(load_registry(config))
        return registries[0]

    def prepare() -> None:  # before the fork: the workers inherit the rules and the registry
        pipeline.prepare()
        registry()

    wanted = {p.path for p in result.plans if p.changed and not p.errors}
    changes: list[FileChange] = [c for c in repo.changes(selection.old, selection.new, list(scope.pathspecs))
                                 if c.path in wanted]
    work = functools.partial(_lint_changes, config=config, registry=registry)
    done = in_workers(repo, changes, work, prepare)
    found = work(repo, changes) if done is None else [f for batch in done for f in batch]
    return Findings({f.path: f for f in found})


def _lint_changes(repo: Repository, changes: list[FileChange], *, config: Config,
                  registry: Callable[[], Registry]) -> list[FileFindings]:
    found = []
    for change in changes:
        name = change.path
        old = _lint(_blob(repo, change.old_blob, change.old_regular, config), name, config, registry)
        new = _lint(_blob(repo, change.new_blob, change.new_regular, config), name, config, registry)
        found.append(compare_findings(old, new, name))
    return found
