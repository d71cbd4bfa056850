"""The durable_rules engine against a plain-Python reading of the same conditions.

durable_rules can silently drop or mis-match facts (shared/reference/durable-rules.md); this
reference evaluator of the rule grammar turns any such difference into a failing test, on every
fact derived from the rule examples and from the real plans.
"""

import operator

import pytest

from planctl.config import load_config
from planctl.document import load_bytes
from planctl.lint import engine
from planctl.lint.examples import compose
from planctl.lint.facts import derive
from planctl.lint.policy import engine_fact
from planctl.lint.registry import load_registry
from planctl.lint.rules import catalogue
from tests.conftest import ROOT

CONFIG = load_config(ROOT)
OPS = {"==": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def holds(fact: dict, field: str, test: dict) -> bool:
    return all(holds_one(fact, field, op, value) for op, value in test.items())


def holds_one(fact: dict, field: str, op: str, value) -> bool:
    if op == "exists":
        return (field in fact) == bool(value)
    if field not in fact:
        return False
    if isinstance(value, dict):
        if value["field"] not in fact:
            return False
        value = fact[value["field"]]
    return OPS[op](fact[field], value)


def reference_match(rule, fact: dict) -> bool:
    if fact["kind"] != rule.fact:
        return False
    if not all(holds(fact, f, t) for f, t in rule.when.items()):
        return False
    return not rule.any_of or any(all(holds(fact, f, t) for f, t in branch.items()) for branch in rule.any_of)


def all_facts():
    registry = load_registry(CONFIG)
    docs = [load_bytes(compose(e.plan).encode(), f"{r.id}-{i}.yaml") for r in catalogue() for i, e in enumerate(r.examples)]
    docs += [load_bytes(p.read_bytes(), str(p)) for p in CONFIG.glob(CONFIG.plans) if "national" not in p.parts]
    facts = []
    for doc in docs:
        if doc.ok and isinstance(doc.data, dict) and doc.data.get("kind") == "plan":
            try:
                facts.extend(derive(doc, registry.programmes, registry.policies))
            except (KeyError, TypeError):  # schema-invalid example (pitfall rules): no policy facts
                continue
    return [engine_fact(f"f{i}", f) for i, f in enumerate(facts)]


def test_engine_matches_reference_evaluator():
    facts = all_facts()
    rules = catalogue()
    assert len(facts) > 500
    expected = sorted({(r.id, f["id"]) for r in rules for f in facts if reference_match(r, f)})
    actual = engine.run([r.condition for r in rules], facts)
    assert actual == expected
    assert len(actual) > 50  # the comparison is not vacuous


def test_colliding_fact_ids_are_refused():
    # Two ids with the same 32-bit FNV-1 hash: durable_rules would silently drop one fact.
    assert engine.fnv1_32("P0737786") == engine.fnv1_32("P1076240")
    with pytest.raises(Exception, match="collide"):
        engine.unique_ids(["P0737786", "P1076240"])


def test_engine_runs_repeatedly_in_one_process():
    rules = catalogue()
    facts = all_facts()[:200]
    first = engine.run([r.condition for r in rules], facts)
    for _ in range(3):
        assert engine.run([r.condition for r in rules], facts) == first
