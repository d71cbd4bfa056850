"""The YAML parser's problems as planctl says them, in the run's language.

libyaml (through ruamel, planctl/yamlevents.py) explains a syntax error in its own English
("could not find expected ':' (while scanning a simple key)"), naming the parser's state rather
than the planner's mistake. The mistakes planners make (a tab, a key without ':', an unclosed
quotation mark or bracket, a key indented differently from its neighbours, a list item without
'-', a ':' inside an unquoted value) get a message and a hint of planctl's own here, keyed by the
parser's problem text; the message names the line where the unclosed thing opened (the parser's
context mark) while the finding stays at the position the parser stopped (the problem mark). A
problem not listed keeps the parser's words, labelled as such.
"""

from __future__ import annotations

from typing import Any

from .i18n import _


def _line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 0


def explain(exc: Any, text: str, line_offset: int = 0) -> tuple[str, str]:
    """(message, hint) for a MarkedYAMLError raised while parsing `text`; `line_offset`: where the
    piece the parser read starts in `text` (the further errors of planctl/resync.py)."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark
    opened = _line(exc.context_mark) + line_offset if exc.context_mark is not None else 0
    lines = text.split("\n")
    at_line = mark.line + line_offset if mark is not None else -1
    line = lines[at_line] if 0 <= at_line < len(lines) else ""
    column = mark.column if mark is not None else 0
    at = line[column:column + 1]
    before = line[:column]

    if "tab" in problem or at == "\t":
        return (_("invalid YAML: a tab character; YAML indents with spaces only"),
                _("indent with spaces: YAML does not allow tab characters for indentation"))
    if problem.startswith("found character that cannot start any token"):
        return (_("invalid YAML: a value cannot start with {character!r}").format(character=at),
                _("put the value in quotes, e.g. '{character}…'").format(character=at))
    if problem.startswith("could not find expected ':'"):
        return (_("invalid YAML: the key on line {line} has no ':' after it").format(line=opened),
                _("write 'key: value', with ':' and a space after the key"))
    if problem.startswith("mapping values are not allowed"):
        return (_("invalid YAML: a ':' where no key can start (a ':' inside a value, a key indented too far, "
                  "or a missing ':' on the line above)"),
                _("put a value that holds ': ' in quotes; indent the key like the keys beside it"))
    if problem.startswith("found unexpected end of stream") and "quoted scalar" in context:
        return (_("invalid YAML: the quotation mark opened on line {line} is never closed").format(line=opened),
                _("close the quoted text with the same quotation mark (\" or ')"))
    for closing, kind in (("]", _("list")), ("}", _("mapping"))):
        if problem.startswith(f"did not find expected ',' or '{closing}'"):
            return (_("invalid YAML: the {kind} opened on line {line} is not closed with '{closing}'").format(
                        kind=kind, line=opened, closing=closing),
                    _("close it with '{closing}', and separate its items with ','").format(closing=closing))
    if problem.startswith("did not find expected key"):
        if before.strip():
            return (_("invalid YAML: more text after the value on this line"),
                    _("put the whole value in quotes"))
        return (_("invalid YAML: this key is indented differently from the keys above it"),
                _("indent each key with as many spaces as the other keys of the same mapping"))
    if problem.startswith("did not find expected '-' indicator"):
        return (_("invalid YAML: a line inside the list started on line {line} does not begin with '-'").format(
                    line=opened),
                _("start each item of the list with '- ', or indent the line under its item"))
    if problem.startswith("found unknown escape character"):
        return (_("invalid YAML: an unknown escape sequence (a backslash '\\') in double-quoted text"),
                _("write the text in single quotes, or double the backslash"))
    if problem.startswith("did not find expected <document start>"):
        return (_("invalid YAML: text after the end of the document ('...')"), _("remove the '...' line"))
    words = " ".join(p for p in (problem, context and f"({context})") if p)
    return (_("invalid YAML: the YAML parser says: {problem}").format(problem=words),
            _("fix the YAML syntax at this position"))
