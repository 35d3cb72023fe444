"""Resolve points in time: dates, months, years, weekdays, days and clock times.

The anchor is the publication date; ``last`` is the period the text spoke of
last ("the third quarter ... a year earlier"). Without an anchor, expressions
that need one get ``None`` and explicit but year-less dates keep ``XXXX``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dateline.times._calendar import Ref, is_valid_day, nearest_weekday, shift
from dateline.times._lexicon import Lexicon
from dateline.times._recognize import Candidate

__all__ = [
    "AHEAD",
    "BACK",
    "POINT_RESOLVERS",
    "Context",
    "Resolved",
    "as_date",
    "as_derived",
    "direction",
    "pick_year",
    "to_int",
]


@dataclass(frozen=True, slots=True)
class Context:
    """What resolution knows: the anchor (publication date), the verb's tense, the last period mentioned.

    ``last_period`` is the last quarter or half-year mentioned: business news compares with "a year ago"
    meaning that quarter a year earlier.
    """

    anchor: dt.date | None
    lex: Lexicon
    tense: str = "none"
    last: Ref | None = None
    last_period: Ref | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A value, its TIMEX3 type, and the period it names (for later relative expressions)."""

    value: str | None
    type: str = "DATE"
    ref: Ref | None = None


_NONE = Resolved(None)
BACK = {"last", "past", "previous", "the previous"}
AHEAD = {"next", "coming", "following", "the following"}


def as_date(ref: Ref | None, type_: str = "DATE") -> Resolved:
    """The value of a period that later relative expressions may refer to."""
    return Resolved(None if ref is None else ref.value(), type_, ref)


def as_derived(ref: Ref | None) -> Resolved:
    """The value of a period computed from an earlier one ("a year earlier"): not a reference for what follows."""
    return Resolved(None if ref is None else ref.value(), "DATE", None)


#: Tenses that put a bare weekday after the anchor ("will meet Monday", "meet Monday", "until Tuesday").
WEEKDAY_AHEAD_TENSES = frozenset({"future", "ahead"})


def direction(ctx: Context) -> int:
    return {"past": -1, "future": 1}.get(ctx.tense, 0)


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_TEENS = ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPELLED = {
    **{w: i for i, w in enumerate(_UNITS + _TEENS)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS)},
    "oh": 0,
}


def _spelled_year(words: list[str]) -> int:
    """ "nineteen ninety six" -> 1996, "two thousand and one" -> 2001 (0 when not a year)."""
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPELLED.get(w, 0) for w in words[2:])
    if len(words) >= 2 and words[0] in ("nineteen", "twenty"):
        rest = 0 if words[1] == "hundred" else sum(_SPELLED.get(w, 0) for w in words[1:])
        return _SPELLED[words[0]] * 100 + rest
    return 0


def to_int(text: str | None) -> int:
    """The number in a numeral or a spelled-out year; 0 when there is none."""
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    if digits:
        return int(digits)
    return _spelled_year((text or "").lower().replace("-", " ").replace(" and ", " ").split())


#: How far ahead (days) a year-less date with no telling tense may lie before it is read as past: in
#: TBAQ-cleaned, gold dates ahead of publication fall mostly within four months, past ones spread over the year.
FUTURE_WINDOW_DAYS = 120

#: A year-less day this close to the anchor is taken in the anchor's year whatever the tense ("was to
#: meet on July 8" in a July 7 article): a report of the next or last days is likelier than a year off.
NEAR_DAYS = 30


def pick_year(ctx: Context, month: int, day: int | None, rel: str | None = None) -> int | None:
    """The year of a year-less month (``day`` None) or day: by ``rel`` (last/next/this), else the tense.

    In the past tense the date is on or before the anchor, in the future on or after it; with no telling
    tense it is ahead only when within ``FUTURE_WINDOW_DAYS``. A month-only date counts its whole month.
    """
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    options = [y for y in (a.year - 1, a.year, a.year + 1) if is_valid_day(y, month, day or 1)]
    if not options:
        return None

    def gap(y: int) -> int:
        if day is None:
            return ((y - a.year) * 12 + month - a.month) * 30
        return (dt.date(y, month, day) - a).days

    way = {"this": 2}.get(rel or "", -1 if rel in BACK else 1 if rel in AHEAD else direction(ctx))
    strict = rel in BACK or rel in AHEAD
    if way == 2:
        return a.year if a.year in options else None
    near = [y for y in options if abs(gap(y)) <= NEAR_DAYS]
    if near and day is not None and not strict:
        return near[0]
    if way < 0:
        before = [y for y in options if gap(y) < 0 or (gap(y) == 0 and not strict)]
        return max(before) if before else min(options)
    ahead = [y for y in options if gap(y) > 0 or (gap(y) == 0 and not strict)]
    if way > 0:
        return min(ahead) if ahead else max(options)
    if ahead and gap(min(ahead)) <= FUTURE_WINDOW_DAYS:
        return min(ahead)
    before = [y for y in options if gap(y) <= 0]
    return max(before) if before else min(options)


def _month_num(c: Candidate, ctx: Context) -> int:
    return ctx.lex.months[(c.get("month") or "").rstrip(".")]


