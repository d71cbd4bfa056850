"""The release the snippets point at: the package version, CHANGELOG's newest entry, the pre-commit
`rev:`, the pip specs and the `planctl --version` examples all name one version, and the git tag
of that version, where this checkout has it, is annotated and holds that version."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from planctl import __version__
from tests.conftest import ROOT

VERSION = r"(\d+\.\d+\.\d+)"
# (file, pattern whose group is a version of planctl, how many times the file must hold it)
SNIPPETS = [
    ("README.md", rf"^\s*rev: v{VERSION}\s*$", 1),                           # pre-commit configuration
    ("README.md", rf"planctl@v{VERSION}\b", 1),                              # PLANCTL_PIP_SPEC example
    ("README.md", rf"`planctl {VERSION} \(rules engine", 2),                 # --version examples
    (".pre-commit-hooks.yaml", rf"^#\s+rev: v{VERSION}\b", 1),               # its usage comment
    (".github/workflows/planctl.yml", rf"planctl@v{VERSION}\b", 2),          # PLANCTL_PIP_SPEC: comment, error
]
RELEASE = re.compile(rf"^## \[{VERSION}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", re.M)


def changelog() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_newest_changelog_entry_is_the_package_version():
    releases = RELEASE.findall(changelog())
    assert releases, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' entry"
    newest, date = releases[0]
    assert newest == __version__
    datetime.date.fromisoformat(date)
    versions = [tuple(map(int, v.split("."))) for v, _ in releases]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)


def test_the_changelog_keeps_an_unreleased_section_on_top():
    headings = re.findall(r"^## .*$", changelog(), re.M)
    assert headings[0] == "## [Unreleased]"
    newest = changelog().split(f"## [{__version__}]", 1)[1].split("\n## ", 1)[0]
    assert "### Added" in newest


@pytest.mark.parametrize("name, pattern, count", SNIPPETS, ids=[f"{s[0]}:{s[1][:20]}" for s in SNIPPETS])
def test_every_snippet_names_the_package_version(name, pattern, count):
    found = re.findall(pattern, (ROOT / name).read_text(encoding="utf-8"), re.M)
    assert len(found) >= count, (name, pattern, found)
    assert set(found) == {__version__}, (name, found)


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def test_the_release_tag_where_it_exists_is_annotated_and_holds_the_version():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tag = f"v{__version__}"
    if git("rev-parse", "-q", "--verify", f"refs/tags/{tag}").returncode != 0:
        pytest.skip(f"no tag {tag} in this checkout yet (README: Releasing)")
    assert git("cat-file", "-t", tag).stdout.strip() == "tag", f"{tag} must be annotated: git tag -a {tag}"
    tagged = git("show", f"{tag}:planctl/__init__.py").stdout
    assert f'__version__ = "{__version__}"' in tagged
    assert f"## [{__version__}] - " in git("show", f"{tag}:CHANGELOG.md").stdout
