"""Measure the exports: speed and memory on a synthetic store, and a round trip through a plain reader.

    python -m dateline.store.bench --events 100000            # build a store of that many events, time the exports
    python -m dateline.store.bench --roundtrip news.duckdb    # export a real store, read it back, compare

The timing runs each export as ``dateline export`` in a child process and
reports its wall time and the child's peak resident memory. The round trip
writes the POLECAT and dyad exports of a store, reads them back (with pandas
when it is installed, else with Python's csv module) and checks that they hold
the same events, actors, dates, evidence and counts as the store.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.records import EVENT_TYPES, Actor, Article, Event, EventDate, Place, make_span
from dateline.store import Store
from dateline.store._dyads import DyadOptions, dyad_rows, fetcher
from dateline.store._periods import day_of

__all__ = ["build", "main", "roundtrip", "timed_export"]

#: Events per synthetic article, and articles per store transaction.
EVENTS_PER_ARTICLE = 5
BATCH = 1000
_COUNTRIES = ["USA", "RUS", "CHN", "UKR", "DEU", "FRA", "GBR", "IRN", "ISR", "IND", "TUR", "BRA", "JPN", "KOR", None]
_SECTORS = ["GOV", "MIL", "REB", "CVL", "BUS"]
_QUAD = {t: 1 + i * 4 // len(EVENT_TYPES) for i, t in enumerate(EVENT_TYPES)}


def _date(rng: random.Random) -> EventDate | None:
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    value = rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", f"{year}-W{month * 4:02d}",
                        f"{year}", None, None])
    return None if value is None else EventDate(value, "on that day")


def _article(number: int, rng: random.Random) -> Article:
    """An article of EVENTS_PER_ARTICLE sentences, each one event between two of its four actors."""
    names = [f"Leader{number}x{i}" for i in range(4)]
    sentences = [f"{names[i % 4]} met {names[(i + 1) % 4]} in Place{i} on that day." for i in range(EVENTS_PER_ARTICLE)]
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(EVENTS_PER_ARTICLE)]
    mentions: dict[int, list[Any]] = collections.defaultdict(list)
    events = []
    for i, start in enumerate(starts):
        a, b = i % 4, (i + 1) % 4
        mentions[a].append(make_span(text, start, start + len(names[a])))
        other = text.index(names[b], start)
        mentions[b].append(make_span(text, other, other + len(names[b])))
        where = text.index(f"Place{i}", start)
        place = Place(make_span(text, where, where + len(f"Place{i}")), f"Place {i}", rng.choice(_COUNTRIES[:-1]),
                      rng.uniform(-60, 60), rng.uniform(-180, 180), 1000 + i, "city")
        kind = rng.choice(EVENT_TYPES)
        events.append(Event(f"e{i}", kind, (f"a{a}",), (f"a{b}",), rng.choice(["occurred", "planned"]),
                            make_span(text, start + len(names[a]) + 1, start + len(names[a]) + 4),
                            make_span(text, start, start + len(sentences[i])), date=_date(rng), place=place,
                            quad=_QUAD[kind], intensity=rng.uniform(-10, 10), confidence=0.8))
    actors = tuple(Actor(f"a{i}", names[i], "person", rng.choice(_COUNTRIES), rng.choice(_SECTORS),
                         tuple(mentions[i]), title="Minister") for i in range(4))
    return Article(id=f"synthetic{number:08d}", source=f"synthetic-{number}.txt", site="example.org",
                   published=dt.date(2020, 1, 1) + dt.timedelta(days=number % 1500), language="en", text=text,
                   actors=actors, events=tuple(events), places=tuple(e.place for e in events if e.place))


def build(path: Path, n_events: int, seed: int = 0) -> None:
    """A store at ``path`` with ``n_events`` synthetic events (EVENTS_PER_ARTICLE per article)."""
    rng = random.Random(seed)
    articles = -(-n_events // EVENTS_PER_ARTICLE)
    with Store(path) as store:
        for first in range(0, articles, BATCH):
            store.write([_article(n, rng) for n in range(first, min(first + BATCH, articles))])


def _child(argv: list[str]) -> None:
    """Run one ``dateline export`` in this process and print its time and this process's peak memory."""
    from dateline.cli import main as cli

    started = time.perf_counter()
    code = cli(["export", *argv])
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"code": code, "export_s": round(seconds, 2), "peak_rss_mb": round(peak_kib / 1024, 1)}))


