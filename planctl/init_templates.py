"""What `planctl init` writes, as text: the settings, the starter plan, the pre-commit configuration.

Kept apart from the code that writes them (planctl/init.py, planctl/init_hooks.py) so a reader
sees each file as the province will get it.
"""

PLANS_GLOB = "plans/**/*.yaml"
STARTER = "plans/example-plan.yaml"
BASELINE = "planctl-baseline.json"
PRE_COMMIT = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/planctl.yml"
MODELINE = "# yaml-language-server: $schema="
VSCODE_TASKS = ".vscode/tasks.json"
# Used when planctl's package metadata does not name its repository (no Project-URL); init then
# says so, since pre-commit cannot clone a placeholder.
REPOSITORY_PLACEHOLDER = "https://github.com/<owner>/planctl"

SETTINGS = """\
# planctl's settings (written by `planctl init`; the keys are described in planctl's README,
# section Configuration).
plans = ["plans/**/*.yaml"]
fail-on = "error"
# The national programmes (QĐ 1755, QĐ 1605) and the example funding policy shipped with planctl
# apply while these globs match nothing; point them at the repository's own files to use those:
# programmes = ["plans/national/*.yaml"]
# policies = ["rules/policy/*.yaml"]
"""

STARTER_PLAN = """\
{modeline}
# A starter plan written by `planctl init`: replace it with the province's plan, as printed.
# The first line lets editors (VS Code's YAML extension, Neovim, Helix ...) check this file
# against planctl's schema while you type. `planctl lint` checks it against the schema and
# the policy rules; `planctl schema plan` prints the schema with a description of every key.
planctl: 1
kind: plan
id: tinh-mau-1755-2011            # lower-case ASCII: letters, digits, '.', '_', '-'
title: Kế hoạch phát triển công nghệ thông tin và truyền thông giai đoạn 2011-2015
province: Tỉnh Mẫu
document: {{number: 1/KH-UBND, date: "2011-03-01", issuer: Ủy ban nhân dân tỉnh Mẫu}}
period: {{start: 2011, end: 2015}}
implements: [qd-1755-2010]        # national programmes shipped with planctl: qd-1755-2010, qd-1605-2010
unit: million VND                 # money is a whole number in this unit: 4000, never 4.000
citations:
  - {{id: qd-1755, number: 1755/QĐ-TTg, date: "2010-09-22", programme: qd-1755-2010}}
funding_sources:
  - {{id: nstw, name: Ngân sách Trung ương, kind: central-budget}}
  - {{id: nsdp, name: Ngân sách địa phương, kind: local-budget}}
groups:
  - id: nhan-luc
    seq: 1
    name: Phát triển nguồn nhân lực công nghệ thông tin
    task_groups: [qd-1755-2010/hr-development, qd-1755-2010/research-capacity]
    stated: {{total: 3000}}
    projects:
      - {{id: dao-tao, seq: 1, name: Đào tạo cán bộ CNTT, start: 2011, end: 2013, amounts: {{nstw: 1000, nsdp: 2000}}}}
  - id: ha-tang
    seq: 2
    name: Phát triển hạ tầng viễn thông và công nghệ thông tin
    task_groups: [qd-1755-2010/broadband-infrastructure, qd-1755-2010/universal-access]
    stated: {{total: 5000}}
    projects:
      - {{id: mang-dien-rong, seq: 2, name: Mạng diện rộng của tỉnh, start: 2012, end: 2014, amounts: {{nsdp: 5000}}}}
  - id: ung-dung
    seq: 3
    name: Ứng dụng công nghệ thông tin và phát triển công nghiệp CNTT
    task_groups: [qd-1755-2010/ict-application, qd-1755-2010/ict-industry]
    stated: {{total: 4000}}
    projects:
      - {{id: mot-cua-dien-tu, seq: 3, name: Một cửa điện tử, start: 2011, end: 2015, amounts: {{nstw: 1500, nsdp: 2500}}}}
"""

PRE_COMMIT_CONFIG = """\
# pre-commit (https://pre-commit.com) runs planctl before every commit; `pre-commit install`
# once per clone. Written by `planctl init`.
repos:
{note}  - repo: {repository}
    rev: {rev}
    hooks:
      - id: planctl-lint
        # Every plan is linted whenever a file that can change a finding changes; this list adds
        # planctl.toml and the baseline to the hook's own.
        files: ^(plans/.*\\.ya?ml|rules/.*\\.ya?ml|schema/.*\\.json|pyproject\\.toml|planctl\\.toml|planctl-baseline\\.json)$
"""
PRE_COMMIT_BASELINE = """\
        # Findings the plans had when planctl was adopted are in the baseline: only new ones block a
        # commit. The hook's own entry compares with HEAD instead (--new-since), which cannot be
        # combined with a baseline: this entry replaces it.
        entry: planctl lint
        args: [--baseline, {baseline}]
"""
# In .pre-commit-config.yaml above `repo:` when neither --repo nor planctl's package names the
# repository: pre-commit cannot clone the placeholder, and the file itself must say what to do.
PLACEHOLDER_NOTE = """\
  # REPLACE the URL below with the git repository planctl is installed from: this planctl's
  # package does not name it (`planctl init --repo URL` writes it; a local path works too).
"""
