"""`planctl init`: set up a province's own plans repository.

It writes the settings, the schemas the plans' modelines point at, a starter plan, the pre-commit
configuration and the GitHub workflow, and (asked to) a baseline of the findings the existing
plans already have. It never replaces a file without --force: a province's repository holds
work that init cannot recreate, so what exists is listed as skipped, with the reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import MAX_PYPROJECT_BYTES, PLANCTL_TOML
from .errors import PlanctlError
from .i18n import N_, _
from .paths import git_top, read_regular
from .resources import EDITOR_SCHEMAS, schema_path, workflow_template

PLANS_GLOB = "plans/**/*.yaml"
STARTER = "plans/example-plan.yaml"
BASELINE = "planctl-baseline.json"
PRE_COMMIT = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/planctl.yml"
MODELINE = "# yaml-language-server: $schema="
# Used when planctl's package metadata does not name its repository (no Project-URL); init then
# says so, since pre-commit cannot clone a placeholder.
REPOSITORY_PLACEHOLDER = "https://github.com/<owner>/planctl"

SETTINGS = """\
# planctl's settings (written by `planctl init`; the keys are described in planctl's README,
# section Configuration).
plans = ["plans/**/*.yaml"]
fail-on = "error"
# The national programmes (QĐ 1755, QĐ 1605) and the example funding policy shipped with planctl
# apply while these globs match nothing; point them at the repository's own files to use those:
# programmes = ["plans/national/*.yaml"]
# policies = ["rules/policy/*.yaml"]
"""

STARTER_PLAN = """\
{modeline}
# A starter plan written by `planctl init`: replace it with the province's plan, as printed.
# The first line lets editors (VS Code's YAML extension, Neovim, Helix ...) check this file
# against planctl's schema while you type. `planctl lint` checks it against the schema and
# the policy rules; `planctl schema plan` prints the schema with a description of every key.
planctl: 1
kind: plan
id: tinh-mau-1755-2011            # lower-case ASCII: letters, digits, '.', '_', '-'
title: Kế hoạch phát triển công nghệ thông tin và truyền thông giai đoạn 2011-2015
province: Tỉnh Mẫu
document: {{number: 1/KH-UBND, date: "2011-03-01", issuer: Ủy ban nhân dân tỉnh Mẫu}}
period: {{start: 2011, end: 2015}}
implements: [qd-1755-2010]        # national programmes shipped with planctl: qd-1755-2010, qd-1605-2010
unit: million VND                 # money is a whole number in this unit: 4000, never 4.000
citations:
  - {{id: qd-1755, number: 1755/QĐ-TTg, date: "2010-09-22", programme: qd-1755-2010}}
funding_sources:
  - {{id: nstw, name: Ngân sách Trung ương, kind: central-budget}}
  - {{id: nsdp, name: Ngân sách địa phương, kind: local-budget}}
groups:
  - id: nhan-luc
    seq: 1
    name: Phát triển nguồn nhân lực công nghệ thông tin
    task_groups: [qd-1755-2010/hr-development, qd-1755-2010/research-capacity]
    stated: {{total: 3000}}
    projects:
      - {{id: dao-tao, seq: 1, name: Đào tạo cán bộ CNTT, start: 2011, end: 2013, amounts: {{nstw: 1000, nsdp: 2000}}}}
  - id: ha-tang
    seq: 2
    name: Phát triển hạ tầng viễn thông và công nghệ thông tin
    task_groups: [qd-1755-2010/broadband-infrastructure, qd-1755-2010/universal-access]
    stated: {{total: 5000}}
    projects:
      - {{id: mang-dien-rong, seq: 2, name: Mạng diện rộng của tỉnh, start: 2012, end: 2014, amounts: {{nsdp: 5000}}}}
  - id: ung-dung
    seq: 3
    name: Ứng dụng công nghệ thông tin và phát triển công nghiệp CNTT
    task_groups: [qd-1755-2010/ict-application, qd-1755-2010/ict-industry]
    stated: {{total: 4000}}
    projects:
      - {{id: mot-cua-dien-tu, seq: 3, name: Một cửa điện tử, start: 2011, end: 2015, amounts: {{nstw: 1500, nsdp: 2500}}}}
