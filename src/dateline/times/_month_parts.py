"""Resolve the parts of a named month an ordinal counts: "the penultimate day of September", "the last week of
August", "the first weekend of May", "the second half of September", "the final days of October".

A day is that day; a week is the ISO week of the month that holds it, counting the weeks with at least four of
their days in the month, as ISO 8601 counts the weeks of a year (the last week of August 2021 is W34, Monday
23 to Sunday 29, not W35, which holds August 30 and 31 and five days of September); a weekend is the one of
the month's first (last) Saturday. A half, or days and weeks in the plural, have no TIMEX3 value of their own:
they get the month, the finest value that holds them.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateline.times._calendar import Ref
from dateline.times._points import Context, Resolved, as_date, pick_year, year_of
from dateline.times._recognize import Candidate

__all__ = ["month_part"]

#: Days of a week that must lie in the month for the week to count as one of the month's (ISO 8601's rule).
_DAYS_INSIDE = 4


def _ordinal(c: Candidate, ctx: Context) -> int:
    word = c.get("ord") or ""
    return ctx.lex.ordinals.get(word) or ctx.lex.month_part_ordinals.get(word, 0)


def _day_in(first: dt.date, last: dt.date, unit: str, n: int) -> dt.date | None:
    """The day that names the ``n``-th (from the end when negative) day, week or weekend of the month
    ``first``..``last``: the day itself, a day of the week, the weekend's Saturday; None past the month."""
    step = 7 if unit in ("W", "WE") else 1
    if unit == "D":
        start, back = first, last
    elif unit == "W":
        start = first + dt.timedelta(days=_DAYS_INSIDE - 1)
        back = last - dt.timedelta(days=_DAYS_INSIDE - 1)
    else:
        start = first + dt.timedelta(days=(calendar.SATURDAY - first.weekday()) % 7)
        back = last - dt.timedelta(days=(last.weekday() - calendar.SATURDAY) % 7)
    day = start + dt.timedelta(days=step * (n - 1)) if n > 0 else back + dt.timedelta(days=step * (n + 1))
    return day if first <= day <= last else None


def month_part(c: Candidate, ctx: Context) -> Resolved:
    """The day, week or weekend a part of a named month names, else the month (a half, days in the plural)."""
    month = ctx.lex.months[(c.get("month") or "").rstrip(".")]
    year = year_of(c.get("year"), ctx.lex) or ctx.year or pick_year(ctx, month, None)
    word, n = c.get("unit") or "", _ordinal(c, ctx)
    unit = ctx.lex.units.get(word)  # None: a plural or a half
    if year is None or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return Resolved(f"XXXX-{month:02d}")
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    day = None if unit is None or n == 0 else _day_in(first, last, unit, n)
    return as_date(Ref("M", first) if day is None else Ref(unit or "D", day))
