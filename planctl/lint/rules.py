"""The rule catalogue: rule files in rules/<category>/*.yaml, validated like plans, compiled once.

A rule file is data: a condition on one fact kind, a message template and examples. Loading
checks what the schema cannot: that the fact kind exists, that every field the condition and the
templates use is a field of that kind, and that the engine accepts the condition.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..document import Document, escape, load
from ..errors import PlanctlError
from ..model import Severity
from ..resources import rules_dir
from . import engine, schema
from .facts import FACT_KINDS, FactKind, FieldType
from .facts.base import rule_value

POLICY_FOLDER = "policy"


@dataclass(frozen=True)
class Example:
    fails: bool
    plan: str
    line: int | None
    note: str


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    description: str
    fact: str
    message: str
    hint: str
    condition: engine.Condition
    examples: tuple[Example, ...]
    path: Path
    when: dict = field(default_factory=dict, compare=False)  # in the engine's terms (see facts/base.py)
    any_of: tuple = ()
    # Vietnamese (summary_vi, message_vi, hint_vi in the rule file): required, same {fields}.
    summary_vi: str = ""
    message_vi: str = ""
    hint_vi: str = ""

    def text(self, key: str) -> str:
        """summary, message or hint in the run's language (planctl/i18n.py)."""
        from ..i18n import language

        english = getattr(self, key)
        return (getattr(self, f"{key}_vi") or english) if language() == "vi" else english


def _template_fields(template: str) -> set[str]:
    """The names a message template uses. Only plain `{name}` is allowed: an empty `{}`, an
    attribute or index (`{a.b}`, `{a[0]}`) or a nested spec would reach into Python objects."""
    names = set()
    for _text, name, spec, _conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a field name (write {{field}})")
        if spec and "{" in spec:
            raise ValueError(f"{{{name}:{spec}}} nests a field in a format spec")
        names.add(name)
    return names


def _problem(path: Path, line: int, message: str) -> PlanctlError:
    return PlanctlError(f"{path}:{line}: {message}")


_LITERAL_TYPES = {
    FieldType.BOOL: ((bool,), "true or false"),
    FieldType.TEXT: ((str,), "a text"),
}


def _compile_tests(path: Path, doc: Document, pointer: str, tests: dict, kind: FactKind) -> dict:
    """A `when` (or one `any` branch) with its values in the engine's terms, checked against the
    fact kind: every field exists, every value has the field's type, every `check` is known."""
    compiled: dict = {}
    for name, test in tests.items():
        where = doc.locate(f"{pointer}/{escape(name)}").line
        field_type = kind.fields.get(name)
        if field_type is None:
            raise _problem(path, where, f"fact {kind.name!r} has no field {name!r} (fields: {', '.join(kind.fields)})")
        compiled[name] = {op: _compile_value(path, where, kind, name, field_type, op, value)
                          for op, value in (test.items() if isinstance(test, dict) else [("==", test)])}
    return compiled


def _compile_value(path: Path, where: int, kind: FactKind, name: str, field_type: FieldType, op: str,
                   value: Any) -> Any:
    if op == "exists":
        if not isinstance(value, bool):
            raise _problem(path, where, f"{name}: exists is true or false, not {value!r}")
        return value
    if isinstance(value, dict):  # {field: other}: the same fact's other field, of the same type
        other = kind.fields.get(value["field"])
        if other is None:
            raise _problem(path, where, f"fact {kind.name!r} has no field {value['field']!r} "
                                        f"(fields: {', '.join(kind.fields)})")
        if other is not field_type:
            raise _problem(path, where, f"{name} ({field_type.value}) cannot be compared with "
                                        f"{value['field']} ({other.value})")
        return value
    expected, said = _LITERAL_TYPES.get(field_type, ((int, float), "a number"))
    if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
        raise _problem(path, where, f"{name} is {field_type.value}: write {said}, not {value!r}")
    if name == "check" and kind.checks and value not in kind.checks:
        raise _problem(path, where, f"unknown check {value!r} of fact {kind.name!r} (checks: {', '.join(kind.checks)})")
    return rule_value(field_type, value)