def _full_date(c: Candidate, ctx: Context) -> Resolved:
    month, day = _month_num(c, ctx), to_int(c.get("day"))
    year = to_int(c.get("year")) or pick_year(ctx, month, day, c.get("rel"))
    if not is_valid_day(year or 0, month, day):
        return _NONE
    if year is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}")
    return as_date(Ref("D", dt.date(year, month, day)))


def _numeric_date(c: Candidate, ctx: Context) -> Resolved:
    year, month, day = to_int(c.get("year")), to_int(c.get("mon")), to_int(c.get("day"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    if not is_valid_day(year, month, day):
        return _NONE
    return as_date(Ref("D", dt.date(year, month, day)))


def _month(c: Candidate, ctx: Context) -> Resolved:
    month = _month_num(c, ctx)
    year = to_int(c.get("year")) or pick_year(ctx, month, None, c.get("rel"))
    if c.get("yrel") and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[c.get("yrel") or "this"]
    if year is None:
        return Resolved(f"XXXX-{month:02d}")
    return as_date(Ref("M", dt.date(year, month, 1)))


def _year(c: Candidate, ctx: Context) -> Resolved:
    return as_date(Ref("Y", dt.date(to_int(c.get("year")), 1, 1)))


def _decade(c: Candidate, ctx: Context) -> Resolved:
    year = to_int(c.get("dec")) or 1900 + to_int(c.get("short"))
    return as_date(Ref("DE", dt.date(year, 1, 1)))


def _weekday_date(ctx: Context, weekday: int, rel: str | None) -> dt.date | None:
    if ctx.anchor is None:
        return None
    if rel in ("previous", "following") and ctx.last is not None and ctx.last.gran == "D":
        # "down 4.5% from the previous Friday": the one before the day just spoken of
        return nearest_weekday(ctx.last.date, weekday, -1 if rel == "previous" else 1, inclusive=False)
    if rel in BACK:
        return nearest_weekday(ctx.anchor, weekday, -1, inclusive=False)
    if rel in AHEAD:
        return nearest_weekday(ctx.anchor, weekday, 1, inclusive=False)
    if rel == "this":
        return nearest_weekday(ctx.anchor, weekday, 0)
    # News reports what happened: a weekday is the last one (or the day itself) unless a verb looks ahead.
    ahead = ctx.tense in WEEKDAY_AHEAD_TENSES
    return nearest_weekday(ctx.anchor, weekday, 1 if ahead else -1)


def _with_pod(ref: Ref | None, pod: str | None, ctx: Context, unknown: str) -> Resolved:
    if pod is None:
        return as_date(ref) if ref is not None else Resolved(None if unknown == "" else unknown)
    code = ctx.lex.parts_of_day.get(pod, "")
    base = ref.value() if ref is not None else unknown
    return Resolved(f"{base}T{code}" if base and code else None, "TIME", ref)


def _weekday(c: Candidate, ctx: Context) -> Resolved:
    weekday = ctx.lex.weekdays[c.get("wd") or ""]
    day = _weekday_date(ctx, weekday, c.get("rel"))
    ref = None if day is None else Ref("D", day)
    return _with_pod(ref, c.get("pod"), ctx, f"XXXX-WXX-{weekday}")


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _deictic(c: Candidate, ctx: Context) -> Resolved:
    word = c.get("word") or ""
    ref = None if ctx.anchor is None else shift(Ref("D", ctx.anchor), _DEICTIC[word], "D")
    pod = c.get("pod") or ("night" if word == "tonight" else None)
    return _with_pod(ref, pod, ctx, "")


_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}


def _time_code(c: Candidate, ctx: Context) -> str | None:
    """The time-of-day part of a value ("06:00", "MO"), or None."""
    pod = c.get("pod")
    if c.rule == "pod":
        return _CLOCK_WORDS.get(pod or "") or ctx.lex.parts_of_day.get(pod or "")
    hour = to_int(c.get("hour") or c.get("oclock"))
    minute = to_int(c.get("min"))
    ampm = (c.get("ampm") or "").replace(".", "").replace(" ", "")
    if (hour > 12 and ampm) or hour > 24:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _pod(c: Candidate, ctx: Context) -> Resolved:
    code = _time_code(c, ctx)
    if code is None or ctx.anchor is None:
        return Resolved(None, "TIME")
    if c.get("rel") == "last":
        ref = shift(Ref("D", ctx.anchor), -1, "D")
    elif c.get("rel") in (None, "the") and ctx.last is not None and ctx.last.gran == "D":
        ref = ctx.last  # "in the morning", "at 10:35 a.m.": on the day just spoken of
    else:
        ref = Ref("D", ctx.anchor)
    return Resolved(f"{ref.value()}T{code}", "TIME", ref)


def clock_day(c: Candidate, ctx: Context) -> Resolved:
    """A clock time or part of day joined to a day ("10 p.m. Wednesday")."""
    time_part, day_part = c.parts
    code = _time_code(time_part, ctx)
    day = POINT_RESOLVERS[day_part.rule](day_part, ctx)
    if code is None or day.value is None:
        return Resolved(None, "TIME")
    return Resolved(f"{day.value.split('T')[0]}T{code}", "TIME", day.ref)


POINT_RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "iso": _numeric_date,
    "slash": _numeric_date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "weekday": _weekday,
    "deictic": _deictic,
    "pod": _pod,
    "clock": _pod,
    "clock_day": clock_day,
}
