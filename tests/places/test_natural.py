"""Natural features in the places stage: names with a word of their kind, bare names where the text names a
feature, and the towns, countries and hand-made regions that keep their names."""

from __future__ import annotations

import pytest

from dateline import annotate, lang, places
from dateline.places._gazetteer import load_gazetteer
from dateline.places._names import names_feature
from dateline.places._resolve import ARTICLE_CUE, WORD_CUE, candidates
from dateline.records import Article, Place, Span

EN = lang.resources("en")


def _places(text: str) -> dict[str, Place]:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    return {p.span.text: p for p in places.apply(article).places}


def test_the_table_is_indexed_by_names_with_and_without_the_word_of_their_kind() -> None:
    gazetteer = load_gazetteer(EN)
    [neches] = gazetteer.lookup("Neches River")
    assert (neches.kind, neches.country, neches.feature) == ("river", "USA", "region")
    assert gazetteer.lookup("River Neches") == (neches,) and gazetteer.natural["neches"] == (neches,)
    assert "island" not in gazetteer.natural  # a word of a kind alone names nothing
    assert {e.feature for e in gazetteer.lookup("Green Bay")} == {"city"}  # the town keeps its name
    assert {e.feature for e in gazetteer.lookup("Ivory Coast")} == {"country"}  # and so does a country
    assert {e.kind for e in gazetteer.lookup("Amazon River")} == {"river"}  # "Amazon" alone is regions.json's
    [sahara] = gazetteer.lookup("the Sahara")  # regions.json's own entry wins
    assert sahara.kind is None and (sahara.lat, sahara.lon) == (23.0, 13.0)


def test_a_bare_name_is_the_feature_only_where_the_text_names_one() -> None:
    gazetteer = load_gazetteer(EN)
    assert {e.kind for e in candidates(gazetteer, "Nile", feature=ARTICLE_CUE)} == {"river"}
    assert candidates(gazetteer, "Nile") == ()  # the article never names a feature by it ("using Lua")
    assert [e.name for e in candidates(gazetteer, "Neches", feature=ARTICLE_CUE)] == ["Neches River"]
    assert candidates(gazetteer, "Sun", feature=ARTICLE_CUE) == ()  # "the Sun" is no Sun River
    assert {e.kind for e in candidates(gazetteer, "Borneo")} == {"island"}  # an island needs no article
    assert all(e.feature == "city" or e.feature.startswith("admin") for e in candidates(gazetteer, "Hudson"))
    assert all(e.feature == "city" or e.feature.startswith("admin")
               for e in candidates(gazetteer, "Hudson", feature=ARTICLE_CUE))  # "the Hudson school board"
    assert [e.name for e in candidates(gazetteer, "Hudson", feature=WORD_CUE)] == ["Hudson River"]
    assert "river" not in {e.kind for e in candidates(gazetteer, "Jordan", feature=WORD_CUE)}  # the country's
    assert [e.name for e in candidates(gazetteer, "Appalachians", feature=ARTICLE_CUE)] == ["Appalachian Mountains"]


def test_a_word_of_a_feature_s_kind_keeps_a_province_from_taking_the_name() -> None:
    gazetteer = load_gazetteer(EN)
    assert {e.feature for e in candidates(gazetteer, "Red Sea")} == {"region"}
    assert {e.kind for e in candidates(gazetteer, "Red River")} == {"river"}


def test_the_cue_before_or_after_a_name() -> None:
    words = load_gazetteer(EN).words
    text = "Boats on the Volga and Tarn river banks near Kazan."
    assert names_feature(words, text, Span(13, 18, "Volga")) == ARTICLE_CUE
    assert names_feature(words, text, Span(23, 27, "Tarn")) == WORD_CUE
    assert names_feature(words, text, Span(45, 50, "Kazan")) == ""


def test_the_stage_places_rivers_ranges_and_seas() -> None:
    found = _places("Barges carried grain down the Neches River, and a freighter sank in the Red Sea.")
    assert found["Neches River"].lat == pytest.approx(29.99, abs=0.05)  # its mouth, as GeoNames has it
    assert found["Red Sea"].country is None and found["Red Sea"].lat == pytest.approx(20.0, abs=1)
    found = _places("Farmers in Karnataka and Tamil Nadu have fought over water from the Cauvery for decades.")
    assert found["Cauvery"].country == "IND" and found["Cauvery"].lon == pytest.approx(79.5, abs=0.5)


def test_a_bare_name_the_article_never_gives_a_feature_is_no_feature() -> None:
    found = _places("Programmers in Brazil wrote the game in Lua. Lua is small and fast.")
    assert all(p.name != "Lua River" for p in found.values())


def test_a_town_keeps_a_name_a_river_shares() -> None:
    found = _places("Police in Hudson, New York, arrested two men on Friday.")
    assert found["Hudson"].feature == "city"


def test_a_word_of_a_kind_alone_and_a_name_inside_another_give_no_cue() -> None:
    gazetteer = load_gazetteer(EN)
    assert not gazetteer.words.names_feature("Island") and gazetteer.words.names_feature("Fire Island")
    assert gazetteer.lookup("Island") == () or all(e.kind is None for e in gazetteer.lookup("Island"))
    text = "Officers of the Tarn Valley Police met."
    assert names_feature(gazetteer.words, text, Span(16, 20, "Tarn"), inside=True) == ""
    assert names_feature(gazetteer.words, text, Span(16, 20, "Tarn")) == WORD_CUE
