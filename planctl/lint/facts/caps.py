"""Funding-source caps: the plan's own envelopes, the policy files' caps and purposes, split notes
(rules/caps/)."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import escape
from ...i18n import N_, _, percent
from ...plan.money import to_vnd
from .base import Context, FactKind, FieldType, item_label

KINDS = (
    FactKind("envelope", "The items' total for one funding source against the plan's stated total.",
             {"source": FieldType.TEXT, "items": FieldType.MONEY, "envelope": FieldType.MONEY,
              "excess": FieldType.MONEY}, texts=("label",)),
    FactKind("cap", "Money from one kind of source in a plan, year or group, against a policy cap.",
             {"cap": FieldType.TEXT, "status": FieldType.TEXT, "amount": FieldType.MONEY, "limit": FieldType.MONEY,
              "share": FieldType.PERCENT, "max_share": FieldType.PERCENT},
             texts=("label", "share_text", "max_share_text", "basis", "status_text")),
    FactKind("purpose", "A project funded by a source whose purposes a policy restricts.",
             {"policy": FieldType.TEXT, "status": FieldType.TEXT, "allowed": FieldType.BOOL, "amount": FieldType.MONEY},
             texts=("label", "source_name", "allowed_groups", "status_text")),
    FactKind("split", "A split note's percentages, added up.",
             {"total_share": FieldType.PERCENT}, texts=("label", "as_printed", "total_text")),
)

POLICY_UNIT = "million VND"  # amounts in policy files


# A policy entry's status, as a message says it (schema/policy.schema.json).
_STATUS = {"law": N_("law"), "example": N_("example")}


def derive(ctx: Context) -> None:
    envelopes(ctx)
    for policy in ctx.policies:
        for cap in policy.get("caps", []):
            caps(ctx, cap)
        for purpose in policy.get("purposes", []):
            purposes(ctx, purpose)
    splits(ctx)


def envelopes(ctx: Context) -> None:
    """Per source, the items must fit in the total the plan states for that source."""
    view = ctx.view
    budget = ctx.plan.get("budget", {})
    stated = ctx.plan.get("project_list", {}).get("stated", {}).get("by_source", {})
    limits = {s: (view.vnd(a, budget.get("unit", view.unit)), f"/budget/by_source/{escape(s)}")
              for s, a in budget.get("by_source", {}).items()}
    for s, a in stated.items():
        limits.setdefault(s, (view.vnd(a, view.list_unit), f"/project_list/stated/by_source/{escape(s)}"))
    projects = [p for _base, _g, p in view.projects()]
    if not projects:
        return
    for source_id, (limit, pointer) in limits.items():
        items = view.attributed_in(projects, source_id)
        ctx.add("envelope", pointer, source=source_id, items=items, envelope=limit, excess=items - limit,
                text={"label": view.source_name(source_id)})


def caps(ctx: Context, cap: dict) -> None:
    for pointer, label, amount, whole in scopes(ctx, cap):
        if amount == 0:
            continue
        values: dict = {"cap": cap["id"], "status": cap["status"], "amount": amount}
        text = {"label": f"{label}: {cap['source_kind']}", "basis": cap.get("basis", ""),
                "status_text": _(_STATUS.get(cap["status"], cap["status"]))}
        if "max_amount" in cap:
            values["limit"] = to_vnd(cap["max_amount"], POLICY_UNIT)
        if "max_share" in cap and whole:
            values["share"] = amount * 100 / whole
            values["max_share"] = cap["max_share"]
            text.update(share_text=percent(amount * 100 / whole), max_share_text=percent(cap['max_share'], 3))
        ctx.add("cap", pointer, text=text, **values)


def scopes(ctx: Context, cap: dict) -> Iterator[tuple[str, str, int, int]]:
    """(pointer, label, amount from the capped kind of source, whole amount) per scope of the cap."""
    view, kind = ctx.view, cap["source_kind"]
    if cap["per"] == "year":
        yield from year_scopes(ctx, kind)
        return
    if cap["per"] == "group":
        scoped = [(f"/groups/{gi}",
            _("group {id!r}").format(id=g['id']), g.get("projects", [])) for gi, g in enumerate(view.groups)]
    else:
        scoped = [("/groups" if view.groups else "", _("the plan"), [p for _b, _g, p in view.projects()])]
    for pointer, label, projects in scoped:
        amount = sum(a for p in projects for _s, a, _w in view.money_of_kind(p, kind))
        yield pointer, label, amount, sum(view.project_value(p) or 0 for p in projects)


def year_scopes(ctx: Context, kind: str) -> Iterator[tuple[str, str, int, int]]:
    view = ctx.view
    phasing = ctx.plan.get("phasing", {})
    rows, unit = phasing.get("rows", []), phasing.get("unit", view.unit)
    in_table = {r["source_id"] for r in rows}
    # The year's whole: rows whose parent has no row of its own (as the phasing sums count them).
    top = [r for r in rows if not set(view.tree.ancestors(r["source_id"])) & in_table]
    # Money of the capped kind, as per plan and per group: a row of that kind (its own, or its
    # parent's), not counted again when a row above it in the table already counts it.
    capped = [r for r in rows if kind in view.kinds(r["source_id"]) and not any(
        a in in_table and kind in view.kinds(a) for a in view.tree.ancestors(r["source_id"]))]
    for year in sorted({y for r in rows for y in r["years"]}):
        pointer = f"/phasing/year_totals/{year}" if year in phasing.get("year_totals", {}) else "/phasing"
        yield (pointer, _("year {year}").format(year=year), sum(view.vnd(r["years"].get(year, 0), unit) for r in capped),
               sum(view.vnd(r["years"].get(year, 0), unit) for r in top))


def purposes(ctx: Context, purpose: dict) -> None:
    allowed = set(purpose["task_groups"])
    for base, group, project in ctx.view.projects():
        for source_id, amount, where in ctx.view.money_of_kind(project, purpose["source_kind"]):
            if amount:
                ctx.add("purpose", f"{base}/{where}", policy=purpose["id"], status=purpose["status"],
                        allowed=bool(allowed & set(group.get("task_groups", []))), amount=amount,
                        text={"label": _("project {id!r}").format(id=project['id']),
                              "source_name": ctx.view.source_name(source_id),
                              "allowed_groups": ", ".join(sorted(allowed)),
                              "status_text": _(_STATUS.get(purpose["status"], purpose["status"]))})


def splits(ctx: Context) -> None:
    for base, _group, project in ctx.view.projects():
        split = project.get("split")
        if split:
            total = sum(split["shares"].values())
            ctx.add("split", f"{base}/split", ctx.view.list_unit, total_share=total,
                    text={"label": item_label("project", project),
                          "as_printed": split["as_printed"], "total_text": percent(total, 3)})
