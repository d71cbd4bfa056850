"""Settings from `[tool.planctl]` in the repository's pyproject.toml, or from a planctl.toml (or defaults).

A repository without a Python project keeps the same keys at the top level of a planctl.toml
(what `planctl init` writes there). The nearest folder with either file counts; in one folder,
planctl.toml wins, and settings in both is an error rather than a silent choice.

The files are looked for from the working folder up to the top of the git repository, never
above it: a pyproject.toml in /tmp, $HOME or a parent checkout belongs to someone else, and its
globs could point planctl anywhere. Outside a git repository only the working folder counts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from .config_schema import check as check_schema
from .errors import PlanctlError
from .i18n import _
from .model import Severity
from .paths import check_pattern, confine, git_top, read_regular, realpath_sharing

GLOB_KEYS = ("plans", "programmes", "policies")
PLANCTL_TOML = "planctl.toml"
# Far above any real pyproject.toml; tomllib would read a multi-gigabyte file into memory.
MAX_PYPROJECT_BYTES = 8 * 1024 * 1024


class Config(NamedTuple):
    """The settings of a run: [tool.planctl] or planctl.toml, else the defaults."""

    # Where globs start and what every file planctl reads must resolve into.
    root: Path
    plans: tuple[str, ...] = ("plans/**/*.yaml",)
    programmes: tuple[str, ...] = ("plans/national/*.yaml",)
    policies: tuple[str, ...] = ("rules/policy/*.yaml",)
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = 2 * 1024 * 1024
    # (rule id, "off" or a severity) from [tool.planctl.rules]; applied by lint/filters.py.
    rules: tuple[tuple[str, str], ...] = ()
    lang: str | None = None  # the language of messages (planctl/i18n.py); --lang wins
    source: Path | None = None  # the pyproject.toml or planctl.toml the settings came from
    # False outside any repository (no pyproject.toml, no .git): then the paths given on the
    # command line are roots of their own.
    anchored: bool = True

    def glob(self, patterns: tuple[str, ...]) -> list[Path]:
        """The regular files the patterns match; a match that resolves outside the root is refused."""
        key = next((k for k in GLOB_KEYS if getattr(self, k) == patterns), "globs")
        where = f"{self.source}: {table_label(self.source)}{key}" if self.source else f"{key} (default {', '.join(patterns)})"
        found: set[Path] = set()
        folders: dict[str, str] = {}  # resolved once for all the matches (paths.realpath_sharing)
        for pattern in patterns:
            check_pattern(pattern, where)
            for path in self.root.glob(pattern):
                shown = path.relative_to(self.root)
                if ".git" in shown.parts:  # '**' walks into it too
                    continue
                confine(path, self.root, f"{where}: ", shown=shown, real=realpath_sharing(str(path), folders))
                if path.is_file():  # a folder named x.yaml, a FIFO: not a file to read
                    found.add(path)
        return sorted(found)


def _search_stop(start: Path) -> Path:
    return git_top(start) or start


def table_label(source: Path) -> str:
    """How messages name a key's table: '[tool.planctl] ' in pyproject.toml, nothing in planctl.toml."""
    return "" if source.name == PLANCTL_TOML else "[tool.planctl] "


def _present(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a folder or a broken link is an error, not absent


def find_pyproject(start: Path) -> Path | None:
    """The nearest planctl.toml or pyproject.toml from `start` up to the top of its git repository."""
    stop = _search_stop(start)
    for folder in (start, *start.parents):
        for name in (PLANCTL_TOML, "pyproject.toml"):
            if _present(folder / name):
                return folder / name
        if folder == stop:
            break
    return None


def project_root(start: Path) -> Path:
    """Where default globs start: the nearest folder with a pyproject.toml or a .git, else `start`.

    So `planctl lint plan.yaml` run inside plans/tra-vinh/ still finds plans/national/.
    """
    stop = _search_stop(start)
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / PLANCTL_TOML).is_file() or (folder / ".git").exists():
            return folder
        if folder == stop:
            break
    return start


