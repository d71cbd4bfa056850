"""The data-transcription tests: each plan's YAML against the source document it encodes.

They are marked `transcription`, so `pytest -m transcription` runs them alone and
`pytest -m "not transcription"` runs everything else.
"""

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marks
def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.transcription)
