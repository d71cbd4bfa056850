"""The shared vocabulary of every command: severities, positions and findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .errors import PlanctlError


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.upper()]
        except KeyError:
            raise PlanctlError(f"unknown severity {text!r}: use error, warning or info") from None


@dataclass(frozen=True, order=True)
class Position:
    """1-based line and column in a file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Finding:
    """One problem found in one file, at one node."""

    rule: str
    severity: Severity
    message: str
    file: str
    position: Position = Position()
    pointer: str = ""
    hint: str = ""
    # Values that identify the finding independently of its wording and line, for fingerprints.
    key: tuple = field(default=(), compare=False)

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    def sort_key(self) -> tuple:
        return (self.file, self.position.line, self.position.column, self.rule, self.pointer, self.message)
