"""Units, funding-source hierarchy, years and printed totals, on planctl's own small plan
(fixtures/units-plan.yaml): a project list in billion VND beside a plan in million VND, a
budget in VND, types inherited from parent sources, a project with a printed total only, and a
phasing table with a sub-row — cases the real plans may not all show."""

from __future__ import annotations

import pytest

from tests.history.gitrepo import FIXTURES, GitRepo, find_project, money, plan_project, rollup

PLAN = "plans/test/units-plan.yaml"


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(FIXTURES / "units-plan.yaml", PLAN)
    repo.commit("Units plan")
    return repo


def diff_plan(repo) -> dict:
    run = repo.planctl("diff", "--format", "json")
    assert run.code == 0, run.stderr
    return run.json["plans"][0]


def test_amounts_are_shown_in_the_plan_s_unit(repo):
    # +1 billion VND on a child source of nstw, written in the list's unit (billion VND).
    repo.edit(PLAN, lambda d: find_project(d, "mang-dien-rong")["amounts"].__setitem__("nstw-ht", 3))
    plan = diff_plan(repo)
    assert plan["unit"] == "million VND"
    entry = plan_project(plan, "mang-dien-rong")
    assert entry["sources"] == [{"source": "nstw-ht", **money(2_000, 3_000)}]
    assert entry["total"] == money(3_000, 4_000)
    assert plan["total"] == money(7_000, 8_000)
    sources = rollup(plan, "source")
    assert (sources["nstw"]["new"], sources["nstw"]["delta"]) == (3_000, 1_000)  # the parent includes its child
    assert (sources["nstw-ht"]["parent"], sources["nstw-ht"]["delta"]) == ("nstw", 1_000)
    assert sources["(total only)"] == {**sources["(total only)"], **money(4_000, 4_000)}
    # nstw-ht has no type of its own: it inherits investment from nstw.
    types = rollup(plan, "type")
    assert types["investment"] == {**types["investment"], **money(2_000, 3_000)}
    assert types["recurrent"] == {**types["recurrent"], **money(5_000, 5_000)}  # nsdp-sn + mot-cua's own type
    text = repo.planctl("diff").stdout
    assert "Total: 7,000 → 8,000 million VND (+1,000, +14.3%)" in text


def test_printed_totals_in_other_units_and_the_ones_left_unchanged(repo):
    def change(d):
        find_project(d, "mang-dien-rong")["amounts"]["nsdp-sn"] = 2  # +1 billion VND
        d["budget"]["total"] = 8_000_000_000  # the budget, in VND, follows
    repo.edit(PLAN, change)
    plan = diff_plan(repo)
    assert plan["stated"] == [{"key": "budget/total", "label": "budget in the text", **money(7_000, 8_000)}]
    stale = {s["key"]: s for s in plan["stale"]}
    # The group's subtotal and the list's grand total (in billion VND) were not updated.
    assert stale["groups/ha-tang/total"]["stated"] == 3_000
    assert stale["groups/ha-tang/total"]["computed"] == money(3_000, 4_000)
    assert stale["project_list/total"]["computed"] == money(7_000, 8_000)
    assert stale["project_list/by_source/nsdp"]["computed"] == money(1_000, 2_000)
    assert stale["budget/by_type/recurrent"]["stated"] == 5_000
    assert "budget/total" not in stale
    text = repo.planctl("diff").stdout
    assert "printed totals did not change although the projects they summarise did" in text
    assert "Printed totals left unchanged" in text


def test_a_table_in_another_unit_with_the_same_value_is_no_change_in_money(repo):
    def to_million(d):
        d["project_list"]["unit"] = "million VND"
        d["project_list"]["stated"] = {"total": 7_000, "by_source": {"nstw": 2_000, "nsdp": 1_000}}
        d["groups"][0]["stated"]["total"] = 3_000
        find_project(d, "mang-dien-rong")["amounts"] = {"nstw-ht": 2_000, "nsdp-sn": 1_000}
        find_project(d, "mang-dien-rong")["by_year"] = {"2012": 1_000, "2013": 2_000}
        find_project(d, "mot-cua")["total"] = 4_000
    repo.edit(PLAN, to_million)
    plan = diff_plan(repo)
    assert (plan["projects"], plan["stated"], plan["total"]["delta"]) == ([], [], 0)
    assert plan["also"] == ["project_list"]  # the unit line itself changed


def test_the_plan_s_own_unit_changes_how_amounts_are_printed_not_their_value(repo):
    repo.edit(PLAN, lambda d: d.__setitem__("unit", "billion VND"))
    plan = diff_plan(repo)
    assert plan["unit"] == "billion VND"
    assert plan["fields"] == [{"field": "unit", "old": "million VND", "new": "billion VND"}]
    assert plan["total"] == money(7, 7)


def test_years_come_from_by_year_only_and_from_the_phasing_table(repo):
    def change(d):
        project = find_project(d, "mang-dien-rong")
        project["amounts"]["nsdp-sn"] = 2
        project["by_year"] = {"2012": 1, "2013": 2, "2014": 1}
        find_project(d, "mot-cua")["total"] = 6  # no by_year: no year gets it
        d["phasing"]["rows"][2]["years"]["2013"] = 1_800
    repo.edit(PLAN, change)
    plan = diff_plan(repo)
    years = rollup(plan, "year")
    assert sorted(years) == ["2012", "2013", "2014"]
    assert years["2014"] == {**years["2014"], **money(None, 1_000)}
    assert (years["2012"]["changed"], years["2013"]["changed"]) == (False, False)
    note = next(r["note"] for r in plan["rollups"] if r["dimension"] == "year")
    assert note.startswith("from the by_year of 1 of 2 projects")
    phasing = rollup(plan, "phasing")  # top-level rows only: nsdp-sn is part of nsdp
    assert phasing["2012"] == {**phasing["2012"], **money(1_500, 1_500)}
    assert phasing["2013"] == {**phasing["2013"], **money(1_500, 1_800)}
    assert {s["key"]: s["delta"] for s in plan["stated"]} == {"phasing/nstw/2013": 300}
    entry = plan_project(plan, "mang-dien-rong")
    assert entry["years"] == [{"year": "2014", **money(None, 1_000)}]
    assert plan["total"]["delta"] == 3_000


def test_changed_funding_sources_and_groups(repo):
    def change(d):
        d["funding_sources"][1]["type"] = "recurrent"  # nstw-ht no longer inherits investment
        d["funding_sources"].append({"id": "oda", "name": "Vốn ODA", "kind": "oda"})
        d["groups"][1]["name"] = "Ứng dụng CNTT"
        d["groups"].append({"id": "nhan-luc", "name": "Nhân lực"})
    repo.edit(PLAN, change)
    plan = diff_plan(repo)
    sources = {s["id"]: s for s in plan["sources"]}
    assert sources["nstw-ht"]["fields"] == [{"field": "type", "old": None, "new": "recurrent"}]
    assert sources["oda"]["status"] == "added"
    groups = {g["id"]: g for g in plan["groups"]}
    assert groups["ung-dung"]["fields"] == [{"field": "name", "old": "Ứng dụng", "new": "Ứng dụng CNTT"}]
    assert groups["nhan-luc"]["status"] == "added"
    types = rollup(plan, "type")
    assert (types["investment"]["delta"], types["recurrent"]["delta"]) == (-2_000, 2_000)
    assert plan["total"]["delta"] == 0
