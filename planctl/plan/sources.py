"""The funding-source hierarchy: a sub-source's money is part of its parent's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class SourceTree:
    """Parents and budget-line types of a plan's declared funding sources.

    Built from plain data that may not be schema-valid (diff reads any revision): a parent that
    is not a string, or a cycle, ends a chain instead of raising.
    """

    def __init__(self, sources: Iterable[Mapping[str, Any]]) -> None:
        self.parent: dict[str, str] = {}
        self.type: dict[str, str] = {}
        for source in sources:
            sid = source.get("id")
            if not isinstance(sid, str):
                continue
            if isinstance(source.get("parent"), str):
                self.parent[sid] = source["parent"]
            if isinstance(source.get("type"), str):
                self.type[sid] = source["type"]
        # Asked about 3,000 times per plan (every amount of every project, per source): memoised.
        self._ancestors: dict[str, tuple[str, ...]] = {}

    def ancestors(self, source_id: str) -> tuple[str, ...]:
        if source_id not in self._ancestors:
            chain: list[str] = []
            current = self.parent.get(source_id)
            while current and current not in chain and current != source_id:
                chain.append(current)
                current = self.parent.get(current)
            self._ancestors[source_id] = tuple(chain)
        return self._ancestors[source_id]

    def source_type(self, source_id: str) -> str | None:
        """A source's `type` (investment / recurrent), inherited from its parent chain."""
        for sid in (source_id, *self.ancestors(source_id)):
            if sid in self.type:
                return self.type[sid]
        return None

    def top_level(self, amounts: Mapping[str, int]) -> dict[str, int]:
        """The cells whose source has no ancestor among the same cells (no double counting)."""
        cells = amounts.keys()
        return {s: a for s, a in amounts.items() if cells.isdisjoint(self.ancestors(s))}

    def attributed(self, amounts: Mapping[str, int], source_id: str) -> int:
        """The part of `amounts` that belongs to `source_id`: its own cell, else its descendants'."""
        if source_id in amounts:
            return amounts[source_id]
        return sum(a for s, a in self.top_level(amounts).items() if source_id in self.ancestors(s))


def project_value(tree: SourceTree, amounts: Mapping[str, int], printed_total: int | None,
                  top: Mapping[str, int] | None = None) -> int | None:
    """What a project costs: the sum of its top-level source cells, else its printed total (lint
    and diff alike); `top` is tree.top_level(amounts) when the caller has it already."""
    if amounts:
        return sum((tree.top_level(amounts) if top is None else top).values())
    return printed_total
