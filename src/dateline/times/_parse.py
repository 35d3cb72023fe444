"""What the times stage reads from spaCy's annotation: the token at an offset, the verb that governs an
expression, the characters inside DATE and TIME entities. Every helper takes ``doc=None`` (no
annotation) and then finds nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.times._recognize import Extent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["clause_verb", "date_entity_chars", "governing_verb", "is_rate", "pos_at", "token_at"]

_VERBS = frozenset({"VERB", "AUX"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Parts of speech of what a rate counts ("flights a week", "$2 million a year").
_COUNTED = frozenset({"NOUN", "NUM"})


def _doc_end(doc: Doc) -> int:
    """Where the annotation ends in the text (``doc.text`` would rebuild the whole string)."""
    return doc[-1].idx + len(doc[-1].text) if len(doc) else 0


def token_at(doc: Doc | None, start: int) -> Token | None:
    """The token holding character ``start``, or None."""
    if doc is None or start >= _doc_end(doc):
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def pos_at(doc: Doc | None, start: int) -> str | None:
    """The part of speech of the token holding character ``start``, or None."""
    token = token_at(doc, start)
    return None if token is None else token.pos_


def governing_verb(doc: Doc | None, where: Extent) -> Token | None:
    """The verb that governs the text at ``where`` directly or through a preposition, or None."""
    if doc is None or where.end > _doc_end(doc):
        return None
    span = doc.char_span(where.start, where.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root.head
    if token.pos_ == "ADP" or token.dep_ == "prep":  # "Since March": spaCy tags "since" SCONJ
        token = token.head
    return token if token.pos_ in _VERBS else None


def clause_verb(doc: Doc | None, where: Extent) -> Token | None:
    """The nearest verb above the text at ``where`` through any nouns and prepositions ("will be named
    commander for a mission in December": "named"), or None."""
    if doc is None or where.end > _doc_end(doc):
        return None
    span = doc.char_span(where.start, where.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return next((t for t in span.root.ancestors if t.pos_ in _VERBS), None)


def is_rate(doc: Doc | None, where: Extent, articles: frozenset[str], frequencies: frozenset[str]) -> bool:
    """Whether one unit after an indefinite article counts what comes before it ("four flights a week",
    "$2 million a year", "twice a month"): the unit hangs from the word before the article as a noun
    phrase adverb, or that word is a frequency. Not "gave the team a year", where the unit is the verb's."""
    token = token_at(doc, where.start)
    if token is None or token.lower_ not in articles or token.i == 0:
        return False
    unit, before = token.head, token.doc[token.i - 1]
    if before.lower_ in frequencies:
        return True
    return unit.i == token.i + 1 and unit.dep_ == "npadvmod" and unit.head.i == before.i and before.pos_ in _COUNTED


def date_entity_chars(doc: Doc | None) -> frozenset[int]:
    """Character offsets covered by spaCy DATE/TIME entities."""
    if doc is None:
        return frozenset()
    return frozenset(i for ent in doc.ents if ent.label_ in _TIME_ENTITIES for i in range(ent.start_char, ent.end_char))
