"""A read-only view of the store for the web app: one connection, one cursor per query.

The connection is an in-memory database with the store attached read-only and
a few derived tables (:mod:`dateline.serve._prepare`). DuckDB connections are
not meant to be shared between threads; cursors made from one connection are,
so every request gets its own (FastAPI runs plain ``def`` endpoints in a
thread pool).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.serve._prepare import prepare
from dateline.store import Store, open_error
from dateline.store._schema import like

__all__ = ["Database", "like"]

Row = dict[str, Any]


class Database:
    """The store opened read-only, queried with parameters only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with Store(self.path, read_only=True) as store:  # checks the path and the schema version
            self._stats = store.stats()  # the store cannot change while the app holds it
        self.con = duckdb.connect(":memory:")
        try:
            prepare(self.con, str(self.path))
        except duckdb.Error as exc:
            self.con.close()
            raise open_error(self.path, exc) from exc
        self._lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one parameterized query; the rows as dicts keyed by column name."""
        with self._lock:
            cursor = self.con.cursor()
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
        return dict(self._stats)
