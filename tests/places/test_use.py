"""Places end to end: a name is a place only where the text uses it as one, and its context says which."""

from __future__ import annotations

import pytest

from dateline import annotate, places
from dateline.places._gazetteer import Entry
from dateline.records import Article, Place


def _resolved(text: str, url: str | None = None) -> tuple[Place, ...]:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text, url=url)])
    return places.apply(article).places


def _places(text: str, url: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [(p.span.text, p.name, p.country, p.feature) for p in _resolved(text, url)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Defense Secretary Lloyd Austin met troops in Kuwait.", "Kuwait"),
        ("Delta Air Lines cancelled flights from Atlanta.", "Atlanta"),
        ("The Lincoln Nautilus is built in Hangzhou.", "Hangzhou"),
        ("The Kremlin said talks in Istanbul would resume.", "Istanbul"),
    ],
)
def test_names_inside_other_names_and_governments_are_no_places(text: str, place: str) -> None:
    assert [found[0] for found in _places(text)] == [place]


def test_a_seat_of_government_that_acts_or_backs_is_no_place() -> None:
    assert _places("The charge was denied by the Kremlin, and Britain expelled diplomats.") == [
        ("Britain", "United Kingdom", "GBR", "country")]
    assert [f[0] for f in _places("Members of a Kremlin-backed youth group marched in Moscow.")] == ["Moscow"]
    assert [f[0] for f in _places("Senior Pentagon officials flew to Kabul.")] == ["Kabul"]
    assert ("Washington", "Washington", "USA", "city") in _places("A Washington-based group sued the city.")


@pytest.mark.parametrize(
    "text",
    [
        "The union imposed sanctions on Minsk after the vote.",
        "Hanoi cut ties with Washington last year.",
        "Talks with Moscow stalled over the weekend.",
    ],
)
def test_a_capital_after_a_plural_government_noun_is_its_government(text: str) -> None:
    # "sanctions", "ties", "talks": the noun as written, whose lemma ("sanction", "tie", "talk") the list lacks
    assert _places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Ankara complained about the new border rules.",
        "Hanoi and Ankara share the aim of a quick deal.",
        "Since the vote, Hanoi has stressed that the treaty still holds.",
        "Hanoi voiced concern over the missile launch.",
    ],
)
def test_a_capital_that_says_or_feels_is_its_government(text: str) -> None:
    # not at a sentence's start, where a name the article uses nowhere else is doubted anyway
    assert _places(text) == []


def test_a_capital_where_a_thing_happens_stays_a_place() -> None:
    assert [f[0] for f in _places("Ministers complained about the food at the summit in Ankara.")] == ["Ankara"]


def test_a_capital_after_a_preposition_of_movement_stays_a_place() -> None:
    assert [f[0] for f in _places("The envoy flew with her aides to Moscow.")] == ["Moscow"]


def test_a_town_too_small_for_the_gazetteer_keeps_its_state() -> None:
    found = _resolved("A son of the couple, who lives in Granby, Vt., declined to comment.")
    assert [(p.span.text, p.name, p.country, p.lat) for p in found] == [
        ("Granby", "Granby", "USA", None), ("Vt.", "Vermont", "USA", 44.0)]


def test_a_name_only_a_headline_capitalizes_is_no_place() -> None:
    assert _places("A Narrowly Split Court Upholds the Law") == []
    assert _places("Countries signed the Paris accord in 2015.") == []
    assert [f[0] for f in _places("The Gulf War veteran rode his bicycle from Oklahoma.")] == ["Oklahoma"]
    assert ("Split", "Split", "HRV", "city") in _places("Tourists crowded the old town of Split in August.")


def test_a_qualifier_names_its_region_and_places_the_name_before_it() -> None:
    assert _places("The ship sank near Truro, Cornwall, on Monday.") == [
        ("Truro", "Truro", "GBR", "city"), ("Cornwall", "Cornwall", "GBR", "admin2")]
    assert _places("He lives in Merstham in Surrey with his wife.") == [
        ("Merstham", "Merstham", "GBR", "city"), ("Surrey", "Surrey", "GBR", "admin2")]


def test_englands_counties_that_no_administrative_table_gives_qualify_their_towns() -> None:
    found = _places("A stabbing in a park in Reading, Berkshire, UK left three people dead on Saturday.")
    assert ("Reading", "Reading", "GBR", "city") in found and ("Berkshire", "Berkshire", "GBR", "admin2") in found


