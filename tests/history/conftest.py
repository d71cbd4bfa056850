"""Fixtures for planctl diff and log: real git repositories holding real plans.

`plan_file` is one of the real plans of plans/ (the first one encoded); the tests edit it as
data and commit, so they hold for whichever real plan is there. Until a real plan is encoded,
planctl's own small plan (fixtures/units-plan.yaml) stands in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.lint.facts import UNIT_VND

from tests.history.gitrepo import FIXTURES, PLANS, GitRepo, projects

# The real plans with a project list, in the order tried; Quảng Trị's plan has no budget table.
REAL_PLANS = ("tra-vinh/qd-952-2011.yaml", "soc-trang/kh-22-2012.yaml", "ben-tre/ict-1605.yaml",
              "soc-trang/kh-21-2010.yaml")
PLAN = "plans/province/plan.yaml"


def real_plans() -> list[Path]:
    return [PLANS / rel for rel in REAL_PLANS if (PLANS / rel).is_file()]


@pytest.fixture(scope="session")
def plan_file() -> Path:
    found = real_plans()
    return found[0] if found else FIXTURES / "units-plan.yaml"


@pytest.fixture
def repo(tmp_path, plan_file) -> GitRepo:
    """A repository whose first commit holds the real plan at plans/province/plan.yaml."""
    repo = GitRepo(tmp_path / "repo")
    repo.copy(plan_file, PLAN)
    repo.commit("Add the plan as printed")
    return repo


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
