"""Load YAML with the position of every node. The only module that imports ruamel.yaml.

Why not ruamel's round-trip loader: it takes 130–190 ms for a 15 KB plan. libyaml's C composer
(ruamel.yaml.clib) builds the node graph, with line and column marks, in a few milliseconds.
planctl constructs plain Python data from those nodes itself, which is also what makes hostile
input safe: tags outside the YAML 1.2 core schema are reported, never constructed; alias
expansion and nesting depth are bounded; duplicate keys are findings.

Scalars are resolved with ruamel's YAML 1.2 resolver everywhere (lint, diff, log), so `yes`
stays a string and `439.050` is the float 439.05 — which the schema then reports as money
written the Vietnamese way.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from .model import Finding, Position, Severity

MAX_BYTES = 2 * 1024 * 1024
# A plan has a few thousand nodes; a billion-laughs document asks for billions.
MAX_NODES = 200_000
MAX_DEPTH = 100

CORE = "tag:yaml.org,2002:"
SUPPRESS = re.compile(r"#\s*planctl:\s*disable=([A-Za-z0-9_.,\- ]+)")


class _Loader(CParser, VersionedResolver):
    """libyaml's composer with ruamel's YAML 1.2 implicit resolver."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        VersionedResolver.__init__(self, version=(1, 2), loader=self)


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
    def __init__(self, message: str, node: Node, hint: str = "") -> None:
        super().__init__(message)
        self.node, self.hint = node, hint


class _Builder:
    """Turns a node graph into plain data, recording positions as it goes."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0

    def build(self, node: Node, pointer: str, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Invalid(f"the document expands to more than {MAX_NODES:,} nodes "
                           "(aliases repeated over and over, as in a 'billion laughs' file)", node,
                           "remove the repeated aliases (*name); a plan never needs them")
        if depth > MAX_DEPTH:
            raise _Invalid(f"nesting deeper than {MAX_DEPTH} levels", node,
                           "flatten the structure; a plan is a few levels deep")
        self.doc.positions.setdefault(pointer, _pos(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, pointer, depth)
        if isinstance(node, SequenceNode):
            self._check_tag(node, "seq")
            return [self.build(item, f"{pointer}/{i}", depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, pointer)

    def _mapping(self, node: MappingNode, pointer: str, depth: int) -> dict:
        self._check_tag(node, "map")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == CORE + "merge":
                raise _Invalid("merge keys (<<) are not supported", key_node,
                               "write the keys out in full")
            if not isinstance(key_node, ScalarNode):
                raise _Invalid("a mapping key must be a plain value, not a list or mapping", key_node)
            key = self._scalar(key_node, None)
            key = key if isinstance(key, str) else key_node.value
            child = f"{pointer}/{escape(key)}"
            if key in result:
                first = self.doc.key_positions[child]
                raise _Invalid(f"duplicate key {key!r} (first defined at line {first.line})", key_node,
                               "remove or rename one of the two keys")
            self.doc.key_positions[child] = _pos(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _check_tag(self, node: Node, kind: str) -> None:
        if node.tag != CORE + kind:
            raise _Invalid(f"unknown tag {_short(node.tag)!r}", node,
                           "planctl never constructs tagged objects; remove the tag")

    def _scalar(self, node: ScalarNode, pointer: str | None) -> Any:
        tag, text = node.tag, node.value
        if not tag.startswith(CORE):
            raise _Invalid(f"unknown tag {_short(tag)!r}", node,
                           "planctl never constructs tagged objects; remove the tag")
        kind = tag[len(CORE):]
        if kind == "str" or kind == "timestamp":
            # Dates stay text (YYYY-MM-DD); the schema checks their form.
            return unicodedata.normalize("NFC", text)
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        if kind == "int":
            return _int(text, node)
        if kind == "float":
            value = _float(text, node)
            if pointer is not None:
                self.doc.float_texts[pointer] = text
            return value
        raise _Invalid(f"unknown tag {_short(tag)!r}", node,
                       "planctl never constructs tagged objects; remove the tag")


def _short(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


def _int(text: str, node: Node) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] in ("0x", "0o", "0b"):
            return sign * int(digits, 0)
        return sign * int(digits, 10)
    except ValueError:
        raise _Invalid(f"{text!r} is not a valid integer", node) from None


def _float(text: str, node: Node) -> float:
    low = text.lower().lstrip("+")
    if low in (".inf", "-.inf", ".nan"):
        raise _Invalid(f"{text!r} is not a usable number", node, "write a finite number")
    value = float(text.replace("_", ""))
    if math.isinf(value):
        raise _Invalid(f"{text!r} is too large", node)
    return value


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM); UTF-16/32 when a BOM says so, as YAML allows."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec)
    return raw.decode("utf-8")


def _offset_position(text_before: bytes) -> Position:
    lines = text_before.split(b"\n")
    return Position(len(lines), len(lines[-1].decode("utf-8", "replace")) + 1)


def _error(doc: Document, message: str, position: Position, hint: str) -> Document:
    doc.error = Finding("syntax", Severity.ERROR, message, doc.name, position, "", hint)
    return doc


def load_bytes(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Parse YAML bytes. Problems come back on `Document.error`, never as exceptions."""
    doc = Document(name)
    if len(raw) > max_bytes:
        return _error(doc, f"file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
                      Position(), "split the file, or raise max_file_bytes in [tool.planctl]")
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1].hex().upper()
        return _error(doc, f"not valid UTF-8: byte 0x{bad} at offset {exc.start}",
                      _offset_position(raw[:exc.start]),
                      "save the file as UTF-8 (most editors: 'Save with encoding')")
    doc.text = text
    return _parse(doc, text)


def _parse(doc: Document, text: str) -> Document:
    try:
        root = _Loader(text).get_single_node()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Position(mark.line + 1, mark.column + 1) if mark else Position()
        problem = " ".join(p for p in (exc.problem, exc.context and f"({exc.context})") if p)
        hint = "indent with spaces: YAML does not allow tab characters for indentation" \
            if "tab" in (exc.problem or "") else "fix the YAML syntax at this position"
        return _error(doc, f"invalid YAML: {problem}", where, hint)
    except ReaderError as exc:
        before = text[:exc.position].encode("utf-8")
        return _error(doc, f"invalid YAML: {exc.reason} (character {exc.character!r})",
                      _offset_position(before), "remove the control character")
    except YAMLError as exc:  # anything else libyaml reports
        return _error(doc, f"invalid YAML: {exc}", Position(), "fix the YAML syntax")
    if root is None:
        return _error(doc, "the file is empty", Position(), "a plan file is a mapping: start with 'planctl: 1'")
    builder = _Builder(doc)
    try:
        doc.data = builder.build(root, "", 0)
    except _Invalid as exc:
        doc.data = None
        return _error(doc, str(exc), _pos(exc.node), exc.hint)
    except RecursionError:
        return _error(doc, "the document is nested too deeply", Position(), "flatten the structure")
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
        size = path.stat().st_size
        if size > max_bytes:
            return _error(Document(name), f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                          Position(), "split the file, or raise max_file_bytes in [tool.planctl]")
        raw = path.read_bytes()
    except OSError as exc:
        return _error(Document(name), f"cannot read file: {exc.strerror}", Position(),
                      "check the path and its permissions")
    return load_bytes(raw, name, max_bytes=max_bytes)


def load_data(path: Path) -> Any:
    """Plain data of a file that must load; raises ValueError with the located message."""
    doc = load(Path(path))
    if doc.error:
        e = doc.error
        raise ValueError(f"{e.file}:{e.line}:{e.column}: {e.message}")
    return doc.data
