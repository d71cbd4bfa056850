"""`planctl log` holds at most two parsed revisions whatever the length of the history (it held
every one: 274 MB for 2,000 commits), and `--item`/`--target` give the same output as before
while diffing the whole plan only for the commits that changed the item."""

from __future__ import annotations

import gc
import weakref

import pytest

from planctl.history import compare
from planctl.history import diff as semantic
from tests.history.conftest import PLAN, amount_cell
from tests.history.gitrepo import find_project, find_target

COMMITS = 24


@pytest.fixture
def long_history(repo):
    data = repo.read(PLAN)
    _, project, source = amount_cell(data)
    target = next(t["id"] for t in data.get("targets", []) if isinstance(t.get("value"), (int, float)))
    for serial in range(COMMITS):
        def change(d, serial=serial):
            if serial % 3 == 2:
                find_target(d, target)["value"] = find_target(d, target)["value"] + 1
            else:
                cell = find_project(d, project["id"])["amounts"]
                cell[source] = cell[source] + serial + 1
        repo.edit(PLAN, change)
        repo.commit(f"Revision {serial}")
    return repo, project["id"], target


def test_log_keeps_at_most_two_snapshots(long_history, monkeypatch):
    repo, item, target = long_history
    alive: list[weakref.ref] = []
    most = 0
    real_build = compare.build

    class Marker:
        pass

    def counting_build(data):
        nonlocal most
        gc.collect()
        most = max(most, sum(ref() is not None for ref in alive))
        snapshot = real_build(data)
        # A Snapshot is a tuple, which takes no weak reference; its memo dict (its own, filled by
        # rollup.sums) lives exactly as long as it, and so does what the dict holds.
        marker = snapshot.memo["test-alive"] = Marker()
        alive.append(weakref.ref(marker))
        return snapshot

    monkeypatch.setattr(compare, "build", counting_build)
    for args in ((), ("--item", item), ("--target", target), ("--format", "json")):
        alive.clear()
        most = 0
        run = repo.planctl("log", PLAN, *args)
        assert run.code == 0, run.stderr
        assert len(alive) == COMMITS + 1  # every revision parsed once ...
        assert most <= 2, most  # ... and only the two of the commit being compared are held


def test_item_logs_diff_the_whole_plan_only_where_the_item_changed(long_history, monkeypatch):
    repo, item, target = long_history
    whole = []
    real = compare.diff_plans
    monkeypatch.setattr(compare, "diff_plans", lambda *a, **k: whole.append(1) or real(*a, **k))
    run = repo.planctl("log", PLAN, "--item", item, "--format", "json")
    assert run.code == 0
    shown = len(run.json["commits"])
    assert len(whole) == shown == COMMITS - COMMITS // 3 + 1  # the amount edits and the plan's first commit
    whole.clear()
    run = repo.planctl("log", PLAN, "--target", target, "--format", "json")
    assert len(whole) == len(run.json["commits"]) == COMMITS // 3 + 1


def test_one_item_compares_as_in_the_whole_diff(long_history):
    repo, item, target = long_history
    from planctl.history.snapshot import build
    from planctl.plainload import load_plain
    old = build(load_plain(repo.git("show", f"HEAD~1:{PLAN}").encode(), PLAN)[0])
    new = build(load_plain(repo.git("show", f"HEAD:{PLAN}").encode(), PLAN)[0])
    for a, b in ((old, new), (new, old), (compare.EMPTY, new), (old, compare.EMPTY)):
        projects = {p.id: p for p in semantic.projects(a, b)}
        targets = {t.id: t for t in semantic.targets(a, b)}
        for pid in {*a.projects, *b.projects, "no-such-project"}:
            assert semantic.project(pid, a, b) == projects.get(pid)
        for tid in {*a.targets, *b.targets, "no-such-target"}:
            assert semantic.target(tid, a, b) == targets.get(tid)
