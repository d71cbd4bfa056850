"""The rule files of a run and the key of their compiled catalogue in planctl's cache
(planctl/diskcache.py), without the rule compiler: lint/rules.py imports every fact category, and a
lint whose plans' findings all come from the cache (lint/findingcache.py) needs the key only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import __version__, diskcache
from ..resources import rules_dir, schema_path
from . import engine

POLICY_FOLDER = "policy"

# The code that turns a rule file into a compiled rule: an edit to it must invalidate the cache
# even when planctl's version number stays the same (a development checkout).
_COMPILER_SOURCES = ("rules.py", "rulekey.py", "engine.py", "evaluator.py", "schema.py", "facts")


def rule_files(folder: Path | None = None) -> list[Path]:
    folder = folder or rules_dir()
    return sorted(p for p in folder.glob("*/*.yaml") if p.parent.name != POLICY_FOLDER)


def cache_key(files: list[Path], folder: Path) -> str | None:
    """A digest of everything the compiled catalogue depends on (planctl/diskcache.py)."""
    try:
        return diskcache.digest([
            ("format", str(diskcache.FORMAT).encode()), ("planctl", __version__.encode()),
            ("python", sys.version.encode()), ("engine", engine.selected().encode()), ("folder", str(folder).encode()),
            ("schema", diskcache.stamp(schema_path("rule"))),
            *diskcache.code_inputs(Path(__file__).resolve().parent, _COMPILER_SOURCES),
            # rules/<category>/<name>.yaml (rule_files)
            *((f"rule:{path.parent.name}/{path.name}", diskcache.stamp(path)) for path in files)])
    except OSError:  # a rule file vanished meanwhile: load_rule reports it
        return None


def catalogue_key(folder: Path | None = None) -> str | None:
    """The key of the rules a lint runs (rules.lint_catalogue) and of the findings made with them
    (lint/findingcache.py), computed once per process, folder and engine: reading and hashing the rule files
    is ~4 % of a one-plan lint, and planctl's own rules do not change while it runs. None when a
    rule file vanished meanwhile."""
    folder = folder or rules_dir()
    chosen = (folder, engine.selected())  # PLANCTL_ENGINE may change between runs of one process (tests)
    if chosen not in _keys:
        _keys[chosen] = cache_key(rule_files(folder), folder)
    return _keys[chosen]


_keys: dict[tuple[Path, str], str | None] = {}
