"""Text from a plan, a file name or a commit, made inert for each place it is printed.

Everything a reporter prints that it did not write itself is attacker-controlled in CI: a plan's
values, its file name (which can hold a newline, backticks or `<img …>`), a commit's subject. One
function per output context, and every reporter uses these and nothing else:

- `visible`: control characters shown as escapes (`\\x1b`, `\\n`, `\\u202e`), as Python's repr
  shows them — terminals, and the base of every other function here;
- `md_text` / `md_code`: Markdown text (table cells too) and code spans;
- `html_text`: text inside an HTML element or attribute (`<summary>` in Markdown);
- `xml_text`: XML 1.0 character data (JUnit), which cannot carry most control characters at all;
- `workflow_data` / `workflow_property`: GitHub Actions workflow commands;
- `json_document`: JSON text, exact except for what UTF-8 cannot carry.

Invisible characters matter as much as markup: ESC and C1 controls recolour or rewrite a
terminal or a log viewer, bidi controls (U+202E) make a line read differently than it is
(CVE-2021-42574, "Trojan Source"), U+2028/U+2029 start a new line in some viewers and in
Python's str.splitlines, and a lone surrogate (a file name that is not UTF-8) cannot be encoded.
"""

from __future__ import annotations

import re

# Patterns, not compiled ones: re compiles each on first use and keeps it (its cache). Compiling
# these classes of non-Latin characters is ~1.5 ms that a run printing no plan text (a clean
# lint) never needs.
_INVISIBLE = ("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
              "\ud800-\udfff\ufffe\uffff]")
_MARKDOWN = r"([\\`*_\[\]<>|~#])"
_BACKTICKS = "`+"
_SURROGATE = "[\ud800-\udfff]"


def _escaped(char: str) -> str:
    return repr(char)[1:-1] if char not in "\ufffe\uffff" else f"\\u{ord(char):04x}"


def visible(text: str, keep: str = "") -> str:
    """Control, bidi and line-separator characters as escapes; the characters in `keep` stay."""
    # Every character above is one str.isprintable refuses (categories Cc, Cf, Cs, Cn, Zl, Zp), so
    # printable text, Vietnamese included, has nothing to escape: no regex.
    if text.isprintable():
        return text
    return re.sub(_INVISIBLE, lambda m: m.group() if m.group() in keep else _escaped(m.group()), text)


def md_text(text: str) -> str:
    """Markdown text that renders literally, in a paragraph or a table cell.

    A line break becomes <br> (a raw one would end the table row); markup characters and `&`
    (entities) are escaped, so `<img src=x>` is shown, not loaded.
    """
    text = visible(text, keep="\n\r").replace("&", "&amp;")
    return re.sub(_MARKDOWN, r"\\\1", text).replace("\r", "").replace("\n", "<br>")


def md_code(text: str, *, table: bool = False) -> str:
    """A Markdown code span holding `text` literally, whatever backticks it contains.

    The fence is one backtick longer than the longest run inside, so no run can close it; line
    breaks are shown as \\n (a code span must stay on its line). In a table, `|` is escaped:
    GitHub splits cells before it parses code spans.
    """
    text = visible(text)
    if table:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(_BACKTICKS, text)), default=0)
    fence = "`" * (longest + 1)
    # One space on each side is stripped when both are there (unless all is spaces): pad text
    # that starts or ends with a backtick (it would join the fence) or with spaces on both sides.
    if longest or (text.startswith(" ") and text.endswith(" ") and text.strip()):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def html_text(text: str) -> str:
    """Text inside an HTML element or a quoted attribute."""
    import html  # ~1.5 ms (html.entities) that only the Markdown report needs

    return html.escape(visible(text), quote=True)


def xml_text(text: str) -> str:
    """XML 1.0 character data or attribute value (ElementTree escapes <, & and quotes itself).

    XML 1.0 forbids most control characters even as references; line breaks, carriage returns
    and tabs are allowed and kept.
    """
    return visible(text, keep="\n\r\t")


def workflow_data(text: str) -> str:
    """The message of a GitHub Actions workflow command (`::error …::MESSAGE`).

    The runner unescapes %25, %0D and %0A (actions/toolkit command.ts); a raw line break would
    let the rest of the text start a command of its own.
    """
    return visible(text, keep="\n\r").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=…,title=…`): ':' and ',' end a value."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def json_document(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) that can be written as UTF-8.

    A file name that is not UTF-8 reaches Python as lone surrogates ('\\udcff'), which no UTF-8
    output can encode; inside a JSON string their \\u escape is valid and reads back the same.
    """
    return re.sub(_SURROGATE, lambda m: f"\\u{ord(m.group()):04x}", text)
