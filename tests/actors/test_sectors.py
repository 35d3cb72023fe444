"""Sectors as the hand coders give them, and the people of a person (real spaCy model, the packaged files)."""

from __future__ import annotations

import datetime as dt

from dateline import lang
from dateline.actors._lexicon import load_lexicon
from tests.actors.articles import actor_of, by_name, no_actor_at, run

# ---- the executive's law officers, police agencies ---------------------------------------------------


def test_attorneys_general_and_secretaries_of_justice_are_the_executive() -> None:
    article = run("Attorney General William Barr said the report was complete. In San Juan, Secretary of Justice "
                  "Teresa Medina said on Friday that she would not run. Judge Maria Vega set a date for the trial.",
                  dt.date(2019, 7, 24))
    assert actor_of(article, "William Barr").sector == "GOV"
    assert actor_of(article, "Teresa Medina").sector == "GOV"
    assert actor_of(article, "Maria Vega").sector == "JUD"


def test_a_police_or_crime_agency_is_the_police() -> None:
    article = run("The National Police Agency of Japan and the Serious Crime Agency arrested twelve people on "
                  "Friday, the Tokyo Bureau of Statistics said.", dt.date(2019, 10, 18))
    assert actor_of(article, "National Police Agency").sector == "COP"
    assert actor_of(article, "Serious Crime Agency").sector == "COP"
    assert actor_of(article, "Tokyo Bureau of Statistics").sector == "GOV"


# ---- the people of a person -----------------------------------------------------------------------------


def test_a_persons_lawyers_and_family_are_actors_named_after_the_person() -> None:
    article = run("Kyle Doe, a Canadian citizen, was sentenced on Monday. His lawyers said he would appeal. "
                  "Doe's family asked for mercy.", dt.date(2021, 3, 1))
    lawyers = actor_of(article, "His lawyers")
    assert (lawyers.name, lawyers.kind, lawyers.sector) == ("Doe's lawyers", "group", "JUD")
    assert lawyers.country == actor_of(article, "Kyle Doe").country
    family = actor_of(article, "family")
    assert (family.name, family.kind, family.sector) == ("Doe's family", "group", "CVL")


def test_a_legal_team_and_supporters_after_a_name_with_a_possessive() -> None:
    article = run("Senator Jane Moss lost the vote on Tuesday. Moss's legal team filed a challenge, and Moss's "
                  "supporters rallied outside the court.", dt.date(2021, 3, 1))
    assert actor_of(article, "legal team").name == "Moss's legal team"
    supporters = actor_of(article, "supporters")
    assert (supporters.name, supporters.kind, supporters.sector) == ("Moss's supporters", "group", "CVL")


def test_a_candidates_campaign_is_a_party_actor_but_not_the_candidacy_a_verb_ends() -> None:
    article = run("Senator Amy Moss spoke in Iowa. The Moss campaign said on Monday it had raised two million "
                  "dollars.", dt.date(2020, 1, 20))
    campaign = actor_of(article, "campaign")
    assert (campaign.name, campaign.kind, campaign.sector) == ("Moss's campaign", "group", "PTY")
    ended = by_name(run("Governor Tom Lang ended his campaign on Tuesday, and his supporters wept.",
                        dt.date(2020, 1, 20)))
    assert "Lang's supporters" in ended and "Lang's campaign" not in ended


def test_a_relative_named_only_by_the_tie_is_a_person() -> None:
    article = run("Maria Doe was killed in July. Her husband told reporters he had been abroad.", dt.date(2019, 9, 1))
    husband = actor_of(article, "husband")
    assert (husband.name, husband.kind, husband.sector) == ("Doe's husband", "person", "CVL")


def test_a_relative_whose_name_follows_is_that_person_not_the_tie() -> None:
    article = run("Thaksin Roe fled in 2008, and his sister Yingluck Roe was removed in 2014. Jacques Doe died "
                  "on Monday, his son-in-law, Marc Leroy, said. Doe's family thanked the doctors.", dt.date(2019, 2, 8))
    names = by_name(article)
    assert "Yingluck Roe" in names and "Marc Leroy" in names and "Doe's family" in names
    assert not any(name.endswith(("'s sister", "'s son")) for name in names)


# ---- courts and juries ----------------------------------------------------------------------------------


def test_a_court_and_a_jury_are_named_as_such() -> None:
    article = run("An Egyptian court sentenced Omar Farid to ten years in prison on Sunday. Egyptian jurors were "
                  "not used; the French jury in a similar case had acquitted him.", dt.date(2019, 9, 29))
    court = actor_of(article, "court")
    assert (court.name, court.kind, court.country, court.sector) == ("Egyptian court", "group", "EGY", "JUD")
    jury = actor_of(article, "jury")
    assert (jury.name, jury.country, jury.sector) == ("French jury", "FRA", "JUD")


