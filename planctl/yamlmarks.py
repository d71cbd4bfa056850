"""What planctl's YAML loaders share that needs no YAML parser: the limits on a document, JSON
pointers, nodes' packed positions and the decoding of a file's bytes. Kept apart from
planctl/yamlbuild.py so that a lint whose plans all come from the parse cache
(planctl/parsecache.py) never imports ruamel.yaml (~13 % of a one-plan lint's instructions).
"""

from __future__ import annotations

import codecs
from array import array
from typing import Any

from .model import Position

# A plan has a few thousand nodes; a billion-laughs document asks for billions.
MAX_NODES = 200_000
MAX_DEPTH = 100

# Document.key_marks of a node that is no mapping's value (a list item, the root).
NO_MARK = -1

# A node's mark is kept as one int, line and column (0-based) packed: a parser mark object is
# 96 bytes and a plan keeps one per node and key, half of a loaded plan's memory.
LINE_SHIFT = 32


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    if "~" not in token and "/" not in token:  # nearly every key: no copy
        return token
    return token.replace("~", "~0").replace("/", "~1")


def new_marks() -> array:
    """An empty list of packed marks (8 bytes each; a list would hold a 32-byte int object per node)."""
    return array("q")


def packed(mark: Any) -> int:
    """A parser mark (0-based line and column) as one int."""
    return mark.line << LINE_SHIFT | mark.column


def unpacked(packed: int) -> Position:
    """A packed mark as a Position (1-based)."""
    return Position((packed >> LINE_SHIFT) + 1, (packed & (1 << LINE_SHIFT) - 1) + 1)


def node_count(value: Any) -> int:
    """Nodes of plain data as the builder counts them, in a pre-order walk: one per value, list and
    mapping, not per mapping key (each alias's copy counted in full, as its marks are recorded)."""
    if type(value) is dict:
        value = value.values()
    elif type(value) is not list:
        return 1
    count = 1
    for item in value:  # most items are scalars: counted here, without a call
        count += node_count(item) if type(item) is dict or type(item) is list else 1
    return count


BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(raw: bytes) -> str:
    """UTF-8 with or without BOM; UTF-16/32 when a BOM says so, as YAML allows."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw.decode(codec)
    return raw.decode("utf-8")


def offset_position(text_before: bytes) -> Position:
    """The position just after `text_before`, the UTF-8 bytes of a file up to some point."""
    lines = text_before.split(b"\n")
    return Position(len(lines), len(lines[-1].decode("utf-8", "replace")) + 1)
