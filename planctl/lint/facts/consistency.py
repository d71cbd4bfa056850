"""Consistency: every printed total next to the sum of what it summarises (rules/consistency/).

Each function below is one `check` of the `sum-check` fact: a printed figure (`stated`) and the
sum of the printed figures one level below (`computed`), both in whole VND.
"""

from __future__ import annotations

from decimal import Decimal

from ...document import escape
from ...i18n import N_, _, number, percent, signed_number
from .base import Context, FactKind, FieldType, item_label

SUM_CHECKS = {
    "item-sources": "a project's printed total against its source cells",
    "text-amount": "an amount written in the text against the project or group it names",
    "split-amount": "a source cell against the share a split note gives it",
    "item-years": "a project's yearly amounts against its value",
    "group-total": "a group's printed subtotal against its projects",
    "group-source": "a group's subtotal for one source against its projects' cells",
    "stated-sources": "a group's subtotal against its own source columns",
    "list-total": "the project list's grand total against its groups",
    "list-source": "the project list's grand total for one source against its groups",
    "budget-total": "the text's total budget against its sources",
    "budget-children": "the text's budget for a source against its sub-sources",
    "budget-type": "the text's budget per type (investment, recurrent) against its source lines",
    "budget-vs-list": "the text's budget against the project list",
    "phasing-row": "a phasing row's total against its years",
    "phasing-children": "a phasing row (a year or its total) against its sub-rows",
    "phasing-vs-budget": "a phasing row's total against the text's budget for its source",
    "phasing-year": "a phasing year's total against its rows",
    "phasing-total": "the phasing grand total against its years and its rows",
}

COUNT_CHECKS = {
    "table-column": "a baseline table's printed section or table total against its rows",
    "indicator-parts": "a baseline figure against the figures printed as its parts (part_of)",
    "row-parts": "a baseline table's parent row against its sub-rows (parent)",
}

KINDS = (
    FactKind("sum-check", "A printed total next to the sum of what it summarises (check names which).",
             {"check": FieldType.TEXT, "stated": FieldType.MONEY, "computed": FieldType.MONEY,
              "difference": FieldType.MONEY}, texts=("label",), checks=SUM_CHECKS),
    FactKind("count-check", "A printed count or ratio (not money) next to the sum of its parts (check names which).",
             {"check": FieldType.TEXT, "stated": FieldType.NUMBER, "computed": FieldType.NUMBER,
              "difference": FieldType.NUMBER},
             texts=("label", "stated_text", "computed_text", "difference_text"), checks=COUNT_CHECKS),
)


_TYPES = {"investment": N_("investment"), "recurrent": N_("recurrent")}


def sum_check(ctx: Context, check: str, pointer: str, label: str, stated: int, computed: int,
              unit: str | None = None, *, or_else: int | None = None) -> None:
    """`stated` must equal `computed`: the sum of the printed figures one level below. `or_else`
    is the same sum from the level below those, for when a figure in between is the wrong one:
    a total that agrees with it is right, and the wrong figure is reported once, at itself."""
    if or_else is not None and stated == or_else:
        computed = stated
    ctx.add("sum-check", pointer, unit, text={"label": label}, check=check, stated=stated,
            computed=computed, difference=stated - computed)


def derive(ctx: Context) -> None:
    projects(ctx)
    groups(ctx)
    project_list(ctx)
    budget(ctx)
    phasing(ctx)
    tables(ctx)
    indicator_parts(ctx)


