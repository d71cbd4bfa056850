"""SARIF 2.1.0, for GitHub code scanning and SARIF viewers.

What GitHub needs to track an alert across commits: the same `ruleId`, the same repository-
relative file URI, and `partialFingerprints` that do not change when lines move or a message is
reworded (planctl's finding fingerprint). Only reported findings are results: GitHub ignores
SARIF `suppressions`, so waived, suppressed and baselined findings would come back as open
alerts; the run records how many there were instead.

With --new-since each result has a `baselineState`, `new` or `unchanged`, and the findings the
change fixed are results too, `absent`, located where they were at the base revision. An absent
result is written as `kind: pass` with level `none` (SARIF's words for "the rule holds now"), so a
tool that does not read baselineState still does not show a fixed finding as a problem.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import PurePosixPath
from urllib.parse import quote

from .. import __version__
from ..escape import json_document, visible
from ..i18n import _
from ..model import Finding, Severity
from .reporters import repo_path, result_fingerprint, rule_metadata
from .runner import LintResult, comparison_of

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "planctlFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(result: LintResult, name: str) -> dict:
    """A URI relative to the repository root, percent-encoded (a plan folder may be 'Trà Vinh')."""
    path = repo_path(result, name)
    # surrogateescape: a file name that is not UTF-8 is percent-encoded as its bytes on disk.
    if PurePosixPath(path).is_absolute() or path[1:3] == ":/":
        return {"uri": "file:///" + quote(path.lstrip("/"), safe="/:", errors="surrogateescape")}
    return {"uri": quote(path, safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}


def descriptor(rule_id: str, severity: Severity) -> dict:
    meta = rule_metadata(rule_id)
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": meta["summary"]},
        "fullDescription": {"text": meta["description"] or meta["summary"]},
        "help": {"text": meta["help"] or meta["summary"]},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": ["planctl", rule_id.split(".", 1)[0]]},
    }


def sarif_result(result: LintResult, finding: Finding, index: int) -> dict:
    message = _("{message}. Hint: {hint}").format(message=finding.message, hint=finding.hint) if finding.hint else finding.message
    # JSON carries any character, but code scanning shows the message to a reviewer: a bidi
    # control or an escape sequence from a plan must not change what they read.
    message = visible(message, keep="\n\r\t")
    return {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(result, finding.file),
                "region": {"startLine": finding.line, "startColumn": finding.column},
            },
        }],
        "partialFingerprints": {FINGERPRINT_KEY: result_fingerprint(result, finding)},
        "properties": {"pointer": finding.pointer},
    }


def absent_result(result: LintResult, finding: Finding, path_at_base: str, index: int) -> dict:
    """A finding of the base revision that the change fixed, where it was at the base."""
    entry = sarif_result(result, finding, index)
    entry["locations"][0]["physicalLocation"]["artifactLocation"] = artifact_location(result, _from_cwd(result, path_at_base))
    entry.update({"kind": "pass", "level": "none", "baselineState": "absent"})
    entry["properties"]["severity"] = finding.severity.label
    return entry


def _from_cwd(result: LintResult, path: str) -> str:
    """A repository path as the result names files (artifact_location maps it back)."""
    return posixpath.relpath(path, result.repo_subdir) if result.repo_subdir else path


def sarif(result: LintResult) -> str:
    comparison = comparison_of(result)
    fixed = comparison.fixed if comparison else ()
    # A rule's default level is the severity it reports with; a finding may carry another
    # (waiver.unused is a warning), so the first finding of each rule decides.
    first: dict[str, Severity] = {}
    for f in [*result.findings, *(x.finding for x in fixed)]:
        first.setdefault(f.rule, f.severity)
    rule_ids = sorted(first)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = [sarif_result(result, f, index[f.rule]) for f in result.findings]
    if comparison is not None:
        for entry, status in zip(results, comparison.status, strict=True):
            entry["baselineState"] = status
        results += [absent_result(result, x.finding, x.path_at_base, index[x.finding.rule]) for x in fixed]
    run: dict = {
        "tool": {"driver": {
            "name": "planctl",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [descriptor(rule_id, first[rule_id]) for rule_id in rule_ids],
            "properties": {"ruleset": result.ruleset},
        }},
        # libyaml counts columns in characters, not in UTF-16 code units (SARIF's default).
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": artifact_location(result, name), "roles": ["analysisTarget"]}
                      for name in result.checked],
        "results": results,
        "invocations": [{
            "executionSuccessful": True,
            "properties": {"suppressed": len(result.suppressed), "waived": len(result.waived),
                           "baselined": len(result.baselined)},
        }],
        "properties": {"ruleset": result.ruleset},
    }
    if comparison is not None:
        run["properties"]["newSince"] = {"revision": comparison.spec, "commit": comparison.commit}
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_document(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
