"""Generate a synthetic national repository of provincial ICT plans, for benchmarks.

63 provinces × 2 plans (one implementing QĐ 1755, one QĐ 1605), each with ~60 projects in
6 groups, funding sources with parents and budget lines, targets linked to national targets,
a roadmap, a budget statement, a yearly phasing table, legal bases (a law cited without a number
among them), the document's outline and coverage, and baseline figures with their relations (a
share with its numerator and denominator, a subset, parts of a total, a bound, a table with a
parent row): about 25 KB of YAML per plan, valid against schema/plan.schema.json. Everything is derived from a seed, so two runs with
the same seed write the same bytes.

A few plans carry one deliberate inconsistency each (a wrong printed total, a year typed 1013, a
numbering gap, a wrong citation date, a repeated project name, a weaker target, a phasing row
that does not add up, a falling milestone), so the policy rules have work to do;
`Repository.defects` says which plan got which.

Layout written (a repository as `planctl lint` expects it, with its own pyproject.toml):

    OUT/pyproject.toml            [tool.planctl] plans, programmes, policies
    OUT/plans/national/*.yaml     the national programmes (copied from plans/national/ when present)
    OUT/plans/<province>/*.yaml   two plans per province
    OUT/rules/policy/*.yaml       the funding policy (copied from rules/policy/ when present)
    OUT/schema/*.schema.json      the schemas, which each file names on its first line for editors

Usage:  python tests/bench/generate.py [OUT] [--seed N] [--provinces N]
Import: from tests.bench.generate import generate, build_plan, to_yaml
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path(__file__).resolve().parent / "out"
MARKER = ".planctl-bench"  # only a folder carrying this file is ever emptied
PROGRAMME_IDS = ("qd-1755-2010", "qd-1605-2010")

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
assert len(PROVINCES) == 63

# Used only when plans/national/ has no programme files yet: the task groups and a few targets
# of both decisions, as in the shared reference research.
BUILTIN_PROGRAMMES: dict[str, dict] = {
    "qd-1755-2010": {
        "planctl": 1, "kind": "programme", "id": "qd-1755-2010", "number": "1755/QĐ-TTg",
        "date": "2010-09-22", "issuer": "Thủ tướng Chính phủ",
        "title": "Đề án đưa Việt Nam sớm trở thành nước mạnh về công nghệ thông tin và truyền thông",
        "period": {"start": 2011, "end": 2015, "horizon": 2020},
        "task_groups": [
            {"id": "hr-development", "seq": 1, "name": "Phát triển nguồn nhân lực CNTT", "confidence": "high"},
            {"id": "ict-industry", "seq": 2, "name": "Phát triển công nghiệp CNTT", "confidence": "high"},
            {"id": "broadband-infrastructure", "seq": 3, "name": "Phát triển hạ tầng viễn thông và CNTT",
             "confidence": "high"},
            {"id": "universal-access", "seq": 4, "name": "Phổ cập thông tin đến hộ gia đình", "confidence": "high"},
            {"id": "ict-application", "seq": 5, "name": "Ứng dụng hiệu quả CNTT", "confidence": "high"},
            {"id": "research-capacity", "seq": 6, "name": "Tăng cường năng lực nghiên cứu CNTT-TT",
             "confidence": "high"},
        ],
        "targets": [
            {"id": "internet-users-2015", "task_group": "hr-development", "year": 2015,
             "indicator": "Tỷ lệ người dân sử dụng Internet", "comparator": ">=", "value": 50, "unit": "%",
             "confidence": "high"},
            {"id": "schools-internet-2015", "task_group": "broadband-infrastructure", "year": 2015,
             "indicator": "Trường học được kết nối Internet", "comparator": "==", "value": 100, "unit": "%",
             "confidence": "medium"},
            {"id": "enterprises-using-ict-2015", "task_group": "ict-application", "year": 2015,
             "indicator": "Tỷ lệ doanh nghiệp ứng dụng CNTT", "comparator": ">=", "value": 80, "unit": "%",
             "confidence": "medium"},
        ],
    },
    "qd-1605-2010": {
        "planctl": 1, "kind": "programme", "id": "qd-1605-2010", "number": "1605/QĐ-TTg",
        "date": "2010-08-27", "issuer": "Thủ tướng Chính phủ",
        "title": "Chương trình quốc gia về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước "
                 "giai đoạn 2011-2015",
        "period": {"start": 2011, "end": 2015},
        "task_groups": [
            {"id": "infrastructure", "seq": 1, "name": "Hạ tầng thông tin", "confidence": "high"},
            {"id": "internal-application", "seq": 2, "name": "Ứng dụng CNTT trong nội bộ cơ quan nhà nước",
             "confidence": "high"},
            {"id": "citizen-business-services", "seq": 3,
             "name": "Ứng dụng CNTT phục vụ người dân và doanh nghiệp", "confidence": "high"},
        ],
        "targets": [
            {"id": "e-documents-share-2015", "task_group": "internal-application", "year": 2015,
             "indicator": "Tỷ lệ văn bản trao đổi dưới dạng điện tử", "comparator": ">=", "value": 60,
             "unit": "%", "confidence": "high"},
            {"id": "agency-portals-2015", "task_group": "citizen-business-services", "year": 2015,
             "indicator": "Cơ quan nhà nước có cổng hoặc trang thông tin điện tử", "comparator": "==",
             "value": 100, "unit": "%", "confidence": "medium"},
        ],
    },
}

AGENCIES = (
    "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài nguyên và Môi trường",
    "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Công Thương", "Sở Lao động - Thương binh và Xã hội",
    "Trung tâm Công nghệ thông tin và Truyền thông", "Bưu điện tỉnh", "Viễn thông tỉnh",
    "UBND các huyện, thị xã, thành phố",
)
ACTIONS = ("Xây dựng", "Nâng cấp", "Triển khai", "Mở rộng", "Hoàn thiện", "Đầu tư", "Thí điểm",
           "Duy trì và phát triển", "Chuẩn hóa", "Tích hợp")
OBJECTS = {
    "hr": ("chương trình đào tạo kỹ năng CNTT cho cán bộ", "lớp bồi dưỡng chuyên viên an toàn thông tin",
           "đội ngũ cán bộ chuyên trách CNTT", "phòng máy thực hành tin học", "chương trình học bổng CNTT"),
    "industry": ("khu công nghệ thông tin tập trung", "vườn ươm doanh nghiệp phần mềm",
                 "cơ sở dữ liệu doanh nghiệp CNTT", "trung tâm nội dung số", "dịch vụ gia công phần mềm"),
    "infra": ("mạng diện rộng (WAN) của tỉnh", "trung tâm dữ liệu tỉnh", "hạ tầng cáp quang đến xã",
              "mạng truyền số liệu chuyên dùng", "hệ thống an toàn thông tin", "trạm phát sóng di động"),
    "access": ("điểm truy nhập Internet công cộng", "điểm bưu điện - văn hóa xã",
               "chương trình hỗ trợ máy tính cho hộ nghèo", "đài truyền thanh cơ sở", "phủ sóng truyền hình số"),
    "application": ("hệ thống quản lý văn bản và điều hành", "hệ thống thư điện tử công vụ",
                    "cổng thông tin điện tử", "dịch vụ công trực tuyến mức độ 3",
                    "phần mềm một cửa điện tử", "cơ sở dữ liệu cán bộ, công chức", "hệ thống hội nghị truyền hình"),
    "research": ("đề tài nghiên cứu ứng dụng mã nguồn mở", "phòng thí nghiệm an toàn thông tin",
                 "chương trình hợp tác nghiên cứu với trường đại học", "đề tài khoa học về chính quyền điện tử"),
}
THEMES = {  # task-group id -> object family
    "hr-development": "hr", "ict-industry": "industry", "broadband-infrastructure": "infra",
    "universal-access": "access", "ict-application": "application", "research-capacity": "research",
    "infrastructure": "infra", "internal-application": "application",
    "citizen-business-services": "application", "hr-and-enablers": "hr",
}
PLACES = ("cấp tỉnh", "cấp huyện", "cấp xã", "khu vực nông thôn", "các sở, ngành", "vùng sâu, vùng xa",
          "thành phố", "các trường học", "các bệnh viện", "khu công nghiệp")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MILESTONES = {"dvc-online": "Dịch vụ công trực tuyến mức độ 3", "van-ban-dien-tu": "Văn bản điện tử"}
YEARS = (2011, 2012, 2013, 2014, 2015)
# Funding sources every plan declares: (id, name, kind, parent, type).
SOURCES = (
    ("nstw", "Ngân sách Trung ương", "central-budget", None, None),
    ("nsdp", "Ngân sách địa phương", "local-budget", None, None),
    ("nsdp-dt", "Ngân sách địa phương - vốn đầu tư phát triển", "local-budget", "nsdp", "investment"),
    ("nsdp-sn", "Ngân sách địa phương - vốn sự nghiệp", "local-budget", "nsdp", "recurrent"),
    ("khac", "Vốn khác", "other", None, None),
    ("vtci", "Quỹ Dịch vụ viễn thông công ích", "universal-service-fund", "khac", None),
    ("dn", "Doanh nghiệp", "enterprise", "khac", None),
)
TOP_SOURCES = ("nstw", "nsdp", "khac")
PARENT = {sid: parent or sid for sid, _n, _k, parent, _t in SOURCES}
# The default funding policy lets the universal-service fund pay only for these task groups.
USF_TASK_GROUPS = {"qd-1755-2010/universal-access", "qd-1755-2010/broadband-infrastructure"}
DEFECTS = ("project-total", "year-typo", "numbering-gap", "citation-date", "repeated-name",
           "weaker-target", "phasing-row", "milestone-decrease")


@dataclass(frozen=True)
class Defect:
    """One deliberate inconsistency: which plan, what kind, where (JSON pointer)."""

    plan: str
    kind: str
    pointer: str


@dataclass(frozen=True)
class Repository:
    root: Path
    plans: tuple[Path, ...]
    programmes: tuple[Path, ...]
    defects: tuple[Defect, ...] = field(default=())


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# -- a small YAML emitter: block style, short mappings and lists of scalars in flow style ------

_PLAIN = re.compile(r"[^\W\d_][^:#\n\"'`]*", re.UNICODE)
_FLOW_UNSAFE = set(",[]{}")
_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _scalar(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    plain = (_PLAIN.fullmatch(text) is not None and text == text.strip() and text.lower() not in _WORDS
             and not (flow and _FLOW_UNSAFE & set(text)))
    return text if plain else json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: Any) -> str | None:
    """A one-line flow rendering of a small mapping or list of scalars, else None."""
    if isinstance(value, dict) and all(_is_scalar(v) for v in value.values()):
        text = "{" + ", ".join(f"{_scalar(k, True)}: {_scalar(v, True)}" for k, v in value.items()) + "}"
    elif isinstance(value, list) and all(_is_scalar(v) for v in value):
        text = "[" + ", ".join(_scalar(v, True) for v in value) + "]"
    else:
        return None
    return text if len(text) <= 110 else None


def _block(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{pad}{_scalar(key, False)}:"
            flow = _flow(item) if not _is_scalar(item) else None
            if _is_scalar(item):
                lines.append(f"{head} {_scalar(item, False)}")
            elif flow is not None:
                lines.append(f"{head} {flow}")
            else:
                lines.append(head)
                lines.extend(_block(item, indent + 2))
        return lines
    for item in value:
        flow = _flow(item) if not _is_scalar(item) else None
        if _is_scalar(item):
            lines.append(f"{pad}- {_scalar(item, False)}")
        elif flow is not None:
            lines.append(f"{pad}- {flow}")
        else:
            inner = _block(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
    return lines


def to_yaml(data: dict, schema_comment: str | None = None) -> str:
    """Plain data (str, int, float, bool, None, dict, list) as readable YAML 1.2."""
    head = [f"# yaml-language-server: $schema={schema_comment}"] if schema_comment else []
    return "\n".join(head + _block(data, 0)) + "\n"


# -- plans ----------------------------------------------------------------------------------------

def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` as `parts` positive-ish integers that add up exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def _project(rng: random.Random, pid: str, seq: int, name: str, task_groups: list[str]) -> dict:
    kind = rng.choice(("investment", "investment", "recurrent"))
    start = rng.choice(YEARS[:4])
    # Plans are dated 2011 or 2012: a project that ended in 2011 in a plan of 2012 is a mistake
    # (periods.ends-before-document), and a clean plan has none.
    end = rng.randint(max(start, 2012), YEARS[-1])
    amounts: dict[str, int] = {}
    if rng.random() < 0.6:
        amounts["nstw"] = rng.randrange(200, 3000, 10)
    amounts["nsdp-dt" if kind == "investment" else "nsdp-sn"] = rng.randrange(100, 2500, 10)
    if USF_TASK_GROUPS & set(task_groups) and rng.random() < 0.5:
        amounts["vtci"] = rng.randrange(100, 800, 10)
    if rng.random() < 0.25:
        amounts["dn"] = rng.randrange(100, 1500, 10)
    project = {"id": pid, "seq": seq, "name": name, "lead": rng.choice(AGENCIES), "start": start, "end": end,
               "total": sum(amounts.values()), "amounts": amounts}
    if rng.random() < 0.15:
        years = [str(y) for y in YEARS if start <= y <= end]
        project["by_year"] = dict(zip(years, _split(rng, project["total"], len(years))))
    return project


def _project_names(rng: random.Random, theme: str, count: int, taken: set[str]) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS[theme])}"
        if name.casefold() in taken:  # the same work elsewhere: name the place, as documents do
            name = f"{name} {rng.choice(PLACES)}"
        if name.casefold() not in taken:
            taken.add(name.casefold())
            names.append(name)
    return names


def _group_task_groups(programme: dict, count: int) -> list[list[str]]:
    """Spread the programme's task groups over `count` plan groups so that each is covered."""
    ids = [f"{programme['id']}/{t['id']}" for t in programme["task_groups"]]
    mapping: list[list[str]] = [[] for _ in range(count)]
    for i, ref in enumerate(ids):
        mapping[i % count].append(ref)
    for i in range(len(ids), count):
        mapping[i].append(ids[i % len(ids)])
    return mapping


