"""Bến Tre plan implementing QĐ 1605 (seed 004_7da636e82f82a611.txt), pinned to the document.
Line numbers (L..) are lines of the seed file, which prints its two tables flattened, one cell per line."""
from tests.conftest import by_id

PLAN = "ben-tre/ict-1605.yaml"


def test_document_prints_no_number_date_or_issuer(load_plan):
    p = load_plan(PLAN)
    assert p["id"] == "ben-tre-1605"
    assert (p["document"]["number"], p["document"]["date"]) == (None, None)  # L1 "KẾ HOẠCH" only
    assert "issuer" not in p["document"] and "signer" not in p["document"]
    assert p["document"]["seed"] == "004_7da636e82f82a611.txt"
    assert p["period"] == {"start": 2011, "end": 2015}  # L2 "GIAI ĐOẠN 2011-2015", no orientation year
    assert p["implements"] == ["qd-1605-2010"]


def test_no_budget(load_plan):
    p = load_plan(PLAN)
    # the project appendix (L321 "kèm phụ lục") is not in the text; IV.1 names sources without amounts
    for key in ("budget", "phasing", "project_list", "roadmap"):
        assert key not in p
    for group in p["groups"]:
        for project in group["projects"]:
            assert not {"total", "amounts", "by_year", "start", "end"} & set(project)
    assert [s["kind"] for s in p["funding_sources"]] == ["central-budget", "local-budget", "other"]


def test_citations(load_plan):
    c = by_id(load_plan(PLAN)["citations"])
    # I (căn cứ, L4-17): five numbered bases + Chỉ thị 34/2008/CT-TTg (L53), then the two laws printed with
    # neither number nor date (L7, L9)
    assert list(c) == ["ct-58-2000", "nd-64-2007", "qd-246-2005", "qd-1605-2010", "qd-438-2008", "ct-34-2008",
                       "luat-cntt", "luat-gddt"]
    assert [(c[i]["kind"], c[i]["title"], "date" in c[i]) for i in ("luat-cntt", "luat-gddt")] == [
        ("law", "Luật Công nghệ thông tin", False), ("law", "Luật Giao dịch điện tử", False)]
    assert (c["ct-58-2000"]["number"], c["ct-58-2000"]["date"]) == ("58/CT-TW", "2000-10-17")  # L5
    assert (c["nd-64-2007"]["number"], c["nd-64-2007"]["date"]) == ("64/2007/NĐ-CP", "2007-04-10")  # L11
    assert (c["qd-246-2005"]["number"], c["qd-246-2005"]["date"]) == ("246/2005/QĐ-TTg", "2005-10-06")  # L13
    # L15 "Quyết định số 1605/QĐ-TTg ngày 27 tháng 08 năm 2010"
    q = c["qd-1605-2010"]
    assert (q["number"], q["date"], q["date_as_printed"], q["programme"]) == \
        ("1605/QĐ-TTg", "2010-08-27", "27 tháng 08 năm 2010", "qd-1605-2010")
    assert (c["qd-438-2008"]["number"], c["qd-438-2008"]["date"]) == ("438/QĐ-UBND", "2008-03-12")  # L17
    assert (c["ct-34-2008"]["number"], c["ct-34-2008"]["date"]) == ("34/2008/CT-TTg", "2008-12-03")  # L53


def test_baseline_text_figures(load_plan):
    indicators = load_plan(PLAN)["baseline"]["indicators"]
    assert len(indicators) == 29  # every figure of the text of I.2-I.5 (L45-116)
    b = by_id(indicators)
    assert len(b) == len(indicators)
    first = indicators[0]  # L46 "Tỷ lệ máy tính trên cán bộ công chức chiếm 79%"
    assert (first["id"], first["value"], first["unit"]) == ("bt-bl-computers-per-official", 79, "%")
    assert b["bt-bl-units-with-lan"]["value"] == 96.67  # L46 "chiếm 96,67%"
    assert b["bt-bl-officials"]["value"] == 12077  # L53 "12.077 người"
    assert (b["bt-bl-officials-with-email"]["value"], b["bt-bl-officials-with-email"]["comparator"]) == (88, ">")  # "hơn 88%"
    assert b["bt-bl-officials-using-email"]["value"] == 70  # L53 "hơn 70%"
    assert [b[f"bt-bl-police-{k}"]["value"] for k in ("digital-channels", "trunk-lines", "numbers")] == [288, 2, 195]
    # L62 "152 trường tiểu học (18% ...), 125 trường trung học cơ sở (62% ...), 30 trường trung học phổ thông (100% ...)"
    assert [b[f"bt-bl-{k}"]["value"] for k in (
        "primary-schools", "primary-schools-informatics", "lower-secondary-schools", "lower-secondary-informatics",
        "upper-secondary-schools", "upper-secondary-informatics")] == [152, 18, 125, 62, 30, 100]
    assert b["bt-bl-commune-post-offices"]["value"] == 106  # L66 "hơn 106 bưu điện văn hóa xã"
    assert b["bt-bl-procedures-on-website"]["value"] == 1000  # L69 "hơn 1.000 thủ tục hành chính"
    # L112 "482 cán bộ ... trình độ A, 80 cán bộ ... trình độ B"; L114 "40 cán bộ cấp huyện, 45 cán bộ cấp Sở ngành"
    assert [b[f"bt-bl-{k}"]["value"] for k in (
        "commune-staff-level-a", "commune-staff-level-b", "district-network-admins",
        "department-network-admins")] == [482, 80, 40, 45]
    last = indicators[-1]  # L116 "hơn 300 cán bộ, công chức"
    assert (last["id"], last["value"], last["comparator"]) == ("bt-bl-open-source-trained", 300, ">")  # "hơn 300"
    assert all("year" not in i for i in indicators)


