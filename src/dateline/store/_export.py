"""Exports of the store: JSONL (contract objects), CSV and Parquet (one file per table), POLECAT and dyads.

``polecat`` writes one event per line in the layout of POLECAT's released
files (:mod:`dateline.store._polecat`); ``dyads`` writes event counts per
period, actor side, recipient side and quad class (:mod:`dateline.store._dyads`).
Every column of every format is described by ``dateline export --describe``
(:mod:`dateline.store._dictionary`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from dateline.errors import StoreError
from dateline.store._dyads import DyadOptions, dyad_query, fetcher
from dateline.store._polecat import write_polecat
from dateline.store._schema import EXPORT_TABLES
from dateline.store._sql import sql_string

if TYPE_CHECKING:
    from dateline.store import ExportFormat, Store

__all__ = ["FORMATS", "export", "sql_string"]

#: Every export format.
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "polecat", "dyads")
#: Columns left out of table exports: the contract JSON is what the JSONL export is for.
_EXCLUDED = {"articles": "contract"}
#: COPY options of a dyad table, by the suffix of the file asked for (CSV otherwise).
_DYAD_FILES = {".parquet": "FORMAT parquet, COMPRESSION zstd", ".tsv": "FORMAT csv, DELIMITER '\\t', HEADER true",
               ".csv": "FORMAT csv, HEADER true"}
#: First characters that make a spreadsheet read a cell as a formula (or a command, with tab and CR).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(store: Store, fmt: ExportFormat, out: Path, dyads: DyadOptions = DyadOptions()) -> list[Path]:
    if fmt == "jsonl":
        return [_export_jsonl(store, out)]
    if fmt in ("csv", "parquet"):
        return _export_tables(store, fmt, out)
    if fmt == "polecat":
        return [_export_polecat(store, _file(out, "events.tsv"))]
    if fmt == "dyads":
        return [_export_dyads(store, _file(out, f"dyads-{dyads.level}-{dyads.by}.csv"), dyads)]
    raise StoreError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")


def _file(out: Path, name: str) -> Path:
    """``out``, or ``out/name`` when ``out`` is a folder; its folder created."""
    target = out / name if out.is_dir() else out
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder of {target}: {exc}") from exc
    return target


def _export_jsonl(store: Store, out: Path) -> Path:
    target = _file(out, "articles.jsonl")
    try:
        with target.open("w", encoding="utf-8") as handle:
            for article in store.iter_articles():
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StoreError(f"cannot write JSONL export to {target}: {exc}") from exc
    return target


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
            if fmt == "csv":
                select = _as_text_cells(store, select)
            store.con.execute(f"COPY ({select}) TO {sql_string(str(target))} ({options})")
        except duckdb.Error as exc:
            raise StoreError(f"exporting table {table} to {target} failed: {exc}") from exc
        written.append(target)
    return written


def _countries() -> list[tuple[str, str]]:
    """ISO-3 code and name of every country dateline knows (POLECAT writes actor countries by name)."""
    from dateline.lang import resources

    return [(c["iso3"], c["name"]) for c in resources().packaged("countries", "1")["countries"]]


def _export_polecat(store: Store, target: Path) -> Path:
    try:
        write_polecat(store.con, target, _countries())
    except duckdb.Error as exc:
        raise StoreError(f"exporting events to {target} (polecat) failed: {exc}") from exc
    return target


def _export_dyads(store: Store, target: Path, options: DyadOptions) -> Path:
    sql, params = dyad_query(fetcher(store.con), options)
    copy = _DYAD_FILES.get(target.suffix.lower(), _DYAD_FILES[".csv"])
    if not copy.startswith("FORMAT parquet"):
        sql = _names_as_text(sql)
    try:
        store.con.execute(f"COPY ({sql}) TO {sql_string(str(target))} ({copy})", params)
    except duckdb.Error as exc:
        raise StoreError(f"exporting dyads to {target} failed: {exc}") from exc
    return target


def _names_as_text(select: str) -> str:
    """A dyad ``select`` whose side names (actor names come from any article) a spreadsheet keeps as text."""
    starts = ", ".join(sql_string(c) for c in FORMULA_START)
    cells = ", ".join(f"CASE WHEN left({side}, 1) IN ({starts}) THEN '''' || {side} ELSE {side} END AS {side}"
                      for side in ("actor", "recipient"))
    return f"SELECT * REPLACE ({cells}) FROM ({select})"


def _as_text_cells(store: Store, select: str) -> str:
    """``select`` with every text cell that a spreadsheet would run as a formula given a leading ``'``.

    Article text, titles and ids come from anywhere: ``=HYPERLINK(...)`` in a title must stay text.
    Numbers (a negative intensity) are left as they are: a spreadsheet reads them as numbers.
    """
    starts = ", ".join(sql_string(c) for c in FORMULA_START)
    columns = []
    for name, kind, *_ in store.con.execute(f"DESCRIBE {select}").fetchall():
        quoted = '"' + str(name).replace('"', '""') + '"'
        if kind == "VARCHAR":
            columns.append(f"CASE WHEN left({quoted}, 1) IN ({starts}) THEN '''' || {quoted} ELSE {quoted} END "
                           f"AS {quoted}")
        else:
            columns.append(quoted)
    return f"SELECT {', '.join(columns)} FROM ({select})"
