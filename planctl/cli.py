"""The typer application: parse options, build the pieces, run them, map the outcome to an exit code.

Exit codes: 0 clean, 1 findings at or above --fail-on (or changes with `diff --exit-code`),
2 usage, configuration or input error (a PlanctlError), 3 an internal error: a bug in planctl.
Every command runs inside `_Planctl.invoke`, which maps exceptions to codes with
planctl/command.py's `failure`, as the fast path of `planctl lint PATH...`, `diff` and `log`
(planctl/launch.py) does without typer; the bodies of lint, diff and log are there too. Heavy
libraries are imported inside the commands so that `lint` never pays for git and `diff` never
pays for the rules engine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer
from typer.core import TyperGroup

from . import __version__, i18n
from .cli_help import _Command, _Group, _translate_headings, _translated_help
from .command import DEBUG_VARIABLE, EXIT_FINDINGS, EXIT_OK, choose_language, failure, is_broken_pipe
from .command import diff as diff_command_body
from .command import lint as lint_command
from .command import log as log_command_body
from .errors import PlanctlError
from .i18n import _

if TYPE_CHECKING:  # click is vendored inside typer (typer._click), not installed on its own
    from typer._click.core import Context as TyperClickContext
    from typer._click.formatting import HelpFormatter as TyperHelpFormatter

# The --format choices, here so that --help lists them and the shell completes them without
# importing the reporters (tests check they match lint/reporters.py and history/commands.py).
LintFormat = Literal["text", "json", "sarif", "github", "markdown", "junit"]
HistoryFormat = Literal["text", "markdown", "json"]
Colour = Literal["auto", "always", "never"]
SeverityName = Literal["error", "warning", "info"]
EXIT_CODES_HELP = ("Exit codes: 0 clean; 1 findings at or above --fail-on (diff: a change, with "
                   "--exit-code); 2 usage, configuration or input error; 3 internal error (a bug in "
                   f"planctl: set {DEBUG_VARIABLE}=1 for the traceback).")


def _passes_through(exc: BaseException) -> bool:
    """Exceptions click itself turns into an exit: typer.Exit, usage errors, a closed pipe."""
    if is_broken_pipe(exc):
        return True
    module = type(exc).__module__
    return module.startswith(("typer._click", "click")) or isinstance(exc, typer.Exit)


def _echo_error(line: str) -> None:
    typer.echo(line, err=True)


class _Planctl(TyperGroup):
    """Maps what a command raises to an exit code, for every command at once (command.failure).

    Here rather than in main(): typer's test runner invokes the group, not main().
    """

    def format_help(self, ctx: TyperClickContext, formatter: TyperHelpFormatter) -> None:
        with _translated_help(self):
            super().format_help(ctx, formatter)
        _translate_headings(formatter)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from .usage_errors import translated  # click's usage errors in the run's language

        with translated():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: TyperClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if not isinstance(exc, PlanctlError) and _passes_through(exc):
                raise
            raise typer.Exit(failure(exc, _echo_error)) from None


app = typer.Typer(
    name="planctl",
    cls=_Planctl,
    help="Provincial ICT development plans as code: lint plan YAML against a JSON Schema and "
         "policy rules, and show what changed in budgets and targets across git history.\n\n"
         + EXIT_CODES_HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from .lint.engine import describe
        typer.echo(f"planctl {__version__} ({describe()})")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and i18n.parse_language(value) != value.strip().lower():
        raise typer.BadParameter(_("{value!r}: use vi (Vietnamese) or en (English)").format(value=value))
    choose_language(value)
    return value


@app.callback()
def main_options(
    lang: str = typer.Option(None, "--lang", metavar="vi|en", callback=_lang, is_eager=True,
                             help="Language of messages and reports: vi (Vietnamese) or en (English). Default: "
                                  "lang of [tool.planctl], else the locale (LC_ALL, LC_MESSAGES, LANG), else en."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """planctl: lint and diff provincial development plans."""


@app.command(cls=_Command)
def lint(
    paths: list[Path] = typer.Argument(None, help="Plan files or folders (default: the 'plans' globs "
                                                  "of [tool.planctl], plans/**/*.yaml)."),
    format: LintFormat | None = typer.Option(None, "--format", "-f",
                                             help="Format of standard output. Default: github under GitHub "
                                                  "Actions (GITHUB_ACTIONS=true), else text."),
    output: list[str] = typer.Option(None, "--output", "-o", metavar="FORMAT=PATH",
                                     help="Also write a report in FORMAT to PATH, e.g. sarif=planctl.sarif. "
                                          "Repeatable."),
    fail_on: SeverityName | None = typer.Option(None, "--fail-on",
                                                help="Lowest severity that makes the exit code 1 (default: "
                                                     "fail-on of [tool.planctl], else error)."),
    baseline: Path = typer.Option(None, "--baseline", metavar="FILE",
                                  help="Report only findings that are not in FILE, a saved "
                                       "`planctl lint --format json` result (matched by fingerprint)."),
    new_since: str = typer.Option(None, "--new-since", metavar="REV",
                                  help="Pull-request mode: also lint the plans as they are at REV (A...B: the "
                                       "merge base of A and B) and report each finding as new or unchanged, "
                                       "and the fixed ones; only new findings decide the exit code."),
    color: Colour = typer.Option("auto", "--color", help="Colour the text format: auto (on a terminal, unless "
                                                         "NO_COLOR is set), always or never."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Text format: only the findings, no summary line."),
) -> None:
    """Check plans against the JSON Schema and the policy rules.

    Each finding is printed as FILE:LINE:COLUMN: SEVERITY RULE MESSAGE. Exit code 0 when no
    finding is at or above --fail-on, 1 when one is, 2 on a usage, configuration or input error,
    3 on an internal error (a bug in planctl). With --new-since REV, only findings that the plans
    at REV did not have decide the exit code (pull-request mode; the pre-commit hook uses HEAD).
    With the github format, GITHUB_STEP_SUMMARY (when set) gets a Markdown summary appended.
    """
    raise typer.Exit(lint_command(list(paths or []), format, list(output or []), fail_on, baseline, new_since,
                                  color, quiet))


@app.command("schema", cls=_Command)
def schema_command(
    kind: str = typer.Argument(None, help="Which schema: plan, programme, policy, rule, config ([tool.planctl]), "
                                          "lint-result, diff-result, log-result (default: plan)."),
    check: bool = typer.Option(False, "--check", help="Check that the repository's copies in schema/ are the "
                                                      "installed planctl's; exit 1 naming the stale ones."),
    update: bool = typer.Option(False, "--update", help="Copy the installed schemas into the repository's schema/ "
                                                        "(the stale copies, and plan, programme and policy when missing)."),
) -> None:
    """Print a JSON Schema, for editors and other tools; or check or update the repository's copies.

    Put `# yaml-language-server: $schema=PATH` on the first line of a plan to get completion and
    inline errors in editors that use the YAML language server; `planctl init` copies the schemas
    into schema/ for that.
    """
    from .resources import schema_kinds, schema_path

    if check or update:
        if kind is not None or (check and update):
            raise PlanctlError(_("--check and --update take no schema name, and not both at once"))
        _schema_copies(check)
    kind = kind or "plan"
    path = schema_path(kind)
    if not kind.replace("-", "").isalpha() or not path.is_file():  # a name, never a path
        raise PlanctlError(_("unknown schema {kind!r}: use one of {known}").format(kind=kind, known=", ".join(schema_kinds())))
    sys.stdout.write(path.read_text(encoding="utf-8"))


def _schema_copies(check: bool) -> None:
    from .config import load_config
    from .lint.files import display_name
    from .schema_copies import stale_copies, update

    root = load_config().root
    if check:
        stale = stale_copies(root)
        for copy in stale:
            typer.echo(f"{display_name(copy.path)}: {copy.reason}")
        if stale:
            typer.echo(_("planctl schema --update copies the installed schemas over them"), err=True)
            raise typer.Exit(EXIT_FINDINGS)
        typer.echo(_("the schemas in {folder} are the installed planctl's (or absent)").format(
            folder=display_name(root / 'schema')))
        raise typer.Exit(EXIT_OK)
    for path in update(root):
        typer.echo(_("wrote {path}").format(path=display_name(path)))
    raise typer.Exit(EXIT_OK)


@app.command("init", cls=_Command)
def init_command(
    folder: str = typer.Argument(".", metavar="[DIR]", help="The repository to set up (default: here)."),
    force: bool = typer.Option(False, "--force", help="Replace files (and [tool.planctl]) that exist already."),
    baseline: bool = typer.Option(None, "--baseline/--no-baseline",
                                  help="Record the findings the existing plans have in planctl-baseline.json, and "
                                       "make the pre-commit hook and the workflow ignore them. Default: ask on a "
                                       "terminal when there are findings, else no."),
    repo: str = typer.Option(None, "--repo", metavar="URL",
                             help="The git repository pre-commit installs planctl from (a URL or a local path). "
                                  "Default: the repository planctl's package names; else a placeholder to replace."),
) -> None:
    """Set up a province's plans repository: settings, schemas for editors, a starter plan, the
    pre-commit hook, the GitHub workflow, VS Code tasks, and a baseline of old findings.

    Settings go to [tool.planctl] in pyproject.toml when the folder has one, else to planctl.toml.
    Existing files are kept (listed as skipped) unless --force. Exit code 0, or 2 when DIR is not
    a folder (or not the top of its git repository).
    """
    from .init import run

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    ask = (lambda question: typer.confirm(question, default=True)) if interactive else None
    sys.stdout.write(run(Path(folder), force=force, baseline=baseline, ask=ask, repository=repo).text())


rules_app = typer.Typer(cls=_Group, help="Document the policy rules from their files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list", cls=_Command)
def rules_list(
    markdown: bool = typer.Option(False, "--markdown", help="A Markdown table (as in the README)."),
) -> None:
    """List every rule: id, severity, what it checks."""
    from .lint.catalogue_docs import table
    from .lint.rules import catalogue

    sys.stdout.write(table(catalogue(), markdown))


@rules_app.command("facts", cls=_Command)
def rules_facts() -> None:
    """List the fact kinds a rule can apply to, with their fields (for writing rules)."""
    from .lint.catalogue_docs import facts

    sys.stdout.write(facts())


@rules_app.command("explain", cls=_Command)
def rules_explain(rule_id: str = typer.Argument(..., help="A rule id, e.g. consistency.group-total.")) -> None:
    """Explain one rule: what it checks, its message, and its examples."""
    from .lint.catalogue_docs import explain
    from .lint.rules import by_id, catalogue

    rule = by_id(rule_id)
    if rule is None:
        known = ", ".join(r.id for r in catalogue())
        raise PlanctlError(_("unknown rule {rule_id!r} (known: {known})").format(rule_id=rule_id, known=known))
    sys.stdout.write(explain(rule))



class _PathsAfterDashDash(_Command):
    """Keeps the arguments after `--` apart: as in git, they are paths, never revisions."""

    def parse_args(self, ctx: TyperClickContext, args: list[str]) -> list[str]:
        if "--" in args:
            at = args.index("--")
            ctx.meta["planctl.paths"] = args[at + 1:]
            args = args[:at]
        return super().parse_args(ctx, args)


@app.command("diff", cls=_PathsAfterDashDash)
def diff_command(
    ctx: typer.Context,
    args: list[str] = typer.Argument(None, metavar="[REV [REV] | A..B | A...B] [[--] PATH...]",
                                     help="What to compare, as in git diff: nothing (HEAD against the working "
                                          "tree), REV (REV against the working tree), A B or A..B (A against "
                                          "B), A...B (from the merge base of A and B to B: a pull request's "
                                          "view). Then paths to limit the comparison to."),
    format: HistoryFormat = typer.Option("text", "--format", "-f", help="text (a terminal table), markdown (for "
                                                                          "a pull-request comment) or json."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit with 1 when a plan changed."),
    findings: bool | None = typer.Option(None, "--findings/--no-findings",
                                            help="Say which lint findings the revision adds and fixes (lints both "
                                                 "sides). Default: on for markdown, off for text and json."),
) -> None:
    """Show what changed in budgets and targets between two revisions.

    Per project and funding source, targets, and the effect on the totals per group, source,
    type and year, and on the printed totals.

    Items are matched by id (a reorder is no change; a project under another group is a move);
    renamed plan files are followed. Without paths, the plans of [tool.planctl] are compared.
    Exit code 0 (1 with --exit-code when a plan changed), 2 on an error, 3 on an internal error.
    """
    raise typer.Exit(diff_command_body(args or [], ctx.meta.get("planctl.paths"), format, exit_code, findings))


@app.command("log", cls=_Command)
def log_command(
    plan: Path = typer.Argument(..., help="The plan file whose history to show."),
    item: str = typer.Option(None, "--item", metavar="ID", help="Only the commits that changed this project."),
    target: str = typer.Option(None, "--target", metavar="ID", help="Only the commits that changed this target."),
    rev: str = typer.Option("HEAD", "--rev", metavar="REV", help="Start from this revision."),
    max_count: int = typer.Option(None, "--max-count", "-n", help="Show at most this many commits."),
    format: HistoryFormat = typer.Option("text", "--format", "-f", help="text, markdown or json."),
) -> None:
    """List the commits that changed a plan, a project or a target.

    Newest first, with the change each made, e.g. "nstw 3,000 → 3,500 (+500, +16.7%)". Renames
    are followed.
    """
    raise typer.Exit(log_command_body(str(plan), rev, item, target, format, max_count))


def main() -> None:
    i18n.set_language(i18n.choose(None, None, os.environ))  # until --lang and the configuration are read
    app()
