"""Times: the parts of a named month an ordinal counts ("the penultimate day of September") (real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline import lang, times
from dateline.annotate import apply_batch
from dateline.records import Article
from dateline.times._lexicon import load_lexicon
from dateline.times._points import Context
from dateline.times._recognize import find_candidates
from dateline.times._spans import SPAN_RESOLVERS

#: A Thursday in October.
OCTOBER = dt.date(2021, 10, 28)


def values(text: str, published: dt.date = OCTOBER) -> dict[str, str | None]:
    article = Article(id="t", source="test", text=text, published=published)
    return {t.span.text: t.value for t in times.apply(apply_batch([article])[0]).times}


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The ferry sailed on the penultimate day of September.", "the penultimate day of September", "2021-09-29"),
    ("The ferry sailed on the last day of February.", "the last day of February", "2021-02-28"),
    ("The ferry sailed on the first day of March 2020.", "the first day of March 2020", "2020-03-01"),
    ("The ferry sailed on the second-to-last day of June.", "the second-to-last day of June", "2021-06-29"),
    # a week is the ISO week with at least four of its days in the month
    ("The ferry sailed in the last week of August.", "the last week of August", "2021-W34"),
    ("The ferry sailed in the first week of September.", "the first week of September", "2021-W35"),
    ("The ferry sailed in the first week of July.", "the first week of July", "2021-W26"),  # Thursday 1 to Sunday 4
    ("The fair was held on the last weekend of July.", "the last weekend of July", "2021-W30-WE"),
    ("The fair was held on the first weekend of May.", "the first weekend of May", "2021-W17-WE"),
    # a half, or days and weeks in the plural, have no value finer than their month
    ("Prices fell in the second half of September.", "the second half of September", "2021-09"),
    ("Prices fell in the first days of March.", "the first days of March", "2021-03"),
    ("Prices fell in the final weeks of August.", "the final weeks of August", "2021-08"),
    # a week or day past the month's end is no part of it: the month
    ("Prices fell in the fifth week of February.", "the fifth week of February", "2021-02"),
])
def test_a_part_of_a_named_month_resolves_within_that_month(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_the_month_s_year_follows_the_tense_as_the_month_alone_does() -> None:
    assert values("The vote will be held in the last week of November.")["the last week of November"] == "2021-W47"
    # November 30, 2020 is a Monday: the last week is the one before, Monday 23 to Sunday 29
    assert values("The vote was held in the last week of November.")["the last week of November"] == "2020-W48"
    assert values("The fair was held in the first week of May.", dt.date(2021, 1, 20))[
        "the first week of May"] == "2020-W19"  # May 1, 2020 is a Friday


def test_a_day_of_a_month_is_an_antecedent_and_a_half_of_a_year_keeps_its_reading() -> None:
    found = values("The talks ended on the penultimate day of September. The next day, the envoys left.")
    assert found["The next day"] == "2021-09-30"
    assert "the second half" in values("Sales rose in the second half of the year.")
    assert "the first days of march" not in values("He said the first days of march were hard.")


def test_without_a_publication_date_the_month_keeps_an_unknown_year() -> None:
    lex = load_lexicon(lang.resources("en"))
    (cand,) = find_candidates("on the last week of August", lex)
    assert SPAN_RESOLVERS[cand.rule](cand, Context(None, lex)).value == "XXXX-08"


@given(year=st.integers(1600, 2099), month=st.integers(1, 12),
       ordinal=st.sampled_from(["first", "second", "third", "fourth", "fifth", "last", "penultimate"]),
       unit=st.sampled_from(["day", "week", "weekend"]))
def test_a_counted_part_always_lies_in_its_month(year: int, month: int, ordinal: str, unit: str) -> None:
    lex = load_lexicon(lang.resources("en"))
    text = f"the {ordinal} {unit} of {dt.date(2000, month, 1):%B} {year}"
    (cand,) = find_candidates(text, lex)
    res = SPAN_RESOLVERS[cand.rule](cand, Context(OCTOBER, lex))
    assert res.ref is not None and res.value is not None
    if res.ref.gran == "M":
        assert res.value == f"{year:04d}-{month:02d}"
    else:
        assert res.ref.date.year == year and res.ref.date.month == month
