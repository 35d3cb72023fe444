"""Events: judgements in what someone calls a thing (:mod:`dateline.events._judged`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import actor_names, only, run


@pytest.mark.parametrize(("text", "recipient"), [
    ('Maria Costa called the new budget a "Christmas tree for lobbyists".', None),  # no word of blame: the quotes
    ('Maria Costa described the plan as "a fairy tale".', None),
    ('Maria Costa called Peter Walsh a "weather vane" on Monday.', "Peter Walsh"),  # the name parsed as a predicate
    ("Maria Costa called Peter Walsh a liar and a coward.", "Peter Walsh"),  # the name parsed as a compound
])
def test_a_label_in_quotation_marks_or_of_blame_is_an_accusation(text: str, recipient: str | None) -> None:
    article = run(text)
    event = only(article, "ACCUSE")
    assert [article.actor(i).name for i in event.actors if article.actor(i)] == ["Maria Costa"]
    if recipient is not None:
        assert recipient in [a.name for i in event.recipients if (a := article.actor(i)) is not None]


def test_a_plain_naming_is_no_event() -> None:
    article = run("Maria Costa called the new budget a plan for the future.")
    assert [e for e in article.events if e.type in ("ACCUSE", "SUPPORT")] == []


def test_a_claim_that_an_act_did_not_take_place_accuses_no_one() -> None:
    denied = run("Ann Cole insisted that Tom Hale never attacked Paul Roe.")
    assert not denied.events, denied.events  # no accusation, and no attack told
    claimed = run("Ann Cole insisted that Tom Hale attacked Paul Roe.")
    assert only(claimed, "ACCUSE").trigger.text == "insisted"
    said = run("Ann Cole said that Russia never attacked Ukraine.")  # no claim: the negated act stays told
    assert [(e.type, e.status) for e in said.events] == [("ASSAULT", "negated")]


@pytest.mark.parametrize("text", [
    "Ann Cole said that Tom Hale is not incompetent.",
    "Ann Cole said Tom Hale had never lied to the voters.",
])
def test_a_denied_judgement_judges_no_one(text: str) -> None:
    assert [e for e in run(text).events if e.type in ("ACCUSE", "SUPPORT")] == []


def test_said_blame_of_a_party_judges_it_beside_another_event() -> None:
    article = run('"The corrupt Harbor Commission refuses to hear us," Ann Cole argued on Monday.')
    blame = only(article, "ACCUSE")
    assert actor_names(article, blame.actors) == ["Ann Cole"]
    assert actor_names(article, blame.recipients) == ["Harbor Commission"]


def test_said_blame_beside_another_event_judges_no_unnamed_thing() -> None:
    article = run('"The corrupt deal was rejected by the Harbor Commission," Ann Cole said on Monday.')
    assert [e for e in article.events if e.type == "ACCUSE"] == []


def test_a_party_labelled_in_scare_quotes_in_reported_words_is_blamed() -> None:
    article = run('Ann Cole said the "dishonest" and "shifty" Tom Hale had attacked Paul Roe in the debate.')
    blame = [e for e in article.events if e.trigger.text == "said"]
    assert [(e.type, actor_names(article, e.actors), actor_names(article, e.recipients)) for e in blame] == [
        ("ACCUSE", ["Ann Cole"], ["Tom Hale"])]
    told = [e for e in article.events if e.trigger.text == "attacked"]  # the act she tells stays its own event
    assert [actor_names(article, e.actors) for e in told] == [["Tom Hale"]]


@pytest.mark.parametrize("text", [
    '"If Tom Hale is corrupt, we will find out," Ann Cole said on Monday.',
    "Ann Cole said that if Tom Hale lied, he is a disgrace.",
    '"Is Tom Hale a liar?" Ann Cole said on Monday.',
])
def test_a_supposed_or_asked_judgement_judges_no_one(text: str) -> None:
    assert [e for e in run(text).events if e.type in ("ACCUSE", "SUPPORT")] == []


def test_a_judgement_retold_is_its_owners_not_the_speakers() -> None:
    article = run("Ann Cole said Tom Hale had called Paul Roe a liar.")
    blame = only(article, "ACCUSE")
    assert (actor_names(article, blame.actors), actor_names(article, blame.recipients)) == (["Tom Hale"],
                                                                                           ["Paul Roe"])


def test_a_claim_judges_only_the_party_its_words_call_so() -> None:
    article = run("Ann Cole claimed the corrupt Tom Hale had stolen the election.")
    blame = [e for e in article.events if e.trigger.text == "claimed"]
    assert [(e.type, actor_names(article, e.recipients)) for e in blame] == [("ACCUSE", ["Tom Hale"])]
    plain = run("Ann Cole claimed the election in Ohio was a disaster for everyone.")  # no party called so
    assert [e for e in plain.events if e.trigger.text == "claimed"] == []


def test_a_party_said_to_be_a_bad_thing_is_judged_beside_another_event() -> None:
    article = run("Ann Cole said Tom Hale is a corrupt politician who rejected the deal.")
    blame = only(article, "ACCUSE")
    assert (actor_names(article, blame.actors), actor_names(article, blame.recipients)) == (["Ann Cole"],
                                                                                           ["Tom Hale"])
    denied = run("Ann Cole said Tom Hale is not a corrupt politician who rejected the deal.")
    assert [e for e in denied.events if e.type == "ACCUSE"] == []


def test_a_judgement_beside_another_event_needs_its_party_known() -> None:
    article = run('"The reckless Hale government refuses to publish the figures," Ann Cole said.')
    assert [e for e in article.events if e.trigger.text == "said"] == []  # no known actor is that government
