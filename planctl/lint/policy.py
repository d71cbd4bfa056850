"""Policy stage: derive facts from plans, run the rule catalogue over them, turn matches into findings."""

from __future__ import annotations

import datetime

from ..document import Document
from ..model import Finding, Severity
from . import engine
from .facts import FACT_KINDS, Fact, derive
from .facts.base import engine_value
from .registry import Registry
from .rules import Rule, catalogue


class _Fields(dict):
    """Template values; a field the fact does not carry (an optional one) reads '?'."""

    def __missing__(self, key: str) -> str:
        return "?"


def check_plans(plans: list[Document], registry: Registry, extra_facts: list[Fact] | None = None) -> list[Finding]:
    facts = list(extra_facts or [])
    for doc in plans:
        facts.extend(derive(doc, registry.programmes, registry.policies))
    return evaluate(catalogue(), facts)


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
    return fact.doc.finding(rule.id, rule.severity, rule.message.format_map(values), fact.pointer,
                            hint=rule.hint.format_map(values), at_key=fact.key_pointer,
                            key=(fact.pointer, fact.values.get("check", "")))


def today() -> datetime.date:
    return datetime.date.today()


def apply_waivers(findings: list[Finding], docs: dict[str, Document],
                  on: datetime.date | None = None) -> tuple[list[Finding], list[Finding]]:
    """Remove findings waived by their plan's `waivers`; report expired and unused waivers.

    Returns (findings kept, including waiver findings; findings waived).
    """
    on = on or today()
    kept, waived = [], []
    used: set[tuple[str, int]] = set()
    for finding in findings:
        doc = docs.get(finding.file)
        match = None
        for i, waiver in enumerate(doc.data.get("waivers", []) if doc and isinstance(doc.data, dict) else []):
            pointer = waiver.get("pointer", "")
            if waiver["rule"] == finding.rule and (finding.pointer == pointer or finding.pointer.startswith(pointer + "/")
                                                   or not pointer):
                match = i
                break
        if match is not None and datetime.date.fromisoformat(doc.data["waivers"][match]["expires"]) >= on:
            used.add((finding.file, match))
            waived.append(finding)
        else:
            kept.append(finding)
    for name, doc in docs.items():
        if not isinstance(doc.data, dict):
            continue
        for i, waiver in enumerate(doc.data.get("waivers", [])):
            pointer = f"/waivers/{i}"
            try:
                expires = datetime.date.fromisoformat(waiver["expires"])
            except ValueError:
                kept.append(doc.finding("waiver.invalid", Severity.ERROR, f"waiver expiry {waiver['expires']!r} is not a date",
                                        f"{pointer}/expires", hint="write the date as YYYY-MM-DD", key=(pointer,)))
                continue
            if expires < on:
                kept.append(doc.finding("waiver.expired", Severity.ERROR,
                                        f"waiver of {waiver['rule']} expired on {waiver['expires']} (owner: {waiver['owner']})",
                                        f"{pointer}/expires", hint="fix the finding, or renew the waiver with a new date",
                                        key=(pointer,)))
            elif (name, i) not in used:
                kept.append(doc.finding("waiver.unused", Severity.WARNING,
                                        f"waiver of {waiver['rule']} matches no finding",
                                        pointer, hint="remove the waiver: the finding it waived is gone", key=(pointer,)))
    return kept, waived
