"""The records of the actor dictionaries (countries, organizations, people and the roles they held) and the
lookup tables built over them (:class:`Lexicon`); :mod:`dateline.actors._lexicon` loads and validates the files
that fill them."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from dateline.actors._names import OrganizationHeads
from dateline.actors._offices import Offices, remember
from dateline.actors._words import Gender, Words, normalize
from dateline.records import ActorKind

if TYPE_CHECKING:
    from dateline.actors._kb import KnowledgeBase

__all__ = ["Country", "Hit", "HitKind", "Lexicon", "NameCues", "Org", "Person", "Role"]

HitKind = Literal["country", "demonym", "capital", "metonym", "person", "org"]


def _fold(text: str) -> str:
    """``text`` without diacritics ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


@dataclass(frozen=True, slots=True)
class Role:
    """One office held over a term; ``end`` is None while in office. ``office`` names the office the
    title holds (``prime minister``, see :mod:`dateline.actors._offices`); ``precise`` says the term's
    dates are days, not years or months; an empty ``title`` is a role known only by its sector."""

    country: str
    sector: str
    title: str
    start: dt.date
    end: dt.date | None
    office: str | None = None
    precise: bool = True


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[Role, ...]
    gender: Gender | None = None
    wikidata: str | None = None
    kb: bool = False  # from the knowledge base built from open data, not the curated people.json


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    kind: ActorKind  # organization, group or other
    country: str | None
    sector: str | None
    wikidata: str | None = None
    share: float = 0.0  # a party's share of the vote, to choose between namesakes
    kb: bool = False  # from the knowledge base built from open data, not the curated organizations.json


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    adjective: str


@dataclass(frozen=True, slots=True)
class Hit:
    """What a surface form can stand for. ``surname`` marks a one-word person alias."""

    kind: HitKind
    ref: Country | Person | Org
    surname: bool = False


@dataclass(frozen=True, slots=True)
class NameCues:
    """The words that may stand right before a person's name the tagger left untagged (see
    :mod:`dateline.actors._untagged`), worked out once per lexicon."""

    #: curated titles and nouns of persons ("cardinal", "preacher")
    singular: frozenset[str]
    #: words of kinship and nouns of persons, which may stand before a comma ("his son-in-law, John Roe-Doe")
    kin: frozenset[str]
    #: the plurals of the singular words that are not themselves singular ("secretaries")
    plurals: frozenset[str]
    #: every such word, courtesy words included
    cues: frozenset[str]
    #: the last piece of each word, as the tokenizer splits at hyphens ("law" of "son-in-law")
    lasts: frozenset[str]


