"""The Vietnamese catalog's translations (planctl/locale/vi/LC_MESSAGES/planctl.po), kept here as data.

    python tools/vi_catalog.py     # extract the msgids, merge these translations, write the .po and compile the .mo

The words follow docs/glossary.md (the terms of the five plan documents).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "planctl" / "locale"

VI = {
    "Usage:": "Cách dùng:",
    "Options:": "Tùy chọn:",
    "Arguments:": "Đối số:",
    "Commands:": "Lệnh:",
    "planctl: error: {message}": "planctl: lỗi: {message}",
    "planctl: internal error: {type}: {message} — this is a bug in planctl; please report it "
    "(set {variable}=1 to see the traceback)":
        "planctl: lỗi nội bộ: {type}: {message} — đây là lỗi của planctl, xin báo lại cho nhóm phát triển "
        "(đặt {variable}=1 để xem chi tiết lỗi)",
    "unknown rule {rule_id!r} (known: {known})": "không có quy tắc {rule_id!r} (các quy tắc: {known})",
    "unknown schema {kind!r}: use one of {known}": "không có lược đồ {kind!r}: dùng một trong {known}",
    "{pyproject}: [tool.planctl] lang must be one of {languages} (got {value})":
        "{pyproject}: [tool.planctl] lang phải là một trong {languages} (đang ghi {value})",
    "{value!r}: use vi (Vietnamese) or en (English)": "{value!r}: dùng vi (tiếng Việt) hoặc en (tiếng Anh)",
    # what a finding names
    "project": "dự án",
    "group": "nhóm",
    "project {id!r}": "dự án {id!r}",
    "group {id!r}": "nhóm {id!r}",
    "group {seq}": "nhóm {seq}",
    "target": "chỉ tiêu",
    "target {id!r}": "chỉ tiêu {id!r}",
    "the indicator of target {id!r}": "chỉ tiêu {id!r}",
    "milestone {id!r}": "mốc lộ trình {id!r}",
    "roadmap": "lộ trình",
    "citation {id!r}": "căn cứ {id!r}",
    "id {id!r}": "mã {id!r}",
    "implements": "chương trình được triển khai (implements)",
    "programme": "chương trình",
    "task group": "nhóm nhiệm vụ",
    "national target": "chỉ tiêu quốc gia",
    "funding source": "nguồn vốn",
    "funding source {id!r}": "nguồn vốn {id!r}",
    "baseline figure": "số liệu hiện trạng",
    "baseline figure {id!r}": "số liệu hiện trạng {id!r}",
    "baseline figure {id!r} ({unit})": "số liệu hiện trạng {id!r} ({unit})",
    "budget": "kinh phí",
    "project list": "danh mục dự án",
    "the project list": "danh mục dự án",
    "the plan": "kế hoạch",
    "the same project name": "cùng tên dự án",
    "split of project {id!r}": "phân chia kinh phí của dự án {id!r}",
    "phasing row": "dòng phân kỳ",
    "phasing row {row!r}": "dòng phân kỳ {row!r}",
    "year {year}": "năm {year}",
    "no year": "không ghi năm",
    "qualitative": "định tính",
    "{state} in {year}": "{state} năm {year}",
    "numbering in {label}": "số thứ tự trong {label}",
    "table {table!r}, section {section}, column {column!r}": "bảng {table!r}, phần {section}, cột {column!r}",
    "table {table!r}, total of column {column!r}": "bảng {table!r}, tổng của cột {column!r}",
    "investment": "vốn đầu tư phát triển",
    "recurrent": "vốn sự nghiệp",
    "law": "theo văn bản pháp luật",
    "example": "mẫu, cần điều chỉnh",
    # sum checks
    "{label}: amount in the text ({printed})": "{label}: kinh phí ghi trong văn bản ({printed})",
    "{label}: {source} against its {share} share in '{split}'": "{label}: nguồn {source} so với tỷ lệ {share} trong '{split}'",
    "{label}: yearly amounts": "{label}: kinh phí theo từng năm",
    "{label} subtotal": "số cộng của {label}",
    "{label} subtotal for {source}": "số cộng của {label}, nguồn {source}",
    "{label} subtotal against its source columns": "số cộng của {label} so với các cột nguồn vốn",
    "grand total of the project list": "tổng cộng của danh mục dự án",
    "grand total of the project list for {source}": "tổng cộng của danh mục dự án, nguồn {source}",
    "total budget in the text": "tổng kinh phí ghi trong văn bản",
    "budget for {source} in the text against its parts": "kinh phí nguồn {source} trong văn bản so với các phần",
    "{type} budget in the text": "kinh phí {type} ghi trong văn bản",
    "total budget in the text against the project list": "tổng kinh phí trong văn bản so với danh mục dự án",
    "budget for {source} in the text against the project list": "kinh phí nguồn {source} trong văn bản so với danh mục dự án",
    "{label}, {year}, against its sub-rows": "{label}, năm {year}, so với các dòng con",
    "{label} total against its sub-rows": "tổng của {label} so với các dòng con",
    "{label} total against the budget in the text": "tổng của {label} so với kinh phí ghi trong văn bản",
    "phasing total for {year}": "tổng phân kỳ năm {year}",
    "phasing grand total against its years": "tổng cộng của bảng phân kỳ so với các năm",
    "phasing grand total against its rows": "tổng cộng của bảng phân kỳ so với các dòng",
    # reports
    "hint: {hint}": "gợi ý: {hint}",
    "*hint:* {hint}": "*gợi ý:* {hint}",
    "{files} checked: {counts}": "đã kiểm tra {files}: {counts}",
    "{counts} in {files}": "{counts} trong {files}",
    "{n} suppressed": "{n} bị tắt",
    "{n} waived": "{n} được miễn trừ",
    "{n} hidden by the baseline": "{n} đã có trong baseline",
    "✅ **No findings** in {files}": "✅ **Không có vấn đề nào** trong {files}",
    "| | File | Line | Rule | Finding |": "| | Tệp | Dòng | Quy tắc | Vấn đề |",
    "planctl {version} · rule set {ruleset}": "planctl {version} · bộ quy tắc {ruleset}",
    "unknown": "không rõ",
    "planctl rule {rule}": "quy tắc planctl {rule}",
    "no findings": "không có vấn đề",
    "{rule} at {line}:{column}: {message}": "{rule} tại {line}:{column}: {message}",
    # built-in rules (planctl/model.py)
    "The file is valid YAML, UTF-8, within the size limit, without unknown tags or alias bombs":
        "Tệp là YAML hợp lệ, mã UTF-8, không vượt giới hạn dung lượng, không có thẻ lạ hay bom alias",
    "The file could not be read as YAML. Fix the YAML at the reported line and column: indent with spaces, not "
    "tabs; save the file as UTF-8; quote values that contain ': '.":
        "Không đọc được tệp dưới dạng YAML. Sửa YAML tại dòng và cột đã báo: thụt lề bằng dấu cách, không dùng "
        "tab; lưu tệp ở mã UTF-8; đặt trong ngoặc kép các giá trị có chứa ': '.",
    "The file matches its JSON Schema (planctl schema plan|programme)":
        "Tệp đúng với lược đồ JSON Schema của nó (planctl schema plan|programme)",
    "The file does not match its JSON Schema. `planctl schema plan` (or programme, policy) prints the schema. Put "
    "`# yaml-language-server: $schema=<path to plan.schema.json>` on the first line of the file to get completion "
    "and these errors in your editor.":
        "Tệp không đúng với lược đồ JSON Schema. `planctl schema plan` (hoặc programme, policy) in ra lược đồ. "
        "Ghi `# yaml-language-server: $schema=<đường dẫn tới plan.schema.json>` ở dòng đầu của tệp để trình soạn "
        "thảo gợi ý khi gõ và báo các lỗi này.",
    "A waiver in the plan is past its expiry date": "Miễn trừ trong kế hoạch đã quá hạn",
    "A waiver accepts a finding only until its `expires` date. Fix the finding, or renew the waiver with a new "
    "date, a reason and an owner.":
        "Miễn trừ chỉ chấp nhận một vấn đề đến ngày `expires`. Sửa vấn đề, hoặc gia hạn miễn trừ với ngày mới, "
        "lý do và người chịu trách nhiệm.",
    "A waiver in the plan matches no finding": "Miễn trừ trong kế hoạch không khớp vấn đề nào",
    "The finding this waiver accepted is gone. Remove the waiver so that it cannot hide a new finding of the "
    "same rule.":
        "Vấn đề mà miễn trừ này chấp nhận không còn nữa. Xóa miễn trừ để nó không che một vấn đề mới của "
        "cùng quy tắc.",
    "A waiver's expiry is a real date": "Ngày hết hạn của miễn trừ là một ngày có thật",
    "Write the waiver's `expires` date as YYYY-MM-DD, a date that exists (2027-02-28, not 2027-02-30).":
        "Ghi ngày `expires` của miễn trừ theo dạng YYYY-MM-DD, là ngày có thật (2027-02-28, không phải 2027-02-30).",
}

# Counts: both English forms are msgids (reporters.counted picks one); Vietnamese has one form.
VI.update({
    "{n} error": "{n} lỗi", "{n} errors": "{n} lỗi",
    "{n} warning": "{n} cảnh báo", "{n} warnings": "{n} cảnh báo",
    "{n} info": "{n} lưu ý",
    "{n} file": "{n} tệp", "{n} files": "{n} tệp",
    "… and {n} more finding not shown here: run `planctl lint` to see them all.":
        "… và {n} vấn đề khác không hiện ở đây: chạy `planctl lint` để xem tất cả.",
    "… and {n} more findings not shown here: run `planctl lint` to see them all.":
        "… và {n} vấn đề khác không hiện ở đây: chạy `planctl lint` để xem tất cả.",
})
PLURALS: dict[str, str] = {}


def main() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    pot = LOCALE / "planctl.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "N_", "-o", str(pot), "--no-location", "--sort-output", "--project", "planctl",
                    str(ROOT / "planctl")], check=True, capture_output=True)
    with pot.open("rb") as file:
        catalog = read_po(file, locale="vi")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = (PLURALS.get(message.id[0], ""),)
            if not message.string[0]:
                missing.append(message.id[0])
        else:
            message.string = VI.get(message.id, "")
            if not message.string:
                missing.append(message.id)
    catalog.header_comment = "# Vietnamese messages of planctl; written by tools/vi_catalog.py, following docs/glossary.md."
    out = LOCALE / "vi" / "LC_MESSAGES"
    with (out / "planctl.po").open("wb") as file:
        write_po(file, catalog, width=100, omit_header=False, no_location=True)
    with (out / "planctl.mo").open("wb") as file:
        write_mo(file, catalog)
    pot.unlink()
    for msgid in missing:
        print(f"no translation: {msgid!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
