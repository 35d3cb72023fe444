"""Whom an act aimed at an earlier act reaches: the doer of that act, told a few sentences before.

"Trump commuted the sentence of Roger Stone. The Biden campaign criticized the commutation" and "Germany said
Navalny was poisoned ... Russia dismissed the claim": the criticism and the dismissal are aimed at what Trump
and Germany did, and PLOVER codes them with that doer as recipient, though this sentence names it only in a
noun of the act. An event with no recipient whose object is a definite noun of another kind of act ("the
commutation", "the attack", "the agreements"), or of something told against someone (``accusation_nouns``:
"the claim", "the story", an accusation), with no owner of its own ("Trump's commutation" names him, and the
rules read that), takes as recipients the actors of the last event of that kind, when it was told in this
sentence or the :data:`RESPONSE_SENTENCES` before. An act of the same kind as the one it answers is left
alone: "police are investigating the allegations" is aimed at the accused, not at the accuser. On
wikinews-train's read half this names the recipient of 5 acts in 4 articles, 3 of them right by the hand
coding (core events of 3 articles), 2 wrong that had none before; on wikinews-dev none, and the figures of
the other half do not move.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.events._phrase import full_phrase
from dateline.records import Article, EventType, make_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.events._lexicon import Lexicon
    from dateline.events._model import Candidate
    from dateline.events._scene import Scene

__all__ = ["RESPONSE_SENTENCES", "answered"]

#: Sentences before an act's own in which the act it answers may be told ("Trump commuted ... The campaign
#: criticized the commutation"). Set by hand on wikinews-train's read half and wikinews-dev.
RESPONSE_SENTENCES = 3
#: The type of what a noun of ``accusation_nouns`` names ("dismissed the claim", "denied the story").
ACCUSATION: EventType = "ACCUSE"
#: Dependency labels of the object that names the act answered.
_OBJECTS = frozenset({"dobj", "obj"})


def answered(article: Article, candidate: Candidate, number: int, scene: Scene, lex: Lexicon) -> Candidate:
    """``candidate`` with the doers of the act its object names as recipients, where it has none (see the
    module's docstring); else ``candidate`` itself."""
    event = candidate.event
    if event.recipients:
        return candidate
    for noun in (c for c in candidate.hit.token.children if c.dep_ in _OBJECTS and c.pos_ == "NOUN"):
        if not _bare_definite(noun, lex):
            continue
        lemma = noun.lemma_.lower()
        kinds: set[EventType] = {entry.type for entry in lex.index.get((lemma, "noun"), ())}
        kinds |= {ACCUSATION} if lemma in lex.words.accusation_nouns else set()
        if not kinds or event.type in kinds:
            continue
        told = [scene.by_type[kind] for kind in kinds if kind in scene.by_type]
        sentence, doers = max(told, default=(-1, ()))
        recipients = tuple(i for i in doers if i not in event.actors)
        if recipients and number - sentence <= RESPONSE_SENTENCES:
            span = make_span(article.text, *full_phrase(noun, lex.words, article.text))
            return replace(candidate, event=replace(event, recipients=recipients, recipient_spans=(span,)))
    return candidate


def _bare_definite(noun: Token, lex: Lexicon) -> bool:
    """Whether ``noun`` is a definite noun with no owner ("the commutation"; not "his commutation")."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in lex.words.definite_determiners for c in children) and not any(
        c.dep_ == "poss" for c in children)
