"""A plan at one revision, reduced to what a reviewer compares: items by id, money in VND.

Built from the plain data of `planctl.document`, never trusting it to be schema-valid: a plan
that lint would reject still diffs, and what cannot be compared (an item without an id, an
amount that is not a number) is named in `problems` instead of raising.

Money is converted to whole VND with the unit in force where it is written (the plan's `unit`,
or a block's own: the project list, the budget, the phasing table), so a revision that changes
a table's unit is compared by value, not by digits.
"""

from __future__ import annotations

import marshal
import math
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, NamedTuple

from ..i18n import N_
from ..plan.money import DEFAULT_UNIT, is_number, known_unit, to_vnd
from ..plan.sources import SourceTree, project_value
from .lang import _, language, unit_name

NO_TYPE = "(no type)"
PHASING = "phasing table"
# Larger amounts are refused. 10^20 VND is about 40 times the world's yearly output; a plan's
# budget is below 10^16. Sums of a few thousand of them stay far inside what a float can hold.
MAX_VND_DIGITS = 20
MAX_VND = 10**MAX_VND_DIGITS


def _shown(value: Any) -> str:
    """A value as a message quotes it: a boolean as YAML writes it, a 400-digit number or a long
    list cut short."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and abs(value) >= 10**30:
        return _("a {n}-digit number", n=len(str(abs(value))))
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Source(NamedTuple):
    id: str
    name: str
    kind: str | None
    parent: str | None
    type: str | None
    fields: Mapping[str, Any]


class Project(NamedTuple):
    id: str
    group: str
    fields: Mapping[str, Any]  # everything but money and seq, for field-by-field comparison
    amounts: Mapping[str, int]  # VND per funding source id, as written (children and parents alike)
    printed_total: int | None  # VND
    by_year: Mapping[str, int]  # VND per year, where the document gives them

    @property
    def name(self) -> str:
        return str(self.fields.get("name", self.id))


class Target(NamedTuple):
    id: str
    fields: Mapping[str, Any]

    @property
    def indicator(self) -> str:
        return str(self.fields.get("indicator", self.id))


class Group(NamedTuple):
    id: str
    fields: Mapping[str, Any]

    @property
    def name(self) -> str:
        return str(self.fields.get("name", self.id))


class Figure(NamedTuple):
    """A printed total (stated figure) in VND, with where it is printed."""

    label: str
    vnd: int
    block: str  # the printed table or text it belongs to: 'budget in the text', 'phasing table' ...


class Snapshot(NamedTuple):
    id: str
    title: str
    unit: str
    sources: Mapping[str, Source]
    groups: Mapping[str, Group]
    projects: Mapping[str, Project]
    targets: Mapping[str, Target]
    stated: Mapping[str, Figure]  # keyed by ids ('budget/by_source/nstw'), so a reorder is no change
    phasing_rows: tuple[str, ...]  # source ids of the phasing table's top-level rows
    phasing_years: Mapping[str, int]  # VND per year, the top-level phasing rows added up
    sections: Mapping[str, Any]  # other top-level content, to say what else changed
    problems: tuple[str, ...]
    tree: SourceTree
    memo: dict[str, Any]  # derived sums (rollup.sums), filled on first use

    def value(self, project: Project) -> int | None:
        """A project's amount: the sum of its amounts, else its printed total."""
        return project_value(self.tree, project.amounts, project.printed_total)


# -- building --------------------------------------------------------------------------------

