"""pyproject.toml and planctl.toml parsed once, kept between runs (in the rule cache's folder).

Why: importing tomllib (its regular expressions) is ~2.5 ms of every run, a one-plan lint's
included, to read a file that rarely changes. The parsed document is stored under a key hashed
from the exact text and Python's version (tomllib is the standard library's). Only a document
JSON gives back exactly is stored (a date or a time is not); what is read back must be a
mapping, or the text is parsed again. A text that does not parse is never stored: tomllib raises
its error as before.
"""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

from .lint import rulecache


def loads(text: str) -> dict[str, Any]:
    """tomllib.loads(text), from the cache when this text was parsed before."""
    key = _key(text) if rulecache.cache_dir() is not None else None
    if key is not None:
        cached = rulecache.read(key, _mapping)
        if cached is not None:
            return cached
    import tomllib

    document = tomllib.loads(text)
    if key is not None and _round_trips(document):
        rulecache.write(key, document)
    return document


def _key(text: str) -> str:
    digest = hashlib.sha256()
    for label, data in (("python", sys.version.encode()), ("toml", text.encode("utf-8"))):
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest() + "-config"


def _mapping(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError("not a stored document")
    return value


def _round_trips(document: dict[str, Any]) -> bool:
    try:
        return bool(json.loads(json.dumps(document)) == document)
    except (TypeError, ValueError, RecursionError):  # a date or a time; nesting JSON cannot write back
        return False
