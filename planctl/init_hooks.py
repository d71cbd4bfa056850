"""`planctl init`'s configuration for the tools around the plans: pre-commit, the GitHub workflow.

The repository pre-commit clones planctl from is planctl's own (--repo, else the package
metadata's Project-URL); the workflow is the shipped template adapted by text edits.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import __version__
from .config import PLANCTL_TOML
from .i18n import _
from .init_files import Report, _write
from .init_templates import BASELINE, PRE_COMMIT, PRE_COMMIT_BASELINE, PRE_COMMIT_CONFIG, REPOSITORY_PLACEHOLDER, WORKFLOW
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


def pre_commit_config(repository: str, baseline: bool) -> str:
    text = PRE_COMMIT_CONFIG.format(repository=repository, rev=f"v{__version__}")
    return text + (PRE_COMMIT_BASELINE.format(baseline=BASELINE) if baseline else "")


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


def write_hooks(report: Report, root: Path, force: bool, settings: str, baseline: bool) -> None:
    repository = planctl_repository()
    if _write(report, root, PRE_COMMIT, pre_commit_config(repository or REPOSITORY_PLACEHOLDER, baseline), force) \
            and repository is None:
        report.next_steps.append(_("replace {placeholder} in {pre_commit} with the URL of planctl's "
                                   "repository (this planctl's package does not name it)").format(
                                       placeholder=REPOSITORY_PLACEHOLDER, pre_commit=PRE_COMMIT))
    text, missed = workflow(workflow_template().read_text(encoding="utf-8"), settings, baseline)
    if _write(report, root, WORKFLOW, text, force):
        report.next_steps += missed
        spec = f"planctl @ git+{repository or REPOSITORY_PLACEHOLDER}@v{__version__}"
        report.next_steps.append(_("on GitHub, set the repository variable PLANCTL_PIP_SPEC to `{spec}` "
                                   "(see the top of {workflow})").format(spec=spec, workflow=WORKFLOW))
