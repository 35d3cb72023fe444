"""Where an article comes from, as far as its outlet and its words say: the country of its outlet's web
address ("lfpress.ca" is Canadian), the town a local outlet is named after ("gainesvilletimes.com"), the
towns its address names as sections of local news ("star-telegram.com/arlington_news/") and the countries
of the demonyms it uses ("Mexican farmers").

All weigh in when the article's names are resolved: "London" in a Canadian paper is more often the
Ontario city than it would be elsewhere, and "Dublin" in a Columbus paper is the Ohio town. Top-level
domains are read from ``data/places/domains.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, urlsplit

from dateline._data import packaged
from dateline.errors import ResourceError
from dateline.places._gazetteer import Entry, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

__all__ = ["demonym_countries", "in_country", "outlet_country", "outlet_town", "section_towns"]

#: Major version of ``data/places/domains.json`` this code reads.
DOMAINS_MAJOR = "1"

#: Entity labels whose text may be a demonym ("Mexican", "Russians").
DEMONYM_LABELS = frozenset({"NORP"})


@functools.cache
def _domains() -> tuple[dict[str, str], frozenset[str]]:
    data: dict[str, Any] = packaged("places/domains.json", "places data file", DOMAINS_MAJOR)
    countries, generic = data.get("countries"), data.get("generic")
    if not isinstance(countries, dict) or not isinstance(generic, list):
        raise ResourceError("places data file domains.json: 'countries' must be an object, 'generic' a list")
    return {str(k).lower(): str(v).upper() for k, v in countries.items()}, frozenset(str(g).lower() for g in generic)


def _split(url: str) -> SplitResult:
    """A web address in parts, with or without its scheme."""
    return urlsplit(url if "//" in url else f"//{url}")


def _host(url: str) -> str:
    """The host of a web address, with or without its scheme ("lfpress.ca/news" -> "lfpress.ca")."""
    return _split(url).hostname or ""


def outlet_country(url: str | None) -> str | None:
    """The ISO-3 code of the country of an outlet's web address, or None (".com", no address)."""
    if not url:
        return None
    return _tld_country(_host(url).rpartition(".")[2].lower())


@functools.cache
def _tld_country(tld: str) -> str | None:
    """The ISO-3 code of the country of a top-level domain ("ca" -> "CAN"), or None (generic, unknown)."""
    countries, generic = _domains()
    if len(tld) != 2 or not tld.isalpha() or tld in generic:
        return None
    import pycountry

    record = pycountry.countries.get(alpha_2=countries.get(tld, tld.upper()))
    return None if record is None else str(record.alpha_3)


def in_country(gazetteer: Gazetteer, town: str, country: str | None) -> Entry | None:
    """The country a local outlet's address puts its town in, as a qualifier of the town's name, when the
    gazetteer has a town of that name there: "cambridge-news.co.uk" is named after Cambridge, England, and
    every "Cambridge" of its articles is that town (one sense per article), however many Cambridges of
    other countries the article's other names lie near. None for an address of no country (".com") or a
    country with no town of that name."""
    if country is None or not any(e.feature == "city" and e.country == country for e in gazetteer.lookup(town)):
        return None
    return Entry(country, country, None, None, "country")


#: Smallest town an outlet's address is read as named after: smaller names match pieces of words
#: ("star" in "star-telegram"). Tuned on LGL (5,000 < 10,000 > 50,000).
OUTLET_TOWN_MIN_POPULATION = 10_000

#: Shortest piece of an address read as a town's name, in letters.
OUTLET_TOWN_MIN_LETTERS = 5


def _host_labels(host: str) -> list[str]:
    """The letters of each label of a host, without "www." and the top-level domain(s)."""
    labels = [label for label in host.lower().split(".") if label != "www"]
    words = ["".join(ch for ch in label if ch.isalpha()) for label in labels[:-1] or labels]
    return [word for word in words if word]


def outlet_town(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The name of the town the outlet's address is named after ("gainesvilletimes.com" -> "gainesville",
    "thelancasterandmorecambecitizen.co.uk" -> "lancaster"), or None: the longest name opening a label of the
    host (after "the") of a town of at least OUTLET_TOWN_MIN_POPULATION people, and of no country, US state
    or region ("mexiconews" is no town)."""
    if not url:
        return None
    host = _host(url)
    known = _TOWNS.get((id(gazetteer), host), _UNSEEN)
    if known is _UNSEEN:
        if len(_TOWNS) >= OUTLET_CACHE_SIZE:
            _TOWNS.clear()
        known = _TOWNS[(id(gazetteer), host)] = _town_of(host, gazetteer)
    return known if isinstance(known, str) else None


#: Hosts whose town is remembered per process (an article stream holds a few outlets, read again and again).
OUTLET_CACHE_SIZE = 4096
_UNSEEN = object()
_TOWNS: dict[tuple[int, str], object] = {}


def _town_of(host: str, gazetteer: Gazetteer) -> str | None:
    """The longest town's name opening a label of ``host`` (see :func:`outlet_town`), or None."""
    best: str | None = None
    for label in _host_labels(host):
        for opening in _openings(label, gazetteer.words.leading):
            for end in range(len(opening), OUTLET_TOWN_MIN_LETTERS - 1, -1):
                name = _as_town(opening[:end], gazetteer)
                if name is not None:
                    best = name if best is None or len(name) > len(best) else best
                    break
    return best