# ---- a person's name that says an organization ------------------------------------------------------------


def test_an_unknown_person_whose_last_word_is_an_organizations_kind_is_that_organization() -> None:
    article = run("John Peter Smith Hospital said two patients were treated. Tom Lee Academy was founded in 1990, "
                  "and Linda Daily, a parent, said she was proud.", dt.date(2019, 5, 2))
    hospital = actor_of(article, "John Peter Smith Hospital")
    assert (hospital.kind, hospital.sector) == ("organization", "MED")
    academy = actor_of(article, "Tom Lee Academy")
    assert (academy.kind, academy.sector) == ("organization", "EDU")
    assert actor_of(article, "Linda Daily").kind == "person"  # the media's words are surnames too


# ---- persons named as candidates -------------------------------------------------------------------


def test_a_person_named_as_a_nominee_or_put_up_for_an_office_is_a_party_actor() -> None:
    article = run("At its convention the Harbor Party nominated a ticket of businessman Tom Kettering for president "
                  "and Lisa Ormond for vice president. The Coastal Party chose presidential nominee Dana Whitcombe. "
                  "Professor Ruth Ellery, a historian, said the party had little money. Paul Anstey, a doctoral "
                  "candidate in physics, said he would vote.", dt.date(2020, 6, 1))
    assert actor_of(article, "Tom Kettering").sector == "PTY"
    assert actor_of(article, "Lisa Ormond").sector == "PTY"
    assert actor_of(article, "Dana Whitcombe").sector == "PTY"
    assert actor_of(article, "Ruth Ellery").sector == "EDU"
    assert actor_of(article, "Paul Anstey").sector != "PTY"


def test_a_person_who_runs_is_said_to_be_a_nominee_or_heads_a_ticket_is_a_party_actor() -> None:
    article = run("The singer Pablo Reyes told fans on Monday that he was running for president. Lena Marsh, who "
                  "is the Workers Party's nominee for governor, spoke on Monday. Carla Voss "
                  "was Tomas Brand's running mate four years ago. The party picked Dale Fenn for "
                  "president over Anna Pike, who also sought the party's nomination. After the vote, Nina Barlow "
                  "dropped out of the presidential race. Ben Ortiz spoke of the race and said he was running late.",
                  dt.date(2020, 6, 1))
    for name in ("Lena Marsh", "Carla Voss", "Tomas Brand", "Anna Pike", "Nina Barlow", "Pablo Reyes"):
        assert actor_of(article, name).sector == "PTY", name
    assert actor_of(article, "Ben Ortiz").sector == "CVL"


def test_a_former_officeholder_named_without_a_title_keeps_the_offices_sector() -> None:
    article = run("Barack Obama praised the new bill on Tuesday. Former President George W. Bush did not comment.",
                  dt.date(2020, 7, 1))
    obama = actor_of(article, "Barack Obama")
    assert (obama.sector, obama.country) == ("GOV", "USA")
    assert actor_of(article, "George W. Bush").sector == "ELI"


def test_a_person_of_no_known_role_is_a_civilian() -> None:
    article = run("Protests over the police shooting of Daniel Merrow spread to three cities. Senator Ann Hollis "
                  "called for calm after Merrow's death. Karl Voss spoke at the rally. Lena Ruiz, the mayor, "
                  "thanked him.", dt.date(2020, 8, 30))
    assert actor_of(article, "Daniel Merrow").sector == "CVL"
    assert actor_of(article, "Karl Voss").sector == "CVL"
    assert actor_of(article, "Ann Hollis").sector == "LEG"
    assert actor_of(article, "Lena Ruiz").sector == "GOV"


# ---- a government named after its leader ---------------------------------------------------------------


def test_a_government_named_after_its_leader_keeps_that_name() -> None:
    article = run("The Trump administration said on Monday it would appeal the ruling. President Donald Trump "
                  "called the judge biased. The Obama administration had signed the deal in 2015.",
                  dt.date(2020, 3, 2))
    now = actor_of(article, "administration said")
    assert (now.name, now.kind, now.country, now.sector) == ("Trump administration", "organization", "USA", "GOV")
    before = actor_of(article, "administration had")
    assert (before.name, before.sector) == ("Obama administration", "GOV")
    assert actor_of(article, "Donald Trump").name == "Donald Trump"


def test_a_host_named_before_a_name_is_a_journalist_but_not_a_guest() -> None:
    article = run("The senator told host Dana Pruitt that he would vote. Governor Ann Hollis will host Karl Weber, a "
                  "local farmer, on Friday.", dt.date(2020, 5, 1))
    assert actor_of(article, "Dana Pruitt").sector == "JRN"
    assert actor_of(article, "Karl Weber").sector != "JRN"


