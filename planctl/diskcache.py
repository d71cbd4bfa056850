"""planctl's cache on disk: what a run computed from files, kept between runs under a key hashed
from exactly what it depends on, and reused while those are unchanged.

What is cached, each in a group of files of its own (_PARTS):
- the compiled rule catalogue (lint/rules.py): reading, validating and compiling the 49 rule files
  (and, with durable_rules, letting the engine accept each condition) is 40–60 ms of every run,
  most of a one-plan lint's fixed cost;
- the programme and policy data (lint/registry.py) and the summaries of linked plans
  (lint/linkcache.py);
- the parsed pyproject.toml or planctl.toml (config.py): importing tomllib is 6–15 ms;
- parsed plans (planctl/parsecache.py): a plan's parse is the largest part of linting it;
- the findings of each plan's own facts (lint/findingcache.py): deriving a plan's facts and running
  the rules over them is most of the rest; and that the compiled schema check called a plan valid
  (lint/fastschema.py), so that a lint of unchanged plans never imports jsonschema_rs.

Trust: a cache file is data, never code. It is JSON (never pickle), and everything read back is
checked again, type by type, and each condition against the grammar both engines evaluate
(evaluator.check); anything unexpected — a corrupt, truncated, foreign or hand-edited file — and
the cache is ignored and rebuilt from the files. The folder is the user's own cache folder:
only an absolute PLANCTL_CACHE_DIR or XDG_CACHE_HOME is honoured, so a repository being linted
(the working directory, which planctl does not trust) can never supply a cache file through a
relative path. Whoever can write the user's cache folder could change which rules run, as they
could by editing the installed package; a CI cache restored from another branch should therefore
not include this folder, or set PLANCTL_NO_CACHE=1.

PLANCTL_CACHE_DIR=/abs/path chooses the folder; PLANCTL_NO_CACHE=1 disables the cache.

Each new key (an upgrade, an edited rule in a checkout) writes a new file; writing one removes
planctl's cache files of older keys beyond the newest KEEP, so they do not pile up. Not only the newest
one is kept: two installed planctls sharing the folder (a pre-commit hook's and the user's) have
different keys, and would otherwise delete each other's file and rebuild on every run. The files kept
per plan (parses, findings, summaries, comparisons) are counted instead, and pruned when a group holds more than
KEEP_PER_PLAN (write).
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

try:
    # CPython's own BLAKE2b, which hashlib.blake2b is too: `import hashlib` also loads OpenSSL's
    # libcrypto (~5 ms, 4 % of a one-plan lint) for digests this module does not take.
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b

FORMAT = 2  # 2: the rules carry their Vietnamese texts (summary_vi, message_vi, hint_vi, description_vi)
MAX_BYTES = 4 * 1024 * 1024  # the catalogue is ~100 KB; anything far larger is not ours
KEEP = 4  # keys whose files are kept in the folder, the one just written included (see above)
# The parsed settings (config.py): one key per file content; one user's several repositories, or
# branches with different settings, must not push each other out.
KEEP_SETTINGS = 128
# Parsed plans (planctl/parsecache.py), their findings (lint/findingcache.py) and their summaries
# (lint/linkcache.py): one key per plan file's content, ~60 KB (a parse), ~1 KB (findings) and a
# few KB (a summary) each for a 30 KB plan; room for a few large repositories and their recent
# edits (at most ~60 MB of parses for such plans).
KEEP_PER_PLAN = 1024
PRUNED_TO = 768  # what a per-plan group is pruned down to, so that the next prune is hundreds of writes away
_HEX = frozenset("0123456789abcdef")
# A file of planctl's own modified longer ago than this enters a key by its stat, else by its bytes
# (stamp): more than FAT's 2-second modification times.
SETTLED_SECONDS = 3.0
# How `write` creates its temporary file (as tempfile.mkstemp does).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)


def _file_name(key: str) -> str:
    return f"rules-{key}.json"


# The parts of a key: "" the catalogue, "lint" rules.lint_catalogue's, "registry" the programme
# and policy data (registry.load_registry), "summary" a linked plan's summary (lint/linkcache.py),
# "settings" a repository's parsed pyproject.toml or planctl.toml (config.py), "document" a parsed
# plan (planctl/parsecache.py), "findings" the findings of a plan's own facts (lint/findingcache.py),
# "valid" a plan the compiled schema check called valid (lint/fastschema.py), "plain" a plan's data
# as `planctl diff` read it, "blob" where the data of a git blob is (planctl/parsecache.py), "diff"
# the comparison of a plan's two blobs (history/diffcache.py); each group's keys are pruned apart
# from the others'.
_PARTS = {"": "rules", "lint": "rules", "registry": "registry", "summary": "summary", "settings": "settings",
          "document": "document", "findings": "findings", "valid": "valid", "plain": "plain", "blob": "blob",
          "diff": "diff"}
# One key per plan, many per run: counted once per process, pruned when over KEEP_PER_PLAN (write).
_PER_PLAN = ("document", "findings", "summary", "valid", "plain", "blob", "diff")


def _key_of(name: str) -> tuple[str, str] | None:
    """(group, key) of a file name this module writes, rules-<64 hex digits>[-<part>].json; None
    for any other name."""
    if not (name.startswith("rules-") and name.endswith(".json")):
        return None
    key, _dash, part = name[6:-5].partition("-")
    group = _PARTS.get(part)
    return (group, key) if group is not None and len(key) == 64 and _HEX.issuperset(key) else None


def is_key(text: str, groups: tuple[str, ...]) -> bool:
    """Whether `text` is a key this module stores, <64 hex digits>-<part>, of one of `groups`."""
    found = _key_of(_file_name(text))
    return found is not None and found[0] in groups and text == f"{found[1]}-{found[0]}"


def cache_dir() -> Path | None:
    """The folder for planctl's cache, or None when caching is disabled or there is no home."""
    if os.environ.get("PLANCTL_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("PLANCTL_CACHE_DIR", "")
    if chosen:
        return Path(chosen) if os.path.isabs(chosen) else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative path is invalid and ignored
        return Path(xdg) / "planctl"
    try:
        home = Path.home()
    except RuntimeError:
        return None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        return Path(local) / "planctl" / "Cache" if local and os.path.isabs(local) else None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "planctl"
    return home / ".cache" / "planctl"


def digest(inputs: Iterable[tuple[str, bytes]]) -> str:
    """The 32-byte BLAKE2b of labelled inputs, each as its label, its length and its bytes (so no two
    lists of inputs give the same bytes): the key of a cache file."""
    found = blake2b(digest_size=32)
    for label, data in inputs:
        found.update(f"{label}\0{len(data)}\0".encode())
        found.update(data)
    return found.hexdigest()


def fixed(inputs: Iterable[tuple[str, bytes]]) -> tuple[str, bytes]:
    """What many keys of a run share (planctl's code, versions, a schema) as one labelled input, its
    digest: hashed once per process (callers cache it) instead of its ~30–140 KB in every key, which
    was ~0.6 ms per plan of a lint of unchanged plans."""
    return ("fixed", digest(inputs).encode())


def plain(data: object) -> bool:
    """Whether `data` holds only what JSON gives back exactly as it was: mappings with text keys,
    lists, text, whole numbers, finite floats, booleans and None (not TOML's dates, nor inf or nan)."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            if not all(type(k) is str for k in node):
                return False
            stack.extend(node.values())
        elif kind is list:
            stack.extend(node)
        elif kind is float:
            if not math.isfinite(node):
                return False
        elif kind not in (str, int, bool) and node is not None:
            return False
    return True


def code_inputs(base: Path, names: Iterable[str]) -> list[tuple[str, bytes]]:
    """planctl's source files that turn files into what a cache holds, each as its stamp, labelled
    by its name below `base` (`names`: modules, or folders of them): an edit to one must change the
    key even when planctl's version number stays the same (a development checkout). The labels are
    built from the names, not with Path.relative_to: that parsed ~120 paths again on every run,
    half the time of the rule catalogue's key."""
    found = []
    for name in names:
        target = base / name
        for source in sorted(target.glob("*.py")) if target.is_dir() else [target]:
            found.append((f"code:{name}/{source.name}" if source is not target else f"code:{name}", stamp(source)))
    return found


def stamp(path: Path) -> bytes:
    """What a key takes of one of planctl's own files (its code, rule files, schemas, translations):
    its size, modification time and inode, as Python's bytecode cache takes its sources' — a stat
    rather than reading and hashing ~200 files on every run (~8 % of a lint of an unchanged plan).
    A file modified in the last SETTLED_SECONDS enters by its bytes: two edits within one tick of
    the file system's clock (2 seconds on FAT) can leave the same time and size (git's "racy" files). Never for a
    repository's files (plans, programmes, settings): those enter by their bytes."""
    status = os.stat(path)
    if time.time() - status.st_mtime < SETTLED_SECONDS:
        return b"bytes\0" + path.read_bytes()
    return f"stat\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ino}".encode()


@cache
def versions(*distributions: str) -> bytes:
    """The installed versions of these libraries, as the names of their metadata folders (.dist-info,
    or .egg-info from an older pip's setup.py install) in the folders Python imports from
    (importlib.metadata costs ~50 ms, importing the library what the cache saves): a result computed
    with another version of a library is not reused."""
    wanted = {_normalized(name) for name in distributions}
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a folder that is gone
            continue
        found += [name for name in names if name.endswith((".dist-info", ".egg-info"))
                  and _normalized(name.rpartition(".")[0].partition("-")[0]) in wanted]
    return "\n".join(sorted(found)).encode()


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def read(key: str, parse: Callable[[Any], Any]) -> Any | None:
    """The cached value of `key`, passed through `parse` (which raises on anything unexpected);
    None when there is none or it cannot be trusted."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / _file_name(key), "rb") as handle:
            # As much as the file holds (write replaces a file whole, never appends): read(MAX_BYTES + 1)
            # would make a 4 MiB buffer first, 50-150 µs for a file of a few KB.
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(min(size, MAX_BYTES) + 1)
        if len(raw) > MAX_BYTES:
            return None
        stored = json.loads(raw, parse_constant=_no_constant)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != key:
            return None
        return parse(stored["value"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _no_constant(name: str) -> None:
    # json.dumps of plain data never writes Infinity or NaN: a file holding one is not ours.
    raise ValueError(f"{name} in a cache file")


def write(key: str, value: Any) -> None:
    """Store `value` (plain JSON data) under `key`; a cache that cannot be written is skipped."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps({"format": FORMAT, "key": key, "value": value}, ensure_ascii=False, allow_nan=False).encode()
        if len(data) > MAX_BYTES:  # `read` would refuse it: not written on every run to be ignored
            return
        # Written beside, then renamed: a concurrent run reads the old file or the new one, never half.
        # Created as tempfile.mkstemp creates its files (a new name, exclusive, binary, private),
        # without importing tempfile: shutil, bz2, lzma and random, ~5 ms of a run that writes.
        temporary = folder / f".rules-{os.getpid()}-{os.urandom(8).hex()}.tmp"
        handle = os.open(temporary, _CREATE, 0o600)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, folder / _file_name(key))
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError):  # TypeError, ValueError: a value JSON cannot write exactly
        return
    group = key.rpartition("-")[2]
    if group not in _PER_PLAN:
        _prune(folder, _file_name(key), KEEP_SETTINGS if group == "settings" else KEEP)
        return
    # A lint of a repository stores a parse, findings and a summary per plan, and a one-plan lint
    # a few files: the folder is listed once per process, the files of each group counted then and
    # at each write after, and a group is pruned only when it holds more than KEEP_PER_PLAN files,
    # down to PRUNED_TO. Listing and dating every file at each write cost ~20 ms per group in a
    # folder of 5,000 files, more than the rest of a lint of one edited plan.
    counts = _per_plan.get(folder)
    if counts is None:
        counts = _per_plan[folder] = _count(folder)  # the file just written counted
    else:
        counts[group] = counts.get(group, 0) + 1
    if counts.get(group, 0) > KEEP_PER_PLAN:
        _prune(folder, _file_name(key), PRUNED_TO)
        counts[group] = PRUNED_TO


