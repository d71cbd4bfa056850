"""Markdown for a pull-request comment and the GitHub Actions job summary.

Written for the reviewer who opens it: findings grouped by file (the file named once, as a
heading, not on every row), files with errors first and errors first within a file. With
--new-since the findings the change introduced come first, then those it fixed, and only then
the ones it did not touch, folded. Under GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY
and GITHUB_SHA set) each finding's position links to its line at the commit that was checked.

GitHub refuses comments over 65,536 characters, so the report stops short of that and says how
many findings it left out. Text from plans and file names goes through planctl.escape, so that a
`|` or `*` in a project name, or a backtick or a line break in a file name, cannot break the
table, its code spans or the emphasis; link targets are percent-encoded, and the environment's
values are used only when they look like what GitHub sets.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from .. import __version__
from ..escape import html_text, md_code, md_text
from ..i18n import N_, _, number
from ..model import Finding, Severity
from .newsince import Comparison, statuses
from .reporters import counted, repo_path
from .runner import NEW, LintResult, comparison_of

MAX_CHARS = 60_000
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
def table_head() -> list[str]:
    return [_("| | Line | Rule | Finding |"), "|---|---|---|---|"]
# What GitHub puts in these variables; anything else is not used to build a link.
_SERVER = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def blob_url(env: Mapping[str, str] | None = None) -> str | None:
    """'https://github.com/OWNER/REPO/blob/' when the run knows its repository, else None."""
    env = os.environ if env is None else env
    server = env.get("GITHUB_SERVER_URL", "").rstrip("/")
    repository = env.get("GITHUB_REPOSITORY", "")
    if _SERVER.fullmatch(server) and _REPOSITORY.fullmatch(repository):
        return f"{server}/{repository}/blob/"
    return None


def line_link(blob: str | None, commit: str | None, path: str, line: int, text: str) -> str:
    if blob is None or commit is None or not _SHA.fullmatch(commit) or path.startswith("/"):
        return text
    return f"[{text}]({blob}{commit}/{quote(path, safe='/')}#L{line})"


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
    comparison = comparison_of(result)
    if comparison is not None:
        new = comparison.count(NEW)
        extras.append(_("{since}: {new}, {fixed} fixed, {unchanged} unchanged").format(
            since=md_text(comparison.since),
            new="**" + _("{n} new").format(n=number(new)) + "**" if new else _("nothing new"),
            fixed=number(comparison.count("fixed")), unchanged=number(comparison.count("unchanged"))))
    return " · ".join([head, *filter(None, extras)])


def row(f: Finding, position: str) -> str:
    finding = md_text(f.message) + ("<br>" + _("*hint:* {hint}").format(hint=md_text(f.hint)) if f.hint else "")
    return f"| {ICONS[f.severity]} | {position} | {md_code(f.rule, table=True)} | {finding} |"


def _errors_first(entries: Iterable[tuple[str, Finding, str]]) -> list[tuple[str, list[tuple[Finding, str]]]]:
    """(file, [(finding, position cell)]) with the files holding errors first, errors first in each."""
    by_file: dict[str, list[tuple[Finding, str]]] = {}
    for path, f, position in entries:
        by_file.setdefault(path, []).append((f, position))
    for found in by_file.values():
        found.sort(key=lambda pair: (-pair[0].severity, pair[0].line, pair[0].column, pair[0].rule))
    return sorted(by_file.items(), key=lambda item: (-max(f.severity for f, _p in item[1]), item[0]))


_SEVERITY_WORDS = {Severity.ERROR: (N_("{n} error"), N_("{n} errors")),
                   Severity.WARNING: (N_("{n} warning"), N_("{n} warnings")),
                   Severity.INFO: (N_("{n} info"), N_("{n} info"))}


def _severity_count(n: int, severity: Severity) -> str:
    singular, plural = _SEVERITY_WORDS[severity]
    return counted(n, _(singular), _(plural))


def _file_sections(grouped: list[tuple[str, list[tuple[Finding, str]]]]) -> list[list[str]]:
    """Per file: its heading line and table head, then one row per finding (each a list item)."""
    sections = []
    for path, found in grouped:
        counts = [_severity_count(sum(f.severity == s for f, _p in found), s) for s in reversed(Severity)
                  if any(f.severity == s for f, _p in found)]
        sections.append([f"**{md_code(path)}** — {', '.join(counts)}", "", *table_head()])
        sections.append([row(f, position) for f, position in found])
    return sections
class _Budget:
    """Lines up to GitHub's comment limit; counts the finding rows left out after that."""

    def __init__(self, reserve: int) -> None:
        self.lines: list[str] = []
        self.size = reserve
        self.left_out = 0

    def add(self, lines: list[str], rows: int = 0) -> bool:
        cost = sum(len(line) + 1 for line in lines)
        if self.left_out or self.size + cost > MAX_CHARS:
            self.left_out += rows
            return False
        self.lines += lines
        self.size += cost
        return True

    def section(self, head: list[str], grouped: list[tuple[str, list[tuple[Finding, str]]]],
                tail: list[str] | None = None) -> None:
        if not grouped:
            return
        opened = self.add(head)
        parts = _file_sections(grouped)
        for heading, rows in zip(parts[::2], parts[1::2], strict=True):
            if not self.add(heading):
                self.left_out += len(rows)
                continue
            for line in rows:
                self.add([line], rows=1)
            self.add([""])
        if tail and opened:  # always closed once opened (the reserve leaves room): no stray <details>
            self.lines += tail


