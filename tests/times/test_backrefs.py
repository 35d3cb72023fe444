"""Times: back-references inside a period and past a telling's date (real spaCy model)."""

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


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ferry sank on June 4, 2019. The day after that, divers found the hull.", "The day after that",
         "2019-06-05"),
        ("The ferry sank on June 4, 2019. The day before this, the crew had warned the owners.",
         "The day before this", "2019-06-03"),
    ],
)
def test_an_offset_from_that_counts_from_the_period_spoken_of(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_an_offset_before_an_event_noun_is_left_alone() -> None:
    assert "The day after" not in values("The ferry sank on June 4, 2019. The day after the sinking, divers came.")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the telling's date follows what was told: the story goes on from the date told
        ("The ferry sank on October 12, the coast guard said Monday. The same day, a second boat capsized.",
         "The same day", "2021-10-12"),
        ("Divers found the hull on October 12, officials told reporters on Tuesday. The next day, the port "
         "reopened.", "The next day", "2021-10-13"),
        # a telling's date alone is what a back-reference after it takes
        ("The coast guard said Monday that a ferry sank. The same day, a second boat capsized.",
         "The same day", "2021-10-25"),
        # told first, then the date of what was told: the last one named
        ("Officials said on Tuesday that the ferry sank on October 20. Later that day, divers came.",
         "Later that day", "2021-10-20"),
    ],
)
def test_a_back_reference_past_a_telling_continues_the_story(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_a_telling_in_another_sentence_is_the_last_date() -> None:
    text = "The ferry sank on October 12. The coast guard said Monday it had found the hull. The same day, divers came."
    assert values(text)["The same day"] == "2021-10-25"
