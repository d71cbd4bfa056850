"""[tool.planctl] comes from the repository only, and a malformed one is exit 2 naming file and key."""

from __future__ import annotations

import json

import pytest

from tests.history.gitrepo import PYPROJECT
from tests.security.conftest import assert_refused, is_root, planctl, set_config
from tests.workspace import CLEAN_PLAN, PROGRAMME

HOSTILE_PARENT_CONFIG = '[tool.planctl]\nplans = ["../../../**/*.yaml"]\nfail-on = "info"\n'


def test_a_pyproject_above_the_git_repository_does_not_apply(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.planctl]\nplans = ["nothing/*.yaml"]\n', encoding="utf-8")
    repo = tmp_path / "checkout"
    (repo / "plans" / "thu").mkdir(parents=True)
    (repo / ".git").mkdir()  # the top of a repository, as git marks it
    (repo / "plans" / "national").mkdir()
    (repo / "plans" / "national" / "qd-1755-2010.yaml").write_text(PROGRAMME, encoding="utf-8")
    (repo / "plans" / "thu" / "plan.yaml").write_text(CLEAN_PLAN, encoding="utf-8")
    run = planctl(repo / "plans" / "thu", "lint", "--format", "json")
    assert run.code == 0, run.stderr  # the defaults, from the top of the repository
    assert json.loads(run.stdout)["summary"]["files"] == 2


def test_outside_git_only_the_working_folder_is_searched(tmp_path):
    (tmp_path / "pyproject.toml").write_text(HOSTILE_PARENT_CONFIG, encoding="utf-8")
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "plan.yaml").write_text(CLEAN_PLAN, encoding="utf-8")
    run = planctl(work, "lint", "--format", "json", "plans/plan.yaml")
    # The packaged programmes apply: the clean plan has warnings only (task groups it does not
    # cover), which fail with the parent's fail-on = "info" and pass with the default, error.
    assert "pyproject.toml" not in run.stderr and run.code == 0
    assert run.code == 0 and {f["rule"] for f in json.loads(run.stdout)["findings"]} == {"alignment.uncovered-task-group"}


def test_the_repository_pyproject_applies_from_a_subfolder(repo):
    set_config(repo, PYPROJECT + 'fail-on = "info"\n')
    repo.write("plans/thu/plan.yaml", CLEAN_PLAN.replace("name: Đào tạo, start: 2011, end: 2012, ",
                                                         "name: Đào tạo, "))
    assert repo.run("lint", "plan.yaml", cwd=repo.root / "plans" / "thu").code == 1  # an info finding fails


MALFORMED = [
    ("tool = 5\n", "[tool] must be a table"),
    ("[tool]\nplanctl = [1]\n", "[tool.planctl] must be a table"),
    ("[tool.planctl]\nplans = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
    ("[tool.planctl]\nmax-file-bytes = true\n", "[tool.planctl] max-file-bytes must be a positive integer (got true)"),
    ("[tool.planctl]\nmax-file-bytes = 1979-05-27\n", "[tool.planctl] max-file-bytes must be a positive integer"),
    ("[tool.planctl]\nmax-file-bytes = 0\n", "[tool.planctl] max-file-bytes"),
    ('[tool.planctl]\nplans = [""]\n', '[tool.planctl] plans item 1 must be a non-empty string (got "")'),
    ('[tool.planctl]\nplans = ["plans/***/x"]\n', "[tool.planctl] plans: glob 'plans/***/x' is not a valid glob"),
    ('[tool.planctl]\nplans = ["plans/a\\u0000b"]\n', "[tool.planctl] plans: glob"),
    ("[tool.planctl]\nplans = [1]\n", "[tool.planctl] plans item 1 must be a non-empty string (got 1)"),
    ('[tool.planctl]\nprogrammes = "x/*.yaml"\n', "[tool.planctl] programmes must be a list"),
    ('[tool.planctl]\npolicies = ["/etc/*"]\n', "[tool.planctl] policies: glob '/etc/*' is absolute"),
    ('[tool.planctl]\nfail-on = "fatal"\n', '[tool.planctl] fail-on must be one of "error", "warning", "info" (got "fatal")'),
    ('[tool.planctl]\nfail-on = "ERROR"\n', '[tool.planctl] fail-on must be one of "error", "warning", "info" (got "ERROR")'),
    ('[tool.planctl]\nrules = ["x"]\n', '[tool.planctl] rules must be a table (got ["x"])'),
    ('[tool.planctl.rules]\n"periods.missing-schedule" = "disabled"\n',
     '[tool.planctl] rules."periods.missing-schedule" must be one of "off", "error", "warning", "info" (got "disabled")'),
    ('[tool.planctl.rules]\nperiods = {missing-schedule = "off"}\n', "[tool.planctl] rules.periods must be one of"),
    ('[tool.planctl.rules]\n"Periods Missing" = "off"\n', "[tool.planctl] rules: \"Periods Missing\" is not a rule id"),
    ('[tool.planctl]\nplans = 5\nfail-on = "x"\n', '[tool.planctl] fail-on must be one of "error", "warning", "info" (got "x"); '
     "[tool.planctl] plans must be a list of non-empty strings (got 5)"),
    ("[tool.planctl]\nplans = [\n", "cannot read [tool.planctl]"),
    (b"[tool.planctl]\nplans = ['\xff']\n", "not UTF-8"),
]


@pytest.mark.parametrize("body, message", MALFORMED, ids=[m[1][:40] for m in MALFORMED])
def test_a_malformed_configuration_names_the_file_and_the_key(repo, body, message):
    repo.write("pyproject.toml", body)
    for command in (["lint"], ["diff"]):
        assert_refused(repo.run(*command), "pyproject.toml", message)


def test_a_folder_named_pyproject_toml_is_an_error(repo):
    (repo.root / "pyproject.toml").unlink()
    (repo.root / "pyproject.toml").mkdir()
    assert_refused(repo.run("lint"), "pyproject.toml", "not a regular file")


@pytest.mark.skipif(is_root(), reason="root reads files whatever their permissions")
def test_an_unreadable_pyproject_is_an_error(repo):
    (repo.root / "pyproject.toml").chmod(0)
    assert_refused(repo.run("lint"), "pyproject.toml", "cannot read it")


def test_an_empty_folder_checks_nothing_and_says_so(repo):
    (repo.root / "empty").mkdir()
    assert_refused(repo.run("lint", "empty"), "empty", "nothing was checked")
    repo.write("notes/readme.md", "no plans here\n")
    assert_refused(repo.run("lint", "notes"), "nothing was checked")


def test_globs_that_match_nothing_are_an_error(repo):
    set_config(repo, PYPROJECT.replace('"plans/**/*.yaml"', '"plan/**/*.yaml"'))
    assert_refused(repo.run("lint"), "no plan files match plan/**/*.yaml")


def test_diff_of_a_path_that_is_at_neither_revision_is_an_error(repo):
    first = repo.git("rev-parse", "HEAD").strip()
    repo.edit("plans/thu/plan.yaml", lambda d: d.update(title="Kế hoạch mới"))
    second = repo.commit("edit")
    run = repo.run("diff", first, second, "--", "plans/typo.yaml")
    assert_refused(run, "plans/typo.yaml", "nothing was compared")
    assert_refused(repo.run("diff", "--", "plans/typo.yaml"), "plans/typo.yaml")
    # A plan deleted since the first revision is still a path at that revision.
    (repo.root / "plans" / "thu" / "plan.yaml").unlink()
    repo.commit("delete")
    assert repo.run("diff", first, "HEAD", "--", "plans/thu/plan.yaml").code == 0
