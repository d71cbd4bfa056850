"""The document's outline and its coverage (issue 12, parts 1 and 4a) on the five real plans.

OUTLINE_FINDINGS are the numbering mistakes the documents print and what their source texts lack,
each pinned by rule and JSON pointer with the seed line it is about; tests/rules/test_real_plans.py
adds them to its list of everything `planctl lint plans/` reports. EDITS prove the other rules of
rules/structure/ with an edit a planner could make (tests/rules/test_edits_to_real_plans.py runs
them with the others and counts them as proven).
"""

import json

import pytest

from planctl.document import load_data
from planctl.plan.words import printed_number
from tests.ci.conftest import lint
from tests.conftest import ROOT, located

TV = "tra-vinh/qd-952-2011.yaml"
KH21 = "soc-trang/kh-21-2010.yaml"
QT = "quang-tri/ict-1755.yaml"
BT = "ben-tre/ict-1605.yaml"

OUTLINE_FINDINGS = {
    "plans/ben-tre/ict-1605.yaml": [
        # seed 004: "I. CĂN CỨ LẬP KẾ HOẠCH" (L4) then "I. HIỆN TRẠNG ỨNG DỤNG CNTT…" (L19)
        ("structure.numbering-duplicate", "/outline/0/children/1/seq"),
        # L73 "5. Nguồn nhân lực CNTT", L118 "5. Kinh phí triển khai các dự án…"
        ("structure.numbering-duplicate", "/outline/0/children/1/children/5/seq"),
        # IV. GIẢI PHÁP: 1 (L236), 2 (L241), 3 (L254), 5 (L269), 6 (L274): no 4
        ("structure.numbering-gap", "/outline/0/children/4/children/3/seq"),
        # L321 "V. DANH MỤC DỰ ÁN (kèm phụ lục)" after "V. TỔ CHỨC THỰC HIỆN" (L281)
        ("structure.numbering-duplicate", "/outline/0/children/6/seq"),
        # L321 "(kèm phụ lục)./." and the text ends: its project appendix (the money) is not in the seed
        ("structure.not-in-source", "/coverage/parts/1"),
    ],
    "plans/quang-tri/ict-1755.yaml": [
        # seed 003: "1.1. Ứng dụng CNTT trong nội bộ…" (L35) and "1.2." (L46) under "5. Ứng dụng CNTT - TT" (L30)
        ("structure.wrong-parent", "/outline/0/children/0/children/4/children/0/seq"),
        # "VI - GIẢI PHÁP" (L167) after "IV - CÁC NHIỆM VỤ…" (L112): there is no V
        ("structure.numbering-gap", "/outline/0/children/4/seq"),
        # VII KINH PHÍ (L185-188) names three sources and no amount; no appendix is announced
        ("structure.no-budget", "/funding_sources"),
    ],
    "plans/soc-trang/kh-21-2010.yaml": [
        # seed 002, VII. LỘ TRÌNH: "4. Đến năm 2014" (L621) then "4. Đến năm 2015" (L633)
        ("structure.numbering-duplicate", "/outline/0/children/6/children/4/seq"),
    ],
    "plans/soc-trang/kh-22-2012.yaml": [],
    "plans/tra-vinh/qd-952-2011.yaml": [
        # seed 000: the legal bases (L2-5) go on with "Điều 2." (L6): QUYẾT ĐỊNH and Điều 1 are not in the text
        ("structure.not-in-source", "/coverage/parts/1"),
    ],
}


@pytest.fixture(scope="module")
def findings():
    run = lint(ROOT, "--format", "json", "--fail-on", "info", "plans/")
    assert run.exit_code == 1, run.stderr
    return json.loads(run.stdout)["findings"]


@pytest.mark.parametrize("plan", sorted(OUTLINE_FINDINGS))
def test_the_outline_findings_of_the_real_plans(findings, plan):
    found = sorted((f["rule"], f["pointer"], f["line"]) for f in findings
                   if f["file"] == plan and f["rule"].startswith("structure."))
    assert found == located(plan, OUTLINE_FINDINGS[plan])


