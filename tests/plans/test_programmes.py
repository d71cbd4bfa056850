"""The two national programme files, pinned to the research reference they were encoded from
(/work/shared/reference/national-programmes.yaml, "decisions" list). Values below are copied from
that file; when it is present the whole encoding is also compared with it item by item."""
import pathlib

import pytest

from tests.conftest import by_id

REFERENCE = pathlib.Path("/work/shared/reference/national-programmes.yaml")
CONFIDENCES = {"high", "medium", "low"}


# ---------------------------------------------------------------- QĐ 1755/QĐ-TTg

def test_1755_header(load_plan):
    p = load_plan("national/qd-1755-2010.yaml")
    assert p["kind"] == "programme" and p["id"] == "qd-1755-2010"
    assert p["number"] == "1755/QĐ-TTg"  # reference: number
    assert p["date"] == "2010-09-22"  # reference: date
    assert p["issuer"] == "Thủ tướng Chính phủ"
    assert p["period"] == {"start": 2011, "end": 2015, "horizon": 2020}


def test_1755_task_groups(load_plan):
    p = load_plan("national/qd-1755-2010.yaml")
    # reference: task_groups, seq 1..6, all confidence high
    assert [(t["seq"], t["id"]) for t in p["task_groups"]] == [
        (1, "hr-development"), (2, "ict-industry"), (3, "broadband-infrastructure"),
        (4, "universal-access"), (5, "ict-application"), (6, "research-capacity")]
    assert {t["confidence"] for t in p["task_groups"]} == {"high"}


def test_1755_targets(load_plan):
    p = load_plan("national/qd-1755-2010.yaml")
    targets = by_id(p["targets"])
    # reference: 14 quantitative targets + 6 qualitative targets; the 8 unresolved ones are notes
    assert len(p["targets"]) == 20
    assert sum(t["comparator"] == "qualitative" for t in p["targets"]) == 6
    assert all(t["value"] is None for t in p["targets"] if t["comparator"] == "qualitative")
    tg_ids = {t["id"] for t in p["task_groups"]}
    assert all(t["task_group"] in tg_ids for t in p["targets"])

    t = targets["internet-users-2015"]  # reference: >= 50 %, high
    assert (t["year"], t["comparator"], t["value"], t["unit"], t["confidence"]) == (2015, ">=", 50, "%", "high")
    assert t["task_group"] == "hr-development"
    t = targets["internet-users-2020"]  # reference: > 70 %, high
    assert (t["comparator"], t["value"], t["confidence"]) == (">", 70, "high")
    t = targets["mobile-broadband-coverage-2015"]  # reference: >= 85 %, low (ITU note only)
    assert (t["comparator"], t["value"], t["confidence"]) == (">=", 85, "low")
    assert t["sources"] == ["https://www.itu.int/en/osg/activities/Pages/2011-07-viet-nam.aspx"]
    t = targets["mobile-broadband-coverage-2020"]  # reference: >= 95 %, high
    assert (t["value"], t["confidence"]) == (95, "high")
    t = targets["ict-share-of-gdp-2020"]  # reference: range 8-10 %, high
    assert (t["comparator"], t["value"], t["value_max"], t["confidence"]) == ("range", 8, 10, "high")
    t = targets["ict-revenue-growth-multiple-2020"]  # reference: range 2-3 x GDP growth
    assert (t["comparator"], t["value"], t["value_max"], t["unit"]) == ("range", 2, 3, "x GDP growth")
    t = targets["ict-industry-workforce-2020"]  # reference: >= 1 000 000 persons
    assert (t["value"], t["unit"]) == (1000000, "persons")
    t = targets["software-outsourcing-rank-2015"]  # reference: <= 15 (rank), low
    assert (t["comparator"], t["value"], t["unit"], t["confidence"]) == ("<=", 15, "rank", "low")
    t = targets["itu-ict-ranking-2020"]  # reference: <= 55 (rank), medium
    assert (t["value"], t["confidence"]) == (55, "medium")
    t = targets["schools-internet-2015"]  # reference: == 100 %, medium
    assert (t["comparator"], t["value"], t["confidence"]) == ("==", 100, "medium")
    t = targets["enterprises-using-ict-2015"]  # reference: >= 80 %, medium
    assert (t["value"], t["confidence"], t["task_group"]) == (80, "medium", "ict-application")
    t = targets["broadband-communes-wards-2015"]  # reference: qualitative, medium
    assert (t["comparator"], t["value"], t["unit"], t["confidence"]) == ("qualitative", None, None, "medium")
    t = targets["egov-un-readiness-top-third-2020"]  # reference: qualitative, medium
    assert (t["comparator"], t["year"]) == ("qualitative", 2020)


