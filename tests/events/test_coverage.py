"""Events: how news reports acts that the lexicon's plain verbs miss (set phrases, event nouns, counted
groups as parties), each over the real pipeline on sentences written for the test."""

from __future__ import annotations

import pytest

from dateline.records import Article
from tests.events.test_events import only
from tests.events.test_events import run as run_events


def run(text: str) -> Article:
    return run_events(text, published="2021-03-04")


@pytest.mark.parametrize(("text", "event_type", "mode", "trigger", "actor", "recipient"), [
    ("Supporters of Alexei Navalny took to the streets of Moscow on Sunday.", "PROTEST", "demo", "took",
     "Supporters of Alexei Navalny", None),
    ("Belarusian police took Maria Kolesnikova into custody on Monday.", "COERCE", "arrest", "took",
     "Belarusian police", "Maria Kolesnikova"),
    ("A Minsk court handed down an eleven-year sentence to Maria Kolesnikova.", "SANCTION", "convict", "handed",
     "A Minsk court", "Maria Kolesnikova"),
    ("Volodymyr Zelensky expressed gratitude to Germany on Friday.", "SUPPORT", None, "expressed",
     "Volodymyr Zelensky", "Germany"),
    ("Amnesty International reported the intimidation of journalists by the Hungarian government.", "THREATEN",
     None, "intimidation", "the Hungarian government", "journalists"),
    ("The French doctors' union called a work stoppage against the government of Emmanuel Macron.", "PROTEST",
     "strike", "stoppage", None, "the government of Emmanuel Macron"),
])
def test_set_phrases_and_event_nouns(text: str, event_type: str, mode: str | None, trigger: str,
                                     actor: str | None, recipient: str | None) -> None:
    event = only(run(text), event_type)
    assert (event.mode, event.trigger.text) == (mode, trigger)
    if actor is not None:
        assert [s.text for s in event.actor_spans] == [actor]
    if recipient is not None:
        assert [s.text for s in event.recipient_spans] == [recipient]


@pytest.mark.parametrize(("text", "coded"), [
    # a belief is no conviction in court
    ("Angela Merkel stated her conviction that Europe must stay united.", False),
    ("The conviction of Alexei Navalny by a Moscow court angered Germany.", True),
])
def test_a_conviction_in_court_is_not_a_belief(text: str, coded: bool) -> None:
    article = run(text)
    assert article.actors  # the parties are known: nothing is lost for want of one
    assert [e.type for e in article.events if e.type == "SANCTION"] == (["SANCTION"] if coded else [])


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("Thousands of Kenyans protested against the new tax law in Nairobi.", "PROTEST", "Thousands of Kenyans"),
    ("One of the Russian soldiers shot a Ukrainian civilian.", "ASSAULT", "One of the Russian soldiers"),
])
def test_a_counted_group_is_a_party(text: str, event_type: str, actor: str) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert event.actors


@pytest.mark.parametrize(("text", "event_type", "mode"), [
    # PLOVER manual, SANCTION 'withdraw': withdrawing one's non-military resources (aid, observers, peacekeepers)
    ("The United Nations withdrew its peacekeepers from Rwanda.", "SANCTION", "withdraw"),
    ("NATO pulled out its observers from Kosovo.", "SANCTION", "withdraw"),
    ("Russia withdrew its troops from Kherson.", "RETREAT", "withdraw"),
    # CAMEO 074 (AID): peacekeepers and observers sent are assistance, troops massed are a mobilization
    ("Britain dispatched 300 peacekeepers to Mali.", "AID", None),
    ("Germany deployed election observers in Zimbabwe.", "AID", None),
    ("Russia deployed troops near the border with Ukraine.", "MOBILIZE", "troops"),
    # money mobilized is no military move
    ("The European Union mobilised funds for Colombia.", "", None),
])
def test_type_by_what_is_moved(text: str, event_type: str, mode: str | None) -> None:
    article = run(text)
    found = [(e.type, e.mode) for e in article.events]
    assert found == ([(event_type, mode)] if event_type else []), found
    assert article.actors


