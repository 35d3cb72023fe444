"""A named body mentioned again by the noun of its kind (dateline.actors._later)."""

from __future__ import annotations

import datetime as dt

from tests.actors.articles import actor_of, no_actor_at, run

DAY = dt.date(2021, 5, 4)


def test_the_head_noun_of_a_body_s_name_names_it_again() -> None:
    article = run("The Kenya Wildlife Agency counted the elephants of the park in May. The agency said on Tuesday "
                  "that their number had grown.", DAY)
    assert actor_of(article, "The agency").name == actor_of(article, "Kenya Wildlife Agency").name
    article = run("The Commission on Regional Waters met in Geneva. Later the commission said the river was low.", DAY)
    assert "Commission" in actor_of(article, "the commission").name


def test_a_noun_of_a_sector_names_the_last_body_of_that_sector() -> None:
    article = run("The Blue Harbor Foundation sent tents to Nepal. The Hope River Trust sent food. The charity said "
                  "more was needed.", DAY)
    charity = actor_of(article, "The charity")
    assert charity.sector == "NGO"
    assert charity.name == actor_of(article, "Hope River Trust").name


def test_a_noun_before_a_body_is_named_or_modifying_another_noun_names_nobody() -> None:
    article = run("The agency director resigned. The Kenya Wildlife Agency later named a new one.", DAY)
    assert no_actor_at(article, "agency")
    article = run("The Kenya Wildlife Agency hired rangers. The agency budget grew.", DAY)
    at = article.text.index("agency budget")
    assert article.actor_at(at, at + len("agency")) is None


def test_a_noun_that_names_a_building_too_is_the_body_only_as_a_subject() -> None:
    article = run("Hank Doe was taken to the Lakeside General Hospital on Monday. The hospital said he was stable. "
                  "He was released from the hospital on Friday.", DAY)
    assert "Hospital" in actor_of(article, "The hospital said").name
    assert no_actor_at(article, "hospital", last=True)


def test_a_bare_noun_the_agents_read_joins_the_body_of_its_sector_named_before() -> None:
    article = run("The Leeds Herald printed the letter on Monday. The newspaper said it had checked it.", DAY)
    assert actor_of(article, "The newspaper").name == actor_of(article, "Leeds Herald").name


def test_a_noun_before_a_preposition_of_time_or_topic_still_names_the_body() -> None:
    article = run("The Kenya Wildlife Agency counted the elephants of the park. The agency on Tuesday said that their "
                  "number had grown.", DAY)
    assert actor_of(article, "The agency").name == actor_of(article, "Kenya Wildlife Agency").name


def test_a_modified_noun_is_read_by_its_head() -> None:
    article = run("The Nordic Press Agency printed the minister's letter in May. The news agency said on Tuesday "
                  "that it had checked it.", DAY)
    assert actor_of(article, "news agency").name == actor_of(article, "Nordic Press Agency").name
