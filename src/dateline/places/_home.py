"""Where an article comes from, as far as its outlet and its words say: the country of its outlet's web
address ("lfpress.ca" is Canadian) and the countries of the demonyms it uses ("Mexican farmers").

Both weigh in when the article's names are resolved: "London" in a Canadian paper is more often the
Ontario city than it would be elsewhere. Top-level domains are read from ``data/places/domains.json``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dateline._data import packaged
from dateline.errors import ResourceError
from dateline.places._gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["demonym_countries", "outlet_country"]

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


def outlet_country(url: str | None) -> str | None:
    """The ISO-3 code of the country of an outlet's web address, or None (".com", no address)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rpartition(".")[2].lower()
    countries, generic = _domains()
    if len(tld) != 2 or not tld.isalpha() or tld in generic:
        return None
    import pycountry

    record = pycountry.countries.get(alpha_2=countries.get(tld, tld.upper()))
    return None if record is None else str(record.alpha_3)


def demonym_countries(doc: Doc, gazetteer: Gazetteer) -> dict[str, int]:
    """How often the article uses each country's demonym (ISO-3 -> count)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in DEMONYM_LABELS:
            continue
        entry = gazetteer.demonyms.get(gazetteer.key(ent.text))
        if entry is not None and entry.feature == "country" and entry.country:
            counts[entry.country] = counts.get(entry.country, 0) + 1
    return counts
