"""Relations among baseline figures and completeness of baseline tables (issue 12, parts 4b and 5)
on the real plans: what the documents' own figures give, and edits a planner could make.

The plans link a share to its numerator and denominator (`ratio`), a subset to its superset
(`subset_of`), a total to its parts across sentences (`part_of`), a table row to the row it breaks
down (`parent`), a table column to the columns it is computed from; a figure printed "trên/hơn" is
a bound (`comparator: '>'`). Each expected finding is pinned by rule and JSON pointer (its line is
computed by tests.conftest.located).
"""

import json
from collections import Counter

import pytest

from planctl.document import load
from planctl.lint.facts import derive
from tests.ci.conftest import lint
from tests.conftest import ROOT, located
from tests.rules.test_edits_to_real_plans import At, added, lint_edited

QT = "quang-tri/ict-1755.yaml"
TV = "tra-vinh/qd-952-2011.yaml"
BT = "ben-tre/ict-1605.yaml"
KH21 = "soc-trang/kh-21-2010.yaml"
KH22 = "soc-trang/kh-22-2012.yaml"

# What the documents' own figures give (the same findings are in tests/rules/test_real_plans.py).
FOUND = {
    # L5: Thạc sỹ 02 + Đại học 27 + trình độ khác 1.386 = 1.415 provincial civil servants; L37 prints 1.262
    QT: [("consistency.indicator-parts", "/baseline/indicators/60/value")],
    # L94-107: "Số cán bộ được cử đào tạo về CNTT" prints nothing, its sub-row "- Trong nước" prints 01 and 0
    BT: [("relations.empty-parent", "/baseline/tables/1/sections/0/rows/2/values")],
    # Phụ lục 1: nine rows leave empty a column the other units of their section fill
    KH21: [("relations.empty-cell", f"/baseline/tables/0/sections/{s}/rows/{r}/values")
           for s, r in [(0, 6), (0, 13), (0, 14), (0, 17), (1, 0), (1, 4), (2, 0), (2, 2), (2, 5)]],
    TV: [],
    KH22: [],
}
OURS = ("relations.", "consistency.indicator-parts", "data.number-as-text")


@pytest.fixture(scope="module")
def findings():
    run = lint(ROOT, "--format", "json", "--fail-on", "info", "plans/")
    return json.loads(run.stdout)["findings"]


@pytest.mark.parametrize("plan", sorted(FOUND))
def test_the_relations_the_documents_print_are_checked_and_only_mistakes_reported(findings, plan):
    found = sorted((f["rule"], f["pointer"], f["line"]) for f in findings
                   if f["file"] == f"plans/{plan}" and f["rule"].startswith(OURS))
    assert found == located(f"plans/{plan}", FOUND[plan])


def _facts(plan: str) -> Counter:
    doc = load(ROOT / "plans" / plan)
    kinds = ("ratio-check", "subset-check", "relation-cycle", "table-gap")
    return Counter((f.kind, f.values.get("consistent", f.values.get("exceeds", f.values.get("check"))))
                   for f in derive(doc, {}, []) if f.kind in kinds)


def test_every_share_and_subset_the_plans_encode_is_compared():
    """The encoded relations reach the rules: Quảng Trị's 26 shares (L19-61, every one rounds right, 45,97%
    for 686/1.492 = 45,979% cut rather than rounded) and 11 subsets; Sóc Trăng KH 21's ratio columns
    (Phụ lục 2-3, 150 printed ratios, the 0/0 row of Văn phòng Đoàn ĐBQH skipped) and column subsets."""
    assert _facts(QT) == Counter({("ratio-check", True): 26, ("subset-check", False): 11})
    assert _facts(TV) == Counter({("subset-check", False): 6})
    assert _facts(KH21) == Counter({("ratio-check", True): 150, ("subset-check", False): 309,
                                    ("table-gap", "empty-cell"): 9})
    assert _facts(BT) == Counter({("table-gap", "empty-parent"): 1})