class _Reader:
    def __init__(self, plan: dict) -> None:
        self.plan = plan
        self.problems: list[str] = []
        unit = plan.get("unit", DEFAULT_UNIT)
        self.unit = known_unit(unit)
        if unit != self.unit:
            self.problems.append(_("unknown unit {unit!r}: amounts read as {default}", unit=unit,
                                   default=unit_name(DEFAULT_UNIT)))

    def block_unit(self, block: Any) -> str:
        unit = block.get("unit", self.unit) if isinstance(block, dict) else self.unit
        if unit != known_unit(unit, self.unit):
            self.problems.append(_("unknown unit {unit!r}: amounts read as {default}", unit=unit,
                                   default=unit_name(self.unit)))
            return self.unit
        return unit

    def vnd(self, value: Any, unit: str, where: str | Callable[[], str]) -> int | None:
        """An amount in VND, or None (named as a problem when it is not a number); `where` names
        it, or is called to name it only then (a plan has thousands of amounts and few problems)."""
        if not is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
            if value is not None:
                self.problems.append(_("{where} is not a number ({value}); left out", where=_named(where),
                                       value=_shown(value)))
            return None
        vnd = to_vnd(value, unit)
        if abs(vnd) > MAX_VND:
            # 1.0e306 or a 400-digit amount is a typo, not money: left out, so that sums, Δ and
            # Δ% stay numbers a float can hold and a table can print.
            self.problems.append(_("{where} is not a plausible amount ({value}, over 10^{digits} VND); left out",
                                   where=_named(where), value=_shown(value), digits=MAX_VND_DIGITS))
            return None
        return vnd

    def source_ref(self, value: Any, where: str) -> str | None:
        """A funding source's `parent` or `type`: text, or None (named as a problem) for anything else."""
        if value is None or isinstance(value, str):
            return value
        self.problems.append(_("{where} is not text ({value}); ignored", where=where, value=_shown(value)))
        return None

    def amounts(self, table: Any, unit: str, where: Callable[[str], str]) -> dict[str, int]:
        """The amounts of a table; `where(key)` names a cell in a problem."""
        if not isinstance(table, dict):
            return {}
        found = {}
        for key, value in table.items():
            if type(value) is int:  # nearly every cell: no name made for a problem it cannot have
                vnd = to_vnd(value, unit)
                if abs(vnd) <= MAX_VND:
                    found[str(key)] = vnd
                    continue
            amount = self.vnd(value, unit, partial(where, str(key)))
            if amount is not None:
                found[str(key)] = amount
        return found

    def items(self, entries: Any, what: str) -> list[tuple[str, dict]]:
        """(id, mapping) of a list of items; items without an id or repeated ids are named."""
        found, seen, missing = [], set(), 0
        for entry in entries if isinstance(entries, list) else []:
            item_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(item_id, (str, int)) or isinstance(item_id, bool):
                missing += 1
                continue
            item_id = str(item_id)
            if item_id in seen:
                self.problems.append(_("{what} id {id!r} appears more than once: only the first is compared",
                                       what=_(what), id=item_id))
                continue
            seen.add(item_id)
            found.append((item_id, entry))
        if missing:
            self.problems.append(_("{what}: {n} without an id, which cannot be matched across revisions, left out",
                                   what=_(what), n=missing))
        return found


PROJECT_MONEY = {"amounts", "total", "by_year"}
IGNORED = {"id", "seq"}  # printed numbering: a renumbered row is not a change
NOT_PROJECT_FIELDS = IGNORED | PROJECT_MONEY
NOT_GROUP_FIELDS = IGNORED | {"projects", "stated"}


