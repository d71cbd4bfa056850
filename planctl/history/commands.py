"""`planctl diff` and `planctl log` as functions from arguments to (output, exit code).

The CLI parses options and calls these; they build the pieces (repository, selection, scope),
run them and pick the renderer. A renderer's module is imported only when its format is asked
for, so `--format json` never loads tabulate.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import load_config
from ..errors import PlanctlError
from ..i18n import _

if TYPE_CHECKING:
    from .compare import PlanDiff

EXIT_OK, EXIT_CHANGED = 0, 1

DIFF_FORMATS = {"text": ("render", "text"), "markdown": ("render", "markdown"), "json": ("jsonout", "diff_json")}
LOG_FORMATS = {"text": ("render", "log_text"), "markdown": ("render", "log_markdown"), "json": ("jsonout", "log_json")}


def renderer(formats: dict[str, tuple[str, str]], name: str) -> Callable[..., str]:
    if name not in formats:
        raise PlanctlError(_("unknown format {name!r}: use {formats}").format(name=name, formats=", ".join(formats)))
    module, function = formats[name]
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)


# The findings section (lint on both sides) is on by default only in the pull-request comment:
# the terminal and JSON outputs do not pay for the rules engine unless --findings asks.
FINDINGS_BY_DEFAULT = {"markdown"}


def run_diff(args: list[str], after_dashdash: list[str] | None, format: str, exit_code: bool,
             cwd: Path, findings: bool | None = None) -> tuple[str, int]:
    from .compare import compare
    from .revisions import Repository
    from .select import check_paths, scope, select, split_arguments

    render = renderer(DIFF_FORMATS, format)
    wanted = format in FINDINGS_BY_DEFAULT if findings is None else findings
    config = load_config(cwd)
    found = None
    # A diff of many plans builds hundreds of thousands of dicts and lists (both sides of each
    # plan, their snapshots, the tables) that live until it ends and form no reference cycles:
    # the cyclic garbage collector would walk them again and again (80 ms of a 100-plan diff in
    # one process) and, in the forked workers of a large diff (compare.py), copy the parent's
    # pages it touches. It is off for the comparison and its rendering, as for a lint run
    # (lint/runner.py).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with Repository(cwd) as repo:
            revisions, paths = split_arguments(repo, args, after_dashdash, cwd)
            selection = select(repo, revisions)
            check_paths(repo, selection, paths, cwd)
            in_scope = scope(repo, config, paths, cwd)
            # The terminal layout of each plan is made where it is compared (in parallel in a
            # large diff); findings, when shown, join it only after the comparison.
            laid_out: Callable[[PlanDiff], str] | None = None
            if format == "text" and not wanted:
                from .render import text_plan as laid_out
            result = compare(repo, selection, in_scope, config, rendered=laid_out)
            if wanted:
                from .findings import collect

                found = collect(repo, selection, in_scope, config, result)
        output = render(result, found) if wanted else render(result)
    finally:
        if collecting:
            gc.enable()
    return output, EXIT_CHANGED if exit_code and result.changed else EXIT_OK


def run_log(plan: str, revision: str, project: str | None, target: str | None, format: str,
            max_count: int | None, cwd: Path, write: Callable[[str], object] | None = None) -> str:
    """The log's output; with `write`, the JSON log is written through it as its commits are
    found, and what is returned is the rest."""
    from .log import history
    from .revisions import Repository

    if project and target:
        raise PlanctlError(_("give --item or --target, not both"))
    if max_count is not None and max_count < 1:
        raise PlanctlError(_("--max-count must be at least 1"))
    render = renderer(LOG_FORMATS, format)
    config = load_config(cwd)
    with Repository(cwd) as repo:
        start = repo.revision(revision)
        path = repo.relative(cwd / plan)
        if not path or (cwd / plan).is_dir():
            raise PlanctlError(_("{plan} is a folder: planctl log follows one plan file").format(plan=plan))
        if format != "json":
            return render(history(repo, path, start, config, project=project, target=target,
                                  max_count=max_count, details=False))
        # Only JSON prints each commit's whole plan diff: rendered as each commit is compared, and
        # written then when it can be.
        from .jsonout import LogStream, log_entry_json

        stream = LogStream(write) if write is not None else None
        result = history(repo, path, start, config, project=project, target=target, max_count=max_count,
                         rendered=log_entry_json, emit=stream.add if stream else None)
    return stream.finish(result) if stream else render(result)
