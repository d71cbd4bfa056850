"""Sóc Trăng KH 21/KH-UBND 02/11/2010 implementing QĐ 1605 (seed 002_f340a457e7872c4a.txt), pinned to the
document: header, citations, the project list (Phụ lục 5, million VND, L2475-2772) with the section V text
amounts, the budget (VIII) and the 2009-2010 project table (Phụ lục 4). Line numbers (L..) are lines of the
seed file, which prints tables flattened, one cell per line. Phụ lục 1-3 are pinned in
test_soc_trang_kh21_baseline.py."""
PLAN = "soc-trang/kh-21-2010.yaml"
SOURCES = ["tw-dt", "dp-dt", "tw-sn", "dp-sn"]


def by_id(items):
    return {item["id"]: item for item in items}


def projects(plan):
    return {p["seq"]: p for g in plan["groups"] for p in g["projects"]}


def amounts(project):
    return [project["amounts"][s] for s in SOURCES]


def test_document(load_plan):
    p = load_plan(PLAN)
    assert p["id"] == "soc-trang-1605-2010"
    d = p["document"]
    # L13 "Số: 21/KH-UBND", L15 "Sóc Trăng, ngày 02 tháng 11 năm 2010"
    assert (d["number"], d["date"]) == ("21/KH-UBND", "2010-11-02")
    assert d["signer"].startswith("Lê Văn Cần")  # L679
    assert d["seed"] == "002_f340a457e7872c4a.txt"
    # L21 "GIAI ĐOẠN 2011 – 2015", L197 "Định hướng đến năm 2020"
    assert p["period"] == {"start": 2011, "end": 2015, "horizon": 2020}
    assert p["implements"] == ["qd-1605-2010"]
    assert "phasing" not in p  # no yearly phasing printed


def test_citations(load_plan):
    c = load_plan(PLAN)["citations"]
    # I. CĂN CỨ (L25-43) in printed order, then decisions cited in section II (L49, L53)
    assert [x["id"] for x in c] == ["ct-58-2000", "nd-64-2007", "nd-102-2009", "qd-246-2005", "qd-48-2009",
                                    "qd-1605-2010", "qd-1755-2010", "tt-21-2010", "qd-43-2008", "kh-06-2008",
                                    "qd-1578-2008"]
    c = by_id(c)
    assert (c["ct-58-2000"]["number"], c["ct-58-2000"]["date"]) == ("58-CT/TW", "2000-10-17")  # L25
    # L39 "Quyết định số 1605/QĐ-TTg ngày 27/8/2010"
    assert (c["qd-1605-2010"]["number"], c["qd-1605-2010"]["date"], c["qd-1605-2010"]["programme"]) == \
        ("1605/QĐ-TTg", "2010-08-27", "qd-1605-2010")
    # L41 "Quyết định số 1755/QĐ-TTg ngày 22/9/2010"
    assert (c["qd-1755-2010"]["number"], c["qd-1755-2010"]["date"]) == ("1755/QĐ-TTg", "2010-09-22")
    assert (c["tt-21-2010"]["number"], c["tt-21-2010"]["date"]) == ("21/2010/TT-BTTTT", "2010-09-08")  # L43
    assert (c["qd-1578-2008"]["number"], c["qd-1578-2008"]["date"]) == ("1578/QĐ-BTTTT", "2008-10-24")  # L53


def test_funding_sources(load_plan):
    # Phụ lục 5 columns "Nguồn Phát triển" / "Nguồn Sự nghiệp", each (TW), ĐP (L2494-2500)
    s = by_id(load_plan(PLAN)["funding_sources"])
    assert [(s[i]["kind"], s[i]["type"]) for i in SOURCES] == [
        ("central-budget", "investment"), ("local-budget", "investment"),
        ("central-budget", "recurrent"), ("local-budget", "recurrent")]


def test_groups_follow_section_v(load_plan):
    g = load_plan(PLAN)["groups"]
    # V.1 L207, V.2 L297, V.3 L375, V.4 L475, V.5 L507
    assert [x["seq"] for x in g] == [1, 2, 3, 4, 5]
    assert g[3]["name"].startswith("Bảo đảm ứng dụng công nghệ thông tin của cơ quan nhà nước các cấp")
    # Phụ lục 5 rows by the subsection of V they implement; row 13 has no subsection (kept with V.2)
    assert [[p["seq"] for p in x["projects"]] for x in g] == [[1, 6, 7], [2, 3, 4, 13], [5, 8, 9], [10], [11, 12]]
    assert sorted(p["seq"] for x in g for p in x["projects"]) == list(range(1, 14))
    assert [x["task_groups"] for x in g][:4] == [
        ["qd-1605-2010/infrastructure"], ["qd-1605-2010/internal-application"],
        ["qd-1605-2010/citizen-business-services"], ["qd-1605-2010/hr-and-enablers"]]


