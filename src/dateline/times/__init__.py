"""Times: find temporal expressions and resolve them to TIMEX3 values.

Expressions are found by patterns built from the vocabulary in
``lang/<code>/times.json`` (:mod:`dateline.times._recognize`); spaCy's DATE/TIME entities confirm
the ambiguous ones ("May", a bare "1990", "current"). Values are resolved
against ``article.published`` and the tense of the governing verb
(:mod:`dateline.times._points`, :mod:`dateline.times._spans`): "Monday" in a past-tense sentence is the
Monday before publication. Without a publication date, relative expressions
get no value and explicit ones keep an unknown year (``XXXX-07-07``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from dateline.pipeline import StageConfig, stage
from dateline.records import Article, TimeExpr, make_span
from dateline.times._calendar import Ref
from dateline.times._grammar import grammar
from dateline.times._lexicon import Lexicon, load_lexicon
from dateline.times._points import POINT_RESOLVERS, Context, Resolved
from dateline.times._recognize import Candidate, find_candidates
from dateline.times._spans import SPAN_RESOLVERS

__all__ = ["apply", "resolve", "tense_at"]

_VERBS = frozenset({"VERB", "AUX"})
#: Rules built on names that are capitalized in English (months, weekdays, holidays).
_NAMED_RULES = frozenset({"month", "date_mdy", "date_dmy", "weekday", "holiday"})
#: Rules built on common words, which are capitalized only at the start of a sentence.
_COMMON_RULES = frozenset({"relative", "deictic", "ref", "pod", "the_unit"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”]?\s+|[\"“`'‘(\n]\s*)$")


def resolve(candidate: Candidate, ctx: Context) -> Resolved:
    """The TIMEX3 value and type of one recognized expression in its context."""
    handler = POINT_RESOLVERS.get(candidate.rule) or SPAN_RESOLVERS[candidate.rule]
    return handler(candidate, ctx)


def _verb_tense(verb: Any, words: dict[str, frozenset[str]]) -> str:
    """The tense of a verb token, from its tag and auxiliaries (see :func:`tense_at`).

    A passive in the present ("is expected") is present; a participle with no
    auxiliary ("the record set on Aug. 6") and a present perfect are past;
    "would" and a bare infinitive ("agreed to meet") look ahead.
    """
    head = verb.head
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_ in words["future_verbs"]:
        return "future"
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words["future_auxiliaries"] for a in auxes):
        return "future"
    if verb.lemma_ in words["future_verbs"] and any(ch.dep_ == "xcomp" for ch in verb.children):
        return "future"
    if verb.lemma_ in words["schedule_verbs"]:
        return "ahead"  # "was planned for early March", "planned a rally on Saturday": what was arranged lies ahead
    if any(a.lower_ in words["conditional_auxiliaries"] for a in auxes) or (
        verb.tag_ == "VB" and any(a.lower_ in words["infinitive_markers"] for a in auxes)
    ):
        return "ahead"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.lemma_ in words["future_verbs"]:
        return "future"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ in words["perfect_auxiliaries"] for a in auxes)):
        return "past"
    return "present"


def _governing_verb(doc: Any, start: int, end: int) -> Any:
    """The verb that governs the text at ``[start, end)`` directly or through a preposition, or None."""
    if doc is None or end > _doc_end(doc):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root.head
    if token.pos_ == "ADP":
        token = token.head
    return token if token.pos_ in _VERBS else None


def tense_at(doc: Any, start: int, end: int, lex: Lexicon) -> str:
    """The tense of the verb that governs the text at ``[start, end)`` directly or through a preposition.

    One of "past", "present", "future", "ahead" (would, infinitives: ahead of the telling) or "none" when
    the expression hangs from a noun or adjective ("payable Dec. 7") or there is no annotation.
    """
    verb = _governing_verb(doc, start, end)
    return "none" if verb is None else _verb_tense(verb, lex.context)


def _past_perfect(doc: Any, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the governing verb is in the past perfect ("until Thursday, they had not called him")."""
    verb = _governing_verb(doc, start, end)
    forms = lex.context["past_perfect_auxiliaries"]
    return verb is not None and any(ch.dep_ == "aux" and ch.lower_ in forms for ch in verb.children)


def _tense(doc: Any, text: str, cand: Candidate, lex: Lexicon) -> str:
    """The tense that places an expression: the verb's, or "ahead" after "until" (and after "by" unless past).

    "Until" looks back only from the past perfect: "until Thursday, they had not called him a suspect".
    """
    before = _previous_word(text, cand.start)
    if before in lex.context["deadline_words"]:
        return "past" if _past_perfect(doc, cand.start, cand.end, lex) else "ahead"
    tense = tense_at(doc, cand.start, cand.end, lex)
    return "ahead" if before in lex.context["soft_deadline_words"] and tense != "past" else tense


def _date_entity_chars(doc: Any) -> set[int]:
    """Character offsets covered by spaCy DATE/TIME entities."""
    chars: set[int] = set()
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                chars.update(range(ent.start_char, ent.end_char))
    return chars


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


def _doc_end(doc: Any) -> int:
    """Where the annotation ends in the text (``doc.text`` would rebuild the whole string)."""
    return doc[-1].idx + len(doc[-1].text) if len(doc) else 0


def _counts_things(doc: Any, text: str, end: int) -> bool:
    """Whether the word after ``end`` is a plural noun, as in "1990 shares"."""
    while end < len(text) and text[end].isspace():
        end += 1
    token = _token_at(doc, end)
    return token is not None and token.tag_ in ("NNS", "NNPS")


