"""Tasks: the text's tasks (nhiệm vụ) against the appendix rows they link to (rules/tasks/).

A plan's text describes its tasks, often with a lead agency, an amount and yearly steps; the
appendix lists the projects. `tasks[].projects` links the two by id, and these facts compare what
both print: the amount, the years, the lead agency; a task printed twice; a row no task describes.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ...i18n import _
from ...plan.words import norm
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("task-link", "A task's link to an appendix row, and whether the row exists.",
             {"known": FieldType.BOOL}, texts=("label", "project", "known_ids")),
    FactKind("task-duplicate", "A task whose wording is nearly that of an earlier task (normalised text), and "
             "whether one only adds words to the other.",
             {"similarity": FieldType.PERCENT, "contained": FieldType.BOOL}, texts=("label", "first_label", "first_line")),
    FactKind("task-lead", "A task's lead agency against its linked row's, both as printed.",
             {"differs": FieldType.BOOL}, texts=("label", "row", "task_lead", "row_lead")),
    FactKind("task-subject", "A task that is one appendix row, and how many of the row name's words its name has.",
             {"shared": FieldType.PERCENT}, texts=("label", "row", "task_name", "row_name")),
    FactKind("task-amount", "A task's amount in the text against the sum of its linked rows, or the text's "
             "task amounts together against the budget.",
             {"check": FieldType.TEXT, "stated": FieldType.MONEY, "computed": FieldType.MONEY,
              "difference": FieldType.MONEY},
             texts=("label",),
             checks={"rows": "a task's amount against the sum of its linked rows",
                     "budget": "the text's task amounts together against the budget total"}),
    FactKind("task-schedule", "A task's printed schedule against the years of its linked row (or the span of its rows).",
             {"outside": FieldType.BOOL, "start": FieldType.YEAR, "end": FieldType.YEAR,
              "row_start": FieldType.YEAR, "row_end": FieldType.YEAR},
             texts=("label", "row", "step_years", "schedule_text", "row_years")),
    FactKind("unlisted-row", "An appendix row that no task of the text links to, in a plan whose tasks link rows.",
             {"tasks": FieldType.INT}, texts=("label",)),
)

# Two tasks whose normalised wording is this similar say the same thing (a reviewer reads the
# second as the first printed again); below it they share a formula ("Xây dựng hệ thống …").
DUPLICATE_FROM = 90


def derive(ctx: Context) -> None:
    tasks = [t for t in ctx.plan.get("tasks", []) if isinstance(t, dict)]
    if not tasks:
        return
    rows = {p["id"]: (base, p) for base, _g, p in ctx.view.projects()}
    known_ids = ", ".join(sorted(rows)[:12]) or "—"  # for the hint of a link to no row
    for ti, task in enumerate(tasks):
        label = task_label(task)
        linked = []
        for li, pid in enumerate(task.get("projects", [])):
            ctx.add("task-link", f"/tasks/{ti}/projects/{li}", known=pid in rows,
                    text={"label": label, "project": pid, "known_ids": known_ids})
            if pid in rows and rows[pid] not in linked:  # a row linked twice counts once
                linked.append(rows[pid])
        lead(ctx, ti, task, label, linked)
        subject(ctx, ti, task, label, linked)
        amount(ctx, ti, task, label, linked)
        schedule(ctx, ti, task, label, linked)
    duplicates(ctx, tasks)
    budget(ctx, tasks)
    unlisted(ctx, tasks)


def task_label(task: dict) -> str:
    return _("task {seq} {id!r}").format(seq=task.get("seq", ""), id=task["id"]).replace("  ", " ")


def words(text: str) -> str:
    """The wording a reader compares: NFC, case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", norm(text)).split())


