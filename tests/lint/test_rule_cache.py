"""The on-disk cache of the compiled rule catalogue (lint/rules.py, in planctl/diskcache.py): it gives the same
rules as compiling the files, and a corrupt, foreign or tampered file, or a changed rule file,
never gives stale or foreign rules."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from planctl import diskcache
from planctl.lint import rules
from planctl.resources import rules_dir
from tests.cachefiles import edit_stored


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped rules, and an empty cache folder of its own."""
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy, ignore=shutil.ignore_patterns("policy"))
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    rules.catalogue.cache_clear()
    yield copy
    rules.catalogue.cache_clear()


def cached_files(folder: Path) -> list[Path]:
    return sorted((folder.parent / "cache").glob("rules-*.json"))


def fresh(folder: Path) -> tuple[rules.Rule, ...]:
    rules.catalogue.cache_clear()
    return rules.catalogue(folder)


def test_the_cached_catalogue_equals_the_compiled_one(folder):
    compiled = rules._compile(rules.rule_files(folder))
    first = fresh(folder)
    assert len(cached_files(folder)) == 1
    second = fresh(folder)  # from the cache
    assert first == second == compiled
    assert [(r.when, r.any_of, r.path) for r in second] == [(r.when, r.any_of, r.path) for r in compiled]
    # The Vietnamese texts (planctl/i18n.py) come back from the cache too: a cached run speaks Vietnamese.
    vietnamese = [(r.summary_vi, r.description_vi, r.message_vi, r.hint_vi) for r in second]
    assert vietnamese == [(r.summary_vi, r.description_vi, r.message_vi, r.hint_vi) for r in compiled]
    assert all(summary and message for summary, _d, message, _h in vietnamese)


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe", b"[]", b"null", b'{"format": 1}',
                                     b'{"format": 1, "key": "other", "value": []}'])
def test_a_corrupt_or_foreign_cache_file_is_ignored(folder, content):
    expected = fresh(folder)
    (cache_file,) = cached_files(folder)
    cache_file.write_bytes(content)
    assert fresh(folder) == expected


@pytest.mark.parametrize("tamper", [
    lambda value: value.pop(),  # a rule removed: the count no longer matches... still a list
    lambda value: value[0].__setitem__("severity", "fatal"),
    lambda value: value[0].__setitem__("expression", {"$and": [{"kind": {"$lt": {"$m": "x"}}}]}),
    lambda value: value[0].__setitem__("expression", "not a condition"),
    lambda value: value[0].__setitem__("examples", [[1, "plan", None, ""]]),
    lambda value: value[0].__setitem__("path", "../../../etc/passwd.yaml"),
    lambda value: value[0].__setitem__("path", value[1]["path"]),  # inside the folder, but another rule's file
    lambda value: value[1].__setitem__("id", value[0]["id"]),
])
def test_a_tampered_cache_file_is_rejected_or_rebuilt(folder, tamper):
    expected = fresh(folder)
    (cache_file,) = cached_files(folder)
    stored = edit_stored(cache_file, lambda envelope: tamper(envelope["value"]))
    parse = lambda value: rules._rules_from_json(value, folder)  # noqa: E731
    if stored["value"] and len(stored["value"]) == len(expected):
        assert diskcache.read(stored["key"], parse) is None  # every value is checked again
    else:
        # A rule removed still parses (a shorter catalogue): the key, not the content, protects
        # against it — which is why the key covers every rule file and the compiler's code.
        assert len(diskcache.read(stored["key"], parse)) == len(expected) - 1


def test_a_changed_rule_file_invalidates_the_cache(folder):
    before = fresh(folder)
    target = folder / "consistency" / "group-total.yaml"
    text = target.read_text(encoding="utf-8")
    assert "severity: error" in text
    target.write_text(text.replace("severity: error", "severity: warning", 1), encoding="utf-8")
    after = fresh(folder)
    changed = {r.id: r.severity.label for r in after}.items() - {r.id: r.severity.label for r in before}.items()
    assert changed == {("consistency.group-total", "warning")}
    assert len(cached_files(folder)) == 2  # a new key; the old file is never read again


