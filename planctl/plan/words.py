"""How a plan's words and numbers read in messages: normalised names, counts, printed numbers."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

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


# Lettered items follow the Vietnamese alphabet of legal texts: a) b) c) d) đ) e) g) h) i) k) ...
# (no f, j, w, z; the vowels with diacritics are never used as item letters).
LETTERS = "abcdđeghiklmnopqrstuvxy"
# Words printed before a number that name what is numbered: "Điều 2", "Phụ lục 3", "Bước 1".
NUMBER_WORDS = ("điều", "phụ lục", "phần", "chương", "mục", "khoản", "bước", "giai đoạn")
BULLETS = {"-", "+", "*", "•", "–"}


class PrintedNumber(NamedTuple):
    """A printed heading number read: its style and its parts ("2.3" is dotted (2, 3))."""

    style: str  # arabic, roman, letter, dotted, or the word printed before it ("điều")
    parts: tuple[int, ...]

    @property
    def last(self) -> int:
        return self.parts[-1]


def printed_number(seq: Any) -> PrintedNumber | None:
    """A heading's printed number as the outline reads it: 'IV', '3', '3.1', 'a', 'Điều 2';
    None for what is not a number ('1a', '?'). A bullet ('-') is not a number either: see
    `is_bullet`."""
    if isinstance(seq, bool):
        return None
    if isinstance(seq, int):
        return PrintedNumber("arabic", (seq,))
    if not isinstance(seq, str):
        return None
    text = unicodedata.normalize("NFC", seq).strip().rstrip(".)/:").strip()
    lowered = text.casefold() if " " in text else ""  # "Điều 2": a word, a space, a number
    for word in NUMBER_WORDS if lowered else ():
        if lowered.startswith(word + " "):
            inner = printed_number(text[len(word):].strip())
            return PrintedNumber(word, inner.parts) if inner and inner.style in ("arabic", "roman") else None
    if re.fullmatch(r"[0-9]+(\.[0-9]+)+", text):
        return PrintedNumber("dotted", tuple(int(p) for p in text.split(".")))
    if len(text) == 1 and text in LETTERS:  # 'i', 'v', 'x' alone are letters, as in a) ... i)
        return PrintedNumber("letter", (LETTERS.index(text) + 1,))
    if text.isascii() and (text.isdigit() or (text.isupper() and text.isalpha())):
        number = seq_number(text)
        if number is not None:
            return PrintedNumber("arabic" if text.isdigit() else "roman", (number,))
    if text.isascii() and text.islower() and text.isalpha() and seq_number(text) is not None:
        return PrintedNumber("roman", (seq_number(text) or 0,))  # ii, iii, iv: lower-case Roman
    if len(text) == 1 and text.casefold() in LETTERS:  # A. B. sections (upper-case letters that are not Roman)
        return PrintedNumber("letter", (LETTERS.index(text.casefold()) + 1,))
    return None


def is_bullet(seq: Any) -> bool:
    """A dash or plus printed before an item: it marks an item, it does not number it."""
    return isinstance(seq, str) and seq.strip() in BULLETS


def letter_text(index: int) -> str:
    """The item letter at a 1-based position of LETTERS ('đ' for 5)."""
    return LETTERS[index - 1] if 1 <= index <= len(LETTERS) else str(index)
