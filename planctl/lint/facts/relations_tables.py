"""Relations inside baseline tables, and their completeness (rules/relations/, with relations.py).

A table row names the row it breaks down (`parent`; `subset: true` for a 'trong đó' sub-row); a
column names the columns it is computed from (`ratio`: 'Tỷ lệ máy tính/CBCC') or the column it is
part of (`subset_of`: 'Trong đó: số máy nối mạng Internet'). Empty cells are what the plan leaves
out ("absent is absent"); a '-' printed in a cell is listed in the row's `dashes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...document import escape
from ...i18n import _, number
from .base import Context, FactKind, FieldType
from .consistency import count_check
from .graph import cycles
from .relations import amount, computed_text, dec, decimals, is_money, link, path_text, share_consistent

KINDS = (
    FactKind("table-gap", "A baseline table row that leaves cells empty (check names which kind of row).",
             {"check": FieldType.TEXT, "empty": FieldType.INT},
             texts=("label", "columns", "filled"),
             checks={"empty-cell": "a row that leaves empty a column almost every other row fills",
                     "empty-parent": "a parent row left empty while its sub-rows are filled"}),
)

# A column counts as filled by "the other rows" when at least this share of them fill it (and at
# least MIN_FILLED rows do): a column often left empty is read as optional in that table.
FILLED_SHARE = Decimal("0.75")
MIN_FILLED = 3


def derive(ctx: Context) -> None:
    for ti, table in enumerate(ctx.plan.get("baseline", {}).get("tables", [])):
        base = f"/baseline/tables/{ti}"
        table_links(ctx, base, table)
        for si, section in enumerate(table["sections"]):
            rows_of_section(ctx, f"{base}/sections/{si}", table, section["rows"])
            for ri, row in enumerate(section["rows"]):
                columns(ctx, f"{base}/sections/{si}/rows/{ri}/values", table, row_label(table, row), row["values"])
            if section.get("stated"):
                columns(ctx, f"{base}/sections/{si}/stated", table,
                        _("table {table!r}, section {section}").format(table=table["id"], section=section.get("seq", si + 1)),
                        section["stated"])
        if table.get("stated"):
            columns(ctx, f"{base}/stated", table, _("table {table!r}, total row").format(table=table["id"]), table["stated"])


def table_links(ctx: Context, base: str, table: Mapping[str, Any]) -> None:
    """The columns a column's ratio or subset_of and a row's dashes name; the row a row's parent names."""
    columns = {c["id"] for c in table["columns"]}
    a_column = _("the id of a column of this table")
    for ci, column in enumerate(table["columns"]):
        label = _("table {table!r}, column {column!r}").format(table=table["id"], column=column["id"])
        named = [("subset_of", column["subset_of"])] if "subset_of" in column else []
        named += [(f"ratio/{end}", column["ratio"][end]) for end in ("numerator", "denominator") if "ratio" in column]
        for where, target in named:
            link(ctx, f"{base}/columns/{ci}/{where}", where.replace("/", " "), target, target in columns, label, a_column)
    a_row = _("the id of a row of the same section")
    for si, section in enumerate(table["sections"]):
        rows = {r["id"] for r in section["rows"] if "id" in r}
        for ri, row in enumerate(section["rows"]):
            pointer = f"{base}/sections/{si}/rows/{ri}"
            if "parent" in row:
                link(ctx, f"{pointer}/parent", "parent", row["parent"], row["parent"] in rows, row_label(table, row), a_row)
            for di, column_id in enumerate(row.get("dashes", [])):
                link(ctx, f"{pointer}/dashes/{di}", "dashes", column_id, column_id in columns, row_label(table, row), a_column)


def row_label(table: Mapping[str, Any], row: Mapping[str, Any]) -> str:
    seq = f"{row['seq']} " if "seq" in row else ""
    return _("table {table!r}, row {seq}{name!r}").format(table=table["id"], seq=seq, name=row["name"])


def columns(ctx: Context, pointer: str, table: Mapping[str, Any], label: str, values: Mapping[str, Any]) -> None:
    """One row's (or total row's) cells against the columns they are computed from or part of."""
    names = {c["id"]: c["name"] for c in table["columns"]}
    units = {c["id"]: c.get("unit") for c in table["columns"]}
    for column in table["columns"]:
        col = column["id"]
        if col not in values:
            continue
        cell = f"{pointer}/{escape(col)}"
        whole = column.get("subset_of")
        if whole in values:
            part_vnd, whole_vnd = amount(values[col], column.get("unit")), amount(values[whole], units.get(whole))
            ctx.add("subset-check", cell, text={"label": f"{label}, {names[col]!r}",
                                                "subset_text": number(dec(values[col]).normalize(), 6),
                                                "superset_text": number(dec(values[whole]).normalize(), 6),
                                                "superset_label": repr(names[whole])},
                    subset=dec(values[col]), superset=dec(values[whole]), exceeds=part_vnd > whole_vnd,
                    money=is_money(column.get("unit")) or is_money(units.get(whole)))
        link = column.get("ratio")
        if link and link["numerator"] in values and link["denominator"] in values:
            money = is_money(units.get(link["numerator"])) and is_money(units.get(link["denominator"]))
            parts = [(values[end], units[end] if money else None) for end in (link["numerator"], link["denominator"])]
            ratio_cell(ctx, cell, f"{label}, {names[col]!r}", values[col], parts, dec(link.get("per", 100)), money)


