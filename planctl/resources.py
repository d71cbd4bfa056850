"""Where the shipped schemas, rules, national programmes and CI template are: beside the package in a
checkout, inside it when installed (planctl/data holds links to them, which the wheel turns into copies)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# The schemas a plans repository keeps a copy of (`planctl init`), for the modelines of its files.
EDITOR_SCHEMAS = ("plan", "programme", "policy")


def schema_path(kind: str) -> Path:
    return DATA / "schema" / f"{kind}.schema.json"


def schema_kinds() -> list[str]:
    """Every schema planctl ships, by name (plan, programme, ... lint-result)."""
    return sorted(p.name.removesuffix(".schema.json") for p in (DATA / "schema").glob("*.schema.json"))


def rules_dir() -> Path:
    return DATA / "rules"


def programmes_dir() -> Path:
    """The national programmes (QĐ 1755, QĐ 1605): what a plans repository without its own uses."""
    return DATA / "national"


def workflow_template() -> Path:
    """The GitHub Actions workflow for a plans repository (.github/workflows/planctl.yml of planctl)."""
    return DATA / "planctl-workflow.yml"
