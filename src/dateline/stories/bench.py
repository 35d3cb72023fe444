"""Measure the stories step on a synthetic store: the time and memory linking adds to each stored batch.

    python -m dateline.stories.bench --events 1000000      # a linked store of a million events, then new batches

The store holds synthetic incidents, each reported by one to eight articles from
different sites within three days of it; an article's title and lead are made of
its incident's words and of words common to all articles, its events are the
incident's events (type, status, day, actors). Words and names are random strings,
so nothing depends on a language.

The store is first linked as :func:`dateline.stories.attach` would leave it: by
default in bulk (each article in its incident's story, each event in its incident
event's instance, the key index and key counts made from the same keys, with the
same settings, and the index of linked records), which takes minutes where linking a million events one chunk at a
time takes hours; with ``--link-all``, by ``attach`` itself, timed. Then a child
process stores ``--batches`` new batches of ``--batch`` articles (half of them
reporting incidents already stored), as a run does, and links each after it is
stored: it reports the CPU and wall seconds of each link, and its peak resident
memory beside its memory before the first batch. The stories found for the new
articles are scored with B-cubed against the incidents they were made from.

``--undated`` leaves that share of the events that happened without a date of
their own, as articles leave some (an undated event may be of any day, so its
lookup reads the records of its stories whatever their days). ``--keep DIR``
keeps the built store and the new batches, to link a copy of the same store
with other code (``--child batches --db COPY --new DIR/new.pickle``, run by that
code; a store linked by other code may want its record index filled again by it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dateline import ids
from dateline.records import EVENT_TYPES, Actor, Article, Event, EventDate, EventStatus, EventType, Span, make_span
from dateline.store import Store, prepare

__all__ = ["build", "main"]

#: Events per synthetic article; articles per store transaction while building.
EVENTS_PER_ARTICLE = 5
BUILD_BATCH = 1000
#: Words every article may use (like "said", "officials"), and words of one incident.
COMMON_WORDS = 400
INCIDENT_WORDS = 8
#: New articles per batch (a run's default batch) and batches linked after the store is built.
BATCH = 32
BATCHES = 10
#: Share of the events that happened which their article does not date (16 of 291 in a run over 102 Wikinews
#: articles): the matcher lets such an event meet any day, so the same-story lookup cannot stop at a window.
UNDATED = 0.05
_COUNTRIES = ("USA", "RUS", "CHN", "UKR", "DEU", "FRA", "GBR", "IRN", "ISR", "IND", "TUR", "BRA", "JPN", "KOR")
_FIRST_DAY = dt.date(2015, 1, 1)
_DAYS = 3650


def _word(rng: random.Random, length: int = 7) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=length))


@dataclass(frozen=True)
class _Incident:
    number: int
    day: dt.date
    words: tuple[str, ...]
    actors: tuple[tuple[str, str], ...]
    """(name, country) of its four actors."""
    events: tuple[tuple[EventType, EventStatus, int, int], ...]
    """(type, status, actor, recipient) of its events (indexes into ``actors``)."""


def _incident(number: int, rng: random.Random, day: dt.date | None = None) -> _Incident:
    actors = tuple((f"{_word(rng, 6).title()} {_word(rng, 8).title()}", rng.choice(_COUNTRIES)) for _ in range(4))
    statuses: tuple[EventStatus, ...] = ("occurred", "occurred", "planned")
    events = tuple((rng.choice(EVENT_TYPES), rng.choice(statuses), a, (a + 1) % 4) for a in range(3))
    return _Incident(number, day or _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS)),
                     tuple(_word(rng) for _ in range(INCIDENT_WORDS)), actors, events)


def _article(article_id: str, incident: _Incident, common: list[str], rng: random.Random,
             undated: float = 0.0) -> Article:
    """A report of ``incident``: EVENTS_PER_ARTICLE sentences, each one of its events in the incident's words;
    each event that happened undated (no date of its own) with the chance ``undated``."""
    sentences, spans = [], []
    length = 0
    for i in range(EVENTS_PER_ARTICLE):
        kind, status, a, b = incident.events[i % len(incident.events)]
        words = rng.sample(incident.words, 3) + rng.sample(common, 4)
        first, second = incident.actors[a][0], incident.actors[b][0]
        sentence = f"{first} {words[0]} {second} {' '.join(words[1:])}."
        spans.append((length, first, second, kind, status, a, b, len(sentence)))
        sentences.append(sentence)
        length += len(sentence) + 1
    text = " ".join(sentences)
    mentions: dict[int, list[Span]] = {}
    events = []
    for i, (start, first, second, kind, status, a, b, size) in enumerate(spans):
        mentions.setdefault(a, []).append(make_span(text, start, start + len(first)))
        other = start + len(first) + 1 + len(text[start + len(first) + 1:].split(" ", 1)[0]) + 1
        mentions.setdefault(b, []).append(make_span(text, other, other + len(second)))
        dated = status != "occurred" or rng.random() >= undated
        events.append(Event(f"e{i}", kind, (f"a{a}",), (f"a{b}",), status,
                            make_span(text, start + len(first) + 1, other - 1), make_span(text, start, start + size),
                            date=EventDate(incident.day.isoformat(), "that day") if dated else None, quad=1))
    actors = tuple(Actor(f"a{i}", incident.actors[i][0], "person", incident.actors[i][1], "GOV", tuple(spans_))
                   for i, spans_ in sorted(mentions.items()))
    published = incident.day + dt.timedelta(days=rng.randrange(3))
    return Article(id=article_id, source=f"{article_id}.html", site=f"site{rng.randrange(50)}.example",
                   title=" ".join(rng.sample(incident.words, 3)), published=published, language="en", text=text,
                   actors=actors, events=tuple(events))


@dataclass
class _World:
    """The synthetic news: the words all articles share, the incidents so far and each article's incident."""

    rng: random.Random
    common: list[str]
    incidents: list[_Incident]
    truth: dict[str, int]
    articles: int = 0
    undated: float = 0.0


