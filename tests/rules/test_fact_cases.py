"""Fact derivation as data: every case in tests/rules/facts/*.yaml, one test each.

A case is a plan fragment (completed by rules/example-base.yaml, as rule examples are) and the
facts it must give:

    - name: a target below an "at least" national target is weaker
      plan: |
        targets:
          - {id: t1, indicator: I, year: 2015, comparator: ">=", value: 40, unit: "%", national_target: ...}
      policy: {caps: [...]}        # optional: the only policy (else rules/policy/*.yaml)
      programmes: [{...}]          # optional: programmes added to plans/national/*.yaml
      kind: alignment              # optional: the kind of the facts below that give none
      only: true                   # optional: no other fact of these kinds
      facts:
        - {kind: alignment, pointer: /targets/0/value, weaker: true, same_year: true}

Each expected fact must match a derived fact of its kind at its pointer on every key it lists (a
key it does not list is not compared; `absent: [name, ...]` says the fact has no such value).
With `only: true` the derived facts of those kinds are exactly the listed ones, as many of them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planctl.config import load_config
from planctl.document import load, load_bytes
from planctl.lint.examples import compose
from planctl.lint.facts import FACT_KINDS, derive
from planctl.lint.registry import load_registry
from planctl.lint.schema import validator
from tests.conftest import ROOT

CASES_DIR = Path(__file__).parent / "facts"
CASE_KEYS = {"name", "plan", "policy", "programmes", "kind", "only", "facts"}
RESERVED = {"kind", "pointer", "absent"}


def _cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = load(path)
        assert doc.ok, doc.error
        assert isinstance(doc.data, list), f"{path}: a list of cases"
        for i, case in enumerate(doc.data):
            line = doc.locate(f"/{i}").line
            params.append(pytest.param(case, id=f"{path.stem}:{line}:{case.get('name', '?')}"))
    return params


CASES = _cases()


@pytest.fixture(scope="module")
def registry():
    return load_registry(load_config(ROOT))


def _same(actual, expected) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(actual) is type(expected) and actual == expected
    if isinstance(actual, Decimal) and isinstance(expected, float):
        return actual == Decimal(repr(expected))  # 0.3 as written, not the float nearest to it
    return actual == expected


def _matches(fact, expected: dict) -> bool:
    if fact.pointer != expected["pointer"]:
        return False
    if any(name in fact.values for name in expected.get("absent", [])):
        return False
    wanted = {k: v for k, v in expected.items() if k not in RESERVED}
    return all(name in fact.values and _same(fact.values[name], value) for name, value in wanted.items())


def _policies(case: dict, registry) -> tuple:
    if "policy" not in case:
        return registry.policies
    policy = {"planctl": 1, "kind": "policy", "id": "case", **case["policy"]}
    errors = [e.message for e in validator("policy").iter_errors(policy)]
    assert not errors, f"the case's policy is not schema-valid: {errors}"
    return (policy,)


def _programmes(case: dict, registry) -> dict:
    programmes = dict(registry.programmes)
    for programme in case.get("programmes", []):
        errors = [e.message for e in validator("programme").iter_errors(programme)]
        assert not errors, f"the case's programme is not schema-valid: {errors}"
        programmes[programme["id"]] = programme
    return programmes


def test_there_are_cases_for_the_compared_fact_kinds():
    kinds = {f.get("kind", p.values[0].get("kind")) for p in CASES for f in p.values[0]["facts"]}
    assert kinds >= {"alignment", "cap", "year", "schedule", "milestone-step", "occurrence", "seq-step",
                     "sum-check", "count-check"}


@pytest.mark.parametrize("case", CASES)
def test_fact_case(case, registry):
    assert set(case) <= CASE_KEYS, f"unknown case keys: {set(case) - CASE_KEYS}"
    doc = load_bytes(compose(case["plan"]).encode("utf-8"), "case.yaml")
    assert doc.ok, doc.error
    schema_errors = [e.message for e in validator("plan").iter_errors(doc.data)]
    assert not schema_errors, f"the case's plan is not schema-valid: {schema_errors}"
    facts = derive(doc, _programmes(case, registry), _policies(case, registry))

    expected = [{"kind": case.get("kind"), **e} for e in case["facts"]]
    kinds = {e["kind"] for e in expected} | ({case["kind"]} if "kind" in case else set())
    assert kinds and None not in kinds, "every expected fact needs a kind (its own, or the case's)"
    assert kinds <= FACT_KINDS.keys(), f"unknown fact kinds {kinds - FACT_KINDS.keys()}"
    for e in expected:
        unknown = set(e) - RESERVED - set(FACT_KINDS[e["kind"]].fields)
        assert not unknown, f"fact {e['kind']!r} has no field(s) {unknown}"

    derived = {kind: [f for f in facts if f.kind == kind] for kind in kinds}
    shown = {kind: [(f.pointer, f.values) for f in found] for kind, found in derived.items()}
    for e in expected:
        assert any(_matches(f, e) for f in derived[e["kind"]]), f"no fact matches {e}; derived: {shown[e['kind']]}"
    if case.get("only"):
        for kind in kinds:
            listed = [e for e in expected if e["kind"] == kind]
            assert len(derived[kind]) == len(listed), f"expected {len(listed)} {kind} fact(s); derived: {shown[kind]}"
            assert all(any(_matches(f, e) for e in listed) for f in derived[kind]), shown[kind]
