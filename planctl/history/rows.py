"""What a reviewer reads, as plain rows: shared by the terminal and Markdown layouts.

Every table is a `Table` of cells; render.py lays it out with tabulate, either as a terminal
table or as a Markdown table. Keeping the choice of rows here means both formats always show
the same figures. Choices made for a finance reviewer:

- names first, ids second (`Label`); funding sources and groups by name with their id;
- a moved project shows its money leaving the old group and arriving in the new one, so the
  per-group roll-up adds up from the project rows shown, and every group a shown project
  touches is in that roll-up, even when its sum is unchanged;
- a section that says nothing is left out (a per-type roll-up where no project has a type), a
  partial one says what it covers (a per-year roll-up from the projects that give years);
- `fold` marks long secondary tables: the Markdown layout folds those and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from . import text as t
from .compare import PlanDiff
from .diff import ItemChange, Money, ProjectChange, Status, TargetChange
from .lang import _
from .rollup import Rollup
from .snapshot import NO_TYPE

if TYPE_CHECKING:
    from .findings import FileFindings, Findings

MONEY_ALIGN = ("right", "right", "right", "right")
FOLD_ROWS = 8  # a secondary table longer than this is folded in Markdown


class Label(NamedTuple):
    """A thing named for people first: its name, then its id (smaller, or in parentheses)."""

    name: str
    ident: str = ""
    note: str = ""  # 'added', 'moved' ...


class Code(NamedTuple):
    """A file name or a command: a code span in Markdown."""

    text: str


Cell = str | Label | Code


class Table(NamedTuple):
    title: str
    headers: tuple[str, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    fold: bool = False  # a secondary table: folded in Markdown
    note: str = ""  # what the table covers, said under its title


def short(name: str, width: int) -> str:
    return name if len(name) <= width else name[:width - 1] + "…"


def _money_cells(money: Money, unit: str) -> tuple[str, str, str, str]:
    return (t.amount(money.old, unit), t.amount(money.new, unit),
            t.signed(money.delta, unit) if money.changed else "", t.percent(money) if money.changed else "")


def _counts(items: tuple, moved: int = 0) -> str:
    found = {s: sum(1 for i in items if i.status is s) for s in Status}
    parts = [_(f"{{n}} {s.value}", n=found[s]) for s in (Status.CHANGED, Status.ADDED, Status.REMOVED) if found[s]]
    if moved:
        parts.append(_("{n} moved", n=moved))
    return ", ".join(parts)


class Names:
    """Groups and funding sources of a plan by name, from its roll-ups (both revisions)."""

    def __init__(self, plan: PlanDiff) -> None:
        self.groups: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        for rollup in plan.rollups:
            into = self.groups if rollup.dimension == "group" else self.sources if rollup.dimension == "source" else None
            if into is not None:
                into.update(rollup.names)
                into.update((row.key, row.name) for row in rollup.rows if row.name)
        for item in plan.groups:
            self.groups.setdefault(item.id, item.name if item.name != item.id else "")
        for item in plan.sources:
            self.sources.setdefault(item.id, item.name if item.name != item.id else "")

    def group(self, gid: str | None) -> str:
        """'Nhiệm vụ 1: Phát triển nguồn nhân lực CNTT (st-hr)'."""
        if not gid:
            return t.ABSENT
        name = self.groups.get(gid)
        return f"{name} ({gid})" if name else gid

    def group_short(self, gid: str) -> str:
        """'Nhiệm vụ 1 (st-hr)': a group's printed heading up to its colon, as the documents refer to it."""
        name = self.groups.get(gid, "")
        head = name.split(":", 1)[0].strip() if ":" in name else ""
        if head and len(head) <= 24:
            return f"{head} ({gid})"
        return self.group(gid)

    def source(self, sid: str) -> str:
        """'Ngân sách địa phương (nsdp)'."""
        name = self.sources.get(sid)
        return f"{name} ({sid})" if name else _(sid)


# -- one plan ----------------------------------------------------------------------------------

def plan_heading(plan: PlanDiff) -> str:
    """The plan by its title; the file when it has none."""
    return plan.title or plan.path


def plan_ident(plan: PlanDiff) -> str:
    return plan.id


def total_line(plan: PlanDiff) -> str:
    unit = plan.unit or "million VND"
    if plan.total.old is None and plan.total.new is None:
        return _("No project amounts in this plan")
    if plan.status is Status.ADDED:
        return _("Added plan: total {amount} {unit}", amount=t.amount(plan.total.new, unit), unit=t.unit_name(unit))
    if plan.status is Status.REMOVED:
        return _("Removed plan: total {amount} {unit}", amount=t.amount(plan.total.old, unit), unit=t.unit_name(unit))
    if not plan.total.changed:
        return _("Total unchanged: {amount} {unit}", amount=t.amount(plan.total.new, unit), unit=t.unit_name(unit))
    return _("Total: {change}", change=t.change(plan.total, unit, show_unit=True))


