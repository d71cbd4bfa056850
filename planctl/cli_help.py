"""planctl's --help in the run's language: click's help classes with the texts translated while help is written.

The language is known only once --lang (or the configuration) has been read, after the
commands were declared with their English help, so the texts are swapped in at format time.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand, TyperGroup

from . import i18n
from .i18n import N_, _

if TYPE_CHECKING:  # click is vendored inside typer (typer._click), not installed on its own
    from typer._click.core import Command as TyperClickCommand
    from typer._click.core import Context as TyperClickContext
    from typer._click.formatting import HelpFormatter as TyperHelpFormatter

# Help texts are written in English below and translated when help is shown (the language is
# known only once --lang has been parsed). Click's own headings are fixed English strings.
_HEADINGS = (N_("Usage:"), N_("Options:"), N_("Arguments:"), N_("Commands:"))
_CLICK_TEXTS = (N_("Show this message and exit."),)


@contextmanager
def _translated_help(command: TyperClickCommand) -> Iterator[None]:
    """The help texts of a command, its parameters and its subcommands, in the run's language, while help is written."""
    saved: list[tuple[Any, str, Any]] = []

    def walk(cmd: Any) -> None:
        for obj in (cmd, *getattr(cmd, "params", ())):
            for attr in ("help", "short_help"):
                text = getattr(obj, attr, None)
                if isinstance(text, str):
                    saved.append((obj, attr, text))
                    setattr(obj, attr, _(inspect.cleandoc(text)) if obj is cmd else _(text))
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(command)
    try:
        yield
    finally:
        for obj, attr, text in saved:
            setattr(obj, attr, text)


def _translate_headings(formatter: TyperHelpFormatter) -> None:
    if i18n.language() == i18n.DEFAULT:
        return
    for i, piece in enumerate(formatter.buffer):
        for heading in _HEADINGS:
            if piece.lstrip().startswith(heading):
                piece = piece.replace(heading, _(heading), 1)
        for text in _CLICK_TEXTS:
            piece = piece.replace(text, _(text))
        formatter.buffer[i] = piece


class _Command(TyperCommand):
    def format_help(self, ctx: TyperClickContext, formatter: TyperHelpFormatter) -> None:
        with _translated_help(self):
            super().format_help(ctx, formatter)
        _translate_headings(formatter)


class _Group(TyperGroup):
    def format_help(self, ctx: TyperClickContext, formatter: TyperHelpFormatter) -> None:
        with _translated_help(self):
            super().format_help(ctx, formatter)
        _translate_headings(formatter)
