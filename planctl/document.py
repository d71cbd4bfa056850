"""Load YAML with the position of every node (libyaml's events come through planctl/yamlevents.py).

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

import re
from array import array
from functools import cached_property
from pathlib import Path
from typing import Any

from . import i18n, yamlsyntax
from .i18n import _
from .model import SYNTAX, Finding, Position, Severity
from .paths import FileTooLarge, read_regular
from .yamlmarks import (  # noqa: F401  (escape, MAX_DEPTH, MAX_NODES: planctl's names for them)
    MAX_DEPTH,
    MAX_NODES,
    NO_MARK,
    decode,
    escape,
    new_marks,
    offset_position,
    unpacked,
)

MAX_BYTES = 2 * 1024 * 1024
SUPPRESS = re.compile(r"#\s*planctl:\s*disable=([A-Za-z0-9_.,\- ]+)")


class Document:
    """A YAML file as plain data, with the position of every node by JSON pointer."""

    def __init__(self, name: str, data: Any = None) -> None:
        self.name = name
        self.data = data
        # Where each node starts, as the parser's mark (0-based line and column packed in one int,
        # yamlmarks.packed), in the order of a pre-order walk of `data`; and where the key of each
        # mapping's value starts (NO_MARK for a list item and the root), in the same order. Why not
        # by pointer: most files have no finding, and a pointer string for each of a plan's ~1,500
        # nodes and ~1,200 keys was 60 % of a loaded plan's memory (0.40 -> 0.17 MB); `locate` and
        # `positions` find a node's index by its pointer when asked (`_index`).
        self.marks: array = new_marks()
        self.key_marks: array = new_marks()
        # The source text of float scalars, so `439.050` can be reported with its probable integer.
        self.float_texts: dict[str, str] = {}
        # Line number -> rule ids disabled on that line by `# planctl: disable=RULE`.
        self.suppressions: dict[int, set[str]] = {}
        self.error: Finding | None = None
        # The syntax errors after `error` that planctl/resync.py could locate (empty unless `error` is one).
        self.more_errors: list[Finding] = []
        # Whether every value reads alike in both schema validators (lint/fastschema.py): no
        # whole-valued float, no integer beyond 64 bits. The builder clears it when it makes one;
        # None: not built here, so not known.
        self.plain_json: bool | None = None
        # The key of the file's bytes in planctl/parsecache.py, when it was loaded through the cache:
        # lint/findingcache.py keys the plan's findings by it.
        self.parse_key: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @cached_property
    def _index(self) -> dict[str, int]:
        """Each node's index in `marks`, by pointer: a pre-order walk of the data, in the order the
        builder met the nodes (built on first use; empty for a file that did not load)."""
        index: dict[str, int] = {}
        if self.error is None and self.marks:
            _number(self.data, "", index)
        return index

    @cached_property
    def positions(self) -> dict[str, Position]:
        """The position of every node by pointer (built on first use, from `marks`)."""
        marks = self.marks
        return {pointer: unpacked(marks[i]) for pointer, i in self._index.items()}

    @cached_property
    def key_positions(self) -> dict[str, Position]:
        """The position of every mapping key, by the pointer of its value."""
        key_marks = self.key_marks
        return {pointer: unpacked(key_marks[i]) for pointer, i in self._index.items() if key_marks[i] != NO_MARK}

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """Position of the node at `pointer`, or of its nearest ancestor that has one."""
        index = self._index
        if key and pointer in index and self.key_marks[index[pointer]] != NO_MARK:
            return unpacked(self.key_marks[index[pointer]])
        while pointer:
            if pointer in index:
                return unpacked(self.marks[index[pointer]])
            pointer = pointer.rsplit("/", 1)[0]
        return unpacked(self.marks[0]) if index else Position()

    def finding(self, rule: str, severity: Severity, message: str, pointer: str, *,
                hint: str = "", key: tuple = (), at_key: bool = False) -> Finding:
        return Finding(rule, severity, message, self.name, self.locate(pointer, key=at_key),
                       pointer, hint, key)


def _number(value: Any, pointer: str, index: dict[str, int]) -> None:
    """Number the nodes of `value` in pre-order, by pointer, into `index`. (A module function: a
    closure calling itself is a reference cycle, and lint runs with the cyclic collector off.)"""
    index[pointer] = len(index)
    if type(value) is dict:
        for key, child in value.items():
            _number(child, f"{pointer}/{escape(key)}", index)
    elif type(value) is list:
        for i, child in enumerate(value):
            _number(child, f"{pointer}/{i}", index)


def _error(doc: Document, message: str, position: Position, hint: str) -> Document:
    doc.error = Finding(SYNTAX.id, SYNTAX.severity, message, doc.name, position, "", hint)
    return doc


def load_bytes(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES, cached: bool = False) -> Document:
    """Parse YAML bytes. Problems come back on `Document.error`, never as exceptions. `cached`:
    reuse the parse of the same bytes from an earlier run, and store this one (planctl/parsecache.py)."""
    doc = Document(name)
    if len(raw) > max_bytes:
        return _error(doc, _("file is {size} bytes, over the limit of {limit}").format(size=i18n.number(len(raw)),
                                                                                        limit=i18n.number(max_bytes)),
                      Position(), _("split the file, or raise max-file-bytes in [tool.planctl]"))
    parse_key = None
    if cached:
        from . import parsecache

        parse_key = doc.parse_key = parsecache.key(raw)
        if parse_key is not None and parsecache.read(parse_key, doc) is not None:
            return doc
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        encoding = "UTF-8" if exc.encoding.startswith("utf-8") else exc.encoding.upper()
        bad = raw[exc.start:exc.start + 1].hex().upper()
        where = offset_position(raw[:exc.start]) if encoding == "UTF-8" else Position()
        return _error(doc, _("not valid {encoding}: byte 0x{byte} at offset {offset}").format(
            encoding=encoding, byte=bad, offset=exc.start), where,
            _("save the file as UTF-8 (most editors: 'Save with encoding')"))
    _parse(doc, text)
    if parse_key is not None and doc.ok:
        parsecache.store(parse_key, doc)
    return doc


def _parse(doc: Document, text: str) -> Document:
    # Imported here: a run whose plans all come from the parse cache never imports ruamel.yaml.
    from .yamlbuild import _Builder, _Invalid
    from .yamlevents import CParser, MarkedYAMLError, ReaderError, YAMLError

    doc.plain_json = True
    builder = _Builder(doc, CParser(text).get_event)
    try:
        found, data = builder.document()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Position(mark.line + 1, mark.column + 1) if mark else Position()
        message, hint = yamlsyntax.explain(exc, text)
        _error(doc, message, where, hint)
        if mark is not None:
            doc.more_errors = _more_errors(doc.name, text, mark.line)
        return doc
    except ReaderError as exc:
        before = text[:exc.position].encode("utf-8")
        return _error(doc, _("invalid YAML: a control character (code {code}) is not allowed in a plan").format(
            code=exc.character), offset_position(before), _("remove the control character"))
    except YAMLError as exc:  # anything else libyaml reports
        return _error(doc, _("invalid YAML: the YAML parser says: {problem}").format(problem=exc), Position(),
                      _("fix the YAML syntax"))
    except _Invalid as exc:
        return _error(doc, str(exc), exc.position, exc.hint)
    if not found:
        return _error(doc, _("the file is empty"), Position(), _("a plan file is a mapping: start with 'planctl: 1'"))
    doc.data = data
    doc.suppressions = _suppressions(text)
    return doc


def _more_errors(name: str, text: str, first_line: int) -> list[Finding]:
    """The syntax errors after the first (planctl/resync.py). Each is keyed by its problem, so its
    fingerprint differs from the first's and stays the same when lines move."""
    from .resync import more_errors

    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for found in more_errors(text, first_line):
        seen[found.problem] = seen.get(found.problem, 0) + 1
        key = (found.problem,) if seen[found.problem] == 1 else (found.problem, seen[found.problem])
        # The parser read a piece of the file: its marks count from the piece's first line.
        offset = found.line - found.error.problem_mark.line if found.error.problem_mark is not None else 0
        message, hint = yamlsyntax.explain(found.error, text, offset)
        findings.append(Finding(SYNTAX.id, SYNTAX.severity, message, name, Position(found.line + 1, found.column + 1),
                                "", hint, key))
    return findings


