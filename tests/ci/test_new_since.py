"""Pull-request mode, `planctl lint --new-since REV`, in real git repositories.

The repository is a province's: the national programmes and Trà Vinh's plan as printed, with its
ten errors. A change that adds one mistake must be blocked by exactly that one; a change that
fixes one must pass and say so; renames, `A...B`, shallow clones, unknown revisions and the real
pre-commit hook are run as a province would run them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.ci.conftest import lint
from tests.ci.test_formats import SARIF_SCHEMA_PLACES, parse_commands
from tests.conftest import ROOT
from tests.history.gitrepo import PLANS, GitRepo

TRA_VINH = "plans/tra-vinh/qd-952-2011.yaml"
# One mistake a planner could make: a pasted project keeps the id of the row above.
# (Row III.20 takes the id of III.19: both rows are described by no task of the text, so no task's link
# to the appendix breaks and the tasks.unlisted-row findings stay where they are.)
DUPLICATE_ID = ("      - id: tv-app-judicial-records\n", "      - id: tv-app-legal-documents-gazette\n")
# One fix: QĐ 1755 cited with its real date (the document prints 29/10/2009).
FIX_CITATION = ("date: '2009-10-29'\n    date_as_printed: 29 tháng 10 năm 2009",
                "date: '2010-09-22'\n    date_as_printed: 22 tháng 9 năm 2010")
SHALLOW_ADVICE = ("git fetch --unshallow", "fetch-depth: 0")


def line_of(text: str, wanted: str) -> int:
    """The 1-based line of the last line equal to `wanted` in `text` (the pasted row: the finding's
    line follows the plan's text, not a number written here)."""
    return max(i for i, line in enumerate(text.splitlines(), 1) if line == wanted.rstrip("\n"))


PLAN_TEXT = (PLANS / "tra-vinh" / "qd-952-2011.yaml").read_text(encoding="utf-8")
PASTED_LINE = line_of(PLAN_TEXT.replace(*DUPLICATE_ID), DUPLICATE_ID[1])  # where identity.duplicate-id points
CITATION_LINE = line_of(PLAN_TEXT, "    " + FIX_CITATION[0].splitlines()[0])  # where citations.date-mismatch points


def province_repo(root: Path) -> GitRepo:
    repo = GitRepo(root)
    for path in sorted((PLANS / "national").glob("*.yaml")):
        repo.copy(path, f"plans/national/{path.name}")
    repo.copy(PLANS / "tra-vinh" / "qd-952-2011.yaml", TRA_VINH)
    return repo


@pytest.fixture
def province(tmp_path) -> GitRepo:
    repo = province_repo(tmp_path / "province")
    repo.commit("Kế hoạch Trà Vinh as printed")
    return repo


def change(repo: GitRepo, rel: str, edit: tuple[str, str]) -> None:
    text = (repo.root / rel).read_text(encoding="utf-8")
    assert text.count(edit[0]) == 1, edit
    repo.write(rel, text.replace(*edit))


def change_after(repo: GitRepo, rel: str, anchor: str, edit: tuple[str, str]) -> None:
    """Replace the first `edit[0]` after `anchor` (an item's id): the edit lands in that item."""
    text = (repo.root / rel).read_text(encoding="utf-8")
    at = text.index(anchor)
    assert text.count(anchor) == 1 and edit[0] in text[at:], (anchor, edit)
    repo.write(rel, text[:at] + text[at:].replace(*edit, 1))


def run(repo: GitRepo, *args: str, env: dict | None = None, cwd: Path | None = None):
    return lint(cwd or repo.root, *args, env=env)


def report(repo: GitRepo, *args: str, cwd: Path | None = None) -> dict:
    done = run(repo, "--format", "json", *args, cwd=cwd)
    document = json.loads(done.stdout)
    schema = json.loads((ROOT / "schema" / "lint-result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    document["exit_code"] = done.exit_code
    return document


def new(document: dict) -> list[tuple[str, str]]:
    return [(f["rule"], f["file"]) for f in document["findings"] if f["status"] == "new"]


def git_state(repo: GitRepo) -> tuple[str, bytes]:
    """What lint must leave alone: the working tree's status and the index's bytes."""
    return repo.git("status", "--porcelain", "--untracked-files=all"), (repo.root / ".git" / "index").read_bytes()


# -- the classification ------------------------------------------------------------------------

def test_a_change_that_adds_one_mistake_is_blocked_by_that_one_only(province):
    as_printed = report(province)
    assert as_printed["exit_code"] == 1  # the document's own errors block a plain lint
    errors = sum(f["severity"] == "error" for f in as_printed["findings"])
    change(province, TRA_VINH, DUPLICATE_ID)
    before = git_state(province)
    document = report(province, "--new-since", "HEAD")
    assert git_state(province) == before, "the working tree and the index are left untouched"
    assert document["exit_code"] == 1
    assert new(document) == [("identity.duplicate-id", TRA_VINH)]
    summary = document["summary"]
    assert (summary["new"], summary["fixed"], summary["unchanged"]) == (1, 0, len(document["findings"]) - 1)
    assert summary["error"] == errors + 1 and document["fixed"] == []
    assert document["base"]["revision"] == "HEAD" and document["base"]["commit"] == province.git("rev-parse", "HEAD").strip()
    # The text report lists the new finding after the others, under its own heading, next to the summary.
    text = run(province, "--new-since", "HEAD").stdout.splitlines()
    at = text.index("new since HEAD: 1")
    assert text[at + 1].startswith(f"{TRA_VINH}:{PASTED_LINE}:13: error identity.duplicate-id")
    assert not any("identity.duplicate-id" in line for line in text[:at])
    assert text[-1].endswith(f"; since HEAD: 1 new, 0 fixed, {len(as_printed['findings'])} unchanged")


def test_a_warning_that_is_new_blocks_only_with_fail_on_warning(province):
    change_after(province, TRA_VINH, "id: tv-hr-cio-training\n", ("end: 2015\n", "end: 2016\n"))
    assert run(province, "--new-since", "HEAD").exit_code == 0  # old errors, a new warning
    assert run(province, "--new-since", "HEAD", "--fail-on", "warning").exit_code == 1


def test_a_change_that_fixes_one_passes_and_says_what_it_fixed(province):
    errors = sum(f["severity"] == "error" for f in report(province)["findings"])
    change(province, TRA_VINH, FIX_CITATION)
    document = report(province, "--new-since", "HEAD")
    assert document["exit_code"] == 0
    assert new(document) == []
    [fixed] = document["fixed"]
    assert (fixed["rule"], fixed["file"], fixed["line"], fixed["status"]) == ("citations.date-mismatch", TRA_VINH, CITATION_LINE, "fixed")
    assert fixed["file_at_base"] == TRA_VINH
    assert document["summary"]["fixed"] == 1 and document["summary"]["error"] == errors - 1
    text = run(province, "--new-since", "HEAD").stdout
    assert "new since HEAD: none\nfixed since HEAD: 1\n    error citations.date-mismatch" in text
    # Indented, so no editor or problem matcher takes the old line for a current finding.
    assert not re.search(r"^\S+:\d+:\d+: error citations.date-mismatch", text, re.M)


def test_an_unchanged_repository_has_nothing_new(province):
    document = report(province, "--new-since", "HEAD")
    assert document["exit_code"] == 0 and document["summary"]["new"] == 0
    assert {f["status"] for f in document["findings"]} == {"unchanged"}


def test_a_renamed_plan_keeps_its_old_findings(province):
    province.git("mv", TRA_VINH, "plans/tra-vinh/ke-hoach-2011.yaml")
    change(province, "plans/tra-vinh/ke-hoach-2011.yaml", DUPLICATE_ID)
    document = report(province, "--new-since", "HEAD")
    assert new(document) == [("identity.duplicate-id", "plans/tra-vinh/ke-hoach-2011.yaml")]
    assert document["summary"]["fixed"] == 0
    province.commit("Rename and a pasted row")
    # Renamed with plain mv (not staged) and fixed: the fixed finding is named as the file is now.
    (province.root / "plans/tra-vinh/ke-hoach-2011.yaml").rename(province.root / "plans/tra-vinh/qd-952.yaml")
    change(province, "plans/tra-vinh/qd-952.yaml", FIX_CITATION)
    document = report(province, "--new-since", "HEAD")
    assert new(document) == []
    [fixed] = document["fixed"]
    assert (fixed["file"], fixed["file_at_base"]) == ("plans/tra-vinh/qd-952.yaml", "plans/tra-vinh/ke-hoach-2011.yaml")


def test_a_deleted_plan_fixes_its_findings(province):
    count = len(report(province)["findings"])
    (province.root / TRA_VINH).unlink()
    document = report(province, "--new-since", "HEAD")
    assert document["exit_code"] == 0 and document["findings"] == []
    assert len(document["fixed"]) == count > 10 and {f["file"] for f in document["fixed"]} == {TRA_VINH}


def test_paths_and_a_subfolder(province):
    change(province, TRA_VINH, DUPLICATE_ID)
    document = report(province, "--new-since", "HEAD", "plans/tra-vinh")
    assert new(document) == [("identity.duplicate-id", TRA_VINH)]
    inside = report(province, "--new-since", "HEAD", ".", cwd=province.root / "plans" / "tra-vinh")
    assert new(inside) == [("identity.duplicate-id", "qd-952-2011.yaml")]
    assert [f["fingerprint"] for f in inside["findings"]] == [f["fingerprint"] for f in document["findings"]]


def branch_while_main_moves_on(repo: GitRepo) -> None:
    """Branch `feature` pastes a row; after it started, main fixes the citation."""
    repo.git("checkout", "-q", "-b", "feature")
    change(repo, TRA_VINH, DUPLICATE_ID)
    repo.commit("A pasted row")
    repo.git("checkout", "-q", "main")
    change(repo, TRA_VINH, FIX_CITATION)
    repo.commit("Citation fixed on main")


def test_the_merge_base_of_a_pull_request(province):
    """main fixes the citation after the branch started: against main the old finding would look new."""
    branch_while_main_moves_on(province)
    province.git("checkout", "-q", "feature")
    document = report(province, "--new-since", "main...feature")
    assert new(document) == [("identity.duplicate-id", TRA_VINH)]
    assert document["base"]["label"] == "merge base of main and feature"
    against_main = report(province, "--new-since", "main")
    assert sorted(new(against_main)) == [("citations.date-mismatch", TRA_VINH), ("identity.duplicate-id", TRA_VINH)]
    assert "since the merge base of main and feature (" in run(province, "--new-since", "main...feature").stdout


def test_a_repository_without_commits_counts_every_finding(tmp_path):
    repo = province_repo(tmp_path / "first")
    count = len(report(repo)["findings"])
    document = report(repo, "--new-since", "HEAD")
    assert document["exit_code"] == 1
    assert document["base"]["commit"] is None
    assert document["summary"]["new"] == len(document["findings"]) == count > 10


# -- errors, as planctl diff gives them -----------------------------------------------------------

def usage_error(done) -> str:
    assert done.exit_code == 2, (done.stdout, done.stderr)
    assert done.stdout == "" and "Traceback" not in done.stderr
    return done.stderr


def test_an_unknown_revision_is_the_error_diff_gives(province):
    message = usage_error(run(province, "--new-since", "no-such-branch"))
    assert "unknown revision 'no-such-branch'" in message and "origin/NAME" in message
    diff = province.planctl("diff", "no-such-branch...HEAD")
    assert usage_error(run(province, "--new-since", "no-such-branch...HEAD")) == diff.stderr


@pytest.fixture
def shallow_clone(province, tmp_path) -> GitRepo:
    """A pull request checked out with depth 1, as actions/checkout does by default."""
    branch_while_main_moves_on(province)
    return province.shallow_clone(tmp_path / "clone")


def test_a_shallow_clone_is_the_error_diff_gives(shallow_clone):
    message = usage_error(run(shallow_clone, "--new-since", "origin/main...HEAD"))
    assert "no merge base of origin/main and HEAD" in message and all(a in message for a in SHALLOW_ADVICE)
    assert message == shallow_clone.planctl("diff", "origin/main...HEAD").stderr
    message = usage_error(run(shallow_clone, "--new-since", "HEAD~1"))
    assert "shallow clone" in message and all(a in message for a in SHALLOW_ADVICE)


def test_options_that_do_not_go_together(province, tmp_path):
    assert "A..B" in usage_error(run(province, "--new-since", "main..HEAD"))
    baseline = province.write("baseline.json", run(province, "--format", "json").stdout)
    assert "--baseline or --new-since" in usage_error(run(province, "--new-since", "HEAD", "--baseline", str(baseline)))
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    (outside / "plans").mkdir()
    (outside / "plans" / "p.yaml").write_text((PLANS / "tra-vinh" / "qd-952-2011.yaml").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    assert "not inside a git repository" in usage_error(lint(outside, "--new-since", "HEAD"))


def test_lint_imports_git_only_for_new_since(province):
    code = ("import sys; from planctl.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('git' in sys.modules, file=sys.stderr)")

    def imports_git(*args: str) -> bool:
        done = subprocess.run([sys.executable, "-c", code, "lint", "--format", "json", *args], cwd=province.root,
                              capture_output=True, text=True, timeout=120, env=province.env())
        return done.stderr.strip().splitlines()[-1] == "True"

    assert not imports_git()
    assert imports_git("--new-since", "HEAD")


# -- the CI formats ------------------------------------------------------------------------------

@pytest.fixture
def pull_request(province) -> GitRepo:
    """One new warning in a file that sorts last, one new error, one fix; the ten old errors stay."""
    province.copy(PLANS / "soc-trang" / "kh-22-2012.yaml", "plans/soc-trang/kh-22-2012.yaml")
    province.commit("Sóc Trăng's plan")
    change(province, TRA_VINH, DUPLICATE_ID)
    change(province, TRA_VINH, FIX_CITATION)
    change_after(province, "plans/soc-trang/kh-22-2012.yaml", "id: st-hr-public-computer-literacy\n",
                 ("start: 2012\n", "start: 2010\n"))
    return province


def test_annotations_for_new_findings_come_first(pull_request):
    done = run(pull_request, "--new-since", "HEAD", "--format", "github")
    assert done.exit_code == 1
    commands, plain = parse_commands(done.stdout)
    news = [c for c in commands if c["title"] in ("planctl identity.duplicate-id", "planctl periods.before-period")]
    assert commands[:len(news)] == news and len(news) == 2, [c["title"] for c in commands[:4]]
    counts = json.loads(run(pull_request, "--new-since", "HEAD", "--format", "json").stdout)["summary"]
    assert len(commands) == counts["error"] + counts["warning"] + counts["info"]
    # A group per file: the new findings' groups first, then the others'.
    groups = re.findall(r"^::group::(.*)$", done.stdout, re.M)
    assert groups[:2] == ["planctl: plans/soc-trang/kh-22-2012.yaml (new since HEAD)", f"planctl: {TRA_VINH} (new since HEAD)"]
    assert f"planctl: {TRA_VINH}" in groups[2:]
    assert done.stdout.count("::group::") == done.stdout.count("::endgroup::")
    # The fix is a log line, never an annotation.
    assert any(line.startswith(f"fixed since HEAD: {TRA_VINH} citations.date-mismatch") for line in plain)


def test_job_summary_shows_new_and_fixed_before_the_rest(pull_request, tmp_path):
    summary = tmp_path / "summary.md"
    head = pull_request.git("rev-parse", "HEAD").strip()
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "so-tttt/ke-hoach", "GITHUB_SHA": "a" * 40}
    assert run(pull_request, "--new-since", "HEAD", env=env).exit_code == 1
    text = summary.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "since HEAD: **2 new**, 1 fixed, " in lines[2]
    new_at, fixed_at = lines.index("#### 🆕 New since HEAD (2)"), lines.index("#### ✅ Fixed since HEAD (1)")
    unchanged_at = lines.index("<details>")
    assert new_at < fixed_at < unchanged_at and lines[unchanged_at + 1].startswith("<summary>Unchanged since HEAD (")
    assert text.rstrip().splitlines()[-1].startswith("<sub>planctl") and text.count("</details>") == 1
    new_part = lines[new_at:fixed_at]
    # Grouped by file, the file with an error first; each position links to its line at GITHUB_SHA.
    files = [line for line in new_part if line.startswith("**`")]
    assert files == [f"**`{TRA_VINH}`** — 1 error", "**`plans/soc-trang/kh-22-2012.yaml`** — 1 warning"]
    assert any(f"[{PASTED_LINE}:13](https://github.com/so-tttt/ke-hoach/blob/{'a' * 40}/{TRA_VINH}#L{PASTED_LINE})" in line
               and "identity.duplicate-id" in line for line in new_part)
    # A fixed finding links to its line at the base commit.
    assert f"[{CITATION_LINE}:11 at base](https://github.com/so-tttt/ke-hoach/blob/{head}/{TRA_VINH}#L{CITATION_LINE})" in "\n".join(
        lines[fixed_at:unchanged_at])


def test_links_need_what_github_sets(pull_request):
    hostile = {"GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "a" * 40}
    text = run(pull_request, "--new-since", "HEAD", "--format", "markdown", env=hostile).stdout
    assert "](" not in text and "javascript" not in text
    plain = run(pull_request, "--format", "markdown").stdout
    assert "](" not in plain and "#### 🆕" not in plain and "**`" in plain


def test_sarif_baseline_state(pull_request):
    document = json.loads(run(pull_request, "--new-since", "HEAD", "--format", "sarif").stdout)
    for place in (p for p in SARIF_SCHEMA_PLACES if p.is_file()):  # the official schema, when at hand
        schema = json.loads(place.read_text(encoding="utf-8"))
        errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
        assert not errors, errors[:3]
        break
    results = document["runs"][0]["results"]
    states = {(r["ruleId"], r["baselineState"]) for r in results}
    assert ("identity.duplicate-id", "new") in states and ("periods.before-period", "new") in states
    assert ("citations.date-mismatch", "absent") in states
    [absent] = [r for r in results if r["baselineState"] == "absent"]
    assert absent["kind"] == "pass" and absent["level"] == "none"
    assert absent["locations"][0]["physicalLocation"]["region"]["startLine"] == CITATION_LINE
    assert sum(r["baselineState"] == "unchanged" for r in results) == len(results) - 3
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    plain = json.loads(run(pull_request, "--format", "sarif").stdout)
    assert all("baselineState" not in r for r in plain["runs"][0]["results"])


# -- the pre-commit hook, for real -----------------------------------------------------------------

def pre_commit_or_skip() -> str:
    beside = Path(sys.executable).parent / "pre-commit"
    if not beside.is_file():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is installed from this checkout, which must be a git repository")
    return str(beside)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """Shared by the tests of this module: pre-commit builds the hook's virtualenv once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def install_hook(repo: GitRepo, home: Path) -> dict[str, str]:
    pre_commit = pre_commit_or_skip()
    # The committed hook definition and code (pre-commit clones the repository at a commit).
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    repo.write(".pre-commit-config.yaml", f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: planctl-lint\n")
    env = {**repo.env(), "PRE_COMMIT_HOME": str(home), "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    done = subprocess.run([pre_commit, "install"], cwd=repo.root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return env


def commit(repo: GitRepo, env: dict[str, str], message: str) -> subprocess.CompletedProcess:
    repo.git("add", "-A")
    done = subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo.root, env=env, capture_output=True,
                          text=True, timeout=900)
    if done.returncode != 0 and "planctl lint" not in done.stdout + done.stderr:
        pytest.fail(f"pre-commit could not run the hook (exit {done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    return done


def test_pre_commit_blocks_a_commit_only_for_a_new_mistake(province, pre_commit_home):
    env = install_hook(province, pre_commit_home)
    assert commit(province, env, "pre-commit").returncode == 0
    # Editing a note of a plan with ten old errors: the hook runs, and passes.
    change(province, TRA_VINH, ('        note: "Ghi chú: NS đầu tư TW"\n        source: "Phụ lục, III.4, L620"',
                                '        note: "Ghi chú: NS đầu tư Trung ương"\n        source: "Phụ lục, III.4, L620"'))
    done = commit(province, env, "Ghi chú")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"planctl lint\.+Passed", done.stdout + done.stderr)
    # A pasted row: blocked, and told which finding is theirs.
    change(province, TRA_VINH, DUPLICATE_ID)
    done = commit(province, env, "Dự án mới")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and re.search(r"planctl lint\.+Failed", output), output[-3000:]
    assert f"new since HEAD: 1\n{TRA_VINH}:{PASTED_LINE}:13: error identity.duplicate-id" in output
    assert f"since HEAD: 1 new, 0 fixed, {len(report(province)['findings']) - 1} unchanged" in output
    assert province.git("log", "-1", "--format=%s").strip() == "Ghi chú"
    # Undone, and an old mistake fixed on the way: the commit goes through.
    change(province, TRA_VINH, ("id: tv-app-legal-documents-gazette\n        seq: 20\n", "id: tv-app-judicial-records\n        seq: 20\n"))
    change(province, TRA_VINH, FIX_CITATION)
    assert commit(province, env, "Sửa ngày QĐ 1755").returncode == 0
    assert province.git("log", "-1", "--format=%s").strip() == "Sửa ngày QĐ 1755"


def test_pre_commit_on_the_first_commit_lints_everything(tmp_path, pre_commit_home):
    repo = province_repo(tmp_path / "first")
    count = len(report(repo)["findings"])
    env = install_hook(repo, pre_commit_home)
    done = commit(repo, env, "Kế hoạch")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and f"since HEAD (no commit yet): {count} new" in output, output[-3000:]
    assert subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=repo.root,
                          capture_output=True, env=os.environ).returncode != 0, "nothing was committed"
