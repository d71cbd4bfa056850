"""Mutants of the real plans (hypothesis) through `planctl diff`, `planctl log` and `planctl lint`.

Each example changes a real plan's text (truncated, a line dropped, repeated or re-indented, a
number typed as a huge number, a string, a list, `.inf`) or its structure (a key dropped, an
item repeated, a value retyped), commits it in a real repository next to the original, and runs
the commands as a reviewer would. Whatever the mutant, diff and log exit 0 or 1, or 2 with a
message naming the file; lint exits 0, 1 or 2 with every finding located. Never a traceback and
never exit 3 (a planctl bug). Bounded (a few dozen examples) so the suite stays fast.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.plainload import load_plain
from tests.history.conftest import PLAN, real_plans
from tests.history.gitrepo import PLANS, GitRepo

SOURCES = {path: path.read_bytes() for path in real_plans()}
NUMBER = re.compile(rb"(?<=: )-?\d+(\.\d+)?(?=\s*$)", re.MULTILINE)
REPLACEMENTS = [b"1.0e306", b"-1.0e306", b"9" * 400, b".inf", b".nan", b"1e400", b"'12'", b"[1, 2]", b"{x: 1}",
                b"null", b"true", b"[\">=\", \"<=\"]", b"-5", b"0", b"439.050", b"!!python/object:os.system x",
                b"&a [1]", b"*a", b"\"\\x00\""]
WEIRD = [None, True, "x", "", [], {}, [1, 2], {"x": 1}, 10**400, 1e306, -1e306, 10**30, -7, 0.5, [">=", "<="],
         ["million VND"], {"parent": {"x": 1}}]


def text_mutant(raw: bytes, draw) -> bytes:
    kind = draw(st.sampled_from(["truncate", "drop line", "repeat line", "indent", "number"]))
    lines = raw.split(b"\n")
    at = draw(st.integers(0, len(lines) - 1))
    if kind == "truncate":
        return raw[:draw(st.integers(0, len(raw)))]
    if kind == "drop line":
        return b"\n".join(lines[:at] + lines[at + 1:])
    if kind == "repeat line":
        return b"\n".join(lines[:at + 1] + lines[at:])
    if kind == "indent":
        lines[at] = draw(st.sampled_from([b" ", b"\t", b"  - "])) + lines[at]
        return b"\n".join(lines)
    numbers = list(NUMBER.finditer(raw))
    if not numbers:
        return raw
    found = numbers[draw(st.integers(0, len(numbers) - 1))]
    return raw[:found.start()] + draw(st.sampled_from(REPLACEMENTS)) + raw[found.end():]


def nodes(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from nodes(item, (*path, i))


def structure_mutant(raw: bytes, draw) -> bytes:
    data, _ = load_plain(raw, "plan.yaml")
    for _ in range(draw(st.integers(1, 3))):
        everything = list(nodes(data))[1:]
        path, value = everything[draw(st.integers(0, len(everything) - 1))]
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        kind = draw(st.sampled_from(["retype", "retype", "drop", "repeat", "swap"]))
        if kind == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif kind == "repeat" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(value)))
        elif kind == "swap":
            parent[path[-1]] = json.loads(json.dumps(everything[draw(st.integers(0, len(everything) - 1))][1]))
        else:
            parent[path[-1]] = draw(st.sampled_from(WEIRD))
    # JSON is YAML; 400-digit integers are written whole, which the loader reads back.
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


@st.composite
def mutants(draw) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(sorted(SOURCES)))
    raw = SOURCES[path]
    mutate = draw(st.sampled_from([text_mutant, structure_mutant]))
    return path, mutate(raw, draw)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("mutants") / "repo")
    shutil.copytree(PLANS / "national", repo.root / "plans" / "national")
    repo.commit("The national programmes")
    return repo


def assert_no_crash(run, *, named: str) -> None:
    output = run.stdout + run.stderr
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    assert run.code in (0, 1, 2), (run.code, output[-2000:])
    if run.code == 2:
        assert run.stderr.startswith("planctl: error: ") and named in run.stderr, run.stderr


@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(mutants())
def test_diff_and_log_of_a_mutant(repository, mutant):
    source, raw = mutant
    repo = repository
    repo.write(PLAN, SOURCES[source])
    repo.commit("The plan as encoded")
    repo.write(PLAN, raw)
    repo.commit("A mutant")
    for args in (("diff", "HEAD~1", "HEAD", "--format", "json"), ("diff", "HEAD", "HEAD~1"),
                 ("diff", "HEAD~1", "HEAD", "--format", "markdown"), ("log", PLAN, "-n", "3"),
                 ("log", PLAN, "-n", "3", "--format", "json")):
        run = repo.planctl(*args)
        assert_no_crash(run, named=PLAN)
        if run.code == 0 and "json" in args and args[0] == "diff":
            for plan in run.json["plans"]:
                assert all(e["message"] for e in plan["errors"])  # a side that cannot be compared says why


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(mutants())
def test_lint_of_a_mutant(repository, mutant):
    _, raw = mutant
    repo = repository
    repo.write(PLAN, raw)
    run = repo.planctl("lint", PLAN, "--format", "json")
    assert_no_crash(run, named=PLAN)
    if run.code in (0, 1):
        for finding in run.json["findings"]:
            assert finding["file"] == PLAN, finding
            assert finding["line"] >= 1 and finding["column"] >= 1, finding
