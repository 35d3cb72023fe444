"""Events places: the article's main place from its dateline, its lead or the place it names most often; places a
relative clause of place or a visit sets, and the place a governor, a mayor or a town's own government governs."""

from __future__ import annotations

from dateline.records import Article, Event
from tests.events.test_events import only
from tests.events.test_events import run as run_events


def run(text: str) -> Article:
    """One article through the real pipeline."""
    return run_events(text, "2021-03-08")


def criticism(article: Article) -> Event:
    return only(article, "ACCUSE")


def test_a_story_the_lead_places_in_a_town_of_the_country_named_most_often_happens_in_that_town() -> None:
    article = run("Police arrested Jane Roe in Denver on Friday. The United States Attorney General praised "
                  "the arrest. U.S. Senator Ann Jones criticized Governor Tom Smith over the case. "
                  "The United States Senate will debate the case.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Denver" and event.place.country == "USA"


def test_a_story_that_names_no_place_most_often_happens_where_its_lead_places_it() -> None:
    event = criticism(run("Police arrested Jane Roe in Leeds on Friday. Senator Ann Jones criticized Governor "
                          "Tom Smith over the case."))
    assert event.place is not None and event.place.name == "Leeds"


def test_a_place_the_lead_names_as_a_modifier_is_not_where_the_story_happens() -> None:
    event = criticism(run("The Leeds police arrested Jane Roe on Friday. Senator Ann Jones criticized Governor "
                          "Tom Smith over the case."))
    assert event.place is None


#: Three sentences that name no place: what follows lies past the article's lead.
OPENING = "Jane Roe is a nurse. She has two children. She likes music. "


def test_an_event_without_a_place_of_its_own_happens_where_the_sentence_before_says_something_happens() -> None:
    article = run(OPENING + "Senator Ann Jones spoke at a rally in Leeds on Monday. Governor Tom Smith criticized "
                  "Senator Ann Jones.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Leeds"


def test_an_event_of_another_time_does_not_take_the_place_of_the_sentence_before() -> None:
    article = run(OPENING + "Senator Ann Jones spoke at a rally in Leeds on Monday. In 2012, Governor Tom Smith "
                  "criticized Senator Ann Jones.")
    assert criticism(article).place is None


def test_the_place_of_a_sentence_holds_for_two_sentences_at_most() -> None:
    article = run(OPENING + "Senator Ann Jones spoke at a rally in Leeds on Monday. Her speech was long. "
                  "The crowd was large. Governor Tom Smith criticized Senator Ann Jones.")
    assert criticism(article).place is None


def test_two_places_named_equally_often_leave_the_story_to_the_one_its_lead_names() -> None:
    article = run("The government of Norway closed all schools on Monday. Teachers praised the decision. Parents "
                  "were worried. Experts from Canada praised the step. Canada's health minister agreed. Norway's "
                  "teachers' union was pleased. Governor Tom Smith criticized Senator Ann Jones.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Norway"


def test_two_places_named_equally_often_and_neither_in_the_lead_make_no_main_place() -> None:
    article = run(OPENING + "Experts from Canada praised the step. Canada's health minister agreed. Norway's "
                  "teachers' union was pleased. Norway's health minister agreed. Governor Tom Smith criticized "
                  "Senator Ann Jones.")
    assert criticism(article).place is None


def test_an_event_told_in_a_relative_clause_of_place_happens_in_that_place() -> None:
    article = run(OPENING + "Governor Tom Smith flew to Leeds, where he criticized Senator Ann Jones.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Leeds"


def test_a_relative_clause_of_place_after_a_town_and_its_region_places_the_event_in_the_town() -> None:
    article = run(OPENING + "Governor Tom Smith flew to Denver, Colorado, where he criticized Senator Ann Jones.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Denver"


def test_the_place_a_visit_goes_to_holds_for_the_two_sentences_after() -> None:
    article = run(OPENING + "Governor Tom Smith visited Denver on Monday. Local mayors welcomed the visit. Senator "
                  "Ann Jones criticized Senator Bob Lee.")
    event = criticism(article)
    assert event.place is not None and event.place.name == "Denver"


def test_a_place_that_is_the_object_of_another_verb_is_not_where_the_next_sentence_happens() -> None:
    article = run(OPENING + "Governor Tom Smith praised Denver on Monday. Governor Tom Smith criticized Senator "
                  "Ann Jones.")
    assert criticism(article).place is None


def test_a_governors_act_with_no_place_of_its_own_happens_in_the_state_the_governor_governs() -> None:
    event = criticism(run(OPENING + "Utah Governor Tom Smith criticized Senator Ann Jones."))
    assert event.place is not None and event.place.name == "Utah"


def test_a_former_governors_act_does_not_happen_in_the_state_once_governed() -> None:
    assert criticism(run(OPENING + "Former Utah Governor Tom Smith criticized Senator Ann Jones.")).place is None


def test_a_senators_act_does_not_happen_in_the_state_the_senator_represents() -> None:
    assert criticism(run(OPENING + "Utah Senator Tom Smith criticized Governor Ann Jones.")).place is None


def test_an_act_of_a_towns_own_government_happens_in_that_town() -> None:
    event = criticism(run(OPENING + "The city of Denver criticized Senator Ann Jones."))
    assert event.place is not None and event.place.name == "Denver"


def test_a_national_government_named_by_its_capital_does_not_act_in_its_capital() -> None:
    assert criticism(run(OPENING + "Washington criticized Senator Ann Jones.")).place is None
