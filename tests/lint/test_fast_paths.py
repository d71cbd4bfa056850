"""The fast paths of issue 16 change no output: lint prints the same reports with the compiled
schema check, the cached rule catalogue and the cached parses, schema verdicts and findings (each
plan's own and its links') as with the `jsonschema` library for every file, the rules compiled from
their files and every plan parsed and derived, on every real plan and on the synthetic national
repository.
(Positions are always built on demand; tests/lint/test_document.py and the located findings of
tests/rules/ pin them.)"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.document import load_bytes
from planctl.lint import fastschema, rules, schema
from tests.bench.generate import generate

ROOT = Path(__file__).resolve().parents[2]


def reports(root: Path, monkeypatch: pytest.MonkeyPatch, *, fast: bool) -> dict[str, str]:
    """The text and JSON reports of `planctl lint --fail-on info` in `root`, by one path."""
    monkeypatch.chdir(root)
    monkeypatch.setattr(schema, "FAST", fast)
    if fast:
        monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    rules.catalogue.cache_clear()
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "report.json"
        result = CliRunner().invoke(app, ["lint", "--format", "text", "--output", f"json={saved}", "--fail-on", "info"],
                                    env={"GITHUB_ACTIONS": ""})
        assert result.exit_code in (0, 1), result.stderr
        report = json.loads(saved.read_text(encoding="utf-8"))
    report.pop("elapsed", None)
    outputs = {"text": result.stdout, "json": json.dumps(report, sort_keys=True)}
    rules.catalogue.cache_clear()
    return outputs


def assert_same_output(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    assert fastschema.compiled("plan") is not None, "jsonschema-rs is a dependency: the fast path must run"
    full = reports(root, monkeypatch, fast=False)
    with tempfile.TemporaryDirectory() as cache:
        monkeypatch.setenv("PLANCTL_CACHE_DIR", cache)
        assert reports(root, monkeypatch, fast=True) == full  # a cold cache: each plan parsed, then stored
        assert list(Path(cache).glob("rules-*-document.json"))
        # The second run reads the rule catalogue, the plans' parses and their findings from the
        # cache the first wrote.
        assert reports(root, monkeypatch, fast=True) == full
    return json.loads(full["json"])


def test_the_real_plans_lint_alike_on_the_fast_and_the_full_path(monkeypatch):
    report = assert_same_output(ROOT, monkeypatch)
    assert report["findings"], "the shipped plans have findings: the comparison is not vacuous"


@pytest.mark.slow
def test_the_synthetic_repository_lints_alike_on_the_fast_and_the_full_path(tmp_path, monkeypatch):
    repo = generate(tmp_path / "repo")
    # A schema error and a money-as-float pitfall too, so the full validator's messages are compared.
    plan = repo.root / repo.plans[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("planctl: 1", "planctl: 1\nunknown_key: 1", 1), encoding="utf-8")
    report = assert_same_output(repo.root, monkeypatch)
    rules_found = {f["rule"] for f in report["findings"]}
    assert "schema" in rules_found and len(report["findings"]) >= len(repo.defects)


@pytest.mark.parametrize("value, certain", [
    (9, True), (9.5, True), (9.0, False), (439.0, False), (1e3, False), (2**63, False), (-(2**63) - 1, False),
    ("text", True), (True, True), (None, True),
])
def test_the_compiled_check_is_certain_only_where_both_validators_agree(value, certain):
    """planctl's rule that 9.0 is not an integer, and values jsonschema-rs reads differently,
    always go to the full validator."""
    assert fastschema._plain_json({"a": [value]}) is certain


@pytest.mark.parametrize("text, certain", [
    ("9", True), ("9.5", True), ("9.0", False), ("439.000", False), ("1e3", False), ("1_000.0", False),
    (str(2**63), False), (str(2**63 - 1), True), (str(-(2**63)), True), (str(-(2**63) - 1), False), ("0x10", True),
    ("text", True), ("true", True), ("null", True), ("'9.0'", True),
])
def test_the_loader_knows_what_the_scan_would_find(text, certain):
    """The loader records what _plain_json looks for while it builds the data, so a loaded plan is
    not walked again; both must agree, on a key's value and inside an alias's copy."""
    doc = load_bytes(f"a: [&x {text}]\nb: *x\n".encode(), "x.yaml")
    assert doc.ok
    assert doc.plain_json is certain is fastschema._plain_json(doc.data)


def test_a_value_jsonschema_rs_cannot_read_goes_to_the_full_validator():
    assert fastschema.certainly_valid({"title": "\ud800"}, "plan") is False  # a lone surrogate: no exception


def test_a_whole_valued_float_is_still_money_as_float(monkeypatch):
    plan = (ROOT / "plans" / "tra-vinh" / "qd-952-2011.yaml").read_text(encoding="utf-8")
    assert "    total: 439050\n" in plan
    edited = plan.replace("    total: 439050\n", "    total: 439050.0\n", 1)
    doc = load_bytes(edited.encode(), "edited.yaml")
    assert not fastschema.certainly_valid(doc.data, "plan")
    for fast in (True, False):
        monkeypatch.setattr(schema, "FAST", fast)
        findings = schema.check(doc, "plan")
        assert [f.rule for f in findings] == ["data.money-as-float"], findings


def test_a_valid_plan_is_remembered_valid_by_its_bytes(tmp_path, monkeypatch):
    # A plan loaded through the parse cache that the compiled check called valid is valid on the
    # next run without the check; an invalid one is checked every time.
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    raw = (ROOT / "plans" / "quang-tri" / "ict-1755.yaml").read_bytes()
    assert schema.check(load_bytes(raw, "p.yaml", cached=True), "plan") == []
    assert len(list((tmp_path / "cache").glob("rules-*-valid.json"))) == 1
    monkeypatch.setattr(fastschema, "certainly_valid", lambda *_a: pytest.fail("checked again"))
    assert schema.check(load_bytes(raw, "p.yaml", cached=True), "plan") == []
    # Not without the parse cache's key, not for other bytes, not against another schema.
    for doc, kind in ((load_bytes(raw, "p.yaml"), "plan"), (load_bytes(raw + b"\n", "p.yaml", cached=True), "plan"),
                      (load_bytes(raw, "p.yaml", cached=True), "programme")):
        with pytest.raises(pytest.fail.Exception, match="checked again"):
            schema.check(doc, kind)
    monkeypatch.undo()
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    invalid = raw.replace(b"planctl: 1\n", b"planctl: 1\nunknown_key: 1\n", 1)
    for _run in range(2):
        assert [f.rule for f in schema.check(load_bytes(invalid, "p.yaml", cached=True), "plan")] == ["schema"]
    assert len(list((tmp_path / "cache").glob("rules-*-valid.json"))) == 1
