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
from ..i18n import N_, _
from ..paths import confine, read_regular
from . import schema

# A baseline of a whole country's plans is far larger than any plan (only read again on errors).
MAX_BYTES = 256 * 1024 * 1024
HOW_TO_MAKE = N_("save one with: planctl lint --format json > {path}")


def load_baseline(path: Path, root: Path | None = None) -> Counter[str]:
    """The fingerprints of a saved `planctl lint --format json` result, with their counts.

    `root`: the repository the baseline must resolve into (None: its own folder, outside one).
    """
    how = _(HOW_TO_MAKE).format(path=path)
    if not path.exists() and not path.is_symlink():
        raise PlanctlError(_("baseline {path}: no such file ({how})").format(path=path, how=how))
    confine(path, root if root is not None else path.parent, "baseline ")
    if path.is_dir():
        raise PlanctlError(_("baseline {path}: is a folder, not a JSON file ({how})").format(path=path, how=how))
    try:
        data = json.loads(read_regular(path, MAX_BYTES))
    except OSError as exc:
        raise PlanctlError(_("baseline {path}: cannot read it: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    except UnicodeDecodeError as exc:
        raise PlanctlError(_("baseline {path}: not UTF-8 text (byte {byte}) ({how})").format(
            path=path, byte=exc.start, how=how)) from None
    except json.JSONDecodeError as exc:
        raise PlanctlError(f"{path}:{exc.lineno}:{exc.colno}: " + _("baseline is not valid JSON: {problem} ({how})").format(
            problem=exc.msg, how=how)) from None
    except RecursionError:
        raise PlanctlError(_("baseline {path}: arrays or objects nested too deeply to be a planctl lint JSON result "
                             "({how})").format(path=path, how=how)) from None
    if not isinstance(data, dict):
        raise PlanctlError(f"{path}:1:1: " + _("baseline is not a planctl lint JSON result ({how})").format(how=how))
    problems = schema.check(Document(str(path), data=data), "lint-result")
    if problems:
        # json keeps no positions; the located loader reads JSON too (JSON is YAML), to say where.
        located = load(path, max_bytes=MAX_BYTES, name=str(path))
        if located.ok and isinstance(located.data, dict):
            problems = schema.check(located, "lint-result") or problems
        p = problems[0]
        raise PlanctlError(f"{p.file}:{p.line}:{p.column}: " + _("baseline is not a planctl lint JSON result: "
                                                                  "{problem} ({how})").format(problem=p.message, how=how))
    return Counter(f["fingerprint"] for f in data["findings"])
