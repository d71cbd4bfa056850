import atexit
import os
import pathlib
import re
import shutil
import sys
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
if str(ROOT) not in sys.path:  # lets tests import helpers as tests.*
    sys.path.insert(0, str(ROOT))
# planctl caches rules, settings and plans on disk (planctl/diskcache.py): the suite, and the
# planctl processes it starts, use a fresh folder of their own, never the user's cache.
if "PLANCTL_CACHE_DIR" not in os.environ:
    os.environ["PLANCTL_CACHE_DIR"] = tempfile.mkdtemp(prefix="planctl-test-cache-")
    atexit.register(shutil.rmtree, os.environ["PLANCTL_CACHE_DIR"], True)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> pathlib.Path:
    """An empty folder for planctl's cache (planctl/diskcache.py) of this test's own, with caching
    on; its per-plan files are counted again at the first write, as in a new process."""
    from planctl import diskcache

    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCTL_NO_CACHE", raising=False)
    monkeypatch.setattr(diskcache, "_per_plan", {})
    return tmp_path / "cache"


def by_id(items):
    """A list of items with `id` as a dict, to pick the rows a test pins to the document."""
    return {item["id"]: item for item in items}


@pytest.fixture(scope="session")
def load_plan():
    """Load a shipped plan file (path relative to plans/) as plain data."""
    from planctl.document import load_data

    cache = {}

    def load(rel: str):
        if rel not in cache:
            cache[rel] = load_data(PLANS / rel)
        return cache[rel]

    return load


AT_KEY = "at key"  # third element of an expected finding reported at its mapping key, not its value


def located(path, expected) -> list[tuple[str, str, int]]:
    """Expected findings (rule, pointer) in the YAML file at `path` (absolute, or relative to the
    repository), each with the line planctl reports it at, sorted as a test compares them.

    The line is computed from the JSON pointer with planctl's own loader, the file loaded once: a
    test pins a finding by rule and pointer, and a comment or blank line added to a plan moves no
    expected value. A finding planctl places at the mapping key (data.unknown-source, schema's
    unknown key) is written (rule, pointer, AT_KEY). So that a loader bug cannot move both sides
    of a comparison, each line is checked against the text: it holds the node's key, or starts
    the sequence item, or (a block collection) follows the line that does.
    """
    from planctl.document import load

    doc = load(ROOT / path)
    assert doc.ok, doc.error
    lines = (ROOT / path).read_text(encoding="utf-8-sig").splitlines()
    found = []
    for rule, pointer, *flags in expected:
        assert pointer in doc.positions, f"no node at {pointer} in {path}"
        line = doc.locate(pointer, key=AT_KEY in flags).line
        block_value = (AT_KEY not in flags and isinstance(_node(doc.data, pointer), (dict, list))
                       and isinstance(_node(doc.data, pointer.rpartition("/")[0]), dict))
        assert _names(lines[line - 1], pointer, doc.data) or (
            block_value and line > 1 and _names(lines[line - 2], pointer, doc.data)), (pointer, line, lines[line - 1])
        found.append((rule, pointer, line))
    return sorted(found)


def _node(data, pointer: str):
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _names(text: str, pointer: str, data) -> bool:
    """The line `text` names the node at `pointer`: its key, or the start of its sequence item."""
    parent, _, token = pointer.rpartition("/")
    if isinstance(_node(data, parent), list):
        return text.lstrip().startswith("-") or "[" in text
    key = re.escape(token.replace("~1", "/").replace("~0", "~"))
    return re.search(rf"(^|[\s{{,])(['\"]?){key}\2\s*:", text) is not None


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch):
    """Tests expect English unless they ask for Vietnamese: the developer's locale does not leak in."""
    from planctl import i18n

    for name in i18n.ENV_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")
