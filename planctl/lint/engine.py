"""Run rule conditions over facts: durable_rules where it imports, else planctl's own evaluator.

The only module that imports durable_rules. `run(conditions, facts)` is the one interface; which
engine answers is chosen once per process (`selected`): durable_rules on CPython 3.11/3.12 where
it was built, planctl's evaluator (lint/evaluator.py, the same semantics) where durable_rules is
not installed or does not import (its C extension fails on 3.13: PyEval_CallObject was removed).
PLANCTL_ENGINE=durable|python forces one. `--version` names it.

durable_rules is used as a single-fact condition matcher, with the precautions measured in
shared/reference/durable-rules.md:
- its C API (durable_rules_engine) is driven directly, as durable.engine's Ruleset and Host drive
  it, without them: no Host (whose background timers a linter must not start), and none of the
  logging, threading and traceback modules they import (~8 ms of a one-plan lint); one ruleset
  per group of fact kinds, kept for the process, and one session of it per run, its state
  deleted after (the ruleset too if the run fails);
- facts, not events (events stop at the first matching rule); the whole batch asserted in one
  call of the C API, then every pending action drained;
- the engine de-duplicates facts by a 32-bit FNV-1 hash of their id and silently drops one of
  two that collide: a batch is split into runs of at most MAX_FACTS_PER_RUN facts, each its own
  session, and within a run the facts get ids from SAFE_IDS, a numbering whose
  hashes are distinct by construction, so no run can lose a fact whatever the number of plans;
- every condition starts with a positive `kind` discriminator; a comparison with another field
  is guarded by `$ex` on both fields; no `$or` holds a field reference;
- a sentinel rule and fact, so an action always runs (delete_state crashes otherwise);
- an error while the actions are drained is raised here (an InternalError).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InternalError, PlanctlError
from . import evaluator

OPERATORS = {"!=": "$neq", ">": "$gt", ">=": "$gte", "<": "$lt", "<=": "$lte"}
_runs = itertools.count(1)

# durable_rules' cost per fact grows with the size of a session (300k one-field facts: 7 s in runs
# of 10k, 13 s in runs of 50k, 19 s and 1 GB in runs of 100k); a run costs ~2 ms to set up.
MAX_FACTS_PER_RUN = 10_000


class Condition(NamedTuple):
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


def fields_read(condition: Condition) -> set[str]:
    """The fact fields the condition tests, compares with, or asks about (`$ex`)."""
    found: set[str] = set()
    _add_fields(condition.expression, found)
    return found


def _add_fields(expression: Any, found: set[str]) -> None:
    # A module function, not a closure that calls itself: that would be a reference cycle, left
    # for the cyclic collector, which is off during a lint (lint/runner.py).
    if isinstance(expression, list):
        for item in expression:
            _add_fields(item, found)
    elif isinstance(expression, dict):
        for key, value in expression.items():
            if key == "$m":
                found.add(value)
            elif not key.startswith("$"):
                found.add(key)
            _add_fields(value, found)


def check_condition(condition: Condition) -> None:
    """Refuse, tied to its rule file, a condition either engine would not evaluate the same way.

    With durable_rules the rule is also created on its own, so that an engine error (a bare
    numeric code) names the rule.
    """
    try:
        evaluator.check(condition.expression)
    except ValueError as exc:
        raise PlanctlError(f"rule {condition.rule_id}: {exc}") from None
    if selected() != DURABLE:
        return
    engine = _durable()
    try:
        handle = engine.create_ruleset(f"check-{next(_runs)}", _definition_json({"r": _rule(condition)}))
    except BaseException as exc:  # the C extension reports a bare error code
        raise PlanctlError(f"rule {condition.rule_id}: the rules engine rejected its condition ({exc})") from None
    engine.delete_ruleset(handle)


# ---- which engine ------------------------------------------------------------------------------

DURABLE, PYTHON = "durable", "python"
_choice: dict[str, str] = {}
_warned = False


def _durable_problem() -> str | None:
    """None when durable_rules imports; else why not ("not installed", or the import error)."""
    try:
        import durable_rules_engine  # noqa: F401  (the C extension: cheap, and what fails)
    except ModuleNotFoundError as exc:
        if exc.name == "durable_rules_engine":
            return "not installed"
        return f"{exc}"
    except ImportError as exc:  # built, but does not load on this Python (3.13: PyEval_CallObject)
        return str(exc).replace(exc.path, Path(exc.path).name) if exc.path else str(exc)
    return None


def _requested() -> str:
    value = os.environ.get("PLANCTL_ENGINE", "").strip()
    if value.lower() not in ("", DURABLE, PYTHON):
        raise PlanctlError(f"PLANCTL_ENGINE={value!r} is not a rules engine: use 'durable' (durable_rules) or "
                           "'python' (planctl's evaluator), or leave it unset")
    return value.lower()


def selected() -> str:
    """DURABLE or PYTHON: the engine `run` uses in this process.

    An unknown PLANCTL_ENGINE, or PLANCTL_ENGINE=durable where durable_rules does not import, is
    a PlanctlError (exit 2). durable_rules installed but not importing is said once on stderr.
    """
    global _warned
    requested = _requested()
    if requested in _choice:
        return _choice[requested]
    choice = PYTHON
    if requested != PYTHON:
        problem = _durable_problem()
        if problem is None:
            choice = DURABLE
        elif requested == DURABLE:
            raise PlanctlError(f"PLANCTL_ENGINE=durable, but durable_rules cannot be used: {problem}")
        elif problem != "not installed" and not _warned:
            _warned = True
            print(f"planctl: durable_rules is installed but does not import ({problem}); "
                  "using planctl's own evaluator", file=sys.stderr)
    _choice[requested] = choice
    return choice


def describe() -> str:
    """The engine in use, for `planctl --version`: never raises, never prints a warning."""
    try:
        requested = _requested()
    except PlanctlError as exc:
        return f"rules engine: none, {exc}"
    if requested == PYTHON:
        return "rules engine: planctl's evaluator (PLANCTL_ENGINE=python)"
    problem = _durable_problem()
    if problem is None:
        return f"rules engine: durable_rules {_durable_version()}".rstrip()
    if requested == DURABLE:
        return f"rules engine: none, PLANCTL_ENGINE=durable but durable_rules cannot be used: {problem}"
    if problem == "not installed":
        return "rules engine: planctl's evaluator; durable_rules not installed"
    return f"rules engine: planctl's evaluator; durable_rules is installed but does not import ({problem})"


def _durable_version() -> str:
    """durable_rules' version from the name of its metadata folder (importlib.metadata costs ~50
    ms): durable_rules-2.0.28.dist-info, or .egg-info when an older pip without `wheel` installed it
    with setup.py (Debian's python3 and pip 23.0), possibly with a Python tag (-py3.11)."""
    import durable_rules_engine

    folder = Path(durable_rules_engine.__file__).parent
    for info in (*folder.glob("durable_rules-*.dist-info"), *folder.glob("durable_rules-*.egg-info")):
        return info.name[len("durable_rules-"):].rpartition(".")[0].partition("-")[0]
    return ""


def _durable() -> Any:
    """durable_rules' C API (durable_rules_engine), imported on first use."""
    import durable_rules_engine

    return durable_rules_engine


def _rule(condition: Condition) -> dict:
    """A condition as a rule of a ruleset: one action per batch of up to 65,535 matches."""
    return {"all": [{"m": condition.expression}], "cap": 65535}


def _definition_json(rules: dict[str, dict]) -> str:
    """A ruleset's definition as durable.engine's Ruleset hands it to create_ruleset (with the
    actions taken out, as it takes them out)."""
    return json.dumps(rules, ensure_ascii=False)


# ---- running -----------------------------------------------------------------------------------

def run(conditions: list[Condition], facts: list[dict]) -> list[tuple[str, str]]:
    """Every (rule id, fact id) match of the conditions over the facts, sorted.

    Each fact has a unique `id` and a `kind`; any str ids will do (the engine renumbers them).
    """
    if not conditions or not facts:
        return []
    if selected() == PYTHON:
        try:
            return evaluator.run(conditions, facts)
        except TypeError as exc:
            raise InternalError(f"{exc}: a field and a rule value of different types") from None
    matches: list[tuple[str, str]] = []
    for group, group_facts in _grouped(conditions, facts):
        for start in range(0, len(group_facts), MAX_FACTS_PER_RUN):
            matches.extend(_session(group, group_facts[start:start + MAX_FACTS_PER_RUN]))
    return sorted(set(matches))  # an $or can match one fact through two branches


# durable_rules tests each fact against every rule of its ruleset (its network does not index
# the `kind` each condition starts with): a fact costs about twice as much among all the rules as
# among a quarter of them. So the rules are run in groups of fact kinds, each group in runs of its
# own with only the facts of its kinds; the matches are the same, since a condition that starts
# with {"kind": K} matches only facts of kind K. Each group's ruleset is created once per process
# and every run of the group is a session of it (creating one costs about as much as running a
# plan's facts through it), so more groups cost little more to set up. Measured on the bench plans
# (durable_rules 2.0.28, engine time per plan): all rules in one ruleset created per run 5.5 ms;
# 4 groups 2.7 ms (2.45 ms with the rulesets kept); 16 groups kept 1.8 ms, the same as 40; a
# one-plan lint's engine time the same (5-6 ms) with 4, 8 or 16. Since lint/policy.py asks each
# question once, a batch is a few hundred facts and the grouping no longer shows (evaluate: 2.04,
# 2.01 and 1.96 ms per plan with 1, 4 and 16 groups, same process, 6 rounds); it is kept for
# batches of many distinct questions.
KIND_GROUPS = 16


def condition_groups(conditions: list[Condition], volume: Counter, count: int) -> list[tuple[list[Condition], set[Any]]]:
    """The conditions in at most `count` groups by the fact kind each requires, balanced by the
    number of facts of each kind (`volume`), each with its kinds; one group of every condition,
    with the kinds {None}, when a condition does not start with a kind."""
    kinds = [evaluator.required_kind(c.expression) for c in conditions]
    if None in kinds:
        return [(conditions, {None})]
    wanted = sorted(set(kinds), key=lambda k: (-volume.get(k, 0), str(k)))
    groups: list[tuple[list[Condition], set[Any]]] = [([], set()) for _ in range(min(count, len(wanted)))]
    loads = [0] * len(groups)
    for kind in wanted:  # the most frequent kind first, to the lightest group
        lightest = loads.index(min(loads))
        groups[lightest][1].add(kind)
        loads[lightest] += volume.get(kind, 0)
    for condition, kind in zip(conditions, kinds, strict=True):
        next(g for g in groups if kind in g[1])[0].append(condition)
    return groups


def _distribute(kinds_of_groups: list[set[Any]], facts: list[dict]) -> list[list[dict]]:
    """The facts each group tests, by the kinds of each group (a group of kind None: every fact)."""
    if len(kinds_of_groups) == 1 and None in kinds_of_groups[0]:
        return [facts]
    group_of = {kind: i for i, kinds in enumerate(kinds_of_groups) for kind in kinds}
    parts: list[list[dict]] = [[] for _ in kinds_of_groups]
    for fact in facts:
        i = group_of.get(fact.get("kind"))
        if i is not None:
            parts[i].append(fact)
    return parts


class _Group:
    """A group of conditions and the durable_rules ruleset that runs them, created on first use
    and kept for the process (a forked worker has its own copy)."""

    def __init__(self, conditions: list[Condition], kinds: set[Any]) -> None:
        self.conditions = conditions
        self.kinds = kinds
        self.handle: int | None = None
        self.rule_ids = {f"r{i}": c.rule_id for i, c in enumerate(conditions)}

    def ruleset(self, engine: Any) -> int:
        if self.handle is None:
            rules = {name: _rule(c) for name, c in zip(self.rule_ids, self.conditions, strict=True)}
            rules["sentinel"] = {"all": [{"m": {"kind": "$sentinel"}}], "cap": 65535}
            self.handle = engine.create_ruleset(f"lint-{next(_runs)}", _definition_json(rules))
        return self.handle

    def close(self, engine: Any) -> None:
        """Delete the ruleset (after a failed run: a session may be left in it)."""
        if self.handle is not None:
            engine.delete_ruleset(self.handle)
            self.handle = None


# The groups of the condition lists run in this process, by the conditions' identities (the
# conditions are kept with them, so an identity is never reused). A lint runs one list, the rule
# catalogue; tests run many, so only the last few are kept.
_GROUPINGS: dict[tuple[int, ...], tuple[list[Condition], list[_Group]]] = {}
KEEP_GROUPINGS = 8


def _grouped(conditions: list[Condition], facts: list[dict]) -> list[tuple[_Group, list[dict]]]:
    """The facts of each group of the conditions (a fact whose kind no condition requires is in
    none: it cannot match). The groups are balanced by the first facts run with these conditions
    and kept, their rulesets with them: plans are alike, so the first batch's numbers of facts per
    kind balance the groups for the others too."""
    key = tuple(map(id, conditions))
    known = _GROUPINGS.get(key)
    if known is None:
        while len(_GROUPINGS) >= KEEP_GROUPINGS:
            for old in _GROUPINGS.pop(next(iter(_GROUPINGS)))[1]:
                old.close(_durable())
        volume = Counter(fact.get("kind") for fact in facts)
        groups = [_Group(c, kinds) for c, kinds in condition_groups(conditions, volume, KIND_GROUPS)]
        known = _GROUPINGS[key] = (list(conditions), groups)
    groups = known[1]
    parts = _distribute([g.kinds for g in groups], facts)
    return [(group, part) for group, part in zip(groups, parts, strict=True) if part]


def to_json(facts: list[dict]) -> str:
    """The facts as the JSON text durable_rules parses, without spaces. The standard library's:
    since the engine is asked each question once (lint/policy.py), a batch of plans is a few
    hundred facts, and orjson's import (6 ms: it imports uuid and platform) cost more than it
    saved."""
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":"))


