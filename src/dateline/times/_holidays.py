"""Resolve holidays: fixed days ("Christmas"), the nth weekday of a month ("Thanksgiving"), a day after one
("Election Day", the Tuesday after the first Monday of November) and days counted from Easter ("Good
Friday"); with "week" or "weekend" after the name, the week or weekend that holds the day ("Easter week",
"Thanksgiving weekend").

The holidays and their rules are the lexicon's ``holidays``.
"""

from __future__ import annotations

import datetime as dt

from dateline.times._calendar import Ref, easter
from dateline.times._lexicon import Holiday
from dateline.times._points import Context, Resolved, as_date, norm_spaces, pick_year, year_of
from dateline.times._recognize import Candidate

__all__ = ["holiday", "holiday_day"]

_NONE = Resolved(None)
#: The weekday (ISO, Monday 1) that closes a long weekend: a Monday holiday's weekend is the one before it.
_LONG_WEEKEND_END = 1


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> int:
    """The day of the month of the ``nth`` ``weekday`` of ``month`` (``nth`` -1: the last)."""
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
    if nth < 0:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = last - (dt.date(year, month, last).isoweekday() - weekday) % 7
    return day


def holiday_day(spec: Holiday, year: int) -> dt.date:
    """The day ``spec`` falls on in ``year``."""
    if spec.easter is not None:
        return easter(year) + dt.timedelta(days=spec.easter)
    if spec.day is not None:
        return dt.date(year, spec.month, spec.day)
    day = dt.date(year, spec.month, _nth_weekday(year, spec.month, spec.weekday or 1, spec.nth or 1))
    return day + dt.timedelta(days=spec.offset)


def _period(day: dt.date, unit: str) -> Ref:
    """The day itself ("D"), the week holding it ("W") or its weekend ("WE")."""
    if unit == "WE" and day.isoweekday() == _LONG_WEEKEND_END:
        day -= dt.timedelta(days=1)
    return Ref(unit, day)


def holiday(c: Candidate, ctx: Context) -> Resolved:
    """A holiday's day, or the week or weekend holding it, in the year given or the one the tense points to."""
    spec = ctx.lex.holidays[norm_spaces(c.get("name"))]
    unit = ctx.lex.units.get(c.get("period") or "", "D")
    year = year_of(c.get("year"), ctx.lex) or None
    if year is None and ctx.anchor is not None:
        near = holiday_day(spec, ctx.anchor.year)  # its day this year places it before or after the telling
        year = pick_year(ctx, near.month, near.day)
    if year is None or not 1 <= year <= 9999:
        fixed = spec.day is not None and spec.easter is None and unit == "D"
        return Resolved(f"XXXX-{spec.month:02d}-{spec.day:02d}") if fixed else _NONE
    return as_date(_period(holiday_day(spec, year), unit))
