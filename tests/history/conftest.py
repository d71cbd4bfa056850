"""Fixtures for planctl diff and log: real git repositories holding real plans.

`plan_file` is the first real plan of plans/ with amounts per funding source, `target_plan_file`
the first with numeric targets; the tests edit it as data and commit, so they hold for whichever
real plan is there. Where no real plan has what a test needs yet, planctl's own small plan
(fixtures/units-plan.yaml) stands in.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from planctl.document import load_data
from planctl.plan.money import UNIT_VND
from tests.history.gitrepo import FIXTURES, PLANS, GitRepo, projects

# Tried first, in this order: the plans with a project list and a budget.
PREFERRED = ("tra-vinh/qd-952-2011.yaml", "soc-trang/kh-22-2012.yaml", "ben-tre/ict-1605.yaml",
             "soc-trang/kh-21-2010.yaml", "quang-tri/ict-1755.yaml")
PLAN = "plans/province/plan.yaml"
STAND_IN = FIXTURES / "units-plan.yaml"


@cache
def real_plans() -> tuple[Path, ...]:
    """The encoded provincial plans that load, preferred ones first."""
    found = [p for p in sorted(PLANS.glob("*/*.yaml")) if p.parent.name != "national"]
    found.sort(key=lambda p: (PREFERRED.index(p.relative_to(PLANS).as_posix())
                              if p.relative_to(PLANS).as_posix() in PREFERRED else len(PREFERRED), p))
    plans = []
    for path in found:
        try:
            data = load_data(path)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("kind") == "plan":
            plans.append(path)
    return tuple(plans)


def has_amounts(path: Path) -> bool:
    data = load_data(path)
    return len(data.get("groups", [])) > 1 and any(
        isinstance(v, int) for _, p in projects(data) for v in (p.get("amounts") or {}).values())


def has_targets(path: Path) -> bool:
    return any(isinstance(t.get("value"), (int, float)) and t.get("comparator") != "range"
               for t in load_data(path).get("targets", []))


@pytest.fixture(scope="session")
def plan_file() -> Path:
    return next((p for p in real_plans() if has_amounts(p)), STAND_IN)


@pytest.fixture(scope="session")
def target_plan_file() -> Path:
    return next((p for p in real_plans() if has_targets(p)), STAND_IN)


def make_repo(root: Path, plan: Path) -> GitRepo:
    """A repository whose first commit holds `plan` at plans/province/plan.yaml."""
    repo = GitRepo(root)
    repo.copy(plan, PLAN)
    repo.commit("Add the plan as printed")
    return repo


@pytest.fixture
def repo(tmp_path, plan_file) -> GitRepo:
    return make_repo(tmp_path / "repo", plan_file)


@pytest.fixture
def target_repo(tmp_path, target_plan_file) -> GitRepo:
    return make_repo(tmp_path / "repo", target_plan_file)


def scale(data: dict) -> float:
    """How many units of the plan's unit one unit of the project list is."""
    plan_unit = data.get("unit", "million VND")
    list_unit = data.get("project_list", {}).get("unit", plan_unit)
    return UNIT_VND[list_unit] / UNIT_VND[plan_unit]


def ancestors(data: dict, source_id: str) -> set[str]:
    parents = {s["id"]: s.get("parent") for s in data.get("funding_sources", [])}
    found, current = set(), parents.get(source_id)
    while current and current not in found:
        found.add(current)
        current = parents.get(current)
    return found


def amount_cell(data: dict) -> tuple[dict, dict, str]:
    """(group, project, source id) of the first whole-number amount that is not part of another
    cell of the same project, so that changing it changes the project's total by as much."""
    for group, project in projects(data):
        amounts = project.get("amounts") or {}
        for sid, value in amounts.items():
            if isinstance(value, int) and not ancestors(data, sid) & set(amounts):
                return group, project, sid
    raise AssertionError("the plan has no project with an amount")
