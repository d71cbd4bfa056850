"""The README says what the code does: its rule table is the one `planctl rules list --markdown` prints."""

from typer.testing import CliRunner

from planctl.cli import app
from tests.conftest import ROOT


def test_rule_table_is_generated_from_the_rule_files():
    table = CliRunner().invoke(app, ["rules", "list", "--markdown"]).stdout
    assert table.count("\n") > 40
    assert table in (ROOT / "README.md").read_text(encoding="utf-8")
