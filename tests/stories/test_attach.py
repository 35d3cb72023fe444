"""Linking stored articles into stories and their events into instances, a batch at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.records import Actor, Article, Event, EventDate, TimeExpr
from dateline.store import Store
from dateline.stories import Attached, attach
from tests.store.exports import first_article, second_article, sentence, span

HAMBURG = (
    "Donald Trump met Russian President Vladimir Putin in Hamburg on July 7, their first meeting. "
    "Putin accused Ukraine of shelling Donetsk, and Washington plans sanctions on Moscow."
)
QUAKE = (
    "A powerful earthquake struck central Chile early on Saturday, toppling buildings in Concepcion. "
    "Rescuers searched the rubble for survivors as aftershocks shook the region."
)


def hamburg_report() -> Article:
    """Another outlet's report of the Hamburg meeting of ``first_article``."""
    t = HAMBURG
    trump = Actor("a-trump", "Donald Trump", "person", "USA", "GOV", (span(t, "Donald Trump"),))
    putin = Actor("a-putin", "Vladimir Putin", "person", "RUS", "GOV", (span(t, "Vladimir Putin"), span(t, "Putin", 1)))
    meet = Event("e-met", "CONSULT", ("a-trump", "a-putin"), (), "occurred", span(t, "met"), sentence(t, "Donald"),
                 date=EventDate("2017-07-07", "July 7"), quad=1)
    talks = Event("e-talks", "CONSULT", ("a-trump", "a-putin"), (), "planned", span(t, "meeting"),
                  sentence(t, "Donald"), quad=1)
    return Article(id="art-hamburg", source="h.txt", site="news.example.net", title="Trump meets Putin in Hamburg",
                   published=dt.date(2017, 7, 7), language="en", text=t, actors=(trump, putin), events=(meet, talks))


def quake_report() -> Article:
    return Article(id="art-quake", source="q.txt", site="example.org", title="Earthquake strikes Chile",
                   published=dt.date(2017, 7, 8), language="en", text=QUAKE)


