"""Parties the parse hangs away from their trigger: the subject of a passive, the first of two objects.

Two shapes of English that the parser often gets wrong, each losing a party of the act it tells:

- A finite passive whose subject the parse attaches elsewhere ("An aide was arrested after Jane Roe, the
  mayor of Leeds, was stabbed": "Roe" the object of "after", "stabbed" joined to "arrested" with no subject;
  "reports indicated Roe was encouraged to run": "Roe" the object of "indicated"; "insisting she was
  pressured": "she" hung on the auxiliary; "Roe was convicted in 2008 and was sentenced to ...": the second
  verb shares the first one's subject). The patient of such a passive is the noun phrase that ends right
  before its auxiliary, or the subject it shares with the verb it is joined to (:func:`stray_patient`).
- The second object of a verb of giving, made an apposition of the first ("granted Jane Roe, a former aide,
  a full pardon", "granted Roe a pardon"): the act is the verb's subject's, done to the first object
  (:func:`first_object`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._clause import NOUNISH, SUBJ, named, parties, subject
from dateline.events._context import FINITE_TAGS
from dateline.events._lexicon import Words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["apposed_owner", "first_object", "stray_patient"]

#: Dependencies inside a noun phrase, climbed from its last word to the apposition it ends ("Jane Roe, the
#: mayor of the city of Leeds": from "Leeds" up to "mayor").
_INSIDE_PHRASE = frozenset({"compound", "flat", "pobj", "prep", "amod", "conj", "appos", "poss", "nmod"})
#: Dependencies of the first of two objects ("granted Roe a pardon": "Roe" the dative or the direct object).
_FIRST_OBJECTS = frozenset({"dobj", "dative"})


def stray_patient(verb: Token, words: Words) -> list[Token]:
    """The head of the patient of a finite passive that has no subject of its own in the parse: the subject
    it shares with the verb it is joined to after "and" or "but", a subject the parse hangs on its auxiliary,
    else the noun right before its auxiliary (the head of the apposition that ends there, or a noun the parse
    made the object of a subordinator like "after"); none for a passive with a subject, with no finite
    auxiliary, or where a word before it ends another phrase ("the woman, who was questioned at the scene of the
    fire, was freed": "fire" is no patient)."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (not any(c.dep_ == "auxpass" for c in helpers) or not any(c.tag_ in FINITE_TAGS for c in helpers)
            or any(c.dep_ in SUBJ for c in verb.children)):
        return []
    hung = [g for c in helpers for g in c.children if g.dep_ in SUBJ]
    if hung:
        return hung[:1]  # "insisting she was pressured"
    before = _word_before(helpers[0])
    if before is None:
        return []
    if before.dep_ == "cc":
        return subject(verb.head, words) if verb.dep_ == "conj" else []  # "was convicted and was sentenced"
    return _phrase_head(before, helpers[0], words)


def _word_before(helper: Token) -> Token | None:
    """The word before a passive's first auxiliary, past punctuation, in its sentence."""
    k = helper.i - 1
    while k >= helper.sent.start and helper.doc[k].is_punct:
        k -= 1
    return helper.doc[k] if k >= helper.sent.start else None


def _phrase_head(last: Token, helper: Token, words: Words) -> list[Token]:
    """The head of the noun phrase that ends with ``last`` right before the auxiliary ``helper``: the noun an
    apposition restates ("Jane Roe, mayor of Leeds,"), a noun or pronoun that is no prepositional object, or
    one the parse made the object of a subordinator ("after Jane Roe was stabbed")."""
    token, restated = last, None
    while token.dep_ in _INSIDE_PHRASE and token.head.i < helper.i and token.head.i != token.i:
        if token.dep_ == "appos":
            restated = token.head
        token = token.head
    if restated is not None:
        return [restated]
    head = last
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.pos_ not in NOUNISH:
        return []
    if head.dep_ == "pobj" and head.head.lower_ not in words.temporal_marks:
        return []  # "questioned at the scene of the fire, was freed": the end of another phrase
    return [head]


def first_object(noun: Token, words: Words) -> Token | None:
    """The named first object of a verb whose second object, the event noun ``noun`` with an indefinite
    article, the parse made an apposition of it or of a noun of the apposition after it ("granted Jane Roe a full
    pardon", "granted Roe, a senator from Ohio, a pardon"); None for another noun, and for an apposition set off by
    a comma from the name it describes ("met Jane Roe, a critic of the plan")."""
    if noun.dep_ != "appos" or not any(c.dep_ == "det" and c.lower_ in words.indefinite_determiners
                                       for c in noun.children):
        return None
    top = noun.head
    while top.dep_ in _INSIDE_PHRASE and top.head.i < top.i:
        top = top.head  # "granted Roe, a senator from Ohio, a pardon": the pardon hung on "Ohio"
    verb = top.head
    if top.dep_ not in _FIRST_OBJECTS or verb.pos_ != "VERB" or not top.i < noun.i or not named(top):
        return None
    if noun.head.i == top.i and noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].is_punct:
        return None  # "met Tom Baker, a critic of the plan,": an apposition set off by a comma describes him
    return top


def apposed_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """The actor of a nominal trigger in apposition: the verb's subject for a second object the parse made an
    apposition of the first ("Trump granted Roe a pardon"), the named party a restatement restates ("Trump
    ...: a sit-down with Putin"); None for another noun."""
    if (first := first_object(noun, words)) is not None:
        return subject(first.head, words)
    if noun.dep_ != "appos" or noun.head.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    return parties(noun.head, words)
