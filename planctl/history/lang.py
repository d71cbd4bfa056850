"""The words and numbers of what `planctl diff` and `planctl log` print, in the run's language.

Every phrase goes through `_()` (message id: the English text, `{name}` fields filled after
translation) and every number through `number()` / `percent()`, so the renderers never format a
figure themselves. The language, the number formats (Babel) and the gettext catalog are
planctl.i18n's. The Vietnamese of the diff and log phrases is written in VI below, beside the
code that uses it: tools/vi_catalog.py puts it into planctl.po (the catalog's own entries win),
and `_()` consults VI directly for the message ids built at run time (statuses, counts, units),
which extraction cannot see.

Vietnamese writes numbers as the documents do: `331.400`, `16,7%`.
"""

from __future__ import annotations

from .. import i18n

set_language = i18n.set_language
language = i18n.language


def _(msgid: str, /, **fields: object) -> str:
    """The message in the run's language, its {fields} filled."""
    text = i18n._(msgid)
    if text == msgid and i18n.language() == "vi":
        text = VI.get(msgid, msgid)
    return text.format(**fields) if fields else text


def number(value: int | float, decimals: int = 3, *, sign: bool = False) -> str:
    """1,234.5 / 1.234,5: up to `decimals` decimals; `sign` adds '+' to a positive number."""
    return i18n.signed_number(value, decimals) if sign else i18n.number(value, decimals)


def percent(value: float, *, sign: bool = True) -> str:
    """'+16.7%' / '+16,7%' (one decimal, as the documents print shares)."""
    rounded = round(value, 1)
    text = i18n.number(rounded, 1)
    point = i18n.number(0.5, 1)[1]  # the decimal sign of the language
    if point not in text:  # one decimal always, so a column of shares lines up: 4.0%, 16.9%
        text += point + "0"
    return ("+" if sign and rounded > 0 else "") + text + "%"


def unit_name(unit: str) -> str:
    """'million VND' / 'triệu đồng'."""
    return i18n.unit_name(unit)


def plural(count: int, one: str, many: str) -> str:
    """'1 project', '3 projects' ('3 dự án': Vietnamese has one form)."""
    return _(one if count == 1 else many, n=number(count))


