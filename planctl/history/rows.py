"""What a reviewer reads, as plain rows: shared by the terminal and Markdown layouts.

Every table is a `Table` of strings; render.py lays it out with tabulate, either as a terminal
table or as a Markdown table. Keeping the choice of rows here means both formats always show
the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import text as t
from .compare import DiffResult, PlanDiff
from .diff import ItemChange, Money, ProjectChange, Status, TargetChange
from .log import LogResult
from .rollup import Rollup

MONEY_ALIGN = ("right", "right", "right", "right")


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _short(name: str, width: int) -> str:
    return name if len(name) <= width else name[:width - 1] + "…"


def _money_cells(money: Money, unit: str) -> tuple[str, str, str, str]:
    return (t.amount(money.old, unit), t.amount(money.new, unit),
            t.signed(money.delta, unit) if money.changed else "", t.percent(money) if money.changed else "")


def _counts(items: tuple, moved: int = 0) -> str:
    found = {s: sum(1 for i in items if i.status is s) for s in Status}
    parts = [f"{found[s]} {s.value}" for s in (Status.CHANGED, Status.ADDED, Status.REMOVED) if found[s]]
    if moved:
        parts.append(f"{moved} moved")
    return ", ".join(parts)


# -- one plan ----------------------------------------------------------------------------------

def plan_heading(plan: PlanDiff) -> str:
    name = f" — {plan.title}" if plan.title else ""
    ident = f" [{plan.id}]" if plan.id else ""
    return f"{plan.path}{name}{ident}"


def total_line(plan: PlanDiff) -> str:
    unit = plan.unit or "million VND"
    if plan.total.old is None and plan.total.new is None:
        return "No project amounts in this plan"
    if plan.status is Status.ADDED:
        return f"Added plan: total {t.amount(plan.total.new, unit)} {unit}"
    if plan.status is Status.REMOVED:
        return f"Removed plan: total {t.amount(plan.total.old, unit)} {unit}"
    if not plan.total.changed:
        return f"Total unchanged: {t.amount(plan.total.new, unit)} {unit}"
    return f"Total: {t.change(plan.total, unit, show_unit=True)}"


def plan_lines(plan: PlanDiff) -> list[str]:
    """The lines under a plan's heading: what happened to the file, errors, warnings."""
    lines = []
    if plan.renamed:
        lines.append(f"renamed from {plan.old_path}")
    for error in plan.errors:
        where = plan.old_path if error.side == "old" else plan.new_path
        lines.append(f"error: {where or plan.path} ({error.revision}) {error.message}")
    if plan.errors:
        return lines
    lines.append(total_line(plan))
    if plan.stale:
        blocks = ", ".join(dict.fromkeys(s.block for s in plan.stale))
        lines.append(f"warning: {t.plural(len(plan.stale), 'printed total')} did not change although the "
                     f"projects they summarise did ({blocks}): see 'Printed totals left unchanged'")
    lines += [f"plan: {t.field_change(f)}" for f in plan.fields]
    if plan.also:
        lines.append(f"plan: {t.also(plan.also)}")
    lines += [f"note: {p} (planctl lint reports it)" for p in plan.problems]
    if plan.status is Status.CHANGED and not plan.changed:
        lines.append("no change in content (comments or layout only)")
    return lines


def project_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.projects:
        return None
    rows = []
    unit = plan.unit
    for item in plan.projects:
        label = _short(f"{item.id} {item.name}", width)
        if item.status is not Status.CHANGED:
            label += f" ({item.status.value})"
        for i, row in enumerate(_project_rows(item, unit)):
            rows.append((label if i == 0 else "", *row))
    moved = sum(1 for p in plan.projects if p.moved)
    return Table(f"Projects ({unit}): {_counts(plan.projects, moved)}",
                 ("project", "change", "old", "new", "Δ", "Δ%"), ("left", "left", *MONEY_ALIGN), tuple(rows))


