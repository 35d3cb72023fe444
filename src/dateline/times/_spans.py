"""Resolve relative periods, durations, sets, reference words and holidays to TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.times._calendar import Ref, last_complete_quarter, season_of, season_ref, shift
from dateline.times._holidays import holiday
from dateline.times._lexicon import Lexicon
from dateline.times._month_parts import month_part
from dateline.times._points import Context, Resolved, as_date, as_derived, direction, norm_spaces, to_int, year_of
from dateline.times._recognize import Candidate

__all__ = ["SPAN_RESOLVERS", "duration_value", "parse_number"]

_NONE = Resolved(None)
_TIME_UNITS = {"S": "S", "MIN": "M", "H": "H"}
#: Units too long for "the past ..." to mean the calendar one before: "the past decade" written in 1998 is the last
#: ten years, not the 1980s (TBAQ-cleaned: AQUAINT codes it P10Y; "the past century" of 1989 is no 19th century).
_LONG_UNITS = frozenset({"DE", "CE"})
#: Units a "half" turns into: (amount, unit) for half of one unit.
_HALVES = {"MIN": (30, "S"), "H": (30, "MIN"), "D": (12, "H"), "Y": (6, "M")}


def parse_number(text: str | None, lex: Lexicon) -> float | None:
    """The number a word or numeral stands for; None for vague ones ("several", "a few")."""
    word = norm_spaces(text).replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in lex.words["half_amounts"]:
        return 0.5
    if word in lex.numbers:
        return float(lex.numbers[word])
    tens, _, ones = word.partition(" ")
    ten, one = lex.number_parts.get(tens, 0), lex.number_parts.get(ones, 0)
    if ten >= 20 and ten % 10 == 0 and 1 <= one <= 9:  # "twenty-one"
        return float(ten + one)
    return None


def _unit(word: str | None, lex: Lexicon) -> str:
    """The TIMEX3 unit of a unit word in any form ("years", "centuries"); days for an unknown one."""
    return lex.unit_forms.get(word or "", "D")


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
    way = ctx.lex.relative(rel)
    if way == -1 and target.date >= current.date:
        target = season_ref(code, current.date.year - 1)
    elif way == 1 and target.date <= current.date:
        target = season_ref(code, current.date.year + 1)
    elif way == 0:
        # "this summer" is the year's summer, unless the verb looks ahead to one gone by ("will reopen this
        # summer" written in December is next summer) or back to one still to come ("this winter was mild"
        # written in March is the winter just past, which belongs to the year of its December).
        target = _tensed_season(code, current, target, _season_way(ctx))
    return as_date(target)


def _season_way(ctx: Context) -> int:
    """The side of the telling a season's tense looks to: what was arranged or would be lies ahead too
    ("strikes are planned for this spring" written in November is next spring)."""
    return 1 if ctx.tense == "ahead" else direction(ctx)


def _tensed_season(code: str, current: Ref, target: Ref, ahead: int) -> Ref:
    """The season ``code`` nearest the telling's season ``current`` on the side its tense looks to."""
    if ahead < 0 and target.date > current.date:
        return season_ref(code, current.date.year - 1)
    if ahead > 0 and target.date < current.date:
        return season_ref(code, current.date.year + 1)
    return target


