"""Sóc Trăng KH 21/KH-UBND 02/11/2010 implementing QĐ 1605 (seed 002_f340a457e7872c4a.txt), pinned to the
document: header, citations, the text's baseline figures (II), targets (IV.2) and roadmap (VII), the project list (Phụ lục 5, million VND, L2475-2772) with the section V text
amounts, the budget (VIII) and the 2009-2010 project table (Phụ lục 4). Line numbers (L..) are lines of the
seed file, which prints tables flattened, one cell per line. Phụ lục 1-3 are pinned in
test_soc_trang_kh21_baseline.py."""
from tests.conftest import by_id

PLAN = "soc-trang/kh-21-2010.yaml"
SOURCES = ["tw-dt", "dp-dt", "tw-sn", "dp-sn"]


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
    # I. CĂN CỨ (L25-43) in printed order, then decisions cited in section II (L49, L53), then the two laws
    # of I cited without a number (L27, L29)
    assert [x["id"] for x in c] == ["ct-58-2000", "nd-64-2007", "nd-102-2009", "qd-246-2005", "qd-48-2009",
                                    "qd-1605-2010", "qd-1755-2010", "tt-21-2010", "qd-43-2008", "kh-06-2008",
                                    "qd-1578-2008", "luat-cntt-2006", "luat-gddt-2005"]
    c = by_id(c)
    assert (c["ct-58-2000"]["number"], c["ct-58-2000"]["date"]) == ("58-CT/TW", "2000-10-17")  # L25
    # L39 "Quyết định số 1605/QĐ-TTg ngày 27/8/2010"
    assert (c["qd-1605-2010"]["number"], c["qd-1605-2010"]["date"], c["qd-1605-2010"]["programme"]) == \
        ("1605/QĐ-TTg", "2010-08-27", "qd-1605-2010")
    # L41 "Quyết định số 1755/QĐ-TTg ngày 22/9/2010"
    assert (c["qd-1755-2010"]["number"], c["qd-1755-2010"]["date"]) == ("1755/QĐ-TTg", "2010-09-22")
    assert (c["tt-21-2010"]["number"], c["tt-21-2010"]["date"]) == ("21/2010/TT-BTTTT", "2010-09-08")  # L43
    assert (c["qd-1578-2008"]["number"], c["qd-1578-2008"]["date"]) == ("1578/QĐ-BTTTT", "2008-10-24")  # L53
    # L27 "Luật Công nghệ thông tin, ngày 29/6/2006", L29 "Luật Giao dịch điện tử 29/11/2005"
    assert (c["luat-cntt-2006"]["kind"], c["luat-cntt-2006"]["date"]) == ("law", "2006-06-29")
    assert (c["luat-gddt-2005"]["kind"], c["luat-gddt-2005"]["date"]) == ("law", "2005-11-29")


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


# --- section II (baseline.indicators), IV.2 (targets) and VII (roadmap)


