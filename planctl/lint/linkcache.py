"""The summaries of linked plans, cached between runs (in planctl/diskcache.py's folder, with its trust and checks).

Why: a lint of one plan that links to another (`same_as`, `stands_for`) parsed that other plan
with positions, checked it against the schema and summarised it: ~8 ms of a one-plan lint's
~150, for a file that rarely changes between two commits. A summary (lint/summaries.py: Summary) is a
few numbers per row; it is stored under a key hashed from the file's bytes, the size limit and
everything that turns bytes into a summary: the loader's and the schema check's code (registry's
key inputs), the plan schema, the summary's code (lint/summaries.py, plan/). Only a valid plan's
summary is stored; a file that does not load or is not a valid plan always takes the loading path.
Its name is not stored: it is the file's as this run shows it. What is read back must have the
stored shape, or the file is loaded again.

The plans linted together are summarised for each other's links too (lint/summaries.py: Summaries);
a linted plan loaded through planctl/parsecache.py keeps its summary under a key hashed from its
parse key instead of its bytes (key_of_parse), so a lint of unchanged plans that link to each
other summarises none of them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from .. import diskcache
from .summaries import Summary

# The code of the summary itself, beside the loader's (registry._key_inputs).
_SUMMARY_SOURCES = ("lint/summaries.py", "plan")
_FIELDS = ("id", "total", "by_kind", "start", "end", "rows", "stands_for")
_ROW_FIELDS = {"total", "by_kind", "start", "end", "name"}


def key(raw: bytes, max_bytes: int) -> str | None:
    """The key of the summary of a file with these bytes; None when there is no cache."""
    if diskcache.cache_dir() is None:
        return None
    return diskcache.digest([_fixed(), ("limit", str(max_bytes).encode()), ("file", raw)]) + "-summary"


def key_of_parse(parse_key: str | None) -> str | None:
    """The key of the summary of a plan linted in this run, loaded through planctl/parsecache.py
    under `parse_key` (its bytes and the loader's code); None when it was not."""
    if parse_key is None or diskcache.cache_dir() is None:
        return None
    return diskcache.digest([_fixed(), ("parse", parse_key.encode())]) + "-summary"


@cache
def _fixed() -> tuple[str, bytes]:
    from ..resources import schema_path
    from .registry import _key_inputs

    return diskcache.fixed([*_key_inputs(), ("schema:plan", diskcache.stamp(schema_path("plan"))),
                            *diskcache.code_inputs(Path(__file__).resolve().parent.parent, _SUMMARY_SOURCES)])


def read(summary_key: str, name: str) -> Summary | None:
    """The stored summary, named `name`; None when there is none or it has not the stored shape."""
    value = diskcache.read(summary_key, _checked)
    return None if value is None else Summary(name=name, **value)


def store(summary_key: str, summary: Summary) -> None:
    """Store the summary when JSON gives it back exactly (text keys, plain values)."""
    value = summary._asdict()
    del value["name"]
    try:
        _checked(value)
    except ValueError:
        return
    if diskcache.plain(value):
        diskcache.write(summary_key, value)


def _checked(value: Any) -> dict:
    """`value` when it has a summary's fields with their types; ValueError otherwise."""
    if not (type(value) is dict and tuple(value) == _FIELDS and type(value["id"]) is str
            and _whole_or_none(value["total"], value["start"], value["end"]) and _amounts(value["by_kind"])
            and type(value["rows"]) is dict and type(value["stands_for"]) is list
            and all(type(plan) is str for plan in value["stands_for"])
            and all(type(row) is dict and set(row) == _ROW_FIELDS and type(row["name"]) is str and _amounts(row["by_kind"])
                    and _whole_or_none(row["total"], row["start"], row["end"]) for row in value["rows"].values())):
        raise ValueError("not a stored summary")
    return value


def _whole_or_none(*values: Any) -> bool:
    return all(value is None or type(value) is int for value in values)


def _amounts(by_kind: Any) -> bool:
    return type(by_kind) is dict and all(type(k) is str and type(v) is int for k, v in by_kind.items())