@pytest.mark.parametrize("text", [
    "The United Nations suspended aid deliveries to Borno after rebels attacked a convoy.",
    "The European Commission suspended humanitarian aid to Gaza because of fighting between Hamas and Fatah.",
])
def test_a_cause_or_an_adverbial_clause_completes_no_trigger(text: str) -> None:
    """"suspended aid after rebels attacked" is a halt of aid (SANCTION), not a halt of attacks (a ceasefire)."""
    event = only(run(text), "SANCTION")
    assert event.mode == "withdraw"
    assert [e for e in run(text).events if e.type == "RETREAT"] == []


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("The Houthis claimed they attacked the Saudi port of Jizan on Sunday.", "ASSAULT", "The Houthis",
     "the Saudi port of Jizan"),
    ("Iran claimed that Israel had attacked its nuclear site.", "ACCUSE", "Iran", "Israel"),
])
def test_a_claim_of_ones_own_act_accuses_no_one(text: str, event_type: str, actor: str, recipient: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert [s.text for s in event.recipient_spans] == [recipient]
    assert len(article.events) == 1


@pytest.mark.parametrize(("text", "event_type", "mode", "actors", "recipients"), [
    ("Antony Blinken travelled to Beijing for talks with Wang Yi.", "CONSULT", None, ["Antony Blinken", "Wang Yi"],
     []),
    ("The Czech president awarded Volodymyr Zelensky the Order of the White Lion.", "SUPPORT", None,
     ["The Czech president"], ["Volodymyr Zelensky"]),
    ("Ukraine and Russia exchanged 200 prisoners of war.", "RETREAT", "release", ["Ukraine", "Russia"], []),
    ("The prisoner swap between Russia and the United States took place in Ankara.", "RETREAT", "release",
     ["Russia", "the United States"], []),
    ("The Houthis targeted a British ship in the Gulf of Aden.", "ASSAULT", None, ["The Houthis"],
     ["a British ship in the Gulf of Aden"]),
    ("The government of Poland challenged the decision by the European Court of Justice.", "REJECT", None,
     ["The government of Poland"], ["the European Court of Justice"]),
])
def test_more_ways_news_reports_acts(text: str, event_type: str, mode: str | None, actors: list[str],
                                     recipients: list[str]) -> None:
    event = only(run(text), event_type)
    assert event.mode == mode
    assert [s.text for s in event.actor_spans] == actors
    assert [s.text for s in event.recipient_spans] == recipients


@pytest.mark.parametrize(("text", "event_type"), [
    # a measure aimed at someone is no attack; an appeal for calm is a request
    ("The European Union targeted Russian banks with sanctions.", None),
    ("The Red Cross appealed for calm in Nairobi.", "REQUEST"),
])
def test_other_senses_are_not_the_new_acts(text: str, event_type: str | None) -> None:
    article = run(text)
    assert article.actors
    assert [e.type for e in article.events] == ([event_type] if event_type else [])


@pytest.mark.parametrize(("text", "event_type"), [
    # PLOVER manual: joint military operations are COOPERATE, single-country exercises MOBILIZE
    ("China conducted military drills around Taiwan.", "MOBILIZE"),
    ("China and Russia held joint naval exercises in the Sea of Japan.", "COOPERATE"),
    ("Belarus held military exercises with Russia.", "COOPERATE"),
    ("The Russian and American navies began a joint exercise in the Sea of Japan.", "COOPERATE"),
])
def test_exercises_of_one_country_are_a_mobilization(text: str, event_type: str) -> None:
    assert [e.type for e in run(text).events] == [event_type]


@pytest.mark.parametrize(("text", "event_type", "mode", "recipients"), [
    ("The United States provided Ukraine with Patriot missiles.", "AID", None, ["Ukraine"]),
    ("Israel called up 300,000 reservists.", "MOBILIZE", "troops", []),
])
def test_giving_with_and_calling_up(text: str, event_type: str, mode: str | None, recipients: list[str]) -> None:
    event = only(run(text), event_type)
    assert event.mode == mode
    assert [s.text for s in event.recipient_spans] == recipients
    assert event.actors


def test_a_word_that_needs_a_known_doer_is_no_act_of_a_thing() -> None:
    """"target" is an attack by someone ("the Houthis targeted a ship"), not what a law or an inquiry does."""
    assert [e.type for e in run("The Houthis targeted a British ship in the Gulf of Aden.").events] == ["ASSAULT"]
    article = run("The new law targets Russian oligarchs, and the inquiry targeted Donald Trump.")
    assert any(a.name == "Donald Trump" for a in article.actors)
    assert [e for e in article.events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(("text", "event_type", "mode", "recipients"), [
    # removing someone from an office is a SANCTION 'expel'; firing a weapon and dismissing a suit are not
    ("Donald Trump fired James Comey.", "SANCTION", "expel", ["James Comey"]),
    ("Imran Khan sacked the interior minister of Pakistan.", "SANCTION", "expel",
     ["the interior minister of Pakistan"]),
    ("The army removed Omar al-Bashir from office.", "SANCTION", "expel", ["Omar al-Bashir"]),
    ("Hezbollah fired rockets at Israel.", "ASSAULT", "firearms", ["Israel"]),
    ("The court dismissed the lawsuit by Donald Trump.", "REJECT", None, ["the lawsuit"]),
    ("The British Parliament voted against the deal negotiated by Theresa May.", "REJECT", None,
     ["the deal negotiated by Theresa May"]),
])
def test_offices_and_votes(text: str, event_type: str, mode: str | None, recipients: list[str]) -> None:
    event = only(run(text), event_type)
    assert event.mode == mode
    assert [s.text for s in event.recipient_spans] == recipients
    assert event.actors


@pytest.mark.parametrize(("text", "event_type"), [
    # an attack in words: on something said or decided, where words are said, over an issue, person on person
    ("Donald Trump attacked the New York Times on Twitter.", "ACCUSE"),
    ("Boris Johnson attacked Jeremy Corbyn over his Brexit policy.", "ACCUSE"),
    ("Emmanuel Macron attacked the plan of Giorgia Meloni in a speech.", "ACCUSE"),
    ("Boris Johnson attacked Jeremy Corbyn.", "ACCUSE"),
    # an attack with arms: weapons, victims, armed doers
    ("Hamas attacked Israeli soldiers in Gaza.", "ASSAULT"),
    ("Sudesh Amman attacked two people with a knife.", "ASSAULT"),
    ("Russian forces attacked Kharkiv with missiles.", "ASSAULT"),
    ("The Israeli army attacked Hamas positions in Gaza.", "ASSAULT"),
])
def test_an_attack_in_words_is_an_accusation(text: str, event_type: str) -> None:
    event = only(run(text), event_type)
    assert event.trigger.text == "attacked"
    assert event.mode == ("disapprove" if event_type == "ACCUSE" else None)


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("Kenyan police said three journalists were detained in Nairobi.", "COERCE", "Kenyan police", "three journalists"),
    ("The High Court of Kenya said the editor was sentenced to five years.", "SANCTION", "The High Court of Kenya",
     "the editor"),
])
def test_the_sentence_names_the_doer_of_a_passive_by_office(text: str, event_type: str, actor: str,
                                                             recipient: str) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert [s.text for s in event.recipient_spans] == [recipient]


