"""Resolve relative periods, durations, sets, reference words and holidays to TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.times._calendar import Ref, last_complete_quarter, season_of, season_ref, shift
from dateline.times._lexicon import Lexicon
from dateline.times._points import AHEAD, BACK, Context, Resolved, as_date, as_derived, direction, pick_year, to_int
from dateline.times._recognize import Candidate

__all__ = ["SPAN_RESOLVERS", "duration_value", "parse_number"]

_NONE = Resolved(None)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SPACES = re.compile(r"\s+")
_TIME_UNITS = {"S": "S", "MIN": "M", "H": "H"}
#: Units a "half" turns into: (amount, unit) for half of one unit.
_HALVES = {"MIN": (30, "S"), "H": (30, "MIN"), "D": (12, "H"), "Y": (6, "M")}


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def parse_number(text: str | None, lex: Lexicon) -> float | None:
    """The number a word or numeral stands for; None for vague ones ("several", "a few")."""
    word = _norm(text).replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in ("a half", "half a", "half an"):
        return 0.5
    if word == "a couple of":
        return 2.0
    if word in lex.numbers:
        return float(lex.numbers[word])
    tens, _, ones = word.partition(" ")
    if tens in _TENS and ones in _ONES:
        return float(_TENS[tens] + _ONES[ones])
    return None


def _unit(word: str | None, lex: Lexicon) -> str:
    word = (word or "").rstrip("s")
    return "CE" if word.startswith("centur") else lex.units.get(word, "D")


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration ("P2W", "PT6H", "P2Y6M", "PXY") of ``n`` units (None: unknown amount)."""
    if unit in ("WE", "FN", "DE", "CE"):
        factor, unit = {"WE": (2, "D"), "FN": (2, "W"), "DE": (10, "Y"), "CE": (100, "Y")}[unit]
        n = None if n is None else n * factor
    if n is not None and n % 1 == 0.5 and unit in _HALVES:
        half, small = _HALVES[unit]
        rest = duration_value(float(half), small)
        if n < 1:
            return rest
        whole, body = duration_value(n - 0.5, unit), rest[1:]
        return whole + (body[1:] if "T" in whole and body.startswith("T") else body)
    amount = "X" if n is None else _fmt(n)
    if unit in _TIME_UNITS:
        return f"PT{amount}{_TIME_UNITS[unit]}"
    return f"P{amount}{unit}"


def _anchor_ref(ctx: Context) -> Ref | None:
    return None if ctx.anchor is None else Ref("D", ctx.anchor)


def _at(ref: Ref, gran: str) -> Ref:
    """The period of granularity ``gran`` that holds ``ref``."""
    return season_of(ref.date) if gran == "S" else Ref(gran, ref.date)