# The files of each per-plan group in a cache folder: counted at this process's first write there,
# plus its writes since.
_per_plan: dict[Path, dict[str, int]] = {}


def _count(folder: Path) -> dict[str, int]:
    """The files of each per-plan group in `folder`, from its listing alone (no file is dated)."""
    counts: dict[str, int] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                key = _key_of(entry.name)
                if key is not None and key[0] in _PER_PLAN:
                    counts[key[0]] = counts.get(key[0], 0) + 1
    except OSError:
        pass
    return counts


def _prune(folder: Path, current: str, keep: int) -> None:
    """Remove planctl's cache files in `folder` of `current`'s group (_PARTS) but those of the
    group's newest `keep` keys (`current`'s among them);
    only regular files named as this module names them, never a link, a folder or any other file."""
    newest: dict[tuple[str, str], float] = {}
    files: list[tuple[tuple[str, str], str]] = []
    kept = _key_of(current)
    if kept is None:
        return
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                key = _key_of(entry.name)
                if key is None or key == kept or key[0] != kept[0] or not entry.is_file(follow_symlinks=False):
                    continue
                files.append((key, entry.name))
                newest[key] = max(newest.get(key, 0.0), entry.stat(follow_symlinks=False).st_mtime)
    except OSError:
        return
    old = set(sorted(newest, key=lambda k: (newest[k], k), reverse=True)[keep - 1:])
    for key, name in files:
        if key in old:
            try:
                os.unlink(folder / name)
            except OSError:  # removed meanwhile by a concurrent run, or not ours to remove
                continue
