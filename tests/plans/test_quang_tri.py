"""Quảng Trị plan implementing QĐ 1755 (seed 003_0f3ed0d4fe821d14.txt), pinned to the document.
Line numbers (L..) are lines of the seed file."""
from tests.conftest import by_id

PLAN = "quang-tri/ict-1755.yaml"


def test_document_prints_no_number_or_date(load_plan):
    p = load_plan(PLAN)
    assert p["id"] == "quang-tri-1755"
    assert p["document"]["number"] is None  # L1: heading "KẾ HOẠCH" only
    assert p["document"]["date"] is None
    assert p["document"]["seed"] == "003_0f3ed0d4fe821d14.txt"
    assert "no document number" in p["document"]["note"]
    assert p["implements"] == ["qd-1755-2010"]
    assert p["period"] == {"start": 2011, "end": 2015, "horizon": 2020}


def test_no_budget(load_plan):
    p = load_plan(PLAN)
    # section VII (kinh phí) is qualitative: no budget, no phasing, no project list, no amounts
    for key in ("budget", "phasing", "project_list"):
        assert key not in p
    for group in p["groups"]:
        assert "stated" not in group and "text_amounts" not in group
        for project in group["projects"]:
            assert not {"total", "amounts", "by_year", "split"} & set(project)
    assert [s["kind"] for s in p["funding_sources"]] == ["central-budget", "local-budget", "other"]


def test_citations(load_plan):
    c = by_id(load_plan(PLAN)["citations"])
    assert len(c) == 15  # II: 8 numbered bases (L68-75) + 1021/KH-UBND (L128) + 800/QĐ-TTg (L146) + 5 laws (L63-67)
    # L70: "Quyết định số 1755/QĐ-TTg ngày 22/9/2010"
    assert (c["qd-1755-2010"]["number"], c["qd-1755-2010"]["date"], c["qd-1755-2010"]["programme"]) == \
        ("1755/QĐ-TTg", "2010-09-22", "qd-1755-2010")
    # L75: "Quyết định số 1605/QĐ-TTg ngày 27/8/2010"
    assert (c["qd-1605-2010"]["number"], c["qd-1605-2010"]["date"], c["qd-1605-2010"]["programme"]) == \
        ("1605/QĐ-TTg", "2010-08-27", "qd-1605-2010")
    assert (c["qd-246-2005"]["number"], c["qd-246-2005"]["date"]) == ("246/2005/QĐ-TTg", "2005-10-06")  # L69
    assert (c["qd-698-2009"]["number"], c["qd-698-2009"]["date"]) == ("698/QĐ-TTg", "2009-06-01")  # L71
    assert (c["nd-64-2007"]["number"], c["nd-64-2007"]["date"]) == ("64/2007/NĐ-CP", "2007-04-10")  # L72
    assert c["nq-08-tu"]["number"] == "08/NQ" and "date" not in c["nq-08-tu"]  # L73: no date printed
    assert (c["qd-398-2008"]["number"], c["qd-398-2008"]["date"]) == ("398/QĐ-UBND", "2008-02-28")  # L74
    assert (c["kh-1021-2011"]["number"], c["kh-1021-2011"]["date"]) == ("1021/KH-UBND", "2011-05-06")  # L128
    assert (c["qd-800-2010"]["number"], c["qd-800-2010"]["date"]) == ("800/QĐ-TTg", "2010-06-04")  # L146
    # L63-67: five laws cited by name and date, without a number
    assert [(x["title"], x["date"], x["source"]) for x in c.values() if x.get("kind") == "law"] == [
        ("Luật Công nghệ Thông tin", "2006-06-29", "II (căn cứ), L63"),
        ("Luật Giao dịch điện tử", "2005-11-29", "II (căn cứ), L64"),
        ("Luật Công nghệ cao", "2008-11-13", "II (căn cứ), L65"),
        ("Luật Viễn thông", "2009-11-23", "II (căn cứ), L66"),
        ("Luật Tần số vô tuyến điện", "2009-11-23", "II (căn cứ), L67")]


