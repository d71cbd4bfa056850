"""Policy stage: run the rule catalogue over facts, turn matches into findings."""

from __future__ import annotations

from ..model import Finding
from . import engine
from .facts import FACT_KINDS, Fact
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
    types = FACT_KINDS[fact.kind].fields
    return {"id": fact_id, "kind": fact.kind,
            **{name: engine_value(types[name], value) for name, value in fact.values.items()}}


def to_finding(rule: Rule, fact: Fact) -> Finding:
    values = _Fields(fact.template_values(FACT_KINDS[fact.kind]))
    return fact.doc.finding(rule.id, rule.severity, rule.text("message").format_map(values), fact.pointer,
                            hint=rule.text("hint").format_map(values), at_key=fact.key_pointer,
                            key=(fact.pointer, fact.values.get("check", "")))
