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
    "{label}: {source!r} against its {share} share in '{split}'":
        "{label}: nguồn {source!r} so với tỷ lệ {share} trong '{split}'",
    "{label}: yearly amounts": "{label}: kinh phí theo từng năm",
    "{label} subtotal": "số cộng của {label}",
    "{label} subtotal for {source!r}": "số cộng của {label}, nguồn {source!r}",
    "{label} subtotal against its source columns": "số cộng của {label} so với các cột nguồn vốn",
    "grand total of the project list": "tổng cộng của danh mục dự án",
    "grand total of the project list for {source!r}": "tổng cộng của danh mục dự án, nguồn {source!r}",
    "total budget in the text": "tổng kinh phí ghi trong văn bản",
    "budget for {source!r} in the text against its parts": "kinh phí nguồn {source!r} trong văn bản so với các phần",
    "{type} budget in the text": "kinh phí {type} ghi trong văn bản",
    "total budget in the text against the project list": "tổng kinh phí trong văn bản so với danh mục dự án",
    "budget for {source!r} in the text against the project list": "kinh phí nguồn {source!r} trong văn bản so với danh mục dự án",
    "{label}, {year}, against its sub-rows": "{label}, năm {year}, so với các dòng con",
    "{label} total against its sub-rows": "tổng của {label} so với các dòng con",
    "{label} total against the budget in the text": "tổng của {label} so với kinh phí ghi trong văn bản",
    "phasing total for {year}": "tổng phân kỳ năm {year}",
    "phasing grand total against its years": "tổng cộng của bảng phân kỳ so với các năm",
    "phasing grand total against its rows": "tổng cộng của bảng phân kỳ so với các dòng",
    # planctl rules explain (also the help of a rule in SARIF)
    "Applies to: {fact} — {about}": "Áp dụng cho: {fact} — {about}",
    "Message:    {message}": "Thông báo:   {message}",
    "Hint:       {hint}": "Gợi ý:       {hint}",
    "File:       {file}": "Tệp:         {file}",
    "fires at line {line}": "báo vấn đề ở dòng {line}",
    "does not fire": "không báo vấn đề",
    "Example ({verdict}):": "Ví dụ ({verdict}):",
    # reports
    "hint: {hint}": "gợi ý: {hint}",
    "*hint:* {hint}": "*gợi ý:* {hint}",
    "{message}. Hint: {hint}": "{message}. Gợi ý: {hint}",
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
# baseline relations and table completeness (lint/facts/relations*.py, references.py)
VI.update({
    "table {table!r}, row {name!r}": "bảng {table!r}, dòng {name!r}",
    "table {table!r}, row {seq}{name!r}": "bảng {table!r}, dòng {seq}{name!r}",
    "table {table!r}, column {column!r}": "bảng {table!r}, cột {column!r}",
    "table {table!r}, section {section}": "bảng {table!r}, phần {section}",
    "table {table!r}, total row": "bảng {table!r}, dòng tổng cộng",
    "{filled} of the {rows} other rows": "{filled} trong {rows} dòng còn lại",
    "{filled} of its {rows} sub-rows": "{filled} trong {rows} dòng con",
    "{row}, column {column!r}, against its sub-rows": "{row}, cột {column!r}, so với các dòng con",
    "the id of a baseline figure of this plan (baseline: indicators:)":
        "mã của một số liệu hiện trạng của kế hoạch này (baseline: indicators:)",
    "the id of a column of this table": "mã của một cột của bảng này",
    "the id of a row of the same section": "mã của một dòng cùng phần của bảng",
})
# the text's tasks and links between plans (lint/facts/tasks.py, links.py)
VI.update({
    "task {seq} {id!r}": "nhiệm vụ {seq} {id!r}",
    "project {seq} {id!r}": "dự án {seq} {id!r}",
    "the amounts of {count} tasks in the text": "kinh phí của {count} nhiệm vụ trong văn bản",
    "the linted files and the configured plan files": "các tệp được kiểm tra và các tệp kế hoạch đã cấu hình",
    "plan {id!r} ({file})": "kế hoạch {id!r} ({file})",
    "project {id!r} of plan {plan!r} ({file})": "dự án {id!r} của kế hoạch {plan!r} ({file})",
    "the amount": "kinh phí",
})
# the document's outline and its coverage (planctl/lint/facts/structure.py).
VI.update({
    "the outline's top level": "cấp đầu của dàn ý văn bản",
    "numbering under {heading}": "số thứ tự trong mục {heading}",
    " (announced at '{heading}', {line})": " (được dẫn chiếu tại mục '{heading}', {line})",
    " (in '{heading}', {line})": " (thuộc '{heading}', {line})",
    ": the file has no project list and no budget to check": ": tệp không có danh mục dự án và kinh phí để kiểm tra",
    ": the numbering there starts at {seq} and is not checked from the start":
        ": số thứ tự ở đó bắt đầu từ {seq} và không được kiểm tra từ đầu",
})
PLURALS: dict[str, str] = {}
# Files that cannot be read as a plan (planctl/document.py), schema findings (lint/schema.py,
# lint/pipeline.py), waivers (lint/filters.py).
VI.update({
    "define '&{anchor}' on the node to repeat, above this line": "đặt '&{anchor}' ở nút cần lặp lại, phía trên dòng này",
    "duplicate key {key!r} (first defined at line {line})": "khóa {key!r} bị lặp (đã có ở dòng {line})",
    "file is {size} bytes, over the limit of {limit}": "tệp dài {size} byte, vượt giới hạn {limit} byte",
    "fix the YAML syntax": "sửa cú pháp YAML",
    "fix the YAML syntax at this position": "sửa cú pháp YAML tại vị trí này",
    "fix the finding, or renew the waiver with a new date": "sửa vấn đề, hoặc gia hạn miễn trừ với ngày mới",
    "flatten the structure; a plan is a few levels deep": "giảm số tầng lồng nhau; một kế hoạch chỉ có vài tầng",
    "indent with spaces: YAML does not allow tab characters for indentation":
        "thụt lề bằng dấu cách: YAML không cho phép thụt lề bằng ký tự tab",
    "kind is 'plan', 'programme' or 'policy'": "kind phải là 'plan', 'programme' hoặc 'policy'",
    "merge keys (<<) are not supported": "không hỗ trợ khóa gộp (<<)",
    "missing required key {key!r}": "thiếu khóa bắt buộc {key!r}",
    "move the second document to its own file, or remove the '---' line":
        "chuyển văn bản thứ hai sang tệp riêng, hoặc xóa dòng '---'",
    "nesting deeper than {n} levels": "lồng nhau sâu quá {n} tầng",
    "nesting deeper than {n} levels (through alias *{anchor})": "lồng nhau sâu quá {n} tầng (qua alias *{anchor})",
    "none": "không có",
    "not valid {encoding}: byte 0x{byte} at offset {offset}": "không phải {encoding} hợp lệ: byte 0x{byte} ở vị trí {offset}",
    "planctl never constructs tagged objects; remove the tag": "planctl không bao giờ tạo đối tượng theo thẻ; hãy xóa thẻ",
    "remove or rename one of the two keys": "xóa hoặc đổi tên một trong hai khóa",
    "remove the control character": "xóa ký tự điều khiển",
    "remove the repeated aliases (*name); a plan never needs them": "xóa các alias lặp lại (*tên); kế hoạch không cần đến chúng",
    "remove the waiver: the finding it waived is gone": "xóa miễn trừ: vấn đề được miễn trừ không còn nữa",
    "save the file as UTF-8 (most editors: 'Save with encoding')":
        "lưu tệp ở mã UTF-8 (trong phần lớn trình soạn thảo: 'Save with encoding')",
    "split the file, or raise max-file-bytes in [tool.planctl]": "tách tệp, hoặc tăng max-file-bytes trong [tool.planctl]",
    "the document expands to more than {n} nodes (aliases repeated over and over, as in a 'billion laughs' file)":
        "văn bản mở rộng thành hơn {n} nút (alias lặp đi lặp lại, như một tệp 'billion laughs')",
    "the file is empty": "tệp rỗng",
    "the top level is a list, not a mapping": "cấp ngoài cùng là một danh sách, không phải một bảng khóa",
    "the top level is a single value ({type}), not a mapping":
        "cấp ngoài cùng là một giá trị đơn ({type}), không phải một bảng khóa",
    "a plan file is a mapping of keys: start with 'planctl: 1' and 'kind: plan'":
        "tệp kế hoạch là một bảng khóa: bắt đầu bằng 'planctl: 1' và 'kind: plan'",
    "a plan file is a mapping: start with 'planctl: 1'": "tệp kế hoạch là một bảng khóa: bắt đầu bằng 'planctl: 1'",
    "unexpected {kind}": "{kind} không đúng chỗ",
    "unknown key {key!r}": "khóa lạ {key!r}",
    "unknown kind {kind!r}": "không có loại kind {kind!r}",
    "unknown tag {tag!r}": "thẻ lạ {tag!r}",
    "waiver expiry {expires!r} is not a date": "ngày hết hạn {expires!r} của miễn trừ không phải là một ngày",
    "waiver of {rule} expired on {date} (owner: {owner})":
        "miễn trừ quy tắc {rule} đã hết hạn ngày {date} (người chịu trách nhiệm: {owner})",
    "waiver of {rule} matches no finding": "miễn trừ quy tắc {rule} không khớp vấn đề nào",
    "write a finite number": "ghi một số hữu hạn",
    "write a number, or remove the tag": "ghi một số, hoặc xóa thẻ",
    "write a whole number": "ghi một số nguyên",
    "write the date as YYYY-MM-DD": "ghi ngày theo dạng YYYY-MM-DD",
    "write the key as text": "ghi khóa dưới dạng văn bản",
    "write the key out": "ghi khóa đầy đủ",
    "write the keys out in full": "ghi đầy đủ các khóa",
    "{text} is not a usable number": "{text} không phải là số dùng được",
    "{text} is not a valid integer": "{text} không phải là số nguyên hợp lệ",
    "{text} is not a valid number": "{text} không phải là số hợp lệ",
    "a second document starts here ('---'); a plan file holds one document":
        "một văn bản thứ hai bắt đầu ở đây ('---'); mỗi tệp kế hoạch chỉ chứa một văn bản",
    "alias *{anchor} has no anchor &{anchor} before it": "alias *{anchor} không có neo &{anchor} ở phía trước",
    "alias *{anchor} is inside the node it refers to (a recursive alias)":
        "alias *{anchor} nằm trong chính nút nó trỏ tới (alias đệ quy)",
    "a plan is a tree: write the repeated part out instead of referring back to it":
        "kế hoạch có cấu trúc cây: ghi lại phần lặp thay vì trỏ ngược về nó",
    "alias *{anchor} cannot be a mapping key here": "alias *{anchor} không dùng làm khóa ở đây được",
    "a mapping key must be a plain value, not a list or mapping":
        "khóa phải là một giá trị đơn, không phải danh sách hay bảng khóa",
    "add '{key}:' to this mapping": "thêm '{key}:' vào bảng khóa này",
    "check the spelling; allowed keys here: {keys}": "kiểm tra chính tả; các khóa được dùng ở đây: {keys}",
    "a percentage is at most 100": "tỷ lệ phần trăm không quá 100",
    "check the path and its permissions": "kiểm tra đường dẫn và quyền truy cập",
    "cannot read file: {reason}": "không đọc được tệp: {reason}",
})

