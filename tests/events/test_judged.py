"""Events: judgements in what someone calls a thing (:mod:`dateline.events._judged`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import only, run


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
