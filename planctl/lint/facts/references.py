"""References: every id a plan names elsewhere — programmes, task groups, national targets, plan
groups, targets, funding sources — and whether it exists (alignment.unknown-reference,
data.unknown-source)."""

from __future__ import annotations

from ...document import escape
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("reference", "A reference to a programme, task group, national target, target, funding source, "
             "plan group or baseline figure.",
             {"context": FieldType.TEXT, "known": FieldType.BOOL}, texts=("label", "target")),
)


def derive(ctx: Context) -> None:
    programmes(ctx)
    targets(ctx)
    sources(ctx)
    indicators(ctx)


def indicators(ctx: Context) -> None:
    indicators = ctx.plan.get("baseline", {}).get("indicators", [])
    ids = {i["id"] for i in indicators}
    for i, indicator in enumerate(indicators):
        if "part_of" in indicator:
            ref(ctx, f"/baseline/indicators/{i}/part_of", "baseline figure", indicator["part_of"],
                indicator["part_of"] in ids, f"baseline figure {indicator['id']!r}")


def ref(ctx: Context, pointer: str, context: str, target: str, known: bool, label: str, *, key: bool = False) -> None:
    ctx.add("reference", pointer, context=context, known=known, key_pointer=key, text={"label": label, "target": target})


def programmes(ctx: Context) -> None:
    known = ctx.programmes
    for ci, citation in enumerate(ctx.plan.get("citations", [])):
        if citation.get("programme"):
            ref(ctx, f"/citations/{ci}/programme", "programme", citation["programme"],
                citation["programme"] in known, f"citation {citation['id']!r}")
    for ii, pid in enumerate(ctx.plan.get("implements", [])):
        ref(ctx, f"/implements/{ii}", "programme", pid, pid in known, "implements")
    for gi, group in enumerate(ctx.view.groups):
        for ri, link in enumerate(group.get("task_groups", [])):
            pid, _, tg = link.partition("/")
            exists = pid in known and any(t["id"] == tg for t in known[pid]["task_groups"])
            ref(ctx, f"/groups/{gi}/task_groups/{ri}", "task-group", link, exists, f"group {group['id']!r}")


def targets(ctx: Context) -> None:
    group_ids = {g["id"] for g in ctx.view.groups}
    targets = ctx.plan.get("targets", [])
    target_ids = {t["id"] for t in targets}
    for ti, target in enumerate(targets):
        label = f"target {target['id']!r}"
        if "group" in target:
            ref(ctx, f"/targets/{ti}/group", "group", target["group"], target["group"] in group_ids, label)
        if "restates" in target:
            ref(ctx, f"/targets/{ti}/restates", "target", target["restates"], target["restates"] in target_ids, label)
        link = target.get("national_target")
        if link:
            pid, _, nid = link.partition("/")
            exists = any(t["id"] == nid for t in ctx.programmes.get(pid, {}).get("targets", []))
            ref(ctx, f"/targets/{ti}/national_target", "national-target", link, exists, label)


def sources(ctx: Context) -> None:
    declared = ctx.view.sources

    def source(pointer: str, source_id: str, label: str, *, key: bool = True) -> None:
        ref(ctx, pointer, "funding-source", source_id, source_id in declared, label, key=key)

    for base, _group, project in ctx.view.projects():
        for source_id in project.get("amounts", {}):
            source(f"{base}/amounts/{escape(source_id)}", source_id, f"project {project['id']!r}")
        for source_id in project.get("split", {}).get("shares", {}):
            source(f"{base}/split/shares/{escape(source_id)}", source_id, f"split of project {project['id']!r}")
    for gi, group in enumerate(ctx.view.groups):
        for source_id in group.get("stated", {}).get("by_source", {}):
            source(f"/groups/{gi}/stated/by_source/{escape(source_id)}", source_id, f"group {group['id']!r}")
    for source_id in ctx.plan.get("project_list", {}).get("stated", {}).get("by_source", {}):
        source(f"/project_list/stated/by_source/{escape(source_id)}", source_id, "project list")
    for source_id in ctx.plan.get("budget", {}).get("by_source", {}):
        source(f"/budget/by_source/{escape(source_id)}", source_id, "budget")
    for ri, row in enumerate(ctx.plan.get("phasing", {}).get("rows", [])):
        source(f"/phasing/rows/{ri}/source_id", row["source_id"], "phasing row", key=False)
    for si, entry in enumerate(ctx.plan.get("funding_sources", [])):
        if "parent" in entry:
            source(f"/funding_sources/{si}/parent", entry["parent"], f"funding source {entry['id']!r}", key=False)
