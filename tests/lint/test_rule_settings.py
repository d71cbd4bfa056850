"""[tool.planctl.rules]: a repository turns a rule off or changes its severity; the settings are
checked against the rule catalogue and the JSON Schema of [tool.planctl] (schema/config.schema.json)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from planctl.config import Config, load_config
from planctl.lint.filters import known_rule_ids
from tests.conftest import ROOT
from tests.workspace import CLEAN_PLAN, PYPROJECT, Workspace

# Two findings of the clean plan edited: p1 without start and end (periods.missing-schedule,
# info) and printed numbers 1, 3 (identity.numbering-gap, warning).
PLAN = (CLEAN_PLAN.replace("name: Đào tạo, start: 2011, end: 2012, ", "name: Đào tạo, ")
        .replace("{id: p2, seq: 2,", "{id: p2, seq: 3,"))


def workspace(tmp_path, rules: str = "", plan: str = PLAN) -> Workspace:
    ws = Workspace(tmp_path, PYPROJECT + ("[tool.planctl.rules]\n" + rules if rules else ""))
    ws.write("plans/plan.yaml", plan)
    return ws


def severities(run) -> dict[str, str]:
    return {f["rule"]: f["severity"] for f in run.report["findings"]}


def test_without_settings_the_rules_keep_their_severity(tmp_path):
    run = workspace(tmp_path).cli("lint", "--format", "json")
    assert run.code == 0, run.stderr
    assert severities(run) == {"periods.missing-schedule": "info", "identity.numbering-gap": "warning"}


def test_a_rule_turned_off_is_gone_and_a_new_severity_decides_the_exit_code(tmp_path):
    ws = workspace(tmp_path, '"periods.missing-schedule" = "off"\n"identity.numbering-gap" = "error"\n')
    run = ws.cli("lint", "--format", "json")
    assert run.code == 1, run.stderr  # an error now, and fail-on is error
    assert severities(run) == {"identity.numbering-gap": "error"}
    assert run.report["summary"] | {"files": 0} == {"files": 0, "error": 1, "warning": 0, "info": 0, "suppressed": 0,
                                                     "waived": 0, "baselined": 0}
    text = ws.cli("lint")
    assert "plans/plan.yaml:" in text.stdout and " error identity.numbering-gap " in text.stdout
    assert "missing-schedule" not in text.stdout


def test_a_rule_can_be_lowered_below_fail_on(tmp_path):
    ws = workspace(tmp_path, '"identity.numbering-gap" = "info"\n', plan=PLAN)
    run = ws.cli("lint", "--format", "json", "--fail-on", "warning")
    assert run.code == 0 and severities(run)["identity.numbering-gap"] == "info"


def test_waiver_rules_can_be_configured_and_a_waiver_of_a_rule_turned_off_is_not_unused(tmp_path):
    waived = PLAN + ("waivers:\n  - {rule: identity.numbering-gap, reason: as printed, owner: Sở TTTT, "
                     "expires: '2999-01-01'}\n")
    run = workspace(tmp_path, '"identity.numbering-gap" = "off"\n', plan=waived).cli("lint", "--format", "json")
    assert "waiver.unused" not in severities(run) and "identity.numbering-gap" not in severities(run)
    assert run.report["summary"]["waived"] == 0  # a rule that is off is counted nowhere
    expired = waived.replace("2999-01-01", "2001-01-01")
    run = workspace(tmp_path / "b", '"waiver.expired" = "warning"\n', plan=expired).cli("lint", "--format", "json")
    assert severities(run)["waiver.expired"] == "warning"


def test_an_unknown_rule_is_a_configuration_error_naming_the_file_and_the_key(tmp_path):
    run = workspace(tmp_path, '"periods.missing-schedul" = "off"\n').cli("lint")
    assert run.code == 2 and run.stdout == ""
    assert "pyproject.toml: [tool.planctl.rules] 'periods.missing-schedul': no such rule; did you mean " \
           "periods.missing-schedule?" in run.stderr


def test_in_a_planctl_toml_the_rules_table_is_named_as_written_there(tmp_path):
    ws = workspace(tmp_path)
    (ws.root / "pyproject.toml").unlink()
    ws.write("planctl.toml", PYPROJECT.replace("[tool.planctl]\n", "") + '[rules]\n"periods.missing-schedul" = "off"\n')
    run = ws.cli("lint")
    assert run.code == 2 and "planctl.toml: [rules] 'periods.missing-schedul': no such rule" in run.stderr
    ws.write("planctl.toml", PYPROJECT.replace("[tool.planctl]\n", "") + '[rules]\n"periods.missing-schedule" = "off"\n')
    assert "periods.missing-schedule" not in severities(ws.cli("lint", "--format", "json"))


@pytest.mark.parametrize("rule", ["syntax", "schema"])
def test_findings_of_files_that_get_no_other_check_cannot_be_configured(tmp_path, rule):
    run = workspace(tmp_path, f'"{rule}" = "off"\n').cli("lint")
    assert run.code == 2 and f"[tool.planctl.rules] '{rule}': {rule} findings cannot be turned off" in run.stderr


def test_settings_apply_in_the_parallel_run_too(tmp_path):
    ws = workspace(tmp_path, '"periods.missing-schedule" = "off"\n"identity.numbering-gap" = "error"\n')
    for i in range(30):  # above runner.PARALLEL_FROM: batches in worker processes
        ws.write(f"plans/p{i}.yaml", PLAN.replace("id: test-plan", f"id: test-plan-{i}"))
    run = ws.process("lint", "--format", "json")
    assert run.code == 1, run.stderr
    assert {(f["rule"], f["severity"]) for f in run.report["findings"]} == {("identity.numbering-gap", "error")}
    assert run.report["summary"]["error"] == 31


def test_known_rule_ids_are_the_catalogue_and_the_builtin_rules():
    from planctl.lint.rules import catalogue
    from planctl.model import BUILTIN_RULES

    assert known_rule_ids() == {r.id for r in catalogue()} | set(BUILTIN_RULES)


# --- the schema of [tool.planctl] -----------------------------------------------------------

def config_schema() -> dict:
    return json.loads((ROOT / "schema" / "config.schema.json").read_text(encoding="utf-8"))


def test_the_schema_names_every_setting_and_no_other():
    settings = {name.replace("_", "-") for name in Config._fields} - {"root", "source", "anchored"}
    assert set(config_schema()["properties"]) == settings
    jsonschema.Draft202012Validator.check_schema(config_schema())


def test_the_schema_defaults_are_planctls_defaults():
    defaults, properties = Config(ROOT), config_schema()["properties"]
    for name in ("plans", "programmes", "policies", "max-file-bytes"):
        assert properties[name]["default"] == json.loads(json.dumps(getattr(defaults, name.replace("-", "_"))))
    assert properties["fail-on"]["default"] == defaults.fail_on.label


def test_planctl_schema_config_prints_it(tmp_path):
    run = workspace(tmp_path).cli("schema", "config")
    assert run.code == 0 and json.loads(run.stdout) == config_schema()


def test_this_repository_settings_are_valid_and_read():
    import tomllib

    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["planctl"]
    jsonschema.Draft202012Validator(config_schema()).validate(table)
    assert load_config(ROOT).plans == tuple(table["plans"])


def test_a_valid_configuration_with_every_key_is_read(tmp_path):
    ws = Workspace(tmp_path, PYPROJECT + 'fail-on = "warning"\nmax-file-bytes = 4096\n'
                             '[tool.planctl.rules]\n"periods.missing-schedule" = "off"\n')
    config = load_config(ws.root)
    assert config.max_file_bytes == 4096 and config.fail_on.label == "warning"
    assert config.rules == (("periods.missing-schedule", "off"),)
