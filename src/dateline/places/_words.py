"""The language's part of the gazetteer: words for reading place names, and other names of places.

Read from ``lang/<code>/places.json`` (whose ``keys`` describe each of its
keys) and ``lang/<code>/demonyms.json`` through :class:`dateline.lang.Resources`;
a user file given as the ``places`` lexicon is merged over ``places.json``.
The gazetteer (:mod:`dateline.places._gazetteer`) indexes these names beside
the language-independent GeoNames and ISO 3166 data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from dateline import lang
from dateline._data import check_described, is_strings
from dateline.errors import ResourceError

__all__ = ["SUPPORTED_MAJOR", "ContextWords", "Names", "PlaceWords", "UseWords", "read_language"]

#: Major version of the language's ``places.json`` and ``demonyms.json`` this code reads.
SUPPORTED_MAJOR = "1"

#: Punctuation trimmed from the end of a place mention, beside the language's possessives.
TRAILING_PUNCTUATION = frozenset({".", ",", "-", "--", ":", ";"})


@dataclass(frozen=True)
class UseWords:
    """The words that tell how the text uses a name (``places.json``; see its ``keys`` and
    :mod:`dateline.places._use`), lower case except ``state_words``."""

    agent_verbs: frozenset[str]
    agent_object_verbs: frozenset[str]
    government_nouns: frozenset[str]
    relation_prepositions: frozenset[str]
    government_modifiers: frozenset[str]
    named_after_nouns: frozenset[str]
    state_words: frozenset[str]
    state_before: frozenset[str]
    state_nouns: frozenset[str]


@dataclass(frozen=True)
class ContextWords:
    """The words around a name that say the text means a place by it (``places.json``; see
    :mod:`dateline.places._context`), lower case."""

    locative_prepositions: frozenset[str]
    of_words: frozenset[str]
    local_nouns: frozenset[str]
    person_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    eponym_nouns: frozenset[str]
    byline_words: frozenset[str]
    based_words: frozenset[str]
    part_words: frozenset[str]


#: Marks of a glottal stop or an ʿayn that open transliterated names ("\u2018Afr\u012bn", "\u02bfAjl\u016bn"), which
#: English news leaves out ("Afrin"), with the straight apostrophe the key turns curly ones into.
_LEADING_MARKS = "'`\u02bb\u02bc\u02be\u02bf"

#: A hyphen between two letters, read as a space ("North-West" as "North West"); one hanging at either end of a
#: name ("Asia-" in "South East Asia- Middle East") is no part of it and keeps the name unknown as written.
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


#: Most keys of names kept at once (:meth:`PlaceWords.key`): a few megabytes, the names of thousands of articles.
KEY_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class PlaceWords:
    """The language's words for reading place names (``places.json``; see its ``keys``)."""

    #: lower-case articles, each with the space after it ("the ")
    articles: tuple[str, ...]
    #: the articles as a mention's first token may write them ("the", "The", "THE")
    leading: frozenset[str]
    possessives: tuple[str, ...]
    #: tokens trimmed from the end of a mention: possessives and punctuation
    trailing: frozenset[str]
    #: last words of street names, case-folded
    ways: frozenset[str]
    #: " County", " Parish": endings of clear divisions inside longer names
    county_endings: tuple[str, ...]
    #: " county", " census area": endings dropped to index a division's short name
    admin2_endings: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]
    divisions: frozenset[str]
    division_prefixes: tuple[str, ...]
    #: "counties" -> "County": plural division words after a list of names
    plural_divisions: dict[str, str]
    #: what separates the names of a list: commas and conjunctions, lower case
    list_separators: frozenset[str]
    #: initials of parties written before a legislator's home town ("R-Fairfax")
    party_initials: tuple[str, ...]
    #: prepositions between a town and the county or province it lies in ("Merstham in Surrey")
    qualifier_prepositions: frozenset[str]
    #: prepositions between a street or building and the town it lies in ("Elm Tree Road in Leeds")
    container_prepositions: frozenset[str]
    #: words of the names of buildings and grounds ("hospital", "park"), lower case
    buildings: frozenset[str]
    #: words that name a natural feature's kind ("river", "delta"), lower case
    feature_words: frozenset[str]
    #: kinds of natural feature named without an article ("island": "Borneo"), lower case
    bare_kinds: frozenset[str]
    #: folders of a news site's address that hold its local news ("local", "metro"), lower case
    section_words: frozenset[str]
    #: folders of a news site's address that name a kind of page ("story"), never a place, lower case
    page_words: frozenset[str]
    use: UseWords
    context: ContextWords

    def key(self, name: str) -> str:
        """The index key of a name: no accents, case folded, straight apostrophes, hyphens as spaces ("North-West"
        as "north west"), no leading article, and no mark of a consonant English does not write before its first
        letter ("\u2018Afr\u012bn" as "afrin")."""
        # Kept by name: an article asks for the keys of the same few names again and again (each candidate window,
        # each test of a name); the key depends on the name alone, so what is kept changes no result.
        keys = self._keys
        found = keys.get(name)
        if found is None:
            if len(keys) >= KEY_CACHE_SIZE:
                keys.clear()
            found = keys[name] = self.index_key(name)
        return found

    @functools.cached_property
    def _keys(self) -> dict[str, str]:
        return {}

    def index_key(self, name: str) -> str:
        """:meth:`key`, worked out anew on each call (for indexing the gazetteer's names, each asked once)."""
        if name.isascii():
            text = name.lower()
            if (text.isprintable() and "  " not in text and text == text.strip() and not text.startswith(self.articles)
                    and not text.startswith("'") and "-" not in text):
                return text
        else:
            text = unicodedata.normalize("NFKD", name)
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
            text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
        text = " ".join(_INNER_HYPHEN.sub(" ", text).split()).lstrip(_LEADING_MARKS)
        for article in self.articles:
            if text.startswith(article):
                return text[len(article) :]
        return text

    @functools.cached_property
    def _written_out(self) -> dict[str, str]:
        return {short.lower(): long.lower() for short, long in self.abbreviations}

    def spelled_out(self, name: str) -> str:
        """``name`` in lower case with its abbreviated words written out ("st. paul" as "saint paul")."""
        return " ".join(self._written_out.get(word, word) for word in name.lower().split())

    def names_feature(self, name: str) -> bool:
        """Whether ``name`` holds a word naming a natural feature's kind and another word ("Neches River", "Lake
        Ontario", not "Island")."""
        words = self.key(name).split()
        kinds = sum(word in self.feature_words for word in words)
        return 0 < kinds < len(words)

    def without_possessive(self, name: str) -> str:
        """``name`` without a possessive ending ("Georgia's" -> "Georgia"), else ``name``."""
        for ending in self.possessives:
            if name.endswith(ending):
                return name[: -len(ending)]
        return name


