"""The actor knowledge base shipped with the package (``data/actors/kb.json.gz``), read once per process.

Built from open data by ``python -m dateline.actors.kb build`` (see that
package for the format and ``data/actors/sources.json`` for the sources). The
name index is read when the file loads; a person or organization is decoded
the first time an article names it. :meth:`KnowledgeBase.holders` answers who
held an office of a country on a day ("the president" of the United States on
2017-06-01).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import logging
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.actors._lexicon import Hit, Org, Person, Role
from dateline.errors import ResourceError

__all__ = ["KB_FILE", "KnowledgeBase", "load_kb"]

KB_FILE = "kb.json.gz"
FORMAT = "dateline-kb"
SUPPORTED_MAJOR = "1"
_PRECISE = 10  # characters of a YYYY-MM-DD date
logger = logging.getLogger(__name__)


def _start(text: str | None) -> dt.date:
    if not text:
        return dt.date.min
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _end(text: str | None) -> dt.date | None:
    """The last day a term may have lasted to: "2022" -> 2022-12-31, "2022-03" -> 2022-03-31."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], parts[1], parts[2])


@dataclass
class KnowledgeBase:
    """The knowledge base's name index, office index and (lazily decoded) entities."""

    names: dict[str, list[int]]
    people_text: list[str]
    orgs_text: list[str]
    offices: dict[str, dict[str, list[list[Any]]]]
    sources: list[dict[str, Any]]
    data_until: str | None
    #: place name -> the countries of the first-level divisions (states, provinces) of that name
    divisions: dict[str, list[str]] = field(default_factory=dict)
    #: place name -> the countries of the towns of that name
    towns: dict[str, list[str]] = field(default_factory=dict)
    #: first word of a name -> the most words of such a name
    first_words: dict[str, int] = field(default_factory=dict)
    #: first word of persons' names of two words or more -> how many persons' names begin with it
    given_names: dict[str, int] = field(default_factory=dict)
    _people: dict[int, Person] = field(default_factory=dict, repr=False)
    _orgs: dict[int, Org] = field(default_factory=dict, repr=False)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> KnowledgeBase:
        places = data.get("places", {})
        kb = cls(data["names"], data["people"], data["organizations"], data["offices"], data["sources"],
                 data.get("data_until"), places.get("divisions", {}), places.get("towns", {}))
        for name in kb.names:
            words = name.replace("-", " ").split()
            kb.first_words[words[0]] = max(kb.first_words.get(words[0], 0), len(words))
            if len(words) > 1 and all(r >= 0 for r in kb.names[name]):
                kb.given_names[words[0]] = kb.given_names.get(words[0], 0) + 1
        return kb

    def person(self, i: int) -> Person:
        if i not in self._people:
            name, gender, wikidata, roles = json.loads(self.people_text[i])
            self._people[i] = Person(name, tuple(
                Role(c, s, t or "", _start(b), _end(e), office=o, precise=_precise(b, e)) for c, s, t, o, b, e in roles
            ), gender, wikidata, kb=True)
        return self._people[i]

    def org(self, i: int) -> Org:
        if i not in self._orgs:
            name, kind, country, sector, wikidata, share = json.loads(self.orgs_text[i])
            self._orgs[i] = Org(name, kind, country, sector, wikidata, share, kb=True)
        return self._orgs[i]

    def hits(self, surface: str) -> tuple[Hit, ...]:
        """What a surface form may stand for (exact case; accents folded on both sides)."""
        refs = self.names.get(surface, ())
        return tuple(Hit("person", self.person(r)) if r >= 0 else Hit("org", self.org(-1 - r)) for r in refs)

    def holders(self, country: str, office: str, day: dt.date) -> list[Person]:
        """Who held ``office`` of ``country`` on ``day``: terms with exact dates first; several only when
        the sources cannot tell them apart."""
        found: list[tuple[bool, Person]] = []
        for start, end, i in self.offices.get(country, {}).get(office, []):
            if _start(start) <= day and (end is None or day <= (_end(end) or day)):
                found.append((_precise(start, end), self.person(i)))
        exact = [p for precise, p in found if precise]
        return list(dict.fromkeys(exact or [p for _, p in found]))


def _precise(start: str | None, end: str | None) -> bool:
    return bool(start and len(start) == _PRECISE and (end is None or len(end) == _PRECISE))


@functools.cache
def load_kb() -> KnowledgeBase | None:
    """The packaged knowledge base, once per process; None (the stage runs on its curated files alone) when
    the package was built without it."""
    source = resources.files("dateline").joinpath("data", "actors", KB_FILE)
    if not source.is_file():
        logger.warning("no actor knowledge base at dateline/data/actors/%s: actors are known from the curated "
                       "people.json and organizations.json only; rebuild it with 'python -m dateline.actors.kb "
                       "build'", KB_FILE)
        return None
    name = f"actor knowledge base dateline/data/actors/{KB_FILE}"
    try:
        data = json.loads(gzip.decompress(source.read_bytes()))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot read the {name}: {exc}; reinstall dateline or rebuild it with "
                            "'python -m dateline.actors.kb build'") from exc
    version = str(data.get("version", "")) if isinstance(data, dict) else ""
    if not isinstance(data, dict) or data.get("format") != FORMAT or version.split(".")[0] != SUPPORTED_MAJOR:
        raise ResourceError(f"{name}: not a version {SUPPORTED_MAJOR}.x knowledge base; rebuild it with "
                            "'python -m dateline.actors.kb build'")
    return KnowledgeBase.from_data(data)
