"""Publication dates for :mod:`dateline.clean`: parse a date string, spot a dateline line.

The words (months, weekdays, "Published", "at", "p.m.") come from the ``dates``
section of the language's ``boilerplate.json``; the patterns are built from them
once per language (:func:`compile_dates`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline._data import is_strings
from dateline.errors import ResourceError

__all__ = ["MAX_DATELINE_CHARS", "DatePatterns", "compile_dates", "is_dateline", "parse_date"]

#: The longest line read as a dateline: the longest date line with a weekday, a label and a time zone
#: ("Last updated on Wednesday, 13th September 2017 at 10:35 p.m. GMT+1") is under 70 characters.
MAX_DATELINE_CHARS = 80

_ISO = re.compile(r"(?<![\d])(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])")
_LISTS = ("weekdays", "ordinal_suffixes", "prefixes", "prefix_prepositions", "time_prepositions", "meridiems")


@dataclass(frozen=True)
class DatePatterns:
    """The date patterns of one language: month numbers, dates in words, and the dateline."""

    months: dict[str, int]
    dates: tuple[re.Pattern[str], ...]  # tried in order after ISO 8601
    dateline: re.Pattern[str]
    calendar_words: frozenset[str] = frozenset()  # month and weekday names, lower case


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first; spaces match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def compile_dates(spec: Any, where: str) -> DatePatterns:
    """The date patterns of the ``dates`` section of a boilerplate file (``where`` names it in errors)."""
    months = spec.get("months") if isinstance(spec, dict) else None
    if not isinstance(months, dict) or not all(isinstance(v, int) and 1 <= v <= 12 for v in months.values()):
        raise ResourceError(f"boilerplate patterns {where}: 'dates.months' must map month names to 1-12; fix the file")
    words: dict[str, list[str]] = {}
    for key in _LISTS:
        value = spec.get(key)
        if not is_strings(value, nonempty=True) or not value:
            raise ResourceError(f"boilerplate patterns {where}: 'dates.{key}' must be a non-empty list of words")
        words[key] = [w.lower() for w in value]
    names = _alt(k.lower() for k in months)
    month, named = rf"(?:{names})\.?", rf"(?P<month>{names})\.?"
    weekday = rf"(?:(?:{_alt(words['weekdays'])})\.?,?\s+)"
    ordinal = rf"(?:{_alt(words['ordinal_suffixes'])})?"
    day, numbered = rf"\d{{1,2}}{ordinal}", rf"(?P<day>\d{{1,2}}){ordinal}"
    meridiem = "|".join(r"\.?".join(map(re.escape, m)) + r"\.?" for m in words["meridiems"])
    time = (rf"(?:\s*(?:,|\||-|–|{_alt(words['time_prepositions'])})?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*(?:{meridiem}))?"
            r"(?:\s*[A-Z]{2,4}|\s*(?:UTC|GMT)[+-]?\d*)?)?")
    prefix = rf"(?:(?:{_alt(words['prefixes'])})(?:\s+(?:{_alt(words['prefix_prepositions'])}))?\s*:?\s*)?"
    return DatePatterns(
        {k.lower(): v for k, v in months.items()},
        (
            re.compile(rf"{weekday}?{named}\s+{numbered},?\s+(?P<year>\d{{4}})", re.I),
            re.compile(rf"{weekday}?{numbered}\s+{named},?\s+(?P<year>\d{{4}})", re.I),
        ),
        re.compile(rf"^{prefix}(?:{weekday}?{month}\s+{day},?\s+\d{{4}}|{weekday}?{day}\s+{month},?\s+\d{{4}}"
                   rf"|\d{{4}}-\d{{2}}-\d{{2}}){time}\s*$", re.I),
        frozenset([*(k.lower() for k in months), *words["weekdays"]]),
    )


def parse_date(text: str | None, patterns: DatePatterns) -> dt.date | None:
    """The calendar date a string names (ISO 8601, "July 7, 2017", "7 July 2017"), or None."""
    if not text:
        return None
    for regex in (_ISO, *patterns.dates):
        match = regex.search(text)
        if match is None:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else patterns.months[month_text.lower().rstrip(".")]
        try:
            return dt.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
    return None


def is_dateline(line: str, patterns: DatePatterns) -> bool:
    """Whether a (normalized) line is only a date, as at the top of a news page."""
    return (
        len(line) <= MAX_DATELINE_CHARS
        and patterns.dateline.match(line) is not None
        and parse_date(line, patterns) is not None
    )
