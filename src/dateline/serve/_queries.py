"""Queries over articles, actors and quotes for the web app (parameterized SQL only)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateline._store_schema import terms
from dateline.serve._db import Database, Row, like
from dateline.serve._events import EventFilter, events_page, timeline

__all__ = ["actor_detail", "actors_page", "articles_page", "quotes_page", "snippet"]

#: Characters of article text shown around the first search hit.
SNIPPET_CHARS = 240
_PHRASE = re.compile(r'"([^"]+)"')


def snippet(text: str, words: set[str]) -> dict[str, Any]:
    """A stretch of ``text`` around the first of ``words``, with the [start, end) of each hit inside it."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = 0 if first is None else max(0, first.start() - SNIPPET_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    piece = text[start:start + SNIPPET_CHARS]
    hits = [[m.start(), m.end()] for m in pattern.finditer(piece)] if pattern else []
    more = start + SNIPPET_CHARS < len(text)
    return {"text": piece, "hits": hits, "truncated_start": start > 0, "truncated_end": more}


def articles_page(db: Database, q: str | None, since: dt.date | None, until: dt.date | None, site: str | None,
                  limit: int, offset: int) -> dict[str, Any]:
    """Articles matching every word of ``q`` (and each "quoted phrase"), newest first."""
    clauses, params = ["TRUE"], []
    words = terms(q or "")
    if words:
        clauses.append("""a.id IN (SELECT article_id FROM terms WHERE term IN (SELECT unnest(?::VARCHAR[]))
                          GROUP BY article_id HAVING count(*) = ?)""")
        params += [sorted(words), len(words)]
    for phrase in _PHRASE.findall(q or ""):
        clauses.append("(a.text ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\')")
        params += [like(phrase.strip()), like(phrase.strip())]
    for clause, value in (("a.published >= ?", since), ("a.published <= ?", until), ("a.site = ?", site)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    where = " AND ".join(clauses)
    total = db.value(f"SELECT count(*) FROM articles a WHERE {where}", params)
    rows = db.rows(
        f"""SELECT a.id, a.title, a.site, a.url, a.published, a.authors, a.n_actors, a.n_events, a.n_quotes,
                   a.text FROM articles a WHERE {where}
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), words)
    return {"total": int(total or 0), "limit": limit, "offset": offset, "items": rows}


def quotes_page(db: Database, speaker: str | None, q: str | None, article: str | None,
                limit: int, offset: int) -> dict[str, Any]:
    """Quotes, filtered by speaker (key, actor id or name) and words in the quote."""
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append("(qu.speaker_key = ? OR qu.speaker = ? OR ac.name ILIKE ? ESCAPE '\\' "
                       "OR qu.speaker_text ILIKE ? ESCAPE '\\')")
        params += [speaker, speaker, like(speaker), like(speaker)]
    if q:
        clauses.append("qu.text ILIKE ? ESCAPE '\\'")
        params.append(like(q))
    if article:
        clauses.append("qu.article_id = ?")
        params.append(article)
    base = f"""FROM quotes qu LEFT JOIN actors ac ON ac.article_id = qu.article_id AND ac.id = qu.speaker
               JOIN articles ar ON ar.id = qu.article_id WHERE {' AND '.join(clauses)}"""
    total = db.value(f"SELECT count(*) {base}", params)
    rows = db.rows(
        f"""SELECT qu.article_id, qu.id, qu.speaker, qu.speaker_key, ac.name AS speaker_name, qu.speaker_text,
                   qu.cue, qu.text, qu.start_char AS start, qu.end_char AS "end", qu.direct,
                   ar.title AS article_title, ar.published AS article_published
            {base} ORDER BY ar.published DESC NULLS LAST, qu.article_id, qu.start_char LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return {"total": int(total or 0), "limit": limit, "offset": offset, "items": rows}


_ACTOR_AGGREGATE = """
    WITH ac AS (SELECT key, mode(name) AS name, mode(kind) AS kind, any_value(country) AS country,
                       mode(sector) AS sector, mode(title) AS title, count(DISTINCT article_id) AS articles,
                       sum(n_mentions) AS mentions
                FROM actors WHERE {where} GROUP BY key),
         ev AS (SELECT actor_key AS key, count(DISTINCT (article_id, event_id)) AS events FROM event_participants
                WHERE actor_key IN (SELECT key FROM ac) GROUP BY 1),
         qu AS (SELECT speaker_key AS key, count(*) AS quotes FROM quotes
                WHERE speaker_key IN (SELECT key FROM ac) GROUP BY 1)
"""


def actors_page(db: Database, q: str | None, country: str | None, sector: str | None,
                limit: int, offset: int) -> dict[str, Any]:
    """Actors grouped across articles (by name and country), with event and quote counts; busiest first."""
    clauses, params = ["TRUE"], []
    if q:
        clauses.append("(name ILIKE ? ESCAPE '\\' OR key = ?)")
        params += [like(q), q]
    for column, value in (("country", country), ("sector", sector)):
        if value:
            clauses.append(f"{column} = upper(?)")
            params.append(value)
    sql = _ACTOR_AGGREGATE.format(where=" AND ".join(clauses))
    total = db.value(sql + "SELECT count(*) FROM ac", params)
    rows = db.rows(
        sql + """SELECT ac.*, coalesce(ev.events, 0) AS events, coalesce(qu.quotes, 0) AS quotes
                 FROM ac LEFT JOIN ev USING (key) LEFT JOIN qu USING (key)
                 ORDER BY events DESC, articles DESC, ac.key LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return {"total": int(total or 0), "limit": limit, "offset": offset, "items": rows}


def actor_detail(db: Database, key_or_id: str, limit: int) -> dict[str, Any] | None:
    """One actor across articles: profile, events, quotes, counterparts and events over time."""
    key = db.value("SELECT key FROM actors WHERE key = ? OR id = ? ORDER BY key = ? DESC LIMIT 1",
                   [key_or_id, key_or_id, key_or_id])
    if key is None:
        return None
    found = actors_page(db, key, None, None, 1, 0)["items"]
    profile = next((a for a in found if a["key"] == key), {"key": key})
    profile["names"] = [r["name"] for r in db.rows(
        "SELECT name, count(*) AS n FROM actors WHERE key = ? GROUP BY name ORDER BY n DESC, name LIMIT 10", [key])]
    where = EventFilter(actor=key)
    total, events = events_page(db, where, limit, 0)
    return {
        "actor": profile,
        "events_total": total,
        "events": events,
        "timeline": timeline(db, where, "month"),
        "quotes": quotes_page(db, key, None, None, limit, 0)["items"],
        "counterparts": counterparts(db, key, limit),
    }


def counterparts(db: Database, key: str, limit: int) -> list[Row]:
    """The actors sharing events with ``key``, most shared first, split into cooperation and conflict."""
    return db.rows(
        """WITH mine AS (SELECT article_id, event_id FROM event_participants WHERE actor_key = ?)
           SELECT p.actor_key AS key, mode(a.name) AS name, any_value(a.country) AS country,
                  count(DISTINCT (p.article_id, p.event_id)) AS events,
                  count(DISTINCT (p.article_id, p.event_id)) FILTER (WHERE e.quad IN (1, 2)) AS cooperation,
                  count(DISTINCT (p.article_id, p.event_id)) FILTER (WHERE e.quad IN (3, 4)) AS conflict
           FROM event_participants p JOIN mine USING (article_id, event_id)
           JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id
           JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id
           WHERE p.actor_key <> ? GROUP BY p.actor_key ORDER BY events DESC, key LIMIT ?""",
        [key, key, limit],
    )
