"""`planctl lint plans/` on the real documents: every mistake they print is found at its line, and
nothing else is reported (a consistent figure is never flagged).

Each expected finding is pinned by its rule and JSON pointer, and names where the mistake is in
the source document (seed file, line L..). Its line in the plan is computed from the pointer
(tests.conftest.located), so reformatting a plan changes nothing here; a finding that moves to
another node does.
"""

import json
import operator
import re
import shutil

import pytest

from planctl.document import load_data
from tests.ci.conftest import lint
from tests.conftest import ROOT, located
from tests.lint.test_whole_document_outline import OUTLINE_FINDINGS

EXPECTED = {
    "plans/quang-tri/ict-1755.yaml": [
        # seed 003: the online-services table prints 2.232 as its total; its rows add up to 2.322
        ("consistency.table-column", "/baseline/tables/0/stated/services"),
        # mobile broadband 2015 "trên 80%" (objectives) and "đạt 80%" (tasks): below the national
        # 85%, a value of low confidence, so informational only. The two statements differ only in
        # wording, which is no conflict (issue 12: a reviewer dismissed that finding)
        ("alignment.weaker-target-unverified", "/targets/12/value"),
        ("alignment.weaker-target-unverified", "/targets/20/value"),
        # mobile broadband 2020: 100% in the objectives, 95% in the tasks
        ("identity.conflicting-targets", "/targets/22/value"),
        # L5: the provincial civil servants by IT level, 02 + 27 + 1.386 = 1.415; L37: "Tổng số cán bộ công chức: 1.262"
        ("consistency.indicator-parts", "/baseline/indicators/60/value"),
    ],
    "plans/soc-trang/kh-22-2012.yaml": [
        # row 24 (L358) is KH 21/KH-UBND (V.5, L175): 94.600 (NSĐP 49.400, NSTW 45.200) where KH 21
        # budgets 109.045.000.000 đồng (NSĐP 49.425, NSTW 59.620; KH 21 VIII, L637-643)
        ("links.plan-amount-differs", "/groups/4/projects/0/total"),
        ("links.plan-amount-differs", "/groups/4/projects/0/amounts"),  # NSTW
        ("links.plan-amount-differs", "/groups/4/projects/0/amounts"),  # NSĐP
        # row 15 (L345) is KH 21's data centre (Phụ lục 5 STT 6, V.1.3): 9.500 both, but NSTW 9.500 here, TƯ 4.000 +
        # ĐP 5.500 (vốn sự nghiệp) there; and row 24 stands for all of KH 21, data centre included
        ("links.project-amount-differs", "/groups/2/projects/1/amounts"),
        ("links.counted-twice", "/groups/2/projects/1/same_as"),
        # seed 001: "trên 60%" of enterprises using ICT by 2015, the national target is 80%
        ("alignment.weaker-target", "/targets/18/value"),
        # targets the national programme states only qualitatively, or the other way round
        ("alignment.target-incomparable", "/targets/23/value"),
        ("alignment.target-incomparable", "/targets/25/value"),
        # the appendix numbers 17 then 19, and 31 then 33
        ("identity.numbering-gap", "/groups/2/projects/4/seq"),
        ("identity.numbering-gap", "/groups/5/projects/2/seq"),
        # five rows with an amount and an empty Thời gian cell
        ("periods.missing-schedule", "/groups/2/projects/4"),
        ("periods.missing-schedule", "/groups/3/projects/0"),
        ("periods.missing-schedule", "/groups/3/projects/1"),
        ("periods.missing-schedule", "/groups/3/projects/2"),
        ("periods.missing-schedule", "/groups/3/projects/3"),
        # L339, L366: rows 11 and 30 run "2011" in a plan dated 10/5/2012 (L316)
        ("periods.ends-before-document", "/groups/1/projects/2/end"),
        ("periods.ends-before-document", "/groups/5/projects/0/end"),
    ],
    "plans/soc-trang/kh-21-2010.yaml": [
        # seed 002 Phụ lục 3 (L2344-2358): the TỔNG row prints 2025 staff, 1250 computers, 813 with Internet,
        # 586 on a LAN; its 22 rows add up to 2163, 1345, 868 and 634
        ("consistency.table-column", "/baseline/tables/2/stated/staff"),
        ("consistency.table-column", "/baseline/tables/2/stated/computers"),
        ("consistency.table-column", "/baseline/tables/2/stated/internet"),
        ("consistency.table-column", "/baseline/tables/2/stated/lan"),
        # Phụ lục 1: cells printed empty in rows where the other units of the section give a figure: row 7 (e-mail,
        # L852), 14 (staff, L978), 15, 18, 19, 26, 28 ("Biết sử dụng"), 23 Vĩnh Châu (all but the staff, L1162-1174),
        # 31 (e-mail, L1336)
        ("relations.empty-cell", "/baseline/tables/0/sections/0/rows/6/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/0/rows/13/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/0/rows/14/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/0/rows/17/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/1/rows/0/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/1/rows/4/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/2/rows/0/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/2/rows/2/values"),
        ("relations.empty-cell", "/baseline/tables/0/sections/2/rows/5/values"),
        # L187: 90% of officials use e-mail regularly by 2015; QĐ 1605 states that target only in words
        ("alignment.target-incomparable", "/targets/10/value"),
        # Not reported: L627, roadmap 2014, "Tất cả các văn bản chỉ đạo, điều hành ở cấp tỉnh" on the
        # portal, then in the same bullet "ở các cơ quan cấp tỉnh trên 90%": two scopes of one year, not
        # a decrease (issue 12: a reviewer dismissed that finding)
        # Phụ lục 5 row 5 (L2588): the portal project runs "2010-2011" in a 2011-2015 plan
        ("periods.before-period", "/groups/2/projects/0/start"),
        # V.2.2 (L345-347) schedules the e-mail system 2011-2012 then 2013-2015; Phụ lục 5 row 2 prints
        # 2011-2012 (L2526)
        ("tasks.schedule-vs-row", "/tasks/4/schedule/steps/1"),
        # Phụ lục 5 row 13 "Số hóa nguồn thông tin …" (4.000, L2744) is the only row section V gives no task of its
        # own (V.2.1 names "số hóa các văn bản giấy" as one of its contents, L309, its 8,580 tỷ without it)
        ("tasks.unlisted-row", "/groups/1/projects/3/name"),
    ],
    # seed 004: every printed total adds up (the funding table, L167-171; the 62 online services, L71), its
    # targets equal the national ones they localise, and its four contents cover QĐ 1605's task groups
    "plans/ben-tre/ict-1605.yaml": [
        # L94-107: row 3 "Số cán bộ được cử đào tạo về CNTT" prints no figure; its sub-row "- Trong nước" does
        ("relations.empty-parent", "/baseline/tables/1/sections/0/rows/2/values"),
    ],
    "plans/tra-vinh/qd-952-2011.yaml": [
        # seed 000 L4: "Quyết định số 1755/QĐ-TTg ngày 29 tháng 10 năm 2009" (it is dated 22/9/2010)
        ("citations.date-mismatch", "/citations/1/date"),
        # L32: "49 cơ quan (16 cơ quan Đảng, 32 cơ quan nhà nước)"
        ("consistency.table-column", "/baseline/tables/1/stated/agencies"),
        # L109: 25–30% of graduates, no year, linked to the national 2015 target; L141-153: three more
        ("alignment.target-year-differs", "/targets/0/value"),
        ("alignment.target-year-differs", "/targets/31/value"),
        ("alignment.target-year-differs", "/targets/37/value"),
        ("alignment.target-year-differs", "/targets/39/value"),
        # L137 "Đến cuối năm 2015 phấn đấu đạt 25%", L139 "đến năm 2015 đạt 20%": households with a computer and Internet
        ("identity.conflicting-targets", "/targets/25/value"),
        # appendix L633 "2012- 1015", L683 "1013- 2015", L763 "1012- 2015"
        ("periods.start-after-end", "/groups/2/projects/4/start"),
        ("periods.implausible-year", "/groups/2/projects/4/end"),
        ("periods.implausible-year", "/groups/2/projects/9/start"),
        ("periods.implausible-year", "/groups/2/projects/17/start"),
        # L643, L663: rows III.6 and III.8 with an amount and no years
        ("periods.missing-schedule", "/groups/2/projects/5"),
        ("periods.missing-schedule", "/groups/2/projects/7"),
        # L591: row III.1 is named "… Duyên Hải và Càng Long (2010- 2011)", its Năm thực hiện cell says 2011 (L593)
        ("periods.year-in-text-vs-cells", "/groups/2/projects/0/name"),
        # L906: NSĐP grand total 106.000; the groups add up to 105.000 (as the text says, L263)
        ("consistency.list-source", "/project_list/stated/by_source/nsdp"),
        # L341: NSĐP vốn đầu tư total 54.000; its years add up to 55.000, the text says 55.000 (L265)
        ("consistency.phasing-row", "/phasing/rows/4/total"),
        ("consistency.phasing-vs-budget", "/phasing/rows/4/total"),
        # L357, L360: Vốn khác 2012 36.450 and 2015 52.300; the sub-rows add up to 36.500 and 52.250
        ("consistency.phasing-children", "/phasing/rows/6/years/2012"),
        ("consistency.phasing-children", "/phasing/rows/6/years/2015"),
        # IV.5.15 (L233) prints IV.3.4 (L195) again, adding "cao đẳng"; both are the appendix's row IV.2
        ("tasks.duplicate", "/tasks/30/name"),
        # twelve appendix rows that section IV (L167-250) describes nowhere (information for the reviewer)
        ("tasks.unlisted-row", "/groups/0/projects/0/name"),  # I.1 CIO training
        ("tasks.unlisted-row", "/groups/1/projects/2/name"),  # II.3 application software research
        ("tasks.unlisted-row", "/groups/2/projects/3/name"),  # III.4 e-government data centre, 30.000
        ("tasks.unlisted-row", "/groups/2/projects/7/name"),  # III.8 environment data
        ("tasks.unlisted-row", "/groups/2/projects/17/name"),  # III.18 one-stop shop at the departments
        ("tasks.unlisted-row", "/groups/2/projects/18/name"),  # III.19 legal documents and gazette
        ("tasks.unlisted-row", "/groups/2/projects/19/name"),  # III.20 judicial records
        ("tasks.unlisted-row", "/groups/2/projects/20/name"),  # III.21 socio-economic information system, 18.000
        ("tasks.unlisted-row", "/groups/2/projects/21/name"),  # III.22 education information system
        ("tasks.unlisted-row", "/groups/2/projects/22/name"),  # III.23 agriculture content
        ("tasks.unlisted-row", "/groups/3/projects/2/name"),  # IV.3 VOIP
        ("tasks.unlisted-row", "/groups/3/projects/3/name"),  # IV.4 community Internet
    ],
}
for _plan, _found in OUTLINE_FINDINGS.items():  # the outline's numbering and coverage
    EXPECTED[_plan] = EXPECTED[_plan] + _found


