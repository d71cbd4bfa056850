"""The lint pipeline for loaded documents: schema → facts → rules engine. One implementation,
used by the runner (files on disk), the rule examples and the tests; filters come after
(lint/filters.py)."""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..i18n import _
from ..model import SCHEMA, Finding
from ..plan.view import linked_plans
from . import schema
from .registry import Registry


class Checked:
    """What checking a batch of documents gave: the findings and the schema-valid documents."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.valid: list[Document] = []  # schema-valid documents, for the filters

    @property
    def programmes(self) -> set[str]:
        return {d.data["id"] for d in self.valid if d.data.get("kind") == "programme"}


def schema_findings(doc: Document) -> list[Finding]:
    """A loaded document against the schema of its `kind`."""
    if doc.error:
        return [doc.error, *doc.more_errors]
    if not isinstance(doc.data, dict):
        what = (_("the top level is a list, not a mapping") if isinstance(doc.data, list) else
                _("the top level is a single value ({type}), not a mapping").format(type=type(doc.data).__name__))
        return [doc.finding(SCHEMA.id, SCHEMA.severity, what, "",
                            hint=_("a plan file is a mapping of keys: start with 'planctl: 1' and 'kind: plan'"))]
    kind = doc.data.get("kind", "plan")
    if kind not in ("plan", "programme", "policy"):
        return [doc.finding(SCHEMA.id, SCHEMA.severity, _("unknown kind {kind!r}").format(kind=kind), "/kind",
                            hint=_("kind is 'plan', 'programme' or 'policy'"))]
    return schema.check(doc, kind)


def prepare() -> None:
    """Build what every check needs (the schema validators, the rule catalogue, the translations)
    before a run forks its workers, so that each inherits them instead of building them again."""
    from .. import i18n
    from . import fastschema
    from .rules import lint_catalogue

    for kind in ("plan", "programme"):
        fastschema.compiled(kind)
    lint_catalogue()
    i18n.prepare()


def check(docs: list[Document], registry: Callable[[], Registry]) -> Checked:
    """Every finding of the documents before filters. `registry` is called only when a plan needs
    the programmes and policies (a lone broken file never pays for them)."""
    result = Checked()
    pitfalls: list[tuple[Document, Finding]] = []
    for doc in docs:
        problems = schema_findings(doc)
        pitfalls += [(doc, p) for p in problems if p.rule in schema.PITFALLS]
        result.findings += [p for p in problems if p.rule not in schema.PITFALLS]
        if doc.ok and not problems:
            result.valid.append(doc)
    plans = [d for d in result.valid if d.data.get("kind", "plan") == "plan"]
    if not (plans or pitfalls):
        return result
    from . import findingcache

    linked = registry().with_linted(result.valid)
    # A plan's own findings come from the cache when the plan, the programmes, the rules and the
    # code are those of an earlier run (lint/findingcache.py); the others' facts are derived.
    context = (findingcache.context_key(linked.programmes, linked.policies)
               if any(doc.parse_key for doc in plans) else None)
    to_derive: list[tuple[Document, str | None]] = []
    for doc in plans:
        key = findingcache.key(context, doc)
        stored = findingcache.read(key, doc)
        if stored is None:
            to_derive.append((doc, key))
        else:
            result.findings += stored
    # The findings of a plan's links too, when the plans they reach print what they printed then.
    to_link: list[tuple[Document, str | None]] = []
    linking = [doc for doc in plans if linked_plans(doc.data)]
    if linking:
        from .registry import PlanFinder
        from .summaries import Summaries, reached

        summaries, find = Summaries(plans), PlanFinder(linked, {d.name for d in plans})
        for doc in linking:
            key = findingcache.key(context, doc, reached(doc, summaries, find)) if context else None
            stored = findingcache.read(key, doc)
            if stored is None:
                to_link.append((doc, key))
            else:
                result.findings += stored
    if not (to_derive or pitfalls or to_link):
        return result  # nothing for the rules engine: neither it, nor the facts, nor the rules are loaded
    from .engine import MAX_FACTS_PER_RUN
    from .facts import Fact, derive, schema_value_fact
    from .policy import evaluate
    from .rules import lint_catalogue

    rules = lint_catalogue()
    if pitfalls:
        result.findings += evaluate(rules, [
            schema_value_fact(doc, p.pointer, schema.PITFALLS[p.rule], doc.float_texts.get(p.pointer, p.message))
            for doc, p in pitfalls])
    own: list[Finding] = []
    facts: list[Fact] = []
    for doc, _key in to_derive:
        more = derive(doc, linked.programmes, linked.policies)
        # The facts go to the engine a run's worth at a time (its runs hold at most
        # MAX_FACTS_PER_RUN anyway), so a batch of plans never holds all its facts at once.
        if facts and len(facts) + len(more) > MAX_FACTS_PER_RUN:
            own += evaluate(rules, facts)
            facts = []
        facts += more
    if facts:
        own += evaluate(rules, facts)
    findingcache.store(to_derive, own)
    result.findings += own
    if to_link:
        # After every plan's own facts: the links between plans, over all the plans checked here.
        from .facts.links import all_link_facts

        links = all_link_facts(summaries, [doc for doc, _key in to_link], find)
        found = evaluate(rules, links) if links else []
        findingcache.store(to_link, found)
        result.findings += found
    return result