def test_a_dateline_and_its_qualifier_are_places() -> None:
    assert _places("CHARLESTON, W.Va. -- A man was arrested on Monday.") == [
        ("CHARLESTON", "Charleston", "USA", "city"), ("W.Va.", "West Virginia", "USA", "admin1")]
    # a press release's dateline runs into the wire's name in brackets
    assert _places("PLEASANTON, Calif.--(BUSINESS WIRE)--Acme Logistics today announced a new sensor.") == [
        ("PLEASANTON", "Pleasanton", "USA", "city"), ("Calif.", "California", "USA", "admin1")]


def test_seas_straits_and_regions() -> None:
    assert ("Gulf of Aden", "Gulf of Aden", None, "region") in _places("Pirates attacked a tanker in the Gulf of Aden.")
    assert _places("The Baltic states asked NATO for more troops.") == [
        ("Baltic states", "Baltic states", None, "region")]


def test_the_governor_of_new_york_governs_the_state() -> None:
    assert _places("The governor of New York signed the bill.") == [("New York", "New York", "USA", "admin1")]


def test_washington_is_the_capital_unless_the_text_means_the_state() -> None:
    dateline = _places("WASHINGTON (AP) — The Senate voted on aid for Ohio, Iowa and Texas.")
    assert dateline[0] == ("WASHINGTON", "Washington", "USA", "city")
    city, state = ("Washington", "Washington", "USA", "city"), ("Washington", "Washington", "USA", "admin1")
    assert city in _places("Officials in Washington and Moscow traded accusations.")
    assert state in _places("Flooding hit Washington state and Oregon.")
    assert state in _places("The governor of Washington signed the bill in Olympia.")


def test_a_capital_beside_its_country_is_a_place_whatever_the_tagger_called_it() -> None:
    found = _places("Tunisia has been calm since 2014. On a visit to Tunis on 9 June Meloni praised Tunisia.")
    assert ("Tunis", "Tunis", "TUN", "city") in found


def test_common_words_and_acronyms_are_no_towns() -> None:
    text = "The Ministry of Defence (MoD) said Member States of the EU and the Centre in Delhi would meet in Paris."
    found = _places(text)
    assert ("Paris", "Paris", "FRA", "city") in found
    assert not [f for f in found if f[0] in ("MoD", "States", "Centre")]


def test_a_name_holding_another_is_no_evidence_for_it() -> None:
    text = ("One person is dead after a shooting this afternoon in North Richmond. Richmond police were called "
            "to Henrico Boulevard. Police in Virginia said the man was taken to a hospital.")
    [richmond] = [p for p in _resolved(text) if p.span.text == "Richmond"]
    assert richmond.lat is not None and abs(richmond.lat - 37.55) < 0.2  # Richmond, Virginia, not California


def test_provinces_of_one_country_and_their_towns_support_each_other() -> None:
    from dateline.lang import resources
    from dateline.places._article import supported
    from dateline.places._gazetteer import load_gazetteer

    gazetteer = load_gazetteer(resources("en"))
    [tamil_nadu] = [e for e in gazetteer.lookup("Tamil Nadu") if e.feature == "admin1"]
    [karnataka] = [e for e in gazetteer.lookup("Karnataka") if e.feature == "admin1"]
    [puducherry] = [e for e in gazetteer.lookup("Puducherry") if e.feature == "city"]
    [ohio] = [e for e in gazetteer.lookup("Ohio") if e.feature == "admin1"]
    assert supported(karnataka, [tamil_nadu]) and supported(puducherry, [tamil_nadu])
    [canton] = [e for e in gazetteer.lookup("Canton") if e.country == "USA" and e.admin1 == "MI"]
    assert not supported(canton, [ohio])  # a US town needs its own state


def test_a_place_inside_a_name_after_of_is_the_place_the_text_names_elsewhere() -> None:
    text = ("A councillor from the Polish city of Gdańsk fell ill during a meeting. Doctors at the Medical "
            "University of Gdańsk treated her for two days.")
    found = [p.span.start for p in _resolved(text) if p.name == "Gdańsk"]
    assert found == [text.index("Gdańsk"), text.rindex("Gdańsk")]