def duplicates(ctx: Context, tasks: list[dict]) -> None:
    seen: list[tuple[int, str]] = []
    for ti, task in enumerate(tasks):
        mine = words(task["name"])
        best = (0.0, -1)
        matcher = difflib.SequenceMatcher(None, mine, "", autojunk=False)
        for fi, other in seen:
            matcher.set_seq2(other)
            # ratio() is slow; its cheap upper bounds rule out most pairs of a long task list first.
            floor = max(best[0], (DUPLICATE_FROM - 10) / 100)
            if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
                best = max(best, (matcher.ratio(), fi))
        # "… tại Sở Xây dựng" and "… tại Sở Tài nguyên và Môi trường" are 88% alike and two tasks: a
        # duplicate says no word the other does not (it may add a few, "cao đẳng").
        if best[0] * 100 >= DUPLICATE_FROM - 10:  # near misses too, so a rule may ask for less
            first = tasks[best[1]]
            theirs = seen[[fi for fi, _w in seen].index(best[1])][1]
            contained = set(mine.split()) <= set(theirs.split()) or set(theirs.split()) <= set(mine.split())
            ctx.add("task-duplicate", f"/tasks/{ti}/name", similarity=round(best[0] * 100), contained=contained,
                    text={"label": task_label(task), "first_label": task_label(first),
                          "first_line": ctx.line(f"/tasks/{best[1]}/name")})
        seen.append((ti, mine))


AGENCY_WORDS = {"và", "sở", "các", "tỉnh"}


def agency(text: str) -> str:
    """A lead agency as initials, so 'Sở Thông tin và Truyền thông' and 'Sở TTTT' (or 'GD&ĐT' and
    'Giáo dục và Đào tạo') read alike: an acronym is kept, any other word gives its first letter."""
    tokens = [t for t in re.split(r"[\s&\-,.]+", unicodedata.normalize("NFC", text)) if t]
    kept = [t for t in tokens if t.casefold() not in AGENCY_WORDS]
    return "".join(t.casefold() if len(t) > 1 and t.isupper() else t[0].casefold() for t in kept)


def lead(ctx: Context, ti: int, task: dict, label: str, linked: list[tuple[str, dict]]) -> None:
    # A task over several rows (a task group) is led by one agency while each of its rows has its
    # own investor: only a task that is one row must name that row's lead agency.
    if "lead" not in task or len(linked) != 1:
        return
    for _base, row in linked:
        if "lead" in row:
            mine, theirs = agency(task["lead"]), agency(row["lead"])
            ctx.add("task-lead", f"/tasks/{ti}/lead", differs=not (mine in theirs or theirs in mine),
                    text={"label": label, "row": row["id"], "task_lead": task["lead"], "row_lead": row["lead"]})


# Abbreviations the appendices use for words the text writes out, and words that name no subject.
ABBREVIATIONS = {"cntt": "công nghệ thông tin", "tt": "thông tin và truyền thông", "cntt-tt": "công nghệ thông tin truyền thông",
                 "vt": "viễn thông", "ubnd": "ủy ban nhân dân", "qlvb": "quản lý văn bản", "dn": "doanh nghiệp"}
FUNCTION_WORDS = {"và", "các", "của", "cho", "trong", "về", "để", "với", "những", "một", "tại", "trên", "theo", "xây",
                  "dựng", "triển", "khai", "thực", "hiện", "hỗ", "trợ", "đề", "án", "dự", "nâng", "cao", "tăng",
                  "cường", "phát", "tỉnh"}


def subject_words(text: str) -> set[str]:
    expanded = " ".join(ABBREVIATIONS.get(w, w) for w in words(text).split())
    return {w for w in expanded.split() if w not in FUNCTION_WORDS}


def subject(ctx: Context, ti: int, task: dict, label: str, linked: list[tuple[str, dict]]) -> None:
    """A task that is one row names the row's subject: some word of the row's name is in its name.
    No word in common is another subject (a link to the wrong row); any overlap is left alone,
    since the text words a task at more length than the appendix."""
    if len(linked) != 1:
        return
    row = linked[0][1]
    mine, theirs = subject_words(task["name"]), subject_words(row["name"])
    if theirs:
        ctx.add("task-subject", f"/tasks/{ti}/projects/0", shared=round(100 * len(mine & theirs) / len(theirs)),
                text={"label": label, "row": row["id"], "task_name": shortened(task["name"]),
                      "row_name": shortened(row["name"])})


