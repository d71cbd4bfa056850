import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
if str(ROOT) not in sys.path:  # lets tests import helpers as tests.*
    sys.path.insert(0, str(ROOT))


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
