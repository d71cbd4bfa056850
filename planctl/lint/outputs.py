"""Where lint's reports go: standard output, `--output FORMAT=PATH` files, the GitHub job summary.

One run can print text for the terminal and write SARIF for code scanning. Under GitHub Actions
(GITHUB_ACTIONS=true) standard output defaults to workflow commands, which GitHub turns into
annotations on the pull request; whenever those are produced and GITHUB_STEP_SUMMARY names a
file, the Markdown report is appended to it and shows on the run's summary page.

Output paths are checked before linting, so a typo fails at once rather than after the work,
and a report can never overwrite a file the run reads (`--output text=plans/x.yaml` would
replace the plan with its own findings).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple, TextIO

from ..errors import PlanctlError
from ..i18n import _
from .reporters import REPORTERS, text
from .runner import LintResult


class Output(NamedTuple):
    """One report to write: its format, and its file or standard output."""

    format: str
    path: Path | None  # None: standard output


def known_format(name: str, where: str) -> str:
    if name not in REPORTERS:
        raise PlanctlError(_("{where}: unknown format {name!r}: use one of {formats}").format(
            where=where, name=name, formats=", ".join(REPORTERS)))
    return name


def parse_output(spec: str) -> Output:
    """`FORMAT=PATH`, as in `--output sarif=planctl.sarif`."""
    fmt, sep, path = spec.partition("=")
    if not sep or not fmt.strip() or not path.strip():
        raise PlanctlError(_("--output {spec!r}: expected FORMAT=PATH, e.g. --output sarif=planctl.sarif "
                             "(formats: {formats})").format(spec=spec, formats=", ".join(REPORTERS)))
    target = Path(path)
    if target.is_dir():
        raise PlanctlError(_("--output {spec!r}: {path} is a folder; give a file name").format(spec=spec, path=path))
    parent = target.parent
    if not parent.is_dir():
        raise PlanctlError(_("--output {spec!r}: folder {folder} does not exist; create it first").format(
            spec=spec, folder=parent))
    return Output(known_format(fmt.strip(), f"--output {spec!r}"), target)


def plan_outputs(fmt: str | None, specs: list[str], env: Mapping[str, str]) -> list[Output]:
    """Standard output first, then the files, in the order given."""
    if fmt is not None:
        stdout_format = known_format(fmt, "--format")
    else:
        stdout_format = "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    outputs = [Output(stdout_format, None)]
    seen: set[Path] = set()
    for spec in specs:
        output = parse_output(spec)
        assert output.path is not None  # a FORMAT=PATH output always names a file
        resolved = output.path.resolve()
        if resolved in seen:
            raise PlanctlError(_("--output {spec!r}: {path} is given twice").format(spec=spec, path=output.path))
        seen.add(resolved)
        outputs.append(output)
    return outputs


def check_not_inputs(outputs: list[Output], summary: Path | None, reads: list[Path]) -> None:
    """Refuse an output that is a file the run reads, by name, through a link or as a hard link."""
    identities = {}
    for path in reads:
        try:
            info = os.stat(path)
        except OSError:
            continue
        identities[(info.st_dev, info.st_ino)] = path
    targets = [(f"--output {o.format}={o.path}", o.path) for o in outputs if o.path is not None]
    if summary is not None:
        targets.append((f"GITHUB_STEP_SUMMARY={summary}", summary))
    for what, path in targets:
        try:
            info = os.stat(path)
        except OSError:  # not there yet: it cannot be an input
            continue
        read = identities.get((info.st_dev, info.st_ino))
        if read is not None:
            same = "" if Path(os.path.abspath(path)) == Path(os.path.abspath(read)) else \
                _(" (the same file as {file})").format(file=read)
            raise PlanctlError(_("{what}: {path}{same} is a file this run reads; writing the report there would "
                                 "overwrite it: choose another file").format(what=what, path=path, same=same))


def job_summary(outputs: list[Output], env: Mapping[str, str]) -> Path | None:
    """The job summary file, when this run produces annotations under GitHub Actions."""
    wanted = any(o.format == "github" for o in outputs)
    return Path(env["GITHUB_STEP_SUMMARY"]) if wanted and env.get("GITHUB_STEP_SUMMARY") else None


def use_colour(choice: str, stream: TextIO, env: Mapping[str, str]) -> bool:
    """--color: always and never as said; auto colours a terminal unless NO_COLOR is set to
    anything (https://no-color.org) or the terminal is dumb. A file or a pipe gets no escape
    sequences unless asked: editors, problem matchers and `grep` read them as text."""
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
    return terminal and (sys.platform != "win32" or _windows_console_colours(stream))


def _windows_console_colours(stream: TextIO) -> bool:
    """Whether the Windows console of `stream` reads escape sequences, turning that on if it can.

    Why: a Windows 10 console (cmd.exe, PowerShell) prints them as text, `←[31m`, until a program
    sets its ENABLE_VIRTUAL_TERMINAL_PROCESSING mode; Windows Terminal has it on. Where it cannot
    be set (an older Windows), the text goes out without colour."""
    if sys.platform != "win32":  # also tells mypy that what follows is Windows code
        return False
    try:
        import ctypes
        import msvcrt
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = msvcrt.get_osfhandle(stream.fileno())
        mode = wintypes.DWORD()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        virtual_terminal = 0x0004  # ENABLE_VIRTUAL_TERMINAL_PROCESSING
        return bool(mode.value & virtual_terminal or kernel32.SetConsoleMode(handle, mode.value | virtual_terminal))
    except (AttributeError, ImportError, OSError, ValueError):  # no console, or no such call in this Windows
        return False


def write_outputs(result: LintResult, outputs: list[Output], stdout: TextIO, env: Mapping[str, str], *,
                  colour: bool = False, quiet: bool = False) -> None:
    """`colour` applies to text on standard output; `quiet` to text wherever it goes."""
    reports: dict[str, str] = {}

    def report(fmt: str) -> str:
        if fmt not in reports:
            reports[fmt] = text(result, quiet=quiet) if fmt == "text" else REPORTERS[fmt](result)
        return reports[fmt]

    for output in outputs:
        if output.path is None:
            stdout.write(text(result, colour=True, quiet=quiet) if colour and output.format == "text"
                         else report(output.format))
            continue
        try:
            output.path.write_text(report(output.format), encoding="utf-8")
        except OSError as exc:
            raise PlanctlError(_("cannot write the {format} report to {path}: {reason}").format(
                format=output.format, path=output.path, reason=exc.strerror or exc)) from None
    summary = job_summary(outputs, env)
    if summary is not None:
        try:
            with summary.open("a", encoding="utf-8") as handle:
                handle.write(report("markdown") + "\n")
        except OSError as exc:
            raise PlanctlError(_("cannot append the job summary to {path} (GITHUB_STEP_SUMMARY): {reason}").format(
                path=summary, reason=exc.strerror or exc)) from None
