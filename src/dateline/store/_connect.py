"""Opening a store's DuckDB file: a connection, retried while another process holds the file, and the
errors of opening said as :class:`dateline.errors.StoreError`."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from dateline.errors import StoreError

__all__ = ["connect", "open_error"]

#: First pause before opening a store another process holds again (seconds; doubled up to 1 s).
LOCK_RETRY_SECONDS = 0.05


def open_error(path: Path, exc: Exception) -> StoreError:
    """A StoreError saying why the store at ``path`` could not be opened, and what to do."""
    text = str(exc)
    if _locked(exc):
        return StoreError(
            f"cannot open store {path}: another process holds it (a `dateline run` writing a batch, or a program "
            f"other than dateline). dateline's own commands take turns with a running `dateline run`; wait for "
            f"the other process, or work on a copy of the file. ({text})"
        )
    if "different configuration" in text:
        return StoreError(
            f"cannot open store {path}: this process already has it open in another mode (read-only vs writable); "
            f"close the other Store first"
        )
    return StoreError(f"cannot open store {path}: {text}. Check the path and that the file is a dateline store "
                      f"(one written by `dateline run`).")


def _locked(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def connect(path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the store at ``path``, with errors translated to :class:`StoreError`.

    While another process holds the file (a run writing a batch), opening is retried for up to ``wait``
    seconds: dateline's writers hold the file only while they write a batch.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store: name the store's file (such as {path / 'news.duckdb'})")
    if read_only and not path.is_file():
        raise StoreError(f"no store at {path}: run `dateline run INPUT --db {path}` first, or check the path")
    deadline = time.monotonic() + wait
    pause = LOCK_RETRY_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            if not _locked(exc) or time.monotonic() + pause > deadline:
                raise open_error(path, exc) from exc
        time.sleep(pause)
        pause = min(pause * 2, 1.0)
