"""The benchmark scripts still run: they are not part of the suite's timings, but a script that no
longer starts (an import renamed under it) measures nothing. Each runs once at its smallest size."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent


@pytest.mark.slow
def test_history_benchmark_runs_on_a_small_history():
    done = subprocess.run([sys.executable, str(BENCH / "bench_history.py"), "--commits", "4", "--provinces", "2",
                           "--runs", "1", "--log-runs", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "planctl log PLAN" in done.stdout and "diff HEAD~1 HEAD" in done.stdout