def test_a_qualifier_is_the_place_it_reads_as() -> None:
    found = _places("Migrants camped in Oaxaca State, Mexico, on Wednesday.")
    assert found == [("Oaxaca State", "Oaxaca", "MEX", "admin1"), ("Mexico", "Mexico", "MEX", "country")]


def test_a_state_inside_a_name_says_where_the_article_is() -> None:
    text = ("The Indiana State Police bomb squad searched a Richmond warehouse on Tuesday. "
            "Richmond police closed the road.")
    [richmond, _] = [p for p in _resolved(text) if p.span.text == "Richmond"]
    assert richmond.lat is not None and abs(richmond.lat - 39.83) < 0.2  # Richmond, Indiana


def test_a_local_outlet_is_about_the_town_it_is_named_after() -> None:
    text = "Children from two Dublin middle schools are learning to swim this summer."
    [place] = _resolved(text, "https://www.columbuslocalnews.com/dublin/news.html")
    assert (place.name, place.country) == ("Dublin", "USA")
    assert place.lat is not None and place.lon is not None
    assert 39.5 < place.lat < 40.5 and -84 < place.lon < -82.5  # Dublin, Ohio, beside Columbus
    [elsewhere] = _resolved(text)
    assert elsewhere.country == "IRL"


def test_a_section_of_local_news_in_the_address_names_its_town() -> None:
    from dateline.lang import resources
    from dateline.places._gazetteer import load_gazetteer
    from dateline.places._home import section_towns

    gazetteer = load_gazetteer(resources("en"))
    assert section_towns("https://example.com/arlington_news/story/12.html", gazetteer) == ["arlington"]
    assert section_towns("example.com/services/metro/dekalb/stories/2020/a.html", gazetteer) == ["dekalb"]
    assert section_towns("https://example.com/news/local/los_angeles_metro/a.story", gazetteer) == ["los angeles"]
    # an article's own name, a page kind, a bare folder and a state are no sections of local news
    assert section_towns("https://example.com/news/dublin-council-meets/123", gazetteer) == []
    assert section_towns("https://example.com/local/story/123.html", gazetteer) == []
    assert section_towns("https://example.com/dublin/123.html", gazetteer) == []
    assert section_towns("https://example.com/texas_news/123.html", gazetteer) == []


def test_a_section_of_local_news_chooses_among_namesakes() -> None:
    text = "Mansfield council members voted Tuesday to widen the main road through town."
    assert [(p.span.text, p.country) for p in _resolved(text)] == [("Mansfield", "GBR")]  # the largest
    found = _resolved(text, url="https://example.com/arlington_news/story/1.html")
    assert [(p.span.text, p.country, p.lat is not None) for p in found] == [("Mansfield", "USA", True)]
    assert [c.entry.admin1 for c in places.choices(annotate.apply_batch(
        [Article(id="t", source="test", text=text, url="https://example.com/arlington_news/1.html")])[0])
        if c.entry is not None] == ["TX"]


def test_outlet_town_reads_the_town_from_the_address() -> None:
    from dateline.lang import resources
    from dateline.places._gazetteer import load_gazetteer
    from dateline.places._home import outlet_town

    gazetteer = load_gazetteer(resources("en"))
    assert outlet_town("http://www.gainesvilletimes.com/news/1", gazetteer) == "gainesville"
    assert outlet_town("https://www.thelancasterandmorecambecitizen.co.uk/x", gazetteer) == "lancaster"
    assert outlet_town("https://www.messenger.com.ge/a", gazetteer) is None  # "essen" does not open the name
    assert outlet_town("https://mexiconews.example.com/", gazetteer) is None  # a country, not Mexico, Mo.
    assert outlet_town(None, gazetteer) is None


def test_a_name_grows_to_the_longer_place_name_around_it() -> None:
    # A lone small town with nothing near it: the learned check may keep it without a point; the name grows.
    found = _places("The soccer team lost in Belle Plaine on Saturday afternoon.")
    assert [(text, name) for text, name, _, _ in found] == [("Belle Plaine", "Belle Plaine")]
    found = _places("Members helped clean New Concord reservoir near Zanesville on Saturday.")
    assert [(text, name) for text, name, _, _ in found][:1] == [("New Concord", "New Concord")]


