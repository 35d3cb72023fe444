"""Disambiguation: pick one gazetteer entry per place mention.

A mention's candidates are scored by feature type and population, then by
the places around it: the countries and US states its article mentions, and
an explicit qualifier ("Springfield, Illinois", "Alexandria, La."). Mentions
are resolved in two passes: the first, without context, finds the article's
countries and states; the second uses them, leaving out each mention's own
contribution so a name cannot vote for itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline._places_gazetteer import Entry, Gazetteer, normalize

__all__ = ["Context", "Mention", "best_entry", "qualifier_at", "resolve_mentions"]

# The weights below were tuned on LGL (local US news, 588 articles); GeoWebNews
# served as the held-out check that they do not only fit LGL.

#: Base score by feature type; cities add POPULATION_WEIGHT * log10(population).
#: A country or US state name means the country or state unless a qualifier
#: or strong context says otherwise ("Georgia", "Jordan, Minn.").
FEATURE_BASE: dict[str, float] = {
    "country": 14.0,
    "us_state": 13.0,
    "region": 12.0,
    "admin1": 11.0,
    "admin2": 5.0,
    "city": 2.0,
}
POPULATION_WEIGHT = 1.5
#: Bonus for a country's capital ("Washington" is the city, not the state).
CAPITAL_BONUS = 3.0
#: Bonus, times the article's votes for a candidate's country (capped at 1).
COUNTRY_BONUS = 2.5
#: Bonus, times the share of the article's country votes a candidate's country has.
COUNTRY_SHARE_BONUS = 0.0
#: Bonus, times the article's votes for a US candidate's state (capped at 1).
STATE_BONUS = 4.5
#: Score added (or taken) when an explicit qualifier agrees (or disagrees).
QUALIFIER_WEIGHT = 20.0
#: Penalty for an entry reached through an alternate or shortened name.
ALIAS_PENALTY = 3.0
#: Bonus, times the share of the article's other local names (cities,
#: counties) that have a candidate within NEAR_KM of a candidate: local news
#: names places near each other ("Paris" beside "Henry County" is Paris, Tenn.).
PROXIMITY_BONUS = 6.0
NEAR_KM = 100.0
#: Nearby names that earn the full proximity bonus.
PROXIMITY_SATURATION = 1000
#: Candidates per name considered for proximity (the best by score without context).
PROXIMITY_CANDIDATES = 25
#: A city this large keeps its claim to a name it shares with a country or
#: US state ("New York"); smaller ones need a qualifier ("Indiana, Pa.").
MAJOR_CITY_POPULATION = 1_000_000
#: Mentions this short in capitals ("EU", "LA") match no city: they are acronyms.
ACRONYM_MAX_LENGTH = 4

_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*\.?){0,2})")


@dataclass(frozen=True)
class Mention:
    """A stretch of text to resolve, with the qualifier that follows it, if any."""

    start: int
    end: int
    text: str
    qualifier: Entry | None = None


@dataclass
class Context:
    """The countries (ISO-3) and US states (postal codes) an article mentions, counted."""

    countries: dict[str, float] = field(default_factory=dict)
    states: dict[str, float] = field(default_factory=dict)

    def share(self, country: str) -> float:
        """The fraction of the article's country votes that go to ``country``."""
        total = sum(v for v in self.countries.values() if v > 0)
        return max(0.0, self.countries.get(country, 0.0)) / total if total > 0 else 0.0

    def update(self, votes: Context, sign: int = 1) -> None:
        for key, value in votes.countries.items():
            self.countries[key] = self.countries.get(key, 0.0) + sign * value
        for key, value in votes.states.items():
            self.states[key] = self.states.get(key, 0.0) + sign * value


def votes(entries: Sequence[Entry]) -> Context:
    """What one mention says about the article: one vote shared among its candidates' countries and states."""
    result = Context()
    countries = {e.country for e in entries if e.country}
    states = {e.admin1 for e in entries if e.country == "USA" and e.admin1 and e.feature != "country"}
    for country in countries:
        result.countries[country] = 1 / len(countries)
    for state in states:
        result.states[state] = 1 / len(states)
    return result


def _feature(entry: Entry) -> str:
    if entry.feature == "admin1" and entry.country == "USA":
        return "us_state"
    return entry.feature


