"""What the reviewer's tables leave out and what they say they cover (history/rows.py)."""

from __future__ import annotations

import copy

from planctl.history import lang, rows
from planctl.history.compare import PlanDiff, diff_plans
from planctl.history.diff import Status
from planctl.history.snapshot import build

PLAN = {
    "kind": "plan", "id": "p", "title": "Kế hoạch thử", "unit": "million VND",
    "funding_sources": [{"id": "nsdp", "name": "Ngân sách địa phương"}, {"id": "nstw", "name": "Ngân sách trung ương"}],
    "groups": [
        {"id": "g1", "name": "Nhiệm vụ 1: Nhân lực", "projects": [
            {"id": "a", "name": "Dự án A", "amounts": {"nsdp": 100}, "by_year": {"2013": 100}},
            {"id": "b", "name": "Dự án B", "amounts": {"nsdp": 50, "nstw": 25}}]},
        {"id": "g2", "name": "Nhiệm vụ 2: Hạ tầng", "projects": [
            {"id": "c", "name": "Dự án C", "amounts": {"nstw": 300}}]},
    ],
}


def diff(change) -> PlanDiff:
    new = copy.deepcopy(PLAN)
    change(new)
    base = dict(path="plan.yaml", old_path="plan.yaml", new_path="plan.yaml", status=Status.CHANGED)
    return diff_plans(base, build(PLAN), build(new))


def raise_a(plan: dict) -> None:
    plan["groups"][0]["projects"][0]["amounts"]["nsdp"] = 160
    plan["groups"][0]["projects"][0]["by_year"]["2013"] = 160


def titles(plan: PlanDiff) -> list[str]:
    return [table.title for table in rows.plan_tables(plan, 80)]


def test_a_per_type_roll_up_where_no_project_has_a_type_is_left_out():
    found = titles(diff(raise_a))
    assert any(t.startswith("Roll-up per group") for t in found)
    assert not any(t.startswith("Roll-up per type") for t in found)


def test_a_per_year_roll_up_says_how_many_projects_it_is_built_from():
    [table] = [t for t in rows.plan_tables(diff(raise_a), 80) if t.title.startswith("Roll-up per year")]
    assert table.note.startswith("from the project that gives yearly amounts (of 3)")
    assert "not spread over years" in table.note


def test_a_moved_project_reconciles_the_group_roll_up():
    def move_b(plan: dict) -> None:
        b = plan["groups"][0]["projects"].pop(1)
        plan["groups"][1]["projects"].append(b)
    plan = diff(move_b)
    [projects] = [t for t in rows.plan_tables(plan, 80) if t.title.startswith("Projects")]
    assert [r[1:5] for r in projects.rows] == [
        ("moved out of Nhiệm vụ 1: Nhân lực (g1)", "75", "—", "-75"),
        ("moved into Nhiệm vụ 2: Hạ tầng (g2)", "—", "75", "+75")]
    [groups] = [t for t in rows.plan_tables(plan, 80) if t.title.startswith("Roll-up per group")]
    assert [r[:4] for r in groups.rows] == [("Nhiệm vụ 1: Nhân lực (g1)", "175", "100", "-75"),
                                            ("Nhiệm vụ 2: Hạ tầng (g2)", "300", "375", "+75"),
                                            ("plan total", "475", "475", "")]


def test_funding_sources_by_name_and_vietnamese_numbers():
    lang.set_language("vi")
    try:
        plan = diff(lambda p: p["groups"][1]["projects"][0]["amounts"].update(nstw=3_500))
        [projects] = [t for t in rows.plan_tables(plan, 80) if t.title.startswith("Dự án")]
        assert projects.rows[0][1:] == ("Ngân sách trung ương (nstw)", "300", "3.500", "+3.200", "+1.066,7%")
        assert rows.total_line(plan) == "Tổng kinh phí: 475 → 3.675 triệu đồng (+3.200, +673,7%)"
    finally:
        lang.set_language("en")
