"""A plan linked from another (stands_for, same_as) is found by its id among the configured plan
files, and only that file is parsed: linting one plan, or one batch of a run, must not parse the
whole repository (with 126 plans it did, 1.9 s for one plan)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planctl.config import Config
from planctl.lint import registry as registry_module
from planctl.lint.registry import PlanFinder, Registry
from tests.conftest import PLANS

KH21_ID = "soc-trang-1605-2010"


@pytest.fixture
def repository(tmp_path):
    for rel in ("soc-trang/kh-21-2010.yaml", "soc-trang/kh-22-2012.yaml", "tra-vinh/qd-952-2011.yaml",
                "ben-tre/ict-1605.yaml", "quang-tri/ict-1755.yaml"):
        (tmp_path / "plans" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PLANS / rel, tmp_path / "plans" / rel)
    return tmp_path


def finder(root, parsed: list, monkeypatch) -> PlanFinder:
    from planctl.document import load_bytes as real

    def counting(raw, name, **kwargs):
        parsed.append(Path(os.path.abspath(name)).relative_to(root).as_posix())
        return real(raw, name, **kwargs)

    monkeypatch.setattr(registry_module, "load_bytes", counting)
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")  # which files are parsed, not which summaries are stored
    return PlanFinder(Registry({}, (), Config(root=root)), {"plans/soc-trang/kh-22-2012.yaml"})


def test_only_the_linked_plan_is_parsed(repository, monkeypatch):
    parsed: list[str] = []
    find = finder(repository, parsed, monkeypatch)
    found = find(KH21_ID)
    assert found is not None and find(KH21_ID) is found
    assert parsed == ["plans/soc-trang/kh-21-2010.yaml"]


def test_a_plan_whose_id_the_text_does_not_show_plainly_is_still_found(repository, monkeypatch):
    path = repository / "plans/soc-trang/kh-21-2010.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"\nid: {KH21_ID}\n", f"\n'id' : {KH21_ID}\n"),
                    encoding="utf-8")
    parsed: list[str] = []
    found = finder(repository, parsed, monkeypatch)(KH21_ID)
    assert found is not None and "plans/soc-trang/kh-21-2010.yaml" in parsed


def test_an_unknown_plan_parses_only_files_whose_id_is_not_plain(repository, monkeypatch):
    parsed: list[str] = []
    assert finder(repository, parsed, monkeypatch)("no-such-plan") is None
    assert parsed == []


def test_a_province_s_plans_are_checked_in_one_batch_and_one_big_folder_is_split(tmp_path):
    """Batches of a run keep each folder's files together (a linked plan in another batch would be
    parsed there again), with similar sizes; a folder holding everything is split into its files."""
    from planctl.lint.runner import _batches

    files = []
    for province in range(12):
        for plan in range(2):
            path = tmp_path / "plans" / f"p{province:02d}" / f"plan-{plan}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x" * (1000 + 100 * province), encoding="utf-8")
            files.append(path)
    batches = _batches(files, 4)
    assert sorted(p for b in batches for p in b) == sorted(files)
    assert all({p.parent for p in b}.isdisjoint({p.parent for p in c}) for b in batches for c in batches if b is not c)
    sizes = [sum(p.stat().st_size for p in b) for b in batches]
    assert max(sizes) - min(sizes) <= 2 * (1000 + 100 * 11)
    flat = [tmp_path / "flat" / f"plan-{i:02d}.yaml" for i in range(12)]
    flat[0].parent.mkdir()
    for path in flat:
        path.write_text("x" * 1000, encoding="utf-8")
    assert [len(b) for b in _batches(flat, 4)] == [3, 3, 3, 3]


def test_the_files_are_read_only_until_the_linked_plan_is_found(repository, monkeypatch):
    """The candidates are read in order (the plans globs sorted: ben-tre, quang-tri, soc-trang …)
    and the reading stops at the linked plan: tra-vinh's file is never opened for this link; a
    later lookup reads on from there, and the first file with the id still wins."""
    parsed: list[str] = []
    find = finder(repository, parsed, monkeypatch)
    assert find(KH21_ID) is not None
    read = [p.relative_to(repository).as_posix() for p in find.files.ids]
    assert read == ["plans/ben-tre/ict-1605.yaml", "plans/quang-tri/ict-1755.yaml", "plans/soc-trang/kh-21-2010.yaml"]
    tra_vinh = find("tra-vinh-1755-2011")
    assert tra_vinh is not None and tra_vinh.name.endswith("tra-vinh/qd-952-2011.yaml")
    assert parsed == ["plans/soc-trang/kh-21-2010.yaml", "plans/tra-vinh/qd-952-2011.yaml"]


# ---- the linked plans' summaries, cached between runs (lint/linkcache.py) -------------------------

def cached_finder(root, parsed: list, monkeypatch, cache) -> PlanFinder:
    find = finder(root, parsed, monkeypatch)
    monkeypatch.delenv("PLANCTL_NO_CACHE")
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(cache))
    return find


def test_a_linked_plan_s_summary_is_stored_and_read_back_until_its_file_changes(repository, monkeypatch, tmp_path):
    cache, parsed = tmp_path / "cache", []
    first = cached_finder(repository, parsed, monkeypatch, cache)(KH21_ID)
    assert parsed == ["plans/soc-trang/kh-21-2010.yaml"] and len(list(cache.glob("rules-*-summary.json"))) == 1
    again = cached_finder(repository, parsed, monkeypatch, cache)(KH21_ID)
    assert again == first and parsed == ["plans/soc-trang/kh-21-2010.yaml"]  # not parsed again
    path = repository / "plans/soc-trang/kh-21-2010.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_finder(repository, parsed, monkeypatch, cache)(KH21_ID) == first
    assert parsed == ["plans/soc-trang/kh-21-2010.yaml"] * 2


@pytest.mark.parametrize("tamper", [
    lambda value: value.pop("rows"),
    lambda value: value.__setitem__("id", 7),
    lambda value: value.__setitem__("total", "1"),
    lambda value: next(iter(value["rows"].values())).__setitem__("extra", 1),
    lambda value: value["by_kind"].__setitem__("NSTW", 1.5),
])
def test_a_tampered_summary_is_ignored_and_the_plan_parsed(repository, monkeypatch, tmp_path, tamper):
    import json

    cache, parsed = tmp_path / "cache", []
    first = cached_finder(repository, parsed, monkeypatch, cache)(KH21_ID)
    (stored,) = cache.glob("rules-*-summary.json")
    document = json.loads(stored.read_text(encoding="utf-8"))
    tamper(document["value"])
    stored.write_text(json.dumps(document), encoding="utf-8")
    assert cached_finder(repository, parsed, monkeypatch, cache)(KH21_ID) == first
    assert parsed == ["plans/soc-trang/kh-21-2010.yaml"] * 2


def test_the_checks_of_one_run_share_what_was_read_and_each_skips_only_its_own_files(repository, monkeypatch):
    """diff's findings section checks each plan alone with one registry: the second check reads no
    file again, and a plan skipped by the first (it was linted there) is found by the second."""
    monkeypatch.chdir(repository)  # linted files are named as lint shows them: relative to here
    parsed: list[str] = []
    finder(repository, parsed, monkeypatch)  # counts the files parsed
    registry = Registry({}, (), Config(root=repository))
    first = PlanFinder(registry, {"plans/soc-trang/kh-21-2010.yaml"})
    assert first(KH21_ID) is None  # KH 21 is the plan linted: it is not looked up on disk
    read = list(first.files.ids)
    assert len(read) == 5 and parsed == []
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    second = PlanFinder(registry, {"plans/soc-trang/kh-22-2012.yaml"})
    found = second(KH21_ID)
    assert found is not None and found.name.endswith("soc-trang/kh-21-2010.yaml")
    assert opened == [] and parsed == ["plans/soc-trang/kh-21-2010.yaml"]
    assert second.files is first.files