def block_label(key: str, names: Names) -> str:
    """Where a printed total is printed, from its key: 'group … printed subtotal', 'budget in the text'."""
    return t.block_label(key, names.group_short)


def figure_label(key: str, names: Names) -> str:
    """A printed total named for people, from its key ('groups/st-hr/by_source/nsdp')."""
    return t.figure_label(key, names.group_short, names.source)


def plan_lines(plan: PlanDiff) -> list[str]:
    """The lines under a plan's heading: what happened to the file, errors, warnings."""
    lines = []
    if plan.renamed:
        lines.append(_("renamed from {path}", path=plan.old_path))
    for error in plan.errors:
        where = plan.old_path if error.side == "old" else plan.new_path
        lines.append(_("error: {where} ({revision}) {message}", where=where or plan.path,
                       revision=revision_label(error.revision), message=error.message))
    if plan.errors:
        return lines
    lines.append(total_line(plan))
    if plan.stale:
        names = Names(plan)
        groups = list(dict.fromkeys(s.key.split("/")[1] for s in plan.stale if s.key.startswith("groups/")))
        blocks = ([_("the subtotal of {group}", group=names.group_short(groups[0]))] if len(groups) == 1 else
                  [_("the subtotals of {n} groups", n=len(groups))] if groups else [])
        blocks += list(dict.fromkeys(block_label(s.key, names) for s in plan.stale if not s.key.startswith("groups/")))
        lines.append(_("warning: {totals} did not change although the projects they summarise did ({blocks})",
                       totals=t.plural(len(plan.stale), "printed total"), blocks=", ".join(blocks)))
    lines += [_("plan: {change}", change=t.field_change(f)) for f in plan.fields]
    if plan.also:
        lines.append(_("plan: {change}", change=t.also(plan.also)))
    lines += [_("note: {problem} (planctl lint reports it)", problem=p) for p in plan.problems]
    if plan.status is Status.CHANGED and not plan.changed:
        lines.append(_("no change in content (comments or layout only)"))
    return lines


def project_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.projects:
        return None
    names = Names(plan)
    rows: list[tuple[Cell, ...]] = []
    unit = plan.unit
    for item in plan.projects:
        note = _("moved") if item.moved and item.status is Status.CHANGED else ""
        label = Label(short(item.name, width), item.id, _(item.status.value) if item.status is not Status.CHANGED
                      else note)
        for i, row in enumerate(_project_rows(item, unit, names)):
            rows.append((label if i == 0 else "", *row))
    moved = sum(1 for p in plan.projects if p.moved)
    return Table(_("Projects ({unit}): {counts}", unit=t.unit_name(unit), counts=_counts(plan.projects, moved)),
                 (_("project"), _("change"), _("old"), _("new"), _("Δ"), _("Δ%")), ("left", "left", *MONEY_ALIGN),
                 tuple(rows))


def _project_rows(item: ProjectChange, unit: str, names: Names) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    if item.status is Status.ADDED:
        rows.append((_("added, in {group}", group=names.group(item.new_group)), *_money_cells(item.total, unit)))
    elif item.status is Status.REMOVED:
        rows.append((_("removed, from {group}", group=names.group(item.old_group)), *_money_cells(item.total, unit)))
    elif item.moved and item.total.old is None and item.total.new is None:
        rows.append((_("moved from {old} to {new}", old=names.group(item.old_group), new=names.group(item.new_group)),
                     "", "", "", ""))
    elif item.moved:  # its money leaves one group and arrives in the other: the roll-up adds up
        rows.append((_("moved out of {group}", group=names.group(item.old_group)),
                     *_money_cells(Money(item.total.old, None), unit)[:3], ""))
        rows.append((_("moved into {group}", group=names.group(item.new_group)),
                     *_money_cells(Money(None, item.total.new), unit)[:3], ""))
    rows += [(names.source(line.key), *_money_cells(line.money, unit)) for line in item.sources]
    if item.status is Status.CHANGED and item.total.changed and (
            len(item.sources) != 1 or item.sources[0].money != item.total):
        rows.append((_("total"), *_money_cells(item.total, unit)))
    rows += [(_("year {year}", year=line.key), *_money_cells(line.money, unit)) for line in item.years]
    if item.printed_total is not None and item.printed_total != item.total:  # else it says nothing new
        rows.append((_("printed total"), *_money_cells(item.printed_total, unit)))
    for change in item.fields:
        rows.append((t.field_name(change.field), t.value(change.old), t.value(change.new), "", ""))
    if item.also:
        rows.append((_("also changed"), "", ", ".join(t.field_name(n) for n in item.also), "", ""))
    return rows


