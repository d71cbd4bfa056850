"""Issue 12, dates: years inside names and notes, a project ending before the document's own date,
a source funding years the phasing table leaves empty, and the legal bases' dates.

The documents' own mistakes are pinned in tests/rules/test_real_plans.py (EXPECTED); here each rule
the documents do not trigger is proven by an edit a planner could make to a real plan, and the
readings that would be false alarms are shown to stay silent on the real plans.
"""

from __future__ import annotations

import json

import pytest

from tests.ci.conftest import lint
from tests.conftest import ROOT, located
from tests.rules.test_edits_to_real_plans import At, added, lint_edited

KH22 = "soc-trang/kh-22-2012.yaml"
KH21 = "soc-trang/kh-21-2010.yaml"
TV = "tra-vinh/qd-952-2011.yaml"
QT = "quang-tri/ict-1755.yaml"

DATE_EDITS = [
    # Trà Vinh III.6 has no Năm thực hiện cell (L643): a schedule typed into its name is its only one
    pytest.param(TV, "trực tuyến (từ mức 1 đến mức 4)\"", "trực tuyến (từ mức 1 đến mức 4) (2009- 2010)\"",
                 [("periods.year-in-text-outside-period", "/groups/2/projects/5/name")], id="year-in-name-outside-period"),
    # Trà Vinh III.7, the e-commerce platform "(2011- 2012)" on Vốn khác: its end typed 2011. Its name now
    # contradicts its cell, and the phasing table has no Vốn khác in 2011 (L354-360)
    pytest.param(TV, At("/groups/2/projects/6/end", "end: 2012"), "end: 2011",
                 [("periods.year-in-text-vs-cells", "/groups/2/projects/6/name"),
                  ("periods.source-not-phased", "/groups/2/projects/6/amounts/von-khac")], id="source-not-phased"),
    # Sóc Trăng KH 21, Phụ lục 5 row 5: its note quotes "Năm 2010 đã thực hiện …"; with the row's years
    # typed 2011-2011, the note's 2010 falls outside them
    pytest.param(KH21, At("/groups/2/projects/0/start", "start: 2010"), "start: 2011",
                 [("periods.year-in-text-vs-cells", "/groups/2/projects/0/note")], id="note-year-vs-cells"),
    # Trà Vinh L5: the submission 311/TTr-STTTT typed 30/6/2011, after the decision of 15/6/2011 it asks for
    pytest.param(TV, "    date: '2011-05-30'\n    date_as_printed: 30 tháng 5 năm 2011\n",
                 "    date: '2011-06-30'\n    date_as_printed: 30 tháng 6 năm 2011\n",
                 [("citations.submission-after-decision", "/citations/2/date")], id="submission-after-decision"),
    # Trà Vinh L2: the law cited without a number, its year typed 2013 (after the decision of 2011)
    pytest.param(TV, "    date: '2003-11-26'\n    date_as_printed: 26 tháng 11 năm 2003\n",
                 "    date: '2013-11-26'\n    date_as_printed: 26 tháng 11 năm 2013\n",
                 [("citations.cited-after-document", "/citations/4/date")], id="law-cited-after-document"),
    # Quảng Trị L66 "Luật Viễn thông ngày 23/11/2009": its date typed 22/11 while encoding
    pytest.param(QT, At("/citations/13/date", "2009-11-23"), "2009-11-22",
                 [("citations.date-as-printed", "/citations/13/date")], id="date-as-printed"),
    # Trà Vinh Điều 2 "có hiệu lực kể từ ngày ký": a printed effective date before the signing date instead
    pytest.param(TV, "    on_signing: true\n", "    date: '2011-06-01'\n",
                 [("citations.effective-before-signing", "/document/effective/date")], id="effective-before-signing"),
]


@pytest.mark.parametrize("plan, old, new, expected", DATE_EDITS)
def test_an_edit_to_a_real_plan_is_found_at_its_line(tmp_path, plan, old, new, expected):
    report = lint_edited(tmp_path, plan, old, new)
    assert added(report, plan) == located(tmp_path / "plans" / plan, expected)


@pytest.fixture(scope="module")
def findings():
    run = lint(ROOT, "--format", "json", "--fail-on", "info", "plans/")
    return json.loads(run.stdout)["findings"]


def rules_at(findings, plan):
    return {(f["rule"], f["pointer"]) for f in findings if f["file"] == f"plans/{plan}"}


def test_the_documents_dated_rows_are_found(findings):
    assert ("periods.year-in-text-vs-cells", "/groups/2/projects/0/name") in rules_at(findings, TV)
    assert {("periods.ends-before-document", "/groups/1/projects/2/end"),
            ("periods.ends-before-document", "/groups/5/projects/0/end")} <= rules_at(findings, KH22)


