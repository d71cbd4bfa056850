"""Where the shipped schemas and rules are: beside the package in a checkout, inside it when installed."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def schema_path(kind: str) -> Path:
    return DATA / "schema" / f"{kind}.schema.json"


def rules_dir() -> Path:
    return DATA / "rules"