def target_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.targets:
        return None
    rows: list[tuple[Cell, ...]] = []
    for item in plan.targets:
        label = Label(short(item.indicator, width), item.id,
                      _(item.status.value) if item.status is not Status.CHANGED else "")
        for i, row in enumerate(_target_rows(item)):
            rows.append((label if i == 0 else "", *row))
    return Table(_("Targets: {counts}", counts=_counts(plan.targets)),
                 (_("target"), _("change"), _("old"), _("new"), _("Δ")),
                 ("left", "left", "right", "right", "right"), tuple(rows))


def _target_rows(item: TargetChange) -> list[tuple[str, ...]]:
    if item.status is not Status.CHANGED:
        return [(_("target"), t.target_state(item.old), t.target_state(item.new), "")]
    rows: list[tuple[str, ...]] = []
    for change in item.fields:
        rows.append((t.field_name(change.field), t.field_value(change.field, change.old),
                     t.field_value(change.field, change.new), t.delta_text(change.field, change.old, change.new)))
    if item.fields:
        rows.append((_("whole target"), t.target_state(item.old), t.target_state(item.new), ""))
    if item.also:
        rows.append((_("also changed"), "", ", ".join(t.field_name(n) for n in item.also), ""))
    return rows


def items_table(title: str, items: tuple[ItemChange, ...], width: int) -> Table | None:
    if not items:
        return None
    rows: list[tuple[Cell, ...]] = []
    for item in items:
        label = Label(short(item.name, width), item.id if item.name != item.id else "",
                      _(item.status.value) if item.status is not Status.CHANGED else "")
        changes = [(t.field_name(f.field), t.value(f.old), t.value(f.new)) for f in item.fields]
        if item.also:
            changes.append((_("also changed"), "", ", ".join(t.field_name(n) for n in item.also)))
        if item.status is not Status.CHANGED:
            changes = [(_(item.status.value), "", "")]
        for i, row in enumerate(changes):
            rows.append((label if i == 0 else "", *row))
    return Table(_(title, counts=_counts(items)), (_("name"), _("change"), _("old"), _("new")),
                 ("left", "left", "right", "right"), tuple(rows))


ROLLUP_TITLES = {"group": "Roll-up per group ({unit})", "source": "Roll-up per funding source ({unit})",
                 "type": "Roll-up per type ({unit})", "year": "Roll-up per year ({unit})",
                 "phasing": "Phasing table per year ({unit})"}


def _year_note(rollup: Rollup) -> str:
    if rollup.coverage is None:
        return ""
    (years, funded), (years_before, funded_before) = rollup.coverage
    if years == funded:
        note = _("from every project: each gives yearly amounts")
    elif years == 1:
        note = _("from the project that gives yearly amounts (of {funded})", funded=t.plain_number(funded))
    else:
        note = _("from the {n} projects that give yearly amounts (of {funded})", n=t.plain_number(years),
                 funded=t.plain_number(funded))
    if funded_before and (years_before, funded_before) != (years, funded):
        note += f" ({_('before: {n} of {funded}', n=years_before, funded=funded_before)})"
    if years != funded:
        note += "; " + _("projects without yearly amounts are not spread over years")
    return note


def _touched_groups(plan: PlanDiff) -> set[str]:
    return {g for p in plan.projects for g in (p.old_group, p.new_group) if g}


def rollup_table(rollup: Rollup, plan: PlanDiff, width: int) -> Table | None:
    if not rollup.changed:
        return None
    if rollup.dimension == "type" and all(row.key == NO_TYPE for row in rollup.rows):
        return None  # no project has a type: the one row would be the plan total again
    unit = plan.unit
    names = Names(plan)
    keep = _touched_groups(plan) if rollup.dimension == "group" else set()

    def label(row_key: str, parent: str | None) -> str:
        if rollup.dimension == "group":
            text = names.group(row_key)
        elif rollup.dimension == "source":
            text = names.source(row_key)
        else:
            text = _(row_key)
        return short(("↳ " if parent else "") + text, width)

    shown = [row for row in rollup.rows if row.money.changed or row.key in keep]
    rows: list[tuple[Cell, ...]] = [(label(row.key, row.parent), *_money_cells(row.money, unit)) if row.money.changed
                                    else (label(row.key, row.parent), *_money_cells(row.money, unit)[:2], "0", "")
                                    for row in shown]
    unchanged = len(rollup.rows) - len(shown)
    if rollup.dimension in ("group", "source", "type"):
        rows.append((_("plan total"), *_money_cells(plan.total, unit)))
    notes = [_year_note(rollup) if rollup.dimension == "year" else "",
             _("the printed phasing table, its top-level rows added up") if rollup.dimension == "phasing" else ""]
    title = _(ROLLUP_TITLES.get(rollup.dimension, rollup.title), unit=t.unit_name(unit))
    if unchanged:
        title += " — " + _("{rows} unchanged, not shown", rows=t.plural(unchanged, "row"))
    return Table(title,
                 (_(rollup.dimension), _("old"), _("new"), _("Δ"), _("Δ%")), ("left", *MONEY_ALIGN), tuple(rows),
                 fold=len(rows) > FOLD_ROWS, note="; ".join(n for n in notes if n))


