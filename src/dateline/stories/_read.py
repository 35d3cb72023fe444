"""What the stories step reads from the store: articles to link, their keys, candidates, event records.

Every query is parameterized and bounded by the chunk of articles being linked:
candidates come from the ``story_keys`` index (articles sharing a new
article's distinctive keys, published within the window); the event records
new ones may join, from the ``story_records`` index (:mod:`dateline.stories._records`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from dateline.stories._match import UNCOMPARED_KINDS, Mention, Party, compared, window
from dateline.stories._words import trigger_word

__all__ = ["EventRow", "Pending", "candidates", "chunk_mentions", "day_range", "df_counts", "mentions_where",
           "pending", "story_members", "story_of"]


@dataclass(frozen=True)
class Pending:
    """A stored article without a story yet, and what its keys are made of."""

    id: str
    title: str | None
    text: str
    language: str | None
    published: dt.date | None
    duplicate_of: str | None
    actors: tuple[tuple[str, int], ...] = ()
    """(actor key, where a mention starts), one per mention."""
    places: tuple[tuple[str, int], ...] = ()
    """(GeoNames id or name, where it starts), one per mention."""
    times: tuple[tuple[str, int], ...] = ()
    """(TIMEX3 value, where it starts)."""


def pending(con: duckdb.DuckDBPyConnection, limit: int, known: Collection[str] = ()) -> list[Pending]:
    """The next stored articles without a story, in the order they were stored (then by date and id); the
    actors (groups named by role left out, as the matcher leaves them out: "researchers", "police" say little
    of which incident), places and times of those not in ``known`` (articles whose keys are known already)."""
    rows = con.execute(
        """SELECT id, title, text, language, published, duplicate_of FROM articles WHERE story IS NULL
           ORDER BY batch, published NULLS LAST, id LIMIT ?""", [limit]).fetchall()
    ids = [r[0] for r in rows if r[0] not in known]
    actors = _grouped(con, "SELECT m.article_id, ac.key, m.start_char FROM mentions m JOIN actors ac "
                           "ON ac.article_id = m.article_id AND ac.id = m.actor_id WHERE m.article_id IN ({ids}) "
                           f"AND ac.kind NOT IN ({', '.join(repr(k) for k in sorted(UNCOMPARED_KINDS))}) "
                           "ORDER BY m.article_id, m.start_char, ac.key", ids)
    places = _grouped(con, "SELECT article_id, coalesce(CAST(geonames_id AS VARCHAR), lower(name)), start_char "
                           "FROM places WHERE article_id IN ({ids}) AND name IS NOT NULL "
                           "ORDER BY article_id, start_char", ids)
    times = _grouped(con, "SELECT article_id, value, start_char FROM times WHERE article_id IN ({ids}) "
                          "AND value IS NOT NULL AND type IN ('DATE', 'TIME') ORDER BY article_id, start_char", ids)
    return [Pending(id_, title, text, language, published, duplicate_of, actors=tuple(actors.get(id_, [])),
                    places=tuple(places.get(id_, [])), times=tuple(times.get(id_, [])))
            for id_, title, text, language, published, duplicate_of in rows]


def _grouped(con: duckdb.DuckDBPyConnection, sql: str, ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if not ids:
        return out
    for row in con.execute(sql.format(ids="SELECT unnest($1::VARCHAR[])"), [ids]).fetchall():
        out[row[0]].append(tuple(row[1:]))
    return out


def df_counts(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> dict[str, int]:
    """How many linked articles hold each of ``keys`` (absent keys: none)."""
    rows = con.execute("SELECT key, df FROM story_df WHERE key IN (SELECT unnest($1::VARCHAR[]))",
                       [sorted(set(keys))]).fetchall()
    return {k: int(n) for k, n in rows}


def candidates(con: duckdb.DuckDBPyConnection, queries: list[tuple[str, dt.date | None, dict[str, float]]],
               window_days: int, limit: int) -> dict[str, list[str]]:
    """For each (article, date, weighted keys): the stories of the linked articles sharing most of its key
    weight, at most ``limit`` articles, published within ``window_days`` of it (or undated, on either side)."""
    rows = [(a, day, k, w) for a, day, keys in queries for k, w in keys.items()]
    if not rows:
        return {}
    lo, hi = day_range([day for _, day, _ in queries], window_days)
    found = con.execute(
        """WITH q AS (SELECT unnest($1::VARCHAR[]) AS article_id, unnest($2::DATE[]) AS day,
                             unnest($3::VARCHAR[]) AS key, unnest($4::DOUBLE[]) AS weight)
           SELECT q.article_id, k.article_id AS other, sum(q.weight) AS shared, any_value(k.story) AS story
           FROM q JOIN story_keys k ON k.key = q.key
           WHERE (q.day IS NULL OR k.day IS NULL OR k.day BETWEEN q.day - $5::INTEGER AND q.day + $5::INTEGER)
             AND (k.day IS NULL OR $7::DATE IS NULL OR k.day BETWEEN $7::DATE AND $8::DATE)
           GROUP BY q.article_id, k.article_id
           QUALIFY row_number() OVER (PARTITION BY q.article_id ORDER BY shared DESC, other) <= $6""",
        [*map(list, zip(*rows, strict=True)), window_days, limit, lo, hi]).fetchall()
    out: dict[str, list[str]] = defaultdict(list)
    for article, _, _, story in found:
        if story not in out[article]:
            out[article].append(story)
    return out


def day_range(days: Sequence[dt.date | None], window_days: int) -> tuple[dt.date | None, dt.date | None]:
    """The days within ``window_days`` of any of ``days``; (None, None) when one of them is unknown (then an
    article may match any day). A constant range lets DuckDB skip the key index's row groups outside it, which in
    a store filled in order of publication is nearly all of them."""
    if not days or any(day is None for day in days):
        return None, None
    known = [day for day in days if day is not None]
    slack = dt.timedelta(days=window_days)
    return min(known) - slack, max(known) + slack


def story_members(con: duckdb.DuckDBPyConnection, stories: Sequence[str], limit: int,
                  days: tuple[dt.date | None, dt.date | None] = (None, None),
                  ) -> dict[str, list[tuple[dt.date | None, dict[str, float]]]]:
    """The date and stored keys of the members of these stories, the ``limit`` latest of each; only members
    published within ``days`` (or undated) when it is given."""
    rows = con.execute(
        """WITH m AS (SELECT DISTINCT story, article_id, day FROM story_keys
                      WHERE story IN (SELECT unnest($1::VARCHAR[]))
                        AND (day IS NULL OR $3::DATE IS NULL OR day BETWEEN $3::DATE AND $4::DATE)
                      QUALIFY row_number() OVER (PARTITION BY story ORDER BY day DESC NULLS LAST, article_id) <= $2)
           SELECT m.story, m.article_id, m.day, k.key, k.tf FROM m JOIN story_keys k ON k.article_id = m.article_id
           WHERE k.day IS NULL OR $3::DATE IS NULL OR k.day BETWEEN $3::DATE AND $4::DATE
           ORDER BY m.story, m.day NULLS LAST, m.article_id""", [list(stories), limit, *days]).fetchall()
    found: dict[str, dict[str, tuple[dt.date | None, dict[str, float]]]] = defaultdict(dict)
    for story, article, day, key, tf in rows:
        found[story].setdefault(article, (day, {}))[1][key] = tf
    return {story: list(members.values()) for story, members in found.items()}


def story_of(con: duckdb.DuckDBPyConnection, articles: Sequence[str]) -> dict[str, str]:
    """The story of each of these articles that has one."""
    rows = con.execute("SELECT id, story FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[])) "
                       "AND story IS NOT NULL", [list(articles)]).fetchall()
    return dict(rows)


#: Rows are found by one narrow column first, then read, as in :mod:`dateline.store._stories`: a filter through a
#: subquery otherwise reads every row of the events, participants and actors tables.
_MENTIONS = """
WITH sel AS (
    SELECT e.article_id, e.id, e.type, e.status, e.date_value, a.published, e.place_country,
           lower(e.trigger_text) AS word, a.story, e.instance, a.batch, a.processed_at, e.evidence_start,
           e.trigger_start, a.language
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.rowid IN (SELECT rowid FROM events WHERE {column} IN (SELECT unnest($1::VARCHAR[])))),
arts AS (SELECT DISTINCT article_id FROM sel),
parts AS (
    SELECT p.article_id, p.event_id,
           list(struct_pack(role := p.role, key := p.actor_key, country := ac.country, kind := ac.kind,
                               name := ac.name)
                ORDER BY p.role, p.actor_key) AS parties
    FROM (SELECT * FROM event_participants
          WHERE rowid IN (SELECT rowid FROM event_participants WHERE article_id IN (SELECT article_id FROM arts))) p
    JOIN sel ON sel.article_id = p.article_id AND sel.id = p.event_id
    LEFT JOIN (SELECT * FROM actors WHERE rowid IN (SELECT rowid FROM actors
                                                     WHERE article_id IN (SELECT article_id FROM arts))) ac
           ON ac.article_id = p.article_id AND ac.id = p.actor_id
    WHERE p.actor_key IS NOT NULL GROUP BY p.article_id, p.event_id)
