import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"


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