@dataclass(frozen=True)
class Names:
    """Other names of the gazetteer's places in the language, by what they name."""

    #: ISO-2 code -> other names of the country
    countries: dict[str, tuple[str, ...]]
    #: US postal code -> news-style abbreviations
    states: dict[str, tuple[str, ...]]
    #: GeoNames id -> other names of the city
    cities: dict[int, tuple[str, ...]]
    #: region name (as in data/places/regions.json) -> other names
    regions: dict[str, tuple[str, ...]]
    not_places: tuple[str, ...]
    #: ISO-2 code -> demonyms; region name -> demonyms
    country_demonyms: dict[str, tuple[str, ...]]
    region_demonyms: dict[str, tuple[str, ...]]


def _fail(where: str, what: str) -> ResourceError:
    return ResourceError(f"{where}: {what}; fix the file")


def _list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if not is_strings(value, nonempty=True):
        raise _fail(where, f"{key!r} must be a list of non-empty texts")
    return tuple(value)


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, tuple[str, ...]]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(is_strings(v, nonempty=True) for v in value.values()):
        raise _fail(where, f"{key!r} must map each name or code to a list of names")
    return {str(k): tuple(v) for k, v in value.items()}


def _abbreviations(data: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    value = data.get("abbreviations")
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise _fail(where, "'abbreviations' must map each abbreviation to its full form")
    return tuple((str(short), long) for short, long in value.items())


def _cities(data: dict[str, Any], where: str) -> dict[int, tuple[str, ...]]:
    value = data.get("city_names")
    if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise _fail(where, "'city_names' must map each name to the GeoNames id of a city")
    cities: dict[int, list[str]] = {}
    for name, geonames_id in value.items():
        cities.setdefault(geonames_id, []).append(name)
    return {k: tuple(v) for k, v in cities.items()}


def _words(data: dict[str, Any], where: str) -> PlaceWords:
    articles = tuple(a.strip().lower() for a in _list(data, "articles", where))
    possessives = _list(data, "possessives", where)
    return PlaceWords(
        articles=tuple(f"{a} " for a in articles),
        leading=frozenset(f for a in articles for f in (a, a.capitalize(), a.upper())),
        possessives=possessives,
        trailing=frozenset(possessives) | TRAILING_PUNCTUATION,
        ways=frozenset(w.casefold() for w in _list(data, "way_words", where)),
        county_endings=tuple(f" {w}" for w in _list(data, "county_words", where)),
        admin2_endings=tuple(f" {w.lower()}" for w in _list(data, "admin2_suffixes", where)),
        abbreviations=_abbreviations(data, where),
        divisions=frozenset(_list(data, "division_words", where)),
        division_prefixes=_list(data, "division_prefixes", where),
        plural_divisions=_mapping(data, "plural_divisions", where),
        list_separators=_lower(data, "list_separators", where),
        party_initials=_list(data, "party_initials", where),
        qualifier_prepositions=_lower(data, "qualifier_prepositions", where),
        container_prepositions=_lower(data, "container_prepositions", where),
        buildings=_lower(data, "building_words", where),
        feature_words=_lower(data, "feature_words", where),
        bare_kinds=_lower(data, "bare_kinds", where),
        section_words=_lower(data, "section_words", where),
        page_words=_lower(data, "page_words", where),
        use=_use_words(data, where),
        context=ContextWords(
            locative_prepositions=_lower(data, "locative_prepositions", where),
            of_words=_lower(data, "of_words", where),
            local_nouns=_lower(data, "local_nouns", where),
            person_nouns=_lower(data, "person_nouns", where),
            institution_nouns=_lower(data, "institution_nouns", where),
            eponym_nouns=_lower(data, "eponym_nouns", where),
            byline_words=_lower(data, "byline_words", where),
            based_words=_lower(data, "based_words", where),
            part_words=_lower(data, "part_words", where),
        ),
    )


def _mapping(data: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise _fail(where, f"{key!r} must map each word to a word")
    return {str(k).lower(): v for k, v in value.items()}


def _lower(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _list(data, key, where))


def _use_words(data: dict[str, Any], where: str) -> UseWords:
    return UseWords(
        agent_verbs=_lower(data, "agent_verbs", where),
        agent_object_verbs=_lower(data, "agent_object_verbs", where),
        government_nouns=_lower(data, "government_nouns", where),
        relation_prepositions=_lower(data, "relation_prepositions", where),
        government_modifiers=_lower(data, "government_modifiers", where),
        named_after_nouns=_lower(data, "named_after_nouns", where),
        state_words=frozenset(_list(data, "state_words", where)),
        state_before=_lower(data, "state_words_before", where),
        state_nouns=_lower(data, "state_nouns", where),
    )


def read_language(res: lang.Resources) -> tuple[PlaceWords, Names]:
    """The words and names of ``res``'s language, checked (``places.json`` with the user's file merged over it)."""
    where = res.where("places")
    check_described(res.packaged("places", SUPPORTED_MAJOR), f"dateline/lang/{res.language}/places.json")
    data = res.data("places", SUPPORTED_MAJOR)
    demonyms = res.packaged("demonyms", SUPPORTED_MAJOR)
    names = Names(
        countries=_table(data, "country_names", where),
        states=_table(data, "state_abbreviations", where),
        cities=_cities(data, where),
        regions=_table(data, "region_names", where),
        not_places=_list(data, "not_places", where),
        country_demonyms=_table(demonyms, "demonyms", res.where("demonyms")),
        region_demonyms=_table(demonyms, "regions", res.where("demonyms")),
    )
    return _words(data, where), names
