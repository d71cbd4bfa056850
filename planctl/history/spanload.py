"""Plain data of consecutive revisions of a plan, reusing what the previous revision parsed.

Two revisions next to each other in `planctl log` differ in a few lines; a full parse of a
29 KB plan costs about 6 ms, most of `planctl log`. This loader cuts the text into spans at
lines it can read without parsing: top-level keys (`groups:` at column 0), the items of a
block sequence under a key (`  - id: g1`) and the keys of such an item. A span whose text is
the same as in the revision loaded just before takes the value parsed then; only the spans
that changed are parsed again, each alone (libyaml on that span's text, with the builder of
planctl/plainload.py at the depth the span has in the document), and the values are put
together in document order. A key or item that the revision before parsed whole gives its
parts without a second parse: they are cut from its text and take that parse's values
(_cut_items, _cut_keys), so `planctl diff`, whose old side is a new chain, parses each plan
about once. The first revision of a chain is parsed whole and cut into its top-level keys the
same way (SpanLoader._whole).

Why a span parsed alone gives what a full parse gives: a span starts at a line that holds a
plain key (or a sequence's `- `) at the indentation of its collection, and every other line
of it that is not blank or a comment is indented more (or, for a key's own indentless
sequence, is a `- ` line at the key's indentation). In block context libyaml ends a plain or
block scalar at such a line, so the line can only belong to something else when a quoted
scalar or a flow collection opened above it is still open, and then the span before it does
not parse alone (its scalar or collection is never closed): the load falls back. Everything
else a full parse checks across spans is checked here, or the load falls back: the same key
twice in a mapping, aliases (an alias to an anchor in another span does not parse alone),
the node limit (the sum of the spans' nodes), the depth limit (each span is parsed at its own
depth), and a span must be exactly one key or one item. A text with `\r` or NUL or a byte
order mark is not cut at all, nor a span with libyaml's other line breaks (NEL, LS, PS); a
directive or a document marker is a line at column 0 that is not a key, which stops the cut.
A tab is content to the patterns below, never indentation, so it can only stop a cut.

When the spans inside a key or an item do not parse alone (an alias to an anchor under
another key of the same project, say), that key or item is parsed whole; when a top-level
span does not, or the revision cannot be cut safely, the whole file is loaded by
`load_plain` (the same value, or the same error, as before): the fast path never decides an
error. Only the spans of the last revision loaded are kept, so memory does not grow with the
number of commits.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import MAX_BYTES
from ..model import Finding
from ..plainload import _Bad, _PlainBuilder, load_plain
from ..yamlbuild import _Invalid
from ..yamlevents import CParser, MappingStartEvent, ReaderError, SequenceStartEvent, StreamEndEvent, YAMLError
from ..yamlmarks import BOMS, MAX_NODES, node_count

# The text is cut as UTF-8 bytes (a byte order mark, which may announce UTF-16, is never cut):
# a `\n` byte is a line break and nothing else in UTF-8, and each span is decoded before it is
# parsed, so a file that does not decode fails in the span that holds the bad bytes.
BOM_BYTES = tuple(bom for bom, _codec in BOMS)  # those the loader decodes by
# In the whole text: a carriage return (libyaml breaks lines there too) and NUL. A tab is not
# indentation for the patterns below: a line with a tab among its first columns is content at
# a lower indentation, which stops a cut.
UNSAFE_BYTES = (b"\r", b"\x00")
# In a span parsed: libyaml's other line breaks (NEL, LS, PS) and a byte order mark.
UNSAFE_CHARS = ("\x85", "\u2028", "\u2029", "\ufeff")
# A plain key at the start of a line's content, followed by `: ` or `:` at the line's end.
KEY = re.compile(rb"[A-Za-z_][A-Za-z0-9_.-]*:(?: |\n|$)")
# A sequence item at the start of a line's content: `- ` or a lone `-`.
ITEM = re.compile(rb"-(?: |\n|$)")
# A key alone on its line (its value is on the lines below).
HEADER = re.compile(rb"[A-Za-z_][A-Za-z0-9_.-]*:[ ]*\n")
# A line's indentation and the first character of its content (not blank, not a comment).
ANY_CONTENT = re.compile(rb"\n( *)[^ \n#]")
_CONTENT: dict[int, re.Pattern[bytes]] = {}


def _content(indent: int) -> re.Pattern[bytes]:
    """Lines (not blank, not comments, not the first) indented `indent` columns or less;
    group 1 is the indentation, a match starts at the newline before the line."""
    found = _CONTENT.get(indent)
    if found is None:
        found = _CONTENT[indent] = re.compile(rb"\n( {0,%d})[^ \n#]" % indent)
    return found


class _Unsafe(Exception):
    """The text cannot be cut here: load it whole."""


# A span that does not parse alone, or not as one key or item: the span around it is parsed
# whole instead (a top-level span: the whole file, by load_plain).
FAILURES = (UnicodeDecodeError, YAMLError, ReaderError, _Invalid, _Bad, _Unsafe, RecursionError)


class _Span:
    __slots__ = ("key", "value", "count", "parts", "ident", "text", "at")

    def __init__(self, key: Any, value: Any, count: int, parts: dict[bytes, _Span] | None = None,
                 ident: bytes = b"", text: bytes = b"", at: int = 0) -> None:
        self.key = key  # a key span's key; None for an item
        self.value = value  # the key's value, or the item
        self.count = count  # nodes, the span's own root collection included (as the builder counts them)
        self.parts = parts  # the spans it was put together from, by text (None: parsed whole)
        self.ident = ident  # how the same span is found in the revision before: its first line
        # A span parsed whole keeps its text (the same bytes its parent holds as the key of its
        # parts) and, for a key, where its line's content starts: the next revision cuts its parts
        # from them without parsing again (see _cut_items and _cut_keys).
        self.text = text
        self.at = at


def _by_ident(parts: dict[bytes, _Span] | None, ident: bytes) -> _Span | None:
    if not parts:
        return None
    return next((span for span in parts.values() if span.ident == ident), None)


def _parse(raw: bytes, depth: int, mapping: bool) -> tuple[Any, int]:
    """One span alone: a mapping of one key, or a sequence of one item, at `depth`."""
    text = raw.decode("utf-8")
    if any(char in text for char in UNSAFE_CHARS):
        raise _Unsafe()
    builder = _PlainBuilder(CParser(text).get_event)
    builder.next()  # stream start
    if isinstance(builder.next(), StreamEndEvent):
        raise _Unsafe()
    root = builder.next()
    if type(root) is not (MappingStartEvent if mapping else SequenceStartEvent) or root.anchor is not None \
            or root.flow_style:
        raise _Unsafe()
    value = builder.node(root, depth)
    builder.next()  # document end
    if not isinstance(builder.next(), StreamEndEvent) or len(value) != 1:
        raise _Unsafe()
    return value, builder.count


class SpanLoader:
    """`load_plain` for a chain of revisions of one plan (see the module's docstring)."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.previous: dict[bytes, _Span] = {}  # the top-level spans of the revision loaded last, by text
        self.parsed = 0  # spans parsed alone (not reused), for tests and measurements
        self.whole = 0  # files loaded by load_plain
        self.headers: dict[tuple[bytes, int], Any] = {}  # `groups:` alone, parsed: its key

    def forget(self) -> None:
        """The next load starts a new chain: in `planctl diff` the revision loaded last is another
        plan, whose spans would only cut this one finer (each part parsed alone costs more)."""
        self.previous = {}

    def load(self, raw: bytes, name: str) -> tuple[Any, Finding | None]:
        """The same (data, error) as `load_plain(raw, name)`."""
        if len(raw) <= self.max_bytes:
            try:
                root = self._document(raw)
            except FAILURES:
                pass
            else:
                self.previous = root.parts or {}
                return root.value, None
        self.whole += 1
        return load_plain(raw, name, max_bytes=self.max_bytes)

    def _document(self, raw: bytes) -> _Span:
        if raw.startswith(BOM_BYTES) or any(byte in raw for byte in UNSAFE_BYTES):
            raise _Unsafe()
        # The lines at column 0 (the first line too) are keys, or the items of a key's
        # indentless sequence; anything else (a directive, `---`, a quoted key) is not cut.
        lines = [m.start() + 1 for m in _content(0).finditer(raw)]
        if raw[:1] not in (b" ", b"\n", b"#", b""):
            lines.insert(0, 0)
        starts = [at for at in lines if KEY.match(raw, at)]
        if not starts or starts[0] != lines[0] or (
                len(starts) != len(lines) and not all(KEY.match(raw, at) or ITEM.match(raw, at) for at in lines)):
            raise _Unsafe()
        if not self.previous:
            return self._whole(raw, starts)
        root = self._mapping(raw, starts, 0, 0, self.previous)
        if root.count > MAX_NODES:
            raise _Unsafe()
        return root

    def _whole(self, raw: bytes, starts: list[int]) -> _Span:
        """A revision with nothing to reuse (the first of a chain: each old side of `planctl
        diff`), parsed in one go, ~10 % cheaper than key by key. Its top-level keys are then cut
        from its text at `starts` with the values of that parse, as _cut_keys cuts an item's
        keys, for the next revision to reuse; a key whose text has an anchor or an alias is left
        out (its value may depend on another key's text), and nothing is kept when the cut does
        not find exactly the parsed keys, in order."""
        builder = _PlainBuilder(CParser(raw.decode("utf-8")).get_event)
        found, data = builder.document()
        if not found or type(data) is not dict:
            raise _Unsafe()  # load_plain says what
        self.parsed += 1
        parts: dict[bytes, _Span] = {}
        if len(starts) == len(data):
            bounds = [0, *starts[1:], len(raw)]
            for index, (start, (key, value)) in enumerate(zip(starts, data.items(), strict=True)):
                ident = raw[start:raw.index(b":", start)]
                if ident.decode() != key:
                    parts = {}
                    break
                text = raw[bounds[index]:bounds[index + 1]]
                if b"&" not in text and b"*" not in text:
                    parts[text] = _Span(key, value, node_count(value) + 1, None, ident, text, start - bounds[index])
        return _Span(None, data, builder.count, parts)

    def _mapping(self, raw: bytes, starts: list[int], indent: int, depth: int,
                 previous: dict[bytes, _Span] | None) -> _Span:
        """A block mapping at column `indent`, cut at `starts` (its keys' lines; the comments
        and blank lines above the first key go with it)."""
        value: dict[Any, Any] = {}
        parts: dict[bytes, _Span] = {}
        count = 1
        bounds = [0, *starts[1:], len(raw)]
        for index, start in enumerate(starts):
            text = raw[bounds[index]:bounds[index + 1]]
            span = previous.get(text) if previous else None
            if span is None:
                ident = raw[start:raw.index(b":", start)]
                span = self._key(text, start - bounds[index] + indent, indent, depth, _by_ident(previous, ident),
                                 ident)
            if span.key in value:
                raise _Unsafe()  # the same key twice: load_plain says so
            value[span.key] = span.value
            parts[text] = span
            count += span.count - 1
        return _Span(None, value, count, parts)

    def _key(self, raw: bytes, at: int, indent: int, depth: int, old: _Span | None, ident: bytes) -> _Span:
        """One key of a mapping at column `indent` (its line's content at offset `at`) and its
        value; a block sequence is cut into items when the revision before had this key (else
        it is parsed whole, once)."""
        items = _items(raw, at, indent) if old is not None else None
        if old is not None and items is not None:
            try:
                key = self._header(raw[:items[0]], depth)
                return self._listed(raw, key, items, depth, _cut_items(old, indent), ident)
            except FAILURES:
                pass  # an alias to an anchor in another item, say: the key's span is parsed whole
        value, count = _parse(raw, depth, True)
        (key, item), = value.items()
        self.parsed += 1
        return _Span(key, item, count, None, ident, raw, at)

    def _listed(self, raw: bytes, key: Any, items: list[int], depth: int, old: dict[bytes, _Span] | None,
                ident: bytes) -> _Span:
        """A key's block sequence put together from its items (`old`: the items of the revision before)."""
        listed: list[Any] = []
        parts: dict[bytes, _Span] = {}
        count = 2  # the mapping and the list
        ends = [*items[1:], len(raw)]
        for start, end in zip(items, ends, strict=True):
            text = raw[start:end]
            span = old.get(text) if old else None
            if span is None:
                first = _first_line(text)
                span = self._item(text, depth + 1, _by_ident(old, first), first)
            listed.append(span.value)
            parts[text] = span
            count += span.count - 1
        return _Span(key, listed, count, parts, ident)

    def _header(self, raw: bytes, depth: int) -> Any:
        """The key of a key's line with the comments and blank lines below it (its value, a
        block sequence, is put together from its items)."""
        found = self.headers.get((raw, depth), self)
        if found is self:
            value, count = _parse(raw, depth, True)
            (found, null), = value.items()
            if null is not None or count != 2:
                raise _Unsafe()
            if len(self.headers) > 1000:
                self.headers.clear()
            self.headers[raw, depth] = found
        return found

    def _item(self, raw: bytes, depth: int, old: _Span | None, ident: bytes) -> _Span:
        """One item of a block sequence (the sequence at `depth`); a mapping item whose keys
        are cut safely is put together from its keys when the revision before had it."""
        cut = _item_keys(raw) if old is not None else None
        if old is not None and cut is not None:
            body, starts, inner = cut
            try:
                mapping = self._mapping(body, starts, inner, depth + 1, _cut_keys(old))
            except FAILURES:
                pass  # an alias to an anchor under another key, say: the item is parsed whole
            else:
                return _Span(None, mapping.value, mapping.count + 1, mapping.parts, ident)
        value, count = _parse(raw, depth, False)
        self.parsed += 1
        return _Span(None, value[0], count, None, ident, raw)


def _first_line(text: bytes) -> bytes:
    """An item's ident (its last character cut when it has no line break, as it always was)."""
    return text[:text.find(b"\n")]


def _item_keys(raw: bytes) -> tuple[bytes, list[int], int] | None:
    """A mapping item (`- id: g1` and the keys below it) as the mapping `id: g1` two columns in,
    where its keys' lines start and their column; None when its lines are not cut safely."""
    column = len(raw) - len(raw.lstrip(b" "))
    inner = column + 2
    if raw[column:inner] != b"- " or not KEY.match(raw, inner):
        return None
    body = raw[:column] + b"  " + raw[inner:]
    starts = [0]
    for line in _content(inner).finditer(body):
        at = line.end(1)
        if at - line.start() - 1 != inner:
            return None  # a line less indented than the keys
        if KEY.match(body, at):
            starts.append(line.start() + 1)
        elif not ITEM.match(body, at):
            return None  # neither a key nor its indentless sequence
    return body, starts, inner


# Cutting the parts of a span parsed whole, without parsing them: the revision before parsed a
# key or an item whole (nothing of it could be reused then), and this revision changed only a
# few of its items or keys. Its parts are cut from its text at the lines this module cuts at,
# and given the values the whole parse made, in document order. A cut is taken only when it
# finds exactly as many parts as the value has: a cut line can only be a false one inside a
# quoted scalar or a flow collection (module docstring), and the true items or keys are always
# among the cut lines, so equal counts mean the same parts. A part's value is what parsing it
# alone gives (the same scalars, at the same depth), except through an anchor or an alias,
# which tie it to the text around it: a span whose text has `&` or `*` anywhere is not cut.


def _can_cut(span: _Span) -> bool:
    return bool(span.text) and b"&" not in span.text and b"*" not in span.text


def _cut_items(old: _Span, indent: int) -> dict[bytes, _Span] | None:
    """The items of a key's block sequence in the revision before, by text (the key at column `indent`)."""
    if old.parts is not None or not _can_cut(old) or type(old.value) is not list:
        return old.parts
    items = _items(old.text, old.at, indent)
    if items is None or len(items) != len(old.value):
        return None
    parts: dict[bytes, _Span] = {}
    for start, end, value in zip(items, [*items[1:], len(old.text)], old.value, strict=True):
        text = old.text[start:end]
        parts[text] = _Span(None, value, node_count(value) + 1, None, _first_line(text), text)
    return parts


def _cut_keys(old: _Span) -> dict[bytes, _Span] | None:
    """The keys of a mapping item in the revision before, by text (as _item cuts them)."""
    if old.parts is not None or not _can_cut(old) or type(old.value) is not dict:
        return old.parts
    cut = _item_keys(old.text)
    if cut is None or len(cut[1]) != len(old.value):
        return None
    body, starts, inner = cut
    bounds = [0, *starts[1:], len(body)]
    parts: dict[bytes, _Span] = {}
    for index, (start, (key, value)) in enumerate(zip(starts, old.value.items(), strict=True)):
        ident = body[start:body.index(b":", start)]
        if ident.lstrip(b" ").decode() != key:
            return None
        text = body[bounds[index]:bounds[index + 1]]
        parts[text] = _Span(key, value, node_count(value) + 1, None, ident, text, start - bounds[index] + inner)
    return parts


def _items(raw: bytes, at: int, indent: int) -> list[int] | None:
    """Where the items of the block sequence under a key alone on its line start, or None
    when the key's value is something else or its lines are not cut safely."""
    header = HEADER.match(raw, at)
    if header is None:
        return None
    rest = header.end() - 1  # the newline: the patterns match from the newline before a line
    first = ANY_CONTENT.search(raw, rest)
    if first is None:
        return None
    column = len(first.group(1))
    if column < indent or not ITEM.match(raw, first.end(1)):
        return None
    items = []
    for line in _content(column).finditer(raw, rest):
        if len(line.group(1)) != column or not ITEM.match(raw, line.end(1)):
            return None  # a line less indented than the items, or not an item
        items.append(line.start() + 1)
    return items