def projects(ctx: Context) -> None:
    view = ctx.view
    unit = view.list_unit
    for base, _group, project in view.projects():
        label = item_label("project", project)
        amounts = project.get("amounts")
        value = view.project_value(project)
        if amounts and "total" in project:
            sum_check(ctx, "item-sources", f"{base}/total", label, view.vnd(project["total"], unit), value or 0, unit)
        for i, ta in enumerate(project.get("text_amounts", [])):
            computed = value if "source_id" not in ta else view.attributed(project, ta["source_id"])
            if computed is not None:
                sum_check(ctx, "text-amount", f"{base}/text_amounts/{i}/amount",
                          _("{label}: amount in the text ({printed})").format(label=label, printed=ta['as_printed']),
                          view.vnd(ta["amount"], ta.get("unit", unit)), computed, unit)
        split = project.get("split")
        whole = view.split_whole(project) if split else None
        if split and amounts and whole is not None:
            for source_id, share in split["shares"].items():
                if source_id in amounts and source_id != split.get("of"):
                    sum_check(ctx, "split-amount", f"{base}/amounts/{escape(source_id)}",
                              _("{label}: {source!r} against its {share} share in '{split}'").format(
                                  label=label, source=view.source_name(source_id), share=percent(share),
                                  split=split['as_printed']),
                              view.vnd(amounts[source_id], unit), view.vnd(round(whole * share / 100), unit), unit)
        if "by_year" in project and amounts:
            sum_check(ctx, "item-years", f"{base}/by_year", _("{label}: yearly amounts").format(label=label),
                      view.vnd(sum(project["by_year"].values()), unit), value or 0, unit)


def groups(ctx: Context) -> None:
    view = ctx.view
    unit = view.list_unit
    for gi, group in enumerate(view.groups):
        projects = group.get("projects", [])
        stated = group.get("stated", {})
        label = item_label("group", group)
        items = sum(view.project_value(p) or 0 for p in projects)
        if "total" in stated and projects:
            sum_check(ctx, "group-total", f"/groups/{gi}/stated/total", _("{label} subtotal").format(label=label),
                      view.vnd(stated["total"], unit), items, unit)
        for source_id, amount in stated.get("by_source", {}).items():
            if projects:
                sum_check(ctx, "group-source", f"/groups/{gi}/stated/by_source/{escape(source_id)}",
                          _("{label} subtotal for {source!r}").format(label=label, source=view.source_name(source_id)),
                          view.vnd(amount, unit),
                          view.attributed_in(projects, source_id), unit)
        if "total" in stated and stated.get("by_source"):
            sum_check(ctx, "stated-sources", f"/groups/{gi}/stated/total",
                _("{label} subtotal against its source columns").format(label=label),
                      view.vnd(stated["total"], unit), view.vnd(sum(view.tree.top_level(stated["by_source"]).values()), unit),
                      unit)
        for i, ta in enumerate(group.get("text_amounts", [])):
            if "source_id" in ta:
                computed = view.attributed_in(projects, ta["source_id"])
            else:
                computed = view.vnd(stated["total"], unit) if "total" in stated else items
            sum_check(ctx, "text-amount", f"/groups/{gi}/text_amounts/{i}/amount",
                      _("{label}: amount in the text ({printed})").format(label=label, printed=ta['as_printed']),
                      view.vnd(ta["amount"], ta.get("unit", unit)), computed, unit)


def project_list(ctx: Context) -> None:
    view = ctx.view
    stated = ctx.plan.get("project_list", {}).get("stated", {})
    unit = view.list_unit
    if not view.groups:
        return
    if "total" in stated:
        sum_check(ctx, "list-total", "/project_list/stated/total", _("grand total of the project list"),
                  view.vnd(stated["total"], unit), sum(view.group_value(g) for g in view.groups), unit,
                  or_else=sum(view.group_value(g, printed=False) for g in view.groups))
    for source_id, amount in stated.get("by_source", {}).items():
        sum_check(ctx, "list-source", f"/project_list/stated/by_source/{escape(source_id)}",
                  _("grand total of the project list for {source!r}").format(source=view.source_name(source_id)),
                  view.vnd(amount, unit),
                  sum(view.group_value(g, source_id) for g in view.groups), unit,
                  or_else=sum(view.group_value(g, source_id, printed=False) for g in view.groups))


