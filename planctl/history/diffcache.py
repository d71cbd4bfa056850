"""The comparison of a plan's two blobs, cached between runs (in planctl/diskcache.py's folder, with
its trust and checks).

Why: a reviewer runs `planctl diff` of one pull request again and again (after each push, in each
format: the terminal, then the comment's Markdown), and most of its plans are the same pairs of
blobs each time. Comparing a pair costs ~9 ms of CPU even when both blobs' data come from the
cache (reading both sides, their snapshots and sums, the comparison, the terminal tables); reading
the stored comparison costs a tenth of that.

The key: both blob ids (git names a blob by the hash of its bytes, and refuses an object that does
not match, so the ids stand for the bytes), the paths at both revisions (they are in the result, and
say whether the plan was added, removed or changed), the run's max-file-bytes, the run's language
and its translations, and planctl's code that turns the blobs into the result (loaders, plan model,
history, words). One comparison serves every format: the plan's terminal text is stored with it once
a diff in the terminal laid it out. Only the comparison of two plans, or of a plan added or removed,
is stored: a side that cannot be compared (does not parse, not a plan, too large, a symbolic link)
is read again on every run, and its message names the revision of this run.

The value: the PlanDiff as JSON, each named tuple a list of its fields, written and read back
field by field against the types its class declares: a value of another type is neither written
nor read (read: the pair is compared again), and a plan's own values (a changed field's old and new
value) are written only when they are data JSON gives back exactly (no tuple, no mapping with keys
that are not text, no infinite float). So what is read is what was compared.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import diskcache, i18n
from ..parsecache import runtime

if TYPE_CHECKING:
    from .compare import PlanDiff
    from .revisions import FileChange

Convert = Callable[[Any], Any]

# planctl's code between two blobs and their comparison: the loaders, the plan model, this package
# (snapshots, sums, comparison, terminal tables), the words and the escapes of the text.
_SOURCES = ("document.py", "yamlbuild.py", "yamlevents.py", "yamlmarks.py", "plainload.py", "parsecache.py",
            "escape.py", "i18n.py", "history", "plan")


def key(change: FileChange, max_bytes: int) -> str | None:
    """The key of the comparison of this change; None when there is no cache, or a side is not a
    regular file's blob (its message is made on every run)."""
    if diskcache.cache_dir() is None or not (change.old_regular and change.new_regular):
        return None
    language = i18n.language()
    sides = "\0".join(part or "" for part in (change.old_path, change.old_blob, change.new_path, change.new_blob))
    return diskcache.digest([_fixed(), ("language", language.encode()), ("translations", i18n.catalog_stamp(language)),
                             ("limit", str(max_bytes).encode()), ("sides", sides.encode())]) + "-diff"


@cache
def _fixed() -> tuple[str, bytes]:
    return diskcache.fixed([*runtime(), ("libraries", diskcache.versions("babel", "tabulate")),
                            *diskcache.code_inputs(Path(__file__).resolve().parent.parent, _SOURCES)])


def read(diff_key: str) -> PlanDiff | None:
    """The comparison stored under the key; None when there is none that reads back."""
    found: PlanDiff | None = diskcache.read(diff_key, _plan_diff()[1])
    # The terminal text was escaped when it was laid out (render.py): nothing but printable
    # characters and line breaks, which a stored text must still be (it goes to the terminal as is).
    if found is not None and found.text is not None and not all(line.isprintable() for line in found.text.split("\n")):
        return None
    return found


def store(diff_key: str, found: PlanDiff) -> None:
    """Store a comparison whose sides are both plans (or one is absent), when every value in it is
    of the type its class declares and a plan's own values are data JSON holds exactly."""
    if found.errors:
        return
    try:
        value = _plan_diff()[0](found)
    except ValueError:
        return
    diskcache.write(diff_key, value)


@cache
def _plan_diff() -> tuple[Convert, Convert]:
    """How a PlanDiff is written as JSON and read back, made once (compare.py, which declares it,
    imports this module)."""
    from .compare import PlanDiff

    return _codec(PlanDiff)


# -- the JSON form of a PlanDiff, made from its classes' declared field types ------------------


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")


def _field_types(kind: Any) -> list[Any]:
    hints = typing.get_type_hints(kind)
    return [hints[name] for name in kind._fields]


def _optional(kind: Any) -> Any | None:
    """X of `X | None`; None when `kind` is not optional."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        others = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(others) == 1:  # a union has two members at least: the other one was None
            return others[0]
    return None


def _codec(kind: Any) -> tuple[Convert, Convert]:
    """(write, read): the functions that write a value of this declared type as JSON data and read
    it back. Each raises ValueError for a value of another type, so what is read is what was written;
    a plan's own value (Any) is written only when it is data JSON gives back exactly."""
    inner = _optional(kind)
    if inner is not None:
        write, read = _codec(inner)
        return (lambda value: None if value is None else write(value),
                lambda value: None if value is None else read(value))
    if _is_record(kind):
        writes, reads = _codecs(_field_types(kind))
        return (lambda value: _each(writes, _exactly(kind, value)),
                lambda value: kind(*_each(reads, _exactly(list, value))))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda value: _exactly(kind, value).value, lambda value: kind(_exactly(str, value))
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        write, read = _codec(args[0])
        return (lambda value: [write(part) for part in _exactly(tuple, value)],
                lambda value: tuple(read(part) for part in _exactly(list, value)))
    if origin is tuple:
        writes, reads = _codecs(args)
        return (lambda value: _each(writes, _exactly(tuple, value)),
                lambda value: tuple(_each(reads, _exactly(list, value))))
    if origin is Mapping:
        (write_key, read_key), (write, read) = _codec(args[0]), _codec(args[1])
        return (lambda value: {write_key(k): write(part) for k, part in _exactly(dict, value).items()},
                lambda value: {read_key(k): read(part) for k, part in _exactly(dict, value).items()})
    if kind is Any:
        return _plain, _as_is
    if kind in (str, int):
        exact = partial(_exactly, kind)
        return exact, exact
    raise ValueError(f"no JSON form for {kind!r}")


def _codecs(kinds: Iterable[Any]) -> tuple[list[Convert], list[Convert]]:
    pairs = [_codec(kind) for kind in kinds]
    return [write for write, _read in pairs], [read for _write, read in pairs]


def _each(converts: list[Convert], values: Sequence[Any]) -> list[Any]:
    if len(values) != len(converts):
        raise ValueError("not a stored comparison")
    return [convert(value) for convert, value in zip(converts, values, strict=True)]


def _plain(value: Any) -> Any:
    if not diskcache.plain(value):  # a tuple, a key that is not text, inf or nan
        raise ValueError("not plain data")
    return value


def _as_is(value: Any) -> Any:
    return value


def _exactly(kind: type, value: Any) -> Any:
    if type(value) is not kind:  # type(), not isinstance: True is not a whole number here
        raise ValueError("not a stored comparison")
    return value