def markdown(result: LintResult) -> str:
    lines = ["### planctl lint", "", headline(result), ""]
    footer = "<sub>" + _("planctl {version} · rule set {ruleset}").format(
        version=__version__, ruleset=result.ruleset or _("unknown")) + "</sub>"
    blob = blob_url()
    commit = os.environ.get("GITHUB_SHA", "")
    budget = _Budget(sum(len(line) + 1 for line in lines) + len(footer) + 200)

    def current(findings: Iterable[Finding]) -> list[tuple[str, Finding, str]]:
        return [(path, f, line_link(blob, commit, path, f.line, f"{f.line}:{f.column}"))
                for f in findings for path in [repo_path(result, f.file)]]

    comparison = comparison_of(result)
    if comparison is None:
        budget.section([], _errors_first(current(result.findings)))
    else:
        marked = list(zip(result.findings, statuses(result), strict=True))
        _compared_sections(budget, comparison, current(f for f, s in marked if s == NEW),
                           current(f for f, s in marked if s != NEW), blob, result)
    lines += budget.lines
    if budget.left_out:
        lines += ["", counted(budget.left_out,
                              _("… and {n} more finding not shown here: run `planctl lint` to see them all."),
                              _("… and {n} more findings not shown here: run `planctl lint` to see them all.")), ""]
    lines.append(footer)
    return "\n".join(lines) + "\n"


def _compared_sections(budget: _Budget, comparison: Comparison, new: list[tuple[str, Finding, str]],
                       unchanged: list[tuple[str, Finding, str]], blob: str | None, result: LintResult) -> None:
    since = md_text(comparison.since)
    budget.section(["#### 🆕 " + _("New {since} ({n})").format(since=since, n=number(len(new))), ""], _errors_first(new))
    # A fixed finding's line is at the base revision: its link goes to the base commit.
    fixed = [(repo_path(result, x.finding.file), x.finding,
              line_link(blob, comparison.commit, x.path_at_base, x.finding.line,
                        _("{line}:{column} at base").format(line=x.finding.line, column=x.finding.column)))
             for x in comparison.fixed]
    budget.section(["#### ✅ " + _("Fixed {since} ({n})").format(since=since, n=number(len(fixed))), ""],
                   _errors_first(fixed))
    # What the change did not touch is folded: the reviewer came for the rest.
    budget.section(["<details>", "<summary>" + _("Unchanged {since} ({n})").format(
                        since=html_text(comparison.since), n=number(len(unchanged))) + "</summary>", ""],
                   _errors_first(unchanged), ["</details>", ""])
