"""Products, software and services named as names: no actors where they are things used (real spaCy model)."""

from __future__ import annotations

import json
from pathlib import Path

import dateline.lang
from dateline import actors
from dateline.actors._products import platform_name, product_name
from dateline.actors._words import Words, parse_words
from dateline.annotate import apply_batch
from dateline.records import Actor, Article


def words() -> Words:
    return parse_words(json.loads((Path(dateline.lang.__file__).parent / "en" / "actors.json").read_text()))


def names(text: str) -> dict[str, Actor]:
    article = actors.apply(apply_batch([Article(id="t", source="test", text=text)])[0])
    return {a.name: a for a in article.actors}


def test_a_product_is_known_by_its_whole_name_or_its_last_words() -> None:
    listed = words()
    assert product_name(listed, "Paracetamol") and product_name(listed, "JavaScript")
    assert product_name(listed, "Orchid  Linux") and product_name(listed, "Kestrel Operating System")
    assert not product_name(listed, "Linux Foundation") and not product_name(listed, "Red Hat")
    assert platform_name(listed, "youtube") and not platform_name(listed, "Microsoft")


def test_software_and_medicines_are_no_actors() -> None:
    found = names("Omar Diaz said the nurses took paracetamol and chatted on IRC, and Microsoft said it would help.")
    assert found["Omar Diaz"].kind == "person" and found["Microsoft"].sector == "BUS"
    assert not {"Paracetamol", "paracetamol", "IRC"} & set(found)


def test_a_service_named_as_a_venue_or_a_belonging_is_no_actor() -> None:
    found = names("Sara Holm said the editors had moved the code to GitLab, and Carla Nunez shared the photo on her "
                  "Instagram.")
    assert {"Sara Holm", "Carla Nunez"} <= set(found)
    assert not {"GitLab", "Instagram"} & set(found)


def test_a_service_that_acts_is_its_company() -> None:
    found = names("GitHub received a complaint from the studio on Friday, Ian Moss said, and YouTube removed the "
                  "video after Carla Nunez shared it on her Instagram.")
    assert found["GitHub"].sector == "BUS" and found["YouTube"].sector == "BUS"
    assert "Instagram" not in found


def test_a_service_that_only_is_something_is_no_actor() -> None:
    found = names("Lucas Grant said Wikipedia is for knowledge, and that he reads it on his phone.")
    assert "Lucas Grant" in found and "Wikipedia" not in found


def test_a_social_network_is_an_actor_where_it_acts_and_none_where_words_are_put_on_it() -> None:
    assert names("The company said Twitter had blocked the account of Paul Ortega.")["Twitter"].sector == "BUS"
    assert set(names("Paul Ortega posted the video on Facebook and later on Twitter.")) == {"Paul Ortega"}


def test_a_company_acted_on_after_on_stays_an_actor() -> None:
    found = names("Lena Park wrote a JavaScript library, and the ministry imposed sanctions on Huawei.")
    assert found["Huawei"].sector == "BUS" and "JavaScript" not in found
