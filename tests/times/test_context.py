"""Times: what the sentence around an expression says of its value (real spaCy model)."""

from __future__ import annotations

import datetime as dt

from dateline import times
from dateline.annotate import apply_batch
from dateline.records import Article

#: A Wednesday in March.
MARCH = dt.date(2019, 3, 6)
#: A Thursday in October.
OCTOBER = dt.date(2021, 10, 28)


def values(text: str, published: dt.date) -> dict[str, tuple[str | None, str]]:
    article = Article(id="t", source="test", text=text, published=published)
    return {t.span.text: (t.value, t.type) for t in times.apply(apply_batch([article])[0]).times}


def test_a_month_hanging_from_a_noun_in_a_future_clause_lies_ahead() -> None:
    found = values("The astronaut will be named pilot of the station crew for a flight in November.", MARCH)
    assert found["November"] == ("2019-11", "DATE")
    # the same noun in a past clause keeps the month behind the telling
    past = values("The astronaut was named pilot of the station crew for a flight in November.", MARCH)
    assert past["November"] == ("2018-11", "DATE")


def test_a_month_closing_a_range_opened_by_a_year_takes_that_year() -> None:
    found = values("Sales of the bakery chain rose this year through August, the company said.", OCTOBER)
    assert found["this year"] == ("2021", "DATE")
    assert found["August"] == ("2021-08", "DATE")
    dated = values("Deliveries were slow from 2019 to March, the shipyard said.", OCTOBER)
    assert dated["March"] == ("2019-03", "DATE")


def test_soon_modifying_a_verb_looks_ahead_unless_it_relates_two_events() -> None:
    found = values("Regulators may soon approve the sale of the ferry line.", MARCH)
    assert found["soon"] == ("FUTURE_REF", "DATE")
    assert "soon" in values("The ferry line expects its profits to soon recover.", MARCH)
    related = values("The ferry sank soon after leaving port on Monday; crews left as soon as they could.", MARCH)
    assert related["Monday"][1] == "DATE"  # the sentence is read, and its soons are no times
    assert "soon" not in related


def test_vague_and_counted_amounts_of_working_time_are_durations() -> None:
    found = values("The bakery returned to profit after several quarters of losses.", OCTOBER)
    assert found["several quarters"] == ("PXQ", "DURATION")
    assert values("Over the next couple of years the mill will close.", OCTOBER)["the next couple of years"] == (
        "P2Y",
        "DURATION",
    )
    assert values("The offer lapses within ten business days.", OCTOBER)["ten business days"] == ("P10D", "DURATION")
    fraction = values("Three quarters of the bakers voted on Monday.", OCTOBER)
    assert fraction["Monday"][1] == "DATE"
    assert "Three quarters" not in fraction


def test_a_month_or_season_after_each_or_every_is_a_set() -> None:
    found = values("The marchers walk to the harbour each July.", OCTOBER)
    assert found["each July"] == ("XXXX-07", "SET")
    assert values("Every spring the ferry timetable changes.", OCTOBER)["Every spring"] == ("XXXX-SP", "SET")


def test_a_vague_amount_counted_from_the_story_is_a_duration() -> None:
    found = values("The mill closed in May. A few weeks later, the owners sold it.", OCTOBER)
    assert found["A few weeks later"] == ("PXW", "DURATION")
    # counted from the telling it still places the event in the past
    assert values("A few years ago the mill closed.", OCTOBER)["A few years ago"] == ("PAST_REF", "DATE")


def test_one_unit_counting_what_comes_before_it_is_a_set() -> None:
    assert values("The airline flies four times to Lima and adds 300 seats a week.", OCTOBER)["a week"] == (
        "P1W",
        "SET",
    )
    assert values("The merger saves the bakery $3 million a year.", OCTOBER)["a year"] == ("P1Y", "SET")
    assert values("The ferry sails twice a day.", OCTOBER)["a day"] == ("P1D", "SET")
    # a unit the verb gives is a stretch of time
    assert values("The coach gave the team a year to improve.", OCTOBER)["a year"] == ("P1Y", "DURATION")


def test_a_year_end_in_the_past_is_the_last_one_before_the_telling() -> None:
    assert values("The fund's shares have fallen 4% since year-end.", OCTOBER)["year-end"] == ("2020-12-31", "DATE")
    assert values("The bakery will pay its debts by year-end.", OCTOBER)["year-end"] == ("2021-12-31", "DATE")


def test_then_current_is_past_and_the_future_of_something_is_no_time() -> None:
    found = values("Holders could buy shares at the then current price, the bakery said.", OCTOBER)
    assert found["then current"] == ("PAST_REF", "DATE")
    fate = values("The vote on Monday will shape the future of the union.", OCTOBER)
    assert fate["Monday"][1] == "DATE"
    assert "the future" not in fate
    assert values("Prices will rise in the future.", OCTOBER)["the future"] == ("FUTURE_REF", "DATE")


def test_a_part_of_a_year_named_relative_to_the_telling_takes_that_year() -> None:
    found = values("The second mill opens in the second quarter of next year.", OCTOBER)
    assert found["the second quarter of next year"] == ("2022-Q2", "DATE")
    assert values("Sales fell in the first half of last year.", OCTOBER)["the first half of last year"] == (
        "2020-H1",
        "DATE",
    )


def test_a_half_of_a_decade_or_century_leaves_the_longer_period() -> None:
    found = values("Prices fell through the last half of the 1980s.", OCTOBER)
    assert found["the 1980s"] == ("198", "DATE")
    assert "the last half" not in found
    assert values("Prices fell in the first half of 2020.", OCTOBER)["the first half of 2020"] == ("2020-H1", "DATE")


