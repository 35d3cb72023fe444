"""A step of a case at law is a story of its own, apart from the act the case is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.records import Article
from dateline.stories._keys import COURT, article_keys, court, title_court
from tests.stories.test_attach import linked_in_two_runs


def test_a_title_with_a_word_of_a_court_step_tells_one() -> None:
    assert title_court("Appeals court finds dam closure unlawful", "en")
    assert title_court("Lorry driver pleads guilty over bridge collapse", "en")
    assert title_court("Three sentenced for harbour fraud", "en")


def test_a_title_without_one_or_with_a_word_only_beginning_alike_tells_none() -> None:
    assert not title_court("Bridge collapse kills four in Northtown", "en")
    assert not title_court("Firm acquires rival; tributes paid to founder", "en")  # not "acquitted", "tribunal"
    assert not title_court("Vaccine trial begins; charity appeals for calm", "en")
    assert not title_court(None, "en")
    assert not title_court("Court finds closure unlawful", "xx")


def test_the_mark_is_kept_among_the_story_keys() -> None:
    keys = article_keys("Appeals court finds dam closure unlawful", "Judges ruled on Monday.", 100, "en",
                        [], [], [], 1.0)
    assert keys[COURT] == 1.0
    assert court(keys)
    assert not court({"dam": 1.0})


def report(id_: str, title: str, published: dt.date) -> Article:
    """A report on the closing of one dam, in the same words whatever step its title tells."""
    text = ("The Northtown dam on the Esk river was closed by the regional water board after cracks were found "
            "in its spillway, cutting water to the farms of the valley. Farmers of the valley and the board "
            "have argued over the closure of the dam and the cracks in the spillway for weeks.")
    return Article(id=id_, source=f"{id_}.txt", site=f"{id_}.example.org", title=title, published=published,
                   language="en", text=text)


def test_a_ruling_on_an_act_is_another_story_and_two_reports_of_the_act_one(tmp_path: Path) -> None:
    first = [report("closed", "Water board closes Northtown dam", dt.date(2023, 5, 2))]
    then = [report("ruled", "Court finds closure of Northtown dam unlawful", dt.date(2023, 5, 9)),
            report("closed2", "Northtown dam closed over spillway cracks", dt.date(2023, 5, 3))]
    found = linked_in_two_runs(tmp_path / "dam.duckdb", first, then)
    assert found["closed"] == found["closed2"] != found["ruled"]
