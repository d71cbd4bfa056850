"""The rule catalogue: rule files in rules/<category>/*.yaml, validated like plans, compiled once.

A rule file is data: a condition on one fact kind, a message template and examples. Loading
checks what the schema cannot: that the fact kind exists, that every field the condition and the
templates use is a field of that kind, and that the engine accepts the condition.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..document import load
from ..errors import PlanctlError
from ..model import Severity
from ..resources import rules_dir
from . import engine, schema
from .facts import FACT_KINDS

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
    when: dict = field(default_factory=dict, compare=False)
    any_of: tuple = ()


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _problem(path: Path, line: int, message: str) -> PlanctlError:
    return PlanctlError(f"{path}:{line}: {message}")


def load_rule(path: Path) -> Rule:
    doc = load(path)
    if doc.error:
        raise _problem(path, doc.error.line, doc.error.message)
    problems = schema.check(doc, "rule") if isinstance(doc.data, dict) else []
    if not isinstance(doc.data, dict):
        raise _problem(path, 1, "a rule file is a mapping")
    if problems:
        p = problems[0]
        raise _problem(path, p.line, f"{p.message} ({p.hint})" if p.hint else p.message)
    data = doc.data
    kind = FACT_KINDS.get(data["fact"])
    if kind is None:
        raise _problem(path, doc.locate("/fact").line,
                       f"unknown fact kind {data['fact']!r} (known: {', '.join(sorted(FACT_KINDS))})")
    allowed = set(kind["fields"])
    tested = set(data.get("when", {})) | {f for branch in data.get("any", []) for f in branch}
    tested |= {t["field"] for test in data.get("when", {}).values() if isinstance(test, dict)
               for t in test.values() if isinstance(t, dict)}
    if tested - allowed:
        raise _problem(path, doc.locate("/when").line,
                       f"fact {data['fact']!r} has no field {sorted(tested - allowed)[0]!r} "
                       f"(fields: {', '.join(kind['fields'])})")
    shown = allowed | set(kind["text"]) | {f"{m}_text" for m in kind["money"]}
    for key in ("message", "hint"):
        try:
            unknown = _fields(data.get(key, "")) - shown
        except ValueError as exc:
            raise _problem(path, doc.locate(f"/{key}").line, f"bad {key} template: {exc}") from None
        if unknown:
            raise _problem(path, doc.locate(f"/{key}").line,
                           f"{key} uses {{{sorted(unknown)[0]}}}, which fact {data['fact']!r} does not have "
                           f"(available: {', '.join(sorted(shown))})")
    if path.stem != data["id"].split(".", 1)[1] or path.parent.name != data["id"].split(".", 1)[0]:
        raise _problem(path, doc.locate("/id").line,
                       f"rule {data['id']} must live in rules/{data['id'].replace('.', '/', 1)}.yaml")
    condition = engine.compile_condition(data["id"], data["fact"], data.get("when", {}), data.get("any"))
    engine.check_condition(condition)
    examples = tuple(Example(e["fails"], e["plan"], e.get("line"), e.get("note", "")) for e in data["examples"])
    return Rule(data["id"], Severity.parse(data["severity"]), data["summary"], data["description"].strip(),
                data["fact"], data["message"], data.get("hint", ""), condition, examples, path,
                data.get("when", {}), tuple(data.get("any", ())))


def rule_files(folder: Path | None = None) -> list[Path]:
    folder = folder or rules_dir()
    return sorted(p for p in folder.glob("*/*.yaml") if p.parent.name != POLICY_FOLDER)


@lru_cache(maxsize=None)
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
