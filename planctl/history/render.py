"""Terminal tables and Markdown for `planctl diff` and `planctl log`: the only tabulate import.

Both formats are built from the same rows (rows.py decides what a reviewer sees); this module
only lays them out. Markdown puts a summary first and the details in collapsible <details>
blocks, so a pull-request comment stays short. Text from plans, file names and commits goes
through planctl.escape, so that a '|' or '*' in a project name, a backtick or a line break in a
file name, or an escape sequence in a commit subject cannot break a table or a code span,
inject HTML, or act on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from tabulate import tabulate

from .. import __version__
from ..escape import html_text, md_code, md_text, visible
from . import rows as r
from .compare import DiffResult, PlanDiff
from .log import LogResult

MARKDOWN_NAME_WIDTH = 90  # a project's name can be a paragraph: the id says which it is
TERMINAL_NAME_WIDTH = 44
MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters
def _cell(text: str) -> str:
    return visible(text, keep="\n")  # tabulate lays out multi-line cells


def _table(table: r.Table, markdown: bool) -> str:
    escape: Callable[[str], str] = md_text if markdown else _cell
    body = [[escape(value) for value in row] for row in table.rows]
    return tabulate(body, headers=[escape(h) for h in table.headers], tablefmt="pipe" if markdown else "simple",
                    colalign=table.align, disable_numparse=True)


# -- terminal ----------------------------------------------------------------------------------

def _indent(text: str, by: str = "  ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


def text_plan(plan: PlanDiff) -> str:
    out = [visible(r.plan_heading(plan).replace("\n", " "))]
    out += [f"  {visible(line)}" for line in r.plan_lines(plan)]
    for table in r.plan_tables(plan, TERMINAL_NAME_WIDTH):
        out += ["", f"  {visible(table.title)}", _indent(_table(table, markdown=False))]
    return "\n".join(out)


def text(result: DiffResult) -> str:
    out = [visible(f"planctl diff {result.title}"), visible(r.revisions_line(result)), visible(r.summary_line(result))]
    for plan in result.plans:
        out += ["", text_plan(plan)]
    return "\n".join(out) + "\n"


# -- Markdown ----------------------------------------------------------------------------------

def _details(summary: str, body: str) -> list[str]:
    # The blank line after <summary> lets GitHub render the Markdown table inside.
    return ["<details>", f"<summary>{summary}</summary>", "", body, "", "</details>", ""]


def markdown_plan(plan: PlanDiff, *, tables: bool = True) -> list[str]:
    title = f" — {md_text(plan.title)}" if plan.title else ""
    out = [f"#### {md_code(plan.path)}{title}", ""]
    lines = r.plan_lines(plan)
    total = r.total_line(plan)
    if total in lines:  # a paragraph of its own: after a list item it would join the item
        out += [f"**{md_text(total)}**", ""]
    bullets = [f"- {md_text(line)}" for line in lines if line != total]
    out += bullets + ([""] if bullets else [])
    for table in r.plan_tables(plan, MARKDOWN_NAME_WIDTH) if tables else []:
        out += _details(html_text(table.title), _table(table, markdown=True))
    return out


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def markdown(result: DiffResult) -> str:
    """A pull-request comment: the summary first, then each plan with its details folded.

    GitHub refuses comments over 65,536 characters: past MAX_CHARS, a plan keeps its heading
    and its summary lines without the tables, then the remaining plans are only counted.
    """
    out = [f"### planctl diff {md_code(result.title)}", "", md_text(r.revisions_line(result)), "",
           f"**{md_text(r.summary_line(result))}**", ""]
    summary = r.summary_table(result)
    if summary.rows:
        out += [_table(summary, markdown=True), ""]
    footer = [f"<sub>planctl {__version__}</sub>"]
    shown, shortened = 0, 0
    for plan in result.plans:
        section = markdown_plan(plan)
        if _size(out) + _size(section) + _size(footer) + 400 > MAX_CHARS:
            section = markdown_plan(plan, tables=False)
            if _size(out) + _size(section) + _size(footer) + 400 > MAX_CHARS:
                break
            shortened += 1
        out += section
        shown += 1
    left = len(result.plans) - shown
    if shortened or left:
        parts = [f"the details of {shortened} plan{'s' if shortened != 1 else ''}" if shortened else "",
                 f"{left} more plan{'s' if left != 1 else ''}" if left else ""]
        out += [f"… {' and '.join(p for p in parts if p)} are not shown here (a comment is limited in size): "
                f"run {md_code(('planctl diff ' + result.spec).strip())} to see everything.", ""]
    out += footer
    return "\n".join(out) + "\n"


# -- planctl log -------------------------------------------------------------------------------

def log_text(result: LogResult) -> str:
    out = [visible(r.log_heading(result))]
    out += [visible(note) for note in r.log_notes(result)]
    table = r.log_table(result, short=True)
    out += ["", _table(table, markdown=False)] if table.rows else []
    return "\n".join(out) + "\n"


def log_markdown(result: LogResult) -> str:
    out = [f"### {md_text(r.log_heading(result))}", ""]
    notes = [f"- {md_text(line)}" for line in r.log_notes(result)]
    out += notes + ([""] if notes else [])
    table = r.log_table(result, short=False)
    if table.rows:
        out += [_table(table, markdown=True), ""]
    out.append(f"<sub>planctl {__version__}</sub>")
    return "\n".join(out) + "\n"


DIFF_FORMATS: dict[str, Callable[[DiffResult], str]] = {"text": text, "markdown": markdown}
LOG_FORMATS: dict[str, Callable[[LogResult], str]] = {"text": log_text, "markdown": log_markdown}
