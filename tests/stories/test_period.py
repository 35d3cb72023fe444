"""Roundups of two months are two stories, whatever words they share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.records import Article
from dateline.stories._keys import article_keys, period, title_period
from tests.stories.test_attach import linked_in_two_runs


def test_a_title_that_names_a_month_with_its_year_gives_that_month() -> None:
    assert title_period("Council diary for March 2023", "en") == "2023-03"


def test_a_title_without_a_month_and_year_or_with_two_gives_none() -> None:
    assert title_period("Council meets in May", "en") is None
    assert title_period("Council diary, May 2023 and June 2023", "en") is None
    assert title_period(None, "en") is None
    assert title_period("Council diary for March 2023", "xx") is None


def test_the_month_is_kept_among_the_story_keys_and_weighs_nothing() -> None:
    keys = article_keys("Council diary for March 2023", "The council met twice and passed a budget.", 100, "en",
                        [], [], [], 1.0)
    assert keys["m:2023-03"] == 1.0
    assert period(keys) == "2023-03"
    assert period({"council": 1.0}) is None


def roundup(id_: str, month: str, published: dt.date) -> Article:
    """A monthly roundup of one town council's business, in the same words every month."""
    text = ("The Springfield town council met twice this month and passed its budget for the harbour, the "
            "library and the old mill district, after long debates on parking and the school bus routes. "
            "Mayor Joe Roe thanked the council for its work on the harbour and the library.")
    return Article(id=id_, source=f"{id_}.txt", site="springfield.example.org",
                   title=f"Springfield council diary, {month}", published=published, language="en", text=text)


def test_roundups_of_two_months_are_two_stories_and_of_one_month_one(tmp_path: Path) -> None:
    first = [roundup("march", "March 2023", dt.date(2023, 3, 31))]
    then = [roundup("april", "April 2023", dt.date(2023, 4, 2)),
            roundup("march2", "March 2023", dt.date(2023, 4, 1))]
    found = linked_in_two_runs(tmp_path / "roundups.duckdb", first, then)
    assert found["march"] == found["march2"] != found["april"]
