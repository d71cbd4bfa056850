"""The findings of a plan's links to other plans (facts/links.py), cached between runs
(lint/findingcache.py; lint/summaries.py: reached): a lint of unchanged plans gives the same report
without deriving the links' facts, and a change to any plan the links reach — what it prints, its
file's name, whether it exists, where its own links lead — checks them again.

Pinned on Sóc Trăng's real plans: KH 22/2012 lists KH 21/2010 as one row (stands_for) and shares a
project with it (same_as). Only KH 22 is linted; KH 21 is found among the configured plan files.
Every report is compared with the same lint without the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.lint.facts import links
from tests.conftest import PLANS
from tests.workspace import CLEAN_PLAN, Workspace

KH21, KH22 = "plans/soc-trang/kh-21-2010.yaml", "plans/soc-trang/kh-22-2012.yaml"
KH21_ID, KH22_ID = "soc-trang-1605-2010", "soc-trang-1755-2012"
FIRST_ROW = "      - id: st21-lan\n"  # KH 21's first project row


@pytest.fixture
def ws(tmp_path: Path, cache_folder: Path) -> Workspace:
    ws = Workspace(tmp_path / "repo")
    for path in (PLANS / "national").glob("*.yaml"):
        ws.write(f"national/{path.name}", path.read_bytes())
    for rel in (KH21, KH22):
        ws.write(rel, (PLANS.parent / rel).read_bytes())
    return ws


def lint(ws: Workspace) -> list[tuple]:
    """KH 22's findings, (rule, pointer, message)."""
    run = ws.cli("lint", "--format", "json", KH22)
    assert run.code in (0, 1), run.stderr
    return [(f["rule"], f["pointer"], f["message"]) for f in run.report["findings"]]


def report(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """KH 22's findings, checked equal to the same lint without the cache."""
    found = lint(ws)
    with monkeypatch.context() as patched:
        patched.setenv("PLANCTL_NO_CACHE", "1")
        assert lint(ws) == found
    return found


def link_rules(found: list[tuple]) -> list[str]:
    return sorted(rule for rule, _pointer, _message in found if rule.startswith("links."))


def edit(ws: Workspace, rel: str, old: str, new: str) -> None:
    text = (ws.root / rel).read_text(encoding="utf-8")
    assert old in text
    ws.write(rel, text.replace(old, new, 1))


def test_unchanged_plans_give_their_link_findings_from_the_cache(ws, cache_folder, monkeypatch):
    first = report(ws, monkeypatch)
    assert link_rules(first) == ["links.counted-twice", "links.plan-amount-differs", "links.plan-amount-differs",
                                 "links.plan-amount-differs", "links.project-amount-differs"]
    monkeypatch.setattr(links, "all_link_facts", lambda *_args: pytest.fail("the links' facts were derived again"))
    assert lint(ws) == first


@pytest.mark.parametrize("change", [
    pytest.param(lambda ws: edit(ws, KH21, "  total: 109045000000", "  total: 119045000000"), id="prints-another-total"),
    pytest.param(lambda ws: (ws.root / KH21).rename(ws.root / "plans/soc-trang/kh-21.yaml"), id="moved"),
    pytest.param(lambda ws: (ws.root / KH21).unlink(), id="removed"),
    pytest.param(lambda ws: edit(ws, KH21, FIRST_ROW, f"{FIRST_ROW}        stands_for: {{plan: {KH22_ID}}}\n"),
                 id="stands-for-the-linting-plan"),
])
def test_a_change_to_the_linked_plan_checks_the_links_again(ws, cache_folder, monkeypatch, change):
    before = report(ws, monkeypatch)
    change(ws)
    after = report(ws, monkeypatch)  # equal to the lint without the cache
    assert after != before


def test_a_circle_through_a_plan_not_linked_directly_is_followed(ws, cache_folder, monkeypatch):
    """KH 22 → KH 21 → a third plan → KH 22 is a circle; the third plan alone drops its link, and
    KH 22's report loses the circle although neither KH 22 nor KH 21 changed."""
    third = CLEAN_PLAN.replace("amounts: {nstw: 1000}}", f"amounts: {{nstw: 1000}}, stands_for: {{plan: {KH22_ID}}}}}")
    ws.write("plans/third.yaml", third)
    edit(ws, KH21, FIRST_ROW, f"{FIRST_ROW}        stands_for: {{plan: test-plan}}\n")
    assert "links.cycle" in link_rules(report(ws, monkeypatch))
    ws.write("plans/third.yaml", CLEAN_PLAN)
    assert "links.cycle" not in link_rules(report(ws, monkeypatch))
