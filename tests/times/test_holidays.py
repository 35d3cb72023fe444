"""Times: holidays on fixed days, on weekdays of a month and counted from Easter, and the weeks that hold them."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline import lang, times
from dateline.annotate import apply_batch
from dateline.errors import ResourceError
from dateline.records import Article
from dateline.times._calendar import easter
from dateline.times._holidays import holiday_day
from dateline.times._lexicon import load_lexicon, parse_lexicon
from dateline.times._points import Context
from dateline.times._recognize import find_candidates

LEX = load_lexicon(lang.resources("en"))


def values(text: str, published: dt.date) -> dict[str, str | None]:
    article = Article(id="t", source="test", text=text, published=published)
    return {t.span.text: t.value for t in times.apply(apply_batch([article])[0]).times}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Easter 2016 was March 27: Good Friday the 25th, and the ISO week holding Easter Sunday is 12.
        ("Pilgrims gathered in the square on Good Friday.", dt.date(2016, 4, 2), {"Good Friday": "2016-03-25"}),
        ("The shops were shut for Easter week.", dt.date(2016, 4, 2), {"Easter week": "2016-W12"}),
        ("The parade is planned for Easter Monday.", dt.date(2016, 2, 10), {"Easter Monday": "2016-03-28"}),
        # November 1, 2016 was a Tuesday: Election Day is the Tuesday after the first Monday, the 8th.
        ("Voters will go to the polls on Election Day.", dt.date(2016, 10, 20), {"Election Day": "2016-11-08"}),
        # Thanksgiving 2016 was Thursday, November 24: its weekend the 26th and 27th, ISO week 47.
        ("Traffic was heavy over the Thanksgiving weekend.", dt.date(2016, 12, 1),
         {"Thanksgiving weekend": "2016-W47-WE"}),
        # Memorial Day 2016 was Monday, May 30: its weekend is the one before it, in ISO week 21.
        ("Beaches filled on Memorial Day weekend.", dt.date(2016, 6, 3), {"Memorial Day weekend": "2016-W21-WE"}),
        ("Christmas week was quiet; Easter 2017 will be busy.", dt.date(2016, 12, 30),
         {"Christmas week": "2016-W51", "Easter 2017": "2017-04-16"}),
    ],
)
def test_holidays_resolve(text: str, published: dt.date, expected: dict[str, str]) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize(
    "text",
    ["The ship sailed on to Easter Island.", "Christmas Island lies south of Java.", "They studied the Easter Rising."],
)
def test_a_holiday_opening_a_longer_name_is_no_time(text: str) -> None:
    assert values(text, dt.date(2016, 5, 1)) == {}


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    day = easter(year)
    assert day.isoweekday() == 7
    assert dt.date(year, 3, 22) <= day <= dt.date(year, 4, 25)


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_agrees_with_dateutil(year: int) -> None:
    dateutil_easter = pytest.importorskip("dateutil.easter")
    assert easter(year) == dateutil_easter.easter(year)


@given(st.integers(min_value=1600, max_value=2400))
def test_every_holiday_falls_on_its_rule(year: int) -> None:
    for name, spec in LEX.holidays.items():
        day = holiday_day(spec, year)
        assert day.year == year, name
        if spec.easter is None:
            assert day.month == spec.month, name
        if spec.weekday is not None and not spec.offset:
            assert day.isoweekday() == spec.weekday, name
    election = holiday_day(LEX.holidays["election day"], year)
    assert election.isoweekday() == 2 and 2 <= election.day <= 8


@given(st.sampled_from(sorted(LEX.holidays)), st.integers(min_value=1900, max_value=2099),
       st.sampled_from(["", " week", " weekend"]))
def test_a_holiday_with_its_year_is_found_whole_and_placed_in_that_year(name: str, year: int, period: str) -> None:
    text = f"It happened on {name.title()}{period}, {year}, they said."
    (cand,) = find_candidates(text, LEX)
    assert text[cand.start : cand.end] == f"{name.title()}{period}, {year}"
    value = times.resolve(cand, Context(dt.date(2000, 6, 1), LEX)).value
    day = holiday_day(LEX.holidays[name], year)
    if not period:
        assert value == day.isoformat()
    else:  # the week holding the day; a Monday's weekend is the one before it, which may lie in the week before
        weeks = {f"{d.isocalendar().year:04d}-W{d.isocalendar().week:02d}" for d in (day, day - dt.timedelta(days=1))}
        assert value is not None and value.removesuffix("-WE") in weeks


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"easter": 1, "month": 3}, "needs 'day', or 'weekday' and 'nth'"),
        ({"easter": "one"}, "needs an integer 'month' 1-12, or 'easter' alone"),
        ({"month": 11, "weekday": 1, "nth": 1, "offset": "one"}, "'offset' must be a whole number of days"),
    ],
)
def test_holiday_rules_are_validated(spec: dict[str, Any], message: str, tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    raw["holidays"]["festival day"] = spec
    with pytest.raises(ResourceError, match=message):
        parse_lexicon(raw, tmp_path / "bad.json")
