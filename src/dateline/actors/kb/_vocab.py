"""What the build reads from the language files: country names, the offices a title holds, name words.

Country names (as the sources write them) resolve through ``countries.json``
(names and aliases) and ISO 3166 (``pycountry``: names, official and common
names). A title's office ("Prime Minister of Albania" -> ``prime minister``)
comes from the ``offices`` of ``agents.json``, the same table the stage reads
to find who holds the office a text names ("the prime minister").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pycountry

from dateline.actors._lexicon import SUPPORTED_MAJOR
from dateline.actors._names import OrganizationHeads, display_case, parse_heads
from dateline.actors._offices import Offices, parse_offices, title_words
from dateline.actors.kb._store import key
from dateline.lang import Resources

__all__ = ["CAMEO_COUNTRIES", "CAMEO_SECTORS", "Vocabulary"]

#: CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_COUNTRIES = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX"}
#: CAMEO sector codes -> PLOVER's (CAMEO's MED is the media, HLH health; the groups of
#: rights, environment and development are non-governmental; the UN and peacekeepers are IGO).
CAMEO_SECTORS = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "HRI": "NGO", "ENV": "NGO", "DEV": "NGO",
    "IRC": "NGO", "AMN": "NGO", "GRP": "NGO", "UNO": "IGO", "PKO": "IGO", "MOD": "GOV", "RAD": "OPP",
}


@dataclass
class Vocabulary:
    """Country names, offices and the words of personal names, from a language's actor files."""

    countries: dict[str, str]
    iso3: frozenset[str]
    offices: Offices
    name_suffixes: frozenset[str]
    honorifics: frozenset[str]
    sectors: frozenset[str]
    heads: OrganizationHeads
    particles: frozenset[str]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    place_names: frozenset[str]
    unknown: Counter[str] = field(default_factory=Counter)

    @classmethod
    def load(cls, res: Resources) -> Vocabulary:
        countries: dict[str, str] = {}
        entries = res.packaged("countries", SUPPORTED_MAJOR)["countries"]
        places: set[str] = set()
        for entry in entries:
            for name in (entry["name"], *entry.get("aliases", [])):
                countries.setdefault(key(name), entry["iso3"])
            for kind in ("demonyms", "capitals", "metonyms"):
                places.update(key(name) for name in entry.get(kind, []))
        places.update(countries)
        agents: dict[str, Any] = res.packaged("agents", SUPPORTED_MAJOR)
        words: dict[str, Any] = res.packaged("actors", SUPPORTED_MAJOR)
        stops = frozenset(w.lower() for w in words["name_prepositions"])
        written = [w.lower() for entry in agents["titles"] for w in entry["words"]]
        titles = frozenset(title_words(w) for w in written if not w.endswith("."))
        abbreviations = frozenset(" ".join(w.split()) for w in written if w.endswith("."))
        return cls(countries, frozenset(e["iso3"] for e in entries), parse_offices(agents["offices"], words),
                   frozenset(w.lower() for w in words["name_suffixes"]),
                   frozenset(w.lower().rstrip(".") for w in words["honorifics"]), frozenset(agents["sectors"]),
                   parse_heads(agents["organization_heads"], stops), frozenset(words["name_particles"]), titles,
                   abbreviations, frozenset(places))

    def display_name(self, name: str) -> str:
        """A name written in capitals in the case names are printed in."""
        return display_case(" ".join(name.split()), self.particles)

    def organization_sector(self, name: str) -> str | None:
        return self.heads.sector(name)

    def has_title(self, text: str) -> bool:
        """Whether ``text`` holds a title before its last word ("Secretary-General Ban Ki-moon", "Gov. Ann
        Roe", "Dr Ann Roe") or is all title ("Trade Representative"). The last word of a name is its surname,
        never a title ("Mailis Reps", "Julie Bishop"); an abbreviated title counts with its full stop, or
        without it only as the first word ("Maj. Roe" and "Maj Roe" hold one, "Ulla Maj Wideroos" none)."""
        raw = text.lower().split()
        if raw and (raw[0] in self.abbreviations or f"{raw[0]}." in self.abbreviations):
            return True
        if any(" ".join(raw[i:j]) in self.abbreviations for i in range(len(raw)) for j in range(i + 1, len(raw))):
            return True
        words = title_words(text).split()
        if " ".join(words) in self.titles:
            return True
        return any(" ".join(words[i:j]) in self.titles for i in range(len(words)) for j in range(i + 1, len(words)))

    def country(self, name: str) -> str | None:
        """The ISO-3 code of a country named as a source writes it ("Korea, South"), None if unknown."""
        found = self.countries.get(key(name))
        if found is None:
            found = _iso(name)
        if found is None or (found not in self.iso3 and found != "IGO"):
            self.unknown[name] += 1
            return None
        return found

    def person_names(self, name: str) -> list[str]:
        """Other forms of a person's name: without honorifics, middle initials and suffixes ("Richard J.
        Durbin" -> "Richard Durbin", "Sir Keir Starmer" -> "Keir Starmer")."""
        words = name.replace(",", " ").split()
        while len(words) > 2 and words[0].lower().rstrip(".") in self.honorifics:
            words = words[1:]
        while len(words) > 2 and words[-1].lower() in self.name_suffixes:
            words = words[:-1]
        forms = [" ".join(words)]
        kept = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not _initial(w)]
        forms.append(" ".join(kept))
        return [f for f in dict.fromkeys(forms) if f != name and len(f.split()) >= 2]


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def _iso(name: str) -> str | None:
    try:
        found = pycountry.countries.lookup(name.strip())
    except LookupError:
        return None
    return str(found.alpha_3)
