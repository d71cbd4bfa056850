"""Markdown for a pull-request comment and the GitHub Actions job summary.

GitHub refuses comments over 65,536 characters, so the table stops short of that and says how
many findings it left out. Text from plans and file names goes through planctl.escape, so
that a `|` or `*` in a project name, or a backtick or a line break in a file name, cannot break
the table, its code spans or the emphasis.
"""

from __future__ import annotations

from .. import __version__
from ..escape import md_code, md_text
from ..i18n import _, number
from ..model import Finding, Severity
from .reporters import counted, repo_path
from .runner import LintResult

MAX_CHARS = 60_000
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def headline(result: LintResult) -> str:
    counts = result.counts()
    if not result.findings:
        head = _("✅ **No findings** in {files}").format(files=counted(result.files, _("{n} file"), _("{n} files")))
    else:
        words = {Severity.ERROR: (_("{n} error"), _("{n} errors")), Severity.WARNING: (_("{n} warning"), _("{n} warnings")),
                 Severity.INFO: (_("{n} info"), _("{n} info"))}
        parts = [f"{ICONS[s]} {counted(counts.get(s.label, 0), *words[s])}" for s in reversed(Severity)
                 if counts.get(s.label)]
        parts[0] = f"**{parts[0]}**"
        head = _("{counts} in {files}").format(counts=", ".join(parts),
                                               files=counted(result.files, _("{n} file"), _("{n} files")))
    extras = [_("{n} suppressed").format(n=number(len(result.suppressed))) if result.suppressed else "",
              _("{n} waived").format(n=number(len(result.waived))) if result.waived else "",
              _("{n} hidden by the baseline").format(n=number(len(result.baselined))) if result.baselined else ""]
    return " · ".join([head, *filter(None, extras)])


def row(result: LintResult, f: Finding) -> str:
    finding = md_text(f.message) + ("<br>" + _("*hint:* {hint}").format(hint=md_text(f.hint)) if f.hint else "")
    return (f"| {ICONS[f.severity]} | {md_code(repo_path(result, f.file), table=True)} | {f.line}:{f.column} "
            f"| {md_code(f.rule, table=True)} | {finding} |")


def markdown(result: LintResult) -> str:
    lines = ["### planctl lint", "", headline(result), ""]
    footer = "<sub>" + _("planctl {version} · rule set {ruleset}").format(
        version=__version__, ruleset=result.ruleset or _("unknown")) + "</sub>"
    if result.findings:
        lines += [_("| | File | Line | Rule | Finding |"), "|---|---|---|---|---|"]
        size = sum(len(line) + 1 for line in lines) + len(footer) + 200
        for shown, f in enumerate(result.findings):
            line = row(result, f)
            size += len(line) + 1
            if size > MAX_CHARS:
                left = len(result.findings) - shown
                lines += ["", counted(left, _("… and {n} more finding not shown here: run `planctl lint` to see them all."),
                                      _("… and {n} more findings not shown here: run `planctl lint` to see them all."))]
                break
            lines.append(line)
        lines.append("")
    lines.append(footer)
    return "\n".join(lines) + "\n"
