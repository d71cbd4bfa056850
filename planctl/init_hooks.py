"""`planctl init`'s configuration for the tools around the plans: pre-commit, the GitHub workflow, VS Code's tasks.

The repository pre-commit clones planctl from is planctl's own (--repo, else the package
metadata's Project-URL); the workflow is the shipped template adapted by text edits; the VS Code
tasks run `planctl lint` and read its text format with a problem matcher, which is how the
editor gets lint's answer for what no JSON Schema can express (money written `4.000`, see the
README's "In editors").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import __version__
from .config import PLANCTL_TOML
from .errors import PlanctlError
from .i18n import _
from .init_files import Report, _write
from .init_templates import (
    BASELINE,
    PLACEHOLDER_NOTE,
    PRE_COMMIT,
    PRE_COMMIT_BASELINE,
    PRE_COMMIT_CONFIG,
    REPOSITORY_PLACEHOLDER,
    VSCODE_TASKS,
    WORKFLOW,
)
from .resources import workflow_template


def planctl_repository() -> str | None:
    """planctl's repository as its package metadata names it (Project-URL), else None."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("planctl").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _sep, url = entry.partition(",")
        if label.strip().lower() in ("repository", "source", "source code", "homepage") and url.strip():
            return url.strip()
    return None


# pre-commit's own names for hooks that need no clone: a planctl repository cannot be called so.
_SPECIAL_REPOS = ("local", "meta")


def check_repository(url: str) -> str:
    """`--repo URL` as pre-commit will read it from the YAML line `repo: URL`; a PlanctlError
    (exit 2) for what would break that line or is not a repository."""
    url = url.strip()
    if not url or url in _SPECIAL_REPOS or re.search(r"[\s\x00-\x1f\x7f\"'`#\\]", url) \
            or url[0] in "-?:,[]{}&*!|>%@":
        raise PlanctlError(_("--repo {url!r}: give the URL (or local path) of the git repository planctl is "
                             "installed from, e.g. https://github.com/OWNER/planctl").format(url=url))
    return url


def pre_commit_config(repository: str | None, baseline: bool) -> str:
    """The pre-commit configuration; with `repository` None, the placeholder and a note saying so."""
    text = PRE_COMMIT_CONFIG.format(repository=repository or REPOSITORY_PLACEHOLDER, rev=f"v{__version__}",
                                    note="" if repository else PLACEHOLDER_NOTE)
    return text + (PRE_COMMIT_BASELINE.format(baseline=BASELINE) if baseline else "")


# One finding line of `planctl lint` (text format, no colour), in either language: the location,
# the severity (always English: error, warning or info), the rule id, the message. Hint lines,
# fixed findings of --new-since (indented) and the summary line do not match.
PROBLEM_PATTERN = r"^(.*?):(\d+):(\d+): (error|warning|info) (\S+) (.*)$"


def vscode_tasks() -> str:
    """.vscode/tasks.json: `planctl lint` of every plan, and of the file in view, as VS Code tasks
    whose findings go to the Problems panel and the editor's squiggles."""
    matcher = {"owner": "planctl", "source": "planctl", "fileLocation": ["autoDetect", "${workspaceFolder}"],
               "pattern": {"regexp": PROBLEM_PATTERN, "file": 1, "line": 2, "column": 3, "severity": 4,
                           "code": 5, "message": 6}}

    def task(label: str, detail: str, *paths: str) -> dict:
        return {"label": label, "detail": detail, "type": "shell", "command": "planctl",
                # No colour: escape codes would hide the lines from the matcher.
                "args": ["lint", "--color", "never", *paths],
                "options": {"env": {"PYTHONIOENCODING": "utf-8"}},
                "group": "test", "presentation": {"reveal": "silent", "clear": True},
                "problemMatcher": matcher}

    tasks = {"version": "2.0.0", "tasks": [
        task("planctl lint", "every plan of [tool.planctl], findings in the Problems panel"),
        task("planctl lint: this file", "the plan in view", "${file}")]}
    return json.dumps(tasks, ensure_ascii=False, indent=2) + "\n"


_LINT_COMMAND = re.compile(r"\bplanctl lint(?=\s|$)")
_PATHS = re.compile(r'^(\s*paths:\s*\[.*)"pyproject\.toml"')


def workflow(template: str, settings: str, baseline: bool) -> tuple[str, list[str]]:
    """The workflow template adapted to this repository; the changes that could not be made.

    Text edits, not a YAML round trip, so the copy stays the template line for line: its
    comments explain each step.
    """
    lines, missed = template.splitlines(keepends=True), []
    extra = [name for name, used in ((PLANCTL_TOML, settings == PLANCTL_TOML), (BASELINE, baseline)) if used]
    if extra:
        quoted = ", ".join(f'"{name}"' for name in ["pyproject.toml", *extra])
        hits = [i for i, line in enumerate(lines) if _PATHS.match(line)]
        for i in hits:
            lines[i] = _PATHS.sub(lambda m: m.group(1) + quoted, lines[i], count=1)
        if not hits:
            missed.append(_("add {names} to the `paths:` filters of {workflow}").format(
                names=", ".join(extra), workflow=WORKFLOW))
    # A template whose lint step picks up the baseline file itself (on pushes; pull requests use
    # --new-since, which --baseline would contradict) needs no edit of its command.
    uses_baseline = any(BASELINE in line and not line.lstrip().startswith("#") for line in lines)
    if baseline and not uses_baseline:
        hits = [i for i, line in enumerate(lines) if not line.lstrip().startswith("#") and _LINT_COMMAND.search(line)]
        for i in hits:
            lines[i] = _LINT_COMMAND.sub(f"planctl lint --baseline {BASELINE}", lines[i])
        if not hits:
            missed.append(_("add `--baseline {baseline}` to the `planctl lint` command of {workflow}").format(
                baseline=BASELINE, workflow=WORKFLOW))
    return "".join(lines), missed


def write_hooks(report: Report, root: Path, force: bool, settings: str, baseline: bool,
                repository: str | None = None) -> None:
    """pre-commit, the workflow and the VS Code tasks; `repository`: --repo, else the package's."""
    repository = repository or planctl_repository()
    if _write(report, root, PRE_COMMIT, pre_commit_config(repository, baseline), force) and repository is None:
        report.next_steps.append(_("replace {placeholder} in {pre_commit} with the URL of planctl's "
                                   "repository (this planctl's package does not name it; `planctl init --repo URL` "
                                   "writes it)").format(placeholder=REPOSITORY_PLACEHOLDER, pre_commit=PRE_COMMIT))
    text, missed = workflow(workflow_template().read_text(encoding="utf-8"), settings, baseline)
    if _write(report, root, WORKFLOW, text, force):
        report.next_steps += missed
        spec = f"planctl @ git+{repository or REPOSITORY_PLACEHOLDER}@v{__version__}"
        report.next_steps.append(_("on GitHub, set the repository variable PLANCTL_PIP_SPEC to `{spec}` "
                                   "(see the top of {workflow})").format(spec=spec, workflow=WORKFLOW))
    _write(report, root, VSCODE_TASKS, vscode_tasks(), force)
