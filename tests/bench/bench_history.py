"""Benchmark `planctl diff` and `planctl log` on a git history of the synthetic national
repository (tests/bench/generate.py: 63 provinces × 2 plans of ~60 projects).

Builds the history in a temp folder: one commit with every plan, then N commits (default 2,000,
written with `git fast-import`, one process) that each edit a few plans (an amount raised, a
target changed, a project added, removed or moved), one plan being edited in every commit so
that its log is N commits long. Then prints the whole-process wall time (median and minimum of
several runs of the real command, in a subprocess, so imports and start-up count) and the peak
RSS of the planctl process (resource.getrusage in a helper process that runs only it) of:

- `planctl diff HEAD~1 HEAD` when a few plans changed, in each format   (target ≤ 1 s)
- `planctl diff` of the working tree with a few plans edited             (target ≤ 1 s)
- `planctl diff HEAD~100 HEAD`, about 100 plans changed                  (target ≤ 0.6 s): again
  (its pairs of blobs compared before), with only the blobs' data stored, and with the cache off
- `planctl diff HEAD~100 HEAD --format markdown`: a large pull request's comment, every changed
  plan linted on both sides for its findings section                      (no target)
- `planctl log PLAN` over 1,000 and 2,000 commits, json, --item, --target (target ≤ 2 ms per
  commit; memory flat: the peak RSS of 2,000 commits about that of 1,000)

beside git's own work on the same range (`git log -p --follow PLAN`, `git diff --stat`).
Numbers only, never assertions. Usage:
    python tests/bench/bench_history.py [--commits N] [--runs N] [--provinces N] [--keep] [--only TEXT]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_lint import planctl_command  # noqa: E402  (run as a script, beside them)
from generate import generate, to_yaml  # noqa: E402

from planctl.document import load_data  # noqa: E402

TARGET_DIFF = 1.0  # seconds, whole process, on the project's 2-core machine
TARGET_DIFF_100 = 0.6
TARGET_LOG_MS_PER_COMMIT = 2.0
# Runs a command as its only child and prints its peak RSS (KiB on Linux) and CPU seconds (user +
# system, git's included): CPU is what the goals compare when other work shares the machine.
RSS_HELPER = ("import resource, subprocess, sys; "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
              "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(code, u.ru_maxrss, u.ru_utime + u.ru_stime)")
SCHEMA_LINE = "../../schema/plan.schema.json"


# planctl's cache (planctl/parsecache.py: the plain data of blobs read before) in a folder of the
# benchmark's own (made by main), warmed by each command's first run; "cache off" rows run without it.
CACHE: list[str] = []


def environment(cache: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PLANCTL_NO_CACHE")}
    if CACHE:
        env["PLANCTL_CACHE_DIR"] = CACHE[0]
    if not cache:
        env["PLANCTL_NO_CACHE"] = "1"
    return env


def forget_comparisons() -> None:
    """The comparisons of pairs of blobs the cache holds (planctl/history/diffcache.py) removed,
    the blobs' data kept: a diff of plans read before whose pairs were never compared."""
    for stored in Path(CACHE[0]).glob("rules-*-diff.json"):
        stored.unlink()


