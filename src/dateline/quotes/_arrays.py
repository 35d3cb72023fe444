"""One parsed article as flat numpy arrays: what every part of the learned model reads.

Built once per article from the spaCy ``Doc`` the annotate stage made (no
re-parsing, and no Python loop over its tokens): token strings as spaCy's
64-bit string hashes, parts of speech, dependency labels and heads, subtree
edges, entity types, sentence and paragraph ids, and which tokens lie inside
quotation marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
    SHAPE,
    SUFFIX,
    TAG,
)
from spacy.parts_of_speech import ADJ, DET, NOUN, NUM, PRON, PROPN
from spacy.strings import get_string_id

from dateline.quotes._marks import QuotedSegment
from dateline.quotes._types import Extent

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.quotes._labels import Labelled

__all__ = ["Arrays", "Lists", "Ranges", "TokenRanges", "member", "string_hash"]

#: Character ranges ``[start, end)`` of one possibly discontinuous stretch of text.
Ranges = tuple[Extent, ...]
#: Token ranges ``[first, end)`` of one possibly discontinuous stretch of tokens.
TokenRanges = tuple[tuple[int, int], ...]


def member(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of ``values`` are among the sorted ``keys`` (``np.isin`` without its set-up cost on short arrays)."""
    if not len(keys):
        return np.zeros(len(values), dtype=bool)
    k = np.minimum(keys.searchsorted(values), len(keys) - 1)
    found: np.ndarray = keys[k] == values
    return found


def string_hash(text: str) -> int:
    """The key spaCy's StringStore gives ``text``: what ``Doc.to_array`` returns for words, tags and labels (a
    symbol's id for spaCy's own symbols, such as most dependency labels and entity types; else a hash)."""
    return int(get_string_id(text))


_NEWLINE = re.compile("\n")
#: A dateline opening a paragraph: a place in capitals, an optional agency in parentheses, a dash
#: ("WASHINGTON (AP) —", "BEDFORD, N.H. —", "NEW YORK --"). Its words are never a source.
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,5}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
                       r"(?:—|–|--|-)[ \t]", re.MULTILINE)
# Parts of speech come from ``Doc.to_array`` as spaCy's symbol ids, not string hashes.
_NOMINAL_POS = np.asarray(sorted([NOUN, PROPN, PRON]), dtype=np.uint64)
_LOOSE_POS = np.asarray(sorted([DET, NUM, ADJ]), dtype=np.uint64)
_WH_TAGS = np.asarray(sorted(string_hash(x) for x in ("WP", "WDT")), dtype=np.uint64)
_SUBJ_DEPS = np.asarray(sorted(string_hash(x) for x in ("nsubj", "nsubjpass")), dtype=np.uint64)
_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IDX, SENT_START, IS_PUNCT, IS_SPACE, SHAPE, SUFFIX, LENGTH,
          IS_QUOTE]


