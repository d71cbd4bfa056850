"""The text's tasks linked to the appendix, and plans linked to each other (issue 12, parts 2 and 3),
on the real plans: what the documents give, and edits a planner could make.

Sóc Trăng KH 21 describes each project of Phụ lục 5 as a task of section V; KH 22 lists six tasks
(the appendix's six groups), and its row 24 is KH 21 as a whole (`stands_for`), its row 15 KH 21's
data centre (`same_as`). Each expected finding is pinned by rule and JSON pointer (its line is
computed by tests.conftest.located) in the edited copy.
"""

import json
import shutil
import time

import pytest

from planctl.document import load
from planctl.lint import runner
from planctl.lint.facts import derive
from planctl.lint.facts.tasks import agency, subject_words
from tests.ci.conftest import lint
from tests.conftest import ROOT, located
from tests.rules.test_edits_to_real_plans import At, added, lint_edited

KH21 = "soc-trang/kh-21-2010.yaml"
KH22 = "soc-trang/kh-22-2012.yaml"

TASK_EDITS = [
    # a task pasted twice (KH 21 V.2.3 again, its punctuation changed)
    pytest.param(KH21, "  - id: st21-t-portal\n",
                 "  - {id: st21-t-copy, seq: '2.4', name: 'Xây dựng hệ thống hội nghị truyền hình.'}\n  - id: st21-t-portal\n",
                 [("tasks.duplicate", "/tasks/6/name")], id="duplicate-task"),
    # a link typed wrong: the row is not compared, and it is reported as unlisted
    pytest.param(KH21, "    projects: [st21-email]\n", "    projects: [st21-e-mail]\n",
                 [("tasks.unknown-project", "/tasks/4/projects/0"), ("tasks.unlisted-row", "/groups/1/projects/0/name")],
                 id="unknown-project"),
    # V.2.2's amount typed 4,613 tỷ: against its row (3.613)
    pytest.param(KH21, "    amount: 3613\n", "    amount: 4613\n",
                 [("tasks.amount-vs-rows", "/tasks/4/amount")], id="amount-vs-row"),
    # V.5.2's amount typed 20 tỷ: the tasks' amounts then add up to 115.045, above the 109.045 budget
    pytest.param(KH21, At("/tasks/11/amount", "10000"), "20000",
                 [("tasks.amount-vs-rows", "/tasks/11/amount"), ("tasks.amount-vs-budget", "/budget/total")],
                 id="amount-vs-budget"),
    # the data-centre bullet of KH 22 given to Sở Nội vụ; the row says Sở TTTT
    pytest.param(KH22, "    projects: [st-inf-data-centre-security]\n",
                 "    lead: Sở Nội vụ\n    projects: [st-inf-data-centre-security]\n",
                 [("tasks.lead-differs", "/tasks/3/lead")], id="lead-differs"),
    # the KH 21 bullet linked to the health row by mistake
    pytest.param(KH22, "    projects: [st-app-state-agencies]\n", "    projects: [st-ind-open-source]\n",
                 [("tasks.subject-differs", "/tasks/6/projects/0")], id="subject-differs"),
]

LINK_EDITS = [
    # KH 22 row 15 ends in 2014; KH 21's data centre runs to 2015
    pytest.param(KH22, At("/groups/2/projects/1/end", "2015"), "2014",
                 [("links.years-differ", "/groups/2/projects/1/end")], id="years-differ"),
    # a misspelt plan id: not found, said so (and nothing compared)
    pytest.param(KH22, "          plan: soc-trang-1605-2010\n          as_printed:",
                 "          plan: soc-trang-1605-2011\n          as_printed:",
                 [("links.unknown-plan", "/groups/4/projects/0/stands_for/plan")], id="unknown-plan"),
    # a misspelt row id in the other plan
    pytest.param(KH22, "          project: st21-data-centre\n", "          project: st21-datacentre\n",
                 [("links.unknown-project", "/groups/2/projects/1/same_as/project")], id="unknown-row"),
    # the task implementing KH 21 (V.5, L175) with its plan id misspelt, and with an amount printed
    pytest.param(KH22, "    stands_for: {plan: soc-trang-1605-2010, as_printed:", "    stands_for: {plan: soc-trang-1605, as_printed:",
                 [("links.unknown-plan", "/tasks/6/stands_for/plan")], id="task-unknown-plan"),
    pytest.param(KH22, "    stands_for: {plan: soc-trang-1605-2010, as_printed:",
                 "    amount: 100000\n    stands_for: {plan: soc-trang-1605-2010, as_printed:",
                 [("links.plan-amount-differs", "/tasks/6/amount"), ("tasks.amount-vs-rows", "/tasks/6/amount")],
                 id="task-amount"),
    # row 24 made to stand for KH 22 itself
    pytest.param(KH22, "          plan: soc-trang-1605-2010\n          as_printed:",
                 "          plan: soc-trang-1755-2012\n          as_printed:",
                 [("links.cycle", "/groups/4/projects/0/stands_for/plan")], id="self-cycle"),
]
LINK_FINDINGS = {("links.plan-amount-differs", "/groups/4/projects/0/total"),
                 ("links.plan-amount-differs", "/groups/4/projects/0/amounts"),
                 ("links.project-amount-differs", "/groups/2/projects/1/amounts"),
                 ("links.counted-twice", "/groups/2/projects/1/same_as")}
PROVEN = {rule for param in TASK_EDITS + LINK_EDITS for rule, _pointer, *_ in param.values[3]}


@pytest.mark.parametrize("plan, old, new, expected", TASK_EDITS)
def test_an_edit_to_a_task_is_found_at_its_line(tmp_path, plan, old, new, expected):
    report = lint_edited(tmp_path, plan, old, new)
    assert added(report, plan) == located(tmp_path / "plans" / plan, expected)


