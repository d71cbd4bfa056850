"""The files a plans repository uses: the pre-commit hook definition and the GitHub Actions workflow.

The workflow's shell steps are run for real, in a plans repository, with the environment GitHub
Actions gives them; pre-commit installs and runs the hook from this checkout when it is installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.document import load_data
from tests.ci.conftest import FIXTURE, git, make_plans_repo
from tests.ci.test_formats import parse_commands
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "planctl.yml"
DIFF_COMMAND = 'planctl diff --format markdown "origin/$BASE_REF...HEAD"'
VENV_BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    """An executable from the test's own environment, else from PATH."""
    beside = VENV_BIN / name
    return str(beside) if beside.is_file() else shutil.which(name)


# --- pre-commit -----------------------------------------------------------------------------

def hook() -> dict:
    hooks = load_data(HOOKS)
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_hook_lints_every_plan_when_anything_that_decides_findings_changes():
    h = hook()
    assert h["id"] == "planctl-lint" and h["language"] == "python"
    # --new-since HEAD in entry (not args): a user's `args:` must not drop it (tests/ci/test_new_since.py).
    assert h["entry"] == "planctl lint --new-since HEAD" and h["pass_filenames"] is False
    # pre-commit matches `files` with re.search against paths relative to the repository root.
    files = re.compile(h["files"])
    for path in ("plans/tra-vinh/qd-952-2011.yaml", "plans/national/qd-1755-2010.yaml", "plans/x.yml",
                 "rules/policy/default.yaml", "rules/consistency/group-total.yaml",
                 "schema/plan.schema.json", "pyproject.toml"):
        assert files.search(path), path
    for path in ("README.md", "plans/README.md", "docs/plans/x.yaml", "src/pyproject.toml", "plans/a.yaml.bak"):
        assert not files.search(path), path


def test_hook_entry_is_an_installed_command():
    scripts = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # planctl.launch answers --version without importing typer, then runs planctl.cli's app.
    assert re.search(r'^planctl = "planctl\.launch:main"$', scripts, re.M)
    assert CliRunner().invoke(app, ["lint", "--help"]).exit_code == 0


def test_hook_definition_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is not installed "
                                    "(pip install pre-commit) to check the hook definition")
    manifest = clientlib.load_manifest(str(HOOKS))
    assert [h["id"] for h in manifest] == ["planctl-lint"]