def _sum_by_top(projects: list[dict]) -> dict[str, int]:
    totals = {s: 0 for s in TOP_SOURCES}
    for project in projects:
        for source, amount in project["amounts"].items():
            totals[PARENT[source]] += amount
    return {s: a for s, a in totals.items() if a}


def _targets(rng: random.Random, programme: dict, horizon: int) -> list[dict]:
    targets = []
    for national in programme.get("targets", []):
        value = national.get("value")
        if (national.get("unit") != "%" or not isinstance(value, (int, float))
                or national["comparator"] not in (">=", ">", "==") or national["year"] > horizon):
            continue
        mine = value if national["comparator"] == "==" else min(100, value + rng.choice((0, 5, 10)))
        targets.append({
            "id": f"t-{national['id']}", "seq": len(targets) + 1, "indicator": national["indicator"],
            "year": national["year"], "comparator": national["comparator"], "value": mine, "unit": "%",
            "national_target": f"{programme['id']}/{national['id']}",
            "source": f"Mục II.{len(targets) + 1}",
        })
        if len(targets) == 8:
            break
    return targets


def _roadmap(rng: random.Random) -> list[dict]:
    values = {"dvc-online": rng.randint(5, 15), "van-ban-dien-tu": rng.randint(10, 30)}
    roadmap = []
    for year in YEARS:
        milestones = []
        for indicator, value in values.items():
            milestones.append({"id": f"m{year}-{indicator}", "indicator": indicator,
                               "text": f"{MILESTONES[indicator]} năm {year}", "value": value, "unit": "%"})
            values[indicator] = min(100, value + rng.randint(3, 12))
        roadmap.append({"year": year, "milestones": milestones})
    return roadmap


