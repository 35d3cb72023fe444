"""The rules of the quotes stage: direct quotes from quotation marks, reported speech and stances from the parse.

Direct quotes come from the quotation marks (:mod:`dateline.quotes._marks`)
tied to the nearest speech cue (:mod:`dateline.quotes._direct`); reported
speech ("X said (that) ...", "according to X, ...") comes from the dependency
parse (:mod:`dateline.quotes._reported`), and so do attributed stances
("the union endorsed Clinton", "his claim that ...", "they are worried that
...", :mod:`dateline.quotes._stance`). The speaker is the subject of the
cue, linked to an actor through :meth:`Article.actor_at`; a pronoun no actor
covers goes to the nearest person actor before it, except inside someone's
quoted words, where "I" and "we" are that speaker. Transcript and interview
turns ("WALLACE: ...", "((Jane Roe)) ...", :mod:`dateline.quotes._labels`)
are direct quotes of the labelled person.

Reported speech is kept at its outermost level ("X said Y wants Z" is one
quote by X) and runs to the end of its sentence when the parser ended it
early, but never over a clause a comma or dash sets off after it ("criticized
the deal, which the union called ...", "said A, while Y said B"): that clause
is an attribution of its own, or none. A quoted phrase inside reported speech
is also a direct quote of its own, with the same speaker. The stage runs these rules when its trained model
is missing, or when told to (``quotes.method=rules``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from dateline import ids
from dateline.quotes._arrays import Arrays
from dateline.quotes._direct import DirectQuote, SegmentIndex, find_direct
from dateline.quotes._labels import labelled_lines
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._marks import find_quoted
from dateline.quotes._reading import without_that
from dateline.quotes._reported import MIN_CONTENT_CHARS, find_reported, trim
from dateline.quotes._speaker import find_subject, link_speaker, passive_participle
from dateline.quotes._stance import only_setting, set_off
from dateline.quotes._types import Candidate, Extent
from dateline.quotes._voices import actor_named, credited, in_own_words, turn_ends
from dateline.records import Article, Quote, QuoteKind, make_span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["between_parts", "find_by_rules"]

#: A reported-speech candidate whose content is at least this share inside
#: quotation marks is the direct quote seen again, and is dropped (seed and
#: PolNeAR dev: "'...,' Trump told a news conference"; partly quoted clauses
#: such as "said that 'free ... trade' would be a topic" stay).
MAX_QUOTED_SHARE = 0.9


def _quote(article: Article, lexicon: Lexicon, content: Extent, direct: bool, cue: Extent | None,
           subject: Token | None, kind: QuoteKind = "speech") -> Quote:
    """The quote record of a candidate: its extents become spans, its subject a speaker."""
    speaker_span, speaker = (None, None) if subject is None else link_speaker(article, subject, lexicon)
    return Quote(
        id=ids.child_id(article.id, "quote", content.start, content.end),  # two quotes may start together
        content=make_span(article.text, *content),
        direct=direct,
        speaker=speaker,
        speaker_span=speaker_span,
        cue=None if cue is None else make_span(article.text, *cue),
        kind=kind,
    )


def _break_before(cand: Candidate, lexicon: Lexicon) -> int | None:
    """Where the clause of ``cand``'s cue begins after a break ("..., arguing", "... and warned"), or None."""
    cue = cand.cue_token
    doc = cue.doc
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    participle = cue.tag_ == "VBG" and not own_subject
    shared = cue.dep_ == "conj" and not own_subject
    if not (participle or (shared and cand.kind == "speech")):
        return None
    k = cue.left_edge.i
    while k > 0 and doc[k - 1].lower_ in lexicon.clause_breaks:
        k -= 1
    return None if k == cue.left_edge.i else int(doc[k].idx)


