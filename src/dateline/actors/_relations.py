"""The people of a person: "his lawyers", "Rittenhouse's legal team", "her family", "the Biden campaign".

A person's lawyers, supporters, critics or family, and the relatives the text
names only by their tie ("her husband"), act in news as actors of their own:
lawyers appeal, supporters rally, a family asks for justice. The hand-coded
Wikinews actors list them under the person's name ("Avenatti's legal team",
"Baloch's family"), in the person's country, with the sector of what they are
(lawyers JUD, a candidate's campaign PTY, the rest civilians). The nouns are
the language's (``relation_nouns`` of ``actors.json``: noun -> sector, groups; ``kin_words``:
one relative, a person). The owner is a person actor named right before with
a possessive ("Rittenhouse's lawyers"), a possessive pronoun that the
pronoun pass gave to one ("his lawyers"), or the name itself right before the
noun ("the Biden campaign"); a noun already used by another actor is left alone,
and so is a campaign that a verb acts on ("ended his campaign": the candidacy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._agents import CIVILIANS
from dateline.actors._build import Build, Group, Key
from dateline.actors._tokens import HYPHENS
from dateline.records import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RELATION", "relations_pass"]

#: The first part of the key of a person's people ("Roe's lawyers", "the Roe campaign").
RELATION = "R"

#: Most words between a possessive and the noun of the relation ("his own legal team", "her late husband").
MAX_WORDS_BETWEEN = 2


def relations_pass(build: Build) -> None:
    """Groups and persons that the text names only by their tie to a person actor. Only a token that may
    stand for an owner is looked at (a possessive word or mark, or a word of an actor), so the pass makes no
    token object of most of the text."""
    words = build.lex.words
    marks = words.possessive_pronouns | {p.lower() for p in words.possessives}
    for i, lower in enumerate(build.lowers):
        if lower not in marks and i not in build.token_keys:
            continue
        tok = build.doc[i]
        owner = _owner(build, tok)
        if owner is None:
            continue
        found = _relation(build, tok)
        if found is None:
            continue
        noun, key_words, sector, kind = found
        if _named(build, noun) or noun.dep_ == "compound" or _candidacy(build, noun):
            continue  # "his sister Yingluck"; "his family history" names no one; "ended his campaign"
        person = build.groups[owner]
        surname = person.name.split()[-1]
        name = f"{surname}'s {key_words}"
        key: Key = (RELATION, *owner, key_words)
        group = Group(name, kind, person.country if person.country != "IGO" else None, sector or person.sector)
        build.add_tokens(key, group, range(noun.i, noun.i + 1))


def _owner(build: Build, tok: Token) -> Key | None:
    """The person actor a possessive token stands for: a resolved "his"/"her", the "'s" after a name, or the
    name's last word itself when it modifies the noun after it ("the Biden campaign", "Trump supporters")."""
    words = build.lex.words
    if tok.lower_ in words.possessive_pronouns and tok.dep_ == "poss":
        key = build.token_keys.get(tok.i)
    elif tok.text in words.possessives and tok.i > 0:
        key = build.token_keys.get(tok.i - 1)
    elif tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.i + 1 < len(build.doc) and tok.head.i == tok.i + 1:
        key = build.token_keys.get(tok.i)
    else:
        return None
    if key is None or build.groups[key].kind != "person":
        return None
    return key


def _named(build: Build, noun: Token) -> bool:
    """Whether the relative's own name follows the noun ("his sister Yingluck", "her mother, Anwar"), or the
    noun is the start of a longer word ("son-in-law"): the name is the actor then, or the tie is another."""
    doc, k = build.doc, noun.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    return k < len(doc) and (doc[k].pos_ == "PROPN" or (k == noun.i + 1 and doc[k].text in HYPHENS))


def _candidacy(build: Build, noun: Token) -> bool:
    """Whether the noun is a candidacy that a verb acts on ("suspended his campaign", "launched the Roe
    campaign"): the run for office, not the people who work for it."""
    return noun.lower_ in build.lex.words.candidacy_words and noun.dep_ in ("dobj", "pobj")


def _relation(build: Build, tok: Token) -> tuple[Token, str, str | None, ActorKind] | None:
    """The noun after a possessive that names a relation: the noun, the words of the relation as the table
    writes them, their sector and the actor's kind (a relative is a person; lawyers, family are a group)."""
    words = build.lex.words
    doc = build.doc
    for k in range(tok.i + 1, min(tok.i + 2 + MAX_WORDS_BETWEEN, len(doc))):
        noun = doc[k]
        if noun.pos_ not in ("NOUN", "PROPN") or k in build.taken:
            if noun.pos_ in ("ADJ", "ADV", "PUNCT") or noun.lower_ in words.determiners:
                continue
            return None
        for size in (2, 1):
            phrase = " ".join(build.lowers[max(k - size + 1, tok.i + 1) : k + 1])
            if len(phrase.split()) == size and phrase in words.relation_nouns:
                return noun, phrase, words.relation_nouns[phrase], "group"
        if noun.lower_ in words.kin_words and noun.tag_ == "NN":
            return noun, noun.lower_, CIVILIANS, "person"
        if noun.pos_ == "NOUN" and noun.dep_ != "compound":
            return None
    return None
