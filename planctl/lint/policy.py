"""Policy stage: run the rule catalogue over facts, turn matches into findings."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..model import Finding
from . import engine
from .facts import FACT_KINDS, Fact, FieldType
from .facts.base import engine_value
from .rules import Rule


class _Fields(dict):
    """Template values; a field the fact does not carry (an optional one) reads '?'."""

    def __missing__(self, key: str) -> str:
        return "?"


def evaluate(rules: tuple[Rule, ...], facts: list[Fact]) -> list[Finding]:
    """Run the rules over the facts in one engine batch; one finding per (rule, fact) match."""
    table = {f"f{i}": fact for i, fact in enumerate(facts)}
    batch = [engine_fact(fid, fact) for fid, fact in table.items()]
    by_id = {r.id: r for r in rules}
    return [to_finding(by_id[rule_id], table[fact_id])
            for rule_id, fact_id in engine.run([r.condition for r in rules], batch)]


def engine_fact(fact_id: str, fact: Fact) -> dict:
    """The fact as the engine sees it: its fields in the engine's terms (integers, never floats)."""
    converted: dict[str, Any] = {"id": fact_id, "kind": fact.kind}
    convert = _converters(fact.kind)
    for name, value in fact.values.items():
        # Why the inline cases: this runs for every field of ~800 facts per plan. Text and
        # booleans pass as they are, an int64 money figure too; anything else (a percentage, a
        # float, a figure beyond int64) takes engine_value, the one definition of the conversion.
        how = convert[name]
        if how is _AS_IS or (how is _MONEY and type(value) is int and -_INT64 <= value <= _INT64):
            converted[name] = value
        else:
            converted[name] = engine_value(how, value)
    return converted


_AS_IS, _MONEY = object(), FieldType.MONEY
_INT64 = 2**63 - 1


@cache
def _converters(kind: str) -> dict[str, Any]:
    """Per field of a fact kind: _AS_IS for text and booleans, else its FieldType."""
    return {name: _AS_IS if t in (FieldType.TEXT, FieldType.BOOL) else t for name, t in FACT_KINDS[kind].fields.items()}


def to_finding(rule: Rule, fact: Fact) -> Finding:
    values = _Fields(fact.template_values(FACT_KINDS[fact.kind]))
    return fact.doc.finding(rule.id, rule.severity, rule.text("message").format_map(values), fact.pointer,
                            hint=rule.text("hint").format_map(values), at_key=fact.key_pointer,
                            key=(fact.pointer, fact.values.get("check", "")))