@pytest.mark.parametrize("plan, old, new, expected", LINK_EDITS)
def test_an_edit_to_a_link_is_found_at_its_line(tmp_path, plan, old, new, expected):
    report = lint_edited(tmp_path, plan, old, new)
    found = added(report, plan)
    assert found == located(tmp_path / "plans" / plan, expected)


def test_a_cycle_of_two_plans_is_reported_in_both_and_never_followed_forever(tmp_path):
    """KH 21's first row made to stand for KH 22, whose row 24 stands for KH 21."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    path = tmp_path / "plans" / KH21
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - id: st21-lan\n", "      - id: st21-lan\n        stands_for: {plan: soc-trang-1755-2012}\n", 1),
                    encoding="utf-8")
    started = time.monotonic()
    run = lint(tmp_path, "--format", "json", "--fail-on", "info", f"plans/{KH21}", f"plans/{KH22}")
    assert time.monotonic() - started < 60
    cycles = sorted((f["file"], f["pointer"]) for f in json.loads(run.stdout)["findings"] if f["rule"] == "links.cycle")
    assert cycles == [(f"plans/{KH21}", "/groups/0/projects/0/stands_for/plan"),
                      (f"plans/{KH22}", "/groups/4/projects/0/stands_for/plan"),
                      (f"plans/{KH22}", "/tasks/6/stands_for/plan")]


def test_a_plan_linted_alone_finds_the_plan_it_links_to_through_the_plan_globs(tmp_path):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    report = json.loads(lint(tmp_path, "--format", "json", "--fail-on", "info", f"plans/{KH22}").stdout)
    assert LINK_FINDINGS <= {(f["rule"], f["pointer"]) for f in report["findings"]}
    # without KH 21 in the repository: one info per link that says so, nothing compared (that row 15 is
    # a row of the plan row 24 stands for is still said: both links are in KH 22)
    (tmp_path / "plans" / KH21).unlink()
    report = json.loads(lint(tmp_path, "--format", "json", "--fail-on", "info", f"plans/{KH22}").stdout)
    links = sorted((f["rule"], f["pointer"], f["severity"]) for f in report["findings"] if f["rule"].startswith("links."))
    assert links == [("links.counted-twice", "/groups/2/projects/1/same_as", "warning"),
                     ("links.unknown-plan", "/groups/2/projects/1/same_as/plan", "info"),
                     ("links.unknown-plan", "/groups/4/projects/0/stands_for/plan", "info"),
                     ("links.unknown-plan", "/tasks/6/stands_for/plan", "info")]
    assert all(f["hint"] for f in report["findings"] if f["rule"] == "links.unknown-plan")


def test_the_links_are_compared_when_the_files_are_linted_in_worker_processes(tmp_path, monkeypatch):
    """Each batch looks the other plan up through the plan globs: the same findings as in one process."""
    from planctl.config import load_config

    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    config = load_config(ROOT)
    files = [ROOT / "plans" / KH21, ROOT / "plans" / KH22]
    parallel_run = {(f.rule, f.pointer) for f in runner.lint(files, config).findings if f.rule.startswith("links.")}
    monkeypatch.setattr(runner, "PARALLEL_FROM", 10_000)
    serial_run = {(f.rule, f.pointer) for f in runner.lint(files, config).findings if f.rule.startswith("links.")}
    assert parallel_run == serial_run == LINK_FINDINGS


def test_the_task_facts_of_kh21():
    facts = derive(load(ROOT / "plans" / KH21), {}, [])
    links = [f for f in facts if f.kind == "task-link"]
    assert len(links) == 12 and all(f.values["known"] for f in links)
    amounts = [f for f in facts if f.kind == "task-amount" and f.values["check"] == "rows"]
    assert len(amounts) == 12 and all(f.values["difference"] == 0 for f in amounts)
    budget = next(f for f in facts if f.kind == "task-amount" and f.values["check"] == "budget")
    assert (budget.values["stated"], budget.values["computed"]) == (105_045_000_000, 109_045_000_000)


@pytest.mark.parametrize("a, b", [("Sở TTTT", "Sở Thông tin và Truyền thông"), ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
                                  ("Sở GD-ĐT", "Sở GD&ĐT"), ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
                                  ("Sở KHCN", "Sở Khoa học và Công nghệ"), ("Sở NV", "Sở Nội vụ")])
def test_an_abbreviated_agency_reads_as_its_words(a, b):
    assert agency(a) == agency(b)


def test_the_words_of_substance_of_a_name():
    assert subject_words("Kế hoạch Ứng dụng CNTT trong cơ quan nhà nước") <= subject_words(
        "Triển khai thực hiện Kế hoạch số 21/KH-UBND về Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước")


def test_plans_outside_the_plan_globs_linted_in_worker_processes_find_each_other(tmp_path, monkeypatch):
    """Linted together but in different batches, and not under plans/: each batch looks among the run's files."""
    from planctl.config import load_config

    (tmp_path / "pyproject.toml").write_text("[tool.planctl]\n", encoding="utf-8")
    shutil.copytree(ROOT / "plans" / "national", tmp_path / "plans" / "national")
    for plan in (KH21, KH22):
        (tmp_path / "other").mkdir(exist_ok=True)
        shutil.copy(ROOT / "plans" / plan, tmp_path / "other" / plan.split("/")[1])
    config = load_config(tmp_path)
    files = sorted((tmp_path / "other").glob("*.yaml"))
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    found = {(f.rule, f.pointer) for f in runner.lint(files, config).findings if f.rule.startswith("links.")}
    assert found == LINK_FINDINGS
