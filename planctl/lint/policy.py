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
    read = fields_read(rules)
    # A fact reaches the engine with only the fields some condition reads (a sixth of the JSON
    # it parsed were figures kept for messages); a fact of a kind no rule tests cannot match and
    # is not sent. A condition depends on nothing but the fields it reads, so facts of one kind
    # with the same values there match the same rules: the engine is asked each such question
    # once (a plan's ~1,100 facts are ~110 questions: the same years, sources, references),
    # and its answer holds for every fact that asked it.
    names_read = {kind: tuple(name for name, _how in _converters(kind, fields)) for kind, fields in read.items()}
    batch: list[dict] = []
    askers: list[list[int]] = []  # by engine fact: the places in `facts` of the facts it stands for
    asked: dict[Any, int] = {}
    for i, fact in enumerate(facts):
        names = names_read.get(fact.kind)
        if names is None:
            continue
        values = fact.values
        # The fields as derived (the conversion to the engine's terms is a function of them), with
        # their types: True == 1 == 1.0 to a dict, not to the engine.
        raw = tuple([values.get(name, _MISSING) for name in names])
        question = (fact.kind, raw, tuple(map(type, raw)))
        try:
            found = asked.setdefault(question, len(batch))
        except TypeError:  # a value a dict cannot key (a list): asked on its own
            found = len(batch)
        if found == len(batch):
            batch.append(engine_fact(f"f{found}", fact, read[fact.kind]))
            askers.append([i])
        else:
            askers[found].append(i)
    by_id = {r.id: r for r in rules}
    matches = sorted((rule_id, i) for rule_id, fact_id in engine.run([r.condition for r in rules], batch)
                     for i in askers[int(fact_id[1:])])
    return [to_finding(by_id[rule_id], facts[i]) for rule_id, i in matches]


def fields_read(rules: tuple[Rule, ...]) -> dict[str, frozenset[str]]:
    """Per fact kind, the fields the rules' conditions read (worked out once for the catalogue a
    process runs, not for every batch of facts)."""
    global _last_read
    if _last_read is not None and _last_read[0] is rules:
        return _last_read[1]
    read: dict[str, set[str]] = {}
    for rule in rules:
        read.setdefault(rule.fact, set()).update(engine.fields_read(rule.condition))
    result = {kind: frozenset(names) for kind, names in read.items()}
    _last_read = (rules, result)
    return result


_last_read: tuple[tuple[Rule, ...], dict[str, frozenset[str]]] | None = None


def engine_fact(fact_id: str, fact: Fact, fields: frozenset[str] | None = None) -> dict:
    """The fact as the engine sees it: its fields (those in `fields`, else all) in the engine's
    terms (integers, never floats)."""
    converted: dict[str, Any] = {"id": fact_id, "kind": fact.kind}
    values = fact.values
    for name, how in _converters(fact.kind, fields):
        # Why the inline cases: this runs for ~1,000 facts per plan. Text and booleans pass as
        # they are, an int64 money figure, year or count too; anything else (a percentage, a
        # float, a figure beyond int64) takes engine_value, the one definition of the conversion.
        if name in values:
            value = values[name]
            if how is _AS_IS or (how in _WHOLE and type(value) is int and -_INT64 <= value <= _INT64):
                converted[name] = value
            else:
                converted[name] = engine_value(how, value)
    return converted


_MISSING = object()  # a field the fact does not carry
_AS_IS, _WHOLE = object(), (FieldType.MONEY, FieldType.YEAR, FieldType.INT)
_INT64 = 2**63 - 1


@cache
def _converters(kind: str, fields: frozenset[str] | None) -> tuple[tuple[str, Any], ...]:
    """The kind's fields (those in `fields`, else all), each with _AS_IS for text and booleans,
    else its FieldType."""
    return tuple((name, _AS_IS if t in (FieldType.TEXT, FieldType.BOOL) else t)
                 for name, t in FACT_KINDS[kind].fields.items() if fields is None or name in fields)


def to_finding(rule: Rule, fact: Fact) -> Finding:
    values = _Fields(fact.template_values(FACT_KINDS[fact.kind]))
    return fact.doc.finding(rule.id, rule.severity, rule.text("message").format_map(values), fact.pointer,
                            hint=rule.text("hint").format_map(values), at_key=fact.key_pointer,
                            key=(fact.pointer, fact.values.get("check", "")))
