"""Markdown for a pull-request comment and the GitHub Actions job summary.

GitHub refuses comments over 65,536 characters, so the table stops short of that and says how
many findings it left out. Text from plans is escaped so that a `|` or `*` in a project name
cannot break the table or the emphasis.
"""

from __future__ import annotations

import re

from .. import __version__
from ..model import Finding, Severity
from .reporters import plural, repo_path
from .runner import LintResult

MAX_CHARS = 60_000
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def cell(text: str) -> str:
    """Text that stays literal inside a table cell."""
    return _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")).replace("\r", "").replace("\n", "<br>")


def code(text: str) -> str:
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


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
    finding = cell(f.message) + (f"<br>*hint:* {cell(f.hint)}" if f.hint else "")
    return (f"| {ICONS[f.severity]} | {code(repo_path(result, f.file))} | {f.line}:{f.column} "
            f"| {code(f.rule)} | {finding} |")


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
