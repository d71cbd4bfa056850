"""The semantic diff of two revisions of a plan: changes keyed by id, as frozen records.

Items (projects, targets, groups, funding sources) are matched by `id`, so a reorder is not a
change and a project found under another group is a move. Money is compared in VND (see
snapshot.py); renderers print it in the plan's unit. Roll-ups and printed totals are in
rollup.py.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, NamedTuple

from .snapshot import Project, Snapshot


class Status(str, enum.Enum):  # noqa: UP042 -- StrEnum would change how a status formats in f-strings
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Money(NamedTuple):
    """An amount at both revisions, in VND; None where it is absent."""

    old: int | None
    new: int | None

    @property
    def delta(self) -> int:
        return (self.new or 0) - (self.old or 0)

    @property
    def percent(self) -> float | None:
        """Δ as a percentage of the old amount (None when there was no old amount)."""
        return self.delta * 100 / self.old if self.old else None

    @property
    def changed(self) -> bool:
        return self.old != self.new


class Line(NamedTuple):
    """One row of a breakdown: a funding source or a year, with its amounts."""

    key: str
    money: Money


class FieldChange(NamedTuple):
    field: str
    old: Any  # None when absent
    new: Any


class ProjectChange(NamedTuple):
    id: str
    status: Status
    name: str
    old_group: str | None
    new_group: str | None
    total: Money  # the project's amount: sum of its sources, else its printed total
    sources: tuple[Line, ...]  # per funding source (every source when added or removed)
    years: tuple[Line, ...]  # per year of by_year
    printed_total: Money | None  # the printed total column, when it changed beside the amounts
    fields: tuple[FieldChange, ...]  # name, lead, start, end, type ...
    also: tuple[str, ...]  # other fields that changed (note, source ...)

    @property
    def moved(self) -> bool:
        return bool(self.old_group and self.new_group and self.old_group != self.new_group)


class TargetChange(NamedTuple):
    id: str
    status: Status
    indicator: str
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None
    fields: tuple[FieldChange, ...]  # value, year, comparator, unit, value_max, group ...
    also: tuple[str, ...]


class ItemChange(NamedTuple):
    """A group or a funding source added, removed or changed (its projects are listed apart)."""

    id: str
    status: Status
    name: str
    fields: tuple[FieldChange, ...]
    also: tuple[str, ...]


PROJECT_FIELDS = ("name", "lead", "start", "end", "years_as_printed", "type")
TARGET_FIELDS = ("indicator", "value", "value_max", "comparator", "unit", "year", "group", "national_target")
GROUP_FIELDS = ("name", "task_groups")
SOURCE_FIELDS = ("name", "kind", "parent", "type")


def compare_fields(old: Mapping[str, Any], new: Mapping[str, Any],
                   compared: tuple[str, ...]) -> tuple[tuple[FieldChange, ...], tuple[str, ...]]:
    """(changes of the named fields, names of the other fields that changed)."""
    fields = tuple(FieldChange(name, old.get(name), new.get(name)) for name in compared
                   if old.get(name) != new.get(name))
    others = [k for k in {**old, **new} if k not in compared and old.get(k) != new.get(k)]
    return fields, tuple(others)


def _lines(old: Mapping[str, int], new: Mapping[str, int], everything: bool) -> tuple[Line, ...]:
    keys = list(new) + [k for k in old if k not in new]
    lines = (Line(k, Money(old.get(k), new.get(k))) for k in keys)
    return tuple(line for line in lines if everything or line.money.changed)


def _project(pid: str, old_plan: Snapshot, new_plan: Snapshot) -> ProjectChange | None:
    old: Project | None = old_plan.projects.get(pid)
    new: Project | None = new_plan.projects.get(pid)
    status = Status.ADDED if old is None else Status.REMOVED if new is None else Status.CHANGED
    whole = status is not Status.CHANGED  # an added or removed project shows all its figures
    old_amounts = old.amounts if old else {}
    new_amounts = new.amounts if new else {}
    total = Money(old_plan.value(old) if old else None, new_plan.value(new) if new else None)
    fields, also = compare_fields(old.fields if old else {}, new.fields if new else {}, PROJECT_FIELDS)
    if whole:
        fields, also = (), ()
    printed = None
    old_printed, new_printed = (old.printed_total if old else None), (new.printed_total if new else None)
    # The printed total is the project's amount when it has no amounts; beside amounts it is a
    # printed figure of its own, worth a line when it changed.
    if (old_amounts or new_amounts) and old_printed != new_printed and not whole:
        printed = Money(old_printed, new_printed)
    shown = new or old
    assert shown is not None, "a project is on one side at least"
    change = ProjectChange(
        pid, status, shown.name, old.group if old else None, new.group if new else None, total,
        _lines(old_amounts, new_amounts, whole),
        _lines(old.by_year if old else {}, new.by_year if new else {}, whole),
        printed, fields, also)
    if status is Status.CHANGED and not (total.changed or change.sources or change.years or printed
                                         or fields or also or change.moved):
        return None
    return change


def projects(old: Snapshot, new: Snapshot) -> tuple[ProjectChange, ...]:
    """Changed and added projects in the new plan's order, then the removed ones."""
    ids = list(new.projects) + [pid for pid in old.projects if pid not in new.projects]
    # With the same funding sources (so the same way of adding a project up), an equal project
    # cannot have changed: most of a plan, in every commit `planctl log` walks.
    if old.sources == new.sources:
        ids = [pid for pid in ids if old.projects.get(pid) != new.projects.get(pid)]
    return tuple(c for c in (_project(pid, old, new) for pid in ids) if c is not None)


