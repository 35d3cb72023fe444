"""Disambiguation: the candidates of one place name and their scores.

A candidate is scored by feature type and population, then by the places
around it (a :class:`Context`): the countries and US states its article
votes for, the share of the article's other local names with a candidate
nearby, and an explicit qualifier ("Springfield, Illinois", "Alexandria,
La."). :mod:`dateline.places._article` resolves a whole article with these.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from dateline.places._gazetteer import ALTERNATE_NAMES_MIN_POPULATION, Entry, Gazetteer, PlaceWords
from dateline.places._geo import km
from dateline.records import Span

__all__ = ["ARTICLE_CUE", "FEATURE_CUES", "WITHIN_KM", "WORD_CUE",
           "Context", "Mention", "best_entry", "candidates", "is_decisive", "renamed", "score", "votes",
           "within"]

# The weights below were tuned on LGL (local US news, 588 articles); GeoWebNews
# served as the held-out check that they do not only fit LGL.

#: Base score by feature type; cities add POPULATION_WEIGHT * log10(population).
#: A country or US state name means the country or state unless a qualifier
#: or strong context says otherwise ("Georgia", "Jordan, Minn.").
FEATURE_BASE: dict[str, float] = {
    "country": 14.0,
    "us_state": 12.0,
    "region": 12.0,
    "landmark": 12.0,
    "admin1": 11.0,
    "admin2": 8.0,
    "city": 2.0,
}
POPULATION_WEIGHT = 1.5
#: Bonus for a country's capital ("Washington" is the city, not the state).
CAPITAL_BONUS = 3.0
#: Bonus, times the article's votes for a candidate's country (capped at 1).
COUNTRY_BONUS = 4.0
#: Bonus, times the article's votes for a US candidate's state (capped at 1).
STATE_BONUS = 3.0
#: The article's votes for a US state that earn the whole STATE_BONUS: a state the text names once, or one town's
#: reading, earns two thirds of it, so that a single vote does not level a state the text names over and over.
#: Tuned on LGL (1 < 1.25 < 1.5 = 1.75 > 2); GeoWebNews gains too.
STATE_VOTES_FOR_FULL_BONUS = 1.5
#: Bonus for a US state when the article names other states: "New York"
#: beside "Texas" is the state, alone it is the city (GeoWebNews, LGL).
STATE_PEER_BONUS = 2.5
#: Score added (or taken) when an explicit qualifier agrees (or disagrees).
QUALIFIER_WEIGHT = 20.0
#: Penalty for an entry reached through an alternate or shortened name.
ALIAS_PENALTY = 2.0
#: Bonus, times the share of the article's other local names (cities,
#: counties) that have a candidate near a candidate: local news names places
#: near each other ("Paris" beside "Henry County" is Paris, Tenn.).
PROXIMITY_BONUS = 6.0
#: Bonus for a town or county in the country of the article's outlet ("London" in a Canadian paper).
#: Tuned on LGL, whose outlets are local papers.
HOME_BONUS = 2.0
#: A city this large keeps its claim to a name it shares with a country or
#: US state ("New York"); smaller ones need a qualifier ("Indiana, Pa.").
MAJOR_CITY_POPULATION = 1_000_000
#: Mentions this short in capitals ("EU", "LA", "MoD") match no city: they are acronyms.
ACRONYM_MAX_LENGTH = 4

@dataclass(frozen=True)
class Mention:
    """A stretch of text to resolve, with the qualifier that follows it, if any."""

    span: Span
    qualifier: Entry | None = None
    state: bool = False  # the text means a state or province by it ("upstate New York")
    name: str | None = None  # the name to look up, when not the span's text ("Clay County" for "Clay")
    weight: float = 1.0  # how much its candidates vote for the article's countries and states
    town: bool = False  # the text names a town by it: a dateline names where a story was filed ("WASHINGTON —")
    feature: str = ""  # how the text names a natural feature by it (one of FEATURE_CUES: "the Nile", "Cauvery river")

    @property
    def lookup(self) -> str:
        """The name to look up."""
        return self.name or self.span.text


@dataclass
class Context:
    """The countries (ISO-3) and US states (postal codes) an article mentions, counted."""

    countries: dict[str, float] = field(default_factory=dict)
    states: dict[str, float] = field(default_factory=dict)
    named_states: float = 0.0  # mentions read as US states ("Texas", "Ohio")
    home: str | None = None  # the country of the article's outlet (ISO-3), when its address tells

    def scaled(self, factor: float) -> Context:
        """These votes times ``factor``."""
        return Context({k: v * factor for k, v in self.countries.items()},
                       {k: v * factor for k, v in self.states.items()}, self.named_states * factor, self.home)

    def update(self, votes: Context, sign: int = 1) -> None:
        for key, value in votes.countries.items():
            self.countries[key] = self.countries.get(key, 0.0) + sign * value
        for key, value in votes.states.items():
            self.states[key] = self.states.get(key, 0.0) + sign * value
        self.named_states += sign * votes.named_states
        self.home = self.home or votes.home


def votes(entries: Sequence[Entry]) -> Context:
    """What one mention says about the article: one vote shared among its candidates' countries and states."""
    result = Context()
    countries = {e.country for e in entries if e.country}
    states = {e.admin1 for e in entries if e.country == "USA" and e.admin1 and e.feature != "country"}
    for country in countries:
        result.countries[country] = 1 / len(countries)
    for state in states:
        result.states[state] = 1 / len(states)
    if entries:
        result.named_states = sum(_feature(e) == "us_state" for e in entries) / len(entries)
    return result


