"""A real store for the web app tests: a few articles through the real pipeline, plus one built by hand; the app
over it in process (``client``) and on a real server on 127.0.0.1 (``base_url``)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
import uvicorn
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send

from dateline.ids import document_id
from dateline.pipeline import Pipeline
from dateline.records import (
    Actor,
    Article,
    Document,
    Event,
    EventDate,
    Place,
    Quote,
    TimeExpr,
    make_span,
)
from dateline.serve.app import create_app
from dateline.store import Store
from dateline.stories import attach

HOSTILE = 'Breaking: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned=2"> were typed.'

PIPELINE_TEXTS = [
    ("Germany and France signed a trade agreement in Berlin on Monday. Chancellor Angela Merkel said the deal "
     '"opens a new chapter" for Europe.', "2019-03-04"),
    ("Protesters gathered in Santiago on Friday to demand higher pensions. Police used tear gas against the "
     "crowd, witnesses said.", "2019-10-25"),
    (f"{HOSTILE} The page must show it as text.", "2020-01-02"),
]

HAND_TEXT = (
    "U.S. President Donald Trump met Russian President Vladimir Putin in Hamburg on Friday. "
    '"We had a very good talk," Trump told reporters. Russia accused Ukraine of shelling Donetsk last week.'
)


def handmade_article() -> Article:
    """An article with actors, events, quotes, times and places, all built by hand."""
    t = HAND_TEXT

    def at(phrase: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = t.index(phrase, start + 1)
        return start, start + len(phrase)

    def span(phrase: str, nth: int = 0):  # type: ignore[no-untyped-def]
        return make_span(t, *at(phrase, nth))

    trump = Actor("a-trump", "Donald Trump", "person", "USA", "GOV", (span("Donald Trump"), span("Trump", 1)),
                  title="President")
    putin = Actor("a-putin", "Vladimir Putin", "person", "RUS", "GOV", (span("Vladimir Putin"),), title="President")
    russia = Actor("a-russia", "Russia", "country", "RUS", "GOV", (span("Russia", 1),))
    ukraine = Actor("a-ukraine", "Ukraine", "country", "UKR", "GOV", (span("Ukraine"),))
    hamburg = Place(span("Hamburg"), "Hamburg", "DEU", 53.55, 10.0, 2911298)
    donetsk = Place(span("Donetsk"), "Donetsk", "UKR", 48.0, 37.8, 709717)
    first = t.index("Friday.") + len("Friday.")
    meeting = Event("e-meet", "CONSULT", ("a-trump", "a-putin"), (), "occurred", span("met"),
                    make_span(t, 0, first), date=EventDate("2017-07-07", "Friday"), place=hamburg, quad=1,
                    intensity=1.0)
    third = t.index("Russia accused")
    accusation = Event("e-accuse", "ACCUSE", ("a-russia",), ("a-ukraine",), "occurred", span("accused"),
                       make_span(t, third, len(t)), date=EventDate("2017-W26", "last week"), place=donetsk,
                       quad=3, intensity=-2.0)
    quote = Quote("q-talk", span("We had a very good talk,"), True, "a-trump", span("Trump", 1), span("told"))
    return Article(
        id="hand000000000001", source="handmade.txt", text=t, title="Trump meets Putin in Hamburg",
        url="https://example.org/trump-putin", site="example.org", authors=("Mike Eckel",),
        published=dt.date(2017, 7, 7), actors=(trump, putin, russia, ukraine), events=(meeting, accusation),
        quotes=(quote,), times=(TimeExpr(span("Friday"), "2017-07-07"), TimeExpr(span("last week"), "2017-W26")),
        places=(hamburg, donetsk),
    )


def pipeline_documents(seed: Path | None = None) -> list[Document]:
    docs = [Document(document_id(text), f"text-{i}.txt", "text", text, published=date, title=f"Story {i}")
            for i, (text, date) in enumerate(PIPELINE_TEXTS)]
    if seed is not None:
        content = seed.read_text(encoding="utf-8")
        docs.append(Document(document_id(content), str(seed), "text", content, published="2017-07-07"))
    return docs


def seed_or_none() -> Path | None:
    root = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    path = root / "seed" / "rferl-2017-07-07-trump-putin-g20.txt"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "news.duckdb"
    results = Pipeline().run_batch(pipeline_documents(seed_or_none()))
    with Store(path) as store:
        store.write([*results, handmade_article()])
        attach(store)
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(store_path)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client
    app.state.database.close()


#: A query parameter the test server strips from a request, holding its answer back that many seconds: the
#: page passes a view's address parameters to the API, so ``#/actors?q=putin&lag=2`` makes that list late.
LAG = "lag"


class Lagging:
    """The app, answering requests that carry :data:`LAG` late (as a busy machine may answer any request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            lags = [float(value) for key, value in query if key == LAG]
            if lags:
                await asyncio.sleep(lags[0])
                kept = urlencode([(key, value) for key, value in query if key != LAG])
                scope = {**scope, "query_string": kept.encode("latin-1")}
        await self.app(scope, receive, send)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def live_server(db: Path) -> Iterator[str]:
    """The app over the store ``db`` served by uvicorn on 127.0.0.1 in a thread; its base URL."""
    app = create_app(db, refresh=0)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(Lagging(app), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    try:
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start within 20 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.database.close()


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    with live_server(store_path) as url:
        yield url
