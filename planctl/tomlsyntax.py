"""The TOML parser's problems with pyproject.toml / planctl.toml as planctl says them, in the run's language.

tomllib explains a syntax error in English ("Expected '=' after a key in a key/value pair (at line
2, column 6)"). The mistakes people make in a settings file get planctl's words here, keyed by
tomllib's wording; the position is kept. A problem not listed keeps tomllib's words, labelled.
"""

from __future__ import annotations

import re

from .i18n import N_, _

_POSITION = re.compile(r"^(?P<problem>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|(?P<end>at end of document))\)$")
PROBLEMS = (
    ("Invalid value", N_("a value that TOML cannot read (text is written in quotes: lang = \"vi\")")),
    ("Expected '=' after a key", N_("a key without '=' after it")),
    ("Illegal character '\\n'", N_("a quotation mark not closed on its line")),
    ("Unterminated string", N_("a quotation mark not closed on its line")),
    ("Expected ']' at the end of a table", N_("a table heading without its closing ']'")),
    ("Cannot overwrite a value", N_("a key given twice")),
    ("Cannot declare", N_("a table given twice")),
    ("Unclosed array", N_("a list opened with '[' and not closed with ']'")),
    ("Unclosed inline table", N_("an inline table that is not closed")),
    ("Expected newline or end of document after a statement", N_("more text after the value on this line")),
)


def explain(message: str) -> str:
    """tomllib's message in the run's language, with its position."""
    match = _POSITION.match(message)
    problem = match.group("problem") if match else message
    words = next((_(ours) for theirs, ours in PROBLEMS if problem.startswith(theirs)), None)
    if words is None:
        words = _("the TOML parser says: {problem}").format(problem=problem)
    if match and match.group("line"):
        return _("{problem} (line {line}, column {column})").format(problem=words, line=match.group("line"),
                                                                   column=match.group("column"))
    if match:
        return _("{problem} (at the end of the file)").format(problem=words)
    return words
