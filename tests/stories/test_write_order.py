"""The stories step and the story tables follow the write order (``articles.batch``), not the write time, which a
clock stepped back can reorder."""

from __future__ import annotations

from pathlib import Path

from dateline.store import Store
from dateline.stories import _records, attach
from dateline.stories._read import mentions_where
from tests.store.exports import first_article
from tests.stories.test_attach import hamburg_report


def clock_stepped_back(path: Path) -> Store:
    """A store with two reports of one meeting in two writes (``art1``, then ``art-hamburg``, published a day
    before it) whose second write's time is the earlier one, as after a clock stepped back between them."""
    store = Store(path)
    store.write([first_article()])
    store.write([hamburg_report()])
    store.con.execute("UPDATE articles SET processed_at = processed_at - INTERVAL 1 DAY WHERE id = 'art-hamburg'")
    return store


def test_records_are_read_in_write_order(tmp_path: Path) -> None:
    with clock_stepped_back(tmp_path / "news.duckdb") as store:
        found = mentions_where(store.con, "article_id", ["art-hamburg", "art1"])
    articles = [m.article for m, _ in found]
    assert articles and articles == sorted(articles, key=lambda a: a != "art1")
    assert articles[0] == "art1" and articles[-1] == "art-hamburg"


def test_a_storys_first_article_is_the_first_one_written(tmp_path: Path) -> None:
    with clock_stepped_back(tmp_path / "news.duckdb") as store:
        attach(store)
        rows = store.con.execute("SELECT id, first_article, title, articles FROM stories").fetchall()
    assert rows == [(rows[0][0], "art1", "One", 2)]


def test_the_index_filled_on_upgrade_is_in_write_order(tmp_path: Path) -> None:
    with clock_stepped_back(tmp_path / "news.duckdb") as store:
        attach(store)
        store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, 'true')", [_records.MISSING])
        assert _records.fill(store.con) > 0
        articles = [r[0] for r in store.con.execute("SELECT article_id FROM story_records ORDER BY seq").fetchall()]
    assert set(articles) == {"art1", "art-hamburg"}
    assert articles == sorted(articles, key=lambda a: a != "art1")
