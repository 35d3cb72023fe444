"""Events dates: the month an article reports on, from its title or its publication."""

from __future__ import annotations

import pytest

from dateline.records import Article, Event
from tests.events.test_events import only
from tests.events.test_events import run as run_events


def run(text: str, title: str | None, published: str = "2021-05-28") -> Article:
    """One article with a title through the real pipeline."""
    return run_events(text, published, title=title)


def accusation(article: Article) -> Event:
    return only(article, "ACCUSE")


@pytest.mark.parametrize(("title", "month"), [
    # a roundup of a past month reports that month: what it tells without a time of its own happened then
    ("Parliament in review, April 2021", "2021-04"),
    # a title naming no month, or the month of publication, leaves the publication month
    ("Parliament in review", "2021-05"),
    ("Parliament in review, May 2021", "2021-05"),
    # a month after publication is a plan, not what the article reports
    ("Parliament looks ahead to June 2021", "2021-05"),
])
def test_an_undated_act_takes_the_month_the_article_reports_on(title: str, month: str) -> None:
    for text in ("Senator Ann Jones criticized Governor Tom Smith.", "Senator Ann Jones has criticized Governor "
                 "Tom Smith."):
        event = accusation(run(text, title))
        assert event.date is not None and event.date.value == month and event.date.text is None


def test_an_act_with_its_own_time_keeps_it_in_a_roundup() -> None:
    event = accusation(run("On March 3, Senator Ann Jones criticized Governor Tom Smith.",
                           "Parliament in review, April 2021"))
    assert event.date is not None and event.date.value == "2021-03-03"


def test_the_day_of_the_story_is_the_first_day_its_lead_states_on_any_clause() -> None:
    article = run("Lee Barker, who stabbed two people at the Corn Exchange in Leeds on Friday, is in hospital. The "
                  "hall is an old building. It hosts many concerts. Its owners are a charity. Police shot Lee Barker "
                  "on Briggate.", None, published="2019-12-02")
    shot = [e for e in article.events if e.trigger.text == "shot"]
    assert shot and shot[0].date is not None and shot[0].date.value == "2019-11-29"


@pytest.mark.parametrize(("text", "month"), [
    # a gerund or participle with no auxiliary tells the time of the finite verb it hangs on
    ("The bill passed, with Senator Ann Jones criticizing Governor Tom Smith.", "2021-05"),
    ("The seat stays empty, with Senator Ann Jones still criticizing Governor Tom Smith.", "2021-05"),
    # a past perfect above it still tells no time of the story
    ("The bill had passed, with Senator Ann Jones criticizing Governor Tom Smith.", None),
])
def test_a_participle_clause_takes_the_tense_of_the_verb_it_hangs_on(text: str, month: str | None) -> None:
    event = accusation(run(text, None))
    assert (event.date.value if event.date else None) == month
