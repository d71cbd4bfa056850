"""`planctl` as a user runs it: help, version, schemas, paths, configuration, exit codes, and
every kind of bad file reported with file, line, column and a hint — never a traceback."""

import codecs
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from planctl import __version__
from planctl.resources import schema_path
from tests.conftest import ROOT
from tests.workspace import CLEAN_PLAN, PROGRAMME, PYPROJECT, Workspace


@pytest.fixture
def ws(tmp_path):
    return Workspace(tmp_path)


# -- help, version, schemas ----------------------------------------------------------------------

def test_version(ws):
    run = ws.cli("--version")
    assert run.code == 0 and run.stdout.startswith(f"planctl {__version__} (rules engine: ")


@pytest.mark.parametrize("args,expected", [
    (["--help"], ["lint", "schema", "--version"]),
    (["lint", "--help"], ["--format", "--fail-on", "FILE:LINE:COLUMN"]),
    (["schema", "--help"], ["yaml-language-server"]),
])
def test_help(ws, args, expected):
    run = ws.cli(*args)
    assert run.code == 0
    for text in expected:
        assert text in run.stdout


def test_version_and_help_as_a_process(ws):
    version = ws.process("--version").stdout
    assert version.startswith(f"planctl {__version__} (rules engine: ") and version.endswith(")\n")
    run = ws.process("--help")
    assert run.code == 0 and "lint" in run.stdout and run.stderr == ""


@pytest.mark.parametrize("kind", ["plan", "programme", "lint-result"])
def test_schema_prints_a_valid_json_schema(ws, kind):
    run = ws.cli("schema", kind)
    assert run.code == 0
    printed = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed == json.loads(schema_path(kind).read_text(encoding="utf-8"))


def test_an_unknown_schema_is_a_usage_error(ws):
    run = ws.cli("schema", "budget")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.startswith("planctl: error: unknown schema 'budget': use one of ")
    assert "lint-result" in run.stderr and "plan" in run.stderr


# -- rules documentation -------------------------------------------------------------------------

def test_rules_list_names_every_rule_with_its_severity(ws):
    from planctl.lint.rules import catalogue

    lines = ws.cli("rules", "list").stdout.splitlines()
    listed = {line.split()[0]: line.split()[1] for line in lines}
    assert {r.id: r.severity.label for r in catalogue()}.items() <= listed.items()


def test_rules_explain_shows_the_rule_file(ws):
    run = ws.cli("rules", "explain", "consistency.group-total")
    assert run.code == 0
    assert "Applies to: sum-check" in run.stdout and "File:       consistency/group-total.yaml" in run.stdout
    assert "Example (fires at line" in run.stdout and "Example (does not fire)" in run.stdout
    unknown = ws.cli("rules", "explain", "consistency.grup-total")
    assert unknown.code == 2 and "unknown rule 'consistency.grup-total'" in unknown.stderr


def test_rules_facts_documents_what_a_rule_can_use(ws):
    """A rule author's reference: each fact kind with the fields `when:` and the message may use."""
    from planctl.lint.rules import catalogue

    out = ws.cli("rules", "facts").stdout
    kinds = {block.splitlines()[0]: block for block in out.strip().split("\n\n")}
    assert {r.fact for r in catalogue()} <= set(kinds)
    assert "  fields:  programme (text), cited_number (text), registry_number (text)" in kinds["citation-number"]
    assert "stated_text" in kinds["sum-check"]


# -- paths ---------------------------------------------------------------------------------------

def test_a_path_that_does_not_exist(ws):
    run = ws.cli("lint", "plans/nowhere.yaml")
    assert run.code == 2
    assert run.stderr == "planctl: error: plans/nowhere.yaml: no such file or directory\n"


def test_a_path_that_is_not_yaml(ws):
    ws.write("notes.txt", "a: 1\n")
    run = ws.cli("lint", "notes.txt")
    assert run.code == 2
    assert run.stderr == "planctl: error: notes.txt: not a YAML file (expected .yaml or .yml)\n"


def test_a_folder_is_searched_recursively_for_yaml(ws):
    ws.write("plans/a/one.yaml", CLEAN_PLAN)
    ws.write("plans/a/deeper/two.yml", CLEAN_PLAN.replace("id: test-plan", "id: test-plan-2"))
    ws.write("plans/a/readme.md", "not a plan")
    run = ws.cli("lint", "--format", "json", "plans")
    assert run.code == 0, run.stdout
    assert run.report["summary"]["files"] == 2


