"""One record for a quotation split by its credit.

A speaker's quotation often comes in parts, its credit between them ("“We need
the money,” said Ann Cole, the mayor, who spoke after the vote. “And we need it
now.”"). The parts are one attribution: one speaker, one cue, one act of
saying. Where the credit between them is short, :mod:`dateline.quotes._direct`
already reads them as one stretch that stays mostly quoted; where it is long,
the parts come out as two records of one cue and speaker, and here they become
one: its content runs from the first part to the last, and ``Quote.parts``
names the quoted parts, so a reader (and the evaluation) can tell the quoted
words from the credit between them.

Only parts of one paragraph with the same cue and speaker are joined: a
quotation that opens the next paragraph is as often a new attribution as the
same one (PolNeAR train, 2026-12-07: of the pairs of direct records of one cue
and speaker within a paragraph, 33 were one gold attribution and 3 two, over
the held-out tenth and 189 other train articles).
"""

from __future__ import annotations

from dataclasses import replace

from dateline import ids
from dateline.records import Article, Quote, Span, make_span

__all__ = ["joined"]


def _same_voice(first: Quote, second: Quote) -> bool:
    """Whether ``second`` goes on with ``first``: both quotations, of one cue and one speaker."""
    if not (first.direct and second.direct) or first.cue is None or second.cue is None:
        return False
    if (first.cue.start, first.cue.end) != (second.cue.start, second.cue.end):
        return False
    if first.speaker_span is None or second.speaker_span is None:
        return first.speaker_span is second.speaker_span
    return (first.speaker_span.start, first.speaker_span.end) == (second.speaker_span.start, second.speaker_span.end)


def _parts(quote: Quote) -> tuple[Span, ...]:
    return quote.parts or (quote.content,)


def joined(article: Article, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` in text order, each quotation that goes on, in the same paragraph, with the quotation of
    the same cue and speaker just before it (no other quotation between) joined to it in one record."""
    cues = [(q.cue.start, q.cue.end) for q in quotes if q.direct and q.cue is not None]
    if len(set(cues)) == len(cues):
        return quotes  # no two quotations of one cue
    out: list[Quote] = []
    last: int | None = None  # where in ``out`` the latest quotation is
    for quote in sorted(quotes, key=lambda q: (q.content.start, q.content.end)):
        if not quote.direct:
            out.append(quote)
            continue
        previous = None if last is None else out[last]
        if last is not None and previous is not None and _same_voice(previous, quote) \
                and previous.content.end <= quote.content.start \
                and "\n" not in article.text[previous.content.end:quote.content.start]:
            start, end = previous.content.start, quote.content.end
            out[last] = replace(previous, id=ids.child_id(article.id, "quote", start, end),
                                content=make_span(article.text, start, end),
                                parts=_parts(previous) + _parts(quote))
            continue
        last = len(out)
        out.append(quote)
    return out
