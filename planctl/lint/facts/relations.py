"""Relations among baseline figures, and the completeness of baseline tables (rules/relations/).

A plan's baseline (hiện trạng) prints figures that depend on each other: a share with its
numerator and denominator ("1.119 máy/1.262 người, đạt 88,67%"), a subset next to its superset
("154.111 hộ; trong đó hộ nghèo 42.353 hộ"), a table row broken down into sub-rows. The planner
links them by id (`ratio`, `subset_of`, a row's `parent`); this module derives what the rules
compare. A figure printed as a bound ("trên 800", `comparator: '>'`) is compared as a bound, so a
relation that a bound can satisfy is never reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ...document import escape
from ...i18n import _, number
from .base import Context, FactKind, FieldType
from .consistency import count_check

KINDS = (
    FactKind("ratio-check", "A printed share next to its numerator / denominator (ratio: on a baseline figure).",
             {"printed": FieldType.NUMBER, "computed": FieldType.NUMBER, "difference": FieldType.NUMBER,
              "tolerance": FieldType.NUMBER, "consistent": FieldType.BOOL, "zero_denominator": FieldType.BOOL},
             texts=("label", "printed_text", "computed_text", "numerator_text", "denominator_text", "tolerance_text")),
    FactKind("subset-check", "A figure printed as a subset (subset_of, a 'trong đó' sub-row) next to its superset.",
             {"subset": FieldType.NUMBER, "superset": FieldType.NUMBER, "exceeds": FieldType.BOOL},
             texts=("label", "subset_text", "superset_text", "superset_label")),
    FactKind("relation-cycle", "A chain of part_of / subset_of / row parent links that comes back to where it began.",
             {"link": FieldType.TEXT}, texts=("label", "path")),
    FactKind("table-gap", "A baseline table row that leaves cells empty (check names which kind of row).",
             {"check": FieldType.TEXT, "empty": FieldType.INT},
             texts=("label", "columns", "filled"),
             checks={"empty-cell": "a row that leaves empty a column almost every other row fills",
                     "empty-parent": "a parent row left empty while its sub-rows are filled"}),
)

# A column counts as filled by "the other rows" when at least this share of them fill it (and at
# least MIN_FILLED rows do): a table where a column is often empty is read as optional there.
FILLED_SHARE = Decimal("0.75")
MIN_FILLED = 3
# A figure printed "khoảng" (approximate) is compared to one whole unit, not half the last digit.
APPROXIMATE_TOLERANCE = Decimal(1)


def derive(ctx: Context) -> None:
    indicators = ctx.plan.get("baseline", {}).get("indicators", [])
    by_id = {ind["id"]: ind for ind in indicators}
    ratios(ctx, indicators, by_id)
    subsets(ctx, indicators, by_id)
    indicator_cycles(ctx, indicators)
    for ti, table in enumerate(ctx.plan.get("baseline", {}).get("tables", [])):
        table_rows(ctx, ti, table)


def dec(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else repr(value))


def interval(indicator: Mapping[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    """The least and the greatest value a printed figure allows (None: unbounded)."""
    value = dec(indicator["value"])
    comparator = indicator.get("comparator")
    if comparator in (">", ">="):
        return value, None
    if comparator in ("<", "<="):
        return None, value
    return value, value


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
    text = ctx.doc.float_texts.get(pointer, "")
    decimals = len(text.partition(".")[2]) if "." in text else 0
    return Decimal(5) / (Decimal(10) ** (decimals + 1))


def ratios(ctx: Context, indicators: list, by_id: Mapping[str, Any]) -> None:
    for i, share in enumerate(indicators):
        link = share.get("ratio")
        if not link or link["numerator"] not in by_id or link["denominator"] not in by_id:
            continue  # an unknown id is alignment.unknown-reference
        numerator, denominator = by_id[link["numerator"]], by_id[link["denominator"]]
        pointer = f"/baseline/indicators/{i}/value"
        per = dec(link.get("per", 100))
        printed, tol = dec(share["value"]), tolerance(ctx, pointer, share)
        texts = {"label": _label(share), "printed_text": _shown(share), "numerator_text": _shown(numerator),
                 "denominator_text": _shown(denominator), "tolerance_text": number(tol.normalize(), 6)}
        if dec(denominator["value"]) == 0:
            ctx.add("ratio-check", f"/baseline/indicators/{i}/ratio/denominator", text=texts | {"computed_text": "—"},
                    printed=printed, computed=0, difference=0, tolerance=tol, consistent=False, zero_denominator=True)
            continue
        computed = dec(numerator["value"]) * per / dec(denominator["value"])
        ctx.add("ratio-check", pointer, text=texts | {"computed_text": number(computed.quantize(Decimal("0.001")), 3)},
                printed=printed, computed=computed, difference=printed - computed, tolerance=tol,
                consistent=_ratio_consistent(share, numerator, denominator, printed, computed, tol),
                zero_denominator=False)


def _ratio_consistent(share: Mapping, numerator: Mapping, denominator: Mapping, printed: Decimal,
                      computed: Decimal, tol: Decimal) -> bool:
    """Whether the printed share can be the numerator over the denominator, rounded as printed.
    A bound on any of the three figures ('hơn 40%', 'trên 1.000') loosens the comparison on its
    side only: 'hơn 97%' of an exact ratio of 98% is consistent, 'hơn 97%' of 90% is not."""
    low, high = computed, computed
    if numerator.get("comparator") in (">", ">=") or denominator.get("comparator") in ("<", "<="):
        high = None  # the true ratio may be larger than the one computed from the printed bounds
    if numerator.get("comparator") in ("<", "<=") or denominator.get("comparator") in (">", ">="):
        low = None
    share_low, share_high = interval(share)
    share_low = None if share_low is None else share_low - tol
    share_high = None if share_high is None else share_high + tol
    # The two ranges [low, high] and [share_low, share_high] must meet.
    return not ((high is not None and share_low is not None and high < share_low)
                or (low is not None and share_high is not None and low > share_high))


def subsets(ctx: Context, indicators: list, by_id: Mapping[str, Any]) -> None:
    for i, part in enumerate(indicators):
        whole = by_id.get(part.get("subset_of", ""))
        if whole is None or whole is part:
            continue
        least, _most = interval(part)
        _least, greatest = interval(whole)
        strict = part.get("comparator") == ">"  # 'trên 800' of 800 already exceeds it
        exceeds = least is not None and greatest is not None and (least > greatest or (strict and least >= greatest))
        ctx.add("subset-check", f"/baseline/indicators/{i}/value",
                text={"label": _label(part), "subset_text": _shown(part), "superset_text": _shown(whole),
                      "superset_label": _label(whole)},
                subset=dec(part["value"]), superset=dec(whole["value"]), exceeds=exceeds)


def cycles(links: Mapping[str, str]) -> Iterable[list[str]]:
    """Each cycle of a one-link-per-node graph once, as the path from its first node in `links`."""
    done: set[str] = set()
    for start in links:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done and node not in path:
            path.append(node)
            node = links.get(node)
        if node is not None and node in path:
            yield path[path.index(node):] + [node]
        done.update(path)


def indicator_cycles(ctx: Context, indicators: list) -> None:
    where = {ind["id"]: i for i, ind in enumerate(indicators)}
    for link in ("part_of", "subset_of"):
        links = {ind["id"]: ind[link] for ind in indicators if link in ind}
        for path in cycles(links):
            ctx.add("relation-cycle", f"/baseline/indicators/{where[path[0]]}/{link}", link=link,
                    text={"label": _label(indicators[where[path[0]]]), "path": " → ".join(path)})


def table_rows(ctx: Context, ti: int, table: Mapping[str, Any]) -> None:
    """Row hierarchy (a row's `parent`), empty cells and empty parent rows of one table."""
    base = f"/baseline/tables/{ti}"
    for si, section in enumerate(table["sections"]):
        rows = section["rows"]
        where = {row["id"]: ri for ri, row in enumerate(rows) if "id" in row}
        parents = {row["id"]: row["parent"] for row in rows if "id" in row and "parent" in row}
        cyclic: set[str] = set()
        for path in cycles(parents):
            cyclic.update(path)
            ctx.add("relation-cycle", f"{base}/sections/{si}/rows/{where[path[0]]}/parent", link="parent",
                    text={"label": row_label(table, rows[where[path[0]]]), "path": " → ".join(path)})
        children: dict[int, list[int]] = {}
        for ri, row in enumerate(rows):
            if row.get("parent") in where and row.get("id") not in cyclic:
                children.setdefault(where[row["parent"]], []).append(ri)
        columns = [c["id"] for c in table["columns"]]
        siblings: dict[Any, list[int]] = {}
        for ri, row in enumerate(rows):
            if ri not in children:
                siblings.setdefault(row.get("parent") if row.get("parent") in where else None, []).append(ri)
        for group in siblings.values():
            empty_cells(ctx, f"{base}/sections/{si}/rows", table, rows, group, columns)
        for ri, kids in children.items():
            parent_row(ctx, f"{base}/sections/{si}/rows/{ri}", table, rows, ri, kids, columns)


def row_label(table: Mapping[str, Any], row: Mapping[str, Any]) -> str:
    seq = f"{row['seq']} " if "seq" in row else ""
    return _("table {table!r}, row {seq}{name!r}").format(table=table["id"], seq=seq, name=row["name"])


def _cell(row: Mapping[str, Any], column: str) -> bool:
    """Whether the document prints something in the cell: a figure, or a dash ('-': none)."""
    return column in row["values"] or column in row.get("dashes", [])


def empty_cells(ctx: Context, pointer: str, table: Mapping, rows: list, group: list[int], columns: list[str]) -> None:
    for ri in group:
        others = [rows[o] for o in group if o != ri]
        empty = [c for c in columns if not _cell(rows[ri], c) and _filled(others, c)]
        if empty:
            filled = min(sum(_cell(o, c) for o in others) for c in empty)
            ctx.add("table-gap", f"{pointer}/{ri}/values", check="empty-cell", empty=len(empty),
                    text={"label": row_label(table, rows[ri]), "columns": _names(table, empty),
                          "filled": _("{filled} of the {rows} other rows").format(filled=filled, rows=len(others))})


def _filled(others: list, column: str) -> bool:
    filled = sum(_cell(o, column) for o in others)
    return filled >= MIN_FILLED and filled >= FILLED_SHARE * len(others)


def _names(table: Mapping[str, Any], columns: list[str]) -> str:
    names = {c["id"]: c["name"] for c in table["columns"]}
    return ", ".join(repr(names[c]) for c in columns)


def parent_row(ctx: Context, pointer: str, table: Mapping, rows: list, ri: int, kids: list[int],
               columns: list[str]) -> None:
    """A parent row: empty where its sub-rows are filled; equal to its parts' sum where the
    sub-rows are its parts (not 'trong đó' subsets) and the column adds up; not below a subset."""
    parent = rows[ri]
    empty = [c for c in columns if not _cell(parent, c) and any(c in rows[k]["values"] for k in kids)]
    if empty:
        ctx.add("table-gap", f"{pointer}/values", check="empty-parent", empty=len(empty),
                text={"label": row_label(table, parent), "columns": _names(table, empty),
                      "filled": _("its {rows} sub-rows").format(rows=len(kids))})
    summable = {c["id"] for c in table["columns"] if c.get("summable", True)}
    parts = [rows[k] for k in kids if not rows[k].get("subset")]
    for column in columns:
        if column not in parent["values"]:
            continue
        printed = dec(parent["values"][column])
        if column in summable and parts and all(_cell(p, column) for p in parts):
            count_check(ctx, "row-parts", f"{pointer}/values/{escape(column)}",
                        _("{row}, column {column!r}, against its sub-rows").format(row=row_label(table, parent),
                                                                                   column=column),
                        printed, [p["values"].get(column, 0) for p in parts])
        for k in kids:
            if rows[k].get("subset") and column in rows[k]["values"]:
                value = dec(rows[k]["values"][column])
                ctx.add("subset-check", f"{pointer.rpartition('/')[0]}/{k}/values/{escape(column)}",
                        text={"label": row_label(table, rows[k]), "subset_text": number(value.normalize(), 6),
                              "superset_text": number(printed.normalize(), 6),
                              "superset_label": row_label(table, parent)},
                        subset=value, superset=printed, exceeds=value > printed)

