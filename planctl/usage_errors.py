"""Command-line usage errors (a missing argument, an unknown option, an invalid choice) in the run's language.

typer vendors click without gettext: its usage errors are fixed English f-strings ("Missing
argument 'plan'.", "Invalid value for '--format' / '-f': 'xml' is not one of 'text', …", "Try
'planctl lint --help' for help."). While planctl runs (cli._Planctl.main), `translated()` puts a
`show` in front of click's that, in a run that is not English, writes the usage line, the help
hint and the message through planctl's catalog. The message is read back from click's English
(PATTERNS, anchored on the vendored click's wording; tests/i18n checks each case) and its parts
(names, values, choices) are kept as they are. A message no pattern knows is shown as click
wrote it. English runs keep click's own output, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from . import i18n
from .i18n import N_, _

# click's message → planctl's msgid; the named groups fill the msgid's fields. `problem` is read
# again (the reason an option's value is invalid); `kind` is a word translated on its own.
# Compiled on the first usage error only: compiling them on every run would cost `--help` ~6 ms.
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Missing command\.", N_("Missing command.")),
    (r"No such command (?P<name>.+?)\.", N_("No such command {name}.")),
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)",
     N_("No such option: {name} (similar options: {options})")),
    (r"No such option: (?P<name>.+)", N_("No such option: {name}")),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", N_("Unexpected extra arguments ({args})")),
    (r"Option (?P<name>'.+') requires an argument\.", N_("Option {name} requires a value.")),
    (r"Option (?P<name>'.+') requires (?P<n>\d+) arguments\.", N_("Option {name} requires {n} values.")),
    (r"Option (?P<name>'.+') does not take a value\.", N_("Option {name} does not take a value.")),
    (r"Argument (?P<name>'.+') takes (?P<n>\d+) values\.", N_("Argument {name} takes {n} values.")),
    (r"Invalid value for (?P<param>.+?): (?P<problem>.*)", N_("Invalid value for {param}: {problem}")),
    (r"Invalid value: (?P<problem>.*)", N_("Invalid value: {problem}")),
    (r"Missing argument (?P<param>.+?)\.(?: (?P<problem>.*))?", N_("Missing argument {param}.")),
    (r"Missing option (?P<param>.+?)\.(?: (?P<problem>.*))?", N_("Missing option {param}.")),
    (r"Missing parameter:? (?P<param>.+?)\.?(?: (?P<problem>.*))?", N_("Missing parameter {param}.")),
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.", N_("{value} is not one of {choices}.")),
    (r"(?P<value>.+) is not a valid int(?:eger)?\.", N_("{value} is not a valid whole number.")),
    (r"(?P<value>.+) is not a valid float\.", N_("{value} is not a valid number.")),
    (r"(?P<value>.+) is not a valid boolean\. Recognized values: (?P<states>.+)",
     N_("{value} is not true or false; write one of {states}")),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.", N_("{value} is not in the range {range}.")),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.+') does not exist\.", N_("{kind} {name} does not exist.")),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.+') is a directory\.", N_("{kind} {name} is a folder.")),
    (r"Choose from:\s*(?P<choices>.+)", N_("Choose from: {choices}")),
    (r"Did you mean (?P<suggestions>.+)\?", N_("Did you mean {suggestions}?")),
)
KINDS = {"File": N_("File"), "Directory": N_("Folder"), "Path": N_("Path")}


@cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(regex, re.DOTALL), msgid) for regex, msgid in PATTERNS]


def translate(message: str) -> str:
    """click's English message in the run's language (as it is when no pattern knows it)."""
    if " Did you mean " in message and message.endswith("?"):  # typer adds this to "No such command"
        head, tail = message.split(" Did you mean ", 1)
        return f"{translate(head)} {translate('Did you mean ' + tail)}"
    for pattern, msgid in _compiled():
        match = pattern.fullmatch(message.strip())
        if match is None:
            continue
        fields = {name: value or "" for name, value in match.groupdict().items()}
        problem = fields.pop("problem", None)
        if "kind" in fields:
            fields["kind"] = _(KINDS[fields["kind"]])
        if "{problem}" in msgid:
            return _(msgid).format(**fields, problem=translate(problem or ""))
        text = _(msgid).format(**fields)
        return f"{text} {translate(problem)}" if problem else text
    return message


def _show(self: Any, file: Any = None) -> None:
    """UsageError.show / ClickException.show, through planctl's catalog."""
    from typer._click._compat import get_text_stderr
    from typer._click.exceptions import UsageError
    from typer._click.utils import echo

    file = file if file is not None else get_text_stderr()
    color = getattr(self, "show_color", None)
    ctx = getattr(self, "ctx", None) if isinstance(self, UsageError) else None
    if ctx is not None:
        color = ctx.color
        usage = ctx.get_usage()
        if usage.startswith("Usage:"):
            usage = _("Usage:") + usage[len("Usage:"):]
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.").format(command=ctx.command_path,
                                                                  option=ctx.help_option_names[0]) + "\n"
        echo(f"{usage}\n{hint}", file=file, color=color)
    message = self.format_message()
    try:
        message = translate(message)
    except (KeyError, IndexError, ValueError):  # a catalog mistake must not hide the usage error
        pass
    echo(_("Error: {message}").format(message=message), file=file, color=color)


@contextmanager
def translated() -> Iterator[None]:
    """click's usage errors in the run's language, while the block runs."""
    from typer._click.exceptions import ClickException, UsageError

    originals = {cls: cls.__dict__["show"] for cls in (ClickException, UsageError)}

    def show(self: Any, file: Any = None) -> None:
        if i18n.language() == i18n.DEFAULT:
            original = originals[UsageError] if isinstance(self, UsageError) else originals[ClickException]
            return original(self, file)
        return _show(self, file)

    for cls in originals:
        cls.show = show  # type: ignore[method-assign]
    try:
        yield
    finally:
        for cls, original in originals.items():
            cls.show = original  # type: ignore[method-assign]
