"""How a target's commitment reads: '≥ 50% in 2015', '25–30% in 2015', 'qualitative'."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import i18n
from ..i18n import _

COMPARATORS = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}


def value_text(raw: Any) -> str:
    """A target's value as printed, written the reader's way: 50, 12.5 (12,5 in Vietnamese), never
    50.0; thousands separated only from 10,000 up (years and small values read better without).
    Anything that is not a number as it is."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return str(raw)
    if isinstance(raw, float) and not raw.is_integer():
        return i18n.number(raw, 6)
    whole = int(raw)
    return i18n.number(whole) if abs(whole) >= 10_000 else str(whole)


def target_text(fields: Mapping[str, Any], *, no_year: str = "") -> str:
    """The commitment of a target (of a plan or a national programme), in the run's language.
    The one wording of lint's messages and of diff and log. `no_year` is said when it has no
    year: lint compares years and says so; diff shows only what is there."""
    comparator = fields.get("comparator")
    unit = fields.get("unit") if isinstance(fields.get("unit"), str) else ""
    unit = unit if unit == "%" or not unit else f" {unit}"
    shown = value_text(fields.get("value")) if fields.get("value") is not None else ""
    if comparator == "qualitative" or not shown:
        state = _("qualitative")
    elif comparator == "range" and fields.get("value_max") is not None:
        state = f"{shown}–{value_text(fields['value_max'])}{unit}"
    else:
        sign = COMPARATORS.get(comparator, comparator) if isinstance(comparator, str) else ""
        state = f"{sign} {shown}{unit}".strip()
    if fields.get("year") is not None:
        return _("{state} in {year}").format(state=state, year=fields["year"])
    return f"{state}, {no_year}" if no_year else state
