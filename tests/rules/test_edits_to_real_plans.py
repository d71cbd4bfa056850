"""Every policy rule on the real plans. test_real_plans proves the rules that the documents' own
mistakes trigger; here, each other rule gets an edit a planner could make to a real plan in a pull
request (a typo in an amount, a pasted row, a remapped group, a waiver), and `planctl lint` must
report exactly the findings the edit adds, each at its line in the edited file.

An edit finds the text it changes by content (the text must occur once in the plan), or, where
that text is not unique, on the line of a JSON pointer (`At`). Each expected finding is pinned by
its rule and pointer; its line is computed from the pointer in the edited copy
(tests.conftest.located), so reformatting a plan changes nothing here.
"""

import json
import shutil
from dataclasses import dataclass

import pytest

from planctl.document import load
from planctl.lint.rules import catalogue
from tests.ci.conftest import lint
from tests.conftest import AT_KEY, ROOT, located
from tests.lint.test_whole_document_outline import EDITS as OUTLINE_EDITS
from tests.rules.test_real_plans import EXPECTED

KH22 = "soc-trang/kh-22-2012.yaml"
KH21 = "soc-trang/kh-21-2010.yaml"
TV = "tra-vinh/qd-952-2011.yaml"
BT = "ben-tre/ict-1605.yaml"


@dataclass(frozen=True)
class At:
    """`text` on the line of the node at `pointer`, for an edit whose text is not unique in the plan."""

    pointer: str
    text: str


