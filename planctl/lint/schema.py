"""JSON Schema validation with located findings. The only module that imports jsonschema.

jsonschema reports an error's `absolute_path`; the document's position index maps it onto a line
and column. A `required` error is reported at the mapping that lacks the key, an
`additionalProperties` error at the offending key. Errors on money (`$defs/money`) become the
data-entry findings a planner understands: money written as a float (`439.050`) with the
probable intended integer, and negative amounts. The other messages and hints are planctl's own,
per validator keyword, in the run's language (lint/schema_messages.py), not jsonschema's English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from ..document import Document, escape
from ..i18n import _
from ..model import SCHEMA, Finding, Severity
from ..resources import schema_path
from . import fastschema, schema_messages

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

# Whether a file goes to the compiled check (lint/fastschema.py) first. False sends every file to
# the full validator: the tests compare both paths' output.
FAST = True

# Schema errors that are data-entry pitfalls: reported by the rules of the same id (rules/data/),
# through the rules engine, with the value's problem as the fact.
PITFALLS = {"data.money-as-float": "money-float", "data.negative-amount": "negative-money",
            "data.number-as-text": "number-text"}
# A figure typed as the document prints it, in quotes: "45,5", "45,5%", "1.611".
_NUMBER_TEXT = re.compile(r"\s*[+-]?\d[\d.,]*\s*%?\s*")


@cache
def load_schema(kind: str) -> dict:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


@cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    # Imported here: jsonschema and its format checkers cost ~40 ms of start-up, and a run whose
    # files are all valid never needs them (the compiled check answers for those).
    import jsonschema

    # JSON Schema counts 9.0 as an integer. In a plan, a whole number written with a decimal point
    # ("9.000" for 9,000) is the money-as-float mistake, so only Python ints are integers here.
    planctl_validator = jsonschema.validators.extend(
        jsonschema.Draft202012Validator,
        type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
            "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)))
    return planctl_validator(inline_refs(load_schema(kind)))


ANNOTATIONS = {"description", "title", "$comment", "examples", "default"}


def inline_refs(schema: dict) -> dict:
    """The schema with its local `#/$defs/...` references replaced by what they point to.

    Why: jsonschema resolves every `$ref` through the `referencing` registry on every visit,
    which doubles the time to validate a plan (16 ms → 7 ms for a 20 KB plan). The validation
    result is the same. A reference's own schema keeps its description (that is what the
    findings read, e.g. money's); a recursive reference is left as it is.
    """
    def resolve(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if not (isinstance(ref, str) and ref.startswith("#/$defs/")) or ref in seen:
            return {key: resolve(value, seen) if key != "$defs" else value for key, value in node.items()}
        target = resolve(_follow(schema, ref), seen + (ref,))
        siblings = {key: resolve(value, seen) for key, value in node.items() if key != "$ref"}
        if (set(siblings) & set(target)) - ANNOTATIONS:
            return {"allOf": [target], **siblings}
        return {**siblings, **target}

    return resolve(schema, ())


def _follow(schema: dict, ref: str) -> Any:
    node: Any = schema
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def check(doc: Document, kind: str) -> list[Finding]:
    """Validate a loaded document against the schema of `kind`."""
    if FAST and fastschema.certainly_valid_document(doc, kind):
        return []
    findings = [_finding(doc, error) for error in _leaf_errors(validator(kind).iter_errors(doc.data))]
    return findings


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """For oneOf/anyOf, report the branch that got furthest rather than 'is not valid under any'.

    A branch for another type of value is not the one the planner meant: for `date: 15/6/2011`
    against "a YYYY-MM-DD date or null", best_match alone picks "is not of type null".
    """
    for error in errors:
        if error.context and error.validator in ("oneOf", "anyOf") and not _alternative_keys(error):
            meant = [e for e in error.context if e.validator != "type"] or error.context
            from jsonschema.exceptions import best_match

            best = best_match(meant)
            yield best if best is not None else error
        else:
            yield error


def _alternative_keys(error: ValidationError) -> list[str]:
    """The keys of an anyOf/oneOf whose every branch only requires a key (`number` or `title`)."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return []
    if not all(e.validator == "required" and not e.relative_path for e in error.context):
        return []
    keys = [k for e in error.context for k in re.findall(r"'([^']+)' is a required property", e.message)]
    return list(dict.fromkeys(keys))


def _pointer(path) -> str:
    return "".join(f"/{escape(str(p))}" for p in path)


def _finding(doc: Document, error: ValidationError) -> Finding:
    pointer = _pointer(error.absolute_path)
    schema_path = "/".join(str(p) for p in error.absolute_schema_path)
    is_money = error.schema.get("description", "").startswith("An amount of money")
    if is_money and error.validator == "type" and isinstance(error.instance, float):
        return doc.finding("data.money-as-float", Severity.ERROR, repr(error.instance), pointer)
    if is_money and error.validator == "minimum":
        return doc.finding("data.negative-amount", Severity.ERROR, repr(error.instance), pointer)
    if error.validator == "type" and isinstance(error.instance, str) and _NUMBER_TEXT.fullmatch(error.instance) \
            and "number" in (error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]):
        return doc.finding("data.number-as-text", Severity.ERROR, error.instance, pointer)
    keys = _alternative_keys(error)
    if keys:  # a law cited without a number needs its title: "number or title"
        shown = ", ".join(repr(k) for k in keys)
        return doc.finding(SCHEMA.id, SCHEMA.severity, _("missing a key: one of {keys} is required").format(keys=shown),
                           pointer, hint=_("add one of {keys} to this mapping").format(keys=shown),
                           key=(pointer, "required-one-of", *keys))
    if error.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else error.message
        return doc.finding(SCHEMA.id, SCHEMA.severity, _("missing required key {key!r}").format(key=name), pointer,
                           hint=_("add '{key}:' to this mapping").format(key=name), key=(pointer, "required", name))
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        extra = re.findall(r"'([^']+)'", error.message)
        where = f"{pointer}/{escape(extra[0])}" if extra else pointer
        allowed = ", ".join(sorted(error.schema.get("properties", {}))) or _("none")
        return doc.finding(SCHEMA.id, SCHEMA.severity, _("unknown key {key!r}").format(key=extra[0] if extra else ''), where,
                           hint=_("check the spelling; allowed keys here: {keys}").format(keys=allowed),
                           key=(where, "unknown-key"), at_key=True)
    return doc.finding(SCHEMA.id, SCHEMA.severity, schema_messages.message(error), pointer,
                       hint=schema_messages.hint(error), key=(pointer, schema_path))
