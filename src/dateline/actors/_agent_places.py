"""Places read around a generic agent noun, which give the agents their country.

A place before the agent ("Texas prosecutors", "El Paso's police") or after it
("police in St. Louis", "residents of Gdańsk", "a judge in Moscow, Idaho") is
read for the country it lies in; "the people of his country" for the country of
the person named before. The agent pass (:mod:`dateline.actors._agents`) uses
these when no owner names the agents' country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build
from dateline.actors._lexicon import Country
from dateline.actors._namesakes import PLACE_LABELS

if TYPE_CHECKING:

    from spacy.tokens import Doc

__all__ = ["MAX_ADJECTIVES_BETWEEN", "place_after", "place_modifier"]

#: Adjectives read over between an owner and its institution or agents ("Russia's top military
#: officials"). Set by hand, not tuned.
MAX_ADJECTIVES_BETWEEN = 2
#: Most tokens of a place name read after an agent ("police in St. Louis").
MAX_PLACE_TOKENS = 4


def place_modifier(build: Build, i: int) -> tuple[int, str | None]:
    """A place the tagger saw right before the agent at ``i`` ("Texas prosecutors", "El Paso's police"), read
    past adjectives and a possessive: (its first token, its country) when it is a division or town of one
    country, else (i, None)."""
    doc, k = build.doc, i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and i - k <= MAX_ADJECTIVES_BETWEEN:
        k -= 1
    if k >= 0 and doc[k].text in build.lex.words.possessives:
        k -= 1
    if k < 0 or k in build.taken or doc[k].ent_type_ not in PLACE_LABELS or doc[k + 1].ent_iob_ == "I":
        return i, None
    start = k
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    iso = _place_country(build, doc[start : k + 1].text)
    return (start, iso) if iso is not None else (i, None)


def place_after(build: Build, j: int) -> tuple[str | None, int]:
    """A place right after an agent ("police in St. Louis", "residents of Gdańsk"), with the state or
    country that qualifies it ("a judge in Moscow, Idaho" is American): its country, else None; and ``j``."""
    doc, words = build.doc, build.lex.words
    if j >= len(doc) or doc[j].lower_ not in words.locative_prepositions | words.country_prepositions:
        return None, j
    if (j + 2 < len(doc) and doc[j + 1].lower_ in words.possessive_pronouns
            and doc[j + 2].lower_ in words.homeland_nouns):  # "the people of his country"
        return _homeland(build, j), j + 3
    k = j + 2 if j + 2 < len(doc) and doc[j + 1].lower_ in words.definite_articles else j + 1
    place = _proper_run(doc, k)  # "authorities in the United Kingdom"
    if place is None:
        return None, j
    qualifier = _proper_run(doc, place.stop + 1) if place.stop < len(doc) and doc[place.stop].text == "," else None
    for tokens in (qualifier, place):
        if tokens is not None:
            found = _place_country(build, doc[tokens.start : tokens.stop].text)
            if found is not None:
                return found, j
    return None, j


def _homeland(build: Build, j: int) -> str | None:
    """The country of "his country" at token ``j``: that of the person named last before it in its sentence,
    else the country the story is about."""
    for k in range(j - 1, build.sentence_of[j] - 1, -1):
        key = build.token_keys.get(k)
        if key is not None and build.groups[key].kind == "person" and build.groups[key].country:
            return build.groups[key].country
    return build.context.main_country or build.context.scene_country


def _proper_run(doc: Doc, k: int) -> range | None:
    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - k < MAX_PLACE_TOKENS:
        end += 1
    return range(k, end) if end > k else None


def _place_country(build: Build, name: str) -> str | None:
    from dateline.actors._orgs import place_country  # here: _orgs imports the agent pass, which imports this

    if name in build.namesakes:
        return build.namesakes[name]  # "Palestine police" of Palestine, Texas
    countries = [h.ref.iso3 for h in build.lex.lookup(name) if isinstance(h.ref, Country)]
    return countries[0] if countries else place_country(build, name, placed=True)
