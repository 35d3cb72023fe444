"""The store's tables follow the records: every field is stored, the layout is pinned to its version.

Adding a field to a record adds a column by itself; the layout test below then
fails until SCHEMA_VERSION is bumped and the new layout recorded in layouts.json,
so that stores of the old layout are refused with a message instead of failing
on the first insert.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dateline.records import EventStatus, Span
from dateline.serialize import article_to_dict
from dateline.store import Store
from dateline.store._columns import Context, RecordTable, record_table
from dateline.store._schema import EXPORT_TABLES, SCHEMA_VERSION, TABLES, columns
from tests.full_article import full_article

LAYOUTS = Path(__file__).with_name("layouts.json")


def _layout(db: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "ORDER BY table_name, ordinal_position").fetchall()
    layout: dict[str, list[str]] = {}
    for table, column, sql in rows:
        layout.setdefault(table, []).append(f"{column} {sql}")
    return layout


def test_the_layout_is_the_one_pinned_for_this_version(tmp_path: Path) -> None:
    Store(tmp_path / "new.duckdb").close()
    layout = _layout(tmp_path / "new.duckdb")
    pinned = json.loads(LAYOUTS.read_text(encoding="utf-8"))
    assert SCHEMA_VERSION in pinned, f"add the layout of store version {SCHEMA_VERSION} to {LAYOUTS.name}"
    assert layout == pinned[SCHEMA_VERSION], (
        f"the store layout changed: bump SCHEMA_VERSION (now {SCHEMA_VERSION}) in dateline/store/_schema.py and add "
        f"the new layout to {LAYOUTS.name} under the new version:\n{json.dumps(layout, indent=1)}"
    )


@pytest.mark.parametrize("table", [t for t in TABLES.values() if isinstance(t, RecordTable)], ids=lambda t: t.name)
def test_every_field_of_a_record_has_a_column_or_a_place_elsewhere(table: RecordTable) -> None:
    fields = {f.name for f in dataclasses.fields(table.record) if f.compare}
    stored = {c.field for c in table.columns if c.field is not None}
    assert fields - stored - set(table.elsewhere) == set()
    assert set(table.elsewhere) <= fields, "'elsewhere' names a field the record does not have"
    assert stored & set(table.elsewhere) == set(), "a field is both a column and stored elsewhere"


def test_every_field_reaches_the_store_and_the_exports(tmp_path: Path) -> None:
    article = full_article()
    with Store(tmp_path / "full.duckdb") as store:
        store.write([article])
        assert store.article(article.id) == article_to_dict(article)
        for name, table in TABLES.items():
            if isinstance(table, RecordTable) and name != "failures":
                count = store.con.execute(f"SELECT count(*) FROM {name}").fetchone()
                assert count == (len(list(table.records(article))),), name
        csvs = store.export("csv", tmp_path / "csv")
        parquets = store.export("parquet", tmp_path / "parquet")
    assert [p.stem for p in csvs] == [p.stem for p in parquets] == list(EXPORT_TABLES)
    for path in csvs:
        with path.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        expected = [name for name, _ in columns(path.stem) if (path.stem, name) != ("articles", "contract")]
        assert header == expected, path.stem
    with duckdb.connect() as con:
        row = con.execute("SELECT place_geonames_id, date_value, trigger_text, contexts FROM read_parquet(?)",
                          [str(tmp_path / "parquet" / "events.parquet")]).fetchone()
    assert row == (2911298, "2017-07-07", "met", ["diplomacy"])


@dataclass(frozen=True)
class Sighting:
    """A record as a new stage might add one."""

    id: str
    status: EventStatus
    trigger: Span
    where: Span | None = None
    seen: dt.date | None = None
    score: float | None = None
    count: int = 0
    tags: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


def test_the_columns_of_a_new_record_are_derived_from_its_fields() -> None:
    """What adding a record field takes of the store: nothing, unless its type needs a layout entry."""
    table = record_table("sightings", Sighting, lambda article: (), layout=["id"],
                         elsewhere={"spans": "the contract JSON"})
    assert [(c.name, c.sql) for c in table.columns] == [
        ("id", "VARCHAR"), ("status", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("trigger_text", "VARCHAR"), ("where_start", "INTEGER"), ("where_end", "INTEGER"), ("where_text", "VARCHAR"),
        ("seen", "DATE"), ("score", "DOUBLE"), ("count", "BIGINT"), ("tags", "VARCHAR[]"),
    ]
    sighting = Sighting("s1", "occurred", Span(2, 5, "fox"), None, dt.date(2020, 1, 2), 0.5, 3, ("animal",))
    assert table.row(sighting, Context()) == ["s1", "occurred", 2, 5, "fox", None, None, None, dt.date(2020, 1, 2),
                                              0.5, 3, ["animal"]]
    with pytest.raises(TypeError, match=r"Sighting.spans .* has no column rule"):
        record_table("sightings", Sighting, lambda article: (), layout=["id"], elsewhere={})
