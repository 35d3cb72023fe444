"""Whether a role noun names a group where it stands: counted people, victims, bare parties, and places.

"people" alone is nobody in particular, but "three people" (counted) or "stabbed
people" (a crime's victims) are the civilians of the story's country; a plural
role noun with nothing before it names a group where it is a party of a clause
("Critics accused the mayor", "railed against the rioters"), not as a modifier
or in a topic ("the rights of farmers"), and not where a possessive or a name
says whose they are ("his critics", "Trump supporters": the relations pass's).
A noun of places where it stands for a place ("in 36 states", "flown to
hospitals") and a noun in a phrase of things or acts ("social media",
"opposition to abortion") name no group at all. The agent pass (:mod:`dateline.actors._agents`) reads these tests.

Only the role nouns of agents.json (its agents and PLOVER's role nouns) are read so. Another plural noun of
people as a party ("members", "candidates", "delegates", "speakers", "nuns") is left alone, bare, after a
possessive ("their nominees") or before a relative clause of people ("the volunteers who"): in the hand-coded
Wikinews articles read (wikinews-train's even half and the dev set), 158 such uses in 48 articles, the coders
made 32 of them (in 17 articles) a group of that noun and 20 another actor ("members of Congress": Congress),
and left 106 uncoded; no form of the phrase is coded more often than not except the relative clause (3 of 6),
too few to make a rule of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dateline.actors._build import Build
    from dateline.actors._words import Words

__all__ = ["bare_party", "counted", "may_be_bare", "no_group", "one_person", "owner_word", "people_named",
           "staff_of_another_body", "victims"]

#: Penn tags of plural nouns, and the dependency labels of a clause's parties: a bare plural role noun in
#: one of these places is a group actor (see :func:`bare_party`).
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative"})
#: Sectors whose role nouns, bare, name things more often than people: PLOVER's military nouns are mostly
#: weapons and ships ("tankers", "bombers"), and its people ("troops") are curated agents that need no rule.
_NO_BARE_GROUPS = frozenset({"MIL"})
#: Dependency labels of a demonym that says what someone is or qualifies a name ("they are Americans").
_NOT_PARTY_DEPS = frozenset({"attr", "appos", "compound", "amod", "nmod", "oprd", "acomp"})
#: Where a singular role noun says what someone is, not who acts: a copula's attribute, an apposition, the
#: object of "as".
_PREDICATE_DEPS = frozenset({"attr", "appos", "acomp", "oprd"})


def may_be_bare(build: Build, noun: str, sector: str) -> bool:
    """Whether a role noun names a group alone where it is a party: not one of the people that need counting
    ("people"), nor one that names things ("tankers": ``not_groups`` of agents.json), nor a military noun."""
    return (noun not in build.lex.counted and noun.split()[-1] not in build.lex.not_groups
            and sector not in _NO_BARE_GROUPS)


def bare_party(doc: Doc, k: int, words: Words) -> bool:
    """Whether the plural role noun at token ``k``, with no country or organization before it, is a party of
    a clause: the subject or object of a verb, or the object of a verb's preposition ("Critics accused him",
    "railed against the rioters", "withhold funds from districts"), also through a word that counts it ("the
    majority of legal experts reject"). Such a group is the people of that role in the story's country; the
    word as a modifier or in a list of topics ("the rights of farmers") names no one."""
    tok = doc[k]
    if tok.tag_ not in _PLURAL_TAGS or any(owner_word(c) for c in tok.children):
        return False
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.i < of.i and of.head.lower_ in words.count_words:
        tok = of.head  # "hundreds of protesters", "the majority of experts"
    if tok.dep_ in _PARTY_DEPS:
        return True
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ in ("prep", "agent") and prep.head.pos_ in ("VERB", "AUX")


def one_person(build: Build, j: int, noun: str) -> bool:
    """Whether the agent noun ending at token ``j`` names one person ("a federal judge dismissed the suit", "the
    officer said"): a singular title or noun of a person after an article whose plural is an agent noun too
    ("judge", "judges"), not a body ("the court", "a crowd", "the police")."""
    tok, words = build.doc[j - 1], build.lex.words
    if tok.tag_ != "NN" or (noun not in build.lex.titles and noun not in words.person_nouns):
        return False
    if words.plural(noun) == noun or words.plural(noun) not in build.lex.agents:
        return False
    if not any(c.dep_ == "det" and c.lower_ in words.determiners for c in tok.children):
        return False
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head  # "not a Muslim and a public activist"
    # "she is a judge", "my growth as an activist", "posing as a journalist": a role, no one who acts
    return tok.dep_ not in _PREDICATE_DEPS and not (tok.dep_ == "pobj" and tok.head.lower_ in words.role_prepositions)


def owner_word(tok: Token) -> bool:
    """Whether a word before a noun names whose the noun's people are ("his aides", "Trump supporters")."""
    return tok.i < tok.head.i and (tok.dep_ == "poss" or (tok.dep_ == "compound" and tok.pos_ == "PROPN"))


def victims(doc: Doc, k: int, words: Words) -> bool:
    """Whether the people of token ``k`` are whom a crime was done to ("began to stab people", "killing
    women"): the object of a verb of crime."""
    tok = doc[k]
    return tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in words.crime_verbs


def counted(doc: Doc, k: int, words: Words) -> bool:
    """Whether the people of token ``k`` are counted: "three people", "several residents", "hundreds of
    people" (a number or a counting word before them, or a counting word they are "of")."""
    tok = doc[k]
    if tok.head.lemma_.lower() in words.count_excluding_heads:
        return False  # "three per 100,000 people", "has five children": a rate or a family, no group that acts
    if any(c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and c.lower_ in words.count_words)
           for c in tok.children):
        return True
    head = tok.head
    return (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i
            and (head.head.like_num or head.head.lower_ in words.count_words))


def people_named(doc: Doc, start: int, k: int, words: Words, plural: bool) -> bool:
    """Whether the demonym of tokens [start, k] names people, not their state: counted ("three American
    Samoans", "thousands of Swedes"), or plural, bare and no predicate or modifier ("Russians paid", "asked all
    Americans"; not "they are Americans"). "The Saudis" and "the Armenians" are the state, a side, as the
    coders code them."""
    definite = any(c.dep_ == "det" and c.lower_ in words.definite_articles for c in doc[k].children) or (
        start > 0 and doc[start - 1].lower_ in words.definite_articles)
    return counted(doc, k, words) or (plural and not definite and doc[k].dep_ not in _NOT_PARTY_DEPS)


def no_group(build: Build, i: int, j: int) -> bool:
    """Whether the agent noun of tokens [i, j) names no group where it stands: with the word before or after it,
    a thing or an act ("social media", "opposition to abortion": ``not_agent_phrases``), or a noun of places
    used for a place ("found in 36 states", "flown to hospitals": ``place_nouns``)."""
    lowers, words = build.lowers, build.lex.words
    noun, phrases = " ".join(lowers[i:j]), words.not_agent_phrases
    if (i > 0 and f"{lowers[i - 1]} {noun}" in phrases) or (j < len(lowers) and f"{noun} {lowers[j]}" in phrases):
        return True
    if noun not in words.place_nouns:
        return False
    tok = build.doc[j - 1]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    preposition = tok.head.lower_
    if tok.dep_ != "pobj":
        return False
    going = tok.head.head
    return preposition in words.locative_prepositions or (
        preposition in words.destination_prepositions and going.lemma_.lower() in words.motion_verbs)


def staff_of_another_body(doc: Doc, i: int, j: int) -> bool:
    """Whether a common noun right before the agent noun of tokens [i, j) says whose staff it is ("company
    officials", "forest officials"): no government of the story's country, whose people are told by
    adjectives alone ("local officials", "senior officials")."""
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.i < i for c in doc[j - 1].children)