def test_a_rank_held_for_or_at_an_organization_takes_its_sector() -> None:
    article = run("Ruth Kamau, a spokesperson for the Kenya Police Service, denied the report. Owen Pryce, "
                  "spokesperson at the Labour Party, welcomed the vote.", dt.date(2019, 10, 11))
    assert actor_of(article, "Ruth Kamau").sector == "COP"
    assert actor_of(article, "Owen Pryce").sector == "PTY"


def test_the_commission_on_presidential_debates_is_a_non_governmental_organization() -> None:
    article = run("The Commission on Presidential Debates said the second debate would be virtual. The Federal "
                  "Election Commission did not comment.", dt.date(2020, 10, 8))
    debates = actor_of(article, "Commission on Presidential Debates")
    assert (debates.country, debates.sector) == ("USA", "NGO")


# ---- groups named by their role alone --------------------------------------------------------------------


def test_a_bare_role_noun_that_is_a_party_is_a_group_of_the_storys_country() -> None:
    article = run("Police in Lyon, France, arrested a teacher on Monday. Critics accused the mayor of delays, and "
                  "the mayor thanked shoppers who helped.", dt.date(2021, 3, 1))
    critics = actor_of(article, "Critics")
    assert (critics.kind, critics.country, critics.sector) == ("group", "FRA", "CVL")
    assert actor_of(article, "shoppers").sector == "CVL"


def test_suspects_and_attackers_are_criminals_and_aides_the_executive() -> None:
    article = run("Two suspects were arrested in Jakarta, Indonesia, on Friday. Aides denied the report.",
                  dt.date(2019, 10, 11))
    suspects = actor_of(article, "suspects")
    assert (suspects.country, suspects.sector) == ("IDN", "CRM")
    assert actor_of(article, "Aides").sector == "GOV"


def test_a_role_noun_that_is_no_party_or_is_a_persons_names_no_group() -> None:
    article = run("In Ohio, the rights of farmers were discussed. Governor Tom Lang met his critics on Monday, and "
                  "Lang's supporters cheered.", dt.date(2020, 1, 20))
    found = by_name(article)
    assert not any("farmers" in name for name in found)
    assert actor_of(article, "his critics").name == "Lang's critics"
    assert actor_of(article, "supporters").name == "Lang's supporters"


def test_bare_plurals_of_places_bodies_in_general_and_things_name_no_group() -> None:
    article = run("In Perth, Australia, websites host the videos and "
                  "industries hire staff, while groups of voters met on Monday.", dt.date(2020, 1, 20))
    found = by_name(article)
    for word in ("websites", "industries", "groups"):
        assert not any(word in name.lower() for name in found), found

# ---- the culprit named by a noun -------------------------------------------------------------------------


def test_a_gunman_and_the_suspect_are_the_criminal_the_article_names() -> None:
    article = run("A gunman shot two guards at a bank in Leeds on Monday. Police arrested Tom Hale on Tuesday. "
                  "Prosecutors charged the suspect with murder. A suspect in Bristol was also held.",
                  dt.date(2021, 3, 2))
    hale = actor_of(article, "Tom Hale")
    assert hale.sector == "CRM"
    assert actor_of(article, "A gunman") is hale
    assert actor_of(article, "the suspect") is hale
    at = article.text.index("A suspect in")
    assert article.actor_at(at, at + len("A suspect")) is not hale  # someone else


def test_a_gunman_named_later_leaves_the_gunmen_their_other_mentions() -> None:
    article = run("Gunmen attacked a village in Mali on Sunday. A gunman shot a guard at the gate. Police arrested "
                  "Omar Diallo on Monday, and the gunman was charged with murder.", dt.date(2021, 3, 2))
    diallo = actor_of(article, "Omar Diallo")
    assert actor_of(article, "A gunman") is diallo
    assert actor_of(article, "the gunman") is diallo
    gunmen = actor_of(article, "Gunmen")
    assert gunmen is not diallo
    assert [m.text for m in gunmen.mentions] == ["Gunmen"]


def test_an_unnamed_attacker_is_one_criminal_person_of_the_storys_country() -> None:
    article = run("An attacker stabbed three people in Lyon, France, on Friday. Police shot the attacker, and the "
                  "suspect died in hospital.", dt.date(2021, 3, 2))
    attacker = actor_of(article, "the attacker")
    assert (attacker.kind, attacker.country, attacker.sector) == ("person", "FRA", "CRM")
    assert actor_of(article, "the suspect") is attacker


