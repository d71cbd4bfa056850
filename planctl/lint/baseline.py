"""--baseline: read the fingerprints of a saved JSON result (lint/filters.py hides those findings).

A repository with old findings adopts planctl gradually: save `planctl lint --format json` once,
then CI fails only on new findings. Findings are matched by fingerprint, which survives line
moves and reworded messages; a fingerprint counts as many times as the baseline holds it, so a
second identical finding is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..document import Document, load
from ..errors import PlanctlError
from ..paths import confine, read_regular
from . import schema

# A baseline of a whole country's plans is far larger than any plan (only read again on errors).
MAX_BYTES = 256 * 1024 * 1024
HOW_TO_MAKE = "save one with: planctl lint --format json > {path}"


def load_baseline(path: Path, root: Path | None = None) -> Counter[str]:
    """The fingerprints of a saved `planctl lint --format json` result, with their counts.

    `root`: the repository the baseline must resolve into (None: its own folder, outside one).
    """
    how = HOW_TO_MAKE.format(path=path)
    if not path.exists() and not path.is_symlink():
        raise PlanctlError(f"baseline {path}: no such file ({how})")
    confine(path, root if root is not None else path.parent, "baseline ")
    if path.is_dir():
        raise PlanctlError(f"baseline {path}: is a folder, not a JSON file ({how})")
    try:
        data = json.loads(read_regular(path, MAX_BYTES))
    except OSError as exc:
        raise PlanctlError(f"baseline {path}: cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise PlanctlError(f"baseline {path}: not UTF-8 text (byte {exc.start}) ({how})") from None
    except json.JSONDecodeError as exc:
        raise PlanctlError(f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg} ({how})") from None
    except RecursionError:
        raise PlanctlError(f"baseline {path}: arrays or objects nested too deeply to be a planctl lint "
                           f"JSON result ({how})") from None
    if not isinstance(data, dict):
        raise PlanctlError(f"{path}:1:1: baseline is not a planctl lint JSON result ({how})")
    problems = schema.check(Document(str(path), data=data), "lint-result")
    if problems:
        # json keeps no positions; the located loader reads JSON too (JSON is YAML), to say where.
        located = load(path, max_bytes=MAX_BYTES, name=str(path))
        if located.ok and isinstance(located.data, dict):
            problems = schema.check(located, "lint-result") or problems
        p = problems[0]
        raise PlanctlError(f"{p.file}:{p.line}:{p.column}: baseline is not a planctl lint JSON result: "
                           f"{p.message} ({how})")
    return Counter(f["fingerprint"] for f in data["findings"])
