"""Where a lint result comes from: which rule set judged the plans, and where in the repository.

CI tools compare results across runs. Two results are comparable only when the same rules,
policies, schemas and national programmes judged them, so the result carries a fingerprint of
those files' contents. Code scanning and annotations name files relative to the repository
root, while planctl names them relative to the working directory, so the result also carries
the working directory's place in the repository.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..config import Config
from ..paths import git_top, read_regular
from ..resources import rules_dir, schema_path
from .registry import policy_files, programme_files

# The schemas lint validates against: plans, programme and policy files, rule files.
SCHEMA_KINDS = ("plan", "programme", "policy", "rule")
# The registry has already loaded these files within max-file-bytes; this only bounds the read.
MAX_INPUT_BYTES = 256 * 1024 * 1024


def ruleset_inputs(config: Config) -> list[tuple[str, Path]]:
    """(role, path) of every file that decides what lint reports, besides the linted files."""
    # Every file of the shipped rules folder, not just the rule files: importing the catalogue
    # would load the rules engine, which a run with only schema errors never needs.
    inputs = [("rule", p) for p in sorted(rules_dir().rglob("*.yaml"))]
    inputs += [("schema", schema_path(kind)) for kind in SCHEMA_KINDS]
    # The files the registry loads, the shipped ones included when the repository has none.
    inputs += [("policy", p) for p in policy_files(config)]
    inputs += [("programme", p) for p in programme_files(config)]
    return inputs


def ruleset_fingerprint(config: Config) -> str:
    """First 16 hex digits of a SHA-256 over the inputs' roles and contents.

    Contents, not paths: the same rules installed in site-packages or checked out elsewhere give
    the same fingerprint.
    """
    import hashlib  # loads OpenSSL (~5 ms): only the formats that print the fingerprint pay it

    digests = sorted(f"{role}:{hashlib.sha256(read_regular(path, MAX_INPUT_BYTES)).hexdigest()}"
                     for role, path in ruleset_inputs(config) if path.is_file())
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()[:16]


def repository_subdir(cwd: Path | None = None) -> str:
    """The working directory relative to the repository root, '' at the root or outside a repository."""
    cwd = (cwd or Path.cwd()).resolve()
    root = git_top(cwd)
    if root is None or root == cwd:
        return ""
    return PurePosixPath(*cwd.relative_to(root).parts).as_posix()
