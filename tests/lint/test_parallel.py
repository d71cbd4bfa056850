"""The worker pool: results in order, errors passed on, and a worker that dies ends the run."""

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from planctl import parallel
from planctl.errors import InternalError, PlanctlError
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(parallel.workers() < 2, reason="no fork, or one core: lint never forks")


def died() -> str:
    return "a test worker process died"


def test_results_come_back_in_the_order_of_the_calls():
    assert parallel.run_batches(lambda a, b: a * b, [(i, 10) for i in range(9)], 2, died) == [i * 10 for i in range(9)]


def test_an_error_in_a_batch_reaches_the_caller():
    def check(i):
        if i == 3:
            raise PlanctlError("bad batch")
        return i
    with pytest.raises(PlanctlError, match="bad batch"):
        parallel.run_batches(check, [(i,) for i in range(6)], 2, died)


def test_a_killed_worker_ends_the_run_with_an_internal_error():
    def check(i):
        if i == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.2)
        return i
    started = time.monotonic()
    with pytest.raises(InternalError, match="worker process died"):
        parallel.run_batches(check, [(i,) for i in range(8)], 2, died)
    assert time.monotonic() - started < 10


KILL_ONE_BATCH = """
import os, signal, sys, time
from planctl.cli import main
from planctl.lint import runner

checked = runner.check_files
VICTIM = os.environ["KILL_BATCH_OF"]

def check_files(files, config, registry):
    if any(f.name == VICTIM for f in files):  # the batch holding this plan dies
        os.kill(os.getpid(), signal.SIGKILL)
    return checked(files, config, registry)

runner.check_files = check_files
started = time.monotonic()
try:
    main()
finally:
    print(f"elapsed {time.monotonic() - started:.1f}", file=sys.stderr)
"""


def test_a_lint_whose_worker_is_killed_ends_within_seconds(tmp_path):
    """Before: multiprocessing.Pool replaced the dead worker and `planctl lint` waited forever."""
    from tests.bench.generate import generate

    repo = generate(tmp_path, provinces=13, defect_rate=0.5)
    victim = sorted(p.name for p in (repo.root / "plans").glob("*/*.yaml"))[5]
    done = subprocess.run([sys.executable, "-c", KILL_ONE_BATCH, "lint"], cwd=repo.root, capture_output=True,
                          text=True, timeout=120, check=False, env={**os.environ, "PYTHONPATH": str(ROOT), "KILL_BATCH_OF": victim})
    # The CLI maps InternalError to its exit code for internal errors (3); the message is the same.
    assert done.returncode != 0 and "a lint worker process died" in done.stderr
    assert float(re.search(r"elapsed ([0-9.]+)", done.stderr)[1]) < 30
