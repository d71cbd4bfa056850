"""Load YAML with the position of every node. The only module that imports ruamel.yaml.

Why not ruamel's round-trip loader: it takes 130–190 ms for a 15 KB plan. Why not libyaml's C
composer either: it builds a Python node object (and a tag object) per scalar, 15–20 ms for a
20 KB plan, and it recurses in C, so a file of 100,000 nested `[` crashes the interpreter.
libyaml's C parser hands out events, with line and column marks, in about 2 ms; planctl builds
plain Python data from them itself, which is also what makes hostile input safe: tags outside the
YAML 1.2 core schema are reported, never constructed; alias expansion and nesting depth are
bounded, an alias's expanded size being known before it is copied (a 'billion laughs' file is
rejected after at most MAX_NODES nodes, about 0.1 s); an alias inside its own anchor and
duplicate keys are findings.

Scalars are resolved with ruamel's YAML 1.2 resolver everywhere (lint, diff, log), so `yes`
stays a string and `439.050` is the float 439.05 — which the schema then reports as money
written the Vietnamese way.
"""

from __future__ import annotations

import codecs
import copy
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from . import i18n
from .i18n import N_, _
from .model import SYNTAX, Finding, Position, Severity
from .paths import FileTooLarge, read_regular

MAX_BYTES = 2 * 1024 * 1024
# A plan has a few thousand nodes; a billion-laughs document asks for billions.
MAX_NODES = 200_000
MAX_DEPTH = 100

CORE = "tag:yaml.org,2002:"
SUPPRESS = re.compile(r"#\s*planctl:\s*disable=([A-Za-z0-9_.,\- ]+)")
# YAML 1.2 implicit resolvers by first character: [(tag, regexp), ...].
_IMPLICIT = VersionedResolver(version=(1, 2)).versioned_resolver
_SCALAR_KINDS = {"str", "timestamp", "null", "bool", "int", "float"}


