"""Values a fuzzer or a careless edit puts into a real plan: lint reports them where they are
printed, with exit code 1 (findings), never a traceback, never exit 2 or 3 (issue 13)."""

import pytest

from tests.rules.test_edits_to_real_plans import KH22, TV, WAIVER, At, lint_edited

QT = "quang-tri/ict-1755.yaml"


def rules_at(report: dict) -> set[tuple[str, str]]:
    return {(f["rule"], f["pointer"]) for f in report["findings"]}


@pytest.mark.parametrize("huge", ["1.0e307", "9" * 400])
def test_a_huge_table_total_is_a_located_finding(tmp_path, huge):
    report = lint_edited(tmp_path, QT, "        services: 2232\n", f"        services: {huge}\n")
    assert ("consistency.table-column", "/baseline/tables/0/stated/services") in rules_at(report)
    assert all(f["line"] >= 1 for f in report["findings"])


@pytest.mark.parametrize("huge", ["1.0e307", "9" * 400])
def test_a_huge_percentage_target_is_over_100(tmp_path, huge):
    report = lint_edited(tmp_path, KH22, At("/targets/0/value", "value: 30"), f"value: {huge}")
    assert ("data.percent-over-100", "/targets/0/value") in rules_at(report)


def test_a_400_digit_amount_is_summed_exactly(tmp_path):
    report = lint_edited(tmp_path, KH22, "        total: 4000\n        amounts:\n          nsdp: 3000\n",
                         "        total: 4000\n        amounts:\n          nsdp: " + "9" * 400 + "\n")
    assert ("consistency.item-sources", "/groups/0/projects/0/total") in rules_at(report)


def test_a_waiver_expiring_on_a_date_that_does_not_exist(tmp_path):
    """'2027-02-30' looks like a date: the waiver is reported at its expiry and waives nothing."""
    report = lint_edited(tmp_path, TV, "notes:", WAIVER.format(expires="2027-02-30"))
    found = rules_at(report)
    assert ("waiver.invalid", "/waivers/0/expires") in found
    assert ("citations.date-mismatch", "/citations/1/date") in found
    assert report["summary"]["waived"] == 0
