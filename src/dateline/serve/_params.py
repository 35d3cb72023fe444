"""What every API request's query string must be before its endpoint runs.

Each endpoint checks its own parameters' values (types, bounds, choices). Two
mistakes no single parameter shows are refused here, with a 422 that says what
to do, instead of an answer that looks right and is not:

- a parameter the endpoint does not take (``/api/events?typ=ACCUSE`` would
  otherwise list every event, the misspelt filter silently ignored);
- a date range that ends before it starts (``since`` after ``until``), which
  no record can fall in.

The parameters each endpoint takes are read from its dependency tree once, when
the app is built (:func:`query_names`), not again on every request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fastapi import HTTPException, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

__all__ = ["check_parameters", "query_names"]


#: A route as :func:`query_names` knows it: its path and methods (a route object itself is not hashable).
RouteKey = tuple[str, frozenset[str]]


def query_names(routes: Iterable[BaseRoute]) -> dict[RouteKey, frozenset[str]]:
    """The query parameters each ``/api/`` route takes, its dependencies' included: kept by the app as
    ``app.state.query_names`` when it is built, for :func:`check_parameters`."""
    return {_key(route): frozenset(_query_names(route.dependant)) for route in routes
            if isinstance(route, APIRoute) and route.path.startswith("/api/")}


def _key(route: APIRoute) -> RouteKey:
    return route.path, frozenset(route.methods or ())


def check_parameters(request: Request) -> None:
    """Refuse (422) a request to an ``/api/`` endpoint with a parameter the endpoint does not take, or with
    ``since`` after ``until``. Pages and static files take any query string (links may carry one)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.path.startswith("/api/"):
        return
    known = getattr(request.app.state, "query_names", {}).get(_key(route))
    if known is None:  # a route added after the app was built, or an app not built by create_app
        known = frozenset(_query_names(route.dependant))
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
