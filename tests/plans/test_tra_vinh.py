"""Trà Vinh QĐ 952/QĐ-UBND 15/6/2011 and its attached plan implementing QĐ 1755 (seed 000_35f4b65cebf12e0c.txt),
pinned to the document. Line numbers (L..) are lines of the seed file. The appendix prints no unit (million VND,
as its grand total equals the budget text); the phasing table is in triệu đồng (L281); the budget text in đồng."""
from tests.conftest import by_id

PLAN = "tra-vinh/qd-952-2011.yaml"


def projects(plan):
    return {p["id"]: p for g in plan["groups"] for p in g["projects"]}


def test_document(load_plan):
    p = load_plan(PLAN)
    assert p["id"] == "tra-vinh-1755-2011"
    d = p["document"]
    # L13: "(Kèm theo Quyết định số 952/QĐ-UBND ngày 15/6/2011 của Ủy ban nhan dân tỉnh Trà Vinh)"
    assert (d["type"], d["number"], d["date"]) == ("decision", "952/QĐ-UBND", "2011-06-15")
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Trà Vinh"  # L1
    assert "signer" not in d  # no signature block in the seed
    assert d["seed"] == "000_35f4b65cebf12e0c.txt"
    assert p["period"] == {"start": 2011, "end": 2015}  # phasing years L286-290
    assert p["implements"] == ["qd-1755-2010"]
    assert p["unit"] == "million VND"
    assert "roadmap" not in p  # no lộ trình printed


def test_citations(load_plan):
    c = load_plan(PLAN)["citations"]
    assert [x["id"] for x in c] == ["qd-56-2007", "qd-1755-2010", "ttr-311-2011", "qd-698-2009",
                                    "luat-to-chuc-hdnd-ubnd-2003"]
    c = by_id(c)
    # L3: "Quyết định số 56/2007/QĐ-TTg ngày 03 tháng 5 năm 2007"
    assert (c["qd-56-2007"]["number"], c["qd-56-2007"]["date"]) == ("56/2007/QĐ-TTg", "2007-05-03")
    # L4: "Quyết định số 1755/QĐ-TTg ngày 29 tháng 10 năm 2009" — the wrong date, as printed (real: 22/9/2010)
    q = c["qd-1755-2010"]
    assert (q["number"], q["date"], q["date_as_printed"], q["programme"]) == \
        ("1755/QĐ-TTg", "2009-10-29", "29 tháng 10 năm 2009", "qd-1755-2010")
    # L5: "Tờ trình số 311/TTr-STTTT ngày 30 tháng 5 năm 2011"
    assert (c["ttr-311-2011"]["number"], c["ttr-311-2011"]["date"]) == ("311/TTr-STTTT", "2011-05-30")
    # L173: "Quyết định số 698/QĐ-TTg ngày 01/6/2009"
    assert (c["qd-698-2009"]["number"], c["qd-698-2009"]["date"]) == ("698/QĐ-TTg", "2009-06-01")
    # L2: "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003" (no number)
    law = c["luat-to-chuc-hdnd-ubnd-2003"]
    assert (law["kind"], "number" in law, law["date"], law["date_as_printed"]) == \
        ("law", False, "2003-11-26", "26 tháng 11 năm 2003")
    assert c["ttr-311-2011"]["kind"] == "submission"


def test_the_decision_takes_effect_on_signing(load_plan):
    # L6: "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
    assert load_plan(PLAN)["document"]["effective"] == {
        "on_signing": True, "as_printed": "Quyết định này có hiệu lực kể từ ngày ký.", "source": "Điều 2, L6"}


def test_funding_sources(load_plan):
    p = load_plan(PLAN)
    s = by_id(p["funding_sources"])
    assert [(x["id"], x["kind"], x.get("parent"), x.get("type")) for x in p["funding_sources"]] == [
        ("nstw", "central-budget", None, None),
        ("nstw-dt", "central-budget", "nstw", "investment"),
        ("nstw-sn", "central-budget", "nstw", "recurrent"),
        ("nsdp", "local-budget", None, None),
        ("nsdp-dt", "local-budget", "nsdp", "investment"),
        ("nsdp-sn", "local-budget", "nsdp", "recurrent"),
        ("von-khac", "other", None, None),
        ("vtci", "universal-service-fund", "von-khac", None),
        ("da-191", "programme", "von-khac", None),
        ("bo-ct", "ministry-support", "von-khac", None),
        ("doanh-nghiep", "enterprise", "von-khac", None),
        ("khcn", "science-technology", "von-khac", None),
    ]
    assert s["vtci"]["name"] == "Quỹ viễn thông công ích"  # L271
    # L465-467: columns NSTW / NSĐP / Vốn khác
    assert p["project_list"]["columns"] == ["nstw", "nsdp", "von-khac"]
    assert p["project_list"]["unit"] == "million VND"


