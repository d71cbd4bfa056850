"""A plans repository as a pull request's author could shape it, and planctl run in it for real.

`repo`: a real git repository (tests.history.gitrepo) with a clean plan, the national programme
and a pyproject.toml, committed. `secret`: a file *outside* it, in a sibling folder, whose
content must never come out of planctl, whatever the repository points at.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from tests.history.gitrepo import GitRepo, Run
from tests.workspace import CLEAN_PLAN, PROGRAMME

# Distinctive, and YAML a plan loader would read as a mapping (so a leak would show up as an
# "unknown key" finding quoting it).
CANARY = "c4n4ry-9f2e61"
SECRET = f"{CANARY}: root-password-{CANARY}\n"
FORMATS = ("text", "json", "sarif", "github", "markdown", "junit")


def stripped(name: str) -> bool:
    """An environment variable a test must not inherit (the CI's GITHUB_*, a developer's PLANCTL_*),
    but for the suite's own cache folder (tests/conftest.py): no test writes to the user's cache."""
    return name.startswith(("GITHUB_", "PLANCTL_")) and name != "PLANCTL_CACHE_DIR"


def planctl(cwd: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """`planctl ARGS` as its own process (a hang fails the test after `timeout` seconds)."""
    full_env = {k: v for k, v in os.environ.items() if not stripped(k)}
    full_env.update(env or {})
    done = subprocess.run([sys.executable, "-c", "from planctl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=timeout, env=full_env, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


class Repo(GitRepo):
    def run(self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float | None = None) -> Run:
        """`planctl ARGS` in this process; as a process of its own when a hang is the risk (`timeout`)."""
        if timeout is not None:
            return planctl(cwd or self.root, *args, env={**self.env(), **(env or {})}, timeout=timeout)
        clean = {k: None for k in os.environ if stripped(k)}
        before = os.getcwd()
        os.chdir(cwd or self.root)
        try:
            result = CliRunner().invoke(app, list(args), env={**clean, **(env or {})})
        finally:
            os.chdir(before)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def repo(tmp_path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("plans/national/qd-1755-2010.yaml", PROGRAMME)
    repo.write("plans/thu/plan.yaml", CLEAN_PLAN)
    repo.commit("plans")
    return repo


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "outside" / "secret.yaml"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def assert_refused(run: Run, *words: str) -> None:
    """Exit 2, one located error line, and nothing of the secret anywhere."""
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert CANARY not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("planctl: error: "), run.stderr
    for word in words:
        assert word in run.stderr, (word, run.stderr)


def set_config(repo: Repo, body: str) -> None:
    repo.write("pyproject.toml", body)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
