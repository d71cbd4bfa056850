"""Links between plans: a row that stands for another plan, the same project in two plans (rules/links/).

A province's plans refer to each other (Sóc Trăng KH 22/2012 lists KH 21/2010 as one row). The
rows say so by id (`stands_for: {plan}`, `same_as: {plan, project}`), and these facts compare
what both documents print. They are derived after every plan's own facts, over small summaries
of all the plans linted together (pipeline.check), so one pass over the links is linear in the
number of plans; a plan not linted with them is looked up through the configured plan globs.
"""

from __future__ import annotations

from typing import Any

from ...document import Document
from ...i18n import _
from ..summaries import KIND_NAMES, Finder, Summaries, lookup, summarise
from . import graph
from .base import Context, Fact, FactKind, FieldType
from .tasks import task_label

KINDS = (
    FactKind("plan-link", "A row's link to another plan (stands_for) or to a row of it (same_as), resolved "
             "among the linted plans and the configured plan files.",
             {"link": FieldType.TEXT, "found": FieldType.BOOL, "project_found": FieldType.BOOL,
              "cycle": FieldType.BOOL},
             texts=("label", "plan", "project", "path", "searched")),
    FactKind("linked-amount", "A row's amount (or one kind of source in it) against what the linked plan or "
             "row prints.",
             {"link": FieldType.TEXT, "check": FieldType.TEXT, "stated": FieldType.MONEY,
              "computed": FieldType.MONEY, "difference": FieldType.MONEY},
             texts=("label", "other", "what"),
             checks={"total": "the row's amount against the other plan's total or the other row's amount",
                     "source": "one kind of source (NSTW, NSĐP …) of the row against the other's"}),
    FactKind("linked-twice", "A row that is the same as a row of a plan another row of this plan stands for.",
             {"twice": FieldType.BOOL}, texts=("label", "project", "plan", "whole")),
    FactKind("linked-years", "A row's years against the linked plan's period or the other row's years.",
             {"link": FieldType.TEXT, "differs": FieldType.BOOL, "start": FieldType.YEAR, "end": FieldType.YEAR,
              "other_start": FieldType.YEAR, "other_end": FieldType.YEAR},
             texts=("label", "other")),
)


def derive(ctx: Context) -> None:
    """Nothing per plan: links are compared across plans (link_facts)."""


def link_facts(doc: Document, summaries: Summaries, find: Finder, circle: dict[str, int]) -> list[Fact]:
    """The facts of one plan's links: `summaries` are the plans linted with it, `find` looks a plan
    id up among the configured plan files."""
    ctx = Context(doc, {}, ())
    mine = summaries.get(doc.data["id"]) or summarise(doc)
    # Which row stands for which plan: a row the same as a row of that plan is counted twice.
    whole = {row["stands_for"]["plan"]: row for _b, _g, row in ctx.view.projects() if "stands_for" in row}
    for base, _group, row in ctx.view.projects():
        label = _("project {seq} {id!r}").format(seq=row.get("seq", ""), id=row["id"]).replace("  ", " ")
        if "stands_for" in row:
            stands_for(ctx, base, label, mine.rows[row["id"]], row["stands_for"], summaries, find, circle)
        if "same_as" in row:
            same_as(ctx, base, label, mine.rows[row["id"]], row["same_as"], summaries, find)
            other_whole = whole.get(row["same_as"]["plan"])
            if other_whole is not None and other_whole is not row:
                ctx.add("linked-twice", f"{base}/same_as", twice=True,
                        text={"label": label, "project": row["same_as"]["project"], "plan": row["same_as"]["plan"],
                              "whole": _("project {seq} {id!r}").format(seq=other_whole.get("seq", ""),
                                                                         id=other_whole["id"]).replace("  ", " ")})
    for ti, task in enumerate(ctx.plan.get("tasks", [])):
        if "stands_for" in task:
            steps = task.get("schedule", {}).get("steps", [])
            as_row: dict[str, Any] = {
                "total": ctx.view.vnd(task["amount"], task.get("unit")) if "amount" in task else None, "by_kind": {},
                "start": min((s["start"] for s in steps), default=None),
                "end": max((s.get("end", s["start"]) for s in steps), default=None)}
            stands_for(ctx, f"/tasks/{ti}", task_label(task), as_row, task["stands_for"], summaries, find, circle)
    return ctx.facts


