"""Whom an act aimed at an earlier act reaches: the doer of that act, or the owner of that thing, told before.

"Trump commuted the sentence of Roger Stone. The Biden campaign criticized the commutation" and "The Times
published allegations ... Trump labeled the report as fake news": the criticism and the label are aimed at what
Trump and the Times did, and PLOVER codes them with that doer as recipient, though this sentence names it only
in a definite noun. An event with no recipient aimed at a definite noun with no owner of its own ("Trump's
commutation" names him, and the rules read that) takes as recipients the doers of the earlier act the noun
names. The noun is the act's object ("criticized the move", "labeled the report as ...") or, for a judgement
(:data:`JUDGING_TYPES`), the subject of what it says of it ("claimed the move was criminal"). What it names,
the last one told in this sentence or the :data:`RESPONSE_SENTENCES` before:

- an act told with a verb of the noun's family (``act_nouns``: "Judge Lee decided ... the decision", "Hale
  named X as his running mate ... the selection", "published allegations ... the report"), coded as an event
  or not (:func:`told_acts`), or the same noun with an owner ("Hale's order ... the order", "Hale issued an
  order ... the order": ``making_verbs``). An investigation is aimed at what a report tells, never at who told
  it, and a noun of the act's own kind with no family entry names the act itself ("joined the protest");
- else the last event of another kind that the noun is a trigger of ("the commutation", "the attack",
  "the agreements"), or of something told against someone (``accusation_nouns``: "the claim", "the story").
  An act of the same kind as the one it answers is left alone: "police are investigating the allegations" is
  aimed at the accused, not at the accuser;
- else, for a noun of whatever someone just did (``any_act_nouns``: "the move", "the step") that a judgement
  is aimed at ("criticized", "welcomed", "rejected the move"), the last event told in this sentence or the
  one before (:data:`ANY_ACT_SENTENCES`).

Where nothing fits, the event keeps no recipient: a wrong one is worse than none. On wikinews-dev and the read
half of wikinews-train the definite nouns of this kind whose gold recipient stays unreached mostly name an act
told with no doer ("a subpoena had been issued", "was stabbed"), told only later, or misparsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.events._clause import subject
from dateline.events._lexicon import lemma_ids
from dateline.events._phrase import full_phrase
from dateline.records import Article, Event, EventType, make_span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

    from dateline.events._lexicon import Lexicon
    from dateline.events._model import Candidate
    from dateline.events._scene import Scene

__all__ = ["ANY_ACT_SENTENCES", "JUDGING_TYPES", "RESPONSE_SENTENCES", "answered", "told_acts"]

#: Sentences before an act's own in which the act it answers may be told ("Trump commuted ... The campaign
#: criticized the commutation"). Set by hand on wikinews-train's read half and wikinews-dev.
RESPONSE_SENTENCES = 3
#: Sentences before a judgement's own in which "the move" it judges may be told: the noun names whatever was
#: just done, so only the sentence before ("X closed the parks. Y criticized the move."). Set by hand.
ANY_ACT_SENTENCES = 1
#: Types of a judgement of what someone did ("criticized", "welcomed", "rejected", "protested the move").
JUDGING_TYPES: frozenset[EventType] = frozenset({"ACCUSE", "SUPPORT", "REJECT", "PROTEST"})
#: The mode of an investigation: it is aimed at what the report it looks into tells of, never at who told it
#: ("police are investigating the report").
INVESTIGATION = "investigate"
#: The type of what a noun of ``accusation_nouns`` names ("dismissed the claim", "denied the story").
ACCUSATION: EventType = "ACCUSE"
#: Dependency labels of the object that names the act answered.
_OBJECTS = frozenset({"dobj", "obj"})
#: Dependency labels of a clause that says something of a thing ("claimed the move was criminal", "found
#: the prorogation to be unlawful"), and of that thing, its subject.
_CLAUSES = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def answered(article: Article, candidate: Candidate, number: int, scene: Scene, lex: Lexicon) -> Candidate:
    """``candidate`` with the doers of the act its object names as recipients, where it has none (see the
    module's docstring); else ``candidate`` itself."""
    event = candidate.event
    if event.recipients:
        return candidate
    for noun in _judged(candidate.hit.token, event.type in JUDGING_TYPES):
        if not _bare_definite(noun, lex):
            continue
        recipients = tuple(i for i in _doers(noun.lemma_.lower(), event, number, scene, lex)
                           if i not in event.actors)
        if recipients:
            span = make_span(article.text, *full_phrase(noun, lex.words, article.text))
            return replace(candidate, event=replace(event, recipients=recipients, recipient_spans=(span,)))
    return candidate


def _judged(trigger: Token, judgement: bool) -> Iterator[Token]:
    """The nouns an act is aimed at: its objects, and for a ``judgement`` the subjects of the clauses it says
    of them ("claimed the move was criminal"; not "agreed the book may have ...")."""
    for child in trigger.children:
        if child.dep_ in _OBJECTS and child.pos_ == "NOUN":
            yield child
        elif judgement and child.dep_ in _CLAUSES:
            yield from (c for c in child.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN")


def _doers(lemma: str, event: Event, number: int, scene: Scene, lex: Lexicon) -> tuple[str, ...]:
    """The doers of the earlier act the noun ``lemma`` names, for ``event`` of sentence ``number``; () for
    none."""
    kinds: set[EventType] = {entry.type for entry in lex.index.get((lemma, "noun"), ())}
    kinds |= {ACCUSATION} if lemma in lex.words.accusation_nouns else set()
    # a noun of the act's own kind names the act itself ("joined the protest") unless its family says whose
    # act it names ("praised the selection")
    named = (*lex.act_verbs.get(lemma, ()), *(() if event.type in kinds else (lemma,)))
    family = [] if event.mode == INVESTIGATION else [scene.by_lemma[w] for w in named if w in scene.by_lemma]
    of_kind = [] if event.type in kinds else [scene.by_type[kind] for kind in kinds if kind in scene.by_type]
    anything = [scene.last] if (scene.last is not None and not kinds and lemma in lex.words.any_act_nouns
                                and event.type in JUDGING_TYPES) else []
    for told, window in ((family, RESPONSE_SENTENCES), (of_kind, RESPONSE_SENTENCES), (anything, ANY_ACT_SENTENCES)):
        sentence, doers = max(told, default=(-1, ()))
        if doers and number - sentence <= window:
            return doers
    return ()


def told_acts(article: Article, sentence: TokenSpan, number: int, scene: Scene, lex: Lexicon) -> Scene:
    """The scene with the doers of the acts sentence ``number`` tells that it codes no event for, by lemma:
    the known actors a verb of an act noun's family has as subject ("Judge Ann Lee decided that ...": what a
    later "the decision" names), and the owner a noun of an act or thing has ("Hale's order", "the Senate
    bill": what a later "the order", "the bill" names). One look-up per word of the sentence."""
    told = {lemma: (number, doers) for lemma, doers in _told_in(article, sentence, lex)
            if scene.by_lemma.get(lemma, (-1, ()))[0] != number}
    return replace(scene, by_lemma={**scene.by_lemma, **told}) if told else scene


def _told_in(article: Article, sentence: TokenSpan, lex: Lexicon) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The lemma and the doers of each act the sentence tells with a verb an act noun names (``act_nouns``),
    and of each act or thing it names with an owner (``act_nouns``, ``owned_things``), where a known actor is
    named."""
    wanted = lemma_ids(frozenset((*lex.family_verbs, *lex.act_verbs, *lex.words.owned_things)))
    for token in sentence:
        if token.lemma not in wanted:
            continue  # screened by the lemma's id: most words name no act
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lex.family_verbs:
            parties = subject(token, lex.words)
        elif token.pos_ == "NOUN" and (lemma in lex.act_verbs or lemma in lex.words.owned_things):
            parties = _owners(token, lex)
        else:
            continue
        doers = [a.id for t in parties if (a := article.actor_at(t.idx, t.idx + len(t))) is not None]
        if doers:
            yield lemma, tuple(dict.fromkeys(doers))


def _owners(noun: Token, lex: Lexicon) -> list[Token]:
    """Who owns the act or thing a noun names: its possessor or the name before it ("Hale's order", "the Senate
    bill"), else the subject of a verb that makes it ("Hale issued an order", ``making_verbs``)."""
    owners = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
    if owners or noun.dep_ not in _OBJECTS or noun.head.lemma_.lower() not in lex.words.making_verbs:
        return owners
    return subject(noun.head, lex.words)


def _bare_definite(noun: Token, lex: Lexicon) -> bool:
    """Whether ``noun`` is a definite noun with no owner ("the commutation"; not "his commutation")."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in lex.words.definite_determiners for c in children) and not any(
        c.dep_ == "poss" for c in children)
