"""Run lint batches on every core: forked worker processes, results gathered in order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import InternalError

T = TypeVar("T")


def workers() -> int:
    """How many worker processes pay off here (1: run in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def run_batches(func: Callable[..., T], calls: Sequence[tuple[Any, ...]], processes: int) -> list[T]:
    """func(*args) for each args in `calls`, on `processes` forked workers, results in order.

    fork: the children inherit the imported modules, the built schema validators and the rules.
    ProcessPoolExecutor, not multiprocessing.Pool: Pool replaces a worker that dies (killed by the
    OOM killer, a segfault in durable_rules' C code) and waits forever for the batch it held;
    the executor notices the dead process and fails every pending batch (BrokenProcessPool).
    """
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            return list(pool.map(_call, [(func, args) for args in calls]))
        except BrokenProcessPool:
            raise InternalError("a lint worker process died (killed, out of memory, or a crash in the "
                                "rules engine); no result was produced") from None


def _call(job: tuple[Callable[..., T], tuple[Any, ...]]) -> T:
    func, args = job
    return func(*args)
