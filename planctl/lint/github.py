"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's lines.

`::error file=F,line=L,col=C,title=T::MESSAGE`, escaped by planctl.escape as the Actions runner
unescapes (actions/toolkit `command.ts`): in the message `%`, CR and LF; in property values also
`:` and `,`, which would otherwise end a value. Escaping newlines also means no text from a plan
can start a line of its own and smuggle in a command.

GitHub shows at most 10 error and 10 warning annotations per step, so the job summary (see
cli.py, the markdown reporter) and the SARIF upload carry the complete list.
"""

from __future__ import annotations

from ..escape import workflow_data, workflow_property
from ..i18n import _
from ..model import Finding, Severity
from .reporters import repo_path, summary_line
from .runner import LintResult

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


def annotations(result: LintResult) -> str:
    lines = [annotation(result, f) for f in result.findings]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
