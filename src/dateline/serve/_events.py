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
    e.article_id, e.id, e.type, e.mode, e.status, e.quad, e.intensity, e.confidence,
    e.date_value, e.date_text, e.date_start, e.date_end, e.date_precision,
    e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_within,
    e.trigger_start, e.trigger_end, e.trigger_text, e.evidence_start, e.evidence_end, e.evidence_text,
    e.article_title, e.article_published
"""

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
        # An event matches a date range when every day its own date names lies inside it.
        if self.since is not None:
            clauses.append("e.date_start >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("e.date_end <= ?")
            params.append(self.until)
        if self.place:
            clauses.append("(e.place_name ILIKE ? ESCAPE '\\' OR e.place_country = upper(?))")
            params += [like(self.place), self.place]
        if self.actor:
            clauses.append("(list_contains(e.actor_keys, ?) OR list_contains(e.actor_ids, ?) "
                           "OR e.actor_names LIKE lower(?) ESCAPE '\\')")
            params += [self.actor, self.actor, like(self.actor)]
        if self.country:
            clauses.append("list_contains(e.countries, upper(?))")
            params.append(self.country)
        return " AND ".join(clauses), params


def participants(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, list[Row]]]:
    """The actors and recipients of the given (article id, event id) pairs, with their names."""
    if not keys:
        return {}
    rows = db.rows(
        """SELECT article_id, event_id, role, actor_id AS id, actor_key AS key, name, country, sector
           FROM participants WHERE article_id IN (SELECT unnest(?::VARCHAR[]))""",
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
    total = db.value(f"SELECT count(*) FROM event_list e WHERE {clause}", params)
    rows = db.rows(
        f"""SELECT {_EVENT_COLUMNS} FROM event_list e WHERE {clause}
            ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.trigger_start, e.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    people = participants(db, [(r["article_id"], r["id"]) for r in rows])
    empty: dict[str, list[Row]] = {"actor": [], "recipient": []}
    return int(total or 0), [_shape(r, people.get((r["article_id"], r["id"]), empty)) for r in rows]


def timeline(db: Database, where: EventFilter, bucket: str) -> dict[str, Any]:
    """Events counted per period and quad class, by each event's own date.

    An event is drawn in a period only when its whole date lies inside it: in a
    month view, an event dated only to a year is not put in any month but
    counted under ``coarser`` (by precision); ``undated`` counts events whose
    text gives no date (they are never placed at their publication date).
    """
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}")
    clause, params = where.where()
    fits = f"date_trunc('{bucket}', e.date_start) = date_trunc('{bucket}', e.date_end)"
    periods = db.rows(
        f"""SELECT CAST(date_trunc('{bucket}', e.date_start) AS DATE) AS period, e.quad, count(*) AS events
            FROM event_list e WHERE {clause} AND e.date_start IS NOT NULL AND {fits}
            GROUP BY ALL ORDER BY period, e.quad""",
        params,
    )
    coarser = db.rows(
        f"""SELECT e.date_precision AS precision, count(*) AS events FROM event_list e
            WHERE {clause} AND e.date_start IS NOT NULL AND NOT ({fits}) GROUP BY 1 ORDER BY 2 DESC, 1""",
        params,
    )
    undated = db.value(f"SELECT count(*) FROM event_list e WHERE {clause} AND e.date_start IS NULL", params)
    return {"bucket": bucket, "periods": periods, "coarser": coarser, "undated": int(undated or 0)}


def network(db: Database, where: EventFilter, max_edges: int) -> dict[str, list[Row]]:
    """Who acts toward whom: directed edges actor -> recipient (co-actors of a meeting, both ways once).

    ``events`` is the edge weight; ``instances`` counts the real-world events among them (records that
    stories linked as one count once); ``cooperation`` counts quad classes 1-2, ``conflict`` 3-4.
    """
    clause, params = where.where()
    edges = db.rows(
        f"""SELECT x.source, x.target, count(*) AS events,
                   count(DISTINCT coalesce(ev.instance, x.article_id || '/' || x.event_id)) AS instances,
                   count(*) FILTER (WHERE x.quad IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE x.quad IN (3, 4)) AS conflict
            FROM event_edges x JOIN (SELECT e.article_id, e.id, e.instance FROM event_list e WHERE {clause}) ev
                 ON ev.article_id = x.article_id AND ev.id = x.event_id
            GROUP BY ALL ORDER BY events DESC, x.source, x.target LIMIT ?""",
        [*params, max_edges],
    )
    keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = db.rows(
        "SELECT key, name, country, kind FROM actor_summary WHERE key IN (SELECT unnest(?::VARCHAR[])) ORDER BY key",
        [keys],
    ) if keys else []
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        weight[edge["source"]] += edge["events"]
        weight[edge["target"]] += edge["events"]
    return {"nodes": [{**n, "events": weight[n["key"]]} for n in nodes], "edges": edges}
