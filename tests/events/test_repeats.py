"""Events: an act told again in an article is one record, where it is first told."""

from __future__ import annotations

from dateline.events._repeats import one_per_act
from dateline.records import Event, EventDate, make_span
from tests.events.test_events import run

TEXT = "Lanark fined Orvia. Lanark fined Orvia again."


def _event(at: int, date: str | None, status: str = "occurred", actors: tuple[str, ...] = ("a1",),
           recipients: tuple[str, ...] = ("a2",), kind: str = "SANCTION") -> Event:
    return Event(id=f"e{at}", type=kind, actors=actors, recipients=recipients, status=status,  # type: ignore[arg-type]
                 trigger=make_span(TEXT, at + 7, at + 12), evidence=make_span(TEXT, at, at + 19),
                 date=None if date is None else EventDate(date, date))


def test_a_repeat_with_the_same_parties_status_and_day_is_dropped() -> None:
    first, again = _event(0, "2023-03-06"), _event(20, "2023-03-06")
    assert one_per_act([first, again]) == (first,)


def test_acts_told_apart_are_kept() -> None:
    first = _event(0, "2023-03-06")
    others = [_event(20, "2021"), _event(20, None), _event(20, "2023-03-06", status="planned"),
              _event(20, "2023-03-06", recipients=("a3",)), _event(20, "2023-03-06", kind="COERCE"),
              _event(20, "PAST_REF"), _event(20, "2023-03"), _event(20, "2023-03-07")]
    for other in others:
        assert one_per_act([first, other]) == (first, other)
    assert one_per_act([_event(0, "2023-03"), _event(20, "2023-03")]) == (_event(0, "2023-03"), _event(20, "2023-03"))
    assert one_per_act([_event(0, None), _event(20, None)]) == (_event(0, None), _event(20, None))
    nobody = _event(0, "2023-03-06", actors=(), recipients=())
    assert len(one_per_act([nobody, _event(20, "2023-03-06", actors=(), recipients=())])) == 2


def test_an_article_codes_a_retold_expulsion_once() -> None:
    article = run("Poland expelled two Belarusian diplomats on Monday. The two men had worked at the embassy in "
                  "Warsaw for years. Poland expelled the diplomats from Belarus on Monday after a spy case came "
                  "to light.", published="2023-03-08")
    expelled = [e for e in article.events if e.type == "SANCTION"]
    assert len(expelled) == 1 and expelled[0].evidence.text.startswith("Poland expelled two")
    assert expelled[0].date is not None and expelled[0].date.value == "2023-03-06"


def test_an_article_keeps_an_expulsion_of_another_year() -> None:
    article = run("Poland expelled two Belarusian diplomats on Monday. The two men had worked at the embassy in "
                  "Warsaw for years. Poland had expelled three Belarusian diplomats in 2021.", published="2023-03-08")
    dates = [e.date.value for e in article.events if e.type == "SANCTION" and e.date is not None]
    assert dates == ["2023-03-06", "2021"]


def test_a_definite_noun_of_violence_told_of_before_is_no_new_act() -> None:
    told = "Gunmen attacked the Ruritanian embassy in Dorn on Monday, killing two guards. "
    for text in ("The Borduria Liberation Front claimed responsibility for the attack.",
                 "Investigators believe General Karl Berg ordered the killing of the guards.",
                 "Ruritania mourned the guard Jan Novak's killing."):
        article = run(told + text)
        assaults = [e for e in article.events if e.type == "ASSAULT"]
        assert assaults and all(e.trigger.text == "attacked" for e in assaults), text


def test_a_definite_noun_of_violence_told_first_is_the_act() -> None:
    for text in ("The Borduria Liberation Front claimed responsibility for the attack on the Ruritanian embassy.",
                 "The Borduria Liberation Front attacked the Ruritanian embassy on Monday. The Ruritanian army "
                 "launched an attack on Borduria on Tuesday.",
                 "Russia's invasion of Ukraine began on Thursday."):
        assaults = [e for e in run(text).events if e.type == "ASSAULT"]
        assert assaults and all(e.actors for e in assaults), text
    invasion = run("Russia's troops massed at the border. Russia's invasion of Ukraine began on Thursday.")
    assert [e.trigger.text for e in invasion.events if e.type == "ASSAULT"] == ["invasion"]



def test_a_definite_noun_of_an_arrest_or_release_told_of_before_is_no_new_act() -> None:
    for told, noun, kind in (("Iran detained Jan Novak on Monday.", "The arrest", "COERCE"),
                             ("Iran freed Jan Novak on Monday.", "The release", "RETREAT")):
        later = f"{noun} of Novak by Iran followed talks in Oman."
        acts = [e for e in run(f"{told} {later}").events if e.type == kind]
        assert [e.evidence.text for e in acts] == [told], acts
        first = [e for e in run(later).events if e.type == kind]  # told first, the noun is the act
        assert [e.trigger.text for e in first] == [noun.split()[1]], first


def test_a_definite_gathering_told_of_before_is_no_new_act() -> None:
    rally = run("Greenpeace held a rally against Shell outside the parliament in The Hague on Monday. Mayor Anna Berg "
                "of The Hague spoke at the rally.")
    assert [e.trigger.text for e in rally.events if e.type == "PROTEST"] == ["held"]
    summit = run("Leaders of the European Union attended a summit in Rome with Pope Francis in February. During the "
                 "summit, Pope Francis praised Italy.")
    assert [e.trigger.text for e in summit.events if e.type == "CONSULT"] == ["attended"]
