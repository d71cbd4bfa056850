"""Citations: a plan's legal bases against the national programmes' registry (rules/citations/)."""

from __future__ import annotations

import re

from ...i18n import _, date
from ...plan.words import norm
from .base import Context, FactKind, FieldType

KINDS = (
    FactKind("citation-number", "The number of a legal basis that cites a national programme, next to the registry's.",
             {"programme": FieldType.TEXT, "cited_number": FieldType.TEXT, "registry_number": FieldType.TEXT},
             texts=("label",)),
    FactKind("citation-date", "The date of a legal basis that cites a national programme, next to the registry's.",
             {"programme": FieldType.TEXT, "cited_date": FieldType.TEXT, "registry_date": FieldType.TEXT},
             texts=("label", "cited_date_text", "registry_date_text")),
    FactKind("programme-citation", "A programme the plan implements and whether its legal bases cite it.",
             {"programme": FieldType.TEXT, "cited": FieldType.BOOL}, texts=("label",)),
    FactKind("citation-timing", "The date of a legal basis next to the document's own date (a submission's next to "
             "the decision it asks for).",
             {"basis": FieldType.TEXT, "after_document": FieldType.BOOL},
             texts=("label", "cited_date_text", "document_date_text", "document")),
    FactKind("citation-printed-date", "A legal basis's date next to its date_as_printed, read as a date "
             "(22/9/2010, 26 tháng 11 năm 2003).",
             {"agrees": FieldType.BOOL}, texts=("label", "date_text", "as_printed", "printed_text")),
    FactKind("effective-date", "The date a document takes effect, as printed, next to the date it is signed.",
             {"before_signing": FieldType.BOOL}, texts=("effective_text", "document_date_text", "document")),
)


def cited_programme(ctx: Context, citation: dict) -> str | None:
    """The programme a citation cites: its `programme` link, else the programme with its number."""
    by_number = {norm(p["number"]): pid for pid, p in ctx.programmes.items()}
    return citation.get("programme") or by_number.get(norm(citation.get("number", "")))


def derive(ctx: Context) -> None:
    cited: set[str] = set()
    for ci, citation in enumerate(ctx.plan.get("citations", [])):
        pid = cited_programme(ctx, citation)
        if pid is None or pid not in ctx.programmes:
            continue
        cited.add(pid)
        registry = ctx.programmes[pid]
        # Numbers compare normalised (1605/QĐ-TTg = 1605/qđ-ttg); messages print them as written.
        ctx.add("citation-number", f"/citations/{ci}/number", programme=pid,
                cited_number=norm(citation["number"]), registry_number=norm(registry["number"]),
                text={"label": citation["number"], "registry_number": registry["number"]})
        if "date" in citation:
            ctx.add("citation-date", f"/citations/{ci}/date", programme=pid, cited_date=citation["date"],
                    registry_date=registry["date"],
                    text={"label": citation["number"], "cited_date_text": date(citation["date"]),
                          "registry_date_text": date(registry["date"])})
    for ii, pid in enumerate(ctx.plan.get("implements", [])):
        if pid in ctx.programmes:
            ctx.add("programme-citation", f"/implements/{ii}", programme=pid, cited=pid in cited,
                    text={"label": ctx.programmes[pid]["number"]})
    printed_dates(ctx)
    timing(ctx)


def citation_label(citation: dict) -> str:
    """A legal basis as a message names it: its number, else its title (a law cited by name)."""
    return str(citation.get("number") or citation.get("title") or citation["id"])


# "22/9/2010", "ngày 03 tháng 5 năm 2007": the two ways the documents print a date.
_PRINTED_DATE = re.compile(r"^\s*(?:ngày\s+)?(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)(\d{4})\s*$", re.IGNORECASE)


def printed_date(text: str) -> str | None:
    """A date as printed, as YYYY-MM-DD (not checked to exist: 30/2 stays 02-30), or None."""
    m = _PRINTED_DATE.match(text)
    return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else None


def printed_dates(ctx: Context) -> None:
    """The encoded date against the date as printed: a typo while encoding changes what every
    other date check compares. A date_as_printed in another form is not read."""
    for ci, citation in enumerate(ctx.plan.get("citations", [])):
        printed = printed_date(str(citation.get("date_as_printed", "")))
        if printed and "date" in citation:
            ctx.add("citation-printed-date", f"/citations/{ci}/date", agrees=printed == citation["date"],
                    text={"label": citation_label(citation), "date_text": date(citation["date"]),
                          "as_printed": str(citation["date_as_printed"]), "printed_text": date(printed)})


def timing(ctx: Context) -> None:
    """Legal bases and the effective date against the document's own date. ISO dates compare as
    text, so the comparison is made here and the rules test its outcome."""
    document = ctx.plan.get("document", {})
    issued = document.get("date")
    if not issued:
        return
    own = {"document": str(document.get("number") or _("the document")), "document_date_text": date(issued)}
    for ci, citation in enumerate(ctx.plan.get("citations", [])):
        if "date" in citation:
            ctx.add("citation-timing", f"/citations/{ci}/date", basis=citation.get("kind", ""),
                    after_document=citation["date"] > issued,
                    text={"label": citation_label(citation), "cited_date_text": date(citation["date"]), **own})
    effective = document.get("effective", {})
    if "date" in effective:
        ctx.add("effective-date", "/document/effective/date", before_signing=effective["date"] < issued,
                text={"effective_text": date(effective["date"]), **own})
