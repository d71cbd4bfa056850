"""The rows of a diff's summary and of a log: the first table a reviewer reads, and a plan's
history one commit per row. The same `Table`s as rows.py, for the terminal and Markdown layouts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import i18n
from . import text as t
from .compare import DiffResult, PlanDiff
from .diff import Status
from .lang import _
from .log import SHALLOW_NOTE, LogResult
from .revisions import SHALLOW_HINT
from .rows import Cell, Label, Table, _counts, revision_label, short

if TYPE_CHECKING:
    from .findings import FileFindings, Findings


def revisions_line(result: DiffResult) -> str:
    def side(revision) -> str:
        if revision.commit is None:
            return revision_label(revision.label)
        return f"{revision.short} ({revision_label(revision.label)})"
    return _("from {old} to {new}", old=side(result.old), new=side(result.new))


def summary_line(result: DiffResult) -> str:
    changed = [p for p in result.plans if p.changed]
    if not changed:
        return _("No plan changed.")
    parts = [_("{plans} changed", plans=t.plural(len(changed), "plan"))]
    for status in (Status.ADDED, Status.REMOVED):
        count = sum(1 for p in changed if p.status is status)
        if count:
            parts.append(_(f"{{n}} {status.value}", n=count))
    errors = sum(1 for p in changed if p.errors)
    if errors:
        parts.append(_("{n} could not be compared", n=errors))
    return ", ".join(parts) + "."


def _other(plan: PlanDiff) -> str:
    parts = []
    if plan.renamed:
        parts.append(_("renamed"))
    parts += [t.field_name(f.field) for f in plan.fields] + [t.field_name(n) for n in plan.also]
    if plan.groups:
        parts.append(_("groups: {counts}", counts=_counts(plan.groups)))
    if plan.sources:
        parts.append(_("funding sources: {counts}", counts=_counts(plan.sources)))
    if plan.stated:
        parts.append(_("{totals} changed", totals=t.plural(len(plan.stated), "printed total")))
    if plan.stale:
        parts.append(_("⚠ {totals} left unchanged", totals=t.plural(len(plan.stale), "printed total")))
    return "; ".join(parts) or "—"


def findings_cell(found: FileFindings | None) -> str:
    if found is None:
        return ""
    if not found.new and not found.fixed:
        return "—"
    errors = sum(1 for f in found.new if f.severity.label == "error")
    text = _("{new} new, {fixed} fixed", new=len(found.new), fixed=len(found.fixed))
    return f"⚠ {text}" if errors else text


SUMMARY_TITLE_WIDTH = 80


def summary_table(result: DiffResult, findings: Findings | None = None) -> Table:
    rows: list[tuple[Cell, ...]] = []
    units = {p.unit for p in result.plans if p.changed and not p.errors}
    one_unit = len(units) == 1
    for plan in result.plans:
        if not plan.changed:
            continue
        unit = plan.unit
        label = Label(short(plan.title, SUMMARY_TITLE_WIDTH) if plan.title else "", plan.path,
                      _(plan.status.value) if plan.status is not Status.CHANGED else "")
        found = findings_cell(findings.of(plan)) if findings is not None else None
        if plan.errors:
            rows.append((label, _("could not be compared"), "", "", "", "", "", *([""] if found is not None else [])))
            continue
        money = plan.total.old is not None or plan.total.new is not None
        total = f"{t.amount(plan.total.old, unit)} → {t.amount(plan.total.new, unit)}" if money else t.ABSENT
        if money and not one_unit:
            total += f" {t.unit_name(unit)}"
        rows.append((label, total, t.signed(plan.total.delta, unit) if money else "",
                     t.percent(plan.total) if plan.total.changed else "",
                     _counts(plan.projects, sum(1 for p in plan.projects if p.moved)) or "—",
                     _counts(plan.targets) or "—", *([found] if found is not None else []), _other(plan)))
    unit = t.unit_name(units.pop()) if one_unit else ""
    total_header = f"{_('total')} ({unit})" if unit else _("total")
    headers = (_("plan"), total_header, _("Δ"), _("Δ%"), _("projects"), _("targets"),
               *([_("findings")] if findings is not None else []), _("other changes"))
    align = ("left", "right", "right", "right", "left", "left", *(["left"] if findings is not None else []), "left")
    return Table(_("Summary"), headers, align, tuple(rows))


# -- planctl log -------------------------------------------------------------------------------

def log_heading(result: LogResult) -> str:
    what = _("{what} {item} in ", what=_(result.what), item=result.item) if result.item else ""
    return _("planctl log: {what}{path} ({commits}, newest first)", what=what, path=result.path,
             commits=t.plural(len(result.entries), "commit"))


def diff_title(result: DiffResult) -> str:
    """What is compared, its revisions in the reader's words: 'HEAD → working tree' / 'HEAD → thư mục làm việc'."""
    old, arrow, new = result.title.rpartition(" → ")
    return f"{old} → {revision_label(new)}" if arrow else result.title


def log_notes(result: LogResult) -> list[str]:
    return [_("the history may be cut short: {hint}", hint=_(SHALLOW_HINT)) if note == SHALLOW_NOTE else note
            for note in result.notes]


# A terminal's log cuts a commit's subject here (git's convention for a subject line is 50 to 72
# characters): a longer one pushed "what changed" off the screen. Markdown and JSON keep it whole.
TERMINAL_SUBJECT_WIDTH = 72


def log_table(result: LogResult, terminal: bool) -> Table:
    rows = []
    for entry in result.entries:
        commit = entry.commit
        sha = commit.sha[:10] if terminal else commit.sha[:12]
        subject = short(commit.subject, TERMINAL_SUBJECT_WIDTH) if terminal else commit.subject
        change = "\n".join(entry.lines)
        rows.append((sha, i18n.date(commit.date[:10]), commit.author, subject, change))
    return Table(_("History"), (_("commit"), _("date"), _("author"), _("subject"), _("what changed")),
                 ("left", "left", "left", "left", "left"), tuple(rows))
