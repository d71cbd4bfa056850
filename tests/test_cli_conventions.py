"""Conventions users expect from linters: --format choices in --help and shell completion,
colour on a terminal (--color, NO_COLOR), -q/--quiet."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import types
import typing

import pytest
from typer.testing import CliRunner

from planctl import cli
from planctl.cli import app
from planctl.history.commands import DIFF_FORMATS, LOG_FORMATS
from planctl.lint.reporters import REPORTERS
from tests.workspace import CLEAN_PLAN, Workspace

ESC = "\x1b["
# One info and one warning (see tests/lint/test_rule_settings.py).
PLAN = (CLEAN_PLAN.replace("name: Đào tạo, start: 2011, end: 2012, ", "name: Đào tạo, ")
        .replace("{id: p2, seq: 2,", "{id: p2, seq: 3,"))


@pytest.fixture
def ws(tmp_path) -> Workspace:
    ws = Workspace(tmp_path)
    ws.write("plans/plan.yaml", PLAN)
    return ws


# --- --format choices -----------------------------------------------------------------------

def test_the_format_choices_are_the_formats_planctl_has():
    assert typing.get_args(cli.LintFormat) == tuple(REPORTERS)
    assert set(typing.get_args(cli.HistoryFormat)) == set(DIFF_FORMATS) == set(LOG_FORMATS)


@pytest.mark.parametrize("command, choices", [
    (["lint"], "<text|json|sarif|github|markdown|junit>"),
    (["diff"], "<text|markdown|json>"),
    (["log"], "<text|markdown|json>"),
])
def test_help_lists_the_format_choices(command, choices):
    run = CliRunner().invoke(app, [*command, "--help"], terminal_width=200)
    assert run.exit_code == 0 and f"--format {choices}" in run.stdout


def test_help_lists_colour_fail_on_and_quiet():
    out = CliRunner().invoke(app, ["lint", "--help"], terminal_width=200).stdout
    assert "--color <auto|always|never>" in out and "--fail-on <error|warning|info>" in out
    assert "-q, --quiet" in out


def complete(words: str) -> list[str]:
    """What bash completion offers, asked of the installed `planctl` the way the completion
    script that `planctl --install-completion` installs asks it."""
    script = os.path.join(os.path.dirname(sys.executable), "planctl")
    if not os.path.isfile(script):
        pytest.skip("the planctl command is not installed beside this Python")
    env = {**os.environ, "_PLANCTL_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split(" ")) - 1)}
    run = subprocess.run([script], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_the_shell_completes_formats_colours_and_severities():
    assert complete("planctl lint --format ") == list(REPORTERS)
    assert complete("planctl lint --format s") == ["sarif"]
    assert complete("planctl diff --format ") == ["text", "markdown", "json"]
    assert complete("planctl lint --color a") == ["auto", "always"]
    assert complete("planctl lint --fail-on w") == ["warning"]


# --- colour -----------------------------------------------------------------------------------

def test_never_colour_when_not_a_terminal(ws):
    run = ws.cli("lint")
    assert run.code == 0 and ESC not in run.stdout
    assert "plans/plan.yaml:" in run.stdout and run.stdout.rstrip().endswith("1 warning, 1 info")


def test_always_colours_severity_location_and_rule(ws):
    out = ws.cli("lint", "--color", "always").stdout
    assert "\x1b[1;33mwarning\x1b[0m" in out and "\x1b[1;36minfo\x1b[0m" in out
    assert "\x1b[2midentity.numbering-gap\x1b[0m" in out
    uncoloured = ws.cli("lint", "--color", "never").stdout
    assert ESC not in uncoloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == uncoloured  # colour adds nothing else


def test_always_overrides_no_color_but_a_file_is_never_coloured(ws, tmp_path):
    report = tmp_path / "out.txt"
    os.environ["NO_COLOR"] = "1"
    try:
        run = ws.cli("lint", "--color", "always", "--output", f"text={report}")
    finally:
        del os.environ["NO_COLOR"]
    assert ESC in run.stdout and ESC not in report.read_text(encoding="utf-8")


def test_other_formats_are_never_coloured(ws):
    for fmt in ("json", "sarif", "github", "markdown", "junit"):
        assert ESC not in ws.cli("lint", "--format", fmt, "--color", "always").stdout, fmt


def test_a_file_names_own_escape_sequences_stay_escaped_inside_the_colours(ws):
    (ws.root / "plans" / "plan.yaml").rename(ws.root / "plans" / "red\x1b[31m.yaml")
    out = ws.cli("lint", "--color", "always").stdout
    assert "plans/red\\x1b[31m.yaml:" in out  # shown as an escape, as without colour
    assert out.count("\x1b[") == out.count("\x1b[0m") * 2  # only planctl's own open/close pairs


def terminal_run(ws: Workspace, *args: str, env: dict[str, str] | None = None) -> str:
    """`planctl lint` with its standard output on a real pseudo-terminal."""
    main, child = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    full_env.update({"TERM": "xterm", **(env or {})})
    proc = subprocess.Popen([sys.executable, "-c", "from planctl.cli import main; main()", "lint", *args],
                            cwd=ws.root, stdout=child, stderr=subprocess.PIPE, env=full_env)
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8")


def test_auto_colours_a_terminal(ws):
    assert "\x1b[1;33mwarning\x1b[0m" in terminal_run(ws)


@pytest.mark.parametrize("env, args", [({"NO_COLOR": "1"}, ()), ({"TERM": "dumb"}, ()), ({}, ("--color", "never"))])
def test_no_colour_on_a_terminal_with_no_color_a_dumb_terminal_or_never(ws, env, args):
    out = terminal_run(ws, *args, env=env)
    assert "warning" in out and ESC not in out


def test_an_empty_no_color_does_not_turn_colour_off(ws):
    assert ESC in terminal_run(ws, env={"NO_COLOR": ""})  # no-color.org: present and not empty


# --- quiet ------------------------------------------------------------------------------------

def test_quiet_prints_only_the_findings(ws):
    loud, quiet = ws.cli("lint").stdout, ws.cli("lint", "-q").stdout
    assert loud.splitlines()[:-1] == quiet.splitlines()
    assert "checked" not in quiet and quiet.endswith("\n")


def test_quiet_with_no_finding_prints_nothing_and_keeps_the_exit_code(tmp_path):
    ws = Workspace(tmp_path)
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    run = ws.cli("lint", "--quiet")
    assert run.code == 0 and run.stdout == ""
    broken = Workspace(tmp_path / "b")
    broken.write("plans/plan.yaml", CLEAN_PLAN.replace("amounts: {nstw: 1000}", "amounts: {nstw: 1500}"))
    run = broken.cli("lint", "-q")
    assert run.code == 1 and "error consistency.group-total" in run.stdout and "checked" not in run.stdout


def test_quiet_leaves_the_machine_formats_whole(ws):
    assert ws.cli("lint", "-q", "--format", "json").report["summary"]["warning"] == 1


class _Console:
    """kernel32's console calls, as a Windows console answers them: its mode, and whether it may change."""

    def __init__(self, mode: int | None, settable: bool = True) -> None:
        self.mode, self.settable, self.set_to = mode, settable, None

    def GetConsoleMode(self, handle, mode_ref):  # noqa: N802 - kernel32's name
        if self.mode is None:  # not a console
            return 0
        mode_ref._obj.value = self.mode
        return 1

    def SetConsoleMode(self, handle, mode):  # noqa: N802
        self.set_to = mode
        return int(self.settable)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1


@pytest.mark.parametrize("mode, settable, colours, set_to", [
    (0x0003, True, True, 0x0007),  # a Windows 10 console: planctl turns escape sequences on
    (0x0007, True, True, None),  # Windows Terminal: already on
    (0x0003, False, False, 0x0007),  # a Windows that cannot: no colour, rather than `←[31m`
    (None, True, False, None),  # not a console after all
])
def test_a_windows_console_is_coloured_only_once_it_reads_escape_sequences(monkeypatch, mode, settable, colours,
                                                                           set_to):
    import ctypes

    from planctl.lint.outputs import use_colour

    console = _Console(mode, settable)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(get_osfhandle=lambda fd: 1000 + fd))
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: console, raising=False)
    assert use_colour("auto", _Terminal(), {}) is colours
    assert console.set_to == set_to


def test_without_windows_console_calls_there_is_no_colour(monkeypatch):
    from planctl.lint.outputs import use_colour

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", None)  # import fails
    assert use_colour("auto", _Terminal(), {}) is False
    assert use_colour("always", _Terminal(), {}) is True