def _reports(world: _World, n_articles: int, earlier: Sequence[_Incident] = (),
             days: tuple[dt.date, dt.date] | None = None) -> list[Article]:
    """About ``n_articles`` new reports, in order of publication: of new incidents (one to eight each, on a day
    within ``days`` when given), and half of them of ``earlier`` incidents when given."""
    rng = world.rng
    pairs: list[tuple[Article, int]] = []
    while len(pairs) < n_articles:
        if earlier and rng.random() < 0.5:
            incident, copies = rng.choice(earlier), 1
        else:
            day = days[0] + dt.timedelta(days=rng.randrange((days[1] - days[0]).days + 1)) if days else None
            incident, copies = _incident(len(world.incidents), rng, day), rng.randint(1, 8)
            world.incidents.append(incident)
        for _ in range(copies):
            # ids hashed as real ones are (from the URL): ids in storing order would let DuckDB skip row groups
            article = _article(ids.document_id("", f"https://synthetic.example/{world.articles}"), incident,
                               world.common, rng, world.undated)
            world.articles += 1
            world.truth[article.id] = incident.number
            pairs.append((article, incident.number))
    pairs.sort(key=lambda pair: (pair[0].published or _FIRST_DAY, pair[0].id))
    return [a for a, _ in pairs]


def build(path: Path, n_events: int, seed: int = 0, *, linked: bool = True, undated: float = 0.0) -> _World:
    """A store at ``path`` with about ``n_events`` synthetic events, linked in bulk when ``linked`` (see the
    module docstring), ``undated`` the share of the events that happened left without a date; the synthetic
    world it was made from."""
    from dateline.stories import keys_ahead

    world = _World(random.Random(seed), [], [], {}, undated=undated)
    world.common = [_word(world.rng) for _ in range(COMMON_WORDS)]
    articles = _reports(world, -(-n_events // EVENTS_PER_ARTICLE))
    keys: dict[str, dict[str, float]] = {}
    with Store(path) as store:
        for first in range(0, len(articles), BUILD_BATCH):
            batch = articles[first:first + BUILD_BATCH]
            prepared = prepare(batch)
            store.write(batch, prepared=prepared)
            if linked:
                keys.update(keys_ahead(prepared).keys)
        if linked:
            _link_in_bulk(store, articles, keys, world.truth)
    return world


def _link_in_bulk(store: Store, articles: list[Article], keys: dict[str, dict[str, float]],
                  truth: dict[str, int]) -> None:
    """Link every article as ``attach`` links a store whose stories it finds all: each article in its incident's
    story, each event in its incident event's instance, the key index and counts made from the same keys (weighed
    by the counts of the whole store, where attach weighs each chunk by those before it). The articles' contract
    JSON is left as it was: linking new articles reads only theirs."""
    from dateline.store._stories import refresh
    from dateline.stories import StoryOptions
    from dateline.stories._keys import idf, top
    from dateline.stories._records import MISSING, fill
    from dateline.stories._write import ARTICLES_COUNTED

    options = StoryOptions()
    df = Counter(k for ks in keys.values() for k in ks)
    idfs = {k: idf(n, len(keys)) for k, n in df.items()}
    story: dict[int, str] = {}
    instance: dict[tuple[int, str], str] = {}
    links, events, rows = [], [], []
    for article in articles:
        incident = truth[article.id]
        links.append((article.id, story.setdefault(incident, ids.child_id(article.id, "story"))))
        for event in article.events:
            what = (incident, f"{event.type}|{event.status}|{event.actors}|{event.recipients}")
            events.append((article.id, event.id, instance.setdefault(what, ids.child_id(article.id, "instance",
                                                                                         event.id))))
        rows += [(article.id, links[-1][1], article.published, k, n)
                 for k, n in sorted(top(keys[article.id], idfs, options.max_keys).items())]
    con = store.con
    con.execute("SET enable_progress_bar = false")  # the report is the only output
    con.begin()
    _bulk(con, """UPDATE articles SET story = u.story FROM (SELECT unnest($1::VARCHAR[]) AS id,
                  unnest($2::VARCHAR[]) AS story) u WHERE articles.id = u.id""", links)
    _bulk(con, """UPDATE events SET instance = u.instance FROM (SELECT unnest($1::VARCHAR[]) AS article_id,
                  unnest($2::VARCHAR[]) AS id, unnest($3::VARCHAR[]) AS instance) u
                  WHERE events.article_id = u.article_id AND events.id = u.id""", events)
    _bulk(con, """INSERT INTO story_keys SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::DATE[]),
                  unnest($4::VARCHAR[]), unnest($5::DOUBLE[])""", rows)
    _bulk(con, "INSERT INTO story_df SELECT unnest($1::VARCHAR[]), unnest($2::INTEGER[])", list(df.items()))
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [ARTICLES_COUNTED, str(len(keys))])
    refresh(con, story.values(), instance.values())
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, 'true')", [MISSING])
    fill(con)  # the index of linked records, from the events, as for a store of an older version
    con.commit()