def stands_for(ctx: Context, base: str, label: str, row: dict, link: dict, summaries: Summaries,
               find: Finder, circle: dict[str, int]) -> None:
    other = lookup(link["plan"], summaries, find)
    cycle = other is not None and (other.id == ctx.plan["id"] or
                                   circle.get(other.id, -1) == circle.get(ctx.plan["id"], -2))
    ctx.add("plan-link", f"{base}/stands_for/plan", link="stands_for", found=other is not None, project_found=True,
            cycle=cycle, text={"label": label, "plan": link["plan"], "project": "", "path": other.name if other else "",
                               "searched": _("the linted files and the configured plan files")})
    if other is None or cycle or other.id == ctx.plan["id"]:
        return
    what = _("plan {id!r} ({file})").format(id=other.id, file=other.name)
    compare(ctx, base, "stands_for", label, row, {"total": other.total, "by_kind": other.by_kind,
                                                     "start": other.start, "end": other.end}, what)


def same_as(ctx: Context, base: str, label: str, row: dict, link: dict, summaries: Summaries,
            find: Finder) -> None:
    other = lookup(link["plan"], summaries, find)
    other_row = other.rows.get(link["project"]) if other else None
    ctx.add("plan-link", f"{base}/same_as/project" if other else f"{base}/same_as/plan", link="same_as",
            found=other is not None, project_found=other_row is not None, cycle=False,
            text={"label": label, "plan": link["plan"], "project": link["project"], "path": other.name if other else "",
                  "searched": _("the linted files and the configured plan files")})
    if other is None or other_row is None or other_row is row:
        return
    what = _("project {id!r} of plan {plan!r} ({file})").format(id=link["project"], plan=other.id, file=other.name)
    compare(ctx, base, "same_as", label, row, other_row, what)


def compare(ctx: Context, base: str, link: str, label: str, row: dict, other: dict, what: str) -> None:
    """The row's printed figures (at `base`) against the other plan's or row's."""
    printed = ctx.doc.data
    for key in base.strip("/").split("/"):
        printed = printed[int(key) if isinstance(printed, list) else key]
    if row["total"] is not None and other["total"] is not None:
        pointer = next((f"{base}/{key}" for key in ("total", "amount") if key in printed), f"{base}/amounts")
        ctx.add("linked-amount", pointer, ctx.view.list_unit, link=link, check="total", stated=row["total"],
                computed=other["total"], difference=row["total"] - other["total"],
                text={"label": label, "other": what, "what": _("the amount")})
    for kind, amount in row["by_kind"].items():
        if kind in other["by_kind"]:
            ctx.add("linked-amount", f"{base}/amounts", ctx.view.list_unit, link=link, check="source", stated=amount,
                    computed=other["by_kind"][kind], difference=amount - other["by_kind"][kind],
                    text={"label": label, "other": what, "what": KIND_NAMES[kind]})
    years = (row["start"], row["end"], other["start"], other["end"])
    if None not in years:
        pointer = (f"{base}/schedule" if "schedule" in printed else
                   f"{base}/start" if years[0] != years[2] else f"{base}/end")
        ctx.add("linked-years", pointer, link=link, differs=years[:2] != years[2:], start=years[0], end=years[1],
                other_start=years[2], other_end=years[3], text={"label": label, "other": what})


def components(roots: list[str], summaries: Summaries, find: Finder) -> dict[str, int]:
    """Each plan reachable by stands_for links from `roots`, with its strongly connected component
    (graph.py): linear in the number of plans, whatever the shape of the links, never following a
    circle. A circle's plans all link, so the linking plans as roots find every circle they are in."""

    def targets(plan_id: str) -> list[str]:
        plan = lookup(plan_id, summaries, find)
        return [t for t in (plan.stands_for if plan else []) if lookup(t, summaries, find) is not None]

    return graph.components(roots, targets)


def all_link_facts(summaries: Summaries, linking: list[Document], find: Finder) -> list[Fact]:
    """The link facts of the plans `linking` (each links to another plan: plan.view.linked_plans),
    looked up among the plans linted with them (`summaries`, each summarised as a link asks for
    it), then among the configured plan files (`find`)."""
    if not linking:
        return []
    circle = components([d.data["id"] for d in linking], summaries, find)
    facts: list[Fact] = []
    for doc in linking:
        facts += link_facts(doc, summaries, find, circle)
    return facts
