"""The language planctl speaks: English or Vietnamese. The only module that imports Babel.

    from planctl.i18n import _, ngettext, number, money, percent, date

`_(msgid)` translates an English message (gettext); the Vietnamese catalog is
planctl/locale/vi/LC_MESSAGES/planctl.po, compiled to planctl.mo next to it (`pybabel compile`,
see the README's contributor part; a test checks that the two agree). English is the msgid
itself, so an English run never opens a catalog and never imports Babel.

Numbers, money, percentages and dates are written the reader's way: `439,050` and `45.5%` in
English, `439.050` and `45,5%` in Vietnamese (Babel's CLDR data), money with the document's
unit words ("439.050 triệu đồng"). These are for people only: JSON values, rule ids and
fingerprints never go through here.

The language is chosen once per run (cli.py): `--lang`, else `[tool.planctl] lang`, else
LC_ALL / LC_MESSAGES / LANG, else English (`choose`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as _dt
    import gettext as _gettext
    from decimal import Decimal

LANGUAGES = ("en", "vi")
DEFAULT = "en"
DOMAIN = "planctl"
LOCALE_DIR = Path(__file__).parent / "locale"
ENV_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set wins

# The money units of plan files (plan/money.py UNIT_VND), as the documents write them.
_UNIT_WORDS = {
    "vi": {"VND": "đồng", "thousand VND": "nghìn đồng", "million VND": "triệu đồng", "billion VND": "tỷ đồng"},
}

_language = DEFAULT


def parse_language(value: Any) -> str | None:
    """'vi', 'vi_VN.UTF-8', 'en-US' → 'vi' / 'en'; None for anything planctl does not speak."""
    if not isinstance(value, str):
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose(option: str | None = None, configured: str | None = None,
           environ: Mapping[str, str] | None = None) -> str:
    """The language of a run: the --lang option, then [tool.planctl] lang, then the locale
    variables (LC_ALL, LC_MESSAGES, LANG: the first one set decides, as for gettext), else English."""
    for given in (option, configured):
        if given:
            return parse_language(given) or DEFAULT
    for name in ENV_VARIABLES:
        value = (environ or {}).get(name)
        if value:
            return parse_language(value) or DEFAULT
    return DEFAULT


def set_language(lang: str) -> None:
    global _language
    parsed = parse_language(lang)
    if parsed is None:
        raise ValueError(f"unknown language {lang!r}: use {' or '.join(LANGUAGES)}")
    _language = parsed


def language() -> str:
    return _language


@cache
def catalog_stamp(language: str) -> bytes:
    """What a cache key takes of the compiled catalog of `language` (diskcache.stamp): results
    written in its words are not reused after a translation changes. b"" for English, whose texts
    are the code's."""
    from .diskcache import stamp

    try:
        return stamp(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo")
    except OSError:
        return b""


@cache
def _catalog(lang: str) -> _gettext.NullTranslations:
    import gettext as _gettext  # only when not English: 1-2 ms of start-up

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return _gettext.GNUTranslations(file)
    except OSError:
        return _gettext.NullTranslations()


def _(msgid: str) -> str:
    """The message in the run's language (the English msgid when there is no translation)."""
    if _language == DEFAULT or not msgid:
        return msgid
    return _catalog(_language).gettext(msgid)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _language == DEFAULT:
        return singular if n == 1 else plural
    return _catalog(_language).ngettext(singular, plural, n)


def prepare() -> None:
    """Load what the run's language needs (catalog, Babel's locale data) now: before forking lint
    workers, so that each does not load it again."""
    if _language != DEFAULT:
        _catalog(_language)
        number(1.5)


def N_(msgid: str) -> str:
    """Marks a message for extraction where it is defined; `_()` translates it where it is shown."""
    return msgid


@cache
def _babel_locale(lang: str) -> Any:
    from babel.core import Locale

    return Locale.parse(lang)


def number(value: int | float | Decimal, decimals: int = 3) -> str:
    """A number for a reader: 439,050 / 439.050; up to `decimals` decimals, trailing zeros cut."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if _language == DEFAULT:
        if isinstance(value, int):
            return f"{value:,}"
        return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals and not isinstance(value, int) else "")
    return format_decimal(value, format=pattern, locale=_babel_locale(_language))


def signed_number(value: int | float | Decimal, decimals: int = 3) -> str:
    """'+1,500', '-1,000', '0'."""
    return ("+" if value > 0 else "") + number(value, decimals) if value else "0"


def unit_name(unit: str) -> str:
    """A money unit as the reader's documents write it: 'million VND' / 'triệu đồng'."""
    return _UNIT_WORDS.get(_language, {}).get(unit, unit)


def _in_unit(vnd: int, unit: str) -> int | float:
    from .plan.money import in_unit

    return in_unit(vnd, unit)


def amount(vnd: int | None, unit: str, *, absent: str = "—", signed: bool = False) -> str:
    """Whole VND as a number of `unit`, without the unit: '1,234' / '1.234'."""
    if vnd is None:
        return absent
    value = _in_unit(vnd, unit)
    return signed_number(value) if signed else number(value)


def money(vnd: int, unit: str, *, signed: bool = False) -> str:
    """Whole VND written in `unit` with the unit: '439,050 million VND' / '439.050 triệu đồng'."""
    return f"{amount(vnd, unit, signed=signed)} {unit_name(unit)}"


def percent(value: int | float | Decimal, decimals: int = 1) -> str:
    """45.5 → '45.5%' / '45,5%' (the value as written, not a fraction)."""
    return number(value, decimals) + "%"


def date(value: _dt.date | str) -> str:
    """A date: ISO (2010-09-22) in English, as the documents write it (22/9/2010) in Vietnamese.
    Text that is not an ISO date is returned as it is."""
    import datetime as _dt

    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if _language == DEFAULT:
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, "d/M/yyyy", locale=_babel_locale(_language))
