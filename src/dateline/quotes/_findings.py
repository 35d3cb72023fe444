"""Findings as sources: what a poll, a study or a report finds ("In the new poll, Ortega led Lund by 5 points",
"Ortega held a 5-point lead in the new poll").

A finding (``finding_nouns`` in the lexicon) named by one of ``finding_prepositions`` either opens its sentence,
and reports the rest of it, or closes a clause with a subject of its own, and reports that clause. Contents are
not yet cut to their paragraph: the caller clips and trims them like every other candidate's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import numpy
from spacy.parts_of_speech import AUX, VERB

from dateline.quotes._arrays import Arrays, member, string_hash
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._speaker import SUBJECT_DEPS
from dateline.quotes._types import Candidate, Extent, token_end

__all__ = ["find_findings"]


def find_findings(a: Arrays, lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """Candidates whose source is a finding, in the document of ``a`` (none at an offset where ``skip`` is true)."""
    prepositions = _hashes(lexicon.finding_prepositions)
    yield from _opening(a, lexicon, prepositions, skip)
    yield from _closing(a, lexicon, prepositions, skip)


@functools.lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    """The sorted string keys of ``words``, as :func:`member` reads them (made once per word list)."""
    return numpy.asarray(sorted(string_hash(w) for w in words), dtype=numpy.uint64)


def _opening(
    a: Arrays, lexicon: Lexicon, openers: numpy.ndarray, skip: Callable[[int], bool]
) -> Iterator[Candidate]:
    """"In the new poll, Ortega led Lund by 5 points": a sentence opened by "in" and a finding (a poll,
    a study, a report: ``finding_nouns`` in the lexicon) reports what follows the phrase."""
    doc = a.doc
    opened = member(a.lower[a.sent_start], openers)
    for first_i, sent_end in zip(a.sent_start[opened].tolist(), a.sent_end[opened].tolist(), strict=True):
        first = doc[first_i]
        if skip(first.idx):
            continue
        source = next((c for c in first.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in lexicon.finding_nouns:
            continue
        k = first.right_edge.i + 1
        while k < sent_end and (doc[k].is_punct or doc[k].dep_ in ("acl", "appos")):
            k = doc[k].right_edge.i + 1  # ", conducted in early September,"
        if k >= sent_end - 1:
            continue
        cue = Extent(first.idx, token_end(first))
        yield Candidate(Extent(doc[k].idx, int(a.at.end[sent_end - 1])), cue, first, source, "stance")


#: Labels of the phrases inside a clause through which a finding named at its end may hang on the clause's verb.
_PHRASE_DEPS = frozenset({"dobj", "attr", "pobj", "prep", "acomp", "advmod"})


def _closing(a: Arrays, lexicon: Lexicon, words: numpy.ndarray, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """"Ortega held a 5-point lead in the new poll": a finding named by "in" at the end of a clause reports the
    clause before it."""
    doc = a.doc
    findings = _hashes(lexicon.finding_nouns)
    heads = a.head[member(a.lemma, findings)]  # only the prepositions whose object is a finding are read
    for i in sorted(set(heads[member(a.lower[heads], words)].tolist())):
        token = doc[i]
        head = token.head
        while head.dep_ in _PHRASE_DEPS and head.head.i < head.i:  # "held a lead over X in the poll"
            head = head.head
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if token.dep_ != "prep" or source is None or source.lemma_.lower() not in lexicon.finding_nouns \
                or head.pos not in (VERB, AUX) or head.i > i or token.right_edge.i < head.right_edge.i - 1 \
                or head.dep_ == "relcl" or not any(c.dep_ in SUBJECT_DEPS for c in head.lefts) or skip(token.idx):
            continue  # "X, who leads in the poll", "..., polling at 2 percent in the survey": the finding is of X
        # the clause without the word that ties it to another ("though she leads", "where he leads")
        start = max([head.left_edge.i, *(c.i + 1 for c in head.lefts if c.dep_ == "mark" or c.tag_ == "WRB")])
        cue = Extent(token.idx, token_end(token))
        yield Candidate(Extent(doc[start].idx, token.idx), cue, token, source, "stance")
