"""No English left in Vietnamese output (issue 15): schema findings, YAML syntax errors, a bad
[tool.planctl], git errors, command-line usage errors, the fact kinds of `planctl rules`, a dead
lint worker. Each case runs in Vietnamese, asserts the Vietnamese text and the absence of the
English one (the message as English prints it, and every English fragment of the catalog)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from planctl import i18n
from planctl.document import load_bytes
from planctl.lint.facts import FACT_KINDS
from tests.i18n.test_i18n import _english_fragments, read_po
from tests.workspace import CLEAN_PLAN, Workspace


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def no_english(text: str, *english: str) -> None:
    """Neither the given English texts nor any English fragment of the catalog is in `text`. What
    the user wrote or types is quoted ("million VND", 'plan') or a command (planctl rules list):
    those are values, not English, and are left out of the fragment check."""
    for phrase in english:
        assert phrase not in text, (phrase, text)
    words = re.sub(r""""[^"\n]*"|'[^'\n]*'|`[^`\n]*`|planctl [a-z]+( [a-z]+)?""", "", text)
    leaked = sorted(fragment for fragment in _english_fragments() if fragment in words)
    assert not leaked, (leaked, text)


# -- JSON Schema findings ------------------------------------------------------------------------

BROKEN = (CLEAN_PLAN.replace("planctl: 1", "planctl: 2").replace("id: test-plan", "id: Test Plan")
          .replace('date: "2011-01-01"', 'date: "15/6/2011"').replace("end: 2015}", "end: '2015'}")
          .replace("unit: million VND", "unit: triệu đồng").replace("title: Kế hoạch thử", "title: ''")
          .replace("implements: [qd-1755-2010]", "implements: []").replace("    seq: 1\n", "    seq: 1\n    sequ: 1\n"))


def test_schema_findings_read_in_vietnamese_and_name_what_is_wrong(ws):
    ws.write("plans/plan.yaml", BROKEN)
    vi = ws.cli("--lang", "vi", "lint", "--format", "text", "plans/plan.yaml")
    en = ws.cli("--lang", "en", "lint", "--format", "text", "plans/plan.yaml")
    assert vi.code == en.code == 1
    for expected in ('2 không đúng: phải là 1', "gợi ý: ghi 1",
                     "\"Test Plan\" không phải là một mã (id): chữ thường không dấu, chữ số, '.', '_' hoặc '-'",
                     "gợi ý: ghi một mã (id): chữ thường không dấu, chữ số, '.', '_' hoặc '-', ví dụ cntt-01",
                     '"15/6/2011" không phải là một ngày theo dạng YYYY-MM-DD',
                     "gợi ý: ghi một ngày theo dạng YYYY-MM-DD, ví dụ 2010-09-22",
                     '"2015" không phải là một số nguyên', "gợi ý: ghi một số nguyên ở đây",
                     '"triệu đồng" không thuộc các giá trị được dùng: "VND", "thousand VND", "million VND", "billion VND"',
                     "chưa ghi nội dung (chuỗi rỗng)", "danh sách rỗng", "khóa lạ 'sequ'"):
        assert expected in vi.stdout, (expected, vi.stdout)
    no_english(vi.stdout, "is not of type", "is not one of", "does not have the expected form", "must be 1",
               "Lower-case ASCII identifier", "A date as printed", "hint:")
    # the same findings in both languages: only the words differ
    assert [line.split(" schema ")[0] for line in vi.stdout.splitlines() if " schema " in line] == \
        [line.split(" schema ")[0] for line in en.stdout.splitlines() if " schema " in line]
    assert '"Test Plan" is not an id' in en.stdout and "write a date in the form YYYY-MM-DD" in en.stdout


def test_an_enum_hint_suggests_the_value_meant():
    i18n.set_language("vi")
    from planctl.lint.pipeline import schema_findings

    doc = load_bytes(CLEAN_PLAN.replace("kind: central-budget", "kind: central-budgt").encode(), "plans/p.yaml")
    [finding] = schema_findings(doc)
    assert finding.pointer == "/funding_sources/0/kind"
    assert finding.hint == 'có phải định ghi "central-budget"?'


# -- YAML syntax errors ------------------------------------------------------------------------

