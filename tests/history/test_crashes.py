"""Input that used to crash `planctl diff` and `planctl log` (issue 13), in real repositories.

Values in a plan: the plan is still compared and the value is named in the plan's problems
(exit 0, as for any plan lint would reject). A repository git cannot read (a deleted object
file, a truncated pack): exit 2 with a message naming the file and revision, or the revision,
that could not be read. Never a traceback, never exit 1 or 3.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.history.conftest import PLAN, amount_cell
from tests.history.gitrepo import GitRepo, find_project


@pytest.fixture(autouse=True)
def own_cache(cache_folder):
    """Each test reads the repository it builds or damages from git: a blob another test's diff read
    before (the same plan, the same edits, so the same id) would come from planctl's cache by its
    id, and git would not be asked for it."""
    return cache_folder


def assert_clean_run(run) -> None:
    assert run.code == 0, (run.code, run.stderr)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr


def assert_error(run, *phrases: str) -> None:
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert run.stderr.startswith("planctl: error: ") and "Traceback" not in run.stderr
    for phrase in phrases:
        assert phrase in run.stderr, run.stderr


def edit_text(repo: GitRepo, pattern: str, replacement: str) -> None:
    text = (repo.root / PLAN).read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    repo.write(PLAN, changed)


def problems_of_both_commands(repo: GitRepo) -> list[str]:
    """Runs diff and log in every format (in-process: the CLI maps any exception to exit 3, which
    assert_clean_run refuses, as in a process); returns the diff's problems."""
    for args in (("diff", "HEAD~1", "HEAD"), ("diff", "HEAD~1", "HEAD", "--format", "markdown"),
                 ("log", PLAN), ("log", PLAN, "--format", "markdown"), ("log", PLAN, "--format", "json")):
        assert_clean_run(repo.planctl(*args))
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    assert_clean_run(run)
    return [p for plan in run.json["plans"] for p in plan["problems"]]


@pytest.mark.parametrize("amount,shown", [
    ("1.0e306", "1e+306"), ("-1.0e306", "-1e+306"), ("9" * 400, "a 400-digit number"),
    ("1" + "0" * 30, "a 31-digit number"),
])
def test_an_amount_too_large_to_be_money(repo, amount, shown):
    data = repo.read(PLAN)
    _, project, source = amount_cell(data)
    edit_text(repo, rf"^(\s*{re.escape(source)}: ){project['amounts'][source]}\b", rf"\g<1>{amount}")
    repo.commit("A typo of a few hundred digits")
    problems = problems_of_both_commands(repo)
    assert any(f"not a plausible amount ({shown}, over 10^20 VND); left out" in p for p in problems), problems


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e400"])
def test_an_amount_that_is_not_a_usable_number(repo, value):
    data = repo.read(PLAN)
    _, project, source = amount_cell(data)
    edit_text(repo, rf"^(\s*{re.escape(source)}: ){project['amounts'][source]}\b", rf"\g<1>{value}")
    repo.commit("Not a number")
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    assert_clean_run(run)
    error = run.json["plans"][0]["errors"][0]
    assert error["side"] == "new" and re.match(r"does not parse: line \d+, column \d+: .* is not a usable number",
                                               error["message"]), error
    log = repo.planctl("log", PLAN)
    assert_clean_run(log)
    assert "is not a usable number" in log.stdout


def first_target(data: dict) -> dict:
    return data["targets"][0]


def first_project(data: dict) -> dict:
    return data["groups"][0]["projects"][0]


WRONG_TYPES = {
    "comparator is a list": lambda d: first_target(d).__setitem__("comparator", [">=", "<="]),
    "target unit is a list": lambda d: first_target(d).__setitem__("unit", ["million VND"]),
    "target value is huge": lambda d: first_target(d).__setitem__("value", 10**400),
    "plan unit is a list": lambda d: d.__setitem__("unit", ["million VND"]),
    "parent is a mapping": lambda d: d["funding_sources"][-1].__setitem__("parent", {"x": 1}),
    "source type is a list": lambda d: d["funding_sources"][0].__setitem__("type", ["investment"]),
    "amounts is a list": lambda d: first_project(d).__setitem__("amounts", [1, 2]),
    "a project is a string": lambda d: d["groups"][0]["projects"].__setitem__(0, "a project"),
    "groups is a number": lambda d: d.__setitem__("groups", 5),
    "targets is a mapping": lambda d: d.__setitem__("targets", {"a": 1}),
    "by_year is a list": lambda d: first_project(d).__setitem__("by_year", [2011, 2012]),
    "an id is a list": lambda d: first_project(d).__setitem__("id", ["x"]),
}


