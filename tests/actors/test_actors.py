"""Actors: grouping mentions into actors with country, sector and title (real spaCy model)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import actors, lang
from dateline.actors._lexicon import load_lexicon
from dateline.annotate import apply_batch
from dateline.errors import ResourceError
from dateline.records import Actor, Article, Document


def run(text: str, published: dt.date | None = None, nlp: Any = None) -> Article:
    article = Article(id="t", source="test", text=text, published=published)
    return actors.apply(apply_batch([article])[0])


def by_name(article: Article) -> dict[str, Actor]:
    return {a.name: a for a in article.actors}


def assert_spans(article: Article) -> None:
    for actor in article.actors:
        assert actor.mentions, actor
        for m in actor.mentions:
            assert article.text[m.start : m.end] == m.text


def assert_no_overlap(article: Article) -> None:
    spans = sorted((m.start, m.end, a.name) for a in article.actors for m in a.mentions)
    for (_s1, e1, n1), (s2, _e2, n2) in itertools.pairwise(spans):
        assert s2 >= e1 or n1 == n2, f"{n1!r} and {n2!r} overlap at {s2}"


# ---- the seed article through the real pipeline ---------------------------------------------


@pytest.fixture(scope="module")
def seed_article(seed_path: Path) -> Article:
    from dateline.pipeline import Pipeline

    text = seed_path.read_text(encoding="utf-8")
    document = Document(id="seed", source=str(seed_path), kind="text", content=text, published="2017-07-07")
    (result,) = Pipeline(["annotate", "actors"], on_error="stop").run_batch([document])
    assert isinstance(result, Article)
    return result


@pytest.mark.slow
def test_seed_actors(seed_article: Article) -> None:
    found = by_name(seed_article)
    expected = {
        "Donald Trump": ("USA", "GOV"),
        "Vladimir Putin": ("RUS", "GOV"),
        "Angela Merkel": ("DEU", "GOV"),
        "Emmanuel Macron": ("FRA", "GOV"),
        "Recep Tayyip Erdogan": ("TUR", "GOV"),
        "Shinzo Abe": ("JPN", "GOV"),
        "Moon Jae-in": ("KOR", "GOV"),
        "Jean-Claude Juncker": ("IGO", "IGO"),
        "Yury Ushakov": ("RUS", "GOV"),
        "Dmitry Peskov": ("RUS", "GOV"),
        "Barack Obama": ("USA", "GOV"),  # a former president the text gives no title: his office, as coders code one
        "NATO": ("IGO", "IGO"),
        "FBI": ("USA", "COP"),
        "United States Congress": ("USA", "LEG"),
    }
    for name, (country, sector) in expected.items():
        assert name in found, f"{name} missing; got {sorted(found)}"
        assert (found[name].country, found[name].sector) == (country, sector), found[name]
    for junk in ("Trump Set", "Putin Seek", "n’t", "n't", "Trump Reaffirms", "Patriot"):
        assert junk not in found
    assert found["Donald Trump"].title == "President"
    assert found["Donald Trump"].wikidata == "Q22686"
    assert found["Dmitry Peskov"].title == "Kremlin spokesman"
    assert_spans(seed_article)
    assert_no_overlap(seed_article)


@pytest.mark.slow
def test_seed_mentions_are_grouped(seed_article: Article) -> None:
    text = seed_article.text
    trump = by_name(seed_article)["Donald Trump"]
    said = {m.text for m in trump.mentions}
    assert {"U.S. President Donald Trump", "Trump", "U.S. president"} <= said
    assert "He" in said or "he" in said
    ushakov = by_name(seed_article)["Yury Ushakov"]
    quoted = text.index("he was quoted as saying")
    assert seed_article.actor_at(quoted, quoted + 2) == ushakov
    ministry = seed_article.actor_at(text.index("the Foreign Ministry") + 4, text.index("the Foreign Ministry") + 20)
    assert ministry is not None and (ministry.country, ministry.sector) == ("RUS", "GOV")
    kremlin = text.index("Kremlin actions")
    government = seed_article.actor_at(kremlin, kremlin + 7)
    assert government is not None and (government.country, government.sector) == ("RUS", "GOV")


@pytest.mark.slow
def test_ids_are_stable(seed_article: Article) -> None:
    from dateline import ids

    for actor in seed_article.actors:
        assert actor.id == ids.child_id(seed_article.id, "actor", actor.name)


# ---- the dictionary and the date -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "name", "country"),
    [
        ("Macron said on Tuesday that talks would continue.", dt.date(2019, 3, 5), "Emmanuel Macron", "FRA"),
        ("Trump said the meeting went well.", dt.date(2017, 6, 1), "Donald Trump", "USA"),
        ("Clinton met Abbas in Ramallah.", dt.date(2010, 5, 1), "Hillary Clinton", "USA"),
        ("Bush spoke to reporters at the ranch.", dt.date(2005, 8, 1), "George W. Bush", "USA"),
        ("Johnson told MPs the deal was done.", dt.date(2019, 10, 20), "Boris Johnson", "GBR"),
        ("Sharif visited Beijing last week.", dt.date(2015, 4, 1), "Nawaz Sharif", "PAK"),
        ("Sharif visited Beijing last week.", dt.date(2023, 1, 10), "Shehbaz Sharif", "PAK"),
    ],
)
def test_bare_surname_resolves_by_date(text: str, day: dt.date, name: str, country: str) -> None:
    found = by_name(run(text, day))
    assert name in found, sorted(found)
    assert found[name].country == country
    assert found[name].kind == "person"


def test_without_date_the_most_recent_holder_wins() -> None:
    found = by_name(run("Sharif visited Beijing last week."))
    assert "Shehbaz Sharif" in found


def test_former_office_is_said_so() -> None:
    found = by_name(run("Obama criticized the plan on Monday.", dt.date(2019, 5, 1)))
    assert found["Barack Obama"].title == "former President"


def test_countries_demonyms_and_groups() -> None:
    article = run(
        "Russian troops crossed the border on Monday. Moscow has denied it, and the Foreign Ministry "
        "summoned the ambassador. North Korea’s missile tests worried Washington, and police arrested protesters.",
        dt.date(2022, 2, 24),
    )
    found = by_name(article)
    assert (found["Russian military"].country, found["Russian military"].sector) == ("RUS", "MIL")
    assert found["Russian Foreign Ministry"].sector == "GOV"
    assert found["North Korea"].country == "PRK"
    assert "North Korea" in {m.text for m in found["North Korea"].mentions}
    assert found["U.S. government"].country == "USA"
    # groups named without a country belong to the country the story is about
    assert (found["Russian police"].country, found["Russian police"].sector) == ("RUS", "COP")
    assert (found["Russian protesters"].country, found["Russian protesters"].sector) == ("RUS", "CVL")
    assert_spans(article)


@pytest.mark.parametrize(
    ("text", "name", "country", "sector", "mention"),
    [
        ("Russia’s Foreign Ministry said so.", "Russian Foreign Ministry", "RUS", "GOV", "Russia’s Foreign Ministry"),
        ("Downing Street rejected the plan.", "British government", "GBR", "GOV", "Downing Street"),
        ("The Elysee rejected the plan.", "French government", "FRA", "GOV", "Elysee"),
        ("Beijing stayed silent on the plan.", "Chinese government", "CHN", "GOV", "Beijing"),
        ("The White House said it would respond.", "U.S. government", "USA", "GOV", "White House"),
        ("South Korean troops were on alert.", "South Korean military", "KOR", "MIL", "South Korean troops"),
        ("Americans voted on Tuesday.", "Americans", "USA", "CVL", "Americans"),  # people, not the state
    ],
)
def test_metonyms_and_modifiers(text: str, name: str, country: str, sector: str | None, mention: str) -> None:
    actor = by_name(run(text, dt.date(2022, 6, 1)))[name]
    assert (actor.country, actor.sector) == (country, sector)
    assert mention in {m.text for m in actor.mentions}


def test_capital_as_place_is_no_actor() -> None:
    text = "Moscow denied it. He told reporters in Moscow that the talks went well."
    government = by_name(run(text))["Russian government"]  # the capital as subject is the government
    assert [(m.start, m.text) for m in government.mentions] == [(0, "Moscow")]  # "in Moscow" is a place


def test_igo_and_organizations() -> None:
    found = by_name(run("NATO and the European Commission met officials of the IMF and the Red Cross in Geneva."))
    for name in (
        "NATO",
        "European Commission",
        "International Monetary Fund",
        "International Committee of the Red Cross",
    ):
        assert found[name].country == "IGO", name


def test_title_from_text_for_unknown_person() -> None:
    found = by_name(run("Ukrainian Deputy Foreign Minister Olena Zerkal said the talks failed.", dt.date(2018, 1, 1)))
    person = found["Olena Zerkal"]
    assert (person.country, person.sector, person.title) == ("UKR", "GOV", "Deputy Foreign Minister")


def test_pronoun_needs_one_candidate() -> None:
    article = run("Merkel met Macron in Berlin. She said the talks went well.", dt.date(2019, 1, 1))
    merkel = by_name(article)["Angela Merkel"]
    assert "She" in {m.text for m in merkel.mentions}
    article = run("Putin and Trump met in Helsinki. He said the talks went well.", dt.date(2018, 7, 16))
    assert {"Vladimir Putin", "Donald Trump"} <= set(by_name(article))  # two subjects: "He" joins neither
    assert all("He" not in {m.text for m in a.mentions} for a in article.actors)


def test_headline_fragments_and_contractions() -> None:
    text = (
        "Trump Set To Hold First Talks With Putin\n\n"
        "U.S. President Donald Trump met Russian President Vladimir Putin on Friday. "
        "Moscow says the compounds aren’t returned."
    )
    article = run(text, dt.date(2017, 7, 7))
    found = by_name(article)
    assert "Trump Set" not in found and "n’t" not in found
    assert article.actor_at(0, 5) == found["Donald Trump"]
    assert_no_overlap(article)


def test_appositive_title_and_story_country() -> None:
    text = (
        "Bombs struck a cathedral in the Philippines on Sunday. Police in the Philippines said twenty died. "
        "Delfin Lorenzana, the Defence Secretary, said troops were on alert."
    )
    person = by_name(run(text, dt.date(2019, 1, 28)))["Delfin Lorenzana"]
    assert (person.country, person.sector, person.title) == ("PHL", "GOV", "Defence Secretary")
    assert "Defence Secretary" in {m.text for m in person.mentions}


def test_office_without_name_resolves_by_date() -> None:
    found = by_name(run("The U.S. president said on Monday that tariffs would rise.", dt.date(2018, 5, 7)))
    assert found["Donald Trump"].country == "USA"
    found = by_name(run("The U.S. president said on Monday that tariffs would rise."))
    assert "Donald Trump" not in found  # without a date, the office is the country's government
    assert found["U.S. government"].mentions[0].text == "U.S. president"


def test_hyphenated_countries_and_old_surnames() -> None:
    found = by_name(run("U.S.-Russia relations worsened, Blair said.", dt.date(2022, 3, 1)))
    assert {"United States", "Russia"} <= set(found)
    assert "Tony Blair" not in found


def test_country_groups_from_titles_and_people_words() -> None:
    found = by_name(run("A Chinese diplomat said Afghan children were safe, and people cheered.", dt.date(2020, 1, 1)))
    assert (found["Chinese government"].country, found["Chinese government"].sector) == ("CHN", "GOV")
    assert (found["Afghan people"].country, found["Afghan people"].sector) == ("AFG", "CVL")
    assert "people" not in found  # "people" alone is nobody in particular


def test_no_doc_no_actors() -> None:
    article = Article(id="x", source="s", text="Putin spoke.", published=dt.date(2019, 1, 1))
    assert actors.apply(article).actors == ()
    assert "Vladimir Putin" in by_name(actors.apply(apply_batch([article])[0]))  # the same text, annotated


# ---- user dictionary -------------------------------------------------------------------------


def test_user_file_is_merged(tmp_path: Path) -> None:
    extra = {
        "version": "test-1",
        "description": "a test addition",
        "people": [
            {"name": "Jane Roe", "aliases": ["Roe"], "gender": "f", "wikidata": None,
             "roles": [{"country": "NZL", "sector": "GOV", "title": "Minister of Testing", "start": "2020"}]}
        ],
    }  # fmt: skip
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    lexicon = load_lexicon(lang.resources("en", {"actors": str(path)}))
    assert lexicon.versions[str(path)] == "test-1"
    assert lexicon.lookup("Roe")[0].ref.name == "Jane Roe"  # type: ignore[union-attr]
    assert lexicon.lookup("Putin")  # the built-ins stay


@pytest.mark.parametrize(
    "bad",
    [
        {"people": [{"name": "X", "roles": [{"country": "USA", "sector": "GOV", "title": "T", "start": "May 2020"}]}]},
        {"people": [{"name": "X", "roles": [{"country": "USA", "sector": "NOPE", "title": "T", "start": "2020"}]}]},
        {"countries": [{"iso3": "usa", "name": "X", "adjective": "X"}]},
        {"organizations": [{"name": "X", "kind": "organization", "country": "XYZ", "sector": "GOV"}]},
        {"planets": []},
        ["not", "an", "object"],
    ],
)
def test_bad_user_file_is_refused(bad: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ResourceError, match="actor dictionar"):
        load_lexicon(lang.resources("en", {"actors": str(path)}))


def test_missing_user_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"absent\.json is not a file"):
        load_lexicon(lang.resources("en", {"actors": str(tmp_path / "absent.json")}))


def test_language_words_come_from_the_language_file(tmp_path: Path) -> None:
    words = load_lexicon(lang.resources("en")).words
    assert words.pronouns["she"] == "f" and "administration" in words.government_words
    assert words.former("President") == "former President"
    path = tmp_path / "actors.json"
    path.write_text(json.dumps({"former_title": "ex-{title}", "gendered_titles": {"ombudswoman": "f"}}))
    mine = load_lexicon(lang.resources("en", {"actors": str(path)}))
    assert mine.words.former("President") == "ex-President" and mine.words.gendered_titles["ombudswoman"] == "f"
    assert mine.words.gendered_titles["spokeswoman"] == "f"  # merged over the built-in words
    found = by_name(actors.apply(apply_batch([Article(
        id="t", source="test", text="Obama criticized the plan on Monday.", published=dt.date(2019, 5, 1))])[0]))
    assert found["Barack Obama"].title == "former President"  # the default language's words, not the user's


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"group_name": "{adjective}"}, r"'group_name' must be a text with \{adjective\}, \{label\}"),
        ({"pronouns": {"xe": "x"}}, r"'pronouns' must map words to 'm' or 'f'"),
        ({"determiners": ["the", 3]}, r"'determiners' must be a list"),
        ({"keys": {"pronouns": "redefined"}}, r"unknown key 'keys'"),
    ],
)
def test_bad_language_words_are_refused(bad: dict[str, Any], message: str, tmp_path: Path) -> None:
    path = tmp_path / "words.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ResourceError, match=message):
        load_lexicon(lang.resources("en", {"actors": str(path)}))


def test_every_key_of_the_language_file_is_described() -> None:
    from dateline._data import check_described

    english = lang.resources("en").packaged("actors", "1")
    check_described(english, "actors.json")
    assert len(english["keys"]) >= 15
    with pytest.raises(ResourceError, match="key 'pronouns' has no description"):
        check_described({**english, "keys": {k: v for k, v in english["keys"].items() if k != "pronouns"}}, "x")
    with pytest.raises(ResourceError, match="describes 'planets', which the file lacks"):
        check_described({**english, "keys": {**english["keys"], "planets": "worlds"}}, "x")


def test_builtin_files_are_versioned_and_described() -> None:
    from importlib import resources

    files = [resources.files("dateline") / "lang" / "en" / name for name in ("countries.json", "agents.json",
                                                                             "actors.json")]
    files += [resources.files("dateline") / "data" / "actors" / name for name in ("organizations.json", "people.json")]
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] and len(data["description"]) > 40, path.name
    lexicon = load_lexicon(lang.resources("en"))
    assert len(lexicon.countries) >= 190
    assert {"RUS", "USA", "PRK", "KOR", "UKR"} <= set(lexicon.countries)


# ---- Wikinews: bare surnames resolve by date -------------------------------------------------


@pytest.mark.slow
def test_wikinews_surnames(shared: Path) -> None:
    path = shared / "corpora" / "wikinews.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    wanted = {
        "62febf0d0949": {"Emmanuel Macron": "FRA", "Angela Merkel": "DEU", "Boris Johnson": "GBR",
                         "Jair Bolsonaro": "BRA"},
        "64c459db567f": {"Boris Johnson": "GBR"},
        "5793d7c79099": {"Angela Merkel": "DEU", "Vladimir Putin": "RUS", "Alexei Navalny": "RUS"},
        "28108ad63c0e": {"Volodymyr Zelensky": "UKR"},
    }  # fmt: skip
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        Article(id=r["id"], source="wikinews", text=r["text"], published=dt.date.fromisoformat(r["date"]))
        for r in rows
        if r["id"] in wanted
    ]
    assert len(articles) == len(wanted)
    for article in apply_batch(articles):
        out = actors.apply(article)
        found = by_name(out)
        for name, country in wanted[out.id].items():
            assert name in found and found[name].country == country, (out.id, name, sorted(found))
        assert_spans(out)
        assert_no_overlap(out)


# ---- property: every mention is the text it claims to be ------------------------------------

_WORDS_TEXT = (
    "Trump Putin Macron said the U.S. president he she Russian troops Moscow Kremlin ’s 's n’t police Foreign "
    'Ministry North Korea NATO , . " “ ” met in on July 7 Washington Merkel Abe Moon Jae-in protesters and '
    "Congress FBI Juncker European Commission"
)
WORDS = st.sampled_from(_WORDS_TEXT.split(" "))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=40), st.sampled_from([" ", "  ", "\n", " \n\n"]))
def test_mentions_equal_text_slices(words: list[str], sep: str) -> None:
    article = run("Vladimir Putin said so.\n\n" + sep.join(words), dt.date(2018, 1, 1))
    assert "Vladimir Putin" in by_name(article)  # the fixed first sentence: never an empty result
    assert_spans(article)
    assert_no_overlap(article)
    assert len({a.id for a in article.actors}) == len(article.actors)


def test_apply_keeps_other_fields() -> None:
    article = run("Putin spoke.", dt.date(2019, 1, 1))
    again = actors.apply(replace(article, actors=()))
    assert again.actors == article.actors
