"""Alignment with the national programmes: task groups covered and mapped, targets at least as
ambitious as the national targets they localise (rules/alignment/)."""

from __future__ import annotations

from collections import Counter

from ...i18n import _
from ...plan.money import is_number
from ...plan.targets import target_text
from .base import Context, FactKind, FieldType, item_label
from .identity import national_target

KINDS = (
    FactKind("coverage", "A task group of an implemented programme with the number of plan groups mapped to it.",
             {"programme": FieldType.TEXT, "task_group": FieldType.TEXT, "groups": FieldType.INT}, texts=("label",)),
    FactKind("group-mapping", "A plan group with the number of national task groups it is mapped to.",
             {"mapped": FieldType.INT}, texts=("label",)),
    FactKind("alignment", "A target linked to a national target, compared in ambition.",
             {"confidence": FieldType.TEXT, "weaker": FieldType.BOOL, "same_year": FieldType.BOOL,
              "comparable": FieldType.BOOL, "qualitative": FieldType.BOOL,
              "compare_value": FieldType.BOOL, "compare_year": FieldType.BOOL},
             texts=("label", "national", "plan_value", "national_value")),
)


def derive(ctx: Context) -> None:
    task_groups(ctx)
    targets(ctx)


def task_groups(ctx: Context) -> None:
    groups = ctx.view.groups
    mapped: Counter = Counter()
    for gi, group in enumerate(groups):
        links = group.get("task_groups", [])
        ctx.add("group-mapping", f"/groups/{gi}", mapped=len(links), text={"label": item_label("group", group)})
        mapped.update(links)
    if not groups:
        return
    for ii, pid in enumerate(ctx.plan.get("implements", [])):
        for tg in ctx.programmes.get(pid, {}).get("task_groups", []):
            ctx.add("coverage", f"/implements/{ii}", programme=pid, task_group=tg["id"],
                    groups=mapped[f"{pid}/{tg['id']}"], text={"label": f"{tg['id']} ({tg['name']})"})


LOWER_IS_BETTER = ("<=", "<")  # a rank or a cost
HIGHER_IS_BETTER = (">=", ">")


def weaker(target: dict, national: dict) -> bool:
    """Whether a plan's numeric target asks for less than the national target it localises."""
    value, goal = target["value"], national["value"]
    plan, nation = target["comparator"], national["comparator"]
    if nation in LOWER_IS_BETTER:
        # "at least 15th" for "at most 15th" points the other way; "at most 10" asks for less than
        # "under 10"
        return plan in HIGHER_IS_BETTER or value > goal or (value == goal and nation == "<" and plan != "<")
    # "at most 70%" for "over 70%" points the other way; "over 50%" (>) asks for more than "at
    # least 50%" (>=), "exactly 50%" or a range starting at 50
    return plan in LOWER_IS_BETTER or value < goal or (value == goal and nation == ">" and plan != ">")


def targets(ctx: Context) -> None:
    for ti, target in enumerate(ctx.plan.get("targets", [])):
        link = target.get("national_target")
        national = national_target(ctx, link) if link else None
        if national is None:
            continue
        numeric = [t["comparator"] != "qualitative" and is_number(t.get("value")) for t in (target, national)]
        comparable = all(numeric) and target.get("unit") == national.get("unit")
        # A partial match (national_match: partial) compares only what the planner says is comparable.
        partial = target.get("national_match") == "partial"
        compare = set(target.get("comparable", [])) if partial else {"value", "year"}
        ctx.add("alignment", f"/targets/{ti}/value" if "value" in target else f"/targets/{ti}",
                confidence=national["confidence"], weaker=comparable and weaker(target, national),
                comparable=comparable, qualitative=not any(numeric),
                compare_value="value" in compare, compare_year="year" in compare,
                same_year=target.get("year") == national["year"],
                text={"label": _("target {id!r}").format(id=target['id']), "national": link,
                      "plan_value": target_text(target, no_year=_("no year")),
                      "national_value": target_text(national, no_year=_("no year"))})
