"""Names the tagger left untagged after a person's title or noun are persons (real spaCy model)."""

from __future__ import annotations

import datetime as dt

from tests.actors.articles import actor_of, by_name, run


def test_names_after_a_plural_title_are_persons() -> None:
    article = run("Flowers were sent to Assistant Secretaries Corwin Halvey and Marisol Dunn.", dt.date(2020, 10, 2))
    halvey = actor_of(article, "Corwin Halvey")
    assert (halvey.name, halvey.kind) == ("Corwin Halvey", "person")
    assert actor_of(article, "Marisol Dunn").kind == "person"


def test_a_hyphenated_name_after_a_word_of_kinship_is_a_person() -> None:
    article = run("The letter was signed by her brother-in-law, Odilon Vasseur-Brac, last spring.",
                  dt.date(2019, 9, 27))
    relative = actor_of(article, "Odilon Vasseur-Brac")
    assert (relative.name, relative.kind) == ("Odilon Vasseur-Brac", "person")


def test_words_after_a_title_that_say_a_role_or_a_body_make_no_person() -> None:
    names = by_name(run("Deputy Lord Mayor Candidate Jo Pell and the Secretary of State met at the Town Hall.",
                        dt.date(2019, 9, 27)))
    assert "Candidate" not in names and "State" not in names and "Town Hall" not in names