def test_groups(load_plan):
    groups = load_plan(PLAN)["groups"]
    assert [g["seq"] for g in groups] == ["I", "II", "III", "IV"]  # L470, L530, L580, L830
    assert [len(g["projects"]) for g in groups] == [5, 4, 24, 6]
    assert [g["task_groups"] for g in groups] == [
        ["qd-1755-2010/hr-development"],
        ["qd-1755-2010/ict-industry", "qd-1755-2010/research-capacity"],
        ["qd-1755-2010/ict-application"],
        ["qd-1755-2010/broadband-infrastructure", "qd-1755-2010/universal-access"]]
    # every printed subtotal row: Tổng số, NSTW, NSĐP, Vốn khác (empty cells absent)
    stated = [(g["stated"]["total"], g["stated"]["by_source"]) for g in groups]
    assert stated[0] == (14200, {"nstw": 3000, "nsdp": 11200})  # L474-477
    assert stated[1] == (5200, {"nsdp": 2200, "von-khac": 3000})  # L534-537
    assert stated[2] == (221900, {"nstw": 150300, "nsdp": 68600, "von-khac": 3000})  # L584-587
    assert stated[3] == (197750, {"nsdp": 23000, "von-khac": 174750})  # L834-837


def test_numbering_as_printed(load_plan):
    groups = load_plan(PLAN)["groups"]
    # rows are numbered from 1 in each group, without gaps
    assert [[p["seq"] for p in g["projects"]] for g in groups] == \
        [list(range(1, 6)), list(range(1, 5)), list(range(1, 25)), list(range(1, 7))]


