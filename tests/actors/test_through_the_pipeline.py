"""Who is who, as a user sees it: short articles run through the whole pipeline (``dateline.process``), and the
actors of their output followed back to the words that name them."""

from __future__ import annotations

import pytest

import dateline
from dateline.records import Actor, Article


def _run(text: str, published: str = "2019-05-14") -> Article:
    return dateline.process(text, published=published)


def _actor(article: Article, mention: str, nth: int = 0) -> Actor:
    at = -1
    for _ in range(nth + 1):
        at = article.text.index(mention, at + 1)
    found = article.actor_at(at, at + len(mention))
    assert found is not None, f"no actor at {mention!r}; actors: {[a.name for a in article.actors]}"
    return found


def _names(article: Article) -> set[str]:
    return {a.name for a in article.actors}


# ---- following an actor through the article -----------------------------------------------------------


def test_surname_title_and_role_are_the_person_introduced() -> None:
    article = _run("German Chancellor Angela Merkel arrived in Paris on Tuesday for talks on the budget. Merkel told "
                   "reporters the talks would be hard. The chancellor later met farmers outside the city. The German "
                   "leader flew home on Wednesday.")
    merkel = _actor(article, "Angela Merkel")
    assert all(_actor(article, m) == merkel for m in ("Merkel told", "chancellor later", "German leader"))
    assert (merkel.kind, merkel.country, merkel.sector) == ("person", "DEU", "GOV")


def test_metonyms_are_governments() -> None:
    article = _run("The Kremlin rejected the claims on Thursday. Beijing also protested against the new tariffs, and "
                   "Washington said it would answer.")
    for mention, country in (("Kremlin", "RUS"), ("Beijing", "CHN"), ("Washington", "USA")):
        government = _actor(article, mention)
        assert (government.kind, government.country, government.sector) == ("organization", country, "GOV")


def test_the_person_the_article_introduced_wins_over_a_namesake() -> None:
    article = _run("Pat Johnson, the sheriff of Marion County, Oregon, said the fires were spreading. Sheriff Johnson "
                   "asked residents to leave their homes.", "2020-09-10")
    johnson = _actor(article, "Pat Johnson")
    assert _actor(article, "Sheriff Johnson") == johnson
    assert (johnson.kind, johnson.sector, johnson.wikidata) == ("person", "COP", None)  # no British prime minister
    assert johnson.country != "GBR"


def test_a_persons_country_from_the_place_of_his_office() -> None:
    article = _run("Pat Johnson, the sheriff of Marion County, Oregon, said the fires were spreading.", "2020-09-10")
    assert _actor(article, "Pat Johnson").country == "USA"


def test_one_court_named_three_ways_is_one_actor() -> None:
    article = _run("The U.S. Supreme Court agreed on Monday to hear the dispute over the pipeline. The Supreme Court "
                   "will hear arguments in the fall, and the court could rule by June.", "2021-04-12")
    court = _actor(article, "U.S. Supreme Court")
    assert _actor(article, "Supreme Court will") == court and _actor(article, "court could") == court
    assert (court.country, court.sector) == ("USA", "JUD")


def test_prosecutors_the_judge_and_the_court_are_three_actors() -> None:
    article = _run("Prosecutors asked for a ten-year sentence for the former mayor. The judge rejected the request on "
                   "Friday, and the court ordered a new hearing.", "2021-04-12")
    found = [_actor(article, m) for m in ("Prosecutors", "judge", "court")]
    assert len({a.id for a in found}) == 3
    assert {a.sector for a in found} == {"JUD"}


def test_the_union_and_the_company_are_the_bodies_named_before() -> None:
    article = _run("The Harbour Workers Union called a strike at the docks of Dundee on Monday. The union said pay "
                   "had not kept up with prices. Eastgate Freight Ltd. lost most of its trade. The company said the "
                   "strike would cost it millions.", "2022-08-22")
    assert _actor(article, "union said") == _actor(article, "Harbour Workers Union")
    assert _actor(article, "company said") == _actor(article, "Eastgate Freight")


