"""The index of linked event records (``story_records``): what the matcher compares, in linking order.

Every event record the stories step links gets one row, appended in the order
records are linked (``seq``), holding its :class:`~dateline.stories._match.Mention`
as the matcher compared it and the instance it got. New records find the
instances they may join here, not in the events table:

- the candidates are records of the same types whose days meet the days of
  some new record (``lo``/``hi``, widened by ``DATE_SLACK_DAYS``), in the same
  stories or dated to the same day with a party in common. A record whose days
  meet none is incompatible with every new one, so nothing is lost by leaving it
  out; as records are appended in linking order, and the store mostly in order of
  publication, the filter on days lets DuckDB skip the row groups of records
  linked long before instead of reading every row. A new record that happened
  on no day of its own meets every day (:func:`dateline.stories._match.window`),
  so a chunk with one reads the same-story records of every day: the filter on
  the stories then does the work;
- then every record of their instances, found from the first record of the
  oldest of them (``since``) on.

The dated lookups thus read the records of the last weeks, not the store. A store
upgraded from a version without the index (or whose linked records are not in
it) has it filled from its events once, at the next linking (:func:`fill`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb

from dateline.store._stories import PARTIES, UNKNOWN_DAYS
from dateline.stories._match import DATE_SLACK_DAYS, Mention, Party
from dateline.stories._read import mentions_where

__all__ = ["MISSING", "candidates", "fill", "write"]

#: meta key set when linked records are missing from the index (a store upgraded from version 4).
MISSING = "story_records_missing"
#: meta key holding the next ``seq``.
NEXT_SEQ = "story_records_seq"
#: Articles read at a time while filling the index from the events.
FILL_ARTICLES = 2048

_LOW, _HIGH = (dt.date.fromisoformat(d) for d in UNKNOWN_DAYS)
_COLUMNS = ("article_id, event_id, story, instance, since, type, status, lo, hi, exact, country, word, actors, "
            "recipients")


def _hull(mentions: Sequence[Mention]) -> tuple[dt.date, dt.date]:
    """The days any of ``mentions`` can meet: from the first day less the slack to the last day plus it."""
    if any(m.days is None for m in mentions):
        return _LOW, _HIGH
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    return (min(m.days[0] for m in mentions if m.days) - slack, max(m.days[1] for m in mentions if m.days) + slack)


def candidates(con: duckdb.DuckDBPyConnection, new: Sequence[Mention]) -> list[tuple[Mention, str, int]]:
    """Linked records that new ones may join (same type and days that meet, and the same story or a party in
    common on a day within a day of a record dated to the day), then every record of their instances, in
    linking order: (mention, instance, the ``seq`` of the instance's first record)."""
    if not new:
        return []
    lo, hi = _hull(new)
    types = sorted({m.kind for m in new})
    stories = sorted({m.story for m in new if m.story})
    found = dict(con.execute(
        """SELECT instance, min(since) FROM story_records
           WHERE hi >= $3 AND lo <= $4 AND type IN (SELECT unnest($1::VARCHAR[]))
             AND story IN (SELECT unnest($2::VARCHAR[])) GROUP BY instance""", [types, stories, lo, hi]).fetchall())
    exact = [(m.kind, p.key, m.days[0]) for m in new if m.exact and m.days for p in (*m.actors, *m.recipients)]
    if exact:
        found.update(con.execute(
            """WITH q AS (SELECT unnest($1::VARCHAR[]) AS type, unnest($2::VARCHAR[]) AS key,
                                 unnest($3::DATE[]) AS day)
               SELECT r.instance, min(r.since) FROM q
               JOIN (SELECT * FROM story_records WHERE exact AND hi >= $4 AND lo <= $5) r
                 ON r.type = q.type AND r.lo BETWEEN q.day - 1 AND q.day + 1
                AND list_contains(list_transform(list_concat(r.actors, r.recipients), lambda p: p.key), q.key)
               GROUP BY r.instance""", [*map(list, zip(*exact, strict=True)), lo, hi]).fetchall())
    if not found:
        return []
    rows = con.execute(
        f"""SELECT {_COLUMNS} FROM story_records
            WHERE seq >= $2 AND instance IN (SELECT unnest($1::VARCHAR[])) ORDER BY seq""",
        [sorted(found), min(found.values())]).fetchall()
    return [(_mention(row), row[3], row[4]) for row in rows]


def _mention(row: tuple[Any, ...]) -> Mention:
    article, event, story, _, _, kind, status, lo, hi, exact, country, word, actors, recipients = row
    days = None if (lo, hi) == (_LOW, _HIGH) else (lo, hi)
    return Mention(article, event, kind, status, days, exact, country, _parties(actors), _parties(recipients), word,
                   story)


def _parties(found: list[dict[str, Any]] | None) -> tuple[Party, ...]:
    return tuple(Party(p["key"], p["country"], p["is_country"]) for p in found or ())


def write(con: duckdb.DuckDBPyConnection, linked: Sequence[tuple[Mention, str]], since: dict[str, int]) -> None:
    """Append newly linked records (mention, instance) in linking order. ``since``: the first ``seq`` of the
    instances they joined that were linked before; an instance they start begins at its first record's."""
    if not linked:
        return
    row = con.execute("SELECT value FROM meta WHERE key = ?", [NEXT_SEQ]).fetchone()
    first = int(row[0]) if row else 0
    rows = []
    for seq, (m, instance) in enumerate(linked, start=first):
        since.setdefault(instance, seq)
        lo, hi = m.days or (_LOW, _HIGH)
        rows.append((seq, m.article, m.event, m.story, instance, since[instance], m.kind, m.status, lo, hi, m.exact,
                     m.country, m.word, [_party(p) for p in m.actors], [_party(p) for p in m.recipients]))
    con.execute(
        f"""INSERT INTO story_records SELECT unnest($1::BIGINT[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]),
               unnest($4::VARCHAR[]), unnest($5::VARCHAR[]), unnest($6::BIGINT[]), unnest($7::VARCHAR[]),
               unnest($8::VARCHAR[]), unnest($9::DATE[]), unnest($10::DATE[]), unnest($11::BOOLEAN[]),
               unnest($12::VARCHAR[]), unnest($13::VARCHAR[]), unnest($14::{PARTIES}[]),
               unnest($15::{PARTIES}[])""",
        [list(column) for column in zip(*rows, strict=True)])
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [NEXT_SEQ, str(first + len(rows))])


def _party(party: Party) -> dict[str, Any]:
    return {"key": party.key, "country": party.country, "is_country": party.is_country}


def fill(con: duckdb.DuckDBPyConnection) -> int:
    """Index the linked records of a store whose index lacks them (see :data:`MISSING`), in linking order, inside
    the caller's transaction; the number indexed (0 when nothing was missing)."""
    if con.execute("SELECT 1 FROM meta WHERE key = ?", [MISSING]).fetchone() is None:
        return 0
    con.execute("DELETE FROM story_records")
    con.execute("DELETE FROM meta WHERE key = ?", [NEXT_SEQ])
    articles = [r[0] for r in con.execute(
        """SELECT id FROM articles WHERE story IS NOT NULL AND duplicate_of IS NULL
           ORDER BY batch, processed_at, published NULLS LAST, id""").fetchall()]
    since: dict[str, int] = {}
    done = 0
    for first in range(0, len(articles), FILL_ARTICLES):
        found = mentions_where(con, "article_id", articles[first:first + FILL_ARTICLES])
        linked = [(m, i) for m, i in found if i is not None]
        write(con, linked, since)
        done += len(linked)
    con.execute("DELETE FROM meta WHERE key = ?", [MISSING])
    return done
