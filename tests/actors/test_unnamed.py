"""Persons the text introduces by an indefinite noun and never names (dateline.actors._unnamed)."""

from __future__ import annotations

import datetime as dt

from tests.actors.articles import actor_of, no_actor_at, run


def test_an_indefinite_person_noun_that_acts_is_a_person_of_its_sentence_s_country() -> None:
    article = run("A fire broke out in a market in Leeds, Britain on Sunday. An eyewitness told reporters the roof "
                  "fell in.", dt.date(2021, 3, 2))
    witness = actor_of(article, "An eyewitness")
    assert (witness.name, witness.kind, witness.country, witness.sector) == ("eyewitness", "person", "GBR", "CVL")
    article = run("Press freedom fell in Asia. In Vietnam, a crime novelist was fined for libel.", dt.date(2021, 3, 2))
    novelist = actor_of(article, "a crime novelist")
    assert (novelist.name, novelist.country) == ("crime novelist", "VNM")


def test_the_agent_of_a_passive_verb_counts_but_a_predicate_or_an_apposition_does_not() -> None:
    article = run("The mayor of Lyon was insulted by a bystander on Friday. She is a writer from Paris. Jean Roe, a "
                  "novelist, spoke in Lyon.", dt.date(2021, 3, 2))
    assert actor_of(article, "a bystander").country == "FRA"
    assert no_actor_at(article, "a writer")
    assert actor_of(article, "Jean Roe").kind == "person"
    assert not [a for a in article.actors if a.name == "novelist"]


def test_an_individual_arrested_is_the_criminal_the_article_names() -> None:
    article = run("An individual has been arrested after the mayor of Gdynia was stabbed. Police named the attacker "
                  "as Adam Nowak, 27.", dt.date(2019, 1, 14))
    nowak = actor_of(article, "An individual")
    assert "Nowak" in nowak.name and nowak.sector == "CRM"
