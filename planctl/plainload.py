"""Plain data from YAML, without positions: how planctl diff and log read plans.

History never reads a position: it compares values. Recording a JSON pointer and a Position
for every node was 70 % of `planctl diff` and `planctl log`. This builder reads the same
libyaml event stream with the same limits (nodes, depth, aliases sized before they are copied),
the same tags and the same scalar resolution (`_Builder._scalar`: YAML 1.2, NFC), so lint and
history read identical values. It only says *that* a file is bad; the message, with its line
and column, comes from `load_bytes` run again on that file, so both loaders report a bad file
in the same words (bad files are rare: their second parse costs nothing that matters).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .document import MAX_BYTES, Document, load_bytes
from .model import Finding
from .yamlbuild import CORE, _Builder, _check_tag, _implicit_tag, _Invalid
from .yamlevents import (
    AliasEvent,
    CParser,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ReaderError,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    YAMLError,
)
from .yamlmarks import MAX_DEPTH, MAX_NODES, decode


class _Bad(Exception):
    """The plain builder found something load_bytes reports; load_bytes will say what."""


class _PlainAnchor:
    __slots__ = ("value", "is_key", "key", "size", "height", "done")

    def __init__(self, value: Any, is_key: bool, key: str | None = None, *, size: int = 1, done: bool = False) -> None:
        self.value = value
        self.is_key = is_key  # anchored on a mapping key (its alias is not copied: a key is a scalar)
        self.key = key  # a scalar's text as a mapping key (None: a list or mapping)
        self.size = size  # nodes it expands to, its own aliases expanded
        self.height = 0
        self.done = done


class _PlainBuilder:
    def __init__(self, next_event: Callable[[], Event]) -> None:
        self.next = next_event
        self.count = 0
        self.deepest = 0
        self.anchors: dict[str, _PlainAnchor] = {}
        self.scalar = _Builder(Document(""), next_event)._scalar
        # Plain untagged scalars resolve by their text alone, and a plan repeats the same few
        # hundred (ids, units, years, small amounts): each is resolved once per file.
        self.plain: dict[str, Any] = {}
        self.keys: dict[str, str] = {}  # the same for plain keys: their text as a key

    def value(self, event: Any, depth: int) -> Any:
        """A node; a plain untagged, unanchored scalar (most of a plan) without a call to node()."""
        if type(event) is ScalarEvent and event.anchor is None and event.ctag is None and event.implicit[0] \
                and depth <= MAX_DEPTH:
            self.count += 1
            if self.count > MAX_NODES:
                raise _Bad()
            text = event.value
            found = self.plain.get(text, self)
            if found is self:
                found = self.plain[text] = self.scalar(event)
            return found
        return self.node(event, depth)

    def document(self) -> tuple[bool, Any]:
        self.next()  # stream start
        if isinstance(self.next(), StreamEndEvent):
            return False, None
        root = self.next()
        empty = (isinstance(root, ScalarEvent) and root.value == "" and root.ctag is None
                 and root.anchor is None and root.implicit[0])
        data = self.node(root, 0)
        self.next()  # document end
        if not isinstance(self.next(), StreamEndEvent):
            raise _Bad()  # a second document
        return not empty, data

    def node(self, event: Any, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise _Bad()
        kind = type(event)
        if kind is AliasEvent:
            return self._alias(event, depth)
        anchor = None
        if event.anchor is not None:
            anchor = self.anchors[event.anchor] = _PlainAnchor(None, False, size=self.count)
            outer, self.deepest = self.deepest, depth
        if kind is ScalarEvent:
            value = self.scalar(event)
        elif kind is MappingStartEvent:
            value = self._mapping(event, depth)
        elif kind is SequenceStartEvent:
            value = self._sequence(event, depth)
        else:
            raise _Bad()
        if depth > self.deepest:
            self.deepest = depth
        if anchor is not None:
            anchor.value, anchor.done = value, True
            anchor.size, anchor.height = self.count - anchor.size + 1, self.deepest - depth
            if kind is ScalarEvent:
                anchor.key = value if isinstance(value, str) else event.value
            self.deepest = max(outer, self.deepest)
        return value

    def _alias(self, event: AliasEvent, depth: int) -> Any:
        anchor = self.anchors.get(event.anchor)
        if anchor is None or not anchor.done:
            raise _Bad()
        self.count += anchor.size - 1  # checked before anything is copied
        if self.count > MAX_NODES or depth + anchor.height > MAX_DEPTH:
            raise _Bad()
        self.deepest = max(self.deepest, depth + anchor.height)
        return anchor.value if anchor.is_key else copy.deepcopy(anchor.value)

    def _mapping(self, start: Any, depth: int) -> dict:
        _check_tag(start, "map")
        result: dict[str, Any] = {}
        while True:
            event = self.next()
            if type(event) is MappingEndEvent:
                return result
            key = self._key(event)
            if key in result:
                raise _Bad()
            result[key] = self.value(self.next(), depth + 1)

    def _key(self, event: Any) -> str:
        kind = type(event)
        if kind is ScalarEvent and event.anchor is None and event.ctag is None and event.implicit[0]:
            key = self.keys.get(event.value)
            if key is None:
                if _implicit_tag(event.value) == CORE + "merge":
                    raise _Bad()
                value = self.scalar(event)
                key = self.keys[event.value] = value if isinstance(value, str) else event.value
            return key
        if kind is ScalarEvent:
            if event.ctag is None and event.implicit[0] and _implicit_tag(event.value) == CORE + "merge":
                raise _Bad()
            value = self.scalar(event)
            key = value if isinstance(value, str) else event.value  # `2011:` and `'2011':` are one key
            if event.anchor is not None:
                self.anchors[event.anchor] = _PlainAnchor(value, True, key, done=True)
            return key
        if kind is AliasEvent:
            anchor = self.anchors.get(event.anchor)
            if anchor is None or not anchor.done or anchor.key is None:
                raise _Bad()
            return anchor.key
        raise _Bad()

    def _sequence(self, start: Any, depth: int) -> list:
        _check_tag(start, "seq")
        result: list[Any] = []
        append, value = result.append, self.value
        while True:
            event = self.next()
            if type(event) is SequenceEndEvent:
                return result
            append(value(event, depth + 1))


def load_plain(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> tuple[Any, Finding | None]:
    """(data, None), or (None, the syntax finding `load_bytes` gives): the same data as
    `load_bytes(raw, name).data`, without positions, float texts or suppressions."""
    if len(raw) > max_bytes:
        return None, load_bytes(raw, name, max_bytes=max_bytes).error
    try:
        text = decode(raw)
        found, data = _PlainBuilder(CParser(text).get_event).document()
    except (UnicodeDecodeError, YAMLError, ReaderError, _Invalid, _Bad):
        found, data = False, None
    if not found:  # also an empty file: load_bytes words every refusal (and has the last word)
        doc = load_bytes(raw, name, max_bytes=max_bytes)
        return doc.data, doc.error
    return data, None
