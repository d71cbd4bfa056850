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
# branch relations: baseline relations and table completeness (lint/facts/relations*.py, references.py)
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
# branch links: the text's tasks and links between plans (lint/facts/tasks.py, links.py)
VI.update({
    "task {seq} {id!r}": "nhiệm vụ {seq} {id!r}",
    "project {seq} {id!r}": "dự án {seq} {id!r}",
    "the amounts of {count} tasks in the text": "kinh phí của {count} nhiệm vụ trong văn bản",
    "the linted files and the configured plan files": "các tệp được kiểm tra và các tệp kế hoạch đã cấu hình",
    "plan {id!r} ({file})": "kế hoạch {id!r} ({file})",
    "project {id!r} of plan {plan!r} ({file})": "dự án {id!r} của kế hoạch {plan!r} ({file})",
    "the amount": "kinh phí",
})
# branch outline: the document's outline and its coverage (planctl/lint/facts/structure.py).
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
    "invalid YAML: {problem}": "YAML không hợp lệ: {problem}",
    "invalid YAML: {reason} (character {character!r})": "YAML không hợp lệ: {reason} (ký tự {character!r})",
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
    "{value} does not have the expected form": "{value} không đúng dạng quy định",
    "{value} is not of type {type}": "{value} không thuộc kiểu {type}",
    "{value} is not one of {allowed}": "{value} không thuộc các giá trị {allowed}",
    "{value} must be {expected!r}": "{value} phải là {expected!r}",
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

# branch dates: years in names and notes, the document's own date, legal bases (lint/facts/periods.py, citations.py).
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


# Branch `editor` (issue 14): planctl init --repo, the VS Code tasks, the placeholder's step.
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
    for text in [*help_texts(), *diff_log, *VI]:
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