def test_project_rows(load_plan):
    p = projects(load_plan(PLAN))
    # L2502-2520, first row; its name is printed cut short ("... quản lý nhà nước cấp")
    first = p[1]
    assert first["name"] == "Hoàn thiện hệ thống mạng nội bộ cho các cơ quan quản lý nhà nước cấp"
    assert (first["years_as_printed"], first["start"], first["end"]) == ("2011-2012", 2011, 2012)
    assert (first["total"], amounts(first)) == (24000, [10000, 14000, 0, 0])
    assert first["note"].startswith("(Đã đề xuất triển khai trong năm 2011 là 3 tỷ đồng")
    # L2582-2600: the portal, printed "2010-2011"
    portal = p[5]
    assert (portal["start"], portal["end"], portal["total"], amounts(portal)) == (2010, 2011, 7566, [5566, 2000, 0, 0])
    # L2602-2620: data centre, recurrent money only; empty Ghi chú cell → no note
    assert (p[6]["total"], amounts(p[6])) == (9500, [0, 0, 4000, 5500]) and "note" not in p[6]
    # L2642-2660
    assert (p[8]["total"], amounts(p[8])) == (12000, [7415, 4585, 0, 0])
    # L2742-2760, last row
    last = p[13]
    assert last["name"] == "Số hóa nguồn thông tin phục vụ hoạt động của cơ quan Nhà nước"
    assert (last["years_as_printed"], last["total"], amounts(last)) == ("2011-2012", 4000, [0, 0, 2000, 2000])
    assert [p[n]["total"] for n in range(1, 14)] == [
        24000, 3613, 8580, 7286, 7566, 9500, 2500, 12000, 5000, 5000, 10000, 10000, 4000]


def test_text_amounts(load_plan):
    p = projects(load_plan(PLAN))
    printed = {n: [(t["amount"], t["as_printed"]) for t in p[n].get("text_amounts", [])] for n in p}
    assert printed[1] == [(24000, "Kinh phí dự kiến: 24 tỷ đồng.")]  # V.1.1, L235
    assert printed[7] == [(2500, "Kinh phí dự kiến: 2,5 tỷ đồng.")]  # V.1.2, L259
    assert printed[3] == [(8580, "Kinh phí dự kiến: 8,580 tỷ đồng.")]  # V.2.1, L325
    assert printed[12] == [(10000, "Dự kiến kinh phí: 10 tỷ đồng.")]  # V.5.2, L549
    assert printed[13] == []  # no subsection of V
    assert sum(a for n in p for a, _ in printed[n]) == 105045


def test_list_total_and_budget(load_plan):
    plan = load_plan(PLAN)
    lst = plan["project_list"]
    # L2480 "Đơn vị tính: triệu đồng"; TỔNG CỘNG L2762-2772
    assert lst["unit"] == "million VND" and lst["numbering"] == "across-groups"
    assert lst["stated"] == {"total": 109045, "by_source": {"tw-dt": 39120, "dp-dt": 23925,
                                                            "tw-sn": 20500, "dp-sn": 25500}}
    b = plan["budget"]
    # VIII, L639-643
    assert (b["unit"], b["total"]) == ("VND", 109045000000)
    assert b["by_type"] == {"investment": 63045000000, "recurrent": 46000000000}
    assert b["by_source"] == {"tw-dt": 39120000000, "dp-dt": 23925000000,
                              "tw-sn": 20500000000, "dp-sn": 25500000000}


def test_projects_2009_2010(load_plan):
    t = by_id(load_plan(PLAN)["baseline"]["tables"])["pl4-projects-2009-2010"]
    rows = t["sections"][0]["rows"]
    assert len(rows) == 5
    # L2383-2397 first row; the Tình trạng kinh phí cell is an amount
    assert (rows[0]["name"], rows[0]["values"]) == (
        "Một cửa điện tử", {"estimated-cost": 9189899000, "funds-status": 750000000})
    # L2399-2413: "Chưa được bố trí" is text, so no value
    assert rows[1]["values"] == {"estimated-cost": 3613943000}
    # L2431-2445
    assert rows[3]["values"] == {"estimated-cost": 7566914000, "funds-status": 3000000000}
    # L2447-2461 last row
    assert (rows[4]["name"], rows[4]["values"]) == ("Hội nghị truyền hình", {"estimated-cost": 5643197000})
    # TỔNG CỘNG L2463-2469
    assert t["stated"] == {"estimated-cost": 34594621000, "funds-status": 3750000000}
