"""[tool.planctl] against its JSON Schema (schema/config.schema.json), with messages naming the key.

The schema is the one description of the settings: editors and `planctl schema config` show it,
and this module enforces it. What a schema cannot say stays in code: that globs stay inside the
repository (paths.check_pattern, when the settings are read) and that a rule named under `rules`
exists (lint/filters.check_rule_settings, when a lint needs the catalogue).

The schema is applied by a small interpreter of the keywords it uses (KEYWORDS), not by
jsonschema: `planctl diff` reads the settings too and must not pay ~100 ms to import jsonschema
(tests/history/test_diff.py). tests/test_config_schema.py checks that the schema uses no other
keyword and that this gives the same errors as jsonschema on generated settings.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any, NamedTuple

from .errors import PlanctlError
from .i18n import N_, _
from .resources import schema_path

TABLE = "[tool.planctl]"
_TYPES = {"array": N_("a list"), "object": N_("a table"), "string": N_("a string"), "integer": N_("an integer"),
          "boolean": N_("true or false"), "number": N_("a number")}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_SHOWN = 80  # characters of a wrong value quoted in a message


@cache
def config_schema() -> dict:
    return json.loads(schema_path("config").read_text(encoding="utf-8"))


def known_settings() -> list[str]:
    return sorted(config_schema()["properties"])


# Validation keywords the interpreter applies; annotations it ignores. Anything else in the
# schema is refused by the tests, so the schema cannot say more than planctl enforces.
KEYWORDS = {"type", "enum", "minimum", "minLength", "items", "properties", "additionalProperties",
            "propertyNames", "pattern", "$ref"}
ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "default", "examples", "$comment"}


class SchemaError(NamedTuple):
    """One failed keyword, shaped like jsonschema's ValidationError (the parts messages use)."""

    validator: str
    instance: Any
    schema: dict
    absolute_path: list


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    expected = {"string": str, "array": list, "object": dict, "boolean": bool}[kind]
    return isinstance(value, expected)


def errors(value: Any, schema: dict, root: dict, path: tuple = ()) -> list[SchemaError]:
    """Every way `value` breaks `schema`, as JSON Schema 2020-12 defines these keywords."""
    if "$ref" in schema:  # only local references to $defs are used
        schema = {**root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
    found: list[SchemaError] = []

    def fail(keyword: str, instance: Any = value) -> None:
        found.append(SchemaError(keyword, instance, schema, list(path)))

    if "type" in schema and not _type_ok(schema["type"], value):
        fail("type")
        return found  # the other keywords of a schema apply to values of its type
    if "enum" in schema and not any(_same(value, option) for option in schema["enum"]):
        fail("enum")
    if "minimum" in schema and _type_ok("number", value) and value < schema["minimum"]:
        fail("minimum")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            fail("minLength")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            fail("pattern")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(item, schema["items"], root, (*path, i))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], root, (*path, key))
            elif isinstance(schema.get("additionalProperties"), dict):
                found += errors(item, schema["additionalProperties"], root, (*path, key))
        if schema.get("additionalProperties") is False and set(value) - set(properties):
            fail("additionalProperties")
        if "propertyNames" in schema:
            for key in value:
                for error in errors(key, schema["propertyNames"], root):
                    found.append(SchemaError(error.validator, key, error.schema, list(path)))
    return found


def _same(value: Any, option: Any) -> bool:
    """JSON equality: true is not 1."""
    return type(value) is type(option) and value == option


def check(table: dict, where: str, name: str = TABLE) -> None:
    """Raise a PlanctlError listing every way `table` breaks the schema, `where` (the file) first.

    `name`: how messages name the table, "[tool.planctl]" in a pyproject.toml, "" in a
    planctl.toml, whose keys are at the top level.
    """
    schema = config_schema()
    problems = sorted(errors(table, schema, schema), key=lambda e: [str(p) for p in e.absolute_path])
    if problems:
        raise PlanctlError(f"{where}: " + "; ".join(_message(e, schema, name) for e in problems[:5]))


def key_path(path: list) -> str:
    """A key as TOML writes it: rules."periods.missing-schedule", plans item 2."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += " " + _("item {n}").format(n=part + 1)
        else:
            name = part if _BARE_KEY.match(part) else json.dumps(part, ensure_ascii=False)
            text += f".{name}" if text else name
    return text


def shown(value: Any) -> str:
    """A value as the user wrote it in TOML (near enough), on one short line."""
    text = "true" if value is True else "false" if value is False else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def expected(schema: dict, root: dict) -> str:
    """What a schema accepts, in words, in the run's language."""
    if "$ref" in schema:
        schema = {**root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
    if "enum" in schema:
        return _("one of {values}").format(values=", ".join(json.dumps(v) for v in schema["enum"]))
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "string":
            return _("a list of non-empty strings") if items.get("minLength") else _("a list of strings")
        return _("a list")
    if kind == "integer" and "minimum" in schema:
        if schema["minimum"] == 1:
            return _("a positive integer")
        return _("an integer of at least {minimum}").format(minimum=schema["minimum"])
    if kind == "string" and schema.get("minLength"):
        return _("a non-empty string")
    return _(_TYPES[kind]) if isinstance(kind, str) and kind in _TYPES else _("a valid value")


def _message(error: Any, root: dict, name: str) -> str:
    path = list(error.absolute_path)
    key = key_path(path)
    prefix = f"{name} " if name else ""
    if error.validator == "additionalProperties" and not path:
        unknown = sorted(set(error.instance) - set(root["properties"]))
        template = (_("unknown setting(s) in {table}: {unknown} (known: {known})") if name else
                    _("unknown setting(s): {unknown} (known: {known})"))
        return template.format(table=name, unknown=", ".join(unknown), known=", ".join(known_settings()))
    if error.validator == "pattern" and isinstance(error.instance, str) and key == "rules":
        # propertyNames: the instance is the key itself.
        return _("{key}: {value} is not a rule id; rule ids look like \"periods.missing-schedule\" "
                 "(planctl rules list)").format(key=f"{prefix}rules", value=shown(error.instance))
    return _("{key} must be {expected} (got {value})").format(key=f"{prefix}{key}", expected=expected(error.schema, root),
                                                              value=shown(error.instance))
