"""The programme and policy data cached between runs (lint/registry.py, in planctl/diskcache.py's folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planctl import diskcache
from planctl.config import load_config
from planctl.errors import PlanctlError
from planctl.lint import registry
from tests.cachefiles import edit_stored
from tests.workspace import PROGRAMME, Workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    ws = Workspace(tmp_path / "repo", "[tool.planctl]\nprogrammes = [\"national/*.yaml\"]\n")
    ws.write("rules/policy/default.yaml", (Path(registry.rules_dir()) / "policy" / "default.yaml").read_text(
        encoding="utf-8"))
    return ws


def stored(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("rules-*-registry.json"))


def load(ws: Workspace) -> registry.Registry:
    return registry.load_registry(load_config(ws.root))


def test_the_cached_registry_is_the_loaded_one(ws, tmp_path):
    first = load(ws)  # loaded, then stored
    (cache_file,) = stored(tmp_path)
    second = load(ws)  # from the cache
    assert (second.programmes, second.policies) == (first.programmes, first.policies)
    assert list(first.programmes) == ["qd-1755-2010"] and len(first.policies) == 1
    assert json.loads(cache_file.read_text(encoding="utf-8"))["value"]["programmes"] == list(first.programmes.values())


@pytest.mark.parametrize("tamper", [
    lambda value: value["programmes"][0].pop("id"),
    lambda value: value["programmes"][0].__setitem__("id", 7),
    lambda value: value["programmes"].append({"id": "extra"}),  # one more than the files
    lambda value: value.__setitem__("policies", {}),
    lambda value: value.__setitem__("other", []),
    lambda value: value["policies"].__setitem__(0, [1]),
])
def test_a_tampered_cache_file_is_loaded_again(ws, tmp_path, tamper):
    expected = load(ws)
    (cache_file,) = stored(tmp_path)
    edit_stored(cache_file, lambda stored: tamper(stored["value"]))
    again = load(ws)
    assert (again.programmes, again.policies) == (expected.programmes, expected.policies)


def test_a_changed_or_broken_programme_file_is_read_again(ws, tmp_path):
    load(ws)
    ws.write("national/qd-1755-2010.yaml", PROGRAMME.replace("Thủ tướng Chính phủ", "Chính phủ"))
    assert load(ws).programmes["qd-1755-2010"]["issuer"] == "Chính phủ"
    assert len(stored(tmp_path)) == 2
    ws.write("national/qd-1755-2010.yaml", PROGRAMME.replace("period:", "period: 1\nperiod:"))
    with pytest.raises(PlanctlError) as cached:
        load(ws)
    ws.write("national/qd-1755-2010.yaml", PROGRAMME.replace("issuer:", "issuer: [\n"))
    with pytest.raises(PlanctlError):
        load(ws)
    assert "invalid programme file" in str(cached.value) or "qd-1755-2010.yaml" in str(cached.value)


def test_only_plain_json_data_is_stored():
    assert diskcache.plain({"a": [1, 2.5, "x", True, None, {"b": []}]})
    assert not diskcache.plain({"a": float("nan")})
    assert not diskcache.plain({1: "a"})
    assert not diskcache.plain({"a": (1, 2)})
    import datetime

    assert not diskcache.plain({"a": datetime.date(2020, 1, 1)})


def test_no_cache_folder_no_cache(ws, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    load(ws)
    assert stored(tmp_path) == []
