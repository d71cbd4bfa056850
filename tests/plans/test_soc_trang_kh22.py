"""Sóc Trăng KH 22/KH-UBND 10/5/2012 implementing QĐ 1755 (seed 001_57a00165d86f0b40.txt), pinned to the
document. Line numbers (L..) are lines of the seed file; the appendix is in million VND (L318)."""
from tests.conftest import by_id

PLAN = "soc-trang/kh-22-2012.yaml"


def projects(plan):
    return {p["id"]: p for g in plan["groups"] for p in g["projects"]}


def test_document(load_plan):
    p = load_plan(PLAN)
    assert p["id"] == "soc-trang-1755-2012"
    d = p["document"]
    # L316: "(Kèm theo Kế hoạch số 22/KH-UBND ngày 10/5/2012 của UBND tỉnh Sóc Trăng)"
    assert (d["number"], d["date"], d["issuer"]) == ("22/KH-UBND", "2012-05-10", "UBND tỉnh Sóc Trăng")
    assert d["signer"].startswith("Quách Việt Tùng")  # L310
    assert d["seed"] == "001_57a00165d86f0b40.txt"
    assert p["period"] == {"start": 2011, "end": 2015}  # L5 "giai đoạn 2011 - 2015"
    assert p["implements"] == ["qd-1755-2010"]
    assert p["unit"] == "million VND"
    assert "baseline" not in p and "roadmap" not in p and "phasing" not in p  # none printed


def test_citations(load_plan):
    c = load_plan(PLAN)["citations"]
    assert [x["id"] for x in c] == ["qd-75-2007", "qd-50-2009", "qd-698-2009", "qd-63-2010", "qd-1605-2010",
                                    "qd-1755-2010", "qd-119-2011", "kh-21-2010"]
    c = by_id(c)
    assert (c["qd-75-2007"]["number"], c["qd-75-2007"]["date"]) == ("75/2007/QĐ-TTg", "2007-05-28")  # L27
    assert (c["qd-50-2009"]["number"], c["qd-50-2009"]["date"]) == ("50/2009/QĐ-TTg", "2009-04-03")  # L29
    assert (c["qd-698-2009"]["number"], c["qd-698-2009"]["date"]) == ("698/QĐ-TTg", "2009-06-01")  # L31
    assert (c["qd-63-2010"]["number"], c["qd-63-2010"]["date"]) == ("63/QĐ-TTg", "2010-01-13")  # L33
    # L35: "Quyết định số 1605/QĐ-TTg, ngày 27/8/2010"
    assert (c["qd-1605-2010"]["number"], c["qd-1605-2010"]["date"], c["qd-1605-2010"]["programme"]) == \
        ("1605/QĐ-TTg", "2010-08-27", "qd-1605-2010")
    # L37: "Quyết định số 1755/QĐ-TTg, ngày 22/9/2010"
    assert (c["qd-1755-2010"]["number"], c["qd-1755-2010"]["date"], c["qd-1755-2010"]["programme"]) == \
        ("1755/QĐ-TTg", "2010-09-22", "qd-1755-2010")
    assert (c["qd-119-2011"]["number"], c["qd-119-2011"]["date"]) == ("119/QĐ-TTg", "2011-01-18")  # L39
    assert (c["kh-21-2010"]["number"], c["kh-21-2010"]["date"]) == ("21/KH-UBND", "2010-11-02")  # L175


def test_funding_sources(load_plan):
    p = load_plan(PLAN)
    # L321 columns "NSDP / NSTW / Khác"; L259-263 "Ngân sách địa phương / trung ương / Nguồn khác"
    assert [(s["id"], s["kind"]) for s in p["funding_sources"]] == \
        [("nsdp", "local-budget"), ("nstw", "central-budget"), ("khac", "other")]
    assert p["project_list"]["columns"] == ["nsdp", "nstw", "khac"]
    assert p["project_list"]["unit"] == "million VND"