def _cut_at_breaks(outer: Candidate, breaks: list[tuple[Candidate, int]], text: str,
                   lexicon: Lexicon) -> Candidate:
    """``outer`` ending before the earliest break of another cue clause inside its content, if any."""
    start, end = outer.content
    cuts = [cut for inner, cut in breaks
            if inner is not outer and start < inner.cue.start < end and start + MIN_CONTENT_CHARS < cut < end]
    return replace(outer, content=trim(text, Extent(start, min(cuts)), lexicon)) if cuts else outer


def _outermost(found: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """Candidates whose cue lies inside no other candidate's content.

    A cue clause set off inside another report ("she said X, arguing that Y"; "said X and warned
    against Y") is a report of its own: the outer content is cut before it. One that hangs on the
    reported words themselves ("said Y wants Z") stays part of the outer report.
    """
    breaks = [(cand, cut) for cand in found if (cut := _break_before(cand, lexicon)) is not None]
    found = [_cut_at_breaks(outer, breaks, text, lexicon) for outer in found]
    if not found:
        return found
    cues = np.asarray([cand.cue.start for cand in found])
    starts, ends = np.asarray([cand.content for cand in found]).T
    inside = (starts <= cues[:, None]) & (cues[:, None] < ends)  # cue x content
    np.fill_diagonal(inside, False)
    return [cand for cand, held in zip(found, inside.any(axis=1).tolist(), strict=True) if not held]


def _ends_clause(cue: Token, rest: TokenSpan, lexicon: Lexicon) -> bool:
    """Whether the words ``rest`` after a report's content start something else: a clause the cue's own
    clause depends on ("When he invoked X, he did not ..."), another report, a second predicate of the
    cue ("documented X but also drew Y"), a coordinated clause with its own subject ("..., and
    students can take part") or a clause set off by a comma or dash ("..., which would cost ...")."""
    ancestors = {a.i for a in cue.ancestors}
    for token in rest:
        if token.i in ancestors or (token.pos_ == "VERB" and token.lemma_.lower() in lexicon.cue_verbs):
            return True
        if token.left_edge.i >= rest.start and set_off(token):
            return True  # "denounced the deal, which would cost ...": a clause set off is no part of it
        if token.dep_ == "conj" and token.head.i == cue.i and token.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "conj" \
                and rest.start <= token.head.i < rest.end:
            return True
    return False


def _to_sentence_end(cand: Candidate, a: Arrays, lexicon: Lexicon, cues: list[int]) -> Candidate:
    """``cand`` with its content carried on to the end of its sentence when nothing else starts there.

    The small parser often ends an object or clause early ("cited disparaging remarks | Trump had made
    about Machado as examples of ..."; "promising to meet | and in some cases exceed his goals"); the
    rest of the sentence is then still what the cue reports. Only verb cues are carried, never past
    the paragraph, another cue or the start of another clause (:func:`_ends_clause`).
    """
    cue, (start, end) = cand.cue_token, cand.content
    text, at = a.text, a.at
    sent_end = at.end[at.sent_end[at.sent[cue.i]] - 1]  # where the cue's sentence ends (no span made)
    if cue.pos_ != "VERB" or start < cue.idx or end >= sent_end:
        return cand
    later = bisect.bisect_right(cues, end)
    if later < len(cues) and cues[later] < sent_end:
        return cand
    paragraph_end = text.find("\n", end)
    limit = sent_end if paragraph_end < 0 else min(sent_end, paragraph_end)
    rest = cue.doc.char_span(end, limit, alignment_mode="expand")
    if rest is None or _ends_clause(cue, rest, lexicon) or only_setting(cue, rest, lexicon):
        return cand  # another clause starts there, or the rest only tells when or where ("at a rally on Tuesday")
    new_end = trim(text, Extent(start, limit), lexicon).end
    if text[new_end - 1:new_end] == ")" and "(" not in text[start:new_end]:
        # "... (her campaign disclosed that she has pneumonia)": the closing parenthesis is not the report's
        new_end = trim(text, Extent(start, new_end - 1), lexicon).end
    return replace(cand, content=Extent(start, max(end, new_end)))


def _agentless_passive(token: Token) -> bool:
    """Whether ``token`` is a passive cue ("was accused of ...", "Asked about ..."): it may report with no speaker."""
    return any(c.dep_ == "nsubjpass" for c in token.children) or passive_participle(token)


def _holds_own_source(content: Extent, cand: Candidate) -> bool:
    """Whether a stance's content holds its own cue and the subject of that cue ("this is something that we plan
    to test", "which they thought was a disk", "whatever they want to do"): the cue sits in a clause that tells of
    a thing before it, and that clause is no reading of what the cue reports."""
    subject = cand.subject
    return subject is not None and content.start <= subject.idx and content.start <= cand.cue.start < content.end \
        and not _agentless_passive(cand.cue_token)  # "The theorem is believed to be false": the patient is content


def _reported(article: Article, a: Arrays, lexicon: Lexicon, inside: SegmentIndex) -> list[Quote]:
    text = a.text
    found = []
    for cand in find_reported(a, lexicon, inside, inside.coverage):
        start, end = cand.content
        quoted = inside.coverage(start, end)
        if quoted >= MAX_QUOTED_SHARE * (end - start) or (cand.subject is None and not quoted
                                                           and not _agentless_passive(cand.cue_token)):
            # The direct quote seen again; or words nobody is said to have said. An agentless passive
            # ("he was accused of ...", "the plan was criticized as ...") still reports a claim.
            continue
        found.append(cand)
    quotes = []
    cues = sorted(cand.cue.start for cand in found)
    for cand in _outermost(found, text, lexicon):
        cand = _to_sentence_end(cand, a, lexicon, cues)
        content = without_that(a, cand.content, lexicon)
        if cand.kind == "stance" and _holds_own_source(content, cand):
            continue
        quotes.append(_quote(article, lexicon, content, False, cand.cue, cand.subject, cand.kind))
    return quotes


#: What may lie between reported content and a quotation that finishes it ("It was “a stone ...”").
_QUOTE_GAP = re.compile(r"[ \t\"“:—–-]*")


def _participle(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a participle, read from its ending ("saying", "adding")."""
    return word.isascii() and word.isalpha() and any(
        word.endswith(ending) and len(word) > len(ending) for ending in lexicon.participle_endings)


def _through_quotes(article: Article, quote: Quote, direct: list[Quote], starts: list[int],
                    lexicon: Lexicon) -> Quote:
    """``quote`` (reported speech) carried to the end of a quotation it stops inside or right before.

    The parse often ends a reported clause inside the quoted words that finish it (the closing period
    is trimmed, or the quotation hangs off the clause), which would leave the quotation outside the
    report it belongs to. ``direct`` is sorted by start; ``starts`` holds those starts.
    """
    start, end = quote.content.start, quote.content.end
    for k in range(bisect.bisect_left(starts, start), len(direct)):
        d = direct[k]
        if d.content.start > end and not _QUOTE_GAP.fullmatch(article.text, end, d.content.start):
            break  # every later quotation starts further off, past words of the report's own
        if d.content.end <= end:
            continue
        if d.cue is not None and start < d.cue.start < end and _participle(d.cue.text, lexicon) \
                and article.text[start:d.cue.start].rstrip().endswith(","):
            # "attacked X, saying, '...'": the quotation is the saying's, not the attack's.
            end = trim(article.text, Extent(start, d.cue.start), lexicon).end
            continue
        if d.content.start < end:
            end = d.content.end
        elif _QUOTE_GAP.fullmatch(article.text, end, d.content.start):
            end = d.content.end
            break
    if end == quote.content.end:
        return quote
    return replace(quote, content=make_span(article.text, start, end))


def _direct(article: Article, lexicon: Lexicon, found: list[DirectQuote]) -> list[Quote]:
    return [_quote(article, lexicon, q.content, True, q.cue, q.subject) for q in found]


def _labelled(article: Article, a: Arrays, lexicon: Lexicon, direct: list[Quote]) -> list[Quote]:
    """``direct`` with transcript and headline lines ("WALLACE: ...") in place of the quotes that hold them. A
    quotation wholly inside a turn ('lissoirs, which means "smoother"') is part of the turn's words, one record
    with them; a turn that a quotation runs out of is left to that quotation."""
    text = a.text
    lines = labelled_lines(a, lexicon.label_stopwords)
    out = [q for q in direct if not any(line.name.start <= q.content.start < line.name.end for line in lines)]
    taken = list(out)
    for line, turn_end in zip(lines, turn_ends(text, lines), strict=True):
        start, end = line.content
        inner = [q for q in taken if q.content.start < end and start < q.content.end]
        if any(q.content.start < start or q.content.end > turn_end for q in inner):
            continue
        quote = _quote(article, lexicon, Extent(start, turn_end), True, line.cue, line.head)
        name = make_span(article.text, *line.name)
        speaker = quote.speaker or actor_named(article, name.text)
        out = [q for q in out if all(q is not held for held in inner)]
        out.append(replace(quote, speaker_span=name, speaker=speaker))
    return out


def between_parts(quotes: list[Quote]) -> list[tuple[int, int]]:
    """The words between the two parts of each split quotation in ``quotes`` (two quotations with one cue: "“A,”
    said X, who ... . “B.”"): the attribution's own, no other attribution's."""
    ordered = sorted((q for q in quotes if q.direct and q.cue is not None), key=lambda q: q.content.start)
    return [(first.content.end, second.content.start) for first, second in itertools.pairwise(ordered)
            if first.cue == second.cue and first.content.end < second.content.start]


def _describes_speaker(quote: Quote, gaps: list[tuple[int, int]], lexicon: Lexicon) -> bool:
    """Whether ``quote`` is a relative clause about the speaker of a split quotation, between its parts ("“A,”
    said X, who has long fought the plan. “B.”"): who the speaker is, not what anyone holds."""
    return quote.cue is not None and quote.speaker_span is not None \
        and quote.speaker_span.text.lower() in lexicon.relative_pronouns \
        and any(a <= quote.cue.start < b for a, b in gaps)


def find_by_rules(article: Article, lexicon: Lexicon, arrays: Arrays | None = None) -> list[Quote]:
    """The direct and reported speech of ``article`` (annotated, with its actors) found by the rules (``arrays``:
    its token arrays, when the caller has them)."""
    doc = article.doc
    if doc is None or not len(doc):
        return []
    if arrays is None:
        # The annotated prefix of article.text (Doc.text would rebuild it token by token).
        text = article.text[: doc[-1].idx + len(doc[-1].text_with_ws)]
        arrays = Arrays(doc, text, find_quoted(text))
    text = arrays.text
    inside = SegmentIndex(arrays.segments)
    direct = _direct(article, lexicon, find_direct(arrays, lexicon, inside, lambda cue: find_subject(cue, inside)))
    direct = [credited(article, text, q) for q in _labelled(article, arrays, lexicon, direct)]
    quotes = list(direct)
    direct = sorted(direct, key=lambda q: q.content.start)
    direct_starts = [q.content.start for q in direct]
    starts = {q.content.start: q for q in direct}
    gaps = between_parts(direct)
    for quote in _reported(article, arrays, lexicon, inside):
        if _describes_speaker(quote, gaps, lexicon):
            continue
        quote = _through_quotes(article, quote, direct, direct_starts, lexicon)
        same = starts.setdefault(quote.content.start, quote)
        if same is quote or (same.direct and quote.content.end > same.content.end):
            # A report whose quotation opens it and its own words go on ("claimed 'X' the level of ...,
            # and concluded ...") holds that quotation; one that is only the quotation is dropped.
            quotes.append(quote)
    return in_own_words(sorted(quotes, key=lambda q: (q.content.start, q.content.end)), lexicon)
