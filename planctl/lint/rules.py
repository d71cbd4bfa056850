"""The rule catalogue: rule files in rules/<category>/*.yaml, validated like plans, compiled once.

A rule file is data: a condition on one fact kind, a message template and examples. Loading
checks what the schema cannot: that the fact kind exists, that every field the condition and the
templates use is a field of that kind, and that the engine accepts the condition.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .. import diskcache
from ..document import Document, escape, load
from ..errors import PlanctlError
from ..model import Severity
from ..resources import rules_dir
from . import engine, evaluator, rulekey, schema
from .facts import FACT_KINDS, FactKind, FieldType
from .facts.base import rule_value
from .rulekey import rule_files


class Example(NamedTuple):
    """An example plan of a rule's file: whether the rule fails on it, and at which line."""

    fails: bool
    plan: str
    line: int | None
    note: str


class Rule(NamedTuple):
    """A rule of the catalogue, compiled: its texts, its fact kind and its engine condition."""

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
    when: dict  # in the engine's terms (see facts/base.py)
    any_of: tuple = ()
    # Vietnamese (summary_vi, message_vi, hint_vi in the rule file): required, same {fields}.
    summary_vi: str = ""
    message_vi: str = ""
    hint_vi: str = ""
    description_vi: str = ""

    def text(self, key: str) -> str:
        """summary, description, message or hint in the run's language (planctl/i18n.py)."""
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
                when, tuple(any_of), data["summary_vi"], data["message_vi"], data.get("hint_vi", ""),
                data["description_vi"].strip())


def _check_vietnamese(path: Path, doc: Document, data: dict) -> None:
    """Every text a planner reads has its Vietnamese twin (`<key>_vi`) with the same template
    fields: a rule without it does not load."""
    for key in ("summary", "description", "message", "hint"):
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


@cache
def catalogue(folder: Path | None = None) -> tuple[Rule, ...]:
    """Every rule, compiled: from the on-disk cache (planctl/diskcache.py) while the rule files and
    the code that compiles them are unchanged, else from the rule files (and then cached)."""
    folder = folder or rules_dir()
    files = rule_files(folder)
    return _catalogue(files, folder, rulekey.cache_key(files, folder))


# What lint_catalogue's rules lack: documentation, which lint never shows.
_DOCUMENTATION = frozenset(("summary", "description", "examples", "summary_vi", "description_vi"))
_LINT_PART = "-lint"  # the cache key suffix, and file name suffix, of lint_catalogue's cache


@cache
def lint_catalogue(folder: Path | None = None) -> tuple[Rule, ...]:
    """The rules as a lint runs them: the catalogue without its documentation (summaries,
    descriptions and examples are empty), which only `planctl rules` and the CI reports'
    rule metadata show, and they use `catalogue`.

    Why: two thirds of the cached catalogue's bytes are documentation; lint reads a cache file
    of its own (its key + '-lint') with only what it needs, and checks it the same way: a
    lint of one plan parses ~65 KB instead of ~185 KB and checks no example (~1 ms of JSON and
    ~2-3 ms of checks in process)."""
    folder = folder or rules_dir()
    key = rulekey.catalogue_key(folder)
    if key is not None:
        cached = diskcache.read(key + _LINT_PART, lambda value: _rules_from_json(value, folder, lean=True))
        if cached is not None:
            return cached
    rules = _catalogue(rule_files(folder), folder, key)
    if key is not None:
        diskcache.write(key + _LINT_PART, [_rule_to_json(r, folder, lean=True) for r in rules])
    return tuple(r._replace(summary="", description="", examples=(), summary_vi="", description_vi="")
                 for r in rules)


def _catalogue(files: list[Path], folder: Path, key: str | None) -> tuple[Rule, ...]:
    if key is not None:
        cached = diskcache.read(key, lambda value: _rules_from_json(value, folder))
        if cached is not None:
            return cached
    rules = _compile(files)
    if key is not None:
        diskcache.write(key, [_rule_to_json(r, folder) for r in rules])
    return rules


def _compile(files: list[Path]) -> tuple[Rule, ...]:
    rules = tuple(load_rule(p) for p in files)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise PlanctlError(f"{rule.path}: duplicate rule id {rule.id}")
        seen.add(rule.id)
    return rules


