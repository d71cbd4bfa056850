"""Periods: the years printed in a plan against its period, and the roadmap over time (rules/periods/)."""

from __future__ import annotations

from ...i18n import _, number
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