def test_without_paths_the_configured_globs_are_linted(ws):
    ws.write("pyproject.toml", PYPROJECT.replace('plans = ["plans/**/*.yaml"]', 'plans = ["mine/*.yaml"]'))
    ws.write("mine/plan.yaml", CLEAN_PLAN.replace("province: Thử\n", ""))
    ws.write("plans/ignored.yaml", "not: [valid\n")
    run = ws.cli("lint", "--format", "json")
    assert run.code == 1
    assert run.findings == [("mine/plan.yaml", "schema", 2, 1)]


def test_no_file_matching_the_globs_is_a_usage_error(ws):
    run = ws.cli("lint")
    assert run.code == 2
    assert "no plan files match plans/**/*.yaml" in run.stderr


# -- configuration -------------------------------------------------------------------------------

def test_an_unknown_setting_is_a_usage_error(ws):
    ws.write("pyproject.toml", PYPROJECT + "max_file_bytes = 10\nfail_on = 'warning'\n")
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    run = ws.cli("lint")
    assert run.code == 2 and run.stdout == ""
    assert "unknown setting(s) in [tool.planctl]: fail_on, max_file_bytes" in run.stderr
    assert "max-file-bytes" in run.stderr  # the known ones are listed


@pytest.mark.parametrize("setting,message", [
    ("max-file-bytes = -1", "max-file-bytes must be a positive integer"),
    ("fail-on = 'fatal'", 'fail-on must be one of "error", "warning", "info" (got "fatal")'),
    ("plans = 'plans/*.yaml'", 'plans must be a list of non-empty strings (got "plans/*.yaml")'),
])
def test_a_bad_setting_value_is_a_usage_error(ws, setting, message):
    ws.write("pyproject.toml", f"[tool.planctl]\n{setting}\n")
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    run = ws.cli("lint")
    assert run.code == 2 and message in run.stderr


def test_max_file_bytes_setting(ws):
    plan = ws.write("plans/plan.yaml", CLEAN_PLAN)
    size = plan.stat().st_size
    assert ws.cli("lint").code == 0  # under the default limit of 2 MiB
    ws.write("pyproject.toml", PYPROJECT + f"max-file-bytes = {size - 1}\n")
    run = ws.cli("lint", "--format", "text")
    assert run.code == 1
    assert run.stdout.splitlines()[:2] == [
        f"plans/plan.yaml:1:1: error syntax file is {size:,} bytes, over the limit of {size - 1:,}",
        "    hint: split the file, or raise max-file-bytes in [tool.planctl]",
    ]
    ws.write("pyproject.toml", PYPROJECT + f"max-file-bytes = {size}\n")
    assert ws.cli("lint").code == 0


USF_PLAN = CLEAN_PLAN.replace(
    "funding_sources: [{id: nstw, name: Ngân sách Trung ương, kind: central-budget}]",
    "funding_sources: [{id: nstw, name: Ngân sách Trung ương, kind: central-budget},"
    " {id: vtci, name: Quỹ viễn thông công ích, kind: universal-service-fund}]",
).replace("amounts: {nstw: 2000}", "amounts: {vtci: 2000}")


@pytest.mark.parametrize("pyproject,fires", [
    (None, True),                                                   # no [tool.planctl]: the shipped policy
    ('[tool.planctl]\nprogrammes = ["national/*.yaml"]\n', True),  # policies not set: the shipped policy
    (PYPROJECT, False),                                             # policies = []: none
])
def test_the_shipped_default_policy_applies_unless_policies_is_set(ws, pyproject, fires):
    """A province's own plans repository has no rules/policy/: the default policy still checks its
    plans (Quỹ VTCI at most 50% of a plan, and only for universal access and telecom infrastructure)."""
    (ws.root / "pyproject.toml").unlink()
    if pyproject is None:
        ws.write("plans/national/qd-1755-2010.yaml", PROGRAMME)
    else:
        ws.write("pyproject.toml", pyproject)
    ws.write("plans/plan.yaml", USF_PLAN)
    run = ws.cli("lint", "--format", "json", "--fail-on", "info", "plans/plan.yaml")
    assert sorted(f[1] for f in run.findings) == (["caps.policy-share", "caps.source-purpose"] if fires else [])


