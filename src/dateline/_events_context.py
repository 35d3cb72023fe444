"""An event's status (occurred, planned, hypothetical, negated), date and place.

Status comes from the words governing the trigger: a negation ("did not
meet", "no talks"), a future or intention ("will", "is set to", "is expected
to", "plans to", "was to", "scheduled"), or a condition ("could", "would",
"if"). The date is the sentence's resolved time expression nearest the
trigger; the place the sentence's place nearest the trigger, else the
article's dateline place when the sentence points at it ("here").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.records import Article, EventDate, EventStatus, Place, TimeExpr

__all__ = ["dateline_place", "event_date", "event_place", "status"]

Token = Any  # a spaCy Token

_NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "'d", "can", "must"})
#: Verbs that make what they govern planned: "is set to", "is expected to", "plans to", "scheduled".
_PLANNING = frozenset({
    "set", "expect", "plan", "schedule", "intend", "due", "prepare", "aim", "slate", "poise", "hope",
    "want", "seek", "propose", "arrange", "announce", "agree", "decide", "vow", "pledge", "promise", "go",
})
_PLANNED_ADJ = frozenset({"upcoming", "planned", "future", "proposed", "scheduled", "forthcoming", "next", "possible"})
_FAILING = frozenset({"fail", "refuse", "decline", "cancel", "postpone", "call off", "abandon"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
#: Times that can date an event (durations and sets cannot).
_DATED = frozenset({"DATE", "TIME"})
#: Words that point at the dateline place ("officials here said").
_HERE = frozenset({"here", "locally"})
#: How far into the article a dateline place may start (characters): "HAMBURG, Germany (AP) --".
DATELINE_WINDOW = 80


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the words above it whose modality carries down to it."""
    chain = [trigger]
    tok = trigger
    for _ in range(4):
        if tok.dep_ in ("xcomp", "conj", "acl", "advcl", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "pcomp"):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            chain.append(tok)
        else:
            break
    return chain


def _is_to_be(tok: Token) -> bool:
    """"Putin was to meet": the infinitive hangs on a bare 'be'."""
    return tok.lemma_ == "be" and any(c.dep_ == "xcomp" for c in tok.children)


def status(trigger: Token) -> EventStatus:
    """Occurred unless the words around the trigger say otherwise."""
    chain = _governors(trigger)
    planned = hypothetical = False
    for depth, tok in enumerate(chain):
        kids = list(tok.children)
        if depth > 0 and tok.lemma_.lower() in _FAILING:
            return "negated"  # "failed to reach agreement"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in kids):
            return "hypothetical"  # "if the compounds aren't returned"
        if depth <= 1 and any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in kids):
            if tok.lemma_.lower() not in _PLANNING or depth == 0:
                return "negated"
        lowered = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if lowered & _HYPOTHETICAL_AUX:
            hypothetical = True
        if lowered & _FUTURE_AUX or (depth > 0 and (tok.lemma_.lower() in _PLANNING or _is_to_be(tok))):
            planned = True
        if any(c.dep_ == "amod" and c.lower_ in _PLANNED_ADJ for c in kids):
            planned = True
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("before", "ahead"):
            planned = True
    if hypothetical:
        return "hypothetical"
    return "planned" if planned else "occurred"


def _nearest(spans: Sequence[tuple[int, int]], trigger_at: int) -> int:
    return min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) // 2 - trigger_at))


def event_date(times: Sequence[TimeExpr], trigger_at: int) -> EventDate | None:
    """The date of the sentence's time expression nearest the trigger (times of that sentence only)."""
    usable = [t for t in times if t.type in _DATED and t.value]
    if not usable:
        return None
    best = usable[_nearest([(t.span.start, t.span.end) for t in usable], trigger_at)]
    return EventDate(best.value, best.span.text)


def dateline_place(article: Article) -> Place | None:
    """The place of an article's dateline ("HAMBURG, Germany (AP) --"), if it opens with one."""
    for place in article.places:
        if place.span.start > DATELINE_WINDOW:
            break
        after = article.text[place.span.end:place.span.end + 40]
        if any(mark in after for mark in ("—", "--", " - ", "(AP)", "(Reuters)", "(AFP)", "(RFE/RL)")):
            return place
    return None


def event_place(places: Sequence[Place], trigger_at: int, sentence: Any, home: Place | None) -> Place | None:
    """The sentence's place nearest the trigger, else the dateline place when the sentence says "here"."""
    if places:
        return places[_nearest([(p.span.start, p.span.end) for p in places], trigger_at)]
    if home is not None and any(t.lower_ in _HERE for t in sentence):
        return home
    return None
