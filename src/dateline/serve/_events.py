"""Queries over events: the filtered list, the timeline, and the actor network.

Every value a user gives travels as a query parameter; only fixed SQL
fragments chosen by this module are pasted into statements.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dateline.serve._db import Database, Row, like

__all__ = ["EventFilter", "events_page", "network", "participants", "timeline"]

#: Fixed ``date_trunc`` units a timeline may be bucketed by.
BUCKETS = ("day", "week", "month", "year")

_EVENT_COLUMNS = """
    e.article_id, e.id, e.type, e.mode, e.status, e.quad, e.intensity, e.confidence, e.day,
    e.date_value, e.date_text, e.place_name, e.place_country, e.place_lat, e.place_lon,
    e.trigger_start, e.trigger_end, e.trigger_text, e.evidence_start, e.evidence_end, e.evidence_text,
    ar.title AS article_title, ar.published AS article_published
"""

_PARTICIPANT = """EXISTS (
    SELECT 1 FROM event_participants p JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id
    WHERE p.article_id = e.article_id AND p.event_id = e.id AND ({condition}))"""


@dataclass(frozen=True)
class EventFilter:
    """What the user asked events to match; None means any."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    quad: int | None = None
    status: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e`` and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        for column, value in (("e.type", self.type), ("e.quad", self.quad), ("e.status", self.status),
                              ("e.article_id", self.article)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.since is not None:
            clauses.append("e.day >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("e.day <= ?")
            params.append(self.until)
        if self.place:
            clauses.append("(e.place_name ILIKE ? ESCAPE '\\' OR e.place_country = upper(?))")
            params += [like(self.place), self.place]
        if self.actor:
            clauses.append(_PARTICIPANT.format(condition="a.key = ? OR a.id = ? OR a.name ILIKE ? ESCAPE '\\'"))
            params += [self.actor, self.actor, like(self.actor)]
        if self.country:
            clauses.append(_PARTICIPANT.format(condition="a.country = upper(?)"))
            params.append(self.country)
        return " AND ".join(clauses), params


def participants(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, list[Row]]]:
    """The actors and recipients of the given (article id, event id) pairs, with their names."""
    if not keys:
        return {}
    rows = db.rows(
        """SELECT p.article_id, p.event_id, p.role, p.actor_id AS id, p.actor_key AS key, a.name, a.country, a.sector
           FROM event_participants p LEFT JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id
           WHERE p.article_id IN (SELECT unnest(?::VARCHAR[]))""",
        [sorted({article for article, _ in keys})],
    )
    wanted = set(keys)
    found: dict[tuple[str, str], dict[str, list[Row]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    for row in rows:
        key = (row.pop("article_id"), row.pop("event_id"))
        if key in wanted:
            found[key][row.pop("role")].append(row)
    return found


def _shape(row: Row, people: dict[str, list[Row]]) -> Row:
    span = {name: {"start": row.pop(f"{name}_start"), "end": row.pop(f"{name}_end"), "text": row.pop(f"{name}_text")}
            for name in ("trigger", "evidence")}
    return {**row, **span, "actors": people["actor"], "recipients": people["recipient"]}


def events_page(db: Database, where: EventFilter, limit: int, offset: int) -> tuple[int, list[Row]]:
    """The total number of matching events and one page of them, newest first."""
    clause, params = where.where()
    total = db.value(f"SELECT count(*) FROM events e WHERE {clause}", params)
    rows = db.rows(
        f"""SELECT {_EVENT_COLUMNS} FROM events e JOIN articles ar ON ar.id = e.article_id WHERE {clause}
            ORDER BY e.day DESC NULLS LAST, e.article_id, e.trigger_start, e.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    people = participants(db, [(r["article_id"], r["id"]) for r in rows])
    empty: dict[str, list[Row]] = {"actor": [], "recipient": []}
    return int(total or 0), [_shape(r, people.get((r["article_id"], r["id"]), empty)) for r in rows]


def timeline(db: Database, where: EventFilter, bucket: str) -> list[Row]:
    """Events counted per period and quad class."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}")
    clause, params = where.where()
    return db.rows(
        f"""SELECT CAST(date_trunc('{bucket}', e.day) AS DATE) AS period, e.quad, count(*) AS events
            FROM events e WHERE {clause} AND e.day IS NOT NULL GROUP BY ALL ORDER BY period, e.quad""",
        params,
    )


def network(db: Database, where: EventFilter, max_edges: int) -> dict[str, list[Row]]:
    """Who acts toward whom: directed edges actor -> recipient (co-actors of a meeting, both ways once).

    ``events`` is the edge weight; ``cooperation`` counts quad classes 1-2, ``conflict`` 3-4.
    """
    clause, params = where.where()
    edges = db.rows(
        f"""WITH ev AS (SELECT e.article_id, e.id, e.quad FROM events e WHERE {clause}),
            pp AS (SELECT p.article_id, p.event_id, p.actor_key, p.role, ev.quad FROM event_participants p
                   JOIN ev ON ev.article_id = p.article_id AND ev.id = p.event_id WHERE p.actor_key IS NOT NULL)
            SELECT s.actor_key AS source, t.actor_key AS target, count(*) AS events,
                   count(*) FILTER (WHERE s.quad IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE s.quad IN (3, 4)) AS conflict
            FROM pp s JOIN pp t ON s.article_id = t.article_id AND s.event_id = t.event_id
            WHERE s.role = 'actor' AND s.actor_key <> t.actor_key
              AND (t.role = 'recipient' OR s.actor_key < t.actor_key)
            GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?""",
        [*params, max_edges],
    )
    keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = db.rows(
        """SELECT key, mode(name) AS name, any_value(country) AS country, any_value(kind) AS kind
           FROM actors WHERE key IN (SELECT unnest(?::VARCHAR[])) GROUP BY key ORDER BY key""",
        [keys],
    ) if keys else []
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        weight[edge["source"]] += edge["events"]
        weight[edge["target"]] += edge["events"]
    return {"nodes": [{**n, "events": weight[n["key"]]} for n in nodes], "edges": edges}
