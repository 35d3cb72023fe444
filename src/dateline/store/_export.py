"""Exports of the store: JSONL (contract objects), CSV and Parquet (one file per table)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from dateline.errors import StoreError
from dateline.store._schema import EXPORT_TABLES

if TYPE_CHECKING:
    from dateline.store import ExportFormat, Store

__all__ = ["export"]

#: Columns left out of table exports: the contract JSON is what the JSONL export is for.
_EXCLUDED = {"articles": "contract"}


def export(store: Store, fmt: ExportFormat, out: Path) -> list[Path]:
    if fmt == "jsonl":
        return [_export_jsonl(store, out)]
    if fmt in ("csv", "parquet"):
        return _export_tables(store, fmt, out)
    raise StoreError(f"unknown export format {fmt!r}; use jsonl, csv or parquet")


def _export_jsonl(store: Store, out: Path) -> Path:
    target = out / "articles.jsonl" if out.is_dir() else out
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            for article in store.iter_articles():
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StoreError(f"cannot write JSONL export to {target}: {exc}") from exc
    return target


def sql_string(value: str) -> str:
    """A SQL string literal, for the statements that take no parameter for a path (COPY, ATTACH)."""
    return "'" + value.replace("'", "''") + "'"


def _export_tables(store: Store, fmt: str, out: Path) -> list[Path]:
    if out.exists() and not out.is_dir():
        raise StoreError(f"{fmt} export needs a folder, and {out} is a file; give a folder path")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create export folder {out}: {exc}") from exc
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet, COMPRESSION zstd"
    written: list[Path] = []
    for table in EXPORT_TABLES:
        target = out / f"{table}.{fmt}"
        excluded = _EXCLUDED.get(table)
        select = f"SELECT * EXCLUDE ({excluded}) FROM {table}" if excluded else f"SELECT * FROM {table}"
        try:
            store.con.execute(f"COPY ({select}) TO {sql_string(str(target))} ({options})")
        except duckdb.Error as exc:
            raise StoreError(f"exporting table {table} to {target} failed: {exc}") from exc
        written.append(target)
    return written