def _suppressions(text: str) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    # Every plan has a `planctl: 1` line; one search of the whole text rules out the common case
    # of no suppression comment before the text is split into lines.
    if "planctl:" not in text or SUPPRESS.search(text) is None:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        match = SUPPRESS.search(line)
        if match:
            found[number] = {r.strip() for r in match.group(1).split(",") if r.strip()}
    return found


def load(path: Path, *, max_bytes: int = MAX_BYTES, name: str | None = None, cached: bool = False) -> Document:
    """Read and parse one file; an unreadable file is a Document with an error. `cached`: as for
    load_bytes."""
    name = name or str(path)
    try:
        raw = read_regular(path, max_bytes)
    except FileTooLarge as exc:
        return _error(Document(name), exc.strerror or str(exc), Position(),
                      _("split the file, or raise max-file-bytes in [tool.planctl]"))
    except OSError as exc:
        return _error(Document(name), _("cannot read file: {reason}").format(reason=exc.strerror), Position(),
                      _("check the path and its permissions"))
    return load_bytes(raw, name, max_bytes=max_bytes, cached=cached)


def load_data(path: Path) -> Any:
    """Plain data of a file that must load; raises ValueError with the located message."""
    doc = load(Path(path))
    if doc.error:
        e = doc.error
        raise ValueError(f"{e.file}:{e.line}:{e.column}: {e.message}")
    return doc.data