def _project_rows(item: ProjectChange, unit: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    if item.status is not Status.CHANGED:
        rows.append(("group", item.old_group or t.ABSENT, item.new_group or t.ABSENT, "", ""))
    rows += [(line.key, *_money_cells(line.money, unit)) for line in item.sources]
    if item.total.changed and (item.status is not Status.CHANGED or len(item.sources) != 1
                               or item.sources[0].money != item.total):
        rows.append(("total", *_money_cells(item.total, unit)))
    rows += [(f"year {line.key}", *_money_cells(line.money, unit)) for line in item.years]
    if item.printed_total is not None and item.printed_total != item.total:  # else it says nothing new
        rows.append(("printed total", *_money_cells(item.printed_total, unit)))
    if item.moved:
        rows.append(("group (moved)", item.old_group or "", item.new_group or "", "", ""))
    for change in item.fields:
        rows.append((change.field, t.value(change.old), t.value(change.new), "", ""))
    if item.also:
        rows.append(("also changed", "", ", ".join(item.also), "", ""))
    return rows


def target_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.targets:
        return None
    rows = []
    for item in plan.targets:
        label = _short(f"{item.id} {item.indicator}", width)
        if item.status is not Status.CHANGED:
            label += f" ({item.status.value})"
        for i, row in enumerate(_target_rows(item)):
            rows.append((label if i == 0 else "", *row))
    return Table(f"Targets: {_counts(plan.targets)}", ("target", "change", "old", "new", "Δ"),
                 ("left", "left", "right", "right", "right"), tuple(rows))


def _target_rows(item: TargetChange) -> list[tuple[str, ...]]:
    if item.status is not Status.CHANGED:
        return [("target", t.target_state(item.old), t.target_state(item.new), "")]
    rows: list[tuple[str, ...]] = []
    for change in item.fields:
        delta = ""
        if change.field in ("value", "value_max") and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in (change.old, change.new)):
            delta = t.number_delta(change.old, change.new)
        rows.append((change.field, t.field_value(change.field, change.old), t.field_value(change.field, change.new),
                     delta))
    if item.fields:
        rows.append(("now", t.target_state(item.old), t.target_state(item.new), ""))
    if item.also:
        rows.append(("also changed", "", ", ".join(item.also), ""))
    return rows


def items_table(title: str, items: tuple[ItemChange, ...], width: int) -> Table | None:
    if not items:
        return None
    rows = []
    for item in items:
        label = _short(f"{item.id} {item.name}", width)
        changes = [(f.field, t.value(f.old), t.value(f.new)) for f in item.fields]
        if item.also:
            changes.append(("also changed", "", ", ".join(item.also)))
        if item.status is not Status.CHANGED:
            changes = [(item.status.value, "", "")]
        for i, row in enumerate(changes):
            rows.append((label if i == 0 else "", *row))
    return Table(f"{title}: {_counts(items)}", ("id", "change", "old", "new"),
                 ("left", "left", "right", "right"), tuple(rows))


def rollup_table(rollup: Rollup, plan: PlanDiff, width: int) -> Table | None:
    if not rollup.changed:
        return None
    unit = plan.unit
    rows = [(_short(("↳ " if row.parent else "") + row.label, width), *_money_cells(row.money, unit))
            for row in rollup.rows if row.money.changed]
    unchanged = sum(1 for row in rollup.rows if not row.money.changed)
    if rollup.dimension in ("group", "source", "type"):
        rows.append(("plan total", *_money_cells(plan.total, unit)))
    notes = [n for n in (rollup.note, f"{t.plural(unchanged, 'row')} unchanged" if unchanged else "") if n]
    title = f"Roll-up {rollup.title} ({unit})" + (f": {'; '.join(notes)}" if notes else "")
    return Table(title, (rollup.dimension, "old", "new", "Δ", "Δ%"), ("left", *MONEY_ALIGN), tuple(rows))


def stated_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.stated:
        return None
    rows = tuple((_short(s.label, width), *_money_cells(s.money, plan.unit)) for s in plan.stated)
    return Table(f"Printed totals ({plan.unit}): {t.plural(len(plan.stated), 'figure')} changed",
                 ("printed figure", "old", "new", "Δ", "Δ%"), ("left", *MONEY_ALIGN), rows)


