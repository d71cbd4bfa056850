"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's lines.

`::error file=F,line=L,col=C,title=T::MESSAGE`, escaped by planctl.escape as the Actions runner
unescapes (actions/toolkit `command.ts`): in the message `%`, CR and LF; in property values also
`:` and `,`, which would otherwise end a value. Escaping newlines also means no text from a plan
can start a line of its own and smuggle in a command.

GitHub shows at most 10 error and 10 warning annotations per step, so the job summary (see
cli.py, the markdown reporter) and the SARIF upload carry the complete list. With --new-since the
findings the change introduced are emitted first, so that they get those slots rather than old
findings of files the pull request did not touch. Each file's commands sit in a `::group::`, which
folds the log per file.
"""

# No `from __future__ import annotations`: the name would clash with annotations() below.

from ..escape import visible, workflow_data, workflow_property
from ..i18n import _
from ..model import Finding, Severity
from .newsince import statuses
from .reporters import repo_path, summary_line
from .runner import NEW, LintResult, comparison_of

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(result: LintResult, finding: Finding) -> str:
    properties = {
        "file": repo_path(result, finding.file),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"planctl {finding.rule}",
    }
    props = ",".join(f"{key}={workflow_property(value)}" for key, value in properties.items())
    message = finding.message + "\n" + _("hint: {hint}").format(hint=finding.hint) if finding.hint else finding.message
    return f"::{COMMANDS[finding.severity]} {props}::{workflow_data(message)}"


def _groups(result: LintResult, findings: list[Finding], suffix: str = "") -> list[str]:
    """The findings' annotations, one `::group::` per file, files in the order they come."""
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    lines = []
    for name, found in by_file.items():
        lines.append(f"::group::{workflow_data(f'planctl: {repo_path(result, name)}{suffix}')}")
        lines += [annotation(result, f) for f in found]
        lines.append("::endgroup::")
    return lines


def annotations(result: LintResult) -> str:
    comparison = comparison_of(result)
    if comparison is None:
        lines = _groups(result, result.findings)
    else:
        marked = list(zip(result.findings, statuses(result), strict=True))
        lines = _groups(result, [f for f, s in marked if s == NEW],
                        " (" + _("new {since}").format(since=comparison.since) + ")")
        lines += _groups(result, [f for f, s in marked if s != NEW])
        # Fixed findings are gone from the files: a log line each, never an annotation.
        lines += [visible(_("fixed {since}: {file} {rule} {message}").format(
            since=comparison.since, file=repo_path(result, x.finding.file), rule=x.finding.rule,
            message=x.finding.message)) for x in comparison.fixed]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
