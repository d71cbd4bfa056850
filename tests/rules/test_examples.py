"""Every rule's own examples, run through the real pipeline and the real durable_rules engine."""

import pytest

from planctl.config import load_config
from planctl.lint.examples import run_example
from planctl.lint.rules import catalogue
from tests.conftest import ROOT

CONFIG = load_config(ROOT)
CASES = [pytest.param(rule, example, id=f"{rule.id}-{'fail' if example.fails else 'pass'}{i}")
         for rule in catalogue() for i, example in enumerate(rule.examples)]


@pytest.mark.parametrize("rule,example", CASES)
def test_rule_example(rule, example):
    findings = run_example(rule, example, CONFIG)
    if example.fails:
        assert example.line in [f.line for f in findings], findings
        assert all(f.severity == rule.severity for f in findings)
    else:
        assert findings == []


def test_every_rule_has_a_failing_and_a_passing_example():
    for rule in catalogue():
        assert {e.fails for e in rule.examples} == {True, False}, rule.id


def test_catalogue_covers_every_category_of_the_design():
    categories = {rule.id.split(".")[0] for rule in catalogue()}
    assert categories == {"consistency", "periods", "identity", "citations", "caps", "alignment", "data", "relations",
                          "structure", "tasks", "links"}
