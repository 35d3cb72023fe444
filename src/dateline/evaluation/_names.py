"""Name words of the hand-coded Wikinews sets' actors and places, as :mod:`dateline.evaluation.wikinews` compares
them: two names are one party when they share a word of :func:`name_words`."""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["NAME_STOPWORDS", "NamedPlace", "name_words", "place_right"]

#: Words that never make two names one actor: articles, prepositions, conjunctions, pronouns, and the
#: "s" that ``\\w+`` leaves of a possessive. (A property of the set's English names, used only to score.)
NAME_STOPWORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "from", "by", "with", "s",
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "our", "i", "you", "who",
    "this", "that", "these", "those",
})
#: Words of a name.
_WORD = re.compile(r"\w+")
#: Initials with dots, one name word without them ("U.S." is "US", "D.C." is "DC").
_ABBREVIATION = re.compile(r"\b(?:[^\W\d_]\.){2,}")
#: Shortest words whose final "s" (or "ies") is read as a plural, and words in -ic read as an adjective;
#: endings never read as a plural. Shorter words ("news", "bus") are kept whole.
PLURAL_MIN = 5
ADJECTIVE_MIN = 7
_NOT_PLURAL = ("ss", "us", "is")


def _name_stem(word: str) -> str:
    """A name word's other form: a plural's singular ("courts", "parties"), and a noun for an adjective in
    -ic ("Democratic" and "Democrats" both give "democrat"); short words and words in -ss, -us, -is
    ("news", "Congress", "Paris") have none but themselves."""
    if len(word) >= PLURAL_MIN and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) >= PLURAL_MIN and word.endswith("s") and not word.endswith(_NOT_PLURAL):
        word = word[:-1]
    return _adjective_stem(word)


def name_words(*names: str) -> frozenset[str]:
    """The words of names, less :data:`NAME_STOPWORDS`, each with its :func:`_name_stem`: a common noun's
    ("the courts") and a one-word name's ("Democrats"). The capitalized words of a longer name are proper
    names, kept whole but for an adjective's -ic ("United States" is no "state"; "Serena Williams" no
    "William")."""
    words: set[str] = set()
    for name in names:
        found = [w for w in _WORD.findall(_ABBREVIATION.sub(_undotted, name)) if w.lower() not in NAME_STOPWORDS]
        for word in found:
            lower = word.lower()
            proper = word[0].isupper() and len(found) > 1
            words.update((lower, _adjective_stem(lower) if proper else _name_stem(lower)))
    return frozenset(words)


def _adjective_stem(word: str) -> str:
    return word[:-2] if len(word) >= ADJECTIVE_MIN and word.endswith("ic") else word


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", "")


class NamedPlace(Protocol):
    """A place as the scorer compares it: a name and a country code (a system's or a gold's)."""

    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str | None: ...


def place_right(place: NamedPlace | None, gold: NamedPlace) -> bool:
    """Whether a system place is the gold's: the same country and a shared name word."""
    return place is not None and place.country == gold.country and bool(name_words(place.name) & name_words(gold.name))