def project(pid: str, old: Snapshot, new: Snapshot) -> ProjectChange | None:
    """One project's change, None when it did not change or is on neither side (`planctl log
    --item` asks this of every commit before it diffs the whole plan)."""
    if pid not in old.projects and pid not in new.projects:
        return None
    return _project(pid, old, new)


def target(tid: str, old: Snapshot, new: Snapshot) -> TargetChange | None:
    """One target's change, None when it did not change or is on neither side."""
    before, after = old.targets.get(tid), new.targets.get(tid)
    if before is after:  # the same Target (its text did not change) or absent from both
        return None
    if before and after:
        fields, also = compare_fields(before.fields, after.fields, TARGET_FIELDS)
        if fields or also:
            return TargetChange(tid, Status.CHANGED, after.indicator, before.fields, after.fields, fields, also)
    elif after:
        return TargetChange(tid, Status.ADDED, after.indicator, None, after.fields, (), ())
    elif before:
        return TargetChange(tid, Status.REMOVED, before.indicator, before.fields, None, (), ())
    return None


def targets(old: Snapshot, new: Snapshot) -> tuple[TargetChange, ...]:
    ids = list(new.targets) + [t for t in old.targets if t not in new.targets]
    return tuple(c for c in (target(tid, old, new) for tid in ids) if c is not None)


def _items(old: Mapping[str, Any], new: Mapping[str, Any], compared: tuple[str, ...]) -> tuple[ItemChange, ...]:
    changes = []
    for key in list(new) + [k for k in old if k not in new]:
        before, after = old.get(key), new.get(key)
        if before is after:  # the same item (its text did not change): no change
            continue
        shown = after if after is not None else before
        name = str(shown.fields.get("name", key)) if shown is not None else key
        if before and after:
            fields, also = compare_fields(before.fields, after.fields, compared)
            if fields or also:
                changes.append(ItemChange(key, Status.CHANGED, name, fields, also))
        else:
            changes.append(ItemChange(key, Status.ADDED if after else Status.REMOVED, name, (), ()))
    return tuple(changes)


def groups(old: Snapshot, new: Snapshot) -> tuple[ItemChange, ...]:
    return _items(old.groups, new.groups, GROUP_FIELDS)


def sources(old: Snapshot, new: Snapshot) -> tuple[ItemChange, ...]:
    return _items(old.sources, new.sources, SOURCE_FIELDS)


PLAN_FIELDS = ("id", "title", "province", "period", "implements", "unit")


def plan_fields(old: Snapshot, new: Snapshot) -> tuple[tuple[FieldChange, ...], tuple[str, ...]]:
    """Plan-level fields that changed, and the other sections that changed (citations ...)."""
    before = {**old.sections, "unit": old.unit}
    after = {**new.sections, "unit": new.unit}
    return compare_fields(before, after, PLAN_FIELDS)
