"""The scorer of whole hand-coded articles: matching rules, fields, actors, reading, and both tasks on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.evaluation import actors as actors_task
from dateline.evaluation import events as events_task
from dateline.evaluation import wikinews as wn
from dateline.evaluation.wikinews import (
    GoldActor,
    GoldArticle,
    GoldEvent,
    Location,
    SystemActor,
    SystemArticle,
    SystemEvent,
)

TRUMP = GoldActor("Donald Trump", "person", "USA", "GOV", ("Trump", "the president"))
PUTIN = GoldActor("Vladimir Putin", "person", "RUS", "GOV", ("Putin",))
POLICE = GoldActor("Metropolitan Police", "organization", "GBR", "COP", ("the police",))
UN = GoldActor("United Nations", "organization", "IGO", "IGO", ("UN",))

S_TRUMP = SystemActor("Donald Trump", "person", "USA", "GOV")
S_PUTIN = SystemActor("Vladimir Putin", "person", "RUS", "GOV")

MEETING = "Trump met Putin in Hamburg on Friday to discuss the war in Syria."
CRITIC = "Putin later criticised the American sanctions imposed on Russian banks last year."


def gold_event(evidence: str = MEETING, *, type: str = "CONSULT", alt: tuple[str, ...] = (),
               actors: tuple[GoldActor, ...] = (TRUMP, PUTIN), recipients: tuple[GoldActor, ...] = (),
               date: str | None = "2017-07-07", place: Location | None = None, status: str = "occurred",
               core: bool = True) -> GoldEvent:
    return GoldEvent(type, alt, actors, recipients, date, place, status, evidence, core)


def system_event(evidence: str = MEETING, *, type: str = "CONSULT", plover: str | None = None,
                 actors: tuple[SystemActor, ...] = (S_TRUMP, S_PUTIN), recipients: tuple[SystemActor, ...] = (),
                 date: str | None = "2017-07-07", place: Location | None = None,
                 status: str = "occurred") -> SystemEvent:
    return SystemEvent(type, plover or type, actors, recipients, date, place, status, evidence)


def article(*events: GoldEvent, actors: tuple[GoldActor, ...] = (TRUMP, PUTIN), id: str = "a1") -> GoldArticle:
    return GoldArticle(id, "https://example.org", "2017-07-08", "Title", " ".join(e.evidence for e in events),
                       actors, events)


def system(*events: SystemEvent, actors: tuple[SystemActor, ...] = (S_TRUMP, S_PUTIN)) -> SystemArticle:
    return SystemArticle("a1", actors, events)


def counts(gold: GoldArticle, found: SystemArticle, convention: wn.Convention = "raw") -> wn.Counts:
    return sum(wn.score([gold], [found], convention).values(), wn.Counts())


# --- evidence and what makes a match ------------------------------------------------------------------------


def test_overlap_is_shared_words_over_the_larger_set() -> None:
    assert wn.overlap("a b c d e", "a b c") == pytest.approx(3 / 5)
    assert wn.overlap("A, b!", "a b") == 1.0
    assert wn.overlap("", "a") == 0.0


def test_evidence_at_the_threshold_matches_and_below_does_not() -> None:
    gold = gold_event("w1 w2 w3 w4 w5 Trump Putin met")
    six_of_ten = system_event("w1 w2 w3 w4 Trump Putin x1 x2 x3 x4")
    five_of_ten = system_event("w1 w2 w3 w4 Trump x0 x1 x2 x3 x4")
    assert wn.overlap(six_of_ten.evidence, gold.evidence) == pytest.approx(0.6)
    assert wn.matches(six_of_ten, gold) and not wn.matches(five_of_ten, gold)


def test_type_or_an_alt_type_must_agree() -> None:
    gold = gold_event(CRITIC, type="ACCUSE", alt=("REJECT",), actors=(PUTIN,), recipients=(TRUMP,))
    assert wn.matches(system_event(CRITIC, type="REJECT"), gold)
    assert not wn.matches(system_event(CRITIC, type="SANCTION"), gold)


def test_the_convention_picks_the_stage_type_or_plovers() -> None:
    gold = gold_event(type="AGREE", status="planned")
    planned_meeting = system_event(type="CONSULT", plover="AGREE", status="planned")
    assert not wn.matches(planned_meeting, gold) and wn.matches(planned_meeting, gold, "plover")
    assert counts(article(gold), system(planned_meeting), "plover").core_found == 1
    assert counts(article(gold), system(planned_meeting)).core_found == 0


def test_a_shared_country_is_a_participant_but_igo_is_not() -> None:
    assert wn.matches(system_event(actors=(SystemActor("Kremlin", "organization", "RUS", "GOV"),)), gold_event())
    nato = SystemActor("NATO", "organization", "IGO", "IGO")
    assert not wn.matches(system_event(actors=(nato,)), gold_event(actors=(UN,)))


def test_function_words_do_not_make_a_participant() -> None:
    the_police = SystemActor("the police", "group", None, "COP")
    assert not wn.matches(system_event(actors=(the_police,)), gold_event(actors=(TRUMP,)))  # alias "the president"


def test_an_alias_word_makes_a_participant_and_roles_are_ignored() -> None:
    gold = gold_event(CRITIC, type="ACCUSE", actors=(PUTIN,), recipients=(POLICE,))
    police = SystemActor("police", "group", None, "COP")
    assert wn.matches(system_event(CRITIC, type="ACCUSE", actors=(police,)), gold)
    assert not wn.matches(system_event(CRITIC, type="ACCUSE", actors=()), gold)  # no participant, no match


# --- one to one ---------------------------------------------------------------------------------------------


def test_one_system_event_is_found_for_one_gold_event_only() -> None:
    c = counts(article(gold_event(), gold_event(date=None)), system(system_event()))
    assert (c.core_found, c.core_gold, c.system_right, c.system_events) == (1, 2, 1, 1)


def test_core_gold_events_are_matched_before_minor_ones() -> None:
    c = counts(article(gold_event(core=False), gold_event(date=None)), system(system_event()))
    assert (c.core_gold, c.core_found, c.matched) == (1, 1, 1)


def test_the_matching_is_maximum() -> None:
    either, agree = gold_event(type="CONSULT", alt=("AGREE",)), gold_event(type="AGREE")
    assert counts(article(either, agree), system(system_event(type="AGREE"), system_event(type="CONSULT"))
                  ).core_found == 2
    assert wn.one_to_one([[0, 1], [0]], [0, 1]) == {0: 1, 1: 0}
    assert wn.one_to_one([[0], [0]], [0, 1]) == {0: 0}


def test_a_duplicate_system_event_is_not_right_but_counted_apart() -> None:
    c = counts(article(gold_event()), system(system_event(), system_event()))
    assert (c.system_right, c.system_duplicates, c.system_events) == (1, 1, 2)
    assert wn.event_rates(c)["precision"] == 0.5 and wn.event_rates(c)["lenient_precision"] == 1.0


def test_each_gold_event_gets_the_system_event_with_most_fields_right() -> None:
    attack = "Police shot the attacker after he stabbed two people in London."
    attacker = GoldActor("Sudesh Amman", "person", "GBR", "CRM", ("the attacker",))
    gold = article(gold_event(attack, type="ASSAULT", actors=(POLICE,), recipients=(attacker,)),
                   gold_event(attack, type="ASSAULT", actors=(attacker,), recipients=(), date=None),
                   actors=(POLICE, attacker))
    police, amman = SystemActor("police", "group", "GBR", "COP"), SystemActor("attacker", "person", None, None)
    found = system(system_event(attack, type="ASSAULT", actors=(amman,)),
                   system_event(attack, type="ASSAULT", actors=(police,), recipients=(amman,)),
                   actors=(police, amman))
    assert (counts(gold, found).matched, counts(gold, found).all_right) == (2, 2)


# --- fields -------------------------------------------------------------------------------------------------


def _fields(**changes: Any) -> wn.FieldCheck:
    gold = {"date": None, "place": None, **{k[5:]: v for k, v in changes.items() if k.startswith("gold_")}}
    mine = {k: v for k, v in changes.items() if not k.startswith("gold_")}
    return wn.check_fields(system_event(**mine), gold_event(**gold))


def test_date_is_compared_to_the_gold_precision() -> None:
    assert _fields(date="2020-02-02", gold_date="2020-02").date is True
    assert _fields(date="2020-02", gold_date="2020-02-02").date is False
    assert _fields(date="2020-03-02", gold_date="2020-02").date is False
    assert _fields(date=None, gold_date="2020").date is False
    assert _fields(date="2020-02-02").date is None


def test_place_needs_the_country_and_a_shared_name_word() -> None:
    gold = Location("Streatham High Road, London", "GBR")
    assert _fields(place=Location("London", "GBR"), gold_place=gold).place is True
    assert _fields(place=Location("London", "CAN"), gold_place=gold).place is False
    assert _fields(place=Location("Manchester", "GBR"), gold_place=gold).place is False
    assert _fields(place=None, gold_place=gold).place is False
    assert _fields(place=Location("London", "GBR")).place is None


def test_roles_both_empty_are_right_one_empty_is_wrong() -> None:
    accusation = {"type": "ACCUSE", "gold_type": "ACCUSE"}
    assert _fields(**accusation, recipients=()).recipient is True
    assert _fields(**accusation, recipients=(S_TRUMP,)).recipient is False
    assert _fields(**accusation, actors=(), gold_actors=(TRUMP,)).actor is False
    assert _fields(**accusation, actors=(SystemActor("Trump", "person", None, None),), gold_actors=(TRUMP,)).actor


def test_the_parties_of_a_meeting_are_partners_whichever_role_holds_them() -> None:
    visit = _fields(actors=(S_TRUMP,), recipients=(S_PUTIN,))  # visitor to host, as PLOVER allows
    assert (visit.actor, visit.recipient) == (True, True)
    hosted = _fields(actors=(S_PUTIN,), recipients=(), gold_actors=(TRUMP,), gold_recipients=(PUTIN,))
    assert (hosted.actor, hosted.recipient) == (True, True)
    stranger = SystemActor("Angela Merkel", "person", "DEU", "GOV")
    assert _fields(actors=(stranger,), recipients=(stranger,)).actor is False
    assert _fields(actors=(), recipients=()).actor is False


def test_only_a_meeting_the_gold_allows_is_scored_as_one() -> None:
    accusation = {"type": "ACCUSE", "gold_type": "ACCUSE"}
    assert _fields(**accusation, actors=(S_TRUMP,), recipients=(S_PUTIN,), gold_actors=(TRUMP,)).recipient is False
    assert wn.meeting(system_event(), gold_event(type="AGREE", alt=("CONSULT",)))
    assert not wn.meeting(system_event(type="AGREE"), gold_event(type="CONSULT", alt=("AGREE",)))
    assert not wn.meeting(system_event(), gold_event(type="AGREE"))


def test_unscored_fields_do_not_count_against_all_fields() -> None:
    c = counts(article(gold_event(date=None)), system(system_event(date="1999", place=Location("Paris", "FRA"))))
    assert (c.matched, c.date_scored, c.place_scored, c.all_right) == (1, 0, 0, 1)


def test_field_counts_on_a_pair() -> None:
    gold = gold_event(CRITIC, type="ACCUSE", actors=(PUTIN,), recipients=(TRUMP,), date="2017-07",
                      place=Location("Moscow", "RUS"))
    found = system_event(CRITIC, type="ACCUSE", actors=(S_PUTIN,), date="2017-07-06", status="planned")
    c = counts(article(gold), system(found))
    assert (c.actor_right, c.recipient_right, c.date_right, c.place_right, c.status_right, c.all_right) == (
        1, 0, 1, 0, 0, 0)


# --- actors -------------------------------------------------------------------------------------------------


def test_actors_are_found_one_to_one() -> None:
    met, hk = (GoldActor("Metropolitan Police", "organization", "GBR", "COP"),
               GoldActor("Hong Kong Police Force", "organization", "HKG", "COP"))
    c = counts(article(actors=(met, hk)), system(actors=(SystemActor("police", "group", None, "COP"),)))
    assert (c.gold_actors, c.actors_found) == (2, 1)


@pytest.mark.parametrize(("gold", "found", "pairs"), [
    # the canonical name wins over a word of an alias
    ((GoldActor("Amman's girlfriend", "person", "GBR", "CVL", ("his girlfriend",)),
      GoldActor("Sudesh Amman", "person", "GBR", "CRM", ("Amman",))),
     (SystemActor("Sudesh Amman", "person", "GBR", "CRM"),), {1: 0}),
    # a surface form in common comes first
    ((GoldActor("Houthi movement", "group", "YEM", "REB", ("Houthi rebels", "Houthis")),),
     (SystemActor("rebels", "group", None, "REB"), SystemActor("Houthis", "group", "YEM", "REB", ("Houthis",))),
     {0: 1}),
    # the closest name wins a tie
    ((GoldActor("Parliament of the United Kingdom", "organization", "GBR", "LEG"),
      GoldActor("United Kingdom", "country", "GBR", None, ("UK",))),
     (SystemActor("United Kingdom", "country", "GBR", None),), {1: 0}),
    # a strong pair is not given up for a weak one
    ((GoldActor("Melania Trump", "person", "USA", "ELI", ("First Lady",)),
      GoldActor("Barron Trump", "person", "USA", "ELI")),
     (SystemActor("Lady Melania Trump", "person", None, None), SystemActor("First Family", "organization", None,
                                                                          None)), {0: 0}),
])
def test_actor_pairs(gold: tuple[GoldActor, ...], found: tuple[SystemActor, ...], pairs: dict[int, int]) -> None:
    assert wn._actor_pairs(article(actors=gold), system(actors=found)) == pairs


@pytest.mark.parametrize(("gold", "found"), [
    (GoldActor("Labour voters", "group", "GBR", "CVL", ("the voters",)), SystemActor("voter", "group", None, None)),
    (GoldActor("Greens", "organization", "DEU", "PTY"), SystemActor("Green Party", "organization", "DEU", "PTY")),
    (GoldActor("Democrats", "group", "USA", "PTY"), SystemActor("Democratic Party", "organization", "USA", "PTY")),
    (GoldActor("Minor parties", "group", "USA", "PTY"), SystemActor("Party", "organization", "USA", "PTY")),
    (GoldActor("US customs officers", "group", "USA", "GOV"), SystemActor("U.S. government", "organization", "USA",
                                                                          "GOV")),
])
def test_a_plural_an_adjective_in_ic_and_dotted_initials_are_the_same_name_word(gold: GoldActor,
                                                                                found: SystemActor) -> None:
    assert wn._actor_pairs(article(actors=(gold,)), system(actors=(found,))) == {0: 0}


@pytest.mark.parametrize(("gold", "found"), [
    # the capitalized words of a longer name are proper names, kept whole
    (GoldActor("Maine", "organization", "USA", "GOV", ("the state of Maine",)),
     SystemActor("United States", "country", "USA", None)),
    (GoldActor("Mary Hills", "person", "GBR", "CVL"), SystemActor("Tom Hill", "person", "GBR", "CVL")),
    # short words and endings that are no plural
    (GoldActor("Sky News", "organization", "GBR", "JRN"), SystemActor("New Forest", "organization", "GBR", None)),
    (GoldActor("Campus police", "group", "USA", "COP"), SystemActor("Camp Hale", "organization", "USA", None)),
])
def test_proper_names_and_words_that_are_no_plural_are_kept_whole(gold: GoldActor, found: SystemActor) -> None:
    assert wn._actor_pairs(article(actors=(gold,)), system(actors=(found,))) == {}


def test_a_stemmed_name_word_makes_an_event_participant() -> None:
    parties = GoldActor("Republican Party", "organization", "USA", "PTY", ())
    gold = gold_event(CRITIC, type="ACCUSE", actors=(parties,), date=None)
    found = system_event(CRITIC, type="ACCUSE", actors=(SystemActor("Republicans", "group", None, "PTY"),))
    assert wn.matches(found, gold)


def test_actor_country_sector_and_person_country() -> None:
    russia = GoldActor("Russia", "country", "RUS", None)
    found = system(actors=(SystemActor("Trump", "person", None, "GOV"), SystemActor("Putin", "person", "RUS", None),
                           SystemActor("Russia", "country", "RUS", "GOV")))
    c = counts(article(actors=(TRUMP, PUTIN, russia)), found)
    assert (c.actors_found, c.country_right) == (3, 2)
    assert (c.sector_scored, c.sector_right) == (2, 1)  # the bare country's sector is not scored
    assert (c.persons_scored, c.persons_with_country) == (2, 1)
    stateless = GoldActor("Eyewitness", "person", None, "CVL")  # no gold country: not asked to have one
    assert counts(article(actors=(stateless,)), system(actors=(SystemActor("eyewitness", "person", None, None),))
                  ).persons_scored == 0


def test_rates_are_micro_averaged_and_a_missing_article_found_nothing() -> None:
    two = article(gold_event(), gold_event(CRITIC, type="ACCUSE"), id="a2")
    scored = wn.score([article(gold_event()), two], [system(system_event())])
    assert [c.core_found for c in scored.values()] == [1, 0]
    assert wn.event_rates(sum(scored.values(), wn.Counts()))["core_recall"] == pytest.approx(0.3333)
    assert wn.event_rates(wn.Counts())["precision"] == 0.0


# --- reading the set and the two tasks -----------------------------------------------------------------------


def _write_set(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"id": "a1", "url": "u", "date": "2017-07-08", "title": "T", "text": MEETING}
    (folder / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = [{"id": "a1", "actors": [{"name": "Donald Trump", "kind": "person", "country": "USA", "sector": "GOV",
                                     "aliases": ["Trump"]}],
             "events": [{"type": "CONSULT", "alt_types": [], "actors": ["Donald Trump", "Nobody Listed"],
                         "recipients": [], "date": None, "place": {"name": "Hamburg", "country": "DEU"},
                         "status": "occurred", "evidence": MEETING, "importance": "core"}]}]
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_load_resolves_participants_to_gold_actors(tmp_path: Path) -> None:
    (loaded,) = wn.load(_write_set(tmp_path))
    event = loaded.events[0]
    assert event.actors[0] is loaded.actors[0]
    assert event.actors[1].name == "Nobody Listed" and event.actors[1].country is None
    assert event.place == Location("Hamburg", "DEU") and event.core


def test_load_says_which_folder_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"articles\.jsonl"):
        wn.load(tmp_path)


def _write_corpus_set(root: Path, *ids: str) -> Path:
    """A set with no articles.jsonl (gold for ``ids``) and a shared folder whose corpus holds a1 and b2."""
    corpus = root / "shared" / "corpora"
    corpus.mkdir(parents=True)
    records = [{"id": "b2", "url": "u2", "date": "2017-07-09", "title": "T2", "text": CRITIC},
               {"id": "a1", "url": "u1", "date": "2017-07-08", "title": "T1", "text": MEETING}]
    (corpus / "wikinews.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = _write_set(root / "heldout")
    (folder / "articles.jsonl").unlink()
    gold = [{"id": i, "actors": [], "events": []} for i in ids]
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_load_takes_the_texts_from_the_shared_corpus_by_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write_corpus_set(tmp_path, "a1", "b2")
    monkeypatch.setenv("DATELINE_SHARED", str(tmp_path / "shared"))
    first, second = wn.load(folder)
    assert (first.id, first.url, first.date, first.title, first.text) == ("a1", "u1", "2017-07-08", "T1", MEETING)
    assert (second.id, second.text) == ("b2", CRITIC)


def test_load_without_the_corpus_says_where_to_put_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write_corpus_set(tmp_path, "a1")
    monkeypatch.setenv("DATELINE_SHARED", str(tmp_path / "elsewhere"))
    with pytest.raises(InputError, match=r"corpus .* is missing.*DATELINE_SHARED"):
        wn.load(folder)
    (loaded,) = wn.load(folder, corpus=tmp_path / "shared" / "corpora" / "wikinews.jsonl")
    assert loaded.text == MEETING


def test_load_names_coded_articles_the_corpus_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write_corpus_set(tmp_path, "a1", "zz9")
    monkeypatch.setenv("DATELINE_SHARED", str(tmp_path / "shared"))
    with pytest.raises(InputError, match=r"zz9"):
        wn.load(folder)


@pytest.fixture
def canned(monkeypatch: pytest.MonkeyPatch) -> None:
    """dateline's output on the one-article set, without running it."""
    found = SystemArticle("a1", (S_TRUMP,), (system_event(actors=(S_TRUMP,)),))
    monkeypatch.setattr(wn, "code", lambda articles: ((found,), ()))


