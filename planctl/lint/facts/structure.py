"""Structure: the document's outline as printed and what the file covers (rules/structure/).

The outline (`outline:`) is a tree of headings, each with its number as printed. Each numbered
heading is compared with the one printed before it at its level, as identity.numbering does
for the project list: a gap (1, 2, 4), a repeat (5, 5), a list not starting at 1 / I / a, a
sub-heading under the wrong parent ("1.1" under "5"), a number that is none of these. A dash
item or an unnumbered heading is not part of the numbering: it neither breaks a run nor opens a
gap. `coverage:` says what the source text lacks, so a missing part is reported as missing from
the source, not as a mistake of the document: a decision whose Điều 1 is not in the text is not
a list "starting at 2"; a plan whose project appendix is not in the text has no budget to check.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...plan.words import PrintedNumber, is_bullet, letter_text, printed_number
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("outline-number", "A numbered heading of the outline next to the one printed before it at its level "
             "(the first of its level: `first`, compared with 1; `repeated`: the same number as the one before).",
             {"seq": FieldType.INT, "previous": FieldType.INT, "expected": FieldType.INT, "first": FieldType.BOOL,
              "repeated": FieldType.BOOL, "known": FieldType.BOOL, "parent_ok": FieldType.BOOL, "text_missing": FieldType.BOOL},
             texts=("label", "heading", "line", "seq_text", "previous_text", "expected_text", "parent_text")),
    FactKind("outline-link", "An outline id named by the coverage (`announced_at`, `within`), and whether the "
             "outline has it.", {"known": FieldType.BOOL}, texts=("link", "field")),
    FactKind("coverage-part", "A part of the document the source text does not print, or the file does not encode "
             "(`checkable`: it holds figures planctl would check, or belongs to a numbered list of the outline).",
             {"in_source": FieldType.BOOL, "encoded": FieldType.BOOL, "checkable": FieldType.BOOL,
              "no_budget": FieldType.BOOL},
             texts=("title", "where", "consequence")),
    FactKind("money-presence", "A plan with a coverage statement and no money at all (no budget, no phasing, no "
             "amount for a project): whether it names funding sources or announces an appendix, and whether the "
             "source text has every part that would hold the money (`money_in_source`).",
             {"declares_sources": FieldType.BOOL, "announces_appendix": FieldType.BOOL,
              "money_in_source": FieldType.BOOL},
             texts=("sources_text", "announced_text")),
)

MONEY_PARTS = {"projects", "budget", "phasing"}
CHECKED_PARTS = MONEY_PARTS | {"baseline", "targets"}


def derive(ctx: Context) -> None:
    outline = ctx.plan.get("outline", [])
    walked = list(walk(outline, "/outline"))
    nodes = {node["id"]: (pointer, node) for pointer, node in walked if "id" in node}
    coverage = ctx.plan.get("coverage", {})
    missing_within = {p["within"] for p in coverage.get("parts", []) if not p["in_source"] and "within" in p}
    numbering(ctx, outline, "/outline", None, missing_within)
    parts(ctx, coverage, nodes)
    money_presence(ctx, coverage, [node for _pointer, node in walked])


def walk(nodes: list[dict], base: str) -> Iterator[tuple[str, dict]]:
    """(pointer, node) of every outline node, in document order."""
    for i, node in enumerate(nodes):
        pointer = f"{base}/{i}"
        yield pointer, node
        yield from walk(node.get("children", []), f"{pointer}/children")


def heading_text(node: dict | None) -> str:
    if node is None:
        return _("the outline's top level")
    title = node["title"].rstrip(" :.;/")  # the heading's own colon would double the message's
    title = title if len(title) <= 60 else title[:57].rstrip() + "…"
    return f"{node['seq']}. {title}" if "seq" in node else title


def number_text(number: PrintedNumber, index: int) -> str:
    """A position of a run written in the run's style: 3 → 'III' in a Roman run, 'c' in a lettered one."""
    if number.style == "letter":
        return letter_text(index)
    if number.style == "roman":
        return roman(index)
    if number.style == "dotted":
        return ".".join(str(p) for p in (*number.parts[:-1], index))
    if number.style == "arabic":
        return str(index)
    return f"{number.style.capitalize()} {index}"


def roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out or str(n)


