"""`planctl init` in real folders and git repositories: what it writes, what it keeps, and that the
repository it sets up lints with the national programmes and policy shipped in the package."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from planctl import __version__
from planctl.config import load_config
from planctl.document import load_data
from planctl.init import BASELINE, SETTINGS, STARTER, STARTER_PLAN, modeline
from planctl.lint.registry import load_registry
from planctl.resources import DATA, programmes_dir, schema_path, workflow_template
from tests.conftest import ROOT
from tests.init.conftest import git, planctl, process, write

WRITTEN = ["planctl.toml", "schema/plan.schema.json", "schema/programme.schema.json", "schema/policy.schema.json",
           STARTER, ".pre-commit-config.yaml", ".github/workflows/planctl.yml", ".vscode/tasks.json"]
REAL_PLAN = ROOT / "plans" / "tra-vinh" / "qd-952-2011.yaml"  # 10 errors as printed: the document's own mistakes


def listed(output: str, verb: str) -> list[str]:
    """The files `planctl init` reports with `verb` (wrote, skipped, appended, replaced)."""
    return [m.group(1) for m in re.finditer(rf"^  {verb} +(\S+)", output, re.M)]


# --- an empty repository -------------------------------------------------------------------

def test_init_in_an_empty_repository_writes_everything_and_the_starter_plan_lints_clean(repo):
    run = planctl(repo, "init")
    assert run.code == 0, run.stderr
    assert listed(run.stdout, "wrote") == WRITTEN
    assert listed(run.stdout, "skipped") == []
    for rel in WRITTEN:
        assert (repo / rel).is_file(), rel
    # No Python project here: the settings go to planctl.toml, which the loader reads.
    assert (repo / "planctl.toml").read_text(encoding="utf-8") == SETTINGS
    config = load_config(repo)
    assert config.source == repo / "planctl.toml" and config.plans == ("plans/**/*.yaml",)
    for kind in ("plan", "programme", "policy"):
        assert (repo / "schema" / f"{kind}.schema.json").read_bytes() == schema_path(kind).read_bytes()
    starter = (repo / STARTER).read_text(encoding="utf-8")
    assert starter.splitlines()[0] == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert (repo / STARTER).parent.joinpath("../schema/plan.schema.json").resolve() == repo / "schema" / "plan.schema.json"

    lint = planctl(repo, "lint", "--format", "json", "--fail-on", "info")
    assert lint.code == 0, lint.stdout
    assert lint.json["findings"] == [] and lint.json["summary"]["files"] == 1
    assert planctl(repo, "schema", "--check").code == 0


def test_init_in_an_empty_folder_outside_git_says_to_run_git_init(tmp_path):
    run = planctl(tmp_path, "init")
    assert run.code == 0 and listed(run.stdout, "wrote") == WRITTEN
    assert "`git init`" in run.stdout
    assert planctl(tmp_path, "lint", "--fail-on", "info").code == 0


def test_the_national_programmes_come_from_the_package(repo):
    planctl(repo, "init")
    registry = load_registry(load_config(repo))
    assert set(registry.programmes) == {"qd-1755-2010", "qd-1605-2010"}
    assert not (repo / "plans" / "national").exists()
    # A plan is judged against them: a citation of QĐ 1755 with the wrong date is found.
    plan = repo / STARTER
    plan.write_text(plan.read_text(encoding="utf-8").replace('date: "2010-09-22"', 'date: "2010-09-23"'), encoding="utf-8")
    lint = planctl(repo, "lint", "--format", "json")
    assert [f["rule"] for f in lint.json["findings"]] == ["citations.date-mismatch"]
    assert lint.code == 1


def test_configured_programmes_turn_the_packaged_ones_off(repo):
    planctl(repo, "init")
    with (repo / "planctl.toml").open("a", encoding="utf-8") as settings:
        settings.write("programmes = []\n")
    assert load_registry(load_config(repo)).programmes == {}
    lint = planctl(repo, "lint", "--format", "json")
    assert "alignment.unknown-reference" in {f["rule"] for f in lint.json["findings"]}


def test_the_package_data_links_point_at_the_shipped_files():
    # planctl/data holds links that the wheel turns into files: the programmes and the workflow.
    assert sorted(p.name for p in programmes_dir().glob("*.yaml")) == ["qd-1605-2010.yaml", "qd-1755-2010.yaml"]
    assert programmes_dir().resolve() == (ROOT / "plans" / "national").resolve()
    assert workflow_template().resolve() == (ROOT / ".github" / "workflows" / "planctl.yml").resolve()
    assert (DATA / "national").is_symlink() and (DATA / "planctl-workflow.yml").is_symlink()


# --- the files it writes -------------------------------------------------------------------

def test_pre_commit_config_points_at_planctl_at_this_version_and_is_valid(repo):
    planctl(repo, "init")
    config = load_data(repo / ".pre-commit-config.yaml")
    [entry] = config["repos"]
    assert entry["rev"] == f"v{__version__}"
    [hook] = entry["hooks"]
    assert hook["id"] == "planctl-lint" and "args" not in hook
    files = re.compile(hook["files"])
    for path in ("plans/example-plan.yaml", "plans/x/y.yml", "schema/plan.schema.json", "planctl.toml",
                 "pyproject.toml", BASELINE, "rules/policy/own.yaml"):
        assert files.search(path), path
    for path in ("README.md", "docs/plans/x.yaml"):
        assert not files.search(path), path
    clientlib = pytest.importorskip("pre_commit.clientlib")
    clientlib.load_config(str(repo / ".pre-commit-config.yaml"))


def test_workflow_is_the_shipped_template_with_the_settings_file_in_its_paths(repo):
    planctl(repo, "init")
    template = workflow_template().read_text(encoding="utf-8")
    written = (repo / ".github" / "workflows" / "planctl.yml").read_text(encoding="utf-8")
    assert written == template.replace('"pyproject.toml"', '"pyproject.toml", "planctl.toml"')
    on = load_data(repo / ".github" / "workflows" / "planctl.yml")["on"]
    assert "planctl.toml" in on["pull_request"]["paths"] and "planctl.toml" in on["push"]["paths"]


def test_init_prints_what_it_wrote_and_what_is_left_to_do(repo):
    out = planctl(repo, "init").stdout
    assert out.startswith("planctl init: .\n")
    assert "PLANCTL_PIP_SPEC" in out and f"@v{__version__}" in out
    assert "`pre-commit install`" in out


# --- an existing Python project ------------------------------------------------------------

PYPROJECT = """\
# The province's own tooling; init must leave every byte of this as it is.
[project]
name = "ke-hoach"   # comments, 'quotes' and odd spacing stay
version = "1.0"
dependencies = [ "requests>=2" ,
]