def test_a_doer_named_only_in_another_sentence_is_taken_only_for_the_storys_news() -> None:
    article = run("Kenyan police patrolled Nairobi on Monday. Three journalists were detained on Tuesday. "
                  "Two editors were detained in 2011.")
    police = [a.id for a in article.actors if a.sector == "COP"]
    assert len(police) == 1
    # the detention is the story's news (its own day): done by the one police body the story names; the old
    # one is the story's background and is not coded
    assert [e.actors for e in article.events if e.type == "COERCE"] == [(police[0],)]


@pytest.mark.parametrize(("text", "event_type", "mode"), [
    # PLOVER manual, COERCE 'seize': "execute search, confiscate property, raid"; an armed raid is an ASSAULT
    ("Kenyan police raided the offices of the Daily Nation.", "COERCE", "seize"),
    ("Israeli troops raided the Jenin refugee camp.", "ASSAULT", None),
    ("The FBI searched the home of Donald Trump.", "COERCE", "seize"),
    # a ceasefire called is declared; one called for is asked
    ("The Taliban called a three-day ceasefire.", "RETREAT", "ceasefire"),
    ("The United Nations called for a ceasefire in Gaza.", "REQUEST", None),
])
def test_type_by_who_does_it_and_what_is_called(text: str, event_type: str, mode: str | None) -> None:
    event = only(run(text), event_type)
    assert event.mode == mode
    assert event.actors


