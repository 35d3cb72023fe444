"""An event's own date as a span of days at its own precision, for the timeline, date filters and columns.

Event dates are TIMEX3 values resolved from the text: ``2017-07-07`` (a day),
``2017-W27`` (a week), ``2017-07`` (a month), ``2017-Q3``, ``2017-H2``,
``2017-SU`` (a season), ``2017`` (a year), ``201`` (a decade), ``20`` (a
century). Each names the days from ``start`` to ``end``; an event is drawn in
a period of the timeline, or matched by a date filter, only when all of its
days lie inside it, so an event known only to have happened "in 2016" is
never shown as if it happened on a given day, and the publication date never
stands in for a date the text does not give. Values with unknown parts
(``XXXX-07-07``), references (``PRESENT_REF``) and durations have no span.

>>> date_span("2017-W27")
DateSpan(start=datetime.date(2017, 7, 3), end=datetime.date(2017, 7, 9), precision='week')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

__all__ = ["PRECISIONS", "DateSpan", "date_span"]

#: From the finest to the coarsest.
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")

#: Months of the (northern) seasons TIMEX3 names: winter runs from December into the next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEARS = re.compile(r"(\d{2,4})")


class DateSpan(NamedTuple):
    """The first and last day a date value names, and its precision (one of :data:`PRECISIONS`)."""

    start: dt.date
    end: dt.date
    precision: str


def date_span(value: str | None) -> DateSpan | None:
    """The days a TIMEX3 date value names, or None when it names none (unknown parts, references, durations)."""
    if not value:
        return None
    try:
        return _span(value.strip())
    except ValueError:  # a day that does not exist (2017-02-30), week 54, year 0
        return None


def _span(value: str) -> DateSpan | None:
    if match := _DAY.fullmatch(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return DateSpan(day, day, "day")
    if match := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        first = monday + dt.timedelta(days=5) if match[3] else monday
        return DateSpan(first, monday + dt.timedelta(days=6), "week")
    if match := _MONTH.fullmatch(value):
        return _months(int(match[1]), int(match[2]), int(match[2]), "month")
    if match := _PART.fullmatch(value):
        return _part(int(match[1]), match[2])
    if match := _YEARS.fullmatch(value):
        digits = match[1]
        scale = 10 ** (4 - len(digits))
        first = int(digits) * scale
        precision = {1: "year", 10: "decade", 100: "century"}[scale]
        return DateSpan(dt.date(max(first, 1), 1, 1), dt.date(first + scale - 1, 12, 31), precision)
    return None


def _part(year: int, part: str) -> DateSpan:
    if part[0] == "Q":
        quarter = int(part[1])
        return _months(year, 3 * quarter - 2, 3 * quarter, "quarter")
    if part[0] == "H":
        half = int(part[1])
        return _months(year, 6 * half - 5, 6 * half, "half")
    first, last = _SEASONS[part]
    return _months(year, first, last, "season")


def _months(year: int, first: int, last: int, precision: str) -> DateSpan:
    """From the first day of month ``first`` to the last of month ``last`` (13, 14: January, February after)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    start = dt.date(year, first, 1)
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return DateSpan(start, end, precision)