def test_online_services_breakdown(load_plan):
    table = by_id(load_plan(PLAN)["baseline"]["tables"])["bt-bl-online-services-by-level"]
    # L71 "là 62, trong đó dịch vụ đạt mức 1 là 3, dịch vụ đạt mức 2 là 57, dịch vụ đạt mức 3 là 2"
    assert [r["values"]["services"] for r in table["sections"][0]["rows"]] == [3, 57, 2]
    assert table["stated"] == {"services": 62}


def test_ict_human_resources_table(load_plan):
    table = by_id(load_plan(PLAN)["baseline"]["tables"])["bt-bl-ict-human-resources"]
    rows = table["sections"][0]["rows"]
    assert len(rows) == 5  # rows 1-3 and the two unnumbered sub-rows of 3 (L84-107)
    assert (rows[0]["seq"], rows[0]["values"]) == (1, {"province": 1, "district": 0})  # L86-87 "01", "0"
    assert (rows[1]["seq"], rows[1]["values"]) == (2, {"province": 25, "district": 9})  # L91-92
    assert (rows[2]["seq"], rows[2]["values"]) == (3, {})  # L96-97: empty cells
    assert rows[3]["values"] == {"province": 1, "district": 0}  # L100-102 "- Trong nước", "01", "0"
    assert rows[4]["values"] == {}  # L105-107 "- Nước ngoài", "-", "-"
    assert "stated" not in table  # no total row


def test_ict_projects_to_date_table(load_plan):
    table = by_id(load_plan(PLAN)["baseline"]["tables"])["bt-bl-ict-projects-to-date"]
    assert [c["unit"] for c in table["columns"]] == ["VND", "VND"]
    rows = table["sections"][0]["rows"]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert (rows[0]["name"], rows[0]["values"]) == \
        ("Dự án đào tạo cán bộ tin học, đưa tin học vào nhà trường", {"central": 15570000000})  # L132-134
    assert rows[3]["values"] == {"central": 1100000000}  # L152 "1.100.000.000"
    assert rows[4]["values"] == {"central": 300000000, "local": 6000000000}  # L158-159
    assert rows[5]["values"] == {"central": 260000000}  # L164 "260.000.000"
    assert table["stated"] == {"central": 31251000000, "local": 6000000000}  # Cộng, L170-171


def test_targets(load_plan):
    targets = load_plan(PLAN)["targets"]
    # II.2 a) L187-193: 9, b) L196-198: 4; III.3 L218 restates the level-3 services with "Đến 2015"
    assert len(targets) == 14
    assert all(t["year"] == 2015 for t in targets)
    assert sum(t["comparator"] == "qualitative" for t in targets) == 3
    t = by_id(targets)
    assert (t["bt-t-computers-per-official"]["comparator"], t["bt-t-computers-per-official"]["value"]) == (">=", 90)  # L187 "tối thiểu 90%"
    assert t["bt-t-direction-online"]["value"] == 50  # L189 "50% công tác chỉ đạo, điều hành"
    x = t["bt-t-e-documents-share"]  # L189 "60% văn bản, tài liệu chính thức"
    assert (x["comparator"], x["value"], x["national_target"]) == (">=", 60, "qd-1605-2010/e-documents-share-2015")
    x = t["bt-t-online-meetings"]  # L193 "100% các cuộc họp"
    assert (x["comparator"], x["value"], x["national_target"]) == ("==", 100, "qd-1605-2010/pm-online-meetings-2015")
    assert t["bt-t-agency-portals"]["national_target"] == "qd-1605-2010/agency-portals-2015"  # L196
    last = targets[-1]  # L218
    assert (last["id"], last["restates"], last["source"]) == \
        ("bt-t-basic-services-level3-by-2015", "bt-t-basic-services-level3", "III.3, L218")


def test_groups_follow_section_iii(load_plan):
    groups = load_plan(PLAN)["groups"]
    # III.1 L202-206, III.2 L209-213, III.3 L216-228, III.4 L231-233: one task per paragraph
    assert [(g["seq"], len(g["projects"])) for g in groups] == [(1, 3), (2, 3), (3, 7), (4, 2)]
    assert [g["task_groups"] for g in groups] == [
        ["qd-1605-2010/infrastructure"], ["qd-1605-2010/internal-application"],
        ["qd-1605-2010/citizen-business-services"], ["qd-1605-2010/hr-and-enablers"]]
    assert groups[0]["projects"][0]["name"].startswith("Nâng cấp, hoàn thiện hệ thống mạng truyền số liệu")  # L202
    assert groups[2]["projects"][3]["name"].startswith("Ứng dụng CNTT trong ngành y tế")  # L222
    assert groups[3]["projects"][-1]["source"] == "III.4, L233"