def budget(ctx: Context) -> None:
    view = ctx.view
    budget = ctx.plan.get("budget")
    if not budget:
        return
    unit = budget.get("unit", view.unit)
    by_source = budget.get("by_source", {})
    top = {s: a for s, a in by_source.items() if not view.is_sub_source(s)}
    if "total" in budget and top:
        sum_check(ctx, "budget-total", "/budget/total", _("total budget in the text"),
                  view.vnd(budget["total"], unit), view.vnd(sum(top.values()), unit), unit)
    for parent in by_source:
        children = {s: a for s, a in by_source.items() if view.sources.get(s, {}).get("parent") == parent}
        if children:
            sum_check(ctx, "budget-children", f"/budget/by_source/{escape(parent)}",
                      _("budget for {source!r} in the text against its parts").format(source=view.source_name(parent)),
                      view.vnd(by_source[parent], unit), view.vnd(sum(children.values()), unit), unit)
    for kind, amount in budget.get("by_type", {}).items():
        lines = {s: a for s, a in by_source.items() if view.sources.get(s, {}).get("type") == kind}
        if lines:
            sum_check(ctx, "budget-type", f"/budget/by_type/{kind}",
                _("{type} budget in the text").format(type=_(_TYPES.get(kind, kind))),
                      view.vnd(amount, unit), view.vnd(sum(lines.values()), unit), unit)
    # The text against the project list: its printed grand total, else what its groups add up to.
    plist = ctx.plan.get("project_list", {}).get("stated", {})
    for source_id, amount in [(None, budget.get("total")), *by_source.items()]:
        printed = plist.get("total") if source_id is None else plist.get("by_source", {}).get(source_id)
        if amount is None or (source_id is not None and printed is None):
            continue
        items = sum(view.group_value(g, source_id, printed=False) for g in view.groups) if view.groups else None
        listed = view.vnd(printed, view.list_unit) if printed is not None else items
        if listed:
            what = (_("total budget in the text against the project list") if source_id is None else
                    _("budget for {source!r} in the text against the project list").format(source=view.source_name(source_id)))
            pointer = "/budget/total" if source_id is None else f"/budget/by_source/{escape(source_id)}"
            sum_check(ctx, "budget-vs-list", pointer, what,
                      view.vnd(amount, unit), listed, unit, or_else=items)


def phasing(ctx: Context) -> None:
    view = ctx.view
    phasing = ctx.plan.get("phasing")
    if not phasing:
        return
    unit = phasing.get("unit", view.unit)
    rows = phasing["rows"]
    in_table = {r["source_id"] for r in rows}
    budget = ctx.plan.get("budget", {})

    def vnd(amount: int) -> int:
        return view.vnd(amount, unit)

    for i, row in enumerate(rows):
        label = _("phasing row {row!r}").format(row=row.get('label', row['source_id']))
        if "total" in row and row["years"]:
            sum_check(ctx, "phasing-row", f"/phasing/rows/{i}/total", label, vnd(row["total"]),
                      vnd(sum(row["years"].values())), unit)
        children = [r for r in rows if view.sources.get(r["source_id"], {}).get("parent") == row["source_id"]]
        if children:
            for year, amount in row["years"].items():
                sum_check(ctx, "phasing-children", f"/phasing/rows/{i}/years/{year}",
                          _("{label}, {year}, against its sub-rows").format(label=label, year=year), vnd(amount),
                          vnd(sum(c["years"].get(year, 0) for c in children)), unit)
            if "total" in row and all("total" in c for c in children):
                sum_check(ctx, "phasing-children", f"/phasing/rows/{i}/total",
                    _("{label} total against its sub-rows").format(label=label),
                          vnd(row["total"]), vnd(sum(c["total"] for c in children)), unit,
                          or_else=vnd(sum(sum(c["years"].values()) for c in children)))
        if "total" in row and row["source_id"] in budget.get("by_source", {}):
            sum_check(ctx, "phasing-vs-budget", f"/phasing/rows/{i}/total",
                _("{label} total against the budget in the text").format(label=label),
                      vnd(row["total"]), view.vnd(budget["by_source"][row["source_id"]], budget.get("unit", view.unit)),
                      unit)
    top = [r for r in rows if view.sources.get(r["source_id"], {}).get("parent") not in in_table]
    for year, amount in phasing.get("year_totals", {}).items():
        sum_check(ctx, "phasing-year", f"/phasing/year_totals/{year}", _("phasing total for {year}").format(year=year),
                  vnd(amount), vnd(sum(r["years"].get(year, 0) for r in top)), unit)
    if "total" in phasing:
        if phasing.get("year_totals"):
            sum_check(ctx, "phasing-total", "/phasing/total", _("phasing grand total against its years"),
                      vnd(phasing["total"]), vnd(sum(phasing["year_totals"].values())), unit)
        if all("total" in r for r in top):
            sum_check(ctx, "phasing-total", "/phasing/total", _("phasing grand total against its rows"),
                      vnd(phasing["total"]), vnd(sum(r["total"] for r in top)), unit,
                      or_else=vnd(sum(sum(r["years"].values()) for r in top)))


