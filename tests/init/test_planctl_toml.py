"""planctl.toml: the settings of a repository without a Python project, found and confined like
pyproject.toml's [tool.planctl]."""

from __future__ import annotations

from planctl.config import load_config
from tests.init.conftest import planctl, write


def test_planctl_toml_is_read_from_a_subfolder_of_the_repository(repo):
    planctl(repo, "init")
    write(repo, "planctl.toml", 'plans = ["plans/**/*.yaml"]\nfail-on = "info"\n')
    config = load_config(repo / "plans")
    assert config.root == repo and config.source == repo / "planctl.toml"
    assert config.fail_on.label == "info"
    assert planctl(repo / "plans", "lint", "example-plan.yaml").code == 0


def test_keys_in_planctl_toml_are_named_without_a_table(repo):
    write(repo, "planctl.toml", 'fail-on = "fatal"\n')
    run = planctl(repo, "lint")
    assert run.code == 2
    assert 'planctl.toml: fail-on must be one of "error", "warning", "info" (got "fatal")' in run.stderr
    assert "[tool.planctl]" not in run.stderr
    write(repo, "planctl.toml", 'colour = true\n')
    assert "planctl.toml: unknown setting(s): colour" in planctl(repo, "lint").stderr
    write(repo, "planctl.toml", 'plans = "x"\n')
    assert 'planctl.toml: plans must be a list of non-empty strings (got "x")' in planctl(repo, "lint").stderr
    write(repo, "planctl.toml", "plans = [\n")
    assert "planctl.toml: cannot read the settings" in planctl(repo, "lint").stderr


def test_planctl_toml_confines_globs_to_the_repository(repo):
    write(repo, "planctl.toml", 'plans = ["../*.yaml"]\n')
    run = planctl(repo, "lint")
    assert run.code == 2 and "goes up with '..'" in run.stderr


def test_settings_in_both_files_are_an_error_not_a_silent_choice(repo):
    write(repo, "planctl.toml", 'fail-on = "info"\n')
    write(repo, "pyproject.toml", '[tool.planctl]\nfail-on = "warning"\n')
    run = planctl(repo, "lint")
    assert run.code == 2 and "pyproject.toml beside it has [tool.planctl] too" in run.stderr


def test_planctl_toml_wins_over_a_pyproject_without_planctl_settings(repo):
    write(repo, "planctl.toml", 'fail-on = "info"\n')
    write(repo, "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(repo).source == repo / "planctl.toml"


def test_a_planctl_toml_above_the_git_repository_does_not_apply(tmp_path):
    write(tmp_path, "planctl.toml", 'plans = ["nothing/*.yaml"]\n')
    inner = tmp_path / "checkout"
    (inner / ".git").mkdir(parents=True)
    config = load_config(inner)
    assert config.source is None and config.root == inner