def fnv1_32(text: str) -> int:
    """The hash durable_rules uses to de-duplicate facts by id (state.c: fnv1Hash32).

    It is FNV-1a over C `char`, which is signed on x86: bytes above 127 are sign-extended.
    """
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value ^= byte if byte < 128 else (byte | 0xFFFFFF00)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


# The decimal numbers below this have pairwise distinct FNV-1 hashes (tests/rules/test_engine.py
# hashes them all), so the first ids up to here are the numbers themselves, with nothing to skip:
# a run (at most MAX_FACTS_PER_RUN facts) takes them without hashing each (~1.3 ms a plan).
DISTINCT_DECIMALS = 120_000


class _SafeIds:
    """Fact ids whose FNV-1 hashes are pairwise distinct: the decimal numbers, skipping any whose
    hash an earlier one has. Any prefix is collision-free, so a run of n facts uses the first n
    (+1 for the sentinel). Built once per process as far as the largest run needs."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._hashes: set[int] = set()
        self._next = 0

    def first(self, n: int) -> list[str]:
        if n <= DISTINCT_DECIMALS:
            return [str(i) for i in range(n)]
        while len(self.ids) < n:
            candidate = str(self._next)
            self._next += 1
            h = fnv1_32(candidate)
            if h not in self._hashes:
                self._hashes.add(h)
                self.ids.append(candidate)
        return self.ids[:n]


SAFE_IDS = _SafeIds()


def _session(group: _Group, facts: list[dict]) -> list[tuple[str, str]]:
    """One durable_rules session of the group's ruleset over at most MAX_FACTS_PER_RUN facts."""
    engine = _durable()
    run_id = f"lint-{next(_runs)}"
    ids = SAFE_IDS.first(len(facts) + 1)
    original = {ids[i]: fact["id"] for i, fact in enumerate(facts)}
    if len(set(original.values())) != len(facts):
        raise InternalError("two facts given to the rules engine have the same id")
    batch = [dict(f, id=ids[i], sid=run_id) for i, f in enumerate(facts)]
    batch.append({"id": ids[len(facts)], "sid": run_id, "kind": "$sentinel"})

    handle = group.ruleset(engine)
    try:
        code, state = engine.assert_facts(handle, to_json(batch))
        if code not in (0, 1):  # 2 = a fact was dropped as already observed
            raise InternalError(f"the rules engine refused the facts (code {code})")
        try:
            matches = _drain(engine, handle, state, group.rule_ids, original)
        except InternalError:
            raise
        except Exception as exc:  # an error code of the C extension, or a message not as expected
            raise InternalError(f"a rule action failed: {exc}") from None
        engine.delete_state(handle, run_id)
    except BaseException:
        group.close(engine)  # a session may be left in it: the next run creates the ruleset anew
        raise
    return matches


def _drain(engine: Any, handle: int, state: int, rule_ids: dict[str, str],
           original: dict[str, str]) -> list[tuple[str, str]]:
    """Run every pending action of the session, as durable.engine's Ruleset.do_actions does: the
    first action comes with the session's state; after each, the state is written back unchanged
    and the next action is started, until none is left. An action is one rule's matched facts
    (a list with `cap`, each {"m": fact}; else one {"m": fact}); the sentinel's are ignored."""
    matches: list[tuple[str, str]] = []
    started = engine.start_action_for_state(handle, state)
    if not started:
        return matches
    state_json = json.dumps(json.loads(started[0]), ensure_ascii=False)
    message = json.loads(started[1])
    while True:
        rule_name, found = next(iter(message.items()))  # one action per message, as durable.engine reads it
        rule_id = rule_ids.get(rule_name)
        if rule_id is not None:
            for fact in ([one["m"] if "m" in one and len(one) == 1 else one for one in found]
                         if isinstance(found, list) else [found["m"]]):
                matches.append((rule_id, original[fact["id"]]))
        engine.update_state(handle, state_json)
        following = engine.complete_and_start_action(handle, state)
        if not following:
            return matches
        message = json.loads(following)