def test_targets(load_plan):
    targets = load_plan(PLAN)["targets"]
    assert len(targets) == 28  # III.2.1-2.6, L59-113
    assert all(t["year"] == 2015 for t in targets)  # L57 "Mục tiêu cụ thể đến năm 2015"
    t = by_id(targets)
    assert len(t) == len(targets)
    # L61 "Từ 30% trở lên số lượng sinh viên ..."
    g = t["st-t-ict-graduates-intl-ready"]
    assert (g["comparator"], g["value"], g["unit"], g["national_target"]) == \
        (">=", 30, "%", "qd-1755-2010/hr-ict-graduates-intl-ready-2015")
    # L67 "khoảng 2.000 - 2.500 lao động ... trong đó có 40%"
    w = t["st-t-ict-workers-supplied"]
    assert (w["comparator"], w["value"], w["value_max"]) == ("range", 2000, 2500)
    assert t["st-t-ict-workers-college"]["value"] == 40
    assert (t["st-t-postgraduate-officials"]["comparator"], t["st-t-postgraduate-officials"]["value"]) == (">=", 25)  # L69
    assert t["st-t-software-content-enterprises"]["value"] == 10  # L75 "tối thiểu 10"
    # L79 "phủ sóng đến 100% dân cư"; "tất cả các trường học"
    assert (t["st-t-mobile-broadband-coverage"]["comparator"], t["st-t-mobile-broadband-coverage"]["value"]) == ("==", 100)
    assert t["st-t-mobile-broadband-coverage"]["national_target"] == "qd-1755-2010/mobile-broadband-coverage-2015"
    assert t["st-t-schools-internet"]["national_target"] == "qd-1755-2010/schools-internet-2015"
    assert t["st-t-broadband-communes"]["comparator"] == "qualitative"
    # L85 "Khoảng 20% - 30%"
    h = t["st-t-households-computer-broadband"]
    assert (h["comparator"], h["value"], h["value_max"]) == ("range", 20, 30)
    assert (t["st-t-households-tv"]["value"], t["st-t-households-digital-tv"]["value"]) == (90, 70)  # L87
    # L93 "Trên 60% các doanh nghiệp": weaker than the national 80%
    e = t["st-t-enterprises-using-ict"]
    assert (e["comparator"], e["value"], e["national_target"]) == (">", 60, "qd-1755-2010/enterprises-using-ict-2015")
    # L99 "Trên 90% các văn bản ..."
    assert (t["st-t-e-documents"]["value"], t["st-t-e-documents"]["national_target"]) == \
        (90, "qd-1605-2010/e-documents-share-2015")
    assert (t["st-t-online-meetings"]["comparator"], t["st-t-online-meetings"]["value"]) == (">=", 50)  # L101
    assert t["st-t-computers-per-civil-servant"]["value"] == 90  # L105
    assert t["st-t-ict-smes"]["comparator"] == "qualitative"  # L113


def test_groups(load_plan):
    groups = load_plan(PLAN)["groups"]
    assert [g["seq"] for g in groups] == ["I", "II", "III", "IV", "V", "VI"]
    assert [len(g["projects"]) for g in groups] == [8, 5, 5, 4, 6, 3]
    assert [g["task_groups"] for g in groups] == [
        ["qd-1755-2010/hr-development"], ["qd-1755-2010/ict-industry"], ["qd-1755-2010/broadband-infrastructure"],
        ["qd-1755-2010/universal-access"], ["qd-1755-2010/ict-application"], ["qd-1755-2010/research-capacity"]]
    # every printed subtotal row: Tổng cộng, NSDP, NSTW, Khác
    stated = [(g["stated"]["total"], g["stated"]["by_source"]) for g in groups]
    assert stated[0] == (25500, {"nsdp": 10000, "nstw": 12500, "khac": 3000})  # L323
    assert stated[1] == (19800, {"nsdp": 6800, "nstw": 7000, "khac": 6000})  # L333
    assert stated[2] == (37400, {"nsdp": 8900, "nstw": 13500, "khac": 15000})  # L342
    assert stated[3] == (59000, {"nsdp": 17000, "nstw": 17000, "khac": 25000})  # L349
    assert stated[4] == (133600, {"nsdp": 63400, "nstw": 57200, "khac": 13000})  # L357
    assert stated[5] == (56100, {"nsdp": 6100, "nstw": 50000})  # L365: Khác cell empty