def test_1755_unresolved_targets_are_notes(load_plan):
    p = load_plan("national/qd-1755-2010.yaml")
    ids = {t["id"] for t in p["targets"]}
    for unresolved in ("households-computer-broadband-2015", "households-tv-2015", "households-digital-tv-2015",
                       "households-phone-2015", "households-computer-broadband-2020", "enterprises-using-ict-2020",
                       "key-industries-ict-2020", "enterprise-market-targets"):
        assert unresolved not in ids
        assert unresolved in p["notes"]


# ---------------------------------------------------------------- QĐ 1605/QĐ-TTg

def test_1605_header(load_plan):
    p = load_plan("national/qd-1605-2010.yaml")
    assert p["kind"] == "programme" and p["id"] == "qd-1605-2010"
    assert p["number"] == "1605/QĐ-TTg"
    assert p["date"] == "2010-08-27"
    assert p["period"] == {"start": 2011, "end": 2015, "horizon": 2020}


def test_1605_task_groups(load_plan):
    p = load_plan("national/qd-1605-2010.yaml")
    # reference: four task groups, the last one inferred (low)
    assert [(t["id"], t["confidence"]) for t in p["task_groups"]] == [
        ("infrastructure", "high"), ("internal-application", "high"),
        ("citizen-business-services", "high"), ("hr-and-enablers", "low")]


def test_1605_targets(load_plan):
    p = load_plan("national/qd-1605-2010.yaml")
    targets = by_id(p["targets"])
    # reference: 10 quantitative + 7 qualitative targets; 3 unresolved ones are notes
    assert len(p["targets"]) == 17
    assert sum(t["comparator"] == "qualitative" for t in p["targets"]) == 7
    t = targets["e-documents-share-2015"]  # reference: >= 60 %, high
    assert (t["task_group"], t["comparator"], t["value"], t["confidence"]) == ("internal-application", ">=", 60, "high")
    t = targets["online-services-level2-all-2015"]  # reference: == 100 %, medium
    assert (t["comparator"], t["value"], t["confidence"]) == ("==", 100, "medium")
    t = targets["e-tax-filing-2015"]  # reference: >= 50 %, medium
    assert (t["value"], t["confidence"]) == (50, "medium")
    t = targets["e-customs-2015"]  # reference: >= 90 %, medium
    assert t["value"] == 90
    t = targets["e-procurement-2015"]  # reference: >= 20 %, low (Hòa Bình only)
    assert (t["value"], t["confidence"]) == (20, "low")
    t = targets["construction-permit-online-2015"]  # reference: >= 30 %, low
    assert (t["value"], t["confidence"], t["task_group"]) == (30, "low", "citizen-business-services")
    t = targets["email-regular-use-2015"]  # reference: qualitative, high
    assert (t["comparator"], t["value"], t["confidence"]) == ("qualitative", None, "high")
    t = targets["online-services-l3-l4-2020"]  # reference: qualitative 2020 orientation, high
    assert (t["year"], t["comparator"]) == (2020, "qualitative")
    for unresolved in ("passports-2015", "business-registration-online-2015",
                       "network-connection-digital-signature-2015"):
        assert unresolved not in targets
        assert unresolved in p["notes"]
    assert "1700 billion VND" in p["notes"]  # reference: funding.total_amount (medium-low -> low)


# ---------------------------------------------------------------- item by item, when the reference is at hand

@pytest.mark.skipif(not REFERENCE.exists(), reason="research reference file not available")
@pytest.mark.parametrize("pid", ["qd-1755-2010", "qd-1605-2010"])
def test_matches_reference(load_plan, pid):
    from ruamel.yaml import YAML

    ref = by_id(YAML(typ="safe").load(REFERENCE.read_text(encoding="utf-8"))["decisions"])[pid]
    p = load_plan(f"national/{pid}.yaml")
    assert p["number"] == ref["number"] and p["date"] == str(ref["date"])
    assert [t["id"] for t in p["task_groups"]] == [t["id"] for t in ref["task_groups"]]
    for mine, theirs in zip(p["task_groups"], ref["task_groups"]):
        assert (mine["name"], mine["confidence"], mine["basis"]) == (theirs["name_vi"], theirs["confidence"], theirs["basis"])
    expected = ref["targets"] + ref["qualitative_targets"]
    assert [t["id"] for t in p["targets"]] == [t["id"] for t in expected]
    for mine, theirs in zip(p["targets"], expected):
        for key in ("task_group", "year", "comparator", "value", "unit", "confidence", "basis"):
            assert mine[key] == theirs[key], (mine["id"], key)
        assert mine.get("value_max") == theirs.get("value_max")
        assert mine["indicator"] == theirs["indicator_vi"]
        assert mine["sources"] == theirs["source_urls"]
        assert theirs["source_phrase"] in mine["note"]
        assert theirs.get("note", "") in mine["note"]
        assert mine["confidence"] in CONFIDENCES
    for unresolved in ref["unresolved_targets"]:
        assert unresolved["id"] in p["notes"]
