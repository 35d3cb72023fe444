"""Events: an act aimed at an earlier act reaches that act's doer (:mod:`dateline.events._responses`)."""

from __future__ import annotations

from dateline.records import Article, Event
from tests.events.test_events import actor_names, run


def _only(article: Article, kind: str) -> Event:
    [event] = [e for e in article.events if e.type == kind]
    return event


def test_criticism_of_a_commutation_reaches_who_commuted() -> None:
    article = run("President Tom Hale commuted the prison sentence of Peter Walsh on Monday. The Green Party "
                  "criticized the commutation.", "2020-06-01")
    criticism = _only(article, "ACCUSE")
    assert actor_names(article, criticism.recipients) == ["Tom Hale"]
    assert [s.text for s in criticism.recipient_spans] == ["the commutation"]


def test_praise_of_a_selection_reaches_who_selected() -> None:
    article = run("Senator Ann Reyes named Peter Walsh as her running mate on Monday. Governor Tom Hale questioned "
                  "the selection. The Green Party praised the selection.", "2020-06-01")
    assert actor_names(article, _only(article, "ACCUSE").recipients) == ["Ann Reyes"]
    praise = [e for e in article.events if e.type == "SUPPORT" and actor_names(article, e.actors) == ["Green Party"]]
    assert [actor_names(article, e.recipients) for e in praise] == [["Ann Reyes"]]


def test_a_decision_told_with_a_verb_reaches_who_decided() -> None:
    article = run("Judge Mary Cole decided on Friday that the ballots must be counted. Governor Bill Stone called "
                  "the decision a disgrace.", "2020-06-01")
    criticism = _only(article, "ACCUSE")
    assert actor_names(article, criticism.recipients) == ["Mary Cole"]
    assert [s.text for s in criticism.recipient_spans] == ["the decision"]


def test_a_report_reaches_who_published_it_but_not_through_an_investigation() -> None:
    article = run("The Daily Herald published allegations on Monday that the minister took bribes. Police are "
                  "investigating the report. Minister Jan Olsen denied the report.", "2020-06-01")
    assert _only(article, "ACCUSE").recipients == ()
    assert actor_names(article, _only(article, "REJECT").recipients) == ["Daily Herald"]


def test_an_order_reaches_who_issued_it() -> None:
    article = run("President Bill Stone issued an order closing the border on Monday. Judge Mary Cole ruled on "
                  "Friday that the order was unlawful. Senator Ann Brody condemned the order.", "2020-06-01")
    assert actor_names(article, _only(article, "ACCUSE").recipients) == ["Bill Stone"]


def test_the_move_reaches_who_just_acted_and_no_one_later() -> None:
    article = run("Mayor Tom Reyes closed the city parks on Tuesday. Governor Lisa Dunn criticized the move. Heavy "
                  "rain fell on Wednesday. Snow fell on Thursday. Senator Ann Brody praised the move.", "2020-06-01")
    assert actor_names(article, _only(article, "ACCUSE").recipients) == ["Tom Reyes"]
    assert _only(article, "SUPPORT").recipients == ()


def test_what_a_judgement_says_of_the_move_reaches_who_acted() -> None:
    article = run("Mayor Tom Reyes closed the city parks on Tuesday. Governor Lisa Dunn denied that the move was "
                  "legal.", "2020-06-01")
    assert actor_names(article, _only(article, "REJECT").recipients) == ["Tom Reyes"]


def test_joining_a_protest_is_no_judgement_of_it() -> None:
    article = run("Teacher Ann Lund protested outside the parliament on Monday. Hundreds of students joined the "
                  "protest on Tuesday.", "2020-06-01")
    joined = [e for e in article.events if e.trigger.text == "joined"]
    assert all("Ann Lund" not in actor_names(article, e.recipients) for e in joined)