@pytest.mark.parametrize(("text", "event_type"), [
    # what an amount is of completes a trigger
    ("Danish doctors handed over 500 kg of medicine to a hospital in Yemen.", "AID"),
    ("Russia sent hundreds of soldiers to Belarus.", "MOBILIZE"),
    # a strike launched by an army is an attack, by workers a walkout
    ("The Turkish army launched dozens of strikes into northern Iraq.", "ASSAULT"),
    ("French teachers launched a strike on Monday.", "PROTEST"),
    # exercises of a group of nations are joint
    ("Greek and Italian frigates launched five days of war games off Crete.", "COOPERATE"),
])
def test_amounts_and_doers_decide_the_act(text: str, event_type: str) -> None:
    assert [e.type for e in run(text).events] == [event_type]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Israel and the Palestinians reached a consensus on water resources.", "AGREE"),
    ("Vietnam committed to opening up its economy.", "AGREE"),
    ("Russian soldiers committed war crimes in Bucha.", None),
])
def test_commitments_and_consensus_are_agreements(text: str, event_type: str | None) -> None:
    article = run(text)
    assert article.actors
    assert [e.type for e in article.events] == ([event_type] if event_type else [])


def test_a_share_of_a_group_is_a_poll_not_a_party() -> None:
    article = run("Only 52 percent of American voters agreed that Joe Biden is fit to serve.")
    assert any(a.name == "Joe Biden" for a in article.actors)
    assert [e.type for e in article.events if e.type == "AGREE"] == []


def test_targeting_a_person_in_words_is_an_accusation() -> None:
    event = only(run("Donald Trump has been targeting Alicia Machado on Twitter."), "ACCUSE")
    assert event.trigger.text == "targeting"


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("The Supreme Court of Ohio ruled on Monday that Governor Mike DeWine lacked the power to delay the vote.",
     "REJECT", "The Supreme Court of Ohio", "Governor Mike DeWine"),
    ("Riot police in Minsk cleared protesters from Independence Square on Sunday.", "COERCE", "Riot police in Minsk",
     "protesters"),
])
def test_a_courts_ruling_and_a_cleared_protest(text: str, event_type: str, actor: str, recipient: str) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert [s.text for s in event.recipient_spans] == [recipient]


@pytest.mark.parametrize("text", [
    "The Taliban ruled Afghanistan from 1996 until 2001.",  # to rule a country is no ruling against anyone
    "City workers in Boston cleared the snow from the streets on Monday.",  # only a protest cleared is coerced
])
def test_other_senses_of_rule_and_clear_code_nothing(text: str) -> None:
    assert [e for e in run(text).events if e.type in ("REJECT", "COERCE")] == []


@pytest.mark.parametrize(("text", "trigger"), [
    ("Senator Ann Lee leveled sharp criticism at Governor Tom Reyes on Monday.", "criticism"),
    ("Senator Ann Lee hurled accusations at Governor Tom Reyes on Monday.", "accusations"),
    ("Mayor Jane Roe took a shot at Governor Tom Reyes in a speech on Monday.", "took"),
])
def test_blame_aimed_at_someone_is_the_aimers_accusation(text: str, trigger: str) -> None:
    event = only(run(text), "ACCUSE")
    assert event.trigger.text == trigger
    assert next(s.text for s in event.actor_spans).endswith(("Ann Lee", "Jane Roe"))
    assert [s.text for s in event.recipient_spans] == ["Governor Tom Reyes"]


