"""The command line without typer: the exit-code mapping, the language choice and the bodies of
the lint, diff and log commands.

Shared by the typer application (planctl/cli.py) and by the fast path of planctl/launch.py,
which runs the most common invocations, `planctl lint PATH...`, `planctl diff [REV [REV]]` and
`planctl log PLAN` without options, without importing typer: typer and its vendored click cost
~30 ms of a one-plan lint's ~200, and 88 million of the 714 million instructions of a `planctl
diff HEAD~1 HEAD` whose plans were read before. Both paths call these functions, so their output
and exit codes cannot drift apart (tests/test_fast_path.py runs both).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import i18n
from .errors import PlanctlError
from .i18n import _

if TYPE_CHECKING:
    from .config import Config

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
DEBUG_VARIABLE = "PLANCTL_DEBUG"
# Set to anything but '' or '0': `planctl lint PATH...`, `diff` and `log` go through typer like
# every other invocation. For the tests that compare both paths, and to rule the fast path out when in doubt.
NO_FAST_PATH_VARIABLE = "PLANCTL_NO_FAST_PATH"
FAST_COMMANDS = ("lint", "diff", "log")


def failure(exc: Exception, echo: Callable[[str], None]) -> int:
    """Tell the user about an exception a command raised (through `echo`, one line on standard
    error) and give its exit code: 2 for a PlanctlError, 3 for anything else (a bug).

    A crash must never exit with 1, the code of "findings": CI could not tell a bug from a result.
    """
    from .escape import visible

    if isinstance(exc, PlanctlError):
        # One line: a file name with a line break could otherwise start a line of its own, and
        # under GitHub Actions a line starting with '::' is a workflow command.
        echo(_("planctl: error: {message}").format(message=visible(str(exc))))
        return EXIT_ERROR
    if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        import traceback  # ~8 ms (linecache, tokenize) that only a crash with PLANCTL_DEBUG needs

        traceback.print_exception(exc, file=sys.stderr)
    message = visible(" ".join(str(exc).split())[:500])  # one line, whatever a plan put in it
    echo(_("planctl: internal error: {type}: {message} — this is a bug in planctl; please report it "
           "(set {variable}=1 to see the traceback)").format(type=type(exc).__name__, message=message,
                                                              variable=DEBUG_VARIABLE))
    return EXIT_INTERNAL


def is_broken_pipe(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno == errno.EPIPE


# The configuration choose_language read, with the folder it was read from, for the command to
# use instead of reading it a second time (~1 ms). Taken once: the next run reads it again.
_configuration: list[tuple[str, Config]] = []


def choose_language(option: str | None) -> None:
    """--lang, then [tool.planctl] lang, then the locale: planctl/i18n.py `choose`. A broken
    configuration does not stop the choice; the command that reads it reports it.

    This runs while click parses the options, outside the exit-code mapping: an unexpected
    exception here would escape it (a traceback and exit 1), so every failure falls back to the
    locale and the command, reading the configuration again, reports it (exit 2 or 3)."""
    configured = None
    _configuration.clear()
    if not option:
        from .config import load_config

        try:
            config = load_config()
        except Exception:  # noqa: BLE001 - reported by the command itself, see above
            pass
        else:
            configured = config.lang
            _configuration.append((os.getcwd(), config))
    i18n.set_language(i18n.choose(option, configured, os.environ))


def run_configuration() -> Config:
    """The configuration of this run: the one choose_language read, when it read one from this
    same folder, else read now (and a broken one reported)."""
    from .config import load_config

    remembered = _configuration.pop() if _configuration else None
    if remembered is not None and remembered[0] == os.getcwd():
        return remembered[1]
    return load_config()


def lint(paths: Sequence[Path], format: str | None = None, output: Sequence[str] = (), fail_on: str | None = None,
         baseline: Path | None = None, new_since: str | None = None, color: str = "auto",
         quiet: bool = False) -> int:
    """`planctl lint`: the body of the command (see cli.lint for the options); returns the exit code."""
    from .lint.files import run_inputs
    from .lint.outputs import check_not_inputs, job_summary, plan_outputs, use_colour, write_outputs
    from .lint.runner import lint as run_lint
    from .model import Severity

    config = run_configuration()
    outputs = plan_outputs(format, list(output), os.environ)
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    if baseline is not None and new_since is not None:
        raise PlanctlError(_("give --baseline or --new-since, not both: each decides which findings are new"))
    known = None
    if baseline is not None:
        from .lint.baseline import load_baseline

        known = load_baseline(baseline, config.root if config.anchored else None)
    check_not_inputs(outputs, job_summary(outputs, os.environ), run_inputs(list(paths), config, baseline))
    result = run_lint(list(paths), config, known)
    if new_since is not None:  # imports git, which a plain lint never pays for
        from .lint.newsince import compare_with_base

        result = compare_with_base(result, new_since, list(paths), config, Path.cwd())
    write_outputs(result, outputs, sys.stdout, os.environ,
                  colour=use_colour(color, sys.stdout, os.environ), quiet=quiet)
    worst = result.worst()
    return EXIT_FINDINGS if worst is not None and worst >= threshold else EXIT_OK


def diff(args: Sequence[str], after_dashdash: Sequence[str] | None = None, format: str = "text",
         exit_code: bool = False, findings: bool | None = None) -> int:
    """`planctl diff`: the body of the command (see cli.diff_command for the options); returns the exit code."""
    from .history.commands import run_diff

    output, code = run_diff(list(args), None if after_dashdash is None else list(after_dashdash), format, exit_code,
                            Path.cwd(), findings)
    sys.stdout.write(output)
    return code


def log(plan: str, rev: str = "HEAD", item: str | None = None, target: str | None = None, format: str = "text",
        max_count: int | None = None) -> int:
    """`planctl log`: the body of the command (see cli.log_command for the options); returns the exit code."""
    from .history.commands import run_log

    sys.stdout.write(run_log(plan, rev, item, target, format, max_count, Path.cwd(), write=sys.stdout.write))
    return EXIT_OK


class _PacifyFlush:
    """A stream whose flush ignores a closed pipe, as click's PacifyFlushWrapper: after `planctl
    lint | head`, the interpreter's last flush must not print a BrokenPipeError."""

    def __init__(self, wrapped: object) -> None:
        self._wrapped = wrapped

    def flush(self) -> None:
        try:
            self._wrapped.flush()  # type: ignore[attr-defined]
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> object:
        return getattr(self._wrapped, name)


def _echo_error(line: str) -> None:
    # What typer.echo(line, err=True) writes on the streams the fast path accepts (fast_args).
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def fast_args(argv: Sequence[str], env: Mapping[str, str]) -> list[str] | None:
    """The arguments after the command's name when the fast path can run `argv` exactly as typer
    would: `lint PATH...`, `diff` with revisions and paths, `log PLAN`, none of them an option;
    None for anything else (options, `--`, `-`, shell completion, Windows, where click expands
    wildcards in the arguments). The streams are UTF-8 by now (launch.utf8_output), so click
    would write to them as this path does.

    typer would refuse a lint path that exists but cannot be read ("Path 'x' is not readable"):
    such a path is left to typer too.
    """
    if len(argv) < 1 or argv[0] not in FAST_COMMANDS or os.name == "nt":
        return None
    args = list(argv[1:])
    if any(arg.startswith("-") for arg in args) or (argv[0] == "log" and len(args) != 1):
        return None
    if env.get(NO_FAST_PATH_VARIABLE, "") not in ("", "0"):
        return None
    # click's shell completion (_PLANCTL_COMPLETE, or _<PROG>_COMPLETE under another name).
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in env):
        return None
    if argv[0] == "lint":
        for arg in args:
            try:
                os.stat(arg)
            except (OSError, ValueError):
                continue
            if not os.access(arg, os.R_OK):
                return None
    return args


def fast_run(command: str, args: Sequence[str]) -> int:
    """Run `planctl COMMAND ARGS...` (fast_args said it may) as planctl.cli would, without typer:
    the same language choice (cli.main, then the --lang callback with no --lang), the same body,
    the same exit codes.

    The cyclic garbage collector stays off: the process ends with the command, and the lint
    runner, which turns it off while checking, would turn it back on for a collection that walks
    the whole run's objects just before they are all freed (~4 ms of a one-plan lint)."""
    gc.disable()
    i18n.set_language(i18n.choose(None, None, os.environ))
    choose_language(None)
    try:
        try:
            if command == "lint":
                return lint([Path(p) for p in args])
            if command == "diff":
                return diff(args)
            return log(str(Path(args[0])))  # as typer hands the command its Path argument
        except Exception as exc:
            if is_broken_pipe(exc):
                raise
            return failure(exc, _echo_error)
    except KeyboardInterrupt:
        return 130  # as typer's main
    except OSError as exc:  # a closed pipe: exit 1 without a traceback, as click's main
        if not is_broken_pipe(exc):
            raise
        sys.stdout = _PacifyFlush(sys.stdout)
        sys.stderr = _PacifyFlush(sys.stderr)
        return 1


def exit_now(code: int) -> NoReturn:
    """End the process with `code`, as sys.exit would, but without the interpreter's teardown
    (destroying every module and a last collection of every object, ~10 ms after a one-plan lint)
    when nothing depends on it: the exit handlers (atexit: coverage, logging) still run, then the
    standard streams are flushed. Anything unusual — a stream replaced (a closed pipe), a flush
    that fails, another thread, a process pool — takes the ordinary way out."""
    if _plain_exit_is_safe():
        import atexit

        atexit._run_exitfuncs()  # as the interpreter's exit runs them: errors are printed, not raised
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001 - the interpreter's exit flushes again and reports it
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def _plain_exit_is_safe() -> bool:
    if sys.stdout is not sys.__stdout__ or sys.stderr is not sys.__stderr__:
        return False
    # A process pool (a lint of 24 files or more) joins its workers and threads in the teardown.
    if "multiprocessing" in sys.modules or "concurrent.futures" in sys.modules:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1
