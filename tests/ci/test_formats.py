"""Every output format, produced from real findings on real plans and read back.

The JSON report of the same run is the reference: each format, parsed with an independent
reader (the SARIF schema, a workflow-command parser, xml.etree, a Markdown table reader), must
give back exactly its findings.
"""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from planctl import __version__
from planctl.config import load_config
from planctl.lint.markdown import markdown
from planctl.lint.runner import lint as run_lint
from tests.ci.conftest import lint, working_directory
from tests.conftest import ROOT

SARIF_SCHEMA_PLACES = (ROOT.parent / "shared" / "reference" / "sarif-schema-2.1.0.json",
                       Path("/work/shared/reference/sarif-schema-2.1.0.json"))
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


# The runs here are at the repository root, so a finding's `file` is also its repository path.


def expected_message(finding: dict, joiner: str) -> str:
    """The finding's text as CI formats show it: control characters other than line breaks and
    tabs (the fixture's BEL) as visible escapes."""
    text = finding["message"] + (f"{joiner}{finding['hint']}" if finding["hint"] else "")
    return CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# --- JSON -----------------------------------------------------------------------------------

def test_json_is_valid_and_carries_version_and_ruleset(reports):
    schema = json.loads((ROOT / "schema" / "lint-result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(reports.json)
    tool = reports.json["tool"]
    assert tool["version"] == __version__
    assert re.fullmatch(r"[0-9a-f]{16}", tool["ruleset"])
    summary = reports.json["summary"]
    for severity in ("error", "warning", "info"):
        assert summary[severity] == sum(f["severity"] == severity for f in reports.json["findings"])
    assert reports.json["findings"], "the plans under test have deliberate findings"


def test_stdout_defaults_to_text_and_equals_the_text_file(reports):
    assert reports.stdout == reports.files["text"]
    assert reports.stdout.splitlines()[-1].startswith(f"{reports.json['summary']['files']} files checked")


def test_text_has_one_line_per_finding_whatever_the_plan_says(reports):
    """A line break or escape sequence in a plan's text must not split a finding (problem matchers)."""
    lines = reports.files["text"].splitlines()
    findings = reports.json["findings"]
    assert len(lines) == len(findings) + sum(bool(f["hint"]) for f in findings) + 1
    finding_lines = [line for line in lines[:-1] if not line.startswith("    hint: ")]
    for line, f in zip(finding_lines, findings):
        assert line.startswith(f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} ")
    assert not any(ch < " " or "\x7f" <= ch <= "\x9f" for line in lines for ch in line)


def test_text_shows_control_characters_as_escapes(plans_repo):
    out = lint(plans_repo, "plans/demo").stdout
    assert "the split 'DN\\x07 40%,\\r\\nquỹ: 40%' adds up to 80%" in out


# --- SARIF ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    for place in SARIF_SCHEMA_PLACES:
        if place.is_file():
            return json.loads(place.read_text(encoding="utf-8"))
    pytest.skip("the official SARIF 2.1.0 schema is not in shared/reference/")


def test_sarif_validates_against_the_official_schema(reports, sarif_schema):
    document = json.loads(reports.files["sarif"])
    # The validator the schema declares in its $schema (draft-04 in the OASIS errata01 file),
    # and Draft 7, which the brief named.
    for validator_class in {jsonschema.validators.validator_for(sarif_schema), jsonschema.Draft7Validator}:
        validator_class.check_schema(sarif_schema)
        errors = sorted(validator_class(sarif_schema).iter_errors(document), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_sarif_results_are_the_findings(reports):
    run, = json.loads(reports.files["sarif"])["runs"]
    findings = reports.json["findings"]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings):
        assert result["ruleId"] == finding["rule"]
        assert rules[result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert result["message"]["text"] == expected_message(finding, ". Hint: ")
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert unquote(location["artifactLocation"]["uri"]) == finding["file"]
        assert (reports.cwd / unquote(location["artifactLocation"]["uri"])).is_file()
        assert location["region"] == {"startLine": finding["line"], "startColumn": finding["column"]}
        assert result["partialFingerprints"] == {"planctlFingerprint/v1": finding["fingerprint"]}


def test_sarif_documents_every_rule_it_uses(reports):
    run, = json.loads(reports.files["sarif"])["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "planctl" and driver["version"] == __version__
    assert driver["properties"]["ruleset"] == reports.json["tool"]["ruleset"]
    assert [r["id"] for r in driver["rules"]] == sorted({f["rule"] for f in reports.json["findings"]})
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    catalogued = [r for r in driver["rules"] if "." in r["id"] and not r["id"].startswith("waiver.")]
    assert catalogued, "policy findings come from the rule catalogue"
    for rule in catalogued:  # the rule file's text, as `planctl rules explain` shows it
        assert rule["help"]["text"].startswith(f"{rule['id']} (")
        assert "Example" in rule["help"]["text"]


def test_sarif_lists_every_checked_file(reports):
    run, = json.loads(reports.files["sarif"])["runs"]
    uris = [unquote(a["location"]["uri"]) for a in run["artifacts"]]
    assert len(uris) == reports.json["summary"]["files"]
    assert all((reports.cwd / uri).is_file() for uri in uris)


def test_sarif_uris_are_percent_encoded(plans_repo):
    run = lint(plans_repo, "--format", "sarif", "plans/trà vinh")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(run.stdout)["runs"][0]["results"]}
    assert uris == {"plans/tr%C3%A0%20vinh/broken%2Cv2%3A100%25.yaml"}


# --- GitHub workflow commands ---------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<command>\w+)(?: (?P<properties>.*?))?::(?P<message>.*)$")


def unescape(text: str) -> str:
    """The Actions runner's unescaping (actions/runner ActionCommand.cs): %25 last."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_commands(output: str) -> tuple[list[dict], list[str]]:
    commands, plain = [], []
    for line in output.split("\n")[:-1]:
        match = COMMAND.match(line)
        if not match:
            plain.append(line)
            continue
        if match["command"] in ("group", "endgroup"):  # log folding, not an annotation (tests/ci/test_new_since.py)
            continue
        properties = dict(p.split("=", 1) for p in match["properties"].split(","))
        commands.append({"command": match["command"], "message": unescape(match["message"]),
                         **{k: unescape(v) for k, v in properties.items()}})
    return commands, plain


def test_github_commands_parse_back_to_the_findings(reports):
    commands, plain = parse_commands(reports.files["github"])
    findings = reports.json["findings"]
    assert len(commands) == len(findings)
    for command, finding in zip(commands, findings):
        assert command == {
            "command": COMMANDS[finding["severity"]],
            "file": finding["file"],
            "line": str(finding["line"]),
            "col": str(finding["column"]),
            "title": f"planctl {finding['rule']}",
            "message": expected_message(finding, "\nhint: "),
        }
    # Text from a plan never starts a line of its own: the only plain line is the summary.
    assert plain == [reports.files["text"].splitlines()[-1]]


def test_github_escaping_of_hostile_text(plans_repo):
    """The fixture's split note holds %, CR, LF, ':' and ','; its folder and file name too."""
    raw = lint(plans_repo, "--format", "github").stdout
    assert "file=plans/trà vinh/broken%2Cv2%3A100%25.yaml," in raw
    assert "40%25,%0D%0Aquỹ: 40%25" in raw
    commands, _ = parse_commands(raw)
    split, = [c for c in commands if c["title"] == "planctl caps.split-total"]
    assert "'DN\\x07 40%,\r\nquỹ: 40%'" in split["message"]
    assert "plans/trà vinh/broken,v2:100%.yaml" in {c["file"] for c in commands}


def test_github_format_is_automatic_under_github_actions(plans_repo, tmp_path):
    summary = tmp_path / "step-summary.md"
    summary.write_text("## earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run = lint(plans_repo, "--output", f"markdown={tmp_path / 'report.md'}", env=env)
    assert run.exit_code == 1
    commands, _ = parse_commands(run.stdout)
    assert commands and all(c["command"] in ("error", "warning", "notice") for c in commands)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8") == "## earlier step\n" + markdown + "\n"  # appended
    lint(plans_repo, env=env)
    assert summary.read_text(encoding="utf-8").count("### planctl lint") == 2


def test_a_chosen_format_wins_over_github_actions(plans_repo, tmp_path):
    summary = tmp_path / "step-summary.md"
    run = lint(plans_repo, "--format", "text", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert not parse_commands(run.stdout)[0]
    assert not summary.exists(), "the job summary goes with the annotations"


# --- Markdown -------------------------------------------------------------------------------

CELL_SPLIT = re.compile(r"(?<!\\)\|")
UNESCAPE = re.compile(r"\\([\\`*_\[\]<>|~#])")


def markdown_rows(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| |")]
    return [[cell.strip() for cell in CELL_SPLIT.split(row)[1:-1]] for row in rows]


def plain(cell: str) -> str:
    return UNESCAPE.sub(r"\1", cell.replace("<br>", "\n")).replace("&amp;", "&")


def markdown_sections(text: str) -> list[tuple[str, list[list[str]]]]:
    """(file, rows) per file heading (**`FILE`** — counts) of a lint Markdown report."""
    sections: list[tuple[str, list[list[str]]]] = []
    for line in text.splitlines():
        if line.startswith("**`"):
            sections.append((plain(line[2:line.index("** — ")].strip("`")), []))
        elif line.startswith("| ") and not line.startswith("| |"):
            sections[-1][1].append([cell.strip() for cell in CELL_SPLIT.split(line)[1:-1]])
    return sections


SEVERITY_ORDER = {"❌": 0, "⚠️": 1, "ℹ️": 2}


def test_markdown_groups_the_findings_by_file_errors_first(reports):
    text = reports.files["markdown"]
    sections = markdown_sections(text)
    findings = reports.json["findings"]
    assert len(markdown_rows(text)) == len(findings)
    files = [file for file, _ in sections]
    assert len(files) == len(set(files)), "each file is named once"
    # Files holding errors come first; in a file, errors first, then by line.
    worst = [min(SEVERITY_ORDER[row[0]] for row in rows) for _, rows in sections]
    assert worst == sorted(worst)
    shown = []
    for file, rows in sections:
        order = [(SEVERITY_ORDER[r[0]], *map(int, r[1].split(":"))) for r in rows]
        assert order == sorted(order), file
        for row in rows:
            assert len(row) == 4, row  # a '|' in a plan's text would have split the row
            icon, position, rule, message = row
            line, column = map(int, position.split(":"))
            shown.append((file, line, column, rule.strip("`"), icon, plain(message)))
    expected = [(f["file"], f["line"], f["column"], f["rule"], {"error": "❌", "warning": "⚠️", "info": "ℹ️"}[f["severity"]],
                 expected_message(f, "\n*hint:* ").replace("\r", "")) for f in findings]
    assert sorted(shown) == sorted(expected)
    counts = reports.json["summary"]
    headline = text.splitlines()[2]
    for severity in ("error", "warning", "info"):
        assert (f"{counts[severity]} {severity}" in headline) == bool(counts[severity]), headline
    assert reports.json["tool"]["ruleset"] in text


def test_markdown_without_findings_says_so(own_plans_repo):
    run = lint(own_plans_repo, "--format", "markdown", "plans/national")
    assert run.exit_code == 0
    assert "✅ **No findings** in 1 file" in run.stdout
    assert "|" not in run.stdout


def test_markdown_stays_under_the_comment_limit(plans_repo):
    with working_directory(plans_repo):
        result = run_lint([], load_config())
    many = copy.copy(result)
    many.findings = result.findings * 500
    text = markdown(many)
    assert len(text) < 65_536  # GitHub's limit for a comment
    shown = len(markdown_rows(text))
    assert 0 < shown < len(many.findings)
    assert f"… and {len(many.findings) - shown:,} more findings not shown here" in text


# --- JUnit ----------------------------------------------------------------------------------

# XML 1.0 cannot carry the fixture's BEL even as a reference: the report shows it as \x07.

def test_junit_has_a_suite_per_file_and_a_failure_per_error(reports):
    root = ET.fromstring(reports.files["junit"].encode("utf-8"))
    findings = reports.json["findings"]
    suites = root.findall("testsuite")
    assert len(suites) == reports.json["summary"]["files"]
    assert int(root.get("failures")) == reports.json["summary"]["error"]
    assert int(root.get("tests")) == sum(len(s.findall("testcase")) for s in suites)
    by_file: dict[str, list[dict]] = {}
    for f in findings:
        by_file.setdefault(f["file"], []).append(f)
    for suite in suites:
        expected = by_file.get(suite.get("name"), [])
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(f["severity"] == "error" for f in expected)
        if not expected:
            assert [c.get("name") for c in cases] == ["no findings"] and not cases[0].findall("failure")
            continue
        assert len(cases) == len(expected)
        for case, finding in zip(cases, expected):
            assert case.get("name").startswith(f"{finding['rule']} at {finding['line']}:{finding['column']}: ")
            failure = case.find("failure")
            message = expected_message({**finding, "hint": ""}, "")
            if finding["severity"] == "error":
                assert failure.get("type") == finding["rule"]
                assert failure.get("message") == message
            else:  # XML reads a line break in text as LF
                assert failure is None
                assert re.sub("\r\n?", "\n", message) in case.find("system-out").text
    assert set(by_file) <= {s.get("name") for s in suites}


# --- Several formats in one run -------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "markdown", "junit"])
def test_a_format_alone_equals_the_same_format_among_several(plans_repo, fixture_reports, fmt):
    assert lint(plans_repo, "--format", fmt).stdout == fixture_reports.files[fmt]


def test_paths_are_relative_to_the_repository_root_from_a_subfolder(plans_repo):
    # The programme is linted too: without a pyproject.toml, the configured globs are relative
    # to the working directory.
    at_root = json.loads(lint(plans_repo, "--format", "sarif", "plans/demo", "plans/national").stdout)
    below = json.loads(lint(plans_repo / "plans", "--format", "sarif", "demo", "national").stdout)
    assert below["runs"][0]["results"] == at_root["runs"][0]["results"]
    assert below["runs"][0]["artifacts"] == at_root["runs"][0]["artifacts"]
    commands, _ = parse_commands(lint(plans_repo / "plans" / "demo", "--format", "github", ".").stdout)
    assert {c["file"] for c in commands} == {"plans/demo/plan.yaml"}
    below_json = json.loads(lint(plans_repo / "plans", "--format", "json", "demo", "national").stdout)
    assert [f["file"] for f in below_json["findings"]][0] == "demo/plan.yaml"  # text and JSON stay local
    assert [f["fingerprint"] for f in below_json["findings"]] == \
        [r["partialFingerprints"]["planctlFingerprint/v1"] for r in at_root["runs"][0]["results"]]
