"""Parsed plans, cached between runs (in planctl/diskcache.py's folder, with its trust and checks).

Why: parsing a plan with the position of every node is the largest part of linting it (6–9 ms of a
benchmark plan's ~20 ms in a whole-repository lint), and most plans do not change between two runs:
the pre-commit hook lints the plans at HEAD again (--new-since) and an editor lints a plan on every
save. Like Python's bytecode cache, a parse is stored under a key hashed from the file's bytes and
the code that parses them (the loader's modules, planctl's version, Python's, ruamel.yaml's), so
any edit parses the file again. Only a file that loaded without an error is stored: a broken file
is parsed on every run and its messages stay those of the parser. A lint whose plans all come from
the cache never imports ruamel.yaml.

What is read back must have the stored shape: plain JSON data, as many packed positions as the data
has nodes, float texts and suppressions of the right types; anything else, and the file is parsed.

`planctl diff` reads the same values through it (find_data): a lint's parse of a blob's bytes, or
the plain data a diff stored (`planctl log`, which parses consecutive revisions by their changed
parts in ~1 ms, does not use it).
"""

from __future__ import annotations

import binascii
import sys
from array import array
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import diskcache
from .yamlmarks import new_marks, node_count

if TYPE_CHECKING:
    from .document import Document

# The modules that turn a file's bytes into a Document.
_PARSER_SOURCES = ("document.py", "yamlbuild.py", "yamlevents.py", "yamlmarks.py")
_FIELDS = ("data", "marks", "key_marks", "float_texts", "suppressions", "plain_json")


def key(raw: bytes) -> str | None:
    """The key of the parse of a file with these bytes; None when there is no cache."""
    if diskcache.cache_dir() is None:
        return None
    return diskcache.digest([_fixed(), ("file", raw)]) + "-document"


@cache
def _fixed() -> tuple[str, bytes]:
    return diskcache.fixed(_code_inputs())


def _code_inputs() -> list[tuple[str, bytes]]:
    return [*runtime(), *diskcache.code_inputs(Path(__file__).resolve().parent, _PARSER_SOURCES)]


def runtime() -> list[tuple[str, bytes]]:
    """planctl's version, Python's and the YAML parser's: what every parse depends on besides the code."""
    from . import __version__

    return [("planctl", __version__.encode()), ("python", sys.version.encode()),
            ("libraries", diskcache.versions("ruamel.yaml", "ruamel.yaml.clib"))]


def read(parse_key: str, doc: Document) -> Document | None:
    """`doc` (a new Document, named) filled with the stored parse; None when there is none or it
    has not the stored shape."""
    value = diskcache.read(parse_key, _checked)
    if value is None:
        return None
    doc.data, doc.marks, doc.key_marks, doc.float_texts, doc.suppressions, doc.plain_json = value
    return doc


def store(parse_key: str, doc: Document) -> None:
    """Store a document that loaded. (Its data is plain JSON data: the builder makes nothing else,
    and refuses inf and nan; diskcache.write would skip anything JSON cannot write.)"""
    if doc.error is not None:
        return
    diskcache.write(parse_key, {
        "data": doc.data,
        "marks": _text(doc.marks),
        "key_marks": _text(doc.key_marks),
        "float_texts": doc.float_texts,
        "suppressions": [[line, sorted(rules)] for line, rules in doc.suppressions.items()],
        "plain_json": doc.plain_json,
    })


# `planctl diff` reads plain data (history/spanload.py, planctl/plainload.py): the same values as a
# lint's parse, without positions. A blob whose bytes a lint parsed reads that parse's data; any
# other is stored as its plain data alone, keyed by its bytes and the plain loaders' code too.
_PLAIN_SOURCES = (*_PARSER_SOURCES, "plainload.py", "history/spanload.py")


def find_data(raw: bytes) -> tuple[Any, str] | None:
    """The plain data of a file with these bytes, from a lint's parse or a diff's, and the key it
    is stored under; None when neither is stored (or there is no cache)."""
    parse_key = key(raw)
    if parse_key is None:
        return None
    value = _stored(parse_key)
    if value is not None:
        return value[0], parse_key
    plain_key = _plain_key(raw)
    found = _stored(plain_key)
    return None if found is None else (found[0], plain_key)