[tool.ruff]
line-length   = 100"""  # no newline at the end


def test_init_appends_tool_planctl_to_an_existing_pyproject_toml_byte_for_byte(repo):
    write(repo, "pyproject.toml", PYPROJECT)
    run = planctl(repo, "init")
    assert run.code == 0
    assert "appended  pyproject.toml  ([tool.planctl])" in run.stdout
    assert not (repo / "planctl.toml").exists()
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(PYPROJECT)
    assert text[len(PYPROJECT):] == "\n\n[tool.planctl]\n" + SETTINGS
    document = tomllib.loads(text)
    assert document["tool"]["ruff"] == {"line-length": 100} and document["project"]["name"] == "ke-hoach"
    assert load_config(repo).source == repo / "pyproject.toml"
    assert planctl(repo, "lint", "--fail-on", "info").code == 0
    # planctl.toml is not used, so the workflow's paths stay the template's.
    written = (repo / ".github" / "workflows" / "planctl.yml").read_text(encoding="utf-8")
    assert written == workflow_template().read_text(encoding="utf-8")


def test_an_existing_tool_planctl_is_kept_without_force_and_replaced_alone_with_it(repo):
    before = "[project]\nname = \"x\"\n\n[tool.planctl]\nplans = [\"old/*.yaml\"]\nfail-on = \"info\"\n\n[tool.other]\na = 1\n"
    write(repo, "pyproject.toml", before)
    run = planctl(repo, "init")
    assert run.code == 0
    assert re.search(r"skipped +pyproject\.toml +\(it has \[tool\.planctl\] already; --force replaces that table\)", run.stdout)
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == before

    run = planctl(repo, "init", "--force")
    assert run.code == 0 and "replaced  pyproject.toml  ([tool.planctl])" in run.stdout
    after = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert after == "[project]\nname = \"x\"\n\n[tool.planctl]\n" + SETTINGS + "\n[tool.other]\na = 1\n"


def test_force_keeps_the_comment_that_introduces_the_next_table_and_crlf_line_endings(repo):
    before = ("[tool.planctl]\r\nplans = [\r\n  \"old/*.yaml\",\r\n]\r\n# about planctl\r\n\r\n"
              "# The linter of the province's scripts\r\n[tool.ruff]\r\nline-length = 100\r\n")
    write(repo, "pyproject.toml", before.encode("utf-8"))
    assert planctl(repo, "init", "--force").code == 0
    after = (repo / "pyproject.toml").read_bytes().decode("utf-8")
    table = ("[tool.planctl]\n" + SETTINGS).replace("\n", "\r\n")
    assert after == table + "\r\n# The linter of the province's scripts\r\n[tool.ruff]\r\nline-length = 100\r\n"


def test_appending_to_a_crlf_pyproject_keeps_its_line_endings(repo):
    write(repo, "pyproject.toml", b"[project]\r\nname = \"x\"\r\n")
    assert planctl(repo, "init").code == 0
    after = (repo / "pyproject.toml").read_bytes()
    assert after.startswith(b"[project]\r\nname = \"x\"\r\n\r\n[tool.planctl]\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_a_pyproject_that_is_a_link_is_not_appended_to(repo, tmp_path):
    outside = write(tmp_path, "shared-pyproject.toml", "[project]\nname = \"x\"\n")
    (repo / "pyproject.toml").symlink_to(outside)
    run = planctl(repo, "init")
    assert run.code == 0 and re.search(r"skipped +pyproject\.toml +\(a link", run.stdout)
    assert outside.read_text(encoding="utf-8") == "[project]\nname = \"x\"\n"


def test_a_tool_planctl_that_is_not_a_plain_table_is_not_rewritten(repo):
    before = "[tool]\nplanctl = {plans = [\"old/*.yaml\"]}\n"
    write(repo, "pyproject.toml", before)
    run = planctl(repo, "init", "--force")
    assert run.code == 2 and "edit it by hand" in run.stderr
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == before


def test_an_unreadable_pyproject_is_an_error_not_a_rewrite(repo):
    write(repo, "pyproject.toml", "[project\n")
    run = planctl(repo, "init")
    assert run.code == 2 and "pyproject.toml: cannot read it" in run.stderr
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == "[project\n"


# --- existing files ------------------------------------------------------------------------

def test_existing_files_are_skipped_without_force_and_replaced_with_it(repo):
    mine = {rel: f"# the province's own {rel}\n" for rel in WRITTEN if rel != STARTER}
    for rel, content in mine.items():
        write(repo, rel, content)
    run = planctl(repo, "init")
    assert run.code == 0
    assert listed(run.stdout, "skipped") == [rel for rel in WRITTEN if rel != STARTER]
    assert listed(run.stdout, "wrote") == [STARTER]
    assert "--force replaces it" in run.stdout
    for rel, content in mine.items():
        assert (repo / rel).read_text(encoding="utf-8") == content, rel

    run = planctl(repo, "init", "--force")
    assert run.code == 0
    assert listed(run.stdout, "replaced") == WRITTEN and listed(run.stdout, "skipped") == []
    assert (repo / "planctl.toml").read_text(encoding="utf-8") == SETTINGS
    assert (repo / "schema" / "plan.schema.json").read_bytes() == schema_path("plan").read_bytes()


def test_a_second_run_changes_nothing(repo):
    planctl(repo, "init")
    snapshot = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    run = planctl(repo, "init")
    assert run.code == 0 and listed(run.stdout, "wrote") == [] and listed(run.stdout, "skipped") == WRITTEN
    assert {p: p.read_bytes() for p in snapshot} == snapshot


def test_force_does_not_write_through_a_link(repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("mine\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").symlink_to(outside)
    run = planctl(repo, "init", "--force")
    assert run.code == 0 and re.search(r"skipped +\.pre-commit-config\.yaml +\(a folder or a link", run.stdout)
    assert outside.read_text(encoding="utf-8") == "mine\n"


# --- bad DIR -------------------------------------------------------------------------------

def test_bad_dir_is_exit_2(repo, tmp_path):
    missing = planctl(tmp_path, "init", "nowhere")
    assert missing.code == 2 and "nowhere: no such folder" in missing.stderr
    write(tmp_path, "file.txt", "x")
    assert planctl(tmp_path, "init", "file.txt").code == 2
    (repo / "plans").mkdir()
    inner = planctl(repo, "init", "plans")
    assert inner.code == 2 and "run `planctl init` at its top" in inner.stderr
    assert not (repo / "plans" / "planctl.toml").exists()


def test_dir_argument_sets_up_that_folder(tmp_path):
    (tmp_path / "repo").mkdir()
    run = planctl(tmp_path, "init", "repo")
    assert run.code == 0 and run.stdout.startswith("planctl init: repo\n")
    assert (tmp_path / "repo" / "planctl.toml").is_file() and not (tmp_path / "planctl.toml").exists()


# --- existing plans with findings: the baseline --------------------------------------------

def province_with_plans(repo: Path) -> Path:
    """A repository that has its plans already: a real one, with the document's own mistakes."""
    shutil.copyfile(REAL_PLAN, write(repo, "plans/tra-vinh/qd-952-2011.yaml", ""))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the plans as printed")
    return repo


