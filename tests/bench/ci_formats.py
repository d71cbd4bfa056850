"""What the CI outputs of `planctl lint` cost: each reporter, the rule-set fingerprint, a baseline.

Lints the synthetic national repository (tests/bench/generate.py: 63 provinces × 2 plans) once,
then times each output format on its findings, and again on the findings repeated 100 times (a
repository that has not been cleaned up for years), and loading and applying a baseline of that
size. Prints milliseconds; asserts nothing.

Usage:  python tests/bench/ci_formats.py [REPO]   (default: a fresh synthetic repository in a temp folder)
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planctl.config import load_config  # noqa: E402
from planctl.lint import filters  # noqa: E402
from planctl.lint.baseline import load_baseline  # noqa: E402
from planctl.lint.provenance import ruleset_fingerprint  # noqa: E402
from planctl.lint.reporters import (
    REPORTERS,  # noqa: E402
    result_fingerprint,  # noqa: E402
)
from planctl.lint.runner import lint  # noqa: E402


def timed(function, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in milliseconds, and the last value."""
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), value


def main() -> None:
    if len(sys.argv) > 1:
        repo = Path(sys.argv[1]).resolve()
    else:
        from tests.bench.generate import generate

        repo = Path(tempfile.mkdtemp(prefix="planctl-bench-")) / "national"
        generate(repo)
    os.chdir(repo)
    config = load_config()
    lint_ms, result = timed(lambda: lint([], config), repeat=1)
    print(f"repository: {repo}")
    print(f"lint (all stages, in process): {lint_ms:8.1f} ms  {result.files} files, {len(result.findings)} findings")
    ms, _ = timed(lambda: ruleset_fingerprint(config))
    print(f"rule-set fingerprint:          {ms:8.1f} ms")
    many = copy.copy(result)
    many.findings = result.findings * 100
    print(f"\n{'format':<10}{'bytes':>10}{'ms':>9}   {'bytes ×100':>12}{'ms ×100':>10}")
    for name, reporter in REPORTERS.items():
        reporter(result)  # first use imports the format's module
        ms, text = timed(lambda reporter=reporter: reporter(result))
        ms_many, text_many = timed(lambda reporter=reporter: reporter(many), repeat=3)
        print(f"{name:<10}{len(text.encode()):>10,}{ms:>9.1f}   {len(text_many.encode()):>12,}{ms_many:>10.1f}")
    baseline = Path(tempfile.mkdtemp(prefix="planctl-baseline-")) / "baseline.json"
    baseline.write_text(REPORTERS["json"](many), encoding="utf-8")
    ms, known = timed(lambda: load_baseline(baseline), repeat=3)
    print(f"\nbaseline of {len(many.findings):,} findings ({baseline.stat().st_size:,} bytes): "
          f"load {ms:.1f} ms", end="")
    ms, _ = timed(lambda: filters.baseline(many.findings, known, lambda f: result_fingerprint(many, f)), repeat=3)
    print(f", apply {ms:.1f} ms")


if __name__ == "__main__":
    main()
