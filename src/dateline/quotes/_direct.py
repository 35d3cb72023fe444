"""Direct quotes: quoted stretches tied to a cue verb and a speaker.

Each quoted segment looks for the nearest speech cue in its own sentences
(kept inside its paragraph; a colon before the opening mark extends the search
to the sentence that ends with it). A segment without a cue continues the
quote before it in the same paragraph ("...," she said. "..."), as one
record while that stays mostly quoted and else as a second record of the same
cue (a long credit between the parts; :mod:`dateline.quotes._split` makes the
two one record with its quoted parts named), or inherits the speaker of a quote in
the paragraph just before. Short quoted spans with
no cue, or with a cue that does not govern them, are names, titles or scare
quotes ("America First", "reset") and are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.parts_of_speech import VERB

from dateline.quotes._arrays import Arrays
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._marks import QuotedSegment
from dateline.quotes._types import Extent, token_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DirectQuote", "SegmentIndex", "find_direct"]

#: Quoted spans of fewer words than this need a cue that governs them to count
#: as quotes; tuned on the seed ("America First", "reset" vs "thoroughly") and
#: PolNeAR dev.
MIN_FREE_QUOTE_WORDS = 4
#: Share of a stretch inside quotation marks from which it is direct speech (:mod:`dateline.quotes._reading` and the
#: evaluation read it so too): two parts of a quotation are one record only while that record stays direct.
MIN_DIRECT_SHARE = 0.5
#: Quoted spans with no cue at all count as (unattributed) quotes from this many
#: words on (PolNeAR dev: shorter uncued spans were titles and slogans).
MIN_UNCUED_QUOTE_WORDS = 8


@dataclass(frozen=True, slots=True)
class DirectQuote:
    """A direct quote before linking: content extent, paragraph start, cue token and extent, subject token."""

    content: Extent
    paragraph: int
    cue_token: Token | None = None
    cue: Extent | None = None
    subject: Token | None = None


class SegmentIndex:
    """Answers "is this offset inside quotation marks?" in O(log n)."""

    def __init__(self, segments: Sequence[QuotedSegment]) -> None:
        self._starts = [s.open_mark for s in segments]
        self._ends = [s.outer_end for s in segments]

    def __call__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]

    def coverage(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside quotation marks."""
        k = max(bisect.bisect_right(self._starts, start) - 1, 0)
        total = 0
        while k < len(self._starts) and self._starts[k] < end:
            total += max(0, min(end, self._ends[k]) - max(start, self._starts[k]))
            k += 1
        return total


class _Frames:
    """Sentence and paragraph bounds of one document (read from its token arrays)."""

    def __init__(self, a: Arrays) -> None:
        self.doc = a.doc
        self.text = a.text
        self.a = a
        self.starts: list[int] = a.idx[a.sent_start].tolist()
        self.ends: list[int] = a.end[a.sent_end - 1].tolist()

    def sentence(self, offset: int) -> Extent:
        """The character extent of the sentence holding ``offset``."""
        k = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return Extent(self.starts[k], self.ends[k])

    def paragraph(self, offset: int) -> Extent:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return Extent(start, len(self.text) if end < 0 else end)

    def frame(self, seg: QuotedSegment) -> Extent:
        para_start = self.paragraph(seg.open_mark).start
        para_end = self.paragraph(max(seg.outer_end - 1, seg.open_mark)).end
        start = max(self.sentence(seg.open_mark).start, para_start)
        end = min(self.sentence(max(seg.outer_end - 1, 0)).end, para_end)
        before = self.text[:seg.open_mark].rstrip()
        if before.endswith(":"):
            start = min(start, self.sentence(len(before) - 1).start)
        return Extent(start, end)


def _governs(cue: Token, seg: QuotedSegment, doc: Doc) -> bool:
    """Whether the quoted words hang under ``cue`` in the parse, not via its subject."""
    span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(len(doc)):
        if token.head.i == token.i:
            return False
        if token.head.i == cue.i:
            return token.dep_ not in ("nsubj", "nsubjpass")
        token = token.head
    return False


def _speech_verbs(a: Arrays, lexicon: Lexicon, inside: SegmentIndex) -> list[Token]:
    """The verbs of ``a`` that may cue a quotation, in text order: speech verbs outside quotation marks, not
    used as adjectives."""
    rows = np.flatnonzero(a.pos == VERB)
    lemmas = a.lemma[rows].tolist()  # read once as a list: a numpy element read one at a time is slow
    strings = a.doc.vocab.strings
    speech = {h for h in set(lemmas) if strings[h].lower() in lexicon.speech_verbs}
    tokens = [a.doc[i] for i, lemma in zip(rows.tolist(), lemmas, strict=True) if lemma in speech]
    return [t for t in tokens if t.dep_ != "amod" and not inside(t.idx)]


