"""Years printed inside a row's text: a project name ending "(2010- 2011)", a note "Năm 2010 đã thực hiện".

Only the forms that state when the row's own work happens are read. A year that names another
document ("QĐ 56/2007", "ngày 13/7/2010", "Kế hoạch ƯDCNTT 2011-2015", "giai đoạn 2008-2015" of a
cited plan), a baseline, or an orientation ("đến năm 2020", "Đến 2015") says nothing about the row's
schedule and is not read: flagging it would be a false alarm.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# "(2011)", "(2010- 2011)", "(2011 – 2012)": the schedule printed in parentheses after a name.
_NAME_SPAN = re.compile(r"\((\d{4})(?:\s*[-–]\s*(\d{4}))?\)")
# "năm 2011" / "Năm 2010" in a note — but not "đến năm 2020" (an orientation) nor "ngày … năm 2010"
# (the date of a letter or decision).
_NOTE_YEAR = re.compile(r"(?<![\w/])(?P<word>[Nn]ăm)\s+(?P<year>\d{4})\b")
_NOT_A_SCHEDULE = re.compile(r"(đến|tới|ngày|tháng\s+\d{1,2}|\d{1,2}/\d{1,2})\s*$", re.IGNORECASE)


class PrintedYears(NamedTuple):
    """A schedule printed in parentheses in a row's name, e.g. "(2010- 2011)"."""

    first: int
    last: int
    printed: str  # the text as printed, e.g. "(2010- 2011)"


def name_years(name: str) -> list[PrintedYears]:
    """The schedules printed in parentheses in a row's name."""
    return [PrintedYears(int(m[1]), int(m[2] or m[1]), m[0]) for m in _NAME_SPAN.finditer(name)]


def quoted_note(note: str) -> str | None:
    """The part of a note that quotes the document's Ghi chú cell, or None for the encoder's own
    commentary. By the plans' convention (plans/README.md, "Years in names and notes") a quoted cell
    is either the whole note in parentheses, as printed, or "Ghi chú: <cell>", optionally followed by
    " — <commentary>"."""
    text = note.strip()
    if text.startswith("Ghi chú:"):
        return text[len("Ghi chú:"):].split(" — ", 1)[0]
    if text.startswith("(") and text.endswith(")"):
        return text
    return None


def note_years(note: str) -> list[PrintedYears]:
    """The years a quoted note gives for the row's work ("Năm 2010 đã thực hiện", "trong năm 2011")."""
    quoted = quoted_note(note)
    if quoted is None:
        return []
    found = []
    for m in _NOTE_YEAR.finditer(quoted):
        if _NOT_A_SCHEDULE.search(quoted[:m.start()]):
            continue
        found.append(PrintedYears(int(m["year"]), int(m["year"]), m[0]))
    return found
