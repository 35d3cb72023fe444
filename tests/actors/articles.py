"""Articles run through annotate and the actors stage, and their actors looked up (shared by the actors tests)."""

from __future__ import annotations

import datetime as dt

from dateline import actors
from dateline.annotate import apply_batch
from dateline.records import Actor, Article


def run(text: str, published: dt.date | None = None) -> Article:
    article = Article(id="t", source="test", text=text, published=published)
    return actors.apply(apply_batch([article])[0])


def by_name(article: Article) -> dict[str, Actor]:
    return {a.name: a for a in article.actors}


def actor_of(article: Article, mention: str) -> Actor:
    at = article.text.index(mention)
    found = article.actor_at(at, at + len(mention))
    assert found is not None, f"no actor at {mention!r}; actors: {[a.name for a in article.actors]}"
    return found


def no_actor_at(article: Article, mention: str, *, last: bool = False) -> bool:
    """Whether no actor covers the first (or, with ``last``, the last) place ``mention`` is written."""
    at = article.text.rindex(mention) if last else article.text.index(mention)
    return article.actor_at(at, at + len(mention)) is None
