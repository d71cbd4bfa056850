"""What a revision does to the totals: roll-ups of the projects' amounts and the printed totals.

Roll-ups are computed from the projects at each revision (per group, funding source, type and
year, and the plan total). Printed totals (stated figures: group subtotals, the project list's
grand total, the budget in the text, the phasing table) are compared figure by figure, and a
printed total that stayed put while the items it summarises changed is called out: that is the
line a reviewer most needs to see.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping

from .diff import Money
from .snapshot import NO_TYPE, Snapshot

TOTAL_ONLY = "(total only)"  # projects with a printed total and no amount per source


@dataclass(frozen=True)
class RollupRow:
    key: str
    label: str
    money: Money
    parent: str | None = None  # a funding source that is part of another


@dataclass(frozen=True)
class Rollup:
    dimension: str  # group, source, type, year, phasing
    title: str
    rows: tuple[RollupRow, ...]
    note: str = ""

    @property
    def changed(self) -> bool:
        return any(r.money.changed for r in self.rows)


@dataclass(frozen=True)
class StatedChange:
    """A printed total whose figure changed."""

    key: str
    label: str
    money: Money


@dataclass(frozen=True)
class StaleTotal:
    """A printed total that did not change although what it summarises did."""

    key: str
    label: str
    stated: int
    computed: Money
    what: str  # what the printed total summarises, e.g. "the projects' sum"
    block: str  # where it is printed: 'group g1 printed subtotal', 'budget in the text' ...


def plan_total(plan: Snapshot) -> int | None:
    values = [v for v in (plan.value(p) for p in plan.projects.values()) if v is not None]
    return sum(values) if values else None


def by_group(plan: Snapshot) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for project in plan.projects.values():
        value = plan.value(project)
        if value is not None:
            totals[project.group] += value
    return dict(totals)


def by_source(plan: Snapshot) -> dict[str, int]:
    """Each source's share of the projects: its own cells, else its children's."""
    totals: dict[str, int] = defaultdict(int)
    used = list(plan.sources) + sorted({s for p in plan.projects.values() for s in p.amounts} - set(plan.sources))
    for project in plan.projects.values():
        if not project.amounts:
            if project.printed_total is not None:
                totals[TOTAL_ONLY] += project.printed_total
            continue
        for sid in used:
            part = plan.attributed(project.amounts, sid)
            if part is not None:
                totals[sid] += part
    return {sid: totals[sid] for sid in [*used, TOTAL_ONLY] if sid in totals}


def by_group_source(plan: Snapshot) -> dict[tuple[str, str], int]:
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for project in plan.projects.values():
        for sid in set(project.amounts) | {a for s in project.amounts for a in plan.ancestors(s)}:
            part = plan.attributed(project.amounts, sid)
            if part is not None:
                totals[(project.group, sid)] += part
    return dict(totals)


def by_type(plan: Snapshot) -> dict[str, int]:
    """Investment / recurrent: a source's type (inherited from its parents), else the project's."""
    totals: dict[str, int] = defaultdict(int)
    for project in plan.projects.values():
        own = project.fields.get("type") if project.fields.get("type") in ("investment", "recurrent") else None
        if project.amounts:
            for sid, amount in plan.top_level(project.amounts).items():
                totals[plan.source_type(sid) or own or NO_TYPE] += amount
        elif project.printed_total is not None:
            totals[own or NO_TYPE] += project.printed_total
    return {t: totals[t] for t in ("investment", "recurrent", NO_TYPE) if t in totals}


def by_year(plan: Snapshot) -> tuple[dict[str, int], int, int]:
    """(VND per year from the projects' by_year, projects with a by_year, projects with money)."""
    totals: dict[str, int] = defaultdict(int)
    covered = 0
    for project in plan.projects.values():
        if project.by_year:
            covered += 1
            for year, amount in project.by_year.items():
                totals[year] += amount
    funded = sum(1 for p in plan.projects.values() if plan.value(p) is not None)
    return dict(sorted(totals.items())), covered, funded


def _rows(old: Mapping[str, int], new: Mapping[str, int], label: Callable[[str], str],
          parent: Callable[[str], str | None] = lambda key: None) -> tuple[RollupRow, ...]:
    keys = list(new) + [k for k in old if k not in new]
    return tuple(RollupRow(k, label(k), Money(old.get(k), new.get(k)), parent(k)) for k in keys)


def rollups(old: Snapshot, new: Snapshot) -> tuple[Rollup, ...]:
    def group_label(gid: str) -> str:
        group = new.groups.get(gid) or old.groups.get(gid)
        return f"{gid} {group.name}" if group else gid

    def source_label(sid: str) -> str:
        source = new.sources.get(sid) or old.sources.get(sid)
        return f"{sid} {source.name}" if source else sid

    def source_parent(sid: str) -> str | None:
        source = new.sources.get(sid) or old.sources.get(sid)
        return source.parent if source else None

    old_years, old_covered, old_funded = by_year(old)
    new_years, new_covered, new_funded = by_year(new)
    found = [
        Rollup("group", "per group", _rows(by_group(old), by_group(new), group_label)),
        Rollup("source", "per funding source", _rows(by_source(old), by_source(new), source_label, source_parent)),
        Rollup("type", "per type", _rows(by_type(old), by_type(new), str)),
    ]
    if old_years or new_years:
        note = (f"from the by_year of {new_covered} of {new_funded} projects"
                + (f" (before: {old_covered} of {old_funded})" if (old_covered, old_funded) != (new_covered, new_funded)
                   else "")
                + "; projects without by_year are not spread over years")
        found.append(Rollup("year", "per year (projects)", _rows(old_years, new_years, str), note))
    if old.phasing_years or new.phasing_years:
        found.append(Rollup("phasing", "per year (phasing table)", _rows(old.phasing_years, new.phasing_years, str),
                            "the printed phasing table, its top-level rows added up"))
    return tuple(found)


def stated_changes(old: Snapshot, new: Snapshot) -> tuple[StatedChange, ...]:
    keys = list(new.stated) + [k for k in old.stated if k not in new.stated]
    changes = []
    for key in keys:
        before, after = old.stated.get(key), new.stated.get(key)
        money = Money(before.vnd if before else None, after.vnd if after else None)
        if money.changed:
            changes.append(StatedChange(key, (after or before).label, money))
    return tuple(changes)


def stale_totals(old: Snapshot, new: Snapshot) -> tuple[StaleTotal, ...]:
    """Printed totals unchanged while the sum of the projects they summarise changed."""
    computed: dict[str, tuple[Money, str]] = {}
    total = Money(plan_total(old), plan_total(new))
    for key in ("project_list/total", "budget/total", "phasing/total"):
        computed[key] = (total, "the projects' sum")
    old_groups, new_groups = by_group(old), by_group(new)
    for gid in set(old_groups) | set(new_groups):
        computed[f"groups/{gid}/total"] = (Money(old_groups.get(gid), new_groups.get(gid)), f"the sum of group {gid}")
    old_gs, new_gs = by_group_source(old), by_group_source(new)
    for gid, sid in set(old_gs) | set(new_gs):
        computed[f"groups/{gid}/by_source/{sid}"] = (Money(old_gs.get((gid, sid)), new_gs.get((gid, sid))),
                                                     f"the sum of group {gid} for {sid}")
    old_sources, new_sources = by_source(old), by_source(new)
    for sid in set(old_sources) | set(new_sources):
        money = Money(old_sources.get(sid), new_sources.get(sid))
        for key in (f"project_list/by_source/{sid}", f"budget/by_source/{sid}", f"phasing/{sid}/total"):
            computed[key] = (money, f"the projects' sum for {sid}")
    old_types, new_types = by_type(old), by_type(new)
    for kind in set(old_types) | set(new_types):
        money = Money(old_types.get(kind), new_types.get(kind))
        for key in (f"project_list/by_type/{kind}", f"budget/by_type/{kind}"):
            computed[key] = (money, f"the projects' {kind} sum")
    stale = []
    for key, figure in new.stated.items():
        before = old.stated.get(key)
        if before is None or before.vnd != figure.vnd or key not in computed:
            continue
        money, what = computed[key]
        if money.changed and money.old is not None and money.new is not None:
            stale.append(StaleTotal(key, figure.label, figure.vnd, money, what, figure.block))
    return tuple(stale)
