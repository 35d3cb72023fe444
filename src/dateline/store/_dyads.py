"""Dyad counts: events per period, actor side, recipient side and quad class.

The standard input of conflict-cooperation time series: one row per
(period, actor, recipient, quad class) with the number of events, where the
actor and recipient are countries (ISO 3166-1 alpha-3, ``IGO`` for
international organizations) or actors across articles (actor keys such as
``donald-trump.usa``).

- An event counts once for each distinct (actor, recipient) pair it has: every
  actor toward every recipient; an event with several actors and no recipient
  (a meeting: PLOVER codes reciprocal events that way) counts once in each
  direction between its actors. A side without a country (at the country
  level) makes no pair.
- The period comes from the event's own date at its own precision
  (:mod:`dateline.store._periods`). Events dated coarser than the period, or
  not dated, are left out and counted by :func:`left_out`; with
  ``undated="publication"``, events the article does not date at all take
  their article's publication date instead, and ``dated_by_publication`` says
  how many of a row's events did.
- ``instances`` counts real-world events: distinct ``instance`` ids once the
  store's events carry them (the stories stage), each event its own instance
  until then, so it equals ``events``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import duckdb

from dateline.errors import StoreError
from dateline.records import EventStatus
from dateline.store._periods import Period, period_of
from dateline.store._polecat import QUAD_CODES

__all__ = ["DYAD_COLUMNS", "LEVELS", "DyadOptions", "Fetch", "LeftOut", "Level", "dyad_query", "dyad_rows", "fetcher",
           "left_out", "pair_totals"]

#: What the two sides of a dyad are.
Level = Literal["country", "actor"]
LEVELS: tuple[Level, ...] = get_args(Level)
Undated = Literal["skip", "publication"]
#: The statuses counted by default: what happened, and what was announced (a threat, a promise) — not what
#: was only talked of as possible or denied.
DEFAULT_STATUSES: tuple[EventStatus, ...] = ("occurred", "planned")
#: The column that will hold real-world event ids (stories stage); counted when the events table has it.
INSTANCE_COLUMN = "instance"


@dataclass(frozen=True)
class DyadOptions:
    """How dyads are counted."""

    by: Period = field(default="month", metadata={"help": "period of a row: week, month or year"})
    level: Level = field(default="country", metadata={"help": "sides are countries (ISO-3) or actor keys"})
    statuses: tuple[EventStatus, ...] = field(default=DEFAULT_STATUSES,
                                              metadata={"help": "event statuses counted"})
    undated: Undated = field(default="skip", metadata={
        "help": "events the article does not date: skip them, or date them by the article's publication date"})
    pair: tuple[str, str] | None = field(default=None, metadata={
        "help": "only rows between these two sides, both directions"})


#: The columns of a dyad table, in order, with what each holds.
DYAD_COLUMNS: dict[str, str] = {
    "period": "the period: 2019-07 (month), 2019-W27 (ISO week), 2019 (year)",
    "period_start": "the first day of the period (a Monday for weeks)",
    "actor": "the acting side: ISO 3166-1 alpha-3 country (IGO: international organization), or an actor key",
    "recipient": "the side acted on, as actor",
    "quad": "PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    "quad_code": "the quad class in words, as POLECAT writes it (VERBAL COOPERATION, ...)",
    "events": "events coded in the period between the two sides in that quad class",
    "instances": "real-world events among them: distinct instance ids once stories group reports of one event; "
                 "until then each event is its own, so the same as events",
    "articles": "articles the events come from",
    "intensity_sum": "sum of the events' intensities (-10 conflict to +10 cooperation)",
    "dated_by_publication": "events among them dated by their article's publication date (only with "
                            "--undated publication; else 0)",
}


@dataclass(frozen=True)
class LeftOut:
    """What a dyad table counts of the events of the chosen statuses, and what it leaves out."""

    counted: int
    """Events of the chosen statuses that made at least one row."""
    undated: int
    """Events with no date of their own (and not dated by publication)."""
    coarser: int
    """Events dated, but coarser than the period (a month when counting weeks) or with no calendar place."""
    no_pair: int
    """Events in a period but with no pair of sides (one side missing, or no country at the country level)."""


def _period_lists(values: list[Any], by: Period) -> tuple[list[Any], list[str], list[dt.date]]:
    keys, labels, starts = [], [], []
    for value in values:
        found = period_of(value if isinstance(value, str) else value.isoformat(), by)
        if found is not None:
            keys.append(value)
            labels.append(found[0])
            starts.append(found[1])
    return keys, labels, starts


_SIDE = {"country": "a.country", "actor": "p.actor_key"}
_QUAD_CODE = "CASE ev.quad " + " ".join(f"WHEN {n} THEN '{words}'" for n, words in QUAD_CODES.items()) + " END"

_QUERY = """
WITH
periods AS (SELECT unnest(?::VARCHAR[]) AS value, unnest(?::VARCHAR[]) AS period, unnest(?::DATE[]) AS period_start),
published AS (SELECT unnest(?::DATE[]) AS day, unnest(?::VARCHAR[]) AS period, unnest(?::DATE[]) AS period_start),
ev AS (
    SELECT e.article_id, e.id, e.quad, e.intensity, {instance} AS instance, e.date_value,
           coalesce(pe.period, pu.period) AS period, coalesce(pe.period_start, pu.period_start) AS period_start,
           pe.period IS NULL AND pu.period IS NOT NULL AS by_publication
    FROM events e JOIN articles ar ON ar.id = e.article_id
    LEFT JOIN periods pe ON pe.value = e.date_value
    LEFT JOIN published pu ON e.date_value IS NULL AND pu.day = ar.published
    WHERE e.status IN (SELECT unnest(?::VARCHAR[])) AND e.quad IS NOT NULL),