def test_plural_weekdays_are_sets_and_lend_their_reading_to_a_weekday_joined_to_them() -> None:
    assert values("The ferry sails on Sundays.", OCTOBER)["Sundays"] == ("XXXX-WXX-7", "SET")
    found = values("Two new ferries leave the port on Monday and Tuesday nights.", OCTOBER)
    assert found["Tuesday nights"] == ("XXXX-WXX-2TNI", "SET")
    assert found["Monday"] == ("XXXX-WXX-1TNI", "SET")
    # two single days stay days
    assert values("The bakers met on Monday and Tuesday.", OCTOBER)["Monday"] == ("2021-10-25", "DATE")


def test_a_year_after_pre_or_post_is_that_year_with_its_prefix() -> None:
    found = values("The post-1975 reforms split the party; pre-1990 records were lost, and mid-2001 too.", OCTOBER)
    assert found == {"post-1975": ("1975", "DATE"), "pre-1990": ("1990", "DATE"), "mid-2001": ("2001", "DATE")}
    # the prefixes before a word that is no period stay untouched
    assert values("The post-war and pre-election mood was grim.", OCTOBER) == {}


def test_four_digits_before_a_time_zone_are_a_clock_time_not_a_year() -> None:
    found = values("The fire began at 9:15 a.m. local time (1715 UTC), and crews arrived six minutes later.", OCTOBER)
    assert "1715" not in found
    assert found["9:15 a.m."] == ("2021-10-28T09:15", "TIME")
    # "six minutes later" is counted from the clock time, not from a year 1715
    assert found["six minutes later"][0] == "2021-10-28"
    assert values("The lake froze in 1715, the diary says.", OCTOBER) == {"1715": ("1715", "DATE")}


def test_a_frequency_word_capitalized_mid_sentence_is_a_name() -> None:
    assert values("The story ran in the Daily Courier and the Weekly Standard.", OCTOBER) == {}
    assert values("Daily, the ferry crosses the bay; the paper comes out weekly.", OCTOBER) == {
        "Daily": ("P1D", "SET"),
        "weekly": ("P1W", "SET"),
    }


#: A Wednesday in January.
JANUARY = dt.date(2023, 1, 18)


def test_a_month_or_day_in_the_simple_present_lies_ahead() -> None:
    assert values("The new tariff takes effect in July.", JANUARY)["July"] == ("2023-07", "DATE")
    assert values("The lease on the depot expires in September.", JANUARY)["September"] == ("2023-09", "DATE")
    assert values("The regatta is set for November.", JANUARY)["November"] == ("2023-11", "DATE")
    assert values("The new speed limit applies from August 1.", JANUARY)["August 1"] == ("2023-08-01", "DATE")
    assert values("Local elections are due in October.", JANUARY)["October"] == ("2023-10", "DATE")
    # the past and a gerund of a past verb keep the month behind the telling
    assert values("The tariff took effect in July.", JANUARY)["July"] == ("2022-07", "DATE")
    began = values("The fund began buying shares of the brewer in July, and holds 9%.", JANUARY)
    assert began["July"] == ("2022-07", "DATE")
    # a month hanging from a noun, with no tense of its own, is still read by the window
    assert values("The index stands 4% above its level in July.", JANUARY)["July"] == ("2022-07", "DATE")


def test_a_day_until_which_a_state_lasts_lies_ahead_however_far() -> None:
    assert values("The museum says the east wing is closed until July 4.", JANUARY)["July 4"] == ("2023-07-04", "DATE")
    # a day the past perfect ran until is behind the telling
    found = values("Until October 2, the museum had kept the east wing closed.", JANUARY)
    assert found["October 2"] == ("2022-10-02", "DATE")


def test_one_day_before_its_verb_is_some_time_not_a_length() -> None:
    found = values("The baker hopes his daughter will one day run the shop.", JANUARY)
    assert found["one day"] == ("FUTURE_REF", "DATE")
    assert values("The club hopes to one day build a stadium.", JANUARY)["one day"] == ("FUTURE_REF", "DATE")
    assert values("One day the ferry simply stopped running.", JANUARY)["One day"] == ("PAST_REF", "DATE")
    assert values("The dock strike lasted one day.", JANUARY)["one day"] == ("P1D", "DURATION")


def test_a_day_named_from_the_telling_may_stand_for_its_era() -> None:
    assert values("Farming in today's world needs few hands.", JANUARY)["today"] == ("PRESENT_REF", "DATE")
    assert values("The trams of tomorrow will need no drivers.", JANUARY)["tomorrow"] == ("FUTURE_REF", "DATE")
    # a day's own business stays that day
    assert values("Today's auction was called off.", JANUARY)["Today"] == ("2023-01-18", "DATE")
    assert values("The vote will appear in tomorrow's paper.", JANUARY)["tomorrow"] == ("2023-01-19", "DATE")


def test_a_part_of_the_day_a_clause_names_is_not_the_tellings() -> None:
    found = values("She recalled the morning her son left for the front.", JANUARY)
    assert found["the morning"] == (None, "TIME")
    assert values("The blaze started in the morning.", JANUARY)["the morning"] == ("2023-01-18TMO", "TIME")


def test_or_so_after_an_amount_or_a_period_belongs_to_it() -> None:
    found = values("A month or so ago, the council met. It will not meet again for the next year or so.", OCTOBER)
    assert found["A month or so ago"] == ("2021-09", "DATE")
    assert found["the next year or so"] == ("2022", "DATE")
    assert values("The talks lasted three weeks or so.", OCTOBER)["three weeks or so"] == ("P3W", "DURATION")
