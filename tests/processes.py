"""The processes of a running service, read from /proc: gunicorn master → workers → query workers."""

from __future__ import annotations

import time
from pathlib import Path


def children(pid: int) -> set[int]:
    """The pids whose parent is ``pid`` right now."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the parent pid is the second field after it.
        if int(text.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float = 60) -> None:
    """Poll ``condition`` until it holds; fail the test if it does not within ``seconds`` (a safety net)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {seconds} s: {condition.__doc__ or condition}")
        time.sleep(0.05)
