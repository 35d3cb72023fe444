"""A store built by hand for the export tests: events at every date precision, with and without countries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.records import Actor, Article, Event, EventDate, Place, Span, make_span
from dateline.store import Store

TEXT_1 = (
    "Russian President Vladimir Putin met Donald Trump in Hamburg on July 7. "
    'Russia accused Ukraine and the rebels of shelling\tDonetsk last week, saying "they lied". '
    "Washington plans sanctions on Moscow in July.\n"
    "Rebels attacked Ukrainian posts. Russia did not attack Ukraine on July 7."
)
TEXT_2 = "The United States sent aid to Ukraine in 2017."


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return make_span(text, start, start + len(words))


def sentence(text: str, first: str) -> Span:
    """The span from ``first`` to the end of its sentence (a period, or the end of the text)."""
    start = text.index(first)
    end = text.find(". ", start)
    return make_span(text, start, len(text) if end < 0 else end + 1)


def first_article() -> Article:
    t = TEXT_1
    putin = Actor("a-putin", "Vladimir Putin", "person", "RUS", "GOV", (span(t, "Vladimir Putin"),),
                  title="President", wikidata="Q7747")
    trump = Actor("a-trump", "Donald Trump", "person", "USA", "GOV", (span(t, "Donald Trump"),), title="President")
    russia = Actor("a-russia", "Russia", "country", "RUS", "GOV",
                   (span(t, "Russia", 1), span(t, "Moscow"), span(t, "Russia", 2)))
    ukraine = Actor("a-ukraine", "Ukraine", "country", "UKR", "GOV", (span(t, "Ukraine"), span(t, "Ukraine", 1)))
    rebels = Actor("a-rebels", "rebels", "group", None, "REB", (span(t, "rebels"), span(t, "Rebels")))
    usa = Actor("a-usa", "United States", "country", "USA", "GOV", (span(t, "Washington"),))
    hamburg = Place(span(t, "Hamburg"), "Hamburg", "DEU", 53.55, 9.99, 2911298, "city")
    donetsk = Place(span(t, "Donetsk"), "Donetsk Oblast", "UKR", 48.0, 37.8, 709716, "admin1")
    events = (
        Event("e-meet", "CONSULT", ("a-putin", "a-trump"), (), "occurred", span(t, "met"),
              sentence(t, "Russian President"), mode="visit", date=EventDate("2017-07-07", "July 7"), place=hamburg,
              quad=1, intensity=4.0, confidence=0.9),
        Event("e-accuse", "ACCUSE", ("a-russia",), ("a-ukraine", "a-rebels"), "occurred", span(t, "accused"),
              sentence(t, "Russia accused"), contexts=("military", "human_rights"),
              date=EventDate("2017-W26", "last week"), place=donetsk, quad=3, intensity=-3.0, confidence=0.8),
        Event("e-sanction", "SANCTION", ("a-usa",), ("a-russia",), "planned", span(t, "sanctions"),
              sentence(t, "Washington plans"), date=EventDate("2017-07", "in July"), quad=3, intensity=-6.0),
        Event("e-attack", "ASSAULT", ("a-rebels",), ("a-ukraine",), "occurred", span(t, "attacked"),
              sentence(t, "Rebels attacked"), quad=4, intensity=-9.0, confidence=0.7),
        Event("e-no-attack", "ASSAULT", ("a-russia",), ("a-ukraine",), "negated", span(t, "attack", 1),
              sentence(t, "Russia did not"), date=EventDate("2017-07-07", "July 7"), quad=4, intensity=-9.0),
    )
    return Article(id="art1", source="art1.txt", url="https://example.org/1", site="example.org", title="One",
                   published=dt.date(2017, 7, 8), language="en", text=t,
                   actors=(putin, trump, russia, ukraine, rebels, usa), events=events, places=(hamburg, donetsk))


def second_article() -> Article:
    t = TEXT_2
    usa = Actor("a-usa", "United States", "country", "USA", "GOV", (span(t, "The United States"),))
    ukraine = Actor("a-ukraine", "Ukraine", "country", "UKR", "GOV", (span(t, "Ukraine"),))
    aid = Event("e-aid", "AID", ("a-usa",), ("a-ukraine",), "occurred", span(t, "sent"), make_span(t, 0, len(t)),
                date=EventDate("2017", "in 2017"), quad=2, intensity=10.0)
    return Article(id="art2", source="art2.txt", site="example.com", published=dt.date(2018, 1, 2), text=t,
                   actors=(usa, ukraine), events=(aid,))


def export_store(path: Path) -> Path:
    with Store(path) as store:
        store.write([first_article(), second_article()])
    return path
