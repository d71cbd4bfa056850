"""planctl/config_schema.py applies schema/config.schema.json as jsonschema would, without importing
it (planctl diff reads the settings and must not pay for jsonschema)."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.config_schema import ANNOTATIONS, KEYWORDS, config_schema, errors


def keywords(node: object, inside_properties: bool = False) -> set[str]:
    """Every schema keyword in `node` (the names under `properties` and `$defs` are not keywords)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_properties:
                found.add(key)
            if key in ("examples", "default", "enum"):
                continue  # values, not schemas
            found |= keywords(value, inside_properties=key in ("properties", "$defs") and not inside_properties)
    elif isinstance(node, list):
        for item in node:
            found |= keywords(item)
    return found


def test_the_schema_uses_only_the_keywords_planctl_applies():
    assert keywords(config_schema()) <= KEYWORDS | ANNOTATIONS, keywords(config_schema()) - KEYWORDS - ANNOTATIONS


SETTINGS = ["plans", "programmes", "policies", "fail-on", "max-file-bytes", "rules", "colour", "plan"]
RULE_IDS = ["periods.missing-schedule", "identity.numbering-gap", "Bad Id", "schema", ""]
scalars = st.one_of(st.booleans(), st.integers(-3, 3), st.sampled_from(["", "error", "warning", "info", "off",
                                                                        "plans/*.yaml", "ERROR"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.sampled_from(RULE_IDS), inner, max_size=3)),
                      max_leaves=6)


def found(table: dict) -> set[tuple]:
    schema = config_schema()
    return {(tuple(e.absolute_path), e.validator, repr(e.instance)) for e in errors(table, schema, schema)}


def reference(table: dict) -> set[tuple]:
    validator = jsonschema.Draft202012Validator(config_schema())
    return {(tuple(e.absolute_path), e.validator, repr(e.instance)) for e in validator.iter_errors(table)}


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(SETTINGS), values, max_size=4))
def test_the_same_errors_as_jsonschema(table):
    assert found(table) == reference(table)


def test_the_same_errors_as_jsonschema_on_known_cases():
    for table in ({}, {"plans": ["a"], "fail-on": "info", "max-file-bytes": 1, "rules": {"a.b": "off"}},
                  {"max-file-bytes": True}, {"max-file-bytes": 0}, {"rules": {"Bad Id": "x"}}, {"plans": [""]},
                  {"unknown": 1, "other": 2}):
        assert found(table) == reference(table), table