def test_baseline_indicators(load_plan):
    indicators = load_plan(PLAN)["baseline"]["indicators"]
    assert len(indicators) == 98
    b = by_id(indicators)
    assert len(b) == len(indicators)
    assert indicators[0]["id"] == "bl-prov-staff-masters" and indicators[0]["value"] == 2  # L5 "Thạc sỹ: 02"
    assert b["bl-prov-staff-other"]["value"] == 1386  # L5 "trình độ khác: 1.386"
    assert b["bl-bb-xdsl"]["value"] == 20181  # L17 "20.181 thuê bao"
    assert b["bl-phone-subscribers-2010"]["value"] == 408000 and b["bl-phone-subscribers-2010"]["year"] == 2010  # L20
    assert b["bl-phone-density-2010"]["value"] == 68  # L20 "68 thuê bao/100dân"
    assert b["bl-adsl-density-2010"]["value"] == 3.3  # L20 "3,3 thuê bao/100 dân"
    assert b["bl-households"]["value"] == 145470 and b["bl-population"]["value"] == 606178  # L22
    assert b["bl-mobile-phone-pct"]["value"] == 31.24  # L24 "31.24%" (printed with a point)
    assert b["bl-tv"]["value"] == 130654 and b["bl-tv-pct"]["value"] == 89.82  # L29
    assert b["bl-oss-desktops"]["value"] == 1726  # L34
    assert b["bl-prov-computers-pct"]["value"] == 88.67  # L38 "đạt 88,67%"
    assert b["bl-district-lan-pct"]["value"] == 45.97  # L45 "đạt 45,97%"
    assert b["bl-commune-staff-trained"]["comparator"] == ">"  # L9 "Hơn 40%"
    last = indicators[-1]
    assert last["id"] == "bl-upper-secondary-lan-pct" and last["value"] == 80  # L61 "24 trường, đạt 80%"


def test_online_services_table_keeps_printed_total(load_plan):
    (table,) = load_plan(PLAN)["baseline"]["tables"]
    rows = table["sections"][0]["rows"]
    # L31: "Tổng số ... là 2232. Trong đó Mức độ 1: 886; Mức độ 2: 1435; Mức độ 3: 01."
    assert [r["values"]["services"] for r in rows] == [886, 1435, 1]
    assert table["stated"] == {"services": 2232}  # printed; the rows add up to 2322