def test_victims_that_are_a_party_of_a_clause_are_a_group_but_people_are_not() -> None:
    article = run("A court in Leeds, England jailed John Roe for abusing girls. The victims said they were relieved. "
                  "People said the sentence was fair.", dt.date(2021, 3, 2))
    victims = actor_of(article, "The victims")
    assert (victims.name, victims.kind, victims.country, victims.sector) == ("British victims", "group", "GBR", "CVL")
    assert no_actor_at(article, "People")


def test_counted_victims_are_a_group_of_their_own_beside_the_counted_people() -> None:
    article = run("A gunman shot two victims in Lyon, France, on Friday, and three people were hurt in the crush.",
                  dt.date(2021, 3, 2))
    victims = actor_of(article, "victims")
    assert (victims.name, victims.kind, victims.country, victims.sector) == ("French victims", "group", "FRA", "CVL")
    assert actor_of(article, "people").name == "French people"


def test_one_judge_is_a_person_but_judges_a_court_and_a_role_said_of_someone_are_not() -> None:
    article = run("Last week a federal judge in Austin, Texas, threw out the lawsuit. Judges in Ohio had "
                  "ruled, and the court agreed. Jane Roe, who is a judge, stayed silent.", dt.date(2020, 11, 22))
    at = article.text.index("judge in")
    judge = article.actor_at(at, at + len("judge"))
    assert judge is not None
    assert (judge.name, judge.kind, judge.country, judge.sector) == ("U.S. judge", "person", "USA", "JUD")
    assert actor_of(article, "Judges").kind == "group"
    assert actor_of(article, "court").kind != "person"
    at = article.text.index("a judge,") + 2
    assert article.actor_at(at, at + len("judge")) is not judge


def test_an_agent_noun_before_a_noun_of_an_act_is_an_actor_but_not_an_adjective_before_a_thing() -> None:
    article = run("A police raid in Leeds, England, ended on Monday. Military aid rose, and the police station "
                  "closed.", dt.date(2021, 3, 2))
    assert (actor_of(article, "police raid").country, actor_of(article, "police raid").sector) == ("GBR", "COP")
    at = article.text.index("police station")
    assert article.actor_at(at, at + len("police")) is None
    assert article.actor_at(article.text.index("Military"), article.text.index("Military") + 8) is None


def test_a_persons_aides_and_associates_take_the_persons_sector() -> None:
    article = run("Opposition leader Ivan Sokolov fell ill on a flight. His associates said he was poisoned, and "
                  "Sokolov's aides asked for help.", dt.date(2020, 8, 21))
    sokolov = actor_of(article, "Ivan Sokolov")
    associates = actor_of(article, "His associates")
    assert (associates.name, associates.kind, associates.sector) == ("Sokolov's associates", "group", sokolov.sector)
    assert actor_of(article, "aides").name == "Sokolov's aides"


def test_a_role_noun_counted_by_a_word_is_a_party_where_the_count_is() -> None:
    article = run("In Ohio, the majority of legal experts rejected the plan on Monday, and the governor told "
                  "security agencies to look into it.", dt.date(2021, 3, 2))
    experts = actor_of(article, "legal experts")
    assert (experts.country, experts.sector) == ("USA", "EDU")
    assert actor_of(article, "security agencies").sector == "SPY"


def test_the_countrys_institution_is_that_of_the_country_the_story_is_about() -> None:
    article = run("Samoa lifted its state of emergency. The island nation's cabinet voted on Saturday, and Samoa "
                  "reopened its schools.", dt.date(2019, 12, 30))
    cabinet = actor_of(article, "cabinet")
    assert (cabinet.kind, cabinet.country, cabinet.sector) == ("organization", "WSM", "GOV")


def test_the_administration_alone_is_the_one_named_before_else_the_government_of_the_story() -> None:
    article = run("In Washington, the Trump administration asked the U.S. Supreme Court to rule. Days later the "
                  "administration appealed.", dt.date(2019, 7, 10))
    first = article.text.index("administration")
    assert actor_of(article, "the administration appealed").name == "Trump administration"
    assert article.actor_at(first, first + len("administration")) is actor_of(article, "the administration appealed")
    alone = run("In Washington, the administration sued the publisher on Monday.", dt.date(2020, 6, 17))
    government = actor_of(alone, "administration")
    assert (government.country, government.sector) == ("USA", "GOV")


def test_an_unnamed_man_arrested_or_attacking_is_the_criminal_the_article_names() -> None:
    article = run("Police in Leeds arrested a 30-year-old man on Friday. The suspect, later identified as Tom Hale, "
                  "was charged. A man who saw it said he was calm.", dt.date(2021, 3, 6))
    hale = actor_of(article, "Tom Hale")
    assert actor_of(article, "a 30-year-old man") is hale
    at = article.text.index("A man who")
    assert article.actor_at(at, at + len("A man")) is not hale  # a witness, no crime of his own


