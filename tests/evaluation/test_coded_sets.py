"""The hand-coded article sets kept in this repository (``eval/``) are well formed against the shared corpus.

They are scored and trained on, so a slip in them (an evidence sentence not in the text, a participant that is
no actor of the article, an article coded twice or in two sets) would count silently. Skipped without the
shared corpus, which holds their texts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline._paths import shared_root
from dateline.evaluation import wikinews as wn
from dateline.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
SETS = ("wikinews-heldout", "wikinews-train")
#: A second coding of some dev articles, to measure agreement: well formed like the others, and dev articles only.
SECOND = "wikinews-dev-second"
STATUSES = {"occurred", "planned", "hypothetical", "negated"}
CORPUS = shared_root() / wn.CORPUS_FILE
DEV_GOLD = shared_root() / "eval" / "events" / "wikinews-dev" / wn.GOLD_FILE

needs_corpus = pytest.mark.skipif(not CORPUS.is_file(), reason="the shared Wikinews corpus is not here")


def _coded(name: str) -> list[dict[str, Any]]:
    coded: list[dict[str, Any]] = json.loads((ROOT / "eval" / name / wn.GOLD_FILE).read_text(encoding="utf-8"))
    return coded


@needs_corpus
@pytest.mark.parametrize("name", (*SETS, SECOND))
def test_every_event_is_stated_in_its_article_by_actors_of_the_article(name: str) -> None:
    articles = wn.load(ROOT / "eval" / name)
    assert len(articles) == len(_coded(name)) > 0
    assert sum(bool(article.events) for article in articles) >= len(articles) - 2  # a few state no PLOVER act
    for article in articles:
        names = {actor.name for actor in article.actors}
        for event in article.events:
            assert event.evidence in article.text, (article.id, event.evidence[:60])
            assert {a.name for a in event.actors + event.recipients} <= names, article.id
            assert event.type in EVENT_TYPES and set(event.alt_types) <= set(EVENT_TYPES), article.id
            assert event.status in STATUSES, article.id


@pytest.mark.parametrize("name", (*SETS, SECOND))
def test_each_article_is_coded_once_with_known_sectors_and_dates(name: str) -> None:
    coded = _coded(name)
    ids = [article["id"] for article in coded]
    assert len(ids) == len(set(ids))
    for article in coded:
        for event in article["events"]:
            date = event.get("date")
            assert date is None or len(date) in (4, 7, 10), (article["id"], date)
            assert event["importance"] in ("core", "minor"), article["id"]


def test_no_article_is_in_two_sets() -> None:
    sets = [{article["id"] for article in _coded(name)} for name in SETS]
    if DEV_GOLD.is_file():
        sets.append({article["id"] for article in json.loads(DEV_GOLD.read_text(encoding="utf-8"))})
    assert all(sets)
    seen: set[str] = set()
    for ids in sets:
        assert not ids & seen
        seen |= ids


@pytest.mark.skipif(not DEV_GOLD.is_file(), reason="the shared dev set is not here")
def test_the_second_coding_codes_dev_articles_only() -> None:
    dev = [article["id"] for article in json.loads(DEV_GOLD.read_text(encoding="utf-8"))]
    second = [article["id"] for article in _coded(SECOND)]
    assert second == dev[0::3]
