"""Events: which hits the rules make into events (:mod:`dateline.events._coding`), over the real pipeline."""

from __future__ import annotations

import pytest

from dateline.events._suspect import pursued
from dateline.records import Actor, ActorKind, Article
from tests.events.test_events import actor_names, run


@pytest.mark.parametrize(("text", "coded"), [
    ("Marta Kowalski was arrested on Friday in Leeds.", True),  # the story's day, in its own sentence
    ("Yesterday the banker Omar Haddad was stabbed outside his office.", True),
    ("Marta Kowalski was arrested in 2011.", False),  # a year: the background of the story
    ("Marta Kowalski was arrested.", False),  # no day of its own
    ("Marta Kowalski has been arrested in Leeds.", True),  # a present perfect tells the news
    ("Marta Kowalski had been arrested in Leeds.", False),  # a past perfect, the background
    ("Marta Kowalski was arrested on May 4, 2009.", False),  # a day long before the story
])
def test_a_passive_with_no_doer_is_coded_on_its_patient_when_its_sentence_dates_it_to_the_story(
        text: str, coded: bool) -> None:
    article = run(text, published="2021-03-06")  # a Saturday
    found = [e for e in article.events if e.type in ("COERCE", "ASSAULT")]
    assert bool(found) is coded, [(e.type, e.trigger.text, e.date) for e in article.events]
    for event in found:
        names = [a.name for i in (*event.actors, *event.recipients) if (a := article.actor(i)) is not None]
        assert names and "police" not in " ".join(names).lower()  # the patient, never a doer made up


def test_a_news_passive_takes_the_one_police_body_the_story_names_elsewhere() -> None:
    text = ("Marta Kowalski was arrested on Friday in Leeds. West Yorkshire Police said she would appear in court. "
            "Omar Haddad was arrested in 2011.")
    article = run(text, published="2021-03-06")
    found = [e for e in article.events if e.type == "COERCE"]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in article.events]  # the old arrest stays uncoded
    police = article.actor_at(text.index("West"), text.index(" said"))
    assert police is not None and police.sector == "COP"
    assert found[0].actors == (police.id,)
    assert [a.name for i in found[0].recipients if (a := article.actor(i)) is not None] == ["Marta Kowalski"]
    two = run("Marta Kowalski was arrested on Friday in Leeds. West Yorkshire Police and the Border Force "
              "police said she would appear in court.", published="2021-03-06")
    arrests = [e for e in two.events if e.type == "COERCE"]
    assert arrests and all(not e.actors for e in arrests)  # two bodies: none chosen


def test_an_attack_told_with_no_doer_is_the_one_criminal_the_storyactor_names() -> None:
    text = ("A stabbing killed two men at a market in Leeds on Friday. Police arrested Tom Hale, who was "
            "charged with murder.")
    article = run(text, published="2021-03-06")
    attack = [e for e in article.events if e.type == "ASSAULT"]
    assert attack, [(e.type, e.trigger.text) for e in article.events]
    assert [a.name for i in attack[0].actors if (a := article.actor(i)) is not None] == ["Tom Hale"]
    two = run("A stabbing killed two men at a market in Leeds on Friday. Police arrested Tom Hale and charged "
              "Ann Roe, who was convicted of murder.", published="2021-03-06")
    attacks = [e for e in two.events if e.type == "ASSAULT"]
    assert attacks and all(not e.actors for e in attacks)  # two criminals: none chosen


def test_a_protest_told_with_no_doer_is_the_one_crowd_the_story_names() -> None:
    text = ("Peruvian protesters marched in Lima on Monday. Protests and riots over the fare rise continued "
            "across the country on Tuesday.")
    article = run(text, published="2021-03-06")
    protests = [e for e in article.events if e.type == "PROTEST" and e.trigger.start >= text.index("Protests")]
    assert protests, [(e.type, e.trigger.text) for e in article.events]
    assert [a.name for i in protests[0].actors if (a := article.actor(i)) is not None] == ["Peruvian protesters"]
    two = run("Peruvian protesters marched in Lima on Monday, and Chilean demonstrators gathered in Santiago. "
              "Protests over the fare rise continued across the region on Tuesday.", published="2021-03-06")
    cut = two.text.index("Protests")
    assert not [e for e in two.events if e.type == "PROTEST" and e.trigger.start >= cut]  # two crowds: none chosen


