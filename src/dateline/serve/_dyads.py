"""Dyad counts over the web: events per period between two sides, and the busiest pairs to choose from.

The same counts as ``dateline export --format dyads`` (:mod:`dateline.store._dyads`):
``GET /api/dyads?a=USA&b=RUS&by=month`` gives both directions between a pair
of countries (or actor keys, with ``level=actor``); ``GET /api/dyads/pairs``
lists the pairs with the most counted events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Query

from dateline.records import EventStatus
from dateline.serve._db import Database
from dateline.store._dyads import DEFAULT_STATUSES, DyadOptions, Fetch, Level, Undated, dyad_rows, left_out, pair_totals
from dateline.store._periods import Period

__all__ = ["MAX_PAIRS", "routes"]

#: Most pairs listed by /api/dyads/pairs.
MAX_PAIRS = 200
#: Longest side accepted (an ISO-3 code, or an actor key).
MAX_SIDE_LENGTH = 100

Side = Annotated[str, Query(min_length=1, max_length=MAX_SIDE_LENGTH)]
Statuses = Annotated[list[EventStatus] | None, Query(description="statuses counted (default occurred, planned)")]


def _fetch(db: Database) -> Fetch:
    def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return [tuple(row.values()) for row in db.rows(sql, params)]

    return fetch


def _options(by: Period, level: Level, status: list[EventStatus] | None, undated: Undated,
             pair: tuple[str, str] | None = None) -> DyadOptions:
    statuses = tuple(dict.fromkeys(status)) if status else DEFAULT_STATUSES
    return DyadOptions(by=by, level=level, statuses=statuses, undated=undated, pair=pair)


def _side(level: Level, value: str) -> str:
    """Country codes are upper case, actor keys lower case, whatever the user typed."""
    return value.strip().upper() if level == "country" else value.strip().lower()


def routes(app: FastAPI, db: Database) -> None:
    """Add the dyad endpoints to ``app``."""
    fetch = _fetch(db)

    @app.get("/api/dyads", summary="Events per period and quad class between two countries (or actors), "
             "both directions, dated by each event's own date")
    def dyads(a: Side, b: Side, by: Period = "month", level: Level = "country", status: Statuses = None,
              undated: Undated = "skip") -> dict[str, Any]:
        pair = (_side(level, a), _side(level, b))
        options = _options(by, level, status, undated, pair)
        rows = dyad_rows(fetch, options)
        counts = left_out(fetch, options)
        return {"a": pair[0], "b": pair[1], "by": by, "level": level, "statuses": list(options.statuses),
                "undated": undated, "rows": rows, "store": dataclasses.asdict(counts)}

    @app.get("/api/dyads/pairs", summary="The pairs of countries (or actors) with the most counted events")
    def pairs(by: Period = "month", level: Level = "country", status: Statuses = None, undated: Undated = "skip",
              limit: Annotated[int, Query(ge=1, le=MAX_PAIRS)] = 40) -> dict[str, Any]:
        options = _options(by, level, status, undated)
        return {"by": by, "level": level, "items": pair_totals(fetch, options, limit)}
