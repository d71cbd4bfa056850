"""The filter stage: what a plan's waivers, its inline `# planctl: disable=RULE` comments and a
--baseline hide, in one place, each counted apart so every report can say what was hidden; and
the repository's `[tool.planctl.rules]` settings, which turn rules off or change their severity."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from ..document import Document
from ..errors import PlanctlError
from ..i18n import _, date
from ..model import BUILTIN_RULES, SCHEMA, SYNTAX, WAIVER_EXPIRED, WAIVER_INVALID, WAIVER_UNUSED, Finding, Severity

OFF = "off"
# A file that cannot be read, or does not match its schema, gets no policy check at all: hiding
# those findings would pass a broken plan without a word, so they cannot be configured.
NOT_CONFIGURABLE = (SYNTAX.id, SCHEMA.id)


class Filtered:
    """Findings sorted by what the waivers and suppression comments did to them."""

    def __init__(self, waived: list[Finding]) -> None:
        self.kept: list[Finding] = []
        self.waived = waived
        self.suppressed: list[Finding] = []


def in_files(findings: list[Finding], docs: Mapping[str, Document], *, waivers_of: set[str] | None = None,
             on: datetime.date | None = None) -> Filtered:
    """Apply the files' waivers (of the schema-valid files `waivers_of`, all by default) and their
    inline suppressions; report waivers that are stale or wrong."""
    waiving = {n: d for n, d in docs.items() if waivers_of is None or n in waivers_of}
    waived_out, waived, waiver_findings = _waive(findings, waiving, on or datetime.date.today())
    result = Filtered(waived=waived)
    for f in waived_out + waiver_findings:
        doc = docs.get(f.file)
        rules = doc.suppressions.get(f.line, ()) if doc else ()
        (result.suppressed if f.rule in rules or "all" in rules else result.kept).append(f)
    return result


def _waivers(doc: Document) -> list[dict]:
    data = doc.data
    waivers = data.get("waivers", []) if isinstance(data, dict) else []
    return [w for w in waivers if isinstance(w, dict)]


def _expiry(text: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def _waive(findings: list[Finding], docs: Mapping[str, Document],
           on: datetime.date) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(findings not waived, findings waived, findings about the waivers themselves)."""
    kept, waived, about = [], [], []
    used: set[tuple[str, int]] = set()
    for finding in findings:
        doc = docs.get(finding.file)
        waivers = _waivers(doc) if doc else []
        match = next((i for i, w in enumerate(waivers) if w.get("rule") == finding.rule and _covers(w, finding)), None)
        expires = _expiry(waivers[match].get("expires")) if match is not None else None
        if match is not None and expires is not None and expires >= on:
            used.add((finding.file, match))
            waived.append(finding)
        else:
            kept.append(finding)
    for name, doc in docs.items():
        for i, waiver in enumerate(_waivers(doc)):
            pointer = f"/waivers/{i}"
            expires = _expiry(waiver.get("expires"))
            if expires is None:
                about.append(doc.finding(WAIVER_INVALID.id, WAIVER_INVALID.severity,
                                         _("waiver expiry {expires!r} is not a date").format(expires=waiver.get('expires')),
                                         f"{pointer}/expires", hint=_("write the date as YYYY-MM-DD"), key=(pointer,)))
            elif expires < on:
                about.append(doc.finding(WAIVER_EXPIRED.id, WAIVER_EXPIRED.severity,
                                         _("waiver of {rule} expired on {date} (owner: {owner})").format(
                                             rule=waiver.get('rule'), date=date(expires), owner=waiver.get('owner')),
                                         f"{pointer}/expires",
                                         hint=_("fix the finding, or renew the waiver with a new date"), key=(pointer,)))
            elif (name, i) not in used:
                about.append(doc.finding(WAIVER_UNUSED.id, WAIVER_UNUSED.severity,
                                         _("waiver of {rule} matches no finding").format(rule=waiver.get('rule')), pointer,
                                         hint=_("remove the waiver: the finding it waived is gone"), key=(pointer,)))
    return kept, waived, about


def _covers(waiver: dict, finding: Finding) -> bool:
    pointer = waiver.get("pointer", "")
    return not pointer or finding.pointer == pointer or finding.pointer.startswith(pointer + "/")


def baseline(findings: list[Finding], known: Counter[str],
             fingerprint: Callable[[Finding], str]) -> tuple[list[Finding], list[Finding]]:
    """(findings the baseline does not know, findings it knows). A fingerprint counts as many
    times as the baseline holds it, so a second identical finding is new."""
    left = Counter(known)
    kept, hidden = [], []
    for f in findings:
        fp = fingerprint(f)
        if left[fp] > 0:
            left[fp] -= 1
            hidden.append(f)
        else:
            kept.append(f)
    return kept, hidden


def known_rule_ids() -> set[str]:
    """Every rule id, from the rule files' names (`rules/<category>/<name>.yaml` is rule
    `<category>.<name>`; the loader enforces it), without loading or compiling the rules."""
    from .rules import rule_files

    return {f"{path.parent.name}.{path.stem}" for path in rule_files()} | set(BUILTIN_RULES)


def check_rule_settings(settings: tuple[tuple[str, str], ...], source: Path | None) -> None:
    """Exit 2 naming the file and the key for a setting of a rule planctl does not have: a typo
    would otherwise leave the rule on (or at its severity) without a word."""
    if not settings:  # no rule file to list: the catalogue globs the rules folder itself (~0.8 ms)
        return
    known = known_rule_ids()
    table = "[rules]" if source is not None and source.name == "planctl.toml" else "[tool.planctl.rules]"
    for rule_id, _setting in settings:
        where = f"{source}: {table} {rule_id!r}"
        if rule_id in NOT_CONFIGURABLE:
            raise PlanctlError(_("{where}: {rule} findings cannot be turned off or changed: the file gets "
                                 "no other check until it is fixed").format(where=where, rule=rule_id))
        if rule_id not in known:
            import difflib  # ~1 ms that only a misspelt rule id needs

            close = difflib.get_close_matches(rule_id, sorted(known), n=3)
            hint = _("did you mean {rules}? ").format(rules=", ".join(close)) if close else ""
            raise PlanctlError(_("{where}: no such rule; {hint}`planctl rules list` lists them").format(
                where=where, hint=hint))


def apply_rule_settings(findings: list[Finding], settings: Mapping[str, str]) -> list[Finding]:
    """The findings with the repository's severities, without those of rules turned off."""
    if not settings:
        return findings
    kept = []
    for finding in findings:
        setting = settings.get(finding.rule)
        if setting is None:
            kept.append(finding)
        elif setting != OFF:
            kept.append(finding._replace(severity=Severity.parse(setting)))
    return kept