def _token_at(doc: Any, start: int) -> Any:
    """The spaCy token holding character ``start``, or None."""
    if doc is None or start >= _doc_end(doc):
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _pos_at(doc: Any, start: int) -> str | None:
    token = _token_at(doc, start)
    return None if token is None else str(token.pos_)


def _modifies_noun(doc: Any, start: int) -> bool:
    """Whether the word at ``start`` is an adjective before a noun ("quarterly dividend")."""
    token = _token_at(doc, start)
    if token is None:
        return False
    return bool(token.pos_ == "ADJ" and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"))


def _is_time_amount(c: Candidate, text: str, lex: Lexicon) -> bool:
    """Whether a duration match is time, not a fraction ("a quarter of", "three-quarters") or an ordinal
    ("a second time": a unit that is also an ordinal, with an amount of one)."""
    unit = c.get("unit") or ""
    if unit in lex.words["fraction_units"]:
        hyphened = any(f"-{unit}{suffix}" in c.surface for suffix in lex.words["plural_suffixes"])
        if hyphened or grammar(lex).fraction_after.match(text, c.end):
            return False
    return not (unit in lex.ordinals and lex.numbers.get(c.get("num") or "") == 1)


def _titled_mid_sentence(text: str, start: int, surface: str) -> bool:
    """Whether a common-word expression is capitalized in mid-sentence like a title ("This Week")."""
    last = surface.split()[-1]
    if not last[:1].isupper() or surface.isupper():
        return False
    return _SENTENCE_START.search(text[max(0, start - 40) : start]) is None


def _reference_word(c: Candidate, surface: str, text: str, confirmed: bool, lex: Lexicon, doc: Any) -> bool:
    """Whether "now", "recently", "current"... refers to time here."""
    if c.surface in lex.weak_refs:
        return confirmed
    if c.surface in lex.words["discourse_refs"] and surface == surface.capitalize() and text.startswith(",", c.end):
        return False  # "Now, ..." opening a sentence is a discourse marker
    # "the current is strong": a reference adjective used as a noun
    return not (c.surface in lex.words["adjective_refs"] and _pos_at(doc, c.start) not in ("ADJ", None))


def _plausible(c: Candidate, text: str, ents: set[int], lex: Lexicon, doc: Any = None) -> bool:
    """Whether a candidate is a temporal expression and not a homograph ("may", "March" the verb, "1990 shares")."""
    surface = text[c.start : c.end]
    confirmed = any(i in ents for i in range(c.start, c.end))
    after_prep = _previous_word(text, c.start) in lex.context["date_prepositions"]
    if c.rule in _NAMED_RULES and not any(ch.isupper() for ch in surface if ch.isalpha()):
        return False
    if c.rule in _COMMON_RULES and _titled_mid_sentence(text, c.start, surface):
        return False  # "ABC's This Week", "VOA Today", "High Noon": a title, not a time
    if c.rule == "month" and not (c.get("year") or c.get("rel") or c.get("mod")):
        word = (c.get("month") or "").rstrip(".")
        if word in lex.ambiguous_months and not (after_prep or confirmed or surface.endswith(".")):
            return False
        if word in lex.words["month_abbreviations"] and not surface.endswith("."):
            return False  # a bare "Jan" or "Dec" is a name more often than a month
    if c.rule == "year" and not (c.get("mod") or c.get("fiscal")):
        return (after_prep or confirmed) and not _counts_things(doc, text, c.end)
    if c.rule == "ref":
        return _reference_word(c, surface, text, confirmed, lex, doc)
    if c.rule == "setword" and _modifies_noun(doc, c.start):
        return False
    if c.rule == "duration" and not _is_time_amount(c, text, lex):
        return False
    if c.rule == "season" and not (c.get("year") or c.get("the") or c.get("mod")):
        return _previous_word(text, c.start) in lex.context["season_prepositions"]
    if c.rule == "pod" and not c.get("rel"):
        return c.get("pod") in lex.clock_words or c.get("pod") in lex.words["bare_parts_of_day"]
    bare_ok = lex.context["vague_prepositions"]
    return not (c.rule == "vague" and not c.get("rel") and _previous_word(text, c.start) not in bare_ok)


@stage("times", requires={"doc"}, assigns={"times"},
       help="temporal expressions resolved to the publication date")
def apply(article: Article, config: StageConfig = StageConfig()) -> Article:
    """Fill ``article.times`` with the temporal expressions of the text and their values."""
    lex = load_lexicon(config.resources(article))
    text, doc = article.text, article.doc
    ents = _date_entity_chars(doc)
    found: list[TimeExpr] = []
    last: Ref | None = None
    period: Ref | None = None
    anchor = article.published
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    for cand in find_candidates(text, lex):
        if not _plausible(cand, text, ents, lex, doc):
            continue
        tense = _tense(doc, text, cand, lex)
        res = resolve(cand, Context(anchor, lex, tense, last, period))
        if res.ref is not None and res.type in ("DATE", "TIME"):
            last = res.ref
            period = res.ref if res.ref.gran in ("Q", "H") else period
        elif res.type == "DURATION" and (res.value or "").endswith("M") and "T" not in (res.value or ""):
            period = None  # "the first nine months ... a year earlier": the year, not the quarter
        found.append(TimeExpr(make_span(text, cand.start, cand.end), res.value, res.type))
    return replace(article, times=tuple(found))