"""

PRE_COMMIT_CONFIG = """\
# pre-commit (https://pre-commit.com) runs planctl before every commit; `pre-commit install`
# once per clone. Written by `planctl init`.
repos:
  - repo: {repository}
    rev: {rev}
    hooks:
      - id: planctl-lint
        # Every plan is linted whenever a file that can change a finding changes; this list adds
        # planctl.toml and the baseline to the hook's own.
        files: ^(plans/.*\\.ya?ml|rules/.*\\.ya?ml|schema/.*\\.json|pyproject\\.toml|planctl\\.toml|planctl-baseline\\.json)$
"""
PRE_COMMIT_BASELINE = """\
        # Findings the plans had when planctl was adopted are in the baseline: only new ones block a
        # commit. The hook's own entry compares with HEAD instead (--new-since), which cannot be
        # combined with a baseline: this entry replaces it.
        entry: planctl lint
        args: [--baseline, {baseline}]
"""


@dataclass
class Report:
    """What init did, line by line, and what the user does next."""

    root: Path
    lines: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    wrote: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def done(self, verb: str, rel: str, note: str = "") -> None:
        self.wrote.append(rel)
        self.lines.append(f"{_(verb):<9} {rel}{f'  ({note})' if note else ''}")

    def skip(self, rel: str, why: str) -> None:
        self.skipped.append(rel)
        self.lines.append(f"{_('skipped'):<9} {rel}  ({why})")

    def text(self) -> str:
        out = [f"planctl init: {self.root}", *(f"  {line}" for line in self.lines)]
        if self.next_steps:
            out += [_("next:"), *(f"  - {step}" for step in self.next_steps)]
        return "\n".join(out) + "\n"


def _plural(singular: str, plural: str, n: int) -> str:
    """`singular` or `plural` as English chooses, translated: Vietnamese has one form for both."""
    return _(singular if n == 1 else plural)


# --- the repository ------------------------------------------------------------------------

def check_target(target: Path) -> Path:
    """The folder to set up, resolved; a PlanctlError (exit 2) for anything else."""
    if not target.exists():
        raise PlanctlError(_("{target}: no such folder (create it, or run `git init {target}` first)").format(target=target))
    if not target.is_dir():
        raise PlanctlError(_("{target}: not a folder").format(target=target))
    root = target.resolve()
    top = git_top(root)
    if top is not None and top != root:
        # The workflow and the pre-commit configuration only work at the top of a repository.
        raise PlanctlError(_("{target}: inside the git repository at {top}; run `planctl init` at its top").format(
            target=target, top=top))
    return root


def _write(report: Report, root: Path, rel: str, content: str | bytes, force: bool, why_exists: str | None = None) -> bool:
    """Write `rel` unless it exists (--force replaces it); True when written."""
    path = root / rel
    if path.exists() or path.is_symlink():
        if not force:
            report.skip(rel, _("{why}; --force replaces it").format(why=why_exists or _("exists")))
            return False
        if path.is_dir() or path.is_symlink():
            # Writing through a link would change a file outside what init was asked to set up.
            report.skip(rel, _("a folder or a link; not replaced"))
            return False
        verb = N_("replaced")
    else:
        verb = N_("wrote")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    report.done(verb, rel)
    return True


# --- settings ------------------------------------------------------------------------------

_PLANCTL_HEADER = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*planctl[ \t]*\][ \t]*(#.*)?$")
_ANY_HEADER = re.compile(r"^[ \t]*\[")


def _read_pyproject(path: Path) -> tuple[str, dict]:
    try:
        text = read_regular(path, MAX_PYPROJECT_BYTES).decode("utf-8")  # a FIFO must not hang init
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlanctlError(_("{path}: cannot read it, so [tool.planctl] cannot be added: {exc}").format(
            path=path, exc=exc)) from None


def _replace_table(text: str, table: str) -> str | None:
    """`text` with its `[tool.planctl]` table (header to the next table) replaced by `table`; None
    when the table is not written that way (dotted keys, an inline table) or the cut would change
    anything else: the result is parsed and compared with the original to be sure."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _PLANCTL_HEADER.match(line.rstrip("\r\n"))]
    if len(starts) != 1:
        return None
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if _ANY_HEADER.match(lines[i])), len(lines))
    # Comments just above the next table, after a blank line, introduce that table: they stay.
    above = end
    while above > start + 1 and lines[above - 1].lstrip().startswith("#"):
        above -= 1
    if above < end and not lines[above - 1].strip():
        end = above
    newline = "\r\n" if "\r\n" in text else "\n"
    replaced = ("".join(lines[:start]) + table.replace("\n", newline) + (newline if end < len(lines) else "")
                + "".join(lines[end:]))
    try:
        before, after = tomllib.loads(text), tomllib.loads(replaced)
    except tomllib.TOMLDecodeError:
        return None
    before.get("tool", {}).pop("planctl", None)
    wanted = tomllib.loads(table)["tool"]["planctl"]
    if after.get("tool", {}).pop("planctl", None) != wanted or _drop_empty_tool(after) != _drop_empty_tool(before):
        return None
    return replaced


