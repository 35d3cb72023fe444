"""Doers that only the sentence around a passive names.

A passive that names no agent says who an act was done to, not who did it ("three journalists were detained
on Monday"); such an event is coded on its patient alone, and only when its sentence dates it to the story's
days (:mod:`dateline.events._coding`). Some acts have, by office, one kind of doer: only the police
arrest and detain, only a court convicts and sentences. Where the sentence names an actor of that sector
before the act ("Police in Nairobi said three journalists were detained"), that actor is the doer. Looking
further back, to the sentences before, codes acts of the story's background with the wrong doer (on
wikinews-dev: two past convictions, no core event), so such a doer must be in the act's own sentence. An
act that is coded anyway, as the story's news (a passive its own sentence dates to the story's days), takes
the one body of that sector the whole article names (:func:`story_doer`): "Basilashvili was arrested on
Friday" in a story that names the Georgian police elsewhere; and an attack coded with no doer, the one
criminal the story names ("a stabbing killed two men", in a story about the man arrested for it). A protest
noun that names no doer ("weeks of protests in the capital") is the act of the one crowd the story names
("Puerto Rican protesters", :func:`crowd_doer`); with none or several, it names too little to code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.records import Actor, Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.events._lexicon import Words

__all__ = ["CONTEXT_SECTORS", "actor_ids", "context_doer", "crowd_doer", "mention_head", "story_doer"]

#: PLOVER modes whose unnamed doer is, by office, an actor of one PLOVER sector: arrests and detentions are the
#: police's (COP), convictions and sentences a court's (JUD).
CONTEXT_SECTORS = {"arrest": "COP", "convict": "JUD"}
#: The kinds of actor that do such acts as a body: a court, the police; not a judge's or a lawyer's person, nor
#: a defendant's lawyers (a group of the courts' sector).
BODY_KINDS = {"COP": ("organization", "group"), "JUD": ("organization",)}
#: PLOVER types whose unnamed doer, in a story that names one criminal (CRM), is that criminal: "a stabbing killed
#: two men" in a story about the man arrested for it.
CRIME_TYPES = frozenset({"ASSAULT"})
#: PLOVER types whose noun with no doer ("weeks of protests in the capital") is the act of the one crowd the
#: article names.
CROWD_TYPES = frozenset({"PROTEST"})
#: The PLOVER sector of criminals, the doers of CRIME_TYPES.
CRIMINAL = "CRM"
#: The kinds of actor a criminal may be: a person, or a group of them ("the gunmen").
CRIMINAL_KINDS = ("person", "group")


def context_doer(article: Article, trigger: Token, mode: str | None, patients: Sequence[Token]) -> Token | None:
    """The head word of the last mention, in ``trigger``'s sentence and before it, of an actor of the sector
    that does acts of ``mode`` by office, other than the actors the act is done to (``patients``: a convicted
    lawyer does not convict himself); None when there is none."""
    sector = CONTEXT_SECTORS.get(mode or "")
    if sector is None:
        return None
    done_to = actor_ids(article, patients)  # a convicted lawyer does not convict himself
    start = trigger.sent.start_char
    mentions = [m for a in article.actors if a.sector == sector and a.id not in done_to for m in a.mentions
                if start <= m.start and m.end <= trigger.idx]
    if not mentions:
        return None
    return mention_head(trigger, max(mentions, key=lambda m: m.start))


def story_doer(article: Article, trigger: Token, mode: str | None, kind: str,
               patients: Sequence[Token]) -> Token | None:
    """The head word of a mention of the one body of the sector that does acts of ``mode`` by office (or the one
    criminal, for an attack: :data:`CRIME_TYPES`) that the article names anywhere, other than the actors the act
    is done to: its last mention before ``trigger``, else its first; None when the article names none, or
    several."""
    sector = CONTEXT_SECTORS.get(mode or "") or (CRIMINAL if kind in CRIME_TYPES else None)
    if sector is None:
        return None
    kinds = BODY_KINDS.get(sector, CRIMINAL_KINDS)
    done_to = actor_ids(article, patients)  # a convicted lawyer does not convict himself
    bodies = [a for a in article.actors if a.sector == sector and a.kind in kinds and a.id not in done_to]
    if len(bodies) != 1 or not bodies[0].mentions:
        return None
    return _nearest_mention(trigger, bodies[0])


def crowd_doer(article: Article, trigger: Token, kind: str, words: Words) -> Token | None:
    """The head word of a mention of the one crowd the article names (a group named by a crowd noun of
    ``words.crowd_nouns``: "Puerto Rican protesters") as the doer of a protest noun that names none
    ("two weeks of protests in the capital"): its last mention before ``trigger``, else its first; None for
    other types, or where the article names no crowd or several."""
    if kind not in CROWD_TYPES or trigger.pos_ != "NOUN" or article.actor_at(trigger.idx, trigger.idx + 1):
        return None  # "protesters gathered": the crowd's own name is no act of it
    crowds = [a for a in article.actors if a.kind == "group" and a.mentions
              and a.name.split()[-1].lower() in words.crowd_nouns]
    if len(crowds) != 1:
        return None
    return _nearest_mention(trigger, crowds[0])


def _nearest_mention(trigger: Token, actor: Actor) -> Token | None:
    """The head word of ``actor``'s last mention before ``trigger``, else of its first."""
    mentions = actor.mentions
    before = [m for m in mentions if m.end <= trigger.idx]
    return mention_head(trigger, before[-1] if before else mentions[0])


def actor_ids(article: Article, tokens: Sequence[Token]) -> set[str]:
    """The ids of the known actors whose mention holds one of the words ``tokens`` (argument heads)."""
    return {a.id for t in tokens if (a := article.actor_at(t.idx, t.idx + len(t.text))) is not None}


def mention_head(trigger: Token, mention: Span) -> Token | None:
    """The head word of an actor's mention in ``trigger``'s doc."""
    span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None
