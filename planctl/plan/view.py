"""A schema-valid plan as the rules read it: its projects, their value, groups, units and sources.

Every category of facts (lint/facts/) reads the plan through one view, so a project's value, a
group's value and the money of a kind of source are computed one way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from ..document import escape
from .money import DEFAULT_UNIT, to_vnd
from .sources import SourceTree, project_value


class PlanView:
    def __init__(self, plan: dict) -> None:
        self.plan = plan
        self.unit: str = plan.get("unit", DEFAULT_UNIT)
        self.sources: dict[str, dict] = {s["id"]: s for s in plan.get("funding_sources", []) if isinstance(s, dict)}
        self.tree = SourceTree(self.sources.values())
        self.groups: list[dict] = plan.get("groups", [])
        # Per project (by identity; the project is kept so its id cannot be reused): its value
        # and the money of every source in it. Fact derivation asks for them about 1,000 times
        # per plan, for the same few sources; the plan is not changed while a view reads it.
        self._values: dict[int, tuple[dict, int | None]] = {}
        self._attributions: dict[int, tuple[dict, dict[str, int]]] = {}
        self._kinds: dict[str, set[str | None]] = {}
        self._projects: list[tuple[str, dict, dict]] | None = None
        self._sums: dict[int, tuple[list, dict[str, int]]] = {}
        self._of_kind: dict[tuple[int, str], tuple[dict, list[tuple[str, int, str]]]] = {}

    @cached_property
    def list_unit(self) -> str:
        """The unit of the project list: its own, else the plan's."""
        return self.plan.get("project_list", {}).get("unit", self.unit)

    def vnd(self, amount: int | float, unit: str | None = None) -> int:
        return to_vnd(amount, unit or self.unit)

    def projects(self) -> list[tuple[str, dict, dict]]:
        """(pointer, group, project) of every project, in document order (listed once: every
        category of facts walks them)."""
        if self._projects is None:
            self._projects = [(f"/groups/{gi}/projects/{pi}", group, project)
                              for gi, group in enumerate(self.groups) for pi, project in enumerate(group.get("projects", []))]
        return self._projects

    def project_value(self, project: dict) -> int | None:
        """A project's amount in VND: the sum of its sources, else its printed total."""
        known = self._values.get(id(project))
        if known is not None:
            return known[1]
        amounts = {s: self.vnd(a, self.list_unit) for s, a in project.get("amounts", {}).items()}
        total = self.vnd(project["total"], self.list_unit) if "total" in project else None
        value = project_value(self.tree, amounts, total)
        self._values[id(project)] = (project, value)
        return value

    def attributed(self, project: dict, source_id: str) -> int:
        """The project's money from `source_id` (its own cell, else its sub-sources'), in VND."""
        return self._attributed(project).get(source_id, 0)

    def _attributed(self, project: dict) -> dict[str, int]:
        """`attributed` for every source of the project, in VND, computed once per project."""
        known = self._attributions.get(id(project))
        if known is None:
            unit = self.list_unit
            vnd = {s: self.vnd(a, unit) for s, a in self._attribution(project.get("amounts", {})).items()}
            known = self._attributions[id(project)] = (project, vnd)
        return known[1]

    def attributed_in(self, projects: list[dict], source_id: str) -> int:
        """The money of the projects (a group's, or the whole list) from `source_id`: the sum of
        `attributed`, per list of projects computed once for every source."""
        known = self._sums.get(id(projects))
        if known is None:
            sums: dict[str, int] = {}
            for project in projects:
                for source, amount in self._attributed(project).items():
                    sums[source] = sums.get(source, 0) + amount
            known = self._sums[id(projects)] = (projects, sums)
        return known[1].get(source_id, 0)

    def _attribution(self, amounts: Mapping[str, Any]) -> dict[str, Any]:
        """SourceTree.attributed for every source at once: a source's own cell, else the sum of
        the top-level cells below it (the same sums, in the same order)."""
        result = dict(amounts)
        below: dict[str, list] = {}
        for cell, amount in self.tree.top_level(amounts).items():
            for ancestor in self.tree.ancestors(cell):
                if ancestor not in amounts:
                    below.setdefault(ancestor, []).append(amount)
        result.update((source, sum(parts)) for source, parts in below.items())
        return result

    def group_value(self, group: dict, source_id: str | None = None, *, printed: bool = True) -> int:
        """A group as the level above sees it: its printed subtotal, else (or with printed=False)
        the sum of its items."""
        stated = group.get("stated", {})
        if source_id is None:
            if printed and "total" in stated:
                return self.vnd(stated["total"], self.list_unit)
            return sum(self.project_value(p) or 0 for p in group.get("projects", []))
        if printed and source_id in stated.get("by_source", {}):
            return self.vnd(stated["by_source"][source_id], self.list_unit)
        return self.attributed_in(group.get("projects", []), source_id)

    def is_sub_source(self, source_id: str) -> bool:
        return bool(self.sources.get(source_id, {}).get("parent"))

    def kinds(self, source_id: str) -> set[str | None]:
        """The kinds of a source and of the sources it is part of."""
        kinds = self._kinds.get(source_id)
        if kinds is None:
            kinds = self._kinds[source_id] = {self.sources.get(s, {}).get("kind")
                                              for s in (source_id, *self.tree.ancestors(source_id))}
        return kinds

    def source_name(self, source_id: str) -> str:
        return str(self.sources.get(source_id, {}).get("name", source_id))

    def split_whole(self, project: dict) -> int | None:
        """The amount a split note divides, in the list's unit: its `of` source's cell, else the
        item's total."""
        split, amounts = project["split"], project.get("amounts", {})
        if "of" in split:
            return amounts.get(split["of"])
        return sum(self.tree.top_level(amounts).values()) if amounts else project.get("total")

    def money_of_kind(self, project: dict, kind: str) -> list[tuple[str, int, str]]:
        """(source, amount in VND, pointer suffix) of the item's money from sources of `kind`:
        its cells, and the parts a split note gives to sources without a cell ('Quỹ VTCI: 100%' of
        the Vốn khác cell). A part whose money is already in a counted cell (its parent's, or the
        cell the split divides) is not counted again."""
        known = self._of_kind.get((id(project), kind))  # each cap and purpose asks for every project
        if known is None:
            known = self._of_kind[id(project), kind] = (project, self._money_of_kind(project, kind))
        return known[1]

    def _money_of_kind(self, project: dict, kind: str) -> list[tuple[str, int, str]]:
        amounts: Mapping[str, Any] = project.get("amounts", {})
        parts = [(s, self.vnd(a, self.list_unit), f"amounts/{escape(s)}", self.tree.ancestors(s))
                 for s, a in amounts.items()]
        split = project.get("split")
        whole = self.split_whole(project) if split else None
        if split and whole is not None:
            divided = split.get("of")
            inside = (divided, *self.tree.ancestors(divided)) if divided else tuple(amounts)
            for source_id, share in split["shares"].items():
                if source_id not in amounts and source_id != divided:
                    parts.append((source_id, round(self.vnd(whole, self.list_unit) * share / 100),
                                  f"split/shares/{escape(source_id)}",
                                  (*inside, *self.tree.ancestors(source_id))))
        return [(s, a, where) for s, a, where, inside in parts if kind in self.kinds(s) and not any(
            c in amounts and kind in self.kinds(c) for c in inside)]


def linked_plans(plan: Mapping[str, Any]) -> list[str]:
    """The ids of the plans a schema-valid plan's rows and tasks link to (`stands_for`, `same_as`),
    in document order: only a plan with some has link facts (lint/facts/links.py)."""
    found = [project[link]["plan"] for group in plan.get("groups", []) for project in group.get("projects", [])
             for link in ("stands_for", "same_as") if link in project]
    return found + [task["stands_for"]["plan"] for task in plan.get("tasks", []) if "stands_for" in task]
