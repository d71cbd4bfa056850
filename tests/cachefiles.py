"""planctl's cache files (planctl/diskcache.py) edited by hand, for the tests that check a corrupt,
foreign or tampered file is never trusted."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def edit_stored(cache_file: Path, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """Rewrite `cache_file` after `change` (in place) to its JSON envelope, {"format", "key",
    "value"} as stored; the edited envelope is returned."""
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    change(stored)
    cache_file.write_text(json.dumps(stored), encoding="utf-8")
    return stored
