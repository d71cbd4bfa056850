"""Sóc Trăng KH 21/KH-UBND 02/11/2010 (seed 002_f340a457e7872c4a.txt): the three baseline appendix tables
(Phụ lục 1-3, hiện trạng), pinned to the document. Line numbers (L..) are lines of the seed file, which prints
the tables flattened, one cell per line; empty cells are printed as a non-breaking space."""
PLAN = "soc-trang/kh-21-2010.yaml"

P1_COLS = ["staff", "it-university", "it-college", "it-intermediate", "cert-b", "cert-a", "basic-use", "email"]
P23_COLS = ["staff", "computers", "internet", "lan", "computers-per-staff", "lan-share", "internet-share"]


def tables(plan):
    return {t["id"]: t for t in plan["baseline"]["tables"]}


def row(values, cols):
    """A printed row as a values dict: None marks an empty cell (key absent)."""
    return {c: v for c, v in zip(cols, values) if v is not None}


def test_tables_present(load_plan):
    t = tables(load_plan(PLAN))
    assert {"pl1-ict-human-resources", "pl2-computers-provincial-agencies", "pl3-computers-districts"} <= set(t)


def test_pl1_ict_human_resources(load_plan):
    t = tables(load_plan(PLAN))["pl1-ict-human-resources"]
    # L685 title, L688-710 header
    assert t["title"] == "HIỆN TRẠNG NGUỒN NHÂN LỰC CNTT CÁC SỞ, BAN, NGÀNH, UBND HUYỆN,THÀNH PHỐ"
    assert [c["id"] for c in t["columns"]] == P1_COLS
    assert all(c.get("summable", True) for c in t["columns"])
    s = t["sections"]
    # L712 "I. CÁC SỞ, NGÀNH TỈNH" (STT 1-18), L1074 "II. CÁC HUYỆN, THÀNH PHỐ" (19-25),
    # L1216 "III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC" (26-31)
    assert [(x["seq"], x["name"]) for x in s] == [
        ("I", "CÁC SỞ, NGÀNH TỈNH"), ("II", "CÁC HUYỆN, THÀNH PHỐ"), ("III", "CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC")]
    assert [len(x["rows"]) for x in s] == [18, 7, 6]
    assert [r["seq"] for x in s for r in x["rows"]] == list(range(1, 32))
    assert all("stated" not in x for x in s)  # no section subtotals printed
    r = s[0]["rows"]
    # L714-732: first row
    assert r[0]["name"] == "Sở Công thương tỉnh Sóc Trăng"
    assert r[0]["values"] == row([33, 0, 1, 0, 6, 17, 7, 25], P1_COLS)
    # L834-852: email cell empty (L852)
    assert r[6]["values"] == row([48, 0, 2, 0, 16, 14, 4, None], P1_COLS)
    # L974-992: Sở Y tế, staff cell empty (L978)
    assert r[13]["name"] == "Sở Y tế tỉnh Sóc Trăng"
    assert r[13]["values"] == row([None, 0, 0, 0, 15, 10, 5, 4], P1_COLS)
    # L1054-1072: last row of section I, Biết sử dụng empty (L1070)
    assert r[17]["name"] == "Văn phòng UBND Tỉnh"
    assert r[17]["values"] == row([68, 4, 1, 0, 8, 32, None, 30], P1_COLS)
    r = s[1]["rows"]
    # L1076-1094: first row of section II, Biết sử dụng empty (L1092)
    assert r[0]["values"] == row([23, 1, 0, 0, 1, 17, None, 16], P1_COLS)
    # L1156-1174: Vĩnh Châu, only the staff count printed (L1162-1174 empty)
    assert (r[4]["seq"], r[4]["name"]) == (23, "Văn phòng HĐND & UBND huyện Vĩnh Châu")
    assert r[4]["values"] == {"staff": 22}
    # L1196-1214: last row of section II
    assert r[6]["name"] == "Ủy ban nhân dân huyện Châu Thành"
    assert r[6]["values"] == row([80, 3, 0, 0, 9, 48, 20, 34], P1_COLS)
    r = s[2]["rows"]
    # L1238-1256: middle row of section III
    assert r[1]["values"] == row([114, 7, 1, 0, 19, 50, 23, 100], P1_COLS)
    # L1318-1336: last row, email empty (L1336)
    assert (r[5]["seq"], r[5]["name"]) == (31, "Ban QLDA PT KVH Hồ Nước Ngọt")
    assert r[5]["values"] == row([9, 0, 0, 0, 4, 5, 0, None], P1_COLS)
    # L1338-1354 "TỔNG CỘNG": 1,201 | 43 | 13 | 5 | 201 | 591 | 241 | 749 (all equal the column sums)
    assert t["stated"] == row([1201, 43, 13, 5, 201, 591, 241, 749], P1_COLS)