def test_project_rows(load_plan):
    pr = projects(load_plan(PLAN))
    assert len(pr) == 39
    # L480, first row: "1 | Tập huấn kỹ năng quản lý CNTT ... (cio) ... | Sở TTTT | 2012- 2015 | 1.200 | | 1.200 | |"
    first = pr["tv-hr-cio-training"]
    assert (first["seq"], first["lead"], first["start"], first["end"], first["years_as_printed"]) == \
        (1, "Sở TTTT", 2012, 2015, "2012- 2015")
    assert (first["total"], first["amounts"]) == (1200, {"nsdp": 1200})
    # L520: I.5, the only NSTW row of group I, "Vốn SN TW"
    assert (pr["tv-hr-public-skills"]["total"], pr["tv-hr-public-skills"]["amounts"]) == (3000, {"nstw": 3000})
    # L550: II.2, split note "ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%" of the Vốn khác cell
    r = pr["tv-ind-core-software-transfer"]
    assert (r["total"], r["amounts"]) == (2000, {"von-khac": 2000})
    assert r["split"] == {"of": "von-khac", "shares": {"da-191": 40, "bo-ct": 40, "doanh-nghiep": 20},
                          "as_printed": "ĐA 191: 40%, Bộ CT hỗ trợ: 40%, DN: 20%"}
    # L560: II.3, "Vốn KHCN": the whole Vốn khác cell, named
    r = pr["tv-ind-app-software-research"]
    assert (r["amounts"], r["split"]) == ({"von-khac": 1000}, {"of": "von-khac", "shares": {"khcn": 100}, "as_printed": "Vốn KHCN"})
    # L590: III.1, 3.600 = 300 NSTW + 3.300 NSĐP, years "2011"
    r = pr["tv-app-one-stop-duyen-hai-cang-long"]
    assert (r["start"], r["end"], r["total"], r["amounts"]) == (2011, 2011, 3600, {"nstw": 300, "nsdp": 3300})
    # L610-611: III.3, "(2011:3.000 triệu- 2012 4.500 triệu)" in the name cell
    r = pr["tv-app-one-stop-5-districts"]
    assert (r["total"], r["amounts"], r["by_year"]) == (7500, {"nsdp": 7500}, {"2011": 3000, "2012": 4500})
    assert r["name"].endswith("(2011:3.000 triệu- 2012 4.500 triệu).")
    # L633: III.5 "2012- 1015", as printed
    r = pr["tv-app-portal-security"]
    assert (r["start"], r["end"], r["years_as_printed"], r["total"]) == (2012, 1015, "2012- 1015", 25000)
    assert r["type"] == "investment"  # "NS đầu tư TW"
    # L643, L663: III.6 and III.8 have an empty Năm thực hiện cell
    for pid in ("tv-app-public-admin-info-online-services", "tv-app-environment-data"):
        assert not {"start", "end", "years_as_printed"} & set(pr[pid])
    # L650-658: III.7, the second split note
    r = pr["tv-app-ecommerce-platform"]
    assert (r["lead"], r["total"], r["amounts"]) == ("Sở Công thương", 3000, {"von-khac": 3000})
    assert r["split"]["shares"] == {"da-191": 40, "bo-ct": 40, "doanh-nghiep": 20}
    # L683: III.10 "1013- 2015"; L763: III.18 "1012- 2015"
    assert (pr["tv-app-l4-construction"]["start"], pr["tv-app-l4-construction"]["end"]) == (1013, 2015)
    assert (pr["tv-app-one-stop-departments"]["start"], pr["tv-app-one-stop-departments"]["end"]) == (1012, 2015)
    # L740-748: III.16, the largest NSTW row
    assert (pr["tv-app-one-stop-communes"]["total"], pr["tv-app-one-stop-communes"]["amounts"]) == \
        (65000, {"nstw": 65000})
    # L753: III.17, single year "2015"
    assert (pr["tv-app-cadastral-records"]["start"], pr["tv-app-cadastral-records"]["end"]) == (2015, 2015)
    # L820-828: III.24, last row of group III
    r = pr["tv-app-sme-support"]
    assert (r["seq"], r["lead"], r["total"], r["amounts"]) == (24, "TT Xúc tiến đầu tư- TM- DL", 3000, {"nsdp": 3000})
    # L870-878: IV.4 "Quỹ VTCI"
    assert pr["tv-inf-community-internet"]["amounts"] == {"von-khac": 7750}
    # L890-898, last row: "6 | Hỗ trợ máy tính ... | Sở TTTT | 2012- 2015 | 104.000 | | | 104.000 | Quỹ VTCI"
    last = pr["tv-inf-computers-poor-households"]
    assert (last["seq"], last["start"], last["end"], last["total"], last["amounts"]) == \
        (6, 2012, 2015, 104000, {"von-khac": 104000})
    assert last["note"].startswith("Ghi chú: Quỹ VTCI")
    for pid in ("tv-inf-community-internet", "tv-inf-tv-devices-poor-households", "tv-inf-computers-poor-households"):
        assert pr[pid]["split"] == {"of": "von-khac", "shares": {"vtci": 100}, "as_printed": "Quỹ VTCI"}
    # empty cells stay absent, never 0; every row total equals its single printed source cell
    assert all(v > 0 for p in pr.values() for v in p["amounts"].values())


def test_printed_totals(load_plan):
    p = load_plan(PLAN)
    # L900-907: Tổng cộng 439.050 | 153.300 | 106.000 | 180.750 (NSĐP 106.000 as printed; groups add up to 105.000)
    assert p["project_list"]["stated"] == {"total": 439050,
                                           "by_source": {"nstw": 153300, "nsdp": 106000, "von-khac": 180750}}
    # L253-279 (V.1), in đồng
    b = p["budget"]
    assert b["unit"] == "VND"
    assert b["total"] == 439050000000  # L253
    assert b["by_source"] == {
        "nstw": 153300000000,  # L257
        "nstw-sn": 3300000000,  # L259
        "nstw-dt": 150000000000,  # L261 "Vốn đầu tư::"
        "nsdp": 105000000000,  # L263
        "nsdp-dt": 55000000000,  # L265
        "nsdp-sn": 50000000000,  # L267
        "von-khac": 180750000000,  # L269
        "vtci": 174750000000,  # L271
        "da-191": 2000000000,  # L273
        "bo-ct": 2000000000,  # L275
        "doanh-nghiep": 1000000000,  # L277
        "khcn": 1000000000,  # L279
    }
    assert "by_type" not in b
    assert b["as_printed"].startswith("1. Tổng kinh phí thực hiện: 439.050.000.000 đồng")