def _drop_empty_tool(document: dict) -> dict:
    return {k: v for k, v in document.items() if not (k == "tool" and v == {})}


def _appendix(text: str, table: str) -> str:
    """What to append to `text` so that `table` follows it after one blank line, in its line endings."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if not text.strip() or text.endswith(newline * 2):
        separator = ""
    elif text.endswith(newline):
        separator = newline
    else:
        separator = newline * 2
    return separator + table.replace("\n", newline)


def write_settings(report: Report, root: Path, force: bool) -> str:
    """[tool.planctl] appended to pyproject.toml, else a planctl.toml; the name of the file used."""
    own, pyproject = root / PLANCTL_TOML, root / "pyproject.toml"
    if own.exists() or own.is_symlink() or not pyproject.exists():
        _write(report, root, PLANCTL_TOML, SETTINGS, force)
        return PLANCTL_TOML
    if pyproject.is_symlink():
        # Appending would change the file the link points at, perhaps outside the repository.
        report.skip("pyproject.toml", _("a link; add [tool.planctl] to the file it points at by hand"))
        return "pyproject.toml"
    text, document = _read_pyproject(pyproject)
    table = "[tool.planctl]\n" + SETTINGS
    tool = document.get("tool")
    if not (isinstance(tool, dict) and "planctl" in tool):
        # Appended as text, not rewritten through a TOML library: every byte of the project's
        # file (comments, layout, quoting) stays as it was.
        pyproject.write_bytes((text + _appendix(text, table)).encode("utf-8"))
        report.done(N_("appended"), "pyproject.toml", "[tool.planctl]")
    elif not force:
        report.skip("pyproject.toml", _("it has [tool.planctl] already; --force replaces that table"))
    else:
        replaced = _replace_table(text, table)
        if replaced is None:
            raise PlanctlError(_("{pyproject}: [tool.planctl] is not a plain `[tool.planctl]` table that can be "
                                 "replaced without touching the rest; edit it by hand").format(pyproject=pyproject))
        pyproject.write_bytes(replaced.encode("utf-8"))
        report.done(N_("replaced"), "pyproject.toml", "[tool.planctl]")
    return "pyproject.toml"


# --- schemas and plans ---------------------------------------------------------------------

def write_schemas(report: Report, root: Path, force: bool) -> None:
    for kind in EDITOR_SCHEMAS:
        rel = f"schema/{kind}.schema.json"
        shipped = schema_path(kind).read_bytes()
        copy = root / rel
        stale = copy.is_file() and copy.read_bytes() != shipped
        _write(report, root, rel, shipped, force,
               _("exists, and differs from the installed planctl's") if stale else None)


def modeline(plan: Path, root: Path) -> str:
    """The first line that points editors from `plan` to the repository's plan schema."""
    return MODELINE + Path(os.path.relpath(root / "schema" / "plan.schema.json", plan.parent)).as_posix()


def existing_plans(root: Path) -> list[Path]:
    return sorted(p for p in root.glob(PLANS_GLOB) if p.is_file() and ".git" not in p.relative_to(root).parts)


def write_starter(report: Report, root: Path, force: bool, plans: list[Path]) -> None:
    others = [p for p in plans if p != root / STARTER]
    if others:
        report.skip(STARTER, _plural(N_("the repository has {n} plan already"), N_("the repository has {n} plans already"),
                                       len(others)).format(n=len(others)))
        _advise_modelines(report, root, others)
        return
    _write(report, root, STARTER, STARTER_PLAN.format(modeline=modeline(root / STARTER, root)), force)