def _season_rel(code: str, rel: str, ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return _NONE
    current = season_of(ctx.anchor)
    target = season_ref(code, current.date.year)
    if rel in BACK and target.date >= current.date:
        target = season_ref(code, current.date.year - 1)
    elif rel in AHEAD and target.date <= current.date:
        target = season_ref(code, current.date.year + 1)
    return as_date(target)


def _relative(c: Candidate, ctx: Context) -> Resolved:
    word, rel, the = c.get("unit") or "", _norm(c.get("rel")), c.get("the") is not None
    if word in ctx.lex.seasons:
        return _season_rel(ctx.lex.seasons[word], rel, ctx)
    unit = _unit(word, ctx.lex)
    if unit in _TIME_UNITS:
        return Resolved(duration_value(1, unit), "DURATION")
    # "the past year" is annotated like "last year" in TimeBank; "that day", "the next day" and
    # "the following week" count from the period spoken of last, "this"/"current" from the anchor.
    bare = rel.removeprefix("the ")
    from_last = bare in ("that", "same", "following", "previous") or (the and bare in ("next", "coming"))
    base = (ctx.last or _anchor_ref(ctx)) if from_last else _anchor_ref(ctx)
    if base is None:
        return _NONE
    amount = -1 if bare in BACK else 1 if bare in AHEAD else 0
    gran = "W" if unit == "FN" else unit
    return as_date(shift(_at(base, gran), amount, gran))


def _season(c: Candidate, ctx: Context) -> Resolved:
    code = ctx.lex.seasons[c.get("season") or ""]
    year = to_int(c.get("year"))
    if year:
        return as_date(season_ref(code, year))
    if ctx.anchor is None:
        return Resolved(f"XXXX-{code}")
    current = season_of(ctx.anchor)
    target = season_ref(code, current.date.year)
    if direction(ctx) < 0 and target.date > current.date:
        target = season_ref(code, current.date.year - 1)
    elif direction(ctx) > 0 and target.date < current.date:
        target = season_ref(code, current.date.year + 1)
    return as_date(target)


def _century(c: Candidate, ctx: Context) -> Resolved:
    nth = to_int(c.get("nth"))
    return Resolved(f"{nth - 1:02d}") if 1 <= nth <= 100 else _NONE


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def _decade_word(c: Candidate, ctx: Context) -> Resolved:
    return Resolved(f"19{_DECADE_WORDS.index(c.get('word') or 'nineties') + 2}")


def _quarter(c: Candidate, ctx: Context) -> Resolved:
    n, half = ctx.lex.ordinals.get(c.get("ord") or "", 0), c.get("unit") == "half"
    if c.get("ord") == "last":
        if not half:
            return _NONE if ctx.anchor is None else as_date(last_complete_quarter(ctx.anchor))
        n = 2
    per = 6 if half else 3
    if not 1 <= n <= 12 // per:
        return _NONE
    year = to_int(c.get("year")) or to_int(c.get("year2")) or None
    if year is None and ctx.anchor is None:
        return Resolved(f"XXXX-{'H' if half else 'Q'}{n}")
    shifts = {"this": 0, "last": -1, "next": 1}
    if year is None and ctx.anchor is not None and c.get("yrel"):
        year = ctx.anchor.year + shifts[c.get("yrel") or "this"]
    elif year is None and ctx.anchor is not None:
        year = ctx.anchor.year + shifts.get(c.get("this") or "", 0)
        current = (ctx.anchor.month - 1) // per + 1
        ended = ctx.lex.months.get((c.get("emonth") or "").rstrip("."))
        if ended and not c.get("this"):
            # "the fourth quarter ended Aug. 26": a fiscal quarter, in the year of the month it ended
            year = ctx.anchor.year - (ended > ctx.anchor.month)
        # A quarter not yet over is last year's when spoken of in the past tense.
        elif not c.get("this") and n >= current + (0 if direction(ctx) < 0 else 1) and direction(ctx) <= 0:
            year -= 1
    if c.get("rel") in ("year-earlier", "year-ago") and year is not None:
        year -= 1
    if year is None or not 1 <= year <= 9999:
        return _NONE
    return as_date(Ref("H" if half else "Q", dt.date(year, (n - 1) * per + 1, 1)))


_PERIODIC = ("Q", "H", "M", "S", "Y")
#: The coarsest reference a shift by each unit can start from ("a day earlier" needs a day).
_FINEST = {"D": "D", "W": "D", "FN": "D", "WE": "D", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y"}
_AT_LEAST = {"D": ("D", "M", "Q", "Y"), "W": ("M", "Q", "Y"), "M": ("M", "Q", "Y"), "Q": ("Q", "Y"), "H": ("Y",),
             "S": ("Y",), "Y": ("Y",)}


def _previous_period(ctx: Context) -> Ref | None:
    """The quarter (or other period) the text spoke of last, else the last complete quarter before the anchor."""
    if ctx.last_period is not None:
        return ctx.last_period
    if ctx.last is not None and ctx.last.gran in _PERIODIC:
        return ctx.last
    return None if ctx.anchor is None else last_complete_quarter(ctx.anchor)


def _period(c: Candidate, ctx: Context) -> Resolved:
    rel, unit = c.get("rel") or "", c.get("unit") or ""
    if unit == "year" and c.get("ended"):
        return Resolved("P1Y", "DURATION")
    gran = {"quarter": "Q", "half": "H", "year": "Y", "month": "M", "week": "W"}.get(unit)
    if rel in ("latest", "current", "fiscal", "full"):
        if ctx.anchor is None:
            return _NONE
        if (unit == "quarter" and rel == "latest") or unit == "period":
            return as_date(last_complete_quarter(ctx.anchor))
        return as_date(Ref(gran or "Q", ctx.anchor))
    base = _previous_period(ctx)
    if base is None:
        return _NONE
    if gran is not None and base.gran != gran:
        base = _at(base, gran)
    if rel in ("previous", "prior"):
        return as_derived(shift(base, -1, base.gran))
    back = rel not in ("same", "corresponding") or c.get("yrel") == "last"
    return as_derived(shift(base, -1, "Y") if back else base)


def _the_unit(c: Candidate, ctx: Context) -> Resolved:
    unit = c.get("unit") or ""
    if unit == "year" and c.get("ended"):
        return Resolved("P1Y", "DURATION")
    if ctx.anchor is None:
        return _NONE
    if unit == "quarter":
        return as_date(ctx.last_period or last_complete_quarter(ctx.anchor))
    if unit == "weekend":
        week = Ref("WE", ctx.anchor)
        past = direction(ctx) < 0 and ctx.anchor.isoweekday() < 6
        return as_date(shift(week, -1, "W") if past else week)
    gran = {"year": "Y", "week": "W", "month": "M"}[unit]
    if ctx.last is not None and ctx.last.gran == gran:
        return as_date(ctx.last)
    return as_date(Ref(gran, ctx.anchor))


def _offset(n: float | None, unit: str, way: str, ctx: Context) -> Resolved:
    """A point ``n`` units before or after the anchor ("two days ago") or the last period ("a year earlier")."""
    back = way in ("ago", "earlier", "before")
    if n is None:
        return Resolved("PAST_REF" if back else "FUTURE_REF")
    from_anchor = way in ("ago", "from now", "hence")
    base = _anchor_ref(ctx)
    if not from_anchor and ctx.last is not None and _FINEST.get(unit, "Y") in _AT_LEAST.get(ctx.last.gran, ()):
        base = ctx.last
    if unit == "Y" and ctx.last_period is not None:
        base = ctx.last_period
    if base is None:
        return _NONE
    if unit in _TIME_UNITS:
        return as_date(Ref("D", base.date))
    amount = max(1, round(n)) * (-1 if back else 1)
    step, gran = {"W": ("W", "D"), "FN": ("W", "D"), "WE": ("W", "WE"), "DE": ("DE", "Y"), "CE": ("CE", "Y")}.get(
        unit, (unit, unit)
    )
    if unit == "FN":
        amount *= 2
    if unit == "Y" and base.gran in ("Q", "H"):
        gran = base.gran
    moved = shift(Ref(gran, base.date), amount, step)
    return as_date(moved) if from_anchor and base.gran == "D" else as_derived(moved)


def _duration(c: Candidate, ctx: Context) -> Resolved:
    n, unit = parse_number(c.get("num"), ctx.lex), _unit(c.get("unit"), ctx.lex)
    if n is not None and (c.get("half") or c.get("half2")):
        n += 0.5
    way = _norm(c.get("dir"))
    if way:
        return _offset(n, unit, way, ctx)
    return Resolved(duration_value(n, unit), "DURATION")


def _long(c: Candidate, ctx: Context) -> Resolved:
    """ "a day-long meeting", "decades-long": a duration."""
    n = parse_number(c.get("num"), ctx.lex) if c.get("num") else None if c.get("plural") else 1.0
    return Resolved(duration_value(n, _unit(c.get("unit"), ctx.lex)), "DURATION")


def _vague(c: Candidate, ctx: Context) -> Resolved:
    # "recent years" is a past reference; "recent weeks" or "months" a stretch of them (TimeBank).
    if c.get("rel") == "recent" and (c.get("unit") or "").startswith(("year", "decade")):
        return Resolved("PAST_REF")
    return Resolved(duration_value(None, _unit(c.get("unit"), ctx.lex)), "DURATION")


def _ago_adj(c: Candidate, ctx: Context) -> Resolved:
    word = c.get("word") or ""
    if ctx.anchor is None:
        return _NONE
    if word == "year-end":
        return as_date(Ref("D", dt.date(ctx.anchor.year, 12, 31)))
    if word.endswith("end"):
        return as_date(Ref("Y", ctx.anchor))
    return as_derived(shift(ctx.last_period or Ref("Y", ctx.anchor), -1, "Y"))


def _year_period(c: Candidate, ctx: Context) -> Resolved:
    """ "The 1988 quarter": the quarter spoken of, in the year given."""
    year = to_int(c.get("year"))
    base = _previous_period(ctx)
    if base is None or not 1 <= year <= 9999:
        return as_date(Ref("Y", dt.date(year, 1, 1))) if 1 <= year <= 9999 else _NONE
    return as_derived(Ref(base.gran, base.date.replace(year=year, day=1), base.code))


def _ref(c: Candidate, ctx: Context) -> Resolved:
    return Resolved(ctx.lex.refs.get(_norm(c.surface)))


def _set(c: Candidate, ctx: Context) -> Resolved:
    if c.get("wd"):
        return Resolved(f"XXXX-WXX-{ctx.lex.weekdays[c.get('wd') or '']}", "SET")
    if c.get("pod"):
        return Resolved(f"XXXX-XX-XXT{ctx.lex.parts_of_day[c.get('pod') or '']}", "SET")
    num = c.get("num")
    n = 2.0 if num == "other" else parse_number(num, ctx.lex) if num else 1.0
    return Resolved(duration_value(n, _unit(c.get("unit"), ctx.lex)), "SET")


def _setword(c: Candidate, ctx: Context) -> Resolved:
    return Resolved(ctx.lex.sets.get(_norm(c.surface)), "SET")


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> int:
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
    if nth < 0:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = last - (dt.date(year, month, last).isoweekday() - weekday) % 7
    return day


def _holiday(c: Candidate, ctx: Context) -> Resolved:
    spec = ctx.lex.holidays[_norm(c.get("name"))]
    year = to_int(c.get("year")) or pick_year(ctx, spec.month, spec.day or 15)
    if year is None:
        return Resolved(f"XXXX-{spec.month:02d}-{spec.day:02d}" if spec.day else None)
    day = spec.day or _nth_weekday(year, spec.month, spec.weekday or 1, spec.nth or 1)
    return as_date(Ref("D", dt.date(year, spec.month, day)))


SPAN_RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "relative": _relative,
    "season": _season,
    "century": _century,
    "decade_word": _decade_word,
    "quarter": _quarter,
    "period": _period,
    "year_period": _year_period,
    "the_unit": _the_unit,
    "duration": _duration,
    "long": _long,
    "vague": _vague,
    "ago_adj": _ago_adj,
    "ref": _ref,
    "set": _set,
    "setword": _setword,
    "holiday": _holiday,
}
