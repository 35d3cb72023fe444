"""Whether a recognized expression is a time here, and not a homograph ("may", "March" the verb,
"1990 shares", "the current is strong", "ABC's This Week").

Two checks hold for groups of rules (names must be capitalized, common words must not be capitalized
like a title in mid-sentence); then each rule that needs one has its own check in :data:`CHECKS`,
a table keyed by rule name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.times._grammar import grammar
from dateline.times._lexicon import Lexicon
from dateline.times._parse import pos_at, token_at
from dateline.times._recognize import Candidate
from dateline.times._tense import PREVIOUS_WORD_CHARS, previous_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CHECKS", "SENTENCE_START_CHARS", "ZONE_CHARS", "plausible"]

#: Rules built on names that are capitalized in English (months, weekdays, holidays).
_NAMED_RULES = frozenset({"month", "month_part", "date_mdy", "date_dmy", "weekday", "weekdays", "holiday"})
#: Rules built on common words, which are capitalized only at the start of a sentence.
_COMMON_RULES = frozenset({"relative", "deictic", "ref", "pod", "the_unit", "setword", "within"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”]?\s+|[\"“'‘(\n]\s*)$")
#: Characters looked back for the end of the previous sentence: room for its closing punctuation and quotes
#: and the spaces or line breaks after them.
SENTENCE_START_CHARS = 40
#: Characters looked ahead for the quotation mark that closes a quoted title after a time word in it
#: ("“This Week With David Brinkley”").
QUOTED_TITLE_CHARS = 40
_OPENING_QUOTE = re.compile(r"[\"“‘]\s*$")
#: What may follow the time word inside a quoted title: words and punctuation up to the closing mark.
_CLOSING_QUOTE = re.compile(r"([^\"”’“‘.!?]*?)[,.]?[\"”’]")
_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
#: Characters looked ahead for a time zone after a number: room for the spaces and the longest zone word.
ZONE_CHARS = 12
_NOUNS = frozenset({"NOUN", "PROPN"})
#: The word right after an expression, across spaces only (no punctuation between).
_NEXT_WORD = re.compile(r"[ \t]+([\w.]+)")


@dataclass(frozen=True, slots=True)
class Seen:
    """A candidate in its text, with what the checks look at."""

    cand: Candidate
    text: str
    surface: str  # as written
    confirmed: bool  # inside a spaCy DATE or TIME entity
    after_preposition: bool  # right after a date preposition ("in May", "since 1990")
    lex: Lexicon
    doc: Doc | None


def _month(s: Seen) -> bool:
    """A bare month that is also a word ("may", "march") needs a preposition, an entity or a period; a bare
    abbreviation ("Jan", "Dec") a period: without one it is a name more often than a month."""
    c = s.cand
    if c.get("year") or c.get("rel") or c.get("mod"):
        return True
    word = (c.get("month") or "").rstrip(".")
    if word in s.lex.ambiguous_months and not (s.after_preposition or s.confirmed or s.surface.endswith(".")):
        return False
    return not (word in s.lex.words["month_abbreviations"] and not s.surface.endswith("."))


def _counts_things(doc: Doc | None, text: str, end: int) -> bool:
    """Whether the word after ``end`` is a plural noun, as in "1990 shares". A word that began before ``end``
    holds the candidate itself ("9–17" is one word, which the tagger may call a plural noun), not a word after
    it."""
    while end < len(text) and text[end].isspace():
        end += 1
    token = token_at(doc, end)
    return token is not None and token.idx >= end and token.tag_ in _PLURAL_NOUNS


def _zone_follows(s: Seen) -> bool:
    """Whether a time zone follows the candidate: "(1639 UTC)" is a clock time on the 24-hour dial."""
    words = s.text[s.cand.end : s.cand.end + ZONE_CHARS].split()
    return bool(words) and words[0].strip(".,;:)").lower() in s.lex.context["time_zones"]


def _year(s: Seen) -> bool:
    """A bare year needs a preposition or an entity, and is no amount ("1990 shares") nor a clock time
    ("1639 UTC")."""
    if _zone_follows(s):
        return False
    if s.cand.get("mod") or s.cand.get("fiscal"):
        return True
    return (s.after_preposition or s.confirmed) and not _counts_things(s.doc, s.text, s.cand.end)


def _adverb_of_time(s: Seen) -> bool:
    """Whether a weak reference word ("soon") modifies a verb or adjective with no relation word beside it
    ("may soon seek", not "soon after", "as soon as")."""
    token = token_at(s.doc, s.cand.start)
    if s.cand.surface not in s.lex.context["adverb_refs"] or token is None or token.dep_ != "advmod":
        return False
    if token.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    beside = {t.lower_ for t in token.doc[max(token.i - 1, 0) : token.i + 2] if t.i != token.i}
    return not beside & s.lex.context["relation_words"]


def _ref(s: Seen) -> bool:
    """Whether "now", "recently", "current"... refers to time here."""
    c, words = s.cand, s.lex.words
    if c.surface in s.lex.weak_refs:
        return s.confirmed or _adverb_of_time(s)
    if c.surface in words["discourse_refs"] and s.surface == s.surface.capitalize() and s.text.startswith(",", c.end):
        return False  # "Now, ..." opening a sentence is a discourse marker
    after = s.text[c.end : c.end + PREVIOUS_WORD_CHARS].split()[:1]
    if c.surface.split()[0] in words["articles"] and after and after[0].lower() in s.lex.context["possession_words"]:
        return False  # "the future of the union": its fate, not a time
    # "the current is strong": a reference adjective used as a noun
    return not (c.surface in words["adjective_refs"] and pos_at(s.doc, c.start) not in ("ADJ", None))


def _setword(s: Seen) -> bool:
    """An adverb of frequency, not an adjective before a noun ("quarterly dividend")."""
    token = token_at(s.doc, s.cand.start)
    return token is None or not (token.pos_ == "ADJ" and token.head.i > token.i and token.head.pos_ in _NOUNS)


def _duration(s: Seen) -> bool:
    """An amount of time, not a fraction ("a quarter of", "three-quarters"; "several quarters of losses" is
    time: a vague amount counts no fraction) or an ordinal ("a second time": a unit that is also an
    ordinal, with an amount of one)."""
    c, lex = s.cand, s.lex
    unit = c.get("unit") or ""
    if unit in lex.words["fraction_units"] and (c.get("num") or "").lower() not in lex.vague_numbers:
        hyphened = any(f"-{unit}{suffix}" in c.surface for suffix in lex.words["plural_suffixes"])
        if hyphened or grammar(lex).fraction_after.match(s.text, c.end):
            return False
    return not (unit in lex.ordinals and lex.numbers.get(c.get("num") or "") == 1)


def _year_part(s: Seen) -> bool:
    """A quarter or half of a year, not of a decade or century ("the last half of the '80s", "the second half of
    the decade": the longer period is the time)."""
    return not grammar(s.lex).larger_period_after.match(s.text, s.cand.end)


def _season(s: Seen) -> bool:
    """A bare season ("spring") needs a preposition ("in spring")."""
    c = s.cand
    if c.get("year") or c.get("the") or c.get("mod"):
        return True
    return previous_word(s.text, c.start) in s.lex.context["season_prepositions"]


def _pod(s: Seen) -> bool:
    """A bare part of the day is a time only when it is a clock word ("noon") or one of the bare ones; a prefix
    makes it one too ("by mid-afternoon")."""
    pod = s.cand.get("pod")
    if s.cand.get("rel") or s.cand.get("mid"):
        return True
    return pod in s.lex.clock_words or pod in s.lex.words["bare_parts_of_day"]


def _holiday(s: Seen) -> bool:
    """A holiday, not the first word of a longer name ("Easter Island", "Christmas Island", "the Easter Rising"):
    no capitalized word follows it, unless a day or month ("Easter Sunday" is its own holiday, "Easter Monday")."""
    following = _NEXT_WORD.match(s.text, s.cand.end)
    if following is None or not following.group(1)[:1].isupper():
        return True
    word = following.group(1).lower()
    return word in s.lex.weekdays or word.rstrip(".") in s.lex.months


def _vague(s: Seen) -> bool:
    """A bare plural unit ("years") needs a modifier or a preposition ("for years")."""
    return bool(s.cand.get("rel")) or previous_word(s.text, s.cand.start) in s.lex.context["vague_prepositions"]


#: The check of each rule that has one; the matches of the other rules are times wherever they occur.
CHECKS: dict[str, Callable[[Seen], bool]] = {
    "month": _month,
    "quarter": _year_part,
    "year": _year,
    "ref": _ref,
    "setword": _setword,
    "duration": _duration,
    "season": _season,
    "pod": _pod,
    "vague": _vague,
    "holiday": _holiday,
}


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether a capitalized expression opens a quotation of two or more words, all capitalized, as the name
    of a programme or a work does ('on ABC's “This Week,”', '“This Week With David Brinkley”'); quoted speech
    goes on in lower case ('“Now we see ...”'), and one word alone may be speech ('“Today,” he said')."""
    if not _OPENING_QUOTE.search(text[max(0, start - 2) : start]):
        return False
    rest = _CLOSING_QUOTE.match(text[end : end + QUOTED_TITLE_CHARS])
    if rest is None:
        return False
    words = [*text[start:end].split(), *rest.group(1).split()]
    return len(words) > 1 and all(word[:1].isupper() for word in words)


def _titled_mid_sentence(text: str, start: int, end: int) -> bool:
    """Whether a common-word expression is capitalized in mid-sentence like a title ("This Week"), or opens a
    quotation of such a title."""
    surface = text[start:end]
    last = surface.split()[-1]
    if not last[:1].isupper() or surface.isupper():
        return False
    if _quoted_title(text, start, end):
        return True
    return _SENTENCE_START.search(text[max(0, start - SENTENCE_START_CHARS) : start]) is None


def plausible(c: Candidate, text: str, entities: frozenset[int], lex: Lexicon, doc: Doc | None) -> bool:
    """Whether ``c`` is a temporal expression here (``entities``: characters inside spaCy DATE/TIME entities)."""
    surface = text[c.start : c.end]
    if c.rule == "range_day":  # "25" in "April 24 and 25": a day where its dated partner is, and no count of things
        return plausible(c.parts[0], text, entities, lex, doc) and not _counts_things(doc, text, c.end)
    if c.rule == "range_year":  # "2005-2015": the dash makes both years; "1990-95 models" counts things
        return not _counts_things(doc, text, max(part.end for part in (c, *c.parts)))
    if c.rule in _NAMED_RULES and not any(ch.isupper() for ch in surface if ch.isalpha()):
        return False
    if c.rule in _COMMON_RULES and _titled_mid_sentence(text, c.start, c.end):
        return False  # "ABC's This Week", "VOA Today", "High Noon": a title, not a time
    check = CHECKS.get(c.rule)
    if check is None:
        return True
    confirmed = any(i in entities for i in range(c.start, c.end))
    after = previous_word(text, c.start) in lex.context["date_prepositions"]
    return check(Seen(c, text, surface, confirmed, after, lex, doc))
