"""Resolve points in time: dates, months, years, weekdays, days and clock times.

The anchor is the publication date; ``last`` is the period the text spoke of
last ("the third quarter ... a year earlier"). Without an anchor, expressions
that need one get ``None`` and explicit but year-less dates keep ``XXXX``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.times._calendar import Ref, is_as_fine, is_valid_day, nearest_weekday, shift
from dateline.times._lexicon import Lexicon
from dateline.times._recognize import Candidate

__all__ = [
    "POINT_RESOLVERS",
    "Context",
    "Resolved",
    "as_date",
    "as_derived",
    "direction",
    "norm_spaces",
    "pick_year",
    "to_int",
    "year_of",
]

_SPACES = re.compile(r"\s+")


def norm_spaces(text: str | None) -> str:
    """``text`` with each run of white space one space, none at its ends ("" for None): a lexicon key."""
    return _SPACES.sub(" ", text or "").strip()


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
    year: int | None = None  # the year the dated end of a range gives ("November 12 and into November 13, 2022")
    earlier: tuple[Ref, ...] = ()  # every date and time resolved before, in reading order (``last`` is the last)

    def antecedent(self, unit: str) -> Ref | None:
        """The last date before the expression precise enough to name a ``unit`` ("the same day" needs a day,
        "that week" a day or a week), or None: a year gives no day."""
        return next((ref for ref in reversed(self.earlier) if is_as_fine(ref.gran, unit)), None)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A value, its TIMEX3 type, and the period it names (for later relative expressions)."""

    value: str | None
    type: str = "DATE"
    ref: Ref | None = None


_NONE = Resolved(None)


def as_date(ref: Ref | None, type_: str = "DATE") -> Resolved:
    """The value of a period that later relative expressions may refer to."""
    return Resolved(None if ref is None else ref.value(), type_, ref)


def as_derived(ref: Ref | None) -> Resolved:
    """The value of a period computed from an earlier one ("a year earlier"): not a reference for what follows."""
    return Resolved(None if ref is None else ref.value(), "DATE", None)


#: Tenses that put a bare weekday after the anchor ("will meet Monday", "the leaders meet Monday", "until
#: Tuesday"): a weekday in the simple present is a schedule. Not "reported", a present inside a clause told in
#: the past, where the parse often hangs the telling's weekday on the told verb ("police said on Monday they
#: believe").
WEEKDAY_AHEAD_TENSES = frozenset({"future", "ahead", "present"})


def direction(ctx: Context) -> int:
    return {"past": -1, "future": 1}.get(ctx.tense, 0)


def _spelled_year(words: list[str], lex: Lexicon) -> int:
    """ "nineteen ninety six" -> 1996, "two thousand one" -> 2001 (0 when not a year)."""
    for phrase, value in lex.year_thousands.items():
        opening = phrase.split()
        if words[: len(opening)] == opening:
            return value + sum(lex.number_parts.get(w, 0) for w in words[len(opening) :])
    if len(words) >= 2 and words[0] in lex.year_centuries:
        hundreds = words[1] in lex.words["year_hundreds"]
        rest = 0 if hundreds else sum(lex.number_parts.get(w, 0) for w in words[1:])
        return lex.year_centuries[words[0]] * 100 + rest
    return 0


def to_int(text: str | None) -> int:
    """The number in a numeral ("1990", "7th"); 0 when there is none."""
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    return int(digits) if digits else 0


def year_of(text: str | None, lex: Lexicon) -> int:
    """The year in a numeral or a spelled-out year ("nineteen ninety-six"); 0 when there is none."""
    digits = to_int(text)
    if digits or not text:
        return digits
    words = text.lower().replace("-", " ").split()
    return _spelled_year([w for w in words if w not in lex.words["number_joiners"]], lex)


#: How far ahead (days) a year-less date with no telling tense may lie before it is read as past: in
#: TBAQ-cleaned, gold dates ahead of publication fall mostly within four months, past ones spread over the year.
FUTURE_WINDOW_DAYS = 120

#: A year-less day this close to the anchor is taken in the anchor's year whatever the tense ("was to
#: meet on July 8" in a July 7 article): a report of the next or last days is likelier than a year off.
NEAR_DAYS = 30


#: Tenses that put a year-less month on or after the anchor's month, however far ahead ("would meet in
#: September", "until September"): the FUTURE_WINDOW_DAYS guess is for a month with no telling tense.
MONTH_AHEAD_TENSES = frozenset({"ahead", "near", "present", "reported"})

#: Tenses that put a year-less day on or after the anchor, however far ahead: what is arranged ("closed until
#: July 4") and the simple present of a schedule ("the law takes effect on July 1" written in January). A day
#: arranged in a past telling ("near") keeps the window: it may have passed since.
DAY_AHEAD_TENSES = frozenset({"ahead", "present", "reported"})

#: Days a month counts for when a month-only date is compared with the anchor.
_DAYS_PER_MONTH = 30


