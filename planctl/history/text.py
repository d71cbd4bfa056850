"""How amounts, deltas, targets and changes read in every format: '3,000 → 3,500 (+500, +16.7%)'
in English, '3.000 → 3.500 (+500, +16,7%)' in Vietnamese.

Money arrives in VND and is shown in the plan's unit with thousands separators; a figure that
is not a whole number of that unit keeps up to three decimals. Every number goes through
lang.number, every phrase through lang._ (the one place the language is decided).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..plan.money import in_unit as in_unit
from ..plan.targets import COMPARATORS, target_text, value_text
from .diff import FieldChange, Money, ProjectChange, Status, TargetChange
from .lang import _, number
from .lang import percent as percent_text
from .lang import plural as plural_of
from .lang import unit_name as _unit_name

ABSENT = "—"

COUNTED = {  # the words planctl counts, with their plural message ids
    "plan": "{n} plans", "project": "{n} projects", "row": "{n} rows", "figure": "{n} figures",
    "printed total": "{n} printed totals", "commit": "{n} commits", "error": "{n} errors",
    "warning": "{n} warnings", "note": "{n} notes",
}


def plural(count: int, word: str) -> str:
    """'1 project', '3 projects', in the current language."""
    return plural_of(count, f"1 {word}", COUNTED.get(word, f"{{n}} {word}s"))


def unit_name(unit: str) -> str:
    """'million VND' / 'triệu đồng'."""
    return _unit_name(unit or "million VND")


def amount(vnd: int | None, unit: str, *, absent: str = ABSENT) -> str:
    """'1,234' (en) / '1.234' (vi) in the plan's unit; up to three decimals when not whole."""
    if vnd is None:
        return absent
    value = in_unit(vnd, unit)
    return number(value)


def signed(vnd: int, unit: str) -> str:
    return ("+" if vnd > 0 else "") + amount(vnd, unit) if vnd else "0"


def percent(money: Money) -> str:
    if money.old is None:
        return _("new") if money.new is not None else ABSENT
    if money.percent is None:  # from zero
        return ABSENT
    return percent_text(money.percent)


def change(money: Money, unit: str, *, show_unit: bool = False) -> str:
    """'3,000 → 3,500 (+500, +16.7%)', or '3,000 → 3,500 million VND (+500, +16.7%)'."""
    text = f"{amount(money.old, unit)} → {amount(money.new, unit)}" + (f" {unit_name(unit)}" if show_unit else "")
    if money.old is None:
        return f"{text} ({_('new')})" if money.new is not None else text
    if money.new is None:
        return f"{text} ({_('removed')})"
    if money.old:
        return f"{text} ({signed(money.delta, unit)}, {percent(money)})"
    return f"{text} ({signed(money.delta, unit)})"


def _number(raw: Any) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


# A target's value as printed, in the reader's way (the same as lint's messages).
plain_number = value_text


def value(raw: Any) -> str:
    """A field's value as a reviewer reads it."""
    if raw is None:
        return _("(none)")
    if isinstance(raw, bool):
        return _("yes") if raw else _("no")
    if _number(raw):
        return plain_number(raw)
    if isinstance(raw, (list, tuple)):
        return ", ".join(value(v) for v in raw) or _("(none)")
    if isinstance(raw, Mapping):
        return ", ".join(f"{k}: {value(v)}" for k, v in raw.items()) or _("(none)")
    return str(raw)


def field_name(field: str) -> str:
    """A field as a reviewer names it: 'lead' / 'cơ quan chủ trì'."""
    return _(field)


def field_value(field: str, raw: Any) -> str:
    """A field's value; a target's comparator as the sign a reviewer reads (≥, =)."""
    if field == "comparator" and isinstance(raw, str) and raw in COMPARATORS:  # a list is no comparator
        return COMPARATORS[raw]
    return value(raw)


def delta_text(field: str, old: Any, new: Any) -> str:
    """'+5' for a target's value that went from 50 to 55; '' for anything else."""
    if field in ("value", "value_max") and _number(old) and _number(new):
        try:
            delta = new - old
            return ("+" if delta > 0 else "") + plain_number(delta) if delta else "0"
        except OverflowError:  # a difference too large for a float (a 400-digit value) is not worked out
            return _("Δ too large to show")
    return ""