def by_id(rule_id: str) -> Rule | None:
    return next((r for r in catalogue() if r.id == rule_id), None)


# ---- the catalogue as JSON, for the cache ------------------------------------------------------

def _rule_to_json(rule: Rule, folder: Path, lean: bool = False) -> dict:
    if lean:  # lint_catalogue's: no documentation
        return {key: value for key, value in _rule_to_json(rule, folder).items() if key not in _DOCUMENTATION}
    return {"id": rule.id, "severity": rule.severity.label, "summary": rule.summary,
            "description": rule.description, "fact": rule.fact, "message": rule.message, "hint": rule.hint,
            "expression": rule.condition.expression,
            "examples": [[e.fails, e.plan, e.line, e.note] for e in rule.examples],
            "path": rule.path.relative_to(folder).as_posix(), "when": rule.when, "any_of": list(rule.any_of),
            # The Vietnamese twins: a catalogue read back from the cache speaks both languages.
            "summary_vi": rule.summary_vi, "message_vi": rule.message_vi, "hint_vi": rule.hint_vi,
            "description_vi": rule.description_vi}


def _typed(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value


_ID_CATEGORY = frozenset("abcdefghijklmnopqrstuvwxyz")
_ID_NAME = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _path_of(rule_id: str) -> str | None:
    """`category/name.yaml`, the only file (relative to the rules folder) that the loader accepts
    for rule `category.name` (load_rule); None for an id the rule schema does not allow
    (^[a-z]+\\.[a-z0-9-]+$).

    Why not resolve the cached path and compare folders: two realpath calls per rule were most of
    the time of reading the cached catalogue. A path built from letters, digits and '-' around one
    '/' cannot leave the folder: the check is no weaker, and it also pins the file to its id.
    """
    category, dot, name = rule_id.partition(".")
    if not (dot and category and name and _ID_CATEGORY.issuperset(category) and _ID_NAME.issuperset(name)):
        return None
    return f"{category}/{name}.yaml"


_TEXTS = ("id", "severity", "summary", "description", "fact", "message", "hint", "path", "summary_vi", "message_vi",
          "hint_vi", "description_vi")
_LEAN_TEXTS = tuple(name for name in _TEXTS if name not in _DOCUMENTATION)
_DOCUMENTATION_TEXTS = tuple(name for name in _TEXTS if name in _DOCUMENTATION)


def _rules_from_json(value: Any, folder: Path, lean: bool = False) -> tuple[Rule, ...]:
    """Rules read back from the cache, every value checked again (TypeError/ValueError/KeyError on
    anything a compiled rule cannot hold: the cache is then ignored). `lean`: lint_catalogue's,
    with no documentation (its fields are empty; a key of them in the file is refused)."""
    rules = []
    for item in _typed(value, list):
        _typed(item, dict)
        if lean and not _DOCUMENTATION.isdisjoint(item):
            raise ValueError("documentation in the lint catalogue")
        text: dict[str, str] = dict.fromkeys(_DOCUMENTATION_TEXTS, "") if lean else {}
        text.update((name, _typed(item[name], str)) for name in (_LEAN_TEXTS if lean else _TEXTS))
        if text["fact"] not in FACT_KINDS or text["severity"] not in ("error", "warning", "info"):
            raise ValueError("unknown fact kind or severity")
        expression = _typed(item["expression"], dict)
        evaluator.check(expression)  # the grammar both engines evaluate alike
        examples = []
        for example in () if lean else _typed(item["examples"], list):
            fails, plan, line, note = _typed(example, list)
            if type(fails) is not bool or (line is not None and type(line) is not int):
                raise TypeError("example")
            examples.append(Example(fails, _typed(plan, str), line, _typed(note, str)))
        if text["path"] != _path_of(text["id"]):
            raise ValueError("a rule path other than the one its id names")
        rules.append(Rule(text["id"], Severity.parse(text["severity"]), text["summary"], text["description"],
                          text["fact"], text["message"], text["hint"], engine.Condition(text["id"], expression),
                          tuple(examples), folder / text["path"], _typed(item["when"], dict),
                          tuple(_typed(b, dict) for b in _typed(item["any_of"], list)),
                          text["summary_vi"], text["message_vi"], text["hint_vi"], text["description_vi"]))
    if len({r.id for r in rules}) != len(rules):
        raise ValueError("duplicate rule id")
    return tuple(rules)