@dataclass
class Document:
    """A YAML file as plain data, with the position of every node by JSON pointer."""

    name: str
    data: Any = None
    text: str = ""
    positions: dict[str, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    # The source text of float scalars, so `439.050` can be reported with its probable integer.
    float_texts: dict[str, str] = field(default_factory=dict)
    # Line number -> rule ids disabled on that line by `# planctl: disable=RULE`.
    suppressions: dict[int, set[str]] = field(default_factory=dict)
    error: Finding | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """Position of the node at `pointer`, or of its nearest ancestor that has one."""
        if key and pointer in self.key_positions:
            return self.key_positions[pointer]
        while pointer:
            if pointer in self.positions:
                return self.positions[pointer]
            pointer = pointer.rsplit("/", 1)[0]
        return self.positions.get("", Position())

    def finding(self, rule: str, severity: Severity, message: str, pointer: str, *,
                hint: str = "", key: tuple = (), at_key: bool = False) -> Finding:
        return Finding(rule, severity, message, self.name, self.locate(pointer, key=at_key),
                       pointer, hint, key)


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class _Invalid(Exception):
    def __init__(self, message: str, event: Event, hint: str = "") -> None:
        super().__init__(message)
        self.position, self.hint = _pos(event), hint


@dataclass
class _Anchor:
    """What an alias (*name) of this anchor (&name) expands to, known before it is copied."""

    value: Any
    text: str | None  # a scalar's source text, for use as a mapping key
    pointer: str | None  # where the anchored node was built (None for a mapping key)
    first: int  # index of its pointer in _Builder.order; its descendants follow up to `last`
    last: int = 0
    size: int = 1  # nodes it expands to, its own aliases expanded
    height: int = 0
    done: bool = False


UNKNOWN_TAG_HINT = N_("planctl never constructs tagged objects; remove the tag")


class _Builder:
    """Turns the parser's events into plain data, recording positions as it goes."""

    def __init__(self, doc: Document, next_event: Callable[[], Event]) -> None:
        self.doc = doc
        self.next = next_event
        self.count = 0
        self.deepest = 0
        self.anchors: dict[str, _Anchor] = {}
        self.order: list[str] = []  # pointers in the order their positions were recorded

    def document(self) -> tuple[bool, Any]:
        """(found, data) of the stream's single document; found is False for an empty file."""
        self.next()  # stream start
        event = self.next()
        if isinstance(event, StreamEndEvent):
            return False, None
        root = self.next()  # after the document start
        empty = (isinstance(root, ScalarEvent) and root.value == "" and root.ctag is None
                 and root.anchor is None and root.implicit[0])
        data = self.node(root, "", 0)
        self.next()  # document end
        event = self.next()
        if not isinstance(event, StreamEndEvent):
            raise _Invalid(_("a second document starts here ('---'); a plan file holds one document"), event,
                           _("move the second document to its own file, or remove the '---' line"))
        return not empty, data

    # Events are typed Any: ruamel declares anchor, tag and value on the event subclasses only.
    def node(self, event: Any, pointer: str, depth: int) -> Any:
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
            return self._alias(event, pointer, depth)
        self.doc.positions[pointer] = _pos(event)
        anchor = None
        if event.anchor is not None:
            anchor = self.anchors[event.anchor] = _Anchor(None, None, pointer, len(self.order), size=self.count)
            outer, self.deepest = self.deepest, depth
        self.order.append(pointer)
        if kind is ScalarEvent:
            value = self._scalar(event, pointer)
        elif kind is MappingStartEvent:
            value = self._mapping(event, pointer, depth)
        elif kind is SequenceStartEvent:
            value = self._sequence(event, pointer, depth)
        else:  # the parser guarantees a node here; anything else is a libyaml bug
            raise _Invalid(_("unexpected {kind}").format(kind=kind.__name__), event)
        self.deepest = max(self.deepest, depth)
        if anchor is not None:
            anchor.value, anchor.last, anchor.done = value, len(self.order), True
            anchor.size, anchor.height = self.count - anchor.size + 1, self.deepest - depth
            if kind is ScalarEvent:
                anchor.text = event.value
            self.deepest = max(outer, self.deepest)
        return value

    def _alias(self, event: AliasEvent, pointer: str, depth: int) -> Any:
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
        doc = self.doc
        doc.positions[pointer] = _pos(event)
        self.order.append(pointer)
        if anchor.pointer is None:  # a mapping key's anchor
            return anchor.value
        if anchor.pointer in doc.float_texts:
            doc.float_texts[pointer] = doc.float_texts[anchor.pointer]
        prefix = len(anchor.pointer)
        for old in self.order[anchor.first + 1:anchor.last]:
            new = pointer + old[prefix:]
            doc.positions[new] = doc.positions[old]
            self.order.append(new)
            if old in doc.key_positions:
                doc.key_positions[new] = doc.key_positions[old]
            if old in doc.float_texts:
                doc.float_texts[new] = doc.float_texts[old]
        return copy.deepcopy(anchor.value)

    def _mapping(self, start: MappingStartEvent, pointer: str, depth: int) -> dict:
        _check_tag(start, "map")
        result: dict[str, Any] = {}
        key_positions = self.doc.key_positions
        while True:
            event = self.next()
            if type(event) is MappingEndEvent:
                return result
            key = self._key(event)
            child = f"{pointer}/{escape(key)}"
            if key in result:
                first = key_positions[child]
                raise _Invalid(_("duplicate key {key!r} (first defined at line {line})").format(key=key, line=first.line),
                               event, _("remove or rename one of the two keys"))
            key_positions[child] = _pos(event)
            result[key] = self.node(self.next(), child, depth + 1)

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
            if event.ctag is None and event.implicit[0] and _implicit_tag(event.value) == CORE + "merge":
                raise _Invalid(_("merge keys (<<) are not supported"), event, _("write the keys out in full"))
            value, text = self._scalar(event, None), event.value
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(value, text, None, 0, done=True)
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
            result.append(self.node(event, f"{pointer}/{len(result)}", depth + 1))

    def _scalar(self, event: ScalarEvent, pointer: str | None) -> Any:
        text = event.value
        if event.ctag is None:
            tag = _implicit_tag(text) if event.implicit[0] else CORE + "str"
        else:
            tag = str(event.tag)  # set whenever ctag is
            if tag == "!":  # the non-specific tag: a string
                tag = CORE + "str"
            elif not tag.startswith(CORE) or tag[len(CORE):] not in _SCALAR_KINDS:
                raise _Invalid(_("unknown tag {tag!r}").format(tag=_short(tag)), event, _(UNKNOWN_TAG_HINT))
        kind = tag[len(CORE):]
        if kind == "int":
            return _int(text, event)
        if kind == "float":
            value = _float(text, event)
            if pointer is not None:
                self.doc.float_texts[pointer] = text
            return value
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        # str and timestamp: dates stay text (YYYY-MM-DD), the schema checks their form; the
        # implicit `=` (value) and `!`, `&`, `*` (yaml) resolutions are text too.
        return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=16384)
