"""Golden output: the pull-request comment (`planctl diff --format markdown main...BRANCH`) for
realistic revisions of real plans, compared byte for byte; and for one revision (amounts
changed, a project moved between groups, a target added, the file renamed) the comment and the
terminal output in both languages (golden/revision.{en,vi}.{md,txt}).

The plan is a frozen copy of a real encoded plan (golden/*.yaml, copied from plans/ at the
commit named in GOLDEN_PLANS), so that later work on plans/ does not move the expected output.
Commits get fixed authors and dates, so their ids in the output are stable too.

To accept a deliberate change of the output, regenerate the files and review their git diff:

    PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/history/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planctl import __version__
from tests.history.gitrepo import GitRepo, find_project, find_target

GOLDEN = Path(__file__).resolve().parent / "golden"
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


def revise_soc_trang(data: dict) -> None:
    """A budget revision: one project raised with its row and its group's subtotal (but not the
    grand total nor the budget text), one project's money moved between sources, a survey moved
    to the industry group, a project dropped and one added, a target raised, a lead renamed."""
    broadband = find_project(data, "st-inf-broadband")
    broadband["amounts"]["nsdp"] = 6_500
    broadband["total"] = 21_500
    broadband["lead"] = "Sở TTTT và các DN viễn thông"
    groups = {g["id"]: g for g in data["groups"]}
    groups["st-infrastructure"]["stated"]["total"] = 38_900
    groups["st-infrastructure"]["stated"]["by_source"]["nsdp"] = 10_400
    find_project(data, "st-inf-data-centre-security")["amounts"] = {"nsdp": 1_500, "nstw": 8_000}
    survey = find_project(data, "st-hr-workforce-survey")
    groups["st-hr"]["projects"].remove(survey)
    groups["st-industry"]["projects"].append(survey)
    groups["st-industry"]["projects"] = [p for p in groups["st-industry"]["projects"]
                                         if p["id"] != "st-ind-market-survey"]
    groups["st-application"]["projects"].append({
        "id": "st-app-online-public-services", "seq": 36, "name": "Cổng dịch vụ công trực tuyến mức độ 3",
        "lead": "Sở TTTT", "start": 2013, "end": 2015, "years_as_printed": "2013-2015", "total": 5_000,
        "amounts": {"nsdp": 2_000, "nstw": 3_000}})
    find_target(data, "st-t-teachers-using-ict")["value"] = 70


GOLDEN_PLANS = {
    # golden file stem: (commit of plans/ the frozen copy was taken at, path in the repository,
    #                    the revision, its commit message)
    "quang-tri-ict-1755": ("74bb28ae8d7b5244f207b8fb67fe90e6a76a31a8", "plans/quang-tri/ict-1755.yaml",
                           revise_quang_tri, "Điều chỉnh chỉ tiêu, bổ sung dự án Trung tâm dữ liệu"),
    "soc-trang-kh-22-2012": ("d4de4fc73b23a522b5444009f9e012ec2b1e7631", "plans/soc-trang/kh-22-2012.yaml",
                             revise_soc_trang, "Điều chỉnh danh mục dự án và kinh phí"),
}


@pytest.mark.parametrize("stem", sorted(GOLDEN_PLANS))
def test_pull_request_comment_matches_the_golden_file(tmp_path, stem):
    _, path, revise, message = GOLDEN_PLANS[stem]
    repo = GitRepo(tmp_path / "repo")
    repo.copy(GOLDEN / f"{stem}.yaml", path)
    repo.commit("Kế hoạch như ban hành")
    repo.git("checkout", "-q", "-b", "dieu-chinh")
    repo.edit(path, revise)
    repo.commit(message)
    run = repo.planctl("diff", "--format", "markdown", "main...dieu-chinh")
    assert run.code == 0, run.stderr
    output = run.stdout.replace(f"planctl {__version__}", VERSION)
    expected = GOLDEN / f"{stem}.md"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN"):
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")


SOC_TRANG = "plans/soc-trang/kh-22-2012.yaml"
RENAMED = "plans/soc-trang/kh-22-2012-dieu-chinh.yaml"


def revise_and_add_target(data: dict) -> None:
    """The Sóc Trăng budget revision, plus a target added."""
    revise_soc_trang(data)
    data["targets"].append({"id": "st-t-online-services-l3-2015", "indicator": "Dịch vụ công trực tuyến mức độ 3",
                            "year": 2015, "comparator": ">=", "value": 30, "unit": "%"})


def revision_repo(root: Path) -> GitRepo:
    """A repository whose branch dieu-chinh revises the Sóc Trăng plan and renames its file."""
    repo = GitRepo(root)
    repo.copy(GOLDEN / "soc-trang-kh-22-2012.yaml", SOC_TRANG)
    repo.edit(SOC_TRANG, lambda data: None)  # written as the edit writes it: git sees the rename
    repo.commit("Kế hoạch như ban hành")
    repo.git("checkout", "-q", "-b", "dieu-chinh")
    repo.git("mv", SOC_TRANG, RENAMED)
    repo.edit(RENAMED, revise_and_add_target)
    repo.commit("Điều chỉnh danh mục dự án, kinh phí và chỉ tiêu")
    return repo


@pytest.fixture(scope="module")
def revision(tmp_path_factory) -> GitRepo:
    return revision_repo(tmp_path_factory.mktemp("revision") / "repo")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("format", ["markdown", "text"])
def test_revision_in_both_languages_matches_the_golden_files(revision, lang, format):
    run = revision.planctl("--lang", lang, "diff", "--format", format, "main...dieu-chinh")
    assert run.code == 0, run.stderr
    output = run.stdout.replace(f"planctl {__version__}", VERSION)
    expected = GOLDEN / f"revision.{lang}.{'md' if format == 'markdown' else 'txt'}"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN"):
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")
