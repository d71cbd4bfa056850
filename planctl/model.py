"""The shared vocabulary of every command: severities, positions and findings.

The records of lint, diff and log are NamedTuples, or plain classes where they change after they
are made, not dataclasses: creating a dataclass execs the source of each of its methods (~1 ms a
class here), and `import dataclasses` brings `inspect`. The 21 a one-plan lint created cost it
0.26 s against 0.23 s of CPU (31 rounds); tests/test_fast_path.py keeps `dataclasses` out of it.
(`planctl init`, --new-since and the resync of a broken file keep theirs: they run rarely.)
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from .errors import PlanctlError
from .i18n import N_


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            from .i18n import _

            raise PlanctlError(_("unknown severity {text!r}: use error, warning or info").format(text=text)) from None


class Position(NamedTuple):
    """1-based line and column in a file."""

    line: int = 1
    column: int = 1


class Finding(NamedTuple):
    """One problem found in one file, at one node."""

    rule: str
    severity: Severity
    message: str
    file: str
    position: Position = Position()
    pointer: str = ""
    hint: str = ""
    # Values that identify the finding independently of its wording and line, for fingerprints.
    key: tuple = ()

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    def sort_key(self) -> tuple:
        return (self.file, self.position.line, self.position.column, self.rule, self.pointer, self.message)


class BuiltinRule(NamedTuple):
    """A finding that no rule file produces (the file does not load, a waiver is stale): listed
    with the rules by `planctl rules list`, the reporters and the README like any other rule."""

    id: str
    severity: Severity
    summary: str
    help: str

    def text(self, key: str) -> str:
        """summary or help in the run's language (the catalog: planctl/locale)."""
        from .i18n import _

        return _(getattr(self, key))


SYNTAX = BuiltinRule(
    "syntax", Severity.ERROR, N_("The file is valid YAML, UTF-8, within the size limit, without unknown tags or alias bombs"),
    N_("The file could not be read as YAML. Fix the YAML at the reported line and column: indent with "
    "spaces, not tabs; save the file as UTF-8; quote values that contain ': '."))
SCHEMA = BuiltinRule(
    "schema", Severity.ERROR, N_("The file matches its JSON Schema (planctl schema plan|programme)"),
    N_("The file does not match its JSON Schema. `planctl schema plan` (or programme, policy) prints the "
    "schema. Put `# yaml-language-server: $schema=<path to plan.schema.json>` on the first line of the "
    "file to get completion and these errors in your editor."))
WAIVER_EXPIRED = BuiltinRule(
    "waiver.expired", Severity.ERROR, N_("A waiver in the plan is past its expiry date"),
    N_("A waiver accepts a finding only until its `expires` date. Fix the finding, or renew the waiver "
    "with a new date, a reason and an owner."))
WAIVER_UNUSED = BuiltinRule(
    "waiver.unused", Severity.WARNING, N_("A waiver in the plan matches no finding"),
    N_("The finding this waiver accepted is gone. Remove the waiver so that it cannot hide a new finding "
    "of the same rule."))
WAIVER_INVALID = BuiltinRule(
    "waiver.invalid", Severity.ERROR, N_("A waiver's expiry is a real date"),
    N_("Write the waiver's `expires` date as YYYY-MM-DD, a date that exists (2027-02-28, not 2027-02-30)."))

SCHEMA_STALE = BuiltinRule(
    "schema.stale", Severity.WARNING, N_("The repository's copies of the schemas are the installed planctl's"),
    N_("The plans' first lines point editors at schema/*.schema.json in the repository, copies that `planctl "
    "init` wrote. They differ from the schemas of the installed planctl (it was upgraded, or a copy was "
    "edited), so editors and `planctl lint` disagree about what a valid plan is. `planctl schema --update` "
    "copies the installed schemas over them; `planctl schema --check` lists the stale ones."))

BUILTIN_RULES = {r.id: r for r in (SYNTAX, SCHEMA, WAIVER_EXPIRED, WAIVER_UNUSED, WAIVER_INVALID, SCHEMA_STALE)}
