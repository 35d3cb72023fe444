"""The index of linked event records: what new records are matched against, filled on upgrade, kept on restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dateline.store import Store
from dateline.stories import _records, attach
from dateline.stories._match import Mention, Party
from tests.store.exports import first_article, second_article
from tests.store.older import older_store
from tests.stories.test_attach import hamburg_report, instance, quake_report

TRUMP, PUTIN = Party("donald-trump.usa", "USA"), Party("vladimir-putin.rus", "RUS")


def _index(store: Store) -> list[tuple[Any, ...]]:
    return store.con.execute("SELECT * FROM story_records ORDER BY seq").fetchall()


def _linked_then_hamburg(path: Path, *, as_version_4: bool) -> list[tuple[Any, ...]]:
    """Link three articles, optionally into a store as version 4 wrote it (their rows, no index nor write
    order), then store and link the Hamburg report; the index as it then is."""
    written = path.with_name(f"written-{path.name}") if as_version_4 else path
    with Store(written) as store:
        store.write([first_article(), second_article(), quake_report()])
        attach(store)
    if as_version_4:
        older_store(path, "4", rows_from=written)
    with Store(path) as store:
        if as_version_4:
            flag = store.con.execute("SELECT value FROM meta WHERE key = ?", [_records.MISSING]).fetchone()
            assert flag == ("true",) and _index(store) == []
        store.write([hamburg_report()])
        attach(store)
        assert instance(store, "art-hamburg", "e-met") == instance(store, "art1", "e-meet")
        linked = store.con.execute("SELECT count(*) FROM events WHERE instance IS NOT NULL").fetchone()
        assert linked is not None and len(_index(store)) == linked[0] > 0
        assert store.con.execute("SELECT 1 FROM meta WHERE key = ?", [_records.MISSING]).fetchone() is None
        return _index(store)


def test_a_version_4_store_has_its_index_filled_at_the_next_linking(tmp_path: Path) -> None:
    upgraded = _linked_then_hamburg(tmp_path / "old.duckdb", as_version_4=True)
    assert upgraded == _linked_then_hamburg(tmp_path / "new.duckdb", as_version_4=False)


def test_a_chunk_cut_short_leaves_no_index_rows_and_the_rerun_indexes_each_record_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.stories as stories

    def broken(*args: object) -> None:
        raise KeyboardInterrupt

    with Store(tmp_path / "news.duckdb") as store:
        store.write([first_article(), second_article(), quake_report(), hamburg_report()])
        with monkeypatch.context() as patched:
            patched.setattr(stories, "set_links", broken)
            with pytest.raises(KeyboardInterrupt):
                attach(store)
        assert _index(store) == []
        attach(store)
        rows = _index(store)
        linked = store.con.execute("SELECT count(*) FROM events WHERE instance IS NOT NULL").fetchone()
        assert linked is not None and len(rows) == linked[0] > 0
        assert len({(r[1], r[2]) for r in rows}) == len(rows)
        assert [r[0] for r in rows] == list(range(len(rows)))


def _meeting(article: str, day: dt.date | None, story: str, exact: bool = True) -> Mention:
    days = None if day is None else (day, day) if exact else (day - dt.timedelta(days=7), day)
    return Mention(article, "e1", "CONSULT", "occurred", days, exact, "DEU", (TRUMP,), (PUTIN,), "meet", story)


def test_new_records_find_the_instances_whose_days_meet_theirs_with_every_record_of_them(tmp_path: Path) -> None:
    july, march = dt.date(2017, 7, 7), dt.date(2017, 3, 1)
    with Store(tmp_path / "index.duckdb") as store:
        _records.write(store.con, [(_meeting("old", march, "s1"), "i-march"),
                                   (_meeting("a", july, "s1"), "i-july"),
                                   (_meeting("b", None, "s1"), "i-july"),
                                   (_meeting("c", july, "s2"), "i-other-story"),
                                   (_meeting("d", july + dt.timedelta(days=1), "s3", exact=False), "i-undated")], {})
        found = _records.candidates(store.con, [_meeting("new", july, "s1")])
    assert [(m.article, i, since) for m, i, since in found] == [("a", "i-july", 1), ("b", "i-july", 1),
                                                                ("c", "i-other-story", 3)]
    assert found[1][0].days is None and found[0][0].actors == (TRUMP,)


def test_an_undated_new_record_leaves_the_same_day_lookup_to_the_days_of_the_dated_ones(tmp_path: Path) -> None:
    july = dt.date(2017, 7, 7)
    linked = [(_meeting("a", july, "s1"), "i-july"), (_meeting("far", july + dt.timedelta(days=2), "s2"), "i-far"),
              (_meeting("b", july - dt.timedelta(days=1), "s3"), "i-eve"), (_meeting("c", None, "s4"), "i-undated")]
    with Store(tmp_path / "index.duckdb") as store:
        _records.write(store.con, linked, {})
        dated = _records.candidates(store.con, [_meeting("new", july, "s9")])
        both = _records.candidates(store.con, [_meeting("new", july, "s9"), _meeting("new", None, "s4")])
    # same day (within a day) and a party in common, in any story; the undated one finds its own story's record
    assert [(m.article, i) for m, i, _ in dated] == [("a", "i-july"), ("b", "i-eve")]
    assert [(m.article, i) for m, i, _ in both] == [("a", "i-july"), ("b", "i-eve"), ("c", "i-undated")]
