"""Plain Python data from libyaml's events, with the position of every node: the builder behind
planctl/document.py (lint's loader). Scalars are resolved with YAML 1.2's rules (`yes` stays a
string, `439.050` is the float 439.05); tags outside the core schema are reported, never
constructed; aliases and nesting are bounded before anything is copied.
"""

from __future__ import annotations

import copy
import math
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import i18n
from .i18n import N_, _
from .model import Position
from .yamlevents import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    VersionedResolver,
)
from .yamlmarks import LINE_SHIFT, MAX_DEPTH, MAX_NODES, NO_MARK, escape, node_count, packed, unpacked

if TYPE_CHECKING:
    from .document import Document

_INT64 = 2**63
CORE = "tag:yaml.org,2002:"
# YAML 1.2 implicit resolvers by first character: [(tag, regexp), ...].
_IMPLICIT = VersionedResolver(version=(1, 2)).versioned_resolver
_SCALAR_KINDS = {"str", "timestamp", "null", "bool", "int", "float"}


class _Invalid(Exception):
    def __init__(self, message: str, event: Event, hint: str = "") -> None:
        super().__init__(message)
        self.position, self.hint = _pos(event), hint


class _Anchor:
    """What an alias (*name) of this anchor (&name) expands to, known before it is copied."""

    __slots__ = ("value", "text", "pointer", "first", "last", "size", "height", "done")

    def __init__(self, value: Any, text: str | None, pointer: str | None, first: int, *, size: int = 1,
                 done: bool = False) -> None:
        self.value = value
        self.text = text  # a scalar's source text, for use as a mapping key
        self.pointer = pointer  # where the anchored node was built (None for a mapping key)
        self.first = first  # index of its mark in Document.marks; its descendants' follow up to `last`
        self.last = 0
        self.size = size  # nodes it expands to, its own aliases expanded
        self.height = 0
        self.done = done


UNKNOWN_TAG_HINT = N_("planctl never constructs tagged objects; remove the tag")

