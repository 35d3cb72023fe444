"""Private persons: suspects and civilians.

A person the text gives no role, but who commits a crime or answers for one, is a criminal.

PLOVER codes the authors of crimes CRM. A person the article names without a
title ("Usman Khan stabbed several people", "Khan was convicted of
terrorism", "the man, later identified as Khairi Saadallah", "a charge of
murder against Stefan W") is one. The verbs and nouns are the language's
(``crime_verbs``, ``custody_verbs``, ``naming_verbs``, ``charge_nouns`` and
``suspect_nouns`` of ``actors.json``); a person whose role is known keeps it.
A person of whom neither the text nor a dictionary says a role or an office
is a private person, a civilian (CVL), as the hand-coded Wikinews actors code
bystanders, victims, witnesses and relatives.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from dateline.actors._agents import CIVILIANS
from dateline.actors._build import Build, Group, Key
from dateline.actors._candidates import OBJECTS
from dateline.actors._products import MODIFYING

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["civilians_pass", "culprits_pass", "suspects_pass"]

CRIMINAL = "CRM"
#: Dependency labels of a naming verb that describes the noun it hangs from ("The attacker, identified as").
DESCRIBING = frozenset({"acl", "dep", "advcl", "relcl", "conj"})
#: Penn tag of a present participle: "a man walked in, shooting two guards" tells what he did.
PARTICIPLE = "VBG"
#: Penn tag of a singular common noun: "the attacker" is one person, "the attackers" a group.
SINGULAR = "NN"


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
    words = build.lex.words
    tok = tok.head if tok.dep_ == "appos" else tok  # "An Australian, Brenton Tarrant, ... appeared"
    head = tok.head
    verb = head.lemma_.lower()
    if tok.dep_ == "nsubj" and (verb in words.crime_verbs or _charged(build, head)):
        return True  # "Usman Khan stabbed several people", "X appeared in court, charged with murder"
    if tok.dep_ in ("nsubjpass", "dobj") and verb in words.custody_verbs:
        return True  # "Khan was convicted", "police arrested Khan"
    if tok.dep_ == "attr" and head.dep_ == "xcomp" and head.head.lemma_.lower() in words.suspect_nouns:
        return True  # "a prisoner, suspected to be Louis De Zoysa"
    if tok.dep_ != "pobj":
        return False
    if head.lower_ == "against":
        return head.head.lemma_.lower() in words.charge_nouns  # "a charge of murder against Stefan W"
    naming = head.head
    if head.lower_ != "as" or naming.lemma_.lower() not in words.naming_verbs:
        return False
    if naming.dep_ in DESCRIBING:
        return _suspect(build, naming.head)  # "The attacker, identified as Sudesh Amman"
    return any(c.dep_ in OBJECTS and _suspect(build, c) for c in naming.children)  # "identified the suspect as"


def _charged(build: Build, verb: Token) -> bool:
    """Whether a clause says its subject was charged, arrested or convicted ("..., charged with murder")."""
    custody = build.lex.words.custody_verbs
    return any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBN" and c.lemma_.lower() in custody
               for c in verb.children)


def _suspect(build: Build, tok: Token) -> bool:
    """Whether a described word is a suspect: a noun for one ("the attacker"), or an arrest ("detained the
    man, later identified as"), or the one arrested."""
    words, lemma = build.lex.words, tok.lemma_.lower()
    if lemma in words.suspect_nouns or build.lex.role_titles.get(lemma) == CRIMINAL:
        return True
    if tok.pos_ == "VERB" and lemma in words.custody_verbs:
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in words.custody_verbs


def civilians_pass(build: Build) -> None:
    """Persons still without a sector are private persons, civilians (CVL): no title, role, organization,
    office, candidacy, crime or dictionary places them in another, and the coders code such persons
    (witnesses, victims, relatives, activists, the famous of no office) as civilians."""
    for group in build.groups.values():
        if group.kind == "person" and group.sector is None:
            group.sector = CIVILIANS


def culprits_pass(build: Build) -> None:
    """ "the attacker", "a gunman", "the suspect" (``suspect_nouns`` of actors.json, in the singular; and "a man"
    who commits a crime or is arrested, ``unnamed_person_nouns``): the
    criminal person the article names (CRM, see :func:`suspects_pass`), the last named before the mention or
    the only one; an indefinite one ("a gunman") only where it introduces the criminal named after it, as
    "a suspect" after a named one is someone else. In an article that names no criminal, every such mention
    is one person known by the noun ("attacker"), of the story's country, as the coders code an unnamed one."""
    words = build.lex.words
    criminals = [(key, g) for key, g in build.groups.items() if g.kind == "person" and g.sector == CRIMINAL]
    unnamed: Key | None = None
    nouns = words.suspect_nouns | words.unnamed_person_nouns  # a singular noun's lemma is its own word
    for i, lower in enumerate(build.lowers):
        if lower not in nouns:
            continue
        tok = build.doc[i]
        if tok.tag_ != SINGULAR or tok.dep_ in MODIFYING or not _culprit_noun(build, tok):
            continue
        held = build.token_keys.get(tok.i)
        if held is not None and build.groups[held].kind == "person":
            continue  # "attacker Sudesh Amman", "the man, identified as": already the person
        definite = any(c.dep_ == "det" and c.lower_ in words.definite_articles for c in tok.children)
        if criminals:
            key = _culprit(criminals, tok.idx, definite)
            if key is None:
                continue
        else:
            unnamed = unnamed or _unnamed_culprit(build, tok.lemma_.lower())
            key = unnamed
        _mention(build, key, tok)


def _culprit_noun(build: Build, tok: Token) -> bool:
    """Whether ``tok`` names a criminal: a suspect noun ("the attacker"), or a noun of an unnamed person who
    commits a crime or is arrested for one ("a man began to stab people", "a 25-year-old man was arrested",
    "an IT worker went on a stabbing spree, killing four")."""
    words, lemma = build.lex.words, tok.lemma_.lower()
    if lemma in words.suspect_nouns:
        return True
    if lemma not in words.unnamed_person_nouns:
        return False
    verb = tok.head
    if tok.dep_ in ("nsubjpass", "dobj") and verb.lemma_.lower() in words.custody_verbs:
        return True
    acts = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"),
            *(c for c in verb.children if c.dep_ == "advcl" and c.tag_ == PARTICIPLE)]  # "went in, killing two"
    return tok.dep_ == "nsubj" and any(v.lemma_.lower() in words.crime_verbs for v in acts)


