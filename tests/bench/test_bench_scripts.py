"""The benchmark scripts still run: they are not part of the suite's timings, but a script that no
longer starts (an import renamed under it) measures nothing. Each runs once at its smallest size."""

import importlib.util
import os
import shutil
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


@pytest.mark.slow
def test_lint_benchmark_runs_on_a_small_repository(tmp_path):
    done = subprocess.run([sys.executable, str(BENCH / "bench_lint.py"), "--runs", "1", "--provinces", "2",
                           "--out", str(tmp_path / "repo")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "planctl lint ONE_PLAN" in done.stdout and "whole repository (6 files)" in done.stdout
    assert "fact derivation" in done.stdout


def test_instructions_are_counted_by_valgrind(tmp_path, monkeypatch):
    if shutil.which("valgrind") is None:
        pytest.skip("valgrind is not installed")
    spec = importlib.util.spec_from_file_location("bench_lint", BENCH / "bench_lint.py")
    assert spec is not None and spec.loader is not None
    bench_lint = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the script puts its folder first, for generate.py
    monkeypatch.setitem(sys.modules, "bench_lint", bench_lint)  # its dataclass looks its module up there
    spec.loader.exec_module(bench_lint)
    env = dict(os.environ)
    idle = bench_lint.instructions([sys.executable, "-c", "pass"], tmp_path, env)
    busy = bench_lint.instructions([sys.executable, "-c", "sum(range(10**6))"], tmp_path, env)
    assert 1_000_000 < idle < busy
    assert idle == pytest.approx(bench_lint.instructions([sys.executable, "-c", "pass"], tmp_path, env), rel=0.01)
