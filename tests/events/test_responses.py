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


def test_an_act_of_the_kind_it_answers_is_left_alone() -> None:
    article = run("Senator Ann Reyes named Peter Walsh as her running mate on Monday. Governor Tom Hale questioned "
                  "the selection. The Green Party praised the selection.", "2020-06-01")
    assert actor_names(article, _only(article, "ACCUSE").recipients) == ["Ann Reyes"]
    praise = [e for e in article.events if e.type == "SUPPORT" and actor_names(article, e.actors) == ["Green Party"]]
    assert [e.recipients for e in praise] == [()]