# Errors that stop a run (exit code 2): configuration, paths, outputs, baseline, programme files.
VI.update({
    " (the same file as {file})": " (cùng một tệp với {file})",
    "--output {spec!r}: expected FORMAT=PATH, e.g. --output sarif=planctl.sarif (formats: {formats})":
        "--output {spec!r}: cần dạng FORMAT=PATH, ví dụ --output sarif=planctl.sarif (các định dạng: {formats})",
    "--output {spec!r}: folder {folder} does not exist; create it first":
        "--output {spec!r}: thư mục {folder} không tồn tại; hãy tạo thư mục trước",
    "--output {spec!r}: {path} is a folder; give a file name": "--output {spec!r}: {path} là thư mục; hãy ghi tên tệp",
    "--output {spec!r}: {path} is given twice": "--output {spec!r}: {path} bị ghi hai lần",
    "baseline is not a planctl lint JSON result ({how})": "baseline không phải là kết quả JSON của planctl lint ({how})",
    "baseline is not a planctl lint JSON result: {problem} ({how})":
        "baseline không phải là kết quả JSON của planctl lint: {problem} ({how})",
    "baseline is not valid JSON: {problem} ({how})": "baseline không phải JSON hợp lệ: {problem} ({how})",
    "baseline {path}: arrays or objects nested too deeply to be a planctl lint JSON result ({how})":
        "baseline {path}: mảng hoặc đối tượng lồng nhau quá sâu, không thể là kết quả JSON của planctl lint ({how})",
    "baseline {path}: cannot read it: {reason}": "baseline {path}: không đọc được: {reason}",
    "baseline {path}: is a folder, not a JSON file ({how})": "baseline {path}: là thư mục, không phải tệp JSON ({how})",
    "baseline {path}: no such file ({how})": "baseline {path}: không có tệp này ({how})",
    "baseline {path}: not UTF-8 text (byte {byte}) ({how})": "baseline {path}: không phải văn bản UTF-8 (byte {byte}) ({how})",
    "cannot append the job summary to {path} (GITHUB_STEP_SUMMARY): {reason}":
        "không ghi thêm được bản tóm tắt vào {path} (GITHUB_STEP_SUMMARY): {reason}",
    "cannot write the {format} report to {path}: {reason}": "không ghi được báo cáo {format} vào {path}: {reason}",
    "contains a NUL character": "chứa ký tự NUL",
    "goes up with '..'; planctl reads only files inside the repository":
        "đi lên thư mục cha bằng '..'; planctl chỉ đọc tệp trong kho",
    "invalid {kind} file: {problem}": "tệp {kind} không hợp lệ: {problem}",
    "is absolute; planctl reads only files inside the repository, so globs are relative to the folder of "
    "pyproject.toml":
        "là đường dẫn tuyệt đối; planctl chỉ đọc tệp trong kho, nên mẫu glob được tính từ thư mục chứa pyproject.toml",
    "is empty; write a glob relative to the folder of pyproject.toml, e.g. \"plans/**/*.yaml\"":
        "rỗng; hãy ghi mẫu glob tính từ thư mục chứa pyproject.toml, ví dụ \"plans/**/*.yaml\"",
    "is not a valid glob: '**' must be a whole path segment (got {bad!r})":
        "không phải mẫu glob hợp lệ: '**' phải là nguyên một đoạn đường dẫn (đang ghi {bad!r})",
    "no plan files match {globs} under {root} (pass paths, or set 'plans' in [tool.planctl])":
        "không có tệp kế hoạch nào khớp {globs} trong {root} (hãy nêu đường dẫn, hoặc đặt 'plans' trong [tool.planctl])",
    "reaches into .git; planctl does not read git's own files (they can hold credentials)":
        "trỏ vào .git; planctl không đọc các tệp riêng của git (chúng có thể chứa thông tin đăng nhập)",
    "save one with: planctl lint --format json > {path}": "tạo baseline bằng lệnh: planctl lint --format json > {path}",
    "unknown severity {text!r}: use error, warning or info": "không có mức {text!r}: dùng error, warning hoặc info",
    "{name} is in or leads into a .git folder; planctl does not read git's own files (they can hold credentials)":
        "{name} nằm trong hoặc trỏ vào thư mục .git; planctl không đọc các tệp riêng của git (chúng có thể chứa "
        "thông tin đăng nhập)",
    "{name} is outside the repository at {root}; planctl reads only files inside the repository it checks":
        "{name} nằm ngoài kho {root}; planctl chỉ đọc tệp trong kho đang kiểm tra",
    "{name} resolves to {target}, outside the repository at {root}; planctl reads only files inside the repository "
    "it checks":
        "{name} trỏ tới {target}, nằm ngoài kho {root}; planctl chỉ đọc tệp trong kho đang kiểm tra",
    "{path}: a {kind} file is a mapping": "{path}: tệp {kind} phải là một bảng khóa",
    "{path}: no .yaml or .yml file in this folder: nothing was checked":
        "{path}: thư mục không có tệp .yaml hay .yml nào: không có gì được kiểm tra",
    "{path}: no such file or directory": "{path}: không có tệp hoặc thư mục này",
    "{path}: not a YAML file (expected .yaml or .yml)": "{path}: không phải tệp YAML (cần đuôi .yaml hoặc .yml)",
    "{path}: not a regular file or folder": "{path}: không phải tệp thông thường hay thư mục",
    "{pyproject}: [tool.planctl] max-file-bytes must be a positive integer (got {value})":
        "{pyproject}: [tool.planctl] max-file-bytes phải là số nguyên dương (đang ghi {value})",
    "{pyproject}: [tool.planctl] must be a table, not {type}": "{pyproject}: [tool.planctl] phải là một bảng, không phải {type}",
    "{pyproject}: [tool.planctl] {key} must be a list of glob patterns":
        "{pyproject}: [tool.planctl] {key} phải là một danh sách mẫu glob",
    "{pyproject}: [tool] must be a table, not {type}": "{pyproject}: [tool] phải là một bảng, không phải {type}",
    "{pyproject}: cannot read [tool.planctl]: arrays or tables nested too deeply":
        "{pyproject}: không đọc được [tool.planctl]: mảng hoặc bảng lồng nhau quá sâu",
    "{pyproject}: cannot read [tool.planctl]: {problem}": "{pyproject}: không đọc được [tool.planctl]: {problem}",
    "{pyproject}: cannot read it: {reason}": "{pyproject}: không đọc được: {reason}",
    "{pyproject}: not UTF-8 text (byte {byte})": "{pyproject}: không phải văn bản UTF-8 (byte {byte})",
    "{pyproject}: unknown setting(s) in [tool.planctl]: {unknown} (known: {known})":
        "{pyproject}: [tool.planctl] có thiết lập lạ: {unknown} (các thiết lập: {known})",
    "{what}: {path}{same} is a file this run reads; writing the report there would overwrite it: choose another file":
        "{what}: {path}{same} là tệp mà lần chạy này đọc; ghi báo cáo vào đó sẽ ghi đè lên nó: hãy chọn tệp khác",
    "{where}: glob {pattern!r} {problem}": "{where}: mẫu glob {pattern!r} {problem}",
    "{where}: unknown format {name!r}: use one of {formats}": "{where}: không có định dạng {name!r}: dùng một trong {formats}",
    "{where}: {pattern!r} is not a string; globs are strings like \"plans/**/*.yaml\"":
        "{where}: {pattern!r} không phải chuỗi; mẫu glob là chuỗi như \"plans/**/*.yaml\"",
    # planctl lint --new-since (lint/newsince.py and the reporters)
    "since {spec}": "so với {spec}",
    "since {spec} (no commit yet)": "so với {spec} (chưa có commit)",
    "since the {label} ({commit})": "so với {label} ({commit})",
    "new {since}: {count}": "mới {since}: {count}",
    "fixed {since}: {count}": "đã sửa {since}: {count}",
    "{severity} {rule} {message} (was {path}:{line}:{column})":
        "{severity} {rule} {message} (trước đây ở {path}:{line}:{column})",
    "; {since}: {new} new, {fixed} fixed, {unchanged} unchanged":
        "; {since}: {new} mới, {fixed} đã sửa, {unchanged} không đổi",
    "{since}: {new}, {fixed} fixed, {unchanged} unchanged": "{since}: {new}, {fixed} đã sửa, {unchanged} không đổi",
    "{n} new": "{n} mới",
    "nothing new": "không có vấn đề mới",
    "New {since} ({n})": "Vấn đề mới {since} ({n})",
    "Fixed {since} ({n})": "Đã sửa {since} ({n})",
    "Unchanged {since} ({n})": "Không đổi {since} ({n})",
    "{line}:{column} at base": "{line}:{column} ở phiên bản gốc",
    "| | Line | Rule | Finding |": "| | Dòng | Quy tắc | Vấn đề |",
    "give --baseline or --new-since, not both: each decides which findings are new":
        "dùng --baseline hoặc --new-since, không dùng cả hai: mỗi tùy chọn tự quyết định vấn đề nào là mới",
    "--new-since: give a revision, e.g. HEAD or origin/main...HEAD":
        "--new-since: cần một phiên bản, ví dụ HEAD hoặc origin/main...HEAD",
    "--new-since {spec}: give one revision (REV) or A...B (the merge base of A and B), not A..B: the findings are "
    "always those of the working tree":
        "--new-since {spec}: cần một phiên bản (REV) hoặc A...B (điểm chung của A và B), không phải A..B: các vấn đề "
        "luôn là của thư mục làm việc",
    # [tool.planctl.rules], planctl.toml, planctl schema --check/--update
    "did you mean {rules}? ": "có phải là {rules}? ",
    "{where}: no such rule; {hint}`planctl rules list` lists them":
        "{where}: không có quy tắc này; {hint}`planctl rules list` liệt kê các quy tắc",
    "{where}: {rule} findings cannot be turned off or changed: the file gets no other check until it is fixed":
        "{where}: không thể tắt hoặc đổi mức của các vấn đề {rule}: tệp không được kiểm tra gì thêm cho đến khi "
        "sửa xong",
    "{pyproject}: cannot read {what}: {problem}": "{pyproject}: không đọc được {what}: {problem}",
    "{pyproject}: cannot read {what}: arrays or tables nested too deeply":
        "{pyproject}: không đọc được {what}: mảng hoặc bảng lồng nhau quá sâu",
    "{source}: {beside} beside it has [tool.planctl] too; keep the settings in one of the two files":
        "{source}: {beside} bên cạnh cũng có [tool.planctl]; chỉ giữ thiết lập ở một trong hai tệp",
    "--check and --update take no schema name, and not both at once":
        "--check và --update không nhận tên lược đồ, và không dùng cả hai cùng lúc",
    "planctl schema --update copies the installed schemas over them":
        "planctl schema --update chép các lược đồ của bản planctl đã cài đè lên chúng",
    "the schemas in {folder} are the installed planctl's (or absent)":
        "các lược đồ trong {folder} là của bản planctl đã cài (hoặc không có)",
    "wrote {path}": "đã ghi {path}",
    "new {since}": "mới {since}",
    "fixed {since}: {file} {rule} {message}": "đã sửa {since}: {file} {rule} {message}",
    "Δ too large to show": "chênh lệch quá lớn, không hiển thị được",
    "leads out of the repository": "trỏ ra ngoài kho",
    "cannot be read: {reason}": "không đọc được: {reason}",
    "differs from the {kind} schema of the installed planctl {version}":
        "khác với lược đồ {kind} của bản planctl {version} đã cài",
    "{file} {reason}: editors check files against another schema than planctl lint does":
        "{file} {reason}: trình soạn thảo kiểm tra tệp theo một lược đồ khác với lược đồ planctl lint dùng",
    "`planctl schema --update` copies the installed schemas into schema/; commit them":
        "`planctl schema --update` chép các lược đồ của bản planctl đã cài vào schema/; hãy commit chúng",
    "The repository's copies of the schemas are the installed planctl's":
        "Các bản sao lược đồ trong kho là lược đồ của bản planctl đã cài",
    "The plans' first lines point editors at schema/*.schema.json in the repository, copies that `planctl init` "
    "wrote. They differ from the schemas of the installed planctl (it was upgraded, or a copy was edited), so "
    "editors and `planctl lint` disagree about what a valid plan is. `planctl schema --update` copies the "
    "installed schemas over them; `planctl schema --check` lists the stale ones.":
        "Dòng đầu của các kế hoạch trỏ trình soạn thảo đến schema/*.schema.json trong kho, các bản sao do `planctl "
        "init` ghi. Chúng khác với lược đồ của bản planctl đã cài (planctl đã được nâng cấp, hoặc một bản sao đã bị "
        "sửa), nên trình soạn thảo và `planctl lint` hiểu khác nhau thế nào là một kế hoạch hợp lệ. `planctl schema "
        "--update` chép các lược đồ đã cài đè lên chúng; `planctl schema --check` liệt kê các bản đã cũ.",
})


