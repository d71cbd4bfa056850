"""What a JSON Schema error says, written by planctl in the run's language, one template per keyword.

jsonschema's own messages ("… is not of type 'integer'", "Additional properties are not allowed")
are English only, and the schema's `description`s are English notes for editors; neither reaches
a reader. Each validator keyword has a message template and a hint template here (`_()` with
named fields, Vietnamese in tools/vi_catalog.py); what the schema constrains (a type, a list of
allowed values, a pattern, a bound) fills the fields. The few patterns the schemas use are named
in words (PATTERN_FORMS); an unknown one is quoted as it is.
"""

from __future__ import annotations

import json
from typing import Any

from ..i18n import N_, _, number

MAX_SHOWN = 60  # characters of a wrong value quoted in a message

# A JSON type in words, as a message completes "… is not {expected}" / "… phải là {expected}".
TYPE_WORDS = {
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "string": N_("text"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a mapping of keys"),
    "null": N_("empty (null)"),
}

# The patterns of the plan, programme and policy schemas, in words, with an example of the form.
PATTERN_FORMS = {
    "^[a-z0-9][a-z0-9._-]*$": (N_("an id: lower-case letters without accents, digits, '.', '_' or '-'"), "cntt-01"),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": (N_("a date in the form YYYY-MM-DD"), "2010-09-22"),
    "^[0-9]{4}$": (N_("a year of four digits"), "2015"),
    "^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$": (N_("PROGRAMME-ID/ID (a programme's id, '/', an id in it)"),
                                                      "ctmtqg-cntt/nhom-1"),
    "^(/.*)?$": (N_("a JSON pointer starting with '/'"), "/projects/0/amount"),
    "^[a-z]+\\.[a-z0-9-]+$": (N_("a rule id: a category, '.', a name"), "consistency.group-total"),
}


def shown(value: Any) -> str:
    """A value as the planner wrote it (near enough), on one short line."""
    if isinstance(value, dict):
        return _("a mapping of keys")
    if isinstance(value, list):
        return _("a list")
    text = "true" if value is True else "false" if value is False else "null" if value is None else (
        json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value))
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def expected_type(kind: Any) -> str:
    kinds = kind if isinstance(kind, list) else [kind]
    return _(" or ").join(_(TYPE_WORDS.get(k, str(k))) for k in kinds)


def allowed_values(values: list) -> str:
    return ", ".join(shown(v) for v in values)


def pattern_form(pattern: str) -> tuple[str, str]:
    """The form a pattern asks for, in words, and an example ('' when planctl does not know it)."""
    form = PATTERN_FORMS.get(pattern)
    if form is None:
        return _("the form {pattern}").format(pattern=pattern), ""
    return _(form[0]), form[1]


def message(error: Any) -> str:
    """The finding's message for a jsonschema ValidationError (not required/additionalProperties:
    schema.py words those, locating them at the key)."""
    keyword, limit, value = error.validator, error.validator_value, shown(error.instance)
    if keyword == "type":
        return _("{value} is not {expected}").format(value=value, expected=expected_type(limit))
    if keyword == "enum":
        return _("{value} is not one of the allowed values: {allowed}").format(value=value,
                                                                               allowed=allowed_values(limit))
    if keyword == "const":
        return _("{value} must be {expected}").format(value=value, expected=shown(limit))
    if keyword == "pattern":
        return _("{value} is not {form}").format(value=value, form=pattern_form(limit)[0])
    bounds = {
        "minimum": N_("{value} is less than {limit}"),
        "maximum": N_("{value} is more than {limit}"),
        "exclusiveMinimum": N_("{value} must be more than {limit}"),
        "exclusiveMaximum": N_("{value} must be less than {limit}"),
        "multipleOf": N_("{value} is not a multiple of {limit}"),
    }
    if keyword in bounds:
        return _(bounds[keyword]).format(value=value, limit=number(limit))
    sizes = {
        "minLength": N_("the text is shorter than {limit} characters"),
        "maxLength": N_("the text is longer than {limit} characters"),
        "minItems": N_("the list has fewer than {limit} items"),
        "maxItems": N_("the list has more than {limit} items"),
        "minProperties": N_("the mapping has fewer than {limit} keys"),
        "maxProperties": N_("the mapping has more than {limit} keys"),
    }
    if keyword == "minLength" and limit == 1:
        return _("the text is empty")
    if keyword == "minItems" and limit == 1:
        return _("the list is empty")
    if keyword in sizes:
        return _(sizes[keyword]).format(limit=number(limit))
    if keyword == "uniqueItems":
        return _("the list has the same item twice")
    if keyword == "format":
        return _("{value} is not a valid {format}").format(value=value, format=limit)
    if keyword == "dependentRequired":
        return _("a key needs another key beside it: {keys}").format(
            keys="; ".join(f"{k} → {', '.join(v)}" for k, v in limit.items()))
    if keyword == "contains":
        return _("no item of the list is of the form required here")
    if keyword in ("oneOf", "anyOf", "allOf", "not", "if", "then", "else"):
        return _("{value} is not of a form allowed here").format(value=value)
    if keyword is None or limit is False:  # a `false` schema
        return _("no value is allowed here")
    return _("{value} is not allowed here (schema keyword {keyword})").format(value=value, keyword=keyword)


def hint(error: Any) -> str:
    """What to write instead, from what the schema constrains."""
    keyword, limit = error.validator, error.validator_value
    if keyword == "type":
        return _("write {expected} here").format(expected=expected_type(limit))
    if keyword == "enum":
        import difflib

        choices = {str(v): v for v in limit}
        close = difflib.get_close_matches(str(error.instance), list(choices), n=1) if isinstance(
            error.instance, str) else []
        if close:
            return _("did you mean {value}?").format(value=shown(choices[close[0]]))
        return _("write one of the values listed, as written")
    if keyword == "const":
        return _("write {expected}").format(expected=shown(limit))
    if keyword == "pattern":
        form, example = pattern_form(limit)
        if example:
            return _("write {form}, e.g. {example}").format(form=form, example=example)
        return _("write {form}").format(form=form)
    if keyword == "maximum" and limit == 100:
        return _("a percentage is at most 100")
    if keyword in ("minimum", "exclusiveMinimum"):
        return _("write a value of at least {limit}").format(limit=number(limit))
    if keyword in ("maximum", "exclusiveMaximum"):
        return _("write a value of at most {limit}").format(limit=number(limit))
    if keyword in ("minLength", "minItems", "minProperties"):
        return _("fill it in")
    if keyword == "uniqueItems":
        return _("remove the repeated item")
    return _("see the section on this key in plans/README.md")
