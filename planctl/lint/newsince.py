"""Pull-request mode, `planctl lint --new-since REV`: which findings a change adds and which it fixes.

A repository whose plans already hold findings (the shipped documents have ten errors) would
block every commit and pull request until they are all fixed. Here the plans are linted as they
are at REV too, and each finding of the working tree is *new* or *unchanged* by fingerprint;
findings at REV that are gone are *fixed*. The exit code counts the new ones only.

What is read from REV is the plan files and nothing else: the settings, rules, programmes and
policies come from the working tree. The repository at REV is as untrusted as the working tree
(a pull request can make its base anything), and judging both sides by the same rules is what
makes "new" mean "this change introduced it": a newer rule that flags an old mistake should not
make that mistake count as new. Only files git reports as changed between REV and the working
tree are read at REV: a file that did not change has the same findings on both sides.

Git is imported only here, and only when --new-since is given (through planctl.history).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..document import Document, load_bytes
from ..errors import PlanctlError
from ..i18n import _, number
from ..model import SYNTAX, Finding, Position, Severity
from . import filters, pipeline
from .files import YAML_SUFFIXES
from .registry import Registry, load_registry
from .runner import FIXED, NEW, UNCHANGED, LintResult, comparison_of

if TYPE_CHECKING:  # git is imported at run time only when --new-since is given
    from ..history.revisions import Repository


@dataclass(frozen=True)
class Fixed:
    """A finding at the base revision that the working tree no longer has.

    `finding.file` names the file as it is now (a renamed plan keeps its fixed findings under
    its new name, so they can be read next to its other findings); `path_at_base` and the
    finding's line and column are where it was at the base revision.
    """

    finding: Finding
    path_at_base: str  # from the repository's root, '/'-separated


@dataclass(frozen=True)
class Comparison:
    spec: str  # the revision as given: 'HEAD', 'origin/main...HEAD'
    label: str  # what it resolved to, for people: 'HEAD', 'merge base of origin/main and HEAD'
    commit: str | None  # None: the repository has no commit yet, so every finding is new
    status: tuple[str, ...]  # NEW or UNCHANGED for each finding of the result, in its order
    fixed: tuple[Fixed, ...] = ()

    def count(self, status: str) -> int:
        return len(self.fixed) if status == FIXED else self.status.count(status)

    @property
    def since(self) -> str:
        """'since HEAD', 'since the merge base of origin/main and HEAD (1a2b3c4d5e)'."""
        if self.commit is None:
            return _("since {spec} (no commit yet)").format(spec=self.spec)
        if self.label == self.spec:
            return _("since {spec}").format(spec=self.spec)
        return _("since the {label} ({commit})").format(label=self.label, commit=self.commit[:10])


class ComparedResult(LintResult):
    """A lint result with each finding classified against a base revision."""

    def __init__(self, result: LintResult, comparison: Comparison | None) -> None:
        self.__dict__.update(vars(result))
        self.comparison = comparison

    def worst(self) -> Severity | None:
        """Only new findings decide the exit code: what the change did not cause must not block it."""
        if self.comparison is None:
            return super().worst()
        return max((f.severity for f, s in zip(self.findings, self.comparison.status, strict=True) if s == NEW), default=None)


def statuses(result: LintResult) -> list[str | None]:
    """NEW / UNCHANGED per finding, in order; None for each in a plain run."""
    comparison = comparison_of(result)
    return list(comparison.status) if comparison else [None] * len(result.findings)


def compare_with_base(result: LintResult, spec: str, paths: list[Path], config: Config,
                      cwd: Path) -> ComparedResult:
    """Classify `result` (the working tree's findings) against the plans at revision `spec`."""
    from ..history.revisions import Repository  # git: only for --new-since
    from ..history.select import WORKTREE_REVISION, scope, select
    from .reporters import repo_path, result_fingerprint

    if not spec.strip():
        raise PlanctlError(_("--new-since: give a revision, e.g. HEAD or origin/main...HEAD"))
    if ".." in spec and "..." not in spec:
        raise PlanctlError(_("--new-since {spec}: give one revision (REV) or A...B (the merge base of A and B), "
                             "not A..B: the findings are always those of the working tree").format(spec=spec))
    with Repository(cwd) as repo:
        if spec == "HEAD" and repo.resolve("HEAD") is None:
            # The first commit of a repository: there is nothing to compare with, so everything
            # the commit holds is what it introduces (pre-commit runs `--new-since HEAD`).
            return ComparedResult(result, Comparison(spec, spec, None, (NEW,) * len(result.findings)))
        base = select(repo, [spec]).old
        in_scope = scope(repo, config, [str(p) for p in paths], cwd)
        changes = repo.changes(base, WORKTREE_REVISION, list(in_scope.pathspecs))
        # Each file at the base, read from git, named as the working tree names it now.
        registry: list[Registry] = []

        def shared_registry() -> Registry:
            if not registry:
                registry.append(load_registry(config))
            return registry[0]

        at_base: list[tuple[Finding, str]] = []
        changed: set[str] = set()
        for change in changes:
            if change.new_path is not None:
                changed.add(change.new_path)
            old = change.old_path
            if old is None or change.old_blob is None or not change.old_regular or not old.endswith(YAML_SUFFIXES):
                continue
            now = change.new_path if change.new_path is not None and change.new_regular else old
            name = os.path.relpath(repo.root / now, cwd)
            doc = _load_blob(repo, change.old_blob, name, config.max_file_bytes)
            at_base += [(f, old) for f in _check(doc, shared_registry)]

    fingerprint = {id(f): result_fingerprint(result, f) for f, _ in at_base}
    left = Counter(fingerprint.values())
    status = []
    for f in result.findings:
        if repo_path(result, f.file) not in changed:
            status.append(UNCHANGED)  # the file is the same at the base: so are its findings
            continue
        fp = result_fingerprint(result, f)
        if left[fp] > 0:
            left[fp] -= 1
            status.append(UNCHANGED)
        else:
            status.append(NEW)
    fixed = []
    for f, old in sorted(at_base, key=lambda pair: pair[0].sort_key()):
        fp = fingerprint[id(f)]
        if left[fp] > 0:  # as many of a fingerprint are fixed as the base had more of it
            left[fp] -= 1
            fixed.append(Fixed(f, old))
    return ComparedResult(result, Comparison(spec, base.label, base.commit, tuple(status), tuple(fixed)))


def _load_blob(repo: Repository, blob: str, name: str, max_bytes: int) -> Document:
    """A file at the base revision, parsed in memory: the working tree and the index stay untouched."""
    size = repo.blob_size(blob)
    if size > max_bytes:
        # Not read into memory at all; the same finding as an oversized file on disk.
        doc = Document(name)
        doc.error = Finding(SYNTAX.id, SYNTAX.severity, _("file is {size} bytes, over the limit of {limit}").format(
                                size=number(size), limit=number(max_bytes)),
                            name, Position(), hint=_("split the file, or raise max-file-bytes in [tool.planctl]"))
        return doc
    return load_bytes(repo.read_blob(blob), name, max_bytes=max_bytes, cached=True)


def _check(doc: Document, registry: Callable[[], Registry]) -> list[Finding]:
    """The lint pipeline and filters for one file at the base, as the runner applies them.

    One file at a time: a programme file at the base must not stand in for the working tree's
    programme when the base's plans are judged (the registry is the working tree's).
    """
    checked = pipeline.check([doc], registry)
    return filters.in_files(checked.findings, {doc.name: doc} if doc.ok else {},
                            waivers_of={d.name for d in checked.valid}).kept
