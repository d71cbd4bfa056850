"""Exit codes in CI: --fail-on, --baseline, and the usage errors of --output and --baseline (exit 2)."""

from __future__ import annotations

import json

import pytest

from tests.ci.conftest import lint

DEMO = "plans/demo/plan.yaml"
# Edits of the demo plan that leave findings of one severity and below.
FIX_ERRORS = [("stated: {total: 5500}", "stated: {total: 5000}"), ("dn: 40, bo: 40", "dn: 60, bo: 40")]
FIX_WARNING = [("seq: 3,", "seq: 2,"), ("seq: 4\n", "seq: 3\n")]
FIX_INFO = [("name: Tập huấn, amounts:", "name: Tập huấn, start: 2011, end: 2012, amounts:")]


def edit(repo, path: str, replacements: list[tuple[str, str]]) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fixes, worst", [
    ([], "error"),
    (FIX_ERRORS, "warning"),
    (FIX_ERRORS + FIX_WARNING, "info"),
    (FIX_ERRORS + FIX_WARNING + FIX_INFO, None),
])
def test_fail_on(own_plans_repo, fixes, worst):
    edit(own_plans_repo, DEMO, fixes)
    report = json.loads(lint(own_plans_repo, "--format", "json", DEMO).stdout)
    severities = {f["severity"] for f in report["findings"]}
    assert (max(severities, key=["info", "warning", "error"].index) if severities else None) == worst
    rank = {"info": 1, "warning": 2, "error": 3, None: 0}
    for fail_on in ("error", "warning", "info"):
        expected = 1 if rank[worst] >= rank[fail_on] else 0
        assert lint(own_plans_repo, "--fail-on", fail_on, DEMO).exit_code == expected, fail_on
    assert lint(own_plans_repo, DEMO).exit_code == (1 if worst == "error" else 0)  # default: error


def test_unknown_fail_on_is_a_usage_error(plans_repo):
    run = lint(plans_repo, "--fail-on", "fatal")
    assert run.exit_code == 2 and "'fatal' is not one of 'error', 'warning', 'info'" in run.stderr


# --- --baseline -----------------------------------------------------------------------------

def save_baseline(repo, path) -> dict:
    run = lint(repo, "--output", f"json={path}")
    assert run.exit_code == 1
    return json.loads(path.read_text(encoding="utf-8"))


def test_baseline_hides_known_findings(own_plans_repo):
    # A baseline lives in the repository it describes: planctl reads nothing outside it.
    plans_repo = own_plans_repo
    saved = save_baseline(plans_repo, plans_repo / "baseline.json")
    total = len(saved["findings"])
    run = lint(plans_repo, "--baseline", str(plans_repo / "baseline.json"))
    assert run.exit_code == 0
    assert run.stdout.splitlines() == [f"3 files checked: 0 errors, 0 warnings, 0 info, {total} hidden by the baseline"]
    report = json.loads(lint(plans_repo, "--format", "json", "--baseline", str(plans_repo / "baseline.json")).stdout)
    assert report["findings"] == [] and report["summary"]["baselined"] == total
    markdown = lint(plans_repo, "--format", "markdown", "--baseline", str(plans_repo / "baseline.json")).stdout
    assert f"{total} hidden by the baseline" in markdown


def test_baseline_reports_new_findings_and_survives_line_moves(own_plans_repo):
    baseline = own_plans_repo / "baseline.json"
    saved = save_baseline(own_plans_repo, baseline)
    # Lines move (a comment block on top), and one new error appears (an unknown key).
    text = (own_plans_repo / DEMO).read_text(encoding="utf-8")
    (own_plans_repo / DEMO).write_text("# revised\n# by the province\n" + text + "colour: blue\n", encoding="utf-8")
    report = json.loads(lint(own_plans_repo, "--format", "json", "--baseline", str(baseline)).stdout)
    assert [(f["rule"], f["message"]) for f in report["findings"]] == [("schema", "unknown key 'colour'")]
    assert report["summary"]["baselined"] == len(saved["findings"]) - 4  # the schema error stops the policy rules
    assert lint(own_plans_repo, "--baseline", str(baseline)).exit_code == 1


def test_baseline_counts_each_fingerprint(own_plans_repo):
    """A finding the baseline holds once is hidden once: a duplicate of it is new."""
    baseline = own_plans_repo / "baseline.json"
    save_baseline(own_plans_repo, baseline)
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    first = saved["findings"][0]
    saved["findings"] = [first]
    baseline.write_text(json.dumps(saved), encoding="utf-8")
    report = json.loads(lint(own_plans_repo, "--format", "json", "--baseline", str(baseline)).stdout)
    assert first["fingerprint"] not in {f["fingerprint"] for f in report["findings"]}
    assert report["summary"]["baselined"] == 1


