"""The findings section of `planctl diff`: what a revision adds and fixes, by fingerprint, and
only where it is wanted (on for the Markdown comment, off for text and JSON unless --findings)."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from planctl.history.findings import compare_findings
from planctl.model import Finding, Position, Severity
from planctl.resources import schema_path
from tests.history.gitrepo import GitRepo
from tests.history.test_golden import RENAMED, revision_repo


@pytest.fixture(scope="module")
def revision(tmp_path_factory) -> GitRepo:
    return revision_repo(tmp_path_factory.mktemp("findings") / "repo")


def test_markdown_has_the_section_by_default_text_and_json_only_when_asked(revision):
    markdown = revision.planctl("diff", "--format", "markdown", "main...dieu-chinh").stdout
    assert "Lint findings: 14 new, 1 fixed" in markdown
    assert "Lint findings" not in revision.planctl("diff", "--format", "markdown", "--no-findings",
                                                   "main...dieu-chinh").stdout
    assert "Lint findings" not in revision.planctl("diff", "main...dieu-chinh").stdout
    assert "Lint findings: 14 new, 1 fixed" in revision.planctl("diff", "--findings", "main...dieu-chinh").stdout
    plain = revision.planctl("diff", "--format", "json", "main...dieu-chinh").json
    assert all("findings" not in plan for plan in plain["plans"])
    document = revision.planctl("diff", "--format", "json", "--findings", "main...dieu-chinh").json
    schema = json.loads(schema_path("diff-result").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    [plan] = document["plans"]
    assert plan["path"] == RENAMED and len(plan["findings"]["new"]) == 14
    # The revision removes the market survey, a row that ended in 2011 in a plan of 10/5/2012.
    assert [f["rule"] for f in plan["findings"]["fixed"]] == ["periods.ends-before-document"]
    severities = [f["severity"] for f in plan["findings"]["new"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # errors first
    assert {f["rule"] for f in plan["findings"]["new"]} >= {"consistency.group-total", "caps.envelope-exceeded"}


def test_text_diff_does_not_load_the_rules_engine(revision):
    code = ("import sys; from planctl.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('planctl.lint') or m.startswith('durable')))")
    done = subprocess.run([sys.executable, "-c", code, "diff", "main...dieu-chinh"], cwd=revision.root,
                          capture_output=True, text=True, timeout=120, env=revision.env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("[]")


def finding(rule: str, pointer: str, message: str, line: int = 1, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule, severity, message, "p.yaml", Position(line, 1), pointer=pointer)


def test_a_finding_that_moved_to_another_index_is_neither_new_nor_fixed():
    # A target removed before these two: their pointers shift, their messages stay.
    old = [finding("alignment.unknown-reference", "/targets/3", "target 'a': no national target 'x'", 10),
           finding("alignment.unknown-reference", "/targets/4", "target 'b': no national target 'y'", 20)]
    new = [finding("alignment.unknown-reference", "/targets/2", "target 'a': no national target 'x'", 8),
           finding("alignment.unknown-reference", "/targets/3", "target 'b': no national target 'y'", 18)]
    assert compare_findings(old, new, "p.yaml") == compare_findings([], [], "p.yaml")


def test_a_finding_whose_figures_changed_in_place_is_the_same_finding():
    old = [finding("consistency.group-total", "/groups/0/stated/total", "printed 25,500, projects add up to 25,000")]
    new = [finding("consistency.group-total", "/groups/0/stated/total", "printed 25,500, projects add up to 24,000"),
           finding("identity.numbering-gap", "/groups/0/projects/3", "8 follows 6", 30, Severity.WARNING),
           finding("consistency.list-total", "/project_list/stated/total", "grand total", 90)]
    found = compare_findings(old, new, "p.yaml")
    assert [f.rule for f in found.new] == ["consistency.list-total", "identity.numbering-gap"]  # errors first
    assert found.fixed == ()
    gone = compare_findings(new, old, "p.yaml")
    assert [f.rule for f in gone.fixed] == ["consistency.list-total", "identity.numbering-gap"]
