"""`planctl log`: the commits that changed a plan (or one project or target), newest first.

Each commit is compared with its parent exactly as `planctl diff` compares two revisions, so
the change a commit made reads the same in both commands. Renames are followed by git
(`git log --follow`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ..config import Config
from ..errors import PlanctlError
from . import diff as semantic
from . import text as t
from .compare import EMPTY, Loader, PlanDiff, Side, plan_diff
from .diff import ProjectChange, Status, TargetChange
from .lang import _
from .revisions import SHALLOW_HINT, Commit, PathCommit, Repository, Revision

# The note of a log read from a shallow clone: English in the JSON result, translated where shown.
SHALLOW_NOTE = "the history may be cut short: " + SHALLOW_HINT

BOUNDARY = ("the history of this shallow clone starts here: the change this commit made is unknown "
            "(git fetch --unshallow fetches the rest)")
MAX_LINES = 12  # per commit in the plan's log; the rest is counted, `planctl diff` shows it all


class LogEntry(NamedTuple):
    commit: Commit
    old_path: str | None
    new_path: str | None
    lines: tuple[str, ...]  # the change, one phrase per line
    plan: PlanDiff | None  # the whole change to the plan in this commit (None: unknown, shallow clone)
    project: ProjectChange | None = None  # with --item
    target: TargetChange | None = None  # with --target
    json: str | None = None  # the entry as the JSON log prints it, when it was rendered as it was found


class LogResult(NamedTuple):
    path: str
    start: Revision
    what: str  # '' for the whole plan, else 'project' or 'target'
    item: str | None
    entries: tuple[LogEntry, ...]
    notes: tuple[str, ...]


def plan_summary(plan: PlanDiff) -> list[str]:
    """The change one commit made to a plan, shortest first."""
    if plan.errors:
        return [_("error at {revision}: {message}", revision=e.revision, message=e.message) for e in plan.errors]
    unit = plan.unit
    lines = []
    if plan.status is Status.ADDED:
        lines.append(_("plan added: {projects}, total {amount} {unit}", projects=t.plural(len(plan.projects), "project"),
                       amount=t.amount(plan.total.new, unit), unit=t.unit_name(unit)))
    elif plan.status is Status.REMOVED:
        lines.append(_("plan removed (total was {amount} {unit})", amount=t.amount(plan.total.old, unit),
                       unit=t.unit_name(unit)))
    if plan.renamed:
        lines.append(_("renamed from {path}", path=plan.old_path))
    if plan.status is not Status.CHANGED:
        return lines
    if plan.total.changed:
        lines.append(f"{_('total')} {t.change(plan.total, unit, show_unit=True)}")
    if plan.stale:
        lines.append(_("⚠ {totals} left unchanged", totals=t.plural(len(plan.stale), "printed total"))
                     + f" ({', '.join(dict.fromkeys(t.block_label(s.key) for s in plan.stale))})")
    details = [f"{p.id} {'; '.join(t.project_lines(p, unit))}" for p in plan.projects]
    details += [f"{_('target')} {c.id} {'; '.join(t.target_lines(c))}" for c in plan.targets]
    details += [f"{_('group')} {g.id} {_(g.status.value)}" for g in plan.groups]
    details += [f"{_('source')} {s.id} {_(s.status.value)}" for s in plan.sources]
    details += [f"{t.figure_label(s.key)} {t.change(s.money, unit)}" for s in plan.stated]
    details += [_("plan: {change}", change=t.field_change(f)) for f in plan.fields]
    if plan.also:
        details.append(t.also(plan.also))
    if len(details) > MAX_LINES:
        left = len(details) - MAX_LINES + 1
        details = details[:MAX_LINES - 1] + [_("… and {n} more (planctl diff shows them)", n=left)]
    lines += details
    return lines or [_("no change in content (comments or layout only)")]


def history(repo: Repository, path: str, start: Revision, config: Config, *, project: str | None = None,
            target: str | None = None, max_count: int | None = None, details: bool = True,
            rendered: Callable[[LogEntry], str] | None = None,
            emit: Callable[[LogResult, LogEntry], None] | None = None) -> LogResult:
    """The log; with `details=False` each entry keeps only its lines, not the commit's whole
    PlanDiff (the text and Markdown logs print only the lines), so memory does not grow with
    the number of commits by a plan diff each. With `rendered` (the JSON log) each entry is
    kept as `rendered(entry)`, its text, instead of its PlanDiff. With `emit`, each entry goes
    to emit(the log without entries, entry) as it is found and is not kept: the result has none."""
    commits = repo.path_history(start, path, None if (project or target) else max_count)
    if not commits:
        raise PlanctlError(_("no commit reachable from {start} changed {path} (check the path: it is the plan's path "
                             "at that revision)", start=start.label, path=path))
    # Each commit's old side is the next (older) commit's new side: two sides are all it keeps.
    sizes = repo.blob_sizes(b for f in commits for b in (f.change.old_blob, f.change.new_blob))
    loader = Loader(repo, config.max_file_bytes, keep=2, sizes=sizes,
                    ahead=repo.blob_stream(_read_order(commits, sizes, config.max_file_bytes)))
    what, item = ("project", project) if project else ("target", target) if target else ("", None)
    boundary = repo.shallow_boundary()
    # English in the JSON result; translated where shown (summary_rows.log_notes).
    head = LogResult(path, start, what, item, (), (SHALLOW_NOTE,) if repo.is_shallow() else ())
    entries: list[LogEntry] = []
    found_count = 0

    def keep(entry: LogEntry) -> None:
        nonlocal found_count
        found_count += 1
        entry = _kept(entry, rendered)
        if emit is None:
            entries.append(entry)
        else:
            emit(head, entry)

    for found in commits:
        change, commit = found.change, found.commit
        if commit.sha in boundary and change.old_path is None:
            # git shows the file as added here only because the parents were not fetched.
            keep(LogEntry(commit, None, change.new_path, (BOUNDARY,), None))
            break
        parent = Revision(commit.parents[0][:10], commit.parents[0]) if commit.parents else \
            Revision("(no parent)", None)
        # The new side first: it was the old side of the commit before (newer), still kept.
        new = loader.side(change.new_path, change.new_blob, change.new_regular, commit.sha[:10])
        old = loader.side(change.old_path, change.old_blob, change.old_regular,
                          f"{parent.label} (parent of {commit.sha[:10]})")
        if item and not _item_changed(what, item, old, new):
            continue  # most commits leave the item alone: no need to diff the whole plan
        # Only the JSON log (`details`) prints a commit's roll-ups: the others do not compute them.
        plan = plan_diff(change, old, new, parent, Revision(commit.sha[:10], commit.sha), report_errors=True,
                         with_rollups=details)
        if plan is None:
            continue
        entry = _entry(found.commit, plan, what, item)
        if entry is not None and not details:
            entry = LogEntry(entry.commit, entry.old_path, entry.new_path, entry.lines, None)
        if entry is not None:
            keep(entry)
        if max_count and found_count >= max_count:
            break
    if item and not found_count:
        raise PlanctlError(_("no commit reachable from {start} changed {what} {item!r} in {path} "
                             "(is the id right? `planctl diff` lists ids)", start=start.label, what=_(what),
                             item=item, path=path))
    return LogResult(path, start, what, item, tuple(entries), head.notes)


def _read_order(commits: list[PathCommit], sizes: Mapping[str, int], max_bytes: int) -> list[str]:
    """The blobs the log will read from git, in order: each commit's new side, then its old side,
    which is the next commit's new side (read once, then kept by the loader); only regular files
    whose size is known and within the limit."""
    order: list[str] = []
    for found in commits:
        change = found.change
        for blob, regular in ((change.new_blob, change.new_regular), (change.old_blob, change.old_regular)):
            if blob and regular and sizes.get(blob, max_bytes + 1) <= max_bytes and (not order or order[-1] != blob):
                order.append(blob)
    return order


def _kept(entry: LogEntry, rendered: Callable[[LogEntry], str] | None) -> LogEntry:
    """The entry as the log keeps it: its rendered text instead of its plan diff, when rendered."""
    if rendered is None:
        return entry
    return LogEntry(entry.commit, entry.old_path, entry.new_path, entry.lines, None, json=rendered(entry))


def _item_changed(what: str, item: str, old: Side | None, new: Side | None) -> bool:
    """Whether the whole-plan diff can show a change of `item` (True when a side is not a plan:
    that commit is listed with its error, as before)."""
    if any(side is not None and not side.is_plan for side in (old, new)):
        return True
    before = old.snapshot if old and old.snapshot else EMPTY
    after = new.snapshot if new and new.snapshot else EMPTY
    if what == "project":
        return semantic.project(item, before, after) is not None
    return semantic.target(item, before, after) is not None


def _entry(commit: Commit, plan: PlanDiff, what: str, item: str | None) -> LogEntry | None:
    base: dict[str, Any] = dict(commit=commit, old_path=plan.old_path, new_path=plan.new_path, plan=plan)
    if not item or plan.errors:
        return LogEntry(**base, lines=tuple(plan_summary(plan)))
    if what == "project":
        found = next((p for p in plan.projects if p.id == item), None)
        return LogEntry(**base, lines=tuple(t.project_lines(found, plan.unit)), project=found) if found else None
    changed = next((c for c in plan.targets if c.id == item), None)
    return LogEntry(**base, lines=tuple(t.target_lines(changed)), target=changed) if changed else None