def test_numbering_as_printed(load_plan):
    seqs = [p["seq"] for g in load_plan(PLAN)["groups"] for p in g["projects"]]
    # L347-348: 17 then 19; L367-369: 31 then 33
    assert seqs == list(range(1, 18)) + list(range(19, 32)) + [33]


def test_project_rows(load_plan):
    pr = projects(load_plan(PLAN))
    assert len(pr) == 31
    # L324, first row: "1 Phổ cập tin học cho nhân dân | Trung tâm CNTT&TT | 2012-2015 | 4.000 3.000 _ 1.000"
    first = pr["st-hr-public-computer-literacy"]
    assert (first["seq"], first["lead"], first["start"], first["end"], first["years_as_printed"]) == \
        (1, "Trung tâm CNTT&TT", 2012, 2015, "2012-2015")
    assert (first["total"], first["amounts"]) == (4000, {"nsdp": 3000, "khac": 1000})
    # L331: row 7, single year "2012", 500 NSDP
    r7 = pr["st-hr-workforce-survey"]
    assert (r7["start"], r7["end"], r7["years_as_printed"], r7["total"], r7["amounts"]) == \
        (2012, 2012, "2012", 500, {"nsdp": 500})
    # L343: row 14, lead "Các DN Viễn thông", 20.000 = 5.000 + 2.000 + 13.000
    r14 = pr["st-inf-broadband"]
    assert (r14["lead"], r14["total"], r14["amounts"]) == \
        ("Các DN Viễn thông", 20000, {"nsdp": 5000, "nstw": 2000, "khac": 13000})
    # L348: row 19, no years printed
    r19 = pr["st-inf-digital-terrestrial-tv"]
    assert r19["seq"] == 19 and not {"start", "end", "years_as_printed"} & set(r19)
    assert (r19["total"], r19["amounts"]) == (6000, {"nsdp": 2000, "nstw": 2000, "khac": 2000})
    # L350-356: rows 20-23 have no years either
    for pid in ("st-ua-grassroots-staff", "st-ua-grassroots-content", "st-ua-broadcasting-facilities",
                "st-ua-digital-devices"):
        assert "start" not in pr[pid] and "years_as_printed" not in pr[pid]
    assert (pr["st-ua-digital-devices"]["total"], pr["st-ua-digital-devices"]["amounts"]) == \
        (40000, {"nsdp": 10000, "nstw": 10000, "khac": 20000})  # L356
    # L358: row 24, the largest row; Khác empty
    r24 = pr["st-app-state-agencies"]
    assert (r24["total"], r24["amounts"]) == (94600, {"nsdp": 49400, "nstw": 45200})
    # L364: row 29, NSTW empty
    assert pr["st-app-awareness"]["amounts"] == {"nsdp": 2000, "khac": 1000}
    # L366: row 30, "2011", 100 NSDP
    r30 = pr["st-rd-st-tasks"]
    assert (r30["start"], r30["end"], r30["total"], r30["amounts"]) == (2011, 2011, 100, {"nsdp": 100})
    # L369, last row: "33 ... | Sở KHCN | 2012-2015 | 55.000 5.000 50.000 _"
    last = pr["st-rd-laboratories"]
    assert (last["seq"], last["lead"], last["start"], last["end"]) == (33, "Sở KHCN", 2012, 2015)
    assert (last["total"], last["amounts"]) == (55000, {"nsdp": 5000, "nstw": 50000})
    # empty cells stay absent, never 0
    assert all(v > 0 for p in pr.values() for v in p["amounts"].values())


def test_printed_totals(load_plan):
    p = load_plan(PLAN)
    # L322: TỔNG CỘNG 331.400 | 112.200 | 157.200 | 62.000 (million VND)
    assert p["project_list"]["stated"] == {"total": 331400,
                                           "by_source": {"nsdp": 112200, "nstw": 157200, "khac": 62000}}
    # L257-263 (VII): 331.400.000.000 đồng; NSĐP 112.200.000.000; NSTW 157.200.000.000; khác 62.000.000.000
    b = p["budget"]
    assert b["unit"] == "VND"
    assert b["total"] == 331400000000
    assert b["by_source"] == {"nsdp": 112200000000, "nstw": 157200000000, "khac": 62000000000}
    assert "by_type" not in b
