"""The web app: a read-only REST API over a store, and the page that explores it.

>>> app = create_app(Path("news.duckdb"))  # doctest: +SKIP
>>> serve(Path("news.duckdb"))             # http://127.0.0.1:8000/ ; API docs at /docs  # doctest: +SKIP

Only GET (and HEAD) endpoints exist. Every parameter is bounded (page size,
query length) and passed to DuckDB as a parameter; a parameter an endpoint does
not take, or a date range that ends before it starts, is refused with a 422
that says so (:mod:`dateline.serve._params`). Every response carries a
strict Content-Security-Policy: the page's script and styles come from this app
only. Requests naming another host than the ones the app serves on are refused
(a web page elsewhere cannot reach the API through DNS rebinding), in words that
name the hosts served (:mod:`dateline.serve._hosts`). The app
reads a snapshot of the store that it refreshes while a run adds to the store
(:mod:`dateline.serve._db`).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import socket
from collections.abc import AsyncIterator, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import RequestResponseEndpoint
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import StoreError
from dateline.records import EventStatus, EventType, QuoteKind
from dateline.serve import _dyads, _events, _queries, _stories
from dateline.serve._db import REFRESH_SECONDS, Database
from dateline.serve._hosts import SaysWhichHosts, check_patterns
from dateline.serve._params import check_parameters, query_names
from dateline.store._export import FORMULA_START

__all__ = ["LOCAL_HOSTS", "MAX_PAGE_SIZE", "MAX_QUERY_LENGTH", "create_app", "serve"]

STATIC = Path(__file__).parent / "static"
#: Largest page any list endpoint returns (CSV downloads: MAX_CSV_ROWS).
MAX_PAGE_SIZE = 200
MAX_CSV_ROWS = 50_000
MAX_OFFSET = 1_000_000
#: Longest search text or filter value accepted.
MAX_QUERY_LENGTH = 200
MAX_ID_LENGTH = 100
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}

Text = Annotated[str | None, Query(max_length=MAX_QUERY_LENGTH)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Id = Annotated[str, Query(max_length=MAX_ID_LENGTH)]
#: Host names the app always answers to: this machine's.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Addresses that bind every interface: the app then also answers to this machine's own names.
_WILDCARDS = ("0.0.0.0", "::", "")


def _event_filter(type: EventType | None, actor: str | None, country: str | None, quad: int | None,
                  status: EventStatus | None, place: str | None, since: dt.date | None, until: dt.date | None,
                  article: str | None) -> _events.EventFilter:
    return _events.EventFilter(type, actor, country, quad, status, place, since, until, article)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in exc.errors()]
    return JSONResponse({"error": "; ".join(problems), "detail": exc.errors()}, status_code=422)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse({"error": exc.detail, "detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


def _store_error(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=500)


def create_app(db: Path, *, refresh: float = REFRESH_SECONDS, hosts: Sequence[str] = LOCAL_HOSTS) -> FastAPI:
    """The app over the store at ``db`` (StoreError when it cannot be opened).

    ``refresh``: how often to look for a changed store (seconds; 0: never). ``hosts``: the host names
    requests may name (their Host header; a name, an IPv6 address, ``*.domain`` or ``*``); any other is refused
    with 400, and a pattern with a wildcard elsewhere with UsageError.
    """
    check_patterns(hosts)
    database = Database(db, refresh=refresh)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="dateline", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Evidence-linked news events, actors, quotes, dates and places, read-only.",
        dependencies=[Depends(check_parameters)],
    )
    app.state.database = database
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.update(_HEADERS)
        return response

    _page_routes(app, database)
    _article_routes(app, database)
    _event_routes(app, database)
    _actor_routes(app, database)
    _dyads.routes(app, database)
    _stories.routes(app, database)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.query_names = query_names(app.routes)
    app.add_middleware(SaysWhichHosts, hosts=list(hosts), headers=_HEADERS)
    app.add_middleware(_HeadAsGet)
    return app


class _HeadAsGet:
    """Answer HEAD like GET: the same status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The host names the app answers to when it binds ``host``: this machine's, ``host`` itself (or, for an
    address that binds every interface, this machine's own names), and ``extra``."""
    names = [*LOCAL_HOSTS, *extra]
    if host in _WILDCARDS:
        names += [socket.gethostname(), socket.getfqdn()]
    else:
        names.append(host)
    return list(dict.fromkeys(n for n in names if n))


def _page_routes(app: FastAPI, db: Database) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/api/health", summary="Is the store readable? When was the snapshot served taken?")
    def health() -> dict[str, Any]:
        return {"status": "ok", "articles": db.value("SELECT count(*) FROM articles"), "store": db.path.name,
                **db.snapshot_info()}

    @app.get("/api/stats", summary="Counts per table, events per type and quad class, top actors, date range")
    def stats() -> dict[str, Any]:
        return db.stats()