def timed_export(db: Path, argv: list[str]) -> dict[str, Any]:
    """``dateline export --db db ARGV`` in a child process: its wall time (start-up included) and peak memory."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dateline.store.bench", "--child", "--db", str(db), *argv],
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = round(time.perf_counter() - started, 2)
    return result


def _read(path: Path, sep: str) -> tuple[str, list[dict[str, Any]]]:
    """The rows of a TSV or CSV export as dicts, missing values as None: with pandas when it is installed."""
    try:
        import pandas as pd
    except ImportError:
        import csv

        with path.open(encoding="utf-8", newline="") as handle:
            rows = [{k: (None if v == "None" or (v == "" and sep == ",") else v) for k, v in row.items()}
                    for row in csv.DictReader(handle, delimiter=sep)]
        return "csv", rows
    frame = pd.read_csv(path, sep=sep, dtype=str, na_values=["None"], keep_default_na=False)
    return f"pandas {pd.__version__}", [{k: (None if pd.isna(v) else v) for k, v in row.items()}
                                        for row in frame.to_dict("records")]


def _store_events(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    rows = store.con.execute("""
        SELECT e.article_id, e.id, e.type, e.quad, e.status, e.date_value, e.evidence_start, e.evidence_end,
               list(a.name ORDER BY p.rowid) FILTER (WHERE p.role = 'actor'),
               list(a.name ORDER BY p.rowid) FILTER (WHERE p.role = 'recipient')
        FROM events e LEFT JOIN event_participants p ON p.article_id = e.article_id AND p.event_id = e.id
        LEFT JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id GROUP BY ALL""").fetchall()
    keys = ("type", "quad", "status", "date", "start", "end", "actors", "recipients")
    return {(r[0], r[1]): dict(zip(keys, (*r[2:5], day_of(r[5]), r[6], r[7], r[8] or [], r[9] or []), strict=True))
            for r in rows}


def _file_events(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    quads = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}
    def names(cell: str | None) -> list[str]:
        return [] if cell is None else cell.split("; ")
    return {(r["Article ID"], r["Article Event ID"]): {
        "type": r["Event Type"], "quad": quads.get(r["Quad Code"] or ""), "status": r["Status"],
        "date": None if r["Event Date"] is None else dt.date.fromisoformat(r["Event Date"]),
        "start": int(r["Evidence Start"]), "end": int(r["Evidence End"]),
        "actors": names(r["Actor Name"]), "recipients": names(r["Recipient Name"])} for r in rows}


def roundtrip(db: Path) -> dict[str, Any]:
    """Export the store at ``db`` (POLECAT and monthly country dyads), read both back, compare with the store."""
    with tempfile.TemporaryDirectory() as folder, Store(db, read_only=True) as store:
        [tsv] = store.export("polecat", Path(folder) / "events.tsv")
        [dyads] = store.export("dyads", Path(folder) / "dyads.csv")
        reader, rows = _read(tsv, "\t")
        _, dyad_file = _read(dyads, ",")
        expected, got = _store_events(store), _file_events(rows)
        dyad_store = dyad_rows(fetcher(store.con), DyadOptions())
    differing = sorted(k for k in expected if expected[k] != got.get(k))
    def tally(events: dict[tuple[str, str], dict[str, Any]], key: str) -> dict[Any, int]:
        return dict(collections.Counter(e[key] for e in events.values()))
    return {
        "reader": reader, "store_events": len(expected), "file_lines": len(rows), "same_event_keys": expected.keys() ==
        got.keys(), "events_differing": len(differing), "first_differing": [list(k) for k in differing[:3]],
        "actor_slots": {"store": sum(len(e["actors"]) + len(e["recipients"]) for e in expected.values()),
                        "file": sum(len(e["actors"]) + len(e["recipients"]) for e in got.values())},
        "same_counts_by_type_quad_status": all(tally(expected, k) == tally(got, k) for k in ("type", "quad", "status")),
        "dyad_rows": {"store": len(dyad_store), "file": len(dyad_file),
                      "same_events": [r["events"] for r in dyad_store] == [int(r["events"]) for r in dyad_file]},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.store.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events to export (default 100000)")
    parser.add_argument("--db", type=Path, default=None, help="build the synthetic store here (default: a temp dir)")
    parser.add_argument("--roundtrip", type=Path, default=None, metavar="DB", help="round-trip this store instead")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.child:
        _child(["--db", str(args.db), *rest])
        return 0
    if args.roundtrip is not None:
        print(json.dumps(roundtrip(args.roundtrip), indent=2))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "synthetic.duckdb"
        started = time.perf_counter()
        built = not db.exists()
        if built:
            build(db, args.events)
        with Store(db, read_only=True) as store:
            events = store.stats()["events"]
        report: dict[str, Any] = {"events": events,
                                  "build_s": round(time.perf_counter() - started, 1) if built else "reused"}
        for name, extra in (("polecat", ["--format", "polecat"]), ("dyads", ["--format", "dyads", "--by", "month"]),
                            ("parquet", ["--format", "parquet"])):
            out = Path(folder) / name
            out.mkdir()
            report[name] = timed_export(db, [*extra, "--out", str(out)])
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
