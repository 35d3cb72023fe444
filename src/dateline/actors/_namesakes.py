"""Country namesakes: "Georgia" the US state, not the country, where the article's places say so.

A country's or a capital's name that is also a first-level division of one
other country (Georgia, a US state; Victoria, an Australian state and the
capital of Seychelles) names the division when the article names more places
and names of the division's country ("Marco Rubio of Florida, Mike Lee of
Utah, and David Perdue of Georgia", "Atlanta", "U.S.") than of the country of
that name ("Georgian", "Tbilisi"). Each distinct name counts once. The
stage then reads the name as that division: no country actor, and the
division's country for a name that holds it ("Georgia Institute of
Technology"). A country's name followed by a division of another country where
a town bears it ("Palestine, Texas") is that town throughout the article. A
country's name that ends the name of a division or town of other countries
("New Mexico", "Northern Ireland", "New Jersey") names no country there.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dateline.actors._lexicon import Country

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.actors._kb import KnowledgeBase
    from dateline.actors._mentions import Candidate
    from dateline.actors._tokens import TokenTexts

__all__ = ["division_namesakes", "inside_places", "without_namesakes"]

#: Hits whose names may also be a division's: a country's own name and a capital's.
NAMESAKE_KINDS = frozenset({"country", "capital"})
#: The most words before a country's name that may make it part of a longer place's name ("New Mexico").
PLACE_PREFIX_WORDS = 2
#: spaCy entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC"})


def division_namesakes(doc: Doc, texts: TokenTexts, phrases: list[Candidate],
                       kb: KnowledgeBase | None) -> dict[str, str]:
    """Name -> the country of the division it names in this article, for every country or capital name the
    article's other places show to be a division's (``texts``: the texts of ``doc``'s tokens)."""
    found: dict[str, str] = {}
    if kb is None:
        return found
    for cand in phrases:
        surface = texts.between(cand.tok_start, cand.tok_end)
        named = {h.ref.iso3 for h in cand.hits if isinstance(h.ref, Country) and h.kind in NAMESAKE_KINDS}
        if named and surface not in found and (town := _qualified_town(doc, cand, kb, surface, named)):
            found[surface] = town  # "Palestine, Texas": a town of the state's country, wherever else named
            continue
        others = set(kb.divisions.get(surface, ())) - named if named else set()
        if surface in found or len(others) != 1:
            continue
        (other,) = others
        votes = _votes(doc, texts, phrases, kb, surface)
        if votes[other] > max(votes[iso] for iso in named):
            found[surface] = other
    return found


def _qualified_town(doc: Doc, cand: Candidate, kb: KnowledgeBase, surface: str, named: set[str]) -> str | None:
    """The country of a town that bears a country's name, when the text writes the town's first-level division
    right after it ("Palestine, Texas", "Lebanon, Pa."): that division's country, if a town there has the name."""
    k = cand.tok_end
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].pos_ != "PROPN":
        return None
    after = doc[k + 1].text
    countries = (set(kb.divisions.get(after, ())) | set(kb.divisions.get(after.rstrip("."), ()))) - named
    towns = set(kb.towns.get(surface, ()))
    return countries.pop() if len(countries) == 1 and countries <= towns else None


def without_namesakes(texts: TokenTexts, phrases: list[Candidate], namesakes: dict[str, str]) -> list[Candidate]:
    """The phrases without the country readings of the names that are divisions here (``texts``: the texts of
    the article's tokens)."""
    out = []
    for cand in phrases:
        other = namesakes.get(texts.between(cand.tok_start, cand.tok_end))
        if other is not None:
            cand.hits = tuple(h for h in cand.hits if not isinstance(h.ref, Country))
        if cand.hits:
            out.append(cand)
    return out


def inside_places(texts: TokenTexts, phrases: list[Candidate], kb: KnowledgeBase | None) -> list[Candidate]:
    """The phrases without the country readings of a country's name that ends the name of a division or town
    of other countries ("New Mexico", "Northern Ireland", "New Jersey"): the words before it make another
    place."""
    if kb is None:
        return phrases
    out = []
    for cand in phrases:
        named = {h.ref.iso3 for h in cand.hits if isinstance(h.ref, Country)}
        if named and not cand.part and _inside_place(texts, cand, kb, named):
            cand.hits = tuple(h for h in cand.hits if not isinstance(h.ref, Country))
        if cand.hits:
            out.append(cand)
    return out


def _inside_place(texts: TokenTexts, cand: Candidate, kb: KnowledgeBase, named: set[str]) -> bool:
    """Whether the capitalized words right before the candidate (up to :data:`PLACE_PREFIX_WORDS`) make with it
    the name of a division or town that the knowledge base gives only to countries other than those it names
    (``named``): "New" + "Mexico" is a US state, so "Mexico" names no country there."""
    for size in range(1, PLACE_PREFIX_WORDS + 1):
        start = cand.tok_start - size
        if start < 0 or not all(word.istitle() for word in texts.words[start : cand.tok_start]):
            return False
        name = texts.between(start, cand.tok_end)
        countries = set(kb.divisions.get(name, ())) | set(kb.towns.get(name, ()))
        if countries and not countries & named:
            return True
    return False


def _votes(doc: Doc, texts: TokenTexts, phrases: list[Candidate], kb: KnowledgeBase, surface: str) -> Counter[str]:
    """The countries of the article's other names: its country names (and peoples, capitals) and the places
    the tagger saw that are divisions of a country."""
    votes: Counter[str] = Counter()
    seen = {surface}
    for cand in phrases:
        text = texts.between(cand.tok_start, cand.tok_end)
        if text not in seen:
            seen.add(text)
            votes.update({h.ref.iso3 for h in cand.hits if isinstance(h.ref, Country)})
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and ent.text not in seen:
            seen.add(ent.text)
            votes.update(set(kb.divisions.get(ent.text, ())))
    return votes
