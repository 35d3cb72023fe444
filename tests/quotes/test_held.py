"""Stances no one is said to hold (quotes._held): relative pronouns for no one, needs and directions, conditions,
scenes that things show; and clauses of reason, which end a stance's content."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.quotes._held import without_own_cue
from dateline.records import Article, Quote, make_span


def stances(text: str) -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return [q for q in quotes.apply(replace(article, actors=())).quotes if q.kind == "stance"]


def contents(found: list[Quote]) -> set[str]:
    return {q.content.text for q in found}


def test_people_who_hold_a_view_are_no_holder_but_named_ones_set_off_by_a_comma_are(nlp: Any) -> None:
    found = stances("Shops sell masks to people who want to wear them. "
                    "My cousins from Leeds, who knew that I was ill, visited me every week.")
    assert not any("wear them" in c for c in contents(found))
    assert "I was ill" in contents(found)


def test_a_thing_behind_which_is_no_holder(nlp: Any) -> None:
    found = stances("The club held a meeting, which promoted its new jerseys. The mayor promoted the new park.")
    assert not any("jerseys" in c for c in contents(found))


def test_what_one_needs_or_is_advised_to_hold_is_not_held(nlp: Any) -> None:
    found = stances("Drivers were advised to expect long delays on the bridge. "
                    "We need to think about better ways to count the birds. Drivers expect long delays.")
    assert not any("bridge" in c or "count the birds" in c for c in contents(found))
    assert "long delays" in contents(found)


def test_a_stance_in_a_condition_is_not_held_but_one_beside_it_is(nlp: Any) -> None:
    found = stances("If you want to join the choir, you should call Anna. "
                    "Unless you want to add more, I think the list is complete.")
    assert not any("join the choir" in c or "add more" in c for c in contents(found))
    assert "the list is complete" in contents(found)


def test_a_scene_a_thing_shows_is_no_stance_but_a_finding_is(nlp: Any) -> None:
    found = stances("A video from the harbour showed the ferry sinking slowly. "
                    "The boy was found under a collapsed wall. The inspectors showed that the ferry was overloaded.")
    assert not any("ferry sinking" in c or "collapsed wall" in c for c in contents(found))
    assert any("the ferry was overloaded" in c for c in contents(found))


def test_a_reason_the_cue_governs_ends_the_content(nlp: Any) -> None:
    found = stances("I decided to sell the farm because my knees hurt too much.")
    assert "to sell the farm" in contents(found)
    assert not any("knees" in c for c in contents(found))


def test_a_pronoun_for_no_one_before_be_holds_no_stance_but_an_organization_does(nlp: Any) -> None:
    found = stances("The board met on Monday. It's a suspicion that the pump failed. "
                    "It's important to understand that the dam is old. The board opposes the dam.")
    assert not any("pump failed" in c or "dam is old" in c for c in contents(found))
    assert "the dam" in contents(found)


def test_you_holds_no_stance_outside_quotation_marks(nlp: Any) -> None:
    found = stances("The museum lends its boats to schools, and you know those are just rowing boats. "
                    "The mayor knows the boats are old.")
    assert not any("rowing boats" in c for c in contents(found))
    assert "the boats are old" in contents(found)


def test_a_content_that_holds_its_own_cue_starts_after_it_or_is_no_report(nlp: Any) -> None:
    found = stances("In her view, the club needs a new coach. The comet they found was a ball of ice and dust.")
    assert "the club needs a new coach" in contents(found)
    assert not any("ball of ice" in c or c.startswith("In her view") for c in contents(found))


def test_which_opens_a_question_not_a_view(nlp: Any) -> None:
    found = stances("We don't know which pump failed first. We know the pump failed.")
    assert not any(c.startswith("which") for c in contents(found))
    assert "the pump failed" in contents(found)


def test_a_thing_has_no_mind_to_hold_a_stance_but_people_do(nlp: Any) -> None:
    found = stances("These results support a much later date for the flood. "
                    "The new boat intends to sail at dawn. "
                    "The old volunteers support a much later date for the fair. "
                    "My brothers and I understood that the mill would close.")
    assert not any("the flood" in c or "sail at dawn" in c for c in contents(found))
    assert any("the fair" in c for c in contents(found))
    assert any("the mill would close" in c for c in contents(found))


def test_a_habit_of_people_at_large_is_no_ones_stance_but_a_report_of_them_is(nlp: Any) -> None:
    found = stances("Everybody wants to own a house by the river. "
                    "Most people want a shorter working week. "
                    "Everyone criticized the new timetable as far too slow.")
    assert not any("house by the river" in c for c in contents(found))
    assert any("shorter working week" in c for c in contents(found))
    assert any("timetable" in c for c in contents(found))


def test_a_courtesy_holds_no_stance_but_a_wish_does(nlp: Any) -> None:
    found = stances("I would like to ask you about your plans for the harbour. I would like to visit the harbour.")
    assert not any("ask you" in c for c in contents(found))
    assert "to visit the harbour" in contents(found)


def test_what_a_sentence_says_of_the_noun_a_cue_modifies_is_no_report_of_the_cue(nlp: Any) -> None:
    text = "The comet they found was a ball of ice and dust. The plan she backed: cut the tax."
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    doc = article.doc
    assert doc is not None

    def stance(cue: str, content: str) -> Quote:
        start, at = text.index(content), text.index(cue)
        return Quote(id="q", content=make_span(text, start, start + len(content)), direct=False,
                     cue=make_span(text, at, at + len(cue)), kind="stance")

    found, backed = (next(t for t in doc if t.text == w) for w in ("found", "backed"))
    assert without_own_cue(text, stance("found", "was a ball of ice and dust"), found) is None
    after_colon = stance("backed", "cut the tax")  # a colon opens what the cue reports
    assert without_own_cue(text, after_colon, backed) == after_colon