def stated_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.stated:
        return None
    names = Names(plan)
    rows = tuple((short(figure_label(s.key, names), width * 2), *_money_cells(s.money, plan.unit)) for s in plan.stated)
    return Table(_("Printed totals ({unit}): {figures} changed", unit=t.unit_name(plan.unit),
                   figures=t.plural(len(plan.stated), "figure")),
                 (_("printed figure"), _("old"), _("new"), _("Δ"), _("Δ%")), ("left", *MONEY_ALIGN), rows,
                 fold=len(rows) > FOLD_ROWS)


def stale_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.stale:
        return None
    unit = plan.unit
    names = Names(plan)
    rows = tuple((short(figure_label(s.key, names), width * 2), t.amount(s.stated, unit),
                  t.amount(s.computed.old, unit), t.amount(s.computed.new, unit), t.signed(s.computed.delta, unit))
                 for s in plan.stale)
    return Table(_("Printed totals left unchanged ({unit}): {n}", unit=t.unit_name(unit), n=len(plan.stale)),
                 (_("printed figure"), _("printed"), _("sum before"), _("sum now"), _("Δ")),
                 ("left", "right", "right", "right", "right"), rows, fold=len(rows) > FOLD_ROWS,
                 note=_("each printed figure stayed the same while the sum of what it summarises changed: update it or "
                        "say why"))


def findings_tables(found: FileFindings, width: int) -> list[Table]:
    """The lint findings a revision adds and fixes in one plan: errors first, new before fixed.
    When they are many, the new errors stay open and the rest is folded."""
    if not found.new and not found.fixed:
        return []
    rows: list[tuple[tuple[Cell, ...], bool]] = []  # (row, a new error)
    for status, items in ((_("new"), found.new), (_("fixed"), found.fixed)):
        for f in items:
            rows.append(((f"{_(f.severity.label)} ({status})", str(f.line), Code(f.rule), short(f.message, width * 3)),
                         status == _("new") and f.severity.label == "error"))
    headers = (_("severity"), _("line"), _("rule"), _("message"))
    align = ("left", "right", "left", "left")
    title = _("Lint findings: {new} new, {fixed} fixed", new=len(found.new), fixed=len(found.fixed))
    note = _("line numbers of fixed findings are those of the old revision") if found.fixed else ""
    if len(rows) <= FOLD_ROWS or all(error for _row, error in rows) or not any(error for _row, error in rows):
        return [Table(title, headers, align, tuple(row for row, _e in rows), fold=len(rows) > FOLD_ROWS
                      and not any(error for _row, error in rows), note=note)]
    rest = tuple(row for row, error in rows if not error)
    return [Table(title, headers, align, tuple(row for row, error in rows if error)),
            Table(_("Other lint findings: {n}", n=len(rest)), headers, align, rest, fold=True, note=note)]


def plan_tables(plan: PlanDiff, width: int, findings: Findings | None = None) -> list[Table]:
    if plan.errors:
        return []
    whole = plan.status is not Status.CHANGED  # an added or removed plan: its items, its totals
    found = findings.of(plan) if findings is not None else None
    tables = [project_table(plan, width), target_table(plan, width)]
    if not whole:
        tables += [items_table("Groups: {counts}", plan.groups, width),
                   items_table("Funding sources: {counts}", plan.sources, width)]
    tables += [rollup_table(rollup, plan, width) for rollup in plan.rollups]
    if not whole:
        tables += [stated_table(plan, width), stale_table(plan, width)]
    tables += findings_tables(found, width) if found is not None else []  # their count is in the summary
    return [table for table in tables if table is not None]


# -- the whole comparison ----------------------------------------------------------------------


def revision_label(label: str) -> str:
    """'working tree', 'merge base of main and HEAD', 'main', in the current language."""
    if label == "working tree":
        return _("working tree")
    prefix, sep = "merge base of ", " and "
    if label.startswith(prefix) and sep in label:
        a, b = label[len(prefix):].split(sep, 1)
        return _("merge base of {a} and {b}", a=a, b=b)
    return label
