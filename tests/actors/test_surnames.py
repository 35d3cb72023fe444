"""A person named again by a bare surname the tagger reads as no person's (real spaCy model)."""

from __future__ import annotations

import datetime as dt

from tests.actors.articles import actor_of, run

DAY = dt.date(2020, 5, 1)


def test_a_surname_the_tagger_missed_is_the_person_named_before() -> None:
    article = run("Singer Daniel West launched a campaign for governor on Monday. West named a farmer as his running "
                  "mate.", DAY)
    assert actor_of(article, "West named").name == "Daniel West"


def test_a_surname_after_a_determiner_is_no_person() -> None:
    article = run("Singer Daniel West launched a campaign on Monday. Farmers in the West backed the plan.", DAY)
    at = article.text.index("West backed")
    assert article.actor_at(at, at + len("West")) is None


def test_a_surname_before_the_person_is_named_is_nobody() -> None:
    article = run("West of the city, farmers met. Singer Daniel West launched a campaign on Monday.", DAY)
    assert article.actor_at(0, len("West")) is None
