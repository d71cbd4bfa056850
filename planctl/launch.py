"""The `planctl` entry point: answers `planctl --version`, and runs `planctl lint PATH...`,
`planctl diff [REV [REV]] [PATH...]` and `planctl log PLAN` without options, before importing the
command-line application; anything else goes to planctl.cli.

Why: typer (with its vendored click) costs ~40 ms to import and ~30 ms of a one-plan lint;
pre-commit hooks and CI scripts ask for the version, and lint one or a few plans, on every run,
and reviewers compare revisions with the plain commands. The fast path (planctl/command.py:
fast_args, fast_run) runs the same body, language choice and exit-code mapping as the typer
command, for arguments that are not options.
"""

from __future__ import annotations

import codecs
import os
import sys


def main() -> None:
    utf8_output()
    if sys.argv[1:] == ["--version"]:
        from . import __version__
        from .lint.engine import describe

        # The same line, and exit code 0, as the typer option prints (planctl.cli._version).
        print(f"planctl {__version__} ({describe()})")
        return
    # planctl.command is imported by planctl.cli anyway: asking it first costs no other command anything.
    from .command import exit_now, fast_args, fast_run

    args = fast_args(sys.argv[1:], os.environ)  # None unless the command is one of FAST_COMMANDS
    if args is not None:
        exit_now(fast_run(sys.argv[1], args))
    from .cli import main as cli_main

    cli_main()


def utf8_output() -> None:
    """Write UTF-8, as the plans are written, wherever the output goes.

    Why: Windows gives a redirected or piped stream its ANSI code page (cp1252; cp1258 on a
    Vietnamese system), which has neither '→' nor the precomposed Vietnamese letters, so
    `planctl lint > report.txt` or a CI job's log died on the first of them (exit 3). A console
    already takes Unicode (Python writes to it in UTF-16); a console left in legacy mode gets its
    own code page, with a '?' for what it cannot show, rather than an error.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding, reconfigure = getattr(stream, "encoding", None), getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None:
            continue  # closed, or replaced by something that is not a text stream of its own
        try:
            if codecs.lookup(encoding).name == "utf-8":
                continue
        except LookupError:
            pass
        if stream.isatty():
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8")
