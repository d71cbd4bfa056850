"""Lint reporters: pure functions from a LintResult to text, kept in one dict by format name."""

from __future__ import annotations

import hashlib
import json
from typing import Callable

from .. import __version__
from ..model import Finding
from .runner import LintResult

JSON_FORMAT_VERSION = 1


def fingerprint(finding: Finding) -> str:
    """Stable across line moves and message rewording: rule, file, node and the finding's key."""
    basis = json.dumps([finding.rule, finding.file, finding.pointer, list(map(str, finding.key))],
                       ensure_ascii=False)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def summary_line(result: LintResult) -> str:
    counts = result.counts()
    parts = [f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}" for s in ("error", "warning")]
    parts.append(f"{counts.get('info', 0)} info")
    if result.suppressed:
        parts.append(f"{len(result.suppressed)} suppressed")
    if result.waived:
        parts.append(f"{len(result.waived)} waived")
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    return f"{files} checked: " + ", ".join(parts)


def text(result: LintResult) -> str:
    lines = []
    for f in result.findings:
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def finding_dict(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "hint": f.hint,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "pointer": f.pointer,
        "fingerprint": fingerprint(f),
    }


def as_json(result: LintResult) -> str:
    counts = result.counts()
    document = {
        "format": "planctl-lint",
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "planctl", "version": __version__},
        "findings": [finding_dict(f) for f in result.findings],
        "summary": {
            "files": result.files,
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
            "suppressed": len(result.suppressed),
            "waived": len(result.waived),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[LintResult], str]] = {
    "text": text,
    "json": as_json,
}