class Arrays:
    """Arrays over the tokens of ``doc``, whose text is ``text`` (the annotated prefix of the article).

    ``segments`` are the quoted stretches of ``text`` (:func:`dateline.quotes._marks.find_quoted`).
    """

    def __init__(self, doc: Doc, text: str, segments: Sequence[QuotedSegment]) -> None:
        self.doc = doc
        self.text = text
        self.segments = list(segments)
        self._seg_starts = self.open_marks = [s.open_mark for s in segments]
        self._seg_ends = [s.outer_end for s in segments]
        n = self.n = len(doc)
        arr = doc.to_array(_ATTRS) if n else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
        self.lower, self.lemma, self.pos, self.tag, self.dep = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4]
        self.head = np.arange(n, dtype=np.int64) + arr[:, 5].astype(np.int64)
        self.ent = arr[:, 6]
        self.idx = arr[:, 7].astype(np.int64)
        self.end = self.idx + arr[:, 13].astype(np.int64)
        self.punct = arr[:, 9].astype(bool)
        self.space = arr[:, 10].astype(bool)
        self.shape = arr[:, 11]
        self.suffix = arr[:, 12]
        self.is_quote_mark = arr[:, 14].astype(bool)
        starts = arr[:, 8].astype(np.int64) == 1
        self.sent, self.sent_start, self.sent_end = _runs(starts)
        self.para, self.para_start, self.para_end = _runs(self._paragraph_starts())
        self.quote = self._quote_segments()
        self.left, self.right = _edges(self.head)
        #: Prefix sums of tokens inside quotation marks: quoted tokens in [a, b) = qcum[b] - qcum[a].
        self.qcum: list[int] = np.concatenate([[0], np.cumsum(self.quote >= 0)]).astype(int).tolist()
        self.nominal = ((member(self.pos, _NOMINAL_POS) | member(self.tag, _WH_TAGS)
                         | (member(self.dep, _SUBJ_DEPS) & member(self.pos, _LOOSE_POS))) & ~self._datelines())
        """Tokens that may head a source: nouns, proper nouns, pronouns, wh-pronouns, and subjects that are
        determiners, numerals or adjectives ("some", "many", "both"); never the words of a dateline."""
        order = np.argsort(self.head, kind="stable")
        self._kid_order: list[int] = order.tolist()
        self._kid_bounds: list[int] = np.searchsorted(self.head[order], np.arange(n + 1)).tolist()
        self._deps: list[str] | None = None
        self._quoted_runs: list[tuple[int, int, int]] | None = None
        #: The same arrays as Python lists, for loops that read one token at a time (faster than numpy there); each
        #: list is made on first use. An attribute, not a property: the rules and features read it ~750 times an
        #: article.
        self.at = Lists(self)
        #: Transcript and headline labels of the text, with the stopwords they were read with (see
        #: :func:`dateline.quotes._labels.labelled_lines`): the rules and the model both ask for them.
        self.labelled: tuple[frozenset[str], list[Labelled]] | None = None
        #: The columns of the model's cue templates over every token, with the lexicon bits they were made with and
        #: each template's columns (see :func:`dateline.quotes._cue_features.cue_slots`): the rules' cues are
        #: scored, then the model's.
        self.cue_table: tuple[object, np.ndarray, tuple[tuple[int, ...], ...]] | None = None

    def _paragraph_starts(self) -> np.ndarray:
        """Which tokens start a paragraph: the first, and each one after a token holding (or followed by) a line
        break."""
        out = np.zeros(self.n, dtype=bool)
        if self.n:
            out[0] = True
            lines = np.asarray([m.start() for m in _NEWLINE.finditer(self.text)], dtype=np.int64)
            holder = np.searchsorted(self.idx, lines, side="right") - 1
            holder = holder[(holder >= 0) & (holder + 1 < self.n)]
            out[holder + 1] = True
        return out

    def _datelines(self) -> np.ndarray:
        """Which tokens belong to a dateline at the start of a paragraph ("WASHINGTON (AP) —")."""
        out = np.zeros(self.n, dtype=bool)
        for found in _DATELINE.finditer(self.text):
            first, end = np.searchsorted(self.idx, [found.start(), found.end()])
            out[first:end] = True
        return out

    def _quote_segments(self) -> np.ndarray:
        """The quoted segment holding each token (by its first character), or -1."""
        seg_starts = np.asarray(self._seg_starts, dtype=np.int64)
        seg_ends = np.asarray(self._seg_ends, dtype=np.int64)
        if not len(seg_starts):
            return np.full(self.n, -1, dtype=np.int64)
        k = np.searchsorted(seg_starts, self.idx, side="right") - 1
        inside = (k >= 0) & (self.idx < seg_ends[np.maximum(k, 0)])
        out: np.ndarray = np.where(inside, k, -1)
        return out

    def coverage(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside quotation marks (marks included)."""
        k = max(bisect.bisect_right(self._seg_starts, start) - 1, 0)
        total = 0
        while k < len(self._seg_starts) and self._seg_starts[k] < end:
            total += max(0, min(end, self._seg_ends[k]) - max(start, self._seg_starts[k]))
            k += 1
        return total

    def dep_(self, i: int) -> str:
        """The dependency label of token ``i``."""
        return self.deps[i]

    @property
    def deps(self) -> list[str]:
        """Dependency labels of every token as strings (built on first use)."""
        if self._deps is None:
            keys, places = np.unique(self.dep, return_inverse=True)
            names = [self.doc.vocab.strings[int(k)] if k else "" for k in keys.tolist()]
            self._deps = [names[k] for k in places.tolist()]
        return self._deps

    def kids(self, i: int) -> list[int]:
        """The children of token ``i``, in order."""
        return [k for k in self._kid_order[self._kid_bounds[i]:self._kid_bounds[i + 1]] if k != i]

    @property
    def quoted_runs(self) -> list[tuple[int, int, int]]:
        """Runs of tokens inside one quoted segment, as (segment, first token, end token), in order."""
        if self._quoted_runs is None:
            inside = np.flatnonzero(self.quote >= 0)
            runs: list[tuple[int, int, int]] = []
            if len(inside):
                ids = self.quote[inside]
                cut = np.flatnonzero(np.diff(ids)) + 1
                firsts = np.concatenate([[0], cut]).tolist()
                lasts = (np.concatenate([cut, [len(inside)]]) - 1).tolist()
                runs = [(int(ids[f]), int(inside[f]), int(inside[la]) + 1) for f, la in zip(firsts, lasts, strict=True)]
            self._quoted_runs = runs
        return self._quoted_runs

    def char_ranges(self, spans: TokenRanges) -> Ranges:
        """Token ranges as character ranges, without outer space tokens, merged when adjacent on one line."""
        out: list[Extent] = []
        space, idx, end = self.at.space, self.at.idx, self.at.end  # lists: read a token at a time
        for a, b in sorted(spans):
            while a < b and space[a]:
                a += 1
            while b > a and space[b - 1]:
                b -= 1
            if a >= b:
                continue
            s, e = int(idx[a]), int(end[b - 1])
            if out and s <= out[-1].end + 1 and "\n" not in self.text[out[-1].end:s]:
                out[-1] = Extent(out[-1].start, max(e, out[-1].end))
            else:
                out.append(Extent(s, e))
        return tuple(out)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens that overlap the characters ``[start, end)`` (at least one)."""
        a = bisect.bisect_right(self.at.end, start)
        b = bisect.bisect_left(self.at.idx, end)
        return a, max(b, a + 1)


_T = TypeVar("_T")


class _Listed(Generic[_T]):
    """One array of :class:`Arrays` as a Python list, made on first use (most articles read only some)."""

    def __init__(self, array: Callable[[Arrays], np.ndarray]) -> None:
        self.array = array
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, lists: Lists, owner: type | None = None) -> list[_T]:
        value: list[_T] = self.array(lists.arrays).tolist()
        lists.__dict__[self.name] = value  # from now on the instance's own list answers
        return value