SELECT sel.article_id, sel.id, sel.type, sel.status, sel.date_value, sel.published, sel.place_country, sel.word,
       sel.story, sel.instance, parts.parties, sel.language
FROM sel LEFT JOIN parts ON parts.article_id = sel.article_id AND parts.event_id = sel.id
ORDER BY sel.batch, sel.processed_at, sel.published NULLS LAST, sel.article_id, sel.evidence_start, sel.trigger_start,
         sel.id
"""


def mentions_where(con: duckdb.DuckDBPyConnection, column: Literal["article_id", "instance"], values: Sequence[str],
                   stories: dict[str, str] | None = None) -> list[tuple[Mention, str | None]]:
    """Event records whose ``column`` (their article, or their instance) is one of ``values`` as mentions, with
    their instance.

    ``stories`` gives the story of articles whose story is not stored yet (the chunk being linked).
    """
    out = []
    for row in con.execute(_MENTIONS.format(column=column), [list(values)]).fetchall():
        article, event, kind, status, value, published, country, word, story, instance, parties, language = row
        record = EventRow(article, event, kind, status, value, country, word, tuple(parties or ()))
        out.append((record.mention(published, language, story or (stories or {}).get(article)), instance))
    return out


@dataclass(frozen=True)
class EventRow:
    """What the matcher needs of one stored event record, as the events, participants and actors rows give it."""

    article: str
    event: str
    kind: str
    status: str
    date_value: str | None
    country: str | None
    trigger: str | None
    """The trigger's text, lower-cased."""
    parties: tuple[dict[str, Any], ...]
    """Its participants with an actor key: role, key, their actor's country, kind and name; by role, then key."""

    def mention(self, published: dt.date | None, language: str | None, story: str | None) -> Mention:
        """The record as the matcher compares it, in an article published on ``published``."""
        days, exact = window(self.date_value, published, self.status)
        sides: dict[str, list[Party]] = {"actor": [], "recipient": []}
        for p in self.parties:
            if compared(p["kind"], p.get("name")):
                sides[p["role"]].append(Party(p["key"], p["country"], p["kind"] == "country"))
        return Mention(self.article, self.event, self.kind, self.status, days, exact, self.country,
                       tuple(sides["actor"]), tuple(sides["recipient"]), trigger_word(self.trigger or "", language),
                       story)


def chunk_mentions(con: duckdb.DuckDBPyConnection, articles: Sequence[Pending], stories: dict[str, str],
                   known: Mapping[str, Sequence[EventRow]]) -> list[Mention]:
    """The event records of these articles (in linking order), in reading order; those of the articles in
    ``known`` (their records made ahead, in reading order) without reading them from the store."""
    if all(p.id in known for p in articles):
        return [row.mention(p.published, p.language, stories.get(p.id)) for p in articles for row in known[p.id]]
    found = mentions_where(con, "article_id", [p.id for p in articles], stories)
    return [m for m, _ in found]
