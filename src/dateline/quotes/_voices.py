"""Whose words: transcript and interview turns, dash credit lines, and pronouns inside someone's quoted words.

These read the layout of a text rather than its grammar, so the rules and the
learned model share them: a labelled turn ("WALLACE: ...", "((Jane Roe)) ...")
runs on over its paragraphs to the next label; a quotation followed by a dash
and a name ("..." ― Jane Roe.) is that person's; inside someone's quoted words
"I" and "we" are that speaker, "he" and "she" anyone else.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from dateline.quotes._arrays import Arrays
from dateline.quotes._labels import Labelled
from dateline.quotes._lexicon import Lexicon
from dateline.records import Article, Quote, make_span

__all__ = ["CREDIT", "MAX_CREDIT_CHARS", "MAX_TURN_CHARS", "actor_named", "carried_on", "credited", "in_own_words",
           "turn_ends"]


#: Longest name (characters) in a credit line after a quotation ("..." ― Julie A. Diaz Martinez.); chosen on
#: the readers' answers credited this way in PolNeAR dev.
MAX_CREDIT_CHARS = 60
#: A credit line after a closing mark: a dash, then a name (a full stop only after an initial: "Ann B. Cole") up
#: to the end of its paragraph.
CREDIT = re.compile(r"[\"”’',.]*[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*"
                    rf"(?P<name>[A-Z](?:[^\n.,;:!?()]|(?<=\b[A-Z])\.){{1,{MAX_CREDIT_CHARS}}}?)[.,]?[ \t]*(?=\n|$)")


def credited(article: Article, text: str, quote: Quote) -> Quote:
    """``quote`` with the speaker of a dash credit line after it, if it has none."""
    if quote.speaker_span is not None:
        return quote
    found = CREDIT.match(text, quote.content.end)
    if found is None:
        return quote
    actor = article.actor_at(*found.span("name"))
    return replace(quote, speaker_span=make_span(article.text, *found.span("name")), speaker=None if actor is None
                   else actor.id, cue=make_span(article.text, *found.span("dash")))


#: Longest stretch (characters) a labelled turn runs on over unlabelled paragraphs to the next label;
#: further apart, the labels are separate lines of an article, not turns of a transcript (chosen on the
#: interviews of the shared Wikinews corpus, whose answers run to a few paragraphs).
MAX_TURN_CHARS = 5000


def turn_ends(text: str, lines: list[Labelled]) -> list[int]:
    """Where each labelled turn ends: at the next label when it is near, else at the end of its line.

    In transcripts and interviews a turn runs over several paragraphs and only its first is labelled.
    """
    ends = []
    for k, line in enumerate(lines):
        end = line.content.end
        if k + 1 < len(lines):
            after = lines[k + 1]
            next_line = text.rfind("\n", 0, after.name.start) + 1
            if next_line - end <= MAX_TURN_CHARS:
                stop = next_line
                while stop > end and text[stop - 1].isspace():
                    stop -= 1
                end = max(end, stop)
        ends.append(end)
    return ends


def actor_named(article: Article, label: str) -> str | None:
    """The id of the one person or organization a speaker label names ("Jane Roe", or "ROE" for her), if any.

    A label is rarely recognized as a name in its own right ("((Jane Roe))", "ROE:"), but the
    person it names is usually introduced elsewhere in the article.
    """
    words = label.lower().split()
    exact = [a.id for a in article.actors if a.name.lower() == label.lower()]
    if exact:
        return exact[0]
    if len(words) != 1:
        return None
    last = [a.id for a in article.actors if a.kind == "person" and a.name.lower().split()[-1:] == words]
    return last[0] if len(last) == 1 else None


def in_own_words(quotes: list[Quote], lexicon: Lexicon) -> list[Quote]:
    """``quotes`` (in text order) with reports by a pronoun inside a direct quote read against that quote.

    "I" or "we" is the quote's speaker. "He" or "she" is someone else, never the quote's speaker: left
    alone, such pronouns go to the nearest person named before them, who inside an interview answer is
    often the interviewee. A stance of "you" there is dropped: it is anyone at all ("you need to
    understand the animal first") or the one being addressed.
    """
    direct = [q for q in quotes if q.direct and q.speaker_span is not None]  # in text order, as ``quotes`` are
    starts = [q.content.start for q in direct]
    out = []
    for quote in quotes:
        pronoun = quote.speaker_span.text.lower() if quote.speaker_span is not None else ""
        first, addressee = pronoun in lexicon.first_person_pronouns, pronoun in lexicon.addressee_pronouns
        if not quote.direct and quote.cue is not None and (first or addressee
                                                           or pronoun in lexicon.third_person_pronouns):
            cue = quote.cue.start
            # Direct quotes do not overlap: the one that may hold the cue starts last at or before it.
            k = bisect.bisect_right(starts, cue) - 1
            outer = direct[k] if k >= 0 and cue < direct[k].content.end else None
            if outer is not None and addressee and quote.kind == "stance":
                continue
            if outer is not None and first:
                quote = replace(quote, speaker=outer.speaker)
            elif outer is not None and outer.speaker is not None and quote.speaker == outer.speaker:
                quote = replace(quote, speaker=None)
        out.append(quote)
    return out


def carried_on(a: Arrays, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` (in text order) with each quotation that has neither speaker nor cue and opens the sentence after
    the one holding the cue of another attribution of its paragraph given that attribution's speaker and cue:
    it goes on with what was said there ("..., the senator said. \\"And it will not stop there.\\"")."""
    out: list[Quote] = []
    for quote in quotes:
        previous = _said_just_before(a, quote, out) if quote.direct and quote.speaker_span is None \
            and quote.cue is None else None
        if previous is not None:
            quote = replace(quote, speaker=previous.speaker, speaker_span=previous.speaker_span, cue=previous.cue)
        out.append(quote)
    return out


def _said_just_before(a: Arrays, quote: Quote, before: list[Quote]) -> Quote | None:
    """The last of ``before`` with a speaker whose cue lies in the sentence before the one ``quote`` opens, in
    the same paragraph, if any."""
    if a.n == 0:
        return None
    first = a.token_range(quote.content.start, quote.content.start + 1)[0]
    if first >= a.n:
        return None
    sent = a.at.sent[first]
    opening = range(a.at.sent_start[sent], first)
    if sent == 0 or not all(a.at.punct[k] or a.at.space[k] for k in opening):
        return None  # the quotation does not open its sentence
    for other in reversed(before):
        if other.cue is None or other.speaker_span is None or other.cue.start >= quote.content.start:
            continue
        cue = a.token_range(other.cue.start, other.cue.end)[0]
        if cue < a.n and a.at.sent[cue] == sent - 1 and a.at.para[cue] == a.at.para[first]:
            return other
        return None  # only the attribution nearest before counts
    return None
