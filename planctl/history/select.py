"""From command-line arguments to what to compare: two revisions and the paths in scope.

Arguments are read the way `git diff` reads them: up to two revisions (`A`, `A B`, `A..B`,
`A...B`), then paths; `--` ends the revisions, and an argument that is both a revision and a
file is ambiguous until `--` says which. Without paths, the scope is the `plans` globs of
[tool.planctl], so files that are not plans are never read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..config import Config
from ..errors import PlanctlError
from ..i18n import _
from .revisions import SHALLOW_HINT, WORKTREE, Repository, Revision

WORKTREE_REVISION = Revision(WORKTREE, None)


class Selection(NamedTuple):
    old: Revision
    new: Revision
    title: str  # what is compared, e.g. 'main...HEAD' or 'HEAD → working tree'
    spec: str = ""  # the revisions as given on the command line ('' for none)


class Scope(NamedTuple):
    pathspecs: tuple[str, ...]  # for git, from the repository's root
    named: frozenset[str]  # files named on the command line (repository paths)
    plan_patterns: tuple[re.Pattern, ...]  # the configured plan globs, from the repository's root

    def is_named(self, path: str | None) -> bool:
        return path is not None and path in self.named

    def in_plan_globs(self, path: str | None) -> bool:
        return path is not None and any(p.fullmatch(path) for p in self.plan_patterns)


GLOB_CHARS = set("*?[")


def _segment_regex(part: str) -> str:
    out, j = [], 0
    while j < len(part):
        c = part[j]
        close = part.find("]", j + 2) if c == "[" else -1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif close != -1:  # a character class, [!...] negated as in fnmatch
            body = part[j + 1:close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            j = close
        else:
            out.append(re.escape(c))
        j += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern:
    """A [tool.planctl] glob as Path.glob reads it: '**' spans folders, '*' stays in one."""
    parts = pattern.split("/")
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
        else:
            out.append(_segment_regex(part) + ("" if last else "/"))
    return re.compile("".join(out))


def _base(repo: Repository, config: Config) -> Path:
    """What relative plan globs start from: the folder of the repository's pyproject.toml with
    [tool.planctl]; without one, the repository's root (like git diff, not the current folder)."""
    if config.source is not None and config.root.resolve().is_relative_to(repo.root):
        return config.root
    return repo.root


def _relative_pattern(repo: Repository, config: Config, pattern: str) -> str | None:
    """A configured glob as a glob from the repository's root (None when it lies outside)."""
    parts = (Path(pattern) if Path(pattern).is_absolute() else _base(repo, config) / pattern).parts
    literal = next((i for i, part in enumerate(parts) if GLOB_CHARS & set(part)), len(parts))
    try:
        prefix = Path(*parts[:literal]).resolve().relative_to(repo.root)
    except ValueError:
        return None
    return "/".join([*prefix.parts, *parts[literal:]])


def scope(repo: Repository, config: Config, paths: list[str], cwd: Path) -> Scope:
    patterns = [p for p in (_relative_pattern(repo, config, g) for g in config.plans) if p]
    regexes = tuple(glob_regex(p) for p in patterns)
    if not paths:
        return Scope(tuple(f":(top,glob){p}" for p in patterns), frozenset(), regexes)
    pathspecs, named = [], set()
    for path in paths:
        rel = repo.relative(cwd / path)
        pathspecs.append(f":(top,literal){rel}" if rel else ":(top)")
        if not (cwd / path).is_dir():
            named.add(rel)
    return Scope(tuple(pathspecs), frozenset(named), regexes)


def check_paths(repo: Repository, selection: Selection, paths: list[str], cwd: Path) -> None:
    """A path that names nothing on either side is a typo, not a plan without changes."""
    for path in paths:
        rel = repo.relative(cwd / path)
        if not any(repo.has_path(side, rel) for side in (selection.old, selection.new)):
            raise PlanctlError(_("{path}: no such file or folder at {old} or at {new}: nothing was compared (check "
                                 "the spelling)").format(path=path, old=selection.old.label, new=selection.new.label))


def _split_range(arg: str) -> tuple[str, str, str] | None:
    """(A, operator, B) of 'A..B' or 'A...B' (an empty side is HEAD), else None."""
    for operator in ("...", ".."):
        if operator in arg:
            left, right = arg.split(operator, 1)
            return left or "HEAD", operator, right or "HEAD"
    return None


def _is_revision(repo: Repository, arg: str) -> bool:
    parts = _split_range(arg)
    if parts is not None:
        return repo.resolve(parts[0]) is not None and repo.resolve(parts[2]) is not None
    return repo.resolve(arg) is not None


def split_arguments(repo: Repository, args: list[str], after_dashdash: list[str] | None,
                    cwd: Path) -> tuple[list[str], list[str]]:
    """(revisions, paths) as git reads them."""
    if after_dashdash is not None:
        return list(args), list(after_dashdash)
    revisions: list[str] = []
    paths: list[str] = []
    for arg in args:
        takes_revision = not paths and len(revisions) < 2 and not (revisions and _split_range(revisions[0]))
        exists = (cwd / arg).exists()
        if takes_revision and _is_revision(repo, arg):
            if exists:
                raise PlanctlError(_("{quoted} is both a revision and a file: put '--' before the paths "
                                     "(planctl diff {arg} -- PATH...) or after the revisions").format(
                                         quoted=repr(arg), arg=arg))
            revisions.append(arg)
        elif exists:
            paths.append(arg)
        elif takes_revision and (parts := _split_range(arg)):
            repo.revision(next((p for p in (parts[0], parts[2]) if repo.resolve(p) is None), arg))  # raises
        elif not takes_revision and _is_revision(repo, arg):
            raise PlanctlError(_("too many revisions: {revisions} (give REV, A B, A..B or A...B)").format(
                revisions=" ".join([*revisions, arg])))
        else:
            repo.check_readable(arg)  # a damaged repository is said as such, not as a misspelling
            message = _("unknown revision or path not in the working tree: {arg!r}. A revision: check the "
                        "spelling; a remote branch is written origin/NAME and needs `git fetch` first. A plan "
                        "deleted since a revision: name it after '--' (planctl diff REV -- {arg}).").format(arg=arg)
            if repo.is_shallow():
                message += " " + _("Also: {hint}.").format(hint=_(SHALLOW_HINT))
            raise PlanctlError(message)
    return revisions, paths


def select(repo: Repository, revisions: list[str]) -> Selection:
    selection = _select(repo, revisions)
    return Selection(selection.old, selection.new, selection.title, " ".join(revisions))


def _select(repo: Repository, revisions: list[str]) -> Selection:
    if len(revisions) > 2 or (len(revisions) == 2 and any(_split_range(r) for r in revisions)):
        raise PlanctlError(_("too many revisions: {revisions} (give REV, A B, A..B or A...B)").format(
            revisions=" ".join(revisions)))
    if not revisions:
        return Selection(repo.revision("HEAD"), WORKTREE_REVISION, f"HEAD → {WORKTREE}")
    if len(revisions) == 2:
        a, b = revisions
        return Selection(repo.revision(a), repo.revision(b), f"{a} → {b}")
    parts = _split_range(revisions[0])
    if parts is None:
        return Selection(repo.revision(revisions[0]), WORKTREE_REVISION, f"{revisions[0]} → {WORKTREE}")
    left, operator, right = parts
    old, new = repo.revision(left), repo.revision(right)
    if operator == "...":
        return Selection(repo.merge_base(old, new), new, revisions[0])
    return Selection(old, new, revisions[0])