def test_targets(load_plan):
    targets = load_plan(PLAN)["targets"]
    assert len(targets) == 35
    assert sum(t["comparator"] == "qualitative" for t in targets) == 10
    t = by_id(targets)
    # L82: "tỷ lệ người dân sử dụng Internet đạt 50%. Đến năm 2020, ... đạt trên 70%"
    assert (t["qt-t-internet-users-2015"]["comparator"], t["qt-t-internet-users-2015"]["value"]) == (">=", 50)
    assert t["qt-t-internet-users-2015"]["national_target"] == "qd-1755-2010/internet-users-2015"
    assert (t["qt-t-internet-users-2020"]["comparator"], t["qt-t-internet-users-2020"]["value"]) == (">", 70)
    assert t["qt-t-internet-users-2020"]["national_target"] == "qd-1755-2010/internet-users-2020"
    assert t["qt-t-primary-pupils-informatics-2015"]["value"] == 50  # L82 "50% học sinh tiểu học"
    # mobile broadband: L91 "trên 80%" / L141 "đến 80%" (2015); L92 "100%" / L142 "95%" (2020), all as printed
    assert (t["qt-t-mobile-broadband-2015-objective"]["comparator"], t["qt-t-mobile-broadband-2015-objective"]["value"]) == (">", 80)
    assert (t["qt-t-mobile-broadband-2015-task"]["comparator"], t["qt-t-mobile-broadband-2015-task"]["value"]) == (">=", 80)
    assert t["qt-t-mobile-broadband-2020-objective"]["value"] == 100
    assert t["qt-t-mobile-broadband-2020-task"]["value"] == 95
    for tid in ("qt-t-mobile-broadband-2020-objective", "qt-t-mobile-broadband-2020-task"):
        assert t[tid]["national_target"] == "qd-1755-2010/mobile-broadband-coverage-2020"
    assert t["qt-t-schools-internet-2015"]["national_target"] == "qd-1755-2010/schools-internet-2015"  # L141
    # L97: "Trên 20% số hộ gia đình có máy tính ...; trên 95% số hộ có máy thu hình, trong đó trên 80% ..."
    assert [(t[i]["comparator"], t[i]["value"]) for i in
            ("qt-t-hh-computer-broadband-2015", "qt-t-hh-tv-2015", "qt-t-hh-digital-tv-2015")] == [(">", 20), (">", 95), (">", 80)]
    assert (t["qt-t-hh-computer-broadband-2020"]["value"], t["qt-t-hh-fibre-2020"]["value"]) == (50, 20)  # L98
    # L103: "khoảng 40 loại dịch vụ ... mức độ 3 trở lên", "10 dịch vụ ... mức độ 4"
    assert (t["qt-t-online-services-l3-2015"]["value"], t["qt-t-online-services-l3-2015"]["unit"]) == (40, "loại dịch vụ")
    assert t["qt-t-online-services-l4-2015"]["value"] == 10
    # L105: "Trên 80% doanh nghiệp và tổ chức xã hội ..."
    assert (t["qt-t-enterprises-ict-2015"]["comparator"], t["qt-t-enterprises-ict-2015"]["value"]) == (">", 80)
    assert t["qt-t-enterprises-ict-2015"]["national_target"] == "qd-1755-2010/enterprises-using-ict-2015"
    assert "year" not in t["qt-t-broadband-demand-after-2015"] and t["qt-t-broadband-demand-after-2015"]["value"] == 95  # L91
    linked = {x["national_target"].split("/")[1] for x in targets if "national_target" in x}
    assert linked == {"internet-users-2015", "internet-users-2020", "hardware-design-capability-2015",
                      "mobile-broadband-coverage-2015", "mobile-broadband-coverage-2020", "broadband-villages-2020",
                      "broadband-communes-wards-2015", "schools-internet-2015", "enterprises-using-ict-2015",
                      "online-basic-public-services-l4-2020"}
    groups = {g["id"] for g in load_plan(PLAN)["groups"]}
    assert all(x["group"] in groups for x in targets)


def test_groups(load_plan):
    groups = load_plan(PLAN)["groups"]
    # section IV (L112-166), six task groups numbered 1-6
    assert [(g["seq"], g["id"], g["task_groups"]) for g in groups] == [
        (1, "qt-hr", ["qd-1755-2010/hr-development"]),
        (2, "qt-industry", ["qd-1755-2010/ict-industry"]),
        (3, "qt-infrastructure", ["qd-1755-2010/broadband-infrastructure"]),
        (4, "qt-universal-access", ["qd-1755-2010/universal-access"]),
        (5, "qt-application", ["qd-1755-2010/ict-application"]),
        (6, "qt-research", ["qd-1755-2010/research-capacity"]),
    ]
    # bullets per group: 1 (L115-124, under 1.1/1.2/1.3) 8; 2 (L126-134) 9; 3 (L136-140) 5;
    # 4 (L144-149) 6; 5 (L151-159) 9; 6 (L161-166) 6
    assert [len(g["projects"]) for g in groups] == [8, 9, 5, 6, 9, 6]
    first, last = groups[0]["projects"][0], groups[-1]["projects"][-1]
    assert first["name"].startswith("Định hướng cho đội ngũ học sinh, sinh viên")  # L115
    assert last["name"].startswith("Xây dựng và phát triển các công nghệ và giải pháp đảm bảo an toàn thông tin")  # L166
    industry = by_id(groups[1]["projects"])
    # L133: "chương trình phát triển công nghiệp CNTT tỉnh Quảng Trị giai đoạn 2011-2015 và định hướng đến năm 2020"
    assert (industry["qt-ind-industry-programme"]["start"], industry["qt-ind-industry-programme"]["end"]) == (2011, 2015)
    assert industry["qt-ind-implement-kh-1021"]["years_as_printed"] == "giai đoạn 2011-2015"  # L128
    ids = [p["id"] for g in groups for p in g["projects"]]
    assert len(ids) == len(set(ids)) == 43
    assert all("seq" not in p for g in groups for p in g["projects"])  # unnumbered bullets
