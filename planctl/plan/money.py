"""Money units and amounts: whole VND inside, the plan's unit on the page.

A document prints amounts in million VND (triệu đồng) unless it says otherwise; planctl adds and
compares them in whole VND so that figures printed in different units compare exactly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

UNIT_VND = {"VND": 1, "thousand VND": 1_000, "million VND": 1_000_000, "billion VND": 1_000_000_000}
DEFAULT_UNIT = "million VND"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def known_unit(unit: Any, fallback: str = DEFAULT_UNIT) -> str:
    """`unit` when planctl knows it, else `fallback` (the schema rejects unknown units; diff reads
    any revision and reports the unknown unit itself)."""
    return unit if isinstance(unit, str) and unit in UNIT_VND else fallback


def to_vnd(amount: int | float, unit: str) -> int:
    """An amount written in `unit`, in whole VND. Through Decimal, so 1.1 billion is exact; a
    fraction of a dong (never printed) rounds half to even."""
    factor = UNIT_VND[unit]
    if isinstance(amount, int):
        return amount * factor
    return int((Decimal(repr(amount)) * factor).to_integral_value())


def in_unit(vnd: int, unit: str) -> int | float:
    """VND as a number of `unit`: an int when whole, else a float rounded to 6 decimals."""
    factor = UNIT_VND.get(unit, 1)
    return vnd // factor if vnd % factor == 0 else round(vnd / factor, 6)


def amount_text(vnd: int | None, unit: str, *, absent: str = "—") -> str:
    """'1,234' in the plan's unit (up to three decimals when not a whole number of it), written
    the reader's way ('1.234' in Vietnamese: planctl/i18n.py)."""
    from .. import i18n

    return i18n.amount(vnd, unit, absent=absent)


def signed_amount_text(vnd: int, unit: str) -> str:
    from .. import i18n

    return i18n.amount(vnd, unit, signed=True)


def money_text(vnd: int, unit: str) -> str:
    """'1,234 million VND' / '1.234 triệu đồng': an amount with its unit, as in a message."""
    from .. import i18n

    return i18n.money(vnd, unit)


def signed_money_text(vnd: int, unit: str) -> str:
    from .. import i18n

    return i18n.money(vnd, unit, signed=True)