def test_a_place_before_a_local_title_in_a_person_name_is_a_place() -> None:
    found = _places('"It is the best news this year," said Rock Hill City Manager Dana Cole, who lives in Fort Mill.')
    assert [(text, country) for text, _, country, _ in found] == [("Rock Hill", "USA"), ("Fort Mill", "USA")]
    found = _places("Officials said McMinn County Sheriff Steve Frisbie spoke in Athens, Tennessee.")
    assert ("McMinn County", "McMinn County", "USA", "admin2") in found


def test_a_town_the_tagger_calls_a_person_stands_in_the_country_the_text_names() -> None:
    found = _places("Fighters from Misrata led the push along the coast in Libya.")
    assert ("Misrata", "Misratah", "LBY", "city") in found and ("Libya", "Libya", "LBY", "country") in found


def test_a_town_of_two_words_the_tagger_calls_a_person_is_a_place_where_the_words_around_it_place_it() -> None:
    found = _places("The library opened last week in Glen Carbon. The one in Edwardsville, Illinois, opens next year.")
    assert ("Glen Carbon", "Glen Carbon", "USA", "city") in found
    assert ("Edwardsville", "Edwardsville", "USA", "city") in found
    found = _places("Two families who live in Tega Cay lost their homes to the fire, Rock Hill firefighters said.")
    assert [(text, country) for text, _, country, _ in found] == [("Tega Cay", "USA"), ("Rock Hill", "USA")]


def test_a_person_bearing_a_towns_name_is_no_place() -> None:
    found = _places('"The paintings were too dark for the museum," Petrova said in Chicago.')
    assert [(text, country) for text, _, country, _ in found] == [("Chicago", "USA")]


def test_a_large_citys_name_is_the_persons_where_the_article_names_the_person() -> None:
    text = "A historian spoke about Abraham Lincoln in Chicago. Lincoln wore his famous stovepipe hat, he said."
    assert [f[0] for f in _places(text)] == ["Chicago"]
    assert ("Lincoln", "Lincoln", "USA", "city") in _places("Police in Lincoln, Nebraska, arrested a man.")


def test_a_legislators_home_town_after_the_party_is_a_place() -> None:
    found = _places("Del. Anna Roe, R-Fairfax, added the measure to a budget bill in Richmond, Virginia.")
    assert ("Fairfax", "Fairfax", "USA", "city") in found


def test_party_homes_reads_the_name_after_the_party() -> None:
    from dateline.lang import resources
    from dateline.places._cues import party_homes
    from dateline.places._gazetteer import load_gazetteer

    gazetteer = load_gazetteer(resources("en"))
    text = "co-sponsors Sen. Ann Berg, D-Story City and Rep. Tom Hale (D-Iowa City). The R-Value is high."
    assert [span.text for span in party_homes(text, gazetteer)] == ["Iowa City"]


def test_a_small_town_alone_in_its_country_is_kept_without_a_point() -> None:
    from dateline.lang import resources
    from dateline.places._gazetteer import load_gazetteer
    from dateline.places._strays import find_strays

    gazetteer = load_gazetteer(resources("en"))
    [titan] = gazetteer.lookup("Titan")  # Tītān, Afghanistan, a village
    [kabul] = [e for e in gazetteer.lookup("Kabul") if e.feature == "city" and e.country == "AFG"]
    dallas = max((e for e in gazetteer.lookup("Dallas") if e.feature == "city"), key=lambda e: e.population)
    assert find_strays([titan, dallas, None], home=None) == {titan}
    assert find_strays([titan, dallas, kabul], home=None) == set()
    assert find_strays([titan, dallas], home="AFG") == set()
    assert find_strays([titan], home=None) == set()


def test_a_small_us_town_far_from_the_articles_others_and_their_states_is_kept_without_a_point() -> None:
    from dateline.lang import resources
    from dateline.places._gazetteer import load_gazetteer
    from dateline.places._strays import find_strays

    gazetteer = load_gazetteer(resources("en"))

    def town(name: str, state: str) -> Entry:
        return next(e for e in gazetteer.lookup(name) if e.feature == "city" and e.admin1 == state)

    hillsboro, concord, manchester = town("Hillsboro", "MO"), town("Concord", "NH"), town("Manchester", "NH")
    assert find_strays([hillsboro, concord, manchester], home=None) == {hillsboro}
    assert find_strays([hillsboro, concord], home=None) == set()  # two towns far apart: either may be the namesake
    missouri = next(e for e in gazetteer.lookup("Missouri") if e.feature == "admin1")
    assert find_strays([hillsboro, concord, manchester, missouri], home=None) == set()