# --help texts of planctl/cli.py (typer help= and command docstrings), read from the application.
# planctl init (planctl/init.py): its report and its errors.
VI.update({
    "wrote": "đã ghi",
    "replaced": "đã thay",
    "appended": "đã thêm",
    "skipped": "bỏ qua",
    "next:": "việc tiếp theo:",
    "exists": "đã có",
    "{why}; --force replaces it": "{why}; --force sẽ thay tệp này",
    "exists, and differs from the installed planctl's": "đã có, và khác với lược đồ của bản planctl đã cài",
    "a folder or a link; not replaced": "là thư mục hoặc liên kết; không thay",
    "{target}: no such folder (create it, or run `git init {target}` first)":
        "{target}: không có thư mục này (hãy tạo thư mục, hoặc chạy `git init {target}` trước)",
    "{target}: not a folder": "{target}: không phải thư mục",
    "{target}: inside the git repository at {top}; run `planctl init` at its top":
        "{target}: nằm trong kho git ở {top}; hãy chạy `planctl init` ở thư mục gốc của kho",
    "{path}: cannot read it, so [tool.planctl] cannot be added: {exc}":
        "{path}: không đọc được tệp, nên không thể thêm [tool.planctl]: {exc}",
    "a link; add [tool.planctl] to the file it points at by hand":
        "là liên kết; hãy tự thêm [tool.planctl] vào tệp mà liên kết trỏ tới",
    "it has [tool.planctl] already; --force replaces that table":
        "tệp đã có [tool.planctl]; --force sẽ thay bảng này",
    "{pyproject}: [tool.planctl] is not a plain `[tool.planctl]` table that can be replaced without touching the "
    "rest; edit it by hand":
        "{pyproject}: [tool.planctl] không được viết thành một bảng `[tool.planctl]` đơn giản có thể thay mà không "
        "động đến phần còn lại; hãy tự sửa",
    "no plan yet, nothing to record": "chưa có kế hoạch nào, không có gì để ghi lại",
    "exit code {code}": "mã trả về {code}",
    "cannot record a baseline: `planctl lint` fails in {root}: {message}":
        "không ghi được baseline: `planctl lint` bị lỗi trong {root}: {message}",
    "`planctl lint` fails here ({message}); fix that, then run `planctl lint`":
        "`planctl lint` bị lỗi ở đây ({message}); hãy sửa lỗi đó, rồi chạy `planctl lint`",
    "the plans have no finding, nothing to record": "các kế hoạch không có vấn đề nào, không có gì để ghi lại",
    "{what}. Record them in {baseline}, so that only new findings fail commits and pull requests?":
        "{what}. Ghi chúng vào {baseline} để chỉ những vấn đề mới làm commit và pull request không đạt?",
    "{what}: the pre-commit hook and the workflow fail until they are fixed. `planctl init --baseline --force` "
    "records them in {baseline} and makes both ignore them (it rewrites the files above)":
        "{what}: hook pre-commit và workflow sẽ không đạt cho đến khi chúng được khắc phục. `planctl init "
        "--baseline --force` ghi chúng vào {baseline} để cả hai bỏ qua chúng (lệnh này ghi lại các tệp ở trên)",
    "add {names} to the `paths:` filters of {workflow}": "thêm {names} vào bộ lọc `paths:` của {workflow}",
    "add `--baseline {baseline}` to the `planctl lint` command of {workflow}":
        "thêm `--baseline {baseline}` vào lệnh `planctl lint` của {workflow}",
    "on GitHub, set the repository variable PLANCTL_PIP_SPEC to `{spec}` (see the top of {workflow})":
        "trên GitHub, đặt biến PLANCTL_PIP_SPEC của kho là `{spec}` (xem phần đầu của {workflow})",
    "`git init`: planctl diff, log, pre-commit and the workflow work on a git repository":
        "`git init`: planctl diff, log, pre-commit và workflow cần một kho git",
    "`pre-commit install`, then `planctl lint`": "`pre-commit install`, rồi `planctl lint`",
})
VI.update({
    "the repository has {n} plan already": "kho đã có {n} kế hoạch",
    "the repository has {n} plans already": "kho đã có {n} kế hoạch",
    "{n} plans do not start with the line that gives editors the schema, e.g. {example}: `{modeline}`":
        "{n} kế hoạch chưa có dòng đầu chỉ lược đồ cho trình soạn thảo, ví dụ {example}: `{modeline}`",
    "the existing plans have {n} findings ({errors})": "các kế hoạch hiện có có {n} vấn đề ({errors})",
    "{n} findings of `planctl lint --format json`": "{n} vấn đề của `planctl lint --format json`",
    "{n} plan does not start with the line that gives editors the schema, e.g. {example}: `{modeline}`":
        "{n} kế hoạch chưa có dòng đầu chỉ lược đồ cho trình soạn thảo, ví dụ {example}: `{modeline}`",
    "the existing plans have {n} finding ({errors})": "các kế hoạch hiện có có {n} vấn đề ({errors})",
    "{n} finding of `planctl lint --format json`": "{n} vấn đề của `planctl lint --format json`",
})

# planctl diff and log: git and revision errors (planctl/history/revisions.py, select.py, commands.py).
VI.update({
    "unknown format {name!r}: use {formats}": "không có định dạng {name!r}: dùng {formats}",
    "give --item or --target, not both": "chỉ ghi --item hoặc --target, không ghi cả hai",
    "--max-count must be at least 1": "--max-count phải từ 1 trở lên",
    "{plan} is a folder: planctl log follows one plan file": "{plan} là thư mục: planctl log theo dõi một tệp kế hoạch",
    "{path}: no such file or folder at {old} or at {new}: nothing was compared (check the spelling)":
        "{path}: không có tệp hoặc thư mục này ở {old} cũng như ở {new}: không có gì được so sánh (hãy kiểm tra chính tả)",
    "{quoted} is both a revision and a file: put '--' before the paths (planctl diff {arg} -- PATH...) or after the "
    "revisions":
        "{quoted} vừa là phiên bản vừa là tệp: hãy đặt '--' trước các đường dẫn (planctl diff {arg} -- PATH...) "
        "hoặc sau các phiên bản",
    "too many revisions: {revisions} (give REV, A B, A..B or A...B)":
        "quá nhiều phiên bản: {revisions} (ghi REV, A B, A..B hoặc A...B)",
    "{start} is not inside a git repository: planctl diff and log compare plans across git revisions (run them in "
    "a clone of the plans repository)":
        "{start} không nằm trong kho git: planctl diff và log so sánh kế hoạch giữa các phiên bản trong git (hãy "
        "chạy trong một bản sao của kho kế hoạch)",
    "git is not installed or not on PATH: planctl diff and log need it":
        "git chưa được cài hoặc không có trong PATH: planctl diff và log cần git",
    "{start} is a bare repository: run planctl in a clone with a working tree":
        "{start} là kho bare (không có thư mục làm việc): hãy chạy planctl trong một bản sao có thư mục làm việc",
    "{path} is outside the repository at {root}": "{path} nằm ngoài kho {root}",
    "the repository has no commit yet: commit the plans first, or compare two revisions that exist":
        "kho chưa có commit nào: hãy commit các kế hoạch trước, hoặc so sánh hai phiên bản đã có",
    "{a} and {b} have no common ancestor: compare them with `planctl diff {a} {b}` instead of '...'":
        "{a} và {b} không có điểm chung: hãy so sánh bằng `planctl diff {a} {b}` thay vì '...'",
})

