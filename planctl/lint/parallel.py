"""Run lint batches on every core: forked worker processes, results gathered in order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import InternalError
from ..i18n import _

T = TypeVar("T")


def workers() -> int:
    """How many worker processes pay off here (1: run in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def run_batches(func: Callable[..., T], calls: Sequence[tuple[Any, ...]], processes: int) -> list[T]:
    """func(*args) for each args in `calls`, on `processes` forked workers, results in order.

    fork: the children inherit the imported modules, the built schema validators, the rules and
    `func` itself (only the arguments and results are pickled).
    ProcessPoolExecutor, not multiprocessing.Pool: Pool replaces a worker that dies (killed by the
    OOM killer, a segfault in durable_rules' C code) and waits forever for the batch it held;
    the executor notices the dead process and fails every pending batch (BrokenProcessPool).
    """
    global _func
    _func = func
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, calls))
    except BrokenProcessPool:
        raise InternalError(_("a lint worker process died (killed, out of memory, or a crash in the rules "
                              "engine), so the files it was checking have no result")) from None
    finally:
        _func = None


_func: Callable[..., Any] | None = None


def _call(args: tuple[Any, ...]) -> Any:
    assert _func is not None, "run_batches sets the function before the workers fork"
    return _func(*args)