def field_change(item: FieldChange) -> str:
    """'lead Sở A → Sở B', 'value 50 → 55 (+5)'."""
    text = _("{field} {old} → {new}", field=field_name(item.field), old=field_value(item.field, item.old),
             new=field_value(item.field, item.new))
    delta = delta_text(item.field, item.old, item.new)
    return f"{text} ({delta})" if delta else text


def target_state(fields: Mapping[str, Any] | None) -> str:
    """'≥ 50% in 2015', '20–30% in 2015', 'qualitative' (plan/targets.py words it, as lint does)."""
    return ABSENT if fields is None else target_text(fields)


def also(names: Iterable[str]) -> str:
    names = list(names)
    return _("also changed: {names}", names=", ".join(field_name(n) for n in names)) if names else ""


def project_lines(item: ProjectChange, unit: str, source: Any = None, group: Any = None) -> list[str]:
    """The change made to one project, one short phrase per aspect. `source` and `group` name a
    funding source or a group from its id (the id itself when not given)."""
    def src(sid: str) -> str:
        return source(sid) if source else sid

    def grp(gid: str | None) -> str:
        return (group(gid) if group else gid) if gid else ABSENT

    if item.status is not Status.CHANGED:
        added = item.status is Status.ADDED
        sources = ", ".join(f"{src(line.key)} {amount(line.money.new if added else line.money.old, unit)}"
                            for line in item.sources)
        total = amount(item.total.new if added else item.total.old, unit)
        figures = f"{sources} ({_('total')} {total})" if sources else f"{_('total')} {total}"
        where = grp(item.new_group if added else item.old_group)
        return [f"{_('added') if added else _('removed')}, {_('in {group}', group=where)}: {figures}"]
    lines = [f"{src(line.key)} {change(line.money, unit)}" for line in item.sources]
    if item.total.changed and (len(item.sources) != 1 or item.sources[0].money != item.total):
        lines.append(f"{_('total')} {change(item.total, unit)}")
    lines += [f"{_('year {year}', year=line.key)} {change(line.money, unit)}" for line in item.years]
    if item.printed_total is not None and item.printed_total != item.total:  # else it says nothing new
        lines.append(f"{_('printed total')} {change(item.printed_total, unit)}")
    if item.moved:
        lines.append(_("moved from {old} to {new}", old=grp(item.old_group), new=grp(item.new_group)))
    lines += [field_change(f) for f in item.fields]
    if item.also:
        lines.append(also(item.also))
    return lines


def target_lines(item: TargetChange) -> list[str]:
    if item.status is Status.ADDED:
        return [f"{_('added')}: {target_state(item.new)}"]
    if item.status is Status.REMOVED:
        return [f"{_('removed')}: {target_state(item.old)}"]
    lines = [field_change(f) for f in item.fields]
    if item.also:
        lines.append(also(item.also))
    return lines


def block_label(key: str, group: Callable[[str], str] = str) -> str:
    """Where a printed total is printed, from its key: 'group … printed subtotal', 'budget in the text'."""
    parts = key.split("/")
    if parts[0] == "groups" and len(parts) > 1:
        return _("group {group} printed subtotal", group=group(parts[1]))
    return {"project_list": _("project list grand total"), "budget": _("budget in the text"),
            "phasing": _("phasing table")}.get(parts[0], parts[0])


def figure_label(key: str, group: Callable[[str], str] = str, source: Callable[[str], str] = str) -> str:
    """A printed total named for people, from its key ('groups/st-hr/by_source/nsdp')."""
    parts = key.split("/")
    block = block_label(key, group)
    if parts[0] == "groups":
        parts = parts[1:]
    if parts[0] == "phasing" and len(parts) >= 2:
        if parts[1] == "total":
            return _("phasing grand total")
        if parts[1] == "year_totals" and len(parts) == 3:
            return _("phasing total, {year}", year=parts[2])
        if len(parts) == 3:
            return (_("phasing {source}, total", source=source(parts[1])) if parts[2] == "total"
                    else _("phasing {source}, {year}", source=source(parts[1]), year=parts[2]))
    if len(parts) == 3 and parts[1] == "by_source":
        return f"{block}, {source(parts[2])}"
    if len(parts) == 3 and parts[1] == "by_type":
        return f"{block}, {_(parts[2])}"
    return block