def test_no_cache_and_relative_folders(folder, monkeypatch, tmp_path):
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    assert diskcache.cache_dir() is None
    fresh(folder)
    assert cached_files(folder) == []
    monkeypatch.delenv("PLANCTL_NO_CACHE")
    # A relative path would resolve inside the repository being linted, which planctl does not trust.
    monkeypatch.setenv("PLANCTL_CACHE_DIR", "cache")
    assert diskcache.cache_dir() is None
    monkeypatch.delenv("PLANCTL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert diskcache.cache_dir() == Path.home() / ".cache" / "planctl"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert diskcache.cache_dir() == tmp_path / "xdg" / "planctl"


def test_an_unwritable_cache_folder_is_skipped(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(blocker / "cache"))
    assert fresh(folder) == rules._compile(rules.rule_files(folder))


def test_writing_a_cache_file_removes_the_older_ones_beyond_the_newest_few(folder):
    import os

    cache = folder.parent / "cache"
    cache.mkdir()
    old = [cache / f"rules-{i:064x}.json" for i in range(diskcache.KEEP + 2)]
    for age, path in enumerate(old):  # old[0] the newest
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    others = [cache / "rules-notes.json", cache / f"rules-{'A' * 64}.json", cache / f"rules-{'0' * 63}.json",
              cache / "other.json", cache / f"rules-{'f' * 64}.json.bak", cache / ".rules-x.tmp",
              cache / f"rules-{'f' * 64}-docs.json"]
    for path in others:
        path.write_text("keep", encoding="utf-8")
    outside = folder.parent / "outside.json"
    outside.write_text("keep", encoding="utf-8")
    (cache / f"rules-{'e' * 64}.json").symlink_to(outside)  # a link is never ours: kept, and its target too
    (cache / f"rules-{'d' * 64}.json").mkdir()
    twin = old[-1].with_name(old[-1].name.replace(".json", "-lint.json"))  # goes with its key
    twin.write_text("{}", encoding="utf-8")
    os.utime(twin, (1_000_000 - len(old), 1_000_000 - len(old)))
    fresh(folder)
    assert not twin.exists()
    (written,) = ({p for p in cached_files(folder) if diskcache._key_of(p.name)} - set(old)
                  - {cache / f"rules-{c * 64}.json" for c in "ed"})
    assert [p.exists() for p in old] == [True] * (diskcache.KEEP - 1) + [False] * 3
    assert all(p.read_text(encoding="utf-8") == "keep" for p in [*others, outside])
    assert (cache / f"rules-{'e' * 64}.json").is_symlink() and (cache / f"rules-{'d' * 64}.json").is_dir()
    assert fresh(folder) and written.exists()  # read back from the file it wrote


def fresh_lint(folder: Path) -> tuple[rules.Rule, ...]:
    rules.catalogue.cache_clear()
    rules.lint_catalogue.cache_clear()
    return rules.lint_catalogue(folder)


def _without_documentation(catalogue):
    return tuple(r._replace(summary="", description="", examples=(), summary_vi="", description_vi="")
                 for r in catalogue)


def test_the_lint_catalogue_is_the_catalogue_without_documentation_cached_or_not(folder):
    compiled = rules._compile(rules.rule_files(folder))
    first = fresh_lint(folder)  # compiled, and both cache files written
    names = sorted(p.name for p in cached_files(folder))
    assert len(names) == 2 and names[0].endswith("-lint.json") and names[0][:-10] == names[1][:-5]
    second = fresh_lint(folder)  # from the lint cache file
    assert first == second == _without_documentation(compiled)
    assert [(r.when, r.any_of, r.path, r.message_vi, r.hint_vi) for r in second] == \
        [(r.when, r.any_of, r.path, r.message_vi, r.hint_vi) for r in compiled]
    lean = json.loads(min(cached_files(folder)).read_text(encoding="utf-8"))
    assert not {"summary", "description", "examples", "summary_vi", "description_vi"} & set(lean["value"][0])


@pytest.mark.parametrize("tamper", [
    lambda value: value[0].__setitem__("examples", []),  # documentation in the lint file: not ours
    lambda value: value[0].__setitem__("summary", "x"),
    lambda value: value[0].pop("message_vi"),
    lambda value: value[0].__setitem__("severity", "fatal"),
    lambda value: value[0].__setitem__("expression", "not a condition"),
    lambda value: value[0].__setitem__("path", value[1]["path"]),
])
def test_a_tampered_lint_cache_file_is_rebuilt(folder, tamper):
    expected = fresh_lint(folder)
    lint_file = min(cached_files(folder))
    stored = json.loads(lint_file.read_text(encoding="utf-8"))
    tamper(stored["value"])
    lint_file.write_text(json.dumps(stored), encoding="utf-8")
    assert diskcache.read(stored["key"], lambda value: rules._rules_from_json(value, folder, lean=True)) is None
    assert fresh_lint(folder) == expected


def test_the_full_catalogue_file_is_not_taken_for_the_lint_one(folder):
    expected = fresh_lint(folder)
    lint_file, full_file = sorted(cached_files(folder))
    lint_file.write_bytes(full_file.read_bytes())  # the right format, another key
    assert fresh_lint(folder) == expected
    stored = json.loads(full_file.read_text(encoding="utf-8"))
    stored["key"] += "-lint"
    lint_file.write_text(json.dumps(stored), encoding="utf-8")  # the right key, with documentation
    assert diskcache.read(stored["key"], lambda value: rules._rules_from_json(value, folder, lean=True)) is None


def test_planctl_s_own_files_enter_a_key_by_their_stat_once_settled(tmp_path, monkeypatch):
    """A rule file or module modified in the last seconds enters a key by its bytes; after that by
    its size, time and inode, without being read, and an edit moves its time."""
    path = tmp_path / "module.py"
    path.write_text("A = 1\n", encoding="utf-8")
    assert diskcache.stamp(path) == b"bytes\0A = 1\n"
    settled_time = time.time() - 10 * diskcache.SETTLED_SECONDS
    os.utime(path, (settled_time, settled_time))
    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
        settled = diskcache.stamp(path)
    assert settled.startswith(b"stat\0")
    path.write_text("A = 2\n", encoding="utf-8")  # the same size
    assert diskcache.stamp(path) == b"bytes\0A = 2\n"
    os.utime(path, (settled_time + 1, settled_time + 1))
    assert diskcache.stamp(path) not in (settled, b"bytes\0A = 2\n")
