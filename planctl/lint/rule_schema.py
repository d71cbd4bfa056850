"""The fact part of schema/rule.schema.json, generated from the fact registry so it cannot drift.

`python -m planctl.lint.rule_schema` rewrites the file; a test checks that it is current. Editors
then complete a rule's `fact`, its fields and its `check` values from the same declarations the
rule loader enforces.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .facts import FACT_KINDS

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "rule.schema.json"


def generate(schema: dict) -> dict:
    """`schema` with its fact enum and per-fact field names taken from the registry."""
    schema = json.loads(json.dumps(schema))
    schema["properties"]["fact"]["enum"] = sorted(FACT_KINDS)
    branches = []
    for name, kind in sorted(FACT_KINDS.items()):
        fields = {"propertyNames": {"enum": list(kind.fields)}}
        when: dict = dict(fields)
        if kind.checks:
            when["properties"] = {"check": {"enum": list(kind.checks)}}
        branches.append({"if": {"properties": {"fact": {"const": name}}},
                         "then": {"properties": {"when": when, "any": {"items": fields}}}})
    schema["allOf"] = branches
    return schema


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    SCHEMA.write_text(render(generate(json.loads(SCHEMA.read_text(encoding="utf-8")))), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA}\n")


if __name__ == "__main__":
    main()
