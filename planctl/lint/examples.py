"""Run a rule's examples: each fragment, completed by rules/example-base.yaml, linted for real."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..document import load_bytes
from ..model import Finding
from ..resources import rules_dir
from . import schema
from .facts import schema_value_fact
from .policy import check_plans
from .registry import load_registry
from .rules import Example, Rule


def compose(fragment: str, base: Path | None = None) -> str:
    """The fragment first (its line numbers are the example's), then the base lines it does not set."""
    base_text = (base or rules_dir() / "example-base.yaml").read_text(encoding="utf-8")
    keys = {line.split(":", 1)[0] for line in fragment.splitlines() if line and not line[0].isspace()
            and not line.startswith("#")}
    kept = [line for line in base_text.splitlines()
            if line and not line.startswith("#") and line.split(":", 1)[0] not in keys]
    return fragment.rstrip("\n") + "\n" + "\n".join(kept) + "\n"


def run_example(rule: Rule, example: Example, config: Config) -> list[Finding]:
    """The findings of `rule` on the example plan."""
    doc = load_bytes(compose(example.plan).encode("utf-8"), f"{rule.id}.example.yaml")
    if doc.error:
        raise ValueError(f"{rule.path}: example does not load: {doc.error.message} (line {doc.error.line})")
    problems = schema.check(doc, "plan")
    pitfalls = [p for p in problems if p.rule in schema.PITFALLS]
    others = [p for p in problems if p.rule not in schema.PITFALLS]
    if others:
        p = others[0]
        raise ValueError(f"{rule.path}: example is not schema-valid: line {p.line}: {p.message}")
    facts = [schema_value_fact(doc, p.pointer, schema.PITFALLS[p.rule], doc.float_texts.get(p.pointer, p.message))
             for p in pitfalls]
    plans = [] if pitfalls else [doc]
    return [f for f in check_plans(plans, load_registry(config).with_linted([doc]), facts) if f.rule == rule.id]