def _gaps(anchor: dt.date, month: int, day: int | None) -> dict[int, int]:
    """For the years around ``anchor`` in which the date exists, how many days it lies after the anchor
    (before: negative); a month-only date (``day`` None) counts its whole month."""
    gaps: dict[int, int] = {}
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not dt.MINYEAR <= year <= dt.MAXYEAR or not is_valid_day(year, month, day or 1):
            continue
        if day is None:
            gaps[year] = ((year - anchor.year) * 12 + month - anchor.month) * _DAYS_PER_MONTH
        else:
            gaps[year] = (dt.date(year, month, day) - anchor).days
    return gaps


def _towards(gaps: dict[int, int], way: int, inclusive: bool) -> int:
    """The nearest year whose date lies before (``way`` < 0) or after the anchor (on it too when ``inclusive``),
    else the farthest the other way."""
    if way < 0:
        before = [y for y, g in gaps.items() if g < 0 or (inclusive and g == 0)]
        return max(before) if before else min(gaps)
    ahead = [y for y, g in gaps.items() if g > 0 or (inclusive and g == 0)]
    return min(ahead) if ahead else max(gaps)


def pick_year(ctx: Context, month: int, day: int | None, rel: str | None = None) -> int | None:
    """The year of a year-less month (``day`` None) or day: by ``rel`` (a relative word), else the tense.

    "last" and "next" put the date strictly before or after the anchor, "this" in its year; a day within
    ``NEAR_DAYS`` keeps the anchor's year whatever the tense; otherwise in the past tense the date is on
    or before the anchor, in the future, the simple present and what was arranged on or after it, and with
    no telling tense it is ahead only when within ``FUTURE_WINDOW_DAYS``.
    """
    if ctx.anchor is None:
        return None
    gaps = _gaps(ctx.anchor, month, day)
    if not gaps:
        return None
    shift = ctx.lex.relative(rel)
    if shift == 0 and not ctx.lex.anaphoric(rel):  # "this July": the one of the year of publication
        return ctx.anchor.year if ctx.anchor.year in gaps else None
    if shift:  # "last July 4", "next March"
        return _towards(gaps, shift, inclusive=False)
    near = [y for y, g in gaps.items() if abs(g) <= NEAR_DAYS]
    if near and day is not None:
        return near[0]
    if direction(ctx):
        return _towards(gaps, direction(ctx), inclusive=True)
    if ctx.tense in (MONTH_AHEAD_TENSES if day is None else DAY_AHEAD_TENSES):
        return _towards(gaps, 1, inclusive=True)  # "to fund the government through September" written in January
    ahead = min((y for y, g in gaps.items() if g >= 0), default=None)
    if ahead is not None and gaps[ahead] <= FUTURE_WINDOW_DAYS:
        return ahead
    return _towards(gaps, -1, inclusive=True)


def _month_num(c: Candidate, ctx: Context) -> int:
    return ctx.lex.months[(c.get("month") or "").rstrip(".")]


def _full_date(c: Candidate, ctx: Context) -> Resolved:
    month, day = _month_num(c, ctx), to_int(c.get("day"))
    year = year_of(c.get("year"), ctx.lex) or ctx.year or pick_year(ctx, month, day, c.get("rel"))
    if not is_valid_day(year or 0, month, day):
        return _NONE
    if year is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}")
    return as_date(Ref("D", dt.date(year, month, day)))


#: Two-digit years up to this one are read in the 2000s, later ones in the 1900s ("12/05/98" is 1998,
#: "3/4/17" 2017): news dated from the 1930s to the 2030s, TimeBank's 1989-1998 articles among them.
TWO_DIGIT_YEAR_PIVOT = 30


def _numeric_date(c: Candidate, ctx: Context) -> Resolved:
    year, month, day = to_int(c.get("year")), to_int(c.get("mon")), to_int(c.get("day"))
    if year < 100:
        year += 1900 if year > TWO_DIGIT_YEAR_PIVOT else 2000
    if not is_valid_day(year, month, day):
        return _NONE
    return as_date(Ref("D", dt.date(year, month, day)))


def _month(c: Candidate, ctx: Context) -> Resolved:
    month = _month_num(c, ctx)
    year = year_of(c.get("year"), ctx.lex) or ctx.year or pick_year(ctx, month, None, c.get("rel"))
    shift = ctx.lex.relative(c.get("yrel"))
    if shift is not None and ctx.anchor is not None:
        year = ctx.anchor.year + shift
    if year is None:
        return Resolved(f"XXXX-{month:02d}")
    return as_date(Ref("M", dt.date(year, month, 1)))


def _year(c: Candidate, ctx: Context) -> Resolved:
    return as_date(Ref("Y", dt.date(year_of(c.get("year"), ctx.lex), 1, 1)))


#: The century of a decade written with two digits ("the '90s"): the twentieth. The two in TBAQ-cleaned and
#: the Wikinews corpus ("the '70s", "the '80s") are; "the '20s" of recent news would not be.
SHORT_DECADE_CENTURY = 1900


