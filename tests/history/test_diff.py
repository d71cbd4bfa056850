"""`planctl diff` on a real plan in a real git repository: each kind of edit a planner makes,
and the figures a reviewer is shown for it (in the JSON output and in the result records)."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from planctl.config import load_config
from planctl.history.compare import DiffResult, compare
from planctl.history.diff import Line, Money, Status
from planctl.history.revisions import Repository
from planctl.history.select import scope, select
from planctl.plan.money import UNIT_VND
from planctl.resources import schema_path
from tests.history.conftest import PLAN, amount_cell, ancestors, scale
from tests.history.gitrepo import find_project, find_target, money, plan_project, projects, rollup


def diff_result(repo, *revisions: str, paths: tuple[str, ...] = ()) -> DiffResult:
    """The result records, built as the CLI builds them."""
    config = load_config(repo.root)
    with Repository(repo.root) as git:
        return compare(git, select(git, list(revisions)), scope(git, config, list(paths), repo.root), config)


def only_plan(run) -> dict:
    assert run.code == 0, run.stderr
    plans = run.json["plans"]
    assert len(plans) == 1, [p["path"] for p in plans]
    return plans[0]


def value(data: dict, project: dict) -> float:
    """A project's amount in the list's unit: its top-level amounts, else its printed total."""
    amounts = project.get("amounts") or {}
    if amounts:
        return sum(v for s, v in amounts.items() if not ancestors(data, s) & set(amounts))
    return project.get("total", 0)


def plan_total(data: dict) -> float:
    return sum(value(data, p) for _, p in projects(data))


def vnd(data: dict, amount: float) -> int:
    return round(amount * UNIT_VND[data.get("project_list", {}).get("unit", data.get("unit", "million VND"))])


def source_type(data: dict, sid: str, project: dict) -> str:
    types = {s["id"]: s.get("type") for s in data.get("funding_sources", [])}
    chain = [sid, *sorted(ancestors(data, sid), key=lambda a: sid in ancestors(data, a))]
    found = next((types[s] for s in chain if types.get(s)), None)
    return found or project.get("type") or "(no type)"


# -- amounts -----------------------------------------------------------------------------------

def test_a_changed_amount_shows_the_project_its_source_and_every_roll_up(repo):
    data = repo.read(PLAN)
    group, project, sid = amount_cell(data)
    pid, old = project["id"], project["amounts"][sid]
    repo.edit(PLAN, lambda d: find_project(d, pid)["amounts"].__setitem__(sid, old + 500))
    repo.commit(f"Raise {pid} {sid} by 500")
    k = scale(data)

    plan = only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json"))
    entry = plan_project(plan, pid)
    assert (entry["status"], entry["moved"]) == ("changed", False)
    assert entry["sources"] == [{"source": sid, **money(old * k, (old + 500) * k)}]
    assert entry["total"] == money(value(data, project) * k, (value(data, project) + 500) * k)
    total = plan_total(data)
    assert plan["total"] == money(total * k, (total + 500) * k)
    assert rollup(plan, "group")[group["id"]]["delta"] == 500 * k
    sources = rollup(plan, "source")
    for affected in (sid, *ancestors(data, sid)):  # a child's money is part of its parent's
        assert sources[affected]["delta"] == 500 * k
    assert [key for key, row in sources.items() if row["changed"]] == \
        [key for key in sources if key in {sid, *ancestors(data, sid)}]
    assert rollup(plan, "type")[source_type(data, sid, project)]["delta"] == 500 * k

    result = diff_result(repo, "HEAD~1", "HEAD")
    change = next(p for p in result.plans[0].projects if p.id == pid)
    assert change.status is Status.CHANGED
    assert change.sources == (Line(sid, Money(vnd(data, old), vnd(data, old + 500))),)
    assert change.total.delta == vnd(data, 500)
    assert result.plans[0].total.delta == vnd(data, 500)
    assert result.changed


def test_text_and_markdown_show_the_change_with_thousands_separators_and_the_unit(repo):
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    old = project["amounts"][sid]
    repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, old + 12_345))
    repo.commit("Raise by 12,345")
    k = scale(data)
    text = repo.planctl("diff", "HEAD~1", "HEAD").stdout
    unit = data.get("unit", "million VND")
    assert f"{plan_total(data) * k:,.0f} → {(plan_total(data) + 12_345) * k:,.0f} {unit}" in text
    assert f"+{12_345 * k:,.0f}" in text and project["id"] in text
    markdown = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "markdown").stdout
    summary, details = markdown.split("#### ", 1)
    assert "| plan " in summary and "plans/province/plan.yaml" in summary  # a summary first
    assert "**Projects (" in details  # the project changes open, not folded
    assert "<summary>Projects" not in markdown
    assert f"+{12_345 * k:,.0f}" in summary


def test_a_reorder_is_not_a_change(repo):
    def reverse_everything(d):
        d["groups"].reverse()
        for group in d["groups"]:
            group.get("projects", []).reverse()
            for project in group.get("projects", []):
                if "amounts" in project:
                    project["amounts"] = dict(reversed(project["amounts"].items()))
        for key in ("targets", "funding_sources"):
            d.get(key, []).reverse()
    repo.edit(PLAN, reverse_everything)
    repo.commit("Reorder every list")
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json", "--exit-code")
    assert run.code == 0
    plan = run.json["plans"][0]
    assert (plan["changed"], plan["projects"], plan["targets"], plan["stated"]) == (False, [], [], [])
    assert run.json["changed"] is False
    assert "no change in content" in repo.planctl("diff", "HEAD~1", "HEAD").stdout


def test_a_project_under_another_group_is_a_move(repo):
    data = repo.read(PLAN)
    funded = [(g, p) for g, p in projects(data) if value(data, p)]
    group, project = funded[0]
    other = next(g for g in data["groups"] if g["id"] != group["id"])

    def move(d):
        source = next(g for g in d["groups"] if g["id"] == group["id"])
        moved = next(p for p in source["projects"] if p["id"] == project["id"])
        source["projects"].remove(moved)
        next(g for g in d["groups"] if g["id"] == other["id"]).setdefault("projects", []).insert(0, moved)
    repo.edit(PLAN, move)
    repo.commit("Move a project")
    plan = only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json"))
    assert len(plan["projects"]) == 1
    entry = plan["projects"][0]
    assert (entry["id"], entry["status"], entry["moved"]) == (project["id"], "changed", True)
    assert (entry["old_group"], entry["new_group"]) == (group["id"], other["id"])
    assert entry["sources"] == [] and entry["total"]["delta"] == 0
    amount = value(data, project) * scale(data)
    groups = rollup(plan, "group")
    assert (groups[group["id"]]["delta"], groups[other["id"]]["delta"]) == (-amount, amount)
    assert plan["total"]["delta"] == 0
    assert "moved" in repo.planctl("diff", "HEAD~1", "HEAD").stdout


def test_added_and_removed_projects_come_with_their_amounts(repo):
    data = repo.read(PLAN)
    group, project, sid = amount_cell(data)
    removed = project["id"]
    removed_value = value(data, project)

    def change(d):
        for g in d["groups"]:
            g["projects"] = [p for p in g.get("projects", []) if p["id"] != removed]
        d["groups"][-1].setdefault("projects", []).append(
            {"id": "planctl-new-project", "seq": 99, "name": "Dự án mới", "lead": "Sở TTTT",
             "start": 2013, "end": 2014, "amounts": {sid: 1_234}})
    repo.edit(PLAN, change)
    repo.commit("Replace a project")
    k = scale(data)
    plan = only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json"))
    added, gone = plan_project(plan, "planctl-new-project"), plan_project(plan, removed)
    assert (added["status"], added["new_group"], added["old_group"]) == ("added", data["groups"][-1]["id"], None)
    assert added["sources"] == [{"source": sid, **money(None, 1_234 * k)}]
    assert added["total"] == money(None, 1_234 * k)
    assert (gone["status"], gone["old_group"], gone["new_group"]) == ("removed", group["id"], None)
    assert gone["total"] == money(removed_value * k, None)
    assert {s["source"] for s in gone["sources"]} == set(project["amounts"])
    total = plan_total(data)
    assert plan["total"] == money(total * k, (total - removed_value + 1_234) * k)
    text = repo.planctl("diff", "HEAD~1", "HEAD").stdout
    assert "Dự án mới (added)" in text and "(planctl-new-project)" in text
    assert f"({removed})" in text and "(removed)" in text


def test_changed_name_lead_and_years(repo):
    data = repo.read(PLAN)
    _, project, _ = amount_cell(data)

    def change(d):
        p = find_project(d, project["id"])
        p.update(name="Tên mới", lead="Sở Thông tin và Truyền thông", end=(p.get("end") or 2015) + 1)
    repo.edit(PLAN, change)
    repo.commit("Rename, new lead, one more year")
    entry = plan_project(only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")), project["id"])
    fields = {f["field"]: (f["old"], f["new"]) for f in entry["fields"]}
    assert fields["name"] == (project["name"], "Tên mới")
    assert fields["lead"] == (project.get("lead"), "Sở Thông tin và Truyền thông")
    assert fields["end"] == (project.get("end"), (project.get("end") or 2015) + 1)
    assert entry["total"]["delta"] == 0 and entry["sources"] == []


# -- targets -----------------------------------------------------------------------------------

def test_targets_changed_added_and_removed(target_repo):
    repo = target_repo
    data = repo.read(PLAN)
    numeric = [t for t in data["targets"] if isinstance(t.get("value"), (int, float)) and t["comparator"] != "range"]
    changed, removed = numeric[0], data["targets"][-1] if len(data["targets"]) > 1 else None

    def change(d):
        target = find_target(d, changed["id"])
        target["value"] = changed["value"] + 5
        target["year"] = (changed.get("year") or 2015) + 1
        target["comparator"] = ">" if changed["comparator"] != ">" else ">="
        if removed is not None and removed["id"] != changed["id"]:
            d["targets"] = [t for t in d["targets"] if t["id"] != removed["id"]]
        d["targets"].append({"id": "planctl-new-target", "indicator": "Tỷ lệ hộ gia đình có máy tính",
                             "year": 2015, "comparator": ">=", "value": 40, "unit": "%"})
    repo.edit(PLAN, change)
    repo.commit("Targets")
    plan = only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json"))
    targets = {t["id"]: t for t in plan["targets"]}
    fields = {f["field"]: (f["old"], f["new"]) for f in targets[changed["id"]]["fields"]}
    assert fields["value"] == (changed["value"], changed["value"] + 5)
    assert fields["year"] == (changed.get("year"), (changed.get("year") or 2015) + 1)
    assert fields["comparator"][0] == changed["comparator"]
    assert targets["planctl-new-target"]["status"] == "added"
    assert targets["planctl-new-target"]["new"]["value"] == 40
    if removed is not None and removed["id"] != changed["id"]:
        assert targets[removed["id"]]["status"] == "removed"
        assert targets[removed["id"]]["old"]["indicator"] == removed["indicator"]
    text = repo.planctl("diff", "HEAD~1", "HEAD").stdout
    assert f"{changed['id']}" in text and "+5" in text and "≥ 40% in 2015" in text


# -- files -------------------------------------------------------------------------------------

def test_a_renamed_and_edited_plan_is_followed(repo):
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    old = project["amounts"][sid]
    # git follows a rename by content similarity: write the file the way the edit below
    # writes it first, so that the renaming commit changes a line, as a planner's would.
    repo.edit(PLAN, lambda d: None)
    repo.commit("Same plan, written as JSON")
    repo.git("mv", PLAN, "plans/province/renamed.yaml")
    repo.edit("plans/province/renamed.yaml", lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, old + 7))
    repo.commit("Rename the file and raise one amount")
    plan = only_plan(repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json"))
    assert (plan["path"], plan["old_path"], plan["renamed"], plan["status"]) == \
        ("plans/province/renamed.yaml", PLAN, True, "changed")
    assert [p["id"] for p in plan["projects"]] == [project["id"]]
    assert plan["total"]["delta"] == 7 * scale(data)
    assert f"renamed from {PLAN}" in repo.planctl("diff", "HEAD~1", "HEAD").stdout


def test_only_changed_plans_are_read(repo):
    """A plan that does not parse but did not change is never read, so it is never reported."""
    repo.write("plans/other/broken.yaml", "planctl: 1\nkind: plan\n\tgroups: [\n")
    repo.commit("A broken plan")
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, 1))
    repo.commit("Change the good plan")
    run = repo.planctl("diff", "HEAD~1", "HEAD", "--format", "json")
    assert [p["path"] for p in run.json["plans"]] == [PLAN]
    assert run.json["plans"][0]["errors"] == []


# -- revisions ---------------------------------------------------------------------------------

@pytest.fixture
def branches(repo):
    """main and a pull-request branch that diverged: the branch raises one amount by 500, main
    meanwhile raises it by 100; the working tree then adds 1 on top of the branch."""
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    old = project["amounts"][sid]

    def set_amount(amount):
        repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, amount))
    repo.git("checkout", "-q", "-b", "feature")
    set_amount(old + 500)
    repo.commit("Feature: +500")
    repo.git("checkout", "-q", "main")
    set_amount(old + 100)
    repo.commit("Main: +100")
    repo.git("checkout", "-q", "feature")
    set_amount(old + 501)
    return project["id"], sid, old, scale(data)


def delta_of(run, pid: str) -> float:
    return plan_project(only_plan(run), pid)["total"]["delta"]


def test_three_dots_compare_from_the_merge_base(repo, branches):
    pid, _, _, k = branches
    assert delta_of(repo.planctl("diff", "main...feature", "--format", "json"), pid) == 500 * k
    run = repo.planctl("diff", "main...feature", "--format", "json")
    assert run.json["old"]["label"] == "merge base of main and feature"
    assert run.json["old"]["commit"] == repo.git("merge-base", "main", "feature").strip()


def test_two_dots_and_two_revisions_compare_the_tips(repo, branches):
    pid, _, _, k = branches
    assert delta_of(repo.planctl("diff", "main..feature", "--format", "json"), pid) == 400 * k
    assert delta_of(repo.planctl("diff", "main", "feature", "--format", "json"), pid) == 400 * k
    assert delta_of(repo.planctl("diff", "feature..main", "--format", "json"), pid) == -400 * k


def test_working_tree_against_head_and_against_a_revision(repo, branches):
    pid, _, _, k = branches
    run = repo.planctl("diff", "--format", "json")
    assert delta_of(run, pid) == 1 * k
    assert run.json["new"] == {"label": "working tree", "commit": None}
    assert delta_of(repo.planctl("diff", "main", "--format", "json"), pid) == 401 * k
    assert delta_of(repo.planctl("diff", "HEAD~1", "--format", "json"), pid) == 501 * k


def test_working_tree_untracked_and_moved_plans(repo):
    """Untracked plans are added plans; a plan moved with plain mv (not git mv) is followed."""
    repo.save("plans/new/other.yaml", {**repo.read(PLAN), "id": "another-plan"})
    (repo.root / PLAN).rename(repo.root / "plans/province/moved.yaml")
    run = repo.planctl("diff", "--format", "json")
    plans = {p["path"]: p for p in run.json["plans"]}
    assert plans["plans/new/other.yaml"]["status"] == "added"
    moved = plans["plans/province/moved.yaml"]
    assert (moved["old_path"], moved["renamed"], moved["changed"]) == (PLAN, True, True)
    assert moved["projects"] == []
    # The user's index is left as it was.
    assert repo.git("status", "--porcelain") == f" D {PLAN}\n?? plans/new/\n?? plans/province/moved.yaml\n"


def test_paths_limit_the_comparison(repo):
    second = "plans/second/plan.yaml"
    repo.write(second, (repo.root / PLAN).read_text(encoding="utf-8"))
    repo.commit("A second plan")
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    for rel in (PLAN, second):
        repo.edit(rel, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, 3))
    repo.commit("Change both")

    def paths(*args):
        return [p["path"] for p in repo.planctl("diff", "--format", "json", *args).json["plans"]]
    assert paths("HEAD~1", "HEAD") == [PLAN, second]
    assert paths("HEAD~1", "HEAD", "--", second) == [second]
    assert paths("HEAD~1", "HEAD", PLAN) == [PLAN]
    assert paths("HEAD~1..HEAD", "plans/second") == [second]
    sub = repo.root / "plans" / "second"
    assert [p["path"] for p in repo.planctl("diff", "HEAD~1", "HEAD", "plan.yaml", "--format", "json",
                                            cwd=sub).json["plans"]] == [second]


# -- exit codes and formats --------------------------------------------------------------------

def test_exit_codes(repo):
    assert repo.planctl("diff").code == 0
    assert repo.planctl("diff", "--exit-code").code == 0
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, project["amounts"][sid] + 1))
    assert repo.planctl("diff").code == 0
    assert repo.planctl("diff", "--exit-code").code == 1
    assert repo.process("diff", "--exit-code").code == 1


def test_json_output_is_valid_against_its_published_schema(repo):
    data = repo.read(PLAN)
    group, project, sid = amount_cell(data)

    def change(d):
        find_project(d, project["id"])["amounts"][sid] += 10
        d["targets"][0]["value"] = 1
        d["groups"][0]["name"] = "Nhóm mới"
    repo.edit(PLAN, change)
    repo.write("plans/added.yaml", (repo.root / PLAN).read_text(encoding="utf-8"))
    repo.write("plans/broken.yaml", "kind: plan\nid: [\n")
    run = repo.planctl("diff", "--format", "json")
    schema = json.loads(schema_path("diff-result").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(run.json)
    assert {p["path"]: p["status"] for p in run.json["plans"]} == {
        "plans/added.yaml": "added", "plans/broken.yaml": "added", PLAN: "changed"}
    printed = repo.planctl("schema", "diff-result")
    assert printed.code == 0 and json.loads(printed.stdout) == schema


def test_an_unknown_format_is_a_usage_error(repo):
    run = repo.planctl("diff", "--format", "yaml")
    assert run.code == 2 and "'yaml' is not one of 'text', 'markdown', 'json'" in run.stderr


def test_diff_loads_neither_the_rules_engine_nor_the_schema_validator(repo):
    """Imports stay lazy: diff pays for git, not for lint's libraries; json not for tabulate."""
    raise_by = amount_cell(repo.read(PLAN))
    repo.edit(PLAN, lambda d: find_project(d, raise_by[1]["id"])["amounts"].__setitem__(raise_by[2], 1))
    probe = ("import sys\nfrom planctl.cli import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n")

    def imported(*args: str) -> set[str]:
        import subprocess
        import sys
        done = subprocess.run([sys.executable, "-c", probe, *args], cwd=repo.root, capture_output=True, text=True)
        return set(done.stderr.split())
    json_run, text_run = imported("diff", "--format", "json"), imported("diff")
    assert "git" in json_run and not {"durable", "jsonschema", "tabulate"} & json_run
    assert "tabulate" in text_run and not {"durable", "jsonschema"} & text_run
    assert "git" not in imported("lint", PLAN)