# Vietnamese, in the words of the five plans (dự án, nhiệm vụ, kinh phí, phân kỳ, nguồn vốn ...).
VI: dict[str, str] = {
    # units
    "million VND": "triệu đồng",
    "thousand VND": "nghìn đồng",
    "billion VND": "tỷ đồng",
    "VND": "đồng",
    # statuses and short words
    "added": "thêm mới",
    "removed": "loại bỏ",
    "changed": "thay đổi",
    "moved": "chuyển nhóm",
    "new": "mới",
    "(none)": "(không có)",
    "yes": "có",
    "no": "không",
    "total": "tổng",
    "old": "trước",
    "Δ": "chênh lệch",
    "Δ%": "%",
    "change": "nội dung thay đổi",
    "project": "dự án",
    "target": "chỉ tiêu",
    "plan": "kế hoạch",
    "group": "nhóm",
    "source": "nguồn vốn",
    "type": "loại vốn",
    "year": "năm",
    "phasing": "phân kỳ",
    "printed figure": "số liệu ghi trong văn bản",
    "printed": "số in",
    "summarises": "tổng của",
    "old sum": "tổng trước",
    "new sum": "tổng sau",
    "whole target": "chỉ tiêu (đầy đủ)",
    "id": "mã",
    "projects": "dự án",
    "targets": "chỉ tiêu",
    "other changes": "thay đổi khác",
    "findings": "vấn đề (lint)",
    "investment": "vốn đầu tư phát triển",
    "recurrent": "vốn sự nghiệp",
    "(no type)": "(chưa phân loại)",
    "(total only)": "(chỉ có tổng)",
    "plan total": "tổng kế hoạch",
    "year {year}": "năm {year}",
    "printed total": "tổng ghi trong văn bản",
    "also changed": "thay đổi khác",
    "also changed: {names}": "thay đổi khác: {names}",
    "name": "tên",
    "lead": "đơn vị chủ trì",
    "start": "năm bắt đầu",
    "end": "năm kết thúc",
    "years_as_printed": "thời gian (như in)",
    "indicator": "chỉ tiêu",
    "value": "giá trị",
    "value_max": "giá trị tối đa",
    "comparator": "so sánh",
    "unit": "đơn vị",
    "national_target": "chỉ tiêu quốc gia",
    "task_groups": "nhóm nhiệm vụ quốc gia",
    "kind": "loại",
    "parent": "nguồn cha",
    "title": "tên kế hoạch",
    "province": "tỉnh",
    "period": "giai đoạn",
    "implements": "thực hiện",
    # counts
    "{n} changed": "{n} thay đổi",
    "{n} added": "{n} thêm mới",
    "{n} removed": "{n} loại bỏ",
    "{n} moved": "{n} chuyển nhóm",
    "1 plan": "1 kế hoạch",
    "{n} plans": "{n} kế hoạch",
    "1 project": "1 dự án",
    "{n} projects": "{n} dự án",
    "1 row": "1 dòng",
    "{n} rows": "{n} dòng",
    "1 figure": "1 số liệu",
    "{n} figures": "{n} số liệu",
    "1 printed total": "1 số tổng ghi trong văn bản",
    "{n} printed totals": "{n} số tổng ghi trong văn bản",
    "1 commit": "1 lần sửa đổi (commit)",
    "{n} commits": "{n} lần sửa đổi (commit)",
    "1 error": "1 lỗi",
    "{n} errors": "{n} lỗi",
    "1 warning": "1 cảnh báo",
    "{n} warnings": "{n} cảnh báo",
    "1 note": "1 lưu ý",
    "{n} notes": "{n} lưu ý",
    # the comparison
    "from {old} to {new}": "từ {old} đến {new}",
    "working tree": "thư mục làm việc",
    "No plan changed.": "Không có kế hoạch nào thay đổi.",
    "{plans} changed": "{plans} thay đổi",
    "{n} could not be compared": "{n} không so sánh được",
    "could not be compared": "không so sánh được",
    "Summary": "Tóm tắt",
    "renamed": "đổi tên tệp",
    "renamed from {path}": "đổi tên tệp, trước đây là {path}",
    "groups: {counts}": "nhóm: {counts}",
    "funding sources: {counts}": "nguồn vốn: {counts}",
    "{totals} changed": "{totals} thay đổi",
    "⚠ {totals} left unchanged": "⚠ {totals} chưa được cập nhật",
    # one plan
    "No project amounts in this plan": "Kế hoạch không có kinh phí dự án",
    "Added plan: total {amount} {unit}": "Kế hoạch mới: tổng kinh phí {amount} {unit}",
    "Removed plan: total {amount} {unit}": "Kế hoạch bị bỏ: tổng kinh phí {amount} {unit}",
    "Total unchanged: {amount} {unit}": "Tổng kinh phí không đổi: {amount} {unit}",
    "Total: {change}": "Tổng kinh phí: {change}",
    "error: {where} ({revision}) {message}": "lỗi: {where} ({revision}) {message}",
    "warning: {totals} did not change although the projects they summarise did ({blocks})":
        "cảnh báo: {totals} không đổi trong khi các dự án cộng thành các số đó đã thay đổi ({blocks})",
    "plan: {change}": "kế hoạch: {change}",
    "note: {problem} (planctl lint reports it)": "lưu ý: {problem} (planctl lint báo lỗi này)",
    "no change in content (comments or layout only)": "nội dung không đổi (chỉ chú thích hoặc trình bày)",
    "{field} {old} → {new}": "{field} {old} → {new}",
    # tables
    "Projects ({unit}): {counts}": "Dự án ({unit}): {counts}",
    "Targets: {counts}": "Chỉ tiêu: {counts}",
    "Groups: {counts}": "Nhóm nhiệm vụ: {counts}",
    "Funding sources: {counts}": "Nguồn vốn: {counts}",
    "moved from {old}": "chuyển từ {old}",
    "moved to {new}": "chuyển sang {new}",
    "in {group}": "thuộc {group}",
    "Roll-up per group ({unit})": "Tổng hợp theo nhóm nhiệm vụ ({unit})",
    "Roll-up per funding source ({unit})": "Tổng hợp theo nguồn vốn ({unit})",
    "Roll-up per type ({unit})": "Tổng hợp theo loại vốn ({unit})",
    "Roll-up per year ({unit})": "Tổng hợp theo năm ({unit})",
    "Phasing table per year ({unit})": "Bảng phân kỳ theo năm ({unit})",
    "{rows} unchanged, not shown": "{rows} không đổi, không hiển thị",
    "from the project that gives yearly amounts (of {funded})":
        "chỉ từ 1 dự án có kinh phí theo năm (trên tổng số {funded} dự án)",
    "from the {n} projects that give yearly amounts (of {funded})":
        "chỉ từ {n} dự án có kinh phí theo năm (trên tổng số {funded} dự án)",
    "from every project: each gives yearly amounts": "từ tất cả các dự án: dự án nào cũng có kinh phí theo năm",
    "before: {n} of {funded}": "trước: {n} trên {funded}",
    "projects without yearly amounts are not spread over years":
        "dự án không có kinh phí theo năm không được chia theo năm",
    "the printed phasing table, its top-level rows added up": "bảng phân kỳ ghi trong văn bản, cộng các dòng cấp trên cùng",
    "Printed totals ({unit}): {figures} changed": "Số tổng ghi trong văn bản ({unit}): {figures} thay đổi",
    "Printed totals left unchanged ({unit}): {n}": "Số tổng ghi trong văn bản chưa được cập nhật ({unit}): {n}",
    "the projects' sum": "tổng các dự án",
    "the sum of group {group}": "tổng nhóm {group}",
    "the sum of group {group} for {source}": "tổng nhóm {group}, nguồn {source}",
    "the projects' sum for {source}": "tổng các dự án, nguồn {source}",
    "the projects' {kind} sum": "tổng các dự án, {kind}",
    "group {group} printed subtotal": "số cộng nhóm {group} (ghi trong văn bản)",
    "project list grand total": "tổng cộng danh mục dự án",
    "budget in the text": "kinh phí nêu trong văn bản",
    "phasing table": "bảng phân kỳ",
    "phasing grand total": "tổng bảng phân kỳ",
    "phasing total, {year}": "tổng phân kỳ năm {year}",
    "phasing {source}, {year}": "phân kỳ {source}, năm {year}",
    "phasing {source}, total": "phân kỳ {source}, tổng",
    "qualitative": "định tính",
    "in {year}": "năm {year}",
    # findings
    "Lint findings: {new} new, {fixed} fixed": "Vấn đề planctl lint: {new} mới, {fixed} đã khắc phục",
    "{new} new, {fixed} fixed": "{new} mới, {fixed} đã khắc phục",
    "severity": "mức độ",
    "line": "dòng",
    "rule": "quy tắc",
    "message": "nội dung",
    "error": "lỗi",
    "warning": "cảnh báo",
    "info": "lưu ý",
    "findings at the old revision are checked by the rules of the new one, one file at a time":
        "các lỗi ở phiên bản trước được kiểm tra theo quy tắc hiện hành, từng tệp một",
    # Markdown comment
    "the details of {n} plans": "chi tiết của {n} kế hoạch",
    "{n} more plans": "{n} kế hoạch khác",
    "… {what} are not shown here (a comment is limited in size): run {command} to see everything.":
        "… {what} không hiển thị ở đây (bình luận bị giới hạn độ dài): chạy {command} để xem toàn bộ.",
    " and ": " và ",
    "{n} more rows": "{n} dòng khác",
    "Other lint findings: {n}": "Các vấn đề lint khác: {n}",
    "fixed": "đã khắc phục",
    "line numbers of fixed findings are those of the old revision":
        "số dòng của các vấn đề đã khắc phục là số dòng ở phiên bản trước",
    # moves and totals
    "added, in {group}": "thêm mới, thuộc {group}",
    "removed, from {group}": "loại bỏ, trước thuộc {group}",
    "moved from {old} to {new}": "chuyển từ {old} sang {new}",
    "moved out of {group}": "chuyển ra khỏi {group}",
    "moved into {group}": "chuyển vào {group}",
    "merge base of {a} and {b}": "điểm rẽ nhánh chung của {a} và {b}",
    "sum before": "tổng trước",
    "sum now": "tổng sau",
    "the subtotal of {group}": "số cộng của {group}",
    "the subtotals of {n} groups": "số cộng của {n} nhóm",
    "each printed figure stayed the same while the sum of what it summarises changed: update it or say why":
        "các số này giữ nguyên trong khi tổng các khoản mà chúng tổng hợp đã thay đổi: cần cập nhật hoặc giải thích",
    # log
    "error at {revision}: {message}": "lỗi ở {revision}: {message}",
    "plan added: {projects}, total {amount} {unit}": "thêm kế hoạch: {projects}, tổng kinh phí {amount} {unit}",
    "plan removed (total was {amount} {unit})": "bỏ kế hoạch (tổng kinh phí trước đó {amount} {unit})",
    "… and {n} more (planctl diff shows them)": "… và {n} thay đổi khác (xem bằng planctl diff)",
    "History": "Lịch sử",
    "commit": "commit",
    "date": "ngày",
    "author": "người sửa",
    "subject": "tiêu đề commit",
    "what changed": "thay đổi",
    "planctl log: {what}{path} ({commits}, newest first)": "planctl log: {what}{path} ({commits}, mới nhất trước)",
    "{what} {item} in ": "{what} {item} trong ",
}
