"""The DuckDB store, on real files: write, skip, replace, failures, exports, atomicity, round-trip."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import StoreError
from dateline.records import (
    Actor,
    Article,
    Boilerplate,
    Event,
    EventDate,
    Failure,
    Place,
    Quote,
    Span,
    TimeExpr,
    make_span,
)
from dateline.serialize import article_to_dict
from dateline.store import Store

TEXT = 'Trump met Putin in Hamburg on Friday. "We talked," Trump said.'


def handmade(article_id: str = "a1", text: str = TEXT) -> Article:
    """An article with one of every record, built by hand."""
    trump = Actor("a-trump", "Donald Trump", "person", "USA", "GOV", (make_span(text, 0, 5),), title="President")
    putin = Actor("a-putin", "Vladimir Putin", "person", "RUS", "GOV", (make_span(text, 10, 15),))
    hamburg = Place(make_span(text, 19, 26), "Hamburg", "DEU", 53.55, 10.0, 2911298)
    meeting = Event(
        "e-meet",
        "CONSULT",
        ("a-trump", "a-putin"),
        (),
        "occurred",
        make_span(text, 6, 9),
        make_span(text, 0, 37),
        date=EventDate("2017-07-07", "Friday"),
        place=hamburg,
        quad=1,
        intensity=1.0,
    )
    quote = Quote("q-1", make_span(text, 39, 48), True, "a-trump", make_span(text, 51, 56), make_span(text, 57, 61))
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        title="Trump and Putin meet",
        authors=("Mike Eckel",),
        published=dt.date(2017, 7, 7),
        boilerplate=(Boilerplate("navigation", "Accessibility links"),),
        actors=(trump, putin),
        events=(meeting,),
        quotes=(quote,),
        times=(TimeExpr(make_span(text, 30, 36), "2017-07-07"),),
        places=(hamburg,),
    )


def count(path: Path, table: str) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


def test_write_then_read_back(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([handmade()])
        assert store.known_ids(["a1", "nope"]) == {"a1"}
        assert store.article("a1") == article_to_dict(handmade())
        assert store.article("nope") is None
        stats = store.stats()
    assert stats["articles"] == 1 and stats["events"] == 1 and stats["event_participants"] == 2
    assert stats["events_by_type"] == {"CONSULT": 1}
    assert stats["top_actors"][0]["key"] in {"donald-trump.usa", "vladimir-putin.rus"}
    assert stats["published"] == {"first": "2017-07-07", "last": "2017-07-07"}
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT day, place_lat, trigger_text FROM events").fetchone()
        said = con.execute("SELECT speaker_key, cue, direct, kind FROM quotes").fetchall()
    assert row == (dt.date(2017, 7, 7), 53.55, "met")
    assert said == [("donald-trump.usa", "said", True, "speech")]


def test_rewrite_skips_and_replace_replaces(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([handmade(), handmade()])
        store.write([handmade()])
        changed = Article(id="a1", source="a1.txt", text="Short text.")
        store.write([changed])
        assert store.article("a1") == article_to_dict(handmade())
        store.write([changed], replace=True)
        assert store.article("a1") == article_to_dict(changed)
    for table, expected in {"articles": 1, "actors": 0, "mentions": 0, "events": 0, "quotes": 0, "times": 0}.items():
        assert count(db, table) == expected, table


def test_failures_upserted_and_cleared(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        store.write([Failure("a1.txt", "clean", "InputError", "empty", "a1"), Failure("b.txt", "read", "E", "one")])
        store.write([Failure("b.txt", "read", "E", "two")])
        assert sorted((f.source, f.message) for f in store.failures()) == [("a1.txt", "empty"), ("b.txt", "two")]
        store.write([handmade()])
        assert [f.source for f in store.failures()] == ["b.txt"]
        assert store.stats()["failures_by_stage"] == {"read": 1}


def test_batch_is_one_transaction(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    bad_event = Event("e-bad", "ASSAULT", (), (), "occurred", make_span(TEXT, 0, 5), make_span(TEXT, 0, 5), quad="x")  # type: ignore[arg-type]
    bad = Article(id="bad", source="bad.txt", text=TEXT, events=(bad_event,))
    with Store(db) as store:
        with pytest.raises(StoreError, match="nothing written"):
            store.write([handmade("good"), bad, Failure("f.txt", "read", "E", "m")])
        assert store.known_ids(["good", "bad"]) == set()
        assert store.failures() == []
        store.write([handmade("good")])  # the store is still usable
        assert store.known_ids(["good"]) == {"good"}


def test_exports_in_all_formats(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        store.write([handmade("a1"), handmade("a2"), Failure("x.txt", "read", "E", "m")])
        [jsonl] = store.export("jsonl", tmp_path / "out.jsonl")
        csvs = store.export("csv", tmp_path / "csv")
        parquets = store.export("parquet", tmp_path / "parquet")
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert lines == [article_to_dict(handmade("a1")), article_to_dict(handmade("a2"))]
    assert {p.name for p in csvs} >= {"articles.csv", "events.csv", "event_participants.csv", "failures.csv"}
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["type"] for r in rows] == ["CONSULT", "CONSULT"] and rows[0]["evidence_text"] == TEXT[:37]
    with duckdb.connect() as con:
        row = con.execute(
            "SELECT count(*), min(lat) FROM read_parquet(?)", [str(tmp_path / "parquet" / "places.parquet")]
        ).fetchone()
    assert row == (2, 53.55) and len(parquets) == len(csvs)


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    text = '=cmd|"/C calc"!A0 ' + TEXT
    article = dataclasses.replace(handmade("@id", text), title="=HYPERLINK(\"http://x\")")
    hostile = Failure("-x.txt", "read", "E", "+1 then \t")
    with Store(tmp_path / "news.duckdb") as store:
        store.write([article, hostile])
        store.export("csv", tmp_path / "csv")
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["id"] == "'@id" and row["title"] == "'=HYPERLINK(\"http://x\")" and row["text"] == "'" + text
    assert row["source"] == "'@id.txt" and row["published"] == "2017-07-07" and row["n_events"] == "1"
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        [event] = list(csv.DictReader(handle))
    assert event["evidence_text"] == "'" + text[:37] and event["type"] == "CONSULT"
    with (tmp_path / "csv" / "failures.csv").open(encoding="utf-8") as handle:
        [failure] = list(csv.DictReader(handle))
    assert failure["source"] == "'-x.txt" and failure["message"] == "'+1 then \t"


@pytest.mark.parametrize("read_only", [True, False])
def test_a_folder_named_as_the_store_is_refused_with_what_to_name(tmp_path: Path, read_only: bool) -> None:
    with pytest.raises(StoreError, match=r"is a folder, not a store: name the store's file \(such as .*news\.duckdb"):
        Store(tmp_path, read_only=read_only)
    assert list(tmp_path.iterdir()) == []


def test_read_only_store(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with pytest.raises(StoreError, match="no store at"):
        Store(db, read_only=True)
    with Store(db) as store:
        store.write([handmade()])
    with Store(db, read_only=True) as store:
        assert [a["id"] for a in store.iter_articles()] == ["a1"]
        with pytest.raises(StoreError, match="read-only"):
            store.write([handmade("a2")])


def test_store_held_by_another_process_says_so(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys,time; c=duckdb.connect({str(db)!r}); print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another process holds it"):
            Store(db, read_only=True)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE x (a INTEGER)")
    with pytest.raises(StoreError, match="not a dateline store"):
        Store(path, read_only=True)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=1, max_size=80))
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        return make_span(text, start, draw(st.integers(start, n)))

    actors = tuple(
        Actor(
            f"a{i}",
            draw(st.text(min_size=1, max_size=12)),
            "person",
            draw(st.sampled_from([None, "USA", "IGO"])),
            draw(st.sampled_from([None, "GOV"])),
            tuple(span() for _ in range(draw(st.integers(0, 2)))),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    ids = [a.id for a in actors]
    events = tuple(
        Event(
            f"e{i}",
            draw(st.sampled_from(["AGREE", "ASSAULT"])),
            tuple(draw(st.lists(st.sampled_from(ids), max_size=2))) if ids else (),
            (),
            draw(st.sampled_from(["occurred", "planned"])),
            span(),
            span(),
            date=draw(st.sampled_from([None, EventDate("2019-01-02", "today"), EventDate("XXXX-07-07", "July 7")])),
            quad=draw(st.sampled_from([None, 1, 4])),
            intensity=draw(st.sampled_from([None, -7.5])),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    quotes = tuple(
        Quote(f"q{i}", span(), draw(st.booleans())) for i in range(draw(st.integers(0, 2)))
    )
    places = tuple(
        Place(span(), "P", None, draw(st.sampled_from([None, 1.5])))
        for _ in range(draw(st.integers(0, 1)))
    )
    return Article(
        id=draw(st.text("abcdef0123456789", min_size=1, max_size=8)),
        source="s",
        text=text,
        title=draw(st.one_of(st.none(), st.text(max_size=20))),
        published=draw(st.one_of(st.none(), st.dates())),
        actors=actors,
        events=events,
        quotes=quotes,
        places=places,
        times=tuple(
            TimeExpr(span(), draw(st.sampled_from([None, "2017-02-30", "2017-W27"])))
            for _ in range(draw(st.integers(0, 1)))
        ),
    )


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("rt") / "rt.duckdb") as store:
        yield store


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_round_trip_article_store_contract(shared_store: Store, article: Article) -> None:
    shared_store.write([article], replace=True)
    assert shared_store.article(article.id) == article_to_dict(article)
    assert shared_store.known_ids([article.id]) == {article.id}
    row = shared_store.con.execute("SELECT count(*) FROM events WHERE article_id = ?", [article.id]).fetchone()
    assert row == (len(article.events),)


def test_a_damaged_contract_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([handmade("a1")])
        store.con.execute("UPDATE articles SET contract = '{\"id\": ' WHERE id = 'a1'")
        with pytest.raises(StoreError, match=r"a1 .* damaged contract JSON"):
            store.article("a1")
        with pytest.raises(StoreError, match="damaged contract JSON"):
            list(store.iter_articles())
