"""Where planctl may read: regular files inside the repository it checks, nothing else.

In CI the author of a pull request controls every file planctl reads — plans, pyproject.toml,
symbolic links, file names. A glob, a link or a path that leads out of the repository would let
them print any file the runner can read into findings, annotations and SARIF; a FIFO or a
device would hang the run. So every path is resolved (links followed) and must land inside the
root, and files are opened without blocking and read only when they are regular files.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path, PurePath

from .errors import PlanctlError
from .i18n import _, number

YAML_SUFFIXES = (".yaml", ".yml")  # what planctl reads as plans, in lint and in diff


def git_top(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `.git` (a folder, or a file in worktrees).

    Found by looking, not by asking git: `lint` must not pay for git.
    """
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def check_pattern(pattern: object, where: str) -> str:
    """A configured glob that cannot leave the folder it starts from; else a PlanctlError naming `where`."""
    if not isinstance(pattern, str):
        raise PlanctlError(_("{where}: {pattern!r} is not a string; globs are strings like \"plans/**/*.yaml\"").format(
            where=where, pattern=pattern))
    problem = _pattern_problem(pattern)
    if problem:
        raise PlanctlError(_("{where}: glob {pattern!r} {problem}").format(where=where, pattern=pattern, problem=problem))
    return pattern


def _pattern_problem(pattern: str) -> str:
    if not pattern.strip():
        return _("is empty; write a glob relative to the folder of pyproject.toml, e.g. \"plans/**/*.yaml\"")
    if "\0" in pattern:
        return _("contains a NUL character")
    pure = PurePath(pattern)
    if pure.is_absolute() or pure.anchor or pattern.startswith(("/", "\\", "~")):
        return _("is absolute; planctl reads only files inside the repository, so globs are relative to "
                 "the folder of pyproject.toml")
    parts = pattern.replace("\\", "/").split("/")
    if ".." in parts:
        return _("goes up with '..'; planctl reads only files inside the repository")
    if ".git" in parts:
        return _("reaches into .git; planctl does not read git's own files (they can hold credentials)")
    bad = next((p for p in parts if "**" in p and p != "**"), None)
    if bad is not None:
        return _("is not a valid glob: '**' must be a whole path segment (got {bad!r})").format(bad=bad)
    return ""


@lru_cache(maxsize=8)
def _real_root(root: str) -> str:
    """A repository's root (an absolute path: the key must not depend on the working folder) with
    its links resolved: asked for every file a run reads (a glob of 128 plans resolved it 256
    times, half of the glob's time)."""
    return os.path.realpath(root)


def _parts_below(path: str, base: str) -> tuple[str, ...] | None:
    """Path(path).relative_to(base).parts, or None when `path` is not `base` or below it; both are
    absolute and normalised (abspath, realpath). On POSIX by comparing the strings: pathlib parsed
    each path again, half the time of a glob of the repository's plans (confine runs per file)."""
    if os.sep != "/" or os.altsep:  # Windows: pathlib's rules (either separator, any case)
        candidate = PurePath(path)
        return candidate.relative_to(base).parts if candidate.is_relative_to(base) else None
    if path == base:
        return ()
    prefix = base if base.endswith("/") else base + "/"
    return tuple(path[len(prefix):].split("/")) if path.startswith(prefix) else None


def inside(path: Path, root: Path, real: str | None = None) -> bool:
    """Whether `path`, with every link resolved (`real`, when the caller has it), lies in `root`
    (itself resolved)."""
    return _parts_below(real or os.path.realpath(path), _real_root(os.path.abspath(root))) is not None


def in_git_dir(path: Path, root: Path, real: str | None = None) -> bool:
    """Whether `path` lies inside a .git folder under `root`: lexically, or once links are resolved
    (`real`: `path` resolved, when the caller has it).

    .git/config can hold credentials (actions/checkout writes the job's token there), so no
    glob, link or path may make planctl read it and print it in a finding.
    """
    for candidate, base in ((os.path.abspath(path), os.path.abspath(root)),
                            (real or os.path.realpath(path), _real_root(os.path.abspath(root)))):
        parts = _parts_below(candidate, base)
        if parts is not None and ".git" in parts:
            return True
    return False


def realpath_sharing(path: str, folders: dict[str, str]) -> str:
    """os.path.realpath(path), with the folders above `path` resolved once for all the paths that
    share `folders` (a glob's matches share theirs: resolving each match from the root was half
    the time of confining a glob of the repository's plans); the last part takes one lstat."""
    head, name = os.path.split(path)
    if not os.path.isabs(path) or name in ("", ".", ".."):
        return os.path.realpath(path)
    real_head = folders.get(head)
    if real_head is None:
        real_head = folders[head] = realpath_sharing(head, folders)
    # What realpath does with each part: a link is followed (from the resolved folder), anything
    # else (a file, a folder, a missing name) is appended.
    candidate = os.path.join(real_head, name)
    return os.path.realpath(candidate) if os.path.islink(candidate) else candidate


def confine(path: Path, root: Path, prefix: str = "", shown: object = None, real: str | None = None) -> Path:
    """`path` when it resolves inside `root` and outside its .git; else a PlanctlError that says where it leads.
    `real`: `path` resolved (os.path.realpath), when the caller has it."""
    name = path if shown is None else shown
    real = real or os.path.realpath(path)  # once, for both checks
    if inside(path, root, real):
        if in_git_dir(path, root, real):
            raise PlanctlError(prefix + _("{name} is in or leads into a .git folder; planctl does not read git's own "
                                          "files (they can hold credentials)").format(name=name))
        return path
    target = Path(os.path.realpath(path))
    if target != Path(os.path.abspath(path)):
        raise PlanctlError(prefix + _("{name} resolves to {target}, outside the repository at {root}; planctl reads only "
                                      "files inside the repository it checks").format(name=name, target=target, root=root))
    raise PlanctlError(prefix + _("{name} is outside the repository at {root}; planctl reads only files inside the "
                                  "repository it checks").format(name=name, root=root))


class NotRegularFile(OSError):
    """A folder, a FIFO, a socket or a device where a file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a folder, a pipe or a device)", str(path))


class FileTooLarge(OSError):
    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, _("file is {size} bytes, over the limit of {limit}").format(
            size=number(size), limit=number(limit)), str(path))
        self.size, self.limit = size, limit


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; OSError for anything else.

    O_NONBLOCK: opening a FIFO without a writer, or a device, must not wait; the file type is
    checked on the opened descriptor, so a file swapped for a pipe after a check is refused too.
    O_BINARY (Windows only): without it Windows opens the file in text mode, turning CRLF into LF
    and ending the file at a Ctrl-Z byte, so lint would read other bytes than git holds.
    """
    flags = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_CLOEXEC", 0))
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path)
        if info.st_size > max_bytes:
            raise FileTooLarge(path, info.st_size, max_bytes)
        chunks, size = [], 0
        # The first read asks for what fstat says is there (and a byte more, to see a file that grew):
        # os.read makes a buffer of the size asked before it shrinks it to what it read.
        want = info.st_size + 1
        while size <= max_bytes:  # a file that grows while read still stops at the limit
            chunk = os.read(fd, min(max(want - size, 1 << 16), max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise FileTooLarge(path, size, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)
