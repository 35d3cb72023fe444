"""The rows of one write to the store (:meth:`dateline.store.Store.write`), inside its transaction: which
articles are stored already, the old rows of those replaced, the new rows inserted, and the failures cleared and
upserted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pyarrow as pa

from dateline.records import Article, Failure
from dateline.store._prepared import Prepared, arrow_rows
from dateline.store._schema import PER_ARTICLE, article_rows, failure_row
from dateline.store._stories import refresh, touched_by

__all__ = ["clear_failures", "delete", "insert_articles", "known", "upsert_failures"]


def known(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """The ids among ``ids`` stored as articles."""
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
    return {row[0] for row in rows}


def delete(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """The articles of ``ids`` and their rows removed, and the stories and instances they were in linked again."""
    if not ids:
        return
    stories, instances = touched_by(con, ids)
    for table in PER_ARTICLE:
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    refresh(con, stories, instances)  # the stories step links the articles again


def insert_articles(con: duckdb.DuckDBPyConnection, articles: list[Article], now: dt.datetime, batch: int | None,
                    prepared: Prepared | None) -> None:
    """The rows of ``articles``, written in ``batch`` at ``now``: the ``prepared`` ones, else made here."""
    if prepared is not None:
        for table, pieces in prepared.tables_for(articles, now, batch).items():
            _insert_table(con, table, pa.concat_tables(pieces) if len(pieces) != 1 else pieces[0])
        return
    collected: dict[str, list[list[Any]]] = {}
    for article in articles:
        for table, rows in article_rows(article, now, batch).items():
            collected.setdefault(table, []).extend(rows)
    for table, rows in collected.items():
        _insert(con, table, rows)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    if rows:
        _insert_table(con, table, arrow_rows(table, rows))


def _insert_table(con: duckdb.DuckDBPyConnection, table: str, incoming: pa.Table) -> None:
    if not incoming.num_rows:
        return
    con.register("_incoming", incoming)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def clear_failures(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> None:
    """Earlier failures of the documents of ``articles`` removed: they are stored now."""
    if not articles:
        return
    con.execute(
        "DELETE FROM failures WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) "
        "OR (doc_id IS NULL AND source IN (SELECT unnest($2::VARCHAR[])))",
        [[a.id for a in articles], [a.source for a in articles]],
    )


def upsert_failures(con: duckdb.DuckDBPyConnection, failures: list[Failure], now: dt.datetime) -> None:
    """``failures`` recorded at ``now``, each in place of an earlier one of its source and stage."""
    if not failures:
        return
    latest = {(f.source, f.stage): f for f in failures}
    pairs = [[source, stage] for source, stage in latest]
    con.execute("DELETE FROM failures WHERE [source, stage] IN (SELECT unnest(?::VARCHAR[][]))", [pairs])
    _insert(con, "failures", [failure_row(f, now) for f in latest.values()])
