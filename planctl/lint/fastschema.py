"""A compiled JSON Schema check that answers only "certainly valid". The only module that imports
jsonschema_rs.

Why: the `jsonschema` library walks a 20 KB plan in 7–10 ms of Python; jsonschema-rs (Rust, binary
wheels) answers valid/invalid for the same plan in about 0.1 ms. Almost every file a run reads is
valid, so lint asks this check first and builds the located messages with `jsonschema`
(lint/schema.py) only for a file it does not call valid. The two validators must never disagree on
a file this check calls valid; where they could, it says "not certain" and the full validator
decides:

- JSON Schema, and jsonschema-rs, count 9.0 as an integer; planctl does not (9.000 typed for 9,000
  is the money-as-float mistake). A document holding a whole-valued float is never called valid
  here, and that also keeps 1 and 1.0 from being compared by `enum`, `const` or `uniqueItems`.
- An integer beyond 64 bits, a string that is not valid Unicode (a lone surrogate), a value of a
  type JSON does not have: not certain.
- Regular expressions: the schemas' patterns are ASCII classes, anchors and `.*`; where Rust's
  regex and Python's `re` differ (`$` before a final newline), Rust is the stricter, so it calls
  the file invalid and the full validator decides.
- Formats are not asserted by either (planctl's validator has no format checker).

Where jsonschema-rs is not installed or does not load, every file goes to the full validator.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import diskcache

if TYPE_CHECKING:
    from ..document import Document

_INT64 = 2**63


@cache
def compiled(kind: str) -> Any:
    """The compiled validator of a schema, or None where jsonschema-rs is unavailable."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    from .schema import load_schema

    return jsonschema_rs.validator_for(load_schema(kind), validate_formats=False)


def certainly_valid(data: Any, kind: str, plain: bool | None = None) -> bool:
    """True only when `data` is valid against the schema of `kind` by planctl's rules; False when
    it is invalid or when only the full validator can tell. `plain`: whether the loader saw only
    values both validators read alike (Document.plain_json), None to look."""
    if not (_plain_json(data) if plain is None else plain):
        return False
    validator = compiled(kind)
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(data))
    except Exception:  # a value jsonschema-rs cannot convert (a lone surrogate): let jsonschema judge
        return False


def certainly_valid_document(doc: Document, kind: str) -> bool:
    """certainly_valid for a loaded document. A document loaded through planctl/parsecache.py
    whose bytes an earlier run called valid against the same schema, with the same check and
    jsonschema-rs, is valid without asking again: a lint of unchanged plans never imports
    jsonschema_rs (~14 % of a one-plan lint's instructions). Only "valid" is remembered."""
    key = _verdict_key(doc.parse_key, kind)
    if key is not None and diskcache.read(key, _true) is True:
        return True
    valid = certainly_valid(doc.data, kind, doc.plain_json)
    if valid and key is not None:
        diskcache.write(key, True)
    return valid


def _true(value: Any) -> bool:
    if value is not True:
        raise ValueError("not a verdict")
    return True


def _verdict_key(parse_key: str | None, kind: str) -> str | None:
    if parse_key is None or diskcache.cache_dir() is None:
        return None
    return diskcache.digest([_fixed(kind), ("parse", parse_key.encode())]) + "-valid"


@cache
def _fixed(kind: str) -> tuple[str, bytes]:
    from ..resources import schema_path

    return diskcache.fixed([("schema", diskcache.stamp(schema_path(kind))), ("kind", kind.encode()),
                            ("libraries", diskcache.versions("jsonschema_rs")),
                            *diskcache.code_inputs(Path(__file__).resolve().parent, ("fastschema.py",))])


def _plain_json(data: Any) -> bool:
    """Whether every value is one both validators read alike: no whole-valued float, no integer
    beyond 64 bits, only text keys. An explicit stack, not recursion: nesting is bounded by the
    loader, but this must not depend on it."""
    stack = [data]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        if kind is dict:
            if not all(type(k) is str for k in node):
                return False
            push(node.values())
        elif kind is list:
            push(node)
        elif kind is str or kind is bool or node is None:
            continue
        elif kind is int:
            if not -_INT64 <= node < _INT64:
                return False
        elif kind is float:
            if node.is_integer() or node != node or node in (float("inf"), float("-inf")):
                return False
        else:
            return False
    return True
