"""A hostile file name and hostile plan text stay inert in every output a CI system renders.

The file name holds a line break, a double backtick, `<img src=x>`, `|`, an ESC sequence and a
right-to-left override; the plan's title holds ESC, BEL, a C1 control, U+202E and U+2028. The
Markdown (lint, the job summary, diff) must keep its table and code spans intact and carry no
HTML; workflow commands must stay one per line; JUnit must be well-formed XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from planctl import escape
from tests.workspace import CLEAN_PLAN

HOSTILE_NAME = "x\n`` <img src=x> |\x1b[31mred\u202eevil.yaml"
HOSTILE_TITLE = "Kế hoạch \x1b[2J\x07\x85 \u202eevil\u2028next"
INVISIBLE = ("\x1b", "\x07", "\x85", "\u202e", "\u2028", "\x00")
ALLOWED_HTML = {"br", "sub", "details", "summary"}


def hostile_plan() -> str:
    # An unknown key: a finding in the hostile file, so its name reaches every report.
    title = HOSTILE_TITLE.encode("unicode_escape").decode("ascii")  # YAML reads \x1b, \u202e ... back
    return CLEAN_PLAN.replace("title: Kế hoạch thử", f'title: "{title}"') + "colour: blue\n"


@pytest.fixture
def hostile(repo):
    repo.write(f"plans/thu/{HOSTILE_NAME}", hostile_plan())
    return repo


# -- a small reader of the Markdown GitHub renders ------------------------------------------

def code_span(text: str) -> tuple[str, str]:
    """(content, rest) of the code span `text` starts with, read as CommonMark reads it."""
    fence = re.match("`+", text).group()
    for m in re.finditer("`+", text[len(fence):]):
        if m.group() == fence:
            content = text[len(fence):len(fence) + m.start()]
            if len(content) > 1 and content.startswith(" ") and content.endswith(" ") and content.strip():
                content = content[1:-1]
            return content, text[len(fence) + m.end():]
    raise AssertionError(f"code span never closed: {text!r}")


def cells(row: str) -> list[str]:
    """A GFM table row's cells: split at every '|' not escaped, even inside code spans."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def assert_inert_markdown(text: str) -> None:
    for char in INVISIBLE:
        assert char not in text, repr(char)
    outside_code = re.sub(r"(`+).*?\1", "", text)
    tags = {t.lower() for t in re.findall(r"(?<!\\)</?([A-Za-z][A-Za-z0-9]*)", outside_code)}
    assert tags <= ALLOWED_HTML, tags


def assert_table_intact(text: str, expected_rows: int, columns: int) -> list[list[str]]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(cells(line))
    assert len(rows) == expected_rows
    assert all(len(r) == columns for r in rows), rows
    return rows


# -- lint --------------------------------------------------------------------------------------

def test_lint_markdown_keeps_the_table_and_the_file_name_literal(hostile):
    run = hostile.run("lint", "--format", "markdown")
    assert run.code == 1, run.stderr
    assert_inert_markdown(run.stdout)
    assert_table_intact(run.stdout, expected_rows=1, columns=4)
    # The file is named once, in bold above its table (outside a table, '|' needs no escape).
    [heading] = [line for line in run.stdout.splitlines() if line.startswith("**`")]
    content, rest = code_span(heading[2:])
    assert rest.startswith("** — 1 error")
    assert content == "plans/thu/" + escape.visible(HOSTILE_NAME)


def test_job_summary_is_inert_markdown(hostile, tmp_path):
    summary = tmp_path / "summary.md"
    run = hostile.run("lint", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 1
    text = summary.read_text(encoding="utf-8")
    assert_inert_markdown(text)
    assert_table_intact(text, expected_rows=1, columns=4)


def test_workflow_commands_stay_one_per_line(hostile):
    run = hostile.run("lint", "--format", "github")
    lines = run.stdout.splitlines()
    assert len(lines) == 4 and lines[1].startswith("::error file=plans/thu/x%0A``"), lines
    # The file's ::group:: title is command data too: its line break stays escaped.
    assert lines[0].startswith("::group::planctl: plans/thu/x%0A``") and lines[2] == "::endgroup::"
    assert lines[3].startswith("3 files checked")
    for char in INVISIBLE:
        assert char not in run.stdout
    props = lines[1].split(" ", 1)[1].split("::", 1)[0]
    assert [p.split("=", 1)[0] for p in props.split(",")] == ["file", "line", "col", "title"]


def test_junit_is_well_formed_xml(hostile):
    run = hostile.run("lint", "--format", "junit")
    root = ET.fromstring(run.stdout.encode("utf-8"))
    names = [s.get("name") for s in root.findall("testsuite")]
    assert "plans/thu/" + escape.visible(HOSTILE_NAME, keep="\n") in names


def test_text_and_sarif_show_control_characters_as_escapes(hostile):
    text = hostile.run("lint", "--format", "text").stdout
    assert len(text.splitlines()) == 3  # the finding, its hint, the summary
    sarif = hostile.run("lint", "--format", "sarif").stdout
    for char in INVISIBLE:
        assert char not in text and char not in sarif


# -- diff and log -------------------------------------------------------------------------------

def test_diff_markdown_keeps_headings_and_code_spans_intact(hostile):
    hostile.commit("hostile plan")
    hostile.edit(f"plans/thu/{HOSTILE_NAME}", lambda d: d["groups"][0]["projects"][0]["amounts"].update(nstw=1500))
    run = hostile.run("diff", "--format", "markdown")
    assert run.code == 0, run.stderr
    assert_inert_markdown(run.stdout)
    lines = run.stdout.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.startswith("#### ")]
    # The title first, its ESC shown (and its backslash escaped); then the file, as a code span.
    assert lines[at].startswith("#### Kế hoạch \\\\x1b")
    assert lines[at + 2].startswith("<sub>")
    content, rest = code_span(lines[at + 2][len("<sub>"):])
    assert content == "plans/thu/" + escape.visible(HOSTILE_NAME)
    text = hostile.run("diff").stdout
    for char in INVISIBLE:
        assert char not in text