def _implicit_tag(text: str) -> str:
    """The YAML 1.2 core tag of a plain scalar (a plan repeats the same few hundred values)."""
    for tag, regexp in _IMPLICIT.get(text[:1], ()):
        if regexp.match(text):
            return tag
    return CORE + "str"


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
    return Position(event.start_mark.line + 1, event.start_mark.column + 1)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(raw: bytes) -> str:
    """UTF-8 with or without BOM; UTF-16/32 when a BOM says so, as YAML allows."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec)
    return raw.decode("utf-8")


def _offset_position(text_before: bytes) -> Position:
    lines = text_before.split(b"\n")
    return Position(len(lines), len(lines[-1].decode("utf-8", "replace")) + 1)


def _error(doc: Document, message: str, position: Position, hint: str) -> Document:
    doc.error = Finding(SYNTAX.id, SYNTAX.severity, message, doc.name, position, "", hint)
    return doc


def load_bytes(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Parse YAML bytes. Problems come back on `Document.error`, never as exceptions."""
    doc = Document(name)
    if len(raw) > max_bytes:
        return _error(doc, _("file is {size} bytes, over the limit of {limit}").format(size=i18n.number(len(raw)),
                                                                                        limit=i18n.number(max_bytes)),
                      Position(), _("split the file, or raise max-file-bytes in [tool.planctl]"))
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        encoding = "UTF-8" if exc.encoding.startswith("utf-8") else exc.encoding.upper()
        bad = raw[exc.start:exc.start + 1].hex().upper()
        where = _offset_position(raw[:exc.start]) if encoding == "UTF-8" else Position()
        return _error(doc, _("not valid {encoding}: byte 0x{byte} at offset {offset}").format(
            encoding=encoding, byte=bad, offset=exc.start), where,
            _("save the file as UTF-8 (most editors: 'Save with encoding')"))
    doc.text = text
    return _parse(doc, text)


def _syntax_hint(exc: MarkedYAMLError, text: str) -> str:
    mark = exc.problem_mark
    lines = text.split("\n")
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    if "tab" in (exc.problem or "") or at == "\t":
        return _("indent with spaces: YAML does not allow tab characters for indentation")
    return _("fix the YAML syntax at this position")


def _parse(doc: Document, text: str) -> Document:
    builder = _Builder(doc, CParser(text).get_event)
    try:
        found, data = builder.document()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Position(mark.line + 1, mark.column + 1) if mark else Position()
        problem = " ".join(p for p in (exc.problem, exc.context and f"({exc.context})") if p)
        return _error(doc, _("invalid YAML: {problem}").format(problem=problem), where, _syntax_hint(exc, text))
    except ReaderError as exc:
        before = text[:exc.position].encode("utf-8")
        return _error(doc, _("invalid YAML: {reason} (character {character!r})").format(reason=exc.reason,
                                                                                          character=exc.character),
                      _offset_position(before), _("remove the control character"))
    except YAMLError as exc:  # anything else libyaml reports
        return _error(doc, _("invalid YAML: {problem}").format(problem=exc), Position(), _("fix the YAML syntax"))
    except _Invalid as exc:
        return _error(doc, str(exc), exc.position, exc.hint)
    if not found:
        return _error(doc, _("the file is empty"), Position(), _("a plan file is a mapping: start with 'planctl: 1'"))
    doc.data = data
    doc.suppressions = _suppressions(text)
    return doc


def _suppressions(text: str) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    if "planctl:" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        match = SUPPRESS.search(line)
        if match:
            found[number] = {r.strip() for r in match.group(1).split(",") if r.strip()}
    return found


def load(path: Path, *, max_bytes: int = MAX_BYTES, name: str | None = None) -> Document:
    """Read and parse one file; an unreadable file is a Document with an error."""
    name = name or str(path)
    try:
        raw = read_regular(path, max_bytes)
    except FileTooLarge as exc:
        return _error(Document(name), exc.strerror, Position(),
                      _("split the file, or raise max-file-bytes in [tool.planctl]"))
    except OSError as exc:
        return _error(Document(name), _("cannot read file: {reason}").format(reason=exc.strerror), Position(),
                      _("check the path and its permissions"))
    return load_bytes(raw, name, max_bytes=max_bytes)


def load_data(path: Path) -> Any:
    """Plain data of a file that must load; raises ValueError with the located message."""
    doc = load(Path(path))
    if doc.error:
        e = doc.error
        raise ValueError(f"{e.file}:{e.line}:{e.column}: {e.message}")
    return doc.data
