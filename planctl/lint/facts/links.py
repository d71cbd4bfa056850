"""Links between plans: a row that stands for another plan, the same project in two plans (rules/links/).

A province's plans refer to each other (Sóc Trăng KH 22/2012 lists KH 21/2010 as one row). The
rows say so by id (`stands_for: {plan}`, `same_as: {plan, project}`), and these facts compare
what both documents print. They are derived after every plan's own facts, over small summaries
of all the plans linted together (pipeline.check), so one pass over the links is linear in the
number of plans; a plan not linted with them is looked up through the configured plan globs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ...document import Document
from ...i18n import _
from ...plan.view import PlanView
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

KIND_NAMES = {"central-budget": "NSTW", "local-budget": "NSĐP"}


def derive(ctx: Context) -> None:
    """Nothing per plan: links are compared across plans (link_facts)."""


class Summary(NamedTuple):
    """What another plan's links need to know of a plan: a few numbers, no document."""

    # In this order: lint/linkcache.py stores them so, and checks the order it reads back.
    id: str
    name: str
    total: int | None  # the budget's printed total, else the project list's, in VND
    by_kind: dict[str, int]
    start: int | None
    end: int | None
    rows: dict[str, dict]  # id -> total, by_kind, start, end, name
    stands_for: list[str]  # plan ids its rows stand for


def summarise(doc: Document) -> Summary:
    plan = doc.data
    view = PlanView(plan)
    budget = plan.get("budget", {})
    listed = plan.get("project_list", {}).get("stated", {})
    if "total" in budget:
        total: int | None = view.vnd(budget["total"], budget.get("unit"))
        by_kind = kinds(view, {s: view.vnd(a, budget.get("unit")) for s, a in budget.get("by_source", {}).items()})
    elif "total" in listed:
        total = view.vnd(listed["total"], view.list_unit)
        by_kind = kinds(view, {s: view.vnd(a, view.list_unit) for s, a in listed.get("by_source", {}).items()})
    else:
        total, by_kind = None, {}
    rows: dict[str, dict] = {}
    stands_for: list[str] = []
    for _base, _group, row in view.projects():
        amounts = {s: view.vnd(a, view.list_unit) for s, a in row.get("amounts", {}).items()}
        rows[row["id"]] = {"total": view.project_value(row), "by_kind": kinds(view, amounts),
                           "start": row.get("start"), "end": row.get("end"), "name": row["name"]}
        if "stands_for" in row:
            stands_for.append(row["stands_for"]["plan"])
    stands_for += [t["stands_for"]["plan"] for t in plan.get("tasks", []) if "stands_for" in t]
    period = plan.get("period", {})
    return Summary(plan["id"], doc.name, total, by_kind, period.get("start"), period.get("end"), rows, stands_for)


def kinds(view: PlanView, amounts: dict[str, int]) -> dict[str, int]:
    """Money per kind of source (NSTW, NSĐP), from the top-level cells, so no sum counts twice."""
    result: dict[str, int] = {}
    for source_id, amount in view.tree.top_level(amounts).items():
        kind = view.sources.get(source_id, {}).get("kind")
        if kind in KIND_NAMES:
            result[kind] = result.get(kind, 0) + amount
    return result


Finder = Callable[[str], Summary | None]


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


def lookup(plan_id: str, summaries: Summaries, find: Finder) -> Summary | None:
    return summaries.get(plan_id) or find(plan_id)


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


class Summaries:
    """The plans linted together, by id, each summarised when a link first asks for it: most plans
    of a repository are linked from none (the last of two plans with one id is the one found)."""

    def __init__(self, docs: Iterable[Document]) -> None:
        self._docs = {doc.data["id"]: doc for doc in docs}
        self._done: dict[str, Summary] = {}

    def get(self, plan_id: str) -> Summary | None:
        summary = self._done.get(plan_id)
        if summary is None and plan_id in self._docs:
            summary = self._done[plan_id] = _summary(self._docs[plan_id])
        return summary


def _summary(doc: Document) -> Summary:
    """summarise(doc), from the cache when the plan is unchanged since a run that summarised it
    (lint/linkcache.py, keyed by its parse key): a third of a lint of unchanged plans that link."""
    from .. import linkcache

    key = linkcache.key_of_parse(doc.parse_key)
    summary = linkcache.read(key, doc.name) if key is not None else None
    if summary is None:
        summary = summarise(doc)
        if key is not None:
            linkcache.store(key, summary)
    return summary


def components(roots: list[str], summaries: Summaries, find: Finder) -> dict[str, int]:
    """Each plan reachable by stands_for links from `roots`, with its strongly connected component
    (graph.py): linear in the number of plans, whatever the shape of the links, never following a
    circle. A circle's plans all link, so the linking plans as roots find every circle."""

    def targets(plan_id: str) -> list[str]:
        plan = lookup(plan_id, summaries, find)
        return [t for t in (plan.stands_for if plan else []) if lookup(t, summaries, find) is not None]

    return graph.components(roots, targets)


def all_link_facts(docs: Iterable[Document], linking: list[Document], find: Finder) -> list[Fact]:
    """The link facts of the plans linted together (`docs`), from those of them that link to
    another plan (`linking`: plan.view.links_to_plans): summaries first (one per plan, as a link
    asks for it), then each linking plan's links looked up in them."""
    if not linking:
        return []
    summaries = Summaries(docs)
    circle = components([d.data["id"] for d in linking], summaries, find)
    facts: list[Fact] = []
    for doc in linking:
        facts += link_facts(doc, summaries, find, circle)
    return facts