@pytest.mark.usefixtures("canned")
def test_events_task_reports_the_articles_first_and_skips_missing_sets(tmp_path: Path) -> None:
    _write_set(tmp_path / "wikinews-dev")
    report = events_task.evaluate(tmp_path)
    assert next(iter(report.metrics)) == "wikinews.articles"
    assert report.metrics["wikinews.core_recall"] == 1.0 and report.metrics["wikinews.place"] == 0.0
    assert report.details["wikinews"]["a1"]["counts"]["place_scored"] == 1
    assert sum("not found" in note for note in report.notes) == 3  # the PLOVER records and both ConfliBERT sets


@pytest.mark.usefixtures("canned")
def test_events_task_scores_a_folder_of_coded_articles_alone(tmp_path: Path) -> None:
    report = events_task.evaluate(_write_set(tmp_path / "heldout"))
    assert report.metrics["wikinews.articles"] == 1 and report.metrics["wikinews.core_recall"] == 1.0
    assert sum("not found" in note for note in report.notes) == 3


@pytest.mark.usefixtures("canned")
def test_actors_task(tmp_path: Path) -> None:
    report = actors_task.evaluate(_write_set(tmp_path))
    assert report.task == "actors"
    assert (report.metrics["found"], report.metrics["country"], report.metrics["persons_with_country"]) == (
        1.0, 1.0, 1.0)
    assert report.details["articles"]["a1"]["title"] == "T"


def test_events_task_without_the_articles_notes_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plover").mkdir()
    records = [{"text": "Russia attacked Ukraine.", "event": "ASSAULT", "source": [], "target": []}]
    (tmp_path / "plover" / "plover_gsr_cameo.json").write_text(json.dumps(records), encoding="utf-8")
    monkeypatch.setattr(events_task, "_code", lambda texts: [() for _ in texts])
    report = events_task.evaluate(tmp_path)
    assert report.metrics["gsr.records"] == 1 and not any(k.startswith("wikinews") for k in report.metrics)
    assert any(note.startswith("wikinews-dev/") for note in report.notes)


@pytest.mark.slow
def test_real_dateline_on_one_article(shared: Path) -> None:
    data = shared / wn.DEFAULT_DATA
    if not data.is_dir():
        pytest.skip(f"the hand-coded Wikinews articles are not at {data}")
    gold = wn.load(data)[:1]
    (found,), notes = wn.code(gold)
    assert found.id == gold[0].id and found.events and found.actors and not notes
    assert sum(wn.score(gold, [found]).values(), wn.Counts()).system_events == len(found.events)
