"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI).

The layout ESLint's junit formatter made common, which these systems all render: one testsuite
per file; one testcase per finding, named after its rule and position, failed when the finding
is an error; a clean file gets one passing testcase, so it shows as checked. Warnings and infos
pass, with their text in system-out: they do not fail the lint either, unless --fail-on says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..escape import xml_text
from ..i18n import _
from ..model import Finding, Severity
from .reporters import repo_path
from .runner import LintResult


def classname(path: str) -> str:
    # Jenkins splits a classname at dots into package and class: drop the extension.
    return path.rsplit(".", 1)[0] if path.endswith((".yaml", ".yml")) else path


def testcase(suite: ET.Element, path: str, f: Finding) -> None:
    case = ET.SubElement(suite, "testcase", name=xml_text(_("{rule} at {line}:{column}: {message}").format(
        rule=f.rule, line=f.line, column=f.column, message=f.message)),
                         classname=xml_text(classname(path)), time="0")
    detail = f"{path}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}"
    if f.hint:
        detail += "\n" + _("hint: {hint}").format(hint=f.hint)
    if f.severity is Severity.ERROR:
        failure = ET.SubElement(case, "failure", message=xml_text(f.message), type=xml_text(f.rule))
        failure.text = xml_text(detail)
    else:
        ET.SubElement(case, "system-out").text = xml_text(detail)


def junit(result: LintResult) -> str:
    by_file: dict[str, list[Finding]] = {name: [] for name in result.checked}
    for f in result.findings:
        by_file.setdefault(f.file, []).append(f)
    errors_total = sum(f.severity is Severity.ERROR for f in result.findings)
    root = ET.Element("testsuites", name="planctl lint", tests="0", failures=str(errors_total),
                      errors="0", time="0")
    tests_total = 0
    for name, findings in by_file.items():
        path = repo_path(result, name)
        failures = sum(f.severity is Severity.ERROR for f in findings)
        suite = ET.SubElement(root, "testsuite", name=xml_text(path), tests=str(max(len(findings), 1)),
                              failures=str(failures), errors="0", skipped="0", time="0")
        for f in findings:
            testcase(suite, path, f)
        if not findings:
            ET.SubElement(suite, "testcase", name=_("no findings"), classname=xml_text(classname(path)), time="0")
        tests_total += max(len(findings), 1)
    root.set("tests", str(tests_total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