def _outline(groups: list[dict], pslug: str) -> list[dict]:
    """The document's headings as printed: sections I-V, numbered headings under each, the
    appendix; section III lists one heading per group of the appendix."""
    def heading(seq: str, title: str, line: int, children: list[dict] | None = None) -> dict:
        node: dict = {"seq": seq, "title": title, "source": f"L{line}"}
        if children:
            node["children"] = children
        return node

    tasks = [heading(str(i + 1), g["name"], 40 + i) for i, g in enumerate(groups)]
    sections = [
        heading("I", "CĂN CỨ XÂY DỰNG KẾ HOẠCH", 5),
        heading("II", "HIỆN TRẠNG", 12, [heading("1", "Hạ tầng kỹ thuật", 13), heading("2", "Nguồn nhân lực", 20)]),
        heading("III", "NHIỆM VỤ", 39, tasks),
        heading("IV", "KINH PHÍ", 60, [heading("1", "Tổng kinh phí", 61), heading("2", "Phân kỳ đầu tư", 62)]),
        heading("V", "TỔ CHỨC THỰC HIỆN", 70),
    ]
    return [{"title": "KẾ HOẠCH", "id": f"{pslug}-plan", "kind": "plan", "source": "L1", "children": sections},
            *({"seq": f"Phụ lục {i + 1}", "title": title, "kind": "appendix", "source": f"L{90 + 40 * i}"}
              for i, title in enumerate(("BIỂU HIỆN TRẠNG", "DANH MỤC DỰ ÁN", "PHÂN KỲ ĐẦU TƯ")))]


