"""The benchmark's synthetic repository is what the benchmark claims: deterministic, schema-valid,
clean apart from its deliberate defects, and each defect is found by the rule meant for it."""

import json

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from tests.bench.generate import DEFECTS, build_plan, generate, inject_defect, national_programmes, to_yaml

EXPECTED_RULE = {
    "project-total": "consistency.item-sources",
    "year-typo": "periods.implausible-year",
    "numbering-gap": "identity.numbering-gap",
    "citation-date": "citations.date-mismatch",
    "repeated-name": "identity.duplicate-project",
    "weaker-target": "alignment.weaker-target",
    "phasing-row": "consistency.phasing-row",
    "milestone-decrease": "periods.milestone-decrease",
}
# Where the finding points when it is not the changed node: a row's printed total.
FOUND_AT = {"phasing-row": "/phasing/rows/0/total"}


def lint(root, monkeypatch, *paths):
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["lint", "--format", "json", "--fail-on", "info", *paths],
                                env={"GITHUB_ACTIONS": ""})
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def test_same_seed_same_bytes(tmp_path):
    first = generate(tmp_path / "a", provinces=3)
    second = generate(tmp_path / "b", provinces=3)
    assert len(first.plans) == 6 and first.defects == second.defects
    for a, b in zip(first.plans, second.plans):
        assert a.read_bytes() == b.read_bytes()
    assert generate(tmp_path / "c", provinces=3, seed=7).plans[0].read_bytes() != first.plans[0].read_bytes()


def test_plans_are_realistic_in_size():
    for pid, (programme, _path) in national_programmes().items():
        plan = build_plan("Trà Vinh", programme)
        projects = sum(len(g["projects"]) for g in plan["groups"])
        assert len(plan["groups"]) == 6 and 48 <= projects <= 72, pid
        # The shipped plans are 38-110 KB with their outline, tasks and baseline; a generated one has less prose.
        assert 12_000 < len(to_yaml(plan).encode("utf-8")) < 40_000


def test_generated_repository_is_schema_valid_and_only_defects_are_found(tmp_path, monkeypatch):
    repo = generate(tmp_path / "repo", provinces=6, defect_rate=0.5)
    findings = lint(repo.root, monkeypatch)
    assert not [f for f in findings if f["rule"] in ("syntax", "schema")]
    defective = {d.plan for d in repo.defects}
    assert defective and {f["file"] for f in findings} == defective


def test_the_generator_refuses_to_empty_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit, match="not empty"):
        generate(tmp_path, provinces=1)
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("kind", DEFECTS)
def test_each_defect_is_found_where_it_was_made(tmp_path, monkeypatch, kind):
    repo = generate(tmp_path / "repo", provinces=1, defect_rate=0)
    programme = national_programmes()["qd-1755-2010"][0]
    plan = build_plan("Bến Tre", programme)
    pointer = inject_defect(plan, kind)
    (repo.root / "plans" / "ben-tre").mkdir()
    (repo.root / "plans" / "ben-tre" / "plan.yaml").write_text(to_yaml(plan), encoding="utf-8")
    findings = lint(repo.root, monkeypatch, "plans/ben-tre/plan.yaml")
    assert (EXPECTED_RULE[kind], FOUND_AT.get(kind, pointer)) in {(f["rule"], f["pointer"]) for f in findings}, findings