def _nearest_cue(frames: _Frames, seg: QuotedSegment, verbs: list[Token], starts: list[int]) -> Token | None:
    """The speech verb of ``verbs`` (``starts``: their offsets) in the frame of ``seg`` nearest to it; when that
    verb comes after the quotation and the quoted words do not hang under it in the parse, the nearest one they
    hang under, if any ("he said, “X,” adding that “Y”": "adding" is nearer to X, which hangs under "said")."""
    start, end = frames.frame(seg)
    if start >= end:
        return None
    first, last = frames.a.token_range(start, end)  # the frame widened to whole tokens
    lo, hi = frames.a.at.idx[first], frames.a.at.end[last - 1]
    near = sorted(verbs[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)],
                  key=lambda t: seg.open_mark - t.idx if t.idx < seg.open_mark else t.idx - seg.outer_end)
    if len(near) > 1 and near[0].idx > seg.open_mark and not _governs(near[0], seg, frames.a.doc):
        return next((t for t in near[1:] if _governs(t, seg, frames.a.doc)), near[0])
    return near[0] if near else None


#: Most words in a quoted name after a possessive ("MSNBC's 'Morning Joe'", "his book 'Make Your Kid ...'");
#: chosen on PolNeAR dev.
MAX_TITLE_WORDS = 6
#: Longest word a title may hold in lower case ("a", "of", "the", "and"): the rest are capitalized; chosen on
#: PolNeAR dev.
MAX_TITLE_SMALL_WORD = 3
#: How far back (characters) the possessive or word for a work before a title is looked for
#: ("MSNBC's", "his 2002 book,"); chosen on PolNeAR dev.
TITLE_CONTEXT_CHARS = 20


def _title(text: str, seg: QuotedSegment, lexicon: Lexicon) -> bool:
    """Whether ``seg`` is a title in capitals after a possessive or a word for a work ("MSNBC's 'Morning Joe'",
    "his 2002 book, 'Make Your Kid a Millionaire'"): a name, not words anyone said."""
    words = text[seg.start:seg.end].rstrip(".,").split()
    if not words or len(words) > MAX_TITLE_WORDS or not all(w[0].isupper() or len(w) <= MAX_TITLE_SMALL_WORD
                                                            for w in words):
        return False
    before = text[max(0, seg.open_mark - TITLE_CONTEXT_CHARS):seg.open_mark].rstrip(" ,").lower()
    last = before.split()[-1] if before.split() else ""
    return last.endswith(tuple(lexicon.possessive_endings)) or last in lexicon.title_words


def _words(text: str) -> int:
    return len(text.split())


def _merge(previous: DirectQuote, current: DirectQuote) -> DirectQuote:
    return replace(previous, content=Extent(previous.content.start, current.content.end))


def find_direct(a: Arrays, lexicon: Lexicon, inside: SegmentIndex,
                subject_of: Callable[[Token], Token | None]) -> list[DirectQuote]:
    """Direct quotes from the quoted segments of ``a``; ``subject_of(cue)`` finds a cue's subject token."""
    doc, text, segments = a.doc, a.text, a.segments
    frames = _Frames(a)
    verbs = _speech_verbs(a, lexicon, inside)
    starts = [t.idx for t in verbs]
    quotes: list[DirectQuote] = []
    for seg in segments:
        if _title(text, seg, lexicon):
            continue
        content = frames.text[seg.start:seg.end].rstrip(",")
        end = seg.start + len(content.rstrip())
        paragraph = frames.paragraph(seg.open_mark).start
        opens = _opens_sentence(frames, seg)
        cue = _nearest_cue(frames, seg, verbs, starts) or (_credit_cue(frames, seg, verbs, starts, subject_of)
                                                          if opens else None)
        short = _words(content) < MIN_FREE_QUOTE_WORDS
        subject = None if cue is None else subject_of(cue)
        if cue is not None and short and not _governs(cue, seg, doc) \
                and not (opens and _credited_after(text, seg, cue, subject)):
            cue = None
        current = DirectQuote(Extent(seg.start, end), paragraph)
        if cue is not None:
            current = replace(current, cue_token=cue, cue=Extent(cue.idx, token_end(cue)), subject=subject)
        previous = quotes[-1] if quotes else None
        if previous is not None and (_continues(previous, current, seg, short, opens)
                                     or lexicon.listed.fullmatch(text, previous.content.end, seg.open_mark)):
            if is_direct(inside, previous.content.start, current.content.end):
                quotes[-1] = _merge(previous, current)
            else:  # a long credit between the parts: one record would read as reported speech; two of one cue
                quotes.append(replace(current, cue_token=previous.cue_token, cue=previous.cue,
                                      subject=previous.subject))
            continue
        if cue is None and previous is not None and previous.subject is not None and _adjacent(frames, previous, seg):
            current = replace(current, subject=previous.subject)
        if cue is None and current.subject is None and (short or _words(content) < MIN_UNCUED_QUOTE_WORDS):
            continue
        quotes.append(current)
    return quotes


