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
from pathlib import Path

from .config import MAX_PYPROJECT_BYTES, PLANCTL_TOML
from .errors import PlanctlError
from .i18n import N_, _
from .init_files import Report, _plural, _write, check_target
from .init_hooks import check_repository, write_hooks
from .init_templates import (  # noqa: F401  (the names tests and readers look for here)
    BASELINE,
    MODELINE,
    PLANS_GLOB,
    PRE_COMMIT,
    SETTINGS,
    STARTER,
    STARTER_PLAN,
    WORKFLOW,
)
from .paths import git_top, read_regular
from .resources import EDITOR_SCHEMAS, schema_path

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
    command prints there (file names and fingerprints as CI will compute them). It writes UTF-8
    (launch.utf8_output), whatever this system's code page."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    done = subprocess.run([sys.executable, "-m", "planctl", "lint", "--format", "json"], cwd=root,
                          capture_output=True, encoding="utf-8", errors="replace", env=env, timeout=600)
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


# --- all of it -----------------------------------------------------------------------------

def run(target: Path, force: bool = False, baseline: bool | None = None,
        ask: Callable[[str], bool] | None = None, repository: str | None = None) -> Report:
    """Set up `target`. `baseline`: True/False as asked on the command line, None to `ask` (or not
    record one when there is nobody to ask) if the existing plans have findings. `repository`:
    where pre-commit clones planctl from (default: the URL planctl's package metadata names)."""
    if repository is not None:
        repository = check_repository(repository)
    root = check_target(target)
    report = Report(target)
    plans = existing_plans(root)  # before the starter plan is written: the province's own
    settings = write_settings(report, root, force)
    write_schemas(report, root, force)
    write_starter(report, root, force, plans)
    use_baseline = baseline_step(report, root, force, baseline, plans, ask)
    write_hooks(report, root, force, settings, use_baseline, repository)
    if git_top(root) is None:
        report.next_steps.insert(0, _("`git init`: planctl diff, log, pre-commit and the workflow work on a git repository"))
    report.next_steps.append(_("`pre-commit install`, then `planctl lint`"))
    return report