@dataclass
class Lexicon:
    """Lookup tables over the dictionaries (built once per process, then only read)."""

    words: Words
    countries: dict[str, Country] = field(default_factory=dict)
    #: exact-case surface form -> what it can stand for
    phrases: dict[str, tuple[Hit, ...]] = field(default_factory=dict)
    #: first word of a phrase (split at spaces and hyphens) -> the most words of such a phrase (the knowledge
    #: base's names merged in when it loads)
    first_words: dict[str, int] = field(default_factory=dict)
    #: lower-case agent noun -> (sector, label, whether it needs a country or organization before it)
    agents: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    #: agent nouns that make an actor when counted ("three people"), with no country or organization before them
    counted: set[str] = field(default_factory=set)
    #: agent nouns that make an actor when counted and also where the bare plural is a clause's party ("the
    #: victims said")
    counted_parties: set[str] = field(default_factory=set)
    #: agent nouns that stand for a group only after the article named one of their sector ("the officers"
    #: after "the Metropolitan Police"), and then for it
    anaphoric: set[str] = field(default_factory=set)
    #: phrases whose words are common in names of places and things ("city council"): no role words
    plain_phrases: set[str] = field(default_factory=set)
    #: anaphoric agent nouns that, after proper names, name an organization of their sector ("the Teamsters union")
    named_kinds: set[str] = field(default_factory=set)
    #: sector -> the label of its first agent entry ("MIL" -> "military")
    sector_labels: dict[str, str] = field(default_factory=dict)
    #: lower-case title words -> sector
    titles: dict[str, str] = field(default_factory=dict)
    #: PLOVER's role nouns that are no curated title -> sector: read only beside a person's name
    role_titles: dict[str, str] = field(default_factory=dict)
    #: lower-case institution words ("foreign ministry") -> sector
    institutions: dict[str, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    #: names the tagger often takes for actors that are not ("Brexit", "UTC")
    not_actors: set[str] = field(default_factory=set)
    #: plural role nouns that name things, not a group, when bare ("tankers", "capitals")
    not_groups: frozenset[str] = frozenset()
    #: every single word of agents, titles and institutions (lower case)
    role_words: set[str] = field(default_factory=set)
    sectors: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    #: last words of organization names -> sector ("Police" -> COP), for names no dictionary knows
    heads: OrganizationHeads | None = None
    #: which office a title holds ("premier" -> prime minister)
    offices: Offices | None = None
    #: the knowledge base built from open data (None without it); the curated files win over it
    kb: KnowledgeBase | None = None
    #: names and Wikidata ids of the curated people and organizations, which the knowledge base gives way to
    curated: set[str] = field(default_factory=set)
    #: every name of the dictionaries and the knowledge base, sorted: a phrase stops growing once no name
    #: begins with it
    prefixes: list[str] = field(default_factory=list)
    _firsts: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    _merged: dict[str, Person] = field(default_factory=dict, repr=False)
    # What was worked out once and is remembered (a copy made with ``dataclasses.replace`` starts afresh):
    # the curated people of each country, and what :meth:`lookup` and :meth:`may_start` answered for each surface
    # form, as the name scan asks of the same words in every article (see :data:`MAX_REMEMBERED`).
    _people_of: dict[str, list[Person]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _looked_up: dict[str, tuple[Hit, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _started: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def add(self, surface: str, hit: Hit) -> None:
        for form in dict.fromkeys((normalize(surface), normalize(_fold(surface)))):
            first, _, rest = form.partition(" ")
            if rest and first.lower() in self.words.definite_articles:
                form = rest  # "the Kremlin" is found as "Kremlin"
            if not form:
                continue
            hits = self.phrases.get(form, ())
            if hit not in hits:
                self.phrases[form] = (*hits, hit)
            words = re.split(r"[\s\-]", form)
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self._looked_up.clear()
        self._started.clear()

    def lookup(self, surface: str) -> tuple[Hit, ...]:
        """What ``surface`` may stand for: the dictionaries' entries, and the knowledge base's persons and
        organizations that no curated entry stands for (answered once per surface form, then remembered)."""
        found = self._looked_up.get(surface)
        if found is None:
            found = self._lookup(surface)
            remember(self._looked_up, surface, found, MAX_REMEMBERED)
        return found

    def _lookup(self, surface: str) -> tuple[Hit, ...]:
        key = normalize(surface)
        hits = self.phrases.get(key, ())
        if self.kb is None or any(h.kind in ("country", "demonym", "capital", "metonym") for h in hits):
            return hits
        known = self.kb.hits(key)
        extra = tuple(h for h in known if isinstance(h.ref, Person | Org) and h.ref.name not in self.curated
                      and (h.ref.wikidata is None or h.ref.wikidata not in self.curated))
        hits = tuple(self._with_kb_roles(h) for h in hits)
        return hits + extra if extra else hits

    def _with_kb_roles(self, hit: Hit) -> Hit:
        """A curated person with the offices the knowledge base knows of before the curated ones began: the
        curated file says she is Vice President from 2021, the knowledge base that she was a senator before."""
        ref = hit.ref
        if not isinstance(ref, Person) or ref.kb or self.kb is None:
            return hit
        merged = self._merged.get(ref.name)
        if merged is None:
            same = [h.ref for h in self.kb.hits(ref.name) if isinstance(h.ref, Person)]
            if len(same) == 1 and (ref.wikidata is None or same[0].wikidata in (None, ref.wikidata)):
                first = min(r.start for r in ref.roles)  # the curated offices win from their start on
                more = tuple(replace(r, end=first if r.end is None or r.end > first else r.end)
                             for r in same[0].roles if r.start < first)
                merged = replace(ref, roles=ref.roles + more) if more else ref
            else:
                merged = ref
            self._merged[ref.name] = merged
        return hit if merged is ref else replace(hit, ref=merged)

    def may_start(self, surface: str) -> bool:
        """Whether some dictionary name begins with ``surface`` (so that a longer phrase may still match)."""
        found = self._started.get(surface)
        if found is None:
            key = normalize(surface)
            at = bisect.bisect_left(self.prefixes, key)
            found = at < len(self.prefixes) and self.prefixes[at].startswith(key)
            remember(self._started, surface, found, MAX_REMEMBERED)
        return found

    def people_of(self, iso: str) -> list[Person]:
        """The curated people with a role in the country ``iso``, in the order of :attr:`people` (found once per
        country: who holds an office of a country is asked of every title without a name)."""
        found = self._people_of.get(iso)
        if found is None:
            found = self._people_of[iso] = [p for p in self.people if any(r.country == iso for r in p.roles)]
        return found

    def firsts(self, table: dict[str, Any]) -> frozenset[str]:
        """The first words of a table's phrases (agents, titles, institutions), computed once."""
        found = self._firsts.get(id(table))
        if found is None:
            found = self._firsts[id(table)] = frozenset(phrase.split(" ", 1)[0] for phrase in table)
        return found

    @functools.cached_property
    def name_cues(self) -> NameCues:
        """The words that may stand right before an untagged person's name (worked out on the first article)."""
        words = self.words
        singular = frozenset(self.titles.keys() | words.person_nouns)
        plurals = frozenset(words.plural(w) for w in singular) - singular
        cues = singular | plurals | words.kin_words | words.person_nouns | {w.lower() for w in words.honorifics}
        return NameCues(singular, words.kin_words | words.person_nouns, plurals, cues,
                        frozenset(w.rsplit("-", 1)[-1] for w in cues))

    def first_word_length(self, word: str) -> int:
        """The most words of a dictionary or knowledge-base name that begins with ``word`` (0: none does)."""
        return self.first_words.get(word, 0)


#: Most surface forms whose lookups a lexicon remembers; past it, it forgets them all and starts again (a
#: long run meets ever more names). The 105 coded Wikinews articles ask of 3,652 forms (12,131 lookups) and
#: whether 5,452 may begin a name (13,144 questions). Chosen so that the memory stays a few tens of megabytes.
MAX_REMEMBERED = 200_000