def test_baseline_and_fail_on_together(own_plans_repo):
    edit(own_plans_repo, DEMO, FIX_ERRORS)  # warning and info left
    baseline = own_plans_repo / "baseline.json"
    lint(own_plans_repo, "--output", f"json={baseline}", DEMO)
    edit(own_plans_repo, DEMO, [("stated: {total: 5000}", "stated: {total: 5100}")])  # a new error
    assert lint(own_plans_repo, "--baseline", str(baseline), DEMO).exit_code == 1
    edit(own_plans_repo, DEMO, [("stated: {total: 5100}", "stated: {total: 5000}")])
    assert lint(own_plans_repo, "--baseline", str(baseline), "--fail-on", "info", DEMO).exit_code == 0
    assert lint(own_plans_repo, "--fail-on", "info", DEMO).exit_code == 1


@pytest.mark.parametrize("content, message", [
    (None, "baseline {path}: no such file (save one with: planctl lint --format json > {path})"),
    ('{"format": "planctl-lint", "version": 1,\n  "findings": [', "{path}:2:16: baseline is not valid JSON: Expecting value"),
    (b'{"a": "\xff"}', "baseline {path}: not UTF-8 text (byte 7)"),
    ("[1, 2]", "{path}:1:1: baseline is not a planctl lint JSON result"),
    ('{"version": "2.1.0", "runs": []}', "{path}:1:1: baseline is not a planctl lint JSON result: missing required key 'format'"),
    ('{"format": "planctl-lint", "version": 1, "tool": {"name": "planctl", "version": "0.1.0"},\n'
     ' "summary": {"files": 0, "error": 0, "warning": 0, "info": 0, "suppressed": 0},\n'
     ' "findings": [{"rule": "schema"}]}', "{path}:3:15: baseline is not a planctl lint JSON result: missing required key"),
])
def test_bad_baseline_is_a_usage_error(own_plans_repo, content, message):
    plans_repo = own_plans_repo
    path = plans_repo / "baseline.json"
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    run = lint(plans_repo, "--baseline", str(path))
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("planctl: error: " + message.format(path=path)), run.stderr


def test_baseline_folder_is_a_usage_error(plans_repo):
    run = lint(plans_repo, "--baseline", str(plans_repo / "plans"))
    assert run.exit_code == 2 and "is a folder, not a JSON file" in run.stderr


# --- --output -------------------------------------------------------------------------------

@pytest.mark.parametrize("spec, message", [
    ("sarif", "--output 'sarif': expected FORMAT=PATH, e.g. --output sarif=planctl.sarif"),
    ("=x.sarif", "--output '=x.sarif': expected FORMAT=PATH"),
    ("sarif=", "--output 'sarif=': expected FORMAT=PATH"),
    ("pdf=report.pdf", "--output 'pdf=report.pdf': unknown format 'pdf': use one of text, json, sarif, github, markdown, junit"),
    ("sarif=no/such/folder/x.sarif", "--output 'sarif=no/such/folder/x.sarif': folder no/such/folder does not exist"),
    ("sarif=plans", "--output 'sarif=plans': plans is a folder; give a file name"),
])
def test_bad_output_is_a_usage_error(plans_repo, spec, message):
    run = lint(plans_repo, "--output", spec)
    assert run.exit_code == 2
    assert run.stdout == "", "a bad --output fails before any linting"
    assert run.stderr.startswith("planctl: error: " + message), run.stderr


def test_same_output_path_twice_is_a_usage_error(plans_repo, tmp_path):
    run = lint(plans_repo, "-o", f"sarif={tmp_path / 'x'}", "-o", f"json={tmp_path / 'x'}")
    assert run.exit_code == 2 and "is given twice" in run.stderr


def test_unknown_format_is_a_usage_error(plans_repo):
    run = lint(plans_repo, "--format", "html")
    # A click choice: --help lists the formats and the shell completes them.
    assert run.exit_code == 2 and "'html' is not one of 'text', 'json', 'sarif', 'github', 'markdown', 'junit'" in run.stderr


def test_unwritable_output_is_a_usage_error(plans_repo):
    # /dev/full refuses every write (ENOSPC), even for root.
    run = lint(plans_repo, "--output", "sarif=/dev/full")
    assert run.exit_code == 2
    assert "planctl: error: cannot write the sarif report to /dev/full: No space left on device" in run.stderr


def test_unwritable_job_summary_is_a_usage_error(plans_repo):
    run = lint(plans_repo, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "/dev/full"})
    assert run.exit_code == 2
    assert "cannot append the job summary to /dev/full (GITHUB_STEP_SUMMARY)" in run.stderr