def test_baseline_text_figures(load_plan):
    ind = load_plan(PLAN)["baseline"]["indicators"]
    assert len(ind) == 20  # every figure of the text of section II (L47-123); the appendix tables are separate
    b = by_id(ind)
    assert ind[0]["id"] == "st21-bl-data-centre-servers-added"
    assert (b["st21-bl-data-centre-servers-added"]["value"], b["st21-bl-data-centre-servers-added"]["unit"]) == (3, "máy chủ")  # L57 "trang bị thêm 03 máy chủ"
    assert b["st21-bl-fibre-connected-departments"]["value"] == 41  # L59 "kết nối cáp quang đến 41 Sở, Ban ngành"
    lan = b["st21-bl-units-with-lan"]  # L61 "chiếm tỷ lệ khoảng 90%"
    assert (lan["value"], lan["unit"], lan["approximate"]) == (90, "%", True)
    assert b["st21-bl-computers-internet"]["value"] == 60 and b["st21-bl-computers-internet"]["approximate"]  # L63 "khoảng 60%"
    assert b["st21-bl-computers-per-official"]["value"] == 69 and b["st21-bl-computers-per-official"]["approximate"]  # L65 "đạt khoảng 69%"
    assert b["st21-bl-e-document-system-units"]["value"] == 2  # L89 "ở 02 đơn vị"
    assert (b["st21-bl-portal-main-planned"]["value"], b["st21-bl-portal-components-planned"]["value"]) == (1, 28)  # L91
    # L99 "1611 quy trình, thủ tục: cấp xã 118 ..., cấp huyện 229 ..., cấp tỉnh 1264 ... của 17 Sở, Ban ngành"
    assert b["st21-bl-admin-procedures-total"]["value"] == 1611
    assert [b[f"st21-bl-admin-procedures-{k}"]["value"] for k in ("commune", "district", "province")] == [118, 229, 1264]
    assert b["st21-bl-admin-procedures-departments"]["value"] == 17
    # L103 "12 lớp ... cho hơn 300 lượt cán bộ ... 04 lớp nâng cao ... đạt hơn 90%"
    assert b["st21-bl-ict-training-classes"]["value"] == 12
    assert b["st21-bl-ict-training-attendance"]["value"] == 300 and b["st21-bl-ict-training-attendance"]["comparator"] == ">"
    assert b["st21-bl-ict-advanced-classes"]["value"] == 4
    assert b["st21-bl-officials-computer-literate"]["value"] == 90 and b["st21-bl-officials-computer-literate"]["comparator"] == ">"
    last = ind[-1]  # L105 "chỉ khoảng 13% đơn vị có cán bộ chuyên trách CNTT"
    assert (last["id"], last["value"], last["unit"], last["approximate"]) == ("st21-bl-units-dedicated-ict-staff", 13, "%", True)
    assert all("year" not in i for i in ind)  # no year printed ("Đến nay")


def test_targets_section_iv(load_plan):
    targets = load_plan(PLAN)["targets"]
    # IV.2 a) 3 bullets, b) 4, c) 3, d) 5 (L159-195): 12 quantified + 3 qualitative
    assert len(targets) == 15
    assert sum(t["comparator"] == "qualitative" for t in targets) == 3
    assert all(t["year"] == 2015 for t in targets)  # "Mục tiêu cụ thể đến năm 2015" (L157)
    t = by_id(targets)
    first = targets[0]  # L161 "- 90% các cơ quan nhà nước cấp tỉnh, ... được kết nối vào mạng truyền dẫn tốc độ cao"
    assert (first["id"], first["comparator"], first["value"], first["unit"]) == ("st21-t-high-speed-network-connection", ">=", 90, "%")
    assert "national_target" not in first
    assert (t["st21-t-digital-signature-service"]["comparator"], t["st21-t-digital-signature-service"]["value"]) == (">=", 80)  # L163
    x = t["st21-t-e-documents-share"]  # L169 "- 70% các văn bản, tài liệu chính thức ..."
    assert (x["comparator"], x["value"], x["national_target"]) == (">=", 70, "qd-1605-2010/e-documents-share-2015")
    x = t["st21-t-online-meetings"]  # L173 "Bảo đảm 100% các cuộc họp của UBND tỉnh ..."
    assert (x["comparator"], x["value"], x["national_target"]) == ("==", 100, "qd-1605-2010/pm-online-meetings-2015")
    assert (t["st21-t-civil-servant-records-online"]["comparator"], t["st21-t-civil-servant-records-online"]["value"]) == ("==", 100)  # L175
    assert (t["st21-t-e-tax-filing"]["value"], t["st21-t-e-tax-filing"]["national_target"]) == (80, "qd-1605-2010/e-tax-filing-2015")  # L179
    assert (t["st21-t-e-procurement"]["value"], t["st21-t-e-procurement"]["national_target"]) == (30, "qd-1605-2010/e-procurement-2015")  # L181
    x = t["st21-t-business-registration-online"]  # L183 "- 10-20% người dân và doanh nghiệp thực hiện đăng ký kinh doanh qua mạng"
    assert (x["comparator"], x["value"], x["value_max"], x["unit"]) == ("range", 10, 20, "%")
    assert (t["st21-t-email-regular-use"]["comparator"], t["st21-t-email-regular-use"]["value"]) == (">=", 90)  # L187 "là 90%"
    assert t["st21-t-doc-management-software"]["value"] == 80  # L189 "là 80%"
    assert t["st21-t-computers-per-official"]["value"] == 90  # L191 "là 90%"
    x = t["st21-t-agency-portals-level2"]  # L193 "- 100% các Sở, Ban ngành ... Điều 28 ... mức độ 2"
    assert (x["comparator"], x["value"], x["national_target"]) == ("==", 100, "qd-1605-2010/agency-portals-2015")
    last = targets[-1]  # L195 "Đẩy mạnh triển khai cung cấp các dịch vụ công trực tuyến đến mức độ 3 và 4"
    assert (last["id"], last["comparator"], last["value"]) == ("st21-t-online-services-level3-4", "qualitative", None)


