"""Places: gazetteer, disambiguation in context, detection on real spaCy output, offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import actors, annotate, lang, places
from dateline.errors import ResourceError
from dateline.pipeline import Pipeline
from dateline.places._detect import find_mentions
from dateline.places._gazetteer import _point, load_gazetteer
from dateline.records import Article, Document, Place, Span, make_span

EN = lang.resources("en")


def _annotated(text: str) -> Article:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    return article


def _by_text(found: tuple[Place, ...]) -> dict[str, Place]:
    return {p.span.text: p for p in found}


def test_keys_ignore_case_accents_apostrophes_and_the() -> None:
    key = load_gazetteer(EN).key
    assert key("The  Gaza Strip") == "gaza strip"
    assert key("Bogotá") == "bogota"
    assert key("Côte d’Ivoire") == "cote d'ivoire"
    assert key("Theodore") == "theodore"
    assert key("\u2018Ajl\u016bn") == key("Ajlun") == "ajlun"  # a transliteration's opening mark is not written
    assert key("North-West") == key("North West") == "north west"


def test_language_names_and_words_are_described_and_checked(tmp_path: Path) -> None:
    from dateline._data import check_described
    from dateline.places._words import read_language

    english = EN.packaged("places", "1")
    check_described(english, "places.json")
    words, names = read_language(EN)
    assert words.articles == ("the ",) and "drive" in words.ways and ("St.", "Saint") in words.abbreviations
    assert "Britain" in names.countries["GB"] and "Calif." in names.states["CA"]
    bad = tmp_path / "places.json"
    bad.write_text(json.dumps({"abbreviations": {"St.": 3}}), encoding="utf-8")
    with pytest.raises(ResourceError, match=r"places\.json.*'abbreviations' must map"):
        read_language(lang.resources("en", {"places": str(bad)}))
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"planets": ["Mars"]}), encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown key 'planets'"):
        read_language(lang.resources("en", {"places": str(unknown)}))


def test_a_user_file_adds_names_of_places(tmp_path: Path) -> None:
    mine = tmp_path / "places.json"
    mine.write_text(json.dumps({"version": "mine", "city_names": {"Beantown": 4930956}}), encoding="utf-8")
    assert places.resolve("Beantown", EN) is None
    boston = places.resolve("Beantown", lang.resources("en", {"places": str(mine)}))
    assert boston is not None and boston.name == "Boston" and boston.country == "USA"
    assert places.resolve("Beantown", EN) is None  # merged only where asked for


def test_bad_points_in_data_files_are_resource_errors() -> None:
    assert _point([53.5, 10.0], "Hamburg") == (53.5, 10.0)
    assert _point(None, "Eastern Europe") == (None, None)
    with pytest.raises(ResourceError, match="out of range"):
        _point([153.5, 10.0], "Hamburg")
    with pytest.raises(ResourceError, match="lat, lon"):
        _point(["north", 10.0], "Hamburg")


def test_gazetteer_loads_once_with_countries_states_cities() -> None:
    gazetteer = load_gazetteer(EN)
    assert load_gazetteer(lang.resources("en-US")) is gazetteer
    assert {e.feature for e in gazetteer.lookup("Georgia")} >= {"country", "admin1"}
    assert any(e.country == "USA" for e in gazetteer.lookup("U.S."))
    assert gazetteer.states["MD"].name == "Maryland"


def test_resolve_countries_and_aliases() -> None:
    us = places.resolve("U.S.", EN)
    assert us is not None and us.country == "USA" and us.feature == "country" and us.geonames_id == 6252001
    assert us.lat == pytest.approx(39.76, abs=1)
    uk = places.resolve("Britain", EN)
    assert uk is not None and uk.country == "GBR"
    mexico = places.resolve("Mexico", EN)
    assert mexico is not None and mexico.feature == "country"
    # towns of that very name come before another town known by it too (Elizabeth, N.J., once "Elizabethtown"),
    # and a very large city keeps its short name
    town = places.resolve("Elizabethtown", EN)
    assert town is not None and town.name == "Elizabethtown" and town.feature == "city"
    city = places.resolve("New York", EN)
    assert city is not None and city.name == "New York City"
    # letters with full stops abbreviate a city's name; in bare capitals they are an acronym, no city
    angeles = places.resolve("L.A.", EN)
    assert angeles is not None and angeles.name == "Los Angeles" and places.resolve("LA", EN) is None


def test_resolve_uses_context() -> None:
    georgia = places.resolve("Georgia", EN)
    assert georgia is not None and georgia.country == "GEO"
    state = places.resolve("Georgia", EN, context_countries=["USA"], context_states=["AL"])
    assert state is not None and state.country == "USA" and state.feature == "admin1"
    crimea = places.resolve("Crimea", EN)
    assert crimea is not None and crimea.country == "UKR"
    hamburg = places.resolve("Hamburg", EN)
    assert hamburg is not None and hamburg.country == "DEU"


def test_resolve_qualifier_and_unknown() -> None:
    springfield = places.resolve("Springfield, Illinois", EN)
    assert springfield is not None and springfield.country == "USA"
    assert springfield.lat == pytest.approx(39.8, abs=0.3) and springfield.lon == pytest.approx(-89.65, abs=0.3)
    missouri = places.resolve("Springfield, Mo.", EN)
    assert missouri is not None and missouri.lon == pytest.approx(-93.3, abs=0.3)
    assert places.resolve("Qwxzzy Flats", EN) is None


def test_a_demonym_is_no_place_but_names_one() -> None:
    assert places.resolve("Russian", EN) is None
    russia = places.resolve("Russia", EN)
    assert russia is not None and russia.country == "RUS"
    demonyms = load_gazetteer(EN).demonyms  # what detection leaves out, and gold sets that tag demonyms read
    assert demonyms["russian"].country == "RUS" and demonyms["european"].name == "Europe"


def test_resolve_spans_share_context_and_qualifiers() -> None:
    text = "Alexandria, La. -- Police in Alexandria and Pineville said Rapides Parish deputies helped."
    spans = [make_span(text, s, e) for s, e in [(0, 10), (12, 15), (29, 39), (44, 53), (59, 73)]]
    found = places.resolve_spans(text, spans, EN)
    assert [p.span.text for p in found if p] == ["Alexandria", "La.", "Alexandria", "Pineville", "Rapides Parish"]
    assert all(p is not None and p.country == "USA" for p in found)
    assert found[2] is not None and found[2].lat == pytest.approx(31.3, abs=0.2)


def test_apply_finds_and_resolves_places() -> None:
    article = places.apply(_annotated(
        "Trump didn’t meet Putin in Hamburg, Germany, on Friday. Officials in Warsaw, Poland and "
        "Maryland said Russia annexed Crimea from Ukraine; the White House said nothing."
    ))
    found = _by_text(article.places)
    assert found["Hamburg"].country == "DEU" and found["Hamburg"].lat == pytest.approx(53.55, abs=0.1)
    assert found["Warsaw"].country == "POL"
    assert found["Maryland"].country == "USA"
    assert found["Crimea"].country == "UKR"
    assert "n’t" not in found and "White House" not in found and "the White House" not in found


def test_apply_splits_hyphenated_places_and_finds_embedded_ones() -> None:
    article = places.apply(_annotated(
        "U.S.-Russia relations were discussed. The Minnesota Department of Transportation closed County Road 43 "
        "and Washington Drive near Winston-Salem."
    ))
    found = _by_text(article.places)
    assert found["U.S."].country == "USA" and found["Russia"].country == "RUS"
    assert "Minnesota" in found and found["Minnesota"].feature == "admin1"
    assert "Winston-Salem" in found and "Washington" not in found
    assert found["County Road 43"].feature is None  # a road, kept whole with its number
    # the street is one mention, not searched for the state inside it (the model calls it a GPE,
    # which is dropped when the gazetteer does not know it)
    mentions = {span.text for span in find_mentions(article.doc, load_gazetteer(EN))}
    assert "Washington Drive" in mentions and "Washington" not in mentions


def test_a_town_opening_a_local_institutions_name_is_found_a_word_before_the_institution() -> None:
    doc = _annotated(
        "Deputies in Ohio said the man was arraigned on Monday in the Zanesville Magistrate Court, and a nurse "
        "at Central State Hospital testified. The Marietta Education Foundation gave $5,000."
    ).doc
    assert doc is not None
    mentions = {span.text: found.source for span, found in find_mentions(doc, load_gazetteer(EN)).items()}
    assert "Zanesville" in mentions and "Ohio" in mentions and "Marietta" in mentions
    assert "Central" not in mentions  # a part of a place is no place alone


def test_a_place_the_article_names_is_that_place_inside_another_name_and_where_the_tagger_missed_it() -> None:
    # One sense per article: "Calgary" inside a magazine's name and "Leeds" after a hyphen name the places the
    # text names as such before, though no other place lies near them.
    article = places.apply(_annotated(
        "Officials in Calgary met on Friday. The editor of Baseball Calgary, a weekly magazine, said the season "
        "would start soon. The council of Leeds met on Friday. The Amsterdam-Leeds flight was cancelled."
    ))
    starts = {(p.span.text, p.span.start): p for p in article.places}
    text = article.text
    second_calgary = starts[("Calgary", text.index("Calgary", text.index("Baseball")))]
    assert second_calgary.country == "CAN" and second_calgary.lat is not None
    assert starts[("Leeds", text.index("Leeds", text.index("Amsterdam")))].country == "GBR"
    # a person's name that a town bears is the person's, though the article names that town
    people = places.apply(_annotated("Bruce Hamilton, the coach, praised the team. Fans in Hamilton cheered."))
    assert "Hamilton" not in {p.span.text for p in people.places if p.span.start < 20}


def test_a_name_listed_with_places_is_a_place_whatever_the_tagger_called_it() -> None:
    gazetteer = load_gazetteer(EN)
    article = _annotated("The new ferry will connect Godfrey and Wood River with Alton by next summer. "
                         "Snow closed schools in Fargo, Moorhead and Grand Forks on Tuesday.")
    sources = {span.text: found.source for span, found in find_mentions(article.doc, gazetteer).items()}
    assert sources["Godfrey"] == "conjoined" and sources["Moorhead"] == "conjoined"
    assert sources["Wood River"] == "LOC"  # the place they are listed with is the tagger's
    found = _by_text(places.apply(article).places)
    assert (found["Godfrey"].country, found["Godfrey"].feature) == ("USA", "city")
    assert found["Godfrey"].lat == pytest.approx(38.96, abs=0.1)  # Illinois, beside Alton
    assert found["Moorhead"].lat == pytest.approx(46.87, abs=0.1)  # Minnesota, across the river from Fargo


def test_the_end_of_a_longer_name_is_not_placed_by_the_words_around_that_name() -> None:
    article = _annotated("Runners met at Hampstead Heath on Sunday before taking the train back to Frankston.")
    mentions = {span.text: found.source for span, found in find_mentions(article.doc, load_gazetteer(EN)).items()}
    assert "Frankston" in mentions  # "back to Frankston": the words around a name place it
    assert "Heath" not in mentions  # "at Hampstead Heath" places the park, not a town named Heath
    article = _annotated("Ramblers spotted the ponies on a moorland track in South Devon and near Dove Cottage.")
    mentions = {span.text: found.source for span, found in find_mentions(article.doc, load_gazetteer(EN)).items()}
    assert "Devon" in mentions and "Cottage" not in mentions  # "South" names a part of Devon; "Dove" no part of Cottage


def test_mentions_are_the_same_with_the_entities_given() -> None:
    article = _annotated("Officials of the Iowa Department of Transportation met Sen. Kay Lane in Ames and Boone, "
                         "and the Des Moines Register covered the talks.")
    assert article.doc is not None
    gazetteer = load_gazetteer(EN)
    given = find_mentions(article.doc, gazetteer, article.text, article.doc.ents)
    assert given == find_mentions(article.doc, gazetteer) and given


def test_a_name_before_based_is_a_place() -> None:
    article = _annotated("Executives of Deerfield-based Walgreens met suppliers in Peoria on Monday.")
    mentions = {span.text for span in find_mentions(article.doc, load_gazetteer(EN))}
    assert "Deerfield" in mentions and "Peoria" in mentions and "Walgreens" not in mentions


def test_apply_without_annotation_is_identity() -> None:
    article = Article(id="a", source="s", text="Paris")
    assert places.apply(article) is article


def test_apply_on_empty_text() -> None:
    assert places.apply(_annotated("")).places == ()


@pytest.mark.slow
def test_seed_article(seed_path: Path) -> None:
    document = Document(id="seed", source=str(seed_path), kind="text",
                        content=seed_path.read_text(encoding="utf-8"), published="2017-07-07")
    [article] = Pipeline(["annotate", "places"]).run_batch([document])
    assert isinstance(article, Article)
    found = _by_text(article.places)
    hamburg = found["Hamburg"]
    assert hamburg.country == "DEU" and hamburg.lat == pytest.approx(53.55, abs=0.1)
    assert hamburg.lon == pytest.approx(9.99, abs=0.1)
    assert found["Warsaw"].country == "POL"
    assert found["Poland"].country == "POL" and found["Poland"].feature == "country"
    assert found["Maryland"].country == "USA" and found["Maryland"].feature == "admin1"
    assert found["New York"].country == "USA"
    assert found["Syria"].country == "SYR" and found["Ukraine"].country == "UKR"
    assert any(p.name == "Crimea" and p.country == "UKR" for p in article.places)
    assert "n’t" not in found and "n't" not in found
    assert all(article.text[p.span.start:p.span.end] == p.span.text for p in article.places)


_words = st.sampled_from([
    "Paris", "Texas", "in", "the", "Georgia", "U.S.", "n’t", "Hamburg", ",", "said", "Moscow", "New", "York",
    "Crimea", "Springfield", "Illinois", "White", "House", "'s", "\n", "é", "-", "EU", "County", "Road", "43",
    "Police", "Department", "George", "Bush", "Washington", "Drive", "The", "Minnesota", "  ",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_words, max_size=25))
def test_place_spans_match_the_text(nlp: Any, words: list[str]) -> None:
    text = "Officials in Hamburg said so.\n\n" + " ".join(words)
    article = places.apply(Article(id="h", source="h", text=text, doc=nlp(text)))
    assert article.places[0].span.text == "Hamburg"  # the fixed first sentence: never an empty result
    for place in article.places:
        assert text[place.span.start:place.span.end] == place.span.text
        assert place.span.text.strip() == place.span.text and place.span.text


def test_new_york_alone_is_the_city_and_beside_other_states_the_state(nlp: Any) -> None:
    def resolved(text: str) -> list[tuple[str, str | None]]:
        [article] = annotate.apply_batch([Article(id="a", source="t", text=text)])
        return [(p.name, p.feature) for p in places.apply(actors.apply(article)).places]

    assert ("New York City", "city") in resolved("The mayor of New York said the subway will reopen on Monday.")
    assert ("New York", "admin1") in resolved("Flooding hit upstate New York, Vermont and New Hampshire.")


def test_a_dateline_after_a_bylines_date_is_a_place() -> None:
    from dateline.places._cues import datelines

    text = "Council delays vote\nBy Jane Doe, Staff Writer March 29, 2009 ZANESVILLE -- City officials met on Monday."
    found = [span.text for span in datelines(text, load_gazetteer(EN))]
    assert found == ["ZANESVILLE"]


def test_a_town_beside_the_county_it_lies_in_is_that_counties_namesake() -> None:
    text = "Crews in Richmond worked late, and Madison County officials said the road would reopen."
    spans = [Span(text.index("Richmond"), text.index("Richmond") + 8, "Richmond"),
             Span(text.index("Madison County"), text.index("Madison County") + 14, "Madison County")]
    richmond, county = places.resolve_spans(text, spans, EN)
    assert richmond is not None and county is not None
    assert (richmond.country, county.country) == ("USA", "USA")
    assert richmond.name == "Richmond" and richmond.lat is not None and county.lat is not None
    assert abs(richmond.lat - 37.75) < 0.2 and abs(county.lat - 37.73) < 0.2  # Kentucky's, not Indiana's


def test_airports_news_names_are_landmarks_and_no_namesake_town() -> None:
    found = _by_text(places.apply(_annotated(
        "The jet was held at Heathrow airport overnight, and later flights left Schiphol for Oslo.")).places)
    assert (found["Heathrow"].country, found["Heathrow"].feature) == ("GBR", "landmark")  # no Heathrow, Florida
    assert found["Schiphol"].lat == pytest.approx(52.31, abs=0.05)
    assert "O'Hare" not in _by_text(places.apply(_annotated("Sean O'Hare said the bill would pass.")).places)


def test_a_place_named_with_the_part_of_it_meant_is_that_place() -> None:
    found = _by_text(places.apply(_annotated(
        "She grew up in West London and moved to north west London before settling in South Sudan.")).places)
    assert found["London"].country == "GBR" and "West London" not in found
    assert [p.span.start for p in places.apply(_annotated("He grew up in West London.")).places] == [19]
    assert found["South Sudan"].country == "SSD"  # a name the gazetteer knows whole stays whole
    assert "Metro" not in _by_text(places.apply(_annotated("They praised the West Metro plan.")).places)
    lawn = _annotated("The president held a rally on the South Lawn of the mansion.")
    assert "Lawn" not in _by_text(places.apply(lawn).places)


def test_a_towns_own_name_comes_before_a_large_citys_other_name() -> None:
    def where(name: str, *countries: str) -> tuple[str, str | None]:
        place = places.resolve(name, EN, context_countries=countries)
        assert place is not None
        return place.name, place.country

    # "Salisbury" is an old name of Harare and "Salem" one of Jerusalem; towns bear them as their own
    assert where("Salem", "USA")[1] == "USA"
    assert where("Salisbury", "GBR") == ("Salisbury", "GBR")
    # spellings and short forms of a city's own name still reach it
    assert where("St. Petersburg") == ("Saint Petersburg", "RUS")
    assert where("Petersburg", "RUS") == ("Saint Petersburg", "RUS")
    # another name still reaches a city where the article speaks of its country
    found = _by_text(places.apply(_annotated(
        "Saudi Arabia closed Mecca and Medina to pilgrims, and schools in Ohio shut their doors.")).places)
    assert found["Medina"].country == "SAU"  # no Medina, Ohio
    dateline = _by_text(places.apply(_annotated("PHILADELPHIA -- A jury in Philadelphia convicted him.")).places)
    assert dateline["PHILADELPHIA"].country == "USA"  # a dateline names a town, and no Amman
    assert dateline["Philadelphia"].country == "USA"


def test_a_place_a_numbers_entity_swallowed_is_found() -> None:
    article = _annotated("Voters in Anaheim back the plan: a poll of 706 Orange County residents found support for it.")
    assert [e.label_ for e in article.doc.ents if "Orange" in e.text] != ["GPE"]  # the tagger's reading
    found = _by_text(places.apply(article).places)
    assert found["Orange County"].lat == pytest.approx(33.7, abs=0.3)  # California's, beside Anaheim
    assert "March" not in _by_text(places.apply(_annotated("The council met in early March in Fargo.")).places)
    assert "US" not in _by_text(places.apply(_annotated("The fine was about 40 US dollars a month.")).places)


@pytest.mark.parametrize(("text", "name", "person"), [
    ("The Lyndon cosmetic surgeon opened a second office.", "Lyndon", True),
    ("Three Kalamazoo residents spoke at the hearing.", "Kalamazoo", True),
    ("A Fairbury Lions member spoke at the dinner.", "Fairbury", False),  # the club's member
    ("Fairbury Township voters rejected the levy.", "Fairbury", False),  # the township is the name
    ("Kalamazoo police arrested a man.", "Kalamazoo", False),  # police: a local noun, not a person
])
def test_a_name_modifying_a_noun_for_a_person_is_where_the_person_is_from(text: str, name: str, person: bool) -> None:
    from dateline.places._context import from_place

    article = _annotated(text)
    assert article.doc is not None
    start = text.index(name)
    tokens = article.doc.char_span(start, start + len(name))
    assert from_place(tokens, load_gazetteer(EN).words.context) is person


def test_a_town_the_tagger_calls_an_organization_before_a_noun_for_a_person_is_reported_alone() -> None:
    # The tagger calls these towns an organization or a group; no other place of the text lies near them.
    for text, name, country in [
        ("A Kalamazoo woman was charged with fraud on Monday after a two-year inquiry.", "Kalamazoo", "USA"),
        ("A Saskatoon dental surgeon has retired after forty years.", "Saskatoon", "CAN"),
    ]:
        article = _annotated(text)
        assert article.doc is not None
        mentions = {span.text: found for span, found in find_mentions(article.doc, load_gazetteer(EN)).items()}
        assert mentions[name].source in ("ORG", "NORP", "PERSON") and mentions[name].firm
        assert _by_text(places.apply(article).places)[name].country == country


def test_a_street_the_gazetteer_does_not_know_is_placed_at_the_town_the_text_puts_it_in() -> None:
    article = places.apply(_annotated(
        "Firefighters were called to a house on Maple Grove Avenue in Kalamazoo on Monday night. "
        "Thousands attended the Harvest Moon Parade in Kalamazoo on Saturday."
    ))
    found = _by_text(article.places)
    street, town = found["Maple Grove Avenue"], found["Kalamazoo"]
    assert (street.lat, street.lon, street.country, street.within) == (town.lat, town.lon, "USA", "Kalamazoo")
    assert street.name == "Maple Grove Avenue" and street.feature is None and street.geonames_id is None
    assert town.within is None  # a place with its own point
    parade = found["Harvest Moon Parade"]  # an event the tagger calls a facility: no building, no point
    assert parade.lat is None and parade.within is None


def test_a_street_with_no_town_after_it_keeps_its_name_only() -> None:
    from dateline.places._within import place_inside

    text = "The crash closed Elm Tree Road for hours, police in Kalamazoo said."
    road = Place(make_span(text, 17, 30), "Elm Tree Road", None)
    town = Place(make_span(text, 59, 68), "Kalamazoo", "USA", 42.29, -85.59, 5000, "city")
    words = load_gazetteer(EN).words
    assert place_inside(text, [road, town], {road.span}, words) == [road, town]
    moved = "The crash closed Elm Tree Road in Kalamazoo."
    road, town = Place(make_span(moved, 17, 30), "Elm Tree Road", None), Place(
        make_span(moved, 34, 43), "Kalamazoo", "USA", 42.29, -85.59, 5000, "city")
    placed = place_inside(moved, [road, town], {road.span}, words)[0]
    assert (placed.lat, placed.within) == (42.29, "Kalamazoo")
    assert place_inside(moved, [road, town], set(), words)[0] == road  # a name the gazetteer knows is left


def test_a_name_is_a_street_when_it_ends_in_a_street_word_or_its_number() -> None:
    from dateline.places._within import _built

    words = load_gazetteer(EN).words
    assert _built("Maple Grove Avenue", words) and _built("Route 9", words)
    assert not _built("Main Street Parade", words)  # an event named after a street
    assert _built("the Elm Tree Nursing Home", words)  # a building's word anywhere
