"""`planctl lint PATH...`, `planctl diff [REV [REV]] [PATH...]` and `planctl log PLAN` without
typer (planctl/launch.py, planctl/command.py) print and exit exactly as the typer commands do.

Each case runs the real `planctl` executable twice: as is (the fast path) and with
PLANCTL_NO_FAST_PATH=1 (the same arguments through typer), and compares standard output,
standard error and the exit code byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planctl import i18n
from planctl.command import NO_FAST_PATH_VARIABLE, fast_args

from .history.conftest import PLAN, has_amounts, make_repo, real_plans
from .workspace import CLEAN_PLAN, PYPROJECT, Workspace


def _executable() -> str:
    beside = Path(sys.executable).with_name("planctl")
    found = str(beside) if beside.is_file() else shutil.which("planctl")
    if found is None:
        pytest.skip("no installed planctl executable")
    return found


def _run(root: Path, args: list[str], env: dict[str, str], typer: bool) -> tuple[int, bytes, bytes]:
    env = dict(env)
    if typer:
        env[NO_FAST_PATH_VARIABLE] = "1"
    done = subprocess.run([_executable(), *args], cwd=root, capture_output=True, env=env, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def base_env(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", NO_FAST_PATH_VARIABLE, "PLANCTL_DEBUG",
                        "NO_COLOR", *i18n.ENV_VARIABLES) and not k.endswith("_COMPLETE")}
    env["PLANCTL_CACHE_DIR"] = str(tmp_path / "cache")
    return env


@pytest.fixture
def ws(tmp_path):
    ws = Workspace(tmp_path / "repo")
    ws.write("plans/clean/clean.yaml", CLEAN_PLAN)
    ws.write("plans/bad/total.yaml", CLEAN_PLAN.replace("id: test-plan", "id: bad-total")
             .replace("total: 3000", "total: 3001"))
    ws.write("plans/bad/years.yaml", CLEAN_PLAN.replace("id: test-plan", "id: bad-years")
             .replace("start: 2012, end: 2013", "start: 2013, end: 2012"))
    ws.write("broken/syntax.yaml", "planctl: 1\nkind: plan\nid: [unclosed\n")
    ws.write("broken/latin1.yaml", "planctl: 1\nkind: plan\ntitle: Kế hoạch\n".encode("cp1258", "replace") + b"\xff\n")
    return ws


CASES = [
    ["lint", "plans/bad/total.yaml"],
    ["lint", "plans/bad/total.yaml", "plans/bad/years.yaml"],
    ["lint", "plans/clean/clean.yaml"],
    ["lint", "plans/missing.yaml"],
    ["lint", "plans"],
    ["lint", "plans/bad/"],
    ["lint", "broken/syntax.yaml"],
    ["lint", "broken/latin1.yaml"],
    ["lint", "plans/clean/clean.yaml", "broken/syntax.yaml", "plans/missing.yaml"],
    ["lint"],
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
@pytest.mark.parametrize("language", [{}, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, {"LANG": "vi_VN.UTF-8"}],
                         ids=["en", "LC_ALL", "LANG"])
def test_the_fast_path_prints_and_exits_as_typer(ws, base_env, args, language):
    env = {**base_env, **language}
    fast = _run(ws.root, args, env, typer=False)
    assert fast == _run(ws.root, args, env, typer=True)
    assert fast[0] in (0, 1, 2)
    assert _in_vietnamese(fast) == bool(language), fast  # LC_ALL wins over LANG, as POSIX says


def _in_vietnamese(run: tuple[int, bytes, bytes]) -> bool:
    said = (run[1] + run[2]).decode("utf-8", "replace")
    return "đ" in said or "ỗ" in said  # "đã kiểm tra", "lỗi"


@pytest.mark.parametrize("args", [["lint", "plans/bad/total.yaml"], ["lint", "plans/missing.yaml"], ["lint"]])
def test_the_configured_language_is_chosen_alike(ws, base_env, args):
    ws.write("pyproject.toml", PYPROJECT.replace("[tool.planctl]\n", '[tool.planctl]\nlang = "vi"\n'))
    fast = _run(ws.root, args, base_env, typer=False)
    assert fast == _run(ws.root, args, base_env, typer=True)
    assert _in_vietnamese(fast)


@pytest.mark.parametrize("content", ['[tool.planctl\nplans = 1\n', '[tool.planctl]\nfail-on = "never"\n',
                                     '[tool.planctl]\nlang = "fr"\n'])
def test_a_broken_configuration_exits_2_alike(ws, base_env, content):
    ws.write("pyproject.toml", content)
    for args in (["lint", "plans/bad/total.yaml"], ["lint"]):
        fast = _run(ws.root, args, base_env, typer=False)
        assert fast == _run(ws.root, args, base_env, typer=True)
        assert fast[0] == 2 and fast[2].startswith(b"planctl: error: ")


def test_the_fast_path_imports_neither_typer_nor_orjson_nor_dataclasses(ws, base_env):
    # Printed by an exit handler: the fast path ends the process without unwinding (command.exit_now).
    # orjson (and the uuid and platform it imports) cost a one-plan lint ~10 ms of CPU; dataclasses
    # ~1 ms a class and `inspect` (planctl/model.py); hashlib loads OpenSSL (~5 ms: the cache keys
    # are BLAKE2b, planctl/diskcache.py); tomllib ~10 ms, which a run whose settings file was parsed
    # before does not import (config._parsed).
    code = ("import atexit, sys; sys.argv = ['planctl', 'lint', 'plans/clean/clean.yaml']\n"
            "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('typer') or m in "
            "('orjson', 'uuid', 'platform', 'dataclasses', 'inspect', 'hashlib', 'tomllib')), file=sys.stderr))\n"
            "from planctl.launch import main\n"
            "main()\n")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ws.root, capture_output=True, text=True, env=base_env,
                           timeout=120) for _ in range(2)]
    assert [(done.returncode, done.stderr) for done in runs] == [(0, "['tomllib']\n"), (0, "[]\n")]


# The commands that keep their dataclasses (planctl/model.py): they run rarely.
KEEP_DATACLASSES = {"planctl.init_files", "planctl.resync", "planctl.lint.newsince"}


def test_no_record_of_lint_diff_or_log_is_a_dataclass():
    # Creating a dataclass costs ~1 ms at import (planctl/model.py); diff and log import
    # `dataclasses` anyway (through gitpython), so the test is on the classes, not on the import.
    import dataclasses
    import importlib
    import pkgutil

    import planctl

    found = []
    for info in pkgutil.walk_packages(planctl.__path__, "planctl."):
        if info.name in KEEP_DATACLASSES or info.name.endswith("__main__"):  # __main__ runs the CLI
            continue
        module = importlib.import_module(info.name)
        found += [f"{info.name}.{name}" for name, value in vars(module).items()
                  if isinstance(value, type) and value.__module__ == info.name and dataclasses.is_dataclass(value)]
    assert found == []


@pytest.mark.parametrize("argv", [["lint", "-q", "x.yaml"], ["lint", "x.yaml", "--format", "json"], ["lint", "--"],
                                  ["lint", "-"], ["--lang", "vi", "lint", "x.yaml"], [], ["diff", "--format", "json"],
                                  ["diff", "HEAD", "--", "x.yaml"], ["diff", "--exit-code", "HEAD"], ["log"],
                                  ["log", "a.yaml", "b.yaml"], ["log", "--item", "p1", "x.yaml"], ["init"],
                                  ["rules"]])
def test_anything_but_paths_and_revisions_goes_to_typer(argv):
    assert fast_args(argv, {}) is None


def test_shell_completion_and_the_test_switch_go_to_typer():
    assert fast_args(["lint", "x.yaml"], {}) == ["x.yaml"]
    assert fast_args(["lint"], {}) == []
    assert fast_args(["diff"], {}) == []
    assert fast_args(["diff", "HEAD~1", "HEAD", "x.yaml"], {}) == ["HEAD~1", "HEAD", "x.yaml"]
    assert fast_args(["log", "x.yaml"], {}) == ["x.yaml"]
    for command in (["lint", "x.yaml"], ["diff", "HEAD"], ["log", "x.yaml"]):
        assert fast_args(command, {"_PLANCTL_COMPLETE": "bash_complete"}) is None
        assert fast_args(command, {NO_FAST_PATH_VARIABLE: "1"}) is None
        assert fast_args(command, {NO_FAST_PATH_VARIABLE: "0"}) == command[1:]


def _closed_stdout(root: Path, args: list[str], env: dict[str, str], typer: bool) -> tuple[int, bytes]:
    """`planctl ... | true`: standard output is a pipe nobody reads any more."""
    env = {**env, NO_FAST_PATH_VARIABLE: "1"} if typer else env
    process = subprocess.Popen([_executable(), *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    return process.wait(timeout=120), stderr


@pytest.mark.parametrize("args", [["lint", "plans/bad/total.yaml"], ["lint", "plans/clean/clean.yaml"],
                                  ["lint", "plans/missing.yaml"]], ids=" ".join)
def test_a_closed_pipe_ends_both_paths_alike(ws, base_env, args):
    assert _closed_stdout(ws.root, args, base_env, typer=False) == _closed_stdout(ws.root, args, base_env, typer=True)


def test_under_github_actions_both_paths_annotate_and_summarise_alike(ws, base_env, tmp_path):
    def run(typer: bool) -> tuple[tuple[int, bytes, bytes], bytes]:
        summary = tmp_path / f"summary-{typer}.md"
        env = {**base_env, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
        return _run(ws.root, ["lint", "plans/bad/total.yaml", "plans/clean"], env, typer=typer), summary.read_bytes()

    fast = run(typer=False)
    assert fast == run(typer=True)
    assert fast[0][0] == 1 and b"::error file=plans/bad/total.yaml" in fast[0][1] and fast[1]


# -- diff and log ---------------------------------------------------------------------------

@pytest.fixture
def history(tmp_path):
    """A plans repository with two commits and an edit in the working tree."""
    repo = make_repo(tmp_path / "history", next(p for p in real_plans() if has_amounts(p)))
    repo.edit(PLAN, lambda data: data.__setitem__("title", data["title"] + " (sửa đổi)"))
    repo.commit("Rename the plan")
    repo.edit(PLAN, lambda data: data["period"].__setitem__("end", data["period"]["end"] + 1))
    return repo


def _history_env(repo, base_env) -> dict[str, str]:
    return {**base_env, **{k: v for k, v in repo.env().items() if k.startswith("GIT_") or k == "HOME"}}


HISTORY_CASES = [
    ["diff"],
    ["diff", "HEAD~1"],
    ["diff", "HEAD~1", "HEAD"],
    ["diff", "HEAD~1..HEAD"],
    ["diff", "HEAD~1", "HEAD", PLAN],
    ["diff", "nosuchrev"],
    ["log", PLAN],
    ["log", PLAN.replace("/", "//")],
    ["log", "plans/missing.yaml"],
]


@pytest.mark.parametrize("args", HISTORY_CASES, ids=" ".join)
@pytest.mark.parametrize("language", [{}, {"LANG": "vi_VN.UTF-8"}], ids=["en", "vi"])
def test_diff_and_log_print_and_exit_as_typer(history, base_env, args, language):
    env = {**_history_env(history, base_env), **language}
    fast = _run(history.root, args, env, typer=False)
    assert fast == _run(history.root, args, env, typer=True)
    assert fast[0] == (2 if "nosuchrev" in args or "plans/missing.yaml" in args else 0), fast[2]
    if fast[0] == 0:
        assert fast[1]  # a diff or a log was printed, not nothing
    if language:  # in the run's language: not the English words
        assert fast != _run(history.root, args, _history_env(history, base_env), typer=False)


def test_a_diff_on_the_fast_path_imports_no_typer(history, base_env):
    code = ("import atexit, sys; sys.argv = ['planctl', 'diff', 'HEAD~1', 'HEAD']\n"
            "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('typer')}),"
            " file=sys.stderr))\n"
            "from planctl.launch import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=history.root, capture_output=True, text=True,
                          env=_history_env(history, base_env), timeout=120)
    assert (done.returncode, done.stderr.splitlines()[-1]) == (0, "[]")
    assert "(sửa đổi)" in done.stdout


@pytest.mark.parametrize("args", [["diff", "HEAD~1", "HEAD"], ["log", PLAN]], ids=" ".join)
def test_a_closed_pipe_ends_diff_and_log_alike(history, base_env, args):
    env = _history_env(history, base_env)
    assert _closed_stdout(history.root, args, env, typer=False) == _closed_stdout(history.root, args, env, typer=True)