def _feature(entry: Entry) -> str:
    if entry.feature == "admin1" and entry.country == "USA":
        return "us_state"
    return entry.feature


def score(entry: Entry, context: Context, qualifier: Entry | None = None, near: float = 0.0, *,
          renamed: bool = False) -> float:
    """How likely ``entry`` is meant, given the article's context (higher is likelier); ``renamed``: the name
    is a town's own and reaches ``entry`` only as another name of it (see :func:`renamed`)."""
    value = FEATURE_BASE.get(_feature(entry), 0.0)
    if entry.feature == "city":
        value += POPULATION_WEIGHT * math.log10(entry.population + 1) + (CAPITAL_BONUS if entry.capital else 0.0)
    if entry.alias and (not _major(entry) or (renamed and context.countries.get(entry.country or "", 0.0) <= 0.0)):
        # a very large city goes by its short name ("New York" for New York City), and by another name where the
        # article speaks of its country ("Mecca and Medina" beside "Saudi Arabia"); elsewhere no more than a
        # town bearing that name does ("Salisbury" is Harare's old name and an English town's own)
        value -= ALIAS_PENALTY
    if entry.country:
        value += COUNTRY_BONUS * min(1.0, max(0.0, context.countries.get(entry.country, 0.0)))
    if entry.country == "USA" and entry.admin1 and entry.feature in ("city", "admin2"):
        value += STATE_BONUS * min(1.0, max(0.0, context.states.get(entry.admin1, 0.0)) / STATE_VOTES_FOR_FULL_BONUS)
    if _feature(entry) == "us_state":
        value += STATE_PEER_BONUS * min(1.0, max(0.0, context.named_states))
    value += PROXIMITY_BONUS * near
    if context.home is not None and entry.country == context.home and not is_decisive(entry):
        value += HOME_BONUS
    if qualifier is not None:
        value += QUALIFIER_WEIGHT if within(entry, qualifier) else -QUALIFIER_WEIGHT
    return value


def is_decisive(entry: Entry) -> bool:
    """Whether an entry settles what its name means: a country, US state or region."""
    return entry.feature in ("country", "region") or _feature(entry) == "us_state"


#: How far from a qualifier's point a place may lie and still be within it, by the qualifier's feature:
#: counties are small, provinces and regions large (set by hand: the radius of a large one).
WITHIN_KM = {"admin2": 100.0, "admin1": 800.0, "region": 2000.0, "landmark": 5.0, "city": 30.0}


def within(entry: Entry, qualifier: Entry) -> bool:
    """Whether ``entry`` lies within the place ``qualifier`` names: its country, its US state (by code),
    or near the point of its county, province or region."""
    if entry == qualifier:
        return True
    if qualifier.feature == "country":
        return entry.country == qualifier.country
    if qualifier.country == "USA" and qualifier.feature == "admin1":
        return entry.country == "USA" and entry.admin1 == qualifier.admin1
    if qualifier.country is not None and entry.country != qualifier.country:
        return False
    if entry.lat is None or qualifier.lat is None:
        return qualifier.country is not None
    return km(entry, qualifier) <= WITHIN_KM.get(qualifier.feature, 0.0)


