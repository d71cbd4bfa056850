"""Relations among baseline figures (rules/relations/; the tables' are in relations_tables.py).

A plan's baseline (hiện trạng) prints figures that depend on each other: a share with its
numerator and denominator ("1.119 máy/1.262 người, đạt 88,67%"), a subset next to its superset
("154.111 hộ; trong đó hộ nghèo 42.353 hộ"), a table row broken down into sub-rows. The planner
links them by id (`ratio`, `subset_of`, a row's `parent`); this module derives what the rules
compare. A figure printed as a bound ("trên 800", `comparator: '>'`) is compared as a bound, so a
relation that a bound can satisfy is never reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from ...i18n import _, number
from ...plan.money import UNIT_VND
from .base import Context, FactKind, FieldType
from .graph import circles

KINDS = (
    FactKind("ratio-check", "A printed share next to its numerator / denominator (ratio: on a baseline figure).",
             {"printed": FieldType.NUMBER, "computed": FieldType.NUMBER, "difference": FieldType.NUMBER,
              "tolerance": FieldType.NUMBER, "consistent": FieldType.BOOL, "zero_denominator": FieldType.BOOL,
              "money": FieldType.BOOL},
             texts=("label", "printed_text", "computed_text", "numerator_text", "denominator_text", "tolerance_text")),
    FactKind("subset-check", "A figure printed as a subset (subset_of, a 'trong đó' sub-row) next to its superset.",
             {"subset": FieldType.NUMBER, "superset": FieldType.NUMBER, "exceeds": FieldType.BOOL, "money": FieldType.BOOL},
             texts=("label", "subset_text", "superset_text", "superset_label")),
    FactKind("relation-link", "A link among baseline figures or table rows and columns (part_of, subset_of, ratio, "
             "parent, a column's ratio or subset_of, dashes), and whether what it names exists.",
             {"link": FieldType.TEXT, "known": FieldType.BOOL}, texts=("label", "target", "expected")),
    FactKind("relation-cycle", "A chain of part_of / subset_of / row parent links that comes back to where it began.",
             {"link": FieldType.TEXT}, texts=("label", "path")),
)

# Money units a baseline figure or column may be printed in, in VND: a subset or share of money is
# compared in VND, and its mistakes are errors (relations.money-*).
MONEY_UNITS = {**UNIT_VND, "đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}
# A figure printed "khoảng" (approximate) is compared to one whole unit, not half the last digit.
APPROXIMATE_TOLERANCE = Decimal(1)


def derive(ctx: Context) -> None:
    indicators = ctx.plan.get("baseline", {}).get("indicators", [])
    by_id = {ind["id"]: ind for ind in indicators}
    links(ctx, indicators, by_id)
    ratios(ctx, indicators, by_id)
    subsets(ctx, indicators, by_id)
    indicator_cycles(ctx, indicators)


def dec(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else repr(value))


def is_money(unit: Any) -> bool:
    return isinstance(unit, str) and unit.strip() in MONEY_UNITS


def amount(value: Any, unit: Any) -> Decimal:
    """A printed figure, in VND when it is money (so 1,2 tỷ đồng and 1.200 triệu đồng compare)."""
    return dec(value) * (MONEY_UNITS[unit.strip()] if is_money(unit) else 1)


def interval(indicator: Mapping[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    """The least and the greatest value a printed figure allows (None: unbounded), in VND for money."""
    value = amount(indicator["value"], indicator.get("unit"))
    comparator = indicator.get("comparator")
    if comparator in (">", ">="):
        return value, None
    if comparator in ("<", "<="):
        return None, value
    return value, value


def link(ctx: Context, pointer: str, name: str, target: str, known: bool, label: str, expected: str) -> None:
    ctx.add("relation-link", pointer, link=name, known=known, text={"label": label, "target": target, "expected": expected})


def links(ctx: Context, indicators: list, by_id: Mapping[str, Any]) -> None:
    expected = _("the id of a baseline figure of this plan (baseline: indicators:)")
    for i, indicator in enumerate(indicators):
        named = [(key, indicator[key]) for key in ("part_of", "subset_of") if key in indicator]
        named += [(f"ratio/{end}", indicator["ratio"][end]) for end in ("numerator", "denominator") if "ratio" in indicator]
        for where, target in named:
            link(ctx, f"/baseline/indicators/{i}/{where}", where.replace("/", " "), target, target in by_id,
                 _label(indicator), expected)


def _label(indicator: Mapping[str, Any]) -> str:
    return _("baseline figure {id!r}").format(id=indicator["id"])


def _shown(indicator: Mapping[str, Any]) -> str:
    """A figure as printed: its bound sign, its value, its unit ('> 800 người')."""
    sign = indicator.get("comparator", "")
    return f"{sign} {number(dec(indicator['value']).normalize(), 6)} {indicator['unit']}".strip()


def tolerance(ctx: Context, pointer: str, indicator: Mapping[str, Any]) -> Decimal:
    """Half a unit of the last digit the figure is printed with: '30' ±0.5, '30.5' ±0.05. The
    digits are those typed in the plan (30.50 keeps two), as the document prints them."""
    if indicator.get("approximate"):
        return APPROXIMATE_TOLERANCE
    return Decimal(5) / (Decimal(10) ** (decimals(ctx, pointer) + 1))


def decimals(ctx: Context, pointer: str) -> int:
    text = ctx.doc.float_texts.get(pointer, "")
    return len(text.partition(".")[2]) if "." in text else 0


def cut(value: Decimal, tol: Decimal) -> Decimal:
    """`value` with the digits after the last printed one dropped (45.9786 cut to 45.97)."""
    unit = tol * 2
    return (value / unit).to_integral_value(rounding=ROUND_FLOOR) * unit


def computed_text(computed: Decimal, tol: Decimal) -> str:
    """A computed share with two digits more than the printed one (79,83 for a share printed 80),
    so the reader sees on which side of the rounding it falls. Never three decimals: 79,826 would
    read as a thousands group to an English reader."""
    exponent = (tol * 2).normalize().as_tuple().exponent
    digits = (max(0, -exponent) if isinstance(exponent, int) else 0) + 2
    digits = 4 if digits == 3 else digits
    return number(computed.quantize(Decimal(1).scaleb(-digits)), digits)


def share_consistent(printed: Decimal, computed: Decimal, tol: Decimal) -> bool:
    """A share printed rounded to its last digit, or cut there: 45,97% for 45,9786% is a reading a
    reviewer accepts (documents cut as often as they round), 45,96% is not."""
    return abs(printed - computed) <= tol or printed == cut(computed, tol)


def ratios(ctx: Context, indicators: list, by_id: Mapping[str, Any]) -> None:
    for i, share in enumerate(indicators):
        link = share.get("ratio")
        if not link or link["numerator"] not in by_id or link["denominator"] not in by_id:
            continue  # an unknown id is relations.unknown-link
        numerator, denominator = by_id[link["numerator"]], by_id[link["denominator"]]
        pointer = f"/baseline/indicators/{i}/value"
        per = dec(link.get("per", 100))
        printed, tol = dec(share["value"]), tolerance(ctx, pointer, share)
        texts = {"label": _label(share), "printed_text": _shown(share), "numerator_text": _shown(numerator),
                 "denominator_text": _shown(denominator), "tolerance_text": number(tol.normalize(), 6)}
        money = is_money(numerator["unit"]) and is_money(denominator["unit"])  # a share of an amount
        if dec(denominator["value"]) == 0:
            ctx.add("ratio-check", f"/baseline/indicators/{i}/ratio/denominator", text=texts | {"computed_text": "—"},
                    printed=printed, computed=0, difference=0, tolerance=tol, consistent=False, zero_denominator=True,
                    money=money)
            continue
        if money:
            computed = amount(numerator["value"], numerator["unit"]) * per / amount(denominator["value"], denominator["unit"])
        else:
            computed = dec(numerator["value"]) * per / dec(denominator["value"])
        ctx.add("ratio-check", pointer, text=texts | {"computed_text": computed_text(computed, tol)},
                printed=printed, computed=computed, difference=printed - computed, tolerance=tol,
                consistent=_ratio_consistent(share, numerator, denominator, printed, computed, tol),
                zero_denominator=False, money=money)


def _ratio_consistent(share: Mapping, numerator: Mapping, denominator: Mapping, printed: Decimal,
                      computed: Decimal, tol: Decimal) -> bool:
    """Whether the printed share can be the numerator over the denominator, rounded as printed.
    A bound on any of the three figures ('hơn 40%', 'trên 1.000') loosens the comparison on its
    side only: 'hơn 97%' of an exact ratio of 98% is consistent, 'hơn 97%' of 90% is not."""
    low: Decimal | None = computed
    high: Decimal | None = computed
    if numerator.get("comparator") in (">", ">=") or denominator.get("comparator") in ("<", "<="):
        high = None  # the true ratio may be larger than the one computed from the printed bounds
    if numerator.get("comparator") in ("<", "<=") or denominator.get("comparator") in (">", ">="):
        low = None
    if low is not None and high is not None and share.get("comparator") is None:
        return share_consistent(printed, computed, tol)
    share_low, share_high = interval(share)
    share_low = None if share_low is None else share_low - tol
    share_high = None if share_high is None else share_high + tol * 2  # rounded or cut
    # The two ranges [low, high] and [share_low, share_high] must meet.
    return not ((high is not None and share_low is not None and high < share_low)
                or (low is not None and share_high is not None and low > share_high))


def subsets(ctx: Context, indicators: list, by_id: Mapping[str, Any]) -> None:
    cyclic = on_cycles(indicators)  # reported once, as relations.cycle
    for i, part in enumerate(indicators):
        whole = by_id.get(part.get("subset_of", ""))
        if whole is None or part["id"] in cyclic:
            continue
        least, _most = interval(part)
        _least, greatest = interval(whole)
        strict = part.get("comparator") == ">"  # 'trên 800' of 800 already exceeds it
        exceeds = least is not None and greatest is not None and (least > greatest or (strict and least >= greatest))
        ctx.add("subset-check", f"/baseline/indicators/{i}/value",
                text={"label": _label(part), "subset_text": _shown(part), "superset_text": _shown(whole),
                      "superset_label": _label(whole)},
                subset=dec(part["value"]), superset=dec(whole["value"]), exceeds=exceeds,
                money=is_money(part["unit"]) or is_money(whole["unit"]))


LINKS = ("part_of", "subset_of")


def _edges(indicators: list) -> dict[str, list[str]]:
    return {ind["id"]: [ind[key] for key in LINKS if key in ind] for ind in indicators}


def on_cycles(indicators: list) -> set[str]:
    """The ids of the figures whose part_of / subset_of links go round in a circle."""
    return {node for group in circles(_edges(indicators)) for node in group}


def path_text(path: list[str], shown: int = 12) -> str:
    """'a → b → a'; a long circle shows its first and last ids only."""
    if len(path) > shown:
        path = [*path[: shown - 2], "…", path[-1]]
    return " → ".join(path)


def indicator_cycles(ctx: Context, indicators: list) -> None:
    """One finding per circle of part_of / subset_of links, at the first figure's link into it."""
    where = {ind["id"]: i for i, ind in enumerate(indicators)}
    for group in circles(_edges(indicators)):
        first = indicators[where[group[0]]]
        key = next(k for k in LINKS if first.get(k) in group)
        names = sorted({k for node in group for k in LINKS if indicators[where[node]].get(k) in group})
        path = [group[0]]
        while True:  # follow the links from the first figure until they come back
            node = indicators[where[path[-1]]]
            path.append(next(node[k] for k in LINKS if node.get(k) in group))
            if path[-1] in path[:-1]:
                break
        ctx.add("relation-cycle", f"/baseline/indicators/{where[group[0]]}/{key}", link=", ".join(names),
                text={"label": _label(first), "path": path_text(path)})