def test_years_that_are_not_a_schedule_stay_silent(findings):
    """Quảng Trị's names cite QĐ 398 "giai đoạn 2008-2015 và định hướng đến năm 2020" and QĐ 800
    "giai đoạn 2010 - 2020"; Trà Vinh's notes "KH ƯDCNTT 2011-2015" name the province's IT plan; Sóc
    Trăng KH 21's notes cite "CV số 963/CTUBND-HC, ngày 13/7/2010" and say "Năm 2010 đã thực hiện"
    of a row running 2010-2011. None of them dates the row's work outside its cells."""
    text_rules = {"periods.year-in-text-vs-cells", "periods.year-in-text-outside-period"}
    flagged = sorted((f["file"], f["pointer"]) for f in findings if f["rule"] in text_rules)
    assert flagged == [(f"plans/{TV}", "/groups/2/projects/0/name")]


def test_an_implausible_end_is_not_also_a_project_ending_before_the_document(findings):
    """Trà Vinh III.5 "2012- 1015": periods.implausible-year reports 1015; it is not also a row that
    ended before 15/6/2011."""
    assert ("periods.ends-before-document", "/groups/2/projects/4/end") not in rules_at(findings, TV)


def test_laws_cited_without_a_number_are_legal_bases_with_their_dates():
    """The laws the documents cite by name and date are citations with kind law and the date as printed."""
    from planctl.document import load_data

    laws = {plan: [(c["title"], c.get("date"), c["source"]) for c in load_data(ROOT / "plans" / plan)["citations"]
                   if c.get("kind") == "law"] for plan in (TV, KH21, QT, "ben-tre/ict-1605.yaml", KH22)}
    assert laws[TV] == [("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "2003-11-26", "căn cứ, L2")]
    assert [d for _t, d, _s in laws[KH21]] == ["2006-06-29", "2005-11-29"]
    assert [d for _t, d, _s in laws[QT]] == ["2006-06-29", "2005-11-29", "2008-11-13", "2009-11-23", "2009-11-23"]
    assert [d for _t, d, _s in laws["ben-tre/ict-1605.yaml"]] == [None, None]
    assert laws[KH22] == []


def test_no_legal_basis_of_the_documents_is_dated_after_them(findings):
    timing = {"citations.cited-after-document", "citations.submission-after-decision", "citations.effective-before-signing"}
    assert not [f for f in findings if f["rule"] in timing]


def test_a_partial_national_match_compares_only_what_is_comparable(tmp_path):
    """Trà Vinh L109: 25-30% of ICT graduates with jobs in Trà Vinh, linked to the national 30% of graduates
    ready for the international labour market (national_match: partial, comparable: [year]). Printing the
    year 2015 with it does not make 25% "weaker" than 30%; without the partial match it would."""
    pointer = "/targets/0/value"
    year_added = lint_edited(tmp_path / "a", TV, "    national_match: partial\n", "    national_match: partial\n    year: 2015\n")
    assert added(year_added, TV) == []
    full = lint_edited(tmp_path / "b", TV, "    national_match: partial\n    comparable: [year]\n", "    year: 2015\n")
    assert ("alignment.weaker-target", pointer) in {(f["rule"], f["pointer"]) for f in full["findings"]}


def test_the_two_false_alarms_of_issue_12_stay_gone(findings):
    """Quảng Trị's mobile broadband 2015 "trên 80%" (objectives) and "đạt 80%" (tasks) differ only in
    wording: no conflict. Sóc Trăng KH 21's roadmap 2014 "Tất cả … cấp tỉnh" then "cấp tỉnh trên 90%"
    in one bullet: two scopes of one year, not a decrease."""
    assert not [f for f in findings if f["rule"] == "identity.conflicting-targets" and f["file"] == f"plans/{QT}"
                and f["pointer"] != "/targets/22/value"]
    assert not [f for f in findings if f["rule"] == "periods.milestone-decrease"]


@pytest.mark.parametrize("old, new, pointer, keys", [
    ("    kind: law\n    title: Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân\n", "    kind: law\n",
     "/citations/4", "'number', 'title'"),
    ("    on_signing: true\n", "", "/document/effective", "'on_signing', 'date'"),
], ids=["law-without-number-or-title", "effective-without-date"])
def test_a_legal_basis_or_effective_clause_missing_both_keys_is_one_located_schema_finding(tmp_path, old, new, pointer, keys):
    report = lint_edited(tmp_path, TV, old, new)
    schema = [f for f in report["findings"] if f["rule"] == "schema"]
    assert [(f["pointer"], f["message"], f["hint"]) for f in schema] == [
        (pointer, f"missing a key: one of {keys} is required", f"add one of {keys} to this mapping")]


def test_comparable_without_a_partial_match_is_a_located_schema_finding(tmp_path):
    """`comparable` limits the comparison of a partial match only: with national_match: full it is a mistake."""
    report = lint_edited(tmp_path, TV, "    national_match: partial\n", "    national_match: full\n")
    assert [(f["rule"], f["pointer"]) for f in report["findings"] if f["rule"] == "schema"] == [
        ("schema", "/targets/0/national_match")]