def _stored(data_key: str) -> tuple | None:
    """What is stored under a data key, checked as its kind is (a lint's parse, or diff's plain
    data: `[data]`), the data first; None when nothing is."""
    return diskcache.read(data_key, _checked if data_key.endswith("-document") else _data)


def store_data(raw: bytes, data: Any) -> str | None:
    """Store the plain data of a file that loaded (diff's loaders make nothing but plain data);
    the key it is stored under, None when there is no cache."""
    if diskcache.cache_dir() is None:
        return None
    plain_key = _plain_key(raw)
    diskcache.write(plain_key, [data])
    return plain_key


# `planctl diff` finds a blob's data by the blob's git id too: git names a blob by a hash of its
# bytes (and refuses an object whose bytes do not hash to its name), so the id stands for them as
# well as their BLAKE2b does. What is stored under the id is the blob's size and the key of its
# data (find_data's), so a side read before costs git no `cat-file` round trip (two per side:
# 15-18 % of the workers' time in a 100-plan diff, waiting on git) and the data is stored once.
def read_blob(blob: str) -> tuple[int, Any] | None:
    """(size, plain data) of a git blob whose data was found or stored before, by its id; None
    when it is not known, or its data is no longer stored (or there is no cache)."""
    if diskcache.cache_dir() is None:
        return None
    entry = diskcache.read(_blob_key(blob), _blob_entry)
    if entry is None:
        return None
    size, data_key = entry
    value = _stored(data_key)
    return None if value is None else (size, value[0])


def store_blob(blob: str, size: int, data_key: str) -> None:
    """Remember a blob's size and the key its data is stored under (find_data's, store_data's)."""
    if diskcache.cache_dir() is not None:
        diskcache.write(_blob_key(blob), [size, data_key])


def _blob_key(blob: str) -> str:
    return diskcache.digest([_plain_fixed(), ("blob", blob.encode())]) + "-blob"


def _blob_entry(value: Any) -> tuple[int, str]:
    """[size, data key]: the key is taken only in the form this module makes, the name of a file
    in the cache folder and nothing else."""
    if not (type(value) is list and len(value) == 2 and type(value[0]) is int and value[0] >= 0
            and type(value[1]) is str and diskcache.is_key(value[1], ("document", "plain"))):
        raise ValueError("not a stored blob")
    return value[0], value[1]


def _plain_key(raw: bytes) -> str:
    return diskcache.digest([_plain_fixed(), ("file", raw)]) + "-plain"


@cache
def _plain_fixed() -> tuple[str, bytes]:
    return diskcache.fixed([*runtime(), *diskcache.code_inputs(Path(__file__).resolve().parent, _PLAIN_SOURCES)])


def _data(value: Any) -> list:
    if not (type(value) is list and len(value) == 1):  # [data]: data itself may be None
        raise ValueError("not stored data")
    return value


def _text(marks: array) -> str:
    # Base64 of the 8-byte ints: a third of the size of a JSON list of them, and read in one call.
    return binascii.b2a_base64(marks.tobytes(), newline=False).decode("ascii")


def _marks(text: Any) -> array:
    marks = new_marks()
    marks.frombytes(binascii.a2b_base64(text))  # ValueError if not whole 8-byte ints
    return marks


def _checked(value: Any) -> tuple:
    """The stored fields, as a Document holds them; ValueError when they have not their shape.
    (diskcache.read's JSON holds nothing but plain data, never inf or nan.)"""
    if not (type(value) is dict and tuple(value) == _FIELDS):
        raise ValueError("not a stored parse")
    marks, key_marks = _marks(value["marks"]), _marks(value["key_marks"])
    float_texts, suppressions = value["float_texts"], value["suppressions"]
    if not (len(marks) == len(key_marks) == node_count(value["data"])
            and type(float_texts) is dict and all(type(t) is str for t in float_texts.values())
            and type(suppressions) is list
            and all(type(s) is list and len(s) == 2 and type(s[0]) is int and type(s[1]) is list
                    and all(type(r) is str for r in s[1]) for s in suppressions)
            and type(value["plain_json"]) is bool):
        raise ValueError("not a stored parse")
    return (value["data"], marks, key_marks, float_texts, {line: set(rules) for line, rules in suppressions},
            value["plain_json"])