def wall(args: list[str], cwd: Path, runs: int, cache: bool = True,
         before: Callable[[], None] | None = None) -> tuple[float, float, int]:
    """(median, min) wall seconds of `planctl ARGS` run `runs` times (each after `before`), and its
    exit code."""
    env = environment(cache)
    times, code = [], 0
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        done = subprocess.run(planctl_command() + args, cwd=cwd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"planctl {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
        code = done.returncode
    return statistics.median(times), min(times), code


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def edit(plan: dict, rng: random.Random, serial: int) -> str:
    """One planner's edit to one plan's data, in place; says what it did."""
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
    return kind


def edit_file(path: Path, rng: random.Random, serial: int) -> str:
    plan = load_data(path)
    kind = edit(plan, rng, serial)
    path.write_text(to_yaml(plan, SCHEMA_LINE), encoding="utf-8")
    return kind


def build_history(root: Path, commits: int, provinces: int, per_commit: int, seed: int) -> Path:
    """The repository with its history; returns the plan edited in every commit.

    The edits are made on the plans' data in memory and streamed to one `git fast-import`:
    2,000 commits take seconds, not the half hour of a `git commit` each.
    """
    repo = generate(root, seed=seed, provinces=provinces)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "All plans as encoded")
    rng = random.Random(seed)
    followed = repo.plans[0]
    others = list(repo.plans[1:])
    data = {path: load_data(path) for path in repo.plans}
    stream = bytearray()
    for serial in range(1, commits + 1):
        touched = [followed, *rng.sample(others, per_commit - 1)]
        kinds = [edit(data[path], rng, serial) for path in touched]
        message = f"Revision {serial}: {', '.join(kinds)}".encode()
        stamp = 1_700_000_000 + serial * 60
        stream += b"commit refs/heads/main\n"
        stream += f"author Bench <bench@example.org> {stamp} +0700\n".encode()
        stream += f"committer Bench <bench@example.org> {stamp} +0700\n".encode()
        stream += b"data %d\n%s\n" % (len(message), message)
        if serial == 1:
            stream += b"from refs/heads/main^0\n"
        for path in touched:
            content = to_yaml(data[path], SCHEMA_LINE).encode("utf-8")
            stream += b"M 100644 inline %s\ndata %d\n%s\n" % (str(path.relative_to(root)).encode(), len(content),
                                                               content)
    subprocess.run(["git", "fast-import", "--quiet", "--force"], cwd=root, input=bytes(stream), check=True)
    git(root, "reset", "-q", "--hard", "main")
    return followed