def amount(ctx: Context, ti: int, task: dict, label: str, linked: list[tuple[str, dict]]) -> None:
    if "amount" not in task or not linked:
        return
    values = [ctx.view.project_value(row) for _b, row in linked]
    if any(v is None for v in values):
        return
    stated = ctx.view.vnd(task["amount"], task.get("unit"))
    computed = sum(v for v in values if v is not None)
    ctx.add("task-amount", f"/tasks/{ti}/amount", check="rows", stated=stated, computed=computed,
            difference=stated - computed, text={"label": label})


def budget(ctx: Context, tasks: list[dict]) -> None:
    plan_budget = ctx.plan.get("budget", {})
    priced = [t for t in tasks if "amount" in t]
    if "total" not in plan_budget or not priced:
        return
    stated = sum(ctx.view.vnd(t["amount"], t.get("unit")) for t in priced)
    computed = ctx.view.vnd(plan_budget["total"], plan_budget.get("unit"))
    ctx.add("task-amount", "/budget/total", check="budget", stated=stated, computed=computed,
            difference=stated - computed,
            text={"label": _("the amounts of {count} tasks in the text").format(count=len(priced))})


def schedule(ctx: Context, ti: int, task: dict, label: str, linked: list[tuple[str, dict]]) -> None:
    """The steps against the years of the linked rows: of its one row, or the span of several
    rows (a task carried out by several projects runs from the first one's start to the last
    one's end; a step need not fall within each project's years)."""
    steps = task.get("schedule", {}).get("steps", [])
    rows = [row for _base, row in linked if "start" in row and "end" in row]
    if not steps or not rows:
        return
    start = min(s["start"] for s in steps)
    end = max(s.get("end", s["start"]) for s in steps)
    row_start, row_end = min(r["start"] for r in rows), max(r["end"] for r in rows)
    outside = [si for si, s in enumerate(steps) if s["start"] < row_start or s.get("end", s["start"]) > row_end]
    step = steps[outside[0]] if outside else steps[0]
    if len(rows) == 1:
        row, row_years = rows[0]["id"], rows[0].get("years_as_printed", f"{row_start}-{row_end}")
    else:
        row = _("{first} … {last} ({count} rows)").format(first=rows[0]["id"], last=rows[-1]["id"], count=len(rows))
        row_years = f"{row_start}-{row_end}"
    ctx.add("task-schedule", f"/tasks/{ti}/schedule/steps/{outside[0]}" if outside else f"/tasks/{ti}/schedule",
            outside=bool(outside), start=start, end=end, row_start=row_start, row_end=row_end,
            text={"label": label, "row": row, "step_years": years_text(step),
                  "schedule_text": shortened(step.get("as_printed", years_text(step))), "row_years": row_years})


def years_text(step: dict) -> str:
    return f"{step['start']}-{step['end']}" if step.get("end", step["start"]) != step["start"] else str(step["start"])


def shortened(text: str, limit: int = 70) -> str:
    """A quotation short enough for a message line: its first words, then '…'."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def unlisted(ctx: Context, tasks: list[dict]) -> None:
    linking = [t for t in tasks if t.get("projects")]
    if not linking:  # the text's tasks are not linked to the appendix: nothing to say about rows
        return
    described = {pid for t in linking for pid in t["projects"]}
    for base, _group, row in ctx.view.projects():  # every row, a row whose id is used twice included
        pid = row["id"]
        if pid not in described:
            ctx.add("unlisted-row", f"{base}/name", tasks=len(linking),
                    text={"label": _("project {seq} {id!r}").format(seq=row.get("seq", ""), id=pid).replace("  ", " ")})