def _bulk(con: duckdb.DuckDBPyConnection, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Run ``sql`` with one list parameter per column of ``rows``."""
    con.execute(sql, [list(column) for column in zip(*rows, strict=True)])


def _child(db: Path, batches: Path) -> None:
    """Store and link each batch of ``batches`` (a pickled list of article lists) in this process; print the CPU
    and wall seconds of each link and the peak memory."""
    from dateline.stories import attach, keys_ahead

    with batches.open("rb") as f:
        new: list[list[Article]] = pickle.load(f)
    cpu, wall = [], []
    with Store(db) as store:
        before = _rss_mb()
        for batch in new:
            prepared = prepare(batch)
            store.write(batch, prepared=prepared)
            started, started_cpu = time.perf_counter(), time.process_time()
            attach(store, ahead=keys_ahead(prepared))
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
        after = _rss_mb()
    print(json.dumps({"batches": len(new), "articles": sum(map(len, new)),
                      "link_cpu_s": {"median": round(statistics.median(cpu), 3), "max": round(max(cpu), 3)},
                      "link_wall_s": {"median": round(statistics.median(wall), 3), "max": round(max(wall), 3)},
                      "rss_before_mb": before, "rss_after_mb": after, "peak_rss_mb": _rss_mb("VmHWM")}))


def _rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (MB), or its peak with ``VmHWM``, from /proc (0 where there is none).

    Not ``getrusage``: Linux keeps a process's ``ru_maxrss`` across ``exec``, so a child started by a process
    that had built a large store in memory would report the parent's peak as its own."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    kib = next((int(line.split()[1]) for line in status.splitlines() if line.startswith(f"{field}:")), 0)
    return round(kib / 1024, 1)


def _link_all(db: Path) -> None:
    """Link every article of the store without a story, in this process; print the time and peak memory."""
    from dateline.stories import attach

    started, started_cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        done = attach(store)
    print(json.dumps({"articles": done.articles, "events": done.events,
                      "link_cpu_s": round(time.process_time() - started_cpu, 1),
                      "link_wall_s": round(time.perf_counter() - started, 1),
                      "peak_rss_mb": _rss_mb("VmHWM")}))


def _in_child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "dateline.stories.bench", *args], capture_output=True, text=True,
                          check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _bcubed(db: Path, truth: dict[str, int], articles: list[str]) -> dict[str, Any]:
    """B-cubed of the stories of ``articles`` against their incidents, and how many stories and instances
    the store holds."""
    from dateline.evaluation._coref import bcubed

    with Store(db, read_only=True) as store:
        stories = dict(store.con.execute("SELECT id, story FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))",
                                         [articles]).fetchall())
        counts = store.con.execute("SELECT count(DISTINCT story), count(DISTINCT instance) FROM articles a "
                                   "JOIN events e ON e.article_id = a.id").fetchone() or (0, 0)
    p, r, f = bcubed({i: truth[i] for i in stories}, stories)
    return {"incidents": len(set(truth.values())), "stories": counts[0], "instances": counts[1],
            "new.precision": round(p, 4), "new.recall": round(r, 4), "new.f1": round(f, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.stories.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events stored (default 100000)")
    parser.add_argument("--batch", type=int, default=BATCH, help=f"articles per new batch (default {BATCH})")
    parser.add_argument("--batches", type=int, default=BATCHES, help=f"new batches linked (default {BATCHES})")
    parser.add_argument("--link-all", action="store_true",
                        help="link the built store with attach itself, timed, instead of in bulk")
    parser.add_argument("--undated", type=float, default=UNDATED,
                        help=f"share of the events that happened their article does not date (default {UNDATED})")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="keep the built store (DIR/built.duckdb) and the new batches (DIR/new.pickle), to link "
                             "a copy of the same store with other code: --child batches --db COPY --new "
                             "DIR/new.pickle")
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=("all", "batches"), default=None, help=argparse.SUPPRESS)
    parser.add_argument("--new", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "all":
        _link_all(args.db)
        return 0
    if args.child == "batches":
        _child(args.db, args.new)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db, new = Path(folder) / "synthetic.duckdb", Path(args.keep or folder) / "new.pickle"
        started = time.perf_counter()
        world = build(db, args.events, linked=not args.link_all, undated=args.undated)
        report: dict[str, Any] = {"events": args.events, "undated": args.undated,
                                  "build_s": round(time.perf_counter() - started, 1)}
        if args.link_all:
            report["all"] = _in_child("--child", "all", "--db", str(db))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(db, args.keep / "built.duckdb")
        last = max(i.day for i in world.incidents)
        recent = [i for i in world.incidents if i.day > last - dt.timedelta(days=30)]
        batches = [_reports(world, args.batch, recent, (last - dt.timedelta(days=3), last))[:args.batch]
                   for _ in range(args.batches)]
        with new.open("wb") as f:
            pickle.dump(batches, f)
        report["batches"] = _in_child("--child", "batches", "--db", str(db), "--new", str(new))
        report["quality"] = _bcubed(db, world.truth, [a.id for b in batches for a in b])
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
