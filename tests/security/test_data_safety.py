"""A report never overwrites what the run reads; `planctl diff` leaves no temporary index behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from planctl.history import tempindex
from tests.history.gitrepo import PYPROJECT
from tests.security.conftest import set_config

PLAN = "plans/thu/plan.yaml"


def assert_untouched(repo, rel: str, before: bytes, run) -> None:
    assert run.code == 2, (run.code, run.stderr)
    assert "is a file this run reads" in run.stderr
    assert (repo.root / rel).read_bytes() == before


@pytest.mark.parametrize("rel", [PLAN, "plans/national/qd-1755-2010.yaml", "pyproject.toml"])
def test_an_output_that_is_an_input_is_a_usage_error(repo, rel):
    before = (repo.root / rel).read_bytes()
    assert_untouched(repo, rel, before, repo.run("lint", PLAN, "--output", f"text={rel}"))
    assert_untouched(repo, rel, before, repo.run("lint", "--output", f"json={repo.root / rel}"))


def test_an_output_reaching_an_input_through_a_link_is_a_usage_error(repo):
    before = (repo.root / PLAN).read_bytes()
    (repo.root / "report.txt").symlink_to(repo.root / PLAN)
    os.link(repo.root / PLAN, repo.root / "hard.txt")
    assert_untouched(repo, PLAN, before, repo.run("lint", "--output", "text=report.txt"))
    assert_untouched(repo, PLAN, before, repo.run("lint", "--output", "sarif=hard.txt"))


def test_the_baseline_and_policies_are_inputs_too(repo):
    repo.run("lint", "--output", "json=baseline.json")
    before = (repo.root / "baseline.json").read_bytes()
    run = repo.run("lint", "--baseline", "baseline.json", "--output", "json=baseline.json")
    assert_untouched(repo, "baseline.json", before, run)
    set_config(repo, PYPROJECT.replace("policies = []", 'policies = ["policy/*.yaml"]'))
    repo.write("policy/caps.yaml", "planctl: 1\nkind: policy\nid: p\ncaps: []\n")
    before = (repo.root / "policy/caps.yaml").read_bytes()
    assert_untouched(repo, "policy/caps.yaml", before, repo.run("lint", "-o", "markdown=policy/caps.yaml"))


def test_the_job_summary_cannot_be_an_input(repo):
    before = (repo.root / PLAN).read_bytes()
    run = repo.run("lint", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(repo.root / PLAN)})
    assert_untouched(repo, PLAN, before, run)


def test_a_new_output_file_is_written(repo):
    assert repo.run("lint", "--output", "sarif=planctl.sarif").code == 0
    assert (repo.root / "planctl.sarif").is_file()


# -- the temporary index of `planctl diff` ----------------------------------------------------

def git_dir_indexes(repo) -> list[str]:
    return sorted(p.name for p in (repo.root / ".git").glob("planctl-index-*"))


def test_stale_indexes_are_removed_by_the_next_run(repo):
    git = repo.root / ".git"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (git / f"planctl-index-{dead.pid}-abc").write_bytes(b"")  # its process is gone
    old = git / f"planctl-index-{os.getpid()}-old"
    old.write_bytes(b"")
    os.utime(old, (time.time() - 3600, time.time() - 3600))  # an hour old, whoever's it was
    (git / f"planctl-index-{os.getpid()}-live").write_bytes(b"")  # a live run's: kept
    repo.edit(PLAN, lambda d: d.update(title="Kế hoạch mới"))
    assert repo.run("diff").code == 0
    assert git_dir_indexes(repo) == [f"planctl-index-{os.getpid()}-live"]


# The child takes Ctrl-C as a terminal gives it, even when the suite runs as a background job of a
# script (.ci/run), whose children start with SIGINT ignored.
SLOW_SNAPSHOT = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
import planctl.history.revisions as revisions
real = revisions.Repository._snapshot
def slow(self, index, temporary, pathspecs):
    print(temporary, flush=True)
    time.sleep(60)
revisions.Repository._snapshot = slow
from planctl.cli import main
main()
"""


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGINT, 130)])
def test_a_signal_during_the_snapshot_removes_the_index(repo, signum, code):
    repo.edit(PLAN, lambda d: d.update(title="Kế hoạch mới"))
    process = subprocess.Popen([sys.executable, "-c", SLOW_SNAPSHOT, "diff"], cwd=repo.root, env=repo.env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        temporary = process.stdout.readline().strip()
        assert temporary and os.path.exists(temporary), process.stderr.read()
        process.send_signal(signum)
        assert process.wait(timeout=30) == code
    finally:
        process.kill()
        process.wait()
    assert not os.path.exists(temporary)
    assert git_dir_indexes(repo) == []


def test_remove_stale_keeps_a_fresh_index_of_a_live_process(tmp_path):
    fresh = tmp_path / f"planctl-index-{os.getppid()}-x"
    fresh.write_bytes(b"")
    assert tempindex.remove_stale(tmp_path) == []
    assert tempindex.remove_stale(tmp_path, now=time.time() + tempindex.STALE_SECONDS + 1) == [fresh]