def numbering(ctx: Context, nodes: list[dict], base: str, parent: dict | None, missing_within: set[str]) -> None:
    """One level of the outline: each numbered heading against the one before it of its style."""
    parent_heading = heading_text(parent)
    label = _("numbering under {heading}").format(heading=parent_heading)
    parent_number = printed_number(parent.get("seq")) if parent else None
    text_missing = parent is not None and parent.get("id") in missing_within
    previous: dict[tuple, tuple[PrintedNumber, object]] = {}  # per style (and depth for 2.1, 2.1.1)
    unreadable = False  # a number before could not be read: it may be this run's start
    for i, node in enumerate(nodes):
        pointer = f"{base}/{i}"
        numbering(ctx, node.get("children", []), f"{pointer}/children", node, missing_within)
        if "seq" not in node or is_bullet(node["seq"]):
            continue
        number = printed_number(node["seq"])
        texts = {"label": label, "heading": heading_text(node), "line": node["source"], "seq_text": str(node["seq"]),
                 "parent_text": parent_heading}
        if number is None:
            ctx.add("outline-number", f"{pointer}/seq", seq=0, previous=0, expected=1, first=True, repeated=False, known=False,
                    parent_ok=True, text_missing=text_missing,
                    text={**texts, "previous_text": "", "expected_text": ""})
            unreadable = True
            continue
        run = (number.style, len(number.parts))
        before = previous.get(run)
        # A dotted heading starts a new run when its prefix changes: 1.2 then 2.1 is two lists.
        first = before is None or before[0].parts[:-1] != number.parts[:-1]
        last = 0 if first or before is None else before[0].last
        expected = expected_after(number, last)
        if first and unreadable:  # "5.1a, 5.2": one typo, one finding (not also "starts at 5.2")
            expected = number.last
        ctx.add("outline-number", f"{pointer}/seq", seq=number.last, previous=last, expected=expected,
                first=first, repeated=not first and number.last == last, known=True,
                parent_ok=not first or parent_fits(number, parent_number),
                text_missing=text_missing,
                text={**texts, "previous_text": "" if first or before is None else str(before[1]),
                      "expected_text": number_text(number, expected)})
        previous[run] = (number, node["seq"])


def expected_after(number: PrintedNumber, last: int) -> int:
    # Lettered items run a) ... d) đ) e): after d) both đ) and e) are the next letter (many texts skip đ).
    if number.style == "letter" and last == 4 and number.last == 6:
        return 6
    return last + 1


def parent_fits(number: PrintedNumber, parent: PrintedNumber | None) -> bool:
    """A dotted heading (2.3) belongs under the heading its prefix names (2); under a Roman section,
    a letter or an unnumbered heading nothing says where it belongs."""
    if number.style != "dotted" or parent is None or parent.style not in ("arabic", "dotted"):
        return True
    return number.parts[:-1] == parent.parts


def parts(ctx: Context, coverage: dict, nodes: dict[str, tuple[str, dict]]) -> None:
    no_money = not has_money(ctx)
    for pi, part in enumerate(coverage.get("parts", [])):
        for field in ("announced_at", "within"):
            if field in part:
                ctx.add("outline-link", f"/coverage/parts/{pi}/{field}", known=part[field] in nodes,
                        text={"link": part[field], "field": field})
        if part["in_source"] and part.get("encoded", True):
            continue
        holds_money = bool(MONEY_PARTS & set(part.get("holds", [])))
        announced, within = nodes.get(part.get("announced_at", "")), nodes.get(part.get("within", ""))
        # A missing header or signature hides nothing planctl checks; a missing article, appendix or
        # table does: its figures, or the numbering of the list it belongs to.
        checkable = bool(CHECKED_PARTS & set(part.get("holds", []))) or "within" in part
        ctx.add("coverage-part", f"/coverage/parts/{pi}", in_source=part["in_source"],
                encoded=part.get("encoded", True), checkable=checkable, no_budget=holds_money and no_money,
                text={"title": part["title"], "where": where_text(announced, within),
                      "consequence": consequence(holds_money and no_money, within)})


def where_text(announced: tuple[str, dict] | None, within: tuple[str, dict] | None) -> str:
    if announced:
        return _(" (announced at '{heading}', {line})").format(heading=heading_text(announced[1]),
                                                               line=announced[1]["source"])
    if within:
        return _(" (in '{heading}', {line})").format(heading=heading_text(within[1]), line=within[1]["source"])
    return ""


def consequence(no_money: bool, within: tuple[str, dict] | None) -> str:
    if no_money:
        return _(": the file has no project list and no budget to check")
    numbered = [n for n in (within[1].get("children", []) if within else []) if "seq" in n and not is_bullet(n["seq"])]
    if numbered:  # why the list is not reported as starting at 2
        return _(": the numbering there starts at {seq} and is not checked from the start").format(
            seq=numbered[0]["seq"])
    return ""


def has_money(ctx: Context) -> bool:
    plan = ctx.plan
    if "budget" in plan or "phasing" in plan:
        return True
    return any("amounts" in p or "total" in p for _base, _group, p in ctx.view.projects())


def money_presence(ctx: Context, coverage: dict, nodes: list[dict]) -> None:
    if not coverage or has_money(ctx):
        return
    sources = ctx.plan.get("funding_sources", [])
    money_parts = [p for p in coverage.get("parts", []) if MONEY_PARTS & set(p.get("holds", []))]
    appendices = [node for node in nodes if node.get("kind") == "appendix"]
    announced_text = ", ".join([p["title"] for p in money_parts] + [heading_text(n) for n in appendices])
    ctx.add("money-presence", "/funding_sources" if sources else "/coverage",
            declares_sources=bool(sources), announces_appendix=bool(money_parts or appendices),
            money_in_source=all(p["in_source"] and p.get("encoded", True) for p in money_parts),
            text={"sources_text": ", ".join(s["name"] for s in sources if "parent" not in s),
                  "announced_text": announced_text})
