"""Detection: the spans of a spaCy ``Doc`` that name places.

Two sources: the model's GPE, LOC and FAC entities, cleaned ("the", "'s" and
punctuation trimmed; split at commas; words that are never places, demonyms
and lower-case fragments such as "n't" dropped), and gazetteer matches of
proper-noun sequences outside any entity, kept only when the entry is a
country, US state, region or large city, so that a capitalized common word is
not taken for a village of the same name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline._places_gazetteer import Gazetteer, normalize

__all__ = ["PLACE_LABELS", "find_mentions"]

#: spaCy entity labels taken as place mentions.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Entity labels under which a country or US state name is still taken as a
#: place: en_core_web_sm often tags "Georgia" PERSON or "Hamburg" ORG.
MISTAGGED_LABELS = frozenset({"ORG", "PERSON", "NORP"})

#: Smallest city population accepted for a gazetteer-only match (no entity):
#: below it, matches on LGL were mostly capitalized common words and names.
GAZETTEER_ONLY_MIN_POPULATION = 100_000

#: Longest gazetteer-only match, in tokens.
MAX_MATCH_TOKENS = 4

_LEADING = frozenset({"the", "The", "THE"})
_TRAILING = frozenset({"'s", "\u2019s", "'", "\u2019", ".", ",", "-", "--", ":", ";"})


def find_mentions(doc: Any, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of place mentions in ``doc``, in text order."""
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in PLACE_LABELS:
            spans.extend(_entity_pieces(ent, gazetteer))
        elif ent.label_ in MISTAGGED_LABELS and _strong(gazetteer, ent.text):
            spans.append((ent.start_char, ent.end_char))
    spans.extend(_gazetteer_matches(doc, gazetteer, covered))
    return sorted(set(spans))


def _entity_pieces(ent: Any, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    piece: list[Any] = []
    for token in ent:
        if token.text == ",":
            yield from _cleaned(piece, gazetteer)
            piece = []
        else:
            piece.append(token)
    yield from _cleaned(piece, gazetteer)


def _cleaned(tokens: list[Any], gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    while tokens and (tokens[0].text in _LEADING or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _TRAILING or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    text = tokens[0].doc.text[start:end]
    if _acceptable(text, gazetteer):
        yield start, end


def _acceptable(text: str, gazetteer: Gazetteer) -> bool:
    if len(text) < 2 or not text[0].isupper() or not any(ch.isalpha() for ch in text):
        return False
    key = normalize(text)
    if key in gazetteer.not_places:
        return False
    return not (key in gazetteer.demonyms and key not in gazetteer.names)


def _strong(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` is clearly a place: a country, US state, region or large city."""
    if not _acceptable(name, gazetteer):
        return False
    for entry in gazetteer.lookup(name):
        if entry.alias:
            continue
        if entry.feature in ("country", "region") or (entry.feature == "admin1" and entry.country == "USA"):
            return True
        if entry.feature == "city" and entry.population >= GAZETTEER_ONLY_MIN_POPULATION:
            return True
    return False


def _gazetteer_matches(doc: Any, gazetteer: Gazetteer, covered: set[int]) -> Iterator[tuple[int, int]]:
    i, size = 0, len(doc)
    while i < size:
        if i in covered or doc[i].pos_ != "PROPN":
            i += 1
            continue
        longest = 0
        for n in range(min(MAX_MATCH_TOKENS, size - i), 0, -1):
            window = doc[i : i + n]
            if any(t.i in covered or t.pos_ != "PROPN" for t in window):
                continue
            if _strong(gazetteer, window.text):
                longest = n
                yield window.start_char, window.end_char
                break
        i += max(longest, 1)