# years in names and notes, the document's own date, legal bases (lint/facts/periods.py, citations.py).
VI.update({
    "the name": "tên",
    "the note": "ghi chú",
    "the document": "văn bản",
    "missing a key: one of {keys} is required": "thiếu khóa: cần một trong {keys}",
    "add one of {keys} to this mapping": "thêm một trong {keys} vào mục này",
})

HELP = {
    "Provincial ICT development plans as code: lint plan YAML against a JSON Schema and policy rules, and show what "
    "changed in budgets and targets across git history.\n\nExit codes: 0 clean; 1 findings at or above --fail-on "
    "(diff: a change, with --exit-code); 2 usage, configuration or input error; 3 internal error (a bug in planctl: "
    "set PLANCTL_DEBUG=1 for the traceback).":
        "Kế hoạch phát triển CNTT của tỉnh dưới dạng mã: kiểm tra tệp kế hoạch YAML theo lược đồ JSON Schema và các "
        "quy tắc, và cho thấy kinh phí, chỉ tiêu đã thay đổi những gì qua các phiên bản trong git.\n\nMã trả về: 0 "
        "không có vấn đề; 1 có vấn đề ở mức --fail-on trở lên (diff: có thay đổi, với --exit-code); 2 lỗi cách dùng, "
        "cấu hình hoặc tệp đầu vào; 3 lỗi nội bộ (lỗi của planctl: đặt PLANCTL_DEBUG=1 để xem chi tiết).",
    "Language of messages and reports: vi (Vietnamese) or en (English). Default: lang of [tool.planctl], else the "
    "locale (LC_ALL, LC_MESSAGES, LANG), else en.":
        "Ngôn ngữ của thông báo và báo cáo: vi (tiếng Việt) hoặc en (tiếng Anh). Mặc định: lang trong "
        "[tool.planctl], nếu không có thì theo biến môi trường (LC_ALL, LC_MESSAGES, LANG), nếu không thì en.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "Install completion for the current shell.": "Cài đặt tự hoàn thành lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "In mã tự hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tùy biến việc cài đặt.",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Plan files or folders (default: the 'plans' globs of [tool.planctl], plans/**/*.yaml).":
        "Tệp hoặc thư mục kế hoạch (mặc định: các mẫu 'plans' trong [tool.planctl], plans/**/*.yaml).",
    "Also write a report in FORMAT to PATH, e.g. sarif=planctl.sarif. Repeatable.":
        "Ghi thêm báo cáo theo định dạng FORMAT vào tệp PATH, ví dụ sarif=planctl.sarif. Dùng được nhiều lần.",
    "Report only findings that are not in FILE, a saved `planctl lint --format json` result (matched by "
    "fingerprint).":
        "Chỉ báo các vấn đề chưa có trong FILE, một kết quả `planctl lint --format json` đã lưu (so theo dấu "
        "vân tay - fingerprint).",
    "Check plans against the JSON Schema and the policy rules.\n\nEach finding is printed as FILE:LINE:COLUMN: "
    "SEVERITY RULE MESSAGE. Exit code 0 when no\nfinding is at or above --fail-on, 1 when one is, 2 on a usage, "
    "configuration or input error,\n3 on an internal error (a bug in planctl). With --new-since REV, only findings "
    "that the plans\nat REV did not have decide the exit code (pull-request mode; the pre-commit hook uses HEAD).\n"
    "With the github format, GITHUB_STEP_SUMMARY (when set) gets a Markdown summary appended.":
        "Kiểm tra kế hoạch theo lược đồ JSON Schema và các quy tắc.\n\nMỗi vấn đề được in thành TỆP:DÒNG:CỘT: MỨC "
        "QUY-TẮC NỘI-DUNG. Mã trả về 0 khi không có vấn đề nào ở mức --fail-on trở lên, 1 khi có, 2 khi có lỗi "
        "cách dùng, cấu hình hoặc tệp đầu vào, 3 khi có lỗi nội bộ (lỗi của planctl). Với --new-since REV, chỉ "
        "những vấn đề mà kế hoạch ở phiên bản REV chưa có mới quyết định mã trả về (chế độ pull request; hook "
        "pre-commit dùng HEAD). Với định dạng github, bản tóm tắt Markdown được ghi thêm vào GITHUB_STEP_SUMMARY "
        "(nếu biến này được đặt).",
    "Format of standard output. Default: github under GitHub Actions (GITHUB_ACTIONS=true), else text.":
        "Định dạng in ra. Mặc định: github khi chạy trong GitHub Actions (GITHUB_ACTIONS=true), nếu không thì text.",
    "Lowest severity that makes the exit code 1 (default: fail-on of [tool.planctl], else error).":
        "Mức thấp nhất làm mã trả về là 1 (mặc định: fail-on trong [tool.planctl], nếu không có thì error).",
    "Pull-request mode: also lint the plans as they are at REV (A...B: the merge base of A and B) and report each "
    "finding as new or unchanged, and the fixed ones; only new findings decide the exit code.":
        "Chế độ pull request: kiểm tra thêm các kế hoạch như ở phiên bản REV (A...B: điểm chung của A và B) và báo "
        "mỗi vấn đề là mới hay không đổi, cùng các vấn đề đã sửa; chỉ vấn đề mới quyết định mã trả về.",
    "Colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never.":
        "Tô màu định dạng text: auto (khi in ra màn hình, trừ khi đặt NO_COLOR), always (luôn luôn) hoặc never "
        "(không bao giờ).",
    "Text format: only the findings, no summary line.": "Định dạng text: chỉ in các vấn đề, không in dòng tóm tắt.",
    "Print a JSON Schema, for editors and other tools; or check or update the repository's copies.\n\nPut "
    "`# yaml-language-server: $schema=PATH` on the first line of a plan to get completion and\ninline errors in "
    "editors that use the YAML language server; `planctl init` copies the schemas\ninto schema/ for that.":
        "In một lược đồ JSON Schema, cho trình soạn thảo và các công cụ khác; hoặc kiểm tra, cập nhật các bản sao "
        "lược đồ trong kho.\n\nGhi `# yaml-language-server: $schema=PATH` ở dòng đầu của kế hoạch để trình soạn "
        "thảo dùng YAML language server gợi ý khi gõ và báo lỗi ngay trên dòng; `planctl init` chép các lược đồ "
        "vào schema/ cho việc đó.",
    "Which schema: plan, programme, policy, rule, config ([tool.planctl]), lint-result, diff-result, log-result "
    "(default: plan).":
        "Lược đồ nào: plan, programme, policy, rule, config ([tool.planctl]), lint-result, diff-result, log-result "
        "(mặc định: plan).",
    "Check that the repository's copies in schema/ are the installed planctl's; exit 1 naming the stale ones.":
        "Kiểm tra các bản sao trong schema/ của kho có đúng là lược đồ của bản planctl đã cài không; trả về mã 1 và "
        "nêu tên các bản đã cũ.",
    "Copy the installed schemas into the repository's schema/ (the stale copies, and plan, programme and policy "
    "when missing).":
        "Chép các lược đồ của bản planctl đã cài vào schema/ của kho (các bản đã cũ, và plan, programme, policy khi "
        "chưa có).",
    "The repository to set up (default: here).": "Kho cần thiết lập (mặc định: thư mục hiện tại).",
    "Replace files (and [tool.planctl]) that exist already.": "Thay các tệp (và [tool.planctl]) đã có.",
    "Record the findings the existing plans have in planctl-baseline.json, and make the pre-commit hook and the "
    "workflow ignore them. Default: ask on a terminal when there are findings, else no.":
        "Ghi các vấn đề mà các kế hoạch hiện có đang có vào planctl-baseline.json, để hook pre-commit và workflow "
        "bỏ qua chúng. Mặc định: hỏi khi chạy trên màn hình và có vấn đề, nếu không thì không ghi.",
    "Show what changed in budgets and targets between two revisions.\n\nPer project and funding source, targets, "
    "and the effect on the totals per group, source,\ntype and year, and on the printed totals.\n\nItems are "
    "matched by id (a reorder is no change; a project under another group is a move);\nrenamed plan files are "
    "followed. Without paths, the plans of [tool.planctl] are compared.\nExit code 0 (1 with --exit-code when a "
    "plan changed), 2 on an error, 3 on an internal error.":
        "Cho thấy kinh phí và chỉ tiêu thay đổi những gì giữa hai phiên bản.\n\nTheo từng dự án và nguồn vốn, các "
        "chỉ tiêu, và ảnh hưởng lên các tổng theo nhóm, nguồn vốn, loại vốn và năm, và lên các số tổng in trong "
        "văn bản.\n\nCác mục được ghép theo mã id (đổi thứ tự không phải là thay đổi; dự án sang nhóm khác là "
        "chuyển nhóm); tệp kế hoạch đổi tên vẫn được theo dõi. Không nêu đường dẫn thì so sánh các kế hoạch trong "
        "[tool.planctl]. Mã trả về 0 (1 với --exit-code khi có kế hoạch thay đổi), 2 khi có lỗi, 3 khi có lỗi "
        "nội bộ.",
    "What to compare, as in git diff: nothing (HEAD against the working tree), REV (REV against the working tree), "
    "A B or A..B (A against B), A...B (from the merge base of A and B to B: a pull request's view). Then paths to "
    "limit the comparison to.":
        "So sánh gì, như git diff: không ghi gì (HEAD với thư mục làm việc), REV (REV với thư mục làm việc), A B "
        "hoặc A..B (A với B), A...B (từ điểm chung của A và B đến B: những gì một pull request thay đổi). Sau đó "
        "là các đường dẫn để chỉ so sánh các tệp đó.",
    "text (a terminal table), markdown (for a pull-request comment) or json.":
        "text (bảng trên màn hình), markdown (cho bình luận trong pull request) hoặc json.",
    "Exit with 1 when a plan changed.": "Trả về mã 1 khi có kế hoạch thay đổi.",
    "List the commits that changed a plan, a project or a target.\n\nNewest first, with the change each made, e.g. "
    "\"nstw 3,000 → 3,500 (+500, +16.7%)\". Renames\nare followed.":
        "Liệt kê các commit đã thay đổi một kế hoạch, một dự án hoặc một chỉ tiêu.\n\nMới nhất trước, kèm thay "
        "đổi của từng commit, ví dụ \"nstw 3.000 → 3.500 (+500, +16,7%)\". Tệp đổi tên vẫn được theo dõi.",
    "The plan file whose history to show.": "Tệp kế hoạch cần xem lịch sử.",
    "Only the commits that changed this project.": "Chỉ các commit đã thay đổi dự án này.",
    "Only the commits that changed this target.": "Chỉ các commit đã thay đổi chỉ tiêu này.",
    "Start from this revision.": "Bắt đầu từ phiên bản này.",
    "Show at most this many commits.": "Hiện tối đa chừng này commit.",
    "text, markdown or json.": "text, markdown hoặc json.",
    "Document the policy rules from their files.": "Mô tả các quy tắc kiểm tra từ tệp quy tắc.",
    "List every rule: id, severity, what it checks.": "Liệt kê mọi quy tắc: mã, mức độ, nội dung kiểm tra.",
    "A Markdown table (as in the README).": "In thành bảng Markdown (như trong README).",
    "List the fact kinds a rule can apply to, with their fields (for writing rules).":
        "Liệt kê các loại dữ kiện (fact) mà quy tắc có thể áp dụng, với các trường của chúng (để viết quy tắc).",
    "Explain one rule: what it checks, its message, and its examples.":
        "Giải thích một quy tắc: kiểm tra gì, thông báo và các ví dụ.",
    "A rule id, e.g. consistency.group-total.": "Mã quy tắc, ví dụ consistency.group-total.",
    "Say which lint findings the revision adds and fixes (lints both sides). Default: on for markdown, off for "
    "text and json.":
        "Cho biết lần sửa đổi thêm và khắc phục những vấn đề lint nào (kiểm tra cả hai phiên bản). Mặc định: bật "
        "với markdown, tắt với text và json.",
}
VI.update(HELP)


