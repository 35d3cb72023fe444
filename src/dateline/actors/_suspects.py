"""Suspects: a person the text gives no role, but who commits a crime or answers for one, is a criminal.

PLOVER codes the authors of crimes CRM. A person the article names without a
title ("Usman Khan stabbed several people", "Khan was convicted of
terrorism", "the man, later identified as Khairi Saadallah", "a charge of
murder against Stefan W") is one. The verbs and nouns are the language's
(``crime_verbs``, ``custody_verbs``, ``naming_verbs``, ``charge_nouns`` and
``suspect_nouns`` of ``actors.json``); a person whose role is known keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["suspects_pass"]

CRIMINAL = "CRM"
#: Dependency labels of a naming verb that describes the noun it hangs from ("The attacker, identified as").
DESCRIBING = frozenset({"acl", "dep", "advcl", "relcl", "conj"})


def suspects_pass(build: Build) -> None:
    """Persons of no known sector that one of their mentions shows committing or answering for a crime."""
    for group in build.groups.values():
        if group.kind != "person" or group.sector is not None:
            continue
        for mention in group.mentions:
            span = build.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and _accused(build, span.root):
                group.sector = CRIMINAL
                break


def _accused(build: Build, tok: Token) -> bool:
    """Whether the token naming a person makes them the author or the accused of a crime."""
    words, head = build.lex.words, tok.head
    verb = head.lemma_.lower()
    if tok.dep_ == "nsubj" and verb in words.crime_verbs:
        return True  # "Usman Khan stabbed several people"
    if tok.dep_ in ("nsubjpass", "dobj") and verb in words.custody_verbs:
        return True  # "Khan was convicted", "police arrested Khan"
    if tok.dep_ != "pobj":
        return False
    if head.lower_ == "against":
        return head.head.lemma_.lower() in words.charge_nouns  # "a charge of murder against Stefan W"
    naming = head.head
    if head.lower_ == "as" and naming.lemma_.lower() in words.naming_verbs and naming.dep_ in DESCRIBING:
        return _suspect(build, naming.head)  # "The attacker, identified as Sudesh Amman"
    return False


def _suspect(build: Build, tok: Token) -> bool:
    """Whether a described word is a suspect: a noun for one ("the attacker"), or an arrest ("detained the
    man, later identified as"), or the one arrested."""
    words, lemma = build.lex.words, tok.lemma_.lower()
    if lemma in words.suspect_nouns or build.lex.role_titles.get(lemma) == CRIMINAL:
        return True
    if tok.pos_ == "VERB" and lemma in words.custody_verbs:
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in words.custody_verbs
