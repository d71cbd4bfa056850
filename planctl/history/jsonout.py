"""`--format json` of `planctl diff` and `planctl log`, as documented by
schema/diff-result.schema.json and schema/log-result.schema.json.

Money is given in the plan's unit (`unit` on each plan): `old` and `new` are absent as null,
`delta` is new − old, `percent` is Δ as a percentage of old (null without an old amount).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import __version__
from .compare import DiffResult, PlanDiff
from .diff import FieldChange, ItemChange, Money, ProjectChange, TargetChange
from .log import LogEntry, LogResult
from .revisions import Revision
from .text import in_unit

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import Finding
    from .findings import Findings

FORMAT_VERSION = 1


def money(value: Money, unit: str) -> dict[str, Any]:
    def shown(vnd: int | None) -> int | float | None:
        return None if vnd is None else in_unit(vnd, unit)
    percent = value.percent
    return {"old": shown(value.old), "new": shown(value.new), "delta": in_unit(value.delta, unit),
            "percent": None if percent is None else round(percent, 2)}


def _plain(raw: Any) -> Any:
    """Plan values as JSON: lists and mappings kept, anything exotic as text."""
    if raw is None or isinstance(raw, (bool, int, float, str)):
        return raw
    if isinstance(raw, dict):
        return {str(k): _plain(v) for k, v in raw.items()}
    if isinstance(raw, (list, tuple)):
        return [_plain(v) for v in raw]
    return str(raw)


def fields(items: tuple[FieldChange, ...]) -> list[dict[str, Any]]:
    return [{"field": f.field, "old": _plain(f.old), "new": _plain(f.new)} for f in items]


def project(item: ProjectChange, unit: str) -> dict[str, Any]:
    return {
        "id": item.id, "status": item.status.value, "name": item.name,
        "old_group": item.old_group, "new_group": item.new_group, "moved": item.moved,
        "total": money(item.total, unit),
        "sources": [{"source": line.key, **money(line.money, unit)} for line in item.sources],
        "years": [{"year": line.key, **money(line.money, unit)} for line in item.years],
        "printed_total": None if item.printed_total is None else money(item.printed_total, unit),
        "fields": fields(item.fields), "also": list(item.also),
    }


def target(item: TargetChange) -> dict[str, Any]:
    return {"id": item.id, "status": item.status.value, "indicator": item.indicator,
            "old": _plain(dict(item.old)) if item.old is not None else None,
            "new": _plain(dict(item.new)) if item.new is not None else None,
            "fields": fields(item.fields), "also": list(item.also)}


def item(change: ItemChange) -> dict[str, Any]:
    return {"id": change.id, "status": change.status.value, "name": change.name,
            "fields": fields(change.fields), "also": list(change.also)}


def plan(diff: PlanDiff) -> dict[str, Any]:
    unit = diff.unit
    found: dict[str, Any] = {
        "path": diff.path, "old_path": diff.old_path, "new_path": diff.new_path, "status": diff.status.value,
        "renamed": diff.renamed, "changed": diff.changed, "id": diff.id or None, "title": diff.title or None,
        "unit": unit or None,
        "errors": [{"side": e.side, "revision": e.revision, "message": e.message} for e in diff.errors],
        "problems": list(diff.problems),
    }
    if diff.errors:
        return found
    found.update({
        "total": money(diff.total, unit),
        "fields": fields(diff.fields), "also": list(diff.also),
        "projects": [project(p, unit) for p in diff.projects],
        "targets": [target(c) for c in diff.targets],
        "groups": [item(g) for g in diff.groups],
        "sources": [item(s) for s in diff.sources],
        "rollups": [{"dimension": r.dimension, "title": r.title, "note": r.note or None,
                     "rows": [{"key": row.key, "label": row.label, "parent": row.parent, "changed": row.money.changed,
                               **money(row.money, unit)} for row in r.rows]} for r in diff.rollups],
        "stated": [{"key": s.key, "label": s.label, **money(s.money, unit)} for s in diff.stated],
        "stale": [{"key": s.key, "label": s.label, "stated": in_unit(s.stated, unit), "what": s.what,
                   "computed": money(s.computed, unit)} for s in diff.stale],
    })
    return found


def revision(value: Revision) -> dict[str, Any]:
    return {"label": value.label, "commit": value.commit}


def _tool() -> dict[str, str]:
    return {"name": "planctl", "version": __version__}


def finding(value: Finding, path: str) -> dict[str, Any]:
    from ..lint.reporters import fingerprint

    return {"rule": value.rule, "severity": value.severity.label, "line": value.line, "column": value.column,
            "pointer": value.pointer, "message": value.message, "fingerprint": fingerprint(value, path)}


def diff_document(result: DiffResult, findings: Findings | None = None) -> dict[str, Any]:
    plans = []
    for diff in result.plans:
        entry = plan(diff)
        found = findings.of(diff) if findings is not None else None
        if found is not None:  # only with --findings: the key is absent otherwise
            entry["findings"] = {"new": [finding(f, found.path) for f in found.new],
                                 "fixed": [finding(f, found.path) for f in found.fixed]}
        plans.append(entry)
    return {"format": "planctl-diff", "version": FORMAT_VERSION, "tool": _tool(),
            "title": result.title, "old": revision(result.old), "new": revision(result.new),
            "changed": result.changed, "plans": plans}


def entry(value: LogEntry) -> dict[str, Any]:
    commit = value.commit
    found = {"commit": commit.sha, "parents": list(commit.parents), "author": commit.author, "email": commit.email,
             "date": commit.date, "subject": commit.subject, "old_path": value.old_path,
             "new_path": value.new_path, "change": list(value.lines),
             "plan": None if value.plan is None else plan(value.plan)}
    if value.project is not None and value.plan is not None:
        found["project"] = project(value.project, value.plan.unit)
    if value.target is not None:
        found["target"] = target(value.target)
    return found


def log_document(result: LogResult) -> dict[str, Any]:
    return {"format": "planctl-log", "version": FORMAT_VERSION, "tool": _tool(), "path": result.path,
            "start": revision(result.start), "item": {"kind": result.what, "id": result.item} if result.item else None,
            "notes": list(result.notes), "commits": [entry(e) for e in result.entries]}


def diff_json(result: DiffResult, findings: Findings | None = None) -> str:
    return json.dumps(diff_document(result, findings), ensure_ascii=False, indent=2) + "\n"


def log_entry_json(value: LogEntry) -> str:
    """One commit of the JSON log as log_json prints it in "commits" (indented two levels):
    rendered as the log finds it, so the log keeps text, not every commit's plan diff."""
    return "    " + json.dumps(entry(value), ensure_ascii=False, indent=2).replace("\n", "\n    ")