EDITS = [
    # -- consistency: a figure typed wrong is reported where the sum and the printed figure disagree
    pytest.param(KH22, "        total: 4000\n        amounts:\n          nsdp: 3000\n",
                 "        total: 4500\n        amounts:\n          nsdp: 3000\n",
                 [("consistency.item-sources", "/groups/0/projects/0/total")], id="item-sources"),
    pytest.param(KH22, "      total: 25500\n", "      total: 25000\n",
                 [("consistency.group-total", "/groups/0/stated/total"),
                  ("consistency.stated-sources", "/groups/0/stated/total")], id="group-total"),
    pytest.param(KH22, "        nsdp: 10000\n        nstw: 12500\n", "        nsdp: 11000\n        nstw: 12500\n",
                 [("consistency.group-source", "/groups/0/stated/by_source/nsdp"),
                  ("consistency.stated-sources", "/groups/0/stated/total")], id="group-source"),
    pytest.param(KH22, "    total: 331400\n", "    total: 331500\n",
                 [("consistency.list-total", "/project_list/stated/total")], id="list-total"),
    pytest.param(KH22, "  total: 331400000000\n", "  total: 331500000000\n",
                 [("consistency.budget-total", "/budget/total"),
                  ("consistency.budget-vs-list", "/budget/total")], id="budget-total"),
    # 200 million moved from NSĐP to NSTW in the text: each source against the list; NSĐP's projects
    # now take more than the text gives it
    pytest.param(KH22, "    nsdp: 112200000000\n    nstw: 157200000000\n",
                 "    nsdp: 112000000000\n    nstw: 157400000000\n",
                 [("consistency.budget-vs-list", "/budget/by_source/nsdp"),
                  ("consistency.budget-vs-list", "/budget/by_source/nstw"),
                  ("caps.envelope-exceeded", "/budget/by_source/nsdp")], id="budget-vs-list"),
    pytest.param(TV, "    nstw-dt: 150000000000\n", "    nstw-dt: 151000000000\n",
                 [("consistency.budget-children", "/budget/by_source/nstw"),
                  ("consistency.phasing-vs-budget", "/phasing/rows/1/total")], id="budget-children"),
    pytest.param(KH21, "    investment: 63045000000\n", "    investment: 63000000000\n",
                 [("consistency.budget-type", "/budget/by_type/investment")], id="budget-type"),
    # KH 21 II.4 (L99): "1611 quy trình, thủ tục: cấp xã 118, cấp huyện 229, cấp tỉnh 1264" with
    # the province's count typed 1246
    pytest.param(KH21, "      value: 1264\n", "      value: 1246\n",
                 [("consistency.indicator-parts", "/baseline/indicators/10/value")], id="indicator-parts"),
    pytest.param(KH21, "      part_of: st21-bl-admin-procedures-total\n      source: II.4, L99\n    - id: st21-bl-admin-procedures-province",
                 "      part_of: st21-bl-admin-procedures-totl\n      source: II.4, L99\n    - id: st21-bl-admin-procedures-province",
                 [("relations.unknown-link", "/baseline/indicators/12/part_of"),
                  ("consistency.indicator-parts", "/baseline/indicators/10/value")], id="indicator-part-of-unknown"),
    pytest.param(TV, At("/phasing/total", "total: 439050"), "total: 439000",
                 [("consistency.phasing-total", "/phasing/total"),  # against its rows
                  ("consistency.phasing-total", "/phasing/total")],  # against its years
                 id="phasing-total"),
    pytest.param(TV, "'2011': 9100,", "'2011': 9000,",
                 [("consistency.phasing-year", "/phasing/year_totals/2011"),
                  ("consistency.phasing-total", "/phasing/total")], id="phasing-year"),
    pytest.param(TV, "          '2011': 3000\n          '2012': 4500\n", "          '2011': 3500\n          '2012': 4500\n",
                 [("consistency.item-years", "/groups/2/projects/2/by_year")], id="item-years"),
    # the ĐA 191 share of the e-commerce platform typed as an amount that is not its 40%
    pytest.param(TV, "        total: 3000\n        amounts:\n          von-khac: 3000\n",
                 "        total: 3000\n        amounts:\n          von-khac: 3000\n          da-191: 1500\n",
                 [("consistency.split-amount", "/groups/2/projects/6/amounts/da-191")], id="split-amount"),
    pytest.param(KH21, "          - amount: 9500\n", "          - amount: 9000\n",
                 [("consistency.text-amount", "/groups/0/projects/1/text_amounts/0/amount")],
                 id="text-amount"),
    # -- funding-source caps
    pytest.param(KH22, "    nstw: 157200000000\n", "    nstw: 150000000000\n",
                 [("caps.envelope-exceeded", "/budget/by_source/nstw"),
                  ("consistency.budget-vs-list", "/budget/by_source/nstw"),
                  ("consistency.budget-total", "/budget/total")], id="envelope-exceeded"),
    pytest.param(TV, "            doanh-nghiep: 20\n          as_printed: \"ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%\"\n        note: \"Ghi chú: ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%\"\n",
                 "            doanh-nghiep: 30\n          as_printed: \"ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%\"\n        note: \"Ghi chú: ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%\"\n",
                 [("caps.split-total", "/groups/1/projects/1/split")], id="split-total"),
    # the infrastructure group remapped to IT application: its Quỹ VTCI projects may not be paid by
    # the fund (default policy), and two task groups of QĐ 1755 lose their only group
    pytest.param(TV, "      - qd-1755-2010/broadband-infrastructure\n      - qd-1755-2010/universal-access\n",
                 "      - qd-1755-2010/ict-application\n",
                 [("caps.source-purpose", "/groups/3/projects/3/split/shares/vtci"),
                  ("caps.source-purpose", "/groups/3/projects/4/split/shares/vtci"),
                  ("caps.source-purpose", "/groups/3/projects/5/split/shares/vtci"),
                  ("alignment.uncovered-task-group", "/implements/0"),
                  ("alignment.uncovered-task-group", "/implements/0")], id="source-purpose"),
    # -- citations
    pytest.param(BT, "    number: 1605/QĐ-TTg\n", "    number: 1650/QĐ-TTg\n",
                 [("citations.number-mismatch", "/citations/3/number")], id="number-mismatch"),
    # the legal basis QĐ 1605 deleted while the plan still implements it
    pytest.param(BT, "  - id: qd-1605-2010\n    kind: decision\n    number: 1605/QĐ-TTg\n    date: '2010-08-27'\n"
                 "    date_as_printed: 27 tháng 08 năm 2010\n    issuer: Thủ tướng Chính phủ\n"
                 "    title: phê duyệt Chương trình quốc gia ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước giai đoạn 2011-2015\n"
                 "    programme: qd-1605-2010\n    source: I (căn cứ), L15\n", "",
                 [("citations.implemented-not-cited", "/implements/0")], id="implemented-not-cited"),
    # -- alignment
    pytest.param(BT, "    task_groups:\n      - qd-1605-2010/hr-and-enablers\n", "",
                 [("alignment.unmapped-group", "/groups/3"),
                  ("alignment.uncovered-task-group", "/implements/0")], id="uncovered-task-group"),
    pytest.param(BT, "national_target: qd-1605-2010/agency-portals-2015", "national_target: qd-1605-2010/agency-portal-2015",
                 [("alignment.unknown-reference", "/targets/9/national_target")], id="unknown-reference"),
    # Bến Tre's 60% of documents exchanged electronically typed as 50%, under QĐ 1605's 60%
    pytest.param(BT, "    value: 60\n    unit: '%'\n    national_target: qd-1605-2010/e-documents-share-2015\n",
                 "    value: 50\n    unit: '%'\n    national_target: qd-1605-2010/e-documents-share-2015\n",
                 [("alignment.weaker-target", "/targets/4/value")], id="weaker-target"),
    # -- data-entry pitfalls (the schema stage: the file's policy rules wait until it is fixed)
    pytest.param(KH22, "        total: 9000\n        amounts:\n          nsdp: 3000\n          nstw: 3000\n          khac: 3000\n        source: \"Phụ lục, TT 13,",
                 "        total: 9.000\n        amounts:\n          nsdp: 3000\n          nstw: 3000\n          khac: 3000\n        source: \"Phụ lục, TT 13,",
                 [("data.money-as-float", "/groups/1/projects/4/total")], id="money-as-float"),
    pytest.param(KH22, "          nstw: 4000\n", "          nstw: -4000\n",
                 [("data.negative-amount", "/groups/0/projects/1/amounts/nstw")], id="negative-amount"),
    pytest.param(BT, "    value: 90\n    unit: '%'\n    source: II.2.a, L187\n", "    value: 900\n    unit: '%'\n    source: II.2.a, L187\n",
                 [("data.percent-over-100", "/targets/1/value", 357)], id="percent-over-100"),
    pytest.param(KH22, "          nsdp: 3000\n          khac: 1000\n", "          nsdp: 3000\n          other: 1000\n",
                 [("data.unknown-source", "/groups/0/projects/0/amounts/other", AT_KEY),
                  ("consistency.group-source", "/groups/0/stated/by_source/khac")], id="unknown-source"),
    # -- identity and periods
    pytest.param(BT, "      - id: bt-video-conference\n", "      - id: bt-moffice\n",
                 [("identity.duplicate-id", "/groups/1/projects/1/id")], id="duplicate-id"),
    pytest.param(BT, "      - id: bt-management-information-system\n",
                 "      - id: bt-video-conference-districts\n"
                 "        name: Triển khai hệ thống hội nghị truyền hình giữa cấp tỉnh đến cấp huyện và thành phố.\n"
                 "      - id: bt-management-information-system\n",
                 [("identity.duplicate-project", "/groups/1/projects/2/name")], id="duplicate-project"),
    pytest.param(KH22, "        seq: 2\n        name: \"Hỗ trợ đào tạo nghề", "        seq: 1\n        name: \"Hỗ trợ đào tạo nghề",
                 [("identity.numbering-duplicate", "/groups/0/projects/1/seq"),
                  ("identity.numbering-gap", "/groups/0/projects/2/seq")], id="numbering-duplicate"),
    pytest.param(KH22, "        end: 2015\n        years_as_printed: \"2011-2015\"\n        total: 4000\n",
                 "        end: 2016\n        years_as_printed: \"2011-2015\"\n        total: 4000\n",
                 [("periods.after-period", "/groups/0/projects/1/end")], id="after-period"),
    # KH 21's roadmap: 2013's e-mail use at province level typed 60 for 80, below 2012's 70
    pytest.param(KH21, At("/roadmap/2/milestones/0/value", "value: 80"), "value: 60",
                 [("periods.milestone-decrease", "/roadmap/2/milestones/0/value")], id="milestone-decrease"),
]


