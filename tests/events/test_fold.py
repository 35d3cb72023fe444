"""Events: which triggers are the content of another (:mod:`dateline.events._fold`), over the real pipeline."""

from __future__ import annotations

from tests.events.test_events import actor_names, only, run


def test_a_clause_the_parse_hangs_on_another_across_a_semicolon_is_no_content_of_it() -> None:
    # the parse makes "handed" the complement of "approved": the demand is no content of the approval
    article = run("Union leader Ana Ruiz handed a petition demanding safer mines to Minister Leo Park; the new mine "
                  "rules were approved a week later.")
    event = only(article, "REQUEST")
    assert actor_names(article, event.actors) == ["Ana Ruiz"]
    assert actor_names(article, event.recipients) == ["Leo Park"]


def test_a_relative_clause_with_a_subject_of_its_own_tells_that_subject_s_act() -> None:
    # "denied" hangs below the accusation's content ("bribes"), but its subject is its own: Reed's denial
    article = run("Prosecutors accused Mayor Tom Reed of taking bribes from a builder, which Reed denied.")
    assert actor_names(article, only(article, "ACCUSE").recipients) == ["Tom Reed"]
    assert actor_names(article, only(article, "REJECT").actors) == ["Tom Reed"]


def test_an_adverbial_clause_with_a_subject_of_its_own_tells_that_subject_s_act() -> None:
    article = run("Lawmakers approved a budget with about half as much money as Governor Tom Reed had requested "
                  "for bridges.")
    assert actor_names(article, only(article, "REQUEST").actors) == ["Tom Reed"]


def test_a_condition_with_a_subject_of_its_own_stays_part_of_the_threat() -> None:
    article = run("Iran threatened to attack the base if Israel struck its ships.")
    assert [e.type for e in article.events] == ["THREATEN"]


def test_an_infinitive_with_a_subject_stays_what_was_called_for() -> None:
    article = run("Senator Ann Lee's spokesman called for Reuters to suspend its columnist.")
    assert [e.type for e in article.events] == ["REQUEST"]
    assert actor_names(article, only(article, "REQUEST").recipients) == ["Reuters"]