def _culprit(criminals: list[tuple[Key, Group]], at: int, definite: bool) -> Key | None:
    """The criminal a suspect noun at ``at`` names: the last named before it, else (for a definite noun, or
    an indefinite one that introduces them) the only one."""
    firsts = [(min(m.start for m in g.mentions), key) for key, g in criminals if g.mentions]
    before = [(first, key) for first, key in firsts if first < at]
    if before:
        return max(before)[1] if definite else None
    return criminals[0][0] if len(criminals) == 1 else None


def _unnamed_culprit(build: Build, noun: str) -> Key:
    key = ("P", "", noun)
    country = build.context.scene_country or build.context.main_country
    build.groups.setdefault(key, Group(noun, "person", country, CRIMINAL))
    return key


def _mention(build: Build, key: Key, tok: Token) -> None:
    """The noun phrase of ``tok`` (from its article) as a mention of ``key``, taken from any group it was
    given before ("a gunman" read as the gunmen of the story's country)."""
    start = min((c.i for c in tok.children if c.dep_ in ("det", "amod") and c.i < tok.i), default=tok.i)
    tokens = range(start, tok.i + 1)
    for k in tokens:
        old = build.token_keys.get(k)
        if old is not None and old != key:
            _drop(build, old, build.texts.offsets[k])
    build.add_tokens(key, build.groups[key], tokens)


def _drop(build: Build, key: Key, at: int) -> None:
    """Take the mention of ``key`` over character ``at`` away; an actor left with no mention is gone. Only the
    tokens under the mentions taken away (all of the actor's, when it is gone) are freed: where each token
    begins tells which they are."""
    group = build.groups[key]
    gone = [m for m in group.mentions if m.start <= at < m.end]
    group.mentions[:] = [m for m in group.mentions if m not in gone]
    if group.mentions:
        offsets = build.texts.offsets
        held = [t for m in gone for t in range(bisect_left(offsets, m.start), bisect_left(offsets, m.end))]
    else:
        held = list(build.token_keys)
    for t in held:
        if build.token_keys.get(t) == key:
            del build.token_keys[t]
    if not group.mentions:
        del build.groups[key]