def test_a_pull_request_comment_stays_within_github_s_size_limit(repo):
    for i in range(60):
        repo.save(f"plans/many/plan-{i:02d}.yaml", {**repo.read(PLAN), "id": f"plan-{i:02d}"})
    run = repo.planctl("diff", "--format", "markdown", "HEAD")
    assert run.code == 0
    assert len(run.stdout) < 65_536
    summary = run.stdout.split("#### ", 1)[0]
    assert summary.count("<sub>plans/many/plan-") == 60  # the summary names every plan
    assert "are not shown here (a comment is limited in size): run `planctl diff HEAD` to see everything." \
        in run.stdout
    assert run.stdout.rstrip().endswith("</sub>")


def test_many_changed_plans_compared_on_two_processes_read_as_in_one(repo, monkeypatch):
    """From PARALLEL_FROM changed files up, the files are compared, and their sides linted for the
    findings section, in forked workers: the same output in every format, with broken, renamed,
    removed and non-plan files among them."""
    import multiprocessing

    from planctl import parallel
    from planctl.history import compare as compare_module

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork: diff never forks")
    data = repo.read(PLAN)
    for i in range(12):
        repo.save(f"plans/many/plan-{i:02d}.yaml", {**data, "id": f"plan-{i:02d}"})
    repo.commit("Twelve plans")
    _, project, sid = amount_cell(data)
    for i in range(0, 12, 2):
        repo.edit(f"plans/many/plan-{i:02d}.yaml",
                  lambda d, i=i: find_project(d, project["id"])["amounts"].__setitem__(sid, i))
    repo.git("mv", "plans/many/plan-01.yaml", "plans/many/plan-renamed.yaml")
    repo.git("rm", "-q", "plans/many/plan-03.yaml")
    repo.write("plans/many/broken.yaml", "planctl: 1\nkind: plan\n\tgroups: [\n")
    repo.write("plans/many/programme.yaml", "kind: programme\nid: p\n")
    repo.write("plans/many/notes.txt", "not a plan\n")
    for i in range(12, 20):
        repo.save(f"plans/many/plan-{i:02d}.yaml", {**data, "id": f"plan-{i:02d}"})
    repo.commit("Edits, a rename, a removal, a broken plan and new plans")
    args = ("diff", "HEAD~1", "HEAD", "plans/many/notes.txt", "plans/many")
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(compare_module, "PARALLEL_FROM", 1)
    forked = [repo.planctl(*args, "--format", f) for f in ("json", "text", "markdown")]
    monkeypatch.setattr(compare_module, "PARALLEL_FROM", 10_000)
    single = [repo.planctl(*args, "--format", f) for f in ("json", "text", "markdown")]
    assert forked == single
    assert len(forked[0].json["plans"]) > 16 and forked[0].code == 0
    assert re.search(r"Lint findings: [1-9]\d* new", forked[2].stdout)  # the section is not empty


