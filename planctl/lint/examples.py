"""Run a rule's examples: each fragment, completed by rules/example-base.yaml, linted for real."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..document import load_bytes
from ..errors import PlanctlError
from ..model import Finding
from ..resources import rules_dir
from . import pipeline
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
    """The findings of `rule` on the example plan (which must load and be schema-valid, but for
    the data-entry pitfalls that rules report themselves)."""
    doc = load_bytes(compose(example.plan).encode("utf-8"), f"{rule.id}.example.yaml")
    checked = pipeline.check([doc], lambda: load_registry(config))
    broken = [f for f in checked.findings if f.rule in ("syntax", "schema")]
    if broken:
        raise PlanctlError(f"{rule.path}: example does not load or is not schema-valid: line {broken[0].line}: "
                           f"{broken[0].message}")
    return [f for f in checked.findings if f.rule == rule.id]