def test_messages_quote_the_printed_heading_and_its_seed_line(findings):
    messages = {(f["file"], f["pointer"]): f["message"] for f in findings if f["rule"].startswith("structure.")}
    assert messages["plans/quang-tri/ict-1755.yaml", "/outline/0/children/4/seq"] == (
        "numbering under KẾ HOẠCH: 'VI. GIẢI PHÁP' (L167) follows IV (expected V)")
    assert messages["plans/ben-tre/ict-1605.yaml", "/coverage/parts/1"] == (
        "Phụ lục danh mục dự án is not in the source text (announced at 'V. DANH MỤC DỰ ÁN (kèm phụ lục)', "
        "L321): the file has no project list and no budget to check")
    assert messages["plans/tra-vinh/qd-952-2011.yaml", "/coverage/parts/1"].endswith(
        "the numbering there starts at Điều 2 and is not checked from the start")


def numbers(nodes: list) -> str:
    """An outline level as printed: 'I[1[a,b],2] II' (numbered headings, their children in brackets)."""
    out = []
    for node in nodes:
        inner = numbers(node.get("children", []))
        seq = str(node.get("seq", "·"))
        out.append(f"{seq}[{inner}]" if inner else seq)
    return ",".join(out)


# The numbered headings of each document as the seed prints them (· an unnumbered heading: the
# decision, KẾ HOẠCH, an appendix caption). Read line by line from the seeds.
PRINTED = {
    TV: "·[Điều 2,Điều 3],·[I[1[1.1,1.2[1.2.1,1.2.2],1.3[1.3.1,1.3.2],1.4[1.4.1,1.4.2]],2],II,"
        "III[1,2[2.1,2.2,2.3,2.4,2.5,2.6]],IV[1,2,3[3.1,3.2,3.3,3.4,3.5,3.6],4,5[" +
        ",".join(f"5.{i}" for i in range(1, 22)) + "],6],V[1,2],VI,VII[1,2]],·",
    "soc-trang/kh-22-2012.yaml": "·[I[1,2],II,III[1,2[2.1,2.2,2.3,2.4,2.5,2.6]],IV,V[1,2,3,4,5,6],"
                                 "VI[1,2,3,4,5[5.1,5.2],6],VII,VIII[1,2,3,4,5,6,7,8,9]],·",
    KH21: "·[I,II[1,2,3[a,b],4,5,6],III[1,2],IV[1[a,b,c],2[a,b,c,d],3],V[1[1.1,1.2,1.3],2[2.1,2.2,2.3],"
          "3[3.1,3.2,3.3],4[4.1],5[5.1,5.2]],VI[1,2,3,4],VII[1,2,3,4,4],VIII,IX],"
          "PHỤ LỤC 1,PHỤ LỤC 2,PHỤ LỤC 3,PHỤ LỤC 4,PHỤ LỤC 5",
    QT: "·[I[1,2,3,4,5[1.1,1.2]],II,III[1,2[2.1,2.2,2.3,2.4,2.5,2.6]],IV[1[1.1,1.2,1.3],2,3,4,5,6],VI[1,2],VII,"
        "VIII[1,2,3,4,5,6,7,8,9]]",
    BT: "·[I,I[1[a,b],2,3,4,5,5],II[1,2[a,b]],III[1,2,3,4],IV[1,2,3,5,6],V[1,2,3,4,5,6,7,8,9],V]",
}


@pytest.mark.parametrize("plan", sorted(PRINTED))
def test_each_outline_keeps_the_numbers_as_printed(plan):
    assert numbers(load_data(ROOT / "plans" / plan)["outline"]) == PRINTED[plan]


