"""An event's own date at its own precision, and the period it falls in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.store._periods import day_of, parse, period_of


@pytest.mark.parametrize(("value", "precision", "start"), [
    ("2017-07-07", "day", dt.date(2017, 7, 7)),
    ("2017-07-07T12:00", "day", dt.date(2017, 7, 7)),
    ("2017-W27", "week", dt.date(2017, 7, 3)),
    ("2017-W27-WE", "week", dt.date(2017, 7, 3)),
    ("2017-07", "month", dt.date(2017, 7, 1)),
    ("2017-Q3", "part", dt.date(2017, 1, 1)),
    ("2017-SU", "part", dt.date(2017, 1, 1)),
    ("2016", "year", dt.date(2016, 1, 1)),
])
def test_values_on_the_calendar(value: str, precision: str, start: dt.date) -> None:
    parsed = parse(value)
    assert parsed is not None and (parsed.precision, parsed.start) == (precision, start)


@pytest.mark.parametrize("value", [None, "", "XXXX-07-07", "201", "PRESENT_REF", "P3D", "2017-02-30", "2017-W54",
                                   "2017-13", "2017-07-07junk"])
def test_values_with_no_calendar_place(value: str | None) -> None:
    assert parse(value) is None
    assert period_of(value, "year") is None


def test_a_day_falls_in_its_week_month_and_year() -> None:
    assert period_of("2017-07-07", "week") == ("2017-W27", dt.date(2017, 7, 3))
    assert period_of("2017-07-07", "month") == ("2017-07", dt.date(2017, 7, 1))
    assert period_of("2017-07-07", "year") == ("2017", dt.date(2017, 1, 1))
    # 1 January 2021 is a Friday of ISO week 53 of 2020, but the calendar year is 2021.
    assert period_of("2021-01-01", "week") == ("2020-W53", dt.date(2020, 12, 28))
    assert period_of("2021-01-01", "year") == ("2021", dt.date(2021, 1, 1))


def test_a_week_belongs_to_the_month_and_year_of_its_thursday() -> None:
    # Week 31 of 2017 runs Monday 31 July to Sunday 6 August; its Thursday is 3 August.
    assert period_of("2017-W31", "month") == ("2017-08", dt.date(2017, 8, 1))
    # Week 1 of 2020 starts on Monday 30 December 2019; its Thursday is 2 January 2020.
    assert period_of("2020-W01", "year") == ("2020", dt.date(2020, 1, 1))
    assert period_of("2020-W01", "week") == ("2020-W01", dt.date(2019, 12, 30))


def test_a_date_coarser_than_the_period_falls_in_none() -> None:
    assert period_of("2017-07", "week") is None
    assert period_of("2017-Q3", "month") is None
    assert period_of("2017", "month") is None
    assert period_of("2017-Q3", "year") == ("2017", dt.date(2017, 1, 1))
    assert period_of("2017-07", "month") == ("2017-07", dt.date(2017, 7, 1))


def test_only_a_day_has_a_day() -> None:
    assert day_of("2017-07-07T09:30") == dt.date(2017, 7, 7)
    assert [day_of(v) for v in ("2017-W27", "2017-07", "2016", "XXXX-07-07", None)] == [None] * 5


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 1)))
def test_every_day_lies_inside_its_periods(day: dt.date) -> None:
    for by, length in (("week", 7), ("month", 31), ("year", 366)):
        found = period_of(day.isoformat(), by)  # type: ignore[arg-type]
        assert found is not None
        label, start = found
        assert dt.timedelta(0) <= day - start < dt.timedelta(days=length), (by, label)  # no overflow in 9999
        assert label == period_of(start.isoformat(), by)[0]  # type: ignore[index]
