"""Identity: ids, names and printed numbers used once, and targets that state one thing once (rules/identity/)."""

from __future__ import annotations

from collections import defaultdict

from ...i18n import _
from ...plan.targets import target_text
from ...plan.words import norm, seq_number
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("occurrence", "The n-th occurrence of an id or a project name in a plan.",
             {"what": FieldType.TEXT, "occurrence": FieldType.INT, "count": FieldType.INT},
             texts=("label", "first_line")),
    FactKind("seq-step", "A printed item number next to the number printed before it.",
             {"seq": FieldType.INT, "previous": FieldType.INT, "expected": FieldType.INT},
             texts=("label", "seq_text", "previous_text")),
    FactKind("linked-target", "A target that states again the indicator of another (the same national target, "
             "or `restates`), and whether it sets another value.",
             {"occurrence": FieldType.INT, "differs": FieldType.BOOL},
             texts=("label", "national", "first_line", "value_text", "first_text")),
)


def derive(ctx: Context) -> None:
    ids(ctx)
    names(ctx)
    numbering(ctx)
    restated_targets(ctx)


def ids(ctx: Context) -> None:
    plan = ctx.plan
    lists = [("/groups", ctx.view.groups), ("/targets", plan.get("targets", [])),
             ("/funding_sources", plan.get("funding_sources", [])), ("/citations", plan.get("citations", []))]
    lists += [(f"/groups/{gi}/projects", g.get("projects", [])) for gi, g in enumerate(ctx.view.groups)]
    lists += [(f"/roadmap/{ri}/milestones", y.get("milestones", [])) for ri, y in enumerate(plan.get("roadmap", []))]
    lists += [(f"/baseline/tables/{ti}", [t]) for ti, t in enumerate(plan.get("baseline", {}).get("tables", []))]
    lists.append(("/baseline/indicators", plan.get("baseline", {}).get("indicators", [])))
    lists.append(("/coverage/parts", plan.get("coverage", {}).get("parts", [])))
    lists += outline_lists(plan.get("outline", []), "/outline")
    seen: dict[str, list[str]] = defaultdict(list)
    for base, items in lists:
        for i, item in enumerate(items):
            if isinstance(item, dict) and "id" in item:
                seen[item["id"]].append(f"{base}/{i}/id")
    for ident, pointers in seen.items():
        if len(pointers) > 1:  # the first in the document is the original, whatever list it is in
            pointers.sort(key=ctx.doc.locate)
        occurrences(ctx, "id", _("id {id!r}").format(id=ident), pointers)


def outline_lists(nodes: list, base: str) -> list[tuple[str, list]]:
    """The outline's levels, each a list whose nodes may carry an id (links name them)."""
    lists = [(base, nodes)]
    for i, node in enumerate(nodes):
        lists += outline_lists(node.get("children", []), f"{base}/{i}/children")
    return lists


def names(ctx: Context) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for base, _group, project in ctx.view.projects():
        seen[norm(project["name"])].append(f"{base}/name")
    for pointers in seen.values():
        occurrences(ctx, "project-name", _("the same project name"), pointers)


def occurrences(ctx: Context, what: str, label: str, pointers: list[str]) -> None:
    doc, first = ctx.doc, pointers[0]

    def text() -> dict[str, str]:  # for a finding only: most ids occur once (holds the doc, not ctx)
        return {"label": label, "first_line": str(doc.locate(first).line)}

    for n, pointer in enumerate(pointers, start=1):
        ctx.add("occurrence", pointer, what=what, occurrence=n, count=len(pointers), text=text)


def numbering(ctx: Context) -> None:
    groups = ctx.view.groups
    run(ctx, [(f"/groups/{gi}", g) for gi, g in enumerate(groups)], "group")
    if ctx.plan.get("project_list", {}).get("numbering") == "across-groups":
        # One run 1..N over the whole list; the groups are the text's sections, not blocks of the list.
        projects = sorted(((base, p) for base, _g, p in ctx.view.projects()),
                          key=lambda e: seq_number(e[1].get("seq")) or 0)
        run(ctx, projects, _("the project list"))
        return
    for gi, group in enumerate(groups):
        run(ctx, [(f"/groups/{gi}/projects/{pi}", p) for pi, p in enumerate(group.get("projects", []))],
            _("group {seq}").format(seq=group.get('seq', gi + 1)))


def run(ctx: Context, items: list[tuple[str, dict]], label: str) -> None:
    """One numbered run: each printed number next to the one before it."""
    previous: tuple[int, object] | None = None
    for pointer, item in items:
        number = seq_number(item.get("seq"))
        if number is None:
            previous = None
            continue
        if previous is not None:
            ctx.add("seq-step", f"{pointer}/seq", seq=number, previous=previous[0], expected=previous[0] + 1,
                    text={"label": _("numbering in {label}").format(label=label), "seq_text": str(item["seq"]),
                          "previous_text": str(previous[1])})
        previous = (number, item["seq"])


def restated_targets(ctx: Context) -> None:
    """A target that restates another (`restates`, or a second link to one national target) must
    set the same value and year."""
    targets = ctx.plan.get("targets", [])
    index = {t["id"]: ti for ti, t in enumerate(targets)}
    first_linked: dict[str, int] = {}
    for ti, target in enumerate(targets):
        if target.get("restates") in index:
            same_indicator(ctx, ti, index[target["restates"]], _("the indicator of target {id!r}").format(id=target['restates']))
        link = target.get("national_target")
        # A partial match (national_match: partial) measures another indicator: it restates nothing.
        if not link or target.get("national_match") == "partial" or not national_target(ctx, link):
            continue
        if link in first_linked:
            same_indicator(ctx, ti, first_linked[link], link)
        else:
            first_linked[link] = ti


WORDING = {">": ">=", "<": "<="}  # comparators that state the same bound in other words


def national_target(ctx: Context, link: str) -> dict | None:
    pid, _sep, nid = link.partition("/")
    return next((t for t in ctx.programmes.get(pid, {}).get("targets", []) if t["id"] == nid), None)


def same_indicator(ctx: Context, ti: int, fi: int, what: str) -> None:
    targets = ctx.plan["targets"]
    target, first = targets[ti], targets[fi]

    def commitment(t: dict) -> tuple:
        # "trên 80%" (>) and "đến 80%" (>=) of one figure differ in wording, not in what they ask
        return WORDING.get(t["comparator"], t["comparator"]), t.get("value"), t.get("value_max"), t.get("year")

    ctx.add("linked-target", f"/targets/{ti}/value" if "value" in target else f"/targets/{ti}",
            occurrence=2, differs=commitment(target) != commitment(first),
            text={"label": _("target {id!r}").format(id=target['id']), "national": what,
                  "value_text": target_text(target, no_year=_("no year")),
                  "first_text": target_text(first, no_year=_("no year")), "first_line": ctx.line(f"/targets/{fi}")})
