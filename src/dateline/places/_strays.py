"""Towns the gazetteer resolves that are likelier namesakes it lacks: kept without a point.

A small town alone in its country among an article's places in other
countries ("Titan", a company in a Texas article, is no Tītān, Afghanistan), and
a small US town far from the article's other towns and outside their states
("Hillsboro" in a New Hampshire paper is no Hillsboro, Missouri), are strays
(:func:`find_strays`); the stage keeps their names without a point.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.places._gazetteer import Entry
from dateline.places._geo import km

__all__ = ["find_strays"]

#: A town smaller than this, alone in its country among an article's places that lie in other countries, is
#: likelier a namesake the gazetteer lacks, or no place ("Titan", a company of a Texas article, is no Tītān,
#: Afghanistan): the name is kept without a point. Tuned on LGL (5,000 < 20,000 > 100,000, which loses
#: places of both sets); GeoWebNews gains as much.
STRAY_TOWN_POPULATION = 20_000
#: A US town smaller than this, in none of the states of an article's other places and farther than
#: STRAY_TOWN_KM from each of its other towns and counties, is likelier a namesake the gazetteer lacks than
#: that town ("Hillsboro" in a New Hampshire paper is no Hillsboro, Missouri). Tuned on LGL (20,000 <
#: 50,000; 150 km = 300 km); GeoWebNews gains as much.
FAR_TOWN_POPULATION = 50_000
STRAY_TOWN_KM = 300.0
#: Fewest other towns and counties that must lie together for one far from them to be a stray.
FAR_TOWN_NEIGHBOURS = 2


def find_strays(entries: Sequence[Entry | None], home: str | None) -> set[Entry]:
    """The small towns of an article that no other of its places, nor its outlet, puts in their country, and
    the US towns far from all its other places and outside their states: both are kept without a point."""
    placed = [e for e in entries if e is not None and e.lat is not None]
    countries = {e.country for e in placed}
    alone = {
        e for e in placed
        if e.feature == "city" and e.population < STRAY_TOWN_POPULATION and e.country != home
        and len(countries) > 1 and all(o.country != e.country for o in placed if o != e)
    }
    return alone | {e for e in placed if _far_town(e, placed)}


def _far_town(entry: Entry, placed: Sequence[Entry]) -> bool:
    """Whether a small US town lies outside the states of the other ``placed`` entries and far from each of their
    towns and counties."""
    if entry.feature != "city" or entry.country != "USA" or entry.population >= FAR_TOWN_POPULATION:
        return False
    others = [o for o in placed if o != entry]  # built only for the few small US towns: entries compare field by field
    local = [o for o in others if o.feature in ("city", "admin2")]
    states = {o.admin1 for o in others if o.country == "USA" and o.admin1}
    if len({o.geonames_id for o in local}) < FAR_TOWN_NEIGHBOURS:
        return False  # two towns far apart: either may be the namesake
    return entry.admin1 not in states and all(km(entry, o) > STRAY_TOWN_KM for o in local)
