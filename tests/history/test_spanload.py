"""`planctl log` parses only the spans of a plan that changed since the revision before
(planctl/history/spanload.py): on a real git history with edits of many shapes, every revision
loads to the same data (or the same error) as a full parse, and the log reads the same."""

from __future__ import annotations

import random

import pytest

from planctl.history.spanload import SpanLoader
from planctl.plainload import load_plain
from tests.bench.generate import build_plan, national_programmes, to_yaml
from tests.history.gitrepo import GitRepo

PLAN = "plans/province/plan.yaml"

BASE = """\
# A plan written by hand: comments, flow and block styles, multi-line notes.
planctl: 1
kind: plan
id: tinh-1755-2011
title: Kế hoạch ứng dụng CNTT
title_en: ICT plan
period: {start: 2011, end: 2015}
unit: million VND
funding_sources:
  - id: nstw
    name: Ngân sách Trung ương
  - {id: nsdp, name: Ngân sách địa phương}
  - id: khac
    name: Vốn khác
targets:
  - id: t1
    indicator: Tỷ lệ văn bản điện tử
    value: 60
    unit: percent
  - id: t2
    indicator: "Cán bộ
      có máy tính"
    value: 80
groups:
  - id: g1
    name: Hạ tầng
    projects:
      - id: p1
        seq: 1
        name: Mạng WAN
        lead: Sở TTTT
        amounts: {nstw: 1000, nsdp: 500}
        note: |
          Dòng một.
          Dòng hai: không phải khoá.
      - id: p2
        seq: 2
        name: Trung tâm dữ liệu
        amounts:
          nstw: 2000
          khac: 300
        by_year: {"2012": 1000, "2013": 1300}
  - id: g2
    name: Ứng dụng
    projects:
      - id: p3
        seq: 1
        name: Một cửa điện tử
        amounts: {nsdp: 700}
        note: >
          Gấp
          dòng.
      - id: p4
        seq: 2
        name: Cổng thông tin
        total: 900
# a comment at column 0 between sections
budget:
  total: 5400
  by_source: {nstw: 3000, nsdp: 1200, khac: 300}
phasing:
  rows:
  - source_id: nstw
    years: {"2012": 1500, "2013": 1500}
  - source_id: nsdp
    years: {"2012": 600, "2013": 600}
"""


