"""Waivers in a plan and `# planctl: disable=RULE` comments, through the real CLI."""

import json
import textwrap

from typer.testing import CliRunner

from planctl.cli import app
from tests.workspace import PROGRAMME

PLAN = """\
planctl: 1
kind: plan
id: w
title: Waiver test
province: Test
document: {number: 1/KH, date: "2011-01-01", issuer: UBND}
period: {start: 2011, end: 2015}
implements: [qd-1755-2010]
citations: [{id: c1, number: 1755/QĐ-TTg, date: "2010-09-22"}]
funding_sources: [{id: nstw, name: NSTW, kind: central-budget}]
groups:
  - id: g1
    name: Nhân lực
    task_groups: [qd-1755-2010/hr-development]
    stated: {total: 3000}{comment}
    projects: [{id: p1, name: Đào tạo, start: 2011, end: 2012, amounts: {nstw: 2500}}]
"""


def lint(tmp_path, plan: str, *args: str):
    (tmp_path / "national").mkdir(exist_ok=True)
    (tmp_path / "national" / "qd-1755-2010.yaml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.planctl]\nplans = ["plan.yaml"]\nprogrammes = ["national/*.yaml"]\npolicies = []\n', encoding="utf-8")
    runner = CliRunner()
    import os
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["lint", "--format", "json", *args])
    finally:
        os.chdir(cwd)
    return result.exit_code, json.loads(result.stdout)


def rules_at(report):
    return [(f["rule"], f["line"]) for f in report["findings"]]


def test_finding_without_waiver(tmp_path):
    code, report = lint(tmp_path, PLAN.replace("{comment}", ""))
    assert code == 1
    assert ("consistency.group-total", 15) in rules_at(report)


def test_inline_disable_suppresses_that_rule_on_that_line(tmp_path):
    code, report = lint(tmp_path, PLAN.replace("{comment}", "  # planctl: disable=consistency.group-total"))
    assert ("consistency.group-total", 15) not in rules_at(report)
    assert report["summary"]["suppressed"] == 1
    assert code == 0


def waiver(expires: str, rule: str = "consistency.group-total", pointer: str = "/groups/0") -> str:
    return textwrap.dedent(f"""\
        waivers:
          - {{rule: {rule}, pointer: {pointer}, reason: printed as in the decision, owner: so-tttt, expires: "{expires}"}}
        """)


def test_waiver_hides_the_finding_and_is_counted(tmp_path):
    code, report = lint(tmp_path, PLAN.replace("{comment}", "") + waiver("2999-01-01"))
    assert "consistency.group-total" not in [r for r, _ in rules_at(report)]
    assert report["summary"]["waived"] == 1
    assert code == 0


def test_expired_waiver_is_an_error_and_waives_nothing(tmp_path):
    code, report = lint(tmp_path, PLAN.replace("{comment}", "") + waiver("2020-01-01"))
    found = rules_at(report)
    assert ("consistency.group-total", 15) in found
    assert ("waiver.expired", 18) in found
    assert code == 1


def test_unused_waiver_is_reported(tmp_path):
    code, report = lint(tmp_path, PLAN.replace("{comment}", "") + waiver("2999-01-01", rule="periods.start-after-end"))
    assert ("waiver.unused", 18) in rules_at(report)
