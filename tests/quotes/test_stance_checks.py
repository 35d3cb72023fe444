"""Stances the quotes stage must not report: repute, perception and acts that no one holds as a position."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.records import Article, Quote


def stances(text: str) -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return [q for q in quotes.apply(replace(article, actors=())).quotes if q.kind == "stance"]


def contents(found: list[Quote]) -> set[str]:
    return {q.content.text for q in found}


def test_repute_is_no_stance_but_a_belief_and_a_named_view_are(nlp: Any) -> None:
    found = stances("Conway is known for devising the Game of Life. He was seen by neighbours as a recluse. "
                    "The theorem is believed to be false.")
    assert not any("Game of Life" in c for c in contents(found))
    assert "The theorem is believed to be false" in contents(found)
    seen = next(q for q in found if "recluse" in q.content.text)
    assert seen.speaker_span is not None and seen.speaker_span.text == "neighbours"


def test_going_on_with_a_deed_is_no_stance_but_a_want_is(nlp: Any) -> None:
    found = stances("She retired in 2005 but continued to teach at the School of Music. "
                    "The company continued to label the posts. The senator continued to oppose the bill, "
                    "and she wants to cut taxes.")
    assert not any("label the posts" in c or "School of Music" in c for c in contents(found))
    assert {"the bill", "to cut taxes"} <= contents(found)


def test_a_source_opened_by_no_is_no_one_but_few_are_someone(nlp: Any) -> None:
    found = stances("No shop should know which films you watch. No official believes the talks will fail. "
                    "Few officials believe the talks will fail.")
    assert not any("films" in q.content.text for q in found)
    holders = {q.speaker_span.text for q in found if q.speaker_span is not None}
    assert holders == {"Few officials"}


def test_deeds_told_by_we_and_they_are_no_stances_but_their_support_is(nlp: Any) -> None:
    found = stances("We have booked one outing every week. They offered Hallam a morning tour of the "
                    "factory. The union endorsed the mayor, and we support the plan.")
    assert not any("outing" in c or "tour" in c for c in contents(found))
    assert {"the mayor", "the plan"} <= contents(found)


def test_an_embedded_question_is_no_position_but_a_wonder_and_a_that_clause_are(nlp: Any) -> None:
    found = stances("We will see if the drug works. I know what it is. She wondered how the talks would end. "
                    "I know that it works.")
    assert not any(c.startswith(("if the drug", "what it is")) for c in contents(found))
    assert {"how the talks would end", "it works"} <= contents(found)


def test_a_year_sees_no_stance_but_officials_do(nlp: Any) -> None:
    found = stances("Rural roads see many crashes; 2019 saw 4,302 reported crashes. "
                    "Officials saw that the roads were unsafe.")
    assert not any("crashes" in c for c in contents(found))
    assert "the roads were unsafe" in contents(found)


def test_a_purpose_is_no_stance_but_a_decision_is(nlp: Any) -> None:
    found = stances("Novak moved to Canada to pursue his studies. The group visited the room to "
                    "celebrate a birthday. The mayor decided to pursue the case.")
    assert not any("studies" in c or "birthday" in c for c in contents(found))
    assert "to pursue the case" in contents(found)


def test_discussing_is_speech_not_a_stance(nlp: Any) -> None:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=(
        "With our reporter, van Dijk discusses why he left the party. The union endorsed the mayor."))])
    found = {q.content.text: q.kind for q in quotes.apply(article).quotes}
    assert found.get("why he left the party") == "speech"
    assert found.get("the mayor") == "stance"


def test_liking_and_remembering_are_stances_of_the_speaker(nlp: Any) -> None:
    found = stances("I really admired the two brothers of Klitschko. I remember she used to sing with my aunt.")
    assert {"the two brothers of Klitschko", "she used to sing with my aunt"} <= contents(found)
    assert all(q.speaker_span is not None and q.speaker_span.text == "I" for q in found)


def test_a_question_of_where_or_with_a_clitic_is_no_position_but_a_known_fact_is(nlp: Any) -> None:
    text = "I did not know where the ferry was. I know what's wrong with the pump. I know that the ferry left at noon."
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    found = list(quotes.apply(replace(article, actors=())).quotes)  # of any kind: the questions are dropped
    assert not any("ferry was" in c or "wrong with the pump" in c for c in contents(found))
    assert "the ferry left at noon" in contents(stances(text))


def test_a_that_which_is_the_subject_of_the_view_stays_in_it_a_complementizer_does_not(nlp: Any) -> None:
    found = contents(stances("Asked about the new ferry timetable, Ms. Adeyemi replied briefly. I think that was "
                             "fine for most riders. She believes that the ferries will run late."))
    assert "that was fine for most riders" in found
    assert "the ferries will run late" in found


def test_a_view_with_its_own_object_is_no_aside_to_the_clause_before_it(nlp: Any) -> None:
    found = contents(stances("The exam was hard, I don't know why. She has been busy with her studies, so I "
                             "understand that. The ferry leaves at noon, I believe."))
    assert "The ferry leaves at noon" in found
    assert not any("exam" in c or "studies" in c for c in found)



def test_the_rules_read_no_view_told_in_a_clause_about_a_thing_with_its_own_cue(nlp: Any) -> None:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=(
        "This is a question that we plan to study next spring. The ferry, which they thought was late, left at "
        "noon. Ms. Osei believes the ferry will be faster next year."))])
    found = [q for q in quotes.apply(replace(article, actors=()), quotes.QuotesConfig(method="rules")).quotes
             if q.kind == "stance"]
    assert not any("we plan" in q.content.text or "they thought" in q.content.text for q in found)
    assert "the ferry will be faster next year" in contents(found)


def test_who_receives_criticism_is_not_its_source(nlp: Any) -> None:
    found = stances("The mayor received criticism for the new parking rules. The council made the claim that the "
                    "rules were fair.")
    assert not any(q.speaker_span is not None and q.speaker_span.text == "The mayor" for q in found)


def test_one_who_feels_what_a_verb_of_feeling_tells_is_its_source(nlp: Any) -> None:
    found = stances("The new toll on the bridge has angered many shop owners. "
                    "Several board members were troubled by her remarks. Senator Ames embarrassed himself.")
    read = {(q.speaker_span.text if q.speaker_span else None, q.content.text) for q in found}
    assert read == {("many shop owners", "The new toll on the bridge"), ("Several board members", "her remarks")}


def test_a_question_after_an_adjective_or_a_noun_of_thought_is_no_position(nlp: Any) -> None:
    found = stances("The mayor was not sure which bridge would open first. "
                    "The engineers had no idea whether the dam would hold. "
                    "The mayor was sure that the tunnel would open first.")
    assert not any("bridge" in c or "dam" in c for c in contents(found))
    assert "the tunnel would open first" in contents(found)
