"""A province's repository in a temp folder, and planctl run in it for real (tests/init)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from tests.history.gitrepo import Run

# Under GitHub Actions the default lint format is `github`; these tests read text and JSON.
CLEAN_ENV = {"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def planctl(cwd: Path, *args: str) -> Run:
    """The real typer app, run from `cwd` as a user runs it in their repository."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), env=CLEAN_ENV)
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def process(cwd: Path, *args: str) -> Run:
    """`planctl` as its own process."""
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    done = subprocess.run([sys.executable, "-m", "planctl", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)
    return Run(done.returncode, done.stdout, done.stderr)


def git_env(home: Path) -> dict[str, str]:
    return {**os.environ, "GIT_AUTHOR_NAME": "Sở TTTT", "GIT_AUTHOR_EMAIL": "stttt@example.org",
            "GIT_COMMITTER_NAME": "Sở TTTT", "GIT_COMMITTER_EMAIL": "stttt@example.org",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "HOME": str(home)}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env=git_env(root))
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """An empty git repository: what a province starts from."""
    root = tmp_path / "ke-hoach-cntt"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
