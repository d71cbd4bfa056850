"""Markdown for a pull-request comment and the GitHub Actions job summary.

GitHub refuses comments over 65,536 characters, so the table stops short of that and says how
many findings it left out. Text from plans and file names goes through planctl.escape, so
that a `|` or `*` in a project name, or a backtick or a line break in a file name, cannot break
the table, its code spans or the emphasis.
"""

from __future__ import annotations

from .. import __version__
from ..escape import md_code, md_text
from ..model import Finding, Severity
from .reporters import plural, repo_path
from .runner import LintResult

MAX_CHARS = 60_000
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def headline(result: LintResult) -> str:
    counts = result.counts()
    if not result.findings:
        head = f"✅ **No findings** in {plural(result.files, 'file')}"
    else:
        parts = [f"{ICONS[s]} {plural(counts.get(s.label, 0), s.label)}" for s in reversed(Severity)
                 if counts.get(s.label)]
        parts[0] = f"**{parts[0]}**"
        head = ", ".join(parts) + f" in {plural(result.files, 'file')}"
    extras = [f"{len(result.suppressed)} suppressed" if result.suppressed else "",
              f"{len(result.waived)} waived" if result.waived else "",
              f"{len(result.baselined)} hidden by the baseline" if result.baselined else ""]
    return " · ".join([head, *filter(None, extras)])


def row(result: LintResult, f: Finding) -> str:
    finding = md_text(f.message) + (f"<br>*hint:* {md_text(f.hint)}" if f.hint else "")
    return (f"| {ICONS[f.severity]} | {md_code(repo_path(result, f.file), table=True)} | {f.line}:{f.column} "
            f"| {md_code(f.rule, table=True)} | {finding} |")


def markdown(result: LintResult) -> str:
    lines = ["### planctl lint", "", headline(result), ""]
    footer = f"<sub>planctl {__version__} · rule set {result.ruleset or 'unknown'}</sub>"
    if result.findings:
        lines += ["| | File | Line | Rule | Finding |", "|---|---|---|---|---|"]
        size = sum(len(line) + 1 for line in lines) + len(footer) + 200
        for shown, f in enumerate(result.findings):
            line = row(result, f)
            size += len(line) + 1
            if size > MAX_CHARS:
                left = len(result.findings) - shown
                lines += ["", f"… and {plural(left, 'more finding')} not shown here: "
                              "run `planctl lint` to see them all."]
                break
            lines.append(line)
        lines.append("")
    lines.append(footer)
    return "\n".join(lines) + "\n"
