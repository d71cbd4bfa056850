"""Settings from `[tool.planctl]` in the repository's pyproject.toml (or defaults).

The pyproject.toml is looked for from the working folder up to the top of the git repository,
never above it: a pyproject.toml in /tmp, $HOME or a parent checkout belongs to someone else,
and its globs could point planctl anywhere. Outside a git repository only the working folder
counts.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import PlanctlError
from .i18n import _
from .model import Severity
from .paths import check_pattern, confine, git_top, read_regular

GLOB_KEYS = ("plans", "programmes", "policies")
# Far above any real pyproject.toml; tomllib would read a multi-gigabyte file into memory.
MAX_PYPROJECT_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    # Where globs start and what every file planctl reads must resolve into.
    root: Path = field(default_factory=Path.cwd)
    plans: tuple[str, ...] = ("plans/**/*.yaml",)
    programmes: tuple[str, ...] = ("plans/national/*.yaml",)
    policies: tuple[str, ...] = ("rules/policy/*.yaml",)
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = 2 * 1024 * 1024
    lang: str | None = None  # the language of messages (planctl/i18n.py); --lang wins
    source: Path | None = None  # the pyproject.toml the settings came from
    # False outside any repository (no pyproject.toml, no .git): then the paths given on the
    # command line are roots of their own.
    anchored: bool = True

    def glob(self, patterns: tuple[str, ...]) -> list[Path]:
        """The regular files the patterns match; a match that resolves outside the root is refused."""
        key = next((k for k in GLOB_KEYS if getattr(self, k) == patterns), "globs")
        where = f"{self.source}: [tool.planctl] {key}" if self.source else f"{key} (default {', '.join(patterns)})"
        found: set[Path] = set()
        for pattern in patterns:
            check_pattern(pattern, where)
            for path in self.root.glob(pattern):
                if ".git" in path.relative_to(self.root).parts:  # '**' walks into it too
                    continue
                confine(path, self.root, f"{where}: ", shown=path.relative_to(self.root))
                if path.is_file():  # a folder named x.yaml, a FIFO: not a file to read
                    found.add(path)
        return sorted(found)


def _search_stop(start: Path) -> Path:
    return git_top(start) or start


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml from `start` up to the top of its git repository."""
    stop = _search_stop(start)
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.exists() or candidate.is_symlink():  # a folder or a broken link is an error, not absent
            return candidate
        if folder == stop:
            break
    return None


def project_root(start: Path) -> Path:
    """Where default globs start: the nearest folder with a pyproject.toml or a .git, else `start`.

    So `planctl lint plan.yaml` run inside plans/tra-vinh/ still finds plans/national/.
    """
    stop = _search_stop(start)
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
        if folder == stop:
            break
    return start


def _read_table(pyproject: Path, stop: Path) -> object:
    confine(pyproject, stop)
    try:
        text = read_regular(pyproject, MAX_PYPROJECT_BYTES).decode("utf-8")
        return tomllib.loads(text).get("tool", {})
    except OSError as exc:
        raise PlanctlError(f"{pyproject}: cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise PlanctlError(f"{pyproject}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanctlError(f"{pyproject}: cannot read [tool.planctl]: {exc}") from None
    except RecursionError:
        raise PlanctlError(f"{pyproject}: cannot read [tool.planctl]: arrays or tables nested too deeply") from None


def load_config(start: Path | None = None) -> Config:
    """Read the repository's pyproject.toml's [tool.planctl]; paths in it are relative to its folder."""
    start = (start or Path.cwd()).resolve()
    anchored = git_top(start) is not None
    pyproject = find_pyproject(start)
    if pyproject is None:
        return Config(root=project_root(start), anchored=anchored)
    tool = _read_table(pyproject, _search_stop(start))
    if not isinstance(tool, dict):
        raise PlanctlError(f"{pyproject}: [tool] must be a table, not {type(tool).__name__}")
    table = tool.get("planctl")
    if table is None:
        return Config(root=project_root(start))
    if not isinstance(table, dict):
        raise PlanctlError(f"{pyproject}: [tool.planctl] must be a table, not {type(table).__name__}")
    return Config(**_values(pyproject, table))


def _values(pyproject: Path, table: dict) -> dict:
    known = {f.name.replace("_", "-") for f in fields(Config)} - {"root", "source", "anchored"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise PlanctlError(f"{pyproject}: unknown setting(s) in [tool.planctl]: {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(known))})")
    values: dict = {"root": pyproject.parent, "source": pyproject}
    for key in GLOB_KEYS:
        if key in table:
            value = table[key]
            if not isinstance(value, list):
                raise PlanctlError(f"{pyproject}: [tool.planctl] {key} must be a list of glob patterns")
            values[key] = tuple(check_pattern(v, f"{pyproject}: [tool.planctl] {key}") for v in value)
    if "fail-on" in table:
        try:
            values["fail_on"] = Severity.parse(str(table["fail-on"]))
        except PlanctlError as exc:
            raise PlanctlError(f"{pyproject}: [tool.planctl] fail-on: {exc}") from None
    if "max-file-bytes" in table:
        limit = table["max-file-bytes"]
        # bool is an int in Python: `true` would be a limit of 1 byte.
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise PlanctlError(f"{pyproject}: [tool.planctl] max-file-bytes must be a positive integer "
                               f"(got {json.dumps(limit, default=str)})")
        values["max_file_bytes"] = limit
    if "lang" in table:
        from .i18n import LANGUAGES, parse_language

        lang = table["lang"]
        if not isinstance(lang, str) or parse_language(lang) != lang.strip().lower():
            raise PlanctlError(_("{pyproject}: [tool.planctl] lang must be one of {languages} (got {value})").format(
                pyproject=pyproject, languages=", ".join(f'"{code}"' for code in LANGUAGES),
                value=json.dumps(lang, default=str, ensure_ascii=False)))
        values["lang"] = lang.strip().lower()
    return values
