"""A throw-away planctl repository in a temp folder, and `planctl` run inside it for real.

`Workspace` writes a pyproject.toml with [tool.planctl], a national programme and the files a
test needs, then runs the real typer app with its working directory set to the workspace (as a
user would run `planctl lint` in their repository), or the installed `planctl` as a process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from planctl.cli import app

PROGRAMME = """\
# yaml-language-server: $schema=../../schema/programme.schema.json
planctl: 1
kind: programme
id: qd-1755-2010
number: 1755/QĐ-TTg
date: "2010-09-22"
issuer: Thủ tướng Chính phủ
title: Đề án đưa Việt Nam sớm trở thành nước mạnh về CNTT-TT
period: {start: 2011, end: 2015, horizon: 2020}
task_groups: [{id: hr-development, name: Phát triển nguồn nhân lực CNTT, confidence: high}]
"""

# A plan with no finding at all under the shipped rules; tests change one line of it.
CLEAN_PLAN = """\
# yaml-language-server: $schema=../../schema/plan.schema.json
planctl: 1
kind: plan
id: test-plan
title: Kế hoạch thử
province: Thử
document: {number: 1/KH-UBND, date: "2011-01-01", issuer: UBND tỉnh Thử}
period: {start: 2011, end: 2015}
implements: [qd-1755-2010]
unit: million VND
citations: [{id: qd-1755, number: 1755/QĐ-TTg, date: "2010-09-22", programme: qd-1755-2010}]
funding_sources: [{id: nstw, name: Ngân sách Trung ương, kind: central-budget}]
groups:
  - id: g1
    seq: 1
    name: Nhân lực
    task_groups: [qd-1755-2010/hr-development]
    stated: {total: 3000}
    projects:
      - {id: p1, seq: 1, name: Đào tạo, start: 2011, end: 2012, amounts: {nstw: 1000}}
      - {id: p2, seq: 2, name: Tập huấn, start: 2012, end: 2013, amounts: {nstw: 2000}}
"""

PYPROJECT = """\
[tool.planctl]
plans = ["plans/**/*.yaml"]
programmes = ["national/*.yaml"]
policies = []
"""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def report(self) -> dict:
        return json.loads(self.stdout)

    @property
    def findings(self) -> list[tuple]:
        """(file, rule, line, column) of each finding of a --format json run, in printed order."""
        return [(f["file"], f["rule"], f["line"], f["column"]) for f in self.report["findings"]]


class Workspace:
    def __init__(self, root: Path, pyproject: str = PYPROJECT) -> None:
        self.root = root
        self.write("pyproject.toml", pyproject)
        self.write("national/qd-1755-2010.yaml", PROGRAMME)

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def cli(self, *args: str) -> Run:
        """The typer app in-process, run from the workspace folder."""
        cwd = os.getcwd()
        os.chdir(self.root)
        try:
            result = CliRunner().invoke(app, list(args), env={"GITHUB_ACTIONS": ""})
        finally:
            os.chdir(cwd)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    def process(self, *args: str, timeout: float = 60) -> Run:
        """`planctl` as its own process, as a shell or CI runs it."""
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        done = subprocess.run([sys.executable, "-c", "from planctl.cli import main; main()", *args],
                              cwd=self.root, capture_output=True, text=True, timeout=timeout, env=env)
        return Run(done.returncode, done.stdout, done.stderr)
