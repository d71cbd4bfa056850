"""The located YAML loader on real files: every bad input is a located finding with a hint,
never an exception, never a hang, never a constructed object."""

import codecs
import os
import subprocess
import sys
import textwrap

import pytest

from planctl.document import MAX_DEPTH, MAX_NODES, load, load_bytes, load_data
from planctl.model import Position
from planctl.paths import read_regular


def write(tmp_path, text: str | bytes, name: str = "plan.yaml"):
    path = tmp_path / name
    if isinstance(text, str):
        text = textwrap.dedent(text).encode("utf-8")
    path.write_bytes(text)
    return path


def error_of(tmp_path, text: str | bytes):
    doc = load(write(tmp_path, text))
    assert not doc.ok and doc.data is None
    e = doc.error
    assert e.rule == "syntax" and e.file.endswith("plan.yaml") and e.hint
    return e


# -- what loads --------------------------------------------------------------------------------

def test_plain_data_with_positions_of_values_and_keys(tmp_path):
    doc = load(write(tmp_path, """\
        # yaml-language-server: $schema=../../schema/plan.schema.json
        planctl: 1
        groups:
          - id: g1
            stated: {total: 439.050}
            projects: [{id: p1, years: "2011"}]
        """))
    assert doc.ok
    assert doc.data == {"planctl": 1, "groups": [{"id": "g1", "stated": {"total": 439.05},
                                                  "projects": [{"id": "p1", "years": "2011"}]}]}
    assert doc.positions["/groups/0"] == Position(4, 5)
    assert doc.positions["/groups/0/stated/total"] == Position(5, 21)
    assert doc.positions["/groups/0/projects/0/years"] == Position(6, 32)
    assert doc.key_positions["/groups/0/stated"] == Position(5, 5)
    assert doc.float_texts == {"/groups/0/stated/total": "439.050"}


def test_locate_falls_back_to_the_nearest_ancestor(tmp_path):
    doc = load(write(tmp_path, "a:\n  b: [1, 2]\n"))
    assert doc.locate("/a/b/1") == Position(2, 10)
    assert doc.locate("/a/b/7/c") == Position(2, 6)
    assert doc.locate("/a", key=True) == Position(1, 1)


def test_yaml_1_2_scalars(tmp_path):
    doc = load(write(tmp_path, """\
        yes_is_text: yes
        off_is_text: off
        octal_1_1_is_decimal: 017
        hex: 0x1F
        date_is_text: 2010-09-22
        null_value: ~
        quoted_number: "439050"
        year_key:
          2011: 5
        """))
    assert doc.data == {"yes_is_text": "yes", "off_is_text": "off", "octal_1_1_is_decimal": 17, "hex": 31,
                        "date_is_text": "2010-09-22", "null_value": None, "quoted_number": "439050",
                        "year_key": {"2011": 5}}


def test_text_is_nfc_normalised(tmp_path):
    decomposed = "Tra\u0300 Vinh"  # 'Trà' typed with a combining grave accent
    assert load(write(tmp_path, f"province: {decomposed}\n")).data == {"province": "Trà Vinh"}


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_a_byte_order_mark_selects_the_encoding(tmp_path, bom, codec):
    doc = load(write(tmp_path, bom + "province: Trà Vinh\nperiod:\n  start: 2011\n".encode(codec)))
    assert doc.ok, doc.error
    assert doc.data == {"province": "Trà Vinh", "period": {"start": 2011}}
    assert doc.positions["/period/start"] == Position(3, 10)


def test_the_schema_comment_for_editors_changes_nothing(tmp_path):
    with_comment = load(write(tmp_path, "# yaml-language-server: $schema=../../schema/plan.schema.json\n"
                                        "planctl: 1\nkind: plan\n", "a.yaml"))
    without = load(write(tmp_path, "planctl: 1\nkind: plan\n", "b.yaml"))
    assert with_comment.ok and with_comment.data == without.data == {"planctl": 1, "kind": "plan"}
    assert with_comment.positions["/kind"] == Position(3, 7)
    assert with_comment.suppressions == {}


