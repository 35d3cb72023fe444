"""Stories over the web: incidents with the articles that report them, and real-world events with their mentions.

``GET /api/stories`` lists stories (most reported first, or newest), ``GET
/api/stories/{id}`` gives one: its articles, its event instances and a timeline of
its coverage (articles per day); ``GET /api/instances/{id}`` gives one real-world
event with every mention of it, each with its article and evidence span (the rows
of :mod:`dateline.store._stories`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi import Path as PathParam

from dateline.serve._db import Database
from dateline.store._schema import like
from dateline.store._stories import instance_mentions

__all__ = ["MAX_MEMBERS", "routes"]

#: Most articles, instances or mentions one story or instance response lists.
MAX_MEMBERS = 500
_MAX_TEXT = 200
_MAX_ID = 100

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Members = Annotated[int, Query(ge=1, le=MAX_MEMBERS)]
StoryId = Annotated[str, PathParam(max_length=_MAX_ID)]

_ORDER = {"articles": "articles DESC, last_report DESC NULLS LAST, id", "newest": "last_report DESC NULLS LAST, id"}


def stories_page(db: Database, q: str | None, since: dt.date | None, until: dt.date | None, min_articles: int,
                 order: str, limit: int, offset: int) -> dict[str, Any]:
    """Stories whose title holds ``q``, reported between ``since`` and ``until``, with at least ``min_articles``."""
    clauses: list[str] = ["articles >= ?"]
    params: list[Any] = [min_articles]
    if q:
        clauses.append("title ILIKE ? ESCAPE '\\'")
        params.append(like(q))
    if since:
        clauses.append("last_report >= ?")
        params.append(since)
    if until:
        clauses.append("first_report <= ?")
        params.append(until)
    where = " AND ".join(clauses)
    total = db.value(f"SELECT count(*) FROM stories WHERE {where}", params)
    items = db.rows(f"SELECT * FROM stories WHERE {where} ORDER BY {_ORDER[order]} LIMIT ? OFFSET ?",
                    [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def story_detail(db: Database, story: str, limit: int) -> dict[str, Any] | None:
    """One story: its row, its articles (earliest first, those of one day in write order), its instances (most
    reported first), its coverage."""
    rows = db.rows("SELECT * FROM stories WHERE id = ?", [story])
    if not rows:
        return None
    articles = db.rows(
        """SELECT id, title, site, url, published, duplicate_of, n_events FROM articles WHERE story = ?
           ORDER BY published NULLS LAST, batch, processed_at, id LIMIT ?""", [story, limit])
    instances = db.rows(
        """SELECT * FROM instances WHERE id IN (SELECT DISTINCT e.instance FROM events e JOIN articles a
                                                ON a.id = e.article_id WHERE a.story = ?)
           ORDER BY articles DESC, mentions DESC, day NULLS LAST, id LIMIT ?""", [story, limit])
    coverage = db.rows(
        """SELECT published AS day, count(*) AS articles, count(DISTINCT coalesce(site, id)) AS sources
           FROM articles WHERE story = ? AND published IS NOT NULL GROUP BY published ORDER BY published""", [story])
    return {**rows[0], "article_list": articles, "instance_list": instances, "coverage": coverage}


def instance_detail(db: Database, instance: str, limit: int) -> dict[str, Any] | None:
    """One real-world event: its row and its mentions, each with its article and evidence span."""
    rows = db.rows("SELECT * FROM instances WHERE id = ?", [instance])
    if not rows:
        return None

    def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return [tuple(row.values()) for row in db.rows(sql, params)]

    return {**rows[0], "mention_list": instance_mentions(fetch, instance, limit)}


def routes(app: FastAPI, db: Database) -> None:
    """Add the story and instance endpoints to ``app``."""

    @app.get("/api/stories", summary="Stories (one real-world incident each): most reported first, or newest")
    def stories(q: Annotated[str | None, Query(max_length=_MAX_TEXT)] = None,
                since: Annotated[dt.date | None, Query(description="YYYY-MM-DD")] = None,
                until: Annotated[dt.date | None, Query(description="YYYY-MM-DD")] = None,
                min_articles: Annotated[int, Query(ge=1)] = 1,
                order: Literal["articles", "newest"] = "articles",
                limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        return stories_page(db, q, since, until, min_articles, order, limit, offset)

    @app.get("/api/stories/{story}", summary="One story: its articles, its event instances, its coverage per day")
    def story(story: StoryId, limit: Members = 200) -> dict[str, Any]:
        found = story_detail(db, story, limit)
        if found is None:
            raise HTTPException(404, f"no story with id {story!r}")
        return found

    @app.get("/api/instances/{instance}",
             summary="One real-world event: its reports counted, and each mention with its article and evidence")
    def instance(instance: StoryId, limit: Members = 200) -> dict[str, Any]:
        found = instance_detail(db, instance, limit)
        if found is None:
            raise HTTPException(404, f"no instance with id {instance!r}")
        return found
