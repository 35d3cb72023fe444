"""Dyad counts: per period from each event's own date, per pair of sides, per quad class; what is left out."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.store import DyadOptions, Store
from dateline.store._dyads import DYAD_COLUMNS, LeftOut, dyad_rows, fetcher, left_out, pair_totals
from tests.store.exports import export_store, first_article


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = export_store(tmp_path_factory.mktemp("dyads") / "news.duckdb")
    with Store(path, read_only=True) as opened:
        yield opened


def counts(store: Store, **options: object) -> list[tuple[object, ...]]:
    rows = dyad_rows(fetcher(store.con), DyadOptions(**options))  # type: ignore[arg-type]
    return [(r["period"], r["actor"], r["recipient"], r["quad"], r["events"], r["instances"], r["dated_by_publication"])
            for r in rows]


def test_by_month_from_each_events_own_date(store: Store) -> None:
    # The meeting (2017-07-07) counts both ways; the accusation of week 26 (Thursday 29 June) falls in June; the
    # planned sanction (2017-07) in July; the rebels have no country; the attack has no date; the denied attack is
    # not counted; the aid is dated only to the year.
    assert counts(store) == [
        ("2017-06", "RUS", "UKR", 3, 1, 1, 0),
        ("2017-07", "RUS", "USA", 1, 1, 1, 0),
        ("2017-07", "USA", "RUS", 1, 1, 1, 0),
        ("2017-07", "USA", "RUS", 3, 1, 1, 0),
    ]
    assert left_out(fetcher(store.con)) == LeftOut(counted=3, undated=1, coarser=1, no_pair=0)


def test_by_week_and_by_year(store: Store) -> None:
    assert counts(store, by="week") == [
        ("2017-W26", "RUS", "UKR", 3, 1, 1, 0),
        ("2017-W27", "RUS", "USA", 1, 1, 1, 0),
        ("2017-W27", "USA", "RUS", 1, 1, 1, 0),
    ]
    assert left_out(fetcher(store.con), DyadOptions(by="week")) == LeftOut(2, 1, 2, 0)
    assert counts(store, by="year") == [
        ("2017", "RUS", "UKR", 3, 1, 1, 0),
        ("2017", "RUS", "USA", 1, 1, 1, 0),
        ("2017", "USA", "RUS", 1, 1, 1, 0),
        ("2017", "USA", "RUS", 3, 1, 1, 0),
        ("2017", "USA", "UKR", 2, 1, 1, 0),
    ]


def test_undated_events_by_publication_only_when_asked(store: Store) -> None:
    by_actor = counts(store, level="actor", undated="publication")
    assert ("2017-07", "rebels", "ukraine.ukr", 4, 1, 1, 1) in by_actor
    assert ("2017-06", "russia.rus", "rebels", 3, 1, 1, 0) in by_actor
    assert ("2017-07", "donald-trump.usa", "vladimir-putin.rus", 1, 1, 1, 0) in by_actor
    assert all(row[6] == 0 for row in counts(store, level="actor"))
    # At the country level the rebels have no country: the attack is dated but makes no pair.
    assert left_out(fetcher(store.con), DyadOptions(undated="publication")) == LeftOut(3, 0, 1, 1)


def test_statuses_and_pairs(store: Store) -> None:
    every = ("occurred", "planned", "hypothetical", "negated")
    assert ("2017-07", "RUS", "UKR", 4, 1, 1, 0) in counts(store, statuses=every)
    assert counts(store, statuses=("occurred",), pair=("USA", "RUS")) == [
        ("2017-07", "RUS", "USA", 1, 1, 1, 0), ("2017-07", "USA", "RUS", 1, 1, 1, 0)]
    assert pair_totals(fetcher(store.con), DyadOptions(by="year")) == [
        {"a": "RUS", "b": "USA", "events": 2}, {"a": "RUS", "b": "UKR", "events": 1},
        {"a": "UKR", "b": "USA", "events": 1}]


def test_real_world_events_use_instance_ids_once_the_store_has_them(tmp_path: Path) -> None:
    path = export_store(tmp_path / "news.duckdb")
    with Store(path) as store:  # a second report of the same article's events
        store.write([dataclasses.replace(first_article(), id="art3", source="art3.txt")])
    with duckdb.connect(str(path)) as con:
        before = dyad_rows(fetcher(con), DyadOptions(by="year"))
        con.execute("UPDATE events SET instance = 'g20-meeting' WHERE id = 'e-meet'")
        after = dyad_rows(fetcher(con), DyadOptions(by="year"))
    def totals(rows: list[dict[str, object]]) -> dict[tuple[object, ...], tuple[object, ...]]:
        return {(r["actor"], r["recipient"], r["quad"]): (r["events"], r["instances"], r["articles"]) for r in rows}
    assert totals(before)[("RUS", "USA", 1)] == (2, 2, 2)
    assert totals(after)[("RUS", "USA", 1)] == (2, 1, 2)
    assert totals(after)[("RUS", "UKR", 3)] == (2, 2, 2)


def test_export_writes_csv_tsv_and_parquet(store: Store, tmp_path: Path) -> None:
    [csv_path] = store.export("dyads", tmp_path / "d.csv")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(DYAD_COLUMNS)
    assert rows[0] == {"period": "2017-06", "period_start": "2017-06-01", "actor": "RUS", "recipient": "UKR",
                       "quad": "3", "quad_code": "VERBAL CONFLICT", "events": "1", "instances": "1", "articles": "1",
                       "intensity_sum": "-3.0", "dated_by_publication": "0"}
    [tsv_path] = store.export("dyads", tmp_path / "d.tsv", DyadOptions(by="year"))
    second_line = tsv_path.read_text(encoding="utf-8").splitlines()[1]
    assert second_line.split("\t")[:5] == ["2017", "2017-01-01", "RUS", "UKR", "3"]
    [parquet] = store.export("dyads", tmp_path, DyadOptions(by="week", level="actor"))
    assert parquet.name == "dyads-actor-week.csv"
    [parquet] = store.export("dyads", tmp_path / "d.parquet")
    with duckdb.connect() as con:
        row = con.execute("SELECT count(*), min(period_start), sum(events) FROM read_parquet(?)",
                          [str(parquet)]).fetchone()
    assert row == (4, dt.date(2017, 6, 1), 4)


def test_an_unknown_level_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown dyad level 'city'"):
        dyad_rows(fetcher(store.con), DyadOptions(level="city"))  # type: ignore[arg-type]


def test_csv_sides_never_start_a_formula(tmp_path: Path) -> None:
    path = export_store(tmp_path / "news.duckdb")
    with duckdb.connect(str(path)) as con:  # an actor key built from a hostile name
        con.execute("UPDATE event_participants SET actor_key = '=cmd' WHERE actor_key = "
                    "(SELECT min(actor_key) FROM event_participants WHERE role = 'actor')")
    with Store(path, read_only=True) as store:
        [csv_path] = store.export("dyads", tmp_path / "d.csv", DyadOptions(level="actor", undated="publication"))
        [parquet] = store.export("dyads", tmp_path / "d.parquet", DyadOptions(level="actor", undated="publication"))
    with csv_path.open(encoding="utf-8", newline="") as handle:
        sides = {row[side] for row in csv.DictReader(handle) for side in ("actor", "recipient")}
    assert "'=cmd" in sides and not any(side.startswith("=") for side in sides)
    with duckdb.connect() as con:  # Parquet is read by code, not spreadsheets: the value stays as stored
        found = con.execute("SELECT count(*) FROM read_parquet(?) WHERE actor = '=cmd'", [str(parquet)]).fetchone()
    assert found == (1,)
