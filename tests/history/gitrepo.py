"""A real git repository of plans in a temp folder, and `planctl diff` / `log` run inside it.

Commits get fixed authors and dates, so their ids are the same on every run (the golden
Markdown test shows them). Plans are edited as data and written back as JSON, which is YAML:
the diff is semantic, so the layout of the written file does not matter, and JSON writes any
value a real plan holds exactly.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from planctl.cli import app
from planctl.document import load_data

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "plans"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PYPROJECT = '[tool.planctl]\nplans = ["plans/**/*.yaml"]\nprogrammes = ["plans/national/*.yaml"]\npolicies = []\n'


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.commits = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.write("pyproject.toml", PYPROJECT)

    # -- git -------------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        # Fixed identities and dates: the same commits get the same ids on every run.
        date = f"2024-01-{1 + self.commits % 28:02d}T{self.commits // 28:02d}:00:00+07:00"
        return {**os.environ, "GIT_AUTHOR_NAME": "Sở TTTT", "GIT_AUTHOR_EMAIL": "stttt@example.org",
                "GIT_COMMITTER_NAME": "Sở TTTT", "GIT_COMMITTER_EMAIL": "stttt@example.org",
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_NOSYSTEM": "1",
                "HOME": str(self.root), "GIT_CONFIG_GLOBAL": os.devnull}

    def git(self, *args: str, cwd: Path | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=cwd or self.root, capture_output=True, text=True, env=self.env())
        if done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        self.commits += 1
        return self.git("rev-parse", "HEAD").strip()

    def shallow_clone(self, clone: Path, branch: str = "feature") -> GitRepo:
        """`branch` cloned into `clone` with depth 1 and main fetched as origin/main with depth 1,
        as actions/checkout leaves a pull request: the merge base is not there."""
        self.git("clone", "-q", "--depth", "1", "--branch", branch, f"file://{self.root}", str(clone))
        self.git("fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main", cwd=clone)
        shallow = GitRepo.__new__(GitRepo)
        shallow.root, shallow.commits = clone, self.commits
        return shallow

    # -- files -----------------------------------------------------------------------------
    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def copy(self, source: Path, rel: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
        return path

    def read(self, rel: str) -> dict:
        return load_data(self.root / rel)

    def save(self, rel: str, data: dict) -> Path:
        return self.write(rel, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def edit(self, rel: str, change) -> dict:
        """Apply `change(data)` to the plan at `rel` and write it back; returns the new data."""
        data = copy.deepcopy(self.read(rel))
        change(data)
        self.save(rel, data)
        return data

    # -- planctl ---------------------------------------------------------------------------
    def planctl(self, *args: str, cwd: Path | None = None) -> Run:
        """The real typer app, run from the repository's folder (or `cwd`)."""
        before = os.getcwd()
        os.chdir(cwd or self.root)
        try:
            result = CliRunner().invoke(app, list(args), env={"GITHUB_ACTIONS": ""})
        finally:
            os.chdir(before)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    def process(self, *args: str, cwd: Path | None = None) -> Run:
        """`planctl` as its own process, as a reviewer runs it."""
        done = subprocess.run([sys.executable, "-c", "from planctl.cli import main; main()", *args],
                              cwd=cwd or self.root, capture_output=True, text=True, timeout=120, env=self.env())
        return Run(done.returncode, done.stdout, done.stderr)


# -- plans as data ---------------------------------------------------------------------------

def projects(data: dict) -> Iterator[tuple[dict, dict]]:
    for group in data.get("groups", []):
        for project in group.get("projects", []):
            yield group, project


def find_project(data: dict, pid: str) -> dict:
    return next(p for _, p in projects(data) if p["id"] == pid)


def find_target(data: dict, tid: str) -> dict:
    return next(t for t in data["targets"] if t["id"] == tid)


def plan_project(plan: dict, pid: str) -> dict:
    """A project's entry in a `planctl diff --format json` plan."""
    return next(p for p in plan["projects"] if p["id"] == pid)


def rollup(plan: dict, dimension: str) -> dict[str, dict]:
    """Rows of one roll-up of a JSON plan, by key."""
    found = next(r for r in plan["rollups"] if r["dimension"] == dimension)
    return {row["key"]: row for row in found["rows"]}


def money(old: Any, new: Any) -> dict:
    """The JSON money object expected for an amount going from old to new."""
    delta = (new or 0) - (old or 0)
    return {"old": old, "new": new, "delta": delta,
            "percent": round(delta * 100 / old, 2) if old else None}
