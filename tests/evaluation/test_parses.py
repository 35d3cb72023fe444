"""The parse cache of evaluations: a cached parse gives the stages exactly what a fresh one gives."""

from __future__ import annotations

from pathlib import Path

from dateline import actors, events, places, times
from dateline.evaluation._parses import annotate, parse_cache
from dateline.records import Article

TEXT = "Russian President Vladimir Putin met Angela Merkel in Berlin on Monday.\n\nHe said {} things."


def _coded(article: Article) -> Article:
    return events.apply(places.apply(times.apply(actors.apply(article))))


def test_cached_parses_code_the_same_as_fresh_ones(tmp_path: Path) -> None:
    articles = [Article(id=str(i), source="t", text=TEXT.format(i), published=None) for i in range(2)]
    fresh = [_coded(a) for a in annotate(articles)]  # no cache in use: the stage's own parse
    with parse_cache(tmp_path):
        first = annotate(articles)
        assert len(list(tmp_path.glob("*.spacy"))) == 2
        again = annotate(articles)
    for one, two, three in zip(fresh, (_coded(a) for a in first), (_coded(a) for a in again), strict=True):
        assert one.events and one.events == two.events == three.events
        assert one.actors == two.actors == three.actors
    assert [t.is_sent_start for t in first[0].doc] == [t.is_sent_start for t in again[0].doc]
