"""Times: find temporal expressions and resolve them to TIMEX3 values.

Expressions are found by patterns built from the vocabulary in ``lang/<code>/times.json``
(:mod:`dateline.times._grammar`, :mod:`dateline.times._recognize`); spaCy's DATE/TIME entities
and the parse tell the ambiguous ones from homographs ("May", a bare "1990", "current";
:mod:`dateline.times._plausible`). Values are resolved against ``article.published`` and the
tense of the governing verb (:mod:`dateline.times._tense`, :mod:`dateline.times._points`,
:mod:`dateline.times._spans`): "Monday" in a past-tense sentence is the Monday before
publication. Without a publication date, relative expressions get no value and explicit ones
keep an unknown year (``XXXX-07-07``). A roundup of a past month, whose title names that month
("On the campaign trail, August 2020", published in September), speaks from its last day: "the last
day", "last night" and "the end of the month" are read from August 31 (:func:`title_month`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.lang import Resources
from dateline.pipeline import StageConfig, stage
from dateline.records import Article, TimeExpr, make_span
from dateline.times._calendar import Ref
from dateline.times._lexicon import load_lexicon
from dateline.times._named import named_date
from dateline.times._neighbours import bracketed_days, opening_year, range_years, shared_sets
from dateline.times._parse import date_entity_chars
from dateline.times._plausible import plausible
from dateline.times._points import POINT_RESOLVERS, Context, Resolved
from dateline.times._readings import reread
from dateline.times._recognize import Candidate, find_candidates
from dateline.times._spans import SPAN_RESOLVERS
from dateline.times._tense import tense, tense_at

__all__ = ["apply", "resolve", "tense_at", "title_month"]

#: The value of a calendar month with its year ("2020-08").
_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
#: A year written out in digits ("August 2020"): a month is read from a title only with its year.
_YEAR_DIGITS = re.compile(r"\d{4}")


def resolve(candidate: Candidate, ctx: Context) -> Resolved:
    """The TIMEX3 value and type of one recognized expression in its context."""
    handler = POINT_RESOLVERS.get(candidate.rule) or SPAN_RESOLVERS[candidate.rule]
    return handler(candidate, ctx)


@stage("times", requires={"doc"}, assigns={"times"},
       help="temporal expressions resolved to the publication date")
def apply(article: Article, config: StageConfig = StageConfig()) -> Article:
    """Fill ``article.times`` with the temporal expressions of the text and their values."""
    lex = load_lexicon(config.resources(article))
    text, doc = article.text, article.doc
    entities = date_entity_chars(doc)
    found: list[tuple[Candidate, TimeExpr]] = []
    last: Ref | None = None
    before: tuple[Candidate, Ref] | None = None  # the expression just before and the period it named
    earlier: list[Ref] = []
    period: Ref | None = None
    anchor = _anchor(article, config)
    cands = [cand for cand in find_candidates(text, lex) if plausible(cand, text, entities, lex, doc)]
    years = range_years(cands, text, lex)
    for i, cand in enumerate(cands):
        year = years.get(i) or opening_year(before, cand, text, lex)
        # The bare day of a range ("25" in "April 24 and 25") is placed by the verb of its dated partner.
        where = cand.parts[0].extent if cand.rule == "range_day" else cand.extent
        ctx = Context(anchor, lex, tense(doc, text, where, lex), last, period, year, tuple(earlier))
        res = reread(named_date(cand, text, lex, ctx.tense) or resolve(cand, ctx), cand, doc, ctx)
        before = None if res.ref is None else (cand, res.ref)
        if res.ref is not None and res.type in ("DATE", "TIME"):
            last = res.ref
            earlier.append(res.ref)
            period = res.ref if res.ref.gran in ("Q", "H") else period
        elif res.type == "DURATION" and (res.value or "").endswith("M") and "T" not in (res.value or ""):
            period = None  # "the first nine months ... a year earlier": the year, not the quarter
        found.append((cand, TimeExpr(make_span(text, cand.start, cand.end), res.value, res.type)))
    found = _range_days_share_year(found)
    exprs = shared_sets([cand for cand, _ in found], bracketed_days(found, text, lex), text, lex)
    return replace(article, times=tuple(exprs))


def _range_days_share_year(found: list[tuple[Candidate, TimeExpr]]) -> list[tuple[Candidate, TimeExpr]]:
    """The bare day of a range takes the year of its dated partner ("ran March 1-13": both days of one year),
    which each reading placed on its own could part when one day lies near the publication and the other not."""
    years = {(cand.start, cand.end): expr.value[:4] for cand, expr in found
             if expr.value and expr.value[:4].isdigit()}
    out: list[tuple[Candidate, TimeExpr]] = []
    for cand, expr in found:
        partner = years.get((cand.parts[0].start, cand.parts[0].end)) if cand.rule == "range_day" else None
        if partner and expr.value and expr.value[:4].isdigit() and expr.value[:4] != partner:
            expr = replace(expr, value=partner + expr.value[4:])
        out.append((cand, expr))
    return out


def _anchor(article: Article, config: StageConfig) -> dt.date | None:
    """The day the article speaks from: its publication date, or the last day of the earlier month its title
    names (a roundup of a past month, published after it)."""
    published = article.published
    if isinstance(published, dt.datetime):
        published = published.date()
    named = title_month(article.title, published, config.resources(article)) if published is not None else None
    if published is None or named is None or named >= f"{published:%Y-%m}":
        return published
    year, month = int(named[:4]), int(named[5:7])
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def title_month(title: str | None, published: dt.date | None, res: Resources) -> str | None:
    """The calendar month a title names with its year, as ``YYYY-MM`` ("On the campaign trail, August 2020":
    ``2020-08``); None when it names no such month or more than one. A title has no parse to tell "May" the
    month from the verb, so a month counts only with its year written beside it."""
    if not title:
        return None
    lex = load_lexicon(res)
    anchor = published.date() if isinstance(published, dt.datetime) else published
    months = {resolve(cand, Context(anchor, lex)).value for cand in find_candidates(title, lex)
              if cand.rule == "month" and _YEAR_DIGITS.search(title[cand.start:cand.end])}
    named = [m for m in months if m is not None and _MONTH_VALUE.fullmatch(m)]
    return named[0] if len(named) == 1 else None
