"""planctl's own evaluator of the compiled rule conditions: the engine where durable_rules is not.

It reads the subset of durable_rules' condition grammar that `engine.compile_condition` emits,
with durable_rules' semantics (measured against durable_rules 2.0.28 and read in its C source,
src/rules/events.c `reduceProperties`), so both engines give the same findings:

    <expr>  = {"$and": [<expr>, ...]} | {"$or": [<expr>, ...]}
            | {"$ex": {field: 1}} | {"$nex": {field: 1}}
            | {field: <value>} | {"$neq"|"$gt"|"$gte"|"$lt"|"$lte": {field: <value>}}
    <value> = int | str | bool | None | {"$m": other_field}

- A comparison with a field the fact lacks is false (durable_rules evaluates a test only on the
  properties a fact has). A `{"$m": other}` reference must be guarded by `{"$ex": {other: 1}}` in
  an enclosing `$and`: durable_rules reads garbage for a missing referenced field, so `check`
  refuses an unguarded reference, and one inside `$or` (out-of-bounds reads there).
- Integers are int64: durable_rules parses them with atoll, which saturates. Booleans compare as
  0 and 1 with numbers (durable_rules' reduceInt), which is also Python's rule.
- Strings: equality is exact. Order is durable_rules' strncmp over the strings as they appear in
  the JSON it was given (escaped: `"` as `\\"`, control characters as `\\n`, `\\u0001`), for the
  length of the longer one, so the shorter one is compared through its terminator: the closing
  quote `"` for a fact's string, NUL for a rule's literal. Hence `"ab" > "ab "` in a fact.
- A string compared with a number or a boolean is undefined in durable_rules (it formats the
  number with an uninitialised length): planctl's facts and rules never mix types, and this
  evaluator raises TypeError for it, so a rule that did would fail the engine-equivalence tests.
- null: equal only to null; `$neq` holds between null and anything else only when the fact's
  value is not null (durable_rules' OP_X_NIL / OP_NIL_NIL cases).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

Test = Callable[[dict], bool]

COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "$eq": operator.eq, "$neq": operator.ne, "$gt": operator.gt, "$gte": operator.ge,
    "$lt": operator.lt, "$lte": operator.le,
}
INT64 = (-(2**63), 2**63 - 1)


class Compiled(Protocol):
    """What engine.Condition is: a rule id and its compiled expression."""

    @property
    def rule_id(self) -> str: ...

    @property
    def expression(self) -> dict: ...


def check(expression: Any) -> None:
    """Raise ValueError when the expression leaves the grammar both engines agree on."""
    _compile(expression, frozenset(), in_or=False)


def run(conditions: Sequence[Compiled], facts: Iterable[dict]) -> list[tuple[str, str]]:
    """Every (rule id, fact id) match, sorted: the same answer as engine.run with durable_rules."""
    by_kind: dict[Any, list[tuple[str, Test]]] = {}
    anywhere: list[tuple[str, Test]] = []
    for condition in conditions:
        test = _compile(condition.expression, frozenset(), in_or=False)
        kind = required_kind(condition.expression)
        (by_kind.setdefault(kind, []) if kind is not None else anywhere).append((condition.rule_id, test))
    matches: set[tuple[str, str]] = set()
    for fact in facts:
        # Every compiled condition starts with {"kind": K}: only the rules of the fact's kind can match.
        kind = fact.get("kind")
        for rule_id, test in [*(by_kind.get(kind, ()) if isinstance(kind, str) else ()), *anywhere]:
            try:
                if test(fact):
                    matches.add((rule_id, fact["id"]))
            except TypeError as exc:
                raise TypeError(f"rule {rule_id} on a {kind} fact {exc}") from None
    return sorted(matches)


def required_kind(expression: dict) -> str | None:
    """The kind a condition requires by a top-level {"kind": "<str>"} term, if it has one."""
    terms = expression.get("$and", [expression]) if len(expression) == 1 else []
    for term in terms:
        if isinstance(term, dict) and len(term) == 1 and isinstance(term.get("kind"), str):
            return term["kind"]
    return None


def _compile(expression: Any, guarded: frozenset[str], *, in_or: bool) -> Test:
    """A test of one fact; `guarded` holds the fields an enclosing `$and` requires to exist."""
    if not isinstance(expression, dict) or len(expression) != 1:
        raise ValueError(f"a condition term is a mapping of one key, not {json.dumps(expression)}")
    (key, body), = expression.items()
    if key in ("$and", "$or"):
        if not isinstance(body, list) or not body:
            raise ValueError(f"{key} takes a non-empty list, not {json.dumps(body)}")
        if key == "$and":
            guarded = guarded | {f for t in body if isinstance(t, dict) and isinstance(t.get("$ex"), dict)
                                 for f in t["$ex"]}
        tests = [_compile(term, guarded, in_or=in_or or key == "$or") for term in body]
        return (lambda fact: all(t(fact) for t in tests)) if key == "$and" else (lambda fact: any(t(fact) for t in tests))
    if key in ("$ex", "$nex"):
        if not isinstance(body, dict) or len(body) != 1:
            raise ValueError(f"{key} takes one field, not {json.dumps(body)}")
        (field, _), = body.items()
        return (lambda fact: field in fact) if key == "$ex" else (lambda fact: field not in fact)
    if key in COMPARISONS and key != "$eq":
        if not isinstance(body, dict) or len(body) != 1:
            raise ValueError(f"{key} takes one field, not {json.dumps(body)}")
        (field, value), = body.items()
        return _comparison(key, field, value, guarded, in_or)
    if key.startswith("$"):
        raise ValueError(f"operator {key} is not supported by planctl's rules engines")
    return _comparison("$eq", key, body, guarded, in_or)


def _comparison(op: str, field: str, value: Any, guarded: frozenset[str], in_or: bool) -> Test:
    compare = COMPARISONS[op]
    if isinstance(value, dict):
        if set(value) != {"$m"} or not isinstance(value["$m"], str):
            raise ValueError(f"a value is a number, a string, a boolean, null or {{\"$m\": field}}, "
                             f"not {json.dumps(value)}")
        other = value["$m"]
        if in_or:
            raise ValueError(f"the reference to field {other!r} is inside $or (a rule's `any`), where "
                             "durable_rules reads out of bounds")
        if other not in guarded:
            raise ValueError(f"the reference to field {other!r} needs {{\"$ex\": {{{other!r}: 1}}}} beside it "
                             "(durable_rules reads garbage for a missing field)")

        def by_reference(fact: dict) -> bool:
            return field in fact and other in fact and _holds(compare, op, fact[field], fact[other], True)
        return by_reference
    if not (value is None or isinstance(value, (bool, int, float, str))):
        raise ValueError(f"unsupported value {value!r}")

    if isinstance(value, str) and op in ("$eq", "$neq"):
        # The common case, kept fast: strings are equal exactly when their escaped forms are.
        def text_equality(fact: dict) -> bool:
            if field not in fact:
                return False
            left = fact[field]
            if isinstance(left, str):
                return compare(left, value)
            return _holds(compare, op, left, value, False)
        return text_equality

    def by_value(fact: dict) -> bool:
        return field in fact and _holds(compare, op, fact[field], value, False)
    return by_value


def _holds(compare: Callable[[Any, Any], bool], op: str, left: Any, right: Any, right_in_fact: bool) -> bool:
    """durable_rules' reduceProperties for the types a JSON fact and a rule can hold."""
    if left is None or right is None:
        if left is None and right is None:
            return op == "$eq"
        return left is not None and op == "$neq"
    if isinstance(left, str) and isinstance(right, str):
        if op in ("$eq", "$neq"):
            return compare(left, right)
        return compare(_strncmp(left, right, right_in_fact), 0)
    if isinstance(left, str) or isinstance(right, str):
        raise TypeError(f"compares {type(left).__name__} {left!r} with {type(right).__name__} {right!r}")
    if isinstance(left, float) or isinstance(right, float):
        return compare(float(_int64(left)), float(_int64(right)))
    return compare(_int64(left), _int64(right))


def _int64(value: float) -> float:
    return value if isinstance(value, float) else min(max(int(value), INT64[0]), INT64[1])


def _escaped(text: str) -> bytes:
    return json.dumps(text, ensure_ascii=False)[1:-1].encode("utf-8")


def _strncmp(left: str, right: str, right_in_fact: bool) -> int:
    """-1, 0 or 1 as durable_rules orders a fact's string `left` against `right`.

    strncmp runs over the longer length, so the shorter string is compared through the byte after
    it: a fact's string is followed by its closing quote in the JSON text, a rule's literal by NUL.
    The comparison is decided there at the latest (an escaped string never has a bare quote).
    """
    a, b = _escaped(left), _escaped(right)
    n = max(len(a), len(b))
    a = (a + b'"' * (n - len(a)))[:n]
    b = (b + (b'"' if right_in_fact else b"\0") * (n - len(b)))[:n]
    return (a > b) - (a < b)