@pytest.mark.parametrize(("text", "kind", "state"), [
    ("The mayor of Lyon said she did not support the plan of Germany.", "REJECT", "occurred"),
    ("Greece would not help Turkey.", "REJECT", "occurred"),
    ("Neither Paris nor Berlin would endorse the result of Russia.", "REJECT", "occurred"),
    ("Angela Merkel did not immediately endorse Emmanuel Macron.", "SUPPORT", "negated"),  # put off, not refused
    ("Angela Merkel didn't endorse Emmanuel Macron until March.", "SUPPORT", "negated"),
    ("Greece could not help Turkey.", "AID", "negated"),  # beyond its power
])
def test_a_refused_act_of_backing_is_a_rejection(text: str, kind: str, state: str) -> None:
    found = [(e.type, e.status) for e in run(text).events]
    assert (kind, state) in found, found
    assert ("REJECT", "occurred") not in found or kind == "REJECT"


def test_an_act_received_from_no_one_named_is_not_coded() -> None:
    assert not [e for e in run("Joe Biden received criticism for the vote.").events if e.type == "ACCUSE"]
    threat = [e for e in run("Joe Biden received threats from Iran.").events if e.type == "THREATEN"]
    assert len(threat) == 1 and threat[0].actors and threat[0].recipients  # the source names the doer


@pytest.mark.parametrize(("text", "parties"), [
    ("The Kenyan parliament is due to meet again on Tuesday.", None),  # a sitting of one body
    ("Dr. Ann Walker of the World Health Organization was met with applause.", None),
    ("Ann Walker first met Howie Hawkins in 2014.", ["Ann Walker", "Howie Hawkins"]),
    ("On Thursday the Houthis met Martin Griffiths in Muscat.", ["Houthis", "Martin Griffiths"]),
    ("Leaders of NATO member states met in Brussels for a summit.", ["NATO"]),  # a plural doer
])
def test_a_meeting_needs_a_partner(text: str, parties: list[str] | None) -> None:
    article = run(text)
    found = [[a.name for i in e.actors if (a := article.actor(i)) is not None]
             for e in article.events if e.type == "CONSULT"]
    assert found == ([parties] if parties else []), found


@pytest.mark.parametrize(("text", "coded"), [
    ("Joe Biden visited Kenosha on Monday.", False),  # a trip to a town: no one met
    ("Kamala Harris visited the state twice in May.", False),
    ("Joe Biden made a trip to Kenosha on Monday.", False),
    ("Joe Biden visited Poland on Monday.", True),  # the host country
    ("Iraqi President Saddam Hussein arrived in Amman on a visit.", True),  # a town abroad: its hosts
    ("Joe Biden visited Angela Merkel in Berlin on Monday.", True),
])
def test_a_visit_meets_someone(text: str, coded: bool) -> None:
    found = [e for e in run(text).events if e.type == "CONSULT"]
    assert bool(found) is coded, [(e.type, e.trigger.text, e.actors, e.recipients) for e in found]



@pytest.mark.parametrize(("text", "trigger", "owner"), [
    # a possessive pronoun: the person it stands for owns the thing acted on
    ("Congresswoman Ann Lee wrote to the city council on Monday. The Leeds City Council rejected her proposal "
     "on Tuesday.", "rejected", "Ann Lee"),
    # a name inside the thing's phrase ("America") is no owner when a possessor names one
    ("Senator Mary Jones spoke in Ohio on Friday, defending Trump's America First foreign policy.", "defending",
     "Donald Trump"),
    # the subject of a relative clause on the thing owns it
    ("Senator Mary Jones said she did not support the policies Governor Tom Smith announced.", "support",
     "Tom Smith"),
    # the object of a multiword trigger ("commute a sentence") is its owner's: by possessive or "of" phrase
    ("In June, President Tom Smith commuted Jack Brown's prison sentence.", "commuted", "Jack Brown"),
    ("In June, President Tom Smith commuted the prison sentence of Jack Brown.", "commuted", "Jack Brown"),
])
def test_the_recipient_of_an_act_on_an_owned_thing_is_its_owner(text: str, trigger: str, owner: str) -> None:
    article = run(text, published="2021-03-06")
    found = [e for e in article.events if e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in article.events]
    assert actor_names(article, found[0].recipients) == [owner]


def test_a_party_named_with_a_possessive_pronoun_is_not_its_owner() -> None:
    text = "Senator Mary Jones met Omar Haddad on Monday. On Tuesday police arrested his associates in Leeds."
    article = run(text, published="2021-03-06")
    arrests = [e for e in article.events if e.trigger.text == "arrested"]
    assert all("Omar Haddad" not in actor_names(article, e.recipients) for e in arrests)


def test_an_act_of_the_police_that_names_no_one_is_aimed_at_the_one_suspect_of_the_story() -> None:
    text = ("A gunman shot three shoppers in Northtown on Friday. County detectives told reporters they were "
            "treating the shooting as a terrorist attack.")
    article = run(text, published="2021-03-06")
    (treated,) = [e for e in article.events if e.trigger.text == "treating"]
    assert actor_names(article, treated.recipients) == ["gunman"]


