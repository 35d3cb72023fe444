"""The rules that say two event records report different events, and the index that groups them."""

from __future__ import annotations

import datetime as dt

from dateline.stories._match import InstanceIndex, Mention, Party, compared, compatible, window
from dateline.stories._read import EventRow

PUTIN = Party("vladimir putin|RUS", "RUS")
TRUMP = Party("donald trump|USA", "USA")
MACRON = Party("emmanuel macron|FRA", "FRA")
RUSSIA = Party("russia|RUS", "RUS", is_country=True)
DAY = dt.date(2017, 7, 7)


def mention(article: str, *, kind: str = "CONSULT", status: str = "occurred", day: dt.date | None = DAY,
            exact: bool = True, actors: tuple[Party, ...] = (PUTIN, TRUMP), recipients: tuple[Party, ...] = (),
            story: str | None = "s1", country: str | None = None) -> Mention:
    days = None if day is None else (day, day)
    return Mention(article, "e1", kind, status, days, exact, country, actors, recipients, "met", story)


def test_one_meeting_reported_twice_is_compatible() -> None:
    assert compatible(mention("a"), mention("b", day=DAY + dt.timedelta(days=1)))
    assert compatible(mention("a"), mention("b", actors=(PUTIN,)))  # one side names fewer parties
    assert compatible(mention("a", actors=(PUTIN,)), mention("b", actors=(RUSSIA,)))  # a country stands for its actors


def test_status_dates_participants_and_countries_tell_events_apart() -> None:
    base = mention("a")
    assert not compatible(base, mention("b", status="planned"))
    assert not compatible(base, mention("b", kind="ACCUSE"))
    assert not compatible(base, mention("b", day=DAY + dt.timedelta(days=5)))
    assert not compatible(base, mention("b", actors=(PUTIN, MACRON)))
    assert not compatible(mention("a", country="DEU", story="s1"), mention("b", country="FRA", story="s2"))
    # "A attacked B" is not "B attacked A"
    assert not compatible(mention("a", kind="ASSAULT", actors=(PUTIN,), recipients=(TRUMP,)),
                          mention("b", kind="ASSAULT", actors=(TRUMP,), recipients=(PUTIN,)))


def test_places_in_two_countries_part_records_of_two_stories_only() -> None:
    # one story: a flood in a border town reported "in Germany" by one article and "in France" by another
    assert compatible(mention("a", country="DEU"), mention("b", country="FRA"))
    assert compatible(mention("a", country="DEU", story=None), mention("b", country="DEU", story=None))
    # two stories, or stories not known: the countries part them
    assert not compatible(mention("a", country="DEU", story="s1"), mention("b", country="FRA", story="s2"))
    assert not compatible(mention("a", country="DEU", story=None), mention("b", country="FRA", story=None))
    index = InstanceIndex()
    first = index.assign(mention("a", country="DEU"))
    assert index.assign(mention("b", country="FRA")) == first
    assert index.assign(mention("c", country="FRA", story="s2")) != first


def test_window_reads_the_date_at_its_precision_and_an_undated_event_may_be_of_any_day() -> None:
    assert window("2017-07-07", None) == ((DAY, DAY), True)
    assert window("2017-07", None) == ((dt.date(2017, 7, 1), dt.date(2017, 7, 31)), False)
    assert window(None, DAY) == (None, False)
    assert window(None, None) == (None, False)


def test_an_undated_event_that_happened_meets_one_dated_long_before_its_report() -> None:
    # "the trial of the men accused of killing her" reported in 2013; "she was killed in October 2011"
    killed = mention("a", kind="KILL", actors=(), day=None, exact=False)
    killed = Mention(killed.article, killed.event, killed.kind, killed.status, window("2011-10", DAY)[0], False,
                     None, (), (), killed.word, killed.story)
    trial = mention("b", kind="KILL", actors=(), day=None, exact=False)
    trial = Mention(trial.article, trial.event, trial.kind, trial.status, window(None, DAY)[0], False, None, (), (),
                    trial.word, trial.story)
    assert compatible(killed, trial)


