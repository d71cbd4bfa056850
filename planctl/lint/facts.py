"""Derive flat facts from plans: the sums, comparisons and look-ups that rule conditions test.

durable_rules has no aggregation, so every sum is computed here and asserted as a fact next to
the printed figure it checks. Facts are small and flat; money is in whole VND (integers), shares
in basis points, so the engine never sees a float. Each fact remembers the node it is about, so
a finding points at the printed total that does not match, the year that is out of range.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..document import Document, escape
from ..funding import SourceTree

UNIT_VND = {"VND": 1, "thousand VND": 1_000, "million VND": 1_000_000, "billion VND": 1_000_000_000}
DEFAULT_UNIT = "million VND"
PLAUSIBLE_YEARS = (1990, 2100)

# Fact kinds, the fields their conditions may test, and which of those are money (VND).
FACT_KINDS: dict[str, dict[str, Any]] = {
    "sum-check": {"fields": ["check", "stated", "computed", "difference"],
                  "money": ["stated", "computed", "difference"], "text": ["label"],
                  "about": "A printed total next to the sum of what it summarises (check names which)."},
    "year": {"fields": ["context", "year", "plausible", "first", "last"], "money": [], "text": ["label"],
             "about": "A year printed in the plan, with the first and last year allowed where it stands."},
    "schedule": {"fields": ["start", "end", "has_start", "has_end", "funded"], "money": [], "text": ["label"],
                 "about": "A project's start and end years."},
    "milestone-step": {"fields": ["indicator", "value", "previous", "year", "previous_year"], "money": [],
                       "text": ["label", "value_text", "previous_text", "previous_label"],
                       "about": "A roadmap milestone next to the same indicator's previous milestone (an earlier year, or earlier in the same year)."},
    "occurrence": {"fields": ["what", "occurrence", "count"], "money": [], "text": ["label", "first_line"],
                   "about": "The n-th occurrence of an id or a project name in a plan."},
    "seq-step": {"fields": ["seq", "previous", "expected"], "money": [], "text": ["label", "seq_text", "previous_text"],
                 "about": "A printed item number next to the number printed before it."},
    "citation-number": {"fields": ["programme", "cited_number", "registry_number"], "money": [],
                        "text": ["label", "registry_number"],
                        "about": "The number of a legal basis that cites a national programme, next to the registry's."},
    "citation-date": {"fields": ["programme", "cited_date", "registry_date"], "money": [], "text": ["label"],
                      "about": "The date of a legal basis that cites a national programme, next to the registry's."},
    "reference": {"fields": ["context", "known"], "money": [], "text": ["label", "target"],
                  "about": "A reference to a programme, task group, national target, funding source or plan group."},
    "coverage": {"fields": ["programme", "task_group", "groups"], "money": [], "text": ["label"],
                 "about": "A task group of an implemented programme with the number of plan groups mapped to it."},
    "programme-citation": {"fields": ["programme", "cited"], "money": [], "text": ["label"],
                           "about": "A programme the plan implements and whether its legal bases cite it."},
    "group-mapping": {"fields": ["mapped"], "money": [], "text": ["label"],
                      "about": "A plan group with the number of national task groups it is mapped to."},
    "alignment": {"fields": ["confidence", "weaker", "same_year", "comparable", "qualitative"], "money": [],
                  "text": ["label", "national", "plan_value", "national_value"],
                  "about": "A target linked to a national target, compared in ambition."},
    "linked-target": {"fields": ["occurrence", "differs"], "money": [], "text": ["label", "national", "first_line",
                                                                             "value_text", "first_text"],
                      "about": "A target that states again the indicator of another (the same national target, or `restates`), and whether it sets another value."},
    "percent": {"fields": ["value"], "money": [], "text": ["label", "value_text"],
                "about": "A target value in percent (basis points)."},
    "envelope": {"fields": ["source", "items", "envelope", "excess"], "money": ["items", "envelope", "excess"],
                 "text": ["label"], "about": "The items' total for one funding source against the plan's stated total."},
    "cap": {"fields": ["cap", "status", "amount", "limit", "share", "max_share"], "money": ["amount", "limit"],
            "text": ["label", "share_text", "max_share_text", "basis"],
            "about": "Money from one kind of source in a plan, year or group, against a policy cap."},
    "purpose": {"fields": ["policy", "status", "allowed", "amount"], "money": ["amount"],
                "text": ["label", "source_name", "allowed_groups"],
                "about": "A project funded by a source whose purposes a policy restricts."},
    "split": {"fields": ["total_share"], "money": [], "text": ["label", "as_printed", "total_text"],
              "about": "A split note's percentages, added up (basis points)."},
    "schema-value": {"fields": ["problem"], "money": [], "text": ["label", "text", "probable"],
                     "about": "A value the schema rejects in a way planners often type: money as a decimal, a negative amount."},
}


@dataclass
class Fact:
    kind: str
    doc: Document
    pointer: str
    values: dict[str, Any]
    text: dict[str, str] = field(default_factory=dict)
    unit: str = DEFAULT_UNIT
    key_pointer: bool = False  # point at the mapping key rather than the value


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def money_text(vnd: int, unit: str) -> str:
    factor = UNIT_VND[unit]
    if vnd % factor == 0:
        return f"{vnd // factor:,} {unit}"
    return f"{vnd / factor:,.3f} {unit}"


def signed_money_text(vnd: int, unit: str) -> str:
    return ("+" if vnd > 0 else "") + money_text(vnd, unit)


def basis_points(value: float) -> int:
    return round(value * 100)


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def seq_number(seq: Any) -> int | None:
    """A printed number as an integer: 3, '3', 'IV'; None for '3.1', 'a' and the like."""
    if isinstance(seq, int):
        return seq
    if isinstance(seq, str):
        s = seq.strip().rstrip(".")
        if s.isdigit():
            return int(s)
        if s and all(c in ROMAN for c in s.upper()):
            total, prev = 0, 0
            for c in reversed(s.upper()):
                v = ROMAN[c]
                total, prev = (total - v, prev) if v < prev else (total + v, v)
            return total
    return None


class PlanFacts:
    """Everything derived from one plan."""

    def __init__(self, doc: Document, programmes: dict[str, dict], policies: Iterable[dict]) -> None:
        self.doc = doc
        self.plan: dict = doc.data
        self.programmes = programmes
        self.policies = policies
        self.unit = self.plan.get("unit", DEFAULT_UNIT)
        self.sources = {s["id"]: s for s in self.plan.get("funding_sources", []) if isinstance(s, dict)}
        self.tree = SourceTree(self.sources.values())
        self.facts: list[Fact] = []
        period = self.plan["period"]
        self.start, self.end = period["start"], period["end"]
        horizons = [period.get("horizon", self.end)] + [
            p["period"].get("horizon", p["period"]["end"]) for pid, p in programmes.items()
            if pid in self.plan.get("implements", [])]
        self.horizon = max(horizons)

    # -- helpers -----------------------------------------------------------------------------
    def add(self, kind: str, pointer: str, unit: str | None = None, *, key_pointer: bool = False,
            text: dict | None = None, **values: Any) -> None:
        self.facts.append(Fact(kind, self.doc, pointer, values, text or {}, unit or self.unit, key_pointer))

    def vnd(self, amount: int, unit: str | None = None) -> int:
        return amount * UNIT_VND[unit or self.unit]

    def sum_check(self, check: str, pointer: str, label: str, stated: int, computed: int,
                  unit: str | None = None, *, or_else: int | None = None) -> None:
        """`stated` must equal `computed`: the sum of the printed figures one level below. `or_else`
        is the same sum from the level below those, for when a figure in between is the wrong one:
        a total that agrees with it is right, and the wrong figure is reported once, at itself."""
        if or_else is not None and stated == or_else:
            computed = stated
        self.add("sum-check", pointer, unit, text={"label": label}, check=check, stated=stated,
                 computed=computed, difference=stated - computed)

    # -- derivation ----------------------------------------------------------------------------
    def derive(self) -> list[Fact]:
        self.projects()
        self.groups()
        self.project_list()
        self.budget()
        self.phasing()
        self.tables()
        self.identity()
        self.years()
        self.citations()
        self.alignment()
        self.targets()
        self.envelope()
        self.caps()
        self.source_references()
        return self.facts

    def iter_projects(self) -> Iterator[tuple[int, int, dict, dict]]:
        for gi, group in enumerate(self.plan.get("groups", [])):
            for pi, project in enumerate(group.get("projects", [])):
                yield gi, pi, group, project

    def project_value(self, project: dict) -> int | None:
        """A project's amount in VND: the sum of its sources, else its printed total."""
        amounts = project.get("amounts")
        if amounts:
            return self.vnd(sum(self.tree.top_level(amounts).values()), self.list_unit)
        if "total" in project:
            return self.vnd(project["total"], self.list_unit)
        return None

    @property
    def list_unit(self) -> str:
        return self.plan.get("project_list", {}).get("unit", self.unit)

    def projects(self) -> None:
        unit = self.list_unit
        for gi, pi, group, project in self.iter_projects():
            base = f"/groups/{gi}/projects/{pi}"
            label = f"project {project.get('seq', '')} {project['id']!r}".replace("  ", " ")
            amounts = project.get("amounts")
            if amounts and "total" in project:
                self.sum_check("item-sources", f"{base}/total", label, self.vnd(project["total"], unit),
                               self.vnd(sum(self.tree.top_level(amounts).values()), unit), unit)
            value = self.project_value(project)
            for ta_i, ta in enumerate(project.get("text_amounts", [])):
                computed = value if "source_id" not in ta else self.vnd(self.tree.attributed(amounts or {}, ta["source_id"]), unit)
                if computed is not None:
                    self.sum_check("text-amount", f"{base}/text_amounts/{ta_i}/amount",
                                   f"{label}: amount in the text ({ta['as_printed']})",
                                   self.vnd(ta["amount"], ta.get("unit", unit)), computed, unit)
            self.split(project, base, label, unit)
            if "by_year" in project and amounts:
                self.sum_check("item-years", f"{base}/by_year", f"{label}: yearly amounts",
                               self.vnd(sum(project["by_year"].values()), unit), value or 0, unit)

    def split(self, project: dict, base: str, label: str, unit: str) -> None:
        split = project.get("split")
        if not split:
            return
        total = sum(split["shares"].values())
        self.add("split", f"{base}/split", unit, text={"label": label, "as_printed": split["as_printed"],
                                                     "total_text": f"{total:g}%"},
                 total_share=basis_points(total))
        amounts = project.get("amounts", {})
        of = split.get("of")
        whole = self.split_whole(project)
        if whole is None:
            return
        for source_id, share in split["shares"].items():
            if source_id in amounts and source_id != of:
                implied = round(whole * share / 100)
                self.sum_check("split-amount", f"{base}/amounts/{escape(source_id)}",
                               f"{label}: {source_id} against its {share:g}% share in '{split['as_printed']}'",
                               self.vnd(amounts[source_id], unit), self.vnd(implied, unit), unit)

    def split_whole(self, project: dict) -> int | None:
        """The amount a split note divides: its `of` source's cell, else the item's total."""
        split, amounts = project["split"], project.get("amounts", {})
        if "of" in split:
            return amounts.get(split["of"])
        return sum(self.tree.top_level(amounts).values()) if amounts else project.get("total")

    def money_of_kind(self, project: dict, kind: str) -> list[tuple[str, int, str]]:
        """(source, amount in VND, pointer suffix) of the item's money from sources of `kind`:
        its cells, and the parts a split note gives to sources without a cell ('Quỹ VTCI: 100%' of the
        Vốn khác cell). A part whose money is already in a counted cell (its parent's, or the cell
        the split divides) is not counted again."""
        amounts = project.get("amounts", {})
        parts = [(s, self.vnd(a, self.list_unit), f"amounts/{escape(s)}", self.tree.ancestors(s))
                 for s, a in amounts.items()]
        split = project.get("split")
        whole = self.split_whole(project) if split else None
        if whole is not None:
            divided = split.get("of")
            inside = (divided, *self.tree.ancestors(divided)) if divided else tuple(amounts)
            for source_id, share in split["shares"].items():
                if source_id not in amounts and source_id != divided:
                    parts.append((source_id, round(self.vnd(whole, self.list_unit) * share / 100),
                                  f"split/shares/{escape(source_id)}",
                                  (*inside, *self.tree.ancestors(source_id))))
        return [(s, a, where) for s, a, where, inside in parts if kind in self.kinds(s) and not any(
            c in amounts and kind in self.kinds(c) for c in inside)]

    def kinds(self, source_id: str) -> set[str | None]:
        """The kinds of a source and of the sources it is part of."""
        return {self.sources.get(s, {}).get("kind") for s in (source_id, *self.tree.ancestors(source_id))}

    def groups(self) -> None:
        unit = self.list_unit
        for gi, group in enumerate(self.plan.get("groups", [])):
            projects = group.get("projects", [])
            stated = group.get("stated", {})
            label = f"group {group.get('seq', '')} {group['id']!r}".replace("  ", " ")
            values = [self.project_value(p) for p in projects]
            if "total" in stated and projects:
                self.sum_check("group-total", f"/groups/{gi}/stated/total", f"{label} subtotal",
                               self.vnd(stated["total"], unit), sum(v or 0 for v in values), unit)
            for source_id, amount in stated.get("by_source", {}).items():
                if projects:
                    computed = sum(self.vnd(self.tree.attributed(p.get("amounts", {}), source_id), unit) for p in projects)
                    self.sum_check("group-source", f"/groups/{gi}/stated/by_source/{escape(source_id)}",
                                   f"{label} subtotal for {source_id}", self.vnd(amount, unit), computed, unit)
            if "total" in stated and stated.get("by_source"):
                self.sum_check("stated-sources", f"/groups/{gi}/stated/total", f"{label} subtotal against its source columns",
                               self.vnd(stated["total"], unit),
                               self.vnd(sum(self.tree.top_level(stated["by_source"]).values()), unit), unit)
            for ta_i, ta in enumerate(group.get("text_amounts", [])):
                if "source_id" in ta:
                    computed = sum(self.vnd(self.tree.attributed(p.get("amounts", {}), ta["source_id"]), unit) for p in projects)
                else:
                    computed = self.vnd(stated["total"], unit) if "total" in stated else sum(v or 0 for v in values)
                self.sum_check("text-amount", f"/groups/{gi}/text_amounts/{ta_i}/amount",
                               f"{label}: amount in the text ({ta['as_printed']})",
                               self.vnd(ta["amount"], ta.get("unit", unit)), computed, unit)

    def group_value(self, group: dict, source_id: str | None = None, *, printed: bool = True) -> int:
        """A group as the level above sees it: its printed subtotal, else (or with printed=False)
        the sum of its items."""
        stated, unit = group.get("stated", {}), self.list_unit
        if source_id is None:
            if printed and "total" in stated:
                return self.vnd(stated["total"], unit)
            return sum(self.project_value(p) or 0 for p in group.get("projects", []))
        if printed and source_id in stated.get("by_source", {}):
            return self.vnd(stated["by_source"][source_id], unit)
        return sum(self.vnd(self.tree.attributed(p.get("amounts", {}), source_id), unit) for p in group.get("projects", []))

    def project_list(self) -> None:
        plist = self.plan.get("project_list", {})
        stated = plist.get("stated", {})
        groups = self.plan.get("groups", [])
        unit = self.list_unit
        if not groups:
            return
        if "total" in stated:
            self.sum_check("list-total", "/project_list/stated/total", "grand total of the project list",
                           self.vnd(stated["total"], unit), sum(self.group_value(g) for g in groups), unit,
                           or_else=sum(self.group_value(g, printed=False) for g in groups))
        for source_id, amount in stated.get("by_source", {}).items():
            self.sum_check("list-source", f"/project_list/stated/by_source/{escape(source_id)}",
                           f"grand total of the project list for {source_id}", self.vnd(amount, unit),
                           sum(self.group_value(g, source_id) for g in groups), unit,
                           or_else=sum(self.group_value(g, source_id, printed=False) for g in groups))

    def budget(self) -> None:
        budget = self.plan.get("budget")
        if not budget:
            return
        unit = budget.get("unit", self.unit)
        by_source = budget.get("by_source", {})
        top = {s: a for s, a in by_source.items() if not self.sources.get(s, {}).get("parent")}
        if "total" in budget and top:
            self.sum_check("budget-total", "/budget/total", "total budget in the text",
                           self.vnd(budget["total"], unit), self.vnd(sum(top.values()), unit), unit)
        for parent in by_source:
            children = {s: a for s, a in by_source.items() if self.sources.get(s, {}).get("parent") == parent}
            if children:
                self.sum_check("budget-children", f"/budget/by_source/{escape(parent)}",
                               f"budget for {parent} in the text against its parts",
                               self.vnd(by_source[parent], unit), self.vnd(sum(children.values()), unit), unit)
        for kind, amount in budget.get("by_type", {}).items():
            lines = {s: a for s, a in by_source.items() if self.sources.get(s, {}).get("type") == kind}
            if lines:
                self.sum_check("budget-type", f"/budget/by_type/{kind}", f"{kind} budget in the text",
                               self.vnd(amount, unit), self.vnd(sum(lines.values()), unit), unit)
        # The text against the project list: its printed grand total, else what its groups add up to.
        plist = self.plan.get("project_list", {}).get("stated", {})
        groups = self.plan.get("groups", [])
        for source_id, amount in [(None, budget.get("total")), *by_source.items()]:
            printed = plist.get("total") if source_id is None else plist.get("by_source", {}).get(source_id)
            if amount is None or (source_id is not None and printed is None):
                continue
            items = sum(self.group_value(g, source_id, printed=False) for g in groups) if groups else None
            listed = self.vnd(printed, self.list_unit) if printed is not None else items
            if listed:
                what = "total budget" if source_id is None else f"budget for {source_id}"
                pointer = "/budget/total" if source_id is None else f"/budget/by_source/{escape(source_id)}"
                self.sum_check("budget-vs-list", pointer, f"{what} in the text against the project list",
                               self.vnd(amount, unit), listed, unit, or_else=items)

    def phasing(self) -> None:
        phasing = self.plan.get("phasing")
        if not phasing:
            return
        unit = phasing.get("unit", self.unit)
        rows = phasing["rows"]
        by_source = {r["source_id"]: (i, r) for i, r in enumerate(rows)}

        for i, row in enumerate(rows):
            label = f"phasing row {row.get('label', row['source_id'])!r}"
            if "total" in row and row["years"]:
                self.sum_check("phasing-row", f"/phasing/rows/{i}/total", label,
                               self.vnd(row["total"], unit), self.vnd(sum(row["years"].values()), unit), unit)
            children = [r for r in rows if self.sources.get(r["source_id"], {}).get("parent") == row["source_id"]]
            if children:
                for year, amount in row["years"].items():
                    self.sum_check("phasing-children", f"/phasing/rows/{i}/years/{year}",
                                   f"{label}, {year}, against its sub-rows", self.vnd(amount, unit),
                                   self.vnd(sum(c["years"].get(year, 0) for c in children), unit), unit)
                if "total" in row and all("total" in c for c in children):
                    self.sum_check("phasing-children", f"/phasing/rows/{i}/total", f"{label} total against its sub-rows",
                                   self.vnd(row["total"], unit), self.vnd(sum(c["total"] for c in children), unit), unit,
                                   or_else=self.vnd(sum(sum(c["years"].values()) for c in children), unit))
            budget = self.plan.get("budget", {})
            if "total" in row and row["source_id"] in budget.get("by_source", {}):
                bunit = budget.get("unit", self.unit)
                self.sum_check("phasing-vs-budget", f"/phasing/rows/{i}/total",
                               f"{label} total against the budget in the text",
                               self.vnd(row["total"], unit), self.vnd(budget["by_source"][row["source_id"]], bunit), unit)
        top = [r for r in rows if not (self.sources.get(r["source_id"], {}).get("parent") in by_source)]
        for year, amount in phasing.get("year_totals", {}).items():
            self.sum_check("phasing-year", f"/phasing/year_totals/{year}", f"phasing total for {year}",
                           self.vnd(amount, unit), self.vnd(sum(r["years"].get(year, 0) for r in top), unit), unit)
        if "total" in phasing:
            if phasing.get("year_totals"):
                self.sum_check("phasing-total", "/phasing/total", "phasing grand total against its years",
                               self.vnd(phasing["total"], unit), self.vnd(sum(phasing["year_totals"].values()), unit), unit)
            if all("total" in r for r in top):
                self.sum_check("phasing-total", "/phasing/total", "phasing grand total against its rows",
                               self.vnd(phasing["total"], unit), self.vnd(sum(r["total"] for r in top), unit), unit,
                               or_else=self.vnd(sum(sum(r["years"].values()) for r in top), unit))

    def tables(self) -> None:
        # Table cells are counts and ratios, not money: scaled by 1000 to integers for the engine.
        for ti, table in enumerate(self.plan.get("baseline", {}).get("tables", [])):
            columns = [c["id"] for c in table["columns"] if c.get("summable", True)]
            sections = table["sections"]
            for si, section in enumerate(sections):
                for col in columns:
                    if col in section.get("stated", {}):
                        values = [r["values"][col] for r in section["rows"] if col in r["values"]]
                        self.add_table_check(f"/baseline/tables/{ti}/sections/{si}/stated/{escape(col)}",
                                             f"table {table['id']!r}, section {section.get('seq', si + 1)}, column {col!r}",
                                             section["stated"][col], sum(values))
            for col in columns:
                if col in table.get("stated", {}):
                    total = 0.0
                    for section in sections:
                        if col in section.get("stated", {}):
                            total += section["stated"][col]
                        else:
                            total += sum(r["values"].get(col, 0) for r in section["rows"])
                    self.add_table_check(f"/baseline/tables/{ti}/stated/{escape(col)}",
                                         f"table {table['id']!r}, total of column {col!r}", table["stated"][col], total)

    def add_table_check(self, pointer: str, label: str, stated: float, computed: float) -> None:
        scaled = lambda v: round(v * 1000)  # noqa: E731 — counts with up to 3 decimals
        self.add("sum-check", pointer, "VND", text={"label": label, "stated_text": f"{stated:,g}",
                                                    "computed_text": f"{computed:,g}",
                                                    "difference_text": f"{stated - computed:+,g}"},
                 check="table-column", stated=scaled(stated), computed=scaled(computed),
                 difference=scaled(stated) - scaled(computed))

    def identity(self) -> None:
        seen: dict[str, list[str]] = defaultdict(list)
        lists = [("/groups", self.plan.get("groups", [])), ("/targets", self.plan.get("targets", [])),
                 ("/funding_sources", self.plan.get("funding_sources", [])),
                 ("/citations", self.plan.get("citations", []))]
        for gi, group in enumerate(self.plan.get("groups", [])):
            lists.append((f"/groups/{gi}/projects", group.get("projects", [])))
        for ri, year in enumerate(self.plan.get("roadmap", [])):
            lists.append((f"/roadmap/{ri}/milestones", year.get("milestones", [])))
        for ti, table in enumerate(self.plan.get("baseline", {}).get("tables", [])):
            lists.append((f"/baseline/tables/{ti}", [table]))
        lists.append(("/baseline/indicators", self.plan.get("baseline", {}).get("indicators", [])))
        for base, items in lists:
            for i, item in enumerate(items):
                if isinstance(item, dict) and "id" in item:
                    seen[item["id"]].append(f"{base}/{i}/id")
        for ident, pointers in seen.items():
            for n, pointer in enumerate(pointers, start=1):
                self.add("occurrence", pointer, what="id", occurrence=n, count=len(pointers),
                         text={"label": f"id {ident!r}", "first_line": str(self.doc.locate(pointers[0]).line)})
        names: dict[str, list[str]] = defaultdict(list)
        for gi, pi, _group, project in self.iter_projects():
            names[norm(project["name"])].append(f"/groups/{gi}/projects/{pi}/name")
        for pointers in names.values():
            for n, pointer in enumerate(pointers, start=1):
                self.add("occurrence", pointer, what="project-name", occurrence=n, count=len(pointers),
                         text={"label": "the same project name", "first_line": str(self.doc.locate(pointers[0]).line)})
        groups = self.plan.get("groups", [])
        self.numbering([(f"/groups/{gi}", g) for gi, g in enumerate(groups)], "group")
        if self.plan.get("project_list", {}).get("numbering") == "across-groups":
            # One run 1..N over the whole list; the groups are the text's sections, not blocks of the list.
            projects = [(f"/groups/{gi}/projects/{pi}", p) for gi, pi, _g, p in self.iter_projects()]
            ordered = sorted(projects, key=lambda e: seq_number(e[1].get("seq")) or 0)
            self.numbering(ordered, "the project list")
            return
        for gi, group in enumerate(groups):
            self.numbering([(f"/groups/{gi}/projects/{pi}", p) for pi, p in enumerate(group.get("projects", []))],
                           f"group {group.get('seq', gi + 1)}")

    def numbering(self, items: list[tuple[str, dict]], label: str) -> None:
        previous = None
        for pointer, item in items:
            number = seq_number(item.get("seq"))
            if number is None:
                previous = None
                continue
            if previous is not None:
                self.add("seq-step", f"{pointer}/seq", seq=number, previous=previous[0], expected=previous[0] + 1,
                         text={"label": f"numbering in {label}", "seq_text": str(item["seq"]),
                               "previous_text": str(previous[1])})
            previous = (number, item["seq"])

    def years(self) -> None:
        lo, hi = PLAUSIBLE_YEARS

        def year_fact(pointer: str, context: str, year: int, first: int, last: int, label: str) -> None:
            self.add("year", pointer, context=context, year=year, plausible=int(lo <= year <= hi),
                     first=first, last=last, text={"label": label})

        for gi, pi, _group, project in self.iter_projects():
            base = f"/groups/{gi}/projects/{pi}"
            label = f"project {project.get('seq', '')} {project['id']!r}".replace("  ", " ")
            for key in ("start", "end"):
                if key in project:
                    year_fact(f"{base}/{key}", f"project-{key}", project[key], self.start, self.end, label)
            values = {"has_start": int("start" in project), "has_end": int("end" in project),
                      "funded": int(bool(project.get("amounts") or "total" in project))}
            values.update({k: project[k] for k in ("start", "end") if k in project})
            self.add("schedule", base + ("/start" if "start" in project else ""), text={"label": label}, **values)
            for year in project.get("by_year", {}):
                year_fact(f"{base}/by_year/{year}", "project-year", int(year), self.start, self.end, label)
        for ti, target in enumerate(self.plan.get("targets", [])):
            if "year" in target:
                year_fact(f"/targets/{ti}/year", "target", target["year"], self.start, self.horizon,
                          f"target {target['id']!r}")
        for ri, entry in enumerate(self.plan.get("roadmap", [])):
            year_fact(f"/roadmap/{ri}/year", "roadmap", entry["year"], self.start, self.end, "roadmap")
        for ri, row in enumerate(self.plan.get("phasing", {}).get("rows", [])):
            for year in row["years"]:
                year_fact(f"/phasing/rows/{ri}/years/{year}", "phasing", int(year), self.start, self.end,
                          f"phasing row {row.get('label', row['source_id'])!r}")
        self.milestones()

    def milestones(self) -> None:
        last: dict[str, tuple[int, float, str]] = {}  # indicator -> (year, value, milestone id)
        entries = sorted(enumerate(self.plan.get("roadmap", [])), key=lambda e: e[1]["year"])
        for ri, entry in entries:
            for mi, milestone in enumerate(entry["milestones"]):
                if "indicator" not in milestone or "value" not in milestone:
                    continue
                indicator = milestone["indicator"]
                if indicator in last:
                    year, value, previous_id = last[indicator]
                    self.add("milestone-step", f"/roadmap/{ri}/milestones/{mi}/value", indicator=indicator,
                             value=basis_points(milestone["value"]), previous=basis_points(value),
                             year=entry["year"], previous_year=year,
                             text={"label": f"milestone {milestone['id']!r}",
                                   "value_text": f"{milestone['value']:g}{milestone.get('unit', '')}",
                                   "previous_text": f"{value:g}{milestone.get('unit', '')}",
                                   "previous_label": f"milestone {previous_id!r}"})
                last[indicator] = (entry["year"], milestone["value"], milestone["id"])

    def citations(self) -> None:
        by_number = {norm(p["number"]): pid for pid, p in self.programmes.items()}
        cited: set[str] = set()
        for ci, citation in enumerate(self.plan.get("citations", [])):
            pid = citation.get("programme") or by_number.get(norm(citation["number"]))
            if citation.get("programme"):
                self.add("reference", f"/citations/{ci}/programme", context="programme",
                         known=int(pid in self.programmes), text={"label": f"citation {citation['id']!r}", "target": pid})
            if pid not in self.programmes:
                continue
            cited.add(pid)
            registry = self.programmes[pid]
            # Numbers compare normalised (1605/QĐ-TTg = 1605/qđ-ttg); messages print them as written.
            self.add("citation-number", f"/citations/{ci}/number", programme=pid,
                     cited_number=norm(citation["number"]), registry_number=norm(registry["number"]),
                     text={"label": citation["number"], "registry_number": registry["number"]})
            if "date" in citation:
                self.add("citation-date", f"/citations/{ci}/date", programme=pid, cited_date=citation["date"],
                         registry_date=registry["date"], text={"label": citation["number"]})
        for ii, pid in enumerate(self.plan.get("implements", [])):
            known = pid in self.programmes
            self.add("reference", f"/implements/{ii}", context="programme", known=int(known),
                     text={"label": "implements", "target": pid})
            if known:
                self.add("programme-citation", f"/implements/{ii}", programme=pid, cited=int(pid in cited),
                         text={"label": self.programmes[pid]["number"]})

    def alignment(self) -> None:
        groups = self.plan.get("groups", [])
        mapped: Counter = Counter()
        for gi, group in enumerate(groups):
            refs = group.get("task_groups", [])
            self.add("group-mapping", f"/groups/{gi}", mapped=len(refs),
                     text={"label": f"group {group.get('seq', '')} {group['id']!r}".replace("  ", " ")})
            for ri, ref in enumerate(refs):
                pid, _, tg = ref.partition("/")
                known = pid in self.programmes and any(t["id"] == tg for t in self.programmes[pid]["task_groups"])
                self.add("reference", f"/groups/{gi}/task_groups/{ri}", context="task-group", known=int(known),
                         text={"label": f"group {group['id']!r}", "target": ref})
                mapped[ref] += 1
        if not groups:
            return
        for ii, pid in enumerate(self.plan.get("implements", [])):
            for tg in self.programmes.get(pid, {}).get("task_groups", []):
                self.add("coverage", f"/implements/{ii}", programme=pid, task_group=tg["id"],
                         groups=mapped[f"{pid}/{tg['id']}"],
                         text={"label": f"{tg['id']} ({tg['name']})"})

    def targets(self) -> None:
        group_ids = {g["id"] for g in self.plan.get("groups", [])}
        targets = self.plan.get("targets", [])
        index = {t["id"]: ti for ti, t in enumerate(targets)}
        first_linked: dict[str, int] = {}
        for ti, target in enumerate(targets):
            label = f"target {target['id']!r}"
            value = target.get("value")
            if target.get("unit") == "%" and isinstance(value, (int, float)):
                for key in ("value", "value_max"):
                    if isinstance(target.get(key), (int, float)):
                        self.add("percent", f"/targets/{ti}/{key}", value=basis_points(target[key]),
                                 text={"label": label, "value_text": f"{target[key]:g}%"})
            if "group" in target:
                self.add("reference", f"/targets/{ti}/group", context="group", known=int(target["group"] in group_ids),
                         text={"label": label, "target": target["group"]})
            if "restates" in target:
                restated = target["restates"]
                self.add("reference", f"/targets/{ti}/restates", context="target", known=int(restated in index),
                         text={"label": label, "target": restated})
                if restated in index:
                    self.same_indicator(ti, index[restated], f"the indicator of target {restated!r}")
            link = target.get("national_target")
            if not link:
                continue
            pid, _, nid = link.partition("/")
            national = next((t for t in self.programmes.get(pid, {}).get("targets", []) if t["id"] == nid), None)
            self.add("reference", f"/targets/{ti}/national_target", context="national-target",
                     known=int(national is not None), text={"label": label, "target": link})
            if national is None:
                continue
            self.compare_target(ti, target, national, label, link)
            if link in first_linked:
                self.same_indicator(ti, first_linked[link], link)
            else:
                first_linked[link] = ti

    def same_indicator(self, ti: int, fi: int, what: str) -> None:
        """Target `ti` states again what target `fi` states: both must set the same value and year."""
        targets = self.plan["targets"]
        target, first = targets[ti], targets[fi]
        key = lambda t: (t["comparator"], t.get("value"), t.get("value_max"), t.get("year"))  # noqa: E731
        self.add("linked-target", f"/targets/{ti}/value" if "value" in target else f"/targets/{ti}",
                 occurrence=2, differs=int(key(target) != key(first)),
                 text={"label": f"target {target['id']!r}", "national": what, "value_text": shown_target(target),
                       "first_text": shown_target(first), "first_line": str(self.doc.locate(f"/targets/{fi}").line)})

    def compare_target(self, ti: int, target: dict, national: dict, label: str, link: str) -> None:
        comparable = (target.get("unit") == national.get("unit") and
                      national["comparator"] != "qualitative" and target["comparator"] != "qualitative" and
                      isinstance(target.get("value"), (int, float)) and isinstance(national.get("value"), (int, float)))
        weaker = 0
        if comparable:
            lower_is_better = national["comparator"] in ("<=", "<")
            plan_value = target["value"]
            if lower_is_better:
                weaker = int(plan_value > national["value"])
            else:
                weaker = int(plan_value < national["value"] or
                             (plan_value == national["value"] and national["comparator"] == ">" and
                              target["comparator"] in (">=", "range")))
        both_qualitative = all(not isinstance(t.get("value"), (int, float)) or t["comparator"] == "qualitative"
                               for t in (target, national))
        self.add("alignment", f"/targets/{ti}/value" if "value" in target else f"/targets/{ti}",
                 confidence=national["confidence"], weaker=weaker, comparable=int(comparable),
                 qualitative=int(both_qualitative), same_year=int(target.get("year") == national["year"]),
                 text={"label": label, "national": link, "plan_value": shown_target(target),
                       "national_value": shown_target(national)})

    def envelope(self) -> None:
        """Per source, the items must fit in the total the plan states for that source."""
        budget = self.plan.get("budget", {})
        stated = self.plan.get("project_list", {}).get("stated", {}).get("by_source", {})
        envelopes = {s: (self.vnd(a, budget.get("unit", self.unit)), f"/budget/by_source/{escape(s)}")
                     for s, a in budget.get("by_source", {}).items()}
        for s, a in stated.items():
            envelopes.setdefault(s, (self.vnd(a, self.list_unit), f"/project_list/stated/by_source/{escape(s)}"))
        projects = [p for _gi, _pi, _g, p in self.iter_projects()]
        for source_id, (limit, pointer) in envelopes.items():
            items = sum(self.vnd(self.tree.attributed(p.get("amounts", {}), source_id), self.list_unit) for p in projects)
            if projects:
                self.add("envelope", pointer, source=source_id, items=items, envelope=limit, excess=items - limit,
                         text={"label": self.sources.get(source_id, {}).get("name", source_id)})

    def amount_by_kind(self, projects: list[dict], kind: str) -> int:
        return sum(amount for p in projects for _s, amount, _w in self.money_of_kind(p, kind))

    def caps(self) -> None:
        for policy in self.policies:
            for cap in policy.get("caps", []):
                for pointer, label, amount, whole in self.cap_scopes(cap):
                    if amount == 0:
                        continue
                    values: dict[str, Any] = {"cap": cap["id"], "status": cap["status"], "amount": amount}
                    text = {"label": f"{label}: {cap['source_kind']}", "basis": cap.get("basis", "")}
                    if "max_amount" in cap:
                        values["limit"] = self.vnd(cap["max_amount"], "million VND")
                    if "max_share" in cap and whole:
                        values["share"] = round(amount * 10000 / whole)
                        values["max_share"] = basis_points(cap["max_share"])
                        text.update(share_text=f"{amount * 100 / whole:.1f}%", max_share_text=f"{cap['max_share']:g}%")
                    self.add("cap", pointer, text=text, **values)
            for purpose in policy.get("purposes", []):
                self.purpose(purpose)

    def cap_scopes(self, cap: dict) -> list[tuple[str, str, int, int]]:
        """(pointer, label, amount from the capped kind of source, whole amount) per scope."""
        kind = cap["source_kind"]
        if cap["per"] == "year":
            return self.year_scopes(kind)
        groups = self.plan.get("groups", [])
        if cap["per"] == "group":
            scopes = [(f"/groups/{gi}", f"group {g['id']!r}", g.get("projects", [])) for gi, g in enumerate(groups)]
        else:
            scopes = [("/groups" if groups else "", "the plan", [p for _gi, _pi, _g, p in self.iter_projects()])]
        return [(pointer, label, self.amount_by_kind(projects, kind),
                 sum(self.project_value(p) or 0 for p in projects)) for pointer, label, projects in scopes]

    def year_scopes(self, kind: str) -> list[tuple[str, str, int, int]]:
        phasing = self.plan.get("phasing", {})
        rows, unit = phasing.get("rows", []), phasing.get("unit", self.unit)
        top = [r for r in rows if not self.sources.get(r["source_id"], {}).get("parent")]
        # Rows of the capped kind, not counting a sub-row whose parent row is already of that kind.
        capped = [r for r in rows if self.sources.get(r["source_id"], {}).get("kind") == kind and not any(
            self.sources.get(a, {}).get("kind") == kind for a in self.tree.ancestors(r["source_id"]))]
        scopes = []
        for year in sorted({y for r in rows for y in r["years"]}):
            pointer = f"/phasing/year_totals/{year}" if year in phasing.get("year_totals", {}) else "/phasing"
            scopes.append((pointer, f"year {year}", sum(self.vnd(r["years"].get(year, 0), unit) for r in capped),
                           sum(self.vnd(r["years"].get(year, 0), unit) for r in top)))
        return scopes

    def purpose(self, purpose: dict) -> None:
        allowed = set(purpose["task_groups"])
        for gi, pi, group, project in self.iter_projects():
            for source_id, amount, where in self.money_of_kind(project, purpose["source_kind"]):
                if not amount:
                    continue
                self.add("purpose", f"/groups/{gi}/projects/{pi}/{where}",
                         policy=purpose["id"], status=purpose["status"],
                         allowed=int(bool(allowed & set(group.get("task_groups", [])))),
                         amount=amount, text={"label": f"project {project['id']!r}",
                               "source_name": self.sources.get(source_id, {}).get("name", source_id),
                               "allowed_groups": ", ".join(sorted(allowed))})

    def source_references(self) -> None:
        def ref(pointer: str, source_id: str, label: str) -> None:
            self.add("reference", pointer, context="funding-source", known=int(source_id in self.sources),
                     key_pointer=True, text={"label": label, "target": source_id})

        for gi, pi, _group, project in self.iter_projects():
            base = f"/groups/{gi}/projects/{pi}"
            for source_id in project.get("amounts", {}):
                ref(f"{base}/amounts/{escape(source_id)}", source_id, f"project {project['id']!r}")
            for source_id in project.get("split", {}).get("shares", {}):
                ref(f"{base}/split/shares/{escape(source_id)}", source_id, f"split of project {project['id']!r}")
        for gi, group in enumerate(self.plan.get("groups", [])):
            for source_id in group.get("stated", {}).get("by_source", {}):
                ref(f"/groups/{gi}/stated/by_source/{escape(source_id)}", source_id, f"group {group['id']!r}")
        for source_id in self.plan.get("project_list", {}).get("stated", {}).get("by_source", {}):
            ref(f"/project_list/stated/by_source/{escape(source_id)}", source_id, "project list")
        for source_id in self.plan.get("budget", {}).get("by_source", {}):
            ref(f"/budget/by_source/{escape(source_id)}", source_id, "budget")
        for ri, row in enumerate(self.plan.get("phasing", {}).get("rows", [])):
            self.add("reference", f"/phasing/rows/{ri}/source_id", context="funding-source",
                     known=int(row["source_id"] in self.sources),
                     text={"label": "phasing row", "target": row["source_id"]})
        for si, source in enumerate(self.plan.get("funding_sources", [])):
            if "parent" in source:
                self.add("reference", f"/funding_sources/{si}/parent", context="funding-source",
                         known=int(source["parent"] in self.sources),
                         text={"label": f"funding source {source['id']!r}", "target": source["parent"]})


def shown_target(t: dict) -> str:
    """A target's commitment as a reader says it: '>= 50% in 2015', 'range 25–30%, no year'."""
    when = f" in {t['year']}" if "year" in t else ", no year"
    if not isinstance(t.get("value"), (int, float)) or t["comparator"] == "qualitative":
        return f"qualitative{', ' + str(t['year']) if 'year' in t else ', no year'}"
    upper = f"–{t['value_max']:g}" if t["comparator"] == "range" and "value_max" in t else ""
    return f"{t['comparator']} {t['value']:g}{upper}{t.get('unit') or ''}{when}"


def derive(doc: Document, programmes: dict[str, dict], policies: Iterable[dict]) -> list[Fact]:
    return PlanFacts(doc, programmes, policies).derive()


_PROBABLE = re.compile(r"[.,]")


def schema_value_fact(doc: Document, pointer: str, problem: str, text: str) -> Fact:
    """A value the schema rejected that is a known data-entry pitfall (see lint/schema.py)."""
    probable = _PROBABLE.sub("", text).lstrip("+0") or "0"
    return Fact("schema-value", doc, pointer, {"problem": problem}, {"label": pointer, "text": text, "probable": probable})