def build(plan: Any) -> Snapshot:
    """The comparable view of a plan's plain data (a mapping of kind: plan)."""
    reader = _Reader(plan)
    list_unit = reader.block_unit(plan.get("project_list"))
    parts = _Parts(reader, _LAST_PARTS)

    def read_sources(into: dict[str, Figure]) -> tuple[dict[str, Source], SourceTree]:
        found = {sid: Source(sid, str(s.get("name", sid)), s.get("kind"),
                             reader.source_ref(s.get("parent"),
                                               _("funding source {id}, {field}", id=sid, field="parent")),
                             reader.source_ref(s.get("type"), _("funding source {id}, {field}", id=sid, field="type")),
                             {k: v for k, v in s.items() if k not in IGNORED})
                 for sid, s in reader.items(plan.get("funding_sources"), "funding source")}
        return found, SourceTree({"id": s.id, "parent": s.parent, "type": s.type} for s in found.values())

    sources, tree = parts.get("funding_sources", plan.get("funding_sources"), (), read_sources, {})
    groups: dict[str, Group] = {}
    projects: dict[str, Project] = {}
    stated: dict[str, Figure] = {}
    for gid, group in reader.items(plan.get("groups"), "group"):
        groups[gid] = Group(gid, {k: v for k, v in group.items()
                                  if k not in NOT_GROUP_FIELDS})
        parts.get(f"groups/{gid}", group.get("stated"), (gid, list_unit), partial(
            _group_stated, reader, gid, group.get("stated"), list_unit), stated)
        for pid, project in reader.items(group.get("projects"), "project"):
            if pid in projects:
                reader.problems.append(_("{what} id {id!r} appears more than once: only the first is compared",
                                         what=_("project"), id=pid))
                continue
            # `planctl log` builds revision after revision: a project whose text did not change
            # is the same plain data (spanload.py), and the same Project.
            projects[pid] = parts.get(f"projects/{pid}", project, (gid, list_unit),
                                      partial(_project, reader, pid, gid, project, list_unit), stated)
    targets = parts.get("targets", plan.get("targets"), (), lambda into: {
        tid: Target(tid, {k: v for k, v in t.items() if k not in IGNORED})
        for tid, t in reader.items(plan.get("targets"), "target")}, {})
    plist = plan.get("project_list")
    if isinstance(plist, dict):
        parts.get("project_list", plist, (list_unit,), lambda into: _stated(
            reader, into, "project_list", "project list grand total", plist.get("stated"), list_unit,
            _("project list grand total")), stated)
    budget = plan.get("budget")
    if isinstance(budget, dict):
        parts.get("budget", budget, (reader.unit,), lambda into: _stated(
            reader, into, "budget", "budget in the text", budget, reader.block_unit(budget),
            _("budget in the text")), stated)
    rows, years = parts.get("phasing", plan.get("phasing"), (reader.unit, tuple((k, v.parent) for k, v in sources.items())),
                            lambda into: _phasing(reader, into, plan.get("phasing"), sources), stated)
    _LAST_PARTS.clear()
    _LAST_PARTS.update(parts.now)
    return Snapshot(
        id=str(plan.get("id", "")), title=str(plan.get("title", "")), unit=reader.unit,
        sources=sources, groups=groups, projects=projects, targets=targets, stated=stated,
        phasing_rows=rows, phasing_years=years, sections=_sections(plan), problems=tuple(reader.problems),
        tree=tree, memo={})


class _Parts:
    """The parts of the plan built last (funding sources, projects, targets, printed totals, phasing),
    by the identity of their plain data: a part whose data is the same object as then (its
    text did not change, spanload.py) and whose context is the same is not read again; the
    problems it raised and the printed totals it added are replayed in their place."""

    def __init__(self, reader: _Reader, last: dict[str, tuple[Any, ...]]) -> None:
        self.reader = reader
        self.last = last
        self.now: dict[str, tuple[Any, ...]] = {}
        self.language = language()  # the problems' words: part of every part's context

    def get(self, name: str, data: Any, context: tuple[Any, ...], read: Callable[[dict[str, Figure]], Any],
            stated: dict[str, Figure]) -> Any:
        known = self.last.get(name)
        if known is None or known[1] != context or known[2] != self.language or not _same(known[0], data):
            mark = len(self.reader.problems)
            into: dict[str, Figure] = {}
            result = read(into)
            known = (data, context, self.language, tuple(self.reader.problems[mark:]), into, result)
        elif known[3]:
            self.reader.problems.extend(known[3])
        if known[4]:
            stated.update(known[4])
        self.now[name] = known
        return known[5]


_LAST_PARTS: dict[str, tuple[Any, ...]] = {}


def _same(before: Any, now: Any) -> bool:
    """Whether a part's plain data is the one read before: the same object (`planctl log`: its
    text did not change, spanload.py), or, for the two sides of `planctl diff` read from the cache
    (separate objects), the same values of the same types: == stops at the first difference, and
    marshal's bytes tell 1, 1.0 and true apart, as == does not; both run in C. (Format 0, which
    writes no back-references, so equal data gives equal bytes whatever objects it shares; twice
    as fast as repr, which escapes every character of the Vietnamese text.)"""
    return before is now or (before == now and marshal.dumps(before, 0) == marshal.dumps(now, 0))


def _project(reader: _Reader, pid: str, gid: str, project: Any, unit: str, into: dict[str, Figure]) -> Project:
    cell = _cell(N_("project {id}, amount for {key}"), "key", id=pid)
    return Project(pid, gid, {k: v for k, v in project.items() if k not in NOT_PROJECT_FIELDS},
                   reader.amounts(project.get("amounts"), unit, cell),
                   reader.vnd(project.get("total"), unit, lambda: _("project {id}, total", id=pid)),
                   reader.amounts(project.get("by_year"), unit, cell))


def _group_stated(reader: _Reader, gid: str, block: Any, unit: str, into: dict[str, Figure]) -> None:
    _stated(reader, into, f"groups/{gid}", f"group {gid} printed subtotal", block, unit,
            _("group {group} printed subtotal", group=gid))