def _read_table(pyproject: Path, stop: Path, whole: bool = False) -> object:
    """[tool] of a pyproject.toml, or (`whole`) every key of a planctl.toml."""
    confine(pyproject, stop)
    what = table_label(pyproject).strip() or "the settings"
    try:
        return _parsed(read_regular(pyproject, MAX_PYPROJECT_BYTES), whole)
    except OSError as exc:
        raise PlanctlError(_("{pyproject}: cannot read it: {reason}").format(
            pyproject=pyproject, reason=exc.strerror or exc)) from None
    except UnicodeDecodeError as exc:
        raise PlanctlError(_("{pyproject}: not UTF-8 text (byte {byte})").format(pyproject=pyproject, byte=exc.start)) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError (tomllib is imported only to parse)
        from .tomlsyntax import explain

        raise PlanctlError(_("{pyproject}: cannot read {what}: {problem}").format(
            pyproject=pyproject, what=what, problem=explain(str(exc)))) from None
    except RecursionError:
        raise PlanctlError(_("{pyproject}: cannot read {what}: arrays or tables nested too deeply").format(
            pyproject=pyproject, what=what)) from None


def _parsed(raw: bytes, whole: bool) -> object:
    """The TOML document in `raw` (`whole`), or its [tool] table; from the user's cache when these
    exact bytes were parsed before.

    Why: `import tomllib` compiles its regular expressions and imports datetime, 6–15 ms of every
    run (up to a tenth of a one-plan lint) for a file that seldom changes. The cache is
    planctl/diskcache.py: the user's own folder, JSON data, ignored when anything in it is
    unexpected; the key hashes the file's bytes, this module's code and the Python whose tomllib
    parsed it. A table read back is checked as a freshly parsed one is (config_schema); a file
    that does not parse is never cached, so its error is reported on every run.
    """
    from . import diskcache

    key = None
    if diskcache.cache_dir() is not None:
        key = diskcache.digest([("settings", raw), ("whole", str(whole).encode()), ("python", sys.version.encode()),
                                *diskcache.code_inputs(Path(__file__).resolve().parent, ("config.py",))]) + "-settings"
        cached = diskcache.read(key, _cached_table)
        if cached is not None:
            return cached
    import tomllib

    document = tomllib.loads(raw.decode("utf-8"))
    table = document if whole else document.get("tool", {})
    if key is not None and diskcache.plain(table):
        diskcache.write(key, table)
    return table


def _cached_table(value: object) -> dict:
    if not isinstance(value, dict):
        raise ValueError("not a table")
    return value


def _pyproject_table(pyproject: Path, stop: Path) -> object:
    """[tool.planctl] of a pyproject.toml, None when it has none."""
    tool = _read_table(pyproject, stop)
    if not isinstance(tool, dict):
        raise PlanctlError(_("{pyproject}: [tool] must be a table, not {type}").format(pyproject=pyproject,
                                                                                      type=type(tool).__name__))
    return tool.get("planctl")


def load_config(start: Path | None = None) -> Config:
    """Read the repository's planctl.toml or pyproject.toml's [tool.planctl]; paths in it are relative to its folder."""
    start = (start or Path.cwd()).resolve()
    anchored = git_top(start) is not None
    source = find_pyproject(start)
    if source is None:
        return Config(root=project_root(start), anchored=anchored)
    stop = _search_stop(start)
    if source.name == PLANCTL_TOML:
        table = _read_table(source, stop, whole=True)
        beside = source.with_name("pyproject.toml")
        if beside.is_file() and _pyproject_table(beside, stop) is not None:
            raise PlanctlError(_("{source}: {beside} beside it has [tool.planctl] too; keep the settings in one "
                                 "of the two files").format(source=source, beside=beside.name))
    else:
        table = _pyproject_table(source, stop)
        if table is None:
            return Config(root=project_root(start))
    if not isinstance(table, dict):
        raise PlanctlError(_("{pyproject}: [tool.planctl] must be a table, not {type}").format(
            pyproject=source, type=type(table).__name__))
    return Config(**_values(source, table))


def _values(pyproject: Path, table: dict) -> dict:
    label = table_label(pyproject)
    # Types, allowed values and unknown keys: the JSON Schema (schema/config.schema.json). Globs
    # leaving the repository: paths.check_pattern, which a schema cannot express.
    check_schema(table, str(pyproject), label.strip())
    values: dict = {"root": pyproject.parent, "source": pyproject}
    for key in GLOB_KEYS:
        if key in table:
            values[key] = tuple(check_pattern(v, f"{pyproject}: {label}{key}") for v in table[key])
    if "fail-on" in table:
        values["fail_on"] = Severity.parse(table["fail-on"])
    if "max-file-bytes" in table:
        values["max_file_bytes"] = table["max-file-bytes"]
    if "rules" in table:
        values["rules"] = tuple(sorted(table["rules"].items()))
    if "lang" in table:
        values["lang"] = table["lang"].strip().lower()
    return values
