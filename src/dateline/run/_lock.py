"""One run at a time per store: a lock file beside the store, held for the whole run.

The store itself is opened only while a batch is written (so that ``dateline
serve`` and other readers can take turns with the run); this lock keeps a
second ``dateline run`` from writing the same store meanwhile. The operating
system releases it when the process ends, however it ends (``kill -9`` too),
so a stale lock never blocks a rerun.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import StoreError

__all__ = ["lock_path", "run_lock"]


def lock_path(db: Path) -> Path:
    """The lock file of the store ``db`` (``news.duckdb`` -> ``news.duckdb.run-lock``)."""
    return db.with_name(db.name + ".run-lock")


@contextlib.contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """Hold the run lock of ``db``; StoreError at once when another run holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: DuckDB's own lock is the only guard
        yield
        return
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(handle, 64, 0).decode("ascii", "replace").strip() or "?"
            raise StoreError(
                f"another `dateline run` (process {holder}) is writing {db}; wait for it to finish, or write to "
                f"another file with --db"
            ) from exc
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(handle)  # closing releases the lock; the file stays (removing it would race with a new run)