def rss_run(args: list[str], cwd: Path, cache: bool = True) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MiB) of one run of `planctl ARGS`."""
    env = environment(cache)
    done = subprocess.run([sys.executable, "-c", RSS_HELPER, *planctl_command(), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=True)
    code, rss, seconds = done.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"planctl {' '.join(args)} failed ({code})")
    return float(seconds), int(rss) / 1024


def peer(args: list[str], cwd: Path, runs: int) -> float:
    """Median wall seconds of a git command (output read and thrown away, as planctl reads it)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, cwd=cwd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--per-commit", type=int, default=3, help="plans edited by each commit")
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--log-runs", type=int, default=3, help="runs of each long `planctl log`")
    parser.add_argument("--seed", type=int, default=1755)
    parser.add_argument("--keep", action="store_true", help="keep the repository and print where it is")
    parser.add_argument("--only", default="", metavar="TEXT",
                        help="only the commands whose name holds TEXT, e.g. 'HEAD~100' or 'log' (default: all)")
    args = parser.parse_args(argv)

    root = Path(tempfile.mkdtemp(prefix="planctl-bench-history-")) / "repo"
    CACHE.append(tempfile.mkdtemp(prefix="planctl-bench-cache-"))
    started = time.perf_counter()
    followed = build_history(root, args.commits, args.provinces, args.per_commit, args.seed)
    built = time.perf_counter() - started
    plan = str(followed.relative_to(root))
    head = load_data(followed)
    item = head["groups"][0]["projects"][0]["id"]
    target = head["targets"][0]["id"]
    plans = len(list((root / "plans").rglob("*.yaml")))
    print(f"repository: {plans} YAML files, {args.commits + 1} commits "
          f"({args.per_commit} plans edited per commit), built in {built:.1f} s")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"command: {' '.join(planctl_command())}")
    print()

    # A few plans edited in the working tree, for `planctl diff` without revisions.
    rng = random.Random(args.seed + 1)
    for path in rng.sample([p for p in (root / "plans").rglob("*.yaml") if p.parent.name != "national"], 3):
        edit_file(path, rng, 10_000)

    back = min(100, args.commits)
    changed = len(git(root, "diff", "--name-only", f"HEAD~{back}", "HEAD").split())
    cases: list[tuple[str, list[str], float | None, Callable[[], None] | None]] = [
        ("planctl --version (start-up)", ["--version"], TARGET_DIFF, None),
        ("diff HEAD~1 HEAD (3 plans changed)", ["diff", "HEAD~1", "HEAD"], TARGET_DIFF, None),
        ("diff HEAD~1 HEAD --format markdown", ["diff", "HEAD~1", "HEAD", "--format", "markdown"], TARGET_DIFF, None),
        ("diff HEAD~1 HEAD --format json", ["diff", "HEAD~1", "HEAD", "--format", "json"], TARGET_DIFF, None),
        ("diff (working tree, 3 plans edited)", ["diff"], TARGET_DIFF, None),
        (f"diff HEAD~{back} HEAD ({changed} plans changed)", ["diff", f"HEAD~{back}", "HEAD"], TARGET_DIFF_100, None),
        # The same blobs read before, their pairs never compared: a diff of other revisions of plans
        # planctl has seen.
        (f"  same, pairs new (HEAD~{back})", ["diff", f"HEAD~{back}", "HEAD"], TARGET_DIFF_100, forget_comparisons),
        (f"  same, cache off (HEAD~{back})", ["diff", f"HEAD~{back}", "HEAD"], TARGET_DIFF_100, None),
        # The pull-request comment of a large change: the diff and every changed plan linted on both sides.
        (f"diff HEAD~{back} HEAD --format markdown", ["diff", f"HEAD~{back}", "HEAD", "--format", "markdown"], None,
         None),
        (f"  same, cache off (HEAD~{back} markdown)", ["diff", f"HEAD~{back}", "HEAD", "--format", "markdown"], None,
         None),
    ]
    width = 44
    print("(the rows 'cache off' run with PLANCTL_NO_CACHE=1: every blob parsed, every plan linted anew; 'pairs new' "
          "with the blobs' data stored but not their comparisons; the others read what the command's first run stored)")
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'CPU':>7}  {'peak RSS':>9}  target (wall)")
    for name, command, limit, before in cases:
        if args.only not in name:
            continue
        cache = "cache off" not in name
        if before is not None:  # the command's first run stores what `before` removes again
            wall(command, root, 1, cache)
        median, best, _ = wall(command, root, args.runs, cache, before)
        if before is not None:
            before()
        cpu, rss = rss_run(command, root, cache)
        goal = "—" if limit is None else f"≤ {limit:g} s  {'ok' if median <= limit else 'OVER'}"
        print(f"{name:<{width}}  {median:7.3f}s  {best:7.3f}s  {cpu:6.3f}s  {rss:6.1f} MiB  {goal}")
    stat = peer(["git", "diff", "--stat", f"HEAD~{back}", "HEAD"], root, args.runs)
    print(f"{'  peer: git diff --stat HEAD~' + str(back) + ' HEAD':<{width}}  {stat:7.3f}s")
    print()

    print(f"{'planctl log PLAN':<{width}}  {'commits':>7}  {'median':>8}  {'ms/commit':>9}  {'CPU ms/c':>8}  "
          f"{'peak RSS':>9}  {'git log -p':>10}  {'ms/commit':>9}")
    spans = sorted({args.commits // 2, args.commits})
    for span in spans:
        rev = f"HEAD~{args.commits - span}"
        count = span + 1  # the edits and the commit that added every plan
        for name, extra in (("", []), ("--format json", ["--format", "json"]), (f"--item {item}", ["--item", item]),
                            (f"--target {target}", ["--target", target])):
            if extra and span != args.commits or args.only not in f"log PLAN {name}":
                continue
            command = ["log", plan, "--rev", rev, *extra]
            median, _, _ = wall(command, root, args.log_runs)
            cpu, rss = rss_run(command, root)
            line = f"{('log PLAN ' + name).strip()[:width]:<{width}}  {count:7,}  {median:7.3f}s  " \
                   f"{median * 1000 / count:9.2f}  {cpu * 1000 / count:8.2f}  {rss:6.1f} MiB"
            if not extra:
                git_log = peer(["git", "log", "-p", "--follow", rev, "--", plan], root, args.log_runs)
                line += f"  {git_log:9.3f}s  {git_log * 1000 / count:9.2f}"
            print(line + f"   (goal ≤ {TARGET_LOG_MS_PER_COMMIT:g} ms/commit)")
    print()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    shutil.rmtree(CACHE.pop(), ignore_errors=True)
    if args.keep:
        print(f"repository kept in {root}")
    else:
        shutil.rmtree(root.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
