"""Times: a time inside the period the text spoke of ("later in the day"; real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import times
from dateline.annotate import apply_batch
from dateline.records import Article

#: A Thursday in October.
OCTOBER = dt.date(2021, 10, 28)


def values(text: str, published: dt.date = OCTOBER) -> dict[str, str | None]:
    article = Article(id="t", source="test", text=text, published=published)
    return {t.span.text: t.value for t in times.apply(apply_batch([article])[0]).times}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ferry sank on June 4, 2019. Later in the day, divers found the hull.", "Later in the day",
         "2019-06-04"),
        ("The ferry sank on June 4, 2019. Earlier in the day, the crew had called for help.", "Earlier in the day",
         "2019-06-04"),
        ("The ferry sank on Tuesday. Early in the day the port had closed.", "Early in the day", "2021-10-26"),
        ("The ferry sank in June 2019. Late in the month the inquiry began.", "Late in the month", "2019-06"),
        ("The ferry sank in 2019. Late in the year the inquiry began.", "Late in the year", "2019"),
        # nothing named before: the period of publication
        ("Later in the day, the mayor will speak to reporters.", "Later in the day", "2021-10-28"),
    ],
)
def test_a_time_inside_a_period_takes_the_period_spoken_of(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_a_time_inside_a_day_after_only_a_year_has_no_value() -> None:
    found = values("The ferry sank in 2019. Later in the day, divers found the hull.")
    assert found["Later in the day"] is None


@pytest.mark.parametrize(("text", "before", "expression", "value"), [
    ("The mayor spoke on Monday. Later in the day Tuesday the council voted.", "Monday", "Tuesday", "2021-10-26"),
    ("The plant closed in 2015. Late in the year 2019 it opened again.", "2015", "the year 2019", "2019"),
])
def test_a_date_right_after_the_period_is_the_time_not_the_period_before(text: str, before: str, expression: str,
                                                                          value: str) -> None:
    found = values(text)
    assert set(found) == {before, expression}  # no expression of the period alone
    assert found[expression] == value