def stories(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT id, story FROM articles").fetchall())


def linked_in_two_runs(path: Path, first: list[Article], then: list[Article]) -> dict[str, str]:
    """The story of each article of a new store at ``path`` that links ``first`` in one run, ``then`` in the next."""
    with Store(path) as store:
        store.write(first)
        attach(store)
        store.write(then)
        attach(store)
        return stories(store)


def instance(store: Store, article: str, event: str) -> str:
    row = store.con.execute("SELECT instance FROM events WHERE article_id = ? AND id = ?", [article, event]).fetchone()
    assert row is not None and row[0] is not None
    return str(row[0])


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.duckdb") as opened:
        opened.write([first_article(), second_article(), quake_report()])
        attach(opened)
        opened.write([hamburg_report()])
        yield opened


def dated_quake_report(id_: str, stamp: str, value: str, published: dt.date | None) -> Article:
    """A report of the Chile quake whose lead names one day (a date line the page kept, or the quake's day)."""
    t = f"{stamp}. {QUAKE}"
    return Article(id=id_, source=f"{id_}.txt", site="example.org", title="Earthquake strikes Chile",
                   published=published, language="en", text=t, times=(TimeExpr(span(t, stamp), value),))


def test_undated_reports_whose_leads_name_other_days_share_a_story(tmp_path: Path) -> None:
    with Store(tmp_path / "undated.duckdb") as store:
        store.write([dated_quake_report("q1", "Posted February 27, 2010", "2010-02-27", None)])
        attach(store)
        store.write([dated_quake_report("q2", "Posted March 3, 2010", "2010-03-03", None)])
        attach(store)
        undated = stories(store)
    with Store(tmp_path / "dated.duckdb") as store:
        store.write([dated_quake_report("q3", "Struck on February 27, 2010", "2010-02-27", dt.date(2010, 3, 3))])
        attach(store)
        store.write([dated_quake_report("q4", "Struck on March 3, 2010", "2010-03-03", dt.date(2010, 3, 4))])
        attach(store)
        dated = stories(store)
    assert undated["q1"] == undated["q2"]  # the day each names may be its own report day, which is not known
    assert dated["q3"] != dated["q4"]  # dated reports whose leads name days four days apart stay apart


def test_reports_of_one_incident_share_a_story_and_others_do_not(store: Store) -> None:
    assert attach(store) == Attached(articles=1, new_stories=0, events=2, new_instances=1)
    found = stories(store)
    assert found["art-hamburg"] == found["art1"]
    assert len({found["art1"], found["art2"], found["art-quake"]}) == 3


def test_one_meeting_is_one_instance_and_a_planned_meeting_another(store: Store) -> None:
    attach(store)
    meeting = instance(store, "art1", "e-meet")
    assert instance(store, "art-hamburg", "e-met") == meeting
    assert instance(store, "art-hamburg", "e-talks") != meeting
    row = store.con.execute("SELECT type, status, date_value, mentions, articles, sources, first_report, last_report "
                            "FROM instances WHERE id = ?", [meeting]).fetchone()
    assert row == ("CONSULT", "occurred", "2017-07-07", 2, 2, 2, dt.date(2017, 7, 7), dt.date(2017, 7, 8))


def test_a_run_links_only_what_it_added_and_moves_nothing(store: Store) -> None:
    before = stories(store)
    meeting = instance(store, "art1", "e-meet")
    assert attach(store).articles == 1
    assert attach(store) == Attached()  # nothing left to link
    after = stories(store)
    assert {k: v for k, v in after.items() if k != "art-hamburg"} == {k: v for k, v in before.items() if v}
    assert instance(store, "art1", "e-meet") == meeting


def test_the_story_tables_and_the_contract_carry_the_links(store: Store, tmp_path: Path) -> None:
    attach(store)
    story = stories(store)["art1"]
    row = store.con.execute("SELECT first_article, articles, sources, first_report, last_report, events "
                            "FROM stories WHERE id = ?", [story]).fetchone()
    assert row == ("art1", 2, 2, dt.date(2017, 7, 7), dt.date(2017, 7, 8), 7)
    [jsonl] = store.export("jsonl", tmp_path / "out.jsonl")
    articles = {a["id"]: a for a in map(json.loads, jsonl.read_text(encoding="utf-8").splitlines())}
    assert articles["art-hamburg"]["story"] == story
    assert {e["id"]: e["instance"] for e in articles["art-hamburg"]["events"]}["e-met"] == instance(store, "art1",
                                                                                                   "e-meet")


def test_a_replaced_article_leaves_its_story_and_is_linked_again(store: Store) -> None:
    attach(store)
    story = stories(store)["art1"]
    store.write([dataclasses.replace(hamburg_report(), title="Changed")], replace=True)
    assert stories(store)["art-hamburg"] is None
    assert store.con.execute("SELECT articles FROM stories WHERE id = ?", [story]).fetchone() == (1,)
    assert attach(store).articles == 1 and stories(store)["art-hamburg"] == story


def test_a_near_duplicate_takes_its_originals_story(store: Store) -> None:
    copy = dataclasses.replace(quake_report(), id="art-copy", source="c.txt", site="copies.example", events=(),
                               duplicate_of="art-quake")
    store.write([copy])
    attach(store)
    assert stories(store)["art-copy"] == stories(store)["art-quake"]


def test_a_read_only_store_is_refused(tmp_path: Path) -> None:
    Store(tmp_path / "s.duckdb").close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        attach(store)


def test_a_store_that_holds_no_connection_is_linked_in_a_session(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([first_article(), hamburg_report()])
    loose = Store(path, hold=False)
    assert attach(loose).articles == 2
    with Store(path, read_only=True) as store:
        assert len(set(stories(store).values())) == 1
