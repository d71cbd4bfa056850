"""Periods: the years printed in a plan against its period, and the roadmap over time (rules/periods/)."""

from __future__ import annotations

from functools import partial

from ...i18n import N_, _, date, number
from ...plan.printed_years import PrintedYears, name_years, note_years
from .base import Context, FactKind, FieldType, item_label

KINDS = (
    FactKind("year", "A year printed in the plan, with the first and last year allowed where it stands.",
             {"context": FieldType.TEXT, "year": FieldType.YEAR, "first": FieldType.YEAR, "last": FieldType.YEAR},
             texts=("label",)),
    FactKind("schedule", "A project's start and end years (absent when not printed), and whether it has money.",
             {"start": FieldType.YEAR, "end": FieldType.YEAR, "funded": FieldType.BOOL}, texts=("label",)),
    FactKind("milestone-step", "A roadmap milestone next to the same indicator's last milestone of an earlier year.",
             {"indicator": FieldType.TEXT, "value": FieldType.NUMBER, "previous": FieldType.NUMBER,
              "year": FieldType.YEAR, "previous_year": FieldType.YEAR},
             texts=("label", "value_text", "previous_text", "previous_label")),
    FactKind("text-years", "Years printed in a project's name or quoted note, next to the row's year cells and the period.",
             {"place": FieldType.TEXT, "year_first": FieldType.YEAR, "year_last": FieldType.YEAR,
              "has_cells": FieldType.BOOL, "matches_cells": FieldType.BOOL, "in_period": FieldType.BOOL},
             texts=("label", "where", "printed", "cells", "period")),
    FactKind("end-vs-document", "A project's end year next to the year of the document's own date.",
             {"end": FieldType.YEAR, "document_year": FieldType.YEAR}, texts=("label", "document_date")),
    FactKind("source-phasing", "A project's money from one source, and whether the phasing table shows money "
             "from that source (or a source above or below it) in any of the project's years.",
             {"source": FieldType.TEXT, "amount": FieldType.MONEY, "phased": FieldType.BOOL},
             texts=("label", "source_name", "years", "row")),
)


def derive(ctx: Context) -> None:
    period = ctx.plan["period"]
    start, end = period["start"], period["end"]
    # Targets may look beyond the plan, as far as the programmes it implements look.
    horizon = max([period.get("horizon", end)] + [
        p["period"].get("horizon", p["period"]["end"]) for pid, p in ctx.programmes.items()
        if pid in ctx.plan.get("implements", [])])

    def year(pointer: str, context: str, value: int, last: int, label: str) -> None:
        ctx.add("year", pointer, context=context, year=value, first=start, last=last, text={"label": label})

    for base, _group, project in ctx.view.projects():
        label = item_label("project", project)
        for key in ("start", "end"):
            if key in project:
                year(f"{base}/{key}", f"project-{key}", project[key], end, label)
        printed = {k: project[k] for k in ("start", "end") if k in project}
        ctx.add("schedule", base + ("/start" if "start" in project else ""), text={"label": label},
                funded=bool(project.get("amounts") or "total" in project), **printed)
        for value in project.get("by_year", {}):
            year(f"{base}/by_year/{value}", "project-year", int(value), end, label)
    for ti, target in enumerate(ctx.plan.get("targets", [])):
        if "year" in target:
            year(f"/targets/{ti}/year", "target", target["year"], horizon, _("target {id!r}").format(id=target['id']))
    for ri, entry in enumerate(ctx.plan.get("roadmap", [])):
        year(f"/roadmap/{ri}/year", "roadmap", entry["year"], end, _("roadmap"))
    for ri, row in enumerate(ctx.plan.get("phasing", {}).get("rows", [])):
        for value in row["years"]:
            year(f"/phasing/rows/{ri}/years/{value}", "phasing", int(value), end,
                 _("phasing row {row!r}").format(row=row.get('label', row['source_id'])))
    milestones(ctx)
    text_years(ctx)
    ends_before_document(ctx)
    source_phasing(ctx)


def milestones(ctx: Context) -> None:
    """Each milestone against the same indicator's last milestone of an earlier year. Two in one
    year are not steps: "Tất cả … cấp tỉnh" and "cấp tỉnh trên 90%" in one bullet state different
    scopes, not a decrease."""
    before: dict[str, tuple[int, float, str]] = {}  # indicator -> (year, value, id), earlier years
    this_year: dict[str, tuple[int, float, str]] = {}
    year = None
    for ri, entry in sorted(enumerate(ctx.plan.get("roadmap", [])), key=lambda e: e[1]["year"]):
        if entry["year"] != year:
            before.update(this_year)
            this_year, year = {}, entry["year"]
        for mi, milestone in enumerate(entry["milestones"]):
            if "indicator" not in milestone or "value" not in milestone:
                continue
            indicator = milestone["indicator"]
            unit = milestone.get("unit", "")
            if indicator in before:
                previous_year, value, previous_id = before[indicator]
                ctx.add("milestone-step", f"/roadmap/{ri}/milestones/{mi}/value", indicator=indicator,
                        value=milestone["value"], previous=value, year=entry["year"], previous_year=previous_year,
                        text={"label": _("milestone {id!r}").format(id=milestone['id']),
                              "value_text": number(milestone['value']) + unit, "previous_text": number(value) + unit,
                              "previous_label": _("milestone {id!r}").format(id=previous_id)})
            this_year[indicator] = (entry["year"], milestone["value"], milestone["id"])