def _check_p23_columns(t):
    assert [c["id"] for c in t["columns"]] == P23_COLS
    assert [c.get("summable", True) for c in t["columns"]] == [True] * 4 + [False] * 3


def test_pl2_computers_provincial_agencies(load_plan):
    t = tables(load_plan(PLAN))["pl2-computers-provincial-agencies"]
    # L1360 title, L1363-1399 header
    assert t["title"] == ("SỐ LIỆU THỐNG KÊ HIỆN TRẠNG SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ SỐ MÁY TÍNH Ở CÁC SỞ, "
                          "BAN NGÀNH TỈNH")
    _check_p23_columns(t)
    s = t["sections"]
    assert [len(x["rows"]) for x in s] == [27]  # Mã số 1-27, no section headings
    r = s[0]["rows"]
    assert [x["seq"] for x in r] == list(range(1, 28))
    # L1401-1417: first row
    assert r[0]["name"] == "Tỉnh ủy"
    assert r[0]["values"] == row([159, 142, 16, 87, 0.89308, 0.61268, 0.11268], P23_COLS)
    # L1437-1453: printed zeros
    assert r[2]["values"] == row([0] * 7, P23_COLS)
    # L1635-1651: middle row
    assert r[13]["name"] == "Sở Thông tin và Truyền thông"
    assert r[13]["values"] == row([29, 26, 26, 26, 0.89655, 1, 1], P23_COLS)
    # L1869-1885: last row
    assert r[26]["name"] == "Hội Cựu Chiến binh"
    assert r[26]["values"] == row([16, 4, 2, 0, 0.25, 0, 0.5], P23_COLS)
    # L1887-1901 "TỔNG/BÌNH QUÂN" (the counts equal the column sums)
    assert t["stated"] == row([1215, 1001, 830, 816, 0.82387, 0.81518, 0.82917], P23_COLS)


def test_pl3_computers_districts(load_plan):
    t = tables(load_plan(PLAN))["pl3-computers-districts"]
    # L1907 title, L1910-1946 header
    assert t["title"] == ("SỐ LIỆU THỐNG KÊ HIỆN TRẠNG SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ SỐ MÁY TÍNH Ở CÁC HUYỆN, "
                          "THÀNH PHỐ TRÊN ĐỊA BÀN TỈNH")
    _check_p23_columns(t)
    s = t["sections"]
    assert [len(x["rows"]) for x in s] == [22]  # Mã số 1-22, no section headings
    r = s[0]["rows"]
    assert [x["seq"] for x in r] == list(range(1, 23))
    # L1948-1964: first row
    assert r[0]["name"] == "Huyện ủy"
    assert r[0]["values"] == row([303, 228, 75, 101, 0.75248, 0.44298, 0.32895], P23_COLS)
    # L2128-2144: middle row
    assert r[10]["name"] == "Thanh tra huyện"
    assert r[10]["values"] == row([53, 39, 20, 3, 0.73585, 0.07692, 0.51282], P23_COLS)
    # L2326-2342: last row
    assert r[21]["name"] == "Hội Cựu Chiến binh"
    assert r[21]["values"] == row([183, 109, 59, 50, 0.59563, 0.45872, 0.54128], P23_COLS)
    # L2344-2358 "TỔNG/BÌNH QUÂN", printed as is although the 22 rows add up to 2163 | 1345 | 868 | 634
    assert t["stated"] == row([2025, 1250, 813, 586, 0.61728, 0.4688, 0.6504], P23_COLS)
    sums = {c: sum(x["values"][c] for x in r) for c in P23_COLS[:4]}
    assert sums == {"staff": 2163, "computers": 1345, "internet": 868, "lan": 634}
