"""Data-entry pitfalls: what planners often type by mistake (rules/data/).

`schema-value` facts come from values the JSON Schema rejected (lint/schema.py names them), so
the pitfall is reported with a hint instead of a bare schema error.
"""

from __future__ import annotations

import re

from ...document import Document
from ...i18n import _, percent
from .base import Context, Fact, FactKind, FieldType

KINDS = (
    FactKind("percent", "A target value in percent.", {"value": FieldType.PERCENT}, texts=("label", "value_text")),
    FactKind("schema-value", "A value the schema rejects in a way planners often type: money as a decimal, "
             "a negative amount.", {"problem": FieldType.TEXT}, texts=("label", "text", "probable")),
)


def derive(ctx: Context) -> None:
    for ti, target in enumerate(ctx.plan.get("targets", [])):
        if target.get("unit") != "%":
            continue
        for key in ("value", "value_max"):
            value = target.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                ctx.add("percent", f"/targets/{ti}/{key}", value=value,
                        text={"label": _("target {id!r}").format(id=target['id']), "value_text": percent(value, 3)})


_SEPARATORS = re.compile(r"[.,]")


def schema_value_fact(doc: Document, pointer: str, problem: str, text: str) -> Fact:
    """A value the schema rejected that is a known data-entry pitfall (see lint/schema.py)."""
    if problem == "number-text":  # read the Vietnamese way: '.' groups thousands, ',' is the decimal point
        probable = text.strip().rstrip("%").strip().replace(".", "").replace(",", ".")
    else:
        probable = _SEPARATORS.sub("", text).lstrip("+0") or "0"
    return Fact("schema-value", doc, pointer, {"problem": problem}, {"label": pointer, "text": text, "probable": probable})