def tables(ctx: Context) -> None:
    """Baseline tables: counts and ratios, added as printed (Decimal, so 0.1 + 0.2 is 0.3)."""
    for ti, table in enumerate(ctx.plan.get("baseline", {}).get("tables", [])):
        columns = [c["id"] for c in table["columns"] if c.get("summable", True)]
        # Named as printed ('Tổng số cán bộ, công chức đang làm việc'), as the reader finds it in the document.
        names = {c["id"]: c["name"] for c in table["columns"]}
        sections = table["sections"]
        for si, section in enumerate(sections):
            for col in columns:
                if col in section.get("stated", {}):
                    count_check(ctx, "table-column", f"/baseline/tables/{ti}/sections/{si}/stated/{escape(col)}",
                              _("table {table!r}, section {section}, column {column!r}").format(
                                  table=table['id'], section=section.get('seq', si + 1), column=names[col]),
                              section["stated"][col], [r["values"][col] for r in _top(section) if col in r["values"]])
        for col in columns:
            if col in table.get("stated", {}):
                parts = [section["stated"][col] if col in section.get("stated", {})
                         else sum(_dec(r["values"].get(col, 0)) for r in _top(section)) for section in sections]
                count_check(ctx, "table-column", f"/baseline/tables/{ti}/stated/{escape(col)}",
                          _("table {table!r}, total of column {column!r}").format(table=table['id'], column=names[col]),
                          table["stated"][col], parts)


def _top(section: dict) -> list:
    """The rows a section's total adds up: not the sub-rows of a row (their parent counts them)."""
    ids = {r["id"] for r in section["rows"] if "id" in r}
    return [r for r in section["rows"] if r.get("parent") not in ids]


def _dec(value: int | float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(value))


def count_check(ctx: Context, check: str, pointer: str, label: str, stated: int | float | Decimal, parts: list) -> None:
    """`stated` must equal the sum of `parts`, counted as printed (Decimal: no binary rounding)."""
    printed, computed = _dec(stated), sum((_dec(p) for p in parts), Decimal(0))
    difference = printed - computed
    ctx.add("count-check", pointer, text={"label": label, "stated_text": number(printed.normalize(), 6),
                                           "computed_text": number(computed.normalize(), 6),
                                           "difference_text": signed_number(difference.normalize(), 6)},
            check=check, stated=printed, computed=computed, difference=difference)


def indicator_parts(ctx: Context) -> None:
    """A baseline figure that the text breaks down (part_of on each part) equals its parts' sum.
    When the total or a part is printed as a bound ('hơn 1.000', comparator), only a sum that no
    reading of the bounds can reach is compared (and then reported with the printed figures)."""
    from .relations import on_cycles

    indicators = ctx.plan.get("baseline", {}).get("indicators", [])
    cyclic = on_cycles(indicators)  # reported once, as relations.cycle
    parts: dict[str, list] = {}
    for indicator in indicators:
        if "part_of" in indicator and indicator["id"] not in cyclic:
            parts.setdefault(indicator["part_of"], []).append(indicator)
    for i, whole in enumerate(indicators):
        if whole["id"] in parts:
            members = parts[whole["id"]]
            if any(m.get("comparator") for m in [whole, *members]) and _bounds_meet(whole, members):
                continue
            count_check(ctx, "indicator-parts", f"/baseline/indicators/{i}/value",
                        _("baseline figure {id!r} ({unit})").format(id=whole['id'], unit=whole['unit']),
                        whole["value"], [m["value"] for m in members])


def _bounds_meet(whole: dict, members: list) -> bool:
    """Whether some values the printed bounds allow make the parts add up to the total."""
    from .relations import interval  # relations imports this module

    least, most = interval(whole)
    sums = [interval(m) for m in members]
    low = sum((lo for lo, _hi in sums if lo is not None), Decimal(0))
    high = None if any(hi is None for _lo, hi in sums) else sum((hi for _lo, hi in sums if hi is not None), Decimal(0))
    return not ((most is not None and low > most) or (high is not None and least is not None and high < least))
