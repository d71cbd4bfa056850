"""What the links between plans (facts/links.py) need to know of a plan: its summary, a few numbers
per row, and which plans a plan's links reach.

Apart from the fact categories (lint/facts/), so that a lint whose link findings come from the
cache (lint/findingcache.py) summarises and looks plans up without importing them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..document import Document
from ..plan.view import PlanView, linked_plans

KIND_NAMES = {"central-budget": "NSTW", "local-budget": "NSĐP"}


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
    from . import linkcache

    key = linkcache.key_of_parse(doc.parse_key)
    summary = linkcache.read(key, doc.name) if key is not None else None
    if summary is None:
        summary = summarise(doc)
        if key is not None:
            linkcache.store(key, summary)
    return summary


def lookup(plan_id: str, summaries: Summaries, find: Finder) -> Summary | None:
    """A plan by id: among the plans linted together, else among the configured plan files."""
    return summaries.get(plan_id) or find(plan_id)


def reached(doc: Document, summaries: Summaries, find: Finder) -> str | None:
    """Everything of the other plans that `doc`'s link findings depend on, as JSON text: the plan
    each of its links names, and every plan reached from those by `stands_for` (whether a link
    closes a circle), each as found (its summary and file name) or not found; the plan's own id
    too (a plan linted with it may have the same id). None when a summary is not plain data.

    These are the plans facts/links.py looks up for `doc`'s facts, so a lint of unchanged plans
    reads no file its links would not have read."""
    named = [doc.data["id"], *linked_plans(doc.data)]
    found: dict[str, dict | None] = {}
    for plan_id in named:  # grows as plans are found: each one's own stands_for
        if plan_id not in found:
            other = lookup(plan_id, summaries, find)
            found[plan_id] = None if other is None else other._asdict()
            named += other.stands_for if other is not None else []
    try:
        return json.dumps(found, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):  # a summary that is not plain data: its findings are not cached
        return None
