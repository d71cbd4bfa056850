"""The one fatal-error type. The CLI turns it into a message on stderr and exit code 2."""


class PlanctlError(Exception):
    """A usage, configuration or I/O error that stops the command (exit code 2).

    Problems *inside* a linted file are findings, not exceptions; this is for what makes the
    command itself impossible: an unknown option value, a missing configuration file, a bad
    revision.
    """


class InternalError(Exception):
    """A failure inside planctl, never the input's fault: a lint worker that died (killed, out of
    memory, a crash in the rules engine's C code), the rules engine refusing or dropping facts.

    Not a PlanctlError: exit code 2 would tell CI the input is wrong. The CLI maps it to its own
    exit code (3) with a one-line message asking to report it.
    """
