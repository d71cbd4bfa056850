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