# --- no English left in Vietnamese output: schema, syntax, config, git and usage errors -------------------------------
# JSON Schema findings, per validator keyword (planctl/lint/schema_messages.py).
VI.update({
    "a whole number": "một số nguyên",
    "a number": "một số",
    "text": "một chuỗi ký tự",
    "true or false": "true hoặc false",
    "a list": "một danh sách",
    "a mapping of keys": "một bảng khóa",
    "empty (null)": "giá trị rỗng (null)",
    " or ": " hoặc ",
    "an id: lower-case letters without accents, digits, '.', '_' or '-'":
        "một mã (id): chữ thường không dấu, chữ số, '.', '_' hoặc '-'",
    "a date in the form YYYY-MM-DD": "một ngày theo dạng YYYY-MM-DD",
    "a year of four digits": "một năm gồm bốn chữ số",
    "PROGRAMME-ID/ID (a programme's id, '/', an id in it)":
        "dạng MÃ-CHƯƠNG-TRÌNH/MÃ (mã của chương trình, dấu '/', rồi một mã trong chương trình đó)",
    "a JSON pointer starting with '/'": "một con trỏ JSON bắt đầu bằng '/'",
    "a rule id: a category, '.', a name": "một mã quy tắc: nhóm quy tắc, dấu '.', rồi tên",
    "the form {pattern}": "dạng {pattern}",
    "{value} is not {expected}": "{value} không phải là {expected}",
    "{value} is not one of the allowed values: {allowed}": "{value} không thuộc các giá trị được dùng: {allowed}",
    "{value} must be {expected}": "{value} không đúng: phải là {expected}",
    "{value} is not {form}": "{value} không phải là {form}",
    "{value} is less than {limit}": "{value} nhỏ hơn {limit}",
    "{value} is more than {limit}": "{value} lớn hơn {limit}",
    "{value} must be more than {limit}": "{value} không đúng: phải lớn hơn {limit}",
    "{value} must be less than {limit}": "{value} không đúng: phải nhỏ hơn {limit}",
    "{value} is not a multiple of {limit}": "{value} không phải là bội số của {limit}",
    "the text is shorter than {limit} characters": "chuỗi ký tự ngắn hơn {limit} ký tự",
    "the text is longer than {limit} characters": "chuỗi ký tự dài hơn {limit} ký tự",
    "the list has fewer than {limit} items": "danh sách có ít hơn {limit} mục",
    "the list has more than {limit} items": "danh sách có nhiều hơn {limit} mục",
    "the mapping has fewer than {limit} keys": "bảng khóa có ít hơn {limit} khóa",
    "the mapping has more than {limit} keys": "bảng khóa có nhiều hơn {limit} khóa",
    "the text is empty": "chưa ghi nội dung (chuỗi rỗng)",
    "the list is empty": "danh sách rỗng",
    "the list has the same item twice": "danh sách có một mục bị lặp",
    "{value} is not a valid {format}": "{value} không phải là {format} hợp lệ",
    "a key needs another key beside it: {keys}": "một khóa cần có khóa khác đi kèm: {keys}",
    "no item of the list is of the form required here": "danh sách không có mục nào đúng dạng quy định ở đây",
    "{value} is not of a form allowed here": "{value} không đúng dạng được phép ở đây",
    "no value is allowed here": "không được ghi giá trị ở đây",
    "{value} is not allowed here (schema keyword {keyword})": "{value} không được phép ở đây (từ khóa lược đồ {keyword})",
    "write {expected} here": "ghi {expected} ở đây",
    "did you mean {value}?": "có phải định ghi {value}?",
    "write one of the values listed, as written": "ghi một trong các giá trị nêu trên, đúng như cách viết",
    "write {expected}": "ghi {expected}",
    "write {form}, e.g. {example}": "ghi {form}, ví dụ {example}",
    "write {form}": "ghi {form}",
    "write a value of at least {limit}": "ghi giá trị từ {limit} trở lên",
    "write a value of at most {limit}": "ghi giá trị không quá {limit}",
    "fill it in": "điền nội dung vào",
    "remove the repeated item": "xóa mục bị lặp",
    "see the section on this key in plans/README.md": "xem phần về khóa này trong plans/README.md",
})
# The YAML parser's problems (planctl/yamlsyntax.py, planctl/document.py).
VI.update({
    "invalid YAML: a tab character; YAML indents with spaces only":
        "YAML không hợp lệ: có ký tự tab; YAML chỉ thụt lề bằng dấu cách",
    "invalid YAML: a value cannot start with {character!r}": "YAML không hợp lệ: giá trị không được bắt đầu bằng {character!r}",
    "put the value in quotes, e.g. '{character}…'": "đặt giá trị trong dấu nháy, ví dụ '{character}…'",
    "invalid YAML: the key on line {line} has no ':' after it": "YAML không hợp lệ: khóa ở dòng {line} thiếu dấu ':' phía sau",
    "write 'key: value', with ':' and a space after the key": "ghi 'khóa: giá trị', có dấu ':' và một dấu cách sau khóa",
    "invalid YAML: a ':' where no key can start (a ':' inside a value, a key indented too far, or a missing ':' "
    "on the line above)":
        "YAML không hợp lệ: dấu ':' ở chỗ không thể bắt đầu một khóa (dấu ':' nằm trong giá trị, khóa thụt lề quá "
        "sâu, hoặc dòng trên thiếu dấu ':')",
    "put a value that holds ': ' in quotes; indent the key like the keys beside it":
        "đặt giá trị có chứa ': ' trong dấu nháy; thụt lề khóa bằng các khóa bên cạnh",
    "invalid YAML: the quotation mark opened on line {line} is never closed":
        "YAML không hợp lệ: dấu nháy mở ở dòng {line} không được đóng lại",
    "close the quoted text with the same quotation mark (\" or ')":
        "đóng đoạn trong nháy bằng đúng loại dấu nháy đã mở (\" hoặc ')",
    "list": "danh sách",
    "mapping": "bảng khóa",
    "invalid YAML: the {kind} opened on line {line} is not closed with '{closing}'":
        "YAML không hợp lệ: {kind} mở ở dòng {line} không được đóng bằng '{closing}'",
    "close it with '{closing}', and separate its items with ','": "đóng bằng '{closing}', và ngăn cách các mục bằng ','",
    "invalid YAML: more text after the value on this line": "YAML không hợp lệ: còn chữ phía sau giá trị trên dòng này",
    "put the whole value in quotes": "đặt toàn bộ giá trị trong dấu nháy",
    "invalid YAML: this key is indented differently from the keys above it":
        "YAML không hợp lệ: khóa này thụt lề khác với các khóa phía trên",
    "indent each key with as many spaces as the other keys of the same mapping":
        "thụt lề mỗi khóa bằng số dấu cách như các khóa khác trong cùng bảng khóa",
    "invalid YAML: a line inside the list started on line {line} does not begin with '-'":
        "YAML không hợp lệ: một dòng trong danh sách bắt đầu ở dòng {line} không mở đầu bằng '-'",
    "start each item of the list with '- ', or indent the line under its item":
        "mở đầu mỗi mục của danh sách bằng '- ', hoặc thụt lề dòng này vào trong mục của nó",
    "invalid YAML: an unknown escape sequence (a backslash '\\') in double-quoted text":
        "YAML không hợp lệ: chuỗi thoát không hợp lệ (dấu gạch chéo ngược '\\') trong đoạn đặt trong nháy kép",
    "write the text in single quotes, or double the backslash": "đặt đoạn chữ trong nháy đơn, hoặc ghi hai dấu gạch chéo ngược",
    "invalid YAML: text after the end of the document ('...')":
        "YAML không hợp lệ: còn nội dung sau dòng kết thúc văn bản ('...')",
    "remove the '...' line": "xóa dòng '...'",
    "invalid YAML: the YAML parser says: {problem}": "YAML không hợp lệ: trình đọc YAML báo (tiếng Anh): {problem}",
    "invalid YAML: a control character (code {code}) is not allowed in a plan":
        "YAML không hợp lệ: kế hoạch không được chứa ký tự điều khiển (mã {code})",
})
# [tool.planctl] against its schema (planctl/config_schema.py).
VI.update({
    "item {n}": "mục {n}",
    "a table": "một bảng",
    "a string": "một chuỗi ký tự",
    "an integer": "một số nguyên",
    "one of {values}": "một trong {values}",
    "a list of non-empty strings": "một danh sách chuỗi ký tự không rỗng",
    "a list of strings": "một danh sách chuỗi ký tự",
    "a positive integer": "một số nguyên dương",
    "an integer of at least {minimum}": "một số nguyên từ {minimum} trở lên",
    "a non-empty string": "một chuỗi ký tự không rỗng",
    "a valid value": "một giá trị hợp lệ",
    "unknown setting(s) in {table}: {unknown} (known: {known})":
        "{table} có thiết lập lạ: {unknown} (các thiết lập: {known})",
    "unknown setting(s): {unknown} (known: {known})": "có thiết lập lạ: {unknown} (các thiết lập: {known})",
    "{key}: {value} is not a rule id; rule ids look like \"periods.missing-schedule\" (planctl rules list)":
        "{key}: {value} không phải là mã quy tắc; mã quy tắc có dạng \"periods.missing-schedule\" (xem planctl rules list)",
    "{key} must be {expected} (got {value})": "{key} phải là {expected} (đang ghi {value})",
})
# planctl diff and log: git errors (planctl/history/revisions.py, select.py, log.py).
VI.update({
    "the repository is a shallow clone: fetch more history with `git fetch --unshallow` (in GitHub Actions: "
    "`fetch-depth: 0` in actions/checkout)":
        "kho là một bản sao nông (shallow clone): hãy tải thêm lịch sử bằng `git fetch --unshallow` (trong GitHub "
        "Actions: `fetch-depth: 0` trong actions/checkout)",
    "`git fsck` lists the damage; a fresh clone (or `git fetch` of the lost objects) repairs it":
        "`git fsck` liệt kê các chỗ hỏng; sao chép lại kho (hoặc `git fetch` các đối tượng bị mất) sẽ khắc phục",
    "git {command} failed (git says: {said})": "lệnh git {command} không thực hiện được (git báo: {said})",
    "the repository is damaged (a missing or corrupt git object): {hint}":
        "kho git bị hỏng (một đối tượng git bị mất hoặc hỏng): {hint}",
    "cannot read revision {spec!r}: the repository is damaged (a missing or corrupt git object; git says: {said}): "
    "{hint}":
        "không đọc được phiên bản {spec!r}: kho git bị hỏng (một đối tượng git bị mất hoặc hỏng; git báo: {said}): "
        "{hint}",
    "unknown revision {spec!r}; {hint}": "không có phiên bản {spec!r}; {hint}",
    "unknown revision {spec!r} (check the spelling; a remote branch is written origin/NAME and needs `git fetch` "
    "first)":
        "không có phiên bản {spec!r} (hãy kiểm tra chính tả; nhánh trên máy chủ được ghi là origin/TÊN và cần "
        "`git fetch` trước)",
    "no merge base of {a} and {b} in the fetched history; {hint}":
        "không tìm thấy điểm rẽ nhánh chung của {a} và {b} trong phần lịch sử đã tải về; {hint}",
    "cannot read the working tree: cannot write a temporary index in {folder} ({reason}); compare two commits "
    "instead (planctl diff A B)":
        "không đọc được thư mục làm việc: không ghi được tệp chỉ mục tạm trong {folder} ({reason}); hãy so sánh hai "
        "commit (planctl diff A B)",
    "cannot read the working tree: {problem}; compare two commits instead (planctl diff A B)":
        "không đọc được thư mục làm việc: {problem}; hãy so sánh hai commit (planctl diff A B)",
    "a file": "một tệp",
    "{path} at {revision}": "{path} ở phiên bản {revision}",
    "cannot read {where}: git object {sha} is missing or corrupt; {hint}":
        "không đọc được {where}: đối tượng git {sha} bị mất hoặc hỏng; {hint}",
    "unknown revision or path not in the working tree: {arg!r}. A revision: check the spelling; a remote branch is "
    "written origin/NAME and needs `git fetch` first. A plan deleted since a revision: name it after '--' (planctl "
    "diff REV -- {arg}).":
        "không có phiên bản nào tên {arg!r}, và thư mục làm việc cũng không có đường dẫn này. Nếu là phiên bản: hãy "
        "kiểm tra chính tả; nhánh trên máy chủ được ghi là origin/TÊN và cần `git fetch` trước. Nếu là kế hoạch đã "
        "bị xóa sau một phiên bản: ghi nó sau '--' (planctl diff REV -- {arg}).",
    "Also: {hint}.": "Ngoài ra: {hint}.",
    "no commit reachable from {start} changed {what} {item!r} in {path} (is the id right? `planctl diff` lists ids)":
        "không có commit nào tính từ {start} thay đổi {what} {item!r} trong {path} (mã id có đúng không? "
        "`planctl diff` liệt kê các mã)",
    "the history may be cut short: {hint}": "lịch sử có thể bị thiếu: {hint}",
    "no commit reachable from {start} changed {path} (check the path: it is the plan's path at that revision)":
        "không có commit nào tính từ {start} thay đổi {path} (hãy kiểm tra đường dẫn: đó phải là đường dẫn của kế "
        "hoạch ở phiên bản đó)",
})
# Command-line usage errors (planctl/usage_errors.py: click's messages, read back).
VI.update({
    "Missing command.": "Thiếu lệnh.",
    "No such command {name}.": "Không có lệnh {name}.",
    "No such option: {name} (similar options: {options})": "Không có tùy chọn {name} (các tùy chọn gần giống: {options})",
    "No such option: {name}": "Không có tùy chọn {name}",
    "Unexpected extra arguments ({args})": "Thừa đối số ({args})",
    "Option {name} requires a value.": "Tùy chọn {name} cần một giá trị.",
    "Option {name} requires {n} values.": "Tùy chọn {name} cần {n} giá trị.",
    "Option {name} does not take a value.": "Tùy chọn {name} không nhận giá trị.",
    "Argument {name} takes {n} values.": "Đối số {name} cần {n} giá trị.",
    "Invalid value for {param}: {problem}": "Giá trị của {param} không hợp lệ: {problem}",
    "Invalid value: {problem}": "Giá trị không hợp lệ: {problem}",
    "Missing argument {param}.": "Thiếu đối số {param}.",
    "Missing option {param}.": "Thiếu tùy chọn {param}.",
    "Missing parameter {param}.": "Thiếu tham số {param}.",
    "{value} is not one of {choices}.": "{value} không phải là một trong {choices}.",
    "{value} is not a valid whole number.": "{value} không phải là số nguyên hợp lệ.",
    "{value} is not a valid number.": "{value} không phải là số hợp lệ.",
    "{value} is not true or false; write one of {states}": "{value} không phải là đúng/sai; ghi một trong {states}",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{kind} {name} does not exist.": "{kind} {name} không tồn tại.",
    "{kind} {name} is a folder.": "{kind} {name} là một thư mục.",
    "Choose from: {choices}": "Chọn một trong: {choices}",
    "Did you mean {suggestions}?": "Có phải định gõ {suggestions}?",
    "File": "Tệp",
    "Folder": "Thư mục",
    "Path": "Đường dẫn",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
    "Error: {message}": "Lỗi: {message}",
})
# planctl rules facts / explain: the fact kinds' descriptions and their checks (planctl/lint/facts/*.py),
# read from the registry as the --help texts are (fact_kind_texts below), and the labels of `rules facts`.
FACTS = {
    "A printed total next to the sum of what it summarises (check names which).":
        "Một số tổng ghi trong văn bản, đặt cạnh tổng cộng các phần mà nó tổng hợp (check cho biết loại nào).",
    "a project's printed total against its source cells": "tổng ghi của một dự án so với các ô nguồn vốn của dự án",
    "an amount written in the text against the project or group it names":
        "kinh phí ghi trong phần văn bản so với dự án hoặc nhóm mà nó nêu tên",
    "a source cell against the share a split note gives it": "một ô nguồn vốn so với phần mà tỷ lệ phân chia dành cho nó",
    "a project's yearly amounts against its value": "kinh phí theo từng năm của một dự án so với tổng kinh phí của dự án",
    "a group's printed subtotal against its projects": "số cộng ghi của một nhóm so với các dự án trong nhóm",
    "a group's subtotal for one source against its projects' cells":
        "số cộng của một nhóm cho một nguồn vốn so với các ô của các dự án trong nhóm",
    "a group's subtotal against its own source columns": "số cộng của một nhóm so với các cột nguồn vốn của chính nhóm đó",
    "the project list's grand total against its groups": "tổng cộng của danh mục dự án so với các nhóm",
    "the project list's grand total for one source against its groups":
        "tổng cộng của danh mục dự án cho một nguồn vốn so với các nhóm",
    "the text's total budget against its sources": "tổng kinh phí ghi trong văn bản so với các nguồn vốn",
    "the text's budget for a source against its sub-sources": "kinh phí của một nguồn vốn ghi trong văn bản so với các nguồn con",
    "the text's budget per type (investment, recurrent) against its source lines":
        "kinh phí theo loại vốn (vốn đầu tư phát triển, vốn sự nghiệp) ghi trong văn bản so với các dòng nguồn vốn",
    "the text's budget against the project list": "kinh phí ghi trong văn bản so với danh mục dự án",
    "a phasing row's total against its years": "tổng của một dòng phân kỳ so với các năm",
    "a phasing row (a year or its total) against its sub-rows": "một dòng phân kỳ (một năm hoặc tổng) so với các dòng con",
    "a phasing row's total against the text's budget for its source":
        "tổng của một dòng phân kỳ so với kinh phí của nguồn vốn đó ghi trong văn bản",
    "a phasing year's total against its rows": "tổng của một năm trong bảng phân kỳ so với các dòng",
    "the phasing grand total against its years and its rows": "tổng cộng của bảng phân kỳ so với các năm và các dòng",
    "A printed count or ratio (not money) next to the sum of its parts (check names which).":
        "Một số đếm hoặc tỷ lệ ghi trong văn bản (không phải tiền), đặt cạnh tổng các phần của nó (check cho biết "
        "loại nào).",
    "a baseline table's printed section or table total against its rows":
        "tổng ghi của một phần hoặc của cả bảng số liệu hiện trạng so với các dòng",
    "a baseline figure against the figures printed as its parts (part_of)":
        "một số liệu hiện trạng so với các số liệu được ghi là phần của nó (part_of)",
    "A year printed in the plan, with the first and last year allowed where it stands.":
        "Một năm ghi trong kế hoạch, cùng năm đầu và năm cuối được phép ở vị trí đó.",
    "A project's start and end years (absent when not printed), and whether it has money.":
        "Năm bắt đầu và năm kết thúc của một dự án (không có khi văn bản không ghi), và dự án có kinh phí hay không.",
    "A roadmap milestone next to the same indicator's last milestone of an earlier year.":
        "Một mốc lộ trình, đặt cạnh mốc gần nhất của cùng chỉ tiêu ở một năm trước đó.",
    "The n-th occurrence of an id or a project name in a plan.":
        "Lần xuất hiện thứ n của một mã hoặc một tên dự án trong kế hoạch.",
    "A printed item number next to the number printed before it.":
        "Một số thứ tự ghi trong văn bản, đặt cạnh số thứ tự ghi trước nó.",
    "A target that states again the indicator of another (the same national target, or `restates`), and whether "
    "it sets another value.":
        "Một chỉ tiêu nêu lại nội dung của một chỉ tiêu khác (cùng chỉ tiêu quốc gia, hoặc `restates`), và nó có đặt "
        "giá trị khác hay không.",
    "The number of a legal basis that cites a national programme, next to the registry's.":
        "Số hiệu của một căn cứ dẫn chiếu chương trình quốc gia, đặt cạnh số hiệu trong danh mục chương trình.",
    "The date of a legal basis that cites a national programme, next to the registry's.":
        "Ngày ban hành của một căn cứ dẫn chiếu chương trình quốc gia, đặt cạnh ngày trong danh mục chương trình.",
    "A programme the plan implements and whether its legal bases cite it.":
        "Một chương trình mà kế hoạch triển khai, và phần căn cứ của kế hoạch có dẫn chiếu chương trình đó hay không.",
    "A reference to a programme, task group, national target, target, funding source, plan group or baseline "
    "figure.":
        "Một tham chiếu tới chương trình, nhóm nhiệm vụ, chỉ tiêu quốc gia, chỉ tiêu, nguồn vốn, nhóm của kế hoạch "
        "hoặc số liệu hiện trạng.",
    "A task group of an implemented programme with the number of plan groups mapped to it.":
        "Một nhóm nhiệm vụ của chương trình được triển khai, cùng số nhóm của kế hoạch gắn với nó.",
    "A plan group with the number of national task groups it is mapped to.":
        "Một nhóm của kế hoạch, cùng số nhóm nhiệm vụ quốc gia mà nó được gắn với.",
    "A target linked to a national target, compared in ambition.":
        "Một chỉ tiêu gắn với chỉ tiêu quốc gia, so sánh mức độ đặt ra.",
    "The items' total for one funding source against the plan's stated total.":
        "Tổng các mục của một nguồn vốn so với tổng ghi trong kế hoạch.",
    "Money from one kind of source in a plan, year or group, against a policy cap.":
        "Kinh phí từ một loại nguồn vốn trong một kế hoạch, một năm hoặc một nhóm, so với mức trần theo chính sách.",
    "A project funded by a source whose purposes a policy restricts.":
        "Một dự án dùng nguồn vốn mà chính sách giới hạn mục đích sử dụng.",
    "A split note's percentages, added up.": "Các tỷ lệ của một tỷ lệ phân chia, cộng lại.",
    "A target value in percent.": "Giá trị chỉ tiêu tính bằng phần trăm.",
    "A value the schema rejects in a way planners often type: money as a decimal, a negative amount.":
        "Một giá trị bị lược đồ từ chối theo kiểu người lập kế hoạch hay gõ nhầm: tiền ghi dạng số thập phân, số "
        "tiền âm.",
    # the fact kinds of the dates, relations and outline rules
    "a baseline table's parent row against its sub-rows (parent)":
        "dòng cha của một bảng số liệu hiện trạng so với các dòng con (parent)",
    "Years printed in a project's name or quoted note, next to the row's year cells and the period.":
        "Các năm ghi trong tên hoặc ghi chú của một dự án, đặt cạnh các ô năm của dòng đó và giai đoạn của kế hoạch.",
    "A project's end year next to the year of the document's own date.":
        "Năm kết thúc của một dự án, đặt cạnh năm ban hành của chính văn bản.",
    "A project's money from one source, and whether the phasing table shows money from that source (or a source "
    "above or below it) in any of the project's years.":
        "Kinh phí của một dự án từ một nguồn vốn, và bảng phân kỳ có ghi kinh phí của nguồn vốn đó (hoặc của nguồn "
        "vốn cấp trên hay cấp dưới của nó) trong năm nào thuộc thời gian thực hiện dự án hay không.",
    "The date of a legal basis next to the document's own date (a submission's next to the decision it asks for).":
        "Ngày của một căn cứ, đặt cạnh ngày ban hành của chính văn bản (ngày của tờ trình đặt cạnh ngày của quyết "
        "định mà tờ trình đề nghị).",
    "A legal basis's date next to its date_as_printed, read as a date (22/9/2010, 26 tháng 11 năm 2003).":
        "Ngày của một căn cứ, đặt cạnh date_as_printed (ngày như văn bản ghi) đọc thành ngày (22/9/2010, 26 tháng "
        "11 năm 2003).",
    "The date a document takes effect, as printed, next to the date it is signed.":
        "Ngày văn bản có hiệu lực như văn bản ghi, đặt cạnh ngày ký.",
    "A printed share next to its numerator / denominator (ratio: on a baseline figure).":
        "Một tỷ lệ ghi trong văn bản, đặt cạnh tử số / mẫu số của nó (ratio: của một số liệu hiện trạng).",
    "A figure printed as a subset (subset_of, a 'trong đó' sub-row) next to its superset.":
        "Một số liệu được ghi là một phần (subset_of, một dòng con 'trong đó'), đặt cạnh số liệu bao hàm nó.",
    "A link among baseline figures or table rows and columns (part_of, subset_of, ratio, parent, a column's ratio "
    "or subset_of, dashes), and whether what it names exists.":
        "Một liên kết giữa các số liệu hiện trạng hoặc các dòng, cột của bảng (part_of, subset_of, ratio, parent, "
        "ratio hoặc subset_of của một cột, dashes), và thứ mà liên kết nêu tên có tồn tại hay không.",
    "A chain of part_of / subset_of / row parent links that comes back to where it began.":
        "Một chuỗi liên kết part_of / subset_of / dòng cha (parent) quay trở lại chỗ bắt đầu.",
    "A baseline table row that leaves cells empty (check names which kind of row).":
        "Một dòng của bảng số liệu hiện trạng có ô trống (check cho biết loại dòng nào).",
    "a row that leaves empty a column almost every other row fills":
        "một dòng để trống một cột mà gần như mọi dòng khác đều ghi",
    "a parent row left empty while its sub-rows are filled": "một dòng cha bị để trống trong khi các dòng con có số liệu",
    "A numbered heading of the outline next to the one printed before it at its level (the first of its level: "
    "`first`, compared with 1; `repeated`: the same number as the one before).":
        "Một đề mục có đánh số trong dàn ý văn bản, đặt cạnh đề mục ghi trước nó ở cùng cấp (đề mục đầu tiên của "
        "một cấp: `first`, so với 1; `repeated`: trùng số với đề mục trước).",
    "An outline id named by the coverage (`announced_at`, `within`), and whether the outline has it.":
        "Một mã đề mục mà phần coverage nêu tên (`announced_at`, `within`), và dàn ý văn bản có mã đó hay không.",
    "A part of the document the source text does not print, or the file does not encode (`checkable`: it holds "
    "figures planctl would check, or belongs to a numbered list of the outline).":
        "Một phần của văn bản mà văn bản nguồn không có, hoặc tệp không mã hóa (`checkable`: phần đó có số liệu "
        "planctl sẽ kiểm tra, hoặc thuộc một danh sách đánh số của dàn ý văn bản).",
    "A plan with a coverage statement and no money at all (no budget, no phasing, no amount for a project): "
    "whether it names funding sources or announces an appendix, and whether the source text has every part that "
    "would hold the money (`money_in_source`).":
        "Một kế hoạch có phần coverage nhưng không có số tiền nào (không có kinh phí, không có phân kỳ, không dự án "
        "nào có kinh phí): kế hoạch có nêu nguồn vốn hay nhắc tới một phụ lục không, và văn bản nguồn có đủ mọi "
        "phần chứa số tiền hay không (`money_in_source`).",
    # the tasks and links fact kinds
    "A task's link to an appendix row, and whether the row exists.":
        "Liên kết của một nhiệm vụ tới một dòng của phụ lục, và dòng đó có tồn tại không.",
    "A task whose wording is nearly that of an earlier task (normalised text), and whether one only adds words to "
    "the other.":
        "Một nhiệm vụ có nội dung gần như trùng với một nhiệm vụ ghi trước (sau khi chuẩn hóa chữ), và có phải "
        "nhiệm vụ này chỉ thêm chữ vào nhiệm vụ kia không.",
    "A task's lead agency against its linked row's, both as printed.":
        "Cơ quan chủ trì của một nhiệm vụ so với cơ quan chủ trì của dòng phụ lục được liên kết, đúng như bản in.",
    "A task that is one appendix row, and how many of the row name's words its name has.":
        "Một nhiệm vụ ứng với đúng một dòng phụ lục, và tên nhiệm vụ có bao nhiêu từ của tên dòng đó.",
    "A task's amount in the text against the sum of its linked rows, or the text's task amounts together against "
    "the budget.":
        "Kinh phí của một nhiệm vụ trong phần văn bản so với tổng các dòng phụ lục được liên kết, hoặc tổng kinh phí "
        "các nhiệm vụ trong văn bản so với tổng kinh phí của kế hoạch.",
    "a task's amount against the sum of its linked rows": "kinh phí của nhiệm vụ so với tổng các dòng được liên kết",
    "the text's task amounts together against the budget total":
        "tổng kinh phí các nhiệm vụ trong văn bản so với tổng kinh phí của kế hoạch",
    "A task's printed schedule against the years of its linked row (or the span of its rows).":
        "Tiến độ ghi trong văn bản của một nhiệm vụ so với năm thực hiện của dòng phụ lục được liên kết (hoặc "
        "khoảng thời gian của các dòng).",
    "{first} … {last} ({count} rows)": "{first} … {last} ({count} dòng)",
    "An appendix row that no task of the text links to, in a plan whose tasks link rows.":
        "Một dòng phụ lục không được nhiệm vụ nào trong văn bản liên kết tới, trong kế hoạch có các nhiệm vụ liên "
        "kết tới dòng phụ lục.",
    "A row's link to another plan (stands_for) or to a row of it (same_as), resolved among the linted plans and "
    "the configured plan files.":
        "Liên kết của một dòng tới một kế hoạch khác (stands_for) hoặc tới một dòng của kế hoạch đó (same_as), "
        "tìm trong các kế hoạch đang kiểm tra và các tệp kế hoạch đã cấu hình.",
    "A row's amount (or one kind of source in it) against what the linked plan or row prints.":
        "Kinh phí của một dòng (hoặc một loại nguồn vốn trong đó) so với số ghi ở kế hoạch hoặc dòng được liên kết.",
    "the row's amount against the other plan's total or the other row's amount":
        "kinh phí của dòng so với tổng kinh phí của kế hoạch kia hoặc kinh phí của dòng kia",
    "one kind of source (NSTW, NSĐP …) of the row against the other's":
        "một loại nguồn vốn (NSTW, NSĐP …) của dòng so với cùng loại nguồn ở dòng kia",
    "A row that is the same as a row of a plan another row of this plan stands for.":
        "Một dòng trùng với một dòng của kế hoạch mà một dòng khác của kế hoạch này đại diện.",
    "A row's years against the linked plan's period or the other row's years.":
        "Năm thực hiện của một dòng so với giai đoạn của kế hoạch được liên kết hoặc năm thực hiện của dòng kia.",
}
VI.update(FACTS)
VI.update({
    "  fields:  {fields}": "  trường:  {fields}",
    "  texts:   {texts} (in messages only)": "  văn bản: {texts} (chỉ dùng trong thông báo)",
    "  check {check}: {about}": "  check {check}: {about}",
    "Money is written in million VND in a rule (the documents' unit), percentages as printed (100 for 100%), "
    "booleans as true or false.":
        "Trong quy tắc, tiền ghi theo triệu đồng (đơn vị của các văn bản), tỷ lệ phần trăm ghi như trong văn bản "
        "(100 cho 100%), giá trị đúng/sai ghi là true hoặc false.",
})
# The internal-error line of a lint worker that died (planctl/lint/runner.py, through planctl/parallel.py).
VI.update({
    "a lint worker process died (killed, out of memory, or a crash in the rules engine), so the files it was "
    "checking have no result":
        "một tiến trình kiểm tra (lint) đã dừng đột ngột (bị tắt, hết bộ nhớ, hoặc lỗi trong bộ máy quy tắc), nên "
        "các tệp nó đang kiểm tra không có kết quả",
})
# planctl diff and log: files that cannot be compared, and what a plan's data does not let them read
# (planctl/history/compare.py, snapshot.py).
VI.update({
    "is a symbolic link or a submodule, not a plan file": "là liên kết tượng trưng hoặc submodule, không phải tệp kế hoạch",
    "is {size} bytes, over the limit of {limit} (max-file-bytes in [tool.planctl])":
        "dài {size} byte, vượt giới hạn {limit} byte (max-file-bytes trong [tool.planctl])",
    "does not parse: line {line}, column {column}: {message}": "không đọc được: dòng {line}, cột {column}: {message}",
    "a diff worker process died (killed or out of memory), so the plans it was comparing have no result":
        "một tiến trình so sánh (diff) đã dừng đột ngột (bị tắt hoặc hết bộ nhớ), nên các kế hoạch nó đang so "
        "sánh không có kết quả",
    "no 'kind: plan'": "không có 'kind: plan'",
    "is not a plan ({what})": "không phải là kế hoạch ({what})",
    "is not a YAML file: planctl diff compares plan files (.yaml)":
        "không phải tệp YAML: planctl diff so sánh các tệp kế hoạch (.yaml)",
    "at the old revision: {problem}": "ở phiên bản cũ: {problem}",
    "a {n}-digit number": "một số có {n} chữ số",
    "unknown unit {unit!r}: amounts read as {default}": "đơn vị lạ {unit!r}: số tiền được đọc theo {default}",
    "{where} is not a number ({value}); left out": "{where} không phải là số ({value}); bỏ qua",
    "{where} is not a plausible amount ({value}, over 10^{digits} VND); left out":
        "{where} không phải là số tiền hợp lý ({value}, trên 10^{digits} đồng); bỏ qua",
    "{where} is not text ({value}); ignored": "{where} không phải là chuỗi ký tự ({value}); bỏ qua",
    "{what} id {id!r} appears more than once: only the first is compared":
        "mã {id!r} của {what} xuất hiện nhiều lần: chỉ so sánh mục đầu tiên",
    "{what}: {n} without an id, which cannot be matched across revisions, left out":
        "{what}: {n} mục không có mã id, không ghép được giữa các phiên bản, bỏ qua",
    "funding source {id}, {field}": "nguồn vốn {id}, {field}",
    "project {id}, amount for {key}": "dự án {id}, kinh phí {key}",
    "project {id}, total": "dự án {id}, tổng số",
})
# pyproject.toml / planctl.toml that TOML cannot read (planctl/tomlsyntax.py).
VI.update({
    "a value that TOML cannot read (text is written in quotes: lang = \"vi\")":
        "giá trị mà TOML không đọc được (chuỗi ký tự phải đặt trong dấu nháy: lang = \"vi\")",
    "a key without '=' after it": "khóa thiếu dấu '=' phía sau",
    "a quotation mark not closed on its line": "dấu nháy không được đóng trên cùng dòng",
    "a table heading without its closing ']'": "tên bảng thiếu dấu ']' đóng",
    "a key given twice": "một khóa bị ghi hai lần",
    "a table given twice": "một bảng bị ghi hai lần",
    "a list opened with '[' and not closed with ']'": "danh sách mở bằng '[' nhưng không đóng bằng ']'",
    "an inline table that is not closed": "bảng viết trên một dòng không được đóng lại",
    "more text after the value on this line": "còn chữ phía sau giá trị trên dòng này",
    "the TOML parser says: {problem}": "trình đọc TOML báo (tiếng Anh): {problem}",
    "{problem} (line {line}, column {column})": "{problem} (dòng {line}, cột {column})",
    "{problem} (at the end of the file)": "{problem} (ở cuối tệp)",
})
# --- end of: no English left in Vietnamese output ---------------------------------------------------------------------