def _advise_modelines(report: Report, root: Path, plans: list[Path]) -> None:
    lacking = []
    for plan in plans:
        with plan.open("rb") as file:
            first = file.readline().decode("utf-8", "replace").strip()
        if first != modeline(plan, root):
            lacking.append(plan)
    if lacking:
        example = lacking[0]
        report.next_steps.append(
            _plural(N_("{n} plan does not start with the line that gives editors the schema, e.g. {example}: `{modeline}`"),
                     N_("{n} plans do not start with the line that gives editors the schema, e.g. {example}: `{modeline}`"),
                     len(lacking)).format(n=len(lacking), example=example.relative_to(root).as_posix(),
                                          modeline=modeline(example, root)))


# --- baseline ------------------------------------------------------------------------------

def lint_json(root: Path) -> tuple[int, str, str]:
    """`planctl lint --format json` in `root`, as its own process: the baseline is exactly what that
    command prints there (file names and fingerprints as CI will compute them)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    done = subprocess.run([sys.executable, "-m", "planctl", "lint", "--format", "json"], cwd=root,
                          capture_output=True, text=True, env=env, timeout=600)
    return done.returncode, done.stdout, done.stderr


def count_findings(report_json: str) -> tuple[int, int]:
    import json

    summary = json.loads(report_json)["summary"]
    return sum(int(summary[k]) for k in ("error", "warning", "info")), int(summary["error"])


def baseline_step(report: Report, root: Path, force: bool, wanted: bool | None, plans: list[Path],
                  ask: Callable[[str], bool] | None) -> bool:
    """Lint the plans that were there before init; record their findings when asked. True when
    the baseline file is there for the hooks to use."""
    if not plans:
        if wanted:
            report.skip(BASELINE, _("no plan yet, nothing to record"))
        return False
    code, out, err = lint_json(root)
    if code not in (0, 1):
        message = " ".join(err.split())[:300] or _("exit code {code}").format(code=code)
        if wanted:
            raise PlanctlError(_("cannot record a baseline: `planctl lint` fails in {root}: {message}").format(
                root=root, message=message))
        report.next_steps.append(_("`planctl lint` fails here ({message}); fix that, then run `planctl lint`").format(
            message=message))
        return False
    total, errors = count_findings(out)
    if total == 0:
        if wanted:
            report.skip(BASELINE, _("the plans have no finding, nothing to record"))
        return False
    what = _plural(N_("the existing plans have {n} finding ({errors})"), N_("the existing plans have {n} findings ({errors})"),
                    total).format(n=total, errors=_plural(N_("{n} error"), N_("{n} errors"), errors).format(n=errors))
    if wanted is None and ask is not None:
        wanted = ask(_("{what}. Record them in {baseline}, so that only new findings fail commits and pull requests?").format(
            what=what, baseline=BASELINE))
    if not wanted:
        report.next_steps.append(
            _("{what}: the pre-commit hook and the workflow fail until they are fixed. `planctl init --baseline "
              "--force` records them in {baseline} and makes both ignore them (it rewrites the files above)").format(
                what=what, baseline=BASELINE))
        return False
    if _write(report, root, BASELINE, out, force):
        report.lines[-1] += "  (" + _plural(N_("{n} finding of `planctl lint --format json`"),
                                              N_("{n} findings of `planctl lint --format json`"), total).format(n=total) + ")"
    return (root / BASELINE).is_file()  # written, or kept from an earlier run: what the hooks use either way


# --- pre-commit and the workflow -----------------------------------------------------------

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


# --- all of it -----------------------------------------------------------------------------

def run(target: Path, force: bool = False, baseline: bool | None = None,
        ask: Callable[[str], bool] | None = None) -> Report:
    """Set up `target`. `baseline`: True/False as asked on the command line, None to `ask` (or not
    record one when there is nobody to ask) if the existing plans have findings."""
    root = check_target(target)
    report = Report(target)
    plans = existing_plans(root)  # before the starter plan is written: the province's own
    settings = write_settings(report, root, force)
    write_schemas(report, root, force)
    write_starter(report, root, force, plans)
    use_baseline = baseline_step(report, root, force, baseline, plans, ask)
    write_hooks(report, root, force, settings, use_baseline)
    if git_top(root) is None:
        report.next_steps.insert(0, _("`git init`: planctl diff, log, pre-commit and the workflow work on a git repository"))
    report.next_steps.append(_("`pre-commit install`, then `planctl lint`"))
    return report
