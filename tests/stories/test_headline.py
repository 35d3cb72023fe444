"""The act a headline tells, and when two headlines tell one act of other parties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.records import Actor, Article
from dateline.stories._headline import Headline, differ, headline, of_keys
from dateline.stories._keys import article_keys, stop_words
from tests.store.exports import span
from tests.stories.test_attach import linked_in_two_runs

STOP = stop_words("en")
COLE, LUND, ROE, QUILL = "ann-cole.usa", "bea-lund.usa", "joe-roe.usa", "ada-quill"
SPRINGFIELD, OHIO = "springfield.usa", "ohio.usa"


def told(title: str, *actors: str) -> Headline | None:
    return headline(title, actors, "en", STOP)


def test_the_doer_the_verb_and_whom_it_was_done_to() -> None:
    found = told("Ann Cole endorses Joe Roe for mayor of Springfield", COLE, ROE)
    assert found == Headline("endor", COLE, ROE)
    # a name given shorter in the headline, a title before it, the verb's family
    assert told("Governor Cole wins the Springfield primary", COLE) == Headline("win", COLE)
    assert told("Mayor Roe defeats Cole", COLE, ROE) == Headline("win", ROE, COLE)


def test_a_headline_without_a_present_tense_verb_after_a_name_tells_none() -> None:
    assert told("Springfield Mayor Race Heats Up", ROE) is None  # title case
    assert told("The campaign trail in Springfield, March 2020", ROE) is None
    assert told("Joe Roe's campaign gathers pace", ROE) is None  # "s" after the apostrophe is no verb
    assert told("Joe Roe address to Springfield voters", ROE) is None  # "ss" ends no present tense
    assert told(None, ROE) is None and told("Ann Cole endorses Joe Roe") is None
    # one that says who spoke: two speakers may tell of one incident
    assert told("Ann Cole says Springfield fire was arson", COLE) is None
    assert told("Joe Roe warns of floods as river rises", ROE) is None


def test_names_joined_before_a_verb_of_several_doers_are_its_doers() -> None:
    assert told("Ann Cole, Bea Lund win Springfield primaries", COLE, LUND) == Headline("win", COLE, None, (LUND,))
    assert told("Cole and Lund thank Joe Roe for support", COLE, LUND, ROE) == Headline(
        "thank", COLE, ROE, (LUND,))
    assert told("Cole, Lund, and Roe address voters", COLE, LUND, ROE) == Headline("addre", COLE, None, (LUND, ROE))
    # names joined before a verb of one doer: one name of a place, the last tells the act ("Springfield, Ohio")
    assert told("Springfield, Ohio hosts state fair", SPRINGFIELD, OHIO) == Headline("hosts", OHIO)


def test_a_verb_of_several_doers_after_one_name_or_names_not_joined_tells_none() -> None:
    assert told("Joe Roe campaign gathers pace", ROE) is None  # one name before a word without the ending
    assert told("Ann Cole; Bea Lund end campaigns", COLE, LUND) is None  # a semicolon joins no doers
    assert told("Ann Cole, Bea Lund say vote was fair", COLE, LUND) is None  # several speakers
    assert told("Ann Cole, Bea Lund tell of flood", COLE, LUND) is None


def test_a_language_without_a_stories_file_reads_no_act_in_a_headline() -> None:
    assert headline("Ann Cole endorses Joe Roe", (COLE, ROE), "xx", STOP) is None


def test_one_act_of_other_parties_differs_and_anything_else_does_not() -> None:
    cole, lund = Headline("endor", COLE, ROE), Headline("endor", LUND, ROE)
    assert differ(cole, lund)  # two endorsements
    assert differ(Headline("inter", "wikinews", QUILL), Headline("inter", "wikinews", ROE))  # two interviews
    assert not differ(cole, Headline("endor", "cole", ROE))  # one doer named more or less fully
    assert not differ(cole, Headline("endor", COLE))  # one names no one it was done to
    assert not differ(Headline("meet", ROE, COLE), Headline("meet", COLE, ROE))  # a meeting told from either side
    assert not differ(cole, Headline("thank", LUND, ROE))  # other acts: the keys decide
    assert not differ(cole, None)


def test_an_act_of_several_doers_is_one_story_only_with_one_of_the_same_parties() -> None:
    both = Headline("win", COLE, None, (LUND,))
    assert differ(both, Headline("win", COLE))  # two wins against one of them
    assert differ(Headline("win", LUND, ROE), both)
    assert not differ(both, Headline("win", LUND, None, (COLE,)))  # the same doers in another order
    assert not differ(both, Headline("win", "cole", None, ("bea-lund",)))  # named more or less fully
    assert not differ(Headline("meet", COLE, None, (LUND,)), Headline("meet", LUND, COLE))  # a meeting of both
    assert not differ(both, Headline("end", COLE))  # other acts: the keys decide


def test_the_headline_is_kept_among_the_story_keys() -> None:
    keys = article_keys("Ann Cole endorses Joe Roe", "Ann Cole endorsed Joe Roe on Monday.", 100, "en",
                        [(COLE, 0), (ROE, 18)], [], [], 1.0)
    assert keys["h:endor|ann-cole.usa|joe-roe.usa"] == 1.0
    assert of_keys(keys) == Headline("endor", COLE, ROE)
    assert of_keys({"ann": 1.0}) is None
    several = Headline("win", COLE, ROE, (LUND,))
    assert several.key() == "h:win|ann-cole.usa+bea-lund.usa|joe-roe.usa" and of_keys({several.key(): 1.0}) == several


def endorsement(id_: str, doer: str, doer_key_name: str, published: dt.date) -> Article:
    """A report that ``doer`` endorsed Joe Roe for mayor (the same words whoever endorses him)."""
    text = (f"{doer} endorsed Joe Roe for mayor of Springfield on Monday, backing the former school principal "
            "in the race for City Hall. Roe thanked supporters at a rally in the old mill district of Springfield.")
    actors = (Actor(f"a-{id_}", doer_key_name, "person", "USA", "ELI", (span(text, doer),)),
              Actor("a-roe", "Joe Roe", "person", "USA", "ELI", (span(text, "Joe Roe"), span(text, "Roe", 1))))
    return Article(id=id_, source=f"{id_}.txt", site=f"{id_}.example.org", title=f"{doer} endorses Joe Roe",
                   published=published, language="en", text=text, actors=actors)


def test_reports_of_one_act_by_two_doers_are_two_stories(tmp_path: Path) -> None:
    day = dt.date(2024, 3, 5)
    first = [endorsement("cole", "Ann Cole", "Ann Cole", day)]
    then = [endorsement("lund", "Bea Lund", "Bea Lund", day + dt.timedelta(days=1)),
            endorsement("cole2", "Ann Cole", "Ann Cole", day + dt.timedelta(days=1))]
    found = linked_in_two_runs(tmp_path / "endorse.duckdb", first, then)
    assert found["cole"] == found["cole2"] != found["lund"]


def primary_win(id_: str, winners: tuple[str, ...], published: dt.date) -> Article:
    """A report that ``winners`` won their party's Springfield primaries (the same words whoever won)."""
    named = " and ".join(winners)
    text = (f"{named} won the Springfield primaries on Tuesday, ahead of the race for City Hall in November. "
            "Turnout at the old mill district polling stations of Springfield was the highest in a decade.")
    actors = tuple(Actor(f"a-{id_}-{n}", name, "person", "USA", "ELI", (span(text, name),))
                   for n, name in enumerate(winners))
    verb = "win" if len(winners) > 1 else "wins"
    return Article(id=id_, source=f"{id_}.txt", site=f"{id_}.example.org",
                   title=f"{', '.join(winners)} {verb} Springfield primaries", published=published, language="en",
                   text=text, actors=actors)


def test_a_report_of_two_winners_joins_the_story_of_neither(tmp_path: Path) -> None:
    day = dt.date(2024, 3, 6)
    first = [primary_win("cole", ("Ann Cole",), day)]
    then = [primary_win("both", ("Ann Cole", "Bea Lund"), day + dt.timedelta(days=1)),
            primary_win("lund", ("Bea Lund",), day + dt.timedelta(days=1)),
            primary_win("cole2", ("Ann Cole",), day + dt.timedelta(days=2))]
    found = linked_in_two_runs(tmp_path / "primaries.duckdb", first, then)
    assert found["cole"] == found["cole2"]
    assert len({found["cole"], found["both"], found["lund"]}) == 3