def test_an_unnamed_worker_who_attacks_in_a_participle_clause_is_the_one_criminal() -> None:
    article = run("At a depot in Graz, Austria, a delivery driver went on a rampage on Monday, stabbing two "
                  "colleagues. The attacker was shot by police. A student who saw it called for help.",
                  dt.date(2021, 3, 8))
    driver = actor_of(article, "a delivery driver")
    assert (driver.kind, driver.country, driver.sector) == ("person", "AUT", "CRM")
    assert actor_of(article, "The attacker") is driver
    assert no_actor_at(article, "A student")  # a witness, no crime of their own


def test_hongkongers_written_as_one_word_are_people_of_hong_kong() -> None:
    article = run("Two million Hongkongers marched on Sunday.", dt.date(2019, 8, 19))
    assert actor_of(article, "Hongkongers").country == "HKG"


def test_attackers_and_suspects_of_one_story_are_one_group() -> None:
    article = run("Two suspects were arrested in Jakarta, Indonesia, on Friday. Police said the attackers acted "
                  "alone.", dt.date(2019, 10, 11))
    assert actor_of(article, "suspects") is actor_of(article, "attackers")


# ---- former and late officeholders ----------------------------------------------------------------------


def test_a_late_officeholder_keeps_the_office_while_a_former_one_is_an_elite() -> None:
    article = run("Former Governor Ann Colley wrote a book about the war. In 1972, Tom Hale ran the campaign of the "
                  "late Senator Walter Brisk in the presidential primary.", dt.date(2020, 6, 2))
    assert actor_of(article, "Walter Brisk").sector == "LEG"
    assert actor_of(article, "Ann Colley").sector == "ELI"


def test_a_country_named_three_times_as_often_as_any_other_is_the_storys_though_under_half() -> None:
    article = run("The United States held talks on Monday. American diplomats met in Washington. The U.S. will send "
                  "aid, the State Department said. Armenia and Azerbaijan fought over the border, and Armenia blamed "
                  "Azerbaijan. Israel and Bahrain signed a deal, and Serbia joined it. In the U.S., voters went to "
                  "the polls, and the United States counted them. Jacob Sommers said the deal would hold.",
                  dt.date(2020, 10, 1))
    assert actor_of(article, "Jacob Sommers").country == "USA"
    close = run("The United States held talks on Monday. Armenia and Azerbaijan fought over the border, and Armenia "
                "blamed Azerbaijan. The U.S. will send aid. Jacob Sommers said the deal would hold.",
                dt.date(2020, 10, 1))
    assert actor_of(close, "Jacob Sommers").country is None


# ---- organizations by their names ----------------------------------------------------------------------


def test_an_organizations_head_is_read_past_its_country_and_at_the_end_after_for() -> None:
    heads = load_lexicon(lang.resources("en")).heads
    assert heads is not None
    assert heads.sector("Parents Coalition Kenya") == "NGO"
    assert heads.sector("Students Society South Africa") == "NGO"
    assert heads.sector("Music for Hope Foundation") == "NGO"
    assert heads.sector("Ministry of Information and Broadcasting") == "GOV"  # the head before "of" first
    assert heads.sector("Friends of Kenya") is None
    assert heads.sector("Voice of America") is None


def test_a_person_of_an_organization_named_with_its_country_takes_its_sector() -> None:
    article = run("Lena Okafor of Parents Coalition Kenya said the law was not enough.", dt.date(2019, 5, 17))
    assert actor_of(article, "Lena Okafor").sector == "NGO"


def test_a_title_in_apposition_at_the_end_of_a_sentence_is_read() -> None:
    article = run("The charge was denied by Irma Vashaka, the defendant's lawyer. The story was first told by Ann "
                  "Fox, a journalist.", dt.date(2019, 6, 10))
    assert actor_of(article, "Irma Vashaka").sector == "JUD"
    assert actor_of(article, "Ann Fox").sector == "JRN"


def test_a_dictionary_organization_of_no_country_takes_the_country_its_name_gives() -> None:
    article = run("The American Civil Liberties Union sued the state on Monday over the new law.", dt.date(2019, 5, 20))
    union = actor_of(article, "American Civil Liberties Union")
    assert (union.country, union.sector) == ("USA", "NGO")


def test_the_city_of_a_town_that_acts_is_its_government_a_described_city_a_place() -> None:
    acting = run("Voters in Washington state waited for hours on Tuesday. The city of Tacoma closed two polling "
                 "places.", dt.date(2020, 4, 8))
    city = actor_of(acting, "Tacoma")
    assert (city.name, city.kind, city.country, city.sector) == ("City of Tacoma", "organization", "USA", "GOV")
    described = run("Fans in Ontario, Canada, gathered on Saturday. The Canadian city of Toronto hosted the fair.",
                    dt.date(2019, 3, 25))
    assert "City of Toronto" not in by_name(described)