def log_json(result: LogResult) -> str:
    if result.entries and all(e.json is not None for e in result.entries):
        return _log_head(result) + "[\n" + ",\n".join(e.json or "" for e in result.entries) + _LOG_END
    return json.dumps(log_document(result), ensure_ascii=False, indent=2) + "\n"


_LOG_END = "\n  ]\n}\n"


def _log_head(result: LogResult) -> str:
    """The JSON log up to its commits' list: "commits" is the document's last key."""
    head = json.dumps(log_document(result._replace(entries=())), ensure_ascii=False, indent=2)
    empty = "[]\n}"
    assert head.endswith(empty), head[-40:]
    return head[:-len(empty)]


class LogStream:
    """The JSON log written as its commits are found, piece by piece, the text log_json gives:
    a long history is never held (1,001 commits of a bench plan: 104 -> 39 MB). Nothing is written
    before the first commit, so a log without one, or an error before it, is written whole or not
    at all; an error after it leaves the document unfinished (and the exit code says so)."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write
        self.started = False

    def add(self, head: LogResult, entry: LogEntry) -> None:
        """`head`: the log without entries; `entry` rendered (log_entry_json)."""
        if self.started:
            self.write(",\n" + (entry.json or ""))
        else:
            self.write(_log_head(head) + "[\n" + (entry.json or ""))
            self.started = True

    def finish(self, result: LogResult) -> str:
        """What is left to write after the last commit."""
        return _LOG_END if self.started else log_json(result)
