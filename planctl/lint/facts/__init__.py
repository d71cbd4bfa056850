"""Facts: the sums, comparisons and look-ups that rule conditions test, one module per rule category.

durable_rules has no aggregation, so every sum is computed here and asserted as a fact next to
the printed figure it checks. Each category module declares its fact kinds (`KINDS`) next to the
code that emits them (`derive`); this registry collects both. Each fact remembers the node it is
about, so a finding points at the printed total that does not match, the year out of range.

To add a check: emit a fact from the category's module (a new `check` of `sum-check` is one entry
in consistency.SUM_CHECKS and one `sum_check(...)` call), then write its rule file with examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ...document import Document
from . import (
    alignment,
    caps,
    citations,
    consistency,
    data,
    identity,
    links,
    periods,
    references,
    relations,
    relations_tables,
    structure,
    tasks,
)
from .base import Context, Fact, FactKind, FieldType
from .data import schema_value_fact

CATEGORIES = (consistency, periods, identity, citations, references, alignment, caps, data, relations, relations_tables,
              structure, tasks, links)

FACT_KINDS: dict[str, FactKind] = {kind.name: kind for module in CATEGORIES for kind in module.KINDS}


def derive(doc: Document, programmes: Mapping[str, dict], policies: Iterable[dict]) -> list[Fact]:
    """Every fact of one schema-valid plan."""
    ctx = Context(doc, programmes, policies)
    for module in CATEGORIES:
        module.derive(ctx)
    return ctx.facts


__all__ = ["FACT_KINDS", "Fact", "FactKind", "FieldType", "derive", "schema_value_fact"]