def test_without_settings_the_plans_of_the_whole_repository_are_compared(repo):
    """No [tool.planctl]: plans/**/*.yaml from the repository's root, wherever planctl runs."""
    (repo.root / "pyproject.toml").unlink()
    data = repo.read(PLAN)
    _, project, sid = amount_cell(data)
    repo.edit(PLAN, lambda d: find_project(d, project["id"])["amounts"].__setitem__(sid, project["amounts"][sid] + 1))
    for cwd in (repo.root, repo.root / "plans" / "province"):
        run = repo.planctl("diff", "--format", "json", cwd=cwd)
        assert [p["path"] for p in run.json["plans"]] == [PLAN]


def test_a_project_s_printed_total_changed_beside_its_amounts(repo):
    data = repo.read(PLAN)
    _, project, _ = amount_cell(data)
    printed = project.get("total", 0)
    repo.edit(PLAN, lambda d: find_project(d, project["id"]).__setitem__("total", printed + 900))
    entry = plan_project(only_plan(repo.planctl("diff", "--format", "json")), project["id"])
    k = scale(data)
    assert entry["printed_total"] == money(printed * k if "total" in project else None, (printed + 900) * k)
    assert entry["total"]["delta"] == 0 and entry["sources"] == []
    assert "printed total" in repo.planctl("diff").stdout


def test_git_resolves_each_revision_once(repo, monkeypatch):
    # The arguments are told from paths by resolving them, then resolved as the revisions: one
    # `git rev-parse` each (a process apiece: ~6 ms of every diff), not two.
    asked: list[tuple[str, ...]] = []
    run = Repository._run

    def counted(self: Repository, *args: str, **kwargs: object) -> bytes:
        asked.append(args)
        return run(self, *args, **kwargs)

    repo.edit(PLAN, lambda data: data.update(title=data["title"] + " (sửa đổi)"))
    repo.commit("Retitle the plan")
    monkeypatch.setattr(Repository, "_run", counted)
    for revisions in (("HEAD~1", "HEAD"), ("HEAD~1..HEAD",), ("HEAD~1",)):
        asked.clear()
        assert repo.planctl("diff", *revisions).code in (0, 1)
        resolved = sorted(args[-1] for args in asked if args[:2] == ("rev-parse", "--verify"))
        assert resolved == sorted({"HEAD~1^{commit}", "HEAD^{commit}"} if revisions != ("HEAD~1",)
                                  else {"HEAD~1^{commit}"}), revisions