def _decade(c: Candidate, ctx: Context) -> Resolved:
    year = to_int(c.get("dec")) or SHORT_DECADE_CENTURY + to_int(c.get("short"))
    return as_date(Ref("DE", dt.date(year, 1, 1)))


def _weekday_date(ctx: Context, weekday: int, rel: str | None) -> dt.date | None:
    if ctx.anchor is None:
        return None
    shift = ctx.lex.relative(rel)
    if shift and ctx.lex.anaphoric(rel):
        # "down 4.5% from the previous Friday": the one before the day just spoken of (none: no day)
        day = ctx.antecedent("D")
        return None if day is None else nearest_weekday(day.date, weekday, shift, inclusive=False)
    if shift:
        return nearest_weekday(ctx.anchor, weekday, shift, inclusive=False)
    if shift == 0:
        return nearest_weekday(ctx.anchor, weekday, 0)
    if ctx.tense == "near":  # arranged in the past: the nearest such day, before or after the telling
        return nearest_weekday(ctx.anchor, weekday, 0)
    # News reports what happened: a weekday is the last one (or the day itself) unless a verb looks ahead.
    ahead = ctx.tense in WEEKDAY_AHEAD_TENSES
    return nearest_weekday(ctx.anchor, weekday, 1 if ahead else -1)


def _with_pod(ref: Ref | None, code: str | None, unknown: str) -> Resolved:
    """A day with the part of the day ``code`` (TIMEX3 "MO", "NI"...; None: none) as a TIME."""
    if code is None:
        return as_date(ref) if ref is not None else Resolved(None if unknown == "" else unknown)
    base = ref.value() if ref is not None else unknown
    return Resolved(f"{base}T{code}" if base and code else None, "TIME", ref)


def _pod_code(c: Candidate, ctx: Context) -> str | None:
    """The TIMEX3 code of a candidate's part of the day ("MO"), or None without one."""
    pod = c.get("pod")
    return None if pod is None else ctx.lex.parts_of_day.get(pod, "")


def _weekday(c: Candidate, ctx: Context) -> Resolved:
    weekday = ctx.lex.weekdays[c.get("wd") or ""]
    day = _weekday_date(ctx, weekday, c.get("rel"))
    ref = None if day is None else Ref("D", day)
    return _with_pod(ref, _pod_code(c, ctx), f"XXXX-WXX-{weekday}")


def _deictic(c: Candidate, ctx: Context) -> Resolved:
    word = c.get("word") or ""
    ref = None if ctx.anchor is None else shift(Ref("D", ctx.anchor), ctx.lex.deictic_days[word], "D")
    code = _pod_code(c, ctx) or ctx.lex.deictic_parts_of_day.get(word)
    return _with_pod(ref, code, "")


def _time_code(c: Candidate, ctx: Context) -> str | None:
    """The time-of-day part of a value ("06:00", "MO"), or None."""
    pod = c.get("pod")
    if c.rule == "pod":
        return ctx.lex.clock_words.get(pod or "") or ctx.lex.parts_of_day.get(pod or "")
    hour = to_int(c.get("hour") or c.get("oclock"))
    minute = to_int(c.get("min"))
    marker = c.get("ampm")
    added = None if marker is None else ctx.lex.meridiems.get(marker.replace(".", "").replace(" ", ""))
    if (hour > 12 and marker) or hour > 24:
        return None
    if added is not None:
        hour = hour % 12 + added  # "12 a.m." is midnight, "12 p.m." noon
    return f"{hour:02d}:{minute:02d}"


def _pod(c: Candidate, ctx: Context) -> Resolved:
    code = _time_code(c, ctx)
    if code is None or ctx.anchor is None:
        return Resolved(None, "TIME")
    rel = c.get("rel")
    key = rel.split()[-1] if rel else None  # "later that" -> "that", "the next" -> "next"
    if ctx.lex.anaphoric(key) or (key != rel and ctx.lex.relative(key) == 1):
        # "that night", "the next morning": on the last day spoken of, or the one after; none without one
        day = ctx.antecedent("D")
        if day is None:
            return Resolved(None, "TIME")
        ref = shift(Ref("D", day.date), ctx.lex.relative(key) or 0, "D")
    elif ctx.lex.relative(rel) == -1:
        ref = shift(Ref("D", ctx.anchor), -1, "D")
    elif (rel is None or rel in ctx.lex.words["articles"]) and ctx.last is not None and ctx.last.gran == "D":
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


def _named(c: Candidate, ctx: Context) -> Resolved:
    """A day known by its date alone ("9/11"): the lexicon's date."""
    named = ctx.lex.named_dates.get(" ".join(c.surface.split()))
    return _NONE if named is None else as_date(Ref("D", named.date))


POINT_RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "named": _named,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "range_day": _full_date,
    "iso": _numeric_date,
    "slash": _numeric_date,
    "month": _month,
    "year": _year,
    "range_year": _year,
    "decade": _decade,
    "weekday": _weekday,
    "deictic": _deictic,
    "pod": _pod,
    "clock": _pod,
    "clock_day": clock_day,
}
