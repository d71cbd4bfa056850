"""Properties of the loader over generated input: plain data survives a round trip through YAML
with a position for every node, and no byte string makes it raise."""

import json
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planctl.document import escape, load_bytes

# Text is NFC-normalised on load (a Vietnamese letter typed with combining marks equals the
# precomposed one), so generated text is NFC already.
text = st.text(max_size=20).map(lambda s: unicodedata.normalize("NFC", s))
scalars = st.one_of(
    st.none(), st.booleans(), text,
    st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
)
plain = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                      st.dictionaries(text, inner, max_size=5)), max_leaves=30)
documents = st.dictionaries(text, plain, min_size=1, max_size=6)


# YAML allows these only escaped, and libyaml (YAML 1.1) reads NEL, LS and PS as line breaks;
# JSON leaves them raw unless told to escape all non-ASCII.
NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def as_yaml(data, indent: bool) -> bytes:
    raw = json.dumps(data, indent=2 if indent else None, ensure_ascii=False)
    return NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw).encode("utf-8")


def pointers(value, pointer=""):
    yield pointer
    if isinstance(value, dict):
        for key, item in value.items():
            yield from pointers(item, f"{pointer}/{escape(key)}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from pointers(item, f"{pointer}/{i}")


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_json_loads_back_equal_with_a_position_for_every_pointer(data, indent):
    # JSON is YAML 1.2: a flow-style document the loader must read exactly.
    raw = as_yaml(data, indent)
    doc = load_bytes(raw, "generated.yaml")
    assert doc.ok, (doc.error, raw)
    assert doc.data == data
    for pointer in pointers(data):
        assert pointer in doc.positions, pointer
        position = doc.positions[pointer]
        assert position.line >= 1 and position.column >= 1
    lines = raw.count(b"\n") + 1
    assert all(p.line <= lines for p in doc.positions.values())


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(raw):
    doc = load_bytes(raw, "fuzz.yaml")
    assert doc.ok or (doc.error.rule == "syntax" and doc.error.line >= 1 and doc.error.column >= 1)
    assert doc.ok == (doc.error is None)


YAML_PIECES = [b"a", b"b", b":", b": ", b" ", b"  ", b"\n", b"- ", b"[", b"]", b"{", b"}", b",", b"&x ", b"*x",
               b"&y ", b"*y", b"!!float ", b"!!int ", b"!!str ", b"!t ", b"!!python/object:os.system ", b"'", b'"',
               b"#", b"\t", b"1", b"439.050", b"-5", b".inf", b"<<", b"---", b"...", b"? ", b"|", b">", b"%YAML 1.1",
               b"\xef\xbb\xbf", b"\xff", b"\x00", "Trà".encode()]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40).map(b"".join))
def test_yaml_like_bytes_never_raise(raw):
    doc = load_bytes(raw, "fuzz.yaml")
    assert doc.ok or (doc.error.rule == "syntax" and doc.error.message and doc.error.hint)


def fields(doc):
    return (doc.data, list(doc.marks), list(doc.key_marks), doc.float_texts, doc.suppressions, doc.plain_json,
            doc.error)


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*YAML_PIECES, b"# planctl: disable=schema\n", b"1.0", b"2_0", b"0x1F"]),
                max_size=40).map(b"".join))
@example(b"1.0:")  # found here: a float written as a key made the data unplain only the first time
def test_a_parse_from_the_cache_is_the_parse(raw):
    # planctl/parsecache.py (the suite's own cache folder, tests/conftest.py): stored, then read back.
    parsed = load_bytes(raw, "fuzz.yaml")
    load_bytes(raw, "fuzz.yaml", cached=True)
    assert fields(load_bytes(raw, "fuzz.yaml", cached=True)) == fields(parsed)
