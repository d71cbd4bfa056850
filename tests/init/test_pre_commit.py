"""The .pre-commit-config.yaml that `planctl init --baseline` writes, run by the real pre-commit in a
province's repository: old findings do not block a commit, a new mistake does.

Slow: pre-commit builds a virtualenv and installs planctl (and builds durable_rules) in it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planctl.init import BASELINE, STARTER_PLAN, modeline
from tests.conftest import ROOT
from tests.init.conftest import git, git_env, planctl, write
from tests.init.test_init import province_with_plans

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.mark.slow
def test_pre_commit_with_the_baseline_blocks_only_new_findings(repo, tmp_path):
    pre_commit = str(PRE_COMMIT) if PRE_COMMIT.is_file() else shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is installed from this checkout, which must be a git repository")
    province_with_plans(repo)
    # The released planctl is not reachable from here: the hook comes from this checkout (--repo,
    # a local path) at its committed state; the rest of the file is what init wrote.
    assert planctl(repo, "init", "--baseline", "--repo", str(ROOT)).code == 0
    config = repo / ".pre-commit-config.yaml"
    head = git(ROOT, "rev-parse", "HEAD").strip()
    text = config.read_text(encoding="utf-8")
    assert f"- repo: {ROOT}\n" in text and "REPLACE" not in text
    config.write_text(re.sub(r"(?m)^(\s*rev: ).*$", lambda m: m.group(1) + head, text), encoding="utf-8")
    git(repo, "add", "-A")
    env = {**git_env(repo), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GITHUB_ACTIONS": "",
           "GITHUB_STEP_SUMMARY": "", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([pre_commit, "run", "--color", "never", *args], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900)

    old = run("--all-files")
    output = old.stdout + old.stderr
    if old.returncode not in (0, 1):  # 3: pre-commit could not install the hook (no network ...)
        pytest.fail(f"pre-commit could not install the hook (exit {old.returncode}):\n{output[-3000:]}")
    assert old.returncode == 0, output[-3000:]
    assert re.search(r"planctl lint\.+Passed", output)

    starter = STARTER_PLAN.format(modeline=modeline(repo / "plans" / "moi.yaml", repo))
    write(repo, "plans/moi.yaml", starter.replace('date: "2010-09-22"', 'date: "2010-09-23"'))
    git(repo, "add", "plans/moi.yaml")
    new = run()
    output = new.stdout + new.stderr
    assert new.returncode == 1, output[-3000:]
    assert "plans/moi.yaml" in output and "citations.date-mismatch" in output
    assert "hidden by the baseline" in output and BASELINE in config.read_text(encoding="utf-8")
