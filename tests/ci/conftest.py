"""Fixtures for planctl in CI: a plans repository in a temp folder, and lint runs through the CLI.

The plans repository is laid out as a province's repository would be (plans/<province>/*.yaml,
plans/national/*.yaml, no pyproject.toml), from tests/ci/fixture: a plan with policy findings
of every severity and a plan with schema errors, in a folder and file whose names need escaping
in every output format. When the real plans are in the repository's plans/, the format tests run
on them too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from tests.conftest import ROOT

FIXTURE = Path(__file__).resolve().parent / "fixture"
REAL_PLANS = ("tra-vinh", "soc-trang", "quang-tri", "ben-tre")
# Unset, so that the suite behaves the same when it runs under GitHub Actions itself.
CLEAN_ENV = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


@contextmanager
def working_directory(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def lint(cwd: Path, *args: str, env: dict | None = None) -> Run:
    """`planctl lint ARGS` run in `cwd` through the real typer app."""
    with working_directory(cwd):
        result = CliRunner().invoke(app, ["lint", *args], env={**CLEAN_ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def make_plans_repo(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "plans")
    return target


@pytest.fixture(scope="session")
def plans_repo(tmp_path_factory) -> Path:
    """A git repository of plans with deliberate findings. Tests must not change it."""
    return make_plans_repo(tmp_path_factory.mktemp("ci") / "plans-repo")


@pytest.fixture
def own_plans_repo(tmp_path) -> Path:
    """A fresh copy, for tests that change files."""
    return make_plans_repo(tmp_path / "plans-repo")


def real_plans_present() -> bool:
    """At least one provincial plan is in plans/ (they are encoded one province at a time)."""
    return any(any((ROOT / "plans" / province).glob("*.yaml")) for province in REAL_PLANS)


@dataclass(frozen=True)
class Reports:
    """Every format from one lint run, with the JSON findings as the reference."""

    cwd: Path
    exit_code: int
    stdout: str
    files: dict[str, str]

    @property
    def json(self) -> dict:
        return json.loads(self.files["json"])


FORMATS = ("json", "text", "sarif", "github", "markdown", "junit")


def all_reports(cwd: Path, out: Path, *paths: str) -> Reports:
    run = lint(cwd, *paths, *(f"--output={fmt}={out / ('report.' + fmt)}" for fmt in FORMATS))
    assert run.exit_code in (0, 1), run.stderr
    return Reports(cwd, run.exit_code, run.stdout,
                   {fmt: (out / f"report.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS})


@pytest.fixture(scope="session")
def fixture_reports(plans_repo, tmp_path_factory) -> Reports:
    return all_reports(plans_repo, tmp_path_factory.mktemp("fixture-plans"))


@pytest.fixture(scope="session", params=["fixture-plans", "real-plans"])
def reports(request, tmp_path_factory) -> Reports:
    """All formats, once for the fixture plans and once for the real plans (when they are there)."""
    if request.param == "fixture-plans":
        return request.getfixturevalue("fixture_reports")
    if not real_plans_present():
        pytest.skip("the real plans are not in plans/ yet")
    return all_reports(ROOT, tmp_path_factory.mktemp(request.param))
