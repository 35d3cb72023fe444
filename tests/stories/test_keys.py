"""What an article is compared by, and how alike two articles are."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.stories._keys import (
    COUNT_WEIGHT,
    article_keys,
    centroid,
    cosine,
    days,
    days_differ,
    event_days,
    idf,
    top,
    weights,
)

TEXT = "The earthquake struck Chile on Monday. Rescuers searched the rubble of the town for survivors."


def test_keys_are_lead_words_without_stop_words_and_the_names_and_dates_of_the_lead() -> None:
    start = TEXT.index("Chile")
    keys = article_keys("Quake hits Chile", TEXT, 6, "en", [("rescuers|", TEXT.index("Rescuers"))],
                        [("3895114", start)], [("2010-03-01", TEXT.index("Monday"))], 1.0)
    assert keys["earthquake"] == 1 and keys["chile"] == 2 and keys["quake"] == 1
    assert "the" not in keys and "on" not in keys
    assert keys["p:3895114"] == 1 and keys["y:2010"] == 1 and keys["d:2010-03-01"] == 1
    assert "a:rescuers|" not in keys and "survivors" not in keys  # past the first six words


def test_counts_in_figures_are_keys_and_years_times_and_dates_are_not() -> None:
    text = "Coast guards rescued 14 sailors and 1,250 tonnes of grain at 6:30 on 4/5/2019, 3.5 miles out, in 2019."
    keys = article_keys("14 sailors rescued", text, 40, "en", [], [], [], 1.0)
    assert keys["n:14"] == 2 * COUNT_WEIGHT and keys["n:1250"] == COUNT_WEIGHT
    assert not [k for k in keys if k in ("n:2019", "n:6", "n:30", "n:4", "n:5", "n:3")]
    two = article_keys(None, "Two boats sank; 3 crew were lost.", 40, "en", [], [], [], 1.0)
    assert two["n:3"] == COUNT_WEIGHT and "n:two" not in two  # counts in words are words


def test_rare_keys_weigh_more_and_alike_articles_are_near() -> None:
    assert idf(1, 1000) > idf(500, 1000) > 0
    idfs = {"quake": 3.0, "chile": 2.0, "said": 0.1, "election": 3.0}
    one = weights({"quake": 1, "chile": 1, "said": 2}, idfs)
    two = weights({"quake": 2, "chile": 1}, idfs)
    other = weights({"election": 1, "said": 1}, idfs)
    assert cosine(one, one) == pytest.approx(1.0)
    assert cosine(one, two) > 0.9 > 0.1 > cosine(one, other) > 0.0
    assert cosine(centroid([one, two]), one) == pytest.approx(cosine(one, centroid([two, one])))
    assert list(top({"quake": 1, "said": 5, "chile": 1}, idfs, 2)) == ["quake", "chile"]


def test_leads_that_name_different_days_differ() -> None:
    first = days({"d:2010-03-01": 1, "quake": 1})
    assert first == [dt.date(2010, 3, 1)]
    assert days_differ(first, [dt.date(2010, 3, 9)])
    assert not days_differ(first, [dt.date(2010, 3, 2)])
    assert not days_differ(first, [])


def test_a_lead_naming_only_its_own_publication_day_is_not_kept_apart_by_days() -> None:
    today = dt.date(2010, 3, 9)
    named = [dt.date(2010, 3, 1), today]
    assert event_days(named, today) == [dt.date(2010, 3, 1)]
    assert event_days(named, None) == []  # an undated report's own day is not known, so no day is an event's
    assert event_days([dt.date(2010, 3, 1)], dt.date(2010, 3, 2)) == [dt.date(2010, 3, 1)]
    assert days_differ([today], [dt.date(2010, 3, 1)])  # a report of the 9th against one of the 1st
    assert not days_differ(event_days([today], today), [dt.date(2010, 3, 1)])  # "today" is when it was reported
