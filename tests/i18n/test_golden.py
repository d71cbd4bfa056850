"""Golden outputs of `planctl --lang vi|en lint --format text|markdown` on the real plans.

To accept a deliberate change: PLANCTL_UPDATE_GOLDEN=1 pytest tests/i18n/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl import __version__
from planctl.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt,suffix", [("text", "txt"), ("markdown", "md")])
def test_lint_golden(monkeypatch, lang, fmt, suffix):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["--lang", lang, "lint", "--fail-on", "info", "--format", fmt, "plans/"])
    assert result.exit_code == 1
    # the version and the rule-set fingerprint change with every release and rule edit
    output = result.output.replace(__version__, "VERSION")
    output = "\n".join(line.split(" · ")[0] + " · RULESET</sub>" if line.startswith("<sub>planctl") else line
                       for line in output.split("\n"))
    golden = GOLDEN / f"lint-{lang}.{suffix}"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
