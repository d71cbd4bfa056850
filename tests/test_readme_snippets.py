"""Every `planctl` command in the READMEs' shell snippets runs, in a copy of this repository.

The snippets are what a newcomer copies. Each `sh` block's lines that start with `planctl` run as
a shell runs them (redirections, comments) with the installed `planctl` first on PATH, in a git
repository holding the shipped plans, rules and configuration, on a branch `dieu-chinh` that
changes a plan, beside `main` and `origin/main` (the READMEs' diff and pull-request examples). The
install commands are what .ci/run runs; the benchmark commands are tests/bench's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.history.gitrepo import GitRepo

READMES = ("README.md", "README.vi.md")


def commands(readme: str) -> list[str]:
    text = (ROOT / readme).read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", text, re.M | re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.startswith("planctl ")]


def test_the_readmes_have_planctl_commands_to_run():
    assert len(commands("README.md")) >= 8 and len(commands("README.vi.md")) >= 3


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("readme") / "repo")
    for folder in ("plans", "rules", "schema"):
        shutil.copytree(ROOT / folder, repo.root / folder)
    table = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.planctl]")[1].split("\n[")[0]
    repo.write("pyproject.toml", "[tool.planctl]" + table)
    repo.commit("the shipped plans")
    repo.git("update-ref", "refs/remotes/origin/main", "main")
    repo.git("checkout", "-q", "-b", "dieu-chinh")
    plan = repo.root / "plans" / "soc-trang" / "kh-22-2012.yaml"
    text = plan.read_text(encoding="utf-8")
    edited = re.sub(r"(\n\s+total: )(\d+)", lambda m: f"{m[1]}{int(m[2]) + 100}", text, count=1)
    assert edited != text
    plan.write_text(edited, encoding="utf-8")
    repo.commit("điều chỉnh")
    return repo


@pytest.mark.parametrize("line", [line for readme in READMES for line in commands(readme)])
def test_every_planctl_command_of_the_readmes_runs(copy, line):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(["bash", "-c", line], cwd=copy.root, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    # 1: findings (the shipped plans have some); never 2 (usage) or 3 (a crash).
    assert done.returncode in (0, 1), f"{line}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    assert done.stdout.strip() or ">" in line or "--output" in line
