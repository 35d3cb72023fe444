"""The knowledge base while it is built: entities merged across sources, and their offices.

An entity is found again by its Wikidata id, else by kind, folded name and
country, else (a person from a source without ids) by country, surname and the
first letters of the given name. Two entities with different Wikidata ids are
never merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

__all__ = ["Entity", "Office", "Store", "fold", "key"]

_QID = re.compile(r"^Q\d+$")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")
#: Letters that do not decompose into a base letter and a mark.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def fold(text: str) -> str:
    """``text`` without diacritics, case kept ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text: str) -> str:
    """The merging key of a name: folded, lower case, punctuation dropped."""
    return " ".join(_NOT_WORD.sub(" ", fold(text).lower().replace("'", "").replace("\u2019", "")).split())


def clean(name: str) -> str:
    return _SPACES.sub(" ", name.replace("\u00a0", " ")).strip(" ,;")


@dataclass
class Office:
    """One office of a person: title, country, sector, the term, and the source it comes from.

    ``start``/``end`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None: unknown; an unknown end
    with a known start means in office when the source was made); ``seen`` are the first and
    last dates a snapshot source showed the office, for offices whose term it does not give.
    """

    title: str
    country: str | None
    sector: str
    start: str | None
    end: str | None
    source: str
    seen: list[str] | None = None


@dataclass
class Entity:
    index: int  # its place in :attr:`Store.entities`
    kind: str  # "person" or "organization"
    name: str
    names: Counter[str] = field(default_factory=Counter)
    wikidata: str | None = None
    countries: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    offices: list[Office] = field(default_factory=list)
    gender: str | None = None
    org_kind: str = "organization"  # organization or group
    sector: str | None = None
    share: float = 0.0  # a party's vote share, to choose between namesakes
    locals: set[str] = field(default_factory=set)


class Store:
    """Every entity read so far, with the indexes that find one again."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_qid: dict[str, int] = {}
        self._by_key: dict[tuple[str, str, str | None], int] = {}
        self._by_local: dict[str, int] = {}
        self._by_surname: dict[tuple[str, str, str], list[int]] = defaultdict(list)

    def entity(self, kind: str, name: str, country: str | None, source: str, *, wikidata: str | None = None,
               local: str | None = None, loose: bool = False) -> Entity:
        """The entity of that name (merged with one already known), its name, country and source noted."""
        name = clean(name)
        qid = wikidata if wikidata and _QID.match(wikidata) else None
        found = self._find(kind, name, country, qid, local, loose)
        if found is None:
            found = len(self.entities)
            self.entities.append(Entity(found, kind, name))
        entity = self.entities[found]
        if qid and entity.wikidata is None:
            entity.wikidata = qid
            self._by_qid[qid] = found
        if local:
            entity.locals.add(local)
            self._by_local[local] = found
        self.add_name(found, name, country)
        entity.sources.add(source)
        if country:
            entity.countries[country] += 1
        return entity

    def _find(self, kind: str, name: str, country: str | None, qid: str | None, local: str | None,
              loose: bool) -> int | None:
        if qid and qid in self._by_qid:
            return self._by_qid[qid]
        if local and local in self._by_local:
            return self._by_local[local]
        found = self._by_key.get((kind, key(name), country))
        if found is not None and not (qid and self.entities[found].wikidata not in (None, qid)):
            return found
        if loose and kind == "person" and country:
            return self._find_loose(name, country, qid)
        return None

    def _find_loose(self, name: str, country: str, qid: str | None) -> int | None:
        words = key(name).split()
        if len(words) < 2:
            return None
        for index in self._by_surname.get((country, words[-1], words[0][0]), []):
            other = self.entities[index]
            if qid and other.wikidata not in (None, qid):
                continue
            first = key(other.name).split()[0]
            if first.startswith(words[0]) or words[0].startswith(first):
                return index
        return None

    def add_name(self, index: int, name: str, country: str | None, weight: int = 1) -> None:
        """Another name of the entity ``index`` (``weight`` 0: a variant, never the display name)."""
        name = clean(name)
        if not name or _QID.match(name):
            return
        entity = self.entities[index]
        entity.names[name] += weight
        self._by_key.setdefault((entity.kind, key(name), country), index)
        words = key(name).split()
        if entity.kind == "person" and country and len(words) >= 2:
            bucket = self._by_surname[(country, words[-1], words[0][0])]
            if index not in bucket:
                bucket.append(index)

    def office(self, entity: Entity, office: Office) -> None:
        """Add ``office`` to ``entity``, or widen the same office from the same source already there."""
        for known in entity.offices:
            same = (key(known.title) == key(office.title) and known.country == office.country
                    and known.source == office.source)
            if same and (known.start == office.start or (office.seen and (not office.start or known.seen))):
                _widen(known, office)
                return
        entity.offices.append(office)


def _widen(known: Office, new: Office) -> None:
    if new.start and not known.start:
        known.start = new.start
    if new.end and (not known.end or known.end < new.end):
        known.end = new.end
    if new.seen:
        low, high = known.seen or new.seen
        known.seen = [min(low, new.seen[0]), max(high, new.seen[1])]
