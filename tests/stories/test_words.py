"""The word an event record is compared by: its trigger's first letters, one for all words of a family."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import ResourceError
from dateline.records import Actor, Article, Event
from dateline.store import Store
from dateline.stories._match import InstanceIndex, Mention, Party, compatible
from dateline.stories._read import chunk_mentions, pending
from dateline.stories._words import families, index_families, name_joiners, speech_words, stem, trigger_word
from tests.store.exports import sentence, span
from tests.stories.test_match import mention


def test_forms_and_synonyms_of_one_happening_are_one_word() -> None:
    assert trigger_word("died", "en") == trigger_word("Death", "en") == trigger_word("dead", "en")
    assert trigger_word("earthquake", "en") == trigger_word("quake", "en")
    assert trigger_word("attacked", "en") == "attac"  # a word of no family: its own first letters
    assert trigger_word("died", "en") != trigger_word("attacked", "en")
    # damage to a thing: "the blaze damaged the church", "the church was destroyed", "devastation"
    assert trigger_word("damaged", "en") == trigger_word("destroyed", "en") == trigger_word("devastation", "en")
    assert trigger_word("damaged", "en") != trigger_word("fire", "en")
    # a shooting told as a gunning down: "the guard was gunned down", "shot at the gate"
    assert trigger_word("gunned", "en") == trigger_word("gunning", "en") == trigger_word("shot", "en")
    assert trigger_word("gunman", "en") != trigger_word("shot", "en")  # the doer is no act


def test_a_language_without_families_compares_each_word_alone() -> None:
    assert trigger_word("died", "xx") == stem("died") == "died"
    assert families("en")  # English has them


def test_the_words_a_headline_joins_doers_by_and_several_speakers_say() -> None:
    assert {",", "and"} <= name_joiners("en") and "the" not in name_joiners("en")
    assert name_joiners("xx") == frozenset()
    # a speech verb as one speaker and as several take it: "says", "say"
    assert {stem("says"), stem("say"), stem("denies"), stem("deny")} <= speech_words("en")


def test_families_sharing_first_letters_are_refused() -> None:
    assert index_families([["die", "death"], ["grim"]], "f.json") == {"die": "die", "death": "die", "grim": "grim"}
    with pytest.raises(ResourceError, match="another family"):
        index_families([["die", "death"], ["deathly", "grim"]], "f.json")
    with pytest.raises(ResourceError, match="lists of words"):
        index_families([["die"], []], "f.json")


def test_a_stored_record_is_compared_by_its_family(tmp_path: Path) -> None:
    text = "The mayor died on Sunday after a long illness."
    mayor = Actor("a-mayor", "Anna Berg", "person", "SWE", "GOV", (span(text, "mayor"),))
    died = Event("e1", "ASSAULT", ("a-mayor",), (), "occurred", span(text, "died"), sentence(text, "The"), quad=4)
    article = Article(id="art-died", source="d.txt", title="Mayor dies", published=dt.date(2021, 3, 7),
                      language="en", text=text, actors=(mayor,), events=(died,))
    with Store(tmp_path / "words.duckdb") as store:
        store.write([article])
        found = chunk_mentions(store.con, pending(store.con, 1), {"art-died": "s1"}, {})
    assert [m.word for m in found] == [trigger_word("death", "en")]


def test_a_record_joins_the_instance_of_its_family_before_another_words() -> None:
    index = InstanceIndex()
    index.add(dataclasses.replace(mention("a", kind="ASSAULT"), word=trigger_word("attack", "en")), "i-attack")
    index.add(dataclasses.replace(mention("b", kind="ASSAULT"), word=trigger_word("death", "en")), "i-death")
    died = dataclasses.replace(mention("c", kind="ASSAULT"), word=trigger_word("died", "en"))
    assert index.assign(died) == "i-death"


def test_one_happening_told_from_two_sides_is_one_word() -> None:
    # a death, a contest's result, a capture, a foiled attempt
    assert trigger_word("killed", "en") == trigger_word("died", "en") == trigger_word("murder", "en")
    assert trigger_word("won", "en") == trigger_word("lost", "en") == trigger_word("beat", "en")
    assert trigger_word("captured", "en") == trigger_word("arrested", "en")
    assert trigger_word("foiled", "en") == trigger_word("thwarted", "en")
    assert trigger_word("killed", "en") != trigger_word("won", "en") != trigger_word("captured", "en")


def test_a_family_makes_one_word_and_the_participants_still_decide() -> None:
    ann, bo = Party("ann-ray.usa", "USA"), Party("bo-lee.usa", "USA")

    def told(word: str, actors: tuple[Party, ...], recipients: tuple[Party, ...] = ()) -> Mention:
        return dataclasses.replace(mention("a", kind=trigger_word(word, "en"), actors=actors, recipients=recipients),
                                   word=trigger_word(word, "en"))

    assert not compatible(told("won", (ann,)), told("lost", (bo,)))  # two actors: apart
    assert not compatible(told("killed", (ann,), (bo,)), told("died", (bo,)))
    assert compatible(told("killed", (ann,), (bo,)), told("died", (ann,)))  # one actor, the other side unnamed
    assert compatible(told("won", (ann,)), told("beat", (ann,), (bo,)))