def test_phasing(load_plan):
    ph = load_plan(PLAN)["phasing"]
    assert ph["unit"] == "million VND"  # L281 "Đơn vị tính: triệu đồng"
    rows = {r["source_id"]: r for r in ph["rows"]}
    assert list(rows) == ["nstw", "nstw-dt", "nstw-sn", "nsdp", "nsdp-dt", "nsdp-sn", "von-khac",
                          "da-191", "doanh-nghiep", "bo-ct", "khcn", "vtci"]

    def row(sid):
        return rows[sid]["years"], rows[sid]["total"]

    y = lambda *v: {str(2011 + i): a for i, a in enumerate(v) if a is not None}  # noqa: E731
    assert row("nstw") == (y(300, 34750, 36750, 47750, 33750), 153300)  # L294-301
    assert row("nstw-dt") == (y(None, 34000, 36000, 47000, 33000), 150000)  # L305-311, 2011 empty
    assert row("nstw-sn") == (y(300, 750, 750, 750, 750), 3300)  # L315-321
    assert row("nsdp") == (y(8800, 19450, 25400, 24600, 26750), 105000)  # L324-331
    # L335-341: the years add up to 55.000, the printed total is 54.000
    assert row("nsdp-dt") == (y(8500, 8500, 13500, 13000, 11500), 54000)
    assert row("nsdp-sn") == (y(300, 10950, 11900, 11600, 15250), 50000)  # L345-351
    # L354-361: 2012 printed 36.450 (sub-rows 36.500), 2015 printed 52.300 (sub-rows 52.250)
    assert row("von-khac") == (y(None, 36450, 42900, 49100, 52300), 180750)
    assert row("da-191") == (y(None, 500, 500, 500, 500), 2000)  # L365-371
    assert row("doanh-nghiep") == (y(None, 250, 250, 250, 250), 1000)  # L375-381
    assert row("bo-ct") == (y(None, 500, 500, 500, 500), 2000)  # L385-391
    assert row("khcn") == (y(None, 250, 250, 250, 250), 1000)  # L395-401
    assert row("vtci") == (y(None, 35000, 41400, 47600, 50750), 174750)  # L405-411
    # L414-421: Tổng cộng
    assert ph["year_totals"] == y(9100, 90650, 105050, 121450, 112800)
    assert ph["total"] == 439050


def test_targets(load_plan):
    targets = load_plan(PLAN)["targets"]
    assert len(targets) == 45  # III.2.1-2.6 (L108-165), IV.1 (L171), IV.4 (L202)
    t = by_id(targets)
    assert len(t) == len(targets)
    # L109 "Phấn đấu đạt từ 25 - 30% số lượng sinh viên ..." (no year printed)
    g = t["tv-t-ict-graduates-local-jobs"]
    assert (g["comparator"], g["value"], g["value_max"], g["national_target"]) == \
        ("range", 25, 30, "qd-1755-2010/hr-ict-graduates-intl-ready-2015")
    assert "year" not in g
    # L111 "đến năm 2015 có 100% sinh viên ... và 80% học sinh tiểu học"
    assert (t["tv-t-students-learn-it"]["year"], t["tv-t-students-learn-it"]["value"]) == (2015, 100)
    assert (t["tv-t-primary-pupils-learn-it"]["comparator"], t["tv-t-primary-pupils-learn-it"]["value"]) == (">=", 80)
    assert t["tv-t-teachers-using-ict"]["value"] == 65  # L113
    # L115: 70% thạc sĩ, 5% tiến sĩ, 70% giảng viên có máy tính, 30% giáo viên
    assert [t[k]["value"] for k in ("tv-t-ict-lecturers-masters", "tv-t-ict-lecturers-phd",
                                    "tv-t-lecturers-own-computer", "tv-t-teachers-students-own-computer")] == \
        [70, 5, 70, 30]
    # L137 and L139: 25% and 20% for households with a computer and Internet, both 2015
    assert (t["tv-t-households-computer-internet-25"]["year"], t["tv-t-households-computer-internet-25"]["value"]) == \
        (2015, 25)
    assert (t["tv-t-households-computer-internet-20"]["year"], t["tv-t-households-computer-internet-20"]["value"]) == \
        (2015, 20)
    assert t["tv-t-households-computer-internet-20"]["restates"] == "tv-t-households-computer-internet-25"
    assert (t["tv-t-households-tv"]["value"], t["tv-t-households-digital-tv"]["value"]) == (90, 80)  # L137
    # L202: 11.260 / 86.250 / 10.500 / 30.500 households
    assert [t[k]["value"] for k in ("tv-t-tv-support-households", "tv-t-terminal-support",
                                    "tv-t-computer-support-households", "tv-t-broadband-terminal-households")] == \
        [11260, 86250, 10500, 30500]
    # L143 "tối thiểu 11 nhóm dịch vụ công trực tuyến mức độ 3"
    assert (t["tv-t-online-services-l3"]["comparator"], t["tv-t-online-services-l3"]["value"]) == (">=", 11)
    assert t["tv-t-online-services-l2"]["national_target"] == "qd-1605-2010/online-services-level2-all-2015"
    # L149 "Trên 80% văn bản"; L151 "Ít nhất 70% các cuộc họp"; L153 "100% hồ sơ"
    e = t["tv-t-e-documents"]
    assert (e["comparator"], e["value"], e["national_target"]) == (">", 80, "qd-1605-2010/e-documents-share-2015")
    assert (t["tv-t-online-meetings"]["comparator"], t["tv-t-online-meetings"]["value"]) == (">=", 70)
    assert t["tv-t-civil-servant-records"]["national_target"] == "qd-1605-2010/civil-servant-records-online-2015"
    # L171 "từ 1 đến 2 cán bộ"
    s = t["tv-t-staff-trained-per-unit"]
    assert (s["comparator"], s["value"], s["value_max"]) == ("range", 1, 2)
    assert t["tv-t-research-new-technology"]["comparator"] == "qualitative"  # L165