def _relative(c: Candidate, ctx: Context) -> Resolved:
    word, rel, the = c.get("unit") or "", norm_spaces(c.get("rel")), c.get("the") is not None
    if word in ctx.lex.seasons:
        return _season_rel(ctx.lex.seasons[word], rel, ctx)
    unit = _unit(word, ctx.lex)
    if unit in _TIME_UNITS:
        return Resolved(duration_value(1, unit), "DURATION")
    # "the past year" is annotated like "last year" in TimeBank; "that day", "the following week" count
    # from the last date precise enough to name that unit (none: no value), "this"/"current" from the
    # anchor; "the next day", "the coming week" from that date too, or from the anchor when the text
    # spoke of no date before.
    bare = ctx.lex.without_article(rel)
    if unit in _LONG_UNITS and bare in ctx.lex.words["stretch_relatives"]:
        return Resolved(duration_value(1, unit), "DURATION")  # "the past decade": the last ten years
    amount = ctx.lex.relative(bare) or 0
    gran = "W" if unit == "FN" else unit
    anaphoric = ctx.lex.anaphoric(bare)
    base = ctx.antecedent(gran) if anaphoric or (the and amount == 1) else _anchor_ref(ctx)
    if base is None and not anaphoric and not ctx.earlier:
        base = _anchor_ref(ctx)
    if base is None:
        return _NONE
    return as_date(shift(_at(base, gran), amount, gran))


def _season(c: Candidate, ctx: Context) -> Resolved:
    code = ctx.lex.seasons[c.get("season") or ""]
    year = year_of(c.get("year"), ctx.lex)
    if year:
        return as_date(season_ref(code, year))
    if ctx.anchor is None:
        return Resolved(f"XXXX-{code}")
    current = season_of(ctx.anchor)
    return as_date(_tensed_season(code, current, season_ref(code, current.date.year), _season_way(ctx)))


def _century(c: Candidate, ctx: Context) -> Resolved:
    nth = to_int(c.get("nth"))
    return Resolved(f"{nth - 1:02d}") if 1 <= nth <= 100 else _NONE


def _decade_word(c: Candidate, ctx: Context) -> Resolved:
    """ "the sixties" (1960s: "196"); a century word before it sets the century ("the twenty twenties")."""
    year = ctx.lex.decade_words[c.get("word") or ""]
    century = ctx.lex.year_centuries.get(c.get("century") or "")
    if century is not None:
        year = century * 100 + year % 100
    return Resolved(f"{year // 10:03d}")


#: Months in each part of a year counted by an ordinal.
_MONTHS_IN = {"Q": 3, "H": 6}


def _quarter(c: Candidate, ctx: Context) -> Resolved:
    """ "the third quarter", "the first half of 1990", "the last quarter", "the year-earlier second quarter"."""
    unit = ctx.lex.year_parts.get(c.get("unit") or "", "Q")
    n = ctx.lex.ordinals.get(c.get("ord") or "", 0)
    if n < 0:  # "the last quarter" is the last complete one; "the last half" the second
        if unit == "Q":
            return _NONE if ctx.anchor is None else as_date(last_complete_quarter(ctx.anchor))
        n = 2
    per = _MONTHS_IN[unit]
    if not 1 <= n <= 12 // per:
        return _NONE
    year = year_of(c.get("year"), ctx.lex) or year_of(c.get("year2"), ctx.lex) or None
    if year is None and ctx.anchor is None:
        return Resolved(f"XXXX-{unit}{n}")
    if year is None and ctx.anchor is not None:
        year = _quarter_year(c, ctx, ctx.anchor, n, per)
    if c.get("rel") in ctx.lex.words["year_ago_adjectives"] and year is not None:
        year -= 1
    if year is None or not 1 <= year <= 9999:
        return _NONE
    return as_date(Ref(unit, dt.date(year, (n - 1) * per + 1, 1)))


def _quarter_year(c: Candidate, ctx: Context, anchor: dt.date, n: int, per: int) -> int:
    """The year of the ``n``-th quarter or half (``per`` months) given without one."""
    placed = ctx.lex.relative(c.get("yrel"))  # "the second quarter last year"
    if placed is None:
        placed = ctx.lex.relative(c.get("this"))  # "this year's second quarter"
    if placed is not None:
        return anchor.year + placed
    ended = ctx.lex.months.get((c.get("emonth") or "").rstrip("."))
    if ended:
        # "the fourth quarter ended Aug. 26": a fiscal quarter, in the year of the month it ended
        return anchor.year - (ended > anchor.month)
    # A quarter not yet over is last year's when spoken of in the past tense.
    current = (anchor.month - 1) // per + 1
    if n >= current + (0 if direction(ctx) < 0 else 1) and direction(ctx) <= 0:
        return anchor.year - 1
    return anchor.year


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


