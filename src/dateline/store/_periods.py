"""An event's own date at its own precision, and the period (week, month, year) it falls in.

Event dates are TIMEX3-style values (see :class:`dateline.records.EventDate`):
``2017-07-07`` (a day, possibly with a time after it), ``2017-W27`` (an ISO
week, possibly ``-WE`` for its weekend), ``2017-07`` (a month), ``2017-Q3``,
``2017-SU`` or ``2017-H2`` (a part of a year), ``2017`` (a year); anything
else (``XXXX-07-07`` with an unknown year, ``201`` for a decade,
``PRESENT_REF``, a duration) has no calendar place at all.

A date falls in a period only when it is at least as precise as the period,
with one rule for weeks, which do not nest in months or years: a week belongs
to the month and the year that hold its Thursday, as ISO 8601 assigns weeks to
years. A date coarser than the period (a month when counting weeks) falls in
none: exports leave such events out of per-period counts and say how many.
The publication date is never used here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["PERIODS", "Period", "Precision", "day_of", "parse", "period_of"]

#: What a period of a count may be.
Period = Literal["week", "month", "year"]
PERIODS: tuple[Period, ...] = get_args(Period)
#: How precise a date value is, finest first.
Precision = Literal["day", "week", "month", "part", "year"]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_PART = re.compile(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
#: ISO weekday of Thursday, the day that places a week in its month and year.
_THURSDAY = 4


@dataclass(frozen=True, slots=True)
class Parsed:
    """A date value placed on the calendar: its precision and the first day it covers."""

    precision: Precision
    start: dt.date


def parse(value: str | None) -> Parsed | None:
    """Where ``value`` lies on the calendar, or None when it names no definite day, week, month or year."""
    if not value:
        return None
    try:
        return _parse(value)
    except ValueError:  # 2017-02-30, week 54, month 13
        return None


def _parse(value: str) -> Parsed | None:
    if m := _DAY.fullmatch(value):
        return Parsed("day", dt.date(int(m[1]), int(m[2]), int(m[3])))
    if m := _WEEK.fullmatch(value):
        return Parsed("week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
    if m := _MONTH.fullmatch(value):
        return Parsed("month", dt.date(int(m[1]), int(m[2]), 1))
    if m := _PART.fullmatch(value):
        return Parsed("part", dt.date(int(m[1]), 1, 1))
    if m := _YEAR.fullmatch(value):
        return Parsed("year", dt.date(int(m[1]), 1, 1))
    return None


def day_of(value: str | None) -> dt.date | None:
    """The calendar day of a value precise to the day (``2017-07-07``, ``2017-07-07T12:00``), else None."""
    parsed = parse(value)
    return parsed.start if parsed is not None and parsed.precision == "day" else None


#: The precisions that fall in a period of each kind.
_FITS: dict[Period, frozenset[Precision]] = {
    "week": frozenset({"day", "week"}),
    "month": frozenset({"day", "week", "month"}),
    "year": frozenset({"day", "week", "month", "part", "year"}),
}


def period_of(value: str | None, by: Period) -> tuple[str, dt.date] | None:
    """The label (``2017-W27``, ``2017-07``, ``2017``) and first day of the period ``value`` falls in.

    None when the value has no calendar place or is coarser than the period.
    """
    parsed = parse(value)
    if parsed is None or parsed.precision not in _FITS[by]:
        return None
    day = parsed.start
    if parsed.precision == "week":
        day = day + dt.timedelta(days=_THURSDAY - 1)
    if by == "week":
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day - dt.timedelta(days=weekday - 1)
    if by == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1)
    return f"{day.year}", dt.date(day.year, 1, 1)
