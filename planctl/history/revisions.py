"""Everything planctl asks git: the only module that imports GitPython.

Revisions are resolved with `git rev-parse`, changed files come from `git diff-tree --raw -M`
(rename detection, blob ids of both sides), histories from `git log --follow --raw`, and blobs
are read through GitPython's persistent `git cat-file --batch`; a log asks the sizes of all its
blobs in one `git cat-file --batch-check` and has git read them ahead in one `--batch`
(BlobStream). So a `planctl log` over hundreds of commits starts a few git processes, not hundreds.

The working tree is compared as a tree too: its files in scope are staged into a *temporary*
index and written as a tree object (what `git stash create` does, without touching the user's
index or refs). That way an untracked plan is an added plan and a plan moved with plain `mv`
is followed as a rename, exactly as after a commit.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import git

from ..errors import PlanctlError
from ..i18n import N_, _
from .tempindex import temporary_index

WORKTREE = "working tree"
# Shown through _() where they are used (N_ marks them for the catalog).
SHALLOW_HINT = N_("the repository is a shallow clone: fetch more history with `git fetch --unshallow` "
                  "(in GitHub Actions: `fetch-depth: 0` in actions/checkout)")
REGULAR_MODES = {"100644", "100755"}
NULL_SHA = "0" * 40
DELTA_BASE_CACHE = "16m"  # core.deltaBaseCacheLimit of the blob reader
# Between the fields of one commit header and before each commit in `git log` output.
FIELD, RECORD = "\x1f", "\x1e"


class Revision(NamedTuple):
    """One side of a comparison: a commit, or the working tree (commit is None)."""

    label: str  # as the user wrote it (or 'working tree', or 'merge base of A and B')
    commit: str | None

    @property
    def short(self) -> str:
        return self.commit[:10] if self.commit else WORKTREE


class FileChange(NamedTuple):
    """One changed path between two trees, as `git diff-tree --raw` reports it."""

    status: str  # A, D, M, R, T (letter only)
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None
    old_regular: bool = True  # a regular file (not a symlink or a submodule)
    new_regular: bool = True

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""


class Commit(NamedTuple):
    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str  # ISO 8601, author date
    subject: str


class PathCommit(NamedTuple):
    """A commit that changed a followed path, with the change it made to that path."""

    commit: Commit
    change: FileChange


# What git says when an object it needs is missing or unreadable (a deleted object file, a
# truncated pack): the repository is damaged, which no spelling of the revision fixes.
DAMAGE = re.compile(r"could not read|unable to read|does not match index|cannot be accessed|corrupt|"
                    r"bad object|missing (blob|tree|commit)|inflate|premature end|loose object", re.IGNORECASE)
FSCK_HINT = N_("`git fsck` lists the damage; a fresh clone (or `git fetch` of the lost objects) repairs it")


def _text(raw: bytes) -> str:
    return os.fsdecode(raw)


class GitFailed(PlanctlError):
    """A git command failed; `said` is git's own words (in git's language), quoted in the message."""

    def __init__(self, message: str, said: str) -> None:
        super().__init__(message)
        self.said = said


def _git_message(exc: git.GitCommandError) -> str:
    """git's own words, on one line (GitPython wraps stderr in "stderr: '...'")."""
    text = exc.stderr if isinstance(exc.stderr, str) else _text(exc.stderr or b"")
    text = text.strip().removeprefix("stderr:").strip().strip("'")
    lines = [line.strip().removeprefix("fatal: ").removeprefix("error: ") for line in text.splitlines()]
    # dict.fromkeys: a damaged pack makes git repeat the same error line once per lookup.
    return " ".join(dict.fromkeys(line for line in lines if line)) or f"exit status {exc.status}"


