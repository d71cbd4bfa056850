"""The syntax errors after the first one: libyaml stops at the first error and cannot resume, so
the rest of the file is parsed again in pieces, each cut where a block node starts.

yamllint, like PyYAML, reports only the first syntax error of a file (its `syntax` problem comes
from the first exception of the parser). A planner fixing a file one error per lint run wants
them all, but a false alarm is worse than a missed error, so the pieces are chosen where a
correct file could not be in the middle of anything:

- a cut is made only at a line that starts a block node: `- ` or a plain or quoted key followed
  by `: `, indented no deeper than the line of the error before it (lines indented deeper belong
  to the broken node and are skipped);
- a piece runs to the first line indented less than its first line (or, for a sequence item, the
  first line at its indentation that is not an item): it is then a complete block node of a
  correct file, parsed alone, with the lines before it blanked so that every mark is a line of
  the original file;
- only libyaml's parser runs on a piece (no aliases resolved, no values built): an anchor or a
  document structure outside the piece cannot make an error inside it;
- an error found in a piece is reported only when a second cut, at a later line of the same
  indentation before the error, finds the same error at the same place: an error produced by a
  cut in the middle of a multi-line scalar or flow collection does not survive a different cut.
- a mistake in or at a block scalar (`notes: |` deleted or mis-indented, a line break typed in
  its text) ends the scalar early and exposes its prose to the parser: after an error that may
  be in a block scalar's text the next cut is no deeper than the scalar's key, and an error in a
  piece whose lines have a key with a space in it (prose; a plan's keys are identifiers) is not
  reported. A seeded sample of one-keystroke mistakes in every shipped plan keeps this honest
  (tests/lint/test_syntax_resync.py): each such file has exactly one syntax finding.

Runs only on a file whose first parse failed, so a correct file never pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .yamlevents import CParser, MarkedYAMLError, StreamEndEvent, YAMLError

BLOCK_WINDOW = 400  # lines above an error searched for the block scalar it may be in
MAX_MORE = 20  # further errors reported per file; a file this broken needs its first ones fixed first
# A line that starts a block node: a sequence item, or a key (plain, or quoted on one line) and ': '.
_BLOCK_START = re.compile(r"""^( *)(?:-(?: |$)|[^\s#\-?:,\[\]{}&*!|>'"%@`][^#]*?:(?: |$)"""
                          r"""|'[^'\n]*':(?: |$)|"[^"\\\n]*":(?: |$))""")
# A line whose value is a block scalar (`notes: |`, `- >-`): the lines below, indented deeper, are its text.
_BLOCK_SCALAR = re.compile(r"""(?:^|:|-)[ \t]+[|>][0-9+-]{0,2}[ \t]*(?:#.*)?$|^[|>][0-9+-]{0,2}[ \t]*$""")
# A key with a space in it (`Short title: ...`, `- state budget: ...`): prose read as YAML, which a
# plan's keys never are (they are identifiers); an error near such lines is the text of a broken
# block scalar seen as keys, not a mistake of its own.
_PROSE_KEY = re.compile(r"""^ *(?:- +)*[^\s#'"\[\]{}&*!|>%@`-][^:#]*?[ \t][^:#]*?:(?: |$)""")
# Line breaks libyaml counts that str.split("\n") does not (or the reverse): no resync in such a file.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


@dataclass(frozen=True)
class SyntaxProblem:
    """One further syntax error: 0-based line and column in the original file, libyaml's words."""

    line: int
    column: int
    problem: str
    error: MarkedYAMLError = field(compare=False)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _tab_indented(line: str) -> bool:
    """Indented with a tab somewhere: its depth is unknown (YAML forbids it; libyaml reports it)."""
    return "\t" in line[:len(line) - len(line.lstrip(" \t"))]


@dataclass(frozen=True)
class _Open:
    """What is still open at the end of a line: flow brackets, a quoted scalar, a block scalar's
    indentation (-1: none). A line that starts inside one of them is never a cut."""

    brackets: str = ""
    quote: str = ""
    block: int = -1

    @property
    def closed(self) -> bool:
        return not self.brackets and not self.quote


_CLOSED = _Open()
_PLAIN_LINE = re.compile(r"""[^"'\[{|>]*$""")


def _carry(line: str, state: _Open) -> _Open:
    """The state after `line`: a small YAML lexer that knows only where scalars and collections start and end."""
    if state.block >= 0:
        if not line.strip() or _indent(line) > state.block:
            return state  # a line of the block scalar's text
        state = _Open(state.brackets, state.quote)
    if state.closed and _PLAIN_LINE.match(line):
        return _CLOSED  # most lines: nothing opens, nothing to scan character by character
    brackets, quote, block = state.brackets, state.quote, -1
    i, n, node_start = 0, len(line), True
    while i < n:
        c, after = line[i], line[i + 1:i + 2]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                if quote == "'" and after == "'":
                    i += 2
                    continue
                quote, node_start = "", False
            i += 1
            continue
        if c in " \t":
            pass
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif node_start and c in "\"'":
            quote = c
        elif node_start and c in "[{":
            brackets += c
        elif brackets and c in "]}":
            brackets, node_start = brackets[:-1], False
        elif brackets and c == ",":
            node_start = True
        elif c in "-?" and node_start and after in ("", " "):
            pass
        elif c == ":" and (after in ("", " ", "\t") or brackets):
            node_start = True
        elif c in "&!" and node_start:
            while i < n and line[i] not in " \t":
                i += 1
            continue
        elif c in "|>" and node_start and not brackets:
            block = _indent(line)
            break
        else:
            node_start = False
        i += 1
    return _Open(brackets, quote, block)


class _Lines:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def block_start(self, i: int) -> bool:
        return _BLOCK_START.match(self.lines[i]) is not None

    def depth_at(self, i: int) -> int:
        """The indentation of line `i` (an error's line), or of the line above it when `i` is indented with a tab."""
        while i > 0 and _tab_indented(self.lines[i]):
            i -= 1
        return _indent(self.lines[i])

    def resume_depth(self, i: int) -> int:
        """How deep the next cut after an error at line `i` may be: the error's indentation, or
        less when the error may be in the text of a block scalar above it. A mistake there (a
        line indented too little, a line break typed in the text) ends the scalar early, and the
        rest of its text would be read as keys and items, each "error" a consequence of the one
        mistake. So a block scalar (`notes: |`) up to BLOCK_WINDOW lines above, with at most one
        line between it and the error at its own indentation or less (the mistake), makes the
        next cut come no deeper than the scalar's key."""
        depth = self.depth_at(i)
        shallow: list[int] = []  # indentations of the content lines between a candidate and the error
        for j in range(min(i, len(self.lines) - 1), max(i - BLOCK_WINDOW, 0) - 1, -1):
            line = self.lines[j]
            if not _is_content(line) or _tab_indented(line):
                continue
            indent = _indent(line)
            if _BLOCK_SCALAR.search(line.rstrip()):
                if not self._has_text(j):
                    return 0  # its text is not under it, so the mistake may be here: only top-level keys are safe
                if indent < depth and sum(1 for k in shallow if k <= indent) <= 1:
                    return indent
            shallow.append(indent)
        return depth

    def _has_text(self, j: int) -> bool:
        """Whether the block scalar started at line `j` has its first line of text indented under it."""
        for line in self.lines[j + 1:]:
            if _is_content(line) or (line.strip() and not _tab_indented(line)):
                return _indent(line) > _indent(self.lines[j]) and not _tab_indented(line)
        return False

    def next_cut(self, after: int, deepest: int) -> int | None:
        """The first line after `after` that starts a block node indented at most `deepest`, outside
        any quoted scalar, flow collection or block scalar opened after `after`."""
        state = _Open()
        for i in range(after + 1, len(self.lines)):
            line, before = self.lines[i], state
            state = _carry(line, state)
            in_block = before.block >= 0 and (not line.strip() or _indent(line) > before.block)
            if _tab_indented(line) or not before.closed or in_block:
                continue  # never a cut; a tab-indented line says nothing about the depth of what follows
            if _is_content(line) and _indent(line) <= deepest:
                if self.block_start(i):
                    return i
                deepest = _indent(line)  # a shallower line that starts nothing: cut under it only
        return None

    def piece_end(self, start: int) -> int:
        """Where the block node starting at `start` ends (exclusive)."""
        indent, item = _indent(self.lines[start]), self.lines[start].lstrip(" ").startswith("-")
        for i in range(start + 1, len(self.lines)):
            line = self.lines[i]
            if not _is_content(line) or _tab_indented(line):
                continue  # a tab-indented line stays in the piece: its error is reported there
            if _indent(line) < indent or (item and _indent(line) == indent and not line.lstrip(" ").startswith("-")):
                return i
            if line.startswith(("---", "...")) and indent == 0 and line[3:4] in ("", " ", "\t"):
                return i  # a document marker ends the node whatever follows
        return len(self.lines)

    def sibling(self, start: int, before: int) -> int | None:
        """A later line starting a block node at the indentation of `start`, before line `before`."""
        indent, state = _indent(self.lines[start]), _carry(self.lines[start], _Open())
        for i in range(start + 1, before):
            line, opened = self.lines[i], state
            state = _carry(line, state)
            inside = not opened.closed or opened.block >= 0 and (not line.strip() or _indent(line) > opened.block)
            if not inside and _is_content(line) and _indent(line) == indent and self.block_start(i):
                return i
        return None

    def prose(self, start: int, last: int) -> bool:
        """Whether lines `start` to `last` (included) have a key with a space in it."""
        return any(_PROSE_KEY.match(line) for line in self.lines[start:last + 1])

    def parse(self, start: int, end: int) -> SyntaxProblem | None:
        """The first parser error of lines [start, end) alone, at its place in the whole file."""
        text = "\n" * start + "\n".join(self.lines[start:end])
        get = CParser(text).get_event
        try:
            while not isinstance(get(), StreamEndEvent):
                pass
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if mark is None:
                return None
            problem = " ".join(p for p in (exc.problem, exc.context and f"({exc.context})") if p)
            return SyntaxProblem(mark.line, mark.column, problem, exc)
        except YAMLError:
            return None  # not located: nothing a planner could act on here
        return None


def more_errors(text: str, first_line: int) -> Iterator[SyntaxProblem]:
    """The syntax errors after the one libyaml reported at `first_line` (0-based), each confirmed
    by two cuts; at most MAX_MORE."""
    if _OTHER_BREAKS.search(text) or re.search(r"(?m)^%", text):
        return  # other line breaks shift the lines; directives (%TAG) apply to the whole stream
    lines = _Lines(text)
    if first_line >= len(lines.lines):
        return
    found, error_line = 0, first_line
    cut = lines.next_cut(error_line, lines.resume_depth(error_line))
    while cut is not None and found < MAX_MORE:
        end = lines.piece_end(cut)
        problem = lines.parse(cut, end)
        if problem is None:
            cut = _after_piece(lines, end)
            continue
        second = lines.sibling(cut, problem.line)
        if lines.prose(cut, problem.line) or second is not None and lines.parse(second, end) != problem:
            # Not confirmed: the first cut may be inside a construct; look again after the error.
            cut = lines.next_cut(problem.line, lines.resume_depth(min(problem.line, len(lines.lines) - 1)))
            continue
        found += 1
        yield problem
        if problem.line >= len(lines.lines):
            return
        cut = lines.next_cut(problem.line, lines.resume_depth(problem.line))


def _after_piece(lines: _Lines, end: int) -> int | None:
    if end >= len(lines.lines):
        return None
    if lines.block_start(end):
        return end
    return lines.next_cut(end, _indent(lines.lines[end]))
