"""The README says what the code does: its rule table is the one `planctl rules list --markdown` prints."""

from typer.testing import CliRunner

from planctl.cli import app
from tests.conftest import ROOT


def test_rule_table_is_generated_from_the_rule_files():
    table = CliRunner().invoke(app, ["rules", "list", "--markdown"]).stdout
    assert table.count("\n") > 40
    assert table in (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_schema_names_every_fact_kind_and_check():
    """schema/rule.schema.json is generated from the fact registry (python -m planctl.lint.rule_schema)."""
    import json

    from planctl.lint.rule_schema import SCHEMA, generate, render

    current = SCHEMA.read_text(encoding="utf-8")
    assert current == render(generate(json.loads(current)))


def test_the_rule_count_in_the_introduction_is_the_catalogue_s():
    import re

    from planctl.lint.rules import catalogue

    said = re.search(r"\*\*(\d+) policy rules\*\*", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert said and int(said.group(1)) == len(catalogue())


def test_both_readmes_quote_the_summary_of_linting_the_shipped_plans():
    """The shipped plans' finding counts in README.md and README.vi.md are what lint prints today."""
    import os
    import subprocess
    import sys

    def summary(lang: str) -> str:
        done = subprocess.run([sys.executable, "-m", "planctl", "--lang", lang, "lint", "--fail-on", "info", "plans/"],
                              cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                              env={**os.environ, "GITHUB_ACTIONS": "", "NO_COLOR": "1"})
        assert done.returncode == 1, done.stderr
        return done.stdout.strip().splitlines()[-1]

    assert summary("en") in (ROOT / "README.md").read_text(encoding="utf-8")
    assert summary("vi") in (ROOT / "README.vi.md").read_text(encoding="utf-8")