def _within(c: Candidate, ctx: Context) -> Resolved:
    """ "later in the day", "early in the year": the last period the text named that is precise enough to name
    the unit, or the anchor's when the text named none before (a year alone gives no day: no value)."""
    gran = _unit(c.get("unit"), ctx.lex)
    base = ctx.antecedent(gran) if ctx.earlier else _anchor_ref(ctx)
    return _NONE if base is None else as_date(_at(base, gran))


def _period(c: Candidate, ctx: Context) -> Resolved:
    """ "the year-earlier quarter", "the latest period", "the same month last year" (a reporting period)."""
    which = ctx.lex.period_adjectives.get(c.get("rel") or "")
    gran = ctx.lex.period_units.get(c.get("unit") or "")  # None: a period of unnamed length
    if gran == "Y" and c.get("ended"):
        return Resolved("P1Y", "DURATION")
    if which in ("latest", "current"):
        if ctx.anchor is None:
            return _NONE
        if (gran == "Q" and which == "latest") or gran is None:
            return as_date(last_complete_quarter(ctx.anchor))
        return as_date(Ref(gran, ctx.anchor))
    base = _previous_period(ctx)
    if base is None:
        return _NONE
    if gran is not None and base.gran != gran:
        base = _at(base, gran)
    if which == "previous":
        return as_derived(shift(base, -1, base.gran))
    back = which != "same" or c.get("yrel") is not None
    return as_derived(shift(base, -1, "Y") if back else base)


def _the_unit(c: Candidate, ctx: Context) -> Resolved:
    """ "the quarter", "the weekend", "the year" (ended: a span of a year), "the month"."""
    gran = ctx.lex.units.get(c.get("unit") or "", "D")
    if gran == "Y" and c.get("ended"):
        return Resolved("P1Y", "DURATION")
    if ctx.anchor is None:
        return _NONE
    if gran == "Q":
        return as_date(ctx.last_period or last_complete_quarter(ctx.anchor))
    if gran == "WE":
        week = Ref("WE", ctx.anchor)
        past = direction(ctx) < 0 and ctx.anchor.isoweekday() < 6
        return as_date(shift(week, -1, "W") if past else week)
    if ctx.last is not None and ctx.last.gran == gran:
        return as_date(ctx.last)
    return as_date(Ref(gran, ctx.anchor))


def _offset(n: float | None, unit: str, way: str, ctx: Context) -> Resolved:
    """A point ``n`` units before or after (``way``, a code of the lexicon's ``offsets``) the anchor
    ("two days ago") or the last period ("a year earlier")."""
    back = way.startswith("before")
    from_anchor = way.endswith("_now")
    if n is None and not from_anchor:  # "a few days later": no day to name, the stretch is what is known
        return Resolved(duration_value(n, unit), "DURATION")
    if n is None:
        return Resolved("PAST_REF" if back else "FUTURE_REF")
    base = _anchor_ref(ctx)
    if not from_anchor and ctx.last is not None and _FINEST.get(unit, "Y") in _AT_LEAST.get(ctx.last.gran, ()):
        base = ctx.last
    elif not from_anchor and ctx.earlier:  # "in 2016 ... two days later": from the last day, else none
        base = ctx.antecedent(_FINEST.get(unit, "Y"))
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
    way = ctx.lex.offsets.get(norm_spaces(c.get("dir")))
    if way is not None:
        return _offset(n, unit, way, ctx)
    return Resolved(duration_value(n, unit), "DURATION")


def _the_offset(c: Candidate, ctx: Context) -> Resolved:
    """ "the day before", "the week after": one unit from the period spoken of."""
    way = ctx.lex.offsets.get(norm_spaces(c.get("dir")))
    return _NONE if way is None else _offset(1.0, _unit(c.get("unit"), ctx.lex), way, ctx)


