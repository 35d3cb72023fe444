"""Days known by their date: "9/11" is 11 September 2001 wherever it stands; "Jan. 6" is the 2021 attack on
the Capitol only where the words around it say so ("rioters ... on Jan. 6") or a noun right after it names
the day's aftermath ("the Jan. 6 committee").

The days and their cues are the lexicon's ``named_dates``.
"""

from __future__ import annotations

import functools
import re

from dateline.times._calendar import Ref
from dateline.times._grammar import alt
from dateline.times._lexicon import Lexicon
from dateline.times._points import Resolved, as_date
from dateline.times._recognize import Candidate

__all__ = ["NAMED_CUE_CHARS", "named_date"]

#: Characters on each side of a year-less date searched for one of its cues: about a sentence of news.
NAMED_CUE_CHARS = 150

#: Rules that find a date a named day may share its words with ("Jan. 6").
_DAY_RULES = frozenset({"date_mdy", "date_dmy"})


@functools.cache
def _cues(lex: Lexicon, name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(lex.named_dates[name].cues)})\b", re.IGNORECASE)


#: Tenses in which a date shared with a named day is the ordinary one: "rioters will be sentenced on
#: Jan. 6" is the next one.
_AHEAD_TENSES = frozenset({"future", "ahead"})


#: The word after a date: where a named day's head noun stands ("the Jan. 6 committee").
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _headed(cand: Candidate, text: str, heads: frozenset[str]) -> bool:
    """Whether the word right after the candidate is one of a named day's head nouns."""
    word = _NEXT_WORD.match(text, cand.end)
    return word is not None and word.group(1).lower() in heads


def named_date(cand: Candidate, text: str, lex: Lexicon, tense: str) -> Resolved | None:
    """The day a candidate names by its date alone, or None when it is an ordinary date (``tense``: that of
    the verb placing it, see :func:`dateline.times._tense.tense`)."""
    key = " ".join(cand.surface.split())
    named = lex.named_dates.get(key)
    if named is None or (cand.rule != "named" and (cand.rule not in _DAY_RULES or cand.get("year"))):
        return None
    if named.cues and not _headed(cand, text, named.heads):
        if tense in _AHEAD_TENSES:
            return None
        near = text[max(0, cand.start - NAMED_CUE_CHARS) : cand.end + NAMED_CUE_CHARS]
        if not _cues(lex, key).search(near):
            return None
    return as_date(Ref("D", named.date))