@pytest.fixture(scope="module")
def findings():
    """All findings of `planctl lint plans/`, run from the repository like a planner would."""
    run = lint(ROOT, "--format", "json", "--fail-on", "info", "plans/")
    assert run.exit_code == 1, run.stderr
    return json.loads(run.stdout)["findings"]


@pytest.mark.parametrize("plan", sorted(EXPECTED))
def test_the_documents_mistakes_are_found_at_their_lines_and_nothing_else(findings, plan):
    found = sorted((f["rule"], f["pointer"], f["line"]) for f in findings if f["file"] == plan)
    assert found == located(plan, EXPECTED[plan])


def test_only_the_listed_plans_have_findings(findings):
    assert {f["file"] for f in findings} <= set(EXPECTED)


def test_no_schema_or_syntax_finding(findings):
    assert not [f for f in findings if f["rule"] in ("schema", "syntax")]


def test_a_table_columns_total_names_the_column_as_printed(findings):
    # The planner looks for the heading in the document, not the YAML id ('staff').
    [finding] = [f for f in findings if f["file"] == "plans/soc-trang/kh-21-2010.yaml"
                 and f["pointer"] == "/baseline/tables/2/stated/staff"]
    assert finding["message"].startswith("table 'pl3-computers-districts', total of column "
                                         "'Tổng số cán bộ, công chức đang làm việc': printed 2,025")


