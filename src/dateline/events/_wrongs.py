"""Wrongs told with a verb of saying: "X said Y broke the law" is X's accusation of Y.

A speaker who says that a named party did a wrong blames it, though no word of the sentence is a word of
blame: "Reyes said the ministry lied", "said Tom Hale broke the law", "said the Red Brigade are the
culprits", "said Tom Hale was guilty". A wrong is a verb that is one by itself (``wrong_verbs``: lie,
cheat, violate), a verb with an object that makes it one (``wrong_deeds``: "break law", "commit crime"),
or what the party is said to be (``perpetrator_nouns``, ``guilt_words``: "the culprits", "guilty",
"complicit"). The party is the wrong's subject, a named party or a body a name qualifies, or the name its
subject belongs to ("members of Congress abused their power": Congress), and never the speaker. A wrong
that is denied ("said Y did not lie"), asked, supposed or only foreseen ("said Y will cheat") blames
no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._context import asked, status
from dateline.events._fold import PARTY_ENTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.events._lexicon import Words

__all__ = ["wrongdoers"]

#: Dependencies of a reported clause on its verb of saying.
_CLAUSES = frozenset({"ccomp", "parataxis"})
#: Dependencies of what a clause says its subject is ("are the culprits", "was guilty").
_PREDICATES = frozenset({"attr", "acomp"})


def _party(token: Token, words: Words) -> bool:
    if token.ent_type_ in PARTY_ENTS and token.pos_ == "PROPN":
        return True
    return token.lemma_.lower() in words.body_nouns and any(
        c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in PARTY_ENTS for c in token.children)


def _doer(subject: Token, words: Words) -> Token | None:
    """The party a wrong's subject names: itself, or the named body it is part of ("members of Congress")."""
    if _party(subject, words):
        return subject
    if subject.pos_ != "NOUN":
        return None
    return next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in words.name_prepositions
                 for g in c.children if g.dep_ == "pobj" and _party(g, words)), None)


def _wrong(clause: Token, words: Words) -> bool:
    """Whether ``clause`` tells a wrong of its subject ("lied", "broke the law", "are the culprits")."""
    lemma = clause.lemma_.lower()
    if clause.pos_ == "VERB" and lemma in words.wrong_verbs:
        return True
    kids = list(clause.children)
    if any(f"{lemma} {c.lemma_.lower()}" in words.wrong_deeds for c in kids if c.dep_ in ("dobj", "obj")):
        return True
    said = words.perpetrator_nouns | words.guilt_words
    return any(c.dep_ in _PREDICATES and c.lemma_.lower() in said and not any(g.dep_ == "neg" for g in c.children)
               for c in kids)


def _clauses(verb: Token) -> list[Token]:
    """The heads of the clauses a verb of saying reports, and of the clauses joined to them ("said Y lied and
    cheated"), or the clause it interrupts ("'Y lied,' said X")."""
    heads = [c for c in verb.children if c.dep_ in _CLAUSES]
    if not heads and verb.dep_ in _CLAUSES and verb.head.i != verb.i:
        heads = [verb.head]
    return heads + [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def wrongdoers(verb: Token, speakers: frozenset[int], words: Words) -> list[Token]:
    """The named parties the words of the verb of saying ``verb`` say did a wrong, none of them the speaker
    (token indices ``speakers``); none in a question."""
    if asked(verb):
        return []
    out: list[Token] = []
    for clause in _clauses(verb):
        if any(c.dep_ == "neg" for c in clause.children) or not _wrong(clause, words):
            continue
        if status(clause, words) != "occurred":
            continue  # "said Y may have lied", "said Y would cheat": no wrong told as done
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            doer = _doer(subject, words)
            if doer is not None and doer.i not in speakers and subject.i not in speakers:
                out.append(doer)
    return out
