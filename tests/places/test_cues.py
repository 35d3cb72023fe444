"""Places: names read from the wording of news that the tagger misses (real spaCy model)."""

from __future__ import annotations

import pytest

from dateline import annotate, lang, places
from dateline.places._cues import datelines, province_names
from dateline.places._gazetteer import load_gazetteer
from dateline.records import Article

EN = lang.resources("en")


def _annotated(text: str) -> Article:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    return article


def test_a_province_with_its_word_for_a_state_is_a_place() -> None:
    article = _annotated("Farmers in Kano State and flood victims in Lagos state asked the governor of Sokoto State "
                         "for help, while students of Delta State University marched in Ohio State colours.")
    names = {span.text for span in province_names(article.doc, load_gazetteer(EN))}
    assert names == {"Kano State", "Lagos state", "Sokoto State"}  # a school's name and US states are not read here
    found = {p.span.text: p for p in places.apply(article).places}
    assert (found["Sokoto State"].country, found["Sokoto State"].feature) == ("NGA", "admin1")
    assert found["Kano State"].lat == pytest.approx(11.6, abs=1.0)


def test_a_region_or_country_with_a_word_for_a_state_is_no_province() -> None:
    article = _annotated("Traffic was lost in the Gulf state of Qatar on Monday.")
    assert list(province_names(article.doc, load_gazetteer(EN))) == []  # no Gulf Province of Papua New Guinea


@pytest.mark.parametrize("opening", ["\x97", "\x96", "\ufffd", "\u2014"])
def test_a_name_in_capitals_before_an_agency_is_a_dateline_whatever_follows(opening: str) -> None:
    gazetteer = load_gazetteer(EN)
    text = f"Storm closes schools\nCINCINNATI (AP) {opening} Classes were called off on Tuesday."
    assert [span.text for span in datelines(text, gazetteer)] == ["CINCINNATI"]
    assert list(datelines("Storm closes schools\nJOHN WELLS (left, with his dog) walks home.", gazetteer)) == []
