"""The findings of each plan's own facts, cached between runs (lint/findingcache.py): a lint of an
unchanged plan gives the same report without deriving its facts, and anything its findings depend
on — the plan, the programmes, the language, the rules, the code — checks it again. Waivers,
suppressions and rule settings are never taken from the cache; the findings of the links between
plans are, while the plans they reach are unchanged (tests/lint/test_link_finding_cache.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.lint import facts as facts_module
from planctl.lint import findingcache
from tests.cachefiles import edit_stored
from tests.workspace import CLEAN_PLAN, PROGRAMME, Workspace

OFF_BY_100 = CLEAN_PLAN.replace("stated: {total: 3000}", "stated: {total: 3100}")  # consistency.group-total
LINKED = CLEAN_PLAN.replace("id: test-plan", "id: other-plan").replace(
    "{id: p1, seq: 1, name: Đào tạo, start: 2011, end: 2012, amounts: {nstw: 1000}}",
    "{id: p1, seq: 1, name: Đào tạo, start: 2011, end: 2012, amounts: {nstw: 1000},"
    " same_as: {plan: test-plan, project: p1}}")


@pytest.fixture
def ws(tmp_path: Path, cache_folder: Path) -> Workspace:
    ws = Workspace(tmp_path / "repo")
    ws.write("plans/plan.yaml", OFF_BY_100)
    return ws


def stored(cache_folder: Path) -> list[Path]:
    return sorted(cache_folder.glob("rules-*-findings.json"))


def report(ws: Workspace, *args: str) -> list[tuple]:
    run = ws.cli(*args, "lint", "--format", "json")
    assert run.code in (0, 1), run.stderr
    return [(f["file"], f["rule"], f["line"], f["message"]) for f in run.report["findings"]]


def no_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    def derive(*_args: object) -> list:
        raise AssertionError("a plan's facts were derived although its findings are cached")

    monkeypatch.setattr(facts_module, "derive", derive)


def test_an_unchanged_plan_is_not_derived_again(ws, cache_folder, monkeypatch):
    first = report(ws)
    assert [rule for _f, rule, _l, _m in first] == ["consistency.group-total"]
    assert len(stored(cache_folder)) == 1
    no_derivation(monkeypatch)
    assert report(ws) == first


def test_the_cached_report_is_the_uncached_one_in_both_languages(ws, cache_folder, monkeypatch):
    for lang in ("en", "vi", "en"):
        warm = report(ws, "--lang", lang)
        monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
        assert report(ws, "--lang", lang) == warm
        monkeypatch.delenv("PLANCTL_NO_CACHE")
    assert len(stored(cache_folder)) == 2  # one per language: a Vietnamese run never shows English findings
    assert "cộng các dự án của nhóm" in report(ws, "--lang", "vi")[0][3]


def test_an_edited_plan_is_checked_again(ws, cache_folder):
    report(ws)
    ws.write("plans/plan.yaml", CLEAN_PLAN)
    assert report(ws) == []


def test_an_edited_programme_checks_the_plans_again(ws, cache_folder):
    report(ws)
    # The plan's group maps to task group hr-development, which the programme no longer has.
    ws.write("national/qd-1755-2010.yaml", PROGRAMME.replace("id: hr-development", "id: hr"))
    assert "alignment.unknown-reference" in {rule for _f, rule, _l, _m in report(ws)}


def test_rule_settings_and_suppressions_apply_to_cached_findings(ws, cache_folder, monkeypatch):
    report(ws)
    pyproject = (ws.root / "pyproject.toml").read_text(encoding="utf-8")
    ws.write("pyproject.toml", pyproject + '\n[tool.planctl.rules]\n"consistency.group-total" = "off"\n')
    no_derivation(monkeypatch)  # the plan's findings come from the cache; the setting still applies
    assert report(ws) == []


def test_the_links_between_plans_follow_the_plan_they_link_to(ws, cache_folder, monkeypatch):
    from planctl.lint import summaries

    ws.write("plans/plan.yaml", CLEAN_PLAN)
    ws.write("plans/other.yaml", LINKED)
    assert report(ws) == []
    with monkeypatch.context() as patched:  # unchanged plans: their summaries come from the cache
        patched.setattr(summaries, "summarise", lambda doc: pytest.fail(f"{doc.name} summarised again"))
        assert report(ws) == []
    # The linking plan is unchanged (its own findings come from the cache); the plan it links to
    # no longer has the project.
    ws.write("plans/plan.yaml", CLEAN_PLAN.replace("{id: p1,", "{id: p9,"))
    assert "links.unknown-project" in {rule for _f, rule, _l, _m in report(ws)}


@pytest.mark.parametrize("tamper", [
    lambda value: value.append(["rule", 9, "m", 1, 1, "", "", []]),  # not a severity
    lambda value: value[0].__setitem__(3, "7"),  # a line as text
    lambda value: value[0].__setitem__(7, [1]),  # a key part that is no text
    lambda value: value[0].pop(),
    lambda value: value.__setitem__(0, {"rule": "x"}),
])
def test_a_cache_file_without_the_stored_shape_is_not_used(ws, cache_folder, tamper):
    first = report(ws)
    (cache_file,) = stored(cache_folder)
    edit_stored(cache_file, lambda stored: tamper(stored["value"]))
    assert report(ws) == first


def test_the_context_key_depends_on_what_the_findings_depend_on(cache_folder, monkeypatch):
    from planctl import i18n
    from planctl.lint import rulekey, rules

    rules.lint_catalogue()  # the key of the rules this process runs
    programmes, policies = {"p": {"id": "p", "period": {"start": 2011}}}, [{"id": "cap", "max": 1}]
    key = findingcache.context_key(programmes, policies)
    assert key is not None and key == findingcache.context_key(programmes, policies)
    others = [findingcache.context_key({"p": {"id": "p", "period": {"start": 2012}}}, policies),
              findingcache.context_key(programmes, [{"id": "cap", "max": 2}])]
    monkeypatch.setattr(i18n, "language", lambda: "vi")
    others.append(findingcache.context_key(programmes, policies))
    monkeypatch.undo()
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(cache_folder))
    edited = [(label, data + b"#" if label == "code:lint/facts/consistency.py" else data)
              for label, data in findingcache._code_inputs()]
    monkeypatch.setattr(findingcache, "_code_inputs", lambda: edited)
    others.append(findingcache.context_key(programmes, policies))
    monkeypatch.setattr(rulekey, "catalogue_key", lambda folder=None: "0" * 64)
    others.append(findingcache.context_key(programmes, policies))
    assert len({key, *others}) == 6


def test_no_cache_folder_no_cache(ws, cache_folder, monkeypatch):
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    report(ws)
    assert not cache_folder.exists()
