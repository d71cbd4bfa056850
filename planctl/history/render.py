"""Terminal tables and Markdown for `planctl diff` and `planctl log`: the only tabulate import.

Both formats are built from the same rows (rows.py decides what a reviewer sees); this module
only lays them out. Markdown puts the summary first, then each plan with its findings, project
and target changes open; only long secondary tables are folded in <details> blocks. Text from
plans, file names and commits goes through planctl.escape for the context it lands in: Markdown
text and table cells (md_text), code spans (md_code), HTML (html_text: a <summary> is HTML, where
a Markdown backslash escape would show as a backslash), terminals (visible). So a '|' or '*' in
a project name, a backtick or a line break in a file name, or an escape sequence in a commit
subject cannot break a table or a code span, inject HTML, or act on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tabulate import tabulate

from .. import __version__
from ..escape import html_text, md_code, md_text, visible
from . import rows as r
from . import summary_rows as sr
from .compare import DiffResult, PlanDiff
from .lang import _
from .log import LogResult

if TYPE_CHECKING:
    from .findings import Findings

MARKDOWN_NAME_WIDTH = 200  # a project's name can be a paragraph; most are a line
TERMINAL_NAME_WIDTH = 44
MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters


def _md_cell(cell: r.Cell) -> str:
    if isinstance(cell, r.Code):
        return md_code(cell.text, table=True)
    if isinstance(cell, r.Label):
        name = f"**{md_text(cell.name)}**" if cell.name else ""
        note = f" _({md_text(cell.note)})_" if cell.note else ""
        ident = f"<sub>{md_text(cell.ident)}</sub>" if cell.ident else ""
        if not name:
            return md_code(cell.ident, table=True) + note
        return name + note + (f"<br>{ident}" if ident else "")
    return md_text(cell)


def _text_cell(cell: r.Cell) -> str:
    if isinstance(cell, r.Code):
        return visible(cell.text)
    if isinstance(cell, r.Label):
        name = cell.name or cell.ident
        note = f" ({cell.note})" if cell.note else ""
        ident = f"\n({cell.ident})" if cell.name and cell.ident else ""
        return visible(name + note, keep="\n") + ident
    return visible(cell, keep="\n")  # tabulate lays out multi-line cells


def _table(table: r.Table, markdown: bool) -> str:
    escape: Callable[[r.Cell], str] = _md_cell if markdown else _text_cell
    body = [[escape(value) for value in row] for row in table.rows]
    return tabulate(body, headers=[md_text(h) if markdown else visible(h) for h in table.headers],
                    tablefmt="pipe" if markdown else "simple", colalign=table.align, disable_numparse=True)


# -- terminal ----------------------------------------------------------------------------------

def _indent(text: str, by: str = "  ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


def text_plan(plan: PlanDiff, findings: Findings | None = None) -> str:
    head = r.plan_heading(plan).replace("\n", " ")
    extra = [plan.path] if plan.title else []
    extra += [plan.id] if plan.id else []
    out = [visible(head + (f" [{' · '.join(extra)}]" if extra else ""))]
    out += [f"  {visible(line)}" for line in r.plan_lines(plan)]
    for table in r.plan_tables(plan, TERMINAL_NAME_WIDTH, findings):
        out += ["", f"  {visible(table.title)}"]
        out += [f"  {visible(table.note)}"] if table.note else []
        out += [_indent(_table(table, markdown=False))]
    return "\n".join(out)


def text(result: DiffResult, findings: Findings | None = None) -> str:
    out = [visible(f"planctl diff {sr.diff_title(result)}"), visible(sr.revisions_line(result)), visible(sr.summary_line(result))]
    for plan in result.plans:
        # Laid out already where it was compared (compare's `rendered`), unless findings join it.
        out += ["", plan.text if plan.text is not None and findings is None else text_plan(plan, findings)]
    return "\n".join(out) + "\n"


# -- Markdown ----------------------------------------------------------------------------------

def _details(summary: str, body: list[str]) -> list[str]:
    # <summary> holds HTML, not Markdown: html_text only. The blank line after it lets GitHub
    # render the Markdown table inside.
    return ["<details>", f"<summary>{html_text(summary)}</summary>", "", *body, "", "</details>", ""]


def _md_table(table: r.Table) -> list[str]:
    body = ([f"_{md_text(table.note)}_", ""] if table.note else []) + [_table(table, markdown=True)]
    if table.fold:
        return _details(table.title, body)
    return [f"**{md_text(table.title)}**", "", *body, ""]


def markdown_plan(plan: PlanDiff, *, tables: bool = True, findings: Findings | None = None) -> list[str]:
    out = [f"#### {md_text(r.plan_heading(plan))}", ""]
    where = [md_code(plan.path)] if plan.title else []
    where += [md_text(plan.id)] if plan.id else []
    if where:
        out += [f"<sub>{' · '.join(where)}</sub>", ""]
    lines = r.plan_lines(plan)
    total = r.total_line(plan)
    if total in lines:  # a paragraph of its own: after a list item it would join the item
        out += [f"**{md_text(total)}**", ""]
    warning = _("warning: {totals} did not change although the projects they summarise did ({blocks})").split("{")[0]
    bullets = [f"- {'⚠️ ' if line.startswith(warning) else ''}{md_text(line)}" for line in lines if line != total]
    out += bullets + ([""] if bullets else [])
    for table in r.plan_tables(plan, MARKDOWN_NAME_WIDTH, findings) if tables else []:
        out += _md_table(table)
    return out


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def markdown(result: DiffResult, findings: Findings | None = None) -> str:
    """A pull-request comment: the summary first, then each plan with its changes open.

    GitHub refuses comments over 65,536 characters: past MAX_CHARS, a plan keeps its heading
    and its summary lines without the tables, then the remaining plans are only counted.
    """
    out = [f"### planctl diff {md_code(sr.diff_title(result))}", "", md_text(sr.revisions_line(result)), "",
           f"**{md_text(sr.summary_line(result))}**", ""]
    if findings is not None:
        new, fixed = findings.counts
        line = md_text(_("Lint findings: {new} new, {fixed} fixed", new=new, fixed=fixed))
        out += [f"⚠ **{line}**" if new else line, ""]
    summary = sr.summary_table(result, findings)
    if summary.rows:
        out += [_table(summary, markdown=True), ""]
    footer = [f"<sub>planctl {__version__}</sub>"]
    shown, shortened = 0, 0
    for plan in result.plans:
        section = markdown_plan(plan, findings=findings)
        if _size(out) + _size(section) + _size(footer) + 400 > MAX_CHARS:
            section = markdown_plan(plan, tables=False)
            if _size(out) + _size(section) + _size(footer) + 400 > MAX_CHARS:
                break
            shortened += 1
        out += section
        shown += 1
    left = len(result.plans) - shown
    if shortened or left:
        parts = [_("the details of {n} plans", n=shortened) if shortened else "",
                 _("{n} more plans", n=left) if left else ""]
        command = md_code(("planctl diff " + result.spec).strip())
        out += [_("… {what} are not shown here (a comment is limited in size): run {command} to see everything.",
                  what=md_text(_(" and ").join(p for p in parts if p)), command=command), ""]
    out += footer
    return "\n".join(out) + "\n"


# -- planctl log -------------------------------------------------------------------------------

def log_text(result: LogResult) -> str:
    out = [visible(sr.log_heading(result))]
    out += [visible(note) for note in sr.log_notes(result)]
    table = sr.log_table(result, terminal=True)
    out += ["", _table(table, markdown=False)] if table.rows else []
    return "\n".join(out) + "\n"


def log_markdown(result: LogResult) -> str:
    out = [f"### {md_text(sr.log_heading(result))}", ""]
    notes = [f"- {md_text(line)}" for line in sr.log_notes(result)]
    out += notes + ([""] if notes else [])
    table = sr.log_table(result, terminal=False)
    if table.rows:
        out += [_table(table, markdown=True), ""]
    out.append(f"<sub>planctl {__version__}</sub>")
    return "\n".join(out) + "\n"


DIFF_FORMATS: dict[str, Callable[..., str]] = {"text": text, "markdown": markdown}
LOG_FORMATS: dict[str, Callable[[LogResult], str]] = {"text": log_text, "markdown": log_markdown}
