"""pyproject.toml / planctl.toml parsed once and kept in the cache folder (planctl/tomlcache.py)."""

from __future__ import annotations

import json
import tomllib

import pytest

from planctl import tomlcache

TEXT = '[project]\nname = "x"\n[tool.planctl]\nplans = ["plans/**/*.yaml"]\nfail-on = "warning"\nratio = 0.5\n'


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    return tmp_path


def stored(cache) -> list:
    return sorted(cache.glob("rules-*-config.json"))


def test_a_parsed_text_is_stored_and_read_back(cache):
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)
    (path,) = stored(cache)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["value"]["tool"]["planctl"]["fail-on"] = "info"  # what is read back is the stored document
    path.write_text(json.dumps(document), encoding="utf-8")
    assert tomlcache.loads(TEXT)["tool"]["planctl"]["fail-on"] == "info"
    assert tomlcache.loads(TEXT + "\n") == tomllib.loads(TEXT)  # another text, another key
    assert len(stored(cache)) == 2


def test_a_document_json_cannot_give_back_is_not_stored_and_a_bad_one_is_parsed_again(cache):
    dated = TEXT + "when = 2011-05-01\n"
    assert tomlcache.loads(dated)["tool"]["planctl"]["when"] == tomllib.loads(dated)["tool"]["planctl"]["when"]
    assert stored(cache) == []
    tomlcache.loads(TEXT)
    (path,) = stored(cache)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["value"] = ["not", "a", "mapping"]
    path.write_text(json.dumps(document), encoding="utf-8")
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT)


def test_a_text_that_does_not_parse_raises_tomllib_s_error(cache):
    with pytest.raises(tomllib.TOMLDecodeError):
        tomlcache.loads("[tool.planctl\n")
    assert stored(cache) == []
