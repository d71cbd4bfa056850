"""A crash is exit code 3 with one line asking to report it, never 1 (findings) or 2 (bad input)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.security.conftest import planctl, stripped

# Each command, broken from inside: the function it relies on raises an unexpected exception.
BROKEN = {
    "lint": ("planctl.lint.runner", "lint", ["lint"]),
    "diff": ("planctl.history.commands", "run_diff", ["diff"]),
    "log": ("planctl.history.commands", "run_log", ["log", "plans/thu/plan.yaml"]),
    "rules": ("planctl.lint.catalogue_docs", "facts", ["rules", "facts"]),
    "schema": ("planctl.resources", "schema_path", ["schema", "plan"]),
}


def quiet(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if not stripped(k)}


def broken_run(repo, name: str, exc: str = "ValueError('boom')", env: dict | None = None):
    module, function, args = BROKEN[name]
    code = (f"import {module} as m\n"
            f"def broken(*a, **k):\n    raise {exc}\n"
            f"m.{function} = broken\n"
            "from planctl.cli import main\nmain()\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=repo.root, capture_output=True, text=True,
                          timeout=60, env={**quiet(repo.env()), **(env or {})}, check=False)


@pytest.mark.parametrize("name", BROKEN)
def test_an_unexpected_exception_is_exit_code_3_with_one_line(repo, name):
    done = broken_run(repo, name)
    assert done.returncode == 3, done.stderr
    assert done.stderr == ("planctl: internal error: ValueError: boom — this is a bug in planctl; please report it "
                           "(set PLANCTL_DEBUG=1 to see the traceback)\n")
    assert done.stdout == ""


def test_with_planctl_debug_the_traceback_is_printed_too(repo):
    done = broken_run(repo, "lint", "RecursionError('deep')", env={"PLANCTL_DEBUG": "1"})
    assert done.returncode == 3
    assert "Traceback (most recent call last)" in done.stderr
    assert done.stderr.rstrip().splitlines()[-1].startswith("planctl: internal error: RecursionError: deep")


def test_a_usage_error_is_still_exit_code_2(repo):
    done = broken_run(repo, "lint", "__import__('planctl.errors').errors.PlanctlError('no such thing')")
    assert (done.returncode, done.stderr) == (2, "planctl: error: no such thing\n")
    run = repo.run("lint", "--fail-on", "fatal")
    assert run.code == 2 and "'fatal' is not one of 'error', 'warning', 'info'" in run.stderr
    # click quotes a bad choice with repr: a line break in it cannot start a line (a workflow command).
    run = repo.run("lint", "--fail-on", "x\n::error::injected", "--format", "json\n::warning::injected")
    assert run.code == 2 and "\\n::" in run.stderr
    assert not any(line.startswith("::") for line in run.stderr.splitlines())


def test_the_exit_codes_are_in_the_help(tmp_path):
    run = planctl(tmp_path, "--help")
    assert run.code == 0
    text = " ".join(run.stdout.split())
    assert "Exit codes: 0 clean; 1 findings" in text and "3 internal error" in text and "PLANCTL_DEBUG=1" in text


def test_usage_errors_of_click_keep_their_code(tmp_path):
    run = planctl(tmp_path, "lint", "--no-such-option")
    assert run.code == 2 and "No such option" in run.stderr