#: How a text names a natural feature by a bare name: after an article ("the Nile") or before a word of a
#: feature's kind ("the Cauvery river"); only the word outweighs a town of the name.
ARTICLE_CUE = "article"
WORD_CUE = "word"
FEATURE_CUES = ("", ARTICLE_CUE, WORD_CUE)


def candidates(gazetteer: Gazetteer, name: str, *, qualified: bool = False, state: bool = False,
               town: bool = False, feature: str = "") -> tuple[Entry, ...]:
    """The entries ``name`` may stand for (a demonym stands for none: "Russian" is no place).

    ``qualified``: the name has a qualifier, so every homonym stays a candidate;
    ``state``: the text means a state or province ("New York State"), so only those are;
    ``town``: the text names a town ("WASHINGTON —"), so only towns are, when there are any;
    ``feature``: how the article names a natural feature by it (see :data:`FEATURE_CUES`; its strongest cue for
    the name anywhere). The natural features known by that bare name ("Nile", "Cauvery") are its candidates
    where no other place bears it and the article names a feature by it at least once ("the Cauvery dispute",
    then "the Cauvery Management Board"; "using Lua" names no river; an island or a peak needs no article:
    "Borneo", places.json's ``bare_kinds``), and where only towns and counties do,
    after a word of a feature's kind ("the Hudson river"), not after an article alone ("the Fremont school
    board"). A country, US state or region keeps its name ("the Jordan").
    """
    found = gazetteer.lookup(name)
    if any(not e.alias and e.feature == "city" and e.population >= OWN_NAME_MIN_POPULATION for e in found):
        other = renamed(gazetteer, name, found)  # "Philadelphia" is no Amman, "Salem" no Jerusalem
        found = tuple(e for e in found if e not in other)
    towns = tuple(e for e in found if e.feature == "city") if town else ()
    if towns:
        return towns
    words = name.split()
    if len(words) > 1 and words[-1] in gazetteer.words.use.state_words:
        found, state = gazetteer.lookup(" ".join(words[:-1])), True
    if state and any(e.feature == "admin1" for e in found):
        return tuple(e for e in found if e.feature == "admin1")
    if qualified:
        return found
    found = _named_feature(gazetteer, name, found)
    if found and _acronym(name):
        found = tuple(e for e in found if e.feature != "city")
    if any(not e.alias and e.feature == "country" for e in found):
        found = tuple(e for e in found if not e.alias)  # "Mexico" is the country, not Mexico City
    if any(not e.alias and _feature(e) in ("us_state", "region", "landmark") for e in found):
        # "California" is the state, not California, Md.: only a capital or a
        # very large city keeps its claim ("Washington", "New York"), unless a
        # qualifier names another place. Towns named like countries stay:
        # local news often means them ("Palestine, Texas", "Lebanon, Ind.").
        found = tuple(e for e in found if (e.feature != "city" and not e.alias) or _major(e))
    if any(not e.alias and e.feature == "city" for e in found):
        # towns of that very name before another known by it too ("Elizabethtown" is no Elizabeth, N.J.)
        found = tuple(e for e in found if not (e.alias and e.feature == "city" and not _major(e)))
    if any(e.capital and e.feature == "city" for e in found):
        found = tuple(e for e in found if _feature(e) != "us_state")  # "Washington" alone is the capital
    for variant in _variants(name, gazetteer.words) if not found else ():
        found = gazetteer.lookup(variant)
        if found:
            break
    return _natural(gazetteer, name, found, feature)