def test_baseline(load_plan):
    b = load_plan(PLAN)["baseline"]
    ind = by_id(b["indicators"])
    assert len(ind) == len(b["indicators"]) == 46  # I.1.1-1.4.2, L18-75
    assert (ind["bl-agency-computers"]["value"], ind["bl-agency-computers"]["approximate"]) == (1800, True)  # L32
    assert ind["bl-civil-servants-with-computer"]["value"] == 81.25  # L32 "81,25%"
    assert ind["bl-one-stop-districts"]["value"] == 4  # L61 "04 huyện, thành phố" (five names listed)
    assert ind["bl-admin-procedures-online-lookup"]["value"] == 1323  # L63
    assert (ind["bl-poor-households"]["value"], ind["bl-poor-households-rural-people"]["value"]) == \
        (55626, 230179)  # L46
    assert ind["bl-households-no-computer"]["value"] == 226653  # L52
    assert ind["bl-farmers-association-trained"]["value"] == 101  # L75
    tables = by_id(b["tables"])
    # L24: 757 trạm BTS = 168 + 240 + 63 + 189 + 8 + 48 + 41
    bts = tables["bl-bts-stations"]
    assert [r["values"]["stations"] for r in bts["sections"][0]["rows"]] == [168, 240, 63, 189, 8, 48, 41]
    assert bts["stated"] == {"stations": 757}
    # L32: "49 cơ quan (16 cơ quan Đảng, 32 cơ quan nhà nước)" — 48, printed 49
    net = tables["bl-data-network-agencies"]
    assert [r["values"]["agencies"] for r in net["sections"][0]["rows"]] == [16, 32]
    assert net["stated"] == {"agencies": 49}
    # L38: 104 = 85 xã + 9 phường + 10 thị trấn, 806 = 121 khóm + 685 ấp; 2012: 105 / 813
    adm = tables["bl-administrative-units"]
    assert [s["stated"] for s in adm["sections"]] == [{"current": 104, "y2012": 105}, {"current": 806, "y2012": 813}]
    assert adm["sections"][0]["rows"][2]["values"] == {"current": 10, "y2012": 11}
    # L46: 239.525 hộ / 983.475 nhân khẩu = nông thôn 204.292 / 841.450 + thành thị 35.233 / 142.025
    hh = tables["bl-households"]
    assert [r["values"] for r in hh["sections"][0]["rows"]] == \
        [{"households": 204292, "people": 841450}, {"households": 35233, "people": 142025}]
    assert hh["stated"] == {"households": 239525, "people": 983475}
