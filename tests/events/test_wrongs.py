"""Events: wrongs told with a verb of saying (:mod:`dateline.events._wrongs`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import actor_names, only, run


@pytest.mark.parametrize(("text", "recipient"), [
    ("Ann Cole said Tom Hale broke the law.", "Tom Hale"),
    ("Ann Cole said that Tom Hale lied to the voters and cheated.", "Tom Hale"),
    ("Ann Cole told reporters the Delta Front were the culprits.", "Delta Front"),
    ("Ann Cole said Tom Hale was guilty.", "Tom Hale"),
])
def test_a_wrong_said_of_a_named_party_accuses_it(text: str, recipient: str) -> None:
    article = run(text)
    event = only(article, "ACCUSE")
    assert actor_names(article, event.actors) == ["Ann Cole"]
    assert recipient in actor_names(article, event.recipients)


@pytest.mark.parametrize("text", [
    "Ann Cole said Tom Hale did not break the law.",  # denied
    "Ann Cole said Tom Hale will break the law.",  # foreseen
    "Did Ann Cole say Tom Hale broke the law?",  # asked
    "Ann Cole said she broke the law.",  # her own act
    "Ann Cole said Tom Hale made the law.",  # no wrong
])
def test_a_wrong_denied_foreseen_asked_or_ones_own_accuses_no_one(text: str) -> None:
    article = run(text)
    assert [e for e in article.events if e.type == "ACCUSE"] == [], article.events