# -- exit codes, formats, order ------------------------------------------------------------------

WARNING_PLAN = CLEAN_PLAN.replace("{id: p2, seq: 2,", "{id: p2, seq: 3,")   # identity.numbering-gap
INFO_PLAN = CLEAN_PLAN.replace("start: 2012, end: 2013, ", "")                # periods.missing-schedule
ERROR_PLAN = CLEAN_PLAN.replace("stated: {total: 3000}", "stated: {total: 3500}")  # consistency.group-total


@pytest.mark.parametrize("plan,rule,fail_on,code", [
    (CLEAN_PLAN, None, "info", 0),
    (INFO_PLAN, "periods.missing-schedule", None, 0),
    (INFO_PLAN, "periods.missing-schedule", "warning", 0),
    (INFO_PLAN, "periods.missing-schedule", "info", 1),
    (WARNING_PLAN, "identity.numbering-gap", None, 0),
    (WARNING_PLAN, "identity.numbering-gap", "warning", 1),
    (ERROR_PLAN, "consistency.group-total", None, 1),
    (ERROR_PLAN, "consistency.group-total", "error", 1),
])
def test_exit_code_follows_fail_on(ws, plan, rule, fail_on, code):
    ws.write("plans/plan.yaml", plan)
    run = ws.cli("lint", "--format", "json", *(["--fail-on", fail_on] if fail_on else []))
    assert run.code == code
    assert [f[1] for f in run.findings] == ([rule] if rule else [])


def test_fail_on_from_the_settings(ws):
    ws.write("plans/plan.yaml", WARNING_PLAN)
    ws.write("pyproject.toml", PYPROJECT + 'fail-on = "warning"\n')
    assert ws.cli("lint").code == 1
    assert ws.cli("lint", "--fail-on", "error").code == 0  # the option wins


