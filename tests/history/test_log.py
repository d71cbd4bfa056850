"""`planctl log`: the commits that changed a real plan, a project or a target, newest first,
with the change each made, across a rename."""

from __future__ import annotations

import json

import jsonschema
import pytest
from referencing import Registry, Resource

from planctl.errors import PlanctlError
from planctl.resources import schema_path
from tests.history.conftest import PLAN, amount_cell, scale
from tests.history.gitrepo import find_project, find_target

RENAMED = "plans/province/renamed.yaml"


@pytest.fixture
def history(repo):
    """Five commits after the first: an amount raised, a target changed, the file renamed, then
    the amount lowered at the new path."""
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    target = next(t for t in data["targets"] if isinstance(t.get("value"), (int, float)))
    pid, old = project["id"], project["amounts"][sid]
    repo.edit(PLAN, lambda d: find_project(d, pid)["amounts"].__setitem__(sid, old + 500))
    repo.commit(f"Raise {pid}")
    repo.edit(PLAN, lambda d: find_target(d, target["id"]).__setitem__("value", target["value"] + 5))
    repo.commit("Raise the target")
    repo.git("mv", PLAN, RENAMED)
    repo.commit("Rename the plan")
    repo.edit(RENAMED, lambda d: find_project(d, pid)["amounts"].__setitem__(sid, old + 300))
    repo.commit(f"Lower {pid}")
    return dict(pid=pid, sid=sid, old=old, target=target, k=scale(data), unit=data.get("unit", "million VND"))


def subjects(run) -> list[str]:
    assert run.code == 0, run.stderr
    return [c["subject"] for c in run.json["commits"]]


def test_the_json_log_is_written_commit_by_commit_as_it_is_found(repo, history):
    """The same text as the log built whole, written as each commit is compared: a long history
    is never held (the CLI passes its stdout's write)."""
    from planctl.history.commands import run_log

    pieces: list[str] = []
    rest = run_log(RENAMED, "HEAD", None, None, "json", None, repo.root, write=pieces.append)
    whole = run_log(RENAMED, "HEAD", None, None, "json", None, repo.root)
    assert "".join(pieces) + rest == whole == repo.planctl("log", RENAMED, "--format", "json").stdout
    assert len(pieces) == len(json.loads(whole)["commits"]) == 5
    pieces.clear()
    with pytest.raises(PlanctlError, match="changed project 'no-such-project'"):
        run_log(RENAMED, "HEAD", "no-such-project", None, "json", None, repo.root, write=pieces.append)
    assert pieces == []  # an error before the first commit: nothing written


def test_the_plan_s_commits_newest_first_across_the_rename(repo, history):
    run = repo.planctl("log", RENAMED, "--format", "json")
    assert subjects(run) == [f"Lower {history['pid']}", "Rename the plan", "Raise the target",
                             f"Raise {history['pid']}", "Add the plan as printed"]
    commits = {c["subject"]: c for c in run.json["commits"]}
    assert (commits["Rename the plan"]["old_path"], commits["Rename the plan"]["new_path"]) == (PLAN, RENAMED)
    assert commits["Rename the plan"]["change"] == [f"renamed from {PLAN}"]
    assert commits["Add the plan as printed"]["change"][0].startswith("plan added: ")
    k, sid, old = history["k"], history["sid"], history["old"]
    lowered = commits[f"Lower {history['pid']}"]
    assert lowered["plan"]["total"]["delta"] == -200 * k
    assert any(line.startswith(f"{history['pid']} {sid} {(old + 500) * k:,.0f} → {(old + 300) * k:,.0f} "
                               f"(-{200 * k:,.0f}, ")
               for line in lowered["change"])
    assert lowered["author"] == "Sở TTTT" and lowered["date"].startswith("2024-01-")
    assert [c["commit"] for c in run.json["commits"]] == repo.git("log", "--format=%H", "--follow", "--", RENAMED).split()


def test_one_project_s_history(repo, history):
    k, sid, old = history["k"], history["sid"], history["old"]
    run = repo.planctl("log", RENAMED, "--item", history["pid"], "--format", "json")
    assert subjects(run) == [f"Lower {history['pid']}", f"Raise {history['pid']}", "Add the plan as printed"]
    raised = run.json["commits"][1]
    percent = f"{500 * 100 / old:+.1f}%"
    assert raised["change"][0] == f"{sid} {old * k:,.0f} → {(old + 500) * k:,.0f} (+{500 * k:,.0f}, {percent})"
    assert raised["project"]["sources"][0]["delta"] == 500 * k
    assert run.json["commits"][2]["project"]["status"] == "added"
    assert run.json["item"] == {"kind": "project", "id": history["pid"]}
    text = repo.planctl("log", RENAMED, "--item", history["pid"]).stdout
    assert f"{sid} {old * k:,.0f} → {(old + 500) * k:,.0f} (+{500 * k:,.0f}, {percent})" in text