SYNTAX = {
    "a tab": ("planctl: 1\nkind: plan\ndocument:\n\ttype: decision\n", (4, 1),
              "YAML không hợp lệ: có ký tự tab; YAML chỉ thụt lề bằng dấu cách",
              "thụt lề bằng dấu cách: YAML không cho phép thụt lề bằng ký tự tab"),
    "a missing colon": ("planctl: 1\nkind plan\nid: x\n", (3, 1),
                        "YAML không hợp lệ: khóa ở dòng 2 thiếu dấu ':' phía sau",
                        "ghi 'khóa: giá trị', có dấu ':' và một dấu cách sau khóa"),
    "an unclosed quote": ('planctl: 1\ntitle: "Kế hoạch\nid: x\n', (4, 1),
                          "YAML không hợp lệ: dấu nháy mở ở dòng 2 không được đóng lại",
                          "đóng đoạn trong nháy bằng đúng loại dấu nháy đã mở (\" hoặc ')"),
    "an unclosed bracket": ("planctl: 1\nimplements: [a, b\nid: x\n", (3, 3),
                            "YAML không hợp lệ: danh sách mở ở dòng 2 không được đóng bằng ']'",
                            "đóng bằng ']', và ngăn cách các mục bằng ','"),
    "bad indentation": ("planctl: 1\ndocument:\n  type: decision\n number: 1\n", (4, 2),
                        "YAML không hợp lệ: khóa này thụt lề khác với các khóa phía trên",
                        "thụt lề mỗi khóa bằng số dấu cách như các khóa khác trong cùng bảng khóa"),
    "a list item without '-'": ("planctl: 1\nimplements:\n  - a\n  b: 1\n", (4, 3),
                                "YAML không hợp lệ: một dòng trong danh sách bắt đầu ở dòng 3 không mở đầu bằng '-'",
                                "mở đầu mỗi mục của danh sách bằng '- ', hoặc thụt lề dòng này vào trong mục của nó"),
    "a ':' inside a value": ("planctl: 1\ntitle: Kế hoạch: CNTT\n", (2, 16),
                             "YAML không hợp lệ: dấu ':' ở chỗ không thể bắt đầu một khóa",
                             "đặt giá trị có chứa ': ' trong dấu nháy"),
    "a duplicate key": ("planctl: 1\nid: a\nid: b\n", (3, 1), "khóa 'id' bị lặp (đã có ở dòng 2)",
                        "xóa hoặc đổi tên một trong hai khóa"),
    "a non-UTF-8 file": ("planctl: 1\nprovince: Trà Vinh\n".encode("cp1252"), (2, 13),
                         "không phải UTF-8 hợp lệ: byte 0xE0 ở vị trí 23", "lưu tệp ở mã UTF-8"),
}


@pytest.mark.parametrize("text, position, message, hint", SYNTAX.values(), ids=SYNTAX.keys())
def test_a_yaml_syntax_error_is_said_in_vietnamese_at_its_position(text, position, message, hint):
    raw = text if isinstance(text, bytes) else text.encode()
    english = load_bytes(raw, "plans/p.yaml").error
    i18n.set_language("vi")
    error = load_bytes(raw, "plans/p.yaml").error
    assert (error.line, error.column) == position == (english.line, english.column)
    assert error.message.startswith(message) and error.hint.startswith(hint), (error.message, error.hint)
    no_english(f"{error.message}\n{error.hint}", english.message, english.hint, "while scanning", "while parsing",
               "could not find", "found character")


def test_a_yaml_syntax_error_through_the_command_line(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("    seq: 1\n", "\tseq: 1\n"))
    run = ws.cli("--lang", "vi", "lint", "--format", "text", "plans/plan.yaml")
    assert run.code == 1
    assert "plans/plan.yaml:15:1: error syntax YAML không hợp lệ: có ký tự tab" in run.stdout
    no_english(run.stdout, "invalid YAML", "cannot start any token")


# -- [tool.planctl] --------------------------------------------------------------------------

def test_a_bad_tool_planctl_names_each_key_in_vietnamese(ws):
    ws.write("pyproject.toml", '[tool.planctl]\nplans = "plans/*.yaml"\nmax-file-bytes = -1\nfail_on = 1\n'
                               '[tool.planctl.rules]\n"Bad Rule" = "off"\nschema = "loud"\n')
    run = ws.cli("--lang", "vi", "lint")
    assert run.code == 2
    for expected in ("[tool.planctl] có thiết lập lạ: fail_on (các thiết lập: ",
                     "[tool.planctl] max-file-bytes phải là một số nguyên dương (đang ghi -1)",
                     '[tool.planctl] plans phải là một danh sách chuỗi ký tự không rỗng (đang ghi "plans/*.yaml")',
                     '[tool.planctl] rules: "Bad Rule" không phải là mã quy tắc',
                     '[tool.planctl] rules.schema phải là một trong "off", "error", "warning", "info" (đang ghi "loud")'):
        assert expected in run.stderr, (expected, run.stderr)
    no_english(run.stderr, "must be", "unknown setting", "got", "is not a rule id")
    assert "max-file-bytes must be a positive integer (got -1)" in ws.cli("--lang", "en", "lint").stderr


