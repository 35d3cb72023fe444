"""Places: detection of place names on real spaCy output."""

from __future__ import annotations

import pytest

from dateline import annotate, places
from dateline.records import Article


@pytest.mark.parametrize(("text", "name"), [
    ("W.Va. lawmaker opens a new bridge.\nIt took three years to build.", "West Virginia"),
    ("Quilt show brings makers from all over the U.S.. The hall was full.", "United States"),
])
def test_an_abbreviation_before_a_full_stop_keeps_its_own_stop(text: str, name: str) -> None:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    [place] = places.apply(article).places
    assert place.name == name and place.span.text.endswith(".")


def test_the_names_of_a_list_of_divisions_qualify_none_of_each_other() -> None:
    text = "Snow emergencies were declared on Sunday in Norman, Wilkin, Clay and Douglas counties."
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    chosen = {c.span.text: c for c in places.choices(article)}
    assert {c.source for c in chosen.values()} == {"list"}  # "Clay, Douglas" is no Clay in Douglas County
    assert {c.entry.admin1 for c in chosen.values() if c.entry is not None} == {"MN"}


def test_a_town_the_article_tags_as_a_place_elsewhere_is_no_speaker() -> None:
    text = "Heavy rain fell across Odisha on Monday. Odisha wants more relief money, a minister said."
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    assert [p.span.text for p in places.apply(article).places].count("Odisha") == 2