def test_an_unknown_fail_on_is_a_usage_error(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    run = ws.cli("lint", "--fail-on", "fatal")
    assert run.code == 2 and run.stdout == ""
    # A click choice (completed by the shell): click's usage message.
    assert run.stderr.endswith("Error: Invalid value for '--fail-on': 'fatal' is not one of 'error', 'warning', 'info'.\n")


def test_json_output_is_valid_against_its_schema(ws):
    ws.write("plans/a.yaml", ERROR_PLAN)
    ws.write("plans/b.yaml", "a: [1\n")
    run = ws.cli("lint", "--format", "json")
    schema = json.loads(schema_path("lint-result").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(run.report)
    assert run.report["summary"]["files"] == 2 and run.report["summary"]["error"] == 2


def test_findings_are_sorted_by_file_line_column_rule_and_repeatable(ws):
    ws.write("plans/b.yaml", ERROR_PLAN.replace("province: Thử\n", "").replace("kind: plan\n", "kind: plan\nbogus: 1\n"))
    ws.write("plans/a.yaml", WARNING_PLAN.replace("stated: {total: 3000}", "stated: {total: 3001}"))
    first = ws.cli("lint", "--format", "json")
    keys = [(f, line, col, rule) for f, rule, line, col in first.findings]
    assert len(keys) >= 4 and keys == sorted(keys)
    assert {f for f, *_ in keys} == {"plans/a.yaml", "plans/b.yaml"}
    assert ws.cli("lint", "--format", "json").stdout == first.stdout


def test_text_format_names_file_line_column_and_hint(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("unit: million VND", "unit: triệu đồng"))
    run = ws.cli("lint", "--format", "text")
    assert run.code == 1
    assert run.stdout == (
        "plans/plan.yaml:10:7: error schema \"triệu đồng\" is not one of the allowed values: \"VND\", \"thousand VND\", "
        "\"million VND\", \"billion VND\"\n"
        "    hint: write one of the values listed, as written\n"
        "1 file checked: 1 error, 0 warnings, 0 info\n")


# -- inline suppression --------------------------------------------------------------------------

def test_inline_disable_suppresses_a_schema_finding_on_its_line(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("unit: million VND", "unit: triệu đồng"))
    run = ws.cli("lint", "--format", "json")
    assert (run.code, run.findings) == (1, [("plans/plan.yaml", "schema", 10, 7)])

    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("unit: million VND", "unit: triệu đồng  # planctl: disable=schema"))
    run = ws.cli("lint", "--format", "json")
    assert (run.code, run.findings) == (0, [])
    assert run.report["summary"]["suppressed"] == 1
    assert "1 suppressed" in ws.cli("lint", "--format", "text").stdout.splitlines()[-1]


def test_inline_disable_of_another_rule_or_line_does_not_suppress(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("unit: million VND", "unit: triệu đồng  # planctl: disable=data.money-as-float")
             .replace("period: {start: 2011, end: 2015}", "period: {start: 2011, end: 2015}  # planctl: disable=schema"))
    run = ws.cli("lint", "--format", "json")
    assert run.findings == [("plans/plan.yaml", "schema", 10, 7)]
    assert run.report["summary"]["suppressed"] == 0


# -- bad files, in one real process --------------------------------------------------------------

def bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def with_bom(bom: bytes, codec: str) -> bytes:
    return bom + CLEAN_PLAN.encode(codec)


BAD_FILES = {
    # file: (content, [(rule, line, column, message start)])
    "invalid.yaml": ("planctl: 1\nkind: [plan\n", [("syntax", 3, 1, "invalid YAML: ")]),
    "duplicate.yaml": (CLEAN_PLAN.replace("unit: million VND", "unit: million VND\nprovince: Khác"),
                       [("syntax", 11, 1, "duplicate key 'province' (first defined at line 6)")]),
    "tabs.yaml": (CLEAN_PLAN.replace("    seq: 1\n", "\tseq: 1\n"), [("syntax", 15, 1, "invalid YAML: ")]),
    "latin1.yaml": (CLEAN_PLAN.encode("utf-8").replace("Kế hoạch thử".encode(), "K\xe9 ho\xe1ch".encode("latin-1")),
                    [("syntax", 5, 9, "not valid UTF-8: byte 0xE9")]),
    "empty.yaml": ("", [("syntax", 1, 1, "the file is empty")]),
    "list.yaml": ("- planctl: 1\n- kind: plan\n", [("schema", 1, 1, "the top level is a list, not a mapping")]),
    "python-tag.yaml": ("planctl: 1\nkind: !!python/object/apply:os.system ['touch PWNED']\n",
                        [("syntax", 2, 7, "unknown tag '!!python/object/apply:os.system'")]),
    "custom-tag.yaml": ("planctl: !custom 1\n", [("syntax", 1, 10, "unknown tag '!custom'")]),
    "bomb.yaml": (bomb(), [("syntax", 6, 12, "the document expands to more than 200,000 nodes")]),
    "recursive.yaml": ("planctl: &a\n  kind: *a\n", [("syntax", 2, 9, "alias *a is inside the node it refers to")]),
    "money.yaml": (CLEAN_PLAN.replace("stated: {total: 3000}", "stated: {total: 439.050}"),
                   [("data.money-as-float", 18, 21, "amount 439.050 was read as a decimal number")]),
    "negative.yaml": (CLEAN_PLAN.replace("amounts: {nstw: 1000}", "amounts: {nstw: -1000}"),
                      [("data.negative-amount", 20, 81, "negative amount -1000")]),
    "big.yaml": ("# " + "x" * 2 * 1024 * 1024 + "\nplanctl: 1\n", [("syntax", 1, 1, "file is 2,097,166 bytes, over the limit of 2,097,152")]),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    ws = Workspace(tmp_path_factory.mktemp("bad"))
    for name, (content, _expected) in BAD_FILES.items():
        ws.write(f"plans/{name}", content)
    ws.write("plans/utf8-bom.yaml", with_bom(codecs.BOM_UTF8, "utf-8"))
    ws.write("plans/utf16-bom.yaml", with_bom(codecs.BOM_UTF16_LE, "utf-16-le"))
    return ws, ws.process("lint", "--format", "json")


def test_bad_files_exit_1_without_a_traceback(bad_run):
    ws, run = bad_run
    assert run.code == 1, run.stderr
    assert run.stderr == ""
    assert not (ws.root / "PWNED").exists()
    assert run.report["summary"]["files"] == len(BAD_FILES) + 2


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_is_located_with_a_hint(bad_run, name):
    _ws, run = bad_run
    expected = BAD_FILES[name][1]
    got = [f for f in run.report["findings"] if f["file"] == f"plans/{name}"]
    assert [(f["rule"], f["line"], f["column"]) for f in got] == [e[:3] for e in expected]
    for finding, (*_where, message) in zip(got, expected):
        assert finding["message"].startswith(message)
        assert finding["hint"]


def test_the_vietnamese_money_hint_gives_the_probable_integer(bad_run):
    _ws, run = bad_run
    [money] = [f for f in run.report["findings"] if f["file"] == "plans/money.yaml"]
    assert money["hint"] == "if 439.050 uses '.' as a thousands separator, write 439050"


def test_files_with_a_byte_order_mark_load(bad_run):
    _ws, run = bad_run
    files = {f["file"] for f in run.report["findings"]}
    assert "plans/utf8-bom.yaml" not in files and "plans/utf16-bom.yaml" not in files


def test_a_directory_named_like_yaml_a_fifo_and_a_symlink_loop_do_not_hang(ws):
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    (ws.root / "plans" / "folder.yaml").mkdir()
    (ws.root / "plans" / "folder.yaml" / "up").symlink_to("../..")
    if hasattr(os, "mkfifo"):
        os.mkfifo(ws.root / "plans" / "pipe.yaml")
    run = ws.process("lint", "--format", "json", "plans", timeout=30)
    assert run.code == 0 and run.report["summary"]["files"] == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_given_by_name_is_a_usage_error(ws):
    os.mkfifo(ws.root / "pipe.yaml")
    run = ws.process("lint", "pipe.yaml", timeout=30)
    assert run.code == 2
    assert run.stderr == "planctl: error: pipe.yaml: not a regular file or folder\n"


def test_no_traceback_on_a_bad_file_given_by_name(ws):
    ws.write("plans/bad.yaml", b"\xff\xfe\x00\xd8")
    run = ws.process("lint", "plans/bad.yaml", "--format", "text")
    assert run.code == 1 and "Traceback" not in run.stderr + run.stdout
    assert run.stdout.startswith("plans/bad.yaml:1:1: error syntax not valid UTF-16-LE")


def test_lint_does_not_import_git_or_the_rules_engine_for_a_broken_file(ws):
    ws.write("plans/bad.yaml", "a: [\n")
    code = ("import sys; from planctl.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('git', 'durable', 'durable_rules_engine') if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, "lint", "plans/bad.yaml"], cwd=ws.root,
                          capture_output=True, text=True, timeout=60)
    assert done.stderr.strip() == "[]"


def test_without_configuration_the_defaults_start_at_the_repository_root(tmp_path):
    """Linting one plan from its own folder still finds plans/national/ at the top of the repository."""
    ws = Workspace(tmp_path, pyproject="")
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / ".git").mkdir()  # the top of a repository, as git marks it
    ws.write("plans/national/qd-1755-2010.yaml", PROGRAMME)
    ws.write("plans/thu/plan.yaml", CLEAN_PLAN)
    ws.root = tmp_path / "plans" / "thu"
    run = ws.cli("lint", "--format", "json", "plan.yaml")
    assert run.code == 0 and run.findings == []
    ws.root = tmp_path
    assert ws.cli("lint", "--format", "json").report["summary"]["files"] == 2  # plans/**/*.yaml from the top


@pytest.mark.parametrize("code_page", ["cp1252", "cp1258"])
def test_output_is_utf8_whatever_the_code_page_of_a_redirected_stream(code_page):
    """Windows gives a redirected or piped stdout its ANSI code page (cp1258 on a Vietnamese
    system): `planctl lint > report.txt` and a CI log died on the first Vietnamese letter or '→'."""
    env = {**{k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}, "PYTHONIOENCODING": code_page}

    def planctl(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "planctl", "--lang", "vi", *args], cwd=ROOT, env=env,
                              capture_output=True, timeout=120)

    lint = planctl("lint", "--format", "text", "plans/")
    assert lint.returncode == 1, lint.stderr
    assert lint.stdout.decode("utf-8").splitlines()[-1].startswith("đã kiểm tra 7 tệp: ")
    diff = planctl("diff", "HEAD", "HEAD")
    assert diff.returncode == 0 and diff.stdout.decode("utf-8").startswith("planctl diff HEAD → HEAD\n")
    missing = planctl("lint", "no-such-plan.yaml")
    assert missing.returncode == 2
    assert missing.stderr.decode("utf-8") == "planctl: lỗi: no-such-plan.yaml: không có tệp hoặc thư mục này\n"
