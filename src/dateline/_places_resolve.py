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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline._places_gazetteer import Entry, Gazetteer, normalize

__all__ = ["Context", "Mention", "best_entry", "qualifier_at", "resolve_mentions"]

# The weights below were tuned on LGL (local US news, 588 articles); GeoWebNews
# served as the held-out check that they do not only fit LGL.

#: Base score by feature type; cities add POPULATION_WEIGHT * log10(population).
FEATURE_BASE: dict[str, float] = {
    "country": 14.0,
    "region": 11.0,
    "us_state": 8.0,
    "admin1": 5.0,
    "admin2": 4.5,
    "city": 2.0,
}
POPULATION_WEIGHT = 1.5
#: Bonus for a candidate in a country the article mentions elsewhere.
COUNTRY_BONUS = 2.5
#: Bonus for a US candidate in a US state the article mentions elsewhere.
STATE_BONUS = 3.0
#: Score added (or taken) when an explicit qualifier agrees (or disagrees).
QUALIFIER_WEIGHT = 20.0
#: Penalty for an entry reached through an alternate or shortened name.
ALIAS_PENALTY = 1.0

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

    countries: Counter[str] = field(default_factory=Counter)
    states: Counter[str] = field(default_factory=Counter)

    def add(self, entry: Entry, sign: int = 1) -> None:
        if entry.country:
            self.countries[entry.country] += sign
        if entry.country == "USA" and entry.admin1 and entry.feature != "country":
            self.states[entry.admin1] += sign


def _feature(entry: Entry) -> str:
    if entry.feature == "admin1" and entry.country == "USA":
        return "us_state"
    return entry.feature


def score(entry: Entry, context: Context, qualifier: Entry | None = None) -> float:
    """How likely ``entry`` is meant, given the article's context (higher is likelier)."""
    value = FEATURE_BASE.get(_feature(entry), 0.0)
    if entry.feature in ("city", "admin2", "admin1") and _feature(entry) != "us_state":
        value += POPULATION_WEIGHT * math.log10(entry.population + 1) if entry.feature == "city" else 0.0
    if entry.alias:
        value -= ALIAS_PENALTY
    if entry.country and context.countries[entry.country] > 0:
        value += COUNTRY_BONUS
    if entry.country == "USA" and entry.admin1 and context.states[entry.admin1] > 0 and entry.feature != "admin1":
        value += STATE_BONUS
    if qualifier is not None:
        value += QUALIFIER_WEIGHT if _within(entry, qualifier) else -QUALIFIER_WEIGHT
    return value


def _within(entry: Entry, qualifier: Entry) -> bool:
    if qualifier.feature == "country":
        return entry.country == qualifier.country
    if qualifier.country == "USA" and qualifier.feature == "admin1":
        return entry.country == "USA" and entry.admin1 == qualifier.admin1
    return entry.country == qualifier.country


def candidates(gazetteer: Gazetteer, name: str, *, demonyms: bool = False) -> tuple[Entry, ...]:
    """The entries ``name`` may stand for (a demonym counts only when asked)."""
    found = gazetteer.lookup(name)
    if not found:
        cleaned = _strip_possessive(name)
        if cleaned != name:
            found = gazetteer.lookup(cleaned)
    if not found and demonyms:
        country = gazetteer.demonyms.get(normalize(name))
        found = (country,) if country is not None else ()
    return found


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def best_entry(entries: Sequence[Entry], context: Context, qualifier: Entry | None = None) -> Entry | None:
    """The best-scoring entry (ties go to the larger population), or None when there is none."""
    if not entries:
        return None
    return max(entries, key=lambda e: (score(e, context, qualifier), e.population))


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
    """Resolve every mention of one article, in two passes (see the module docstring)."""
    mentions = _share_qualifiers(mentions)
    options = [candidates(gazetteer, m.text, demonyms=demonyms) for m in mentions]
    first = [best_entry(found, Context(), m.qualifier) for found, m in zip(options, mentions, strict=True)]
    total = Context(Counter(context.countries), Counter(context.states)) if context else Context()
    own: dict[str, list[Entry]] = {}
    for mention, entry in zip(mentions, first, strict=True):
        for item in (entry, mention.qualifier):
            if item is not None:
                total.add(item)
                own.setdefault(normalize(mention.text), []).append(item)
    results: list[Entry | None] = []
    for mention, found in zip(mentions, options, strict=True):
        key = normalize(mention.text)
        for item in own.get(key, ()):
            total.add(item, -1)
        results.append(best_entry(found, total, mention.qualifier))
        for item in own.get(key, ()):
            total.add(item)
    return results
