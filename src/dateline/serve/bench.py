"""Latency benchmark of the API's list endpoints on a large store (not a test: it reports figures).

Build a store of N articles by repeating a processed corpus with new ids, then
time realistic requests against the app in-process (routing, validation,
queries and JSON encoding included; no network)::

    python -m dateline.serve.bench --corpus ../shared/corpora/wikinews.jsonl --db /tmp/bench.duckdb --articles 10000

``--from-store news.duckdb`` repeats an existing store instead of running the pipeline.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.ids import document_id
from dateline.records import Article
from dateline.serialize import article_from_dict

__all__ = ["QUERIES", "build_store", "main", "run"]

#: Requests timed per query; p95 over all requests of an endpoint.
DEFAULT_ROUNDS = 20
#: Articles written per transaction while building the store.
WRITE_BATCH = 500

#: Realistic requests per list endpoint: no filter, a search, and combined filters.
QUERIES: dict[str, list[dict[str, Any]]] = {
    "/api/articles": [{}, {"q": "police"}, {"q": "prime minister"}, {"q": '"climate change"'},
                      {"since": "2020-01-01", "until": "2020-06-30"}, {"q": "election", "offset": 100}],
    "/api/events": [{}, {"type": "CONSULT"}, {"actor": "trump"}, {"country": "RUS"}, {"quad": 4},
                    {"place": "London"}, {"since": "2020-01-01", "until": "2020-12-31", "quad": 1},
                    {"offset": 1000}],
    "/api/actors": [{}, {"q": "minister"}, {"country": "USA"}, {"sector": "GOV", "offset": 50}],
    "/api/quotes": [{}, {"speaker": "police"}, {"q": "people"}, {"offset": 500}],
    "/api/timeline": [{}, {"actor": "trump"}, {"bucket": "day", "quad": 4}],
    "/api/network": [{}, {"country": "USA"}, {"type": "ASSAULT"}],
    "/api/stats": [{}],
}


def _load_base(corpus: Path | None, from_store: Path | None) -> list[Article]:
    if from_store is not None:
        from dateline.store import Store

        with Store(from_store, read_only=True) as store:
            return [article_from_dict(a) for a in store.iter_articles()]
    if corpus is None:
        raise ValueError("give a corpus to process or a store to repeat")
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline

    return [r for r in Pipeline().run(iter_documents([str(corpus)])) if isinstance(r, Article)]


def _copies(base: Sequence[Article], total: int) -> Iterator[Article]:
    for n in range(total):
        original = base[n % len(base)]
        round_ = n // len(base)
        yield original if round_ == 0 else dataclasses.replace(original, id=document_id(f"{original.id}:{round_}"))


def build_store(db: Path, total: int = 10_000, *, corpus: Path | None = None, from_store: Path | None = None) -> int:
    """Write ``total`` articles into ``db``: the processed corpus repeated with new ids. Returns the base size."""
    from dateline.store import Store

    base = _load_base(corpus, from_store)
    if not base:
        raise ValueError("the corpus gave no article")
    with Store(db) as store:
        batch: list[Article] = []
        for article in _copies(base, total):
            batch.append(article)
            if len(batch) >= WRITE_BATCH:
                store.write(batch)
                batch = []
        store.write(batch)
    return len(base)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run(
    db: Path, rounds: int = DEFAULT_ROUNDS, queries: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """Time every query ``rounds`` times; per endpoint p50, p95 and max latency in milliseconds."""
    from fastapi.testclient import TestClient

    from dateline.serve.app import create_app

    app = create_app(Path(db))
    results: dict[str, Any] = {}
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            articles = client.get("/api/health").json()["articles"]
            for endpoint, params_list in (queries or QUERIES).items():
                timings: list[float] = []
                for params in params_list:
                    client.get(endpoint, params=params).raise_for_status()  # warm-up
                    for _ in range(rounds):
                        start = time.perf_counter()
                        client.get(endpoint, params=params).raise_for_status()
                        timings.append((time.perf_counter() - start) * 1000)
                results[endpoint] = {
                    "requests": len(timings),
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(_percentile(timings, 0.95), 1),
                    "max_ms": round(max(timings), 1),
                }
    finally:
        app.state.database.close()
    return {"articles": articles, "endpoints": results}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.serve.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="store to time (built first with --corpus/--from-store)")
    parser.add_argument("--corpus", type=Path, help="input to process and repeat: ../shared/corpora/wikinews.jsonl")
    parser.add_argument("--from-store", type=Path, help="an existing store whose articles are repeated")
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the built store (default 10000)")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="timed requests per query (default 20)")
    args = parser.parse_args(argv)
    if args.corpus or args.from_store:
        if args.db.exists():
            parser.error(f"{args.db} exists; give a new path to build into, or drop --corpus/--from-store")
        started = time.perf_counter()
        base = build_store(args.db, args.articles, corpus=args.corpus, from_store=args.from_store)
        print(f"built {args.db}: {args.articles} articles from {base} in {time.perf_counter() - started:.0f} s")
    report = run(args.db, args.rounds)
    header = f"{'endpoint':<16} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
    print(f"{header}   ({report['articles']} articles)")
    for endpoint, r in report["endpoints"].items():
        print(f"{endpoint:<16} {r['requests']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
