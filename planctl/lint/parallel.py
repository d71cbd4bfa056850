"""Run lint batches on every core: forked worker processes, results gathered in order."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")


def workers() -> int:
    """How many worker processes pay off here (1: run in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def run_batches(func: Callable[..., T], calls: Sequence[tuple[Any, ...]], processes: int) -> list[T]:
    """func(*args) for each args in `calls`, on `processes` forked workers, results in order.

    fork: the children inherit the imported modules, the built schema validators and the rules.
    """
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.starmap(func, calls)
