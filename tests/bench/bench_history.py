"""Benchmark `planctl diff` and `planctl log` on a git history of the synthetic national
repository (tests/bench/generate.py: 63 provinces × 2 plans of ~60 projects).

Builds the history in a temp folder: one commit with every plan, then ~200 commits that each
edit a few plans (an amount raised, a target changed, a project added, removed or moved), one
plan being edited in every commit so that its log is ~200 commits long. Then prints the
whole-process wall time (median and minimum of several runs of the real command, in a
subprocess, so imports and start-up count) of:

- `planctl diff HEAD~1 HEAD` when a few plans changed, in each format   (target ≤ 1 s)
- `planctl diff` of the working tree with a few plans edited             (target ≤ 1 s)
- `planctl diff HEAD~20 HEAD`, about 40 plans changed                    (for scale)
- `planctl log PLAN` over ~200 commits, and with --item                  (target ≤ 5 s)

Numbers only, never assertions. Usage:
    python tests/bench/bench_history.py [--commits N] [--runs N] [--provinces N] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_lint import planctl_command, wall  # noqa: E402  (run as a script, beside them)
from generate import generate, to_yaml  # noqa: E402

from planctl.document import load_data  # noqa: E402

TARGET_DIFF = 1.0  # seconds, whole process, on the project's 2-core machine
TARGET_LOG = 5.0
SCHEMA_LINE = "../../schema/plan.schema.json"


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def edit(path: Path, rng: random.Random, serial: int) -> str:
    """One planner's edit to one plan, written back in the generator's layout; says what it did."""
    plan = load_data(path)
    groups = [g for g in plan["groups"] if g.get("projects")]
    group = rng.choice(groups)
    project = rng.choice(group["projects"])
    kind = rng.choice(("amount", "amount", "amount", "target", "add", "remove", "move"))
    if kind == "amount" and project.get("amounts"):
        source = rng.choice(sorted(project["amounts"]))
        project["amounts"][source] += rng.randrange(-50, 500)
        project["amounts"][source] = max(project["amounts"][source], 0)
    elif kind == "target" and plan.get("targets"):
        target = rng.choice(plan["targets"])
        target["value"] = min(100, (target.get("value") or 0) + rng.randrange(1, 5))
    elif kind == "add":
        group["projects"].append({"id": f"bench-{serial}", "seq": len(group["projects"]) + 1,
                                  "name": f"Dự án bổ sung {serial}", "lead": "Sở Thông tin và Truyền thông",
                                  "start": 2013, "end": 2015, "amounts": {"nstw": rng.randrange(100, 5_000)}})
    elif kind == "remove" and len(group["projects"]) > 1:
        group["projects"].remove(project)
    elif kind == "move" and len(plan["groups"]) > 1:
        group["projects"].remove(project)
        rng.choice([g for g in plan["groups"] if g is not group]).setdefault("projects", []).append(project)
    else:
        project["name"] = f"{project['name']} ({serial})"
        kind = "rename"
    path.write_text(to_yaml(plan, SCHEMA_LINE), encoding="utf-8")
    return kind


def build_history(root: Path, commits: int, provinces: int, per_commit: int, seed: int) -> Path:
    """The repository with its history; returns the plan edited in every commit."""
    repo = generate(root, seed=seed, provinces=provinces)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "All plans as encoded")
    rng = random.Random(seed)
    followed = repo.plans[0]
    others = list(repo.plans[1:])
    for serial in range(1, commits + 1):
        touched = [followed, *rng.sample(others, per_commit - 1)]
        kinds = [edit(path, rng, serial) for path in touched]
        git(root, "add", *[str(p.relative_to(root)) for p in touched])
        git(root, "commit", "-q", "-m", f"Revision {serial}: {', '.join(kinds)}")
    return followed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--per-commit", type=int, default=3, help="plans edited by each commit")
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1755)
    parser.add_argument("--keep", action="store_true", help="keep the repository and print where it is")
    args = parser.parse_args(argv)

    root = Path(tempfile.mkdtemp(prefix="planctl-bench-history-")) / "repo"
    started = time.perf_counter()
    followed = build_history(root, args.commits, args.provinces, args.per_commit, args.seed)
    built = time.perf_counter() - started
    plan = str(followed.relative_to(root))
    item = load_data(followed)["groups"][0]["projects"][0]["id"]
    plans = len(list((root / "plans").rglob("*.yaml")))
    print(f"repository: {plans} YAML files, {args.commits + 1} commits "
          f"({args.per_commit} plans edited per commit), built in {built:.1f} s")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"command: {' '.join(planctl_command())}")
    print()

    # A few plans edited in the working tree, for `planctl diff` without revisions.
    rng = random.Random(args.seed + 1)
    for path in rng.sample([p for p in (root / "plans").rglob("*.yaml") if p.parent.name != "national"], 3):
        edit(path, rng, 10_000)

    cases = [
        ("planctl --version (start-up)", ["--version"], None),
        ("diff HEAD~1 HEAD (3 plans changed)", ["diff", "HEAD~1", "HEAD"], TARGET_DIFF),
        ("diff HEAD~1 HEAD --format markdown", ["diff", "HEAD~1", "HEAD", "--format", "markdown"], TARGET_DIFF),
        ("diff HEAD~1 HEAD --format json", ["diff", "HEAD~1", "HEAD", "--format", "json"], TARGET_DIFF),
        ("diff (working tree, 3 plans edited)", ["diff"], TARGET_DIFF),
        ("diff HEAD~20 HEAD (~40 plans changed)", ["diff", "HEAD~20", "HEAD"], None),
        (f"log PLAN ({args.commits + 1} commits)", ["log", plan], TARGET_LOG),
        ("log PLAN --format json", ["log", plan, "--format", "json"], TARGET_LOG),
        ("log PLAN --item ID", ["log", plan, "--item", item], TARGET_LOG),
    ]
    width = max(len(name) for name, _, _ in cases)
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  target")
    for name, command, target in cases:
        median, best, _ = wall(command, root, args.runs)
        verdict = "" if target is None else f"≤ {target:g} s  {'ok' if median <= target else 'OVER'}"
        print(f"{name:<{width}}  {median:7.3f}s  {best:7.3f}s  {verdict}")
    print()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.keep:
        print(f"repository kept in {root}")
    else:
        shutil.rmtree(root.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
