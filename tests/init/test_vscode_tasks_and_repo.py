"""What `planctl init` gives editors and pre-commit beyond the schema: the VS Code tasks that run
`planctl lint` and read its findings with a problem matcher (the editor's answer for money written
`4.000`, which no JSON Schema keyword can see), and `--repo`, the repository pre-commit clones
planctl from.

The matcher is tested here the way VS Code applies it: its regular expression, read from the
tasks.json init wrote, over every line planctl prints, in both languages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planctl.init import STARTER
from planctl.init_hooks import PROBLEM_PATTERN
from planctl.init_templates import PLACEHOLDER_NOTE, REPOSITORY_PLACEHOLDER, VSCODE_TASKS
from tests.conftest import ROOT
from tests.init.conftest import planctl, process, write


def tasks_of(repo: Path) -> list[dict]:
    return json.loads((repo / VSCODE_TASKS).read_text(encoding="utf-8"))["tasks"]


def problems(output: str, task: dict) -> list[tuple[str, int, int, str, str, str]]:
    """The problems VS Code makes of `output` with the task's matcher: (file, line, column,
    severity, code, message), one per matching line."""
    pattern = task["problemMatcher"]["pattern"]
    regexp = re.compile(pattern["regexp"])
    found = []
    for line in output.splitlines():
        match = regexp.match(line)
        if match:
            found.append((match.group(pattern["file"]), int(match.group(pattern["line"])),
                          int(match.group(pattern["column"])), match.group(pattern["severity"]),
                          match.group(pattern["code"]), match.group(pattern["message"])))
    return found


def as_json(cwd: Path, *args: str) -> list[tuple[str, int, int, str, str, str]]:
    report = json.loads(process(cwd, *args, "--format", "json").stdout)
    return [(f["file"], f["line"], f["column"], f["severity"], f["rule"], f["message"]) for f in report["findings"]]


@pytest.fixture
def initialised(repo) -> Path:
    assert planctl(repo, "init").code == 0
    return repo


def test_init_writes_two_lint_tasks_with_the_same_problem_matcher(initialised):
    tasks = tasks_of(initialised)
    assert [t["label"] for t in tasks] == ["planctl lint", "planctl lint: this file"]
    assert [t["args"] for t in tasks] == [["lint", "--color", "never"], ["lint", "--color", "never", "${file}"]]
    for task in tasks:
        assert task["command"] == "planctl" and task["type"] == "shell"
        matcher = task["problemMatcher"]
        assert matcher["pattern"]["regexp"] == PROBLEM_PATTERN
        assert matcher["fileLocation"] == ["autoDetect", "${workspaceFolder}"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_matcher_reads_every_finding_of_the_real_plans_and_nothing_else(initialised, lang):
    """Every finding of the shipped plans (all severities) becomes one problem with the file,
    line, column, severity, rule and message of the JSON report; hint and summary lines, in
    English or Vietnamese, become none."""
    task = tasks_of(initialised)[0]
    text = process(ROOT, "--lang", lang, "lint", "--color", "never", "--fail-on", "info", "plans/").stdout
    expected = as_json(ROOT, "--lang", lang, "lint", "plans/")
    assert len(expected) > 30
    assert problems(text, task) == expected
    hint = "gợi ý:" if lang == "vi" else "hint:"
    assert sum(1 for line in text.splitlines() if line.lstrip().startswith(hint)) > 0


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_money_written_4_000_reaches_the_editor_through_the_task(initialised, lang):
    """The case yaml-language-server cannot flag (tests/init/test_editor.py): the task's own
    command, run where VS Code runs it, gives a problem at the line of `5.000`, as lint does."""
    text = (initialised / STARTER).read_text(encoding="utf-8").replace("amounts: {nsdp: 5000}",
                                                                         "amounts: {nsdp: 5.000}")
    write(initialised, STARTER, text)
    task = tasks_of(initialised)[0]
    run = process(initialised, "--lang", lang, task["args"][0], *task["args"][1:])
    assert run.code == 1
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "5.000" in t)
    found = [p for p in problems(run.stdout, task) if p[4] == "data.money-as-float"]
    assert [(p[0], p[1], p[3]) for p in found] == [(STARTER, line, "error")]
    assert "5.000" in found[0][5]


def test_this_file_task_and_a_syntax_error(initialised):
    """`planctl lint: this file` passes the absolute path VS Code substitutes for ${file}; a
    syntax error is a problem too (autoDetect reads the file name relative or absolute)."""
    broken = write(initialised, "plans/hong.yaml", "planctl: 1\nkind: plan\nid: [hong\n")
    task = tasks_of(initialised)[1]
    args = [str(broken) if a == "${file}" else a for a in task["args"]]
    found = problems(process(initialised, *args).stdout, task)
    assert len(found) == 1
    file, line, _column, severity, code, _message = found[0]
    assert Path(file).name == "hong.yaml" and line == 4 and (severity, code) == ("error", "syntax")


def test_fixed_findings_of_new_since_are_not_read_as_current(initialised):
    """In pull-request mode the text format indents fixed findings: they must not become problems."""
    assert PROBLEM_PATTERN.startswith("^(") and not re.match(PROBLEM_PATTERN, "    error syntax gone (was a.yaml:1:1)")


def test_repo_goes_into_the_pre_commit_configuration(repo):
    run = planctl(repo, "init", "--repo", "https://git.example.vn/so-tttt/planctl")
    assert run.code == 0
    text = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "  - repo: https://git.example.vn/so-tttt/planctl\n" in text
    assert "REPLACE" not in text and REPOSITORY_PLACEHOLDER not in text
    assert "PLANCTL_PIP_SPEC to `planctl @ git+https://git.example.vn/so-tttt/planctl@v" in run.stdout
    assert REPOSITORY_PLACEHOLDER not in run.stdout


def test_without_repo_the_package_metadata_names_it(repo, monkeypatch):
    monkeypatch.setattr("planctl.init_hooks.planctl_repository", lambda: "https://github.com/so-tttt/planctl")
    assert planctl(repo, "init").code == 0
    text = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "  - repo: https://github.com/so-tttt/planctl\n" in text and "REPLACE" not in text


def test_without_either_the_file_itself_says_to_replace_the_placeholder(repo, monkeypatch):
    monkeypatch.setattr("planctl.init_hooks.planctl_repository", lambda: None)
    run = planctl(repo, "init")
    text = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert PLACEHOLDER_NOTE + f"  - repo: {REPOSITORY_PLACEHOLDER}\n" in text
    assert "`planctl init --repo URL` writes it" in run.stdout


@pytest.mark.parametrize("url", ["", "local", "meta", "https://x/a b", "https://x/a\nrev: evil", "-x", "'quoted'",
                                 "https://x/#frag"])
def test_a_repo_that_would_break_the_configuration_is_refused(repo, url):
    run = planctl(repo, "init", "--repo", url)
    assert run.code == 2 and "--repo" in run.stderr
    assert not (repo / ".pre-commit-config.yaml").exists()