sides AS (
    SELECT p.article_id, p.event_id, p.actor_id, p.role, {side} AS side,
           bool_or(p.role = 'recipient') OVER (PARTITION BY p.article_id, p.event_id) AS has_recipient
    FROM event_participants p LEFT JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id),
pairs AS (
    SELECT DISTINCT s.article_id, s.event_id, s.side AS actor, t.side AS recipient
    FROM sides s JOIN sides t ON t.article_id = s.article_id AND t.event_id = s.event_id
    WHERE s.role = 'actor' AND s.side IS NOT NULL AND t.side IS NOT NULL
      AND (t.role = 'recipient' OR (NOT s.has_recipient AND t.role = 'actor' AND t.actor_id <> s.actor_id))),
rows AS (
    SELECT ev.*, pr.actor, pr.recipient
    FROM ev LEFT JOIN pairs pr ON pr.article_id = ev.article_id AND pr.event_id = ev.id)
"""

_SELECT = f"""
SELECT ev.period, ev.period_start, ev.actor, ev.recipient, ev.quad, {_QUAD_CODE} AS quad_code,
       count(*) AS events, count(DISTINCT ev.instance) AS instances, count(DISTINCT ev.article_id) AS articles,
       coalesce(sum(ev.intensity), 0) AS intensity_sum,
       count(*) FILTER (WHERE ev.by_publication) AS dated_by_publication
FROM rows ev
WHERE ev.period IS NOT NULL AND ev.actor IS NOT NULL {{pair}}
GROUP BY ALL ORDER BY ev.period_start, ev.actor, ev.recipient, ev.quad
"""

_LEFT_OUT = """
SELECT count(*) FILTER (WHERE period IS NOT NULL AND paired),
       count(*) FILTER (WHERE period IS NULL AND date_value IS NULL),
       count(*) FILTER (WHERE period IS NULL AND date_value IS NOT NULL),
       count(*) FILTER (WHERE period IS NOT NULL AND NOT paired)
FROM (SELECT any_value(period) AS period, any_value(date_value) AS date_value, bool_or(actor IS NOT NULL) AS paired
      FROM rows GROUP BY article_id, id)
"""


_PAIRS = """
SELECT least(actor, recipient) AS a, greatest(actor, recipient) AS b, count(DISTINCT (article_id, id)) AS events
FROM rows WHERE period IS NOT NULL AND actor IS NOT NULL AND actor <> recipient
GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?
"""

#: Runs one parameterized query and returns its rows (a store connection's, or the web app's).
Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def fetcher(con: duckdb.DuckDBPyConnection) -> Fetch:
    """A :data:`Fetch` over a DuckDB connection, its errors translated."""
    def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        try:
            return con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"counting dyads failed: {exc}") from exc

    return fetch


def _instance(fetch: Fetch) -> str:
    """The expression of an event's real-world instance: its instance id once the store has them, else itself."""
    names = {row[0] for row in fetch(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'", [])}
    own = "e.article_id || '/' || e.id"
    return f"coalesce(e.{INSTANCE_COLUMN}, {own})" if INSTANCE_COLUMN in names else own


def _head(fetch: Fetch, options: DyadOptions) -> tuple[str, list[Any]]:
    """The common part of every dyad query (up to the ``rows`` of events and their pairs) and its parameters."""
    if options.level not in LEVELS:
        raise StoreError(f"unknown dyad level {options.level!r}; use {' or '.join(LEVELS)}")
    values = [r[0] for r in fetch("SELECT DISTINCT date_value FROM events WHERE date_value IS NOT NULL", [])]
    days: list[Any] = []
    if options.undated == "publication":
        days = [r[0] for r in fetch("SELECT DISTINCT published FROM articles WHERE published IS NOT NULL", [])]
    params = [*_period_lists(values, options.by), *_period_lists(days, options.by), list(options.statuses)]
    return _QUERY.format(instance=_instance(fetch), side=_SIDE[options.level]), params


def dyad_query(fetch: Fetch, options: DyadOptions = DyadOptions()) -> tuple[str, list[Any]]:
    """The SELECT of the dyad table (columns :data:`DYAD_COLUMNS`) and its parameters.

    ``fetch`` runs queries over the store's tables, or views of the same names.
    """
    pair, pair_params = "", []
    if options.pair is not None:
        a, b = options.pair
        pair = "AND ((ev.actor = ? AND ev.recipient = ?) OR (ev.actor = ? AND ev.recipient = ?))"
        pair_params = [a, b, b, a]
    head, params = _head(fetch, options)
    return head + _SELECT.replace("{pair}", pair), [*params, *pair_params]


def dyad_rows(fetch: Fetch, options: DyadOptions = DyadOptions()) -> list[dict[str, Any]]:
    """The dyad table as dicts keyed by :data:`DYAD_COLUMNS`."""
    sql, params = dyad_query(fetch, options)
    return [dict(zip(DYAD_COLUMNS, row, strict=True)) for row in fetch(sql, params)]


def left_out(fetch: Fetch, options: DyadOptions = DyadOptions()) -> LeftOut:
    """How many events of the chosen statuses the dyad table counts, and why the others are not in it."""
    head, params = _head(fetch, options)
    rows = fetch(head + _LEFT_OUT, params)
    return LeftOut(*rows[0]) if rows else LeftOut(0, 0, 0, 0)


def pair_totals(fetch: Fetch, options: DyadOptions = DyadOptions(), limit: int = 50) -> list[dict[str, Any]]:
    """The pairs of distinct sides with the most counted events, either direction: [{a, b, events}]."""
    head, params = _head(fetch, options)
    return [{"a": a, "b": b, "events": n} for a, b, n in fetch(head + _PAIRS, [*params, limit])]
