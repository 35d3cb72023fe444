"""Times: find temporal expressions and resolve them to TIMEX3 values.

Expressions are found by patterns built from the vocabulary in
``data/times.json`` (``_times_recognize``); spaCy's DATE/TIME entities confirm
the ambiguous ones ("May", a bare "1990", "current"). Values are resolved
against ``article.published`` and the tense of the governing verb
(``_times_points``, ``_times_spans``): "Monday" in a past-tense sentence is the
Monday before publication. Without a publication date, relative expressions
get no value and explicit ones keep an unknown year (``XXXX-07-07``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline._times_calendar import Ref
from dateline._times_lexicon import Lexicon, load_lexicon
from dateline._times_points import POINT_RESOLVERS, Context, Resolved
from dateline._times_recognize import Candidate, find_candidates
from dateline._times_spans import SPAN_RESOLVERS
from dateline.records import Article, TimeExpr, make_span

__all__ = ["apply", "resolve", "tense_at"]

#: Words before a bare year or an ambiguous month name ("in May", "since 1990") that make it a date.
DATE_PREPOSITIONS = frozenset(
    ["in", "since", "until", "till", "by", "of", "from", "to", "through", "during", "before", "after", "early", "late", "mid", "and", "or", "between", "around", "as", "last", "next", "this", "fiscal", "about", "circa"]
)
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})
_VERBS = frozenset({"VERB", "AUX"})
#: Rules built on names that are capitalized in English (months, weekdays, holidays).
_NAMED_RULES = frozenset({"month", "date_mdy", "date_dmy", "weekday", "holiday", "season"})


def resolve(candidate: Candidate, ctx: Context) -> Resolved:
    """The TIMEX3 value and type of one recognized expression in its context."""
    handler = POINT_RESOLVERS.get(candidate.rule) or SPAN_RESOLVERS[candidate.rule]
    return handler(candidate, ctx)


def _verb_tense(verb: Any) -> str:
    """"past", "future" or "present" for a verb token, from its tag, morphology and auxiliaries."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(ch.dep_ == "xcomp" for ch in verb.children):
        return "future"
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or "Past" in verb.morph.get("Tense")
    if past and (verb.tag_ != "VBN" or auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def tense_at(doc: Any, start: int, end: int) -> str:
    """The tense of the verb that governs the text at ``[start, end)`` (its sentence's root as fallback)."""
    if doc is None or end > len(doc.text):
        return "present"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    token = span.root
    while token.pos_ not in _VERBS and token.head.i != token.i:
        token = token.head
    if token.pos_ not in _VERBS:
        token = span.sent.root
    return _verb_tense(token)


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


def _plausible(c: Candidate, text: str, ents: set[int], lex: Lexicon) -> bool:
    """Whether a candidate is a temporal expression and not a homograph ("may", "March" the verb, "1990 shares")."""
    surface = text[c.start : c.end]
    confirmed = any(i in ents for i in range(c.start, c.end))
    after_prep = _previous_word(text, c.start) in DATE_PREPOSITIONS
    if c.rule in _NAMED_RULES and not any(ch.isupper() for ch in surface if ch.isalpha()):
        return False
    if c.rule == "month" and not (c.get("year") or c.get("rel") or c.get("mod")):
        word = (c.get("month") or "").rstrip(".")
        if word in lex.ambiguous_months and not (after_prep or confirmed or surface.endswith(".")):
            return False
    if c.rule == "year" and not (c.get("mod") or c.get("fiscal")):
        return after_prep or confirmed
    if c.rule == "ref" and c.surface in lex.weak_refs:
        return confirmed
    if c.rule == "pod" and not c.get("rel"):
        return c.get("pod") in ("noon", "midnight", "midday", "overnight")
    return not (c.rule == "vague" and not c.get("rel") and _previous_word(text, c.start) not in ("for", "in", "within"))


def _keeps_reference(c: Candidate, res: Resolved) -> bool:
    return res.ref is not None and res.type in ("DATE", "TIME")


def apply(article: Article) -> Article:
    """Fill ``article.times`` with the temporal expressions of the text and their values."""
    lex = load_lexicon()
    text, doc = article.text, article.doc
    ents = _date_entity_chars(doc)
    found: list[TimeExpr] = []
    last: Ref | None = None
    for cand in find_candidates(text, lex):
        if not _plausible(cand, text, ents, lex):
            continue
        ctx = Context(article.published, tense_at(doc, cand.start, cand.end), last, lex)
        res = resolve(cand, ctx)
        if _keeps_reference(cand, res):
            last = res.ref
        found.append(TimeExpr(make_span(text, cand.start, cand.end), res.value, res.type))
    return replace(article, times=tuple(found))