# -- git errors ------------------------------------------------------------------------------

def git(root, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root, check=True,
                   capture_output=True)


def test_git_and_revision_errors_read_in_vietnamese(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    git(ws.root, "init", "-q")
    git(ws.root, "add", ".")
    git(ws.root, "commit", "-q", "-m", "one")
    unknown = ws.cli("--lang", "vi", "diff", "nosuch..HEAD")
    assert unknown.code == 2
    assert ("không có phiên bản 'nosuch' (hãy kiểm tra chính tả; nhánh trên máy chủ được ghi là origin/TÊN và cần "
            "`git fetch` trước)") in unknown.stderr
    no_english(unknown.stderr, "unknown revision", "check the spelling")
    neither = ws.cli("--lang", "vi", "diff", "nosuch")
    assert "không có phiên bản nào tên 'nosuch', và thư mục làm việc cũng không có đường dẫn này" in neither.stderr
    no_english(neither.stderr, "not in the working tree")
    item = ws.cli("--lang", "vi", "log", "plans/plan.yaml", "--item", "p9")
    assert "không có commit nào tính từ HEAD thay đổi dự án 'p9' trong plans/plan.yaml" in item.stderr
    no_english(item.stderr, "no commit reachable")


def test_a_failed_git_command_quotes_git_as_such():
    from planctl.history.revisions import Repository

    i18n.set_language("vi")
    with Repository(Path(__file__).parent) as repo:
        with pytest.raises(Exception) as raised:
            repo._run("cat-file", "-p", "0" * 40)
    message = str(raised.value)
    assert message.startswith("lệnh git cat-file không thực hiện được (git báo: ") and "failed" not in message


# -- command-line usage errors ---------------------------------------------------------------

USAGE = {
    "an unknown option": (["diff", "--bogus"], "Lỗi: Không có tùy chọn --bogus", "No such option"),
    "a similar option": (["diff", "--form"], "Lỗi: Không có tùy chọn --form (các tùy chọn gần giống: --format)",
                         "Possible options"),
    "a missing argument": (["log"], "Lỗi: Thiếu đối số 'plan'.", "Missing argument"),
    "a missing command": ([], None, None),
    "an unknown command": (["lnt"], "Lỗi: Không có lệnh 'lnt'. Có phải định gõ 'lint'?", "No such command"),
    "an invalid choice": (["lint", "--format", "xml"],
                          "Lỗi: Giá trị của '--format' / '-f' không hợp lệ: 'xml' không phải là một trong 'text', "
                          "'json', 'sarif', 'github', 'markdown', 'junit'.", "Invalid value"),
    "not a number": (["log", "plans/plan.yaml", "--max-count", "x"],
                     "Lỗi: Giá trị của '--max-count' / '-n' không hợp lệ: 'x' không phải là số nguyên hợp lệ.",
                     "is not a valid"),
    "an option without its value": (["lint", "--baseline"], "Lỗi: Tùy chọn '--baseline' cần một giá trị.",
                                    "requires an argument"),
}


@pytest.mark.parametrize("args, expected, english", USAGE.values(), ids=USAGE.keys())
def test_a_usage_error_is_said_in_vietnamese(ws, args, expected, english):
    run = ws.cli("--lang", "vi", *args)
    if not args:  # no command: the help, in Vietnamese
        assert run.code in (0, 2) and "Cách dùng:" in run.stdout + run.stderr
        return
    assert run.code == 2
    assert expected in run.stderr, run.stderr
    if "Cách dùng:" in run.stderr:
        assert re.search(r"Xem 'planctl( \w+)? --help' để biết cách dùng\.", run.stderr)
    no_english(run.stderr, english, "Error:", "Usage:", "Try '")
    assert english in ws.cli("--lang", "en", *args).stderr  # English keeps click's own words


# -- planctl rules facts / explain ------------------------------------------------------------

def test_every_fact_kind_and_check_reads_in_vietnamese(ws):
    catalog = read_po()
    texts = [t for kind in FACT_KINDS.values() for t in (kind.about, *kind.checks.values())]
    missing = [t for t in texts if not catalog.get(t)]
    assert not missing, f"fact kinds without Vietnamese (add them to tools/vi_catalog.py FACTS): {missing}"
    shown = ws.cli("--lang", "vi", "rules", "facts").stdout
    assert "trường:" in shown and "Trong quy tắc, tiền ghi theo triệu đồng" in shown
    no_english(shown, *texts, "fields:", "(in messages only)", "Money is written")


def test_a_dead_lint_worker_is_reported_in_vietnamese(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from planctl import parallel
    from planctl.errors import InternalError
    from planctl.lint import runner

    class Dies:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            raise BrokenProcessPool("gone")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Dies)
    i18n.set_language("vi")
    with pytest.raises(InternalError) as raised:
        parallel.run_batches(print, [(1,)], 2, runner._worker_died)
    assert str(raised.value).startswith("một tiến trình kiểm tra (lint) đã dừng đột ngột")
    no_english(str(raised.value), "worker process died")


# -- one wording of a target ------------------------------------------------------------------

def test_a_target_reads_the_same_in_lint_and_in_diff_with_the_readers_numbers():
    from planctl.history.text import target_state
    from planctl.plan.targets import target_text

    target = {"comparator": ">=", "value": 12.5, "unit": "%", "year": 2015}
    assert target_state(target) == target_text(target) == "≥ 12.5% in 2015"
    i18n.set_language("vi")
    assert target_state(target) == target_text(target) == "≥ 12,5% năm 2015"
    assert target_text({"comparator": "range", "value": 20000, "value_max": 30000.5, "unit": "máy"}) == \
        "20.000–30.000,5 máy"


def test_diff_says_in_vietnamese_why_a_plan_cannot_be_compared_or_read_in_full(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    git(ws.root, "init", "-q")
    git(ws.root, "add", ".")
    git(ws.root, "commit", "-q", "-m", "one")
    ws.write("plans/broken.yaml", "planctl: 1\nkind plan\n")
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("unit: million VND", "unit: triệu")
             .replace("stated: {total: 3000}", "stated: {total: x}"))
    run = ws.cli("--lang", "vi", "diff")
    assert run.code == 0, run.stderr
    assert ("lỗi: plans/broken.yaml (thư mục làm việc) không đọc được: dòng 3, cột 1: YAML không hợp lệ: khóa ở "
            "dòng 2 thiếu dấu ':' phía sau") in run.stdout
    assert "lưu ý: đơn vị lạ 'triệu': số tiền được đọc theo triệu đồng" in run.stdout
    assert "lưu ý: số cộng nhóm g1 (ghi trong văn bản) không phải là số ('x'); bỏ qua" in run.stdout
    no_english(run.stdout, "does not parse", "unknown unit", "is not a number", "left out")


def test_the_shallow_clone_and_fsck_advice_and_the_log_note_read_in_vietnamese():
    from planctl.history.lang import _ as history_
    from planctl.history.log import SHALLOW_NOTE, LogResult
    from planctl.history.revisions import FSCK_HINT, SHALLOW_HINT, Revision
    from planctl.history.summary_rows import log_notes

    result = LogResult("plans/plan.yaml", Revision("HEAD", "0" * 40), "", None, (), (SHALLOW_NOTE,))
    assert log_notes(result) == [SHALLOW_NOTE]  # English: the note as the JSON result has it
    i18n.set_language("vi")
    assert history_(SHALLOW_HINT).startswith("kho là một bản sao nông (shallow clone)")
    assert history_(FSCK_HINT).startswith("`git fsck` liệt kê các chỗ hỏng")
    [note] = log_notes(result)
    assert note.startswith("lịch sử có thể bị thiếu: kho là một bản sao nông")
    no_english(note, "cut short", "shallow clone:")


@pytest.mark.parametrize("toml, expected", [
    ('[tool.planctl]\nlang = vi\n', 'giá trị mà TOML không đọc được (chuỗi ký tự phải đặt trong dấu nháy: lang = "vi") '
                                    '(dòng 2, cột 8)'),
    ('[tool.planctl]\nplans = ["plans/*.yaml"\n', "danh sách mở bằng '[' nhưng không đóng bằng ']' (ở cuối tệp)"),
    ('[tool.planctl]\nlang "vi"\n', "khóa thiếu dấu '=' phía sau (dòng 2, cột 6)"),
])
def test_a_pyproject_toml_that_toml_cannot_read_is_said_in_vietnamese(ws, toml, expected):
    ws.write("pyproject.toml", toml)
    run = ws.cli("--lang", "vi", "lint")
    assert run.code == 2 and "không đọc được [tool.planctl]: " + expected in run.stderr, run.stderr
    no_english(run.stderr, "Invalid value", "Unclosed array", "Expected", "at line", "cannot read")
