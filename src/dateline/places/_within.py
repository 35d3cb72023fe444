"""Streets and buildings the gazetteer does not know, placed at the town the text puts them in.

A street, square or building the tagger names (a LOC or FAC entity: "Maple Grove Avenue", "the Riverside Stadium")
that the gazetteer does not know is kept with its name only. Where its name holds a word of a street's or a
building's (``way_words``, ``building_words``: not "the Harvest Moon Parade", an event the tagger may call
a facility), the text puts it in a town right after it, with a preposition of ``container_prepositions`` or a
comma ("Maple Grove Avenue in Kalamazoo", "120 Elm Tree Road, Leeds", "the Riverside Stadium at Saskatoon"),
and the stage reports that town with a point, the place takes the town's point and country and names the
town in ``Place.within``: a map shows it at its town, which is right within the town's size, and says the
point is the town's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.places._words import PlaceWords
from dateline.records import Place, Span

__all__ = ["CONTAINER_FEATURES", "place_inside"]

#: Features of the places that may hold a street or building: towns and counties, not provinces, countries
#: or regions, whose points lie too far from most of their streets.
CONTAINER_FEATURES = frozenset({"city", "admin2"})

#: Characters read after a street's name for the words before its town: a comma or a preposition, spaces and
#: an article ("near the").
LINK_CHARS = 16


def place_inside(text: str, places: Sequence[Place], unknown: set[Span], words: PlaceWords) -> list[Place]:
    """``places`` (in text order), with each street or building of ``unknown`` (the spans of the names the
    gazetteer does not know) that the text puts in a town the stage reports with a point placed at that
    town's point, ``within`` naming the town (see the module docstring)."""
    built = {span for span in unknown if _built(span.text, words)}
    if not built:
        return list(places)
    towns = {p.span.start: p for p in places if p.lat is not None and p.feature in CONTAINER_FEATURES}
    link = _link(tuple(sorted(words.container_prepositions)), words.articles)
    out = []
    for place in places:
        match = link.match(text, place.span.end, place.span.end + LINK_CHARS) if place.span in built else None
        town = towns.get(match.end()) if match else None
        out.append(place if town is None else replace(place, country=town.country, lat=town.lat, lon=town.lon,
                                                      within=town.name))
    return out


def _built(name: str, words: PlaceWords) -> bool:
    """Whether a name ends in a word of a street's name ("Maple Grove Avenue", "Route 9" with its number; not
    "Main Street Parade") or holds a word of a building's ("the Elm Tree Nursing Home")."""
    held = [w.strip(".,").casefold() for w in name.split()]
    named = held[:-1] if len(held) > 1 and held[-1].isdigit() else held  # "Route 9": the way word before its number
    return bool(named) and (named[-1] in words.ways or any(w in words.buildings for w in held))


@functools.cache
def _link(prepositions: tuple[str, ...], articles: tuple[str, ...]) -> re.Pattern[str]:
    """The words between a street and its town: a comma or a preposition, and an optional article ("near the")."""
    either = "|".join(re.escape(p) for p in prepositions)
    article = "|".join(re.escape(a.strip()) for a in articles)
    return re.compile(rf"(?:,|\s+(?:{either}))\s+(?:(?:{article})\s+)?", re.IGNORECASE)