def is_direct(inside: SegmentIndex, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is at least half inside quotation marks: direct speech, as the model reads it."""
    return inside.coverage(start, end) >= MIN_DIRECT_SHARE * (end - start)


def _continues(previous: DirectQuote, current: DirectQuote, seg: QuotedSegment, short: bool, opens: bool) -> bool:
    """Whether ``current`` is the second half of a split quote that ``previous`` began: a long one, or a short one
    that opens the sentence after the attribution between them ("“Not yet,” she said. “Maybe soon.”")."""
    if previous.paragraph != current.paragraph or previous.cue_token is None or previous.cue is None:
        return False
    if current.cue_token is None:
        return not short or (opens and previous.content.end <= previous.cue.start < seg.open_mark)
    same_cue = current.cue_token.i == previous.cue_token.i
    return bool(same_cue and previous.content.end <= current.cue_token.idx < seg.open_mark)


#: What may stand before a quotation that opens a sentence: the paragraph's start, or the end of a sentence (its
#: mark, maybe a closing quotation mark after it) and spaces.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’']?\s*$")
#: The last character of quoted words that an attribution follows ("“Ready?” she asked", "“Not yet,” he said").
_HANDED_ON = frozenset(",?!.…—–-")


def _opens_sentence(frames: _Frames, seg: QuotedSegment) -> bool:
    """Whether the quotation ``seg`` opens a sentence of its own."""
    before = frames.text[frames.paragraph(seg.open_mark).start:seg.open_mark]
    return not before.strip() or _SENTENCE_BREAK.search(before) is not None


def _credited_after(text: str, seg: QuotedSegment, cue: Token, subject: Token | None) -> bool:
    """Whether the words right after the quotation ``seg`` credit it: its speech verb, alone or with its subject
    ("“You ahead?” her brother said", "“Not yet,” said Ann Cole"), and nothing else, the quoted words ending as
    words handed on to an attribution do."""
    if cue.idx < seg.outer_end or text[seg.start:seg.end].rstrip()[-1:] not in _HANDED_ON:
        return False
    doc = cue.doc
    first = cue.i
    while first > 0 and doc[first - 1].idx >= seg.outer_end:
        first -= 1
    between = [t for t in doc[first:cue.i] if not (t.is_punct or t.is_space)]
    if not between:
        return True
    if subject is None:
        return False
    return all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in between)


def _credit_cue(frames: _Frames, seg: QuotedSegment, verbs: list[Token], starts: list[int],
                subject_of: Callable[[Token], Token | None]) -> Token | None:
    """The speech verb of a credit right after ``seg`` in its paragraph (:func:`_credited_after`), which the parser
    may have put in a sentence of its own ("“Count me in!” | Ann Cole told reporters."), or None."""
    k = bisect.bisect_left(starts, seg.outer_end)
    if k == len(verbs) or verbs[k].idx >= frames.paragraph(seg.open_mark).end:
        return None
    cue = verbs[k]
    return cue if _credited_after(frames.text, seg, cue, subject_of(cue)) else None


def _adjacent(frames: _Frames, previous: DirectQuote, seg: QuotedSegment) -> bool:
    """Whether ``seg`` opens the paragraph right after the one where ``previous`` ends."""
    para_start = frames.paragraph(seg.open_mark).start
    if frames.text[para_start:seg.open_mark].strip():
        return False
    previous_end = frames.paragraph(previous.content.end).end
    return previous_end < para_start and not frames.text[previous_end:para_start].strip()
