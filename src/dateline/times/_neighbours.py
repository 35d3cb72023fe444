"""What an expression's neighbours say about it: the dated end of a range gives its opening day a year
("late on November 12 and into November 13, 2022"), and a date in brackets after a weekday names that
weekday's day ("Thursday (Nov. 9)").

Both read only the text between two recognized expressions: range joiners come from the lexicon's
``context.range_joiners``; brackets are punctuation.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.records import TimeExpr
from dateline.times._calendar import Ref
from dateline.times._lexicon import Lexicon
from dateline.times._points import to_int, year_of
from dateline.times._recognize import Candidate

__all__ = ["bracketed_days", "opening_year", "range_years", "shared_sets"]

#: Rules of a day or month that may lack its year.
_YEARLESS_RULES = frozenset({"date_mdy", "date_dmy", "range_day", "month"})

#: The text between a weekday and a date in brackets after it.
_OPENING_BRACKET = re.compile(r"\s*[(\[]\s*")

#: A full day's value, with whatever follows it ("2023-11-09", "2023-11-09TNI").
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _month_day(cand: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    month = lex.months.get((cand.get("month") or "").rstrip("."))
    return None if month is None else (month, to_int(cand.get("day")))


def range_years(cands: Sequence[Candidate], text: str, lex: Lexicon) -> dict[int, int]:
    """For each year-less day or month (by index) that opens a range whose closing date has a year, that
    year; the year before when the range crosses New Year ("Dec. 30 to Jan. 2, 2023")."""
    joiners = lex.context["range_joiners"]
    out: dict[int, int] = {}
    for i, (first, last) in enumerate(itertools.pairwise(cands)):
        if first.rule not in _YEARLESS_RULES or last.rule not in _YEARLESS_RULES or first.get("year"):
            continue
        year = year_of(last.get("year"), lex)
        between = " ".join(text[first.end : last.start].lower().split())
        opening, closing = _month_day(first, lex), _month_day(last, lex)
        if not year or between not in joiners or opening is None or closing is None:
            continue
        out[i] = year - 1 if opening > closing else year
    return out


def opening_year(before: tuple[Candidate, Ref] | None, cand: Candidate, text: str, lex: Lexicon) -> int | None:
    """The year of a year-less day or month that closes a range opened by a year ("this year through
    August", "1989 to March"): that year, whatever the tense says of the closing end alone."""
    if before is None or cand.rule not in _YEARLESS_RULES or cand.get("year") or cand.get("rel"):
        return None
    opening, ref = before
    between = " ".join(text[opening.end : cand.start].lower().split())
    return ref.date.year if ref.gran == "Y" and between in lex.context["range_joiners"] else None


def bracketed_days(found: Sequence[tuple[Candidate, TimeExpr]], text: str, lex: Lexicon) -> list[TimeExpr]:
    """The expressions, each weekday followed by a date in brackets that falls on it taking that date
    ("Thursday (Nov. 9)" written on a Monday is Nov. 9, not the Thursday before)."""
    out = [expr for _, expr in found]
    for i, ((cand, expr), (_, after)) in enumerate(itertools.pairwise(found)):
        weekday = lex.weekdays.get(cand.get("wd") or "")
        day = _DAY_VALUE.fullmatch((after.value or "")[:10])
        if cand.rule != "weekday" or weekday is None or day is None or expr.value is None:
            continue
        if not _OPENING_BRACKET.fullmatch(text[cand.end : after.span.start]):
            continue
        date = day.group()
        if dt.date.fromisoformat(date).isoweekday() == weekday:
            out[i] = replace(expr, value=date + expr.value[10:] if _DAY_VALUE.match(expr.value) else date)
    return out


def shared_sets(cands: Sequence[Candidate], exprs: Sequence[TimeExpr], text: str, lex: Lexicon) -> list[TimeExpr]:
    """The expressions (``exprs``, one per candidate), a weekday joined to a set of weekdays after it taking that
    set's reading ("Monday and Tuesday nights": every Monday night too)."""
    out = list(exprs)
    for i, ((cand, expr), (later, after)) in enumerate(itertools.pairwise(zip(cands, exprs, strict=True))):
        weekday = lex.weekdays.get(cand.get("wd") or "")
        if cand.rule != "weekday" or later.rule != "weekdays" or weekday is None or cand.get("pod"):
            continue
        if " ".join(text[cand.end : later.start].lower().split()) not in lex.context["range_joiners"]:
            continue
        pod = (after.value or "").partition("T")[2]
        out[i] = replace(expr, value=f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""), type="SET")
    return out
