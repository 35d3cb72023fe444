"""Records: the actor behind a stretch of text, looked up through the mention index; the shared kinds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.records import EVENT_STATUSES, EVENT_TYPES, Actor, ActorKind, Article, make_span

TEXT = "x" * 60

EXTENTS = st.tuples(st.integers(0, 59), st.integers(1, 12)).map(lambda p: (p[0], min(60, p[0] + p[1])))


def build(groups: list[list[tuple[int, int]]]) -> Article:
    actors = tuple(
        Actor(id=f"a{i}", name=f"A{i}", kind="person", country=None, sector=None,
              mentions=tuple(make_span(TEXT, s, e) for s, e in mentions))
        for i, mentions in enumerate(groups)
    )
    return Article(id="r", source="test", text=TEXT, actors=actors)


def brute_force(article: Article, start: int, end: int) -> Actor | None:
    """The plain definition: most overlap wins, the first actor and mention listed on a tie."""
    best, best_overlap = None, 0
    for actor in article.actors:
        for mention in actor.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


@given(st.lists(st.lists(EXTENTS, max_size=5), max_size=5), EXTENTS)
@settings(max_examples=300, deadline=None)
def test_actor_at_matches_the_plain_definition(groups: list[list[tuple[int, int]]], query: tuple[int, int]) -> None:
    article = build(groups)
    assert article.actor_at(*query) == brute_force(article, *query)


def test_actor_at_is_none_without_overlap() -> None:
    article = build([[(0, 5)], [(10, 20)]])
    assert article.actor_at(5, 10) is None
    assert article.actor_at(12, 14) is article.actors[1]


def test_kinds_statuses_and_types_are_the_contracts(shared: Path) -> None:
    """The Literal types that records, the store and the API share list what the contract allows."""
    schema = json.loads((shared / "contract" / "article.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert list(EVENT_TYPES) == defs["event"]["properties"]["type"]["enum"] and len(EVENT_TYPES) == 16
    assert list(EVENT_STATUSES) == defs["event"]["properties"]["status"]["enum"]
    assert list(get_args(ActorKind)) == defs["actor"]["properties"]["kind"]["enum"]