def edits() -> list[tuple[str, callable]]:
    """(message, text -> text): edits of many shapes, each a commit."""
    def sub(old: str, new: str, count: int = 1):
        def change(text: str) -> str:
            assert old in text, old
            return text.replace(old, new, count)
        return change

    def move_p1(text: str) -> str:
        start = text.index("      - id: p1\n")
        end = text.index("      - id: p2\n")
        block, text = text[start:end], text[:start] + text[end:]
        assert "Mạng WAN" in block and "Dòng ba" in block
        at = text.index("      - id: p4\n")
        return text[:at] + block + text[at:]

    return [
        ("an amount in a flow mapping", sub("{nstw: 1000, nsdp: 500}", "{nstw: 1200, nsdp: 500}")),
        ("an amount in a block mapping", sub("          nstw: 2000\n", "          nstw: 2500\n")),
        ("a key renamed in a project", sub("        lead: Sở TTTT\n", "        leader: Sở TTTT\n")),
        ("a top-level key renamed", sub("title_en: ICT plan\n", "title_english: ICT plan\n")),
        ("a multi-line note edited", sub("          Dòng hai: không phải khoá.\n",
                                         "          Dòng hai, sửa: không phải khoá.\n          Dòng ba.\n")),
        ("a folded note edited", sub("          dòng.\n", "          dòng, sửa.\n")),
        ("a project moved between groups", move_p1),
        ("an anchor and an alias in one project",
         sub("        amounts: {nsdp: 700}\n", "        amounts: &cells {nsdp: 700}\n        by_year: *cells\n")),
        ("an alias to an anchor in another span",
         sub("        total: 900\n", "        total: 900\n        amounts: *cells\n")),
        ("the alias removed", sub("        amounts: *cells\n", "")),
        ("a flow mapping over several lines",
         sub("  by_source: {nstw: 3000, nsdp: 1200, khac: 300}\n",
             "  by_source: {nstw: 3000,\n    nsdp: 1200, khac: 300}\n")),
        ("a quoted scalar whose next line looks like a key",
         sub('    indicator: "Cán bộ\n      có máy tính"\n', '    indicator: "Cán bộ\nvalue: có máy tính"\n')),
        ("the quoted scalar back", sub('    indicator: "Cán bộ\nvalue: có máy tính"\n',
                                       '    indicator: "Cán bộ\n      có máy tính"\n')),
        ("a multi-line plain scalar", sub("    name: Ứng dụng\n", "    name: Ứng dụng\n      và dịch vụ công\n")),
        ("a group indented by four", lambda text: text.replace(
            "  - id: g2\n    name: Ứng dụng\n      và dịch vụ công\n    projects:\n",
            "  -   id: g2\n      name: Ứng dụng\n        và dịch vụ công\n      projects:\n")),
        ("a key repeated in another span", sub("unit: million VND\n", "unit: million VND\nid: again\n")),
        ("the repeated key removed", sub("unit: million VND\nid: again\n", "unit: million VND\n")),
        ("a syntax error", sub("  - id: t1\n", "  - id: [t1\n")),
        ("the syntax error fixed", sub("  - id: [t1\n", "  - id: t1\n")),
        ("a project's items in an indentless sequence", sub(
            "    years: {\"2012\": 600, \"2013\": 600}\n", "    years: {\"2012\": 600, \"2013\": 700}\n")),
        ("a merge key", sub("      - id: p2\n", "      - <<: {x: 1}\n        id: p2\n")),
        ("the merge key removed", sub("      - <<: {x: 1}\n        id: p2\n", "      - id: p2\n")),
        ("a tab in a value", sub("    name: Hạ tầng\n", "    name: Hạ\ttầng\n")),
        ("a tab before a key", sub("        seq: 2\n", "       \tseq: 2\n")),
        ("no tab before a key", sub("       \tseq: 2\n", "        seq: 2\n")),
        ("carriage returns", lambda text: text.replace("\n", "\r\n")),
        ("newlines again", lambda text: text.replace("\r\n", "\n")),
        ("a document marker", lambda text: "---\n" + text),
        ("no marker", lambda text: text.removeprefix("---\n")),
        ("a project removed", sub("      - id: p4\n        seq: 2\n        name: Cổng thông tin\n        total: 900\n",
                                  "")),
        ("a new group", sub("# a comment at column 0", "  - id: g3\n    name: Mới\n    projects: []\n"
                                                     "# a comment at column 0")),
        ("a comment inside a literal note", sub("          Dòng ba.\n", "          Dòng ba.\n# not a comment\n")),
        ("the note fixed", sub("          Dòng ba.\n# not a comment\n", "          Dòng ba.\n")),
        ("everything in flow style", lambda text: text.replace(
            "groups:\n", "groups_old:\n").replace("budget:\n", "groups: [{id: g9, projects: [{id: p9}]}]\nbudget:\n")),
    ]


def history(repo: GitRepo) -> list[bytes]:
    """Every revision of PLAN, newest first (the order `planctl log` reads them)."""
    shas = repo.git("log", "--format=%H", "--", PLAN).split()
    import subprocess
    return [subprocess.run(["git", "show", f"{sha}:{PLAN}"], cwd=repo.root, capture_output=True, check=True).stdout
            for sha in shas]


def assert_same_as_full_parse(revisions: list[bytes]) -> SpanLoader:
    loader = SpanLoader()
    for raw in revisions:
        fast = loader.load(raw, PLAN)
        full = load_plain(raw, PLAN)
        assert fast == full, raw.decode("utf-8", "replace")
        assert type(fast[0]) is type(full[0])
    return loader


