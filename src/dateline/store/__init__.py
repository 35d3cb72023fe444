"""The DuckDB store: one file holding every processed article, its records and the failures.

>>> with Store("news.duckdb") as store:  # doctest: +SKIP
...     store.write(results)
...     store.stats()["articles"]

Each :meth:`Store.write` is one transaction, so a run killed halfway leaves
whole batches only. Each write that stores articles gets the next number
(``articles.batch``: 1, 2, ...), which orders the stored articles by write
whatever the clock did. An article already stored is skipped unless
``replace=True``. Typed tables (``articles``, ``actors``, ``mentions``,
``events``, ``event_participants``, ``quotes``, ``times``, ``places``,
``failures``) serve queries and exports; the exact contract JSON of each
article is kept beside them (``articles.contract``) so :meth:`Store.article`
returns what the pipeline produced, byte for byte. ``terms`` is a word index
built at write time for full-text search (DuckDB's ``fts`` extension needs a
download).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pyarrow as pa

from dateline.errors import StoreError
from dateline.records import Article, Failure, QuoteKind
from dateline.store._connect import connect, open_error
from dateline.store._dyads import DyadOptions
from dateline.store._prepared import Prepared, prepare
from dateline.store._schema import (
    EXPORT_TABLES,
    SCHEMA_VERSION,
    UPGRADES,
    Rows,
    article_rows,
    ddl,
    next_batch,
    quote_filter,
    terms,
)
from dateline.store._write import clear_failures as _clear_failures
from dateline.store._write import delete as _delete
from dateline.store._write import insert_articles as _insert_articles
from dateline.store._write import known as _known
from dateline.store._write import upsert_failures as _upsert_failures

__all__ = ["DyadOptions", "Prepared", "Rows", "Store", "article_rows", "connect", "open_error", "prepare"]

ExportFormat = Literal["jsonl", "csv", "parquet", "polecat", "dyads"]
#: Actors listed in :meth:`Store.stats`.
TOP_ACTORS = 10
#: Articles fetched at a time by :meth:`Store.iter_articles` (a few MB of contract JSON).
FETCH_ARTICLES = 256


class Store:
    """A dateline store in one DuckDB file. Use it as a context manager, or call :meth:`close`.

    ``hold=False`` keeps no connection open between operations: each write or query opens the file,
    does its work and closes it (the file is then free for other processes between batches, see
    :mod:`dateline.serve`). ``wait`` is how long opening waits for another process to let go of the file.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, hold: bool = True, wait: float = 0.0) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        con = connect(self.path, read_only=read_only, wait=wait)
        try:
            if read_only:
                self._check_version(con)
            else:
                self._create(con)
        except BaseException:
            con.close()
            raise
        self._held: duckdb.DuckDBPyConnection | None = con
        if not hold:
            con.close()
            self._held = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection a holding store keeps open (use :meth:`session` with ``hold=False``)."""
        if self._held is None:
            raise StoreError(f"store {self.path} holds no connection (hold=False); use Store.session()")
        return self._held

    @contextlib.contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation: the held one, or one opened now and closed after."""
        if self._held is not None:
            yield self._held
            return
        con = connect(self.path, read_only=self.read_only, wait=self.wait)
        try:
            yield con
        finally:
            con.close()

    @contextlib.contextmanager
    def holding(self, *, fold: bool = True) -> Iterator[None]:
        """Keep one connection open for the operations inside (a batch written, then linked), closed after.

        ``fold=False``: what was written stays in the store's log (the ``.wal`` file beside it) when the
        connection closes, instead of being folded into the file then (a DuckDB checkpoint, which rewrites the
        last row group of each table written, so costs more as the store grows); readers see it either way,
        and the next close that folds takes it in.
        """
        if self._held is not None:
            yield
            return
        with self.session() as con:
            self._held = con
            try:
                yield
                if not fold:
                    con.execute("PRAGMA disable_checkpoint_on_shutdown")
            finally:
                self._held = None

    # -- lifecycle -----------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    def _create(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            for statement in ddl():
                con.execute(statement)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except duckdb.Error as exc:
            raise StoreError(f"cannot create tables in {self.path}: {exc}") from exc
        self._upgrade(con)
        self._check_version(con)

    def _upgrade(self, con: duckdb.DuckDBPyConnection) -> None:
        """Bring a store of an older schema version to this one in place, one version at a time, each step in
        one transaction (a step cut short leaves the store at the version before it)."""
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = None if row is None else row[0]
        while version in UPGRADES:
            following, statements = UPGRADES[version]
            try:
                con.execute("BEGIN TRANSACTION")
                for statement in statements:
                    con.execute(statement)
                con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [following])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"cannot upgrade {self.path} from store schema version {version} to "
                                 f"{following}: {exc}; re-run `dateline run` into a new file") from exc
            version = following

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path} is a DuckDB file but not a dateline store (it has no meta table); "
                f"name another file with --db, or run `dateline run INPUT --db NEW.duckdb` to create a store"
            ) from exc
        if row is None or row[0] != SCHEMA_VERSION:
            found = None if row is None else row[0]
            how = (f"open it for writing once to upgrade it in place (`dateline upgrade --db {self.path}`)"
                   if found in UPGRADES and self.read_only else "re-run `dateline run` into a new file")
            raise StoreError(
                f"{self.path} has store schema version {found}, this dateline writes version {SCHEMA_VERSION}; {how}"
            )

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self.session() as con:
                return con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {exc}") from exc

    # -- writing -------------------------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` already stored as articles."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        try:
            with self.session() as con:
                return _known(con, wanted)
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {exc}") from exc

    def write(self, results: Sequence[Article | Failure], *, replace: bool = False,
              prepared: Prepared | None = None) -> None:
        """Store a batch of articles and failures in one transaction.

        An article already stored is skipped unless ``replace`` (then its old rows
        go first). A stored article clears earlier failures of its document;
        failures are upserted by (source, stage). ``prepared``: the rows of the articles made ahead where
        they were analyzed (a :class:`Prepared` batch, see :func:`prepare`); without it, the rows are
        made here.
        """
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; open it without read_only to write")
        articles = list({a.id: a for a in results if isinstance(a, Article)}.values())
        failures = [f for f in results if isinstance(f, Failure)]
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.session() as con:
            try:
                con.begin()
                if replace:
                    _delete(con, [a.id for a in articles])
                else:
                    known = _known(con, [a.id for a in articles])
                    articles = [a for a in articles if a.id not in known]
                _insert_articles(con, articles, now, next_batch(con) if articles else None, prepared)
                _clear_failures(con, articles)
                _upsert_failures(con, failures, now)
                con.commit()
            except BaseException as exc:
                with contextlib.suppress(duckdb.Error):  # no transaction open (begin itself failed)
                    con.rollback()
                if isinstance(exc, duckdb.Error | pa.ArrowException):
                    message = f"writing {len(results)} results to {self.path} failed (nothing written): {exc}"
                    raise StoreError(message) from exc
                raise

    # -- reading -------------------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The contract JSON of one article, or None when it is not stored."""
        rows = self._query("SELECT contract FROM articles WHERE id = ?", [article_id])
        return None if not rows else self._contract(article_id, rows[0][0])

    def ids_starting(self, prefix: str, limit: int = 10) -> list[str]:
        """Up to ``limit`` stored article ids that start with ``prefix``, in order (to open one by a short id)."""
        rows = self._query("SELECT id FROM articles WHERE starts_with(id, ?) ORDER BY id LIMIT ?", [prefix, limit])
        return [row[0] for row in rows]

    def find_articles(self, words: Sequence[str] = (), limit: int = 20) -> list[dict[str, Any]]:
        """Stored articles whose title or text holds every word, newest first, with their ids and counts."""
        wanted = sorted(set().union(*(terms(w) for w in words))) if words else []
        where, params = "TRUE", []
        if wanted:
            where = ("id IN (SELECT article_id FROM terms WHERE term IN (SELECT unnest(?::VARCHAR[])) "
                     "GROUP BY article_id HAVING count(*) = ?)")
            params = [wanted, len(wanted)]
        columns = ["id", "published", "title", "site", "source", "n_events", "n_quotes", "duplicate_of"]
        rows = self._query(f"SELECT {', '.join(columns)} FROM articles WHERE {where} "
                           "ORDER BY published DESC NULLS LAST, id LIMIT ?", [*params, limit])
        return [dict(zip(columns, (_iso(v) if isinstance(v, dt.date) else v for v in row), strict=True))
                for row in rows]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every stored article as contract JSON, in id order, fetched in chunks."""
        try:
            with self.session() as con:
                cursor = con.cursor()
                cursor.execute("SELECT id, contract FROM articles ORDER BY id")
                while chunk := cursor.fetchmany(FETCH_ARTICLES):
                    for article_id, contract in chunk:
                        yield self._contract(article_id, contract)
        except duckdb.Error as exc:
            raise StoreError(f"reading articles from {self.path} failed: {exc}") from exc

    def _contract(self, article_id: str, contract: str) -> dict[str, Any]:
        try:
            return dict(json.loads(contract))
        except (TypeError, ValueError) as exc:
            raise StoreError(
                f"article {article_id} in {self.path} has a damaged contract JSON ({exc}); "
                f"reprocess it with `dateline run ... --force`"
            ) from exc

    def quotes(self, speaker: str | None = None, *, kind: QuoteKind | None = None, words: str | None = None,
               limit: int = 100) -> list[dict[str, Any]]:
        """Stored quotes, newest articles first: by ``speaker`` (actor key or id, or part of the name as
        written), ``kind`` ("speech", "stance" or "act") and ``words`` in the quote."""
        clauses, params = quote_filter(speaker, kind, words, name_column="ac.name")
        columns = ["published", "speaker", "speaker_key", "cue", "kind", "direct", "text", "title", "article_id",
                   "start", "end", "negated"]
        rows = self._query(
            f"""SELECT ar.published, coalesce(ac.name, qu.speaker_text), qu.speaker_key, qu.cue, qu.kind, qu.direct,
                       qu.text, ar.title, qu.article_id, qu.start_char, qu.end_char, qu.negated
                FROM quotes qu JOIN articles ar ON ar.id = qu.article_id
                LEFT JOIN actors ac ON ac.article_id = qu.article_id AND ac.id = qu.speaker
                WHERE {" AND ".join(clauses)}
                ORDER BY ar.published DESC NULLS LAST, qu.article_id, qu.start_char LIMIT ?""",
            [*params, limit],
        )
        return [dict(zip(columns, (_iso(v) if isinstance(v, dt.date) else v for v in row), strict=True))
                for row in rows]

    def failures(self) -> list[Failure]:
        """Every recorded failure, oldest first."""
        rows = self._query("SELECT source, stage, error, message, doc_id FROM failures ORDER BY failed_at, source")
        return [Failure(*row) for row in rows]

    def stats(self) -> dict[str, Any]:
        """Counts per table, events per type and quad class, top actors, date range, failures per stage."""
        counts = {name: self._query(f"SELECT count(*) FROM {name}")[0][0] for name in EXPORT_TABLES}
        first, last = self._query("SELECT min(published), max(published) FROM articles")[0]
        return {
            **counts,
            "events_by_type": dict(self._query("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")),
            "events_by_quad": {
                str(k): v for k, v in self._query("SELECT quad, count(*) FROM events GROUP BY 1 ORDER BY 1")
            },
            "top_actors": [
                {"key": key, "name": name, "country": country, "articles": n}
                for key, name, country, n in self._query(
                    "SELECT key, mode(name), any_value(country), count(DISTINCT article_id) AS n FROM actors "
                    "GROUP BY key ORDER BY n DESC, key LIMIT ?",
                    [TOP_ACTORS],
                )
            ],
            "published": {"first": _iso(first), "last": _iso(last)},
            "failures_by_stage": dict(self._query("SELECT stage, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC")),
        }

    # -- export --------------------------------------------------------------------------------------------

    def export(self, fmt: ExportFormat, out: Path, dyads: DyadOptions | None = None) -> list[Path]:
        """Write the store out; return the files written.

        ``jsonl``: one contract object per line in one file (``out``, or
        ``out/articles.jsonl`` when ``out`` is a folder). ``csv``/``parquet``:
        the folder ``out`` with one file per table. ``polecat``: one event per
        line in POLECAT's tab-separated layout (``out``, or ``out/events.tsv``).
        ``dyads``: events per period, actor, recipient and quad class, counted
        as ``dyads`` says (a ``.csv``, ``.tsv`` or ``.parquet`` file).
        """
        from dateline.store._export import export

        return export(self, fmt, Path(out), dyads or DyadOptions())


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()
