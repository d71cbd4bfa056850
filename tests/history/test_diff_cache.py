"""`planctl diff` reads a blob's plain data from planctl's cache when its bytes were read before
(planctl/parsecache.py): by a lint's parse, or by an earlier diff; a blob it read before it finds
by its git id, without asking git for it again. A pair of blobs compared before is not compared
again (planctl/history/diffcache.py). The same report either way; `planctl log` does not use it.

The tests of the blobs' data forget the stored comparisons before the run they check
(forget_comparisons): a stored comparison would answer before any blob is read."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planctl import diskcache, parsecache
from planctl.history import compare, diffcache, render, revisions, spanload
from planctl.history.diff import FieldChange, Money, Status
from tests.cachefiles import edit_stored
from tests.history.conftest import PLAN
from tests.history.gitrepo import PYPROJECT, projects


@pytest.fixture
def edited(repo):
    def change(data: dict) -> None:
        data["title"] = data["title"] + " (sửa đổi)"
        data["period"]["end"] += 1

    repo.edit(PLAN, change)
    repo.commit("Extend the plan by a year")
    return repo


def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def load(self: object, raw: bytes, name: str) -> None:
        raise AssertionError(f"{name} parsed although its data is cached")

    monkeypatch.setattr(spanload.SpanLoader, "load", load)


def forget_comparisons(cache_folder) -> None:
    for stored in cache_folder.glob("rules-*-diff.json"):
        stored.unlink()


def diff_reports(repo) -> tuple[str, str]:
    text = repo.planctl("diff", "HEAD~1", "HEAD")
    data = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    assert text.code == data.code == 0, text.stderr + data.stderr
    return text.stdout, data.stdout


def test_a_second_diff_parses_nothing_and_says_the_same(edited, cache_folder, monkeypatch):
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(edited)
    assert diff_reports(edited) == uncached  # each side parsed, then stored
    assert len(list(cache_folder.glob("rules-*-plain.json"))) == 2
    forget_comparisons(cache_folder)
    no_parse(monkeypatch)
    assert diff_reports(edited) == uncached
    assert "(sửa đổi)" in uncached[0]


def test_a_diff_from_the_cache_imports_no_yaml_parser(edited, cache_folder):
    # Each side's plain data comes from the cache: ruamel.yaml (~50 million instructions) is
    # imported only when a blob must be parsed.
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('ruamel')"
             " or m in ('planctl.yamlbuild', 'planctl.history.spanload')), file=sys.stderr))\n"
             "from planctl.launch import main\n"
             "main()\n")
    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", probe, "diff", "HEAD~1", "HEAD"], cwd=edited.root, text=True,
                              capture_output=True, timeout=120, env=edited.env())

    runs = [run()]
    forget_comparisons(cache_folder)
    runs.append(run())
    assert [done.returncode for done in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout and "(sửa đổi)" in runs[0].stdout
    assert "ruamel" in runs[0].stderr and "planctl.history.spanload" in runs[0].stderr  # parsed, then stored
    assert runs[1].stderr.splitlines()[-1] == "[]"


def no_git_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: object, sha: str, path: str = "", revision: str = "") -> None:
        raise AssertionError(f"git asked for {path} at {revision} although it was read before")

    monkeypatch.setattr(revisions.Repository, "read_blob", refuse)
    monkeypatch.setattr(revisions.Repository, "blob_size", refuse)


def test_a_side_read_before_is_found_by_its_blob_id_without_asking_git(edited, cache_folder, monkeypatch):
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(edited)
    assert diff_reports(edited) == uncached  # each side's data stored by its bytes, its blob id beside
    assert len(list(cache_folder.glob("rules-*-blob.json"))) == 2
    forget_comparisons(cache_folder)
    no_git_reads(monkeypatch)
    no_parse(monkeypatch)
    assert diff_reports(edited) == uncached


def test_a_blob_read_before_is_held_to_the_size_limit_of_this_run(edited, cache_folder, monkeypatch):
    diff_reports(edited)  # stored, under the default limit
    edited.write("pyproject.toml", PYPROJECT + "max-file-bytes = 100\n")
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(edited)
    assert "over the limit of 100" in uncached[0]
    assert diff_reports(edited) == uncached


@pytest.mark.parametrize("tamper", [
    lambda value: value.__setitem__(1, "../../../etc/passwd"),  # a path, not a key
    lambda value: value.__setitem__(1, "0" * 64 + "-findings"),  # a key of another kind
    lambda value: value.__setitem__(1, "f" * 64 + "-plain"),  # a key whose file is not there
    lambda value: value.__setitem__(0, -1),
    lambda value: value.append("more"),
], ids=["path", "other-kind", "no-file", "negative-size", "longer"])
def test_a_blob_entry_that_is_not_one_is_not_used(edited, cache_folder, tamper):
    expected = diff_reports(edited)
    forget_comparisons(cache_folder)
    for stored in cache_folder.glob("rules-*-blob.json"):
        edit_stored(stored, lambda envelope: tamper(envelope["value"]))
    assert diff_reports(edited) == expected


def test_a_diff_reads_what_a_lint_parsed(edited, cache_folder, monkeypatch):
    # The working tree's plan is HEAD's: a lint of it stores the parse the diff's new side reads.
    assert edited.planctl("lint", PLAN).code in (0, 1)
    found = parsecache.find_data((edited.root / PLAN).read_bytes())
    assert found is not None and found[0] == edited.read(PLAN) and found[1].endswith("-document")


def test_a_plain_entry_without_its_shape_is_not_used(edited, cache_folder):
    expected = diff_reports(edited)
    forget_comparisons(cache_folder)
    for stored in cache_folder.glob("rules-*-plain.json"):
        edit_stored(stored, lambda envelope: envelope.__setitem__("value", {"not": "a list"}))
    assert diff_reports(edited) == expected


def test_log_does_not_use_the_cache(edited, cache_folder):
    assert edited.planctl("log", PLAN).code == 0
    assert not list(cache_folder.glob("rules-*-plain.json"))


def test_a_part_equal_in_python_but_of_another_type_is_read_again(repo, cache_folder, monkeypatch):
    """Both sides from the cache are separate objects: a project whose values are the same as on the
    old side is the same Project (snapshot._same), but `true` is not the amount 1, though == says so."""
    def amount(value: object):
        def change(data: dict) -> None:
            project = next(p for _g, p in projects(data) if p.get("amounts"))
            project["amounts"] = {"nsdp": value}
        return change

    repo.edit(PLAN, amount(1))
    repo.commit("An amount of 1")
    repo.edit(PLAN, amount(True))
    repo.commit("The amount written as true")
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(repo)
    assert "amount for nsdp is not a number (true)" in uncached[0]
    diff_reports(repo)  # each side stored
    forget_comparisons(cache_folder)
    no_parse(monkeypatch)
    assert diff_reports(repo) == uncached


# -- comparisons of pairs of blobs (planctl/history/diffcache.py) ------------------------------

def no_comparing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(loader: object, change: revisions.FileChange, *args: object) -> None:
        raise AssertionError(f"{change.path} compared again although this pair was compared before")

    monkeypatch.setattr(compare, "compare_file", refuse)


def test_a_pair_compared_before_is_not_compared_again(edited, cache_folder, monkeypatch):
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(edited)
    assert diff_reports(edited) == uncached
    assert len(list(cache_folder.glob("rules-*-diff.json"))) == 1  # one comparison for every format
    no_comparing(monkeypatch)
    no_git_reads(monkeypatch)
    assert diff_reports(edited) == uncached
    markdown = edited.planctl("diff", "HEAD~1", "HEAD", "--format", "markdown", "--no-findings")
    assert markdown.code == 0 and "(sửa đổi)" in markdown.stdout


def test_a_comparison_stored_by_another_format_is_laid_out_once_for_the_terminal(edited, cache_folder, monkeypatch):
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        uncached = diff_reports(edited)
    assert edited.planctl("diff", "HEAD~1", "HEAD", "--format", "json").stdout == uncached[1]  # stored without text
    with monkeypatch.context() as again:
        no_comparing(again)
        assert edited.planctl("diff", "HEAD~1", "HEAD").stdout == uncached[0]  # laid out now, and stored
    no_comparing(monkeypatch)

    def refuse(plan: object, findings: object = None) -> str:
        raise AssertionError("laid out again although its text was stored")

    monkeypatch.setattr(render, "text_plan", refuse)
    assert edited.planctl("diff", "HEAD~1", "HEAD").stdout == uncached[0]


def test_a_comparison_is_stored_in_the_words_of_its_language(edited, cache_folder, monkeypatch):
    english = diff_reports(edited)[0]
    with monkeypatch.context() as off:
        off.setenv("PLANCTL_NO_CACHE", "1")
        vietnamese = edited.planctl("--lang", "vi", "diff", "HEAD~1", "HEAD").stdout
    assert "Tổng" in vietnamese and vietnamese != english
    assert edited.planctl("--lang", "vi", "diff", "HEAD~1", "HEAD").stdout == vietnamese
    assert diff_reports(edited)[0] == english


def test_a_comparison_with_a_side_in_error_is_not_stored(edited, cache_folder):
    edited.write("pyproject.toml", PYPROJECT + "max-file-bytes = 100\n")
    assert "over the limit of 100" in diff_reports(edited)[0]
    assert not list(cache_folder.glob("rules-*-diff.json"))


@pytest.mark.parametrize("tamper", [
    lambda value: value.clear(),
    lambda value: value.__setitem__(3, "moved"),  # not a status
    lambda value: value.__setitem__(6, 7),  # the unit, not text
    lambda value: value[15].__setitem__(0, "1000"),  # the old total, not a whole number
    lambda value: value[15].__setitem__(0, True),
    lambda value: value.append(None),
], ids=["empty", "status", "unit", "total-text", "total-bool", "longer"])
def test_a_stored_comparison_not_of_its_shape_is_not_used(edited, cache_folder, tamper):
    expected = diff_reports(edited)
    for stored in cache_folder.glob("rules-*-diff.json"):
        edit_stored(stored, lambda envelope: tamper(envelope["value"]))
    assert diff_reports(edited) == expected


def test_a_stored_terminal_text_with_control_characters_is_not_printed(edited, cache_folder):
    expected = diff_reports(edited)[0]
    for stored in cache_folder.glob("rules-*-diff.json"):
        edit_stored(stored, lambda envelope: envelope["value"].__setitem__(
            19, None if envelope["value"][19] is None else "\x1b]0;owned\x07" + envelope["value"][19]))
    assert diff_reports(edited)[0] == expected


def test_what_json_cannot_hold_exactly_or_is_not_of_its_type_is_not_stored(cache_folder, edited):
    change = revisions.FileChange("M", PLAN, PLAN, "a" * 40, "b" * 40)
    base = compare.PlanDiff(PLAN, PLAN, PLAN, Status.CHANGED, "p", "Plan", "million VND")
    for value in (("a", "tuple"), {1: "a key that is not text"}, float("inf")):
        key = diffcache.key(change._replace(new_blob=str(len(str(value))) * 40), 1000)
        assert key is not None
        diffcache.store(key, base._replace(fields=(FieldChange("note", None, value),)))
        assert diffcache.read(key) is None
    # A value not of its declared type: a list for a tuple, text for a status, a float for VND.
    wrong: list[compare.PlanDiff] = [base._replace(problems=["a list"]),  # type: ignore[arg-type]
                                     base._replace(status="changed"),  # type: ignore[arg-type]
                                     base._replace(total=Money(1.5, 2))]  # type: ignore[arg-type]
    for i, other in enumerate(wrong):
        key = diffcache.key(change._replace(new_blob=f"{i:040d}"), 1000)
        assert key is not None
        diffcache.store(key, other)
        assert diffcache.read(key) is None
    key = diffcache.key(change, 1000)
    assert key is not None
    diffcache.store(key, base._replace(fields=(FieldChange("note", None, ["a", {"b": 1.5}]),)))
    assert diffcache.read(key) == base._replace(fields=(FieldChange("note", None, ["a", {"b": 1.5}]),))


def test_old_comparisons_are_pruned_with_the_other_per_plan_files(cache_folder, edited, monkeypatch):
    monkeypatch.setattr(diskcache, "KEEP_PER_PLAN", 3)
    monkeypatch.setattr(diskcache, "PRUNED_TO", 2)
    base = compare.PlanDiff(PLAN, PLAN, PLAN, Status.CHANGED, "p", "Plan", "million VND")
    for i in range(4):
        key = diffcache.key(revisions.FileChange("M", PLAN, PLAN, "a" * 40, f"{i:040d}"), 1000)
        assert key is not None
        diffcache.store(key, base)
    assert len(list(cache_folder.glob("rules-*-diff.json"))) == 2