def test_a_planned_event_without_a_date_lies_after_its_report() -> None:
    ahead = (DAY, DAY + dt.timedelta(days=365))
    assert window(None, DAY, "planned") == (ahead, False)
    assert window(None, DAY, "occurred") == (None, False)
    assert window("2017-07-07", DAY - dt.timedelta(days=30), "planned") == ((DAY, DAY), True)  # its own date wins
    # so "will hold elections" reported a month before they are held, on the day, is one event with them
    plan = mention("a", status="planned", day=None)
    plan = Mention(plan.article, plan.event, plan.kind, plan.status, window(None, DAY - dt.timedelta(days=30),
                   "planned")[0], False, None, plan.actors, plan.recipients, plan.word, plan.story)
    assert compatible(plan, mention("b", status="planned"))
    assert not compatible(plan, mention("c", status="planned", day=DAY - dt.timedelta(days=40)))


def test_records_of_one_story_join_and_incompatible_ones_stay_apart() -> None:
    index = InstanceIndex()
    first = index.assign(mention("a"))
    assert index.assign(mention("b")) == first
    planned = index.assign(mention("c", status="planned"))
    assert planned != first
    # compatible with "a" but not with "b": an instance never holds two records that differ
    index2 = InstanceIndex()
    one = index2.assign(mention("a", actors=(PUTIN,)))
    assert index2.assign(mention("b", actors=(PUTIN, TRUMP))) == one
    assert index2.assign(mention("c", actors=(PUTIN, MACRON))) != one
    assert [m.article for m in index2.members(one)] == ["a", "b"]


def test_a_record_naming_nothing_joins_the_instance_of_its_story_whatever_incident_it_tells() -> None:
    # one story holding two incidents: the dated records stay apart, a bare one joins the first that fits
    index = InstanceIndex()
    first = index.assign(mention("a", actors=(PUTIN,)))
    other = index.assign(mention("b", actors=(MACRON,)))
    assert other != first
    bare = mention("c", day=None, exact=False, actors=())
    assert compatible(bare, mention("a", actors=(PUTIN,))) and compatible(bare, mention("b", actors=(MACRON,)))
    assert index.assign(bare) == first


def test_across_stories_a_record_joins_only_on_the_same_day_with_a_party_in_common() -> None:
    index = InstanceIndex()
    first = index.assign(mention("a", story="s1"))
    assert index.assign(mention("b", story="s2")) == first
    assert index.assign(mention("c", story="s3", exact=False)) != first
    assert index.assign(mention("d", story=None, actors=())) != first


def test_one_actor_named_more_or_less_fully_or_without_a_country_is_one_party() -> None:
    assert Party("tara-reid", None).same(Party("tara-reid.usa", "USA"))
    assert Party("gigante", None).same(Party("vincent-gigante.usa", "USA"))
    assert Party("red-sox", None).same(Party("boston-red-sox.usa", "USA"))
    assert Party("regina-benjamin.usa", "USA").same(Party("regina-m-benjamin.usa", "USA"))
    # a shared last word is not enough, nor one name in two countries, nor a person for a country
    assert not Party("reggie-bush", None).same(Party("george-w-bush.usa", "USA"))
    assert not Party("vincent-gigante.ita", "ITA").same(Party("gigante.usa", "USA"))
    assert not Party("jordan.jor", "JOR", is_country=True).same(Party("michael-jordan", None))
    # so two reports of one check-in, naming her with and without a country, are compatible
    reid, reid_us = Party("tara-reid", None), Party("tara-reid.usa", "USA")
    assert compatible(mention("a", actors=(reid,)), mention("b", actors=(reid_us,)))
    assert not compatible(mention("a", actors=(reid,)), mention("b", actors=(Party("lindsay-lohan", None),)))