def _git_process(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    """`git ARGS...` of planctl's own, its input and output piped, started with the git GitPython
    runs and as GitPython starts its own (git.cmd.safer_popen): on Windows a plain Popen looks for
    `git.exe` in the current folder first, which is the repository being linted, so a pull
    request could put a program of its own there."""
    return git.cmd.safer_popen([git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git", *args], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)


class BlobStream:
    """Blobs read ahead by one `git cat-file --batch`, in the order the caller will ask for them:
    a thread writes their ids to git's input, so git inflates the next blob while planctl
    compares the last (at most a pipe's worth ahead: memory stays flat), and no blob costs a round
    trip. `planctl log` reads a blob per commit this way: 0.4 ms each asked one at a time, of which
    git's own work is 0.3 ms, now done on the other core.

    take(sha) gives the next planned blob's bytes when it is `sha`, after passing over planned blobs
    that were not asked for (a few at most); None when `sha` is not among the next ones, and for
    good once anything is not as expected (a missing object, git gone): the caller then reads the
    blob itself, which says what is wrong. Only blobs whose size was checked belong in the plan."""

    LOOKAHEAD = 4

    def __init__(self, root: Path, shas: list[str]) -> None:
        self.planned = deque(shas)
        self.process: subprocess.Popen[bytes] | None = None
        if not shas:
            return
        try:
            self.process = _git_process("-c", f"core.deltaBaseCacheLimit={DELTA_BASE_CACHE}", "cat-file", "--batch",
                                        cwd=root)
        except OSError:
            return
        threading.Thread(target=self._write, args=(self.process, list(shas)), daemon=True).start()

    @staticmethod
    def _write(process: subprocess.Popen[bytes], shas: list[str]) -> None:
        assert process.stdin is not None
        try:
            for sha in shas:
                process.stdin.write(f"{sha}\n".encode("ascii"))
            process.stdin.close()
        except (OSError, ValueError):  # git has gone, or the stream was closed: take() says so
            pass

    def take(self, sha: str) -> bytes | None:
        process = self.process
        if process is None or sha not in itertools.islice(self.planned, self.LOOKAHEAD):
            return None
        assert process.stdout is not None
        try:
            while self.planned:
                planned = self.planned.popleft()
                name, kind, size = process.stdout.readline().decode("ascii").split()  # "<sha> blob <size>"
                if name != planned or kind != "blob":
                    raise ValueError(f"git answered {name} {kind} for {planned}")
                data = process.stdout.read(int(size))
                if len(data) != int(size) or process.stdout.read(1) != b"\n":
                    raise ValueError("a blob cut short")
                if planned == sha:
                    return data
        except (OSError, ValueError, UnicodeDecodeError):
            self.close()
        return None

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    try:
                        pipe.close()
                    except OSError:
                        pass


class Repository:
    """A git repository opened from a folder inside its working tree."""

    def __init__(self, start: Path) -> None:
        try:
            self.repo = git.Repo(start, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise PlanctlError(_("{start} is not inside a git repository: planctl diff and log compare plans across "
                                 "git revisions (run them in a clone of the plans repository)").format(start=start)) \
                from None
        except git.GitCommandNotFound:
            raise PlanctlError(_("git is not installed or not on PATH: planctl diff and log need it")) from None
        if self.repo.working_tree_dir is None:
            self.close()
            raise PlanctlError(_("{start} is a bare repository: run planctl in a clone with a working tree").format(
                start=start))
        self.root = Path(self.repo.working_tree_dir).resolve()
        # What each revision spec named (a commit, or None), asked of git once per run: the
        # arguments are told from paths by resolving them, and then resolved as the revisions.
        self._resolved: dict[str, Revision | None] = {}
        self._streams: list[BlobStream] = []
        # The persistent `git cat-file --batch` that reads the blobs keeps the bases of the deltas
        # it resolved, up to 96 MB by default: reading every revision of a plan, newest first, it
        # grew with the number of commits (87 MB for 1,000). 16 MB holds ~500 bases of a 29 KB
        # plan and reads as fast (measured: the same CPU), so memory stays flat.
        self.repo.git.set_persistent_git_options(c=f"core.deltaBaseCacheLimit={DELTA_BASE_CACHE}")
        try:  # git itself may refuse the repository (e.g. 'dubious ownership'): say so now
            self._run("rev-parse", "--git-dir")
        except GitFailed as exc:
            self.close()
            raise PlanctlError(str(exc)) from None

    def close(self) -> None:
        for stream in self._streams:
            stream.close()
        self.repo.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------------
    def _run(self, *args: str, env: dict[str, str] | None = None) -> bytes:
        try:
            return self.repo.git.execute(["git", *args], stdout_as_string=False, env=env,
                                         strip_newline_in_stdout=False)
        except git.GitCommandNotFound:
            raise PlanctlError(_("git is not installed or not on PATH: planctl diff and log need it")) from None
        except git.GitCommandError as exc:
            said = _git_message(exc)
            message = _("git {command} failed (git says: {said})").format(command=args[0], said=said)
            if DAMAGE.search(said):
                message += " — " + _("the repository is damaged (a missing or corrupt git object): {hint}").format(
                    hint=_(FSCK_HINT))
            raise GitFailed(message, said) from None

    def is_shallow(self) -> bool:
        return self._run("rev-parse", "--is-shallow-repository").strip() == b"true"

    def shallow_boundary(self) -> frozenset[str]:
        """Commits of a shallow clone whose parents were not fetched."""
        path = Path(_text(self._run("rev-parse", "--path-format=absolute", "--git-path", "shallow")).strip())
        try:
            return frozenset(path.read_text(encoding="ascii").split())
        except OSError:  # not shallow
            return frozenset()

    def relative(self, path: Path) -> str:
        """A path given on the command line, as a path from the repository's root (POSIX)."""
        absolute = Path(os.path.abspath(path))
        try:
            rel = absolute.relative_to(self.root)
        except ValueError:
            # A checkout reached through a symbolic link: compare resolved paths.
            try:
                rel = absolute.resolve().relative_to(self.root)
            except ValueError:
                raise PlanctlError(_("{path} is outside the repository at {root}").format(path=path, root=self.root)) \
                    from None
        return PurePosixPath(*rel.parts).as_posix() if rel.parts else ""

    # -- revisions ---------------------------------------------------------------------------
    def resolve(self, spec: str) -> Revision | None:
        """The commit `spec` names, or None when it names none."""
        if spec not in self._resolved:
            try:
                sha = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}")
            except GitFailed:
                self._resolved[spec] = None
            else:
                self._resolved[spec] = Revision(spec, _text(sha).strip())
        return self._resolved[spec]

    def check_readable(self, spec: str) -> None:
        """Raise a clear error when `spec` does not resolve because git cannot read an object
        (`resolve` asks with --quiet, which hides that); otherwise say nothing."""
        try:
            self._run("rev-parse", "--verify", "--end-of-options", f"{spec}^{{commit}}")
        except GitFailed as exc:
            if DAMAGE.search(exc.said):
                raise PlanctlError(_("cannot read revision {spec!r}: the repository is damaged (a missing or corrupt "
                                     "git object; git says: {said}): {hint}").format(
                                         spec=spec, said=exc.said, hint=_(FSCK_HINT))) from None

    def revision(self, spec: str) -> Revision:
        """The commit `spec` names; a clear error when it names none."""
        found = self.resolve(spec)
        if found is not None:
            return found
        self.check_readable(spec)
        if spec == "HEAD" and self.resolve("HEAD") is None:
            raise PlanctlError(_("the repository has no commit yet: commit the plans first, "
                                 "or compare two revisions that exist"))
        if self.is_shallow():
            raise PlanctlError(_("unknown revision {spec!r}; {hint}").format(spec=spec, hint=_(SHALLOW_HINT)))
        raise PlanctlError(_("unknown revision {spec!r} (check the spelling; a remote branch is written origin/NAME "
                             "and needs `git fetch` first)").format(spec=spec))

    def merge_base(self, a: Revision, b: Revision) -> Revision:
        try:
            sha = _text(self._run("merge-base", a.commit or "HEAD", b.commit or "HEAD")).strip()
        except GitFailed:
            sha = ""
        if not sha:
            if self.is_shallow():
                raise PlanctlError(_("no merge base of {a} and {b} in the fetched history; {hint}").format(
                    a=a.label, b=b.label, hint=_(SHALLOW_HINT)))
            raise PlanctlError(_("{a} and {b} have no common ancestor: compare them with "
                                 "`planctl diff {a} {b}` instead of '...'").format(a=a.label, b=b.label))
        return Revision(f"merge base of {a.label} and {b.label}", sha)  # translated where shown (rows.label)

    # -- trees and changes -------------------------------------------------------------------
    def worktree_tree(self, pathspecs: list[str]) -> str:
        """The id of a tree object holding the working tree's files in scope (staged or not)."""
        index = Path(_text(self._run("rev-parse", "--path-format=absolute", "--git-path", "index")).strip())
        try:
            with temporary_index(index.parent) as temporary:
                return self._snapshot(index, temporary, pathspecs)
        except OSError as exc:
            raise PlanctlError(_("cannot read the working tree: cannot write a temporary index in {folder} "
                                 "({reason}); compare two commits instead (planctl diff A B)").format(
                                     folder=index.parent, reason=exc.strerror)) from None

    def _snapshot(self, index: Path, temporary: Path, pathspecs: list[str]) -> str:
        env = {"GIT_INDEX_FILE": str(temporary)}
        try:
            if index.is_file():
                # With its modification time: git trusts a file's cached stat data only when the
                # file is older than the index, so a fresh copy would hide an edit made in the
                # second after the last `git add` or checkout ('racy git').
                shutil.copy2(index, temporary)
            else:
                os.unlink(temporary)
                self._run("read-tree", "--empty", env=env)
            listed = self._run("ls-files", "-z", "--modified", "--others", "--deleted", "--exclude-standard",
                               "--", *pathspecs, env=env)
            paths = sorted({_text(p) for p in listed.split(b"\0") if p})
            if paths:
                self._run("update-index", "--add", "--remove", "--", *paths, env=env)
            return _text(self._run("write-tree", env=env)).strip()
        except (GitFailed, OSError) as exc:
            raise PlanctlError(_("cannot read the working tree: {problem}; compare two commits instead "
                                 "(planctl diff A B)").format(problem=exc)) from None

    def has_path(self, revision: Revision, path: str) -> bool:
        """Whether a file or folder (a path from the root) exists at a revision or in the working tree."""
        if not path:
            return True
        if revision.commit is None:
            return os.path.lexists(self.root / path)
        listed = self._run("ls-tree", "--name-only", revision.commit, "--", path, env={"GIT_LITERAL_PATHSPECS": "1"})
        return bool(listed.strip())

    def changes(self, old: Revision, new: Revision, pathspecs: list[str]) -> list[FileChange]:
        """Changed files between two revisions (the working tree is snapshotted first)."""
        old_tree = old.commit or self.worktree_tree(pathspecs)
        new_tree = new.commit or self.worktree_tree(pathspecs)
        raw = self._run("diff-tree", "-r", "-M", "--raw", "--no-abbrev", "-z", old_tree, new_tree,
                        "--", *pathspecs)
        return parse_raw(raw.split(b"\0"))

    def read_blob(self, sha: str, path: str = "", revision: str = "") -> bytes:
        """A blob's bytes; a missing or corrupt object is an error naming the file and revision."""
        try:
            return self.repo.odb.stream(bytes.fromhex(sha)).read()
        except (ValueError, OSError, git.GitError) as exc:  # GitPython: 'SHA ... could not be resolved'
            raise self._unreadable(sha, path, revision, exc) from None

    def blob_sizes(self, shas: Iterable[str | None]) -> dict[str, int]:
        """The sizes of these blobs, asked of git in one process (`git cat-file --batch-check`, the
        ids on its input). blob_size asks for one at a time, a round trip to git's reader each:
        ~0.2 ms, nearly all of it waiting (a tenth of `planctl log`'s time per commit; the sizes of
        1,800 blobs in one process take 27 ms). What git cannot find or read is left out, to be
        asked alone, which says what is wrong."""
        wanted = sorted({sha for sha in shas if sha and sha != NULL_SHA})
        if not wanted:
            return {}
        try:
            with _git_process("cat-file", "--batch-check", cwd=self.root) as process:
                out, _err = process.communicate("".join(f"{sha}\n" for sha in wanted).encode("ascii"))
        except OSError:
            return {}
        sizes = {}
        for line in out.decode("ascii", "replace").splitlines():
            sha, kind, size = (line.split(" ") + ["", ""])[:3]
            if kind == "blob" and size.isdigit():
                sizes[sha] = int(size)
        return sizes

    def blob_stream(self, shas: list[str]) -> BlobStream:
        """These blobs read ahead, in this order (BlobStream); closed with the repository."""
        stream = BlobStream(self.root, shas)
        self._streams.append(stream)
        return stream

    def blob_size(self, sha: str, path: str = "", revision: str = "") -> int:
        try:
            return self.repo.odb.info(bytes.fromhex(sha)).size
        except (ValueError, OSError, git.GitError) as exc:
            raise self._unreadable(sha, path, revision, exc) from None

    def _unreadable(self, sha: str, path: str, revision: str, exc: Exception) -> PlanctlError:
        where = path or _("a file")
        if revision:
            where = _("{path} at {revision}").format(path=where, revision=revision)
        # GitPython's own words only repeat the id ("SHA b'…' could not be resolved, … missing").
        del exc
        return PlanctlError(_("cannot read {where}: git object {sha} is missing or corrupt; {hint}").format(
            where=where, sha=sha, hint=_(FSCK_HINT)))

    # -- history -----------------------------------------------------------------------------
    def path_history(self, start: Revision, path: str, max_count: int | None = None) -> list[PathCommit]:
        """Commits reachable from `start` that changed `path`, newest first, following renames.

        Merge commits are left out: the commits merged in are listed themselves, and comparing a
        merge with its first parent would count their changes twice.
        """
        header = FIELD.join(("%H", "%P", "%an", "%ae", "%aI", "%s"))
        args = ["log", "--follow", "--no-merges", "--raw", "--no-abbrev", "-z", f"--format={RECORD}{header}"]
        if max_count:
            args.append(f"--max-count={max_count}")
        raw = self._run(*args, start.commit or "HEAD", "--", path)
        history = []
        for record in raw.split(RECORD.encode())[1:]:
            head, _, rest = record.partition(b"\0")
            sha, parents, author, email, date, subject = _text(head).split(FIELD, 5)
            changes = parse_raw(rest.lstrip(b"\n").split(b"\0"))
            if not changes:
                continue
            commit = Commit(sha, tuple(parents.split()), author, email, date, subject)
            history.append(PathCommit(commit, changes[0]))
        return history


def parse_raw(tokens: list[bytes]) -> list[FileChange]:
    """`--raw -z` output: ':old_mode new_mode old_sha new_sha STATUS' NUL path [NUL path] NUL ..."""
    changes, i = [], 0
    while i < len(tokens):
        token = tokens[i].strip()
        if not token.startswith(b":"):
            i += 1
            continue
        old_mode, new_mode, old_sha, new_sha, status = _text(token[1:]).split()
        letter = status[0]
        old_path: str | None
        if letter in "RC":
            old_path, new_path, i = _text(tokens[i + 1]), _text(tokens[i + 2]), i + 3
        else:
            old_path = new_path = _text(tokens[i + 1])
            i += 2
        if letter == "C":  # a copy leaves the original in place: for planctl it is an added file
            letter, old_path, old_sha = "A", None, NULL_SHA
        changes.append(FileChange(
            letter,
            None if old_sha == NULL_SHA else old_path,
            None if new_sha == NULL_SHA else new_path,
            None if old_sha == NULL_SHA else old_sha,
            None if new_sha == NULL_SHA else new_sha,
            old_mode in REGULAR_MODES, new_mode in REGULAR_MODES))
    return changes
