"""The write order (``articles.batch``) on real files: one number per write that stores articles, kept through
upgrades, replaced articles and a write killed halfway."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb

from dateline.records import Article, Failure
from dateline.store import Store
from dateline.store._schema import LAST_BATCH, SCHEMA_VERSION
from dateline.stories import attach
from dateline.stories._read import pending
from tests.store.exports import first_article, second_article
from tests.store.older import older_store
from tests.stories.test_attach import hamburg_report


def article(article_id: str, text: str = "The council opened a new library on Monday.") -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text)


def batches(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT id, batch FROM articles ORDER BY id").fetchall())


def last_batch(db: Path) -> str | None:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [LAST_BATCH]).fetchone()
    return None if row is None else str(row[0])


def test_each_write_that_stores_articles_gets_the_next_number(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([article("a1"), article("a2")])
        store.write([article("b1")])
        store.write([article("a1"), Failure("c.txt", "read", "E", "unreadable")])  # stores nothing new
        store.write([])
        store.write([article("c1")])
    assert batches(db) == {"a1": 1, "a2": 1, "b1": 2, "c1": 3}
    assert last_batch(db) == "3"


def test_a_replaced_article_takes_a_new_number_never_one_given_before(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([article("a1")])
        store.write([article("b1")])
        store.write([article("b1", "The council closed the old library.")], replace=True)
        store.write([article("c1")])
    assert batches(db) == {"a1": 1, "b1": 3, "c1": 4}


def test_linking_takes_articles_in_write_order_when_the_clock_stepped_back(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write([article("z-first")])
        store.write([article("a-second")])
        # the clock stepped back between the writes: the second write's time is the earlier one
        store.con.execute("UPDATE articles SET processed_at = processed_at - INTERVAL 1 DAY WHERE id = 'a-second'")
        assert [p.id for p in pending(store.con, 10)] == ["z-first", "a-second"]


def test_a_version_5_store_gets_numbers_from_its_write_times(tmp_path: Path) -> None:
    db = older_store(tmp_path / "old.duckdb", "5")
    early, late = dt.datetime(2024, 3, 1, 9, 0), dt.datetime(2024, 3, 2, 9, 0)
    with duckdb.connect(str(db)) as con:
        for article_id, at in (("b1", late), ("a1", early), ("a2", early), ("b2", late)):
            con.execute("INSERT INTO articles (id, source, text, processed_at) VALUES (?, 'x.txt', 'Text.', ?)",
                        [article_id, at])
    with Store(db) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
        store.write([article("c1")])
    assert batches(db) == {"a1": 1, "a2": 1, "b1": 2, "b2": 2, "c1": 3}
    assert last_batch(db) == "3"


def test_an_empty_version_5_store_upgrades_and_numbers_from_one(tmp_path: Path) -> None:
    db = older_store(tmp_path / "old.duckdb", "5")
    Store(db).close()
    assert last_batch(db) is None
    with Store(db) as store:
        store.write([article("a1")])
    assert batches(db) == {"a1": 1}


CHILD = textwrap.dedent(
    """
    import sys, time
    import dateline.store
    from dateline.records import Article
    from dateline.store import Store

    def hold(con, articles):  # inside the second write's transaction, after its rows went in
        print("writing", flush=True)
        time.sleep(600)

    store = Store(sys.argv[1])
    store.write([Article(id="a1", source="a1.txt", text="The mayor spoke.")])
    dateline.store._clear_failures = hold
    store.write([Article(id=i, source=f"{i}.txt", text="The mayor left.") for i in ("a2", "a3")])
    """
)


def test_a_write_killed_halfway_then_run_again_stores_each_article_once_with_one_number(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    assert batches(db) == {"a1": 1} and last_batch(db) == "1"  # the killed write left nothing, its number too
    with Store(db) as store:  # the same run again: the stored article is skipped
        store.write([article(i) for i in ("a1", "a2", "a3")])
    assert batches(db) == {"a1": 1, "a2": 2, "a3": 2}
    assert last_batch(db) == "2"


def test_a_version_6_store_gets_its_stories_and_instances_first_and_last_writes(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    query = "SELECT {t}.id, first_batch, last_batch FROM {t} ORDER BY id"
    with Store(db) as store:
        store.write([first_article(), second_article()])
        attach(store)
        store.write([hamburg_report()])
        attach(store)
        expected = {t: store.con.execute(query.format(t=t)).fetchall() for t in ("stories", "instances")}
    assert {(lo, hi) for _, lo, hi in expected["stories"]} == {(1, 1), (1, 2)}
    assert {(lo, hi) for _, lo, hi in expected["instances"]} >= {(1, 1), (1, 2), (2, 2)}
    # The same rows in a store as version 6 wrote it: its stories and instances have no write numbers.
    old = older_store(tmp_path / "old.duckdb", "6", rows_from=db)
    with Store(old) as store:
        assert {t: store.con.execute(query.format(t=t)).fetchall() for t in ("stories", "instances")} == expected
