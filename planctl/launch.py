"""The `planctl` entry point: answers `planctl --version` before importing the command-line
application, then hands over to planctl.cli.

Why: typer (with its vendored click) costs ~40 ms to import, more than the rest of a version
check; pre-commit hooks and CI scripts ask for the version on every run.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__
        from .lint.engine import describe

        # The same line, and exit code 0, as the typer option prints (planctl.cli._version).
        print(f"planctl {__version__} ({describe()})")
        return
    from .cli import main as cli_main

    cli_main()
