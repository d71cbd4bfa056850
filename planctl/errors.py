"""The one fatal-error type. The CLI turns it into a message on stderr and exit code 2."""


class PlanctlError(Exception):
    """A usage, configuration or I/O error that stops the command (exit code 2).

    Problems *inside* a linted file are findings, not exceptions; this is for what makes the
    command itself impossible: an unknown option value, a missing configuration file, a bad
    revision.
    """