def _openings(label: str, articles: frozenset[str] | tuple[str, ...]) -> list[str]:
    """The label, and the label after a leading article ("thelancaster..." -> "lancaster...")."""
    found = [label]
    for article in articles:
        word = article.lower()
        if word.isalpha() and label.startswith(word) and len(label) > len(word):
            found.append(label[len(word):])
    return found


def _as_town(letters: str, gazetteer: Gazetteer) -> str | None:
    """The name of a town spelt by ``letters``, with or without one space ("newlondon"), when it is one."""
    for name in [letters, *(f"{letters[:i]} {letters[i:]}" for i in range(2, len(letters) - 1))]:
        entries = gazetteer.lookup(name)
        if any(e.feature in ("country", "region") or (e.feature == "admin1" and e.country == "USA")
               for e in entries):
            continue
        if any(e.feature == "city" and not e.alias and e.population >= OUTLET_TOWN_MIN_POPULATION
               and "".join(ch for ch in e.name.lower() if ch.isalpha()) == letters for e in entries):
            return name
    return None


#: Most words of a folder read as the name of a section of local news ("los_angeles_metro"): a longer one
#: is an article's own name, often a headline ("/charles-barkley-lashes-out/").
MAX_SECTION_WORDS = 3

#: Words a section's folder has after the town's name ("arlington_news", "los_angeles_metro"); with more,
#: the folder is a headline that opens with a town ("/dublin-council-meets/").
SECTION_WORDS_AFTER_NAME = 1

_FOLDER_WORDS = re.compile(r"[-_.+]+")


def section_towns(url: str | None, gazetteer: Gazetteer) -> list[str]:
    """The towns and counties the folders of a news site's address name as sections of local news: the folder
    after one of the language's section words ("/metro/dekalb/", "/local/philadelphia/"), or one that opens
    with a town's name followed by other words ("/arlington_news/", "/los_angeles_metro/"). The last part
    of the address, the article's own, is not read."""
    if not url:
        return []
    words = gazetteer.words
    folders = [part for part in _split(url).path.lower().split("/") if part][:-1]
    found: list[str] = []
    for i, folder in enumerate(folders):
        parts = [w for w in _FOLDER_WORDS.split(folder) if w]
        if not parts or len(parts) > MAX_SECTION_WORDS or not all(w.isalpha() for w in parts):
            continue
        if folder in words.page_words:
            continue
        name = _section_town(parts, gazetteer, whole=i > 0 and folders[i - 1] in words.section_words)
        if name is not None and name not in found:
            found.append(name)
    return found


def _section_town(parts: list[str], gazetteer: Gazetteer, *, whole: bool) -> str | None:
    """The town (of at least OUTLET_TOWN_MIN_POPULATION people) or county the words of a folder name: all of
    them (only when ``whole``), or all but the last; None when they name a country, US state or region."""
    sizes = [len(parts)] if whole else []
    for size in [*sizes, len(parts) - SECTION_WORDS_AFTER_NAME]:
        if size < 1:
            continue
        name = " ".join(parts[:size])
        entries = gazetteer.lookup(name)
        if any(e.feature in ("country", "region") or (e.feature == "admin1" and e.country == "USA") for e in entries):
            return None
        if any(e.feature == "admin2" or (e.feature == "city" and not e.alias
                                         and e.population >= OUTLET_TOWN_MIN_POPULATION) for e in entries):
            return name
    return None


def demonym_countries(ents: Sequence[TokenSpan], gazetteer: Gazetteer) -> dict[str, int]:
    """How often the article uses each country's demonym (ISO-3 -> count), read from its doc's entities."""
    counts: dict[str, int] = {}
    for ent in ents:
        if ent.label_ not in DEMONYM_LABELS:
            continue
        entry = gazetteer.demonyms.get(gazetteer.key(ent.text))
        if entry is not None and entry.feature == "country" and entry.country:
            counts[entry.country] = counts.get(entry.country, 0) + 1
    return counts
