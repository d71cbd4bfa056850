"""How amounts, deltas, targets and changes read in every format: '3,000 → 3,500 (+500, +16.7%)'.

Money arrives in VND and is shown in the plan's unit with thousands separators; a figure that
is not a whole number of that unit keeps up to three decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..plan.money import amount_text as amount
from ..plan.money import in_unit as in_unit
from ..plan.money import signed_amount_text as signed
from ..plan.targets import COMPARATORS, target_text
from ..plan.words import plural as plural
from .diff import FieldChange, Money, ProjectChange, Status, TargetChange

ABSENT = "—"


def percent(money: Money) -> str:
    if money.old is None:
        return "new" if money.new is not None else ABSENT
    if money.percent is None:  # from zero
        return ABSENT
    return f"{money.percent:+.1f}%"


def change(money: Money, unit: str, *, show_unit: bool = False) -> str:
    """'3,000 → 3,500 (+500, +16.7%)', or '3,000 → 3,500 million VND (+500, +16.7%)'."""
    text = f"{amount(money.old, unit)} → {amount(money.new, unit)}" + (f" {unit}" if show_unit else "")
    if money.old is None:
        return f"{text} (new)" if money.new is not None else text
    if money.new is None:
        return f"{text} (removed)"
    if money.old:
        return f"{text} ({signed(money.delta, unit)}, {percent(money)})"
    return f"{text} ({signed(money.delta, unit)})"


def value(raw: Any) -> str:
    """A field's value as a reviewer reads it."""
    if raw is None:
        return "(none)"
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float) and raw.is_integer():
        return f"{raw:.0f}"
    if isinstance(raw, (list, tuple)):
        return ", ".join(value(v) for v in raw) or "(none)"
    if isinstance(raw, Mapping):
        return ", ".join(f"{k}: {value(v)}" for k, v in raw.items()) or "(none)"
    return str(raw)


def _number(raw: Any) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def field_value(field: str, raw: Any) -> str:
    """A field's value; a target's comparator as the sign a reviewer reads (≥, =)."""
    if field == "comparator" and isinstance(raw, str) and raw in COMPARATORS:  # a list is no comparator
        return COMPARATORS[raw]
    return value(raw)


def field_change(item: FieldChange) -> str:
    """'lead Sở A → Sở B', 'value 50 → 55 (+5)'."""
    text = f"{item.field} {field_value(item.field, item.old)} → {field_value(item.field, item.new)}"
    if item.field in ("value", "value_max") and _number(item.old) and _number(item.new):
        text += f" ({number_delta(item.old, item.new)})"
    return text


def number_delta(old: int | float, new: int | float) -> str:
    """'+5', '-2.5'; a difference too large for a float (a 400-digit value) is not worked out."""
    try:
        return f"{new - old:+g}"
    except OverflowError:
        return "Δ too large to show"


def target_state(fields: Mapping[str, Any] | None) -> str:
    """'≥ 50% in 2015', '20–30% in 2015', 'qualitative'."""
    return ABSENT if fields is None else target_text(fields)


def also(names: Iterable[str]) -> str:
    names = list(names)
    return f"also changed: {', '.join(names)}" if names else ""


def project_lines(item: ProjectChange, unit: str) -> list[str]:
    """The change made to one project, one short phrase per aspect."""
    if item.status is not Status.CHANGED:
        sources = ", ".join(f"{line.key} {amount(line.money.new if item.status is Status.ADDED else line.money.old, unit)}"
                            for line in item.sources)
        total = item.total.new if item.status is Status.ADDED else item.total.old
        where = item.new_group if item.status is Status.ADDED else item.old_group
        figures = f"{sources} (total {amount(total, unit)})" if sources else f"total {amount(total, unit)}"
        return [f"{item.status.value} in {where}: {figures}"]
    lines = [f"{line.key} {change(line.money, unit)}" for line in item.sources]
    if item.total.changed and (len(item.sources) != 1 or item.sources[0].money != item.total):
        lines.append(f"total {change(item.total, unit)}")
    lines += [f"year {line.key} {change(line.money, unit)}" for line in item.years]
    if item.printed_total is not None and item.printed_total != item.total:  # else it says nothing new
        lines.append(f"printed total {change(item.printed_total, unit)}")
    if item.moved:
        lines.append(f"moved from {item.old_group} to {item.new_group}")
    lines += [field_change(f) for f in item.fields]
    if item.also:
        lines.append(also(item.also))
    return lines


def target_lines(item: TargetChange) -> list[str]:
    if item.status is Status.ADDED:
        return [f"added: {target_state(item.new)}"]
    if item.status is Status.REMOVED:
        return [f"removed: {target_state(item.old)}"]
    lines = [field_change(f) for f in item.fields]
    if item.also:
        lines.append(also(item.also))
    return lines
