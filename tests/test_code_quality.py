"""ruff and mypy run with the test suite, so the README's test command (and CI) enforces them."""

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    if importlib.util.find_spec(name) is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]' installs it")
    return subprocess.run([sys.executable, "-m", name, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    run = run_tool("ruff", "check", "planctl", "tests")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_finds_nothing():
    run = run_tool("mypy")  # the packages and options are in pyproject.toml [tool.mypy]
    assert run.returncode == 0, run.stdout + run.stderr
