"""How a plan's words and numbers read in messages: normalised names, counts, printed numbers."""

from __future__ import annotations

import unicodedata
from typing import Any

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def norm(text: str) -> str:
    """Text compared as a reader compares it: NFC, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


UNCOUNTABLE = {"info"}  # "2 info", as a severity


def number_text(raw: Any) -> str:
    """A number as printed: 50, 12.5 (never 50.0); anything else as it is."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return f"{raw:.0f}"
    try:
        return f"{raw:g}"
    except OverflowError:  # an int too large for a float (a 400-digit value): shown whole
        return str(raw)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word in UNCOUNTABLE else f"{count} {word}s"


def seq_number(seq: Any) -> int | None:
    """A printed number as an integer: 3, '3', 'IV'; None for '3.1', 'a' and the like."""
    if isinstance(seq, int) and not isinstance(seq, bool):
        return seq
    if isinstance(seq, str):
        s = seq.strip().rstrip(".")
        if s.isdigit():
            return int(s)
        if s and all(c in ROMAN for c in s.upper()):
            total, prev = 0, 0
            for c in reversed(s.upper()):
                v = ROMAN[c]
                total, prev = (total - v, prev) if v < prev else (total + v, v)
            return total
    return None
