"""Calendar arithmetic for the times stage: reference periods, shifts and TIMEX3 formatting."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = [
    "SEASON_MONTHS", "Ref", "add_months", "easter", "last_complete_quarter", "nearest_weekday", "season_of", "shift",
]

#: First month of each TIMEX3 season (meteorological seasons, northern hemisphere).
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_ORDER = ("WI", "SP", "SU", "FA")

#: Granularities from fine to coarse; ``WE`` is a weekend, ``S`` a season.
GRANULARITIES = ("D", "WE", "W", "M", "S", "Q", "H", "Y", "DE", "CE")


@dataclass(frozen=True, slots=True)
class Ref:
    """A calendar period: its granularity and a day inside it (``code`` holds a season code)."""

    gran: str
    date: dt.date
    code: str = ""

    def value(self) -> str:
        """The TIMEX3 value of the period ("2017-07-07", "2017-W27", "2017-Q3", "201")."""
        d = self.date
        y = d.year
        if self.gran in ("W", "WE"):
            iso = d.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if self.gran == "WE" else "")
        formats: dict[str, Callable[[], str]] = {
            "D": d.isoformat,
            "M": lambda: f"{y:04d}-{d.month:02d}",
            "Q": lambda: f"{y:04d}-Q{(d.month - 1) // 3 + 1}",
            "H": lambda: f"{y:04d}-H{1 if d.month <= 6 else 2}",
            "S": lambda: f"{y:04d}-{self.code}",
            "Y": lambda: f"{y:04d}",
            "DE": lambda: f"{y // 10:03d}",
            "CE": lambda: f"{y // 100:02d}",
        }
        return formats[self.gran]()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _safe_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return day


_MONTHS_PER = {"M": 1, "S": 12, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}


def shift(ref: Ref, amount: int, unit: str) -> Ref:
    """``ref`` moved by ``amount`` units (D, W, WE, M, Q, H, S, Y, DE, CE); a season moves by years."""
    if unit in ("D", "W", "WE"):
        return replace(ref, date=_safe_days(ref.date, amount * (1 if unit == "D" else 7)))
    return replace(ref, date=add_months(ref.date, amount * _MONTHS_PER[unit]))


def nearest_weekday(anchor: dt.date, weekday: int, direction: int, inclusive: bool = True) -> dt.date:
    """The ``weekday`` (1=Monday) nearest ``anchor`` going back (-1), forward (1), or either way (0)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if not inclusive:
        back, ahead = back or 7, ahead or 7
    if direction < 0 or (direction == 0 and back <= ahead):
        return _safe_days(anchor, -back)
    return _safe_days(anchor, ahead)


def season_of(day: dt.date) -> Ref:
    """The season holding ``day`` (winter belongs to the year of its December)."""
    code = _SEASON_ORDER[(day.month % 12) // 3]
    year = day.year - 1 if day.month <= 2 else day.year
    return Ref("S", dt.date(year, SEASON_MONTHS[code], 1), code)


def season_ref(code: str, year: int) -> Ref:
    """The season ``code`` of ``year``."""
    return Ref("S", dt.date(year, SEASON_MONTHS[code], 1), code)


def last_complete_quarter(day: dt.date) -> Ref:
    """The last quarter that ended before ``day``."""
    return Ref("Q", add_months(dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1), -3))


def is_as_fine(gran: str, unit: str) -> bool:
    """Whether a period of granularity ``gran`` tells which ``unit`` holds it: a day tells its week and year,
    a year tells no day ("2016 ... the same day" names none)."""
    if gran not in GRANULARITIES or unit not in GRANULARITIES:
        return False
    return GRANULARITIES.index(gran) <= GRANULARITIES.index(unit)


def is_valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists (in a leap year when ``year`` is unknown)."""
    if year and not 1 <= year <= 9999:
        return False
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday of ``year``: the Sunday after the ecclesiastical full moon on or after
    March 21, computed from the Metonic cycle (golden number) with the Gregorian corrections for the century."""
    golden = year % 19
    century, rest = divmod(year, 100)
    skipped_leaps, moon_correction = century // 4, (8 * century + 13) // 25
    epact = (19 * golden + century - skipped_leaps - moon_correction + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - epact - rest % 4) % 7
    late = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * late + 114, 31)
    return dt.date(year, month, day + 1)