def _tasks(groups: list[dict]) -> list[dict]:
    """Section III's tasks, one per task group of the programme, each linked to the appendix rows
    of the groups that carry it out, with its amount and its years as the text prints them."""
    by_name: dict[str, list[dict]] = {}
    for group in groups:
        by_name.setdefault(group["name"].removesuffix(" (tiếp)"), []).append(group)
    tasks = []
    for ti, (name, carried_by) in enumerate(by_name.items()):
        projects = [p for g in carried_by for p in g["projects"]]
        start, end = min(p["start"] for p in projects), max(p["end"] for p in projects)
        tasks.append({
            "id": f"t-{ti + 1}", "seq": f"{ti + 1}", "name": name,
            "amount": sum(g["stated"]["total"] for g in carried_by),
            "schedule": {"steps": [{"start": start, "end": end, "as_printed": f"Năm {start} đến {end}",
                                    "source": f"L{40 + ti}"}]},
            "projects": [p["id"] for p in projects], "source": f"III.{ti + 1}",
        })
    return tasks


def _baseline(rng: random.Random) -> dict:
    """Figures of the hiện trạng with their relations: a share with its numerator and denominator
    (rounded as printed), a subset, parts of a total, a lower bound; and a table whose parent row
    sums its sub-rows."""
    staff = rng.randint(900, 3000)
    computers = rng.randint(staff // 2, staff)
    levels = [rng.randint(1, 20), rng.randint(20, 200)]
    levels.append(staff - sum(levels))
    district, commune = rng.randint(50, 300), rng.randint(100, 900)
    return {
        "indicators": [
            {"id": "bl-staff", "indicator": "Tổng số cán bộ công chức", "value": staff, "unit": "người",
             "source": "II.2"},
            {"id": "bl-computers", "indicator": "Số lượng máy vi tính", "value": computers, "unit": "máy",
             "source": "II.1"},
            {"id": "bl-computers-pct", "indicator": "Tỷ lệ máy vi tính trên cán bộ công chức",
             "value": round(computers * 100 / staff, 2), "unit": "%",
             "ratio": {"numerator": "bl-computers", "denominator": "bl-staff"}, "source": "II.1"},
            {"id": "bl-computers-internet", "indicator": "Máy vi tính kết nối Internet",
             "value": rng.randint(computers // 2, computers), "unit": "máy", "subset_of": "bl-computers",
             "source": "II.1"},
            *({"id": f"bl-staff-level-{i}", "indicator": f"Cán bộ công chức trình độ {name}", "value": value,
               "unit": "người", "part_of": "bl-staff", "source": "II.2"}
              for i, (name, value) in enumerate(zip(("thạc sỹ", "đại học", "khác"), levels))),
            {"id": "bl-online-users", "indicator": "Người sử dụng hệ thống quản lý văn bản", "value": 800,
             "comparator": ">", "unit": "người", "source": "II.1"},
        ],
        "tables": [{
            "id": "bl-trained", "title": "Cán bộ được đào tạo về CNTT", "source": "II.2",
            "columns": [{"id": "province", "name": "Cấp tỉnh"}, {"id": "district", "name": "Cấp huyện"}],
            "sections": [{"rows": [
                {"seq": 1, "id": "trained", "name": "Số cán bộ được đào tạo",
                 "values": {"province": district + commune, "district": district}},
                {"id": "trained-domestic", "parent": "trained", "name": "- Trong nước",
                 "values": {"province": district, "district": district}},
                {"id": "trained-abroad", "parent": "trained", "name": "- Nước ngoài",
                 "values": {"province": commune, "district": 0}},
            ]}],
        }],
    }


def build_plan(province: str, programme: dict, seed: int = 1755) -> dict:
    """One plan as plain data, consistent (every printed total adds up) and schema-valid."""
    rng = random.Random(f"{seed}/{programme['id']}/{province}")
    pslug = slug(province)
    number = programme["number"].split("/")[0]
    groups_count = 6
    mapping = _group_task_groups(programme, groups_count)
    names_taken: set[str] = set()
    groups = []
    for gi, task_groups in enumerate(mapping):
        tg_id = task_groups[0].split("/", 1)[1]
        tg_name = next(t["name"] for t in programme["task_groups"] if t["id"] == tg_id)
        gid = f"g{gi + 1}"
        count = rng.randint(8, 12)
        names = _project_names(rng, THEMES.get(tg_id, "application"), count, names_taken)
        projects = [_project(rng, f"{gid}-p{pi + 1:02d}", pi + 1, name, task_groups)
                    for pi, name in enumerate(names)]
        if gi == 0:  # the province's data centre, the same project in both of its plans (`same_as`)
            projects[0] = _project(random.Random(f"{seed}/shared/{province}"), f"{gid}-p01", 1,
                                   f"Xây dựng Trung tâm dữ liệu tỉnh {province}", task_groups)
        by_source = _sum_by_top(projects)
        groups.append({
            "id": gid, "seq": ROMAN[gi], "name": tg_name if gi < len(programme["task_groups"]) else f"{tg_name} (tiếp)",
            "task_groups": task_groups,
            "stated": {"total": sum(by_source.values()), "by_source": by_source},
            "projects": projects, "source": f"Phụ lục 2, phần {ROMAN[gi]}",
        })
    all_projects = [p for g in groups for p in g["projects"]]
    list_by_source = _sum_by_top(all_projects)
    leaves = {s: 0 for s, *_ in SOURCES}
    for project in all_projects:
        for source, amount in project["amounts"].items():
            leaves[source] += amount
    budget_by_source = {**list_by_source, **{s: a for s, a in leaves.items() if a and s not in TOP_SOURCES}}
    total = sum(list_by_source.values())
    rows = []
    for source in TOP_SOURCES:
        if source in list_by_source:
            years = dict(zip(map(str, YEARS), _split(rng, list_by_source[source], len(YEARS))))
            rows.append({"source_id": source, "label": next(n for s, n, *_ in SOURCES if s == source),
                         "years": years, "total": list_by_source[source]})
    year_totals = {str(y): sum(r["years"][str(y)] for r in rows) for y in YEARS}
    horizon = programme["period"].get("horizon", programme["period"]["end"])
    doc_date = f"{rng.choice((2011, 2012))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {
        "planctl": 1,
        "kind": "plan",
        "id": f"{pslug}-{number}-{doc_date[:4]}",
        "title": f"Kế hoạch thực hiện {programme['number']} trên địa bàn tỉnh {province} giai đoạn 2011-2015",
        "title_en": f"{province} plan implementing {programme['number']}, 2011-2015",
        "province": province,
        "document": {"type": "plan", "number": f"{rng.randint(10, 250)}/KH-UBND", "date": doc_date,
                     "issuer": f"UBND tỉnh {province}", "signer": "Chủ tịch UBND tỉnh"},
        "period": {"start": 2011, "end": 2015, "horizon": horizon},
        "implements": [programme["id"]],
        "unit": "million VND",
        "citations": [
            {"id": "luat-cntt", "kind": "law", "number": "67/2006/QH11", "date": "2006-06-29",
             "title": "Luật Công nghệ thông tin", "source": "Căn cứ 1"},
            {"id": "nd-64-2007", "kind": "decree", "number": "64/2007/NĐ-CP", "date": "2007-04-10",
             "title": "Nghị định về ứng dụng CNTT trong hoạt động của cơ quan nhà nước", "source": "Căn cứ 2"},
            {"id": f"qd-{number}", "kind": "decision", "number": programme["number"], "date": programme["date"],
             "programme": programme["id"], "source": "Căn cứ 3"},
            {"id": "luat-tc-hdnd-ubnd", "kind": "law", "title": "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
             "date": "2003-11-26", "date_as_printed": "26 tháng 11 năm 2003", "source": "Căn cứ 4"},
        ],
        "outline": _outline(groups, pslug),
        "tasks": _tasks(groups),
        "coverage": {"source_text": "complete"},
        "baseline": _baseline(rng),
        "funding_sources": [{k: v for k, v in zip(("id", "name", "kind", "parent", "type"), s) if v}
                            for s in SOURCES],
        "targets": _targets(rng, programme, horizon),
        "roadmap": _roadmap(rng),
        "groups": groups,
        "project_list": {"title": "Danh mục dự án", "unit": "million VND", "source": "Phụ lục 2",
                         "columns": list(list_by_source), "stated": {"total": total, "by_source": list_by_source}},
        "budget": {"unit": "million VND", "source": "Mục IV", "total": total, "by_source": budget_by_source,
                   "by_type": {"investment": leaves["nsdp-dt"], "recurrent": leaves["nsdp-sn"]},
                   "as_printed": f"Tổng kinh phí: {total:,} triệu đồng".replace(",", ".")},
        "phasing": {"unit": "million VND", "source": "Phụ lục 3", "rows": rows, "year_totals": year_totals,
                    "total": total},
    }


def inject_defect(plan: dict, kind: str) -> str:
    """Introduce one deliberate inconsistency; returns the JSON pointer of the changed node."""
    group, project = plan["groups"][1], plan["groups"][1]["projects"][2]
    if kind == "project-total":
        project["total"] += 100
        return "/groups/1/projects/2/total"
    if kind == "year-typo":
        project["start"] = 1013
        return "/groups/1/projects/2/start"
    if kind == "numbering-gap":
        for later in group["projects"][3:]:
            later["seq"] += 1
        return "/groups/1/projects/3/seq"
    if kind == "citation-date":
        plan["citations"][2]["date"] = plan["citations"][2]["date"][:-2] + "01"
        return "/citations/2/date"
    if kind == "repeated-name":
        group["projects"][3]["name"] = project["name"]
        return "/groups/1/projects/3/name"
    if kind == "weaker-target":
        if plan["targets"]:
            plan["targets"][0]["value"] -= 20
            return "/targets/0/value"
        kind = "phasing-row"
    if kind == "phasing-row":
        plan["phasing"]["rows"][0]["years"]["2013"] += 500
        return "/phasing/rows/0/years/2013"
    if kind == "milestone-decrease":
        plan["roadmap"][3]["milestones"][0]["value"] = plan["roadmap"][2]["milestones"][0]["value"] - 2
        return "/roadmap/3/milestones/0/value"
    raise ValueError(f"unknown defect {kind!r}")


# -- the repository -------------------------------------------------------------------------------

def national_programmes(folder: Path = REPO / "plans" / "national") -> dict[str, tuple[dict, Path | None]]:
    """The programme files of plans/national/ when there, else the built-in stand-ins."""
    found: dict[str, tuple[dict, Path | None]] = {}
    if folder.is_dir():
        from planctl.document import load_data

        for path in sorted(folder.glob("*.yaml")):
            data = load_data(path)
            if isinstance(data, dict) and data.get("kind") == "programme":
                found[data["id"]] = (data, path)
    for pid in PROGRAMME_IDS:
        found.setdefault(pid, (BUILTIN_PROGRAMMES[pid], None))
    return found


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise SystemExit(f"{out} is not empty and was not written by this generator; choose another folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by tests/bench/generate.py; emptied on the next run\n", encoding="utf-8")


def generate(out: Path = DEFAULT_OUT, *, seed: int = 1755, provinces: int = 63,
             defect_rate: float = 0.25) -> Repository:
    """Write the synthetic repository to `out` (emptied first if a previous run wrote it)."""
    out = Path(out)
    _prepare(out)
    (out / "pyproject.toml").write_text(
        '[tool.planctl]\nplans = ["plans/**/*.yaml"]\nprogrammes = ["plans/national/*.yaml"]\n'
        'policies = ["rules/policy/*.yaml"]\n', encoding="utf-8")
    shutil.copytree(REPO / "schema", out / "schema")
    policy_dir = out / "rules" / "policy"
    policy_dir.mkdir(parents=True)
    for policy in sorted((REPO / "rules" / "policy").glob("*.yaml")):
        shutil.copyfile(policy, policy_dir / policy.name)
    national_dir = out / "plans" / "national"
    national_dir.mkdir(parents=True)
    programmes = national_programmes()
    programme_paths = []
    for pid, (data, path) in sorted(programmes.items()):
        target = national_dir / (path.name if path else f"{pid}.yaml")
        if path:
            shutil.copyfile(path, target)
        else:
            target.write_text(to_yaml(data, "../../schema/programme.schema.json"), encoding="utf-8")
        programme_paths.append(target)
    rng = random.Random(seed)
    plans, defects = [], []
    for province in PROVINCES[:provinces]:
        folder = out / "plans" / slug(province)
        folder.mkdir()
        pair = {pid: build_plan(province, programmes[pid][0], seed) for pid in PROGRAMME_IDS}
        # The data centre both plans list (built from the same seed): the 1755 plan says so.
        pair[PROGRAMME_IDS[0]]["groups"][0]["projects"][0]["same_as"] = {
            "plan": pair[PROGRAMME_IDS[1]]["id"], "project": pair[PROGRAMME_IDS[1]]["groups"][0]["projects"][0]["id"]}
        for plan in pair.values():
            path = folder / f"{plan['id']}.yaml"
            if rng.random() < defect_rate:
                kind = rng.choice(DEFECTS)
                defects.append(Defect(str(path.relative_to(out)), kind, inject_defect(plan, kind)))
            path.write_text(to_yaml(plan, "../../schema/plan.schema.json"), encoding="utf-8")
            plans.append(path)
    return Repository(out, tuple(plans), tuple(programme_paths), tuple(defects))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help=f"folder (default {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=1755)
    parser.add_argument("--provinces", type=int, default=63, choices=range(1, 64), metavar="1-63")
    args = parser.parse_args(argv)
    repo = generate(args.out, seed=args.seed, provinces=args.provinces)
    size = sum(p.stat().st_size for p in repo.plans)
    print(f"{len(repo.plans)} plans ({size / len(repo.plans) / 1024:.1f} KB each on average), "
          f"{len(repo.programmes)} programme files, {len(repo.defects)} deliberate defects in {repo.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