def _article_routes(app: FastAPI, db: Database) -> None:
    @app.get("/api/articles", summary="Search articles: every word of q (and each \"quoted phrase\") must occur")
    def articles(q: Text = None, since: Day = None, until: Day = None, site: Text = None,
                 limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        return _queries.articles_page(db, q, since, until, site, limit, offset)

    # ":path": ids made from URLs hold "/"
    @app.get("/api/articles/{article_id:path}", summary="One article as contract JSON (article.schema.json)")
    def article(article_id: Annotated[str, _max_path()]) -> Response:
        contract = db.value("SELECT contract FROM articles WHERE id = ?", [article_id])
        if contract is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return Response(contract, media_type="application/json")


def _event_routes(app: FastAPI, db: Database) -> None:
    @app.get("/api/events", summary="Events, filtered; format=csv downloads them", response_model=None)
    def events(type: EventType | None = None, actor: Text = None, country: Text = None,
               quad: Annotated[int | None, Query(ge=1, le=4)] = None, status: EventStatus | None = None,
               place: Text = None, since: Day = None, until: Day = None, article: Text = None,
               limit: Annotated[int, Query(ge=1, le=MAX_CSV_ROWS)] = 50, offset: Offset = 0,
               format: Literal["json", "csv"] = "json") -> dict[str, Any] | Response:
        if format == "json" and limit > MAX_PAGE_SIZE:
            raise HTTPException(422, f"limit: at most {MAX_PAGE_SIZE} events per JSON page (CSV: {MAX_CSV_ROWS})")
        where = _event_filter(type, actor, country, quad, status, place, since, until, article)
        total, rows = _events.events_page(db, where, limit, offset)
        if format == "csv":
            return _csv(rows)
        return {"total": total, "limit": limit, "offset": offset, "items": rows}

    @app.get("/api/timeline", summary="Events per period and quad class by each event's own date (same filters as "
             "/api/events); events dated more coarsely than a period, or not at all, are counted apart")
    def timeline(type: EventType | None = None, actor: Text = None, country: Text = None,
                 quad: Annotated[int | None, Query(ge=1, le=4)] = None, status: EventStatus | None = None,
                 place: Text = None, since: Day = None, until: Day = None, article: Text = None,
                 bucket: Literal["day", "week", "month", "year"] = "month") -> dict[str, Any]:
        where = _event_filter(type, actor, country, quad, status, place, since, until, article)
        return _events.timeline(db, where, bucket)

    @app.get("/api/network", summary="Who acts toward whom: edges weighted by events, split by cooperation/conflict")
    def network(type: EventType | None = None, actor: Text = None, country: Text = None,
                quad: Annotated[int | None, Query(ge=1, le=4)] = None, status: EventStatus | None = None,
                place: Text = None, since: Day = None, until: Day = None, article: Text = None,
                edges: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 80) -> dict[str, Any]:
        where = _event_filter(type, actor, country, quad, status, place, since, until, article)
        return _events.network(db, where, edges)


def _actor_routes(app: FastAPI, db: Database) -> None:
    @app.get("/api/actors", summary="Actors across articles with event and quote counts, busiest first")
    def actors(q: Text = None, country: Text = None, sector: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _queries.actors_page(db, q, country, sector, limit, offset)

    @app.get("/api/actors/{actor:path}", summary="One actor (key or id): events, quotes, counterparts, timeline")
    def actor(actor: Annotated[str, _max_path()], limit: Limit = 100) -> dict[str, Any]:
        found = _queries.actor_detail(db, actor, limit)
        if found is None:
            raise HTTPException(404, f"no actor with key or id {actor!r}")
        return found

    @app.get("/api/quotes", summary="Quotes by speaker (key, id or name), words in the quote and kind")
    def quotes(speaker: Text = None, q: Text = None, article: Text = None, kind: QuoteKind | None = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _queries.quotes_page(db, speaker, q, article, limit, offset, kind)


def _max_path() -> Any:
    from fastapi import Path as PathParam

    return PathParam(max_length=MAX_ID_LENGTH)


_CSV_COLUMNS = (
    "article_id", "id", "type", "mode", "status", "quad", "intensity", "date_value", "date_start", "date_end",
    "date_precision", "date_text", "place_name", "place_country", "place_lat", "place_lon", "place_within",
    "article_title",
)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell a spreadsheet shows as text: text that would start a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*_CSV_COLUMNS, "actors", "recipients", "trigger", "evidence", "evidence_start", "evidence_end"])
    for row in rows:
        names = [";".join(p.get("name") or p["id"] for p in row[role]) for role in ("actors", "recipients")]
        cells = [*(row[c] for c in _CSV_COLUMNS), *names, row["trigger"]["text"], row["evidence"]["text"],
                 row["evidence"]["start"], row["evidence"]["end"]]
        writer.writerow([csv_cell(c) for c in cells])
    headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, *, refresh: float = REFRESH_SECONDS,
          extra_hosts: Iterable[str] = ()) -> None:
    """Run the app with uvicorn until interrupted (127.0.0.1 only, unless ``host`` says otherwise)."""
    import uvicorn

    app = create_app(Path(db), refresh=refresh, hosts=allowed_hosts(host, extra_hosts))
    uvicorn.run(app, host=host, port=port, log_level="info")
