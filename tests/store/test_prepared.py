"""Rows made ahead as Arrow tables insert the rows the store would make itself, in the same order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.pipeline import PipelineSettings
from dateline.records import Article
from dateline.run._work import run_stages
from dateline.store import Store, article_rows, prepare
from dateline.store._prepared import arrow_rows

TEXTS = [
    "Police in Lyon arrested two men on 4 May 2021 after a fire at the town hall, the mayor said.",
    "President Joe Biden met Prime Minister Fumio Kishida in Tokyo, where they signed a trade deal.",
    "Floods hit Dhaka on Sunday, and the Red Cross sent teams to Bangladesh, officials said.",
]


def _analyzed() -> list[Article]:
    articles = [Article(id=f"a{i}", source="t.txt", text=text) for i, text in enumerate(TEXTS)]
    return [r for r in run_stages(PipelineSettings(("annotate", "actors", "times", "places")), articles)
            if isinstance(r, Article)]


def test_prepared_tables_hold_each_articles_rows_in_order_made_here_or_ahead() -> None:
    analyzed = _analyzed()
    now = dt.datetime(2024, 5, 1, 12, 0)
    ahead = prepare([analyzed[0], analyzed[2]])  # the middle one's rows are made at the write
    pieces = ahead.tables_for(analyzed, now, 7)
    for table, parts in pieces.items():
        got = [row for part in parts for row in part.to_pylist()]
        want = arrow_rows(table, [row for a in analyzed for row in article_rows(a, now, 7)[table]]).to_pylist()
        assert got == want, table
    assert [(r["processed_at"], r["batch"]) for p in pieces["articles"] for r in p.to_pylist()] == [(now, 7)] * 3
    assert sum(p.num_rows for p in pieces["mentions"]) > 0


def test_a_store_written_with_prepared_rows_equals_one_written_without(tmp_path: Path) -> None:
    analyzed = _analyzed()
    contents = []
    for name, prepared in (("plain", None), ("ahead", prepare(analyzed))):
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.write(analyzed, prepared=prepared)
            contents.append([store.article(a.id) for a in analyzed])
    assert contents[0] == contents[1] and all(c is not None for c in contents[0])