class _Builder:
    """Turns the parser's events into plain data, recording positions as it goes."""

    def __init__(self, doc: Document, next_event: Callable[[], Event]) -> None:
        self.doc = doc
        self.next = next_event
        self.count = 0
        self.deepest = 0
        self.anchors: dict[str, _Anchor] = {}
        self.marks, self.key_marks = doc.marks, doc.key_marks

    def document(self) -> tuple[bool, Any]:
        """(found, data) of the stream's single document; found is False for an empty file."""
        self.next()  # stream start
        event = self.next()
        if isinstance(event, StreamEndEvent):
            return False, None
        root = self.next()  # after the document start
        empty = (isinstance(root, ScalarEvent) and root.value == "" and root.ctag is None
                 and root.anchor is None and root.implicit[0])
        data = self.node(root, "", 0, NO_MARK)
        self.next()  # document end
        event = self.next()
        if not isinstance(event, StreamEndEvent):
            raise _Invalid(_("a second document starts here ('---'); a plan file holds one document"), event,
                           _("move the second document to its own file, or remove the '---' line"))
        return not empty, data

    # Events are typed Any: ruamel declares anchor, tag and value on the event subclasses only.
    def node(self, event: Any, pointer: str, depth: int, key_mark: int) -> Any:
        """The node starting with `event` at `pointer`; `key_mark` is where its mapping key starts.
        Its mark and key mark are appended to the document's, in the order of a pre-order walk of
        the data (Document._index)."""
        self.count += 1
        if self.count > MAX_NODES:
            raise _Invalid(_("the document expands to more than {n} nodes (aliases repeated over and over, as in a "
                             "'billion laughs' file)").format(n=i18n.number(MAX_NODES)), event,
                           _("remove the repeated aliases (*name); a plan never needs them"))
        if depth > MAX_DEPTH:
            raise _Invalid(_("nesting deeper than {n} levels").format(n=MAX_DEPTH), event,
                           _("flatten the structure; a plan is a few levels deep"))
        kind = type(event)
        if kind is AliasEvent:
            return self._alias(event, pointer, depth, key_mark)
        self.marks.append(packed(event.start_mark))
        self.key_marks.append(key_mark)
        anchor = None
        if event.anchor is not None:
            anchor = self.anchors[event.anchor] = _Anchor(None, None, pointer, len(self.marks) - 1, size=self.count)
            outer, self.deepest = self.deepest, depth
        if kind is ScalarEvent:
            value = self._scalar(event)
            if type(value) is float:
                self.doc.float_texts[pointer] = event.value
        elif kind is MappingStartEvent:
            value = self._mapping(event, pointer, depth)
        elif kind is SequenceStartEvent:
            value = self._sequence(event, pointer, depth)
        else:  # the parser guarantees a node here; anything else is a libyaml bug
            raise _Invalid(_("unexpected {kind}").format(kind=kind.__name__), event)
        self.deepest = max(self.deepest, depth)
        if anchor is not None:
            anchor.value, anchor.last, anchor.done = value, len(self.marks), True
            anchor.size, anchor.height = self.count - anchor.size + 1, self.deepest - depth
            if kind is ScalarEvent:
                anchor.text = event.value
            self.deepest = max(outer, self.deepest)
        return value

    def _alias(self, event: AliasEvent, pointer: str, depth: int, key_mark: int) -> Any:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise _Invalid(_("alias *{anchor} has no anchor &{anchor} before it").format(anchor=event.anchor), event,
                           _("define '&{anchor}' on the node to repeat, above this line").format(anchor=event.anchor))
        if not anchor.done:
            raise _Invalid(_("alias *{anchor} is inside the node it refers to (a recursive alias)").format(
                anchor=event.anchor), event,
                _("a plan is a tree: write the repeated part out instead of referring back to it"))
        # Bounds are checked before anything is copied, so a billion laughs costs nothing.
        self.count += anchor.size - 1
        if self.count > MAX_NODES:
            raise _Invalid(_("the document expands to more than {n} nodes (aliases repeated over and over, as in a "
                             "'billion laughs' file)").format(n=i18n.number(MAX_NODES)), event,
                           _("remove the repeated aliases (*name); a plan never needs them"))
        if depth + anchor.height > MAX_DEPTH:
            raise _Invalid(_("nesting deeper than {n} levels (through alias *{anchor})").format(
                n=MAX_DEPTH, anchor=event.anchor), event, _("flatten the structure; a plan is a few levels deep"))
        self.deepest = max(self.deepest, depth + anchor.height)
        marks, key_marks = self.marks, self.key_marks
        marks.append(packed(event.start_mark))
        key_marks.append(key_mark)
        if anchor.pointer is None:  # a mapping key's anchor
            return anchor.value
        # The copy's descendants are where the anchored node's are (the same pre-order).
        marks.extend(marks[anchor.first + 1:anchor.last])
        key_marks.extend(key_marks[anchor.first + 1:anchor.last])
        texts = self.doc.float_texts
        if anchor.pointer in texts:
            texts[pointer] = texts[anchor.pointer]
        below = anchor.pointer + "/"  # a document has few floats: look them up by pointer
        for old in [old for old in texts if old.startswith(below)]:
            texts[pointer + old[len(anchor.pointer):]] = texts[old]
        return copy.deepcopy(anchor.value)

    def _mapping(self, start: MappingStartEvent, pointer: str, depth: int) -> dict:
        _check_tag(start, "map")
        result: dict[str, Any] = {}
        start_index = len(self.marks) - 1
        next_event, child = self.next, self._child
        while True:
            event: Any = next_event()
            kind = type(event)
            if kind is MappingEndEvent:
                return result
            # A plain key met before (most keys: id, name, amounts, 2011 ...) without _key's checks.
            key = (_PLAIN_KEYS.get(event.value) if kind is ScalarEvent and event.ctag is None
                   and event.anchor is None and event.implicit[0] else None)
            if key is None:
                key = self._key(event)
            if key in result:
                first = unpacked(self._key_mark_of(result, key, start_index))
                raise _Invalid(_("duplicate key {key!r} (first defined at line {line})").format(key=key, line=first.line),
                               event, _("remove or rename one of the two keys"))
            mark = event.start_mark
            result[key] = child(next_event(), pointer, key, depth + 1, mark.line << LINE_SHIFT | mark.column)

    def _key_mark_of(self, mapping: dict, key: str, index: int) -> int:
        """The key mark of `key` in the mapping whose node is at `index` (for a duplicate's message)."""
        for name, value in mapping.items():
            index += 1
            if name == key:
                return self.key_marks[index]
            index += node_count(value) - 1
        raise KeyError(key)

    def _key(self, event: Any) -> str:
        """A mapping key as text: `2011:` and `'2011':` are the same key."""
        kind = type(event)
        if kind is AliasEvent:
            anchor = self.anchors.get(event.anchor)
            if anchor is None or not anchor.done or anchor.text is None:
                raise _Invalid(_("alias *{anchor} cannot be a mapping key here").format(anchor=event.anchor), event,
                               _("write the key out"))
            value, text = anchor.value, anchor.text
        elif kind is ScalarEvent:
            plain = event.ctag is None and event.anchor is None and event.implicit[0]
            if plain:
                known = _PLAIN_KEYS.get(event.value)
                if known is not None:
                    return known
            if event.ctag is None and event.implicit[0] and _implicit_tag(event.value) == CORE + "merge":
                raise _Invalid(_("merge keys (<<) are not supported"), event, _("write the keys out in full"))
            # A key is text (`2011:` is the key '2011'): a whole-valued float or a huge integer
            # written as a key leaves the data plain (Document.plain_json), as it does when the
            # key is met again and comes from _PLAIN_KEYS without _scalar.
            plain_json = self.doc.plain_json
            value, text = self._scalar(event), event.value
            self.doc.plain_json = plain_json
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(value, text, None, 0, done=True)
            if plain:
                if len(_PLAIN_KEYS) >= _PLAIN_KEYS_MAX:
                    _PLAIN_KEYS.clear()
                _PLAIN_KEYS[text] = value if isinstance(value, str) else text
        else:
            raise _Invalid(_("a mapping key must be a plain value, not a list or mapping"), event,
                           _("write the key as text"))
        return value if isinstance(value, str) else text

    def _sequence(self, start: SequenceStartEvent, pointer: str, depth: int) -> list:
        _check_tag(start, "seq")
        result: list[Any] = []
        while True:
            event = self.next()
            if type(event) is SequenceEndEvent:
                return result
            result.append(self._child(event, pointer, len(result), depth + 1, NO_MARK))

    def _child(self, event: Any, parent: str, token: str | int, depth: int, key_mark: int) -> Any:
        """`node` for the value of key `token` of a mapping, or item `token` of a list, at
        `parent`. Two in three nodes are scalars without an anchor, built here without node's
        dispatch, and without their pointer unless they are floats; the same limits, marks and
        values."""
        if type(event) is not ScalarEvent or event.anchor is not None or self.count >= MAX_NODES or depth > MAX_DEPTH:
            return self.node(event, _pointer(parent, token), depth, key_mark)
        self.count += 1
        mark = event.start_mark
        self.marks.append(mark.line << LINE_SHIFT | mark.column)
        self.key_marks.append(key_mark)
        if depth > self.deepest:
            self.deepest = depth
        if event.ctag is None and event.implicit[0]:  # _scalar's commonest cases, without its call
            text = event.value
            kind = _implicit_kind(text)
            if kind == "str":
                return unicodedata.normalize("NFC", text)
            if kind == "int" and len(text) < 19 and text.isascii() and text.isdigit():
                return int(text)
        value = self._scalar(event)
        if type(value) is float:
            self.doc.float_texts[_pointer(parent, token)] = event.value
        return value

    def _scalar(self, event: ScalarEvent) -> Any:
        text = event.value
        if event.ctag is None:
            kind = _implicit_kind(text) if event.implicit[0] else "str"
        else:
            tag = str(event.tag)  # set whenever ctag is
            if tag == "!":  # the non-specific tag: a string
                tag = CORE + "str"
            elif not tag.startswith(CORE) or tag[len(CORE):] not in _SCALAR_KINDS:
                raise _Invalid(_("unknown tag {tag!r}").format(tag=_short(tag)), event, _(UNKNOWN_TAG_HINT))
            kind = tag[len(CORE):]
        if kind == "str":  # the most common first
            return unicodedata.normalize("NFC", text)
        if kind == "int":
            if len(text) < 19 and text.isascii() and text.isdigit():  # 2011, 439050: below 2**63
                return int(text)
            number = _int(text, event)
            if not -_INT64 <= number < _INT64:
                self.doc.plain_json = False
            return number
        if kind == "float":
            value = _float(text, event)
            if value.is_integer():
                self.doc.plain_json = False
            return value
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        # str and timestamp: dates stay text (YYYY-MM-DD), the schema checks their form; the
        # implicit `=` (value) and `!`, `&`, `*` (yaml) resolutions are text too.
        return unicodedata.normalize("NFC", text)


