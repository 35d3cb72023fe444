"""Events scene: what earlier sentences and the sentence's own main clause give an event that states no date."""

from __future__ import annotations

from dateline.records import Event
from tests.events.test_events import run


def _by_trigger(events: tuple[Event, ...], word: str) -> Event:
    (event,) = [e for e in events if e.trigger.text == word]
    return event


def test_a_date_stated_in_an_earlier_paragraph_is_not_carried_to_a_new_one() -> None:
    article = run("On Monday, Ann Lee, the governor, criticized Tom Smith, a senator.\n\nTom Smith was convicted "
                  "of fraud in 2006. He was jailed for a year.\n\nAnn Lee condemned Jim Brown.", published="2019-07-10")
    condemned = _by_trigger(article.events, "condemned").date
    assert condemned is not None and condemned.value == "2019-07-08"  # Ann Lee's Monday, not Tom Smith's 2006


def test_a_date_stated_later_in_the_same_paragraph_is_still_carried() -> None:
    article = run("On Monday, Ann Lee, the governor, criticized Tom Smith, a senator. In 2006, Jim Brown sued "
                  "Tom Smith. Ann Lee condemned Jim Brown.", published="2019-07-10")
    condemned = _by_trigger(article.events, "condemned").date
    assert condemned is not None and condemned.value == "2006"


def test_an_act_with_no_time_of_its_own_takes_the_time_of_its_sentence_main_clause() -> None:
    article = run("The theft shocked the town. Yesterday, the Leeds police said they had arrested Tom Smith.",
                  published="2019-09-18")
    arrested = _by_trigger(article.events, "arrested").date
    assert arrested is not None and arrested.value == "2019-09-17" and arrested.text == "Yesterday"


def test_an_act_told_as_done_takes_no_date_after_its_report() -> None:
    done = _by_trigger(run("Senator Ann Jones criticized Governor Tom Smith next Friday.",
                           published="2019-09-09").events, "criticized").date
    assert done is not None and done.value == "2019-09"  # the month of the report, not the Friday after it
    due = _by_trigger(run("Senator Ann Jones will criticize Governor Tom Smith next Friday.",
                          published="2019-09-09").events, "criticize").date
    assert due is not None and due.value == "2019-09-13"  # a plan may lie ahead