def test_suppression_comments_by_line(tmp_path):
    doc = load(write(tmp_path, "a: 1  # planctl: disable=schema, data.money-as-float\nb: 2\nc: 3 # planctl: disable=all\n"))
    assert doc.suppressions == {1: {"schema", "data.money-as-float"}, 3: {"all"}}


def test_an_alias_is_expanded_with_positions(tmp_path):
    doc = load(write(tmp_path, "base: &b {x: 1, y: [2.50]}\ncopy: *b\n"))
    assert doc.data == {"base": {"x": 1, "y": [2.5]}, "copy": {"x": 1, "y": [2.5]}}
    assert doc.data["copy"] is not doc.data["base"]
    assert doc.positions["/copy"] == Position(2, 7)
    assert doc.positions["/copy/y/0"] == doc.positions["/base/y/0"] == Position(1, 21)
    assert doc.float_texts["/copy/y/0"] == "2.50"


def test_load_data_raises_a_located_value_error(tmp_path):
    with pytest.raises(ValueError, match=r"plan\.yaml:2:1: duplicate key 'a'"):
        load_data(write(tmp_path, "a: 1\na: 2\n"))


# -- what does not load --------------------------------------------------------------------------

def test_invalid_yaml(tmp_path):
    e = error_of(tmp_path, "groups: [1, 2\nbudget: 3\n")
    assert (e.line, e.column) == (2, 7)
    assert e.message.startswith("invalid YAML: ")
    assert e.message == "invalid YAML: the list opened on line 1 is not closed with ']'"
    assert e.hint == "close it with ']', and separate its items with ','"


def test_duplicate_key(tmp_path):
    e = error_of(tmp_path, "budget:\n  total: 1\n  nstw: 2\n  total: 3\n")
    assert (e.line, e.column, e.message) == (4, 3, "duplicate key 'total' (first defined at line 2)")
    assert e.hint == "remove or rename one of the two keys"


def test_a_duplicate_key_after_nested_values_and_an_alias_names_the_first(tmp_path):
    # The first key's line is found by counting the nodes before it (marks are kept in order).
    text = "top:\n  a: &x {p: [1, 2], q: {r: 3}}\n  b: *x\n  c: [4]\n  b: 5\n"
    e = error_of(tmp_path, text)
    assert (e.line, e.column, e.message) == (5, 3, "duplicate key 'b' (first defined at line 3)")


def test_marks_follow_the_data_in_order(tmp_path):
    doc = load(write(tmp_path, "a: &x {p: [1, 2.50]}\nb: *x\nc:\n  - d: 3\n"))
    assert len(doc.marks) == len(doc.key_marks) == len(doc.positions) == 12
    assert [(p, doc.positions[p].line, doc.positions[p].column) for p in ("/b/p/1", "/c/0", "/c/0/d")] == [
        ("/b/p/1", 1, 15), ("/c/0", 4, 5), ("/c/0/d", 4, 8)]
    assert "/c/0" not in doc.key_positions and doc.key_positions["/c/0/d"].column == 5
    assert doc.float_texts == {"/a/p/1": "2.50", "/b/p/1": "2.50"}


def test_a_number_key_and_its_quoted_twin_are_duplicates(tmp_path):
    e = error_of(tmp_path, "years:\n  2011: 1\n  '2011': 2\n")
    assert (e.line, e.message) == (3, "duplicate key '2011' (first defined at line 2)")


@pytest.mark.parametrize("text,where", [
    ("budget:\n\ttotal: 1\n", (2, 1)),           # a tab where the indentation starts
    ("budget:\n  total: 1\n\tnstw: 2\n", (3, 1)),  # a tab inside an indented block
])
def test_tab_indentation(tmp_path, text, where):
    e = error_of(tmp_path, text)
    assert (e.line, e.column) == where
    assert e.hint == "indent with spaces: YAML does not allow tab characters for indentation"


def test_bytes_that_are_not_utf8(tmp_path):
    e = error_of(tmp_path, b"province: Tra Vinh\nissuer: UBND t\xecnh\n")  # windows-1258 'ì'
    assert (e.line, e.column) == (2, 15)
    assert e.message == "not valid UTF-8: byte 0xEC at offset 33"
    assert "UTF-8" in e.hint


