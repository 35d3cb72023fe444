"""Stores as an older dateline wrote them, for the upgrade tests.

The store's history is pinned: ``layouts.json`` holds the tables and columns of
every schema version as that version created them (``test_layout.py`` pins each
new one), and :data:`dateline.store._schema.UPGRADES` the statements that lead
from each version to the next. :func:`older_store` creates the tables of a
version from its pinned layout, so an upgrade test opens the real old layout
(not today's tables with columns dropped), and can fill them with the rows a
store of today holds, as far as the old layout has room for them.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from dateline.store._schema import LAST_BATCH, TABLES
from dateline.store._stories import DerivedTable
from dateline.stories._records import MISSING, NEXT_SEQ

LAYOUTS = Path(__file__).with_name("layouts.json")
#: Each version's tables: table -> ["column TYPE", ...], in column order.
PINNED: dict[str, dict[str, list[str]]] = json.loads(LAYOUTS.read_text(encoding="utf-8"))
#: The version that first kept each ``meta`` key (``schema_version`` is set apart); an older store has none.
META_SINCE = {MISSING: 5, NEXT_SEQ: 5, LAST_BATCH: 6}


def _keys(table: str) -> str:
    """The table's key, which the layout does not pin: meta's, and a derived table's as it declares it."""
    if table == "meta":
        return ", PRIMARY KEY (key)"
    found = TABLES.get(table)
    return f", {found.constraints}" if isinstance(found, DerivedTable) and found.constraints else ""


def older_store(path: Path, version: str, *, rows_from: Path | None = None) -> Path:
    """A store at ``path`` with the tables of schema ``version`` as pinned, and that version in ``meta``.

    ``rows_from``: a store written by this dateline whose rows are copied in, each table's columns that the
    old layout has (columns and tables are only ever added, so nothing else is lost), with the ``meta`` keys
    the old version kept.
    """
    layout = PINNED[version]
    with duckdb.connect(str(path)) as con:
        for table, cols in layout.items():
            con.execute(f"CREATE TABLE {table} ({', '.join(cols)}{_keys(table)})")
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [version])
        if rows_from is not None:
            con.execute("ATTACH ? AS source (READ_ONLY)", [str(rows_from)])
            for table, cols in layout.items():
                if table != "meta":
                    names = ", ".join(col.split(" ", 1)[0] for col in cols)
                    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM source.{table}")
            for key, value in con.execute("SELECT key, value FROM source.meta").fetchall():
                if key != "schema_version" and META_SINCE.get(key, 0) <= int(version):
                    con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])
            con.execute("DETACH source")
    return path
