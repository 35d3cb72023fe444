"""The store's story tables: stories, event instances, and the index the stories step links new articles with.

:mod:`dateline.stories` gives each stored article a ``story`` (``articles.story``)
and each event record an ``instance`` (``events.instance``). Beside them:

- ``stories``: one row per story with its first article's title, its articles
  (near-duplicates included) and distinct sources, first and last report;
- ``instances``: one row per real-world event with its type, status, date,
  place and participants, the number of records (``mentions``), articles and
  sources that report it, first and last report. Its mentions, each with its
  article and evidence span, are the ``events`` rows with that ``instance``
  (:func:`instance_mentions`);
- ``story_keys`` and ``story_df``: what the stories step compares articles by
  (an article's most distinctive words and names, with their counts) and how
  many linked articles hold each key; an index, not exported;
- ``story_records``: what the stories step compares event records by, one row
  per linked record in linking order, with its instance; an index, not exported.

Both summary tables are kept by :func:`refresh` for the stories and instances
that a write touched, in the same transaction. Its queries find the rows they
need by a narrow column first and read the wide ones (texts, contracts,
evidence) of those rows only (``rowid IN (SELECT rowid ...)``): a filter through
a subquery otherwise reads every row's wide columns, whatever the store's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

__all__ = ["MENTION_COLUMNS", "PARTIES", "STORY_TABLES", "UNKNOWN_DAYS", "DerivedTable", "instance_mentions", "refresh",
           "touched_by"]


@dataclass(frozen=True)
class DerivedTable:
    """A table filled from the others (not from one article's records): its columns and constraints."""

    name: str
    columns: tuple[tuple[str, str], ...]
    """(name, DuckDB type) of each column."""
    constraints: str = ""
    """Table constraints, pasted after the columns (PRIMARY KEY ...)."""


STORIES = DerivedTable("stories", (
    ("id", "VARCHAR"), ("title", "VARCHAR"), ("first_article", "VARCHAR"), ("articles", "INTEGER"),
    ("sources", "INTEGER"), ("first_report", "DATE"), ("last_report", "DATE"), ("events", "INTEGER"),
    ("instances", "INTEGER"), ("first_batch", "BIGINT"), ("last_batch", "BIGINT"),
))
INSTANCES = DerivedTable("instances", (
    ("id", "VARCHAR"), ("story", "VARCHAR"), ("type", "VARCHAR"), ("status", "VARCHAR"), ("quad", "INTEGER"),
    ("date_value", "VARCHAR"), ("day", "DATE"), ("place_name", "VARCHAR"), ("place_country", "VARCHAR"),
    ("actors", "VARCHAR[]"), ("recipients", "VARCHAR[]"), ("mentions", "INTEGER"), ("articles", "INTEGER"),
    ("sources", "INTEGER"), ("first_report", "DATE"), ("last_report", "DATE"), ("first_batch", "BIGINT"),
    ("last_batch", "BIGINT"),
))
KEYS = DerivedTable("story_keys", (
    ("article_id", "VARCHAR"), ("story", "VARCHAR"), ("day", "DATE"), ("key", "VARCHAR"), ("tf", "DOUBLE"),
))
DF = DerivedTable("story_df", (("key", "VARCHAR"), ("df", "INTEGER")), "PRIMARY KEY (key)")
#: The type of a linked record's actors or recipients in ``story_records``: each party's key, country and
#: whether it is a country.
PARTIES = "STRUCT(key VARCHAR, country VARCHAR, is_country BOOLEAN)[]"
#: One row per linked event record, appended in the order records are linked (``seq``): what the matcher
#: compares (:class:`dateline.stories._match.Mention`) and the instance it got. ``lo``/``hi`` are the days the
#: event can fall on (:data:`UNKNOWN_DAYS` when nothing is known), ``since`` the ``seq`` of its instance's first
#: record; written in linking order, both let DuckDB skip the row groups of records linked long before.
RECORDS = DerivedTable("story_records", (
    ("seq", "BIGINT"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("story", "VARCHAR"),
    ("instance", "VARCHAR"), ("since", "BIGINT"), ("type", "VARCHAR"), ("status", "VARCHAR"), ("lo", "DATE"),
    ("hi", "DATE"), ("exact", "BOOLEAN"), ("country", "VARCHAR"), ("word", "VARCHAR"),
    ("actors", PARTIES), ("recipients", PARTIES),
))
#: ``lo``/``hi`` of a record whose days are unknown (undated, in an undated article): it meets every day.
UNKNOWN_DAYS = ("0001-01-01", "9999-12-31")

#: The derived tables, in the order they are created (the first two are exported).
STORY_TABLES: tuple[DerivedTable, ...] = (STORIES, INSTANCES, KEYS, DF, RECORDS)

#: An article's source for counting distinct sources: its site, else the article itself.
_SOURCE = "coalesce({a}.site, 'article:' || {a}.id)"

_REFRESH_STORIES = f"""
INSERT INTO stories
WITH members AS (SELECT * FROM articles
                 WHERE rowid IN (SELECT rowid FROM articles WHERE story IN (SELECT unnest($1::VARCHAR[])))),
     counted AS (SELECT a.story, count(*) AS events, count(DISTINCT e.instance) AS instances
                 FROM members a JOIN events e ON e.article_id = a.id GROUP BY a.story)
SELECT m.story,
       first(coalesce(m.title, left(split_part(m.text, chr(10), 1), 160))
             ORDER BY m.batch, m.processed_at, m.published NULLS LAST, m.id),
       first(m.id ORDER BY m.batch, m.processed_at, m.published NULLS LAST, m.id),
       count(*), count(DISTINCT {_SOURCE.format(a="m")}), min(m.published), max(m.published),
       coalesce(any_value(c.events), 0), coalesce(any_value(c.instances), 0), min(m.batch), max(m.batch)
FROM members m LEFT JOIN counted c ON c.story = m.story
GROUP BY m.story
"""

_REFRESH_INSTANCES = """
INSERT INTO instances
WITH m AS (SELECT e.*, a.story, a.published, a.site, a.batch FROM events e JOIN articles a ON a.id = e.article_id
           WHERE e.rowid IN (SELECT rowid FROM events WHERE instance IN (SELECT unnest($1::VARCHAR[])))),
     reports AS (SELECT m.instance, m.article_id AS id, m.site, m.published, m.batch FROM m
                 UNION SELECT m.instance, d.id, d.site, d.published, d.batch
                       FROM m JOIN articles d ON d.duplicate_of = m.article_id),
     counted AS (SELECT instance, count(DISTINCT id) AS articles,
                        count(DISTINCT coalesce(site, 'article:' || id)) AS sources,
                        min(published) AS first_report, max(published) AS last_report,
                        min(batch) AS first_batch, max(batch) AS last_batch
                 FROM reports GROUP BY instance),
     parties AS (SELECT m.instance,
                        list(DISTINCT p.actor_key ORDER BY p.actor_key) FILTER (WHERE p.role = 'actor') AS actors,
                        list(DISTINCT p.actor_key ORDER BY p.actor_key) FILTER (WHERE p.role = 'recipient')
                            AS recipients
                 FROM m JOIN event_participants p ON p.article_id = m.article_id AND p.event_id = m.id
                 WHERE p.actor_key IS NOT NULL GROUP BY m.instance)
SELECT m.instance,
       first(m.story ORDER BY m.published NULLS LAST, m.article_id, m.id),
       first(m.type ORDER BY m.published NULLS LAST, m.article_id, m.id),
       first(m.status ORDER BY m.published NULLS LAST, m.article_id, m.id),
       first(m.quad ORDER BY m.published NULLS LAST, m.article_id, m.id),
       first(m.date_value ORDER BY length(m.date_value) DESC, m.date_value) FILTER (WHERE m.date_value IS NOT NULL),
       coalesce(min(TRY_CAST(m.date_value AS DATE)), min(m.day)),
       first(m.place_name ORDER BY m.published NULLS LAST, m.article_id, m.id) FILTER (WHERE m.place_name IS NOT NULL),
       first(m.place_country ORDER BY m.published NULLS LAST, m.article_id, m.id)
           FILTER (WHERE m.place_country IS NOT NULL),
       coalesce(any_value(pa.actors), []), coalesce(any_value(pa.recipients), []),
       count(*), any_value(c.articles), any_value(c.sources), any_value(c.first_report), any_value(c.last_report),
       any_value(c.first_batch), any_value(c.last_batch)
FROM m JOIN counted c ON c.instance = m.instance LEFT JOIN parties pa ON pa.instance = m.instance
GROUP BY m.instance
"""


def refresh(con: duckdb.DuckDBPyConnection, stories: Iterable[str], instances: Iterable[str]) -> None:
    """Recompute the ``stories`` and ``instances`` rows of these ids from the articles and events (inside the
    caller's transaction); an id no article or event has any more loses its row."""
    for table, ids, insert in (("stories", stories, _REFRESH_STORIES), ("instances", instances, _REFRESH_INSTANCES)):
        wanted = sorted({i for i in ids if i})
        if not wanted:
            continue
        con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
        con.execute(insert, [wanted])


def touched_by(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """The stories and instances that these articles (or the articles they duplicate) belong to."""
    stories = con.execute(
        "SELECT DISTINCT story FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[])) AND story IS NOT NULL",
        [list(article_ids)]).fetchall()
    instances = con.execute(
        """SELECT DISTINCT e.instance FROM events e JOIN articles a ON e.article_id = coalesce(a.duplicate_of, a.id)
           WHERE a.id IN (SELECT unnest($1::VARCHAR[])) AND e.instance IS NOT NULL""",
        [list(article_ids)]).fetchall()
    return [r[0] for r in stories], [r[0] for r in instances]


#: Columns of one mention of an instance, in order.
MENTION_COLUMNS = ("article_id", "event_id", "title", "site", "url", "published", "status", "date_value",
                   "trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end", "evidence_text")


def instance_mentions(fetch: Any, instance: str, limit: int) -> list[dict[str, Any]]:
    """The mentions of an instance, earliest report first: each record with its article and evidence span.

    ``fetch(sql, params)`` runs a query over the store's tables (or views of the same names).
    """
    rows = fetch(
        """SELECT e.article_id, e.id, a.title, a.site, a.url, a.published, e.status, e.date_value,
                  e.trigger_start, e.trigger_end, e.trigger_text, e.evidence_start, e.evidence_end, e.evidence_text
           FROM events e JOIN articles a ON a.id = e.article_id WHERE e.instance = ?
           ORDER BY a.published NULLS LAST, e.article_id, e.evidence_start, e.id LIMIT ?""",
        [instance, limit])
    return [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in rows]
