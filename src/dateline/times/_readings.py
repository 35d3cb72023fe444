"""What the parse says of a value once it is resolved: the sense an expression has in its sentence.

A duration of one unit may count a rate ("four flights a week"), "one day" before its verb is some time
("will one day fly"), a day named from the telling may stand for its era ("today's world"), and a part of
the day that a clause names is that event's ("the morning her son left"), not the telling's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.times._parse import governing_verb, is_rate, token_at
from dateline.times._points import Context, Resolved, norm_spaces
from dateline.times._recognize import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["reread"]

#: The reference a day named from the telling stands for when it names an era, by its sign ("today's world").
_ERA_REFS = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def _as_rate(res: Resolved, cand: Candidate, doc: Doc | None, ctx: Context) -> Resolved:
    """A duration of one unit that counts what comes before it is a set ("four flights a week": P1W)."""
    if res.type != "DURATION" or cand.rule != "duration" or cand.get("dir") or cand.get("approx"):
        return res
    frequencies = ctx.lex.context["frequency_words"]
    rate = is_rate(doc, cand.extent, ctx.lex.words["indefinite_articles"], frequencies)
    return replace(res, type="SET") if rate else res


def _as_indefinite(res: Resolved, cand: Candidate, doc: Doc | None, ctx: Context) -> Resolved:
    """ "One day" before the verb it modifies is some time, not a length ("will one day fly": FUTURE_REF;
    PAST_REF told in the past); after it, a duration ("lasted one day")."""
    if res.type != "DURATION" or norm_spaces(cand.surface) not in ctx.lex.context["indefinite_days"]:
        return res
    verb = governing_verb(doc, cand.extent)
    if verb is None or verb.idx < cand.end:
        return res
    return Resolved("PAST_REF" if ctx.tense == "past" else "FUTURE_REF")


def _as_era(res: Resolved, cand: Candidate, doc: Doc | None, ctx: Context) -> Resolved:
    """A day named from the telling that owns a word of an era ("today's world", "today's youth") or follows
    "of" after a noun ("the cars of tomorrow") is that era: PRESENT_REF, FUTURE_REF or PAST_REF."""
    shift = ctx.lex.deictic_days.get(cand.get("word") or "")
    token = token_at(doc, cand.start) if cand.rule == "deictic" and shift is not None else None
    if token is None or shift is None:
        return res
    head = token.head
    owned = token.dep_ == "poss" and head.lower_ in ctx.lex.context["era_heads"]
    after_of = token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
    return Resolved(_ERA_REFS[max(-1, min(1, shift))]) if owned or after_of else res


def _as_event_part(res: Resolved, cand: Candidate, doc: Doc | None, ctx: Context) -> Resolved:
    """A part of the day after an article with a relative clause of its own ("the morning her son left")
    is the part of that event's day, which the telling does not give: no value."""
    if cand.rule != "pod" or res.value is None or cand.get("rel") not in ctx.lex.words["articles"]:
        return res
    token = token_at(doc, cand.end - 1)
    if token is None or not any(child.dep_ == "relcl" for child in token.children):
        return res
    return Resolved(None, res.type)


def reread(res: Resolved, cand: Candidate, doc: Doc | None, ctx: Context) -> Resolved:
    """``res`` as the sentence around ``cand`` reads it (see the module's docstring)."""
    for reading in (_as_rate, _as_indefinite, _as_era, _as_event_part):
        res = reading(res, cand, doc, ctx)
    return res