# planctl init --repo, the VS Code tasks, the placeholder's step (issue 14).
VI.update({
    "Set up a province's plans repository: settings, schemas for editors, a starter plan, the\npre-commit hook, "
    "the GitHub workflow, VS Code tasks, and a baseline of old findings.\n\nSettings go to [tool.planctl] in "
    "pyproject.toml when the folder has one, else to planctl.toml.\nExisting files are kept (listed as skipped) "
    "unless --force. Exit code 0, or 2 when DIR is not\na folder (or not the top of its git repository).":
        "Thiết lập kho kế hoạch của tỉnh: thiết lập, lược đồ cho trình soạn thảo, một kế hoạch mẫu, hook "
        "pre-commit, workflow GitHub, tác vụ VS Code và baseline các vấn đề cũ.\n\nThiết lập được ghi vào "
        "[tool.planctl] trong pyproject.toml nếu thư mục có tệp này, nếu không thì vào planctl.toml. Tệp đã có được "
        "giữ nguyên (ghi là bỏ qua) trừ khi dùng --force. Mã trả về 0, hoặc 2 khi DIR không phải thư mục (hoặc "
        "không phải thư mục gốc của kho git).",
    "The git repository pre-commit installs planctl from (a URL or a local path). Default: the repository "
    "planctl's package names; else a placeholder to replace.":
        "Kho git mà pre-commit cài planctl từ đó (một URL hoặc một đường dẫn cục bộ). Mặc định: kho do gói planctl "
        "ghi; nếu không có thì một URL tạm cần thay.",
    "replace {placeholder} in {pre_commit} with the URL of planctl's repository (this planctl's package does not "
    "name it; `planctl init --repo URL` writes it)":
        "thay {placeholder} trong {pre_commit} bằng URL của kho planctl (gói planctl này không ghi URL đó; "
        "`planctl init --repo URL` sẽ ghi vào)",
    "--repo {url!r}: give the URL (or local path) of the git repository planctl is installed from, e.g. "
    "https://github.com/OWNER/planctl":
        "--repo {url!r}: hãy ghi URL (hoặc đường dẫn cục bộ) của kho git dùng để cài planctl, ví dụ "
        "https://github.com/OWNER/planctl",
})