def test_log_shows_a_hostile_commit_subject_inertly(hostile):
    hostile.commit("subject \x1b[2J with <img src=x> and `` and \u202e")
    for fmt in ("text", "markdown"):
        run = hostile.run("log", f"plans/thu/{HOSTILE_NAME}", "--format", fmt)
        assert run.code == 0, run.stderr
        for char in INVISIBLE:
            assert char not in run.stdout
        if fmt == "markdown":
            assert_inert_markdown(run.stdout)


# -- the functions themselves ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["a", "`", "``", "a``b", "` x `", "  ", "a|b", "x\ny", "```` ` ``"])
def test_a_code_span_reads_back_as_its_text(text):
    content, rest = code_span(escape.md_code(text))
    assert rest == "" and content == escape.visible(text)


def test_visible_escapes_every_invisible_character_even_inside_vietnamese_text():
    # visible() returns printable text untouched, without its regex: sound only while every
    # character the regex escapes is one that str.isprintable refuses. Checked over all of Unicode.
    invisible = re.compile(escape._INVISIBLE)
    assert not [c for c in map(chr, range(0x110000)) if invisible.match(c) and c.isprintable()]
    for char in ("\x1b", "\x85", "\u061c", "\u200f", "\u2028", "\u202e", "\u2066", "\ud800", "\uffff"):
        shown = escape.visible(f"Trung tâm dữ liệu tỉnh{char}Bến Tre")
        assert char not in shown and shown.startswith("Trung tâm dữ liệu tỉnh\\") and shown.endswith("Bến Tre")
    assert escape.visible("Trung tâm dữ liệu tỉnh Bến Tre") == "Trung tâm dữ liệu tỉnh Bến Tre"


def test_workflow_escapes_round_trip_as_the_runner_reads_them():
    def unescape(value: str) -> str:
        return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    text = "a%b:c,d\r\ne\x1b"
    assert unescape(escape.workflow_property(text)) == "a%b:c,d\r\ne\\x1b"
    assert "\n" not in escape.workflow_data(text) and ":" in escape.workflow_data(text)


def test_xml_text_is_always_well_formed():
    every = "".join(map(chr, range(0x20))) + "\x7f\x85\ufffe\uffff\u202e\ud800 <&>\""
    element = ET.Element("t", name=escape.xml_text(every))
    element.text = escape.xml_text(every)
    ET.fromstring(ET.tostring(element, encoding="unicode").encode("utf-8", "strict"))


def test_html_and_markdown_text_carry_no_markup():
    assert escape.html_text('<img src="x">&\u202e') == "&lt;img src=&quot;x&quot;&gt;&amp;\\u202e"
    assert escape.md_text("<img src=x> | *a*\n`b`") == "\\<img src=x\\> \\| \\*a\\*<br>\\`b\\`"


def test_an_error_message_naming_a_hostile_file_stays_on_one_line(repo):
    name = "notes\n::error::pwned\x1b[2J.txt"
    repo.write(name, "x\n")
    run = repo.run("lint", name)
    assert run.code == 2
    assert run.stderr.count("\n") == 1 and "\x1b" not in run.stderr
    assert run.stderr.startswith("planctl: error: notes\\n::error::pwned\\x1b[2J.txt: not a YAML file")


def test_a_file_name_that_is_not_utf8_goes_through_every_format(repo):
    import json
    import os

    name = os.fsdecode(b"plans/thu/bad\xffname.yaml")  # a lone surrogate once decoded
    repo.write(name, CLEAN_PLAN + "colour: blue\n")
    for fmt in ("text", "json", "sarif", "github", "markdown", "junit"):
        run = repo.run("lint", "--format", fmt, timeout=60)  # real stdout, as UTF-8
        assert run.code == 1, (fmt, run.stderr)
        assert "\\udcff" in run.stdout or "%FF" in run.stdout, fmt
    report = json.loads(repo.run("lint", "--format", "json", timeout=60).stdout)
    assert name in {f["file"] for f in report["findings"]}  # JSON reads back the exact name
    assert repo.run("lint", "--output", "sarif=out.sarif").code == 1
    assert "bad%FFname.yaml" in (repo.root / "out.sarif").read_text(encoding="utf-8")