class Lists:
    """The token arrays of :class:`Arrays` as Python lists of ints and bools."""

    head = _Listed[int](lambda a: a.head)
    left = _Listed[int](lambda a: a.left)
    right = _Listed[int](lambda a: a.right)
    sent = _Listed[int](lambda a: a.sent)
    sent_start = _Listed[int](lambda a: a.sent_start)
    sent_end = _Listed[int](lambda a: a.sent_end)
    para = _Listed[int](lambda a: a.para)
    para_start = _Listed[int](lambda a: a.para_start)
    para_end = _Listed[int](lambda a: a.para_end)
    quote = _Listed[int](lambda a: a.quote)
    space = _Listed[bool](lambda a: a.space)
    punct = _Listed[bool](lambda a: a.punct)
    is_quote_mark = _Listed[bool](lambda a: a.is_quote_mark)
    lower = _Listed[int](lambda a: a.lower)
    lemma = _Listed[int](lambda a: a.lemma)
    pos = _Listed[int](lambda a: a.pos)
    tag = _Listed[int](lambda a: a.tag)
    dep = _Listed[int](lambda a: a.dep)
    ent = _Listed[int](lambda a: a.ent)
    idx = _Listed[int](lambda a: a.idx)
    end = _Listed[int](lambda a: a.end)
    #: Tokens trimmed from the edges of a content: spaces, and punctuation other than quotation marks.
    edge = _Listed[bool](lambda a: a.space | (a.punct & ~a.is_quote_mark))

    def __init__(self, a: Arrays) -> None:
        self.arrays = a


def _runs(starts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run ids of every token, and the first and end token of each run, from a mask of run starts."""
    if len(starts):
        starts = starts.copy()
        starts[0] = True
    ids = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    return ids, first, np.append(first[1:], len(starts))


def _edges(head: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last token of every token's subtree (projective or not: min and max over descendants)."""
    n = len(head)
    left = np.arange(n, dtype=np.int64)
    right = left.copy()
    if n == 0:
        return left, right
    # Depths by pointer doubling: ``depth`` is the distance to ``above``, which jumps twice as far each round.
    above = head.copy()
    depth = (above != left).astype(np.int64)
    while True:
        further = above[above]
        if np.array_equal(further, above):
            break
        depth += depth[above]
        above = further
    # Deepest tokens first, one depth at a time: a token's edges are final before its head reads them.
    order = np.argsort(-depth, kind="stable")
    levels = depth[order]
    cuts = np.flatnonzero(np.diff(levels)) + 1
    for start, end in zip([0, *cuts.tolist()], [*cuts.tolist(), n], strict=True):
        if levels[start] == 0:
            break
        group = order[start:end]
        np.minimum.at(left, head[group], left[group])
        np.maximum.at(right, head[group], right[group])
    return left, right
