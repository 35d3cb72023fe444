"""Queries over articles, actors and quotes for the web app (parameterized SQL only)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateline.serve._db import Database, Row, like
from dateline.serve._events import EventFilter, events_page, timeline
from dateline.store._schema import query_terms, quote_filter

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
    if start + SNIPPET_CHARS < len(text) and piece.rfind(" ") > SNIPPET_CHARS * 3 // 4:
        piece = piece[:piece.rfind(" ")]  # end on a whole word
    hits = [[m.start(), m.end()] for m in pattern.finditer(piece)] if pattern else []
    more = start + SNIPPET_CHARS < len(text)
    return {"text": piece, "hits": hits, "truncated_start": start > 0, "truncated_end": more}


def articles_page(db: Database, q: str | None, since: dt.date | None, until: dt.date | None, site: str | None,
                  limit: int, offset: int) -> dict[str, Any]:
    """Articles matching every word of ``q`` (and each "quoted phrase"), newest first.

    A word longer than the word index keeps (:data:`~dateline.store._schema.MAX_TERM_LENGTH`) is sought in the
    text like a phrase; a ``q`` with nothing to seek (``***``) matches no article, rather than every one.
    """
    clauses, params = ["TRUE"], []
    words, longer = query_terms(q or "")
    phrases = [p.strip().casefold() for p in _PHRASE.findall(q or "") if p.strip()]
    phrases += sorted(longer)
    if (q or "").strip() and not words and not phrases:
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    if words:
        clauses.append("""a.id IN (SELECT article_id FROM term_index WHERE term IN (SELECT unnest(?::VARCHAR[]))
                          GROUP BY article_id HAVING count(*) = ?)""")
        params += [sorted(words), len(words)]
    for clause, value in (("a.published >= ?", since), ("a.published <= ?", until), ("a.site = ?", site)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    where = " AND ".join(clauses)
    if phrases:
        total, ids = _phrase_page(db, where, params, phrases, limit, offset)
        where, params, skip = "list_contains(?, a.id)", [ids], 0
    else:
        skip = offset
        total = int(db.value(f"SELECT count(*) FROM article_list a WHERE {where}", params) or 0)
    rows = db.rows(
        f"""SELECT a.id, a.title, a.site, a.url, a.published, a.authors, a.n_actors, a.n_events, a.n_quotes,
                   a.text FROM article_list a WHERE {where}
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
        [*params, limit, skip],
    )
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), words)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def _phrase_page(db: Database, where: str, params: list[Any], phrases: list[str],
                 limit: int, offset: int) -> tuple[int, list[str]]:
    """The number of articles holding every phrase, and the ids of one page of them.

    The word index has already narrowed the candidates to articles holding every
    word; the phrases are checked here, in Python, which is several times faster
    than DuckDB's ILIKE on long non-ASCII text.
    """
    found = [
        row["id"]
        for row in db.rows(
            f"SELECT a.id, a.title, a.text FROM article_list a WHERE {where} "
            "ORDER BY a.published DESC NULLS LAST, a.id",
            params,
        )
        if all(p in row["text"].casefold() or p in (row["title"] or "").casefold() for p in phrases)
    ]
    return len(found), found[offset:offset + limit]


def quotes_page(db: Database, speaker: str | None, q: str | None, article: str | None,
                limit: int, offset: int, kind: str | None = None, nested: bool = True) -> dict[str, Any]:
    """Quotes, filtered by speaker (key, actor id or name), words in the quote and kind (speech, stance or act);
    without the quotes that lie inside a longer one of the same speaker unless ``nested``."""
    clauses, params = quote_filter(speaker, kind, q, name_column="qu.speaker_name")
    if not nested:
        clauses.append("NOT qu.nested")
    if article:
        clauses.append("qu.article_id = ?")
        params.append(article)
    where = " AND ".join(clauses)
    total = db.value(f"SELECT count(*) FROM quote_list qu WHERE {where}", params)
    rows = db.rows(
        f"""SELECT qu.article_id, qu.id, qu.speaker, qu.speaker_key, qu.speaker_name, qu.speaker_text,
                   qu.cue, qu.text, qu.start_char AS start, qu.end_char AS "end", qu.direct, qu.kind, qu.negated,
                   qu.article_title, qu.article_published
            FROM quote_list qu WHERE {where}
            ORDER BY qu.article_published DESC NULLS LAST, qu.article_id, qu.start_char LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return {"total": int(total or 0), "limit": limit, "offset": offset, "items": rows}


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
    where = " AND ".join(clauses)
    total = db.value(f"SELECT count(*) FROM actor_summary WHERE {where}", params)
    rows = db.rows(
        f"""SELECT * FROM actor_summary WHERE {where}
            ORDER BY events DESC, articles DESC, key LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return {"total": int(total or 0), "limit": limit, "offset": offset, "items": rows}


def actor_detail(db: Database, key_or_id: str, limit: int) -> dict[str, Any] | None:
    """One actor across articles: profile, events, quotes, counterparts and events over time."""
    key = db.value("SELECT key FROM actors WHERE key = ? OR id = ? ORDER BY key = ? DESC LIMIT 1",
                   [key_or_id, key_or_id, key_or_id])
    if key is None:
        return None
    found = db.rows("SELECT * FROM actor_summary WHERE key = ?", [key])
    profile = found[0] if found else {"key": key}
    profile["names"] = [r["name"] for r in db.rows(
        "SELECT name, count(*) AS n FROM actors WHERE key = ? GROUP BY name ORDER BY n DESC, name LIMIT 10", [key])]
    where = EventFilter(actor=key)
    total, events = events_page(db, where, limit, 0)
    return {
        "actor": profile,
        "events_total": total,
        "events": events,
        "timeline": timeline(db, where, "month"),
        "quotes": quotes_page(db, key, None, None, limit, 0, nested=False)["items"],
        "counterparts": counterparts(db, key, limit),
    }


def counterparts(db: Database, key: str, limit: int) -> list[Row]:
    """The actors sharing events with ``key``, most shared first, split into cooperation and conflict."""
    return db.rows(
        """WITH mine AS (SELECT DISTINCT article_id, event_id FROM participants WHERE actor_key = ?),
                shared AS (SELECT DISTINCT p.actor_key AS key, p.article_id, p.event_id, p.quad
                           FROM participants p JOIN mine USING (article_id, event_id)
                           WHERE p.actor_key <> ?)
           SELECT s.key, a.name, a.country, count(*) AS events,
                  count(*) FILTER (WHERE s.quad IN (1, 2)) AS cooperation,
                  count(*) FILTER (WHERE s.quad IN (3, 4)) AS conflict
           FROM shared s JOIN actor_summary a USING (key)
           GROUP BY ALL ORDER BY events DESC, s.key LIMIT ?""",
        [key, key, limit],
    )
