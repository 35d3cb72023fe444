"""Events: who did it and to whom (:mod:`dateline.events._args`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import actor_names, only, run


def test_a_name_the_parse_takes_for_a_predicate_is_the_object() -> None:
    # the parse makes "Ann Miller" what he named someone (oprd), not whom he named (dobj)
    article = run("Mark Ellis ran for president. In May he named Ohio dentist Ann Miller as his running mate and "
                  "began a tour.")
    event = only(article, "SUPPORT")
    assert "Ann Miller" in actor_names(article, event.recipients)


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("Israel launched a wave of airstrikes on Gaza on Monday.", "ASSAULT", "Israel"),
    ("President Maria Costa issued a series of pardons on Tuesday.", "CONCEDE", "Maria Costa"),
])
def test_acts_counted_by_a_noun_take_their_actor_through_it(text: str, event_type: str, actor: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert actor_names(article, event.actors) == [actor]


def test_the_agent_noun_before_a_noun_of_an_act_is_its_doer() -> None:
    article = run("Protests grew on Monday with the police killing of Sam Reed in Denver.")
    event = only(article, "ASSAULT")
    assert [(a.name, a.sector) for i in event.actors if (a := article.actor(i)) is not None] == [
        ("U.S. police", "COP")]
    assert actor_names(article, event.recipients) == ["Sam Reed"]


def test_a_name_before_a_noun_of_an_act_is_no_doer_and_the_clause_comes_first() -> None:
    article = run("The Reed killing shocked Denver. Putin held a phone call with Erdogan.")
    assert not [e for e in article.events if e.type == "ASSAULT" and e.actors]
    call = only(article, "CONSULT")
    assert {a.name for i in call.actors if (a := article.actor(i)) is not None} >= {"Vladimir Putin"}


@pytest.mark.parametrize("text", [
    "Senator Joan Walsh called for Russia to withdraw its troops from Ukraine on Monday.",
    "On Monday Senator Joan Walsh called for Russia to be expelled from the council.",
])
def test_what_is_called_for_is_asked_of_the_subject_of_its_clause(text: str) -> None:
    # the parse makes "for" the mark of the clause called for, not a preposition of "called"
    article = run(text)
    event = only(article, "REQUEST")
    assert actor_names(article, event.actors) == ["Joan Walsh"]
    assert actor_names(article, event.recipients) == ["Russia"]


def test_the_first_object_of_a_verb_that_gives_an_act_is_its_recipient() -> None:
    article = run("President Maria Costa granted Tom Baker a full pardon on Tuesday.")
    event = only(article, "CONCEDE")
    assert actor_names(article, event.actors) == ["Maria Costa"]
    assert actor_names(article, event.recipients) == ["Tom Baker"]
