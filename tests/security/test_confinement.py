"""Nothing outside the repository is read: globs, symbolic links, --baseline, paths, pyproject.toml.

Each way of pointing at a secret file outside the repository must end with exit code 2 and a
message that says why, and the secret's content must appear in no output format.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.history.gitrepo import PYPROJECT
from tests.security.conftest import CANARY, FORMATS, assert_refused, planctl, set_config
from tests.workspace import CLEAN_PLAN

GLOB_KEYS = ("plans", "programmes", "policies")


def config_with(key: str, pattern: str) -> str:
    lines = {"plans": '["plans/**/*.yaml"]', "programmes": '["plans/national/*.yaml"]', "policies": "[]"}
    lines[key] = json.dumps([pattern])
    return "[tool.planctl]\n" + "".join(f"{k} = {v}\n" for k, v in lines.items())


@pytest.mark.parametrize("key", GLOB_KEYS)
@pytest.mark.parametrize("shape", ["absolute", "dotdot", "absolute-recursive"])
def test_a_glob_out_of_the_repository_is_refused(repo, secret, key, shape):
    pattern = {"absolute": str(secret.parent / "*.yaml"),
               "dotdot": "../outside/*.yaml",
               "absolute-recursive": "/**/secret.yaml"}[shape]
    set_config(repo, config_with(key, pattern))
    # The configuration is refused before anything is read, whatever the format: all of them once.
    for fmt in FORMATS if (key, shape) == ("plans", "absolute") else ("github",):
        run = repo.run("lint", "--format", fmt, timeout=30)
        assert_refused(run, "pyproject.toml", f"[tool.planctl] {key}", repr(pattern))
    assert_refused(repo.run("diff"), "pyproject.toml", f"[tool.planctl] {key}")


@pytest.mark.parametrize("key", GLOB_KEYS)
def test_proc_kmsg_in_a_glob_is_refused_without_blocking(repo, key):
    set_config(repo, config_with(key, "/proc/kmsg"))
    assert_refused(repo.run("lint", timeout=30), "pyproject.toml", key, "absolute")


def test_a_symlinked_plan_leading_out_is_refused_in_every_format(repo, secret):
    (repo.root / "plans" / "leak.yaml").symlink_to(secret)
    for fmt in FORMATS:
        run = repo.run("lint", "--format", fmt)
        assert_refused(run, "plans/leak.yaml", f"resolves to {secret}", "outside the repository")
    # Named on the command line, or found in a folder given on it: refused the same way.
    assert_refused(repo.run("lint", "plans/leak.yaml"), "outside the repository")
    assert_refused(repo.run("lint", "plans"), "outside the repository")


def test_a_symlinked_folder_leading_out_is_refused(repo, secret):
    (repo.root / "plans" / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    set_config(repo, PYPROJECT.replace('"plans/**/*.yaml"', '"plans/**/*.yaml", "plans/elsewhere/*.yaml"'))
    assert_refused(repo.run("lint", "--format", "sarif"), "outside the repository")


def test_symlinked_programme_and_policy_files_leading_out_are_refused(repo, secret):
    set_config(repo, PYPROJECT.replace("policies = []", 'policies = ["rules/*.yaml"]'))
    (repo.root / "rules").mkdir()
    (repo.root / "rules" / "policy.yaml").symlink_to(secret)
    assert_refused(repo.run("lint", "--format", "json"), "[tool.planctl] policies", "rules/policy.yaml")
    (repo.root / "rules" / "policy.yaml").unlink()
    (repo.root / "plans" / "national" / "qd-1605.yaml").symlink_to(secret)
    assert_refused(repo.run("lint", "--format", "github", "plans/thu/plan.yaml"), "[tool.planctl] programmes")


def test_a_symlink_to_a_device_is_refused_without_blocking(repo):
    (repo.root / "plans" / "zero.yaml").symlink_to("/dev/zero")
    assert_refused(repo.run("lint", timeout=30), "plans/zero.yaml", "outside the repository")


def test_a_symlink_inside_the_repository_is_read(repo):
    (repo.root / "plans" / "alias.yaml").symlink_to(repo.root / "plans" / "thu" / "plan.yaml")
    run = repo.run("lint", "--format", "json")
    assert run.code == 0 and json.loads(run.stdout)["summary"]["files"] == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_among_the_plans_does_not_hang(repo):
    os.mkfifo(repo.root / "plans" / "thu" / "pipe.yaml")
    run = repo.run("lint", "--format", "json", timeout=30)  # the default glob matches it
    assert run.code == 0 and json.loads(run.stdout)["summary"]["files"] == 2
    run = repo.run("lint", "plans/thu/pipe.yaml", timeout=30)
    assert run.code == 2 and "not a regular file" in run.stderr


def test_a_baseline_outside_the_repository_is_refused(repo, secret):
    for fmt in FORMATS:
        assert_refused(repo.run("lint", "--format", fmt, "--baseline", str(secret)), "baseline", "outside the repository")
    (repo.root / "baseline.json").symlink_to(secret)
    assert_refused(repo.run("lint", "--baseline", "baseline.json"), "baseline", f"resolves to {secret}")
    (repo.root / "zero.json").symlink_to("/dev/zero")
    assert_refused(repo.run("lint", "--baseline", "zero.json", timeout=30), "baseline", "outside the repository")


def test_a_baseline_nested_too_deeply_is_a_usage_error(repo):
    repo.write("baseline.json", "[" * 100_000 + "]" * 100_000)
    run = repo.run("lint", "--baseline", "baseline.json")
    assert run.code == 2 and "nested too deeply" in run.stderr and "Traceback" not in run.stderr


def test_a_plan_named_on_the_command_line_outside_the_repository_is_refused(repo, secret):
    assert_refused(repo.run("lint", str(secret)), str(secret), "outside the repository")
    assert_refused(repo.run("lint", "../outside/secret.yaml"), "outside the repository")


def test_a_symlinked_pyproject_leading_out_is_refused(repo, tmp_path):
    outside = tmp_path / "outside-config.toml"
    outside.write_text(f'[tool.planctl]\nplans = ["plans/**/*.yaml"]\n# {CANARY}\n', encoding="utf-8")
    (repo.root / "pyproject.toml").unlink()
    (repo.root / "pyproject.toml").symlink_to(outside)
    assert_refused(repo.run("lint"), "pyproject.toml", "outside the repository")


def test_outside_any_repository_a_path_given_by_name_is_its_own_root(tmp_path, secret):
    """No .git, no pyproject.toml: the folder or file named is the root, and a link out of it is refused."""
    folder = tmp_path / "loose"
    folder.mkdir()
    (folder / "plan.yaml").write_text(CLEAN_PLAN, encoding="utf-8")
    run = planctl(tmp_path, "lint", "--format", "json", str(folder / "plan.yaml"))
    # The programmes shipped with planctl apply: the clean plan has warnings only, exit 0.
    assert run.code == 0 and json.loads(run.stdout)["summary"]["files"] == 1, run.stderr
    (folder / "leak.yaml").symlink_to(secret)
    assert_refused(planctl(tmp_path, "lint", str(folder)), "outside the repository")
    assert_refused(planctl(tmp_path, "lint", str(folder / "leak.yaml")), "outside the repository")


def test_git_s_own_files_are_never_read(repo):
    """actions/checkout leaves the job's token in .git/config: no glob, link or path may print it."""
    with (repo.root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(f"[http]\n\textraheader = AUTHORIZATION: basic {CANARY}\n")
    set_config(repo, config_with("plans", ".git/config"))
    assert_refused(repo.run("lint"), "pyproject.toml", "[tool.planctl] plans", ".git")
    set_config(repo, config_with("plans", "**/*"))  # '**' walks everywhere, but not into .git
    run = repo.run("lint", "--format", "json")
    assert CANARY not in run.stdout + run.stderr and run.code == 1
    assert not any(".git" in f["file"] for f in json.loads(run.stdout)["findings"])
    set_config(repo, PYPROJECT)
    (repo.root / "plans" / "config.yaml").symlink_to(repo.root / ".git" / "config")
    assert_refused(repo.run("lint"), "plans/config.yaml", ".git folder")
    (repo.root / "plans" / "config.yaml").unlink()
    assert_refused(repo.run("lint", ".git/config"), ".git folder")
    assert_refused(repo.run("lint", "--baseline", ".git/config"), ".git folder")
    (repo.root / ".git" / "hooks" / "x.yaml").write_text(f"{CANARY}: 1\n", encoding="utf-8")
    run = repo.run("lint", ".")
    assert CANARY not in run.stdout + run.stderr


@pytest.mark.skipif(os.sep != "/", reason="the string comparison is POSIX's")
@pytest.mark.parametrize("path, base", [
    ("/r/plans/a.yaml", "/r"), ("/r", "/r"), ("/rx/a.yaml", "/r"), ("/r/.git/config", "/r"), ("/a/b", "/"),
    ("/", "/"), ("/r", "/r/plans"), ("//r/.git/x", "//r"), ("/r/plans/.git", "/r/plans"),
])
def test_the_string_comparison_of_paths_is_pathlibs(path, base):
    """paths._parts_below compares strings on POSIX; it must answer as pathlib does."""
    from pathlib import PurePosixPath

    from planctl.paths import _parts_below

    pure = PurePosixPath(path)
    expected = pure.relative_to(base).parts if pure.is_relative_to(base) else None
    assert _parts_below(path, base) == expected


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_resolving_folders_once_resolves_as_realpath(tmp_path):
    """paths.realpath_sharing resolves a glob's folders once for all its matches: for each path it
    must give os.path.realpath's answer, through links to folders and files, dangling links and a loop."""
    from planctl.paths import realpath_sharing

    (tmp_path / "real" / "deep").mkdir(parents=True)
    (tmp_path / "real" / "deep" / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "folder").symlink_to(tmp_path / "real")
    (tmp_path / "plans" / "relative").symlink_to("../real/deep")
    (tmp_path / "plans" / "file.yaml").symlink_to(tmp_path / "real" / "deep" / "a.yaml")
    (tmp_path / "plans" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "plans" / "loop").symlink_to(tmp_path / "plans" / "loop")
    paths = ["plans/folder/deep/a.yaml", "plans/relative/a.yaml", "plans/file.yaml", "plans/dangling.yaml",
             "plans/loop/x.yaml", "plans/missing/x.yaml", "plans/folder/../plans/file.yaml", "real/deep/a.yaml"]
    folders: dict[str, str] = {}
    for rel in paths:
        path = str(tmp_path / rel)
        assert realpath_sharing(path, folders) == os.path.realpath(path), rel
