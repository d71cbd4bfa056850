"""The pull-request comment as GitHub renders it: cmark-gfm (GitHub's own Markdown library,
through cmarkgfm) turns `planctl diff --format markdown` into HTML, and the HTML's structure is
checked: the tables are there, the project changes are not inside a closed <details>, no
Markdown escape shows as a backslash (a <summary> is HTML, where `\\_` stays `\\_`), and nothing
from a plan becomes an HTML element. Raw HTML is kept (CMARK_OPT_UNSAFE) so that any tag
planctl lets through is seen here; GitHub's own sanitiser would only hide it.
"""

from __future__ import annotations

from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from planctl.escape import md_text
from tests.history.gitrepo import GitRepo, find_project
from tests.history.test_golden import RENAMED, revision_repo

# The elements planctl's Markdown may produce (GitHub keeps all of these).
ALLOWED = {"h3", "h4", "p", "ul", "li", "strong", "em", "code", "sub", "br", "details", "summary",
           "table", "thead", "tbody", "tr", "th", "td"}
HOSTILE = "Trạm <img src=x onerror=alert(1)> | *đậm* _nghiêng_ [link](http://x) `mã` by_year <script>x</script>"


class Structure(HTMLParser):
    """Elements, text outside and inside closed <details>, and table headers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.summaries: list[str] = []
        self.tables: list[dict] = []  # {"headers": [...], "folded": bool}

    def folded(self) -> bool:
        return any(tag == "details" and "open" not in attrs for tag, attrs in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "table":
            self.tables.append({"headers": [], "folded": self.folded()})
        if tag not in ("br",):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        inside = [tag for tag, _ in self.stack]
        if "summary" in inside:
            self.summaries.append(data)
        if "th" in inside and self.tables:
            self.tables[-1]["headers"].append(data.strip())


def render(markdown: str) -> Structure:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    found = Structure()
    found.feed(html)
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> GitRepo:
    """The renamed revision, with markup in a project's name, a group's name and a file name."""
    repo = revision_repo(tmp_path_factory.mktemp("hostile") / "repo")

    def mark(data: dict) -> None:
        find_project(data, "st-inf-broadband")["name"] = HOSTILE
        data["groups"][0]["name"] = "Nhóm <b>1</b> & *2*"
        data["title"] = "Kế hoạch <h1>x</h1> | by_year"
    repo.edit(RENAMED, mark)
    repo.commit("Tên có ký tự đặc biệt")
    return repo


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_comment_renders_with_the_project_changes_open(hostile, lang):
    run = hostile.planctl("--lang", lang, "diff", "--format", "markdown", "main...dieu-chinh")
    assert run.code == 0, run.stderr
    page = render(run.stdout)
    projects = {"en": "project", "vi": "dự án"}[lang]
    targets = {"en": "target", "vi": "chỉ tiêu"}[lang]
    headers = [t["headers"][0] for t in page.tables]
    assert len(page.tables) >= 6, headers  # summary, projects, targets, findings, roll-ups ...
    for first in (projects, targets):
        table = next(t for t in page.tables if t["headers"][0] == first)
        assert not table["folded"], f"the {first} table is inside a closed <details>"
    assert any(t["folded"] for t in page.tables), "the long table of stale printed totals is folded"
    text = "".join(page.text)
    assert "\\" not in text, "a Markdown escape shows as a backslash"
    assert not any("\\" in s or "&amp;" in s for s in page.summaries)
    # Plan values are text: the name is shown as written, and no element comes from it.
    assert HOSTILE in text and "Nhóm <b>1</b> & *2*" in text and "Kế hoạch <h1>x</h1> | by_year" in text
    # A bare URL is made a link, as GitHub does for any URL typed in a comment; nothing else.
    links = [attrs for tag, attrs in page.tags if tag == "a"]
    assert links and all(attrs == {"href": "http://x"} for attrs in links)
    tags = {tag for tag, _ in page.tags} - {"a"}
    assert tags <= ALLOWED, tags - ALLOWED
    assert all(not attrs for tag, attrs in page.tags if tag not in ("td", "th", "a")), \
        [(tag, attrs) for tag, attrs in page.tags if attrs and tag not in ("td", "th", "a")]


def test_a_moved_project_shows_its_money_leaving_one_group_and_arriving_in_the_other(hostile):
    run = hostile.planctl("diff", "--format", "markdown", "main...dieu-chinh")
    table = " ".join(run.stdout.split())
    assert f"| moved out of {md_text('Nhóm <b>1</b> & *2*')} (st-hr) | 500 | — | -500 | |" in table
    assert "| moved into Nhiệm vụ 2: Phát triển công nghiệp CNTT (st-industry) | — | 500 | +500 | |" in table
