"""Whom a judgement reaches when its sentence names no one: the party its doer deals with in the article.

"Hale's campaign attacked Reyes over the budget. Reyes said the plan would fail. ... Hale called it a
disgrace." The last sentence names no one Hale condemns, yet a reader of the article knows it is Reyes, and
so do the hand coders of the Wikinews sets, who take such a recipient from the article rather than from the
sentence. PLOVER defines an accusation as a judgement of someone (ACCUSE: "criticize, condemn, accuse"), so
an ACCUSE with no recipient has one the sentence leaves unsaid.

Its counterpart is the party the doer is paired with most often in the article's other events: the
recipients of the doer's own acts, the doers of acts aimed at it, and its partners in a meeting (the
article's dyad). It is taken only when it clearly wins, with more pairings than any other party; with a tie,
or no pairing at all, the event keeps no recipient (a wrong recipient is worse than none). The recipient's
span is the counterpart's mention nearest the event, which may lie in another sentence: the evidence of the
field is where the article names that party, not the event's own sentence.

Only a judgement whose sentence names nothing it is aimed at, or names it by a phrase that points back into
the article (a thing pronoun, "called it"; a definite noun, "assailed the event", "questioned the selection")
looks for a counterpart. One aimed at a name or a bare noun the actors stage knows no party by ("condemned
anti-semitism", "called Antifa an idea") judges that very thing, and keeps no recipient.

Other types are left alone. On wikinews-dev and the read half of wikinews-train the same fill for REQUEST,
REJECT, CONCEDE and SUPPORT events was wrong as often as right: a request goes to a body the article seldom
pairs with the doer (a legislature, the public), a concession or a plea to a court or a winner that the
dyad does not tell, and support often has no recipient at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from dateline.events._lexicon import Words
from dateline.records import Article, Event, EventType, Span

__all__ = ["AIMED_TYPES", "MEETING", "counterpart", "with_counterparts"]

#: Types whose definition in PLOVER aims the act at a party, that an empty recipient is filled for.
AIMED_TYPES: frozenset[EventType] = frozenset({"ACCUSE"})
#: A meeting: its parties are all actors, each the others' partner.
MEETING: EventType = "CONSULT"


def with_counterparts(article: Article, events: Sequence[Event], words: Words) -> list[Event]:
    """``events`` with each aimed act that has no recipient given its doer's counterpart, where one clearly
    wins and its sentence names nothing else it judges (see the module's docstring); the pairings counted are
    those of the events as given."""
    filled: list[Event] = []
    for k, event in enumerate(events):
        other = counterpart(event, [e for i, e in enumerate(events) if i != k]) if _points_back(event, words) else None
        span = _nearest_mention(article, other, event.trigger.start) if other is not None else None
        if other is None or span is None:
            filled.append(event)
        else:
            filled.append(replace(event, recipients=(other,), recipient_spans=(span,)))
    return filled


def counterpart(event: Event, others: Sequence[Event]) -> str | None:
    """The id of the party ``event``'s doers are paired with most often in ``others``, when ``event`` is an
    aimed act with doers and no recipient and one party has more pairings than any other; else None."""
    if event.type not in AIMED_TYPES or event.recipients or not event.actors:
        return None
    doers = set(event.actors)
    pairings: Counter[str] = Counter()
    for other in others:
        if doers & set(other.actors):
            pairings.update(other.recipients)
            if other.type == MEETING and not other.recipients:
                pairings.update(other.actors)
        if doers & set(other.recipients):
            pairings.update(other.actors)
    for doer in doers:
        del pairings[doer]
    ranked = pairings.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _points_back(event: Event, words: Words) -> bool:
    """Whether every phrase ``event``'s rules read as what it is aimed at is a thing pronoun ("it") or a
    definite noun ("the event"), or there is none."""
    for span in event.recipient_spans:
        first = span.text.split(maxsplit=1)[0].lower() if span.text.strip() else ""
        if first not in words.definite_determiners and span.text.lower() not in words.thing_pronouns:
            return False
    return True


def _nearest_mention(article: Article, actor_id: str, offset: int) -> Span | None:
    """The mention of actor ``actor_id`` nearest ``offset``, one before it first on a tie; None for none."""
    actor = article.actor(actor_id)
    if actor is None or not actor.mentions:
        return None
    return min(actor.mentions, key=lambda m: (abs(m.start - offset), m.start > offset))
