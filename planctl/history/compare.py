"""Build the result of `planctl diff`: which changed files are plans, both sides loaded, diffed.

Only the files git reports as changed between the two revisions are read. A side that cannot
be compared (it does not parse, it is not a plan, it is too large) is recorded on the plan's
result as a message for that side, and the other files are compared as usual; nothing in a
plan file stops the command.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .. import parsecache
from ..config import Config
from ..paths import YAML_SUFFIXES
from . import diff as semantic
from . import diffcache
from .diff import FieldChange, ItemChange, Money, ProjectChange, Status, TargetChange
from .lang import _, number
from .revisions import BlobStream, FileChange, Repository, Revision
from .rollup import Rollup, StaleTotal, StatedChange, plan_total, rollups, stale_totals, stated_changes
from .select import Scope, Selection
from .snapshot import Snapshot, build

if TYPE_CHECKING:
    from .spanload import SpanLoader

T = TypeVar("T")

EMPTY = build({})


class SideError(NamedTuple):
    side: str  # old or new
    revision: str  # the revision's label
    message: str


class PlanDiff(NamedTuple):
    path: str  # at the new revision (at the old one for a removed plan)
    old_path: str | None
    new_path: str | None
    status: Status  # added, removed or changed (a file renamed without edits is 'changed')
    id: str
    title: str
    unit: str
    errors: tuple[SideError, ...] = ()
    problems: tuple[str, ...] = ()  # what could not be compared inside the plan
    fields: tuple[FieldChange, ...] = ()  # plan-level fields: title, period, unit ...
    also: tuple[str, ...] = ()  # other sections that changed: citations, roadmap ...
    projects: tuple[ProjectChange, ...] = ()
    targets: tuple[TargetChange, ...] = ()
    groups: tuple[ItemChange, ...] = ()
    sources: tuple[ItemChange, ...] = ()
    total: Money = Money(None, None)
    rollups: tuple[Rollup, ...] = ()
    stated: tuple[StatedChange, ...] = ()
    stale: tuple[StaleTotal, ...] = ()
    # The plan as the terminal prints it (render.text_plan), when compare() was asked to lay it
    # out where the plan was compared (see compare).
    text: str | None = None

    @property
    def renamed(self) -> bool:
        return bool(self.old_path and self.new_path and self.old_path != self.new_path)

    @property
    def changed(self) -> bool:
        """Anything a reviewer should see (a change of comments or layout only is not)."""
        return bool(self.status is not Status.CHANGED or self.renamed or self.errors or self.fields or self.also
                    or self.projects or self.targets or self.groups or self.sources or self.total.changed
                    or self.stated)


class DiffResult(NamedTuple):
    old: Revision
    new: Revision
    title: str
    plans: tuple[PlanDiff, ...]
    spec: str = ""  # the revisions as given, to say how to run the same comparison again

    @property
    def changed(self) -> bool:
        return any(p.changed for p in self.plans)


class Side(NamedTuple):
    """One revision of one file: the plan, or why it cannot be compared."""

    snapshot: Snapshot | None = None  # when the file is a plan
    error: str | None = None
    kind: Any = None  # the file's `kind`, when it parsed as a mapping

    @property
    def is_plan(self) -> bool:
        return self.snapshot is not None


class Loader:
    """Reads files at revisions through their blob ids; a blob seen before is not parsed again
    (in `planctl log`, each commit's new side is the next commit's old side)."""

    def __init__(self, repo: Repository, max_bytes: int, keep: int | None = None, *, cached: bool = False,
                 sizes: Mapping[str, int] | None = None, ahead: BlobStream | None = None) -> None:
        self.repo = repo
        self.max_bytes = max_bytes
        # The blobs' sizes when the caller asked git for them all at once (Repository.blob_sizes);
        # a blob not among them is asked for alone.
        self.sizes = sizes or {}
        self.ahead = ahead  # the blobs git reads ahead, in the order they will be asked for (`planctl log`)
        # Whether a blob's data comes from planctl's cache on disk when its bytes were read before
        # (planctl/parsecache.py): `planctl diff` reads whole plans at two revisions; `planctl log`
        # parses only what changed between consecutive revisions, faster than a cache file.
        self.cached = cached
        # `planctl diff` reads each blob once or twice and keeps them all; `planctl log` walks a
        # chain where only the last revision is read again, so it keeps the last `keep` sides:
        # memory stays flat in the number of commits (it held every revision: 274 MB for 2,000).
        self.keep = keep
        self.cache: dict[str, Side] = {}
        self._plain: SpanLoader | None = None

    @property
    def plain(self) -> SpanLoader:
        """The YAML loader, made when a blob is not in the cache: consecutive revisions of a plan
        share most of their text, so only what changed is parsed. Imported then, not before: a diff
        whose blobs all come from the cache never loads ruamel.yaml (~50 million instructions)."""
        if self._plain is None:
            from .spanload import SpanLoader

            self._plain = SpanLoader(self.max_bytes)
        return self._plain

    def forget(self) -> None:
        """The next blob is parsed whole, not by its differences from the last one parsed."""
        if self._plain is not None:
            self._plain.forget()

    def side(self, path: str | None, blob: str | None, regular: bool, revision: str = "") -> Side | None:
        """The file at one revision (None when it does not exist there); `revision` names it in
        the error when git cannot read the file."""
        if path is None or blob is None:
            return None
        if not regular:
            return Side(error=_("is a symbolic link or a submodule, not a plan file"))
        found = self.cache.pop(blob, None)  # taken out and put back last: the least recent goes first
        if found is None:
            found = self._read(path, blob, revision)
        self.cache[blob] = found
        if self.keep is not None and len(self.cache) > self.keep:
            del self.cache[next(iter(self.cache))]
        return found

    def _read(self, path: str, blob: str, revision: str) -> Side:
        known = parsecache.read_blob(blob) if self.cached else None
        size = known[0] if known is not None else self.sizes.get(blob)
        if size is None:
            size = self.repo.blob_size(blob, path, revision)
        if size > self.max_bytes:
            return Side(error=_("is {size} bytes, over the limit of {limit} (max-file-bytes in [tool.planctl])",
                                size=number(size), limit=number(self.max_bytes)))
        # Plain data: history compares values and never reads a position (issue 16).
        if known is not None:  # read before, and found by its id: git is not asked for its bytes
            data, error, parsed = known[1], None, False
        else:
            raw = self.ahead.take(blob) if self.ahead is not None else None
            if raw is None:
                raw = self.repo.read_blob(blob, path, revision)
            found = parsecache.find_data(raw) if self.cached else None
            data_key: str | None
            if found is not None:
                (data, data_key), error, parsed = found, None, False
            else:
                (data, error), parsed = self.plain.load(raw, path), True
                data_key = parsecache.store_data(raw, data) if self.cached and error is None else None
            if data_key is not None:
                parsecache.store_blob(blob, size, data_key)
        if not parsed:  # the next side is read whole, not by its differences from this one
            self.forget()
        if error is not None:
            return Side(error=_("does not parse: line {line}, column {column}: {message}", line=error.line,
                                column=error.column, message=error.message))
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind != "plan":
            what = f"kind: {kind}" if kind is not None else _("no 'kind: plan'")
            return Side(error=_("is not a plan ({what})", what=what), kind=kind)
        return Side(build(data), kind=kind)


def is_yaml(change: FileChange) -> bool:
    return any(p and p.endswith(YAML_SUFFIXES) for p in (change.old_path, change.new_path))


def plan_diff(change: FileChange, old: Side | None, new: Side | None, old_revision: Revision,
              new_revision: Revision, *, report_errors: bool, with_rollups: bool = True) -> PlanDiff | None:
    """The diff of one changed file. A file that is a plan on neither side is None, unless
    `report_errors` (it was named, or it is in the plan globs and does not parse). Without
    `with_rollups` the roll-up tables are left empty (the text and Markdown logs never show them)."""
    status = Status.ADDED if change.old_path is None else Status.REMOVED if change.new_path is None else Status.CHANGED
    base: dict[str, Any] = dict(path=change.path, old_path=change.old_path, new_path=change.new_path, status=status)
    sides = [(name, side, revision) for name, side, revision in
             (("old", old, old_revision), ("new", new, new_revision)) if side is not None]
    if not any(side.is_plan for _, side, _ in sides) and not report_errors:
        return None
    errors = tuple(SideError(name, revision.label, side.error or "")
                   for name, side, revision in sides if not side.is_plan)
    if errors:
        shown = next((side.snapshot for _, side, _ in reversed(sides) if side.is_plan), None)
        return PlanDiff(**base, id=shown.id if shown else "", title=shown.title if shown else "",
                        unit=shown.unit if shown else "", errors=errors)
    return diff_plans(base, old.snapshot if old else None, new.snapshot if new else None, with_rollups=with_rollups)


def compare_file(loader: Loader, change: FileChange, selection: Selection, scope: Scope) -> PlanDiff | None:
    """The diff of one changed file, or None when it is not a plan and was not asked for."""
    named = scope.is_named(change.old_path) or scope.is_named(change.new_path)
    if not is_yaml(change):
        if not named:
            return None  # a README or an image among the plans
        status = Status.ADDED if change.old_path is None else Status.REMOVED if change.new_path is None \
            else Status.CHANGED
        side, revision = ("new", selection.new) if change.new_path else ("old", selection.old)
        return PlanDiff(change.path, change.old_path, change.new_path, status, "", "", "",
                        errors=(SideError(side, revision.label,
                                          _("is not a YAML file: planctl diff compares plan files (.yaml)")),))
    loader.forget()  # the new side is read from the old one, never from another plan
    old = loader.side(change.old_path, change.old_blob, change.old_regular, selection.old.label)
    new = loader.side(change.new_path, change.new_blob, change.new_regular, selection.new.label)
    broken = any(s is not None and s.error and s.kind is None for s in (old, new))
    in_globs = scope.in_plan_globs(change.old_path) or scope.in_plan_globs(change.new_path)
    return plan_diff(change, old, new, selection.old, selection.new, report_errors=named or (broken and in_globs))


def diff_plans(base: dict, old: Snapshot | None, new: Snapshot | None, *, with_rollups: bool = True) -> PlanDiff:
    """The semantic diff of two revisions of a plan (None: the plan does not exist there)."""
    before, after = old or EMPTY, new or EMPTY
    fields, also = semantic.plan_fields(before, after) if old and new else ((), ())
    shown = new or old
    assert shown is not None, "a plan diff has a side"
    problems = tuple(dict.fromkeys(  # each problem once, saying at which revision
        [_("at the old revision: {problem}", problem=p) for p in (old.problems if old else ())
         if p not in (new.problems if new else ())]
        + [f"{p}" for p in (new.problems if new else ())]))
    return PlanDiff(
        **base, id=shown.id, title=shown.title, unit=shown.unit, problems=problems, fields=fields, also=also,
        projects=semantic.projects(before, after), targets=semantic.targets(before, after),
        groups=semantic.groups(before, after), sources=semantic.sources(before, after),
        total=Money(plan_total(old) if old else None, plan_total(new) if new else None),
        rollups=rollups(before, after) if with_rollups else (), stated=stated_changes(before, after),
        stale=stale_totals(before, after))


# From this many changed files up, the files are compared on two processes or more
# (parallel.py). The workers cost CPU time (forks, their own git processes, caches warmed again)
# to save wall time: with 16 plans changed (the bench's `diff HEAD~8 HEAD`, 2 cores) wall 0.59 ->
# 0.52 s and CPU 0.59 -> 0.70 s; with 96, wall 1.65 -> 1.17 s and CPU 1.65 -> 1.78 s.
PARALLEL_FROM = 16


def compare(repo: Repository, selection: Selection, scope: Scope, config: Config,
            rendered: Callable[[PlanDiff], str] | None = None) -> DiffResult:
    """The changed files compared. With `rendered` (render.text_plan), each plan diff keeps its
    text too, laid out where it was compared: in the workers of a large diff, so the tables
    (tabulate: a tenth of a 100-plan diff's CPU time) are laid out on every core as well."""
    changes = repo.changes(selection.old, selection.new, list(scope.pathspecs))
    plans = _compare_changes(repo, changes, selection, scope, config.max_file_bytes, rendered)
    found = sorted((p for p in plans if p is not None), key=lambda p: p.path)
    return DiffResult(selection.old, selection.new, selection.title, tuple(found), selection.spec)


def _compare_changes(repo: Repository, changes: list[FileChange], selection: Selection, scope: Scope,
                     max_bytes: int, rendered: Callable[[PlanDiff], str] | None) -> list[PlanDiff | None]:
    """compare_file of each change, in order: from planctl's cache when its pair of blobs was
    compared before (history/diffcache.py: ~0.7 ms a plan, less than forking a worker), the others
    in this process or in batches on forked workers."""
    results: list[PlanDiff | None] = []
    for change in changes:
        key = diffcache.key(change, max_bytes)
        found = diffcache.read(key) if key is not None else None
        if key is not None and found is not None:
            found = _as_asked(found, key, rendered)
        results.append(found)
    todo = [i for i, found in enumerate(results) if found is None]
    pending = [changes[i] for i in todo]
    work = functools.partial(_compare_all, selection=selection, scope=scope, max_bytes=max_bytes, rendered=rendered)
    done = in_workers(repo, pending, work)
    computed: list[PlanDiff | None] = work(repo, pending) if done is None else [None] * len(pending)
    if done is not None:  # back in the order of the changes (batch i holds changes i, i + count ...)
        for i, batch_results in enumerate(done):
            computed[i::len(done)] = batch_results
    for i, found in zip(todo, computed, strict=True):
        results[i] = found
    return results


def _as_asked(stored: PlanDiff, key: str, rendered: Callable[[PlanDiff], str] | None) -> PlanDiff:
    """A stored comparison with its terminal text when `rendered` asks for it (laid out now, and
    stored again, when a diff in another format stored it), else without."""
    if rendered is None:
        return stored._replace(text=None)
    if stored.text is not None:
        return stored
    laid_out = stored._replace(text=rendered(stored))
    diffcache.store(key, laid_out)
    return laid_out


def _compare_all(repo: Repository, changes: list[FileChange], *, selection: Selection, scope: Scope,
                 max_bytes: int, rendered: Callable[[PlanDiff], str] | None) -> list[PlanDiff | None]:
    loader = Loader(repo, max_bytes, cached=True)
    return [_compared(loader, change, selection, scope, rendered) for change in changes]


def in_workers(repo: Repository, changes: list[FileChange], work: Callable[[Repository, list[FileChange]], list[T]],
               prepare: Callable[[], object] | None = None) -> list[list[T]] | None:
    """work(repository, batch) on forked workers, one batch per worker: every count-th change, so
    that the plans of each folder (each province) are spread over the batches; the results of each
    batch, in the order of the batches. None when the changes are fewer than PARALLEL_FROM or there
    is one core: the caller does the work here. `prepare` runs just before the fork (what every
    worker inherits). Each worker opens the repository again: the blob reader of the parent's (a
    `git cat-file` process behind a pipe) must not be shared."""
    if len(changes) < PARALLEL_FROM:
        return None
    # Imported here: multiprocessing and concurrent.futures cost ~10 ms a small diff does not need.
    from .. import parallel

    processes = parallel.workers()
    if processes < 2:
        return None
    if prepare is not None:
        prepare()
    batches = [(changes[i::processes],) for i in range(processes)]
    return parallel.run_batches(functools.partial(_in_worker, repo.root, work), batches, processes, _worker_died)


def _in_worker(root: Path, work: Callable[[Repository, list[FileChange]], list[T]], changes: list[FileChange]) -> list[T]:
    with Repository(root) as repo:
        return work(repo, changes)


def _compared(loader: Loader, change: FileChange, selection: Selection, scope: Scope,
              rendered: Callable[[PlanDiff], str] | None) -> PlanDiff | None:
    """compare_file, laid out with `rendered`, and stored in planctl's cache for the next run."""
    found = compare_file(loader, change, selection, scope)
    if found is None:
        return None
    if rendered is not None:
        found = found._replace(text=rendered(found))
    key = diffcache.key(change, loader.max_bytes)
    if key is not None:
        diffcache.store(key, found)
    return found


def _worker_died() -> str:
    return _("a diff worker process died (killed or out of memory), so the plans it was comparing have no result")