def _pointer(parent: str, token: str | int) -> str:
    return f"{parent}/{escape(token)}" if type(token) is str else f"{parent}/{token}"


# A plain (untagged, unanchored, unquoted) key as text, by its source text: the same few hundred
# keys (id, name, amounts, 2011 ...) make up a third of a plan's scalars. Only a key that
# resolved without a problem is remembered, so a bad key is still reported where it is.
_PLAIN_KEYS: dict[str, str] = {}
_PLAIN_KEYS_MAX = 16384


@lru_cache(maxsize=16384)
def _implicit_tag(text: str) -> str:
    """The YAML 1.2 core tag of a plain scalar (a plan repeats the same few hundred values)."""
    for tag, regexp in _IMPLICIT.get(text[:1], ()):
        if regexp.match(text):
            return tag
    return CORE + "str"


@lru_cache(maxsize=16384)
def _implicit_kind(text: str) -> str:
    """_implicit_tag without its prefix: 'str', 'int', 'float' …"""
    return _implicit_tag(text)[len(CORE):]


def _check_tag(event: Any, kind: str) -> None:
    if event.ctag is not None and event.tag not in (CORE + kind, "!"):
        raise _Invalid(_("unknown tag {tag!r}").format(tag=_short(event.tag)), event, _(UNKNOWN_TAG_HINT))


def _short(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37] + "...")


def _int(text: str, event: Event) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] in ("0x", "0o", "0b"):
            return sign * int(digits, 0)
        return sign * int(digits, 10)
    except ValueError:  # also a number over Python's 4,300-digit limit
        raise _Invalid(_("{text} is not a valid integer").format(text=_shown(text)), event, _("write a whole number")) from None


def _float(text: str, event: Event) -> float:
    if text.lower().lstrip("+-") in (".inf", ".nan"):
        raise _Invalid(_("{text} is not a usable number").format(text=repr(text)), event, _("write a finite number"))
    try:
        value = float(text.replace("_", ""))
    except ValueError:  # only reachable through an explicit !!float tag
        raise _Invalid(_("{text} is not a valid number").format(text=_shown(text)), event,
                       _("write a number, or remove the tag")) from None
    if math.isnan(value) or math.isinf(value):  # 1e400, or an explicit !!float inf
        raise _Invalid(_("{text} is not a usable number").format(text=_shown(text)), event, _("write a finite number"))
    return value


def _pos(event: Event) -> Position:
    return _position(event.start_mark)


def _position(mark: Any) -> Position:
    """A parser mark (0-based) as a Position (1-based)."""
    return Position(mark.line + 1, mark.column + 1)