def test_the_town_an_outlet_is_named_after_lies_in_the_country_of_its_address() -> None:
    text = "Swimmers from Cambridge raised money at pools in Madison and Sun Prairie on Saturday."
    plain = {p.span.text: (p.country, p.feature) for p in _resolved(text)}
    assert plain["Cambridge"] == ("USA", "city")  # beside two Wisconsin towns: Cambridge, Wisconsin
    found = {p.span.text: p for p in _resolved(text, url="https://www.cambridge-chronicle.co.uk/news/1.html")}
    assert (found["Cambridge"].country, found["Cambridge"].feature) == ("GBR", "city")
    assert found["Cambridge"].lat is not None and abs(found["Cambridge"].lat - 52.2) < 0.1


def test_a_persons_last_name_tagged_a_place_is_one_only_where_the_words_around_it_place_it() -> None:
    text = ("The trial of Helen Lancaster, a Dover nurse charged with theft, opened on Monday. Lancaster spent the "
            "night in jail. Lancaster did not speak, and Lancaster's lawyers asked for more time. She was raised in "
            "Lancaster.")
    found = [(p.span.text, p.span.start, p.country) for p in _resolved(text)]
    assert found == [("Dover", text.index("Dover"), "USA"), ("Lancaster", text.rindex("Lancaster"), "USA")]


@pytest.mark.parametrize(
    ("text", "institution", "town"),
    [
        ("She was taken to Lee Memorial Hospital in Fort Myers, Florida, after the crash on the bridge.", "Lee",
         "Fort Myers"),
        ("Nurses at Hardin Memorial Hospital in Elizabethtown, Kentucky, voted on Monday.", "Hardin",
         "Elizabethtown"),
    ],
)
def test_a_countys_bare_name_opening_a_hospitals_or_schools_name_is_no_county(text: str, institution: str,
                                                                              town: str) -> None:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    chosen = {c.span.text: c for c in places.choices(article)}
    assert chosen[institution].entry is not None and chosen[institution].entry.feature == "admin2"
    assert not chosen[institution].placed and not chosen[institution].named
    assert chosen[town].placed and chosen[town].entry is not None and chosen[town].entry.country == "USA"


def test_a_county_named_with_its_county_word_before_an_institution_is_the_county() -> None:
    text = "The Hardin County Sheriff's Office said the crash closed the road near Elizabethtown, Kentucky."
    found = {p.span.text: p for p in _resolved(text)}
    assert found["Hardin County"].feature == "admin2" and found["Hardin County"].lat is not None


def test_a_name_inside_another_that_is_the_town_of_an_outlet_of_known_country_needs_no_place_near_it() -> None:
    text = "Professor Jane Harper of Cambridge University won the award for her work on memory."
    [alone] = [c for c in places.choices(annotate.apply_batch([Article(id="t", source="test", text=text)])[0])]
    assert alone.span.text == "Cambridge" and alone.entry is not None and not alone.placed
    for url, placed in (("https://www.cambridge-chronicle.co.uk/news/1.html", True),
                        ("https://www.cambridgechronicle.com/news/1.html", False)):
        [article] = annotate.apply_batch([Article(id="t", source="test", text=text, url=url)])
        [choice] = places.choices(article)
        assert choice.entry is not None and choice.entry.country == "GBR" and choice.placed is placed


@pytest.mark.parametrize("year", ["senior", "junior"])
def test_a_town_before_a_students_year_is_a_place(year: str) -> None:
    text = (f"The parade in Hampton, Georgia, drew hundreds. Maria Lopez, a Lovejoy {year} who plays the trumpet, "
            "led the band.")
    found = {p.span.text: p for p in _resolved(text)}
    assert found["Hampton"].country == "USA" and found["Lovejoy"].country == "USA"
    assert found["Lovejoy"].lat is not None and abs(found["Lovejoy"].lat - 33.44) < 0.2


