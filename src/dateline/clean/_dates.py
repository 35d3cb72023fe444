"""Publication dates for :mod:`dateline.clean`: parse a date string, spot a dateline line."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_ANY_MONTH = r"(?:" + _MONTH_NAMES + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])")
_MDY = re.compile(_WEEKDAY + r"?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I)
_DMY = re.compile(_WEEKDAY + r"?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I)
_TIME = r"(?:\s*(?:,|\||-|–|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*(?:UTC|GMT)[+-]?\d*)?)?"
_PREFIX = r"(?:(?:published|updated|posted|last updated|first published|date)(?:\s+on)?\s*:?\s*)?"
#: A line that is only a date (with an optional weekday, time or "Published:" prefix).
DATELINE = re.compile(
    r"^" + _PREFIX + r"(?:" + _WEEKDAY + r"?" + _ANY_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|" + _WEEKDAY + r"?\d{1,2}(?:st|nd|rd|th)?\s+" + _ANY_MONTH + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})" + _TIME + r"\s*$",
    re.I,
)


def parse_date(text: str | None) -> dt.date | None:
    """The calendar date a string names (ISO 8601, "July 7, 2017", "7 July 2017"), or None."""
    if not text:
        return None
    for regex in (_ISO, _MDY, _DMY):
        match = regex.search(text)
        if match is None:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
        try:
            return dt.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
    return None


def is_dateline(line: str) -> bool:
    """Whether a (normalized) line is only a date, as at the top of a news page."""
    return len(line) <= 80 and DATELINE.match(line) is not None and parse_date(line) is not None
