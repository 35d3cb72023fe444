"""An article with every field of every record set, built by hand.

The serializer, store and export tests run it through each representation: a
field that one of them drops fails there. :func:`unset_fields` fails first when
a record gains a field this article leaves at its default: give it a value here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from dateline.records import (
    Actor,
    Article,
    Boilerplate,
    Event,
    EventDate,
    Place,
    Quote,
    Span,
    TimeExpr,
    make_span,
)

TEXT = (
    "Russian President Vladimir Putin met Donald Trump in Hamburg at noon on July 7. "
    '"Good talks," Trump said, adding that sanctions would stay.'
)


def span(words: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``words`` in :data:`TEXT`."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return make_span(TEXT, start, start + len(words))


def full_article() -> Article:
    putin = Actor("a-putin", "Vladimir Putin", "person", "RUS", "GOV", (span("Vladimir Putin"),),
                  title="President", wikidata="Q7747")
    trump = Actor("a-trump", "Donald Trump", "person", "USA", "GOV", (span("Donald Trump"), span("Trump", 1)),
                  title="President", wikidata="Q22686")
    # ``within`` belongs to a street or building placed at its town; here only a value to write and read back
    hamburg = Place(span("Hamburg"), "Hamburg", "DEU", 53.55, 9.99, 2911298, "PPLA", within="Hamburg")
    meeting = Event(
        id="e-meet", type="CONSULT", actors=("a-putin",), recipients=("a-trump",), status="occurred",
        trigger=span("met"), evidence=make_span(TEXT, 0, TEXT.index(". ") + 1), mode="visit", contexts=("diplomacy",),
        date=EventDate("2017-07-07", "July 7"), place=hamburg, quad=1, intensity=1.0, confidence=0.9,
        actor_spans=(span("Vladimir Putin"),), recipient_spans=(span("Donald Trump"),), instance="i-hamburg-meeting",
    )
    quote = Quote("q-talks", span('"Good talks,"'), True, "a-trump", span("Trump", 1), span("said"), kind="stance",
                  negated=True, parts=(span("Good talks"),))
    return Article(
        id="full", source="full.txt", url="https://example.org/full", site="example.org", title="Talks",
        authors=("A. Writer",), published=dt.date(2017, 7, 8), published_text="July 8, 2017", language="en",
        duplicate_of="other", text=TEXT, boilerplate=(Boilerplate("navigation", "Home"),), actors=(putin, trump),
        events=(meeting,), quotes=(quote,), times=(TimeExpr(span("noon"), "2017-07-07T12:00", "TIME"),),
        places=(hamburg,), story="s-hamburg",
    )


def unset_fields(record: object, path: str = "article") -> Iterator[str]:
    """The fields (as paths) of ``record`` and the records inside it that hold their default or nothing."""
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        if not field.compare:
            continue
        value = getattr(record, field.name)
        default = field.default if field.default_factory is dataclasses.MISSING else field.default_factory()
        if value is None or value == () or value == default:
            yield f"{path}.{field.name}"
        for item in value if isinstance(value, tuple) else (value,):
            if dataclasses.is_dataclass(item) and not isinstance(item, Span):
                yield from unset_fields(item, f"{path}.{field.name}")