def score(entry: Entry, context: Context, qualifier: Entry | None = None, near: float = 0.0) -> float:
    """How likely ``entry`` is meant, given the article's context (higher is likelier)."""
    value = FEATURE_BASE.get(_feature(entry), 0.0)
    if entry.feature == "city":
        value += POPULATION_WEIGHT * math.log10(entry.population + 1) + (CAPITAL_BONUS if entry.capital else 0.0)
    if entry.alias:
        value -= ALIAS_PENALTY
    if entry.country:
        value += COUNTRY_BONUS * min(1.0, max(0.0, context.countries.get(entry.country, 0.0)))
        value += COUNTRY_SHARE_BONUS * context.share(entry.country)
    if entry.country == "USA" and entry.admin1 and entry.feature in ("city", "admin2"):
        value += STATE_BONUS * min(1.0, max(0.0, context.states.get(entry.admin1, 0.0)))
    value += PROXIMITY_BONUS * near
    if qualifier is not None:
        value += QUALIFIER_WEIGHT if _within(entry, qualifier) else -QUALIFIER_WEIGHT
    return value


def _within(entry: Entry, qualifier: Entry) -> bool:
    if qualifier.feature == "country":
        return entry.country == qualifier.country
    if qualifier.country == "USA" and qualifier.feature == "admin1":
        return entry.country == "USA" and entry.admin1 == qualifier.admin1
    return entry.country == qualifier.country


def candidates(
    gazetteer: Gazetteer, name: str, *, demonyms: bool = False, qualified: bool = False
) -> tuple[Entry, ...]:
    """The entries ``name`` may stand for (a demonym counts only when asked).

    ``qualified``: the name has a qualifier, so every homonym stays a candidate.
    """
    found = gazetteer.lookup(name)
    if qualified:
        return found
    if found and name.isupper() and len(name) <= ACRONYM_MAX_LENGTH:
        found = tuple(e for e in found if e.feature != "city")
    if any(not e.alias and (e.feature == "country" or _feature(e) == "us_state") for e in found):
        found = tuple(e for e in found if not e.alias)  # "Mexico" is the country, not Mexico City
    if any(_feature(e) == "us_state" for e in found):
        # "California" is the state, not California, Md.: only a capital or a
        # very large city keeps its claim ("Washington", "New York"), unless a
        # qualifier names another place. Towns named like countries stay:
        # local news often means them ("Palestine, Texas", "Lebanon, Ind.").
        found = tuple(e for e in found if e.feature != "city" or _major(e))
    if not found:
        cleaned = _strip_possessive(name)
        if cleaned != name:
            found = gazetteer.lookup(cleaned)
    if not found and demonyms:
        country = gazetteer.demonyms.get(normalize(name))
        found = (country,) if country is not None else ()
    return found


def _major(entry: Entry) -> bool:
    return entry.capital or entry.population >= MAJOR_CITY_POPULATION


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def best_entry(
    entries: Sequence[Entry],
    context: Context,
    qualifier: Entry | None = None,
    near: dict[Entry, float] | None = None,
) -> Entry | None:
    """The best-scoring entry (ties go to the larger population), or None when there is none."""
    if not entries:
        return None
    closeness = near or {}
    return max(entries, key=lambda e: (score(e, context, qualifier, closeness.get(e, 0.0)), e.population))


def qualifier_at(gazetteer: Gazetteer, text: str, end: int) -> Entry | None:
    """A US state or country named right after ``end`` (", Illinois", ", Ill.", ", IL"), or None."""
    match = _QUALIFIER.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        state = gazetteer.states.get(phrase)
        if state is not None:
            return state
        for entry in gazetteer.lookup(phrase):
            if entry.feature == "country" or (entry.feature == "admin1" and entry.country == "USA"):
                return entry
    return None


def _share_qualifiers(mentions: Sequence[Mention]) -> list[Mention]:
    """One sense per article: "Hamburg, Germany" once makes every "Hamburg" the German one."""
    qualifiers: dict[str, Entry] = {}
    for mention in mentions:
        if mention.qualifier is not None:
            qualifiers.setdefault(normalize(mention.text), mention.qualifier)
    return [
        m if m.qualifier is not None else Mention(m.start, m.end, m.text, qualifiers.get(normalize(m.text)))
        for m in mentions
    ]