def test_a_broken_utf16_file_names_its_encoding(tmp_path):
    e = error_of(tmp_path, codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le") + b"\x00\xd8")
    assert e.message.startswith("not valid UTF-16-LE: ")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "---\n...\n"])
def test_an_empty_file(tmp_path, text):
    e = error_of(tmp_path, text)
    assert (e.line, e.column, e.message) == (1, 1, "the file is empty")
    assert "planctl: 1" in e.hint


def test_a_list_at_the_top_loads_for_the_schema_to_report(tmp_path):
    assert load(write(tmp_path, "- a\n- b\n")).data == ["a", "b"]


def test_a_second_document(tmp_path):
    e = error_of(tmp_path, "a: 1\n---\nb: 2\n")
    assert (e.line, e.column) == (2, 1)
    assert "second document" in e.message


def test_a_control_character(tmp_path):
    e = error_of(tmp_path, "a: x\nb: y\x07\n")
    assert (e.line, e.column) == (2, 5)
    assert e.hint == "remove the control character"


@pytest.mark.parametrize("text,where,tag", [
    ("a: 1\nb: !!python/object/apply:os.system ['echo']\n", (2, 4), "!!python/object/apply:os.system"),
    ("a: !custom 1\n", (1, 4), "!custom"),
    ("a: !custom {b: 1}\n", (1, 4), "!custom"),
    ("a: !custom [1]\n", (1, 4), "!custom"),
    ("!!python/name:os.system : 1\n", (1, 1), "!!python/name:os.system"),
    ("a: !!binary aGVsbG8=\n", (1, 4), "!!binary"),
    ("a: !!set {x: null}\n", (1, 4), "!!set"),
    ("%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n", (3, 4), "tag:example.com,2000:thing"),
])
def test_unknown_tags_are_reported(tmp_path, text, where, tag):
    e = error_of(tmp_path, text)
    assert (e.line, e.column) == where
    assert e.message == f"unknown tag {tag!r}"
    assert e.hint == "planctl never constructs tagged objects; remove the tag"


def test_a_tag_that_would_run_a_command_never_runs_it(tmp_path):
    marker = tmp_path / "pwned"
    for tag in ("!!python/object/apply:os.system", "!!python/object/apply:subprocess.call"):
        arg = f"touch {marker}" if tag.endswith("system") else ["touch", str(marker)]
        text = f"a: {tag} [{arg!r}]\n".replace("'", '"')
        e = error_of(tmp_path, text)
        assert e.message.startswith("unknown tag")
    assert not marker.exists()


def test_core_tags_are_honoured(tmp_path):
    doc = load(write(tmp_path, "a: !!str 2011\nb: !!int '7'\nc: !!float '1.5'\nd: ! 12\n"))
    assert doc.data == {"a": "2011", "b": 7, "c": 1.5, "d": "12"}


@pytest.mark.parametrize("text,message", [
    ("a: !!float abc\n", "'abc' is not a valid number"),
    ("a: !!float 0x10\n", "'0x10' is not a valid number"),
    ("a: !!int 1.5\n", "'1.5' is not a valid integer"),
    ("a: .inf\n", "'.inf' is not a usable number"),
    ("a: -.inf\n", "'-.inf' is not a usable number"),
    ("a: .nan\n", "'.nan' is not a usable number"),
    ("a: 1e400\n", "'1e400' is not a usable number"),
    ("a: " + "1" * 5000 + "\n", "'1111111111111111111111111111111111111...' is not a valid integer"),
])
def test_numbers_that_cannot_be_used(tmp_path, text, message):
    e = error_of(tmp_path, text)
    assert (e.line, e.column, e.message) == (1, 4, message)


def test_merge_keys(tmp_path):
    e = error_of(tmp_path, "base: &b {x: 1}\ncopy:\n  <<: *b\n")
    assert (e.line, e.column, e.message) == (3, 3, "merge keys (<<) are not supported")


def test_a_list_as_a_key(tmp_path):
    e = error_of(tmp_path, "? [a, b]\n: 1\n")
    assert (e.line, e.column) == (1, 3)
    assert e.message == "a mapping key must be a plain value, not a list or mapping"


