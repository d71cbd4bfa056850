"""Benchmark `planctl lint` on the synthetic national repository (tests/bench/generate.py), side by
side with its peers, in one run.

Prints issue 16's goals table: whole-process CPU time (user + system, summed over every process
of the command, so the two-process pool is not flattered) and wall time, medians of several runs
taken in rounds (each command once per round, so a drift in the machine's speed hits all alike),
for `planctl --version`, `planctl lint` on one plan (unchanged, and just edited) and on the whole repository, next to
check-jsonschema on the same plan and a PyYAML compose (libyaml) of the same files; the largest
process's memory; then the in-process time per plan of each lint stage. Numbers only, never
assertions. CPU time is the measure to compare on a shared machine; the load average is printed
before and after, since other processes still skew it (caches, SMT siblings).

Usage: python tests/bench/bench_lint.py [--runs N] [--out FOLDER] [--keep] [--provinces N] [--instructions]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_OUT, generate  # noqa: E402  (run as a script, beside generate.py)

# Issue 16's "now" (main before the lint work) and goals, for the table.
BEFORE = {"version": "—", "one": "0.25 s CPU; 0.8× check-jsonschema", "repo": "3.2–3.9 s CPU; 6.5× PyYAML compose",
          "memory": "0.4–0.5 MiB"}
GOAL_ONE_CPU, GOAL_ONE_RATIO = 0.12, 0.4
GOAL_REPO_CPU, GOAL_REPO_RATIO, GOAL_REPO_WALL = 1.2, 2.5, 0.7
GOAL_MEMORY_MIB = 0.2

# Runs a command and reports its CPU time (all its processes) and largest resident set: a fresh
# parent per measurement, so RUSAGE_CHILDREN covers exactly that command.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, done.returncode)
sys.stderr.write(done.stderr.decode(errors="replace"))
"""

# `planctl lint` with its batches run in this one process, not on forked workers: the CPU price of
# the pool (set-up in each worker, and two busy vCPUs slowing each other) next to its wall time.
_ONE_PROCESS = """
import sys
from planctl import parallel
parallel.workers = lambda: 1
sys.argv[0] = "planctl"
from planctl.launch import main
main()
"""

# A PyYAML compose (libyaml's C parser and composer) of the files named on the command line.
_COMPOSE = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        yaml.compose(handle, Loader=yaml.CSafeLoader)
"""

# The floor under planctl's loader: libyaml's event stream as ruamel.yaml's C parser hands it to
# Python (planctl/yamlevents.py), read to the end for each file and nothing built from it. Every
# plan planctl parses costs at least this; the other stages come on top.
_EVENTS = """
import sys
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.events import StreamEndEvent
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        parser = CParser(handle.read().decode("utf-8"))
    while type(parser.get_event()) is not StreamEndEvent:
        pass