def test_roadmap_section_vii(load_plan):
    roadmap = load_plan(PLAN)["roadmap"]
    # "1. Đến năm 2011" L577 ... "4. Đến năm 2015" L633 (printed "4." twice)
    assert [y["year"] for y in roadmap] == [2011, 2012, 2013, 2014, 2015]
    # milestones per year: one per bullet, one per figure in bullets with several figures
    # 2011: 6 bullets (L579-589), L585 has two figures; 2012: 7 bullets (L593-605); 2013: 6 bullets (L609-619);
    # 2014: 5 bullets (L623-631); 2015: 1 bullet (L635)
    assert [len(y["milestones"]) for y in roadmap] == [7, 13, 11, 11, 1]
    ms = {m["id"]: m for y in roadmap for m in y["milestones"]}
    assert len(ms) == 43

    def series(indicator):
        return [(y["year"], m["value"]) for y in roadmap for m in y["milestones"] if m.get("indicator") == indicator]

    # L579 "Đảm bảo 100% cơ quan quản lý nhà nước trực thuộc UBND tỉnh có cổng thông tin điện tử."
    assert roadmap[0]["milestones"][0]["value"] == 100
    # L585 "100% ... cấp tỉnh, 20% ... cấp huyện"; L599 "100% ... cấp tỉnh và cấp huyện"
    assert series("email-provision-province") == [(2011, 100), (2012, 100)]
    assert series("email-provision-district") == [(2011, 20), (2012, 100)]
    # L599 "trên 70%, cấp huyện trên 30%"; L609 "trên 80%, cấp huyện trên 40%"; L623 "lên trên 90%, cấp huyện trên 60%"
    assert series("email-use-province") == [(2012, 70), (2013, 80), (2014, 90)]
    assert series("email-use-district") == [(2012, 30), (2013, 40), (2014, 60)]
    # L595 "trên 30% cấp huyện trên 15%"; L611 "lên trên 60%, cấp huyện trên 30%"; L625 "trên 70% ... đạt trên 50%"
    assert series("docs-online-province") == [(2012, 30), (2013, 60), (2014, 70)]
    assert series("docs-online-district") == [(2012, 15), (2013, 30), (2014, 50)]
    # L603 "trên 80%, cấp huyện trên 40%"; L615 "trên 90%, cấp huyện trên 50%";
    # L627 "Tất cả các văn bản ... ở cấp tỉnh" then "trên 90%, cấp huyện trên 50%" (the document's contradiction)
    assert series("docs-portal-province") == [(2012, 80), (2013, 90), (2014, 100), (2014, 90)]
    assert series("docs-portal-district") == [(2012, 40), (2013, 50), (2014, 50)]
    assert series("doc-mgmt-software-agencies") == [(2012, 50), (2013, 100)]  # L595 "Trên 50%", L611 "100%"
    assert series("one-stop-districts") == [(2012, 50), (2013, 100)]  # L597 "Trên 50%", L613 "100%"
    # L605 "tối thiểu 02 dịch vụ", L617 "tối thiểu là 05 dịch vụ", L629 "tối thiểu là 8 dịch vụ"
    assert series("level3-services") == [(2012, 2), (2013, 5), (2014, 8)]
    assert ms["st21-r-2013-citizens-use-portal-info"]["value"] == 10  # L619 "đạt từ 10-15%" (lower bound)
    last = roadmap[-1]["milestones"][-1]  # L635
    assert last["text"] == "Đạt các mục tiêu cụ thể đến năm 2015 theo Kế hoạch."
    assert "indicator" not in last