def test_an_unnamed_person_arrested_is_the_one_suspect_of_the_story() -> None:
    text = ("Mayor Tom Baker was stabbed on Sunday at a concert in Leeds by a robber, John Doe. A man has been "
            "arrested after the stabbing.")
    article = run(text, published="2021-03-09")
    (arrest,) = [e for e in article.events if e.trigger.text == "arrested"]
    assert actor_names(article, arrest.recipients) == ["John Doe"]
    assert arrest.actors == ()  # no doer made up


def _actor(key: str, kind: ActorKind, sector: str) -> Actor:
    return Actor(id=key, name=key, kind=kind, country=None, sector=sector, mentions=())


def test_only_the_police_or_a_court_pursue_the_one_suspect_of_the_story() -> None:
    police, court, mayor = _actor("p", "organization", "COP"), _actor("c", "organization", "JUD"), _actor(
        "m", "person", "GOV")
    gunman, robber = _actor("g", "person", "CRM"), _actor("r", "person", "CRM")
    one = Article(id="a", source="test", text="", actors=(police, court, mayor, gunman))
    assert pursued(one, "ACCUSE", ("p",)) == pursued(one, "SANCTION", ("c",)) == "g"
    assert pursued(one, "ACCUSE", ("m",)) is None  # a mayor's words name no suspect
    assert pursued(one, "AID", ("p",)) is None  # no act against a suspect
    assert pursued(one, "COERCE", (), "arrest") == "g"  # "a man has been arrested": only the police arrest
    assert pursued(one, "COERCE", ()) is None  # "the shops were closed": an act of anyone
    two = Article(id="a", source="test", text="", actors=(police, gunman, robber))
    assert pursued(two, "ACCUSE", ("p",)) is None  # two suspects: which one is not said


@pytest.mark.parametrize(("text", "coded"), [
    ("The reporter questioned whether Ann Cole was running to help Tom Hale.", False),
    ("Ann Cole would not say whether she supported Tom Hale.", False),  # no refusal either
    ("The senators asked if Ann Cole had attacked Tom Hale.", False),  # "if" as a complement: a question
    ("It is unclear whether Ann Cole attacked Tom Hale.", False),
    ("Ann Cole helped Tom Hale.", True),
])
def test_an_act_in_an_embedded_question_is_asked_about_and_not_coded(text: str, coded: bool) -> None:
    article = run(text, published="2021-03-06")
    found = [e for e in article.events if e.type in ("AID", "SUPPORT", "ASSAULT")]
    assert bool(found) is coded, [(e.type, e.trigger.text, e.status) for e in article.events]


@pytest.mark.parametrize(("text", "coded"), [
    ("The new policy prohibits all flights from Spain to Cuba.", False),
    ("The Cuban law allows Spain to sanction Cuba.", False),
    ("The bill would allow Ann Cole to nominate Tom Hale.", False),
    ("The NATO guidelines call for Hungary to spend two percent of its budget on defence.", False),
    ("NATO called for Hungary to spend two percent of its budget on defence.", True),
    ("Spain prohibited all flights from Spain to Cuba.", True),  # a party's own act
    ("Ann Cole nominated Tom Hale.", True),
])
def test_what_a_law_or_policy_provides_for_is_no_act(text: str, coded: bool) -> None:
    found = [e for e in run(text, published="2021-03-06").events
             if e.type in ("COERCE", "SANCTION", "SUPPORT", "REQUEST")]
    assert bool(found) is coded, [(e.type, e.trigger.text) for e in found]


@pytest.mark.parametrize(("text", "kind", "coded"), [
    ("Senator Mary Hale held a news conference in Denver on Monday.", "CONSULT", False),
    ("Governor Tom Reyes held a large campaign rally in Reno on Saturday night.", "PROTEST", False),
    ("On Saturday, Mayor Anna Berg held her first rally in two months, in Reno.", "PROTEST", False),
    ("Mayor Anna Berg held a rally against the new mine outside the parliament on Saturday.", "PROTEST", True),
    ("Senator Mary Hale attended Governor Tom Reyes's rally in Reno on Saturday.", "PROTEST", False),
    ("The Nevada Miners Union held a rally in Reno on Saturday.", "PROTEST", True),
    ("Senator Mary Hale held talks with Governor Tom Reyes in Denver on Monday.", "CONSULT", True),
    ("Senator Mary Hale joined a rally in Reno on Saturday.", "PROTEST", True),  # one who takes part
    ("Senator Mary Hale attended a conference in Madrid on Saturday.", "CONSULT", True),  # no public appearance
])
def test_a_gathering_one_party_holds_to_address_the_public_is_no_protest_or_meeting(
        text: str, kind: str, coded: bool) -> None:
    article = run(text)
    found = [e for e in article.events if e.type == kind]
    assert bool(found) is coded, [(e.type, e.trigger.text) for e in article.events]