def test_existing_plans_with_findings_are_offered_a_baseline(repo):
    province_with_plans(repo)
    run = planctl(repo, "init")
    assert run.code == 0
    assert re.search(rf"skipped +{re.escape(STARTER)} +\(the repository has 1 plan already\)", run.stdout)
    assert not (repo / BASELINE).exists()
    assert re.search(r"the existing plans have \d+ findings \(\d+ errors\).*`planctl init --baseline --force`", run.stdout)
    # Its first line is the old ../../ modeline, which is right for plans/tra-vinh/: nothing to add.
    assert "does not start with the line" not in run.stdout
    assert "--baseline" not in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def test_baseline_is_written_and_used_by_the_hooks_so_only_new_findings_fail(repo):
    province_with_plans(repo)
    run = planctl(repo, "init", "--baseline")
    assert run.code == 0, run.stderr
    assert re.search(rf"wrote +{BASELINE} +\(\d+ findings of `planctl lint --format json`\)", run.stdout)
    saved = (repo / BASELINE).read_text(encoding="utf-8")
    assert saved == process(repo, "lint", "--format", "json").stdout  # exactly what the README's command writes
    assert planctl(repo, "lint").code == 1
    assert planctl(repo, "lint", "--baseline", BASELINE).code == 0

    hook = load_data(repo / ".pre-commit-config.yaml")["repos"][0]["hooks"][0]
    assert hook["args"] == ["--baseline", BASELINE] and hook["entry"] == "planctl lint"  # not --new-since HEAD
    workflow = load_data(repo / ".github" / "workflows" / "planctl.yml")
    assert BASELINE in workflow["on"]["pull_request"]["paths"] and BASELINE in workflow["on"]["push"]["paths"]
    # The workflow's lint step picks up the baseline on a push (a pull request runs --new-since):
    # run as GitHub runs it, it passes; a new mistake fails it.
    [lint_step] = [s for s in workflow["jobs"]["planctl"]["steps"] if s.get("id") == "lint"]
    env = {**os.environ, "BASE_REF": "", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "",
           "GITHUB_OUTPUT": str(repo / "outputs.txt"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    step = subprocess.run(["bash", "-e", "-c", lint_step["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert step.returncode == 0, step.stdout + step.stderr
    assert "total=0" in (repo / "outputs.txt").read_text(encoding="utf-8")
    # A new plan with a mistake is not in the baseline: it fails.
    starter = STARTER_PLAN.format(modeline=modeline(repo / "plans" / "moi.yaml", repo))
    write(repo, "plans/moi.yaml", starter.replace('date: "2010-09-22"', 'date: "2010-09-23"'))
    new = planctl(repo, "lint", "--baseline", BASELINE, "--format", "json")
    assert new.code == 1 and [f["rule"] for f in new.json["findings"]] == ["citations.date-mismatch"]


def test_a_baseline_is_not_written_for_plans_without_findings(repo):
    planctl(repo, "init")
    git(repo, "add", "-A")
    run = planctl(repo, "init", "--baseline")
    assert run.code == 0
    assert re.search(rf"skipped +{BASELINE} +\(the plans have no finding, nothing to record\)", run.stdout)
    assert not (repo / BASELINE).exists()


def test_no_baseline_means_none_even_with_findings(repo):
    province_with_plans(repo)
    run = planctl(repo, "init", "--no-baseline")
    assert run.code == 0 and not (repo / BASELINE).exists()


def test_on_a_terminal_init_asks_before_recording_a_baseline(repo):
    from planctl.init import run

    province_with_plans(repo)
    questions: list[str] = []
    report = run(repo, ask=lambda question: questions.append(question) or True)
    assert len(questions) == 1 and re.match(r"the existing plans have \d+ findings \(\d+ errors\)\. Record them in "
                                            rf"{BASELINE}", questions[0])
    assert BASELINE in report.wrote and (repo / BASELINE).is_file()
    assert "--baseline" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