STRICT_POLICY = """\
planctl: 1
kind: policy
id: strict
title: A province's own review thresholds, stricter than the shipped examples
caps:
  - {id: usf-share-of-plan, source_kind: universal-service-fund, per: plan, max_share: 30, status: example}
  - {id: central-budget-per-group, source_kind: central-budget, per: group, max_amount: 50000, status: example}
"""


def test_a_provinces_own_policy_caps_the_real_plans(tmp_path):
    """The shipped example caps pass every real plan; a stricter policy file, named in [tool.planctl],
    finds Trà Vinh's Quỹ VTCI share (174.750 of 439.050 = 39.8%) and its application group's NSTW
    (150.300) over the caps, each at the node that holds the money."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "strict.yaml").write_text(STRICT_POLICY, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.planctl]\npolicies = ["policy/*.yaml"]\n', encoding="utf-8")
    run = lint(tmp_path, "--format", "json", "--fail-on", "info", "plans/tra-vinh")
    caps = sorted((f["file"], f["rule"], f["pointer"], f["message"]) for f in json.loads(run.stdout)["findings"]
                  if f["rule"].startswith("caps."))
    assert caps == [
        ("plans/tra-vinh/qd-952-2011.yaml", "caps.policy-amount", "/groups/2",
         ("group 'tv-application': central-budget: 150,300 million VND, over the example cap "
          "central-budget-per-group of 50,000 million VND")),
        ("plans/tra-vinh/qd-952-2011.yaml", "caps.policy-share", "/groups",
         "the plan: universal-service-fund is 39.8% of the total, over the example cap usf-share-of-plan of 30%"),
    ]


TOP_LEVEL_KEY = re.compile(r"[A-Za-z_][\w-]*:")
LINE_IN_TEXT = re.compile(r"\bline (\d+)\b")


def reformat(text: str) -> tuple[str, dict[int, int]]:
    """`text` with a comment line on top and a blank line before each top-level section after the
    first, and the line each old line moved to."""
    out, moved = ["# reformatted: nothing in a plan depends on its line numbers"], {}
    sections = 0
    for number, line in enumerate(text.splitlines(), 1):
        if TOP_LEVEL_KEY.match(line):
            sections += 1
            if sections > 1:
                out.append("")
        out.append(line)
        moved[number] = len(out)
    return "\n".join(out) + "\n", moved


def test_reformatting_the_plans_moves_every_finding_with_its_line(findings, tmp_path):
    """A comment on top of every file of plans/ and blank lines between its top-level sections:
    the same findings at the same pointers, each line (and each line a message names) shifted as
    the text was, nothing else different."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "rules" / "policy", tmp_path / "rules" / "policy")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    moved = {}
    for path in sorted((tmp_path / "plans").rglob("*.yaml")):
        before = load_data(path)
        text, moved[path.relative_to(tmp_path).as_posix()] = reformat(path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        assert load_data(path) == before
    assert {f["file"] for f in findings} <= set(moved)
    assert all(lines[len(lines)] - len(lines) > 2 for lines in moved.values())  # blank lines went in

    run = lint(tmp_path, "--format", "json", "--fail-on", "info", "plans/")
    assert run.exit_code == 1, run.stderr

    def shifted(f: dict) -> dict:
        lines = moved[f["file"]]
        shift = {key: LINE_IN_TEXT.sub(lambda m: f"line {lines[int(m[1])]}", f[key]) for key in ("message", "hint")}
        return {**f, **shift, "line": lines[f["line"]]}

    reformatted = json.loads(run.stdout)["findings"]
    key = operator.itemgetter("file", "rule", "pointer", "line", "column", "message")
    assert sorted(reformatted, key=key) == sorted(map(shifted, findings), key=key)
    for plan, expected in EXPECTED.items():  # and the pins above hold on the reformatted copy as they are
        assert sorted((f["rule"], f["pointer"], f["line"]) for f in reformatted if f["file"] == plan) == \
            located(tmp_path / plan, expected)
