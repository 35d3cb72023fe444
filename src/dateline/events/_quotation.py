"""Quotation marks in a parsed text: which words stand inside a quotation, and the quotations' extents.

Marks pair in order from the start of the text, whatever the parse attaches them to; the positions of a doc's
marks are read once from its array and kept while the doc lives (a weak reference: no doc is kept alive).
"""

from __future__ import annotations

import bisect
import weakref
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ORTH

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MAX_QUOTE_TOKENS", "QUOTE_MARKS", "inside_quotation", "mark_pairs", "quotations"]

#: Double quotation marks (typography, the same in every language that uses them): the words a speaker
#: says between them are the reported words, however the parse attaches them.
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})
#: Longest quotation, in tokens, read past the sentence of its verb of saying (a tribute of a few
#: sentences: 'said in a statement: "... . ... ."'). Set by hand on the shared corpus's quotations.
MAX_QUOTE_TOKENS = 150

_MARKS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()


def inside_quotation(token: Token) -> bool:
    """Whether ``token`` stands inside a quotation of its sentence (an odd number of :data:`QUOTE_MARKS` before
    it)."""
    doc = token.doc  # the words before it read one by one: a span of them costs more
    return sum(doc[k].text in QUOTE_MARKS for k in range(token.sent.start, token.i)) % 2 == 1


def quotations(token: Token) -> list[tuple[int, int]]:
    """The quotations of the document (token index of the opening and the closing mark) that open or close in
    the sentence of ``token``: marks pair in order from the start of the document, and one still open at the
    end of the sentence runs on to its closing mark (at most :data:`MAX_QUOTE_TOKENS` later)."""
    sent = token.sent
    pairs = mark_pairs(token.doc, sent.end + MAX_QUOTE_TOKENS)
    return [(a, b) for a, b in pairs if sent.start <= a < sent.end or sent.start <= b < sent.end]


def mark_pairs(doc: Doc, stop: int) -> list[tuple[int, int]]:
    """The token indices of the opening and closing :data:`QUOTE_MARKS` of the quotations before token ``stop``,
    paired in order from the start of the document."""
    marks = _marks(doc)
    return list(zip(marks[::2], marks[1::2], strict=False))[:bisect.bisect_left(marks, stop) // 2]


def _marks(doc: Doc) -> list[int]:
    """The token indices of the doc's :data:`QUOTE_MARKS`, read once per doc from its array (no token object of
    each word) and kept while the doc lives."""
    marks = _MARKS.get(doc)
    if marks is None:
        wanted = numpy.array([doc.vocab.strings[m] for m in QUOTE_MARKS], dtype=numpy.uint64)
        marks = _MARKS[doc] = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), wanted)).tolist()
    return marks
