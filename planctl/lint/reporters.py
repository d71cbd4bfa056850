"""Lint reporters: pure functions from a LintResult to text, kept in one dict by format name.

text and json live here with the helpers every format shares (fingerprints, rule metadata,
repository paths, the summary). The CI formats live in a module each (sarif, github, markdown,
junit) and are imported when first used, after this module is complete, so they can use the
helpers here.
"""

from __future__ import annotations

import importlib
import json
import os
import posixpath
from collections.abc import Callable

from .. import __version__
from ..escape import json_document, visible
from ..i18n import _, ngettext, number
from ..model import Finding
from .runner import FIXED, NEW, UNCHANGED, LintResult, comparison_of

JSON_FORMAT_VERSION = 1

Reporter = Callable[[LintResult], str]


def fingerprint(finding: Finding, file: str | None = None) -> str:
    """Stable across line moves and message rewording: rule, file, node and the finding's key.

    Reporters pass the file relative to the repository root (`result_fingerprint`), so that
    the fingerprint does not depend on the folder planctl ran in either.
    """
    basis = json.dumps([finding.rule, file if file is not None else finding.file, finding.pointer,
                        list(map(str, finding.key))], ensure_ascii=False)
    import hashlib  # loads OpenSSL (~5 ms): only the formats and baselines that print fingerprints pay it

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
    return {"summary": rule.text("summary"), "description": rule.text("description"), "help": explain(rule)}


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
    line = _("{files} checked: {counts}").format(files=counted(result.files, _("{n} file"), _("{n} files")),
                                                 counts=", ".join(parts))
    comparison = comparison_of(result)
    if comparison is not None:
        # The revision comes from the command line: shown inert, like text from a plan.
        line += visible(_("; {since}: {new} new, {fixed} fixed, {unchanged} unchanged").format(
            since=comparison.since, new=number(comparison.count(NEW)), fixed=number(comparison.count(FIXED)),
            unchanged=number(comparison.count(UNCHANGED))))
    return line


# SGR sequences of the text format's colours (--color): severity as ruff and yamllint show it.
_SGR = {"error": "1;31", "warning": "1;33", "info": "1;36", "location": "1", "dim": "2"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m" if colour else text


def finding_lines(f: Finding, colour: bool = False) -> list[str]:
    # Each piece is escaped before planctl's own colour codes go around it: a plan's text can
    # never bring colour codes of its own.
    label = f.severity.label
    return [f"{_paint(visible(f'{f.file}:{f.line}:{f.column}:'), 'location', colour)} "
            f"{_paint(label, label, colour)} {_paint(visible(f.rule), 'dim', colour)} {visible(f.message)}",
            *([_paint(visible("    " + _("hint: {hint}").format(hint=f.hint)), "dim", colour)] if f.hint else [])]


def text(result: LintResult, *, colour: bool = False, quiet: bool = False) -> str:
    # One finding per line for editors and problem matchers: a line break or an escape sequence
    # from a plan must not start a line of its own (under GitHub Actions, a line starting with
    # '::' is a command) or recolour the terminal.
    comparison = comparison_of(result)
    if comparison is None:
        lines = [line for f in result.findings for line in finding_lines(f, colour)]
    else:
        # Pull-request mode: what the change introduced comes last, next to the summary, where a
        # terminal or a pre-commit run leaves it in view; fixed findings are indented, so editors
        # and problem matchers do not read their old lines as current findings.
        marked = list(zip(result.findings, comparison.status, strict=True))
        lines = [line for f, s in marked if s != NEW for line in finding_lines(f, colour)]
        new = comparison.count(NEW)
        lines.append(visible(_("new {since}: {count}").format(since=comparison.since,
                                                              count=number(new) if new else _("none"))))
        lines += [line for f, s in marked if s == NEW for line in finding_lines(f, colour)]
        if comparison.fixed:
            lines.append(visible(_("fixed {since}: {count}").format(since=comparison.since,
                                                                    count=number(comparison.count(FIXED)))))
            lines += [visible("    " + _("{severity} {rule} {message} (was {path}:{line}:{column})").format(
                severity=x.finding.severity.label, rule=x.finding.rule, message=x.finding.message,
                path=x.path_at_base, line=x.finding.line, column=x.finding.column)) for x in comparison.fixed]
    if not quiet:
        lines.append(summary_line(result))
    return "\n".join(lines) + "\n" if lines else ""


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
    document: dict = {
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
    comparison = comparison_of(result)
    if comparison is not None:  # additive: a consumer of version 1 that ignores these still works
        for entry, status in zip(document["findings"], comparison.status, strict=True):
            entry["status"] = status
        document["base"] = {"revision": comparison.spec, "label": comparison.label, "commit": comparison.commit}
        document["fixed"] = [{**finding_dict(result, x.finding), "status": FIXED, "file_at_base": x.path_at_base}
                             for x in comparison.fixed]
        document["summary"].update({s: comparison.count(s) for s in (NEW, FIXED, UNCHANGED)})
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
