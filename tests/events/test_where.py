"""The learned choice of an event's place among the places the rules' steps offer (events/_where.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline import lang
from dateline.errors import ResourceError
from dateline.events import candidates
from dateline.events._lexicon import load_lexicon
from dateline.events._where import PlaceModel, load_places, parse_places
from dateline.records import Article
from dateline.training.events import staged

#: A story the lead places in Denver, with a criticism whose sentence names Boston only inside a party.
STORY = ("Police arrested Jane Roe in Denver on Friday. Denver officials praised the arrest. "
         "Senator Ann Jones criticized the Boston mayor over the case.")


def _criticism(article: Article, places: PlaceModel | None) -> str | None:
    lex = load_lexicon(lang.resources())
    found = [c.event for c in candidates(article, lex, None, None, places)
             if c.event.type == "ACCUSE"]
    assert len(found) == 1, found
    return None if found[0].place is None else found[0].place.name


def test_the_language_ships_no_ranker_and_the_stage_places_events_by_the_rules() -> None:
    assert load_places(lang.resources()) is None
    assert load_places(lang.resources(), "none") is None


def test_a_ranker_without_weights_keeps_the_cascades_place() -> None:
    (article,) = staged([Article(id="doc1", source="test", text=STORY, published=date(2021, 3, 8))])
    assert _criticism(article, None) == "Denver"
    assert _criticism(article, PlaceModel("1.0", {})) == "Denver"


def test_a_ranker_that_trusts_the_places_inside_parties_takes_the_place_the_line_names() -> None:
    (article,) = staged([Article(id="doc1", source="test", text=STORY, published=date(2021, 3, 8))])
    assert _criticism(article, PlaceModel("1.0", {"step=line.party": 5.0})) == "Boston"
    assert _criticism(article, PlaceModel("1.0", {"step=line.party": 5.0}, margin=10.0)) == "Denver"  # short of it
    assert _criticism(article, PlaceModel("1.0", {"none": 5.0})) is None


def test_a_model_file_of_another_format_or_without_weights_is_refused() -> None:
    with pytest.raises(ResourceError, match=r"format 2\.0"):
        parse_places({"version": "2.0", "weights": {}}, "m.json")
    with pytest.raises(ResourceError, match="missing"):
        parse_places({"version": "1.0"}, "m.json")
    assert parse_places({"version": "1.0", "weights": {"none": -1}, "margin": 0.5}, "m.json").margin == 0.5