"""


@dataclass
class Timing:
    cpu: float  # median seconds of CPU, all processes
    wall: float  # median seconds
    rss_kib: int  # largest process, median
    code: int


def planctl_command() -> list[str]:
    """The installed entry point beside this Python, as a user runs it; else the module."""
    script = Path(sys.executable).with_name("planctl")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "planctl"]


def compile_bytecode(cwd: Path, env: dict[str, str]) -> str:
    """Compile the bytecode of the planctl the command runs (the one its Python imports from
    `cwd`); return its folder.

    Why: where PYTHONDONTWRITEBYTECODE is set, or the package folder is read-only, every run would
    compile planctl's ~100 modules again (~0.1 s of CPU, half a one-plan lint), while the peers
    (check-jsonschema, PyYAML) were installed with their bytecode, as a pip-installed planctl is.
    """
    where = subprocess.run([sys.executable, "-c", "import os, planctl; print(os.path.dirname(planctl.__file__))"],
                           cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], cwd=cwd, env=env, check=True)
    return where


_EDITABLE = """
import importlib.metadata, json
found = importlib.metadata.distribution("planctl").read_text("direct_url.json")
print(bool(found and json.loads(found).get("dir_info", {}).get("editable")))
"""


def editable_install(cwd: Path, env: dict[str, str]) -> bool:
    """Whether the planctl this Python runs is an editable install (`pip install -e .`).

    Why: an editable install puts an import finder into every start of Python (a .pth file that
    imports pathlib, fnmatch and importlib.util before planctl's first line), ~0.02 s of CPU a
    one-plan lint does not cost a user who installed with `pip install .` as the README says.
    """
    done = subprocess.run([sys.executable, "-c", _EDITABLE], cwd=cwd, env=env, capture_output=True, text=True)
    return done.stdout.strip() == "True"


class Edit:
    """Called before a run: the file gets its original bytes and one comment line more, another
    each time, so the run meets a plan planctl has not seen."""

    def __init__(self, path: Path, original: bytes) -> None:
        self.path, self.original, self.count = path, original, 0

    def __call__(self) -> None:
        self.count += 1
        self.path.write_bytes(self.original + f"# edit {self.count} at {time.time()}\n".encode())


def measure_rounds(commands: list[tuple[list[str], dict[str, str]]], cwd: Path, runs: int,
                   prepare: dict[int, Callable[[], None]]) -> list[Timing]:
    """Each command `runs` times, in rounds (one run of each, then again): on a shared virtual
    machine the speed drifts by tens of percent within minutes, and a command timed in a block of
    its own would be compared with a peer timed at another speed. `prepare[i]()` runs before
    each run of command i, untimed."""
    samples: list[tuple[list[float], list[float], list[int]]] = [([], [], []) for _ in commands]
    codes = [0] * len(commands)
    for _ in range(runs):
        for i, (command, env) in enumerate(commands):
            prepare.get(i, lambda: None)()
            done = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, env=env,
                                  capture_output=True, text=True)
            fields = done.stdout.split()
            codes[i] = int(fields[3])
            if codes[i] not in (0, 1):
                raise SystemExit(f"{' '.join(command)} failed ({codes[i]}):\n{done.stderr}")
            samples[i][0].append(float(fields[0]))
            samples[i][1].append(float(fields[1]))
            samples[i][2].append(int(fields[2]))
    return [Timing(statistics.median(cpu), statistics.median(wall), int(statistics.median(rss)), code)
            for (cpu, wall, rss), code in zip(samples, codes, strict=True)]


def instructions(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """User-space instructions the command executes, counted by valgrind (callgrind), one run.

    Why: this virtual machine's speed drifts by a quarter within minutes, so two timings taken
    apart can differ more than two versions of the code; an instruction count is the same on
    every run (within 0.1 %), whatever the hour. It ignores what instructions cost (a cache miss,
    loading a shared library), so it complements the timings and does not replace them.
    """
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], cwd=cwd,
                          env=env, capture_output=True, text=True)
    counted = [line.rsplit(":", 1)[1] for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode not in (0, 1) or not counted:
        raise SystemExit(f"valgrind {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(counted[-1].strip())


def in_process(root: Path, cache: str) -> dict[str, float]:
    """Mean milliseconds of CPU per plan of each lint stage, in one warm process (`cache`: the
    folder for planctl's cache)."""
    os.environ["PLANCTL_CACHE_DIR"] = cache
    os.environ.pop("PLANCTL_NO_CACHE", None)
    from planctl.config import load_config
    from planctl.document import load
    from planctl.lint import policy, schema
    from planctl.lint.facts import derive
    from planctl.lint.registry import load_registry
    from planctl.lint.rules import catalogue

    config = load_config(root)
    plans = [p for p in sorted((root / "plans").rglob("*.yaml")) if p.parent.name != "national"]
    gc.disable()  # as planctl.lint.runner.lint does for a run
    schema.check(load(plans[0]), "plan")  # the validators are built once per process, as in a run
    rules = catalogue()
    registry = load_registry(config)
    for path in plans:  # each parse stored in the cache (the benchmark's own folder), for "cached" below
        load(path, max_bytes=config.max_file_bytes, cached=True)
    started = time.process_time()
    [load(p, max_bytes=config.max_file_bytes, cached=True) for p in plans]
    cached = time.process_time()
    docs = [load(p, max_bytes=config.max_file_bytes) for p in plans]
    loaded = time.process_time()
    problems = [schema.check(d, "plan") for d in docs]
    checked = time.process_time()
    valid = [d for d, p in zip(docs, problems, strict=True) if not p]
    facts = [f for d in valid for f in derive(d, registry.programmes, registry.policies)]
    derived = time.process_time()
    policy.evaluate(rules, facts)
    done = time.process_time()
    gc.enable()
    count = len(plans)
    return {"plans": count, "valid": len(valid),
            "cached": (cached - started) * 1000 / count, "load": (loaded - cached) * 1000 / count,
            "schema": (checked - loaded) * 1000 / count,
            "facts": (derived - checked) * 1000 / max(len(valid), 1),
            "engine": (done - derived) * 1000 / max(len(valid), 1), "fact_count": len(facts),
            "bytes": sum(p.stat().st_size for p in plans) / count}


def mark(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per whole-process timing (default 7)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"repository folder (default {DEFAULT_OUT})")
    parser.add_argument("--keep", action="store_true", help="reuse the folder if a previous run generated it")
    parser.add_argument("--provinces", type=int, default=63, choices=range(2, 64), metavar="2-63",
                        help="provinces to generate, two plans each (default 63)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of the one-plan commands under valgrind (~1 min)")
    args = parser.parse_args(argv)

    if not (args.keep and (args.out / "pyproject.toml").is_file()):
        repo = generate(args.out, provinces=args.provinces)
        print(f"generated {len(repo.plans)} plans, {len(repo.programmes)} programme files and "
              f"{len(repo.defects)} deliberate defects in {repo.root}")
    root = args.out.resolve()
    files = sorted(str(p) for p in (root / "plans").rglob("*.yaml"))
    # ONE_PLAN, and a plan of another province (neither links to the other) edited before each of its runs.
    found = sorted((root / "plans").glob("*/*-1755-*.yaml"))
    one, edited = found[0], found[-1]
    check_jsonschema = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
        "check-jsonschema")
    # planctl's cache (the rule catalogue, the settings, the plans' parses), warmed by the first round;
    # the rows "cache off" show every run's cost without it (PLANCTL_NO_CACHE=1: every plan parsed).
    cache = tempfile.mkdtemp(prefix="planctl-bench-cache-")
    # PYTHONDONTWRITEBYTECODE would make every run compile planctl's ~100 modules again (~0.1 s of
    # CPU); an installed planctl has its bytecode: compile_bytecode writes it before any timing,
    # and the runs may write what it missed (a module of a dependency).
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "PLANCTL_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
    env["PLANCTL_CACHE_DIR"] = cache
    load_before = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load_before[0]:.2f} "
          f"{load_before[1]:.2f} {load_before[2]:.2f} at the start; running {' '.join(planctl_command())}")
    print(f"compiled planctl's bytecode first (python -m compileall {compile_bytecode(root, env)}): this "
          "environment may never write it, and the peers have theirs")
    if editable_install(root, env):
        print("planctl is an editable install here (pip install -e): its import finder adds ~0.02 s to every start "
              "that a user's `pip install .` does not have; run this from a virtualenv with `pip install .` to measure "
              "what users run")

    planctl = planctl_command()
    commands = [(planctl + ["--version"], env), (planctl + ["lint", str(one)], env),
                (planctl + ["lint", str(one)], {**env, "PLANCTL_NO_CACHE": "1"}), (planctl + ["lint"], env),
                ([sys.executable, "-c", _COMPOSE, *files], env), ([sys.executable, "-c", _ONE_PROCESS, "lint"], env),
                (planctl + ["lint"], {**env, "PLANCTL_NO_CACHE": "1"}), (planctl + ["lint", str(edited)], env),
                ([sys.executable, "-c", _EVENTS, *files], env)]
    if check_jsonschema:
        commands.append(([check_jsonschema, "--schemafile", str(root / "schema" / "plan.schema.json"), str(one)], env))
    original = edited.read_bytes()
    # The pre-commit hook's case: the plan was just edited (its parse, schema verdict and findings
    # are not in the cache), everything else was read before. A comment line is appended before
    # each of its runs, so each run meets bytes it has not seen.
    prepare = {7: Edit(edited, original)}
    try:
        timings = measure_rounds(commands, root, args.runs, prepare)
    finally:
        edited.write_bytes(original)
    version, lint_one, lint_one_cold, lint_repo, compose, lint_repo_single, lint_repo_cold, lint_edited, events = \
        timings[:9]
    peer_one = timings[9] if check_jsonschema else None
    load_after = os.getloadavg()

    one_ratio = lint_one.cpu / peer_one.cpu if peer_one else float("nan")
    cold_ratio = lint_one_cold.cpu / peer_one.cpu if peer_one else float("nan")
    edited_ratio = lint_edited.cpu / peer_one.cpu if peer_one else float("nan")
    repo_ratio = lint_repo.cpu / compose.cpu
    cold_repo_ratio = lint_repo_cold.cpu / compose.cpu
    per_plan_mib = max(lint_repo.rss_kib - lint_one.rss_kib, 0) / 1024 / len(files)
    print()
    print(f"medians of {args.runs} runs, whole process; CPU = user + system of all its processes")
    rows = [
        ("what", "issue 16 before", "now", "goal", ""),
        ("planctl --version", BEFORE["version"], f"{version.cpu:.3f} s CPU, {version.wall:.3f} s wall", "—", ""),
        ("planctl lint ONE_PLAN", BEFORE["one"],
         f"{lint_one.cpu:.3f} s CPU; {one_ratio:.2f}× check-jsonschema ({peer_one.cpu if peer_one else 0:.3f} s)",
         f"≤ {GOAL_ONE_CPU} s CPU; ≤ {GOAL_ONE_RATIO}×",
         mark(lint_one.cpu <= GOAL_ONE_CPU) + " / " + mark(one_ratio <= GOAL_ONE_RATIO)),
        ("  a plan just edited (pre-commit)", "", f"{lint_edited.cpu:.3f} s CPU; {edited_ratio:.2f}× check-jsonschema",
         "", mark(lint_edited.cpu <= GOAL_ONE_CPU) + " / " + mark(edited_ratio <= GOAL_ONE_RATIO)),
        ("  same, cache off", "", f"{lint_one_cold.cpu:.3f} s CPU; {cold_ratio:.2f}× check-jsonschema", "",
         mark(lint_one_cold.cpu <= GOAL_ONE_CPU) + " / " + mark(cold_ratio <= GOAL_ONE_RATIO)),
        (f"whole repository ({len(files)} files)", BEFORE["repo"],
         f"{lint_repo.cpu:.2f} s CPU, {lint_repo.wall:.2f} s wall; {repo_ratio:.2f}× PyYAML compose "
         f"({compose.cpu:.3f} s)", f"≤ {GOAL_REPO_CPU} s CPU; ≤ {GOAL_REPO_RATIO}×; ≤ {GOAL_REPO_WALL} s wall",
         " / ".join(mark(x) for x in (lint_repo.cpu <= GOAL_REPO_CPU, repo_ratio <= GOAL_REPO_RATIO,
                                      lint_repo.wall <= GOAL_REPO_WALL))),
        ("  same, in one process", "",
         f"{lint_repo_single.cpu:.2f} s CPU, {lint_repo_single.wall:.2f} s wall; "
         f"{lint_repo_single.cpu / compose.cpu:.2f}× PyYAML compose", "", ""),
        ("  same, cache off", "",
         f"{lint_repo_cold.cpu:.2f} s CPU, {lint_repo_cold.wall:.2f} s wall; {cold_repo_ratio:.2f}× PyYAML compose", "",
         " / ".join(mark(x) for x in (lint_repo_cold.cpu <= GOAL_REPO_CPU, cold_repo_ratio <= GOAL_REPO_RATIO,
                                      lint_repo_cold.wall <= GOAL_REPO_WALL))),
        ("  floor: libyaml's events via ruamel", "",
         f"{events.cpu:.2f} s CPU; {events.cpu / compose.cpu:.2f}× PyYAML compose (reading the same files, building "
         "nothing)", "", ""),
        ("memory per plan (largest process)", BEFORE["memory"],
         f"{per_plan_mib:.2f} MiB ({lint_repo.rss_kib / 1024:.0f} MiB for the repository, "
         f"{lint_one.rss_kib / 1024:.0f} MiB for one plan)", f"≤ {GOAL_MEMORY_MIB} MiB", mark(per_plan_mib <= GOAL_MEMORY_MIB)),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for row in rows:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    print(f"  (exit codes: lint one plan {lint_one.code}, repository {lint_repo.code}; the wall-time goal assumes "
          "two free cores)")
    print()
    stages = in_process(root, cache)
    print(f"in process, CPU per plan ({stages['plans']} plans, {stages['bytes'] / 1024:.1f} KB each; "
          f"rules over the {stages['valid']} schema-valid ones, {stages['fact_count']:,} facts in all):")
    for stage, what in (("load", "YAML with positions (marks; Positions on demand)"),
                        ("cached", "the same plans from planctl's parse cache (a plan that has not changed)"),
                        ("schema", "JSON Schema (compiled check; jsonschema for files that fail)"),
                        ("facts", "fact derivation (sums, look-ups)"), ("engine", "rules engine over the facts")):
        print(f"  {stage:8} {stages[stage]:6.2f} ms   {what}")
    if args.instructions:
        try:
            print_instructions(commands, root, check_jsonschema is not None, prepare)
        finally:
            edited.write_bytes(original)
    load_end = os.getloadavg()
    print(f"load average {load_after[0]:.2f} after the whole-process runs, {load_end[0]:.2f} at the end")
    shutil.rmtree(cache, ignore_errors=True)
    return 0


def print_instructions(commands: list[tuple[list[str], dict[str, str]]], root: Path, peer: bool,
                       prepare: dict[int, Callable[[], None]]) -> None:
    """The one-plan commands' instruction counts (valgrind), each once, the peer beside planctl."""
    if shutil.which("valgrind") is None:
        print("\ninstructions: valgrind is not installed here")
        return
    chosen = [("planctl --version", 0), ("planctl lint ONE_PLAN", 1), ("  a plan just edited", 7),
              ("  same, cache off", 2)]
    chosen += [("check-jsonschema ONE_PLAN", 9)] if peer else []
    counts = {}
    for label, index in chosen:
        prepare.get(index, lambda: None)()
        counts[label] = instructions(commands[index][0], root, commands[index][1])
    print("\ninstructions (valgrind, user space, one run each: the same on every run, whatever the machine's speed):")
    for label, count in counts.items():
        print(f"  {label:28} {count / 1e6:8.1f} million")
    if peer:
        ratio = counts["planctl lint ONE_PLAN"] / counts["check-jsonschema ONE_PLAN"]
        print(f"  planctl lint ONE_PLAN / check-jsonschema: {ratio:.2f}× (goal ≤ {GOAL_ONE_RATIO}× in CPU time)")


if __name__ == "__main__":
    sys.exit(main())