def test_a_leaders_household_is_an_elite_but_not_a_senators_nor_a_niece() -> None:
    leader = run("President Joan Miller of Estonia spoke on Monday, and her husband Mark was beside her.",
                 dt.date(2020, 8, 25))
    assert actor_of(leader, "Mark").sector == "ELI"
    senator = run("Protesters surrounded Senator Rand Kemp and his wife Kelley as they left the hall.",
                  dt.date(2020, 8, 28))
    assert actor_of(senator, "Kelley").sector == "CVL"
    niece = run("President Joan Miller of Estonia spoke on Monday. Her niece Mary Miller released a book.",
                dt.date(2020, 8, 25))
    assert actor_of(niece, "Mary Miller").sector == "CVL"


def test_a_second_title_after_the_name_says_the_country_the_first_does_not() -> None:
    article = run("Mexican officials condemned the attack in Mexico City, and Mexico asked for answers. The shooting "
                  "is terrorism, according to prosecutor Jon Bosch, the U.S. Attorney for the Western District of "
                  "Texas.", dt.date(2019, 8, 5))
    bosch = actor_of(article, "Jon Bosch")
    assert (bosch.country, bosch.sector) == ("USA", "JUD")


def test_words_that_join_a_person_to_a_country_beat_the_storys_country() -> None:
    article = run("Mexico counted more butterflies this year, and Mexican officials were pleased. Mexico will count "
                  "again in March. According to ecologist Chad Tyler of the University of Kansas, the weather "
                  "helped. The site's operator, Lee Jae-sun from South Korea, was arrested.", dt.date(2019, 1, 30))
    assert actor_of(article, "Chad Tyler").country == "USA"
    assert actor_of(article, "Lee Jae-sun").country == "KOR"


# ---- a generic title's organization ----------------------------------------------------------------------


def test_a_generic_title_takes_the_kind_of_the_organization_it_belongs_to() -> None:
    article = run("The Green Liberty Party (GLP) met on Monday. GLP chairman Mark Tolland said the vote was unfair. "
                  "Ashton Pike, director of Youth Forum Kenya, criticised the plan. Kerri Lee, a spokeswoman for "
                  "the Acme Corporation, said it was false. Spokeswoman Jane Hill said the ministry would reply.",
                  dt.date(2020, 6, 1))
    assert actor_of(article, "Mark Tolland").sector == "PTY"
    assert actor_of(article, "Ashton Pike").sector == "NGO"
    assert actor_of(article, "Kerri Lee").sector == "BUS"
    assert actor_of(article, "Jane Hill").sector == "GOV"


def test_a_rank_in_a_named_medium_is_a_journalists() -> None:
    article = run("Local news source Harbour Beacon's managing director, Rachel Gray, said she was hopeful. The "
                  "conservative news website Redline Daily said the report was false.", dt.date(2020, 6, 1))
    assert actor_of(article, "Harbour Beacon").sector == "JRN"
    assert actor_of(article, "Rachel Gray").sector == "JRN"
    assert actor_of(article, "Redline Daily").sector == "JRN"


def test_lobbyists_are_business_and_a_sun_is_a_newspaper() -> None:
    article = run("The charges concern the activities of former Chicago lobbyist Jack Morrow, the Lakeside Sun "
                  "reported on Monday.", dt.date(2020, 6, 1))
    assert actor_of(article, "Jack Morrow").sector == "BUS"
    assert actor_of(article, "Lakeside Sun").sector == "JRN"


def test_centers_are_ngos_and_a_capital_closing_a_name_is_read_past() -> None:
    article = run("A team from University College London confirmed it. Greg Kimble of the Center for Clean Rivers "
                  "said the count was low. The National Center for Road Statistics published the data.",
                  dt.date(2020, 6, 1))
    assert actor_of(article, "University College London").sector == "EDU"
    assert actor_of(article, "Center for Clean Rivers").sector == "NGO"
    assert actor_of(article, "Greg Kimble").sector == "NGO"
    assert actor_of(article, "National Center for Road Statistics").sector == "GOV"


def test_a_kind_of_group_before_a_name_makes_it_an_organization_of_that_kind() -> None:
    article = run("The militant group Ansar Beit claimed the attack. Peter Isle of the victims group Ending Harm "
                  "said the law was weak. Jane Hill, a spokeswoman for the Moss campaign, said the poll was "
                  "wrong.", dt.date(2020, 6, 1))
    militants = actor_of(article, "Ansar Beit")
    assert (militants.kind, militants.sector) == ("organization", "UAF")
    assert actor_of(article, "Ending Harm").sector == "NGO"
    assert actor_of(article, "Peter Isle").sector == "NGO"
    assert actor_of(article, "Jane Hill").sector == "PTY"


