"""Rule documentation generated from the rule files: `planctl rules list|explain`, the README table."""

from __future__ import annotations

import textwrap

from ..i18n import _
from ..model import BUILTIN_RULES
from .facts import FACT_KINDS
from .rules import Rule


def table(rules: tuple[Rule, ...], markdown: bool = False) -> str:
    rows = [(r.id, r.severity.label, r.text("summary")) for r in rules]
    rows += [(r.id, r.severity.label, r.text("summary")) for r in BUILTIN_RULES.values()]
    if markdown:
        lines = ["| rule | severity | checks that |", "|---|---|---|"]
        lines += [f"| `{rid}` | {sev} | {summary} |" for rid, sev, summary in rows]
        return "\n".join(lines) + "\n"
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{rid:<{width}}  {sev:<7}  {summary}" for rid, sev, summary in rows) + "\n"


def explain(rule: Rule) -> str:
    fields = FACT_KINDS[rule.fact]
    parts = [
        f"{rule.id} ({rule.severity.label})",
        f"  {rule.text('summary')}",
        "",
        textwrap.indent(textwrap.fill(rule.text("description"), 88), "  "),
        "",
        "  " + _("Applies to: {fact} — {about}").format(fact=rule.fact, about=_(fields.about)),
        "  " + _("Message:    {message}").format(message=rule.text("message")),
        "  " + _("Hint:       {hint}").format(hint=rule.text("hint")),
        "  " + _("File:       {file}").format(file=f"{rule.path.parent.name}/{rule.path.name}"),
    ]
    for example in rule.examples:
        verdict = _("fires at line {line}").format(line=example.line) if example.fails else _("does not fire")
        parts += ["", "  " + _("Example ({verdict}):").format(verdict=verdict), textwrap.indent(example.plan.rstrip(), "    ")]
    return "\n".join(parts) + "\n"


def facts() -> str:
    """The fact kinds a rule's `fact:` may name, with the fields its `when:` and message may use."""
    parts = []
    for name, kind in FACT_KINDS.items():
        # The descriptions are English in the fact modules; their Vietnamese is in the catalog
        # (tools/vi_catalog.py FACTS; tests/i18n checks every kind has one).
        parts += [name, f"  {_(kind.about)}",
                  _("  fields:  {fields}").format(fields=", ".join(f"{f} ({t.value})" for f, t in kind.fields.items()))]
        texts = [t for t in kind.texts if t not in kind.fields] + [f"{m}_text" for m in kind.money()]
        if texts:
            parts.append(_("  texts:   {texts} (in messages only)").format(texts=", ".join(texts)))
        for check, about in kind.checks.items():
            parts.append(_("  check {check}: {about}").format(check=check, about=_(about)))
        parts.append("")
    parts.append(_("Money is written in million VND in a rule (the documents' unit), percentages as "
                   "printed (100 for 100%), booleans as true or false."))
    return "\n".join(parts) + "\n"
