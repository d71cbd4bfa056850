"""Golden output: the pull-request comment (`planctl diff --format markdown main...BRANCH`) for
one realistic revision of a real plan, compared byte for byte.

The plan is a frozen copy of a real encoded plan (golden/*.yaml, copied from plans/ at the
commit named in GOLDEN_PLANS), so that later work on plans/ does not move the expected output.
Commits get fixed authors and dates, so their ids in the output are stable too.

To accept a deliberate change of the output: PLANCTL_UPDATE_GOLDEN=1 pytest tests/history/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planctl import __version__

from tests.history.gitrepo import GitRepo, find_project, find_target

GOLDEN = Path(__file__).resolve().parent / "golden"
PLAN = "plans/quang-tri/ict-1755.yaml"
VERSION = "planctl VERSION"


def revise_quang_tri(data: dict) -> None:
    """A reviewer's typical pull request: targets adjusted, a target dropped and one added, a
    funded project added, a task listed under the wrong group moved, a lead agency named."""
    find_target(data, "qt-t-primary-pupils-informatics-2015")["value"] = 60
    find_target(data, "qt-t-pupils-informatics-2020").update(comparator=">=", value=90)
    data["targets"] = [t for t in data["targets"] if t["id"] != "qt-t-vocational-students-ict"]
    data["targets"].append({"id": "qt-t-households-internet-2015", "indicator": "Hộ gia đình có kết nối Internet",
                            "year": 2015, "comparator": ">=", "value": 40, "unit": "%", "group": "qt-universal-access"})
    groups = {g["id"]: g for g in data["groups"]}
    groups["qt-infrastructure"]["projects"].append({
        "id": "qt-infra-data-centre", "name": "Xây dựng Trung tâm dữ liệu tỉnh Quảng Trị",
        "lead": "Sở Thông tin và Truyền thông", "start": 2013, "end": 2015,
        "amounts": {"nstw": 12_000, "nsdp": 8_500}, "by_year": {"2013": 4_500, "2014": 10_000, "2015": 6_000}})
    moved = find_project(data, "qt-ind-implement-kh-1021")
    groups["qt-industry"]["projects"].remove(moved)
    groups["qt-application"]["projects"].append(moved)
    find_project(data, "qt-hr-attract-talent")["lead"] = "Sở Nội vụ"


GOLDEN_PLANS = {
    # golden file stem: (frozen plan, copied from plans/ at commit, the revision)
    "quang-tri-ict-1755": ("74bb28ae8d7b5244f207b8fb67fe90e6a76a31a8", revise_quang_tri),
}


@pytest.mark.parametrize("stem", sorted(GOLDEN_PLANS))
def test_pull_request_comment_matches_the_golden_file(tmp_path, stem):
    _, revise = GOLDEN_PLANS[stem]
    repo = GitRepo(tmp_path / "repo")
    repo.copy(GOLDEN / f"{stem}.yaml", PLAN)
    repo.commit("Kế hoạch như ban hành")
    repo.git("checkout", "-q", "-b", "dieu-chinh")
    repo.edit(PLAN, revise)
    repo.commit("Điều chỉnh chỉ tiêu, bổ sung dự án Trung tâm dữ liệu")
    run = repo.planctl("diff", "--format", "markdown", "main...dieu-chinh")
    assert run.code == 0, run.stderr
    output = run.stdout.replace(f"planctl {__version__}", VERSION)
    expected = GOLDEN / f"{stem}.md"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN"):
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")