def resolve_mentions(
    gazetteer: Gazetteer,
    mentions: Sequence[Mention],
    *,
    demonyms: bool = False,
    context: Context | None = None,
) -> list[Entry | None]:
    """Resolve every mention of one article together (see the module docstring)."""
    mentions = _share_qualifiers(mentions)
    options = [
        candidates(gazetteer, m.text, demonyms=demonyms, qualified=m.qualifier is not None) for m in mentions
    ]
    first = [best_entry(found, Context(), m.qualifier) for found, m in zip(options, mentions, strict=True)]
    total, own = _tally(mentions, options, first, context)
    near = proximity({normalize(m.text): found for m, found in zip(mentions, options, strict=True)})
    picks = _pass(mentions, options, total, own, near)
    # A second look with the picks as votes: "Georgia" read as the US state
    # now makes "Atlanta" the one in Georgia.
    total, own = _tally(mentions, options, picks, context, trust=True)
    return _pass(mentions, options, total, own, near)


def _tally(
    mentions: Sequence[Mention],
    options: Sequence[Sequence[Entry]],
    picks: Sequence[Entry | None],
    context: Context | None,
    *,
    trust: bool = False,
) -> tuple[Context, dict[str, Context]]:
    total = Context()
    if context is not None:
        total.update(context)
    own: dict[str, Context] = {}
    for mention, found, entry in zip(mentions, options, picks, strict=True):
        said = votes([entry]) if trust and entry is not None else _said(found, entry, mention.qualifier)
        total.update(said)
        own.setdefault(normalize(mention.text), Context()).update(said)
    return total, own


def _pass(
    mentions: Sequence[Mention],
    options: Sequence[Sequence[Entry]],
    total: Context,
    own: dict[str, Context],
    near: dict[str, dict[Entry, float]],
) -> list[Entry | None]:
    results: list[Entry | None] = []
    for mention, found in zip(mentions, options, strict=True):
        key = normalize(mention.text)
        mine = own.get(key, Context())
        total.update(mine, -1)
        results.append(best_entry(found, total, mention.qualifier, near.get(key)))
        total.update(mine)
    return results


def _local(entries: Sequence[Entry]) -> list[Entry]:
    local = [e for e in entries if e.feature in ("city", "admin2") and e.lat is not None]
    if len(local) > PROXIMITY_CANDIDATES:
        local = sorted(local, key=lambda e: -score(e, Context()))[:PROXIMITY_CANDIDATES]
    return local


def proximity(options: dict[str, Sequence[Entry]]) -> dict[str, dict[Entry, float]]:
    """For each name and local candidate: the share of the other local names with a candidate nearby."""
    local = {name: _local(found) for name, found in options.items()}
    local = {name: found for name, found in local.items() if found}
    if len(local) < 2:
        return {}
    points = {name: [_xyz(e) for e in found] for name, found in local.items()}
    limit = 2 * math.sin(NEAR_KM / (2 * _EARTH_KM))  # chord length for NEAR_KM
    limit2 = limit * limit
    result: dict[str, dict[Entry, float]] = {}
    others = len(local) - 1
    for name, found in local.items():
        shares: dict[Entry, float] = {}
        for entry, (x, y, z) in zip(found, points[name], strict=True):
            hits = sum(
                any((x - a) ** 2 + (y - b) ** 2 + (z - c) ** 2 <= limit2 for a, b, c in pts)
                for other, pts in points.items()
                if other != name
            )
            shares[entry] = min(1.0, hits / min(others, PROXIMITY_SATURATION))
        result[name] = shares
    return result


_EARTH_KM = 6371.0


def _xyz(entry: Entry) -> tuple[float, float, float]:
    lat, lon = math.radians(entry.lat or 0.0), math.radians(entry.lon or 0.0)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


def _said(found: Sequence[Entry], first: Entry | None, qualifier: Entry | None) -> Context:
    """The votes of one mention: its qualifier, its pick when decisive, else all its candidates."""
    if qualifier is not None:
        return votes([qualifier])
    if first is not None and (first.feature in ("country", "region") or _feature(first) == "us_state"):
        return votes([first])
    return votes(found)
