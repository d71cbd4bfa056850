"""Settings from `[tool.planctl]` in the nearest pyproject.toml (or defaults)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import PlanctlError
from .model import Severity


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    plans: tuple[str, ...] = ("plans/**/*.yaml",)
    programmes: tuple[str, ...] = ("plans/national/*.yaml",)
    policies: tuple[str, ...] = ("rules/policy/*.yaml",)
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = 2 * 1024 * 1024
    source: Path | None = None  # the pyproject.toml the settings came from

    def glob(self, patterns: tuple[str, ...]) -> list[Path]:
        found: set[Path] = set()
        for pattern in patterns:
            if Path(pattern).is_absolute():  # Path.glob takes relative patterns only
                base, pattern = Path(Path(pattern).anchor), str(Path(pattern).relative_to(Path(pattern).anchor))
            else:
                base = self.root
            found.update(p for p in base.glob(pattern) if p.is_file())
        return sorted(found)


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def project_root(start: Path) -> Path:
    """Where default globs start: the nearest folder with a pyproject.toml or a .git, else `start`.

    So `planctl lint plan.yaml` run inside plans/tra-vinh/ still finds plans/national/.
    """
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return start


def load_config(start: Path | None = None) -> Config:
    """Read the nearest pyproject.toml's [tool.planctl]; paths in it are relative to its folder."""
    start = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(start)
    if pyproject is None:
        return Config(root=project_root(start))
    try:
        table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("planctl")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PlanctlError(f"{pyproject}: cannot read [tool.planctl]: {exc}") from None
    if table is None:
        return Config(root=project_root(start))
    known = {f.name.replace("_", "-") for f in fields(Config)} - {"root", "source"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise PlanctlError(f"{pyproject}: unknown setting(s) in [tool.planctl]: {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(known))})")
    values: dict = {"root": pyproject.parent, "source": pyproject}
    for key in ("plans", "programmes", "policies"):
        if key in table:
            value = table[key]
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise PlanctlError(f"{pyproject}: [tool.planctl] {key} must be a list of glob patterns")
            values[key] = tuple(value)
    if "fail-on" in table:
        try:
            values["fail_on"] = Severity.parse(str(table["fail-on"]))
        except ValueError as exc:
            raise PlanctlError(f"{pyproject}: [tool.planctl] fail-on: {exc}") from None
    if "max-file-bytes" in table:
        if not isinstance(table["max-file-bytes"], int) or table["max-file-bytes"] <= 0:
            raise PlanctlError(f"{pyproject}: [tool.planctl] max-file-bytes must be a positive integer")
        values["max_file_bytes"] = table["max-file-bytes"]
    return Config(**values)