def load_rule(path: Path) -> Rule:
    doc = load(path)
    if doc.error:
        raise _problem(path, doc.error.line, doc.error.message)
    if not isinstance(doc.data, dict):
        raise _problem(path, 1, "a rule file is a mapping")
    problems = schema.check(doc, "rule")
    if problems:
        p = problems[0]
        raise _problem(path, p.line, f"{p.message} ({p.hint})" if p.hint else p.message)
    data = doc.data
    kind = FACT_KINDS.get(data["fact"])
    if kind is None:
        raise _problem(path, doc.locate("/fact").line,
                       f"unknown fact kind {data['fact']!r} (known: {', '.join(sorted(FACT_KINDS))})")
    when = _compile_tests(path, doc, "/when", data.get("when", {}), kind)
    any_of = [_compile_tests(path, doc, f"/any/{i}", branch, kind) for i, branch in enumerate(data.get("any", []))]
    shown = kind.shown()
    for key in ("message", "hint", "message_vi", "hint_vi"):
        try:
            unknown = _template_fields(data.get(key, "")) - shown
        except ValueError as exc:
            raise _problem(path, doc.locate(f"/{key}").line, f"bad {key} template: {exc}") from None
        if unknown:
            raise _problem(path, doc.locate(f"/{key}").line,
                           f"{key} uses {{{min(unknown)}}}, which fact {data['fact']!r} does not have "
                           f"(available: {', '.join(sorted(shown))})")
    category, _, name = data["id"].partition(".")
    if path.stem != name or path.parent.name != category:
        raise _problem(path, doc.locate("/id").line,
                       f"rule {data['id']} must live in rules/{category}/{name}.yaml")
    condition = engine.compile_condition(data["id"], data["fact"], when, any_of or None)
    engine.check_condition(condition)
    _check_vietnamese(path, doc, data)
    examples = tuple(Example(e["fails"], e["plan"], e.get("line"), e.get("note", "")) for e in data["examples"])
    return Rule(data["id"], Severity.parse(data["severity"]), data["summary"], data["description"].strip(),
                data["fact"], data["message"], data.get("hint", ""), condition, examples, path,
                when, tuple(any_of), data["summary_vi"], data["message_vi"], data.get("hint_vi", ""))


def _check_vietnamese(path: Path, doc: Document, data: dict) -> None:
    """Every text a planner reads has its Vietnamese twin (`<key>_vi`) with the same template
    fields: a rule without it does not load."""
    for key in ("summary", "message", "hint"):
        if not data.get(key):
            continue
        twin = f"{key}_vi"
        if not data.get(twin):
            raise _problem(path, doc.locate(f"/{key}").line,
                           f"{key} has no Vietnamese translation: add {twin} (see docs/glossary.md)")
        english, vietnamese = _template_fields(data[key]), _template_fields(data[twin])
        if english != vietnamese:
            raise _problem(path, doc.locate(f"/{twin}").line,
                           f"{twin} uses {{{', '.join(sorted(vietnamese)) or ''}}} but {key} uses "
                           f"{{{', '.join(sorted(english)) or ''}}}: the two must use the same fields")


def rule_files(folder: Path | None = None) -> list[Path]:
    folder = folder or rules_dir()
    return sorted(p for p in folder.glob("*/*.yaml") if p.parent.name != POLICY_FOLDER)


@cache
def catalogue(folder: Path | None = None) -> tuple[Rule, ...]:
    rules = tuple(load_rule(p) for p in rule_files(folder))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise PlanctlError(f"{rule.path}: duplicate rule id {rule.id}")
        seen.add(rule.id)
    return rules


def by_id(rule_id: str) -> Rule | None:
    return next((r for r in catalogue() if r.id == rule_id), None)