def test_pre_commit_installs_and_runs_the_hook_from_this_checkout(plans_repo, tmp_path):
    """Slow (pre-commit builds a virtualenv and pip-installs planctl from PyPI's packages)."""
    pre_commit = tool("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit); this test runs "
                    "`pre-commit try-repo` on the hook definition")
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this checkout to be a git repository")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    # The committed state (--ref), not the working tree: others' unfinished edits are not the hook.
    head = git(ROOT, "rev-parse", "HEAD").strip()
    run = subprocess.run([pre_commit, "try-repo", str(ROOT), "planctl-lint", "--ref", head, "--all-files",
                          "--color", "never", "--verbose"],
                         cwd=plans_repo, env=env, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    if run.returncode not in (0, 1):  # 3 is pre-commit's own failure, e.g. an install without network
        pytest.fail(f"pre-commit could not install the hook (exit {run.returncode}):\n{output[-3000:]}")
    # The hook runs `--new-since HEAD`: the committed plans' findings are shown, but none is new,
    # so they do not block (a commit that adds one: tests/ci/test_new_since.py).
    assert run.returncode == 0, output[-3000:]
    assert re.search(r"planctl lint\.+Passed", output)
    assert "plans/demo/plan.yaml:20:21: error consistency.group-total" in output
    assert "3 files checked: 6 errors, 1 warning, 1 info; since HEAD: 0 new, 0 fixed, 8 unchanged" in output


# --- GitHub Actions workflow ----------------------------------------------------------------

def workflow() -> dict:
    return load_data(WORKFLOW)


def steps() -> list[dict]:
    jobs = workflow()["jobs"]
    assert list(jobs) == ["planctl"]
    return jobs["planctl"]["steps"]


def step(step_id: str) -> dict:
    found = [s for s in steps() if s.get("id") == step_id]
    assert len(found) == 1, step_id
    return found[0]


def uses(prefix: str) -> dict:
    found = [s for s in steps() if s.get("uses", "").startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def test_workflow_triggers_and_permissions():
    w = workflow()
    assert "pull_request" in w["on"] and "push" in w["on"]
    for path in ("plans/**", "rules/**", "schema/**", "pyproject.toml"):
        assert path in w["on"]["pull_request"]["paths"]
    # Least privilege: nothing for the workflow, the job asks for what its steps use.
    assert w["permissions"] == {}
    assert w["jobs"]["planctl"]["permissions"] == {"contents": "read", "actions": "read",
                                                   "security-events": "write", "pull-requests": "write"}


def test_workflow_pins_every_action_by_commit_with_its_release_in_a_comment():
    text = WORKFLOW.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert len(lines) == len([s for s in steps() if "uses" in s]) == 5
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line
    assert "github/codeql-action/upload-sarif@" in text and "# v4." in text  # v3 is deprecated
    assert uses("actions/checkout@")["with"]["persist-credentials"] is False


def test_workflow_runs_no_expression_in_a_shell_script():
    """An expression in `run:` is pasted into the script before the shell reads it: a branch
    name like `a$(curl …)` would run. They go through `env:` instead."""
    for s in steps():
        if "run" in s:
            assert "${{" not in s["run"], s.get("name")


def test_workflow_checks_out_full_history_for_diff():
    checkout = uses("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    assert steps().index(checkout) == 0


def test_workflow_uploads_the_sarif_file_the_lint_step_writes():
    lint_step = step("lint")
    written = re.search(r"--output[ =]sarif=(\S+)", lint_step["run"])
    assert written
    upload = uses("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == written.group(1)
    assert "!cancelled()" in upload["if"], "findings must be uploaded when the lint step fails"
    assert steps().index(upload) > steps().index(lint_step)


def test_workflow_comments_the_pull_request_diff():
    diff = step("diff")
    assert DIFF_COMMAND in diff["run"]
    assert "pull_request" in diff["if"] and "!cancelled()" in diff["if"]
    assert diff["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    written = re.search(re.escape(DIFF_COMMAND) + r" > (\S+)", diff["run"]).group(1)
    comment = uses("actions/github-script@")
    assert "steps.diff.outcome == 'success'" in comment["if"]
    assert f"readFileSync('{written}'" in comment["with"]["script"]
    assert "updateComment" in comment["with"]["script"], "one comment, updated on every push"


def github_env(tmp_path: Path) -> tuple[dict, Path]:
    """The environment GitHub Actions gives a `run:` step, with planctl on PATH."""
    summary = tmp_path / "step-summary.md"
    summary.touch()
    outputs = tmp_path / "step-outputs.txt"
    outputs.touch()
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs),
           "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return env, summary


def run_step(script: str, cwd: Path, env: dict, **step_env: str) -> subprocess.CompletedProcess:
    """`step_env`: the step's `env:`, with the values Actions gives its expressions."""
    assert "${{" not in script, script
    env = {**env, **step_env}
    # GitHub runs `run:` steps with `bash -e {0}`.
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def step_outputs(path: Path) -> dict[str, str]:
    """What a step wrote to $GITHUB_OUTPUT (name=value lines)."""
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_workflow_lint_step_annotates_summarises_and_writes_sarif(own_plans_repo, tmp_path):
    env, summary = github_env(tmp_path)
    run = run_step(step("lint")["run"], own_plans_repo, env, BASE_REF="")  # a push: no base branch
    assert run.returncode == 1, run.stderr
    commands, plain = parse_commands(run.stdout)
    assert len(commands) == 8 and {c["command"] for c in commands} == {"error", "warning", "notice"}
    assert plain == ["3 files checked: 6 errors, 1 warning, 1 info"]
    assert summary.read_text(encoding="utf-8").startswith("### planctl lint\n\n**❌ 6 errors**")
    sarif_file = uses("github/codeql-action/upload-sarif@")["with"]["sarif_file"]
    sarif = json.loads((own_plans_repo / sarif_file).read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 8
    assert step_outputs(Path(env["GITHUB_OUTPUT"])) == {"total": "8", "errors": "6", "warnings": "1", "infos": "1",
                                                        "new": "", "fixed": ""}


def test_workflow_lint_step_passes_its_outputs_to_the_job():
    job = workflow()["jobs"]["planctl"]
    for name in ("total", "new", "fixed"):
        assert job["outputs"][name] == "${{ steps.lint.outputs." + name + " }}"


def test_workflow_lint_step_clean_plans_give_zero_counts(own_plans_repo, tmp_path):
    for broken in (own_plans_repo / "plans").rglob("*.yaml"):
        if "national" not in broken.parts:
            broken.unlink()
    env, _ = github_env(tmp_path)
    run = run_step(step("lint")["run"], own_plans_repo, env, BASE_REF="")
    assert run.returncode == 0, run.stdout + run.stderr
    assert step_outputs(Path(env["GITHUB_OUTPUT"]))["total"] == "0"


def test_workflow_lint_step_on_a_pull_request_counts_what_it_adds(tmp_path):
    """A pull request that adds a plan with mistakes, in a real repository with its origin: the step
    runs pull-request mode (`--new-since origin/main...HEAD`), fails on them and counts them as new."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = make_plans_repo(tmp_path / "work")
    for broken in (work / "plans").rglob("*.yaml"):  # start clean: only the programme
        if "national" not in broken.parts:
            broken.unlink()
    who = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    git(work, *who, "commit", "-q", "-am", "only the programme")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-q", "-b", "add-plan")
    (work / "plans" / "demo").mkdir(exist_ok=True)
    shutil.copy(FIXTURE / "plans" / "demo" / "plan.yaml", work / "plans" / "demo" / "plan.yaml")
    git(work, "add", "-A")
    git(work, *who, "commit", "-q", "-m", "a plan with mistakes")
    git(work, "fetch", "-q", "origin")
    env, _ = github_env(tmp_path)
    run = run_step(step("lint")["run"], work, env, BASE_REF="main")
    assert run.returncode == 1, run.stdout + run.stderr
    outputs = step_outputs(Path(env["GITHUB_OUTPUT"]))
    total = int(outputs["total"])
    assert total > 0
    assert outputs["new"] == str(total) and outputs["fixed"] == "0", outputs
    assert "since the merge base of origin/main and HEAD" in run.stdout


def test_workflow_lint_step_fails_with_planctl_when_there_is_no_report(tmp_path):
    """A configuration error (exit 2) writes no JSON report: the step fails with planctl's code, no counts."""
    (tmp_path / "pyproject.toml").write_text("[tool.planctl]\nplans = 5\n", encoding="utf-8")
    # Reports of another run left in the checkout are neither counted nor uploaded.
    (tmp_path / "planctl-lint.json").write_text('{"summary": {"error": 9, "warning": 0, "info": 0}}', encoding="utf-8")
    (tmp_path / "planctl.sarif").write_text("{}", encoding="utf-8")
    env, _ = github_env(tmp_path)
    run = run_step(step("lint")["run"], tmp_path, env, BASE_REF="")
    assert run.returncode == 2, run.stdout + run.stderr
    assert Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8") == ""
    assert not (tmp_path / "planctl.sarif").exists() and not (tmp_path / "planctl-lint.json").exists()


def test_workflow_install_step_explains_a_missing_configuration(tmp_path):
    env, _ = github_env(tmp_path)
    env["PLANCTL_PIP_SPEC"] = ""
    run = run_step(step("install")["run"], tmp_path, env)
    assert run.returncode == 2
    assert run.stdout.startswith("::error title=planctl is not configured::Set the repository variable PLANCTL_PIP_SPEC")


def planctl_has_diff() -> bool:
    return CliRunner().invoke(app, ["diff", "--help"]).exit_code == 0


def test_workflow_diff_step_writes_the_pull_request_diff(tmp_path):
    if not planctl_has_diff():
        pytest.skip("`planctl diff` is not in this build yet; the workflow step is checked by text above")
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    shutil.copytree(ROOT / "tests" / "ci" / "fixture", work)
    who = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, *who, "commit", "-q", "-m", "plans")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-q", "-b", "raise-budget")
    plan = work / "plans" / "demo" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("amounts: {nstw: 2500}", "amounts: {nstw: 3000}"),
                    encoding="utf-8")
    git(work, *who, "commit", "-q", "-am", "raise p1")
    git(work, "fetch", "-q", "origin")
    env, summary = github_env(tmp_path)
    run = run_step(step("diff")["run"], work, env, BASE_REF="main")
    assert run.returncode == 0, run.stderr
    diff = (work / "planctl-diff.md").read_text(encoding="utf-8")
    assert diff.strip() and diff in summary.read_text(encoding="utf-8")
    assert "p1" in diff or "Đào tạo" in diff, diff  # the changed project, by id or by name


def test_workflow_is_valid_for_github():
    checker = tool("check-jsonschema")
    if checker is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema); it carries "
                    "SchemaStore's schema of GitHub workflows")
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        run = subprocess.run([checker, "--builtin-schema", schema, str(WORKFLOW)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


def test_workflow_has_no_zizmor_finding():
    """zizmor (GitHub Actions security linter), offline: its audits that need the GitHub API (impostor
    commits, known-vulnerable actions) are the ones that cannot run here. Every persona: regular,
    pedantic and auditor (which also reports the low-confidence findings)."""
    zizmor = tool("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install zizmor, in the test extras)")
    for persona in ("regular", "pedantic", "auditor"):
        run = subprocess.run([zizmor, "--offline", "--no-ignores", f"--persona={persona}", "--format=json",
                              str(WORKFLOW)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, f"{persona}: {run.stdout}{run.stderr}"
        assert json.loads(run.stdout) == [], persona
