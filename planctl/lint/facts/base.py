"""What every fact category shares: the fact record, the declaration of a fact kind, the context.

A fact kind is declared next to the code that emits it (one module per rules/<category>/), with
the fields a rule's condition may test and their types. Types say how a value reaches the rules
engine: money in whole VND (a rule writes it in million VND), percentages as written (a rule
writes 100 for 100%), booleans as true/false. The rule loader checks every rule against these
declarations, so a misspelt field, fact kind or `check` value fails at load, at its line.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, NamedTuple

from ...document import Document
from ...i18n import N_, _
from ...plan.money import money_text, signed_money_text, to_vnd
from ...plan.view import PlanView


class FieldType(enum.Enum):
    INT = "integer"
    YEAR = "year"
    BOOL = "boolean"
    TEXT = "text"
    MONEY = "money"  # whole VND in the fact; million VND in a rule
    PERCENT = "percent"  # as written (45.5 for 45.5%)
    NUMBER = "number"  # a count or ratio as printed (12.5)


DECIMAL_SCALE = 10_000  # percentages and counts reach the engine as integers, exact to 4 decimals
RULE_MONEY_UNIT = "million VND"  # money written in a rule file
_ENGINE_MAX = 2**63 - 1  # durable_rules keeps integers exact up to int64


def engine_value(field_type: FieldType, value: Any) -> Any:
    """A fact's value as the rules engine receives it: integers, booleans, text — never a float."""
    if field_type is FieldType.BOOL or field_type is FieldType.TEXT:
        return value
    if field_type in (FieldType.PERCENT, FieldType.NUMBER):
        number = value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else repr(value))
        if number.is_nan():  # nothing printed is NaN; it passes no threshold
            return 0
        if number.is_infinite():
            return _ENGINE_MAX if number > 0 else -_ENGINE_MAX
        value = int((number * DECIMAL_SCALE).to_integral_value(ROUND_HALF_EVEN))
    # A figure beyond int64 (a 400-digit typo) is clamped: it is still beyond every threshold.
    return max(-_ENGINE_MAX, min(_ENGINE_MAX, int(value)))


def rule_value(field_type: FieldType, value: Any) -> Any:
    """A value written in a rule file, in the engine's terms (money in million VND)."""
    if field_type is FieldType.MONEY:
        return engine_value(field_type, to_vnd(value, RULE_MONEY_UNIT))
    return engine_value(field_type, value)


class FactKind(NamedTuple):
    """A kind of fact: the fields rules may test, and the texts its messages may show."""

    name: str
    about: str
    fields: Mapping[str, FieldType]  # what a condition may test (and a message may show)
    texts: tuple[str, ...] = ()  # shown in messages only
    checks: Mapping[str, str] = {}  # the values of `check`, with what each compares (never changed)

    def money(self) -> list[str]:
        return [n for n, t in self.fields.items() if t is FieldType.MONEY]

    def shown(self) -> set[str]:
        """What a message or hint template may use: fields, texts, and money fields as text."""
        return set(self.fields) | set(self.texts) | {f"{m}_text" for m in self.money()}


class Fact:
    """One fact derived from a plan, at a JSON pointer, for the rules of its kind to test."""

    __slots__ = ("kind", "doc", "pointer", "values", "text", "unit", "key_pointer")  # ~1,000 per plan

    def __init__(self, kind: str, doc: Document, pointer: str, values: dict[str, Any],
                 text: dict[str, str] | Callable[[], dict[str, str]] | None = None, unit: str = "million VND",
                 key_pointer: bool = False) -> None:
        self.kind = kind
        self.doc = doc
        self.pointer = pointer
        self.values = values
        # Shown in messages only; a function giving them where building them costs (most facts
        # never become a finding).
        self.text = {} if text is None else text
        self.unit = unit
        self.key_pointer = key_pointer  # point at the mapping key rather than the value

    def template_values(self, kind: FactKind) -> dict[str, Any]:
        """The fact's fields, its texts, and its money fields written with their unit."""
        values = dict(self.values)
        text = self.text() if callable(self.text) else self.text
        for name in kind.money():
            if name in self.values and f"{name}_text" not in text:
                signed = name in ("difference", "excess")
                values[f"{name}_text"] = (signed_money_text if signed else money_text)(self.values[name], self.unit)
        values.update(text)
        return values


class Context:
    """One plan being derived: its view, what it is checked against, and the facts so far."""

    def __init__(self, doc: Document, programmes: Mapping[str, dict], policies: Iterable[dict]) -> None:
        self.doc = doc
        self.view = PlanView(doc.data)
        self.plan: dict = doc.data
        self.programmes = programmes
        self.policies = tuple(policies)
        self.facts: list[Fact] = []
        self.unit: str = self.view.unit

    def add(self, kind: str, pointer: str, unit: str | None = None, *, key_pointer: bool = False,
            text: dict | Callable[[], dict] | None = None, **values: Any) -> None:
        self.facts.append(Fact(kind, self.doc, pointer, values, text, unit or self.unit, key_pointer))

    def line(self, pointer: str) -> str:
        return str(self.doc.locate(pointer).line)


_ITEMS = {"project": N_("project"), "group": N_("group")}


def item_label(what: str, item: Mapping[str, Any]) -> str:
    """'project 3 'p-portal'': an item as a message names it, with its printed number (in the
    run's language: 'dự án 3 'p-portal'')."""
    return f"{_(_ITEMS.get(what, what))} {item.get('seq', '')} {item['id']!r}".replace("  ", " ")
