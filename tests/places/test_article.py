"""Places: a whole article's names resolved together (proximity of namesakes, likeliest readings)."""

from __future__ import annotations

from dateline import lang
from dateline.places import resolve_spans
from dateline.places._article import proximity
from dateline.places._gazetteer import load_gazetteer
from dateline.places._geo import Points
from dateline.places._resolve import candidates
from dateline.records import Place, make_span

EN = lang.resources("en")


def _resolved(text: str, *names: str) -> dict[str, Place]:
    spans = [make_span(text, text.index(name), text.index(name) + len(name)) for name in names]
    return {place.span.text: place for place in resolve_spans(text, spans, EN) if place is not None}


def _state(place: Place) -> tuple[str | None, float]:
    assert place.lat is not None and place.lon is not None
    return place.country, round(place.lat)


def test_two_large_cities_a_little_apart_outweigh_small_namesakes_side_by_side() -> None:
    found = _resolved("The night train runs from Albany to Boston.", "Albany", "Boston")
    assert _state(found["Albany"]) == ("USA", 43) and _state(found["Boston"]) == ("USA", 42)  # not Georgia's
    found = _resolved("The storm moved from Louisville toward Nashville.", "Louisville", "Nashville")
    assert _state(found["Louisville"]) == ("USA", 38)
    assert found["Louisville"].lon is not None and found["Louisville"].lon > -86.5  # Kentucky's, not Illinois'


def test_small_namesakes_near_each_other_still_name_a_local_story() -> None:
    found = _resolved("Deputies from Henry County searched a farm outside Paris.", "Henry County", "Paris")
    assert found["Paris"].country == "USA"  # Paris, Tenn., beside its county, not France's capital



def test_a_name_of_a_state_and_a_city_earns_nothing_from_its_large_city_reading() -> None:
    gazetteer = load_gazetteer(EN)
    names = ["new york", "pittsfield"]
    options = [candidates(gazetteer, name) for name in names]
    near = proximity(options, Points(), names)
    city = max((e for e in options[0] if e.feature == "city"), key=lambda e: e.population)
    assert city.population > 1_000_000 and near[0].get(city, 0.0) == 0.0  # the state's reading is for others to weigh
    boston = [candidates(gazetteer, name) for name in ("albany", "boston")]
    largest = max(boston[1], key=lambda e: e.population)
    assert proximity(boston, Points(), ["albany", "boston"])[1][largest] >= 1.0  # Albany, N.Y., 230 km away