def _named(where: str | Callable[[], str]) -> str:
    return where if isinstance(where, str) else where()


def _cell(template: str, name: str, **fields: str) -> Callable[[str], str]:
    """How a problem names a cell of a table: the template, in the run's language, with the key as `name`."""
    return lambda key: _(template, **{name: key}, **fields)


def _stated(reader: _Reader, into: dict[str, Figure], key: str, label: str, block: Any, unit: str,
            shown: str) -> None:
    """The printed totals of a block; `label` is the figure's (English, as the JSON result has
    it), `shown` names it in a problem, in the run's language."""
    if not isinstance(block, dict):
        return
    total = reader.vnd(block.get("total"), unit, shown)
    if total is not None:
        into[f"{key}/total"] = Figure(label, total, label)
    for part in ("by_source", "by_type"):
        for name, amount in reader.amounts(block.get(part), unit, lambda k: f"{shown}, {k}").items():
            into[f"{key}/{part}/{name}"] = Figure(f"{label}, {name}", amount, label)


def _phasing(reader: _Reader, into: dict[str, Figure], phasing: Any,
             sources: Mapping[str, Source]) -> tuple[tuple[str, ...], dict[str, int]]:
    if not isinstance(phasing, dict):
        return (), {}
    unit = reader.block_unit(phasing)
    rows: dict[str, dict[str, int]] = {}
    for sid, row in reader.items([dict(r, id=r.get("source_id")) if isinstance(r, dict) else r
                                  for r in phasing.get("rows") or []], "phasing row"):
        years = reader.amounts(row.get("years"), unit, _cell(N_("phasing {source}, {year}"), "year", source=sid))
        rows[sid] = years
        for year, amount in years.items():
            into[f"phasing/{sid}/{year}"] = Figure(f"phasing {sid}, {year}", amount, PHASING)
        total = reader.vnd(row.get("total"), unit, _("phasing {source}, total", source=sid))
        if total is not None:
            into[f"phasing/{sid}/total"] = Figure(f"phasing {sid}, total", total, PHASING)
    for year, amount in reader.amounts(phasing.get("year_totals"), unit,
                                       lambda k: _("phasing total, {year}", year=k)).items():
        into[f"phasing/year_totals/{year}"] = Figure(f"phasing total, {year}", amount, PHASING)
    total = reader.vnd(phasing.get("total"), unit, _("phasing grand total"))
    if total is not None:
        into["phasing/total"] = Figure("phasing grand total", total, PHASING)
    # A sub-row (its source's parent has a row too) is part of that row: not added again.
    top = tuple(sid for sid in rows if not (sources.get(sid) and sources[sid].parent in rows))
    years_total: dict[str, int] = {}
    for sid in top:
        for year, amount in rows[sid].items():
            years_total[year] = years_total.get(year, 0) + amount
    return top, dict(sorted(years_total.items()))


# Sections compared item by item or figure by figure; what is left of them is compared whole.
# A block's `unit` stays in: its figures compare equal in VND, but the change is worth a line.
FIGURES = {"budget": ("total", "by_source", "by_type"),
           "project_list": ("stated",),
           "phasing": ("year_totals", "total")}
ITEMISED = {"groups", "targets", "funding_sources", "unit"}


def _sections(plan: dict) -> dict[str, Any]:
    """Top-level content not compared item by item, without the figures compared one by one."""
    found = {}
    now = {}
    for key, value in plan.items():
        if key in ITEMISED:
            continue
        known = _LAST_SECTIONS.get(key)
        if known is not None and known[0] is value:  # the same data as in the plan built last
            found[key], now[key] = known[1], known
            continue
        data = value
        if key in FIGURES and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k not in FIGURES[key]}
            if key == "phasing" and isinstance(value.get("rows"), list):
                value["rows"] = sorted(
                    ({k: v for k, v in r.items() if k not in ("years", "total")} if isinstance(r, dict) else r
                     for r in value["rows"]), key=repr)
        found[key] = value
        now[key] = (data, value)
    _LAST_SECTIONS.clear()
    _LAST_SECTIONS.update(now)
    return found


_LAST_SECTIONS: dict[str, tuple[Any, Any]] = {}  # key -> (its data, what it became) in the plan built last