def cells_text(project: dict) -> str:
    """The row's year cells as compared: "2011", "2011–2012" (years_as_printed may be stale after an edit)."""
    years = [project[k] for k in ("start", "end") if k in project]
    return str(years[0]) if len(set(years)) == 1 else "–".join(map(str, years))


_PLACES = {"name": N_("the name"), "note": N_("the note")}


def text_years(ctx: Context) -> None:
    """Years in names ("… (2010- 2011)") and in notes that quote the document, against the row's
    cells: a span must equal the cells, a single year lie within them; with no cells, the period."""
    period = ctx.plan["period"]
    first, last = period["start"], period["end"]
    for base, _group, project in ctx.view.projects():
        start, end = project.get("start"), project.get("end")
        has_cells = start is not None and end is not None
        found: list[tuple[str, PrintedYears]] = [("name", y) for y in name_years(project["name"])]
        found += [("note", y) for y in note_years(project.get("note", ""))]
        for place, years in found:
            if years.first != years.last:
                matches = (years.first, years.last) == (start, end)
            else:
                matches = start is not None and end is not None and start <= years.first <= end
            ctx.add("text-years", f"{base}/{place}", place=place, year_first=years.first, year_last=years.last,
                    has_cells=has_cells, matches_cells=bool(matches),
                    in_period=first <= years.first and years.last <= last,
                    text={"label": item_label("project", project), "where": _(_PLACES[place]), "printed": years.printed,
                          "cells": cells_text(project), "period": f"{first}–{last}"})


def ends_before_document(ctx: Context) -> None:
    """A project that ends in a year before the document's own date was over when it was planned."""
    issued = ctx.plan.get("document", {}).get("date")
    if not issued:
        return
    for base, _group, project in ctx.view.projects():
        if "end" in project:
            ctx.add("end-vs-document", f"{base}/end", end=project["end"], document_year=int(issued[:4]),
                    text={"label": item_label("project", project), "document_date": date(issued)})


def project_years(project: dict) -> list[int]:
    """The years a project's money is spent: its by_year columns, else start..end. Empty when the
    cells are missing or implausible (periods.implausible-year and start-after-end report those)."""
    if project.get("by_year"):
        return sorted(y for y in map(int, project["by_year"]) if 1990 <= y <= 2100)
    start, end = project.get("start"), project.get("end")
    if start is None or end is None or not (1990 <= start <= end <= 2100):
        return []
    return list(range(start, end + 1))


def source_phasing(ctx: Context) -> None:
    """Each source cell of a project against the phasing rows of that source, its ancestors and its
    descendants: a row of any of them with money in one of the project's years is enough."""
    rows = ctx.plan.get("phasing", {}).get("rows", [])
    if not rows:
        return
    tree, view = ctx.view.tree, ctx.view
    # Per source, once per plan: its related rows and the years in which any of them has money.
    by_source: dict[str, tuple[list[dict], set[int]]] = {}
    for base, _group, project in ctx.view.projects():
        years = project_years(project)
        if not years:
            continue
        for source, amount in project.get("amounts", {}).items():
            if source not in by_source:
                related = [r for r in rows if r["source_id"] == source or r["source_id"] in tree.ancestors(source)
                           or source in tree.ancestors(r["source_id"])]
                with_money = {int(y) for r in related for y, cell in r["years"].items()
                              if cell and str(y).isdigit()}
                by_source[source] = (related, with_money)
            related, with_money = by_source[source]
            if not related or not isinstance(amount, int) or amount <= 0:
                continue
            phased = any(y in with_money for y in years)
            shown = related[0]
            ctx.add("source-phasing", f"{base}/amounts/{source}", ctx.view.list_unit, source=source,
                    amount=ctx.view.vnd(amount, ctx.view.list_unit), phased=phased,
                    text=partial(_phasing_text, project, view.source_name(source), years,
                                 shown.get("label", view.source_name(shown["source_id"]))))


def _phasing_text(project: dict, source_name: str, years: list[int], row: str) -> dict[str, str]:
    """A source-phasing fact's texts, for a finding only (two projects in a hundred have one). It
    holds nothing the plan's data does not (not the view: a batch's views would live until the
    engine has run)."""
    return {"label": item_label("project", project), "source_name": source_name,
            "years": ", ".join(str(y) for y in years), "row": row}
