"""Which files a lint run reads, and how they are named in its findings."""

from __future__ import annotations

import os
from pathlib import Path

from ..config import Config
from ..errors import PlanctlError
from ..i18n import _
from ..paths import YAML_SUFFIXES, confine


def collect(paths: list[Path], config: Config) -> list[Path]:
    """Files to lint: the given files, YAML files under given folders, else the configured globs."""
    if not paths:
        configured = config.glob(config.plans)
        if not configured:
            raise PlanctlError(_("no plan files match {globs} under {root} (pass paths, or set 'plans' in "
                                 "[tool.planctl])").format(globs=", ".join(config.plans), root=config.root))
        return configured
    files: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise PlanctlError(_("{path}: no such file or directory").format(path=path))
        # Outside a repository (no pyproject.toml, no .git) a path given by name is its own root.
        root = config.root if config.anchored else path if path.is_dir() else path.parent
        confine(path, root)
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*")) if p.suffix in YAML_SUFFIXES
                     and ".git" not in p.relative_to(path).parts and confine(p, root).is_file()]
            if not found:
                raise PlanctlError(_("{path}: no .yaml or .yml file in this folder: nothing was checked").format(path=path))
            files.extend(found)
        elif path.is_file():
            if path.suffix not in YAML_SUFFIXES:
                raise PlanctlError(_("{path}: not a YAML file (expected .yaml or .yml)").format(path=path))
            files.append(path)
        else:  # a pipe or a device: reading it could block forever
            raise PlanctlError(_("{path}: not a regular file or folder").format(path=path))
    return list(dict.fromkeys(files))


def run_inputs(paths: list[Path], config: Config, baseline: Path | None) -> list[Path]:
    """Every file a lint run reads from the repository: what no report may overwrite."""
    reads = [*collect(paths, config), *config.glob(config.programmes), *config.glob(config.policies)]
    return reads + [p for p in (config.source, baseline) if p is not None]


def display_name(path: Path) -> str:
    """Paths relative to the working directory when inside it, as editors and CI expect."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