def test_billion_laughs_is_rejected_at_the_alias_that_goes_over(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    e = error_of(tmp_path, "\n".join(lines) + "\n")  # 9**9 = 387,420,489 strings when expanded
    assert e.message.startswith(f"the document expands to more than {MAX_NODES:,} nodes")
    assert e.line == 6  # inside f, the first level whose expansion is over the limit
    assert "aliases" in e.hint


@pytest.mark.parametrize("text,where", [
    ("a: &a\n  b: *a\n", (2, 6)),
    ("&a [1, *a]\n", (1, 8)),
])
def test_a_recursive_alias(tmp_path, text, where):
    e = error_of(tmp_path, text)
    assert (e.line, e.column) == where
    assert e.message.endswith("(a recursive alias)")


def test_an_undefined_alias(tmp_path):
    e = error_of(tmp_path, "a: 1\nb: *nowhere\n")
    assert (e.line, e.column, e.message) == (2, 4, "alias *nowhere has no anchor &nowhere before it")


def test_deep_nesting(tmp_path):
    e = error_of(tmp_path, "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert e.message == f"nesting deeper than {MAX_DEPTH} levels"
    assert (e.line, e.column) == (1, MAX_DEPTH + 4)


def test_deep_nesting_through_an_alias(tmp_path):
    deep = "[" * 60 + "]" * 60
    e = error_of(tmp_path, f"a: &d {deep}\nb: {'[' * 50}*d{']' * 50}\n")
    assert e.message.startswith(f"nesting deeper than {MAX_DEPTH} levels (through alias *d)")


def test_a_million_nested_brackets_do_not_crash_the_interpreter(tmp_path):
    # In its own process: libyaml's C composer used to recurse until the process died (SIGSEGV).
    path = write(tmp_path, b"a: " + b"[" * 1_000_000 + b"]" * 1_000_000 + b"\n")
    code = f"from planctl.document import load; from pathlib import Path; print(load(Path({str(path)!r})).error.message)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"nesting deeper than {MAX_DEPTH} levels"


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path, "".join(f"k{i:02d}: 1\n" for i in range(50)))
    doc = load(path, max_bytes=100)
    assert doc.error.message == "file is 350 bytes, over the limit of 100"
    assert doc.error.hint == "split the file, or raise max-file-bytes in [tool.planctl]"
    assert load_bytes(path.read_bytes(), "x.yaml", max_bytes=100).error.message == doc.error.message
    assert load(path, max_bytes=350).ok


def test_an_unreadable_path_is_a_finding(tmp_path):
    doc = load(tmp_path / "missing.yaml")
    assert doc.error.message.startswith("cannot read file: ")


def test_a_file_is_read_as_the_bytes_git_holds_on_windows_too(tmp_path, monkeypatch):
    """Windows opens a file in text mode unless asked for O_BINARY: CRLF would become LF and a
    Ctrl-Z byte would end the file."""
    raw = b"id: a\r\nnotes: \x1a\r\nend: 1\r\n"
    (tmp_path / "plan.yaml").write_bytes(raw)
    binary, flags, real_open = 0x8000, [], os.open
    monkeypatch.setattr(os, "O_BINARY", binary, raising=False)  # as on Windows

    def windows_open(path, mode, *args):
        flags.append(mode)
        return real_open(path, mode & ~binary, *args)

    monkeypatch.setattr(os, "open", windows_open)
    assert read_regular(tmp_path / "plan.yaml", 1024) == raw
    assert flags and flags[0] & binary


@pytest.mark.parametrize("raw", [b"1.0: a\n", b"99999999999999999999: a\n", b"a: 1\n2.0: b\n"])
def test_a_number_written_as_a_key_leaves_the_data_plain(raw, monkeypatch):
    # A key is text; plain_json (lint/fastschema.py) was False the first time a process met such a
    # key and True afterwards, when the key came from the builder's memo of plain keys.
    from planctl import yamlbuild

    monkeypatch.setattr(yamlbuild, "_PLAIN_KEYS", {})
    first, again = load_bytes(raw, "k.yaml"), load_bytes(raw, "k.yaml")
    assert first.ok and all(type(key) is str for key in first.data)
    assert first.plain_json is again.plain_json is True
