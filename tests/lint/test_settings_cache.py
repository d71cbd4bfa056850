"""pyproject.toml and planctl.toml parsed once and cached between runs (config._parsed, in
planctl/diskcache.py's folder): the same settings from the cache as from the file, and never a stale or
untrusted table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planctl import diskcache
from planctl.config import PLANCTL_TOML, load_config
from planctl.errors import PlanctlError
from planctl.model import Severity
from tests.cachefiles import edit_stored
from tests.workspace import Workspace

PYPROJECT = '[project]\nname = "demo"\n\n[tool.planctl]\nplans = ["plans/*.yaml"]\nfail-on = "warning"\n'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    return tmp_path / "cache"


def stored(cache: Path) -> list[Path]:
    return sorted(cache.glob("rules-*-settings.json"))


def test_the_cached_settings_are_the_parsed_ones(tmp_path, cache):
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    first = load_config(ws.root)  # parsed, then stored
    (cache_file,) = stored(cache)
    assert json.loads(cache_file.read_text(encoding="utf-8"))["value"]["planctl"]["fail-on"] == "warning"
    assert load_config(ws.root) == first  # from the cache
    assert (first.plans, first.fail_on) == (("plans/*.yaml",), Severity.WARNING)


def test_an_edited_file_is_parsed_again(tmp_path, cache):
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    load_config(ws.root)
    ws.write("pyproject.toml", PYPROJECT.replace('"warning"', '"info"'))
    assert load_config(ws.root).fail_on == Severity.INFO
    assert len(stored(cache)) == 2


def test_a_planctl_toml_is_cached_apart_from_the_same_bytes_in_a_pyproject(tmp_path, cache):
    # A pyproject.toml's settings are its [tool] table; a planctl.toml's are the whole file, where
    # `tool` is not a setting.
    text = '[tool.planctl]\nfail-on = "info"\n'
    ws = Workspace(tmp_path / "repo", text)
    assert load_config(ws.root).fail_on == Severity.INFO
    ws.write("pyproject.toml", '[project]\nname = "demo"\n')
    ws.write(PLANCTL_TOML, text)
    with pytest.raises(PlanctlError, match=r"unknown setting\(s\): tool "):
        load_config(ws.root)


@pytest.mark.parametrize("tamper", [
    lambda document: document.__setitem__("value", ["not", "a", "table"]),
    lambda document: document.__setitem__("key", "0" * 64),
    lambda document: document.__setitem__("format", 0),
])
def test_a_foreign_or_corrupt_cache_file_is_not_used(tmp_path, cache, tamper):
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    load_config(ws.root)
    (cache_file,) = stored(cache)
    edit_stored(cache_file, tamper)
    assert load_config(ws.root).fail_on == Severity.WARNING


def test_a_cached_table_is_checked_as_a_parsed_one(tmp_path, cache):
    # A hand-edited cache file holding a setting the file does not have is still checked against
    # the settings' schema, as the file itself would be.
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    load_config(ws.root)
    (cache_file,) = stored(cache)
    document = json.loads(cache_file.read_text(encoding="utf-8"))
    document["value"]["planctl"]["fail-on"] = "sometimes"
    cache_file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PlanctlError, match="fail-on"):
        load_config(ws.root)


def test_a_file_that_does_not_parse_is_never_cached(tmp_path, cache):
    ws = Workspace(tmp_path / "repo", "[tool.planctl\nplans = 1\n")
    for _ in range(2):  # reported on every run, not only the first
        with pytest.raises(PlanctlError, match="pyproject.toml"):
            load_config(ws.root)
    assert stored(cache) == []


@pytest.mark.parametrize("value", ["1979-05-27T07:32:00Z", "inf", "nan"])
def test_values_json_cannot_keep_are_not_cached(tmp_path, cache, value):
    # TOML's dates and times and inf/nan would come back from JSON as something else, or not at all.
    ws = Workspace(tmp_path / "repo", PYPROJECT + f"\n[tool.other]\nwhen = {value}\n")
    assert load_config(ws.root).fail_on == Severity.WARNING
    assert stored(cache) == []


def test_no_cache_without_a_cache_folder(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    assert load_config(ws.root).fail_on == Severity.WARNING
    assert not cache.exists()


def test_a_table_too_large_to_read_back_is_not_written(tmp_path, cache, monkeypatch):
    # The cache would refuse to read it (diskcache.MAX_BYTES): writing it on every run would be waste.
    monkeypatch.setattr(diskcache, "MAX_BYTES", 64)
    ws = Workspace(tmp_path / "repo", PYPROJECT)
    assert load_config(ws.root).fail_on == Severity.WARNING
    assert stored(cache) == []
