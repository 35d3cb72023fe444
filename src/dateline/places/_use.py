"""How the text uses a name: for the place itself, or for something else.

A name the gazetteer knows is not always a place in the text that holds it.
These checks read spaCy's parse and the language's words
(:class:`~dateline.places._words.UseWords`):

- a capital used for its government ("Washington imposed sanctions on
  Moscow", "Beijing's response", "ties with Beijing") is an actor, not a place;
- a place that names a thing ("the Paris accord", "the Minsk agreements")
  is no place of the text;
- "New York State", "upstate New York", "the governor of New York" mean the
  state where a city has the same name;
- in a headline written in title case ("A Narrowly Split Court Upholds the
  Law") capitals say nothing about names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.places._words import UseWords

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["for_government", "headline", "means_state", "names_a_thing", "subject_of"]

#: A sentence is a headline in title case when each of its words that are no stop words, at least this
#: many, starts with a capital ("Grand Jury Indicts Man In December Slaying"); spaCy tags such words as
#: proper nouns, so the parts of speech do not tell. A sentence with one lower-case word is none
#: ("Madison Heights between Strickland and North avenues"). Set by hand on LGL's titles.
TITLE_CASE_MIN_WORDS = 3

#: Headlines are short: a longer sentence in capitals is a list of names.
TITLE_CASE_MAX_TOKENS = 20

_NOUNS = frozenset({"NOUN", "PROPN"})

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _head_of_conjuncts(token: Token) -> Token:
    """The first of a run of conjuncts ("Washington and Moscow said": Washington)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def for_government(span: TokenSpan, words: UseWords, *, building: bool = False) -> bool:
    """Whether a name (a capital, or the ``building`` of a government) stands for its government here: the
    subject of a verb of saying or deciding, the object of one of pressing, the owner of a decision, a party
    to relations, what backs or leads ("Kremlin-backed"); a building also as the agent of a passive
    ("rebuffed by the White House"; a capital there may be one of a list of countries: "taken by Bulgaria,
    Luxembourg and Malta")."""
    root = _head_of_conjuncts(span.root)
    head = root.head
    if root.dep_ in _SUBJECTS:
        return subject_of(span, words.agent_verbs)
    if root.dep_ == "dobj":
        return head.lemma_.lower() in words.agent_object_verbs
    if root.dep_ in ("poss", "compound"):  # "Moscow's response", "White House aides", "Pentagon officials"
        return bool({head.lemma_.lower(), head.lower_} & words.government_nouns)
    if root.dep_ == "npadvmod":  # "the Kremlin-backed movement"; not "a Washington-based group"
        return head.lower_ in words.government_modifiers
    if root.dep_ == "pobj" and head.dep_ == "agent":  # "a charge denied by the Kremlin"
        return building
    if root.dep_ == "pobj" and head.lower_ in words.relation_prepositions:
        governor = head.head  # "ties with Beijing", "imposed sanctions on Moscow"
        # the noun as written or its lemma: the list names plurals ("ties", "sanctions") whose lemma it lacks
        if {governor.lemma_.lower(), governor.lower_} & words.government_nouns:
            return True
        return governor.pos_ == "VERB" and governor.lemma_.lower() in words.agent_verbs
    return False


def subject_of(span: TokenSpan, verbs: frozenset[str]) -> bool:
    """Whether a name is the subject of one of ``verbs`` (lemmas): "Petrova said", "McKinney told"."""
    root = _head_of_conjuncts(span.root)
    return root.dep_ in _SUBJECTS and root.head.lemma_.lower() in verbs


def names_a_thing(span: TokenSpan, words: UseWords) -> bool:
    """Whether the name only names a thing: "the Paris accord", "the Kyoto Protocol"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in _NOUNS and after.lower_ in words.named_after_nouns:
        return True
    root = span.root
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and head.pos_ in _NOUNS and head.lower_ in words.named_after_nouns


def means_state(span: TokenSpan, words: UseWords) -> bool:
    """Whether the name means a state or province rather than a city of the same name:
    "New York State", "upstate New York", "the governor of New York", "New York's governor"."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in words.state_words:
        return True
    if before is not None and before.lower_ in words.state_before:
        return True
    root = span.root
    if root.dep_ in ("compound", "poss") and _state_noun(root.head, words):
        return True
    return root.dep_ == "pobj" and root.head.head.lower_.rstrip(".") in words.state_nouns


def _state_noun(noun: Token, words: UseWords) -> bool:
    """Whether a noun, or the word of a compound it opens, says state: "legislature", "attorney general"."""
    return noun.lower_.rstrip(".") in words.state_nouns or any(
        child.dep_ == "compound" and child.lower_ in words.state_nouns for child in noun.children)


def headline(sentence: TokenSpan) -> bool:
    """Whether a sentence is written in title case, as headlines are ("Grand Jury Indicts Man In Slaying")."""
    if len(sentence) > TITLE_CASE_MAX_TOKENS:
        return False
    content = [t for t in sentence if t.is_alpha and not t.is_stop]
    return len(content) >= TITLE_CASE_MIN_WORDS and all(t.text[0].isupper() for t in content)
