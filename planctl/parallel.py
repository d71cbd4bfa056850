"""Run batches of work on every core: forked worker processes, results gathered in order.

Used by `planctl lint` (files checked in batches) and `planctl diff` (changed plans compared in
batches).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .errors import InternalError

T = TypeVar("T")


def workers() -> int:
    """How many worker processes pay off here (1: run in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def run_batches(func: Callable[..., T], calls: Sequence[tuple[Any, ...]], processes: int,
                died: Callable[[], str]) -> list[T]:
    """func(*args) for each args in `calls`, on `processes` forked workers, results in order;
    `died()` is the message of the InternalError raised when a worker dies.

    fork: the children inherit the imported modules, whatever the caller built before (schema
    validators, rules, the run's configuration) and `func` itself (only the arguments and
    results are pickled).
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
        raise InternalError(died()) from None
    finally:
        _func = None


_func: Callable[..., Any] | None = None


def _call(args: tuple[Any, ...]) -> Any:
    assert _func is not None, "run_batches sets the function before the workers fork"
    return _func(*args)