def test_one_target_s_history(target_repo):
    repo = target_repo
    data = repo.read(PLAN)
    target = next(t for t in data["targets"] if isinstance(t.get("value"), (int, float)))
    other = next((t for t in data["targets"] if t["id"] != target["id"]), None)
    repo.edit(PLAN, lambda d: find_target(d, target["id"]).__setitem__("value", target["value"] + 5))
    repo.commit("Raise the target")
    if other is not None:
        repo.edit(PLAN, lambda d: find_target(d, other["id"]).__setitem__("indicator", "Chỉ tiêu khác"))
        repo.commit("Reword another target")
    repo.git("mv", PLAN, RENAMED)
    repo.commit("Rename the plan")
    run = repo.planctl("log", RENAMED, "--target", target["id"], "--format", "json")
    assert subjects(run) == ["Raise the target", "Add the plan as printed"]
    assert run.json["commits"][0]["change"] == [f"value {target['value']:g} → {target['value'] + 5:g} (+5)"]
    assert run.json["commits"][0]["target"]["fields"][0] == {"field": "value", "old": target["value"],
                                                            "new": target["value"] + 5}
    assert run.json["commits"][1]["change"][0].startswith("added: ")


def test_log_formats_and_limits(repo, history):
    text = repo.planctl("log", RENAMED)
    assert text.code == 0 and text.stdout.startswith(f"planctl log: {RENAMED} (5 commits, newest first)")
    assert "Rename the plan" in text.stdout and "Sở TTTT" in text.stdout
    markdown = repo.planctl("log", RENAMED, "--format", "markdown").stdout
    assert markdown.startswith("### planctl log: ") and "| commit " in markdown
    assert subjects(repo.planctl("log", RENAMED, "-n", "2", "--format", "json")) == \
        [f"Lower {history['pid']}", "Rename the plan"]
    assert subjects(repo.planctl("log", PLAN, "--rev", "HEAD~2", "--format", "json"))[0] == "Raise the target"
    assert repo.process("log", RENAMED, "--item", history["pid"]).code == 0


def test_log_json_is_valid_against_its_published_schema(repo, history):
    run = repo.planctl("log", RENAMED, "--format", "json")
    item = repo.planctl("log", RENAMED, "--item", history["pid"], "--format", "json")
    schemas = {kind: json.loads(schema_path(kind).read_text(encoding="utf-8")) for kind in ("diff-result", "log-result")}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    validator = jsonschema.Draft202012Validator(schemas["log-result"], registry=registry)
    validator.validate(run.json)
    validator.validate(item.json)
    assert json.loads(repo.planctl("schema", "log-result").stdout) == schemas["log-result"]


def test_a_commit_that_broke_the_plan_is_listed_with_the_error(repo):
    good = (repo.root / PLAN).read_text(encoding="utf-8")
    repo.write(PLAN, good + "\tbroken: [\n")
    repo.commit("Break the plan")
    repo.write(PLAN, good)
    repo.commit("Fix the plan")
    run = repo.planctl("log", PLAN, "--format", "json")
    assert subjects(run) == ["Fix the plan", "Break the plan", "Add the plan as printed"]
    fixed, broke = run.json["commits"][0], run.json["commits"][1]
    assert fixed["change"][0].startswith(f"error at {broke['commit'][:10]}: does not parse: line ")
    assert broke["change"][0].startswith(f"error at {broke['commit'][:10]}: does not parse: line ")
    assert [e["side"] for e in broke["plan"]["errors"]] == ["new"]
    assert [e["side"] for e in fixed["plan"]["errors"]] == ["old"]
    # Following one project, the commits where the plan could not be read are listed too: they
    # may have changed it.
    data = repo.read(PLAN)
    pid = data["groups"][0]["projects"][0]["id"]
    assert subjects(repo.planctl("log", PLAN, "--item", pid, "--format", "json")) == \
        ["Fix the plan", "Break the plan", "Add the plan as printed"]


def test_the_log_asks_git_for_its_blobs_sizes_at_once(repo, history, monkeypatch):
    """One `git cat-file --batch-check` for every blob of the log, not a round trip to git's
    reader per commit; the same log, and max-file-bytes still applies to those sizes."""
    from planctl.history.revisions import Repository

    expected = {fmt: repo.planctl("log", RENAMED, "--format", fmt).stdout for fmt in ("text", "json")}

    def one_by_one(self: Repository, *args: object) -> int:
        raise AssertionError("a blob's size was asked of git alone")

    with monkeypatch.context() as alone:
        alone.setattr(Repository, "blob_size", one_by_one)
        assert {fmt: repo.planctl("log", RENAMED, "--format", fmt).stdout for fmt in ("text", "json")} == expected
    repo.write("pyproject.toml", (repo.root / "pyproject.toml").read_text(encoding="utf-8") + "max-file-bytes = 100\n")
    limited = repo.planctl("log", RENAMED)
    assert limited.code == 0 and "over the limit of 100" in limited.stdout


