"""JSON Schema findings point where a planner has to type: the mapping that lacks a key, the
unknown key itself, the value of the wrong type."""

import json
import textwrap

import jsonschema
import pytest

from planctl.document import load_bytes
from planctl.lint import schema
from planctl.resources import schema_path

PLAN = """\
planctl: 1
kind: plan
id: test-plan
title: Kế hoạch thử
province: Thử
document: {number: 1/KH-UBND, date: "2011-01-01", issuer: UBND tỉnh Thử}
period: {start: 2011, end: 2015}
implements: [qd-1755-2010]
groups:
  - id: g1
    name: Nhân lực
    projects:
      - id: p1
        name: Đào tạo
        total: 1000
"""


def findings(text: str, kind: str = "plan"):
    doc = load_bytes(textwrap.dedent(text).encode("utf-8"), "plan.yaml")
    assert doc.ok, doc.error
    return schema.check(doc, kind)


def located(text: str) -> list[tuple]:
    return sorted((f.rule, f.line, f.column, f.message) for f in findings(text))


def test_a_valid_plan_has_no_finding():
    assert findings(PLAN) == []


def test_a_missing_required_key_points_at_the_mapping_that_lacks_it():
    [f] = findings(PLAN.replace("        name: Đào tạo\n", ""))
    assert (f.rule, f.line, f.column, f.pointer) == ("schema", 13, 9, "/groups/0/projects/0")
    assert f.message == "missing required key 'name'"
    assert f.hint == "add 'name:' to this mapping"


def test_a_missing_top_level_key_points_at_the_document():
    [f] = findings(PLAN.replace("province: Thử\n", ""))
    assert (f.line, f.column, f.pointer, f.message) == (1, 1, "", "missing required key 'province'")


def test_an_unknown_key_points_at_the_key():
    [f] = findings(PLAN.replace("        total: 1000\n", "        total: 1000\n        budgett: 5\n"))
    assert (f.rule, f.line, f.column, f.pointer) == ("schema", 16, 9, "/groups/0/projects/0/budgett")
    assert f.message == "unknown key 'budgett'"
    assert f.hint.startswith("check the spelling; allowed keys here: amounts, by_year, end, id, lead")


def test_a_wrong_type_points_at_the_value():
    [f] = findings(PLAN.replace("period: {start: 2011, end: 2015}", "period: {start: 2011, end: '2015'}"))
    assert (f.rule, f.line, f.column, f.pointer) == ("schema", 7, 28, "/period/end")
    assert f.message == "'2015' is not of type integer"


def test_an_enum_and_a_pattern():
    text = PLAN.replace("id: test-plan", "id: Test Plan").replace("implements: [qd-1755-2010]",
                                                               "implements: [qd-1755-2010]\nunit: triệu đồng")
    assert located(text) == [
        ("schema", 3, 5, "'Test Plan' does not have the expected form"),
        ("schema", 9, 7, "'triệu đồng' is not one of VND, thousand VND, million VND, billion VND"),
    ]
    pattern = next(f for f in findings(text) if f.pointer == "/id")
    assert pattern.hint.startswith("Lower-case ASCII identifier")


def test_money_written_the_vietnamese_way_and_negative_money():
    text = PLAN.replace("total: 1000", "total: 439.050\n        amounts: {nstw: -5}")
    by_rule = {f.rule: f for f in findings(text)}
    assert set(by_rule) == {"data.money-as-float", "data.negative-amount"}
    assert (by_rule["data.money-as-float"].line, by_rule["data.money-as-float"].column) == (15, 16)
    assert by_rule["data.money-as-float"].pointer == "/groups/0/projects/0/total"
    assert (by_rule["data.negative-amount"].line, by_rule["data.negative-amount"].column) == (16, 25)


def test_a_oneof_reports_the_branch_that_got_furthest():
    [f] = findings(PLAN.replace('date: "2011-01-01"', 'date: "15/6/2011"'))
    assert (f.line, f.pointer, f.message) == (6, "/document/date", "'15/6/2011' does not have the expected form")
    assert f.hint == "A date as printed, written YYYY-MM-DD."


def test_findings_are_sorted_and_repeatable():
    text = PLAN.replace("province: Thử\n", "").replace("total: 1000", "total: x\n        extra: 1")
    first = [(f.line, f.column, f.message) for f in findings(text)]
    assert len(first) == 3
    assert first == [(f.line, f.column, f.message) for f in findings(text)]


@pytest.mark.parametrize("kind", ["plan", "programme", "policy", "rule", "lint-result"])
def test_inlined_references_validate_like_the_original_schema(kind):
    original = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    inlined = schema.inline_refs(original)
    jsonschema.Draft202012Validator.check_schema(inlined)
    # a recursive reference stays: the rule grammar's conditions, the plan's outline (a tree of headings)
    assert "$ref" not in json.dumps({k: v for k, v in inlined.items() if k != "$defs"}) or kind in ("rule", "plan")
    bad = {"planctl": 2, "kind": kind, "id": "Bad Id", "groups": [{"id": 1, "projects": [{"total": -1.5}]}],
           "period": {"start": "2011"}, "caps": [{"max_share": 200}]}
    errors = lambda s: sorted((list(e.absolute_path), e.validator, e.message)  # noqa: E731
                              for e in jsonschema.Draft202012Validator(s).iter_errors(bad))
    assert errors(inlined) == errors(original)


def test_a_recursive_reference_is_left_in_place():
    tree = {"$defs": {"node": {"type": "object", "properties": {"children": {"type": "array",
                                                                              "items": {"$ref": "#/$defs/node"}}}}},
            "$ref": "#/$defs/node"}
    inlined = schema.inline_refs(tree)
    validator = jsonschema.Draft202012Validator(inlined)
    assert validator.is_valid({"children": [{"children": []}]})
    assert not validator.is_valid({"children": [{"children": [1]}]})