def test_an_airline_or_a_think_tank_before_a_name_says_its_kind() -> None:
    article = run("The airline Jet Orange cancelled 40 flights. The think tank Pacific Forward said the plan would "
                  "fail.", dt.date(2020, 6, 1))
    assert actor_of(article, "Jet Orange").sector == "BUS"
    assert actor_of(article, "Pacific Forward").sector == "NGO"


def test_a_noun_phrase_in_apposition_says_an_organizations_kind() -> None:
    article = run("Sea Rescue Now, a German rescue charity, said the ship was full. The court fined Mardell "
                  "Holdings, a shipping company, on Monday.", dt.date(2020, 6, 1))
    charity = actor_of(article, "Sea Rescue Now")
    assert (charity.kind, charity.sector) == ("organization", "NGO")
    assert actor_of(article, "Mardell Holdings").sector == "BUS"


def test_a_member_of_a_body_named_by_a_common_noun_takes_its_sector() -> None:
    article = run("Anna Lee, a member of parliament, said the law was unfair. Tom Ward of the opposition said the "
                  "vote was rigged.", dt.date(2020, 6, 1))
    assert actor_of(article, "Anna Lee").sector == "LEG"
    assert actor_of(article, "Tom Ward").sector == "OPP"


def test_a_relative_clause_joins_a_person_to_their_organization() -> None:
    article = run("Lisa Park, who works for the Kenyan Ministry of Health, said aid was late. Dan Roe, who heads "
                  "the Open Shores Foundation, agreed.", dt.date(2020, 6, 1))
    assert actor_of(article, "Lisa Park").sector == "GOV"
    assert actor_of(article, "Dan Roe").sector == "NGO"


def test_civil_titles_ending_in_general_or_officer_are_not_military_or_police() -> None:
    article = run("Postmaster General Louis DeJay said mail would be slow. Chief executive officer John Rowe "
                  "resigned. Local wildlife officer Mohan Das shared the video.", dt.date(2020, 6, 1))
    assert actor_of(article, "Louis DeJay").sector == "GOV"
    assert actor_of(article, "John Rowe").sector == "BUS"
    assert actor_of(article, "Mohan Das").sector == "GOV"


def test_a_title_ending_in_a_courtesy_word_before_a_name() -> None:
    article = run("Former First Lady Jane Rowe gave the keynote address.", dt.date(2020, 6, 1))
    assert actor_of(article, "Jane Rowe").sector == "ELI"


def test_a_private_persons_occupation_is_kept_when_a_crime_is_told() -> None:
    article = run("Nika Basil, a Georgian tennis player, was charged with assault on Monday.", dt.date(2020, 6, 1))
    player = actor_of(article, "Nika Basil")
    assert (player.country, player.sector) == ("GEO", "CVL")


def test_a_leaders_kind_and_a_utilitys_name() -> None:
    article = run("Indigenous leader Doug Feather spoke. Union leader Howie Hawk said the strike would go on. Mike "
                  "Lewis, a vice president at Pacific Gas and Electric, said power would return.", dt.date(2020, 6, 1))
    assert actor_of(article, "Doug Feather").sector == "CVL"
    assert actor_of(article, "Howie Hawk").sector == "LAB"
    assert actor_of(article, "Pacific Gas and Electric").sector == "BUS"
    assert actor_of(article, "Mike Lewis").sector == "BUS"


def test_a_rank_takes_the_body_its_title_names() -> None:
    article = run("On Monday, police press officer Jan Kowal said the man was held. Army spokesman Ben Tal denied "
                  "it.", dt.date(2020, 6, 1))
    assert actor_of(article, "Jan Kowal").sector == "COP"
    assert actor_of(article, "Ben Tal").sector == "MIL"


def test_more_occupations_before_a_name() -> None:
    article = run("On Monday, FBI agent Tom Baird arrested him. Paramedic Eva Stone treated the boy. Filmmaker Raj "
                  "Patel recorded it, and real estate agent Mia Holt watched.", dt.date(2020, 6, 1))
    assert actor_of(article, "Tom Baird").sector == "COP"
    assert actor_of(article, "Eva Stone").sector == "MED"
    assert actor_of(article, "Raj Patel").sector == "JRN"
    assert actor_of(article, "Mia Holt").sector == "BUS"


def test_a_former_first_lady_is_no_candidate_in_election_talk() -> None:
    article = run("At the party's convention before the election, Former First Lady Jane Rowe urged voters to turn "
                  "out for the nominee.", dt.date(2020, 8, 20))
    assert actor_of(article, "Jane Rowe").sector == "ELI"


