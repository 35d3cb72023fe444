"""Events: the doer the story holds responsible for an attack its lead tells with no doer
(:mod:`dateline.events._claims`)."""

from __future__ import annotations

from dateline.records import Article, Event
from tests.events.test_events import actor_names, run


def _attacks(article: Article) -> list[Event]:
    return [e for e in article.events if e.type == "ASSAULT"]


def test_the_group_that_claims_the_attack_is_its_doer() -> None:
    article = run("A car bomb was rammed into an army base in Ghazni on Monday. The Taliban claimed responsibility "
                  "for the attack.", "2020-06-01")
    [attack] = _attacks(article)
    assert actor_names(article, attack.actors) == ["Taliban"]


def test_the_group_an_attack_is_attributed_to_is_its_doer_once_in_its_sentence() -> None:
    article = run("A bombing yesterday killed journalist Omar Haddad in the port town of Mokha, Yemen. No group "
                  "claimed the attack, but the governor attributed the bombing to Houthi rebels.", "2020-06-01")
    [attack] = _attacks(article)  # the bombing and the killing are one act
    assert actor_names(article, attack.actors) == ["Houthis"]
    assert actor_names(article, attack.recipients) == ["Omar Haddad"]


def test_no_doer_where_none_claims_the_attack() -> None:
    article = run("A bomb exploded at a market in Kabul on Monday. The Taliban did not claim responsibility.",
                  "2020-06-01")
    assert all(not e.actors for e in _attacks(article))