def edit(text: str, path, old: str | At, new: str) -> str:
    """`text` with `old` replaced by `new`: `old` occurs once in the file, or once on the line of its pointer."""
    if isinstance(old, At):
        lines = text.splitlines(keepends=True)
        index = load(path).locate(old.pointer).line - 1
        assert lines[index].count(old.text) == 1, f"{old.text!r} must occur once on the line of {old.pointer}"
        lines[index] = lines[index].replace(old.text, new)
        return "".join(lines)
    assert text.count(old) == 1, f"the edit must match once in {path.name}"
    return text.replace(old, new)


def lint_edited(tmp_path, plan: str, old: str | At, new: str) -> dict:
    """`planctl lint` on a copy of plans/ in which `old` in `plan` is replaced by `new`."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    path = tmp_path / "plans" / plan
    path.write_text(edit(path.read_text(encoding="utf-8"), path, old, new), encoding="utf-8")
    run = lint(tmp_path, "--format", "json", "--fail-on", "info", f"plans/{plan}")
    assert run.exit_code in (0, 1), run.stderr
    return json.loads(run.stdout)


def added(report: dict, plan: str) -> list[tuple[str, str, int]]:
    """Findings that are not the document's own mistakes (test_real_plans)."""
    own = {(rule, pointer) for rule, pointer in EXPECTED[f"plans/{plan}"]}
    return sorted((f["rule"], f["pointer"], f["line"]) for f in report["findings"] if (f["rule"], f["pointer"]) not in own)


