"""One writer at a time for the embedded index.

Two processes writing one Chroma directory hang on SQLite locks or corrupt it; an
exclusive `flock` under the data dir makes a second ingest wait for the first. flock is
per open file, so threads of one process also serialise on a process-wide lock first.
"""

from __future__ import annotations

import fcntl
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["writer_lock"]

_THREAD_LOCKS: dict[Path, threading.Lock] = {}
_GUARD = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _GUARD:
        return _THREAD_LOCKS.setdefault(path, threading.Lock())


@contextmanager
def writer_lock(lock_file: Path, *, announce: bool = True) -> Iterator[None]:
    """Hold the exclusive lock on `lock_file` (created if needed) for the block."""
    lock_file = lock_file.resolve()
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with _thread_lock(lock_file), lock_file.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if announce:
                print(f"waiting for another ingest to finish ({lock_file})", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
