"""Every file shipped in plans/ loads, names its schema on the first line, and is valid against it."""

import pytest

from planctl.document import load
from planctl.lint import schema
from tests.conftest import PLANS

SHIPPED = sorted(PLANS.rglob("*.yaml"))

# One file per document of the archive (shared/seeds/000-004) and one per national programme.
DOCUMENTS = {
    "national/qd-1755-2010.yaml": None,
    "national/qd-1605-2010.yaml": None,
    "tra-vinh/qd-952-2011.yaml": "000_35f4b65cebf12e0c.txt",
    "soc-trang/kh-22-2012.yaml": "001_57a00165d86f0b40.txt",
    "soc-trang/kh-21-2010.yaml": "002_f340a457e7872c4a.txt",
    "quang-tri/ict-1755.yaml": "003_0f3ed0d4fe821d14.txt",
    "ben-tre/ict-1605.yaml": "004_7da636e82f82a611.txt",
}


def test_every_document_is_encoded_once():
    assert sorted(str(p.relative_to(PLANS)) for p in SHIPPED) == sorted(DOCUMENTS)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(PLANS)))
def test_schema_valid(path):
    doc = load(path)
    assert doc.error is None
    kind = doc.data["kind"]
    assert kind in ("plan", "programme")
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"
    assert [f"{p.line}: {p.message}" for p in schema.check(doc, kind)] == []
    if kind == "plan":
        assert doc.data["document"]["seed"] == DOCUMENTS[str(path.relative_to(PLANS))]
