"""What every API request's query string must be before its endpoint runs.

Each endpoint checks its own parameters' values (types, bounds, choices). Two
mistakes no single parameter shows are refused here, with a 422 that says what
to do, instead of an answer that looks right and is not:

- a parameter the endpoint does not take (``/api/events?typ=ACCUSE`` would
  otherwise list every event, the misspelt filter silently ignored);
- a date range that ends before it starts (``since`` after ``until``), which
  no record can fall in.
"""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

__all__ = ["check_parameters"]


def check_parameters(request: Request) -> None:
    """Refuse (422) a request to an ``/api/`` endpoint with a parameter the endpoint does not take, or with
    ``since`` after ``until``. Pages and static files take any query string (links may carry one)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.path.startswith("/api/"):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "no parameters"
        raise HTTPException(422, f"unknown parameter {', '.join(map(repr, unknown))}: {request.url.path} takes {takes}")
    since, until = (_day(request.query_params.get(name)) for name in ("since", "until"))
    if since is not None and until is not None and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until}): no day lies between them; "
                                 "swap them, or leave one out for an open range")


def _query_names(dependant: Dependant) -> set[str]:
    """The names of the query parameters an endpoint takes, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _day(value: str | None) -> dt.date | None:
    """The day ``value`` names (YYYY-MM-DD), else None: the endpoint then says what is wrong with it."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
