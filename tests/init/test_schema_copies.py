"""The repository's schema copies against the installed planctl's: `planctl schema --check`,
`--update`, and the lint finding schema.stale."""

from __future__ import annotations

import json

from planctl import __version__
from planctl.model import BUILTIN_RULES
from planctl.resources import schema_path
from tests.conftest import ROOT
from tests.init.conftest import planctl, write


def outdated(repo, kind: str = "plan") -> None:
    """The copy as an older planctl would have left it: another description of one key."""
    copy = repo / "schema" / f"{kind}.schema.json"
    schema = json.loads(copy.read_text(encoding="utf-8"))
    schema["description"] = "planctl 0.0.9's plan schema"
    copy.write_text(json.dumps(schema, indent=2), encoding="utf-8")


def test_fresh_copies_are_current(repo):
    planctl(repo, "init")
    run = planctl(repo, "schema", "--check")
    assert run.code == 0 and "are the installed planctl's" in run.stdout


def test_a_stale_copy_is_exit_1_with_its_name_and_a_warning_at_its_first_line(repo):
    planctl(repo, "init")
    outdated(repo)
    check = planctl(repo, "schema", "--check")
    assert check.code == 1
    assert check.stdout.splitlines() == ["schema/plan.schema.json: differs from the plan schema of the installed planctl "
                                         f"{__version__}"]
    assert "planctl schema --update" in check.stderr

    lint = planctl(repo, "lint", "--format", "json")
    assert lint.code == 0  # a warning: below the default fail-on
    [finding] = lint.json["findings"]
    assert (finding["rule"], finding["severity"], finding["file"], finding["line"]) == \
        ("schema.stale", "warning", "schema/plan.schema.json", 1)
    assert planctl(repo, "lint", "--fail-on", "warning").code == 1
    text = planctl(repo, "lint").stdout
    assert text.startswith("schema/plan.schema.json:1:1: warning schema.stale schema/plan.schema.json differs")
    # Reported once per run, whatever was linted.
    assert len(planctl(repo, "lint", "--format", "json", "plans/example-plan.yaml").json["findings"]) == 1


def test_update_copies_the_installed_schemas_and_the_finding_goes(repo):
    planctl(repo, "init")
    outdated(repo, "programme")
    (repo / "schema" / "policy.schema.json").unlink()
    update = planctl(repo, "schema", "--update")
    assert update.code == 0
    assert update.stdout.splitlines() == ["wrote schema/policy.schema.json", "wrote schema/programme.schema.json"]
    for kind in ("plan", "programme", "policy"):
        assert (repo / "schema" / f"{kind}.schema.json").read_bytes() == schema_path(kind).read_bytes()
    assert planctl(repo, "schema", "--check").code == 0
    assert planctl(repo, "lint", "--format", "json").json["findings"] == []


def test_a_copy_checked_out_with_crlf_line_endings_is_not_stale(repo):
    planctl(repo, "init")
    copy = repo / "schema" / "plan.schema.json"
    copy.write_bytes(copy.read_bytes().replace(b"\n", b"\r\n"))
    assert planctl(repo, "schema", "--check").code == 0


def test_a_copy_that_links_out_of_the_repository_is_stale_and_not_read(repo, tmp_path):
    planctl(repo, "init")
    outside = write(tmp_path, "elsewhere.json", schema_path("plan").read_text(encoding="utf-8"))
    (repo / "schema" / "plan.schema.json").unlink()
    (repo / "schema" / "plan.schema.json").symlink_to(outside)
    check = planctl(repo, "schema", "--check")
    assert check.code == 1 and "schema/plan.schema.json: leads out of the repository" in check.stdout
    planctl(repo, "schema", "--update")
    assert not (repo / "schema" / "plan.schema.json").is_symlink()
    assert outside.read_text(encoding="utf-8") == schema_path("plan").read_text(encoding="utf-8")


def test_other_schemas_a_repository_copied_are_checked_too(repo):
    planctl(repo, "init")
    write(repo, "schema/lint-result.schema.json", "{}")
    assert "schema/lint-result.schema.json" in planctl(repo, "schema", "--check").stdout


def test_planctl_own_checkout_is_never_stale():
    assert planctl(ROOT, "schema", "--check").code == 0


def test_check_and_update_take_no_schema_name(repo):
    assert planctl(repo, "schema", "plan", "--check").code == 2
    assert planctl(repo, "schema", "--check", "--update").code == 2
    assert planctl(repo, "schema").stdout == schema_path("plan").read_text(encoding="utf-8")


def test_schema_stale_is_a_documented_builtin_rule():
    rule = BUILTIN_RULES["schema.stale"]
    assert rule.severity.label == "warning" and "planctl schema --update" in rule.help
    assert "schema.stale" in planctl(ROOT, "rules", "list").stdout
