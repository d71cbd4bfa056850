"""The repository's copies of planctl's schemas (schema/*.schema.json), which the plans' modelines
point editors at: are they the installed planctl's?

A province's repository keeps copies (`planctl init` writes them) because an editor reads the
schema from a path next to the plan. After planctl is upgraded, `planctl lint` judges plans by the
new schemas while editors still show the old ones: a key the new schema accepts is red in the
editor, or the reverse. `planctl schema --check` and the lint finding schema.stale say so;
`planctl schema --update` copies the installed schemas over them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .i18n import _
from .model import SCHEMA_STALE, Finding, Position
from .paths import inside, read_regular
from .resources import EDITOR_SCHEMAS, schema_kinds, schema_path

FOLDER = "schema"
# planctl's largest schema is under 100 KB; this only bounds the read of a hostile file.
MAX_SCHEMA_BYTES = 4 * 1024 * 1024


class Stale(NamedTuple):
    """A repository's schema copy that is not the installed planctl's, and why."""

    kind: str
    path: Path
    reason: str


def _normalised(data: bytes) -> bytes:
    # git on Windows (core.autocrlf) checks the copies out with CRLF: the same schema.
    return data.replace(b"\r\n", b"\n")


def stale_copies(root: Path) -> list[Stale]:
    """Every schema/<kind>.schema.json under `root` that is not the installed planctl's schema."""
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    found = []
    for kind in schema_kinds():
        copy, shipped = folder / f"{kind}.schema.json", schema_path(kind)
        if not (copy.exists() or copy.is_symlink()):
            continue
        if os.path.realpath(copy) == os.path.realpath(shipped):
            continue  # planctl's own checkout: the installed schemas are these files
        if not inside(copy, root):
            found.append(Stale(kind, copy, _("leads out of the repository")))
            continue
        try:
            data = read_regular(copy, MAX_SCHEMA_BYTES)
        except OSError as exc:
            found.append(Stale(kind, copy, _("cannot be read: {reason}").format(reason=exc.strerror or exc)))
            continue
        if _normalised(data) != _normalised(shipped.read_bytes()):
            found.append(Stale(kind, copy, _("differs from the {kind} schema of the installed planctl {version}").format(
                kind=kind, version=__version__)))
    return found


def update(root: Path) -> list[Path]:
    """Copy the installed schemas over stale copies, and write the editor schemas that are missing."""
    written = []
    wanted = {s.kind for s in stale_copies(root)}
    wanted |= {k for k in EDITOR_SCHEMAS if not (root / FOLDER / f"{k}.schema.json").exists()}
    for kind in sorted(wanted):
        copy = root / FOLDER / f"{kind}.schema.json"
        if copy.is_symlink():
            copy.unlink()  # replace the link itself, never the file it points at
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(schema_path(kind).read_bytes())
        written.append(copy)
    return written


def findings(root: Path, name: Callable[[Path], str] = str) -> list[Finding]:
    """One schema.stale finding per stale copy, at its first line; `name` gives the file's name."""
    return [Finding(SCHEMA_STALE.id, SCHEMA_STALE.severity,
                    _("{file} {reason}: editors check files against another schema than planctl lint does").format(
                        file=f"{FOLDER}/{stale.path.name}", reason=stale.reason), name(stale.path), Position(1, 1),
                    hint=_("`planctl schema --update` copies the installed schemas into schema/; commit them"),
                    key=(stale.kind,))
            for stale in stale_copies(root)]