def test_a_name_after_a_bylines_by_is_the_writers() -> None:
    text = ("Council backs new park. BY CHAD WELLS Times Writer WINONA -- The council voted on Monday to build a "
            "park near the river in Winona, Minnesota.")
    found = [(p.span.text, p.country) for p in _resolved(text)]
    assert found == [("WINONA", "USA"), ("Winona", "USA"), ("Minnesota", "USA")]


def test_a_town_opening_a_local_noun_and_a_title_is_a_place() -> None:
    text = ("Burglaries fell in Arkansas City, Kansas, this spring, according to a letter from Augusta police chief "
            "Ann Ruiz.")
    found = {p.span.text: p for p in _resolved(text)}
    assert found["Arkansas City"].country == "USA" and found["Augusta"].country == "USA"
    assert found["Augusta"].lat is not None and abs(found["Augusta"].lat - 37.69) < 0.1  # Kansas's


def test_a_feature_opening_a_longer_feature_name_is_not_that_feature() -> None:
    # the coast of the Gulf of Mexico is no Persian Gulf, islands of the Pacific are no ocean
    assert [f[1] for f in _places("Floods closed roads along the Gulf Coast on Sunday.")] == ["Gulf Coast"]
    assert ("Gulf", "Persian Gulf", None, "region") not in _places("Fishermen on the Gulf Coast of Texas lost boats.")
    assert [f[1] for f in _places("Rising seas threaten the Pacific Islands.")] != ["Pacific Ocean"]
    # a compass word makes another place too
    assert _places("Heavy snow fell across the Atlantic Northeast.") == [
        ("Atlantic Northeast", "Atlantic Northeast", None, None)]
    # the feature itself, and a country opening a feature's name, stay
    assert ("Persian Gulf", "Persian Gulf", None, "region") in _places("Tankers crossed the Persian Gulf at night.")
    assert ("Texas", "Texas", "USA", "admin1") in _places("Fishermen on the Gulf Coast of Texas lost boats.")


def test_a_very_large_city_opening_a_sentence_is_a_place_where_the_tagger_saw_none() -> None:
    found = _places("Thousands marched across Bavaria on Saturday. Munich saw the largest crowd.")
    assert ("Munich", "Munich", "DEU", "city") in found


def test_a_qualifier_ending_its_sentence_names_its_region() -> None:
    found = _resolved("Friends held a vigil for the student in Moscow, Idaho.")
    [moscow] = [p for p in found if p.span.text == "Moscow"]
    assert moscow.country == "USA" and moscow.lat is not None and abs(moscow.lat - 46.73) < 0.1
    assert [p.span.text for p in found] == ["Moscow", "Idaho"]
    # an abbreviation keeps its full stop
    assert ("Vt.", "Vermont", "USA", "admin1") in _places("The couple moved to Burlington, Vt.")


def test_a_state_university_is_named_after_the_state() -> None:
    found = _places("Researchers at the University of Washington tested the vaccine in Seattle.")
    assert ("Washington", "Washington", "USA", "admin1") in found and ("Seattle", "Seattle", "USA", "city") in found


@pytest.mark.parametrize(
    "text",
    [
        "The state of New York sued the landlord on Monday.",
        "New York's attorney general opened an inquiry into the landlord.",
    ],
)
def test_the_state_of_new_york_and_its_attorney_general_mean_the_state(text: str) -> None:
    assert _places(text) == [("New York", "New York", "USA", "admin1")]


def test_new_york_where_things_happen_is_the_city() -> None:
    assert _places("A subway train derailed in New York on Tuesday.") == [("New York", "New York City", "USA", "city")]


@pytest.mark.parametrize(
    ("text", "region", "lat", "lon"),
    [
        ("Wildfire smoke drifted along the West Coast on Monday.", "West Coast", 40.0, -122.0),
        ("Floods closed roads along the Gulf Coast on Sunday.", "Gulf Coast", 29.5, -90.0),
        ("Steady rain soaked the Pacific Northwest.", "Pacific Northwest", 46.5, -121.5),
    ],
)
def test_regions_of_the_united_states_have_their_points(text: str, region: str, lat: float, lon: float) -> None:
    [place] = _resolved(text)
    assert (place.span.text, place.country, place.feature) == (region, "USA", "region")
    assert (place.lat, place.lon) == (lat, lon)
