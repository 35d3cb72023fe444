"""Actors followed through the article and known from open data (real spaCy model, the packaged knowledge base)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.actors.articles import actor_of, by_name, no_actor_at, run

# ---- the knowledge base ---------------------------------------------------------------------------------


def test_knowledge_base_gives_country_and_office_on_the_date() -> None:
    article = run("Igor Matovič said the lockdown would last until January. Slovakia closed its schools.",
                  dt.date(2020, 12, 21))
    person = actor_of(article, "Igor Matovič")
    assert (person.kind, person.country, person.sector) == ("person", "SVK", "GOV")
    assert person.wikidata is not None and person.wikidata.startswith("Q")


def test_office_without_a_name_is_its_holder_on_the_date() -> None:
    article = run("The Czech president said on Monday that the talks in Prague would go on.", dt.date(2019, 5, 6))
    holder = actor_of(article, "president")
    assert (holder.kind, holder.country, holder.sector) == ("person", "CZE", "GOV")
    assert holder.name.startswith("Miloš")


def test_a_leader_named_again_by_role_or_surname_is_one_actor() -> None:
    article = run("German Chancellor Ilse Brandt met French President Paul Morel in Berlin on Monday. "
                  "The German leader said Europe must act. Brandt added that talks would go on.", dt.date(2019, 3, 4))
    brandt = actor_of(article, "Ilse Brandt")
    assert {"German leader", "Brandt"} <= {m.text for m in brandt.mentions}
    assert (brandt.country, brandt.sector) == ("DEU", "GOV")


@pytest.mark.parametrize(("day", "name"), [(dt.date(2017, 6, 1), "Donald Trump"), (dt.date(2021, 6, 1), "Joe Biden")])
def test_the_us_president_is_the_holder_on_the_date(day: dt.date, name: str) -> None:
    article = run("The U.S. president signed an order on Thursday. The president said the order was lawful.", day)
    assert actor_of(article, "president").name == name


def test_a_country_the_text_gives_a_person_wins() -> None:
    article = run("Col. Avi Levin, an Israeli defence official, said the army was ready.", dt.date(2019, 3, 4))
    assert actor_of(article, "Avi Levin").country == "ISR"


def test_the_person_of_the_text_wins_over_a_namesake() -> None:
    vance = actor_of(run("In New York, District Attorney Vance said the grand jury would see the records of "
                         "US President Donald Trump.", dt.date(2019, 10, 7)), "Vance")
    assert (vance.country, vance.sector) == ("USA", "JUD")  # no senator of 2023 in a story of 2019
    assert vance.name == "Vance" and vance.wikidata is None
    wilson = actor_of(run("In London, professor David Wilson said the prison had failed. Britain's police agreed.",
                          dt.date(2019, 12, 2)), "David Wilson")
    assert (wilson.country, wilson.sector) == ("GBR", "EDU")  # not the governor of Hong Kong of that name


def test_a_place_in_a_persons_own_appositive_gives_the_country_a_place_elsewhere_does_not() -> None:
    article = run("Dana Holt, the mayor of Dayton, Ohio, said the roads were closed.", dt.date(2019, 5, 28))
    assert actor_of(article, "Dana Holt").country == "USA"
    article = run("Dana Holt, the mayor, said the roads were closed. Floods hit Ohio and Bavaria.",
                  dt.date(2019, 5, 28))
    assert actor_of(article, "Dana Holt").country is None  # two countries, neither said to be hers


def test_a_title_given_when_a_person_is_named_again_is_his() -> None:
    article = run("Cyrus R. Vance, Jr. said the grand jury would see the records. District Attorney Vance declined "
                  "to comment.", dt.date(2019, 10, 7))
    vance = actor_of(article, "Cyrus R. Vance")
    assert actor_of(article, "District Attorney Vance") == vance
    assert (vance.kind, vance.sector, vance.title) == ("person", "JUD", "District Attorney")


# ---- following a person through the article ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "again"),
    [
        ("Bill de Blasio ended his campaign on Friday. De Blasio said he would stay mayor.", "Bill de Blasio",
         "De Blasio"),
        ("Robert Mugabe died on Friday in Singapore. Robert Gabriel Mugabe led Zimbabwe from 1980.", "Robert Mugabe",
         "Robert Gabriel Mugabe"),
        ("Emily Spanton met the officers at a pub. Mme Spanton told the court what happened.", "Emily Spanton",
         "Mme Spanton"),
        ("Prime Minister Tuilaepa Sailele Malielegaoi announced the shutdown. Tuilaepa said all must stay home.",
         "Tuilaepa Sailele Malielegaoi", "Tuilaepa said"),
    ],
)
def test_a_person_named_again_is_one_actor(text: str, first: str, again: str) -> None:
    article = run(text, dt.date(2019, 9, 21))
    assert actor_of(article, first) == actor_of(article, again.split(" said")[0])


def test_former_officeholders_are_elites_and_candidates_party_actors() -> None:
    article = run("Former president Nicolas Sarkozy paid tribute to him in Paris. France mourned.",
                  dt.date(2019, 9, 26))
    assert actor_of(article, "Nicolas Sarkozy").sector == "ELI"
    article = run("Former US Vice President Joe Biden won the primary in Florida, taking most of its delegates.",
                  dt.date(2020, 3, 18))
    biden = actor_of(article, "Joe Biden")
    assert (biden.country, biden.sector) == ("USA", "PTY")
    article = run("Sanders said he trailed former Vice President Joe Biden by about 250 delegates.",
                  dt.date(2020, 4, 8))
    assert actor_of(article, "Joe Biden").sector == "PTY"  # named in a sentence of elections, not its subject


# ---- organizations -------------------------------------------------------------------------------------


def test_unknown_organization_sector_and_country_from_its_name_and_story() -> None:
    article = run("Two cyclists were hurt in Oxford, UK on Tuesday. Thames Valley Police questioned a "
                  "31-year-old driver about the crash. The UK government promised safer roads.",
                  dt.date(2020, 6, 21))
    police = actor_of(article, "Thames Valley Police")
    assert (police.kind, police.country, police.sector) == ("organization", "GBR", "COP")


def test_acronym_and_anaphor_join_the_organization() -> None:
    article = run("On Tuesday the United States Commission on Presidential Debates moved the second debate online. "
                  "The CPD said the hall was too small. The United States Supreme Court refused the appeal. "
                  "The court gave no reason.", dt.date(2020, 10, 9))
    assert actor_of(article, "Commission on Presidential Debates") == actor_of(article, "CPD")
    court = actor_of(article, "United States Supreme Court")
    assert actor_of(article, "court gave") == court and court.sector == "JUD"


def test_media_are_journalists() -> None:
    found = by_name(run("Senator Chuck Schumer told NPR the bill would pass.", dt.date(2019, 10, 17)))
    assert (found["NPR"].country, found["NPR"].sector) == ("USA", "JRN")


def test_international_organizations_and_their_officials() -> None:
    article = run("UN Secretary-General António Guterres addressed NATO.", dt.date(2019, 6, 1))
    assert (actor_of(article, "NATO").country, actor_of(article, "NATO").sector) == ("IGO", "IGO")
    guterres = actor_of(article, "António Guterres")
    assert (guterres.country, guterres.sector) == ("IGO", "IGO")


# ---- groups from the noun phrase -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Polish farmers blocked the roads on Monday.", "Polish farmers", "POL", "AGR"),
        ("Israeli troops entered the town on Monday.", "Israeli troops", "ISR", "MIL"),
        ("Iranian officials denied the report.", "Iranian officials", "IRN", "GOV"),
        ("Police in St. Louis arrested two men on Friday.", "Police", "USA", "COP"),
        ("A judge in Moscow, Idaho, ruled against the city. Russia was not involved.", "judge", "USA", "JUD"),
        ("Residents of Gdańsk marched on Sunday.", "Residents", "POL", "CVL"),
    ],
)
def test_group_actor_from_the_noun_phrase(text: str, mention: str, country: str, sector: str) -> None:
    group = actor_of(run(text, dt.date(2019, 6, 1)), mention)
    assert (group.country, group.sector) == (country, sector)


def test_a_lone_gunman_is_a_criminal_person_and_gunmen_an_armed_group_of_the_story() -> None:
    article = run("A gunman opened fire at a store in El Paso, Texas. American officials said he acted alone.",
                  dt.date(2019, 8, 4))
    gunman = actor_of(article, "gunman")
    assert (gunman.kind, gunman.country, gunman.sector) == ("person", "USA", "CRM")
    gunmen = actor_of(run("Gunmen opened fire at a store in El Paso, Texas.", dt.date(2019, 8, 4)), "Gunmen")
    assert (gunmen.kind, gunmen.sector) == ("group", "UAF")


# ---- places and metonyms ------------------------------------------------------------------------------


def test_metonyms_need_their_country_or_an_act() -> None:
    article = run("Washington warned North Korea on Monday. Robert Mugabe received guests at the Blue House, his "
                  "residence in Harare, Zimbabwe.", dt.date(2019, 9, 9))
    assert actor_of(article, "Washington").country == "USA"
    assert all(a.country != "KOR" for a in article.actors)  # a house in Harare is no South Korean government
    assert actor_of(article, "Robert Mugabe").country == "ZWE"


def test_a_capital_someone_goes_to_is_a_place() -> None:
    article = run("Emmanuel Macron will visit Beijing next week, and the boy was flown to Moscow. Moscow said the "
                  "flight was safe.", dt.date(2019, 6, 1))
    moscow = article.text.rindex("Moscow")
    assert article.actor_at(moscow, moscow + len("Moscow")) is not None  # the one that speaks
    assert article.actor_at(article.text.index("Moscow"), article.text.index("Moscow") + 6) is None
    assert article.actor_at(article.text.index("Beijing"), article.text.index("Beijing") + 7) is None


def test_places_and_events_are_no_actors() -> None:
    article = run("A truck bomb went off near a checkpoint in Maidan Shahr. Police named the driver as Omar "
                  "Haddad, who moved to the UK after the Libyan Civil War.", dt.date(2020, 6, 21))
    names = {a.name for a in article.actors}
    assert "Omar Haddad" in names
    assert not names & {"Maidan Shahr", "Libyan Civil War"}
    article = run("Despite winning the Solidarity Party Oregon Presidential Primary in March, Tom Smith lost the "
                  "nomination.", dt.date(2020, 9, 1))
    names = {a.name for a in article.actors}
    assert "Tom Smith" in names and not any("Primary" in name for name in names)


def test_a_lone_given_name_after_a_word_of_kinship_is_a_person_of_the_family() -> None:
    article = run("Former French President Jacques Chirac died on Thursday. He is survived by his wife Bernadette.",
                  dt.date(2019, 9, 26))
    bernadette = actor_of(article, "Bernadette")
    assert (bernadette.kind, bernadette.country, bernadette.sector) == ("person", "FRA", "ELI")
    assert actor_of(article, "Jacques Chirac") != bernadette


# ---- roles the parse gives -----------------------------------------------------------------------------


def test_a_name_in_apposition_takes_the_role_of_the_phrase_before_it() -> None:
    article = run("The head of the UK's transport police, Martin Keane, said on Tuesday the station would reopen.",
                  dt.date(2020, 6, 21))
    basu = actor_of(article, "Martin Keane")
    assert (basu.kind, basu.country, basu.sector) == ("person", "GBR", "COP")
    assert actor_of(article, "The head") == basu  # the phrase he stands in apposition to is a mention of him
    assert basu.title is None  # the words are not beside the name: no title
    assert actor_of(article, "UK").country == "GBR"  # the organization's words stay for their own actors


def test_names_joined_by_and_share_a_plural_title() -> None:
    article = run("The court heard that officers Marie Dubois and Paul Lefebvre met her at a bar in Paris.",
                  dt.date(2019, 1, 31))
    for name in ("Marie Dubois", "Paul Lefebvre"):
        person = actor_of(article, name)
        assert (person.kind, person.sector) == ("person", "COP")


def test_a_former_officeholder_keeps_the_office_title_beside_a_shared_title() -> None:
    article = run("Guests at the opening were two former presidents George W. Bush and Bill Clinton.",
                  dt.date(2020, 8, 20))
    clinton = actor_of(article, "Bill Clinton")
    assert (clinton.country, clinton.sector) == ("USA", "ELI")
    assert clinton.title is not None and "President" in clinton.title


@pytest.mark.parametrize(
    ("text", "first", "again", "country", "sector"),
    [
        ("Israeli troops entered the town on Monday. The troops left on Tuesday.", "Israeli troops", "The troops",
         "ISR", "MIL"),
        ("Police in St. Louis arrested two men on Friday. The police said they were armed.", "Police",
         "The police", "USA", "COP"),
    ],
)
def test_a_bare_group_named_again_is_the_group_named_before(
    text: str, first: str, again: str, country: str, sector: str
) -> None:
    article = run(text, dt.date(2019, 6, 1))
    group = actor_of(article, first)
    assert actor_of(article, again) == group
    assert (group.kind, group.country, group.sector) == ("group", country, sector)


def test_the_union_and_the_company_are_the_bodies_of_their_kind_named_before() -> None:
    article = run("The Riverside Nurses Union marched on Monday. The union said wards were short of staff. Brightwell "
                  "Holdings Inc. runs the hospital. The company said the wards were safe.", dt.date(2022, 5, 2))
    assert actor_of(article, "union said") == actor_of(article, "Riverside Nurses Union")
    assert actor_of(article, "company said") == actor_of(article, "Brightwell Holdings")
    article = run("Members of the Unison union marched on Monday. The union said wards were short of staff.",
                  dt.date(2022, 5, 2))
    union = actor_of(article, "Unison union")
    assert actor_of(article, "union said") == union and (union.kind, union.sector) == ("organization", "LAB")
    article = run("Greenpeace marched on Monday. The company said the river was clean.", dt.date(2022, 5, 2))
    assert no_actor_at(article, "company")  # a charity is no company


def test_bystanders_and_grand_juries_are_group_actors() -> None:
    article = run("Members of the public confronted the attacker. A grand jury will hear the case.",
                  dt.date(2019, 12, 2))
    assert actor_of(article, "Members of the public").sector == "CVL"
    assert actor_of(article, "grand jury").sector == "JUD"


def test_a_bare_junta_is_the_government_of_the_story() -> None:
    article = run("Myanmar's economy has shrunk since the coup. The junta arrested three reporters in Mandalay.",
                  dt.date(2022, 3, 1))
    junta = actor_of(article, "junta")
    assert (junta.kind, junta.country, junta.sector) == ("organization", "MMR", "GOV")


def test_a_bare_office_is_its_holder_in_the_country_of_the_story() -> None:
    article = run("Farmers in Thailand lost their rice to the drought. Thailand will pay them, the prime minister "
                  "said on Tuesday.", dt.date(2016, 5, 3))
    holder = actor_of(article, "prime minister")
    assert (holder.kind, holder.country, holder.sector) == ("person", "THA", "GOV")


def test_a_bare_institution_in_a_story_of_two_countries_has_no_country() -> None:
    article = run("Germany and France disagreed over farm subsidies on Tuesday. The government said it would not "
                  "sign.")
    assert {actor_of(article, "Germany").country, actor_of(article, "France").country} == {"DEU", "FRA"}
    at = article.text.index("government")
    found = article.actor_at(at, at + len("government"))
    assert found is None or found.country is None


def test_the_palace_that_acts_is_the_monarchy_s_government_but_a_palace_as_a_building_is_no_one() -> None:
    article = run("The Thai king criticised the decision on Monday. The palace said the princess could not run.",
                  dt.date(2019, 2, 9))
    palace = actor_of(article, "palace")
    assert (palace.kind, palace.country, palace.sector) == ("organization", "THA", "GOV")
    visit = run("Jane Roe, who has run the palace as its director since 2015, valued the statue. Tourists queued "
                "outside the palace in Oxford.", dt.date(2019, 9, 18))
    assert not [a for a in visit.actors if "palace" in a.name.lower()]


def test_a_town_before_a_council_names_the_council_and_gives_its_country() -> None:
    article = run("The Denver city council voted on Tuesday to cut the police budget.", dt.date(2020, 6, 12))
    council = actor_of(article, "Denver city council")
    assert (council.name, council.kind, council.country, council.sector) == ("Denver City Council", "organization",
                                                                             "USA", "GOV")
    counties = run("The warning applied to County Galway and County Kerry, the Irish forecaster said.",
                   dt.date(2020, 6, 12))
    assert not [a for a in counties.actors if "Kerry" in a.name]  # "County" splits no title from a name


# ---- no junk actors ------------------------------------------------------------------------------------


def test_a_name_before_a_noun_of_a_body_is_that_body_and_takes_its_part() -> None:
    article = run("The Sunrise Alliance group sued the city of Denver on Monday. The mayor said the far left Red "
                  "Dawn organization had to be stopped.", dt.date(2020, 6, 1))
    names = {a.name for a in article.actors}
    assert {"Sunrise Alliance", "Red Dawn"} <= names
    assert actor_of(article, "Sunrise Alliance").kind == "organization"


def test_credit_and_copyright_lines_name_no_actors() -> None:
    article = run("Prime Minister Boris Johnson spoke in London on Monday.\n\nReporting by John Smith; Editing by "
                  "Mary Jones.\n\nCopyright Financial Times Ltd. All rights reserved.", dt.date(2020, 6, 1))
    names = {a.name for a in article.actors}
    assert "Boris Johnson" in names
    assert not any(w in name for name in names for w in ("Smith", "Jones", "Financial Times"))


def test_a_ship_is_no_person_and_takes_no_pronoun() -> None:
    article = run("The USS Ronald Reagan sailed into the South China Sea on Monday. She carried 60 aircraft. "
                  "President Donald Trump praised the crew.", dt.date(2020, 7, 6))
    trump = actor_of(article, "Donald Trump")
    assert trump.kind == "person"
    assert not [a for a in article.actors if "Reagan" in a.name]
    assert article.actor_at(article.text.index("She"), article.text.index("She") + 3) is None


@pytest.mark.parametrize("ship", ["HMS Prince of Wales", "HMS Queen Elizabeth", "USS President Lincoln"])
def test_a_ship_named_after_a_titled_person_is_no_person(ship: str) -> None:
    article = run(f"{ship} reached the port of Yokosuka on Sunday. She will stay a week.", dt.date(2021, 9, 5))
    assert [a.name for a in article.actors if a.kind == "person"] == []
    assert article.actor_at(article.text.index("She"), article.text.index("She") + 3) is None


def test_products_and_landmarks_are_no_persons() -> None:
    article = run("Tesla Model 3 sales rose in China, Elon Musk said. Tourists crowded Charles Bridge on Sunday.",
                  dt.date(2020, 6, 1))
    names = {a.name for a in article.actors}
    assert "Elon Musk" in names
    assert not names & {"Tesla Model 3", "Charles Bridge"}


def test_storms_are_no_persons() -> None:
    article = run("Storm Ciara will bring strong gales, Irish forecaster Joan Blake said.",
                  dt.date(2019, 10, 2))
    names = {a.name for a in article.actors}
    assert "Joan Blake" in names and not any("Ciara" in name for name in names)


def test_agent_words_in_a_list_of_modifiers_and_counties_are_no_actors() -> None:
    article = run("Interpol's rules forbid any activities of a political, military or religious character, an "
                  "Interpol spokesperson said. The warning applied to County Mayo and County Kerry.",
                  dt.date(2019, 10, 2))
    names = {a.name for a in article.actors}
    assert "Interpol" in names
    assert not any("military" in name or "County" in name for name in names)


# ---- titles and earlier offices ---------------------------------------------------------------------------


def test_a_curated_person_keeps_the_offices_the_knowledge_base_knows_before() -> None:
    article = run("Senator Kamala Harris of California said on Monday that the bill would pass. Harris spoke in "
                  "Washington.", dt.date(2019, 6, 3))
    harris = actor_of(article, "Kamala Harris")
    assert (harris.country, harris.sector) == ("USA", "LEG")  # a senator in 2019, Vice President from 2021
    later = actor_of(run("Kamala Harris said on Monday that the bill would pass.", dt.date(2022, 6, 3)),
                     "Kamala Harris")
    assert (later.country, later.sector) == ("USA", "GOV")


def test_a_title_ending_in_a_courtesy_word_and_a_title_before_one() -> None:
    article = run("US President Donald Trump toured the school on Friday with First Lady Melania Trump. "
                  "The chief executive of Gulf Media, Dr Sami al-Rashid, thanked the teachers.", dt.date(2020, 10, 3))
    melania = actor_of(article, "Melania Trump")
    assert (melania.country, melania.sector) == ("USA", "ELI")
    assert article.text[melania.mentions[0].start:].startswith("First Lady")
    assert actor_of(article, "Sami al-Rashid").sector == "JRN"


def test_the_author_or_accused_of_a_crime_is_a_criminal() -> None:
    article = run("On Sunday, Lee Barker stabbed two men in Leeds. Police came and detained a man, later "
                  "identified as Tom Ellis. A charge of murder against Stefan Wilk carries a life sentence. "
                  "Broadcaster Piers Morgan said the police were brave.", dt.date(2019, 12, 2))
    for name in ("Lee Barker", "Tom Ellis", "Stefan Wilk"):
        assert actor_of(article, name).sector == "CRM", name
    assert actor_of(article, "Piers Morgan").sector == "JRN"  # a person with a role keeps it


def test_candidates_after_a_sentence_of_elections_and_those_who_run_a_campaign() -> None:
    article = run("After the Republican primary, two candidates dropped out. Tom Hale, a banker, suspended his "
                  "campaign. Carl Benning, the former governor of Ohio, ended his on Thursday.\n\nFormer prime "
                  "minister John Major said the plan would cut short the debate in parliament.", dt.date(2020, 2, 14))
    assert actor_of(article, "Tom Hale").sector == "PTY"
    assert actor_of(article, "Carl Benning").sector == "PTY"
    assert actor_of(article, "John Major").sector == "ELI"  # no election: a former officeholder is an elite


def test_his_relative_is_of_the_officeholder_named_sentences_before() -> None:
    article = run("Gabon President Paul Mba died on Friday. Officials said that he had suffered a stroke. They "
                  "declared ten days of mourning. On Sunday, his widow, Claire, was flown to France.",
                  dt.date(2020, 6, 11))
    denise = actor_of(article, "Claire")
    assert (denise.kind, denise.country, denise.sector) == ("person", "GAB", "ELI")


def test_a_place_name_inside_a_title_and_a_rank_in_a_media_outlet() -> None:
    article = run("Republicans like former New Jersey governor Chris Christie urged patience. Praise came from "
                  "Sky News Arabia producer Salma Haddad.", dt.date(2020, 11, 26))
    christie = actor_of(article, "Chris Christie")
    assert (christie.country, christie.sector) == ("USA", "ELI")
    assert article.text[christie.mentions[0].start:].startswith("former New Jersey governor")
    assert actor_of(article, "Salma Haddad").sector == "JRN"


# ---- names of a country that are a division of another ------------------------------------------------


def test_georgia_is_the_us_state_among_us_places_and_the_country_among_its_own() -> None:
    article = run("The measure was introduced by Senators Rick Scott of Florida, Mitt Romney of Utah, and Kelly "
                  "Loeffler of Georgia. Engineers from the Georgia Institute of Technology testified before the U.S. "
                  "Congress.", dt.date(2020, 1, 6))
    assert all(a.country != "GEO" for a in article.actors), [(a.name, a.country) for a in article.actors]
    assert actor_of(article, "Georgia Institute of Technology").country == "USA"
    assert actor_of(article, "Kelly Loeffler").country == "USA"
    abroad = run("Giorgi Beridze, a Georgian chess player, was detained in Tbilisi. Georgia said the court "
                 "would set bail.", dt.date(2021, 5, 1))
    assert actor_of(abroad, "Georgia said").country == "GEO"


def test_a_person_of_no_role_whose_age_is_given_is_a_civilian_and_more_suspects() -> None:
    article = run("Among the passengers who stopped him was Sam Lowe, 37, a plumber. Another was 19-year-old Ellen "
                  "Price. Investigators identified the suspect as 33-year-old Mark Doyle of Tulsa, Oklahoma. A "
                  "Canadian, Dean Harlow, aged 45, appeared in court, charged with arson.", dt.date(2019, 8, 4))
    assert actor_of(article, "Sam Lowe").sector == "CVL"
    assert actor_of(article, "Ellen Price").sector == "CVL"
    assert actor_of(article, "Mark Doyle").sector == "CRM"
    assert actor_of(article, "Dean Harlow").sector == "CRM"


def test_an_organization_before_a_title_of_two_joined_nouns() -> None:
    article = run("AU energy and infrastructure commissioner Kwame Boateng said Ghana would build a dam. Libertarian "
                  "Party delegates picked Ann Frost for president and bus driver Leo Marsh for vice president.",
                  dt.date(2019, 7, 10))
    muchanga = actor_of(article, "Kwame Boateng")
    assert (muchanga.country, muchanga.sector, muchanga.title) == ("IGO", "IGO", "Commissioner")
    marsh = actor_of(article, "Leo Marsh")
    assert marsh.kind == "person" and marsh.sector != "GOV"  # "president and bus driver" is no title


def test_a_body_of_another_takes_its_sector_and_a_security_directorate_is_intelligence() -> None:
    article = run("The ruling lets the House of Representatives' Committee on Oversight and Reform read the cables. "
                  "In Kabul, the National Directorate for Security said two suspects were held.", dt.date(2019, 10, 10))
    committee = actor_of(article, "Committee on Oversight and Reform")
    assert (committee.kind, committee.sector) == ("organization", "LEG")
    assert actor_of(article, "National Directorate for Security").sector == "SPY"


def test_the_head_of_an_organization_takes_its_sector() -> None:
    article = run("Dana Whitfield, the head of the Metropolitan Police Specialist Crime Command, said the search "
                  "would go on.", dt.date(2020, 2, 5))
    boon = actor_of(article, "Dana Whitfield")
    assert (boon.country, boon.sector) == ("GBR", "COP")


def test_a_title_joined_to_other_words_before_a_name() -> None:
    article = run("Meanwhile, businessman and Trump supporter Peter Thiel said the president should accept the result.",
                  dt.date(2020, 11, 26))
    schwarzman = actor_of(article, "Peter Thiel")
    assert schwarzman.sector == "BUS"
    assert actor_of(article, "businessman").name == "Peter Thiel"
    assert actor_of(article, "Trump").name == "Donald Trump"


def test_a_titled_name_the_tagger_took_for_an_organization_and_the_first_of_two_surnames() -> None:
    article = run("The agency will be run by Elena Vázquez Soto, the Secretary of Education for Puerto Rico. "
                  "On Sunday, Vázquez said she would accept.", dt.date(2019, 7, 28))
    vazquez = actor_of(article, "Elena Vázquez Soto")
    assert (vazquez.kind, vazquez.sector) == ("person", "GOV")
    assert actor_of(article, "Vázquez said").name == vazquez.name


def test_a_species_name_is_no_person() -> None:
    article = run("Researchers said the coral Acropora millepora grew faster. Minister of Information Moammar "
                  "al-Eryani said the reef was protected.", dt.date(2019, 1, 30))
    assert all("millepora" not in a.name for a in article.actors), [a.name for a in article.actors]
    assert actor_of(article, "Moammar al-Eryani").kind == "person"


def test_a_ship_written_with_dots_and_the_electoral_college() -> None:
    article = run("The submarine U.S.S. Grayback was found off Okinawa. Trump said the Electoral College would choose "
                  "Joe Biden as the U.S. president-elect.", dt.date(2020, 12, 12))
    assert all("Grayback" not in a.name for a in article.actors), [a.name for a in article.actors]
    college = actor_of(article, "Electoral College")
    assert (college.kind, college.sector) == ("organization", "GOV")


def test_an_organization_named_only_by_places_and_an_award_are_no_actors() -> None:
    article = run("Wayne Tseng asked why we should make Melbourne Australia's capital. He was named 2008 NBA MVP. "
                  "Dan Holland of Britain's National Crime Agency said the website had been shut.", dt.date(2020, 2, 1))
    names = [a.name for a in article.actors]
    assert not any("Melbourne" in n or "MVP" in n for n in names), names
    assert any("Holland" in n for n in names), names  # a subject: kept


# ---- a group's country from its own phrase and the story's places ----------------------------------------


def test_a_place_before_a_group_gives_its_country() -> None:
    article = run("Mexico said eight Mexicans died. Mexican President Andrés Manuel López Obrador spoke in Mexico "
                  "City. Texas prosecutors charged the gunman on Sunday, and El Paso police arrested him.",
                  dt.date(2019, 8, 8))
    prosecutors, police = actor_of(article, "Texas prosecutors"), actor_of(article, "El Paso police")
    assert (prosecutors.country, prosecutors.sector) == ("USA", "JUD")
    assert (police.country, police.sector) == ("USA", "COP")
    assert actor_of(article, "López Obrador").country == "MEX"


def test_the_places_of_the_story_count_for_its_country() -> None:
    article = run("A gunman fired on customers at a mall in El Paso, Texas. Police said the gunman surrendered. "
                  "Mexico said four Mexicans were among the dead; Mexico's foreign minister said Mexico wanted him "
                  "tried there. Texas and El Paso grieved, and vigils took place in Dallas and in Ohio.",
                  dt.date(2019, 8, 8))
    gunman, police = actor_of(article, "gunman"), actor_of(article, "Police")
    assert (gunman.country, gunman.sector) == ("USA", "CRM")
    assert (police.country, police.sector) == ("USA", "COP")
    assert actor_of(article, "Mexico").country == "MEX"


def test_territories_named_after_a_country_are_not_that_country() -> None:
    article = run("Three American Samoans sued on Friday. In Samoa, the Samoan government ended the state of "
                  "emergency. Northern Irish police arrested two men in Belfast.", dt.date(2019, 12, 16))
    assert actor_of(article, "American Samoans").country == "ASM"
    assert actor_of(article, "Samoan government").country == "WSM"
    police = actor_of(article, "Northern Irish police")
    assert (police.country, police.sector) == ("GBR", "COP")


def test_bare_authorities_are_the_government_of_the_story_country() -> None:
    article = run("Authorities on Thursday detained four men in Kerala, India after an elephant was poisoned. "
                  "Elephants are protected in India, and Indian courts have jailed poachers.", dt.date(2020, 6, 10))
    authorities = actor_of(article, "Authorities")
    assert (authorities.kind, authorities.country, authorities.sector) == ("organization", "IND", "GOV")


def test_a_place_after_a_group_may_begin_with_the() -> None:
    article = run("The United States said on Friday that police in the Philippines had detained two Americans. "
                  "U.S. officials in Washington asked for their release.", dt.date(2020, 6, 10))
    police = actor_of(article, "police")
    assert (police.country, police.sector) == ("PHL", "COP")
    assert actor_of(article, "U.S. officials").country == "USA"


def test_places_give_groups_the_scene_but_persons_keep_the_named_country() -> None:
    article = run("South Korea said the site was run from Seoul. Police arrested its users in Alabama, Arkansas, "
                  "California, Florida, Ohio and Texas. The site's operator, Lee Dong-hyun, was sentenced in South "
                  "Korea.", dt.date(2019, 10, 17))
    assert actor_of(article, "Police").country == "USA"
    assert actor_of(article, "Lee Dong-hyun").country == "KOR"


def test_counted_people_of_a_country_are_its_civilians_not_the_country() -> None:
    article = run("Three American Samoans sued on Friday. Mexico said eight Mexicans died, and six Mexican nationals "
                  "were hurt.", dt.date(2019, 12, 16))
    samoans = actor_of(article, "American Samoans")
    assert (samoans.kind, samoans.country, samoans.sector) == ("group", "ASM", "CVL")
    mexicans = actor_of(article, "Mexicans")
    assert (mexicans.kind, mexicans.country, mexicans.sector) == ("group", "MEX", "CVL")
    assert mexicans is actor_of(article, "Mexican nationals")
    assert actor_of(article, "Mexico").kind == "country"


def test_people_of_a_country_counted_or_bare_are_its_civilians_but_the_definite_ones_are_the_state() -> None:
    article = run("Thousands of Chileans marched in Santiago on Sunday. Several Peruvians joined them. Argentines "
                  "blocked the border. The Bolivians said their troops would stay home.", dt.date(2019, 11, 3))
    chileans, peruvians = actor_of(article, "Chileans"), actor_of(article, "Peruvians")
    assert (chileans.kind, chileans.country, chileans.sector) == ("group", "CHL", "CVL")
    assert (peruvians.kind, peruvians.country, peruvians.sector) == ("group", "PER", "CVL")
    argentines = actor_of(article, "Argentines")
    assert (argentines.name, argentines.kind, argentines.country, argentines.sector) == ("Argentines", "group",
                                                                                         "ARG", "CVL")
    assert actor_of(article, "Bolivians").kind == "country"


def test_bare_officials_are_the_officials_of_the_story_country_but_another_body_s_staff_are_no_one() -> None:
    article = run("A fire destroyed a school in Porto, Portugal on Monday. Officials accused the builder of "
                  "negligence, and senior officials criticized the mayor. Company officials denied the claim.",
                  dt.date(2020, 6, 10))
    officials = actor_of(article, "Officials")
    assert (officials.kind, officials.country, officials.sector) == ("group", "PRT", "GOV")
    assert officials.name == "Portuguese officials"
    assert officials is actor_of(article, "senior officials")
    assert article.actor_at(article.text.index("Company"), article.text.index(" denied")) is None


# ---- groups named by role nouns ---------------------------------------------------------------------------


def test_counted_people_are_the_people_of_the_scene_but_a_rate_or_a_family_is_no_group() -> None:
    article = run("A gunman killed four people and wounded several others in Lyon, France on Sunday. The "
                  "region counts nine deaths per 100,000 people. The mayor has three children.", dt.date(2021, 5, 3))
    people = actor_of(article, "four people")
    assert (people.kind, people.country, people.sector) == ("group", "FRA", "CVL")
    assert "people" in people.name
    rate_at = article.text.index("100,000 people") + len("100,000 ")
    assert article.actor_at(rate_at, rate_at + len("people")) is None
    family_at = article.text.index("three children") + len("three ")
    assert article.actor_at(family_at, family_at + len("children")) is None


def test_bare_people_stay_nobody() -> None:
    article = run("People said the mayor of Lyon, France would resign.", dt.date(2021, 5, 3))
    assert article.actor_at(0, len("People")) is None
    assert actor_of(article, "France").kind == "country"


def test_officers_stand_for_the_police_named_before_them() -> None:
    article = run("The Metropolitan Police said a man was stabbed in Brixton, London. The officers arrested a "
                  "suspect on Monday.", dt.date(2021, 5, 3))
    met = actor_of(article, "Metropolitan Police")
    assert actor_of(article, "officers") is met
    assert met.sector == "COP"


def test_armed_officers_are_the_police_of_the_scene_and_other_officers_nobody() -> None:
    article = run("Armed officers chased the attacker through Leeds, England. Later the officers shot him.",
                  dt.date(2021, 5, 3))
    police = actor_of(article, "Armed officers")
    assert (police.kind, police.country, police.sector) == ("group", "GBR", "COP")
    assert actor_of(article, "the officers") is police
    cabinet = run("The House voted to hold two Cabinet officers in contempt in Washington.", dt.date(2019, 7, 17))
    at = cabinet.text.index("officers")
    assert cabinet.actor_at(at, at + len("officers")) is None
    assert actor_of(cabinet, "House").sector == "LEG"


def test_the_party_stands_for_the_party_named_before_it() -> None:
    article = run("Members of the Harbor Party gathered in Denver, Colorado on Saturday. On Sunday the party "
                  "chose Jane Roe to run for governor.", dt.date(2020, 5, 24))
    harbor = actor_of(article, "Harbor Party")
    assert harbor.sector == "PTY"
    assert actor_of(article, "the party") is harbor
    for text in ("Police said two men were shot at a graduation party in Denver, Colorado.",
                 "Police in Denver, Colorado said the party ended at midnight."):
        alone = run(text, dt.date(2020, 5, 24))
        at = alone.text.index("party")
        assert alone.actor_at(at, at + len("party")) is None, text


def test_voters_and_politicians_are_groups_of_the_story_country() -> None:
    article = run("In Ohio, United States, voters went to the polls while politicians argued over the delay.",
                  dt.date(2020, 3, 17))
    voters = actor_of(article, "voters")
    assert (voters.kind, voters.country, voters.sector) == ("group", "USA", "CVL")
    politicians = actor_of(article, "politicians")
    assert (politicians.country, politicians.sector) == ("USA", "PTY")


def test_a_peoples_adjective_names_the_doer_of_an_act_not_the_owner_of_a_thing() -> None:
    article = run("A Russian airstrike hit a market in Idlib, Syria. His Ukrainian counterpart met them in an "
                  "Irish pub.", dt.date(2020, 3, 2))
    assert actor_of(article, "Russian").name == "Russia"
    assert actor_of(article, "Ukrainian").name == "Ukraine"
    pub_at = article.text.index("Irish")
    assert article.actor_at(pub_at, pub_at + len("Irish")) is None


def test_private_people_are_named_by_the_word_the_text_uses() -> None:
    article = run("Residents of Gdańsk, Poland donated blood while villagers near Kraków, Poland prayed.",
                  dt.date(2019, 1, 15))
    residents = actor_of(article, "Residents")
    assert (residents.name, residents.country, residents.sector) == ("Polish residents", "POL", "CVL")
    assert actor_of(article, "villagers").name == "Polish villagers"


def test_the_people_of_his_country_are_the_people_of_the_persons_country() -> None:
    article = run("On Friday Boris Johnson wrote to the people of his country about the floods.",
                  dt.date(2020, 3, 20))
    people = actor_of(article, "people of his country")
    assert (people.kind, people.country, people.sector) == ("group", "GBR", "CVL")


def test_people_a_crime_is_done_to_are_the_people_of_the_scene() -> None:
    article = run("In Marseille, France, a man with a knife began to stab people outside a bakery.",
                  dt.date(2021, 5, 3))
    victims = actor_of(article, "stab people")
    assert (victims.kind, victims.country, victims.sector) == ("group", "FRA", "CVL")


def test_a_bare_title_two_persons_fit_is_the_one_holding_the_office_on_the_date() -> None:
    article = run("President-elect Joe Biden met his team. President Donald Trump stayed at the White House. "
                  "The president did not concede.", dt.date(2020, 11, 26))
    assert actor_of(article, "The president").name == "Donald Trump"


def test_an_organization_of_no_named_country_is_of_the_country_its_story_happens_in() -> None:
    article = run("Brookfield College of Arts said on Monday it would close in June. The college, in Dayton, Ohio, "
                  "has taught painting since 1950; students from Columbus and Toledo protested on Tuesday.")
    college = by_name(article)["Brookfield College of Arts"]
    assert (college.country, college.sector) == ("USA", "EDU")


def test_a_person_of_no_known_role_takes_the_sector_of_the_organization_they_belong_to() -> None:
    article = run("Dr Gary Roe, a bridge expert at the University of Lagos, said the new bridge was safe.")
    names = by_name(article)
    assert names["University of Lagos"].sector == "EDU"
    assert (names["Gary Roe"].kind, names["Gary Roe"].sector) == ("person", "EDU")


def test_an_abbreviated_country_in_a_name_and_a_board_or_survey_give_country_and_sector() -> None:
    names = by_name(run("The U.S. Geological Survey said the earthquake struck near Ponce, Puerto Rico, on Monday. "
                        "Puerto Rico's governor said schools in Puerto Rico would stay closed."))
    survey = names["U.S. Geological Survey"]
    assert (survey.country, survey.sector) == ("USA", "GOV")
    board = by_name(run("The Westfield Transit Safety Board said on Monday the brakes of the train had failed."))
    assert board["Westfield Transit Safety Board"].sector == "GOV"


def test_a_person_of_no_known_country_joined_to_a_country_by_from_is_of_it() -> None:
    names = by_name(run("The first prize went to a rowing crew coached by Mary Wanjiru also from Kenya."))
    assert names["Kenya"].kind == "country"
    assert (names["Mary Wanjiru"].kind, names["Mary Wanjiru"].country) == ("person", "KEN")


def test_agencies_and_legislatures_named_without_their_country_are_known() -> None:
    names = by_name(run("NASA said the launch would go ahead, and the Lok Sabha debated the space budget."))
    assert (names["NASA"].country, names["NASA"].sector) == ("USA", "GOV")
    assert (names["Lok Sabha"].country, names["Lok Sabha"].sector) == ("IND", "LEG")


def test_a_town_after_of_in_an_organizations_name_gives_its_country() -> None:
    article = run("Scientists from the University of Calgary and Apex Divers, a South African firm, published the "
                  "study in Cape Town, South Africa. South African officials welcomed it.")
    names = by_name(article)
    assert names["South Africa"].kind == "country"
    assert (names["University of Calgary"].country, names["University of Calgary"].sector) == ("CAN", "EDU")


def test_abbreviated_and_local_titles_give_a_persons_sector() -> None:
    names = by_name(run("Oklahoma Gov. Mary Fallin signed the bill, and Councilman Robert Rivera voted against it. "
                        "Campaign manager Corey Lewandowski said the debate's moderator, Jane Roe, was unfair."))
    assert (names["Mary Fallin"].country, names["Mary Fallin"].sector) == ("USA", "GOV")
    assert names["Robert Rivera"].sector == "GOV"
    assert names["Corey Lewandowski"].sector == "PTY"


def test_a_country_word_before_a_body_the_dictionaries_know_elsewhere_is_its_country() -> None:
    names = by_name(run("The Nigerian Senate passed the bill on Tuesday. The U.S. Senate did not vote."))
    senate = names["Nigerian Senate"]
    assert (senate.kind, senate.country, senate.sector) == ("organization", "NGA", "LEG")
    assert names["United States Senate"].country == "USA"
    court = by_name(run("Germany's Federal Constitutional Court ruled on Tuesday that the law stands."))
    assert (court["Federal Constitutional Court"].country, court["Federal Constitutional Court"].sector) == (
        "DEU", "JUD")


def test_an_unknown_organization_after_its_kind_takes_its_country_and_the_kinds_sector() -> None:
    names = by_name(run("Moscow recalled its envoys. The Russian state news agency Tass said the envoys flew "
                        "home. The French engineering company Alstom plans a new factory in Ohio."))
    assert (names["Tass"].country, names["Tass"].sector) == ("RUS", "JRN")
    assert (names["Alstom"].country, names["Alstom"].sector) == ("FRA", "BUS")


def test_a_body_named_by_its_kind_is_of_the_country_the_storys_places_are_in() -> None:
    names = by_name(run("The Supreme Court will hear the case next week, lawyers in Bengaluru said. Farmers in "
                        "Karnataka and Tamil Nadu protested."))
    court = names["Indian Supreme Court"]
    assert (court.kind, court.country, court.sector) == ("organization", "IND", "JUD")


def test_a_role_noun_inside_a_dictionary_name_is_left_to_that_name() -> None:
    names = by_name(run("Houthi rebels fired missiles at Saudi Arabia on Sunday."))
    assert (names["Houthis"].country, names["Houthis"].sector) == ("YEM", "REB")
    assert "rebels" not in names


def test_a_title_of_a_country_named_after_it_is_its_holder() -> None:
    article = run("The foreign minister of Iran said on Monday that talks would go on.", dt.date(2019, 5, 6))
    minister = actor_of(article, "foreign minister")
    assert (minister.kind, minister.country, minister.sector) == ("person", "IRN", "GOV")
    assert by_name(article)["Iran"].kind == "country"


def test_a_person_joined_by_for_to_an_organization_of_a_known_country_is_of_it() -> None:
    names = by_name(run("Jane Roe, a spokeswoman for the Kenyan Ministry of Health, said cases rose."))
    assert (names["Jane Roe"].country, names["Jane Roe"].sector) == ("KEN", "GOV")


def test_major_companies_of_other_countries_are_known() -> None:
    names = by_name(run("Ryanair and Lufthansa said on Monday that they would cut flights, and Deutsche Bank agreed."))
    assert (names["Ryanair"].country, names["Ryanair"].sector) == ("IRL", "BUS")
    assert (names["Lufthansa"].country, names["Deutsche Bank"].country) == ("DEU", "DEU")


def test_the_only_country_a_story_points_to_is_its_scene_even_named_once() -> None:
    article = run("A man was arrested in Saskatoon on Monday. Police say he had pointed a handgun at cars.")
    police = actor_of(article, "Police")
    assert (police.kind, police.country, police.sector) == ("group", "CAN", "COP")


def test_a_countrys_own_branch_named_as_one_organization_is_one_actor() -> None:
    names = by_name(run("The head of the Kenya Red Cross, Asha Mohammed, said help was coming to Kenya's north."))
    branch = names["Kenya Red Cross"]
    assert (branch.kind, branch.country, branch.sector) == ("organization", "KEN", "MED")
    assert "International Committee of the Red Cross" not in names


def test_a_person_of_no_named_country_is_of_the_country_whose_places_dominate_the_story() -> None:
    article = run("Dana Morrow, a resident of Kenosha, Wisconsin, was released from a jail in Milwaukee on Friday. "
                  "Her neighbour Paul Okafor said the town of Racine had raised money for her bail.")
    names = by_name(article)
    assert (names["Dana Morrow"].kind, names["Dana Morrow"].country) == ("person", "USA")
    assert names["Paul Okafor"].country == "USA"


def test_a_place_named_once_gives_no_person_a_country() -> None:
    article = run("Dana Morrow said on Friday she would sing in Milwaukee next spring with Paul Okafor.")
    names = by_name(article)
    assert names["Dana Morrow"].kind == "person" and names["Dana Morrow"].country is None


def test_a_bare_senate_in_a_story_about_another_country_is_that_countrys() -> None:
    article = run("Puerto Rico's governor resigned on Friday. The House of Representatives confirmed his successor, "
                  "but the Senate did not. Senate President Rosa Ortiz said Puerto Rico needed a vote.",
                  dt.date(2019, 8, 3))
    senate, house = actor_of(article, "Senate"), actor_of(article, "House of Representatives")
    assert (senate.country, senate.sector) == ("PRI", "LEG") and senate.name != "United States Senate"
    assert (house.country, house.sector) == ("PRI", "LEG")
    assert actor_of(article, "Rosa Ortiz").country == "PRI"


def test_a_bare_senate_stays_the_us_senate_where_a_us_senator_is_named() -> None:
    article = run("Iran's parliament met on Monday. Iran said the deal would stand. Senator Bob Corker said the "
                  "Senate would vote on the deal with Iran.", dt.date(2015, 7, 20))
    senate = actor_of(article, "Senate")
    assert (senate.name, senate.country) == ("United States Senate", "USA")


def test_an_organization_of_no_known_kind_is_of_the_country_the_story_is_about() -> None:
    article = run("A federal judge in the United States ruled on Friday that the draft was unconstitutional. The "
                  "Brennan Roe Coalition had sued the Selective Service System in Houston. The United States may "
                  "appeal.", dt.date(2019, 2, 25))
    coalition = actor_of(article, "Brennan Roe Coalition")
    assert (coalition.kind, coalition.country) == ("organization", "USA")
    assert actor_of(article, "Selective Service System").country == "USA"


def test_coalitions_and_institutes_are_non_governmental_and_so_are_their_people() -> None:
    article = run("Jane Roe of the Meridian Coalition said the vote was a start. John Doe of the Halvorsen Institute "
                  "agreed, and the Rexford Institute of Technology said nothing.")
    names = by_name(article)
    assert names["Meridian Coalition"].sector == "NGO" and names["Halvorsen Institute"].sector == "NGO"
    assert (names["Jane Roe"].kind, names["Jane Roe"].sector) == ("person", "NGO")
    assert names["John Doe"].sector == "NGO"
    assert names["Rexford Institute of Technology"].sector == "EDU"


def test_a_national_institute_is_a_government_body() -> None:
    article = run("The National Institute for Coastal Research said on Monday that the sea had risen.")
    institute = actor_of(article, "National Institute for Coastal Research")
    assert (institute.kind, institute.sector) == ("organization", "GOV")


def test_a_country_name_written_with_a_us_state_after_it_is_a_town_there() -> None:
    article = run("A woman from Lebanon, Pennsylvania, was charged on Tuesday. Lebanon police said she had left a "
                  "store in Harrisburg with stolen goods. John Doe, 31, of Lebanon, was also charged.")
    assert not [a for a in article.actors if a.kind == "country"]
    police = actor_of(article, "Lebanon police")
    assert (police.country, police.sector) == ("USA", "COP")
    assert actor_of(article, "John Doe").country == "USA"


def test_georgia_residents_in_a_story_of_us_states_are_americans() -> None:
    article = run("Needy Georgia residents could soon call a help line, lawmakers in Atlanta said. Florida and "
                  "Alabama already have one.")
    residents = actor_of(article, "Georgia residents")
    assert (residents.country, residents.sector) == ("USA", "CVL")


def test_a_us_state_that_acts_is_its_government_and_one_where_things_happen_no_actor() -> None:
    article = run("A federal judge dismissed a complaint brought by Oklahoma on Tuesday. Nevada moved its caucus to "
                  "March. Voters lined up in Iowa, and Oregon is a vote-by-mail state.", dt.date(2022, 3, 8))
    for state in ("Oklahoma", "Nevada"):
        actor = actor_of(article, state)
        assert (actor.name, actor.kind, actor.country, actor.sector) == (state, "organization", "USA", "GOV")
    names = by_name(article)
    assert "Iowa" not in names and "Oregon" not in names


def test_the_state_of_a_named_division_that_acts_is_its_government() -> None:
    article = run("Voters lined up in Ohio. The state of Pennsylvania certified its results on Monday, and Nevada is "
                  "a swing state.", dt.date(2020, 11, 24))
    state = actor_of(article, "Pennsylvania")
    assert (state.name, state.kind, state.country, state.sector) == ("Pennsylvania", "organization", "USA", "GOV")
    names = by_name(article)
    assert "Ohio" not in names and "Nevada" not in names


def test_a_countrys_name_that_ends_a_us_states_name_is_not_that_country() -> None:
    article = run("Former New Mexico governor Tom Galvan said he would run. New Mexico governor Rita Sandoval spoke "
                  "in Santa Fe. Mexican President Andres Lopez met Papua New Guinea's prime minister.",
                  dt.date(2020, 6, 1))
    assert actor_of(article, "Tom Galvan").country == "USA"
    assert actor_of(article, "Rita Sandoval").country == "USA"
    assert actor_of(article, "Andres Lopez").country == "MEX"
    assert actor_of(article, "Papua New Guinea").country == "PNG"