def _long(c: Candidate, ctx: Context) -> Resolved:
    """ "a day-long meeting", "decades-long": a duration."""
    n = parse_number(c.get("num"), ctx.lex) if c.get("num") else None if c.get("plural") else 1.0
    return Resolved(duration_value(n, _unit(c.get("unit"), ctx.lex)), "DURATION")


def _vague(c: Candidate, ctx: Context) -> Resolved:
    # "recent years" is a past reference; "recent weeks" or "months" a stretch of them (TimeBank).
    unit = _unit(c.get("unit"), ctx.lex)
    if c.get("rel") in ctx.lex.words["recent_words"] and unit in ("Y", "DE"):
        return Resolved("PAST_REF")
    return Resolved(duration_value(None, unit), "DURATION")


def _ago_adj(c: Candidate, ctx: Context) -> Resolved:
    end = ctx.lex.year_ends.get(norm_spaces(c.get("word")))
    if ctx.anchor is None:
        return _NONE
    if end == "D":  # in the past ("since year-end", "at year-end, it held"): the last one before the telling
        year = ctx.anchor.year - 1 if direction(ctx) < 0 and ctx.anchor < dt.date(ctx.anchor.year, 12, 31) else None
        return as_date(Ref("D", dt.date(year or ctx.anchor.year, 12, 31)))
    if end == "Y":
        return as_date(Ref("Y", ctx.anchor))
    return as_derived(shift(ctx.last_period or Ref("Y", ctx.anchor), -1, "Y"))


def _year_period(c: Candidate, ctx: Context) -> Resolved:
    """ "The 1988 quarter": the quarter spoken of, in the year given."""
    year = year_of(c.get("year"), ctx.lex)
    base = _previous_period(ctx)
    if base is None or not 1 <= year <= 9999:
        return as_date(Ref("Y", dt.date(year, 1, 1))) if 1 <= year <= 9999 else _NONE
    return as_derived(Ref(base.gran, base.date.replace(year=year, day=1), base.code))


def _ref(c: Candidate, ctx: Context) -> Resolved:
    return Resolved(ctx.lex.refs.get(norm_spaces(c.surface)))


def _set(c: Candidate, ctx: Context) -> Resolved:
    if c.get("wd"):
        pod = ctx.lex.parts_of_day.get(c.get("pod") or "")
        return Resolved(f"XXXX-WXX-{ctx.lex.weekdays[c.get('wd') or '']}" + (f"T{pod}" if pod else ""), "SET")
    if c.get("pod"):
        return Resolved(f"XXXX-XX-XXT{ctx.lex.parts_of_day[c.get('pod') or '']}", "SET")
    if c.get("month"):  # "each July"
        return Resolved(f"XXXX-{ctx.lex.months[(c.get('month') or '').rstrip('.')]:02d}", "SET")
    if c.get("season"):  # "every spring"
        return Resolved(f"XXXX-{ctx.lex.seasons[c.get('season') or '']}", "SET")
    num = c.get("num")
    n = 2.0 if num in ctx.lex.words["alternate_words"] else parse_number(num, ctx.lex) if num else 1.0
    return Resolved(duration_value(n, _unit(c.get("unit"), ctx.lex)), "SET")


def _setword(c: Candidate, ctx: Context) -> Resolved:
    return Resolved(ctx.lex.sets.get(norm_spaces(c.surface)), "SET")


SPAN_RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "relative": _relative,
    "season": _season,
    "century": _century,
    "decade_word": _decade_word,
    "quarter": _quarter,
    "period": _period,
    "year_period": _year_period,
    "the_unit": _the_unit,
    "within": _within,
    "duration": _duration,
    "the_offset": _the_offset,
    "long": _long,
    "vague": _vague,
    "ago_adj": _ago_adj,
    "ref": _ref,
    "set": _set,
    "weekdays": _set,
    "setword": _setword,
    "holiday": holiday,
    "month_part": month_part,
}
