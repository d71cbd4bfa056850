"""`load_plain` (history's loader, no positions) reads exactly what `load_bytes` (lint's) reads:
the same data on every real plan, programme and fixture and on generated YAML, and the same
refusal, in the same words at the same line and column, for every hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.document import MAX_DEPTH, load_bytes
from planctl.plainload import load_plain
from tests.lint.test_loader_properties import YAML_PIECES, as_yaml, documents

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted({*ROOT.glob("plans/**/*.yaml"), *ROOT.glob("tests/**/fixtures/**/*.yaml")})


def assert_same(raw: bytes, name: str = "plan.yaml") -> None:
    doc = load_bytes(raw, name)
    data, error = load_plain(raw, name)
    assert error == doc.error, raw[:200]
    assert data == doc.data, raw[:200]
    # Same types too: 2011 stays an int and 1.0 a float (== would let 1 and 1.0 pass).
    assert repr(data) == repr(doc.data)


def test_there_are_real_plans():
    assert len([p for p in REAL if p.parts[-3] == "plans" or "plans" in p.parts]) >= 7


@pytest.mark.parametrize("path", REAL, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_real_file_loads_the_same(path):
    assert_same(path.read_bytes(), str(path))


@pytest.mark.parametrize("text,expected", [
    ("year: 2011", {"year": 2011}),
    ("money: 439.050", {"money": 439.05}),
    ("answer: yes", {"answer": "yes"}),
    ("off: on", {"off": "on"}),
    ("n: 0x1F", {"n": 31}),
    ("n: 0o17", {"n": 15}),
    ("n: 1_000", {"n": 1000}),  # ruamel's YAML 1.2 resolver allows digit separators
    ("t: 2012-05-10", {"t": "2012-05-10"}),
    ("v: ~", {"v": None}),
    ("b: True", {"b": True}),
    ("2011: a\n'2012': b", {"2011": "a", "2012": "b"}),
    ("s: !!str 12", {"s": "12"}),
    ("f: !!float 3", {"f": 3.0}),
    ("a: &x {k: [1, 2]}\nb: *x", {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}}),
    ("&k key: 1\nother: *k", {"key": 1, "other": "key"}),
    ("a: &v 2011\n*v : x", {"a": 2011, "2011": "x"}),
    ("name: Tra\u0300 Vinh", {"name": "Trà Vinh"}),  # NFC
])
def test_yaml_1_2_scalars_as_lint_reads_them(text, expected):
    data, error = load_plain(text.encode(), "plan.yaml")
    assert error is None and data == expected and repr(data) == repr(expected)
    assert_same(text.encode())


HOSTILE = {
    "empty": b"",
    "comment only": b"# nothing\n",
    "invalid": b"a: [unclosed\n",
    "tab": b"a:\n\t- 1\n",
    "duplicate key": b"a: 1\nb: 2\na: 3\n",
    "number key and its quoted twin": b"2011: 1\n'2011': 2\n",
    "not UTF-8": b"a: \xff\xfe\n",
    "broken UTF-16": "\ufeffa: b".encode("utf-16-le")[:-1],
    "UTF-8 BOM": b"\xef\xbb\xbfa: 1\n",
    "UTF-16 BOM": "\ufeffa: 1\n".encode("utf-16"),
    "unknown tag": b"a: !!python/object:os.system ls\n",
    "local tag": b"a: !mine 1\n",
    "tagged mapping": b"a: !!set {x: 1}\n",
    "merge key": b"a: &x {k: 1}\nb:\n  <<: *x\n",
    "list key": b"? [1, 2]\n: x\n",
    "second document": b"a: 1\n---\nb: 2\n",
    "control character": b"a: \x07\n",
    "infinity": b"a: .inf\n",
    "nan": b"a: .nan\n",
    "huge float": b"a: 1e400\n",
    "huge int": b"a: " + b"9" * 5000 + b"\n",
    "undefined alias": b"a: *nope\n",
    "recursive alias": b"a: &x [1, *x]\n",
    "alias of a list as a key": b"a: &x [1]\n*x : 2\n",
    "billion laughs": b"a: &a [1,1,1,1,1,1,1,1,1,1]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 10)}]\n".encode() for i in range(8)),
    "deep nesting": b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n",
    "deep through an alias": b"a: &x " + b"[" * 60 + b"]" * 60 + b"\nb: " + b"[" * 60 + b"*x" + b"]" * 60 + b"\n",
    "a list at the top": b"- 1\n- 2\n",
    "a scalar at the top": b"just text\n",
}


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_refused_in_the_same_words(raw):
    assert_same(raw)


def test_the_size_limit_is_the_same():
    raw = b"a: 1\n" * 100
    data, error = load_plain(raw, "big.yaml", max_bytes=100)
    assert data is None and error == load_bytes(raw, "big.yaml", max_bytes=100).error
    assert error is not None and "over the limit of 100" in error.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_generated_documents_load_the_same(data, indent):
    assert_same(as_yaml(data, indent))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40).map(b"".join))
def test_generated_yaml_like_bytes_load_the_same(raw):
    assert_same(raw)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_load_the_same(raw):
    assert_same(raw)
