"""References: every id a plan names elsewhere — programmes, task groups, national targets, plan
groups, targets, funding sources — and whether it exists (alignment.unknown-reference,
data.unknown-source). The links among baseline figures and table rows are relations.py's."""

from __future__ import annotations

from ...document import escape
from ...i18n import N_, _
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("reference", "A reference to a programme, task group, national target, target, funding source, "
             "plan group or baseline figure.",
             {"context": FieldType.TEXT, "known": FieldType.BOOL}, texts=("label", "target", "context_text")),
)


def derive(ctx: Context) -> None:
    programmes(ctx)
    targets(ctx)
    sources(ctx)


def ref(ctx: Context, pointer: str, context: str, target: str, known: bool, label: str, *, key: bool = False) -> None:
    ctx.add("reference", pointer, context=context, known=known, key_pointer=key,
            text={"label": label, "target": target, "context_text": _(_CONTEXTS.get(context, context))})


# What a reference points at, as a message says it.
_CONTEXTS = {"baseline figure": N_("baseline figure"), "programme": N_("programme"), "task-group": N_("task group"),
             "group": N_("group"), "target": N_("target"), "national-target": N_("national target"),
             "funding-source": N_("funding source")}


def programmes(ctx: Context) -> None:
    known = ctx.programmes
    for ci, citation in enumerate(ctx.plan.get("citations", [])):
        if citation.get("programme"):
            ref(ctx, f"/citations/{ci}/programme", "programme", citation["programme"],
                citation["programme"] in known, _("citation {id!r}").format(id=citation['id']))
    for ii, pid in enumerate(ctx.plan.get("implements", [])):
        ref(ctx, f"/implements/{ii}", "programme", pid, pid in known, _("implements"))
    for gi, group in enumerate(ctx.view.groups):
        for ri, link in enumerate(group.get("task_groups", [])):
            pid, _sep, tg = link.partition("/")
            exists = pid in known and any(t["id"] == tg for t in known[pid]["task_groups"])
            ref(ctx, f"/groups/{gi}/task_groups/{ri}", "task-group", link, exists, _("group {id!r}").format(id=group['id']))


def targets(ctx: Context) -> None:
    group_ids = {g["id"] for g in ctx.view.groups}
    targets = ctx.plan.get("targets", [])
    target_ids = {t["id"] for t in targets}
    for ti, target in enumerate(targets):
        label = _("target {id!r}").format(id=target['id'])
        if "group" in target:
            ref(ctx, f"/targets/{ti}/group", "group", target["group"], target["group"] in group_ids, label)
        if "restates" in target:
            ref(ctx, f"/targets/{ti}/restates", "target", target["restates"], target["restates"] in target_ids, label)
        link = target.get("national_target")
        if link:
            pid, _sep, nid = link.partition("/")
            exists = any(t["id"] == nid for t in ctx.programmes.get(pid, {}).get("targets", []))
            ref(ctx, f"/targets/{ti}/national_target", "national-target", link, exists, label)


def sources(ctx: Context) -> None:
    declared = ctx.view.sources

    def source(pointer: str, source_id: str, label: str, *, key: bool = True) -> None:
        ref(ctx, pointer, "funding-source", source_id, source_id in declared, label, key=key)

    for base, _group, project in ctx.view.projects():
        for source_id in project.get("amounts", {}):
            source(f"{base}/amounts/{escape(source_id)}", source_id, _("project {id!r}").format(id=project['id']))
        for source_id in project.get("split", {}).get("shares", {}):
            source(f"{base}/split/shares/{escape(source_id)}", source_id, _("split of project {id!r}").format(id=project['id']))
    for gi, group in enumerate(ctx.view.groups):
        for source_id in group.get("stated", {}).get("by_source", {}):
            source(f"/groups/{gi}/stated/by_source/{escape(source_id)}", source_id, _("group {id!r}").format(id=group['id']))
    for source_id in ctx.plan.get("project_list", {}).get("stated", {}).get("by_source", {}):
        source(f"/project_list/stated/by_source/{escape(source_id)}", source_id, _("project list"))
    for source_id in ctx.plan.get("budget", {}).get("by_source", {}):
        source(f"/budget/by_source/{escape(source_id)}", source_id, _("budget"))
    for ri, row in enumerate(ctx.plan.get("phasing", {}).get("rows", [])):
        source(f"/phasing/rows/{ri}/source_id", row["source_id"], _("phasing row"), key=False)
    for si, entry in enumerate(ctx.plan.get("funding_sources", [])):
        if "parent" in entry:
            source(f"/funding_sources/{si}/parent", entry["parent"], _("funding source {id!r}").format(id=entry['id']), key=False)
