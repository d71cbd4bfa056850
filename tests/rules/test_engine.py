"""The two rules engines, durable_rules and planctl's evaluator, give the same answers.

durable_rules can silently drop or mis-match facts (shared/reference/durable-rules.md), and where
it does not install planctl uses its own evaluator (planctl/lint/evaluator.py): every fact derived
from the rule examples, the real plans and a synthetic repository goes through both, and so do
values chosen for durable_rules' quirks. The durable_rules side is skipped where it does not import
(Python 3.13); the evaluator side always runs.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import types

import pytest

from planctl.config import load_config
from planctl.document import load_bytes
from planctl.errors import InternalError, PlanctlError
from planctl.lint import engine, evaluator, policy, runner
from planctl.lint.engine import Condition
from planctl.lint.examples import compose, run_example
from planctl.lint.facts import base as derived
from planctl.lint.facts import derive
from planctl.lint.policy import engine_fact
from planctl.lint.registry import load_registry
from planctl.lint.rules import catalogue
from tests.bench.generate import generate
from tests.conftest import ROOT

CONFIG = load_config(ROOT)
HAS_DURABLE = engine._durable_problem() is None
needs_durable = pytest.mark.skipif(not HAS_DURABLE, reason="durable_rules does not import on this Python")
ENGINES = [pytest.param("durable", marks=needs_durable), "python"]


@pytest.fixture
def use(monkeypatch):
    """use(name): the engine every engine.run of the test uses from then on."""
    def choose(name: str) -> None:
        monkeypatch.setenv("PLANCTL_ENGINE", name)
    return choose


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


def durable_run(conditions: list[Condition], facts: list[dict]) -> list[tuple[str, str]]:
    """durable_rules alone, the reference: one ruleset of all the conditions (no groups of fact
    kinds) and one session over the facts; the ruleset is deleted after."""
    group = engine._Group(conditions, set())
    try:
        return engine._session(group, facts)
    finally:
        group.close(engine._durable())


@needs_durable
def test_the_engines_match_on_every_fact_of_the_examples_and_the_real_plans():
    facts = all_facts()
    conditions = [r.condition for r in catalogue()]
    assert len(facts) > 500
    expected = evaluator.run(conditions, facts)
    assert sorted(set(durable_run(conditions, facts))) == expected
    assert len(expected) > 50  # the comparison is not vacuous


@needs_durable
def test_the_runs_by_group_of_fact_kinds_match_one_run_over_all_the_rules(use):
    use("durable")
    facts = all_facts()
    conditions = [r.condition for r in catalogue()]
    groups = engine._grouped(conditions, facts)
    assert len(groups) == engine.KIND_GROUPS
    assert sorted(c.rule_id for group, _facts in groups for c in group.conditions) == sorted(c.rule_id for c in conditions)
    assert engine.run(conditions, facts) == sorted(set(durable_run(conditions, facts)))


def test_kind_groups_leave_out_unmatchable_facts_and_keep_kindless_conditions_together():
    a, b = Condition("a", {"$and": [{"kind": "a"}, {"x": 1}]}), Condition("b", {"$and": [{"kind": "b"}, {"x": 1}]})
    facts = [{"id": "1", "kind": "a", "x": 1}, {"id": "2", "kind": "b", "x": 1}, {"id": "3", "kind": "c", "x": 1}]
    def groups(conditions: list[Condition]) -> list[tuple[list[Condition], list[dict]]]:
        return [(group.conditions, part) for group, part in engine._grouped(conditions, facts)]

    assert groups([a, b]) == [([a], [facts[0]]), ([b], [facts[1]])]
    either = Condition("e", {"$or": [{"$and": [{"kind": "c"}, {"x": 1}]}, {"$and": [{"kind": "a"}, {"x": 2}]}]})
    assert groups([a, either]) == [([a, either], facts)]


def _findings(result) -> list[tuple]:
    return [(f.file, f.line, f.column, f.rule, f.severity.label, f.message, f.hint) for f in result]


@pytest.fixture(scope="module")
def per_engine():
    """What a lint gives with each available engine (the same process, PLANCTL_ENGINE switched)."""
    def run(action):
        results = {}
        with pytest.MonkeyPatch.context() as mp:
            for name in (["durable"] if HAS_DURABLE else []) + ["python"]:
                mp.setenv("PLANCTL_ENGINE", name)
                results[name] = action()
        return results
    return run


def test_every_rule_example_gives_the_same_findings_with_both_engines(per_engine):
    examples = [(rule, example) for rule in catalogue() for example in rule.examples]
    results = per_engine(lambda: [_findings(run_example(rule, example, CONFIG)) for rule, example in examples])
    assert len({repr(r) for r in results.values()}) == 1
    assert sum(map(len, results["python"])) >= len(catalogue())


def test_the_real_plans_give_the_same_findings_with_both_engines(per_engine):
    plans = [p for p in CONFIG.glob(CONFIG.plans)]
    results = per_engine(lambda: _findings(runner.lint(plans, CONFIG).findings))
    assert len({repr(r) for r in results.values()}) == 1
    assert len(results["python"]) > 20


def test_a_synthetic_repository_gives_the_same_findings_with_both_engines(per_engine, tmp_path, monkeypatch):
    repo = generate(tmp_path, provinces=13, defect_rate=0.5)
    monkeypatch.chdir(repo.root)
    config = load_config(repo.root)
    results = per_engine(lambda: _findings(runner.lint([repo.root / "plans"], config).findings))
    assert len({repr(r) for r in results.values()}) == 1
    assert len({f[0] for f in results["python"]}) > 5


# ---- each question asked once ---------------------------------------------------------------------

def _real_plan_facts():
    registry = load_registry(CONFIG)
    docs = [load_bytes(p.read_bytes(), str(p)) for p in CONFIG.glob(CONFIG.plans) if "national" not in p.parts]
    return [f for d in docs if d.data.get("kind") == "plan" for f in derive(d, registry.programmes, registry.policies)]


@pytest.mark.parametrize("name", ENGINES)
def test_facts_that_ask_the_same_question_are_sent_once_and_each_gets_its_finding(name, use, monkeypatch):
    use(name)
    rules, facts = catalogue(), _real_plan_facts()
    sent: list[int] = []
    answers: list[int] = []
    run = engine.run

    def recorded(conditions, batch):
        sent.append(len(batch))
        matches = run(conditions, batch)
        answers.append(len(matches))
        return matches

    monkeypatch.setattr(engine, "run", recorded)
    found = policy.evaluate(rules, facts)
    # What sending every fact on its own finds.
    read = policy.fields_read(rules)
    every = [policy.engine_fact(f"f{i}", f, read[f.kind]) for i, f in enumerate(facts) if f.kind in read]
    by_id = {r.id: r for r in rules}
    expected = [policy.to_finding(by_id[rule_id], facts[int(fact_id[1:])])
                for rule_id, fact_id in run([r.condition for r in rules], every)]
    assert sorted(f.sort_key() for f in found) == sorted(f.sort_key() for f in expected)
    assert len(found) > 50
    assert sent == [pytest.approx(len(every) / 7, rel=0.5)]  # ~3,500 facts, ~500 questions
    assert answers[0] < len(found)  # some answers stand for several facts, each with its finding


def test_a_question_is_the_kind_and_the_fields_read_with_their_types(monkeypatch):
    rules = catalogue()
    doc = load_bytes(b"kind: plan\n", "p.yaml")
    kind = "schedule"
    assert {"funded", "start", "end"} <= policy.fields_read(rules)[kind]
    facts = [derived.Fact(kind, doc, f"/p/{i}", values) for i, values in enumerate([
        {"start": 2011, "end": 2015, "funded": True},
        {"start": 2011, "end": 2015, "funded": True},  # the same question
        {"start": 2011, "end": 2015, "funded": 1},  # 1 == True to a dict, not to the engine
        {"start": 2011, "funded": True},  # `end` absent
        {"start": 2011, "end": 2015, "funded": True, "label": "x"},  # a field no condition reads
    ])]
    batches: list[list[dict]] = []
    monkeypatch.setattr(engine, "run", lambda conditions, batch: batches.append(batch) or [])
    policy.evaluate(rules, facts)
    assert [{k: v for k, v in f.items() if k != "id"} for f in batches[0]] == [
        {"kind": kind, "start": 2011, "end": 2015, "funded": True},
        {"kind": kind, "start": 2011, "end": 2015, "funded": 1},
        {"kind": kind, "start": 2011, "funded": True},
    ]
    assert [type(f["funded"]) for f in batches[0]] == [bool, int, bool]


# ---- durable_rules' quirks, reproduced ------------------------------------------------------------

QUIRKY_TEXT = ["", "a", "ab", "ab ", "ab!", "ab#", "abc", 'ab"', "a\\b", "a\tb", "a\nb", "Vốn", "Vốn ",
               "e\u0301", "é", "z", "~", "\x7f", "1", "10", "2"]
QUIRKY_NUMBERS = [0, 1, -1, 2, 10, 2**62, 2**63 - 1, 2**63, 10**30, -(10**30), True, False]


def _quirky_case(seed: int):
    """Facts and conditions over the values where durable_rules is not plain Python.

    Kind "t" holds text, kind "n" numbers and booleans: like planctl, a field never mixes them.
    """
    rng = random.Random(seed)
    facts = []
    for i in range(400):
        kind, pool = ("t", QUIRKY_TEXT) if i % 2 else ("n", QUIRKY_NUMBERS)
        fact = {"id": f"q{i}", "kind": kind}
        for field in ("x", "y"):
            if rng.random() < 0.85:
                fact[field] = rng.choice(pool)
        if rng.random() < 0.1:
            fact["x"] = None
        facts.append(fact)
    conditions = []
    for i, op in enumerate(["==", "$neq", "$gt", "$gte", "$lt", "$lte"] * 12):
        kind, pool = ("t", QUIRKY_TEXT) if i % 2 else ("n", QUIRKY_NUMBERS)
        value = rng.choice(pool)
        terms: list[dict] = [{"kind": kind}, {"$ex": {"x": 1}}]
        if rng.random() < 0.3:
            terms.append({"$ex": {"y": 1}})
            value = {"$m": "y"}
        terms.append({"x": value} if op == "==" else {op: {"x": value}})
        conditions.append(Condition(f"c{i}", {"$and": terms}))
    conditions.append(Condition("none", {"$and": [{"kind": "n"}, {"x": None}]}))
    conditions.append(Condition("not-none", {"$and": [{"kind": "t"}, {"$neq": {"x": None}}]}))
    conditions.append(Condition("absent", {"$and": [{"kind": "n"}, {"$or": [{"$nex": {"y": 1}}, {"x": 0}]}]}))
    conditions.append(Condition("either", {"$or": [{"$and": [{"kind": "t"}, {"x": "a"}]}, {"$and": [{"kind": "n"}, {"x": 1}]}]}))
    return conditions, facts


@needs_durable
@pytest.mark.parametrize("seed", range(3))
def test_the_evaluator_reproduces_durable_rules_on_quirky_values(seed):
    conditions, facts = _quirky_case(seed)
    expected = sorted(set(durable_run(conditions, facts)))
    assert evaluator.run(conditions, facts) == expected
    assert len(expected) > 1000


def test_text_order_is_durable_rules_strncmp():
    # A fact's string is compared through its closing quote (0x22), so "ab" sorts after "ab ".
    terms = [{"kind": "k"}, {"$gt": {"x": "ab "}}]
    assert evaluator.run([Condition("r", {"$and": terms})], [{"id": "1", "kind": "k", "x": "ab"}]) == [("r", "1")]
    assert evaluator.run([Condition("r", {"$and": [{"kind": "k"}, {"$gt": {"x": 2**63}}]})],
                         [{"id": "1", "kind": "k", "x": 10**30}]) == []  # both saturate at 2**63 - 1


def test_text_compared_with_a_number_is_an_internal_error(use):
    use("python")
    with pytest.raises(InternalError, match="different types"):
        engine.run([Condition("r", {"$and": [{"kind": "k"}, {"$gt": {"x": 1}}]})], [{"id": "1", "kind": "k", "x": "2"}])


@pytest.mark.parametrize("expression, problem", [
    ({"$and": [{"kind": "k"}, {"$gt": {"x": {"$m": "y"}}}]}, "needs"),  # unguarded reference
    ({"$and": [{"kind": "k"}, {"$ex": {"x": 1}}, {"$ex": {"y": 1}}, {"$or": [{"x": 1}, {"$gt": {"x": {"$m": "y"}}}]}]},
     "inside \\$or"),
    ({"$and": [{"kind": "k"}, {"$mt": {"x": "a%d"}}]}, "not supported"),
    ({"$and": [{"kind": "k", "x": 1}]}, "one key"),
    ({"$and": []}, "non-empty"),
])
def test_conditions_outside_the_shared_grammar_are_refused_at_load(expression, problem):
    with pytest.raises(PlanctlError, match=problem):
        engine.check_condition(Condition("cat.rule", expression))


# ---- choosing the engine ---------------------------------------------------------------------------

def planctl(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os
    probe = ("import sys\nfrom planctl.cli import main\ntry:\n    main()\nexcept SystemExit as e:\n"
             "    print(sorted(m for m in ('durable', 'durable.engine') if m in sys.modules), file=sys.stderr)\n"
             "    raise\n")
    return subprocess.run([sys.executable, "-c", probe, *args], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PLANCTL_ENGINE": "", **(env or {})}, timeout=120)


@pytest.mark.parametrize("folder", ["durable_rules-2.0.28.dist-info", "durable_rules-2.0.28.egg-info",
                                    "durable_rules-2.0.28-py3.11.egg-info"])
def test_the_version_of_durable_rules_is_read_from_its_metadata_folder(tmp_path, monkeypatch, folder):
    # .egg-info: durable_rules has no wheel, and an older pip without `wheel` (Debian's python3 with
    # pip 23.0, as the README's install runs there) installs it with setup.py under that name.
    (tmp_path / folder).mkdir()
    module = types.ModuleType("durable_rules_engine")
    module.__file__ = str(tmp_path / "durable_rules_engine.cpython-311-x86_64-linux-gnu.so")
    monkeypatch.setitem(sys.modules, "durable_rules_engine", module)
    assert engine._durable_version() == "2.0.28"


def test_version_names_the_engine_without_loading_durable_rules():
    done = planctl("--version")
    assert done.returncode == 0
    if HAS_DURABLE:
        assert "(rules engine: durable_rules 2.0.28)" in done.stdout
    else:
        assert "(rules engine: planctl's evaluator; durable_rules not installed)" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"  # only the C extension was loaded, to know it imports
    forced = planctl("--version", env={"PLANCTL_ENGINE": "python"})
    assert "(rules engine: planctl's evaluator (PLANCTL_ENGINE=python))" in forced.stdout


@pytest.mark.parametrize("value, message", [
    ("jess", "PLANCTL_ENGINE='jess' is not a rules engine"),
    pytest.param("durable", "PLANCTL_ENGINE=durable, but durable_rules cannot be used",
                 marks=pytest.mark.skipif(HAS_DURABLE, reason="durable_rules imports here")),
])
def test_an_unusable_engine_is_a_usage_error(value, message):
    done = planctl("lint", "plans/tra-vinh", env={"PLANCTL_ENGINE": value})
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_a_forced_durable_that_does_not_import_is_a_usage_error(use, monkeypatch):
    monkeypatch.setattr(engine, "_choice", {})
    monkeypatch.setattr(engine, "_durable_problem", lambda: "undefined symbol: PyEval_CallObject")
    use("durable")
    with pytest.raises(PlanctlError, match="PLANCTL_ENGINE=durable, but durable_rules cannot be used: undefined"):
        engine.selected()


def test_durable_rules_that_does_not_import_is_said_once_and_the_evaluator_runs(use, monkeypatch, capsys):
    monkeypatch.setattr(engine, "_choice", {})
    monkeypatch.setattr(engine, "_warned", False)
    monkeypatch.setattr(engine, "_durable_problem", lambda: "undefined symbol: PyEval_CallObject")
    use("")
    facts = [{"id": "a", "kind": "k", "x": 1}]
    for _ in range(3):
        assert engine.run([Condition("r", {"$and": [{"kind": "k"}, {"x": 1}]})], facts) == [("r", "a")]
    assert engine.selected() == "python"
    assert capsys.readouterr().err == ("planctl: durable_rules is installed but does not import (undefined symbol: "
                                       "PyEval_CallObject); using planctl's own evaluator\n")
    assert "does not import (undefined symbol" in engine.describe()


# ---- batches and fact ids in durable_rules ---------------------------------------------------------

def test_colliding_ids_exist_and_the_engine_never_uses_two_of_them():
    # Two ids with the same 32-bit FNV-1 hash: durable_rules would silently drop one of the facts.
    assert engine.fnv1_32("P0737786") == engine.fnv1_32("P1076240")
    ids = engine.SAFE_IDS.first(engine.DISTINCT_DECIMALS)  # the numbers themselves, not hashed
    assert ids == [str(i) for i in range(engine.DISTINCT_DECIMALS)]
    assert len({engine.fnv1_32(i) for i in ids}) == len(ids)
    assert engine.MAX_FACTS_PER_RUN < engine.DISTINCT_DECIMALS
    assert engine.SAFE_IDS.first(engine.DISTINCT_DECIMALS + 1)[:-1] == ids  # beyond: the hashed numbering


@needs_durable
def test_caller_ids_that_collide_in_the_hash_both_match(use):
    use("durable")
    facts = [{"id": "P0737786", "kind": "k", "x": 1}, {"id": "P1076240", "kind": "k", "x": 1}]
    assert engine.run([Condition("r", {"$and": [{"kind": "k"}, {"x": 1}]})], facts) == [
        ("r", "P0737786"), ("r", "P1076240")]


@needs_durable
def test_a_batch_split_into_runs_gives_the_same_matches(use, monkeypatch):
    use("durable")
    conditions = [r.condition for r in catalogue()]
    facts = all_facts()[:3000]
    whole = engine.run(conditions, facts)
    monkeypatch.setattr(engine, "MAX_FACTS_PER_RUN", 701)
    assert engine.run(conditions, facts) == whole
    assert whole == evaluator.run(conditions, facts)


@needs_durable
def test_engine_runs_repeatedly_in_one_process(use):
    use("durable")
    rules = catalogue()
    facts = all_facts()[:200]
    first = engine.run([r.condition for r in rules], facts)
    for _ in range(3):
        assert engine.run([r.condition for r in rules], facts) == first


@pytest.mark.slow
@pytest.mark.parametrize("name", ENGINES)
def test_300k_facts_in_one_call_all_match(name, use):
    """Above the old ceiling (~260k facts in one durable_rules session made two ids collide)."""
    use(name)
    n = 300_000
    facts = [{"id": f"P{i:07d}", "kind": "k", "n": i} for i in range(n)]
    conditions = [Condition("even", {"$and": [{"kind": "k"}, {"$ex": {"n": 1}}, {"$gte": {"n": 0}}]})]
    started = time.perf_counter()
    matches = engine.run(conditions, facts)
    print(f"{name}: {n} facts in {time.perf_counter() - started:.1f} s")
    assert len(matches) == n and matches[0] == ("even", "P0000000") and matches[-1] == ("even", f"P{n - 1:07d}")
