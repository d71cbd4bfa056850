"""A large repository is checked in batches on every core; the result is the one of a single process."""

import json
import os

import pytest
from typer.testing import CliRunner

from planctl import parallel as parallel_module
from planctl.cli import app
from planctl.document import load
from planctl.lint import runner
from tests.bench.generate import generate
from tests.bench.test_generate import EXPECTED_RULE, FOUND_AT

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: lint never forks")


def lint(root, monkeypatch):
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["lint", "--format", "json", "--fail-on", "info"], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    report.pop("elapsed", None)
    return report


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """26 plans (half with a defect, one defect waived, one suppressed, one waiver unused) and 2 programmes."""
    repo = generate(tmp_path_factory.mktemp("repo"), provinces=13, defect_rate=0.5)
    assert len(repo.plans) + len(repo.programmes) >= runner.PARALLEL_FROM
    first, second = repo.defects[0], repo.defects[1]
    assert first.plan != second.plan
    waived = repo.root / first.plan
    waived.write_text(waived.read_text(encoding="utf-8") + (
        "waivers:\n"
        f"  - {{rule: {EXPECTED_RULE[first.kind]}, pointer: '{first.pointer}', reason: as printed, owner: test, "
        "expires: '2999-01-01'}\n"
        "  - {rule: caps.split-total, reason: none here, owner: test, expires: '2999-01-01'}\n"), encoding="utf-8")
    suppressed = repo.root / second.plan
    line = load(suppressed).locate(FOUND_AT.get(second.kind, second.pointer)).line
    lines = suppressed.read_text(encoding="utf-8").splitlines()
    lines[line - 1] += f"  # planctl: disable={EXPECTED_RULE[second.kind]}"
    suppressed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return repo


def test_batches_on_every_core_give_the_single_process_result(repo, monkeypatch):
    parallel = lint(repo.root, monkeypatch)
    with monkeypatch.context() as patch:  # one core: small batches one after the other
        patch.setattr(runner, "BATCH_FILES", 3)
        patch.setattr(parallel_module, "workers", lambda: 1)
        one_core = lint(repo.root, monkeypatch)
    monkeypatch.setattr(runner, "PARALLEL_FROM", 10**6)
    sequential = lint(repo.root, monkeypatch)
    assert parallel == sequential == one_core
    assert parallel["summary"]["waived"] == 1 and parallel["summary"]["suppressed"] == 1
    assert "waiver.unused" in {f["rule"] for f in parallel["findings"]}
    assert len({f["file"] for f in parallel["findings"]}) > 2


def test_a_linted_programme_the_configuration_does_not_name_reaches_every_plan(repo, monkeypatch):
    """Plans in every batch must see it: the parallel run falls back to one batch."""
    pyproject = repo.root / "pyproject.toml"
    configured = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(configured.replace('programmes = ["plans/national/*.yaml"]', 'programmes = []'),
                         encoding="utf-8")
    try:
        parallel = lint(repo.root, monkeypatch)
        monkeypatch.setattr(runner, "PARALLEL_FROM", 10**6)
        assert parallel == lint(repo.root, monkeypatch)
        assert "alignment.unknown-reference" not in {f["rule"] for f in parallel["findings"]}
    finally:
        pyproject.write_text(configured, encoding="utf-8")


def test_checking_files_leaves_no_reference_cycles():
    """Lint runs with the cyclic collector off (runner.lint): garbage in a cycle would stay until
    the process ends, and a large run would grow batch after batch."""
    import gc

    from planctl.config import load_config
    from tests.conftest import ROOT

    config = load_config(ROOT)
    files = sorted((ROOT / "plans").glob("*/*.yaml"))
    runner.check_files(files, config, None)  # caches filled
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert runner.check_files(files, config, None).findings
        gc.collect()
        assert gc.garbage == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