@pytest.mark.parametrize("spoil", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_fields_of_the_wrong_type(repo, spoil):
    data = repo.read(PLAN)
    assert data.get("targets") and data.get("funding_sources") and first_project(data)  # what the cases spoil
    repo.edit(PLAN, spoil)
    repo.commit("A field of the wrong type")
    problems_of_both_commands(repo)
    # ... and back: the spoilt revision is the old side.
    repo.git("revert", "--no-edit", "HEAD")
    problems_of_both_commands(repo)


def test_wrong_types_name_the_item(repo):
    repo.edit(PLAN, WRONG_TYPES["parent is a mapping"])
    repo.commit("A parent that is a mapping")
    problems = problems_of_both_commands(repo)
    assert any(re.search(r"funding source \S+ parent is not text \(\{'x': 1\}\); ignored", p) for p in problems)


# -- a repository git cannot read ------------------------------------------------------------------

def raise_amount(repo: GitRepo) -> None:
    data = repo.read(PLAN)
    _, project, source = amount_cell(data)
    repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(
        source, project["amounts"][source] + 5))
    repo.commit("Raise an amount")


def object_file(repo: GitRepo, sha: str):
    path = repo.root / ".git" / "objects" / sha[:2] / sha[2:]
    os.chmod(path, 0o644)
    return path


@pytest.mark.parametrize("revision", ["HEAD", "HEAD~1"])
def test_a_missing_blob_names_the_file_and_revision(repo, revision):
    raise_amount(repo)
    blob = repo.git("rev-parse", f"{revision}:{PLAN}").strip()
    object_file(repo, blob).unlink()
    assert_error(repo.process("diff", "HEAD~1", "HEAD"), f"cannot read {PLAN} at {revision}: git object {blob}",
                 "missing or corrupt", "git fsck")
    commit = repo.git("rev-parse", "HEAD").strip()[:10]
    at = commit if revision == "HEAD" else "(parent of " + commit
    assert_error(repo.process("log", PLAN), f"cannot read {PLAN} at", at, blob, "git fsck")


def test_a_corrupt_blob_names_the_file_and_revision(repo):
    raise_amount(repo)
    blob = repo.git("rev-parse", f"HEAD:{PLAN}").strip()
    path = object_file(repo, blob)
    path.write_bytes(path.read_bytes()[:30])
    assert_error(repo.process("diff", "HEAD~1", "HEAD"), f"cannot read {PLAN} at HEAD: git object {blob}")
    assert_error(repo.process("log", PLAN), f"cannot read {PLAN} at", blob)


def test_a_missing_tree(repo):
    raise_amount(repo)
    tree = repo.git("rev-parse", "HEAD^{tree}").strip()
    object_file(repo, tree).unlink()
    # git names the first tree it cannot read (the root's, or the plans folder's).
    assert_error(repo.process("diff", "HEAD~1", "HEAD"), "unable to read tree", "the repository is damaged", "git fsck")
    assert_error(repo.process("log", PLAN), "the repository is damaged")


def test_a_missing_commit_is_not_called_a_misspelling(repo):
    raise_amount(repo)
    raise_amount(repo)
    parent = repo.git("rev-parse", "HEAD~1").strip()
    object_file(repo, parent).unlink()
    run = repo.process("diff", "HEAD~2", "HEAD")
    assert_error(run, "cannot read revision 'HEAD~2'", parent, "the repository is damaged")
    assert "check the spelling" not in run.stderr
    assert_error(repo.process("log", PLAN), "the repository is damaged")


def test_a_truncated_pack(repo):
    raise_amount(repo)
    repo.git("gc", "-q")
    pack = next((repo.root / ".git" / "objects" / "pack").glob("*.pack"))
    os.chmod(pack, 0o644)
    pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    for args in (("diff", "HEAD~1", "HEAD"), ("diff",), ("log", PLAN)):
        run = repo.process(*args)
        assert_error(run, "cannot read revision", "the repository is damaged", "git fsck")
        assert "no commit yet" not in run.stderr
