"""Properties of the semantic diff over generated plans (hypothesis): a plan compared with itself
or with a reordering of itself has no change; the roll-ups always add up to the change of the
plan total; comparing the other way round negates every figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.history.compare import PlanDiff, diff_plans
from planctl.history.diff import Status
from planctl.history.snapshot import build

SOURCES = [
    {"id": "nstw", "name": "NSTW", "kind": "central-budget"},
    {"id": "nsdp", "name": "NSĐP", "kind": "local-budget"},
    {"id": "nsdp-dt", "name": "NSĐP đầu tư", "kind": "local-budget", "parent": "nsdp", "type": "investment"},
    {"id": "nsdp-sn", "name": "NSĐP sự nghiệp", "kind": "local-budget", "parent": "nsdp", "type": "recurrent"},
    {"id": "vtci", "name": "Quỹ VTCI", "kind": "universal-service-fund", "parent": "khac"},
    {"id": "khac", "name": "Vốn khác", "kind": "other"},
]
IDS = [f"p{i}" for i in range(12)]
money = st.integers(min_value=0, max_value=10**7)


@st.composite
def projects(draw, ids):
    found = []
    for pid in ids:
        project = {"id": pid, "name": draw(st.sampled_from(["Đào tạo", "Hạ tầng", "Một cửa"])) + f" {pid}"}
        amounts = draw(st.dictionaries(st.sampled_from([s["id"] for s in SOURCES]), money, max_size=3))
        if amounts:
            project["amounts"] = amounts
        if draw(st.booleans()):
            project["total"] = draw(money)
        if draw(st.booleans()):
            project["by_year"] = draw(st.dictionaries(st.sampled_from(["2011", "2012", "2013"]), money, max_size=2))
        if draw(st.booleans()):
            project["type"] = draw(st.sampled_from(["investment", "recurrent"]))
        found.append(project)
    return found


@st.composite
def plans(draw):
    ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=8))
    items = draw(projects(ids))
    groups = [{"id": f"g{i}", "name": f"Nhóm {i}", "projects": []} for i in range(draw(st.integers(1, 3)))]
    for project in items:
        draw(st.sampled_from(groups))["projects"].append(project)
    targets = [{"id": f"t{i}", "indicator": f"Chỉ tiêu {i}", "comparator": ">=", "value": draw(st.integers(0, 100)),
                "unit": "%", "year": 2015} for i in range(draw(st.integers(0, 3)))]
    return {"planctl": 1, "kind": "plan", "id": "x", "unit": "million VND", "funding_sources": SOURCES,
            "groups": groups, "targets": targets,
            "budget": {"total": draw(money)}, "project_list": {"stated": {"total": draw(money)}}}


def diff(old: dict, new: dict) -> PlanDiff:
    base = dict(path="plan.yaml", old_path="plan.yaml", new_path="plan.yaml", status=Status.CHANGED)
    return diff_plans(base, build(old), build(new))


def reordered(plan: dict, rng) -> dict:
    groups = [dict(g, projects=rng.sample(g["projects"], len(g["projects"]))) for g in plan["groups"]]
    return {**plan, "groups": rng.sample(groups, len(groups)), "targets": rng.sample(plan["targets"], len(plan["targets"])),
            "funding_sources": rng.sample(plan["funding_sources"], len(plan["funding_sources"]))}


@settings(max_examples=150, deadline=None)
@given(plans(), st.randoms(use_true_random=False))
def test_a_plan_and_any_reordering_of_it_have_no_change(plan, rng):
    for other in (plan, reordered(plan, rng)):
        result = diff(plan, other)
        assert not result.changed
        assert (result.projects, result.targets, result.groups, result.sources, result.stated, result.stale) == \
            ((), (), (), (), (), ())
        assert all(not rollup.changed for rollup in result.rollups)


@settings(max_examples=150, deadline=None)
@given(plans(), plans())
def test_roll_ups_add_up_to_the_change_of_the_plan_total(old, new):
    result = diff(old, new)
    delta = result.total.delta
    assert sum(p.total.delta for p in result.projects) == delta
    rollups = {r.dimension: r for r in result.rollups}
    assert sum(row.money.delta for row in rollups["group"].rows) == delta
    assert sum(row.money.delta for row in rollups["type"].rows) == delta
    # Sub-sources are inside their parent's row: only the top-level rows add up.
    assert sum(row.money.delta for row in rollups["source"].rows if row.parent is None) == delta


@settings(max_examples=100, deadline=None)
@given(plans(), plans())
def test_comparing_the_other_way_round_negates_every_figure(old, new):
    forward, backward = diff(old, new), diff(new, old)
    assert backward.total.delta == -forward.total.delta
    swap = {Status.ADDED: Status.REMOVED, Status.REMOVED: Status.ADDED, Status.CHANGED: Status.CHANGED}
    assert {p.id: swap[p.status] for p in forward.projects} == {p.id: p.status for p in backward.projects}
    assert {p.id: -p.total.delta for p in forward.projects} == {p.id: p.total.delta for p in backward.projects}
    assert {s.key: -s.money.delta for s in forward.stated} == {s.key: s.money.delta for s in backward.stated}
