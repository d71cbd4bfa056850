"""Run rule conditions over facts with durable_rules. The only module that imports it.

durable_rules is used as a single-fact condition matcher, with the precautions measured in
shared/reference/durable-rules.md:
- a private Host whose background timers never start; one fresh ruleset per run, deleted after;
- facts, not events (events stop at the first matching rule); the whole batch asserted in one
  call of the C API, then every pending action drained;
- every fact has a unique id, checked for 32-bit FNV-1 hash collisions (the engine de-duplicates
  facts by that hash and would silently drop one);
- every condition starts with a positive `kind` discriminator; a comparison with another field
  is guarded by `$ex` on both fields; no `$or` holds a field reference;
- a sentinel rule and fact, so an action always runs (delete_state crashes otherwise);
- exceptions raised in actions come back in the session state, and are raised here.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import durable_rules_engine
from durable.engine import Host

from ..errors import PlanctlError

OPERATORS = {"!=": "$neq", ">": "$gt", ">=": "$gte", "<": "$lt", "<=": "$lte"}
_runs = itertools.count(1)


class _QuietHost(Host):
    def _run(self) -> None:  # Host starts a timer thread here; a linter has no timers.
        pass


@dataclass(frozen=True)
class Condition:
    """A compiled rule: its id, the fact kind it applies to, and the durable_rules expression."""

    rule_id: str
    expression: dict


def _test(field: str, test: dict) -> list[dict]:
    """One `field: {OP: value, ...}` of a rule's `when` (every test must hold), as durable_rules
    expressions."""
    terms: list[dict] = []
    for op, value in test.items():
        if op == "exists":
            terms.append({"$ex" if value else "$nex": {field: 1}})
            continue
        terms.append({"$ex": {field: 1}})
        if isinstance(value, dict):  # {field: other}: compare with another field of the same fact
            other = value["field"]
            terms.append({"$ex": {other: 1}})
            value = {"$m": other}
        terms.append({field: value} if op == "==" else {OPERATORS[op]: {field: value}})
    return terms


def compile_condition(rule_id: str, kind: str, when: dict, any_of: list[dict] | None = None) -> Condition:
    terms: list[dict] = [{"kind": kind}]
    for field, test in (when or {}).items():
        terms.extend(_test(field, test))
    if any_of:
        alternatives = []
        for branch in any_of:
            parts = [t for f, v in branch.items() for t in _test(f, v)]
            alternatives.append(parts[0] if len(parts) == 1 else {"$and": parts})
        terms.append({"$or": alternatives})
    return Condition(rule_id, {"$and": terms})


def check_condition(condition: Condition) -> None:
    """Create the rule on its own so that an engine error can be tied to its rule file."""
    name = f"check-{next(_runs)}"
    definition = {name: {"r": {"all": [{"m": condition.expression}], "run": lambda c: None}}}
    try:
        host = _QuietHost()
        host.register_rulesets(definition)
    except BaseException as exc:  # the C extension reports a bare error code
        raise PlanctlError(f"rule {condition.rule_id}: the rules engine rejected its condition ({exc})") from None
    durable_rules_engine.delete_ruleset(host.get_ruleset(name)._handle)


def fnv1_32(text: str) -> int:
    """The hash durable_rules uses to de-duplicate facts by id (state.c: fnv1Hash32).

    It is FNV-1a over C `char`, which is signed on x86: bytes above 127 are sign-extended.
    """
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value ^= byte if byte < 128 else (byte | 0xFFFFFF00)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def unique_ids(ids: Iterable[str]) -> None:
    seen: dict[int, str] = {}
    for fact_id in ids:
        h = fnv1_32(fact_id)
        if h in seen:
            raise PlanctlError(f"internal: fact ids {seen[h]!r} and {fact_id!r} collide in the rules "
                               "engine's hash; one would be dropped silently")
        seen[h] = fact_id


def run(conditions: list[Condition], facts: list[dict]) -> list[tuple[str, str]]:
    """Every (rule id, fact id) match of the conditions over the facts, sorted."""
    if not conditions or not facts:
        return []
    run_id = f"lint-{next(_runs)}"
    matches: list[tuple[str, str]] = []

    def collect(rule_id: str):
        def action(c) -> None:
            found = c.m if isinstance(c.m, list) else [c.m]
            matches.extend((rule_id, m["id"]) for m in found)
        return action

    definition: dict[str, dict] = {
        f"r{i}": {"all": [{"m": json.loads(json.dumps(c.expression))}], "cap": 65535, "run": collect(c.rule_id)}
        for i, c in enumerate(conditions)
    }
    definition["sentinel"] = {"all": [{"m": {"kind": "$sentinel"}}], "cap": 65535, "run": lambda c: None}
    batch = [dict(f, sid=run_id) for f in facts] + [{"id": f"{run_id}-sentinel", "sid": run_id, "kind": "$sentinel"}]
    unique_ids(f["id"] for f in batch)

    host = _QuietHost()
    host.register_rulesets({run_id: definition})
    ruleset = host.get_ruleset(run_id)
    try:
        code, state = durable_rules_engine.assert_facts(ruleset._handle, json.dumps(batch, ensure_ascii=False))
        if code not in (0, 1):  # 2 = a fact was dropped as already observed
            raise PlanctlError(f"internal: the rules engine refused the facts (code {code})")
        failure: list[Any] = [None]
        ruleset.do_actions(state, lambda error, _state: failure.__setitem__(0, error))
        if failure[0] is not None:
            raise PlanctlError(f"internal: a rule action failed: {failure[0]}")
        leftover = ruleset.get_state(run_id)
        if "exception" in leftover:
            raise PlanctlError(f"internal: a rule action failed: {leftover['exception']}")
        ruleset.delete_state(run_id)
    finally:
        durable_rules_engine.delete_ruleset(ruleset._handle)
    return sorted(set(matches))