def test_a_name_shortened_run_on_or_given_two_countries_is_one_party() -> None:
    # a first name shortened ("Fred" for "Frederick"), a middle name left out
    assert Party("fred-morley.usa", "USA").same(Party("frederick-j-morley.usa", "USA"))
    # a name of several words inside a longer one: a suffix, or a headline's verb run on into the name
    assert Party("ada-quill.gbr", "GBR").same(Party("ada-quill-sr.gbr", "GBR"))
    assert Party("ada-quill", None).same(Party("ada-quill-resigns.gbr", "GBR"))
    # one person given two countries by two reports, named in full both times
    assert Party("ada-quill.gbr", "GBR").same(Party("ada-b-quill.irl", "IRL"))
    # other first names, short starts, one word in two countries, one word inside a longer name: apart
    assert not Party("fred-morley.usa", "USA").same(Party("frank-morley.usa", "USA"))
    assert not Party("ed-morley.usa", "USA").same(Party("edward-morley.usa", "USA"))
    assert not Party("morley.gbr", "GBR").same(Party("ada-morley.irl", "IRL"))
    assert not Party("quill", None).same(Party("ada-quill-resigns", None))


def test_a_stored_planned_record_without_a_date_is_read_as_lying_after_its_report() -> None:
    def stored(status: str) -> EventRow:
        return EventRow("a", "e1", "CONSULT", status, None, None, "meet", ())

    assert stored("planned").mention(DAY, "en", None).days == (DAY, DAY + dt.timedelta(days=365))
    assert stored("occurred").mention(DAY, "en", None).days is None


def test_a_group_is_no_party_the_matcher_compares() -> None:
    def stored(*parties: tuple[str, str, str | None, str]) -> EventRow:
        return EventRow("a", "e1", "ASSAULT", "occurred", None, None, "attack",
                        tuple({"role": role, "key": key, "country": country, "kind": kind}
                              for role, key, country, kind in parties))

    police = ("actor", "greek-police.grc", "GRC", "group")
    rioters = ("recipient", "greek-rioters.grc", "GRC", "group")
    minister = ("actor", "ada-quill.grc", "GRC", "person")
    read = stored(police, rioters, minister).mention(DAY, "en", "s1")
    assert [p.key for p in read.actors] == ["ada-quill.grc"] and read.recipients == ()
    # "protesters attacked the bank" and "rioters attacked the bank": one attack, told in other words
    one = stored(("actor", "greek-protesters.grc", "GRC", "group")).mention(DAY, "en", "s1")
    other = stored(("actor", "greek-rioters.grc", "GRC", "group")).mention(DAY, "en", "s1")
    assert compatible(one, other)
    assert compared("person") and compared(None) and not compared("group")


def test_a_person_named_only_by_a_common_noun_is_no_party_the_matcher_compares() -> None:
    assert not compared("person", "gunman") and not compared("person", "employee")
    assert compared("person", "Ada Quill") and compared("person", None) and compared("organization", "acme")

    def stored(key: str, name: str) -> EventRow:
        return EventRow("a", "e1", "ASSAULT", "occurred", None, "USA", "shoot",
                        ({"role": "actor", "key": key, "country": "USA", "kind": "person", "name": name},))

    # "Ada Quill opened fire at the depot", "a depot worker opened fire", "the employee shot two colleagues"
    named = stored("ada-quill.usa", "Ada Quill").mention(DAY, "en", "s1")
    worker = stored("worker.usa", "worker").mention(DAY, "en", "s1")
    employee = stored("employee.usa", "employee").mention(DAY, "en", "s1")
    assert [p.key for p in named.actors] == ["ada-quill.usa"] and worker.actors == () and employee.actors == ()
    index = InstanceIndex()
    first = index.assign(named)
    assert index.assign(worker) == first and index.assign(employee) == first
    # another named gunman is still another party
    other = stored("tom-ward.usa", "Tom Ward").mention(DAY, "en", "s1")
    assert not compatible(named, other)
