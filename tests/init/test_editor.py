"""The modeline `planctl init` writes works in an editor: yaml-language-server (what VS Code's YAML
extension, Neovim and Helix run), started for real and spoken to over LSP, loads the schema copy
and reports schema errors in the province's repository.

Runs where `yaml-language-server` is on PATH (`npm install -g yaml-language-server`; .ci/run
installs it when npm is there), skips elsewhere.
"""

from __future__ import annotations

import shutil

import pytest

from planctl.init import STARTER
from tests.init.conftest import planctl, write
from tests.init.lsp import LanguageServer

SERVER = shutil.which("yaml-language-server")
pytestmark = pytest.mark.skipif(SERVER is None, reason="yaml-language-server is not installed "
                                                       "(npm install -g yaml-language-server)")


@pytest.fixture
def editor(repo):
    planctl(repo, "init")
    server = LanguageServer([str(SERVER), "--stdio"], repo)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def messages(diagnostics: list[dict]) -> list[str]:
    return [d["message"] for d in diagnostics]


def test_the_starter_plan_has_no_diagnostic_and_a_schema_error_has_one(editor, repo):
    starter = repo / STARTER
    assert editor.diagnose(starter) == []

    # The same plan with an unknown key and a project amount that is not a whole number.
    text = starter.read_text(encoding="utf-8").replace("province: Tỉnh Mẫu\n", "province: Tỉnh Mẫu\ntinh: Mẫu\n")
    text = text.replace("amounts: {nsdp: 5000}", "amounts: {nsdp: 5000.5}")
    broken = write(repo, "plans/broken.yaml", text)
    found = editor.diagnose(broken)
    assert not any("Unable to load schema" in m for m in messages(found)), found
    lines = text.splitlines()
    by_line = {d["range"]["start"]["line"]: d["message"] for d in found}
    assert by_line[lines.index("tinh: Mẫu")] == "Property tinh is not allowed."
    assert "Expected \"integer\"" in by_line[next(i for i, line in enumerate(lines) if "5000.5" in line)]
    assert all("planctl provincial plan" in d.get("source", "") for d in found)


def test_a_plan_in_a_province_subfolder_with_its_own_modeline(editor, repo):
    text = (repo / STARTER).read_text(encoding="utf-8").splitlines(keepends=True)
    text[0] = "# yaml-language-server: $schema=../../schema/plan.schema.json\n"
    plan = write(repo, "plans/tra-vinh/plan.yaml", "".join(text).replace("kind: plan\n", "kind: plan\nkey: 1\n"))
    assert messages(editor.diagnose(plan)) == ["Property key is not allowed."]


def test_a_modeline_that_misses_the_schema_is_what_the_test_would_catch(editor, repo):
    """The README's old modeline, ../../schema, from plans/ of a province's repository: the
    server says it cannot load the schema. The tests above assert that this does not happen."""
    text = (repo / STARTER).read_text(encoding="utf-8").replace("$schema=../schema/", "$schema=../../schema/", 1)
    plan = write(repo, "plans/old-modeline.yaml", text)
    assert any("Unable to load schema" in m for m in messages(editor.diagnose(plan)))


def test_money_written_as_4_000_is_invisible_to_the_editor_but_lint_reports_it(editor, repo):
    """yaml-language-server reads `4.000` as the number 4, which JSON Schema's integer accepts and no
    keyword can tell apart (its converter sets `isInteger = Number.isInteger(value)`; pattern and
    format apply to strings only; the source text is not validated). `4.5` is flagged. `planctl
    lint` keeps the text and reports both; in VS Code the "planctl lint" task init writes brings
    that finding to the Problems panel (tests/init/test_vscode_tasks_and_repo.py)."""
    text = (repo / STARTER).read_text(encoding="utf-8").replace("amounts: {nsdp: 5000}", "amounts: {nsdp: 5.000}")
    plan = write(repo, "plans/dots.yaml", text.replace("id: tinh-mau-1755-2011", "id: dots"))
    assert editor.diagnose(plan) == []
    lint = planctl(repo, "lint", "--format", "json", "plans/dots.yaml")
    assert "data.money-as-float" in {f["rule"] for f in lint.json["findings"]}