def stale_table(plan: PlanDiff, width: int) -> Table | None:
    if not plan.stale:
        return None
    unit = plan.unit
    rows = tuple((_short(s.label, width), t.amount(s.stated, unit), _short(s.what, width),
                  t.amount(s.computed.old, unit), t.amount(s.computed.new, unit), t.signed(s.computed.delta, unit))
                 for s in plan.stale)
    return Table(f"Printed totals left unchanged ({unit}): {len(plan.stale)}",
                 ("printed figure", "printed", "summarises", "old sum", "new sum", "Δ"),
                 ("left", "right", "left", "right", "right", "right"), rows)


def plan_tables(plan: PlanDiff, width: int) -> list[Table]:
    if plan.errors:
        return []
    whole = plan.status is not Status.CHANGED  # an added or removed plan: its items, its totals
    tables = [project_table(plan, width), target_table(plan, width)]
    if not whole:
        tables += [items_table("Groups", plan.groups, width), items_table("Funding sources", plan.sources, width)]
    tables += [rollup_table(rollup, plan, width) for rollup in plan.rollups]
    if not whole:
        tables += [stated_table(plan, width), stale_table(plan, width)]
    return [table for table in tables if table is not None]


# -- the whole comparison ----------------------------------------------------------------------

def revisions_line(result: DiffResult) -> str:
    def side(revision) -> str:
        if revision.commit is None:
            return revision.label
        return f"{revision.short} ({revision.label})"
    return f"from {side(result.old)} to {side(result.new)}"


def summary_line(result: DiffResult) -> str:
    changed = [p for p in result.plans if p.changed]
    if not changed:
        return "No plan changed."
    parts = [t.plural(len(changed), "plan") + " changed"]
    for status in (Status.ADDED, Status.REMOVED):
        count = sum(1 for p in changed if p.status is status)
        if count:
            parts.append(f"{count} {status.value}")
    errors = sum(1 for p in changed if p.errors)
    if errors:
        parts.append(f"{errors} could not be compared")
    return ", ".join(parts) + "."


def _other(plan: PlanDiff) -> str:
    parts = []
    if plan.renamed:
        parts.append("renamed")
    parts += [f.field for f in plan.fields] + list(plan.also)
    if plan.groups:
        parts.append(f"groups: {_counts(plan.groups)}")
    if plan.sources:
        parts.append(f"funding sources: {_counts(plan.sources)}")
    if plan.stated:
        parts.append(f"{t.plural(len(plan.stated), 'printed total')} changed")
    if plan.stale:
        parts.append(f"⚠ {t.plural(len(plan.stale), 'printed total')} left unchanged")
    return "; ".join(parts) or "—"


def summary_table(result: DiffResult) -> Table:
    rows = []
    for plan in result.plans:
        if not plan.changed:
            continue
        unit = plan.unit
        if plan.errors:
            rows.append((plan.path, "could not be compared", "", "", "", "", ""))
            continue
        status = "" if plan.status is Status.CHANGED else f" ({plan.status.value})"
        money = plan.total.old is not None or plan.total.new is not None
        total = f"{t.amount(plan.total.old, unit)} → {t.amount(plan.total.new, unit)} {unit}" if money else t.ABSENT
        rows.append((plan.path + status, _counts(plan.projects, sum(1 for p in plan.projects if p.moved)) or "—",
                     _counts(plan.targets) or "—", _other(plan), total,
                     t.signed(plan.total.delta, unit) if money else "",
                     t.percent(plan.total) if plan.total.changed else ""))
    return Table("Summary", ("plan", "projects", "targets", "other changes", "total", "Δ", "Δ%"),
                 ("left", "left", "left", "left", "right", "right", "right"), tuple(rows))


# -- planctl log -------------------------------------------------------------------------------

def log_heading(result: LogResult) -> str:
    what = f"{result.what} {result.item} in " if result.item else ""
    return f"planctl log: {what}{result.path} ({t.plural(len(result.entries), 'commit')}, newest first)"


def log_notes(result: LogResult) -> list[str]:
    return list(result.notes)


def log_table(result: LogResult, short: bool) -> Table:
    rows = []
    for entry in result.entries:
        commit = entry.commit
        sha = commit.sha[:10] if short else commit.sha[:12]
        change = "\n".join(entry.lines)
        rows.append((sha, commit.date[:10], commit.author, commit.subject, change))
    return Table("History", ("commit", "date", "author", "subject", "change"),
                 ("left", "left", "left", "left", "left"), tuple(rows))
