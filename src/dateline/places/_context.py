"""The words around a name that say the text means a place by it.

The entity tagger misses many small places, or calls them organizations or
people ("Mindy Miller of Ravenel", "a Danbury stonework mason", "the Berea
Police Department"). A name the gazetteer knows is taken for a place when
the parse puts it where places stand (the language's words,
:class:`~dateline.places._words.ContextWords`):

- after a preposition of place: "in Frankston", "from Bicester";
- after "of" that follows a person or a local noun: "Thomas Hellinghausen,
  22, of Winfield", "a resident of Ravenel";
- before a local noun it modifies: "Winona police", "their Grovetown home",
  or one that with it modifies a title: "Augusta police chief Ann Ruiz";
- before a hyphen and a word such as "based": "a Deerfield-based chain";
- inside an organization's name, before a word of a local institution:
  "the Crestwood Board of Education", "Litchfield Superior Court" (but not
  "Delta Air Lines" or "Lincoln Nautilus").

A name that modifies a noun for a person ("a Fairbury man", "the Lyndon
cosmetic surgeon") says where that person is from (:func:`from_place`): the
stage reports it even when the tagger calls it an organization and no other
place of the article lies near it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.places._words import ContextWords

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["before_institution", "from_place", "placed_by_context"]

#: Words of an organization's name after a place name among which a word of a local institution is looked
#: for ("Litchfield Superior Court", "Byesville Volunteer Fire Department").
INSTITUTION_WORDS = 2

_MODIFIERS = frozenset({"compound", "nmod", "amod", "poss"})
_PERSON = "PERSON"


def placed_by_context(tokens: TokenSpan, words: ContextWords) -> bool:
    """Whether the parse puts the name where places stand (see the module docstring). A name that is the
    end of a longer one ("Heath" in "at Hampstead Heath") is not placed by the words around the longer name."""
    root = tokens.root
    if any(_name_before(child, tokens, words) for child in root.lefts):
        return False
    if _before_based(tokens, words):
        return True  # "a Deerfield-based chain"
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ in words.locative_prepositions:
            return True
        owner = head.head
        local = owner.ent_type_ == _PERSON or owner.lemma_.lower() in words.local_nouns
        return head.lower_ in words.of_words and local
    # "Winona police", not "White House": a common noun, not the rest of a name
    if root.dep_ in _MODIFIERS and head.i > root.i and head.is_lower and head.lemma_ in words.local_nouns:
        return True
    # "Augusta police chief Ann Ruiz": the local noun modifies a title, the name opens them both
    after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    return (root.dep_ in _MODIFIERS and after is not None and after.is_lower and after.dep_ in _MODIFIERS
            and after.head == head and after.lemma_ in words.local_nouns)


def from_place(tokens: TokenSpan, words: ContextWords) -> bool:
    """Whether the name modifies a noun for a person, alone or with other modifiers between them: "a
    Fairbury man", "the Lyndon cosmetic surgeon", not "Fairbury Township" nor "a Fairbury Lions member"."""
    root = tokens.root
    head = root.head
    if root.dep_ not in _MODIFIERS or head.i <= root.i or not head.is_lower or head.lemma_ not in words.person_nouns:
        return False
    return all(t.dep_ in _MODIFIERS and t.is_lower for t in tokens.doc[tokens.end : head.i])


def _name_before(child: Token, tokens: TokenSpan, words: ContextWords) -> bool:
    """Whether ``child`` is a capitalized word of a longer name before ``tokens`` ("Hampstead" in "Hampstead Heath"),
    not a word naming a part of the place ("South" in "South Devon")."""
    return (child.dep_ == "compound" and child.i < tokens.start and child.text[:1].isupper()
            and child.lower_ not in words.part_words)


def _before_based(tokens: TokenSpan, words: ContextWords) -> bool:
    """Whether a hyphen and a word such as "based" follow the name ("Deerfield-based")."""
    doc, end = tokens.doc, tokens.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in words.based_words


def before_institution(window: TokenSpan, entity: TokenSpan, words: ContextWords, leading: frozenset[str]) -> bool:
    """Whether a name opening an organization's name (after an article in ``leading``) is followed there by a
    word of a local institution, at once or after one more word ("Berea Police Department", "the Crestwood
    Board of Education", "Litchfield Superior Court"; not "Superior" there, which opens nothing, nor a part
    of a place such as "Western" in "Western State Hospital")."""
    start = entity.start
    while start < window.start and entity.doc[start].text in leading:
        start += 1
    following = window.end
    name = window.text.lower()
    if start != window.start or following >= entity.end or name in words.institution_nouns or name in words.part_words:
        return False  # "Western State Hospital": a part of a place is no place alone
    last = min(entity.end, following + INSTITUTION_WORDS)
    return any(token.lower_ in words.institution_nouns for token in entity.doc[following:last])