def test_every_printed_number_of_the_outlines_is_read():
    def seqs(nodes):
        for node in nodes:
            if "seq" in node:
                yield node["seq"]
            yield from seqs(node.get("children", []))
    for plan in PRINTED:
        unread = [s for s in seqs(load_data(ROOT / "plans" / plan)["outline"]) if printed_number(s) is None]
        assert unread == [], plan


@pytest.mark.parametrize("seq, style, parts", [
    ("IV", "roman", (4,)), ("3", "arabic", (3,)), (3, "arabic", (3,)), ("2.1.", "dotted", (2, 1)),
    ("a)", "letter", (1,)), ("đ", "letter", (5,)), ("i", "letter", (9,)), ("ii", "roman", (2,)),
    ("Điều 2", "điều", (2,)), ("PHỤ LỤC 5", "phụ lục", (5,)), ("B", "letter", (2,)),
])
def test_printed_numbers(seq, style, parts):
    assert printed_number(seq) == (style, parts)


@pytest.mark.parametrize("seq", ["1a", "-", "", "2-3", "Điều a", True, 2.5])
def test_what_is_not_a_heading_number(seq):
    assert printed_number(seq) is None


# Edits a planner could make to a real plan, each with the findings it adds (run by
# tests/rules/test_edits_to_real_plans.py with its own edits).
EDITS = [
    # Trà Vinh's coverage without the part that says Điều 1 is missing: the decision's articles start at 2
    pytest.param(TV, "    - {id: tv-dieu-1, title: Điều 1 của Quyết định, kind: article, in_source: false, within: tv-decision,",
                 "    - {id: tv-dieu-1, title: Điều 1 của Quyết định, kind: article, in_source: false,",
                 [("structure.numbering-start", "/outline/0/children/0/seq")], id="numbering-start"),
    # a sub-heading typed "5.1a"
    pytest.param(KH21, '{seq: "5.1", title: "Đảm bảo kinh phí duy trì',
                 '{seq: "5.1a", title: "Đảm bảo kinh phí duy trì',
                 [("structure.unknown-number", "/outline/0/children/4/children/4/children/0/seq")], id="unknown-number"),
    # the heading's id mistyped in Bến Tre's coverage
    pytest.param(BT, "announced_at: bt-v-projects,", "announced_at: bt-v-project,",
                 [("structure.unknown-link", "/coverage/parts/1/announced_at")], id="unknown-link"),
]


@pytest.mark.parametrize("plan, old, new, expected", EDITS)
def test_an_edit_to_the_outline_or_coverage(tmp_path, plan, old, new, expected):
    from tests.rules.test_edits_to_real_plans import added, lint_edited

    report = lint_edited(tmp_path, plan, old, new)
    assert added(report, plan) == located(tmp_path / "plans" / plan, expected)


def test_bens_tre_without_its_coverage_is_silent_about_the_budget(tmp_path):
    """Without `coverage`, planctl cannot tell a budget absent in the document from one missing from the
    source: it says nothing rather than raise a false alarm."""
    from tests.rules.test_edits_to_real_plans import lint_edited

    text = (ROOT / "plans" / BT).read_text(encoding="utf-8")
    coverage = text[text.index("coverage:\n"):text.index("notes:")]
    report = lint_edited(tmp_path, BT, coverage, "")
    assert [f for f in report["findings"] if f["rule"] in ("structure.no-budget", "structure.not-in-source")] == []


def test_an_appendix_said_to_be_in_the_source_makes_a_missing_budget_a_warning(tmp_path):
    """Bến Tre's coverage saying its project appendix is in the source: then the file should have its
    money, and a plan that names funding sources without any amount is a warning."""
    from tests.rules.test_edits_to_real_plans import lint_edited

    report = lint_edited(tmp_path, BT, "kind: appendix, in_source: false, announced_at", "kind: appendix, in_source: true, announced_at")
    assert [(f["rule"], f["pointer"]) for f in report["findings"] if f["rule"].startswith("structure.no")] == [
        ("structure.no-budget", "/funding_sources")]
