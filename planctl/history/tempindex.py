"""The temporary git index `planctl diff` snapshots the working tree through, and its cleanup.

The index lives in .git (git needs it on the same file system as the objects) and is named
`planctl-index-<pid>-<random>`. It is removed when the snapshot is done, when the process gets
SIGTERM or SIGINT (CI cancels a job with SIGTERM), and — for SIGKILL and power loss, which no
handler sees — by the next run, which removes those whose process is gone or that are older
than STALE_SECONDS.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PREFIX = "planctl-index-"
# A snapshot takes seconds; an index this old belongs to a run that is gone (or to a reused pid).
STALE_SECONDS = 10 * 60
SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process, alive
        return True
    return True


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove indexes left by runs that were killed; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    for path in folder.glob(PREFIX + "*"):
        pid_text = path.name[len(PREFIX):].split("-", 1)[0]
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        dead = pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text))
        if dead or age > STALE_SECONDS or not pid_text.isdigit():
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


@contextmanager
def temporary_index(folder: Path) -> Iterator[Path]:
    """A fresh, empty-named file in `folder`, removed on exit and on SIGTERM/SIGINT."""
    remove_stale(folder)
    fd, name = tempfile.mkstemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder)
    os.close(fd)
    path = Path(name)

    def remove() -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass

    def on_signal(signum: int, frame: object) -> None:
        remove()
        # Then what the signal would have done without us: the previous handler, or death by it.
        previous = saved.get(signum)
        signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        if callable(previous):
            previous(signum, frame)
        else:
            os.kill(os.getpid(), signum)

    saved: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():  # handlers can only be set there
        for handled in SIGNALS:
            saved[handled] = signal.signal(handled, on_signal)
    try:
        yield path
    finally:
        for restored, previous in saved.items():
            signal.signal(restored, previous)
        remove()