def _named_feature(gazetteer: Gazetteer, name: str, found: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """``found`` less its provinces and counties where the name holds a word of a feature's kind and a region
    bears it ("the Red Sea" is no Egyptian province, "Red River" no Louisiana parish)."""
    if gazetteer.words.names_feature(name) and any(e.feature == "region" and not e.alias for e in found):
        return tuple(e for e in found if e.feature not in ("admin1", "admin2"))
    return found


def _natural(gazetteer: Gazetteer, name: str, found: tuple[Entry, ...], feature: str) -> tuple[Entry, ...]:
    """The natural features a bare name stands for, where they are its candidates (see :func:`candidates`),
    else ``found``."""
    natural = gazetteer.natural.get(gazetteer.key(name), ())
    if not natural:
        return found
    if not found and (feature or all(e.kind in gazetteer.words.bare_kinds for e in natural)):
        return natural
    if found and feature == WORD_CUE and not any(is_decisive(e) and not e.alias for e in found):
        return natural
    return found


#: A town this large takes the name it bears outright from a city known by it only as another name; a smaller
#: one only costs that city the alias penalty (see :func:`renamed`). Not tuned: the size from which the
#: gazetteer keeps a city's other names, read from it so that the two cannot drift apart.
OWN_NAME_MIN_POPULATION = ALTERNATE_NAMES_MIN_POPULATION

#: How alike (difflib's ratio of their lower-case letters) two names must be to be spellings of one name
#: ("Odesa" and "Odessa", "Saint Petersburg" and "St. Petersburg"), not two names ("Harare", "Salisbury").
SPELLING_RATIO = 0.8


def renamed(gazetteer: Gazetteer, name: str, entries: Sequence[Entry]) -> frozenset[Entry]:
    """The cities among ``entries`` that ``name`` reaches only as another name of theirs while a town bears it
    as its own ("Salisbury": Harare beside Salisbury, England), not as a spelling of their own name ("Odessa",
    "St. Petersburg", "St. Paul" with the language's abbreviations written out) nor as their first or last
    words ("Santa Cruz" for Santa Cruz de la Sierra, "Petersburg" for Saint Petersburg)."""
    if not any(not e.alias and e.feature == "city" for e in entries):
        return frozenset()
    return frozenset(e for e in entries if _other_name(e, name, gazetteer.words))


def _other_name(entry: Entry, name: str, words: PlaceWords) -> bool:
    if not entry.alias or entry.feature != "city":
        return False
    own, other = words.spelled_out(entry.name), words.spelled_out(name)
    short, long = sorted((own, other), key=len)
    if long.startswith(short + " ") or long.endswith(" " + short):
        return False
    return difflib.SequenceMatcher(None, own, other).ratio() < SPELLING_RATIO


def _acronym(name: str) -> bool:
    """A short name in capitals ("EU", "LA"), or with capitals after its first letter ("MoD"), without full
    stops: no city."""
    if "." in name:
        return False  # letters with full stops abbreviate a name ("L.A."), as the language's names list them
    return len(name) <= ACRONYM_MAX_LENGTH and (name.isupper() or sum(ch.isupper() for ch in name[1:]) > 0)


def _major(entry: Entry) -> bool:
    return entry.capital or entry.population >= MAJOR_CITY_POPULATION


def _variants(name: str, language: PlaceWords) -> Iterator[str]:
    """Other spellings of a name the gazetteer does not know as written."""
    bare = language.without_possessive(name)
    if bare != name:
        name = bare
        yield name
    words = name.split()
    if not words:
        return
    for short, long in language.abbreviations:
        if words[0] in (short, long):
            yield " ".join([long if words[0] == short else short, *words[1:]])
    if len(words) > 1 and words[-1] in language.divisions:
        yield " ".join(words[:-1])
    for prefix in language.division_prefixes:
        size = prefix.count(" ") + 1
        if len(words) > size and " ".join(words[:size]) == prefix:
            yield " ".join(words[size:])


def best_entry(
    entries: Sequence[Entry],
    context: Context,
    qualifier: Entry | None = None,
    near: dict[Entry, float] | None = None,
    renamed: frozenset[Entry] = frozenset(),
) -> Entry | None:
    """The best-scoring entry (ties go to the larger population), or None when there is none; a qualifier's
    own words are the place it reads as ("Mexico" in "Oaxaca State, Mexico" is the country, not its capital)."""
    if not entries:
        return None
    if qualifier is not None and qualifier in entries:
        return qualifier
    closeness = near or {}
    # an entry hashes field by field: the tables are asked only when they hold anything
    return max(entries, key=lambda e: (score(e, context, qualifier, closeness.get(e, 0.0) if closeness else 0.0,
                                             renamed=bool(renamed) and e in renamed), e.population))