EDITS = [
    # a share mistyped: 66.401 of 145.470 households is 45,65%, not 46,65%
    pytest.param(QT, "      value: 45.65\n", "      value: 46.65\n",
                 [("relations.ratio-mismatch", "/baseline/indicators/31/value")], id="ratio-mismatch"),
    # the same share typed the way it is printed, in quotes: located, with the number to write
    pytest.param(QT, "      value: 45.65\n", '      value: "45,65"\n',
                 [("data.number-as-text", "/baseline/indicators/31/value")], id="number-as-text"),
    # rounded instead of cut: 686/1.492 = 45,979%, printed 45,97%; 45,98% is as right
    pytest.param(QT, "      value: 45.97\n", "      value: 45.98\n", [], id="ratio-rounded-or-cut"),
    # the 63 servers surveyed typed 0: the share 15/0 cannot be computed, and 15 is more than 0
    pytest.param(QT, "      value: 63\n", "      value: 0\n",
                 [("relations.ratio-zero-denominator", "/baseline/indicators/55/ratio/denominator"),
                  ("relations.subset-exceeds", "/baseline/indicators/54/value")], id="ratio-zero-denominator"),
    # a ratio naming a figure that does not exist
    pytest.param(QT, "numerator: bl-tv,", "numerator: bl-tvs,",
                 [("relations.unknown-link", "/baseline/indicators/43/ratio/numerator")], id="ratio-unknown-id"),
    # L50: poor households without a TV typed 36.268, more than the 35.204 households without a TV
    pytest.param(TV, "      value: 16268\n", "      value: 36268\n",
                 [("relations.subset-exceeds", "/baseline/indicators/21/value")], id="subset-exceeds"),
    # the superset linked back to its own subset: one finding, and no comparison along the circle
    pytest.param(TV, "      value: 226653\n      unit: hộ\n",
                 "      value: 226653\n      unit: hộ\n      subset_of: bl-poor-households-no-computer\n",
                 [("relations.cycle", "/baseline/indicators/22/subset_of")], id="cycle"),
    # Bến Tre's training row given a total that is not its sub-rows' (01 in the country, '-' abroad)
    pytest.param(BT, At("/baseline/tables/1/sections/0/rows/2/values", "values: {}"),
                 "values: {province: 2, district: 0}",
                 [("relations.row-parts", "/baseline/tables/1/sections/0/rows/2/values/province")], id="row-parts"),
    # Phụ lục 2, Sở Nội vụ: its LAN cell left empty (the total row no longer adds up either)
    pytest.param(KH21, "internet: 42, lan: 42, computers-per-staff: 0.875",
                 "internet: 42, computers-per-staff: 0.875",
                 [("relations.empty-cell", "/baseline/tables/1/sections/0/rows/4/values"),
                  ("consistency.table-column", "/baseline/tables/1/stated/lan")], id="empty-cell"),
    # Phụ lục 2, Tỉnh ủy: 160 computers on the Internet of 142, against its printed share 0.11268
    pytest.param(KH21, "internet: 16, lan: 87", "internet: 160, lan: 87",
                 [("relations.subset-exceeds", "/baseline/tables/1/sections/0/rows/0/values/internet"),
                  ("relations.ratio-mismatch", "/baseline/tables/1/sections/0/rows/0/values/internet-share"),
                  ("consistency.table-column", "/baseline/tables/1/stated/internet")], id="table-column-subset"),
    # Phụ lục 4, row 1: 9.750.000.000 đồng secured of a 9.189.899.000 estimate (printed 750.000.000): an error in money
    pytest.param(KH21, "funds-status: 750000000}", "funds-status: 9750000000}",
                 [("relations.money-subset-exceeds", "/baseline/tables/3/sections/0/rows/0/values/funds-status"),
                  ("consistency.table-column", "/baseline/tables/3/stated/funds-status")], id="money-subset-exceeds"),
    # Bến Tre: a planner adds the central budget's share of the funds to date (31.251 of 37.251 triệu đồng is 83,9%)
    pytest.param(BT, "  tables:\n",
                 "    - {id: bt-bl-funds, indicator: Kinh phí đã triển khai, value: 37251, unit: triệu đồng}\n"
                 "    - {id: bt-bl-funds-central, indicator: Trung ương, value: 31251, unit: triệu đồng,"
                 " subset_of: bt-bl-funds}\n"
                 "    - {id: bt-bl-funds-central-share, indicator: Tỷ lệ Trung ương, value: 80, unit: '%',"
                 " ratio: {numerator: bt-bl-funds-central, denominator: bt-bl-funds}}\n  tables:\n",
                 [("relations.money-share-mismatch", "/baseline/indicators/31/value")], id="money-share-mismatch"),
]


@pytest.mark.parametrize("plan, old, new, expected", EDITS)
def test_an_edit_to_a_real_plan_is_found_at_its_line(tmp_path, plan, old, new, expected):
    report = lint_edited(tmp_path, plan, old, new)
    assert added(report, plan) == located(tmp_path / "plans" / plan, expected)


PROVEN = {rule for param in EDITS for rule, *_ in param.values[3]} | {
    rule for expected in FOUND.values() for rule, _pointer in expected}
