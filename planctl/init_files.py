"""The pieces every step of `planctl init` shares: the report of what it did and the one function that writes a file.

A province's repository holds work that init cannot recreate, so a file that exists is kept
(listed as skipped, with the reason) unless --force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlanctlError
from .i18n import N_, _
from .paths import git_top


@dataclass
class Report:
    """What init did, line by line, and what the user does next."""

    root: Path
    lines: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    wrote: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def done(self, verb: str, rel: str, note: str = "") -> None:
        self.wrote.append(rel)
        self.lines.append(f"{_(verb):<9} {rel}{f'  ({note})' if note else ''}")

    def skip(self, rel: str, why: str) -> None:
        self.skipped.append(rel)
        self.lines.append(f"{_('skipped'):<9} {rel}  ({why})")

    def text(self) -> str:
        out = [f"planctl init: {self.root}", *(f"  {line}" for line in self.lines)]
        if self.next_steps:
            out += [_("next:"), *(f"  - {step}" for step in self.next_steps)]
        return "\n".join(out) + "\n"


def _plural(singular: str, plural: str, n: int) -> str:
    """`singular` or `plural` as English chooses, translated: Vietnamese has one form for both."""
    return _(singular if n == 1 else plural)


# --- the repository ------------------------------------------------------------------------

def check_target(target: Path) -> Path:
    """The folder to set up, resolved; a PlanctlError (exit 2) for anything else."""
    if not target.exists():
        raise PlanctlError(_("{target}: no such folder (create it, or run `git init {target}` first)").format(target=target))
    if not target.is_dir():
        raise PlanctlError(_("{target}: not a folder").format(target=target))
    root = target.resolve()
    top = git_top(root)
    if top is not None and top != root:
        # The workflow and the pre-commit configuration only work at the top of a repository.
        raise PlanctlError(_("{target}: inside the git repository at {top}; run `planctl init` at its top").format(
            target=target, top=top))
    return root


def _write(report: Report, root: Path, rel: str, content: str | bytes, force: bool, why_exists: str | None = None) -> bool:
    """Write `rel` unless it exists (--force replaces it); True when written."""
    path = root / rel
    if path.exists() or path.is_symlink():
        if not force:
            report.skip(rel, _("{why}; --force replaces it").format(why=why_exists or _("exists")))
            return False
        if path.is_dir() or path.is_symlink():
            # Writing through a link would change a file outside what init was asked to set up.
            report.skip(rel, _("a folder or a link; not replaced"))
            return False
        verb = N_("replaced")
    else:
        verb = N_("wrote")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    report.done(verb, rel)
    return True
