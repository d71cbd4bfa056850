"""What a revision does to the totals: roll-ups of the projects' amounts and the printed totals.

Roll-ups are computed from the projects at each revision (per group, funding source, type and
year, and the plan total). Printed totals (stated figures: group subtotals, the project list's
grand total, the budget in the text, the phasing table) are compared figure by figure, and a
printed total that stayed put while the items it summarises changed is called out: that is the
line a reviewer most needs to see.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..plan.sources import project_value
from .diff import Money
from .snapshot import NO_TYPE, Project, Snapshot

TOTAL_ONLY = "(total only)"  # projects with a printed total and no amount per source


class RollupRow(NamedTuple):
    key: str
    label: str
    money: Money
    parent: str | None = None  # a funding source that is part of another
    name: str = ""  # the group's or source's name in the plan ('' when it has none)


class Rollup(NamedTuple):
    dimension: str  # group, source, type, year, phasing
    title: str
    rows: tuple[RollupRow, ...]
    note: str = ""
    # per year: projects giving yearly amounts and projects with an amount, (new, old)
    coverage: tuple[tuple[int, int], tuple[int, int]] | None = None
    # every group's or source's name at either revision, by id, also those without money
    names: Mapping[str, str] = {}  # never changed

    @property
    def changed(self) -> bool:
        return any(r.money.changed for r in self.rows)


class StatedChange(NamedTuple):
    """A printed total whose figure changed."""

    key: str
    label: str
    money: Money


class StaleTotal(NamedTuple):
    """A printed total that did not change although what it summarises did."""

    key: str
    label: str
    stated: int
    computed: Money
    what: str  # what the printed total summarises, e.g. "the projects' sum"
    block: str  # where it is printed: 'group g1 printed subtotal', 'budget in the text' ...


class Sums(NamedTuple):
    """The projects of one revision of a plan added up every way a roll-up needs (VND)."""

    total: int | None
    by_group: dict[str, int]
    by_source: dict[str, int]  # a source's own cells, else its children's; TOTAL_ONLY for the rest
    by_group_source: dict[tuple[str, str], int]
    by_type: dict[str, int]
    by_year: dict[str, int]
    with_years: int  # projects with a by_year
    funded: int  # projects with an amount


def sums(plan: Snapshot) -> Sums:
    """One pass over the projects, kept on the snapshot: `planctl log` compares each revision
    twice (with the commit before and the commit after)."""
    if "sums" in plan.memo:
        return plan.memo["sums"]
    total = None
    groups: dict[str, int] = defaultdict(int)
    sources: dict[str, int] = defaultdict(int)
    group_sources: dict[tuple[str, str], int] = defaultdict(int)
    types: dict[str, int] = defaultdict(int)
    years: dict[str, int] = defaultdict(int)
    with_years = funded = 0
    # A project's share of the sums depends on it and on the funding sources' tree only: the
    # shares of the plan added up last are reused for the same Project under the same tree.
    tree = (plan.tree.parent, plan.tree.type)
    last = _LAST_SHARES if _LAST_TREE and _LAST_TREE[0] == tree else {}
    shares: dict[int, tuple[Project, _Share]] = {}
    for project in plan.projects.values():
        known = last.get(id(project))
        share = known[1] if known is not None and known[0] is project else _share(plan, project)
        shares[id(project)] = (project, share)
        value, cells, total_only, type_cells = share
        if value is not None:
            total = (total or 0) + value
            groups[project.group] += value
            funded += 1
        for sid, amount in cells:
            sources[sid] += amount
            group_sources[(project.group, sid)] += amount
        if total_only is not None:
            sources[TOTAL_ONLY] += total_only
        for kind, amount in type_cells:
            types[kind] += amount
        if project.by_year:
            with_years += 1
            for year, amount in project.by_year.items():
                years[year] += amount
    _LAST_SHARES.clear()
    _LAST_SHARES.update(shares)
    _LAST_TREE[:] = [tree]
    order = [*plan.sources, *sorted(set(sources) - set(plan.sources) - {TOTAL_ONLY}), TOTAL_ONLY]
    found = Sums(total, dict(groups), {sid: sources[sid] for sid in order if sid in sources},
                 dict(group_sources), {t: types[t] for t in ("investment", "recurrent", NO_TYPE) if t in types},
                 dict(sorted(years.items())), with_years, funded)
    plan.memo["sums"] = found
    return found


# A project's share: (its value, the cells it adds to each source and to its group's, in the
# order they are added, a printed total without amounts, what it adds to each type).
_Share = tuple[int | None, tuple[tuple[str, int], ...], int | None, tuple[tuple[str, int], ...]]
_LAST_SHARES: dict[int, tuple[Project, _Share]] = {}  # id(Project) -> (the Project, its share)
_LAST_TREE: list[tuple[dict[str, str], dict[str, str]]] = []  # the tree they were computed with


def _share(plan: Snapshot, project: Project) -> _Share:
    own_type = project.fields.get("type") if project.fields.get("type") in ("investment", "recurrent") else None
    cells: list[tuple[str, int]] = []
    type_cells: list[tuple[str, int]] = []
    total_only = None
    top = plan.tree.top_level(project.amounts) if project.amounts else {}
    value = project_value(plan.tree, project.amounts, project.printed_total, top)  # plan.value(project)
    if project.amounts:
        cells.extend(project.amounts.items())  # every cell counts for its own source
        for sid, amount in top.items():
            type_cells.append((plan.tree.source_type(sid) or own_type or NO_TYPE, amount))
            # ... and for each ancestor that has no cell of its own in this project.
            cells.extend((parent, amount) for parent in plan.tree.ancestors(sid) if parent not in project.amounts)
    elif project.printed_total is not None:
        total_only = project.printed_total
        type_cells.append((own_type or NO_TYPE, project.printed_total))
    return value, tuple(cells), total_only, tuple(type_cells)


def plan_total(plan: Snapshot) -> int | None:
    return sums(plan).total


def _rows(old: Mapping[str, int], new: Mapping[str, int], label: Callable[[str], str],
          parent: Callable[[str], str | None] = lambda key: None,
          name: Callable[[str], str] = lambda key: "") -> tuple[RollupRow, ...]:
    keys = list(new) + [k for k in old if k not in new]
    return tuple(RollupRow(k, label(k), Money(old.get(k), new.get(k)), parent(k), name(k)) for k in keys)


def rollups(old: Snapshot, new: Snapshot) -> tuple[Rollup, ...]:
    def group_label(gid: str) -> str:
        group = new.groups.get(gid) or old.groups.get(gid)
        return f"{gid} {group.name}" if group else gid

    def source_label(sid: str) -> str:
        source = new.sources.get(sid) or old.sources.get(sid)
        return f"{sid} {source.name}" if source else sid

    def group_name(gid: str) -> str:
        group = new.groups.get(gid) or old.groups.get(gid)
        return group.name if group and group.name != gid else ""

    def source_name(sid: str) -> str:
        source = new.sources.get(sid) or old.sources.get(sid)
        return source.name if source and source.name != sid else ""

    def source_parent(sid: str) -> str | None:
        source = new.sources.get(sid) or old.sources.get(sid)
        return source.parent if source else None

    before, after = sums(old), sums(new)
    group_names = {gid: group_name(gid) for gid in [*old.groups, *new.groups] if group_name(gid)}
    source_names = {sid: source_name(sid) for sid in [*old.sources, *new.sources] if source_name(sid)}
    found = [
        Rollup("group", "per group", _rows(before.by_group, after.by_group, group_label, name=group_name),
               names=group_names),
        Rollup("source", "per funding source",
               _rows(before.by_source, after.by_source, source_label, source_parent, source_name),
               names=source_names),
        Rollup("type", "per type", _rows(before.by_type, after.by_type, str)),
    ]
    if before.by_year or after.by_year:
        coverage = before.funded and (before.with_years, before.funded) != (after.with_years, after.funded)
        note = (f"from the by_year of {after.with_years} of {after.funded} projects"
                + (f" (before: {before.with_years} of {before.funded})" if coverage else "")
                + "; projects without by_year are not spread over years")
        found.append(Rollup("year", "per year (projects)", _rows(before.by_year, after.by_year, str), note,
                             ((after.with_years, after.funded), (before.with_years, before.funded))))
    if old.phasing_years or new.phasing_years:
        found.append(Rollup("phasing", "per year (phasing table)", _rows(old.phasing_years, new.phasing_years, str),
                            "the printed phasing table, its top-level rows added up"))
    return tuple(found)


def stated_changes(old: Snapshot, new: Snapshot) -> tuple[StatedChange, ...]:
    keys = list(new.stated) + [k for k in old.stated if k not in new.stated]
    changes = []
    for key in keys:
        before, after = old.stated.get(key), new.stated.get(key)
        if before is not None and after is not None and before.vnd == after.vnd:
            continue  # most printed totals: unchanged
        money = Money(before.vnd if before else None, after.vnd if after else None)
        shown = after or before
        if money.changed and shown is not None:
            changes.append(StatedChange(key, shown.label, money))
    return tuple(changes)


def stale_totals(old: Snapshot, new: Snapshot) -> tuple[StaleTotal, ...]:
    """Printed totals unchanged while the sum of the projects they summarise changed."""
    before, after = sums(old), sums(new)
    computed: dict[str, tuple[Money, str]] = {}
    total = Money(before.total, after.total)
    for key in ("project_list/total", "budget/total", "phasing/total"):
        computed[key] = (total, "the projects' sum")
    for gid in set(before.by_group) | set(after.by_group):
        computed[f"groups/{gid}/total"] = (Money(before.by_group.get(gid), after.by_group.get(gid)),
                                           f"the sum of group {gid}")
    for gid, sid in set(before.by_group_source) | set(after.by_group_source):
        computed[f"groups/{gid}/by_source/{sid}"] = (
            Money(before.by_group_source.get((gid, sid)), after.by_group_source.get((gid, sid))),
            f"the sum of group {gid} for {sid}")
    for sid in set(before.by_source) | set(after.by_source):
        money = Money(before.by_source.get(sid), after.by_source.get(sid))
        for key in (f"project_list/by_source/{sid}", f"budget/by_source/{sid}", f"phasing/{sid}/total"):
            computed[key] = (money, f"the projects' sum for {sid}")
    for kind in set(before.by_type) | set(after.by_type):
        money = Money(before.by_type.get(kind), after.by_type.get(kind))
        for key in (f"project_list/by_type/{kind}", f"budget/by_type/{kind}"):
            computed[key] = (money, f"the projects' {kind} sum")
    stale = []
    for key, figure in new.stated.items():
        printed_before = old.stated.get(key)
        if printed_before is None or printed_before.vnd != figure.vnd or key not in computed:
            continue
        money, what = computed[key]
        if money.changed and money.old is not None and money.new is not None:
            stale.append(StaleTotal(key, figure.label, figure.vnd, money, what, figure.block))
    return tuple(stale)
