"""The store as the web app sees it: a snapshot, refreshed while a run adds to the store.

DuckDB lets one process write a file, and no other process open it meanwhile.
So the app never keeps the store open: it copies the store file into a
private folder (a *snapshot*), answers every request from the copy (with the
derived tables of :mod:`dateline.serve._prepare` in memory), and copies again
when the store has changed. ``dateline run`` opens the store only while it
writes a batch (see :class:`dateline.store.Store`), so the copy is taken
between two batches, under a read-only connection that keeps writers out
while the bytes are copied; a run that wants to write meanwhile waits a
moment (:data:`dateline.run.runner.LOCK_WAIT_SECONDS`).

Requests read whichever snapshot is current when they start; a replaced
snapshot is closed when the last request reading it is done.

DuckDB connections are not meant to be shared between threads; cursors made
from one connection are, so every query gets its own (FastAPI runs plain
``def`` endpoints in a thread pool).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.serve._prepare import prepare
from dateline.store import Store, connect, open_error
from dateline.store._schema import like

__all__ = ["REFRESH_SECONDS", "Database", "like"]

logger = logging.getLogger(__name__)

Row = dict[str, Any]

#: How often the app looks for a changed store by default (seconds).
REFRESH_SECONDS = 5.0
#: How long taking a snapshot waits for a writing run to finish its batch (seconds); after that the app
#: keeps its snapshot and tries again at the next refresh.
SNAPSHOT_WAIT_SECONDS = 2.0


class _Snapshot:
    """One copy of the store and the in-memory tables derived from it."""

    def __init__(self, copy: Path, stamp: tuple[int, ...], taken: float) -> None:
        self.copy, self.stamp, self.taken = copy, stamp, taken
        with Store(copy, read_only=True) as store:  # checks the schema version
            self.stats = store.stats()
        self.con = duckdb.connect(":memory:")
        try:
            prepare(self.con, str(copy))
            # Actors as the Actors page counts them: one per key, across articles.
            self.stats["actor_keys"] = self.con.execute("SELECT count(*) FROM actor_summary").fetchall()[0][0]
        except duckdb.Error as exc:
            self.con.close()
            raise open_error(copy, exc) from exc
        self.users = 0
        self.retired = False

    def close(self) -> None:
        self.con.close()
        for path in (self.copy, _wal(self.copy)):
            path.unlink(missing_ok=True)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _stamp(path: Path) -> tuple[int, ...]:
    """What changes when a run commits to the store: the size and time of the file and of its log."""
    found: list[int] = []
    for file in (path, _wal(path)):
        try:
            info = file.stat()
        except FileNotFoundError:
            found += [-1, -1]
        else:
            found += [info.st_size, info.st_mtime_ns]
    return tuple(found)


class Database:
    """The latest snapshot of the store at ``path``, refreshed every ``refresh`` seconds (0: never)."""

    def __init__(self, path: Path, refresh: float = REFRESH_SECONDS) -> None:
        self.path = Path(path)
        self.refresh_seconds = refresh
        self._folder = Path(tempfile.mkdtemp(prefix="dateline-serve-"))
        self._lock = threading.Lock()
        self._taken = 0
        try:
            self._current = self._take(wait=SNAPSHOT_WAIT_SECONDS * 5)
        except BaseException:
            shutil.rmtree(self._folder, ignore_errors=True)
            raise
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if refresh > 0:
            self._thread = threading.Thread(target=self._watch, name="dateline-snapshots", daemon=True)
            self._thread.start()

    # -- snapshots -----------------------------------------------------------------------------------------

    def _take(self, wait: float) -> _Snapshot:
        """Copy the store (between two of a run's batches) and derive the app's tables from the copy."""
        self._taken += 1
        copy = self._folder / f"snapshot-{self._taken}.duckdb"
        holder = connect(self.path, read_only=True, wait=wait)  # keeps writers out while the bytes are copied
        try:
            stamp = _stamp(self.path)
            shutil.copyfile(self.path, copy)
            if _wal(self.path).exists():  # a run stopped before it could fold its log into the file
                shutil.copyfile(_wal(self.path), _wal(copy))
        finally:
            holder.close()
        try:
            return _Snapshot(copy, stamp, time.time())
        except BaseException as exc:
            copy.unlink(missing_ok=True)
            _wal(copy).unlink(missing_ok=True)
            if isinstance(exc, StoreError):  # said of the copy: say it of the store, which the reader can fix
                raise StoreError(str(exc).replace(str(copy), str(self.path))) from exc
            raise

    def refresh(self) -> bool:
        """Take a new snapshot when the store changed since the current one; True when one was taken."""
        if _stamp(self.path) == self._current.stamp:
            return False
        try:
            fresh = self._take(wait=SNAPSHOT_WAIT_SECONDS)
        except StoreError as exc:
            logger.info("keeping the snapshot of %s for now: %s", self.path, exc)
            return False
        with self._lock:
            old, self._current = self._current, fresh
            old.retired = True
            idle = old.users == 0
        if idle:
            old.close()
        return True

    def _watch(self) -> None:
        while not self._stop.wait(self.refresh_seconds):
            try:
                self.refresh()
            except Exception:  # the app keeps serving its snapshot whatever happened to the store
                logger.exception("refreshing the snapshot of %s failed", self.path)

    @contextlib.contextmanager
    def _use(self) -> Iterator[_Snapshot]:
        with self._lock:
            snapshot = self._current
            snapshot.users += 1
        try:
            yield snapshot
        finally:
            with self._lock:
                snapshot.users -= 1
                done = snapshot.retired and snapshot.users == 0
            if done:
                snapshot.close()

    def close(self) -> None:
        """Stop refreshing and drop the snapshots (again: nothing to do)."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        with self._lock:
            self._current.retired = True
            idle = self._current.users == 0
        if idle:
            self._current.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    # -- queries -------------------------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one parameterized query; the rows as dicts keyed by column name."""
        with self._use() as snapshot:
            cursor = snapshot.con.cursor()
            try:
                cursor.execute(sql, list(params))
                names = [d[0] for d in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except duckdb.Error as exc:
                raise StoreError(f"query on {self.path} failed: {exc}") from exc
            finally:
                cursor.close()

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.rows(sql, params)
        return next(iter(rows[0].values())) if rows else None

    def stats(self) -> dict[str, Any]:
        with self._use() as snapshot:
            return dict(snapshot.stats)

    def snapshot_info(self) -> dict[str, Any]:
        """When the current snapshot was taken (ISO time, UTC) and how often the app looks for a newer one."""
        with self._use() as snapshot:
            taken = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(snapshot.taken))
        return {"snapshot_taken": taken, "refresh_seconds": self.refresh_seconds}
