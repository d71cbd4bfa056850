"""Lint reporters: pure functions from a LintResult to text, kept in one dict by format name.

text and json live here with the helpers every format shares (fingerprints, rule metadata,
repository paths, the summary). The CI formats live in a module each (sarif, github, markdown,
junit) and are imported when first used, after this module is complete, so they can use the
helpers here.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import posixpath
from collections.abc import Callable

from .. import __version__
from ..escape import json_document, visible
from ..i18n import _, ngettext, number
from ..model import Finding
from .runner import LintResult

JSON_FORMAT_VERSION = 1

Reporter = Callable[[LintResult], str]


def fingerprint(finding: Finding, file: str | None = None) -> str:
    """Stable across line moves and message rewording: rule, file, node and the finding's key.

    Reporters pass the file relative to the repository root (`result_fingerprint`), so that
    the fingerprint does not depend on the folder planctl ran in either.
    """
    basis = json.dumps([finding.rule, file if file is not None else finding.file, finding.pointer,
                        list(map(str, finding.key))], ensure_ascii=False)
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes on disk.
    return hashlib.sha256(basis.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def rule_metadata(rule_id: str) -> dict[str, str]:
    """Summary, description and help of a rule: where reporters meet the rule catalogue.

    Rules come from the rule files (planctl rules explain shows the same text); the findings
    that no rule file produces (syntax, schema, waivers) are model.BUILTIN_RULES.
    Imported here, not at the top: the catalogue loads the rules engine, which a run with only
    schema errors never needs, and text and json output never ask.
    """
    from ..model import BUILTIN_RULES
    from .catalogue_docs import explain
    from .rules import by_id

    builtin = BUILTIN_RULES.get(rule_id)
    if builtin is not None:
        return {"summary": builtin.text("summary"), "description": builtin.text("summary") + ".", "help": builtin.text("help")}
    rule = by_id(rule_id)
    if rule is None:
        return {"summary": _("planctl rule {rule}").format(rule=rule_id), "description": "", "help": ""}
    return {"summary": rule.text("summary"), "description": rule.description, "help": explain(rule)}


def repo_path(result: LintResult, name: str) -> str:
    """A file name relative to the repository root, with '/' separators, as CI systems expect.

    Absolute names (a file outside the working directory's drive) stay absolute.
    """
    name = name.replace(os.sep, "/")
    if posixpath.isabs(name) or os.path.isabs(name):
        return name
    return posixpath.normpath(posixpath.join(result.repo_subdir, name))


def result_fingerprint(result: LintResult, finding: Finding) -> str:
    return fingerprint(finding, repo_path(result, finding.file))


def counted(n: int, singular: str, plural: str) -> str:
    """'3 errors' / '3 lỗi': a count in the run's language; the texts hold {n}."""
    return ngettext(singular, plural, n).format(n=number(n))


def severity_counts(counts: dict) -> list[str]:
    return [counted(counts.get("error", 0), _("{n} error"), _("{n} errors")),
            counted(counts.get("warning", 0), _("{n} warning"), _("{n} warnings")),
            counted(counts.get("info", 0), _("{n} info"), _("{n} info"))]


def hidden_counts(result: LintResult) -> list[str]:
    """The suppressed, waived and baselined findings, when there are any."""
    parts = []
    if result.suppressed:
        parts.append(_("{n} suppressed").format(n=number(len(result.suppressed))))
    if result.waived:
        parts.append(_("{n} waived").format(n=number(len(result.waived))))
    if result.baselined:
        parts.append(_("{n} hidden by the baseline").format(n=number(len(result.baselined))))
    return parts


def summary_line(result: LintResult) -> str:
    parts = severity_counts(result.counts()) + hidden_counts(result)
    return _("{files} checked: {counts}").format(files=counted(result.files, _("{n} file"), _("{n} files")),
                                                 counts=", ".join(parts))


def text(result: LintResult) -> str:
    # One finding per line for editors and problem matchers: a line break or an escape sequence
    # from a plan must not start a line of its own (under GitHub Actions, a line starting with
    # '::' is a command) or recolour the terminal.
    lines = []
    for f in result.findings:
        lines.append(visible(f"{f.file}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}"))
        if f.hint:
            lines.append(visible("    " + _("hint: {hint}").format(hint=f.hint)))
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def finding_dict(result: LintResult, f: Finding) -> dict:
    return {
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "hint": f.hint,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "pointer": f.pointer,
        "fingerprint": result_fingerprint(result, f),
    }


def as_json(result: LintResult) -> str:
    counts = result.counts()
    document = {
        "format": "planctl-lint",
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "planctl", "version": __version__, "ruleset": result.ruleset},
        "findings": [finding_dict(result, f) for f in result.findings],
        "summary": {
            "files": result.files,
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
            "suppressed": len(result.suppressed),
            "waived": len(result.waived),
            "baselined": len(result.baselined),
        },
    }
    return json_document(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _in_module(module: str, function: str) -> Reporter:
    """A reporter that lives in its own module, imported on first use."""
    def report(result: LintResult) -> str:
        return getattr(importlib.import_module(f"{__package__}.{module}"), function)(result)

    report.__name__ = report.__qualname__ = function
    return report


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "sarif": _in_module("sarif", "sarif"),
    "github": _in_module("github", "annotations"),
    "markdown": _in_module("markdown", "markdown"),
    "junit": _in_module("junit", "junit"),
}