@pytest.mark.parametrize("plan, old, new, expected", EDITS)
def test_an_edit_to_a_real_plan_is_found_at_its_line(tmp_path, plan, old, new, expected):
    report = lint_edited(tmp_path, plan, old, new)
    assert added(report, plan) == located(tmp_path / "plans" / plan, expected)


WAIVER = """waivers:
  - rule: citations.date-mismatch
    pointer: /citations/1
    reason: the decision prints QĐ 1755's date as 29/10/2009; kept as printed
    owner: Sở TTTT Trà Vinh
    expires: '{expires}'
notes:"""


@pytest.mark.parametrize("expires, rules, waived", [
    ("2099-12-31", [], 1),                                     # the finding is waived, and counted
    ("2020-01-01", [("waiver.expired", "/waivers/0/expires")], 0),  # it is back, with the expiry
])
def test_a_waiver_in_a_real_plan(tmp_path, expires, rules, waived):
    report = lint_edited(tmp_path, TV, "notes:", WAIVER.format(expires=expires))
    own = [(f["rule"], f["pointer"]) for f in report["findings"] if f["rule"] == "citations.date-mismatch"]
    assert own == ([] if waived else [("citations.date-mismatch", "/citations/1/date")])
    assert [x for x in added(report, TV) if x[0].startswith("waiver.")] == located(tmp_path / "plans" / TV, rules)
    assert report["summary"]["waived"] == waived


def test_an_inline_disable_comment_in_a_real_plan(tmp_path):
    """KH 22's numbering gap (no row 18) accepted on its line; the other gap (no row 32) still shows."""
    report = lint_edited(tmp_path, KH22, "        seq: 19\n", "        seq: 19  # planctl: disable=identity.numbering-gap\n")
    gaps = [f["pointer"] for f in report["findings"] if f["rule"] == "identity.numbering-gap"]
    assert gaps == ["/groups/5/projects/2/seq"]
    assert report["summary"]["suppressed"] == 1


def test_every_policy_rule_is_proven_on_a_real_plan():
    """Each rule of the catalogue fires on a real plan: a document's own mistake (test_real_plans),
    an edit here, or a province's stricter policy (caps.policy-*, test_real_plans)."""
    proven = {rule for findings in EXPECTED.values() for rule, _pointer in findings}
    proven |= {rule for param in EDITS + OUTLINE_EDITS for rule, _pointer, *_ in param.values[3]}
    from tests.lint.test_whole_document_dates import DATE_EDITS  # the dates rules' own edits

    proven |= {rule for param in DATE_EDITS for rule, _pointer, *_ in param.values[3]}
    proven |= {"caps.policy-amount", "caps.policy-share", "waiver.expired"}
    from tests.lint.test_whole_document_relations import PROVEN  # relations: edits of its own

    proven |= PROVEN
    from tests.lint.test_whole_document_tasks import PROVEN as LINKS_PROVEN  # the tasks and links rules' own edits

    proven |= LINKS_PROVEN
    not_policy = {"syntax", "schema", "waiver.unused", "waiver.invalid"}  # covered in tests/lint, test_waivers
    assert {rule.id for rule in catalogue()} - not_policy - proven == set()