@pytest.fixture
def shaped(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    text = BASE
    repo.write(PLAN, text)
    repo.commit("base")
    for message, change in edits():
        text = change(text)
        repo.write(PLAN, text.encode("utf-8"))
        repo.commit(message)
    return repo


def test_each_revision_loads_as_a_full_parse(shaped):
    revisions = history(shaped)
    assert len(revisions) == len(edits()) + 1
    newest_first = assert_same_as_full_parse(revisions)
    oldest_first = assert_same_as_full_parse(revisions[::-1])
    # Not a test of load_plain against itself: most revisions took the fast path.
    for loader in (newest_first, oldest_first):
        assert loader.whole < len(revisions) // 2, loader.whole
    # ... and the values of unchanged spans were reused, not parsed again.
    assert newest_first.parsed < 8 * len(revisions), newest_first.parsed
    # `planctl diff` loads a plan's old side in a new chain (parsed by top-level key) and its
    # new side from it: the parts of a key or item parsed whole are cut from its text, with
    # the values of that parse, for every edit shape and in both directions.
    for old, new in [*zip(revisions, revisions[1:]), *zip(revisions[1:], revisions)]:
        loader = SpanLoader()
        for raw in (old, new):
            assert loader.load(raw, PLAN) == load_plain(raw, PLAN), raw.decode("utf-8", "replace")


def test_generated_plans_with_random_edits(tmp_path):
    """The benchmark's kind of history: a generated plan (the whole document, ~29 KB) edited by
    planners: amounts, targets, projects added, removed, moved and renamed."""
    from tests.bench.bench_history import edit

    repo = GitRepo(tmp_path / "repo")
    plan = build_plan("Trà Vinh", national_programmes()["qd-1755-2010"][0])
    rng = random.Random(16)
    for serial in range(40):
        if serial:
            edit(plan, rng, serial)
        repo.write(PLAN, to_yaml(plan, "../../schema/plan.schema.json"))
        repo.commit(f"Revision {serial}")
    revisions = history(repo)
    loader = assert_same_as_full_parse(revisions)
    assert loader.whole == 0
    assert loader.parsed < 40 * len(revisions) // 4  # a plan has ~40 top-level spans, ~150 in all


@pytest.mark.parametrize("args", [(), ("--format", "json"), ("--format", "markdown"), ("--lang", "vi"),
                                  ("--item", "p3"), ("--item", "p1", "--format", "json"), ("--target", "t2")])
def test_log_reads_the_same_as_with_full_parses(shaped, monkeypatch, args):
    lang, args = (args[:2], args[2:]) if args[:1] == ("--lang",) else ((), args)
    fast = shaped.planctl(*lang, "log", PLAN, *args)
    monkeypatch.setattr(SpanLoader, "load",
                        lambda self, raw, name: load_plain(raw, name, max_bytes=self.max_bytes))
    full = shaped.planctl(*lang, "log", PLAN, *args)
    assert (fast.code, fast.stdout, fast.stderr) == (full.code, full.stdout, full.stderr)
    assert fast.code == 0, fast.stderr


def _view(snapshot) -> tuple:
    """Everything a Snapshot is compared and printed by, in order (dict equality ignores order)."""
    return tuple((name, list(v.items()) if isinstance(v := getattr(snapshot, name), dict) else v)
                 for name in snapshot._fields if name not in ("tree", "memo"))


def test_snapshots_built_from_reused_parts_are_those_of_a_fresh_build(shaped):
    """build() and sums() reuse what they made from the same plain data in the revision before;
    a chain of such builds gives what separate builds of full parses give, in order."""
    from planctl.history.rollup import sums
    from planctl.history.snapshot import build

    revisions = history(shaped)
    loader = SpanLoader()
    chained = []
    for raw in revisions:
        data, error = loader.load(raw, PLAN)
        if error is None and isinstance(data, dict):
            snapshot = build(data)
            chained.append((_view(snapshot), sums(snapshot)))
    fresh = []
    for raw in revisions:
        data, error = load_plain(raw, PLAN)
        if error is None and isinstance(data, dict):
            snapshot = build(data)
            fresh.append((_view(snapshot), sums(snapshot)))
    assert len(chained) == len(fresh) > len(revisions) // 2
    for (view, total), (fresh_view, fresh_total) in zip(chained, fresh, strict=True):
        assert view == fresh_view
        assert [list(getattr(total, f).items()) if isinstance(getattr(total, f), dict) else getattr(total, f)
                for f in total._fields] == \
            [list(getattr(fresh_total, f).items()) if isinstance(getattr(fresh_total, f), dict)
             else getattr(fresh_total, f) for f in fresh_total._fields]