def history_vi() -> dict[str, str]:
    """The phrases of planctl diff and log, translated beside them in planctl/history/lang.py (the
    entries above win where both give one)."""
    sys.path.insert(0, str(ROOT))
    from planctl.history.lang import VI as history

    return dict(history)


def help_texts() -> list[str]:
    """Every --help text of the application, as planctl/cli.py translates it when help is shown."""
    import inspect

    import typer

    sys.path.insert(0, str(ROOT))
    from planctl.cli import app

    found: list[str] = []

    def walk(command) -> None:
        for obj in (command, *command.params):
            for attr in ("help", "short_help"):
                text = getattr(obj, attr, None)
                if isinstance(text, str):
                    text = inspect.cleandoc(text) if obj is command else text
                    if text not in found:
                        found.append(text)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return found


def fact_kind_texts() -> list[str]:
    """The descriptions of the fact kinds and of their checks, as `planctl rules facts|explain` show them."""
    sys.path.insert(0, str(ROOT))
    from planctl.lint.facts import FACT_KINDS

    found: list[str] = []
    for kind in FACT_KINDS.values():
        for text in (kind.about, *kind.checks.values()):
            if text not in found:
                found.append(text)
    return found


def main() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    pot = LOCALE / "planctl.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "N_", "-o", str(pot), "--no-location", "--sort-output", "--project", "planctl",
                    str(ROOT / "planctl")], check=True, capture_output=True)
    with pot.open("rb") as file:
        catalog = read_po(file, locale="vi")
    diff_log = history_vi()
    # Every translated phrase goes in (the diff and log phrases, this file's own): Babel finds a
    # `_()` inside an f-string on Python 3.12 and later but not on 3.11, so the catalog must not
    # depend on the Python that extracts it.
    for text in [*help_texts(), *fact_kind_texts(), *diff_log, *VI]:
        if text not in catalog:
            catalog.add(text)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = (PLURALS.get(message.id[0], ""),)
            if not message.string[0]:
                missing.append(message.id[0])
        else:
            message.string = VI.get(message.id, "") or diff_log.get(message.id, "")
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
