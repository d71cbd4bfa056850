"""Benchmark `planctl lint` on the synthetic national repository (tests/bench/generate.py).

Prints whole-process wall times (median of several runs of the real command, in a subprocess,
so imports and start-up count) for one plan and for the whole repository, then the in-process
time per plan of each stage: load (YAML with positions), schema (JSON Schema) and policy
(facts and rules engine). Numbers only, never assertions: the targets are printed beside them.

Usage: python tests/bench/bench_lint.py [--runs N] [--out FOLDER] [--keep]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_OUT, generate  # noqa: E402  (run as a script, beside generate.py)

TARGET_ONE_PLAN = 0.4   # seconds, whole process, on the project's 2-core machine
TARGET_REPOSITORY = 3.0


def planctl_command() -> list[str]:
    """The installed entry point beside this Python, as a user runs it; else the module."""
    script = Path(sys.executable).with_name("planctl")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from planctl.cli import main; main()"]


def wall(args: list[str], cwd: Path, runs: int) -> tuple[float, float, int]:
    """(median, min) wall seconds of `planctl ARGS` run `runs` times, and its exit code."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    times, code = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(planctl_command() + args, cwd=cwd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"planctl {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
        code = done.returncode
    return statistics.median(times), min(times), code


def in_process(root: Path) -> dict[str, float]:
    """Mean milliseconds per plan of each lint stage, in one warm process."""
    from planctl.config import load_config
    from planctl.document import load
    from planctl.lint import policy, schema
    from planctl.lint.facts import derive
    from planctl.lint.registry import load_registry
    from planctl.lint.rules import catalogue

    config = load_config(root)
    plans = [p for p in sorted((root / "plans").rglob("*.yaml")) if p.parent.name != "national"]
    gc.disable()  # as planctl.lint.runner.lint does for a run
    schema.validator("plan")  # built once per process, as in a real run
    started = time.perf_counter()
    docs = [load(p, max_bytes=config.max_file_bytes) for p in plans]
    loaded = time.perf_counter()
    problems = [schema.check(d, "plan") for d in docs]
    checked = time.perf_counter()
    valid = [d for d, p in zip(docs, problems) if not p]
    rules = catalogue()  # rule files are read once per process
    registry = load_registry(config)
    policy_started = time.perf_counter()
    facts = [f for d in valid for f in derive(d, registry.programmes, registry.policies)]
    derived = time.perf_counter()
    policy.evaluate(rules, facts)
    done = time.perf_counter()
    gc.enable()
    count = len(plans)
    return {"plans": count, "valid": len(valid),
            "load": (loaded - started) * 1000 / count, "schema": (checked - loaded) * 1000 / count,
            "facts": (derived - policy_started) * 1000 / max(len(valid), 1),
            "engine": (done - derived) * 1000 / max(len(valid), 1), "fact_count": len(facts),
            "bytes": sum(p.stat().st_size for p in plans) / count}


def verdict(seconds: float, target: float) -> str:
    return f"target <= {target:.1f} s: {'met' if seconds <= target else 'OVER'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per whole-process timing (default 7)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"repository folder (default {DEFAULT_OUT})")
    parser.add_argument("--keep", action="store_true", help="reuse the folder if a previous run generated it")
    args = parser.parse_args(argv)

    if not (args.keep and (args.out / "pyproject.toml").is_file()):
        repo = generate(args.out)
        print(f"generated {len(repo.plans)} plans, {len(repo.programmes)} programme files and "
              f"{len(repo.defects)} deliberate defects in {repo.root}")
    root = args.out
    one = sorted((root / "plans").glob("*/*-1755-*.yaml"))[0].relative_to(root)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          f"(other processes skew the numbers), running {' '.join(planctl_command())}")
    print()
    print(f"whole process, median of {args.runs} runs (min in brackets):")
    median, fastest, _code = wall(["--version"], root, args.runs)
    print(f"  planctl --version                {median:6.3f} s  ({fastest:.3f})   start-up alone")
    median, fastest, code = wall(["lint", str(one)], root, args.runs)
    print(f"  planctl lint <one plan>          {median:6.3f} s  ({fastest:.3f})   exit {code}; "
          f"{verdict(median, TARGET_ONE_PLAN)}")
    median, fastest, code = wall(["lint"], root, args.runs)
    print(f"  planctl lint  (whole repository) {median:6.3f} s  ({fastest:.3f})   exit {code}; "
          f"{verdict(median, TARGET_REPOSITORY)}")
    print()
    stages = in_process(root)
    print(f"in process, per plan ({stages['plans']} plans, {stages['bytes'] / 1024:.1f} KB each; "
          f"rules over the {stages['valid']} schema-valid ones, {stages['fact_count']:,} facts in all):")
    for stage, what in (("load", "YAML with positions"), ("schema", "JSON Schema"),
                        ("facts", "fact derivation (sums, look-ups)"), ("engine", "durable_rules over the facts")):
        print(f"  {stage:8} {stages[stage]:6.2f} ms   {what}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
