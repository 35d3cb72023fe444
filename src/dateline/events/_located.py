"""Where an event with no recipient happens, as its recipient.

CAMEO's coders, and the annotators of the sentences dateline's roles are
measured on, take the place of an event that has no other target as its
target: "Haftar declared a ceasefire in Tripoli", "troops remained on alert in
Paris", "authorities imposed a curfew in parts of Kashmir", "the UN suspended
aid deliveries in Borno State". Such a place stays the event's place as well:
it is where the event happened, and the one it befell.

Only a named place counts (a phrase holding a place name: "parts of
Kashmir"), introduced by a preposition of location on the trigger or on the
event noun that is its object ("declared a ceasefire in Tripoli").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._lexicon import Words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["located", "located_party"]


#: Named-entity types of places.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: Dependencies of a trigger's object event noun ("declared a ceasefire in Tripoli").
_OBJECTS = frozenset({"dobj", "obj"})


def _named_place(token: Token, words: Words) -> bool:
    """A phrase that names a place: a place name ("Tripoli", "the Gaza Strip"), or a noun of
    places with one ("Niger's Maradi region", "parts of Kashmir"),
    but not a thing named after one ("a Paris court")."""
    if token.ent_type_ in _PLACE_ENTS:
        return True
    if token.lemma_.lower() not in words.place_nouns:
        return False
    named = [t for c in token.lefts for t in c.subtree]
    named += [t for p in token.children if p.dep_ == "prep" and p.lower_ in words.partitive_prepositions
              for t in p.subtree]
    return any(t.ent_type_ in _PLACE_ENTS for t in named)


def located(trigger: Token, words: Words) -> list[Token]:
    """The head of the named place the trigger's event happens in, if any (at most one)."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in _OBJECTS)]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words.located_prepositions:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _named_place(pobj, words):
                    return [pobj]
    return []


def located_party(token: Token, words: Words) -> bool:
    """A party named as where an event happens ("a ceasefire in Tripoli"): still the event's place."""
    return token.dep_ == "pobj" and token.head.lower_ in words.located_prepositions