def ratio_cell(ctx: Context, pointer: str, label: str, printed: Any, parts: list[tuple[Any, Any]], per: Decimal,
               money: bool) -> None:
    """One printed share against its row's numerator and denominator cells, each (value, money unit or None)."""
    share = dec(printed)
    (num_printed, num_unit), (den_printed, den_unit) = parts
    num, den = amount(num_printed, num_unit), amount(den_printed, den_unit)
    tol = Decimal(5) / (Decimal(10) ** (decimals(ctx, pointer) + 1))
    texts = {"label": label, "printed_text": number(share.normalize(), 6),
             "numerator_text": number(dec(num_printed).normalize(), 6),
             "denominator_text": number(dec(den_printed).normalize(), 6), "tolerance_text": number(tol.normalize(), 6)}
    if den == 0:
        if share != 0 or num != 0:  # a row of zeros printing 0 as its share is no mistake
            ctx.add("ratio-check", pointer, text=texts | {"computed_text": "—"}, printed=share, computed=0,
                    difference=0, tolerance=tol, consistent=False, zero_denominator=True, money=money)
        return
    computed = num * per / den
    ctx.add("ratio-check", pointer, text=texts | {"computed_text": computed_text(computed, tol)},
            printed=share, computed=computed, difference=share - computed, tolerance=tol,
            consistent=share_consistent(share, computed, tol), zero_denominator=False, money=money)


def rows_of_section(ctx: Context, pointer: str, table: Mapping[str, Any], rows: list) -> None:
    """Row hierarchy (a row's `parent`), empty cells and empty parent rows of one section."""
    where = {row["id"]: ri for ri, row in enumerate(rows) if "id" in row}
    parents = {row["id"]: row["parent"] for row in rows if "id" in row and "parent" in row}
    cyclic: set[str] = set()
    for path in cycles(parents):
        cyclic.update(path)
        ctx.add("relation-cycle", f"{pointer}/rows/{where[path[0]]}/parent", link="parent",
                text={"label": row_label(table, rows[where[path[0]]]), "path": path_text(path)})
    children: dict[int, list[int]] = {}
    for ri, row in enumerate(rows):
        if row.get("parent") in where and row.get("id") not in cyclic:
            children.setdefault(where[row["parent"]], []).append(ri)
    columns = [c["id"] for c in table["columns"]]
    levels: dict[Any, list[int]] = {}  # rows without sub-rows, by the row they break down
    for ri, row in enumerate(rows):
        if ri not in children:
            levels.setdefault(row.get("parent") if row.get("parent") in where else None, []).append(ri)
    for level in levels.values():
        empty_cells(ctx, f"{pointer}/rows", table, rows, level, columns)
    for ri, kids in children.items():
        parent_row(ctx, f"{pointer}/rows", table, rows, ri, kids, columns)


def _cell(row: Mapping[str, Any], column: str) -> bool:
    """Whether the document prints something in the cell: a figure, or a dash ('-': none)."""
    return column in row["values"] or column in row.get("dashes", [])


def _filled(others: list, column: str) -> bool:
    filled = sum(_cell(o, column) for o in others)
    return filled >= MIN_FILLED and filled >= FILLED_SHARE * len(others)


def _names(table: Mapping[str, Any], columns: list[str]) -> str:
    names = {c["id"]: c["name"] for c in table["columns"]}
    return ", ".join(repr(names[c]) for c in columns)


def empty_cells(ctx: Context, pointer: str, table: Mapping, rows: list, level: list[int], columns: list[str]) -> None:
    for ri in level:
        others = [rows[o] for o in level if o != ri]
        empty = [c for c in columns if not _cell(rows[ri], c) and _filled(others, c)]
        if empty:
            filled = min(sum(_cell(o, c) for o in others) for c in empty)
            ctx.add("table-gap", f"{pointer}/{ri}/values", check="empty-cell", empty=len(empty),
                    text={"label": row_label(table, rows[ri]), "columns": _names(table, empty),
                          "filled": _("{filled} of the {rows} other rows").format(filled=filled, rows=len(others))})


def parent_row(ctx: Context, pointer: str, table: Mapping, rows: list, ri: int, kids: list[int],
               columns: list[str]) -> None:
    """A parent row: empty where its sub-rows are filled; equal to its parts' sum where the
    sub-rows are its parts (not 'trong đó' subsets) and the column adds up; not below a subset."""
    parent = rows[ri]
    empty = [c for c in columns if not _cell(parent, c) and any(c in rows[k]["values"] for k in kids)]
    if empty:
        filled = sum(any(c in rows[k]["values"] for c in empty) for k in kids)
        ctx.add("table-gap", f"{pointer}/{ri}/values", check="empty-parent", empty=len(empty),
                text={"label": row_label(table, parent), "columns": _names(table, empty),
                      "filled": _("{filled} of its {rows} sub-rows").format(filled=filled, rows=len(kids))})
    summable = {c["id"] for c in table["columns"] if c.get("summable", True) and "ratio" not in c}
    parts = [rows[k] for k in kids if not rows[k].get("subset")]
    for column in columns:
        if column not in parent["values"]:
            continue
        printed = dec(parent["values"][column])
        if column in summable and parts and all(_cell(p, column) for p in parts):
            count_check(ctx, "row-parts", f"{pointer}/{ri}/values/{escape(column)}",
                        _("{row}, column {column!r}, against its sub-rows").format(row=row_label(table, parent),
                                                                                   column=column),
                        printed, [p["values"].get(column, 0) for p in parts])
        for k in kids:
            if rows[k].get("subset") and column in rows[k]["values"]:
                value = dec(rows[k]["values"][column])
                ctx.add("subset-check", f"{pointer}/{k}/values/{escape(column)}",
                        text={"label": row_label(table, rows[k]), "subset_text": number(value.normalize(), 6),
                              "superset_text": number(printed.normalize(), 6),
                              "superset_label": row_label(table, parent)},
                        subset=value, superset=printed, exceeds=value > printed,
                        money=is_money(next((c.get("unit") for c in table["columns"] if c["id"] == column), None)))
