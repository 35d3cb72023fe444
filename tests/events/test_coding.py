"""Events: which hits the rules make into events (:mod:`dateline.events._coding`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import run


@pytest.mark.parametrize(("text", "coded"), [
    ("Marta Kowalski was arrested on Friday in Leeds.", True),  # the story's day, in its own sentence
    ("Yesterday the banker Omar Haddad was stabbed outside his office.", True),
    ("Marta Kowalski was arrested in 2011.", False),  # a year: the background of the story
    ("Marta Kowalski was arrested.", False),  # no day of its own
    ("Marta Kowalski was arrested on May 4, 2009.", False),  # a day long before the story
])
def test_a_passive_with_no_doer_is_coded_on_its_patient_when_its_sentence_dates_it_to_the_story(
        text: str, coded: bool) -> None:
    article = run(text, published="2021-03-06")  # a Saturday
    found = [e for e in article.events if e.type in ("COERCE", "ASSAULT")]
    assert bool(found) is coded, [(e.type, e.trigger.text, e.date) for e in article.events]
    for event in found:
        names = [a.name for i in (*event.actors, *event.recipients) if (a := article.actor(i)) is not None]
        assert names and "police" not in " ".join(names).lower()  # the patient, never a doer made up