def test_blob_sizes_leave_out_what_git_cannot_find(repo):
    from planctl.history.revisions import Repository

    blob = repo.git("rev-parse", f"HEAD:{PLAN}").strip()
    with Repository(repo.root) as git:
        assert git.blob_sizes([blob, "0" * 40, None, "1" * 40, blob]) == {blob: (repo.root / PLAN).stat().st_size}
        assert git.blob_sizes([]) == {}


def test_the_log_reads_its_blobs_ahead_in_one_git_process(repo, history, monkeypatch):
    """git reads the log's blobs ahead, in order (revisions.BlobStream), not one request each
    through GitPython's reader; the log is the one read blob by blob."""
    from planctl.history.revisions import BlobStream, Repository

    def logs() -> dict[str, str]:
        return {fmt: repo.planctl("log", RENAMED, "--format", fmt).stdout for fmt in ("text", "json")}

    with monkeypatch.context() as one_by_one:
        one_by_one.setattr(Repository, "blob_stream", lambda self, shas: BlobStream(self.root, []))
        expected = logs()
    with monkeypatch.context() as ahead:
        def unread(self: Repository, *args: object) -> bytes:
            raise AssertionError("a blob was read one request at a time")

        ahead.setattr(Repository, "read_blob", unread)
        assert logs() == expected
    assert "Rename the plan" in expected["text"]


def test_a_blob_stream_gives_the_planned_blobs_and_nothing_else(repo, history):
    from planctl.history.revisions import BlobStream

    blobs = [repo.git("rev-parse", f"HEAD~{n}:{PLAN if n > 1 else RENAMED}").strip() for n in (0, 2, 3, 4)]
    assert len(set(blobs)) == 4  # four revisions of the plan (the rename kept the content)
    content = {blob: repo.git("cat-file", "blob", blob).encode("utf-8") for blob in blobs}
    stream = BlobStream(repo.root, blobs)
    assert stream.take(blobs[0]) == content[blobs[0]]
    assert stream.take("f" * 40) is None  # not planned: the caller reads it itself
    assert stream.take(blobs[2]) == content[blobs[2]]  # passes over blobs[1], not asked for
    assert stream.take(blobs[1]) is None  # passed over
    assert stream.take(blobs[3]) == content[blobs[3]]
    stream.close()
    assert stream.take(blobs[3]) is None
    # A planned object git cannot find ends the stream: every later blob is read by the caller.
    broken = BlobStream(repo.root, [blobs[0], "0123456789" * 4, blobs[1]])
    assert broken.take(blobs[0]) == content[blobs[0]]
    assert broken.take("0123456789" * 4) is None and broken.process is None
    assert broken.take(blobs[1]) is None


def test_a_long_subject_is_cut_in_the_terminal_only(repo, history):
    subject = "Điều chỉnh kinh phí theo Quyết định số 1755/QĐ-TTg ngày 22/9/2010 " * 3
    repo.edit(RENAMED, lambda d: d.update(title=d["title"] + " (điều chỉnh)"))
    repo.commit(subject.strip())
    text = repo.planctl("log", RENAMED).stdout
    row = next(line for line in text.splitlines() if "Điều chỉnh kinh phí" in line)
    assert subject[:71] + "…" in row and subject.strip() not in text
    assert row.index("Điều chỉnh") + 72 < len(row)  # the row goes on to say what changed
    assert subject.strip() in repo.planctl("log", RENAMED, "--format", "markdown").stdout
    assert subjects(repo.planctl("log", RENAMED, "--format", "json"))[0] == subject.strip()


def test_planctl_s_own_git_processes_start_as_gitpython_starts_its_own(repo, history, monkeypatch):
    """The log's `git cat-file` processes go through git.cmd.safer_popen: on Windows a plain
    Popen would look for git.exe in the current folder first, the repository being linted."""
    import git.cmd

    started: list[list[str]] = []
    popen = git.cmd.safer_popen

    def recorded(command: list[str], **options: object):
        started.append(list(command))
        return popen(command, **options)

    monkeypatch.setattr(git.cmd, "safer_popen", recorded)
    assert repo.planctl("log", RENAMED).code == 0
    assert [c[c.index("cat-file"):] for c in started if "cat-file" in c] == [["cat-file", "--batch-check"],
                                                                           ["cat-file", "--batch"]]