def test_sponsoring_a_bill_and_a_renomination_are_support() -> None:
    event = only(run("The bill was co-sponsored by Senator Ann Lee and Senator John Roe."), "SUPPORT")
    assert [s.text for s in event.actor_spans] == ["Senator Ann Lee", "Senator John Roe"]
    event = only(run("The Labour Party approved the renomination of Mayor Jane Roe on Monday."), "SUPPORT")
    assert "Jane Roe" in next(s.text for s in event.recipient_spans)
    # a sponsor that pays for an event or a team backs no party
    assert [e for e in run("Coca-Cola sponsored the debate between Ann Lee and John Roe.").events
            if e.type == "SUPPORT"] == []


def test_a_persons_pronoun_in_a_bodys_words_is_not_the_body() -> None:
    # "she" is the senator, not her campaign, which speaks for her; "it" of a country's words is the country
    said = "Senator Ann Lee's campaign said on Monday that she was ending her run for the White House."
    event = only(run(said), "RETREAT")
    assert [s.text for s in event.actor_spans] != ["Senator Ann Lee's campaign"]
    assert event.actors
    event = only(run("Hungary has said it will support the plan of Germany."), "SUPPORT")
    assert [s.text for s in event.actor_spans] == ["Hungary"]


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    ("Messages of condemnation poured in from Chancellor Olaf Scholz and President Emmanuel Macron.", "ACCUSE",
     ["Chancellor Olaf Scholz", "President Emmanuel Macron"]),
    ("Support for the plan came from Senator Ann Lee on Tuesday.", "SUPPORT", ["Senator Ann Lee"]),
])
def test_an_act_that_came_from_someone_is_theirs(text: str, event_type: str, actors: list[str]) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == actors


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("The Green Party announced its plans to oppose the budget of Prime Minister Jane Roe.", "REJECT",
     "The Green Party"),
    ("Mexico announced a plan to extradite Juan Perez to Spain.", "COOPERATE", "Mexico"),
])
def test_an_intention_is_its_owners_not_the_nouns(text: str, event_type: str, actor: str) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert event.status == "planned"


def test_announcing_someone_as_ones_running_mate_is_support() -> None:
    event = only(run("Senator Ann Lee announced Governor Tom Reyes as her choice for running mate on Tuesday."),
                 "SUPPORT")
    assert [s.text for s in event.recipient_spans] == ["Governor Tom Reyes"]
    assert [e for e in run("Senator Ann Lee announced a candidate for the seat on Tuesday.").events
            if e.type == "SUPPORT"] == []


@pytest.mark.parametrize(("text", "actor"), [
    ("Senator Ann Lee introduced a bill to mandate paper ballots in federal elections.", "Senator Ann Lee"),
    ("Governor Tom Reyes mandated masks in all schools on Monday.", "Governor Tom Reyes"),
])
def test_what_a_law_or_an_order_obliges_is_a_request_of_its_maker(text: str, actor: str) -> None:
    event = only(run(text), "REQUEST")
    assert [s.text for s in event.actor_spans] == [actor]


def test_what_a_thing_requires_is_no_request() -> None:
    assert [e for e in run("The plan requires the approval of Congress.").events if e.type == "REQUEST"] == []


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("The government of Peru imposed a nationwide lockdown on Monday.", "COERCE", "The government of Peru", None),
    ("Workers at the Ford plant in Ohio walked out on Monday.", "PROTEST", None, None),
    ("The House of Representatives impeached Governor Tom Reyes on Wednesday.", "ACCUSE",
     "The House of Representatives", "Governor Tom Reyes"),
    ("A federal judge blocked the order of Governor Tom Reyes on Friday.", "REJECT", None, "Governor Tom Reyes"),
])
def test_lockdowns_walkouts_impeachments_and_blocked_orders(text: str, event_type: str, actor: str | None,
                                                          recipient: str | None) -> None:
    event = only(run(text), event_type)
    if actor is not None:
        assert [s.text for s in event.actor_spans] == [actor]
    if recipient is not None:
        assert [s.text for s in event.recipient_spans] == [recipient]


def test_walking_out_of_talks_is_no_strike() -> None:
    assert [e for e in run("Delegates from Iran walked out of the talks in Vienna on Monday.").events
            if e.type == "PROTEST"] == []