def test_a_relative_clause_with_a_copula_gives_a_title() -> None:
    article = run("Lisa Park, who is a lawyer, said aid was late. Ann Cole, who is a researcher at the University "
                  "of Nairobi, agreed.", dt.date(2020, 6, 1))
    assert actor_of(article, "Lisa Park").sector == "JUD"
    assert actor_of(article, "Ann Cole").sector == "EDU"


def test_a_nationality_gives_a_country_and_no_sector() -> None:
    article = run("Police in Reading, England named him as Libyan national Khalid Sami. Khalid Sami was arrested "
                  "on Sunday. The party's National Convention met in May.", dt.date(2020, 6, 21))
    suspect = actor_of(article, "Khalid Sami")
    assert (suspect.country, suspect.sector) == ("LBY", "CRM")
    assert "May" not in {a.name for a in article.actors}


def test_two_names_after_one_plural_title_both_take_it() -> None:
    article = run("She met officers Tom Quill and Ben Rowe at a pub on Friday.", dt.date(2019, 2, 1))
    assert actor_of(article, "Tom Quill").sector == "COP"
    assert actor_of(article, "Ben Rowe").sector == "COP"


def test_names_listed_under_a_plural_role_noun_take_its_role() -> None:
    article = run("Radio commentators such as Dan Pruitt and Cole Mercer called the speech flat.", dt.date(2020, 9, 1))
    assert actor_of(article, "Dan Pruitt").sector == "JRN" and actor_of(article, "Cole Mercer").sector == "JRN"
    article = run("Several lawmakers, including Dana Holt and Sam Ortiz, opposed the bill.", dt.date(2020, 9, 1))
    assert actor_of(article, "Dana Holt").sector == "LEG" and actor_of(article, "Sam Ortiz").sector == "LEG"
    article = run("The agency has chosen two senators, Dana Holt and Sam Ortiz, for the panel.", dt.date(2020, 9, 1))
    assert actor_of(article, "Dana Holt").sector == "LEG" and actor_of(article, "Sam Ortiz").sector == "LEG"


def test_a_person_of_an_unknown_body_takes_the_kind_the_words_in_apposition_to_it_say() -> None:
    article = run("Dana Holt of Brixmoor Tide, a firm specialising in radar, told reporters it was rare.",
                  dt.date(2020, 9, 1))
    assert actor_of(article, "Dana Holt").sector == "BUS"
    article = run('Dana Holt of "Speak Freely", an abuse victim support charity, told reporters it was not enough.',
                  dt.date(2020, 9, 1))
    assert actor_of(article, "Dana Holt").sector == "NGO"


# ---- organizations no dictionary knows, by their heads ---------------------------------------------------


def test_a_committee_or_caucus_of_a_legislature_is_the_legislatures_but_another_committee_says_no_sector() -> None:
    article = run("The House Fisheries and Trade Committee and the Congressional Rural Caucus questioned the plan "
                  "on Monday. The Harbor Peace Committee awarded the prize.", dt.date(2019, 10, 18))
    assert actor_of(article, "House Fisheries and Trade Committee").sector == "LEG"
    assert actor_of(article, "Congressional Rural Caucus").sector == "LEG"
    assert actor_of(article, "Harbor Peace Committee").sector is None


def test_a_website_and_a_banking_group_take_their_kinds_sector() -> None:
    article = run("The mayor resigned, Marshport.com reported. The Kestrel Banking Group said it would "
                  "lend the town money.", dt.date(2019, 10, 18))
    assert actor_of(article, "Marshport.com").sector == "JRN"
    assert actor_of(article, "Kestrel Banking Group").sector == "BUS"


def test_the_church_is_a_body_of_its_own_not_its_clergy() -> None:
    article = run("Bishops in Poland met in Warsaw on Monday. The church said it would pay the victims. Several "
                  "priests resigned.", dt.date(2019, 5, 13))
    church = actor_of(article, "The church")
    assert (church.name, church.sector) == ("Polish church", "REL")
    assert actor_of(article, "Bishops").name == "Polish clergy"


def test_a_former_officeholder_is_no_candidate_for_an_owner_s_mention_or_another_actor_s_election_word() -> None:
    article = run("Mark Hollis won the primary in Ohio on Tuesday. He served as a judge under former governor Jane "
                  "Rowe's administration.", dt.date(2020, 3, 18))
    assert actor_of(article, "Jane Rowe").sector == "ELI"
    article = run("Joe Biden spoke in Ohio. The Biden campaign described former Ohio governor Jane Rowe as a friend.",
                  dt.date(2020, 10, 5))
    assert actor_of(article, "Jane Rowe").sector == "ELI"
