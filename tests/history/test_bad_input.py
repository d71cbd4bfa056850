"""Bad input to `planctl diff` and `planctl log`: every case gets a clear message and exit code
2, or a message for the one file concerned while the others are compared; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.history.conftest import PLAN, amount_cell, scale
from tests.history.gitrepo import GitRepo, find_project

SHALLOW_ADVICE = ("git fetch --unshallow", "fetch-depth: 0")


def assert_usage_error(run, *phrases: str) -> None:
    assert run.code == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert run.stderr.startswith("planctl: error: ") and "Traceback" not in run.stderr
    for phrase in phrases:
        assert phrase in run.stderr, run.stderr


def raise_amount(repo, rel: str = PLAN, by: int = 10) -> None:
    data = repo.read(rel)
    _, project, sid = amount_cell(data)
    repo.edit(rel, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, project["amounts"][sid] + by))


# -- the command cannot run --------------------------------------------------------------------

def test_not_a_git_repository(tmp_path, plan_file):
    folder = tmp_path / "plain"
    (folder / "plans").mkdir(parents=True)
    (folder / "plans" / "plan.yaml").write_bytes(plan_file.read_bytes())
    repo = GitRepo.__new__(GitRepo)  # only its way of running planctl, no `git init`
    repo.root, repo.commits = folder, 0
    for args in (("diff",), ("log", "plans/plan.yaml")):
        assert_usage_error(repo.process(*args), "is not inside a git repository")


def test_a_repository_without_commits(tmp_path):
    repo = GitRepo(tmp_path / "empty")
    assert_usage_error(repo.planctl("diff"), "no commit yet")


@pytest.mark.parametrize("args,phrase", [
    (("nope",), "unknown revision or path not in the working tree: 'nope'"),
    (("HEAD", "nope"), "unknown revision or path not in the working tree: 'nope'"),
    (("nope...HEAD",), "unknown revision 'nope'"),
    (("HEAD..nope",), "unknown revision 'nope'"),
    (("nope", "--", PLAN), "unknown revision 'nope'"),
    (("HEAD", "HEAD", "HEAD"), "too many revisions: HEAD HEAD HEAD"),
    (("HEAD..HEAD", "HEAD"), "too many revisions"),
    (("HEAD", "plans/absent.yaml"), "name it after '--' (planctl diff REV -- plans/absent.yaml)"),
])
def test_unknown_revisions_and_paths(repo, args, phrase):
    assert_usage_error(repo.planctl("diff", *args), phrase)


def test_an_argument_both_a_revision_and_a_file_is_ambiguous(repo):
    repo.write("main", "a file named like the branch\n")
    assert_usage_error(repo.planctl("diff", "main"), "'main' is both a revision and a file", "'--'")
    assert repo.planctl("diff", "main", "--").code == 0


def test_revisions_without_a_common_ancestor(repo):
    repo.git("checkout", "-q", "--orphan", "unrelated")
    repo.commit("Unrelated history")
    assert_usage_error(repo.planctl("diff", "main...unrelated"), "have no common ancestor",
                       "planctl diff main unrelated")


@pytest.fixture
def shallow_clone(repo, tmp_path):
    """A pull request checked out with depth 1: the merge base with main is not fetched."""
    repo.git("checkout", "-q", "-b", "feature")
    raise_amount(repo, by=5)
    repo.commit("Feature")
    repo.git("checkout", "-q", "main")
    raise_amount(repo, by=7)
    repo.commit("Main moves on")
    return repo.shallow_clone(tmp_path / "clone")


def test_a_shallow_clone_missing_the_merge_base(shallow_clone):
    assert_usage_error(shallow_clone.planctl("diff", "origin/main...HEAD"),
                       "no merge base of origin/main and HEAD", *SHALLOW_ADVICE)
    assert_usage_error(shallow_clone.planctl("diff", "HEAD~1"), "shallow clone", *SHALLOW_ADVICE)
    # Two tips that are both fetched still compare.
    assert shallow_clone.planctl("diff", "origin/main", "HEAD").code == 0


def test_log_in_a_shallow_clone_says_where_the_history_stops(shallow_clone):
    run = shallow_clone.planctl("log", PLAN, "--format", "json")
    assert run.code == 0
    assert any(all(advice in note for advice in SHALLOW_ADVICE) for note in run.json["notes"])
    first = run.json["commits"][-1]
    assert first["plan"] is None and "shallow clone starts here" in first["change"][0]
    assert "plan added" not in shallow_clone.planctl("log", PLAN).stdout


def test_an_unknown_format_and_conflicting_options(repo):
    for command in (["diff"], ["log", PLAN]):  # a click choice: click's usage message, exit 2
        run = repo.planctl(*command, "--format", "html")
        assert run.code == 2 and run.stdout == "" and "Traceback" not in run.stderr
        assert "'html' is not one of 'text', 'markdown', 'json'" in run.stderr
    assert_usage_error(repo.planctl("log", PLAN, "--item", "a", "--target", "b"), "--item or --target, not both")
    assert_usage_error(repo.planctl("log", PLAN, "--max-count", "0"), "--max-count must be at least 1")


def test_log_of_a_path_without_history_an_unknown_item_or_a_folder(repo):
    assert_usage_error(repo.planctl("log", "plans/absent.yaml"), "no commit reachable from HEAD changed plans/absent.yaml")
    assert_usage_error(repo.planctl("log", PLAN, "--item", "no-such-project"), "project 'no-such-project'")
    assert_usage_error(repo.planctl("log", PLAN, "--target", "no-such-target"), "target 'no-such-target'")
    assert_usage_error(repo.planctl("log", "plans"), "is a folder")
    assert_usage_error(repo.planctl("log", PLAN, "--rev", "nope"), "unknown revision 'nope'")
    assert_usage_error(repo.planctl("log", "/etc/passwd"), "is outside the repository")


# -- one file cannot be compared; the others are ---------------------------------------------

def test_added_and_deleted_plans_are_reported_as_such(repo):
    repo.write("plans/new/plan.yaml", (repo.root / PLAN).read_text(encoding="utf-8"))
    repo.commit("Add a plan")
    added = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json").json["plans"]
    assert [(p["path"], p["status"]) for p in added] == [("plans/new/plan.yaml", "added")]
    assert added[0]["total"]["old"] is None and added[0]["total"]["new"] > 0
    assert all(p["status"] == "added" for p in added[0]["projects"])
    (repo.root / "plans/new/plan.yaml").unlink()
    repo.commit("Remove it")
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    removed = run.json["plans"]
    assert [(p["path"], p["status"], p["new_path"]) for p in removed] == [("plans/new/plan.yaml", "removed", None)]
    assert removed[0]["total"]["new"] is None and removed[0]["total"]["delta"] == -removed[0]["total"]["old"]
    assert "Removed plan: total" in repo.planctl("diff", "HEAD~1", "HEAD").stdout
    # A plan that no longer exists is named after '--'.
    named = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json", "--", "plans/new/plan.yaml")
    assert [p["status"] for p in named.json["plans"]] == ["removed"]


@pytest.mark.parametrize("broken,where", [
    ("planctl: 1\nkind: plan\nid: x\ngroups:\n\t- id: g1\n", "line 5, column 1"),
    ("planctl: 1\nkind: plan\nid: [unclosed\n", "line 4, column 1"),
])
def test_a_plan_that_does_not_parse_at_one_revision(repo, broken, where):
    repo.write("plans/second/plan.yaml", (repo.root / PLAN).read_text(encoding="utf-8"))
    repo.commit("A second plan")
    repo.write("plans/second/plan.yaml", broken)
    raise_amount(repo)
    repo.commit("Break the second plan, change the first")
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    assert run.code == 0
    plans = {p["path"]: p for p in run.json["plans"]}
    assert plans[PLAN]["errors"] == [] and plans[PLAN]["total"]["delta"] != 0  # the rest is compared
    errors = plans["plans/second/plan.yaml"]["errors"]
    assert [(e["side"], e["revision"]) for e in errors] == [("new", "HEAD")]
    assert errors[0]["message"].startswith(f"does not parse: {where}: ")
    text = repo.planctl("diff", "HEAD~1", "HEAD").stdout
    assert f"error: plans/second/plan.yaml (HEAD) does not parse: {where}" in text
    # The other way round, the broken side is the old one.
    old = repo.planctl("diff", "HEAD", "HEAD~1", "--format", "json").json["plans"]
    assert [e["side"] for p in old for e in p["errors"]] == ["old"]


def test_files_that_are_not_plans_are_skipped_unless_named(repo):
    repo.write("plans/national/programme.yaml", "planctl: 1\nkind: programme\nid: p\n")
    repo.write("plans/README.md", "# Plans\n")
    repo.write("plans/scan.pdf", b"%PDF-1.4\n\x00\x01\x02\xff")
    repo.write("plans/photo.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    repo.write("notes.yaml", "a: [\n")  # outside the plan globs: not a plan, not read
    raise_amount(repo)
    run = repo.planctl("diff", "--format", "json")
    assert run.code == 0
    plans = {p["path"]: p for p in run.json["plans"]}
    # The programme, the README and the PDF are skipped; a .yaml in the plans that cannot be
    # read is reported, as it may be a plan.
    assert sorted(plans) == ["plans/photo.yaml", PLAN]
    assert plans["plans/photo.yaml"]["errors"][0]["message"].startswith("does not parse: ")
    assert "not valid UTF-8" in plans["plans/photo.yaml"]["errors"][0]["message"]
    named = repo.planctl("diff", "--format", "json", "--", "plans/README.md", "plans/scan.pdf",
                         "plans/national/programme.yaml", "notes.yaml").json["plans"]
    messages = {p["path"]: p["errors"][0]["message"] for p in named}
    assert messages.pop("notes.yaml").startswith("does not parse: line 2, column 1: ")
    assert messages == {
        "plans/README.md": "is not a YAML file: planctl diff compares plan files (.yaml)",
        "plans/scan.pdf": "is not a YAML file: planctl diff compares plan files (.yaml)",
        "plans/national/programme.yaml": "is not a plan (kind: programme)",
    }


def test_a_plan_replaced_by_another_kind_of_file(repo):
    repo.write(PLAN, "planctl: 1\nkind: programme\nid: now-a-programme\n")
    repo.commit("Overwrite the plan with a programme")
    plan = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json").json["plans"][0]
    assert [(e["side"], e["message"]) for e in plan["errors"]] == [("new", "is not a plan (kind: programme)")]
    assert plan["id"]  # the side that is a plan still names it


def test_a_plan_with_values_lint_would_reject_still_diffs(repo):
    def spoil(d):
        group = d["groups"][0]
        group.setdefault("projects", []).append({"name": "Dự án không có mã", "amounts": {"nstw": 5}})
        group["projects"].append({"id": "planctl-bad-amount", "name": "Sai số", "amounts": {"nstw": "năm trăm"}})
        group["projects"].append({"id": "planctl-decimal", "name": "Số thập phân", "amounts": {"nstw": 439.05}})
    repo.edit(PLAN, spoil)
    run = repo.planctl("diff", "--format", "json")
    plan = run.json["plans"][0]
    assert run.code == 0 and plan["errors"] == []
    assert any("without an id" in p for p in plan["problems"])
    assert any("planctl-bad-amount, amount for nstw is not a number ('năm trăm')" in p for p in plan["problems"])
    decimal = next(p for p in plan["projects"] if p["id"] == "planctl-decimal")
    assert decimal["status"] == "added" and decimal["total"]["new"] == pytest.approx(439.05 * scale(repo.read(PLAN)))
    assert "planctl lint reports it" in repo.planctl("diff").stdout


def test_a_merge_conflict_in_the_working_tree(repo):
    repo.git("checkout", "-q", "-b", "other")
    raise_amount(repo, by=1)
    repo.commit("Other +1")
    repo.git("checkout", "-q", "main")
    raise_amount(repo, by=2)
    repo.commit("Main +2")
    merge = subprocess.run(["git", "merge", "-q", "other"], cwd=repo.root, capture_output=True, env=repo.env())
    assert merge.returncode != 0  # a conflict: the plan now holds conflict markers
    run = repo.planctl("diff", "--format", "json")
    assert run.code == 0
    errors = run.json["plans"][0]["errors"]
    assert [(e["side"], e["revision"]) for e in errors] == [("new", "working tree")]
    assert errors[0]["message"].startswith("does not parse: ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the checkout away")
def test_a_checkout_git_refuses_to_use(repo):
    """A checkout owned by another user (a container's mounted workspace): git's own advice."""
    for path in (repo.root, *repo.root.rglob("*")):
        os.chown(path, 65534, -1, follow_symlinks=False)
    env = {k: v for k, v in repo.env().items() if k not in ("GIT_CONFIG_GLOBAL",)}
    done = subprocess.run([sys.executable, "-c", "from planctl.cli import main; main()", "diff"], cwd=repo.root,
                          capture_output=True, text=True, env={**env, "HOME": str(repo.root.parent)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "dubious ownership" in done.stderr and "safe.directory" in done.stderr


def test_text_from_a_plan_cannot_act_on_the_terminal_or_break_a_table(repo):
    hostile = "Đào tạo | *đậm* <b>x</b> \x1b[31mđỏ\r\x07"

    def rename(d):
        data_project = d["groups"][0]["projects"][0]
        data_project["name"] = hostile
    repo.edit(PLAN, rename)
    text = repo.planctl("diff").stdout
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text
    assert "\\x1b[31mđỏ\\r\\x07" in text
    markdown = repo.planctl("diff", "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if "\\*đậm\\*" in line)
    assert "Đào tạo \\| \\*đậm\\* \\<b\\>x\\</b\\>" in row and row.count(" | ") == 5  # six columns
    assert repo.planctl("diff", "--format", "json").json["plans"][0]["projects"][0]["fields"][0]["new"] == hostile