# ---- groups from the noun phrase -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "kind", "country", "sector"),
    [
        ("French farmers blocked the motorways near Lyon on Monday.", "French farmers", "group", "FRA", "AGR"),
        ("Russian soldiers crossed the river at dawn on Monday.", "Russian soldiers", "group", "RUS", "MIL"),
        ("Turkish officials denied the report on Monday.", "Turkish officials", "organization", "TUR", "GOV"),
        ("Police in Denver detained three men on Friday.", "Police", "group", "USA", "COP"),
        ("Hamas militants fired rockets at Sderot on Monday.", "Hamas", "group", "PSE", "REB"),
        ("A gunman killed two people at a school in Dayton, Ohio on Monday.", "gunman", "person", "USA", "CRM"),
    ],
)
def test_a_group_from_the_noun_phrase_has_country_and_sector(
    text: str, mention: str, kind: str, country: str, sector: str
) -> None:
    group = _actor(_run(text), mention)
    assert (group.kind, group.country, group.sector) == (kind, country, sector)


def test_protesters_are_civilians() -> None:
    assert _actor(_run("Protesters gathered outside the town hall on Monday."), "Protesters").sector == "CVL"


# ---- no junk actors ------------------------------------------------------------------------------------


def test_credit_and_byline_lines_name_no_actors() -> None:
    article = _run("Prime Minister Justin Trudeau spoke in Ottawa on Monday about the budget.\n\nReporting by Anna "
                   "Berg in Toronto; Editing by Tom Hale\n\nOur Standards: The Thomson Reuters Trust Principles.",
                   "2020-06-01")
    assert "Justin Trudeau" in _names(article)
    assert not any(w in name for name in _names(article) for w in ("Berg", "Hale", "Thomson Reuters"))


def test_months_and_observances_are_no_actors() -> None:
    article = _run("The city marked Hispanic Heritage Month with a parade on Sunday, Mayor Eric Adams said. In "
                   "September the council had voted to fund it.", "2022-09-20")
    assert "Eric Adams" in _names(article)
    assert not any(w in name for name in _names(article) for w in ("Heritage", "September"))


def test_products_and_places_are_no_persons() -> None:
    article = _run("The Ford F-150 Lightning went on sale in May, Jim Farley said. Crowds crossed Westminster Bridge "
                   "on Sunday, and shelling hit Deir al-Balah.", "2022-06-01")
    persons = {a.name for a in article.actors if a.kind == "person"}
    assert persons == {"Jim Farley"}


def test_a_ship_is_no_person_and_its_pronoun_no_ones() -> None:
    article = _run("The HMS Queen Elizabeth left Portsmouth on Saturday. She will sail to Japan with eight jets. "
                   "Defence Secretary Ben Wallace said the trip showed British strength.", "2021-05-22")
    assert {a.name for a in article.actors if a.kind == "person"} == {"Ben Wallace"}
    assert article.actor_at(article.text.index("She"), article.text.index("She") + 3) is None


# ---- a person's country ---------------------------------------------------------------------------------


def test_a_persons_country_from_the_text_the_knowledge_base_or_the_office() -> None:
    article = _run("Syrian commander Ali Mahmoud said the road was open. Maj. Sam Cole, a Canadian army officer, said "
                   "his unit had left. Emmanuel Macron said on Friday that talks would go on. The Kenyan foreign "
                   "minister said Nairobi would help.")
    assert _actor(article, "Ali Mahmoud").country == "SYR"  # the text
    assert _actor(article, "Sam Cole").country == "CAN"  # the text, in apposition
    assert _actor(article, "Emmanuel Macron").country == "FRA"  # the knowledge base
    assert _actor(article, "Kenyan foreign minister").country == "KEN"  # the office


def test_an_unrelated_place_of_a_foreign_capitals_name_gives_no_country() -> None:
    article = _run("A judge in Paris, Texas, fined the company on Tuesday. France was not involved in the case.")
    assert _actor(article, "judge").country == "USA"
