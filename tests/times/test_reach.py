"""Times: months, seasons and weekdays as readers meet them in news (real spaCy model)."""

from __future__ import annotations

import datetime as dt

from dateline import times
from dateline.annotate import apply_batch
from dateline.records import Article


def values(text: str, published: dt.date) -> dict[str, str | None]:
    article = Article(id="t", source="test", text=text, published=published)
    return {t.span.text: t.value for t in times.apply(apply_batch([article])[0]).times}


def test_a_month_the_text_looks_ahead_to_goes_forward() -> None:
    # Written in January: funding "through September" runs to this September, not last year's.
    found = values("Lawmakers want a bill that would fund the agency through September.", dt.date(2024, 1, 18))
    assert found["September"] == "2024-09"
    found = values("The council will vote on the plan in October, the mayor said.", dt.date(2023, 2, 3))
    assert found["October"] == "2023-10"


def test_a_month_after_since_is_the_last_one() -> None:
    found = values("Since March, prices have risen every week.", dt.date(2023, 11, 20))
    assert found["March"] == "2023-03"
    found = values("The border has been closed since March.", dt.date(2024, 2, 10))
    assert found["March"] == "2023-03"


def test_this_season_written_after_it_is_the_one_past() -> None:
    found = values("Sales fell sharply this summer, the company said.", dt.date(2023, 12, 4))
    assert found["this summer"] == "2023-SU"
    found = values("The bridge will reopen this summer.", dt.date(2023, 12, 4))
    assert found["this summer"] == "2024-SU"


def test_a_date_in_brackets_overrides_the_weekday_guess() -> None:
    found = values("The talks resumed on Thursday (Nov 16) in Geneva.", dt.date(2023, 11, 20))
    assert found["Thursday"] == "2023-11-16"
    found = values("Voting ends on Friday (Dec. 1), officials said.", dt.date(2023, 11, 20))
    assert found["Friday"] == "2023-12-01"


def test_this_season_the_text_looks_back_to_before_it_came_is_the_last_one() -> None:
    # Winter belongs to the year of its December: written in March, the winter just past is last year's.
    found = values("This winter was the warmest on record, forecasters said.", dt.date(2024, 3, 10))
    assert found["This winter"] == "2023-WI"


def test_a_range_into_a_dated_day_shares_its_year() -> None:
    found = values("The storm hit late on November 12 and into November 13, 2022.", dt.date(2023, 5, 2))
    assert found["November 12"] == "2022-11-12" and found["November 13, 2022"] == "2022-11-13"


def test_named_days_keep_their_year() -> None:
    found = values("Rioters stormed the Capitol on Jan. 6, the committee said.", dt.date(2023, 3, 1))
    assert found["Jan. 6"] == "2021-01-06"
    assert values("The memorial honors the victims of 9/11.", dt.date(2023, 9, 10))["9/11"] == "2001-09-11"


def test_a_named_day_before_its_head_noun_is_that_day_whatever_the_tense() -> None:
    spring = dt.date(2023, 3, 1)
    assert values("The Jan. 6 committee released its final report.", spring)["Jan. 6"] == "2021-01-06"
    assert values("Two Jan. 6 defendants will be sentenced next week.", spring)["Jan. 6"] == "2021-01-06"
    # the same date before another noun, with no cue near, is the ordinary day
    assert values("The Jan. 6 board meeting approved the budget.", spring)["Jan. 6"] == "2023-01-06"


def test_this_season_expected_or_arranged_lies_ahead() -> None:
    december = dt.date(2022, 12, 10)
    assert values("Crowds are expected at the lakes this summer.", december)["this summer"] == "2023-SU"
    assert values("Rail strikes are planned for this spring.", dt.date(2022, 11, 10))["this spring"] == "2023-SP"
    # told in the past, the summer is the one gone by
    assert values("Crowds filled the lakes this summer.", december)["this summer"] == "2022-SU"


def test_a_part_of_the_day_with_a_prefix_is_a_time() -> None:
    found = values("By mid afternoon the ferry had docked.", dt.date(2023, 3, 1))
    assert found["mid afternoon"] == "2023-03-01TAF"
    assert values("The ferry docked at mid-morning.", dt.date(2023, 3, 1))["mid-morning"] == "2023-03-01TMO"
    assert "afternoon" not in values("The afternoon ferry was full.", dt.date(2023, 3, 1))


def test_a_weekday_in_the_simple_present_is_the_next_one() -> None:
    wednesday = dt.date(2024, 4, 10)
    assert values("The two ministers meet Monday in Oslo.", wednesday)["Monday"] == "2024-04-15"
    assert values("Voters go to the polls Sunday across the country.", wednesday)["Sunday"] == "2024-04-14"
    assert values("The fair opens Friday, organisers say.", wednesday)["Friday"] == "2024-04-12"
    # told in the past, the weekday is the one gone by
    assert values("The two ministers met Monday in Oslo.", wednesday)["Monday"] == "2024-04-08"


def test_a_present_inside_a_clause_told_in_the_past_keeps_its_weekday_past() -> None:
    # the parse hangs "on Friday" from "believe", the verb of the clause told
    found = values("Officials said on Friday they believe the bridge is safe.", dt.date(2024, 4, 10))
    assert found["Friday"] == "2024-04-05"


def test_a_past_written_as_its_present_tells_no_present() -> None:
    # "hurt" may be a present or a past, and the tagger calls it a present here: the weekday is not read as ahead
    assert values("Rising costs hurt the company's sales on Monday.", dt.date(2024, 4, 10))["Monday"] == "2024-04-08"
