"""Parsed plans cached between runs (planctl/parsecache.py, in planctl/diskcache.py's folder): a
plan from the cache_folder is the plan the parser builds, positions included, and a stale, broken or
untrusted cache file is never used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planctl import diskcache, parsecache
from planctl.document import Document, load, load_bytes
from tests.bench.generate import build_plan, national_programmes, to_yaml
from tests.cachefiles import edit_stored

ROOT = Path(__file__).resolve().parents[2]
REAL_PLANS = sorted((ROOT / "plans").glob("*/*.yaml"))
# Floats written the Vietnamese way, an alias, a suppression comment and a block scalar: every
# field a Document holds besides its data and positions.
QUIRKS = b"""planctl: 1
kind: plan
id: quirks
budget: 439.050   # planctl: disable=schema, money.float
years: &years [2011, 2012]
again: *years
shares: {a: 1.0, b: 2.5}
note: |
  one line
  two lines
big: 123456789012345678901234567890
"""


def stored(cache_folder: Path) -> list[Path]:
    return sorted(cache_folder.glob("rules-*-document.json"))


def fields(doc: Document) -> tuple:
    return (doc.name, doc.data, list(doc.marks), list(doc.key_marks), doc.float_texts, doc.suppressions,
            doc.plain_json, doc.error, doc.positions, doc.key_positions)


@pytest.mark.parametrize("path", REAL_PLANS, ids=lambda p: p.name)
def test_a_real_plan_from_the_cache_is_the_parsed_plan(path, cache_folder):
    parsed = load(path, name="plan.yaml")
    first = load(path, name="plan.yaml", cached=True)  # parsed, then stored
    assert len(stored(cache_folder)) == 1
    again = load(path, name="plan.yaml", cached=True)  # from the cache
    assert fields(first) == fields(again) == fields(parsed)
    assert again.locate("/id") == parsed.locate("/id")


def test_every_field_of_a_document_comes_back(cache_folder):
    parsed = load_bytes(QUIRKS, "q.yaml")
    assert parsed.ok and parsed.float_texts and parsed.suppressions and parsed.plain_json is False
    load_bytes(QUIRKS, "q.yaml", cached=True)
    again = load_bytes(QUIRKS, "other.yaml", cached=True)
    assert fields(again)[1:] == fields(parsed)[1:]
    assert again.name == "other.yaml"  # a file's name is the run's, never stored
    assert again.float_texts == {"/budget": "439.050", "/shares/a": "1.0", "/shares/b": "2.5"}
    assert again.suppressions == {4: {"schema", "money.float"}}


def test_a_synthetic_plan_round_trips(cache_folder):
    plan = build_plan("Trà Vinh", national_programmes()["qd-1755-2010"][0])
    raw = to_yaml(plan, "../../schema/plan.schema.json").encode("utf-8")
    parsed = load_bytes(raw, "p.yaml")
    load_bytes(raw, "p.yaml", cached=True)
    assert fields(load_bytes(raw, "p.yaml", cached=True)) == fields(parsed)


def test_an_edited_file_is_parsed_again(tmp_path, cache_folder):
    path = tmp_path / "p.yaml"
    path.write_bytes(QUIRKS)
    load(path, cached=True)
    path.write_bytes(QUIRKS.replace(b"id: quirks", b"id: edited"))
    assert load(path, cached=True).data["id"] == "edited"
    assert len(stored(cache_folder)) == 2


@pytest.mark.parametrize("raw", [b"planctl: 1\nid: [unclosed\n", b"a: 1\na: 2\n", b"x: !!python/object 1\n",
                                 b"", b"id: \xc3\x28 not UTF-8\n"])
def test_a_file_that_does_not_load_is_never_stored(raw, cache_folder):
    first = load_bytes(raw, "bad.yaml", cached=True)
    assert not first.ok
    assert stored(cache_folder) == []
    assert load_bytes(raw, "bad.yaml", cached=True).error == first.error


def test_no_cache_folder_no_cache(cache_folder, monkeypatch):
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    assert parsecache.key(QUIRKS) is None
    assert load_bytes(QUIRKS, "q.yaml", cached=True).ok
    assert not cache_folder.exists()


def test_the_key_depends_on_the_bytes_and_the_parser_code(cache_folder, monkeypatch):
    key = parsecache.key(QUIRKS)
    assert key is not None and key != parsecache.key(QUIRKS + b"\n")
    inputs = parsecache._code_inputs()
    assert {label for label, _data in inputs} >= {"planctl", "python", "libraries", "code:document.py", "code:yamlbuild.py",
                                                   "code:yamlevents.py", "code:yamlmarks.py"}
    edited = [(label, data + b"#" if label == "code:yamlbuild.py" else data) for label, data in inputs]
    monkeypatch.setattr(parsecache, "_code_inputs", lambda: edited)
    parsecache._fixed.cache_clear()  # the code's digest is taken once per process
    try:
        assert parsecache.key(QUIRKS) != key
    finally:
        parsecache._fixed.cache_clear()


@pytest.mark.parametrize("tamper", [
    lambda value: value.__setitem__("marks", value["marks"][:-12]),  # fewer positions than nodes
    lambda value: value.__setitem__("marks", "not base64 !"),
    lambda value: value.__setitem__("key_marks", 7),
    lambda value: value["data"].__setitem__("extra", [1, 2]),  # more nodes than positions
    lambda value: value.__setitem__("float_texts", {"/budget": 439.05}),
    lambda value: value.__setitem__("suppressions", [["4", ["schema"]]]),
    lambda value: value.__setitem__("plain_json", "no"),
    lambda value: value.pop("float_texts"),
])
def test_a_cache_file_without_the_stored_shape_is_not_used(cache_folder, tamper):
    parsed = load_bytes(QUIRKS, "q.yaml")
    load_bytes(QUIRKS, "q.yaml", cached=True)
    (cache_file,) = stored(cache_folder)
    edit_stored(cache_file, lambda stored: tamper(stored["value"]))
    assert fields(load_bytes(QUIRKS, "q.yaml", cached=True)) == fields(parsed)


@pytest.mark.parametrize("text", ['{"format": 2, "key": "%s", "value": {"data": Infinity}}',
                                  '{"format": 2, "key": "%s", "value": ', '{"format": 1, "key": "%s", "value": {}}'])
def test_a_corrupt_or_foreign_cache_file_is_not_used(cache_folder, text):
    parsed = load_bytes(QUIRKS, "q.yaml")
    key = parsecache.key(QUIRKS)
    assert key is not None
    cache_folder.mkdir(parents=True)
    (cache_folder / f"rules-{key}.json").write_text(text % key, encoding="utf-8")
    assert fields(load_bytes(QUIRKS, "q.yaml", cached=True)) == fields(parsed)


def test_a_cache_file_of_other_bytes_is_not_used(cache_folder):
    other = QUIRKS.replace(b"quirks", b"other")
    load_bytes(other, "o.yaml", cached=True)
    (cache_file,) = stored(cache_folder)
    key = parsecache.key(QUIRKS)
    cache_file.rename(cache_folder / f"rules-{key}.json")  # the other file's parse, under this file's name
    assert load_bytes(QUIRKS, "q.yaml", cached=True).data["id"] == "quirks"


def test_old_parses_are_pruned_when_there_are_too_many(cache_folder, monkeypatch):
    """The folder is listed once per process (no file dated); a group that grows past KEEP_PER_PLAN
    files loses its oldest down to PRUNED_TO, so that the next prune is a while away."""
    monkeypatch.setattr(diskcache, "KEEP_PER_PLAN", 3)
    monkeypatch.setattr(diskcache, "PRUNED_TO", 2)
    listings: list[Path] = []
    count = diskcache._count
    monkeypatch.setattr(diskcache, "_count", lambda folder: listings.append(folder) or count(folder))
    texts = [QUIRKS.replace(b"quirks", f"plan-{i}".encode()) for i in range(6)]
    for raw in texts[:3]:
        load_bytes(raw, "p.yaml", cached=True)
    assert len(stored(cache_folder)) == 3
    load_bytes(texts[3], "p.yaml", cached=True)  # the fourth: the newest two are kept
    assert len(stored(cache_folder)) == 2 and listings == [cache_folder]
    assert load_bytes(texts[3], "p.yaml", cached=True).data["id"] == "plan-3"
    # A new process lists the folder at its first write, and counts from there.
    monkeypatch.setattr(diskcache, "_per_plan", {})
    load_bytes(texts[4], "p.yaml", cached=True)
    assert len(stored(cache_folder)) == 3 and listings == [cache_folder, cache_folder]
    load_bytes(texts[5], "p.yaml", cached=True)
    assert len(stored(cache_folder)) == 2


def test_a_lint_from_the_cache_imports_no_parser_no_validator_and_no_rules(tmp_path, cache_folder):
    # A plan without links to other plans (ben-tre): its findings come from the cache whole.
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('ruamel.')}"
            " | {m for m in sys.modules if m in ('jsonschema_rs', 'planctl.yamlbuild', 'planctl.yamlevents',"
            " 'planctl.lint.facts', 'planctl.lint.policy', 'planctl.lint.rules')}),"
            " file=sys.stderr))\n"
            "from planctl.launch import main\n"
            "main()\n")
    plan = ROOT / "plans" / "ben-tre" / "ict-1605.yaml"
    runs = [subprocess.run([sys.executable, "-c", code, "lint", "-q", "--fail-on", "info", str(plan)], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, env={**_env(), "PLANCTL_CACHE_DIR": str(cache_folder)}) for _ in range(2)]
    assert [done.returncode for done in runs] == [1, 1]  # the plan has findings
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
    assert runs[0].stderr.splitlines()[-1] == str(['jsonschema_rs', 'planctl.lint.facts', 'planctl.lint.policy',
                                                   'planctl.lint.rules', 'planctl.yamlbuild', 'planctl.yamlevents',
                                                   'ruamel'])
    assert runs[1].stderr.splitlines()[-1] == "[]"


def _env() -> dict[str, str]:
    import os

    return {name: value for name, value in os.environ.items() if not name.startswith("PLANCTL_")}


def test_the_key_depends_on_the_installed_ruamel_yaml(tmp_path, cache_folder, monkeypatch):
    before = parsecache.key(QUIRKS)
    assert b"ruamel_yaml-" in diskcache.versions("ruamel.yaml", "ruamel.yaml.clib")
    (tmp_path / "site" / "ruamel.yaml-99.0.dist-info").mkdir(parents=True)  # an older pip's spelling
    # setup.py's spelling, as an older pip without `wheel` installs a library (Debian's pip 23.0).
    (tmp_path / "site" / "ruamel.yaml.clib-9.9-py3.11.egg-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site"), *sys.path])
    diskcache.versions.cache_clear()
    parsecache._fixed.cache_clear()
    try:
        found = diskcache.versions("ruamel.yaml", "ruamel.yaml.clib")
        assert b"ruamel.yaml-99.0.dist-info" in found and b"ruamel.yaml.clib-9.9-py3.11.egg-info" in found
        assert parsecache.key(QUIRKS) != before
    finally:
        diskcache.versions.cache_clear()
        parsecache._fixed.cache_clear()
