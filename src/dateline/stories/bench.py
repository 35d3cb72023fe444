"""Measure the stories step on a synthetic store: linking speed and memory, all at once and incrementally.

    python -m dateline.stories.bench --events 1000000      # build, link everything, then add 1% and link that

The store holds synthetic incidents, each reported by one to eight articles from
different sites within three days of it; an article's title and lead are made of
its incident's words and of words common to all articles, its events are the
incident's events (type, status, day, actors). Words and names are random strings,
so nothing depends on a language. The whole store is linked in a child process
(its wall time and peak resident memory reported), then ``--increment`` of new
articles (half of them reporting incidents already stored) are stored and linked
in another: the time a run adds to each batch it stores. The stories found are
scored with B-cubed against the incidents the articles were made from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.records import EVENT_TYPES, Actor, Article, Event, EventDate, EventStatus, EventType, Span, make_span
from dateline.store import Store

__all__ = ["build", "main"]

#: Events per synthetic article; articles per store transaction while building.
EVENTS_PER_ARTICLE = 5
BATCH = 1000
#: Words every article may use (like "said", "officials"), and words of one incident.
COMMON_WORDS = 400
INCIDENT_WORDS = 8
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


def _incident(number: int, rng: random.Random) -> _Incident:
    actors = tuple((f"{_word(rng, 6).title()} {_word(rng, 8).title()}", rng.choice(_COUNTRIES)) for _ in range(4))
    statuses: tuple[EventStatus, ...] = ("occurred", "occurred", "planned")
    events = tuple((rng.choice(EVENT_TYPES), rng.choice(statuses), a, (a + 1) % 4) for a in range(3))
    return _Incident(number, _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS)),
                     tuple(_word(rng) for _ in range(INCIDENT_WORDS)), actors, events)


def _article(article_id: str, incident: _Incident, common: list[str], rng: random.Random) -> Article:
    """A report of ``incident``: EVENTS_PER_ARTICLE sentences, each one of its events in the incident's words."""
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
        events.append(Event(f"e{i}", kind, (f"a{a}",), (f"a{b}",), status,
                            make_span(text, start + len(first) + 1, other - 1), make_span(text, start, start + size),
                            date=EventDate(incident.day.isoformat(), "that day"), quad=1))
    actors = tuple(Actor(f"a{i}", incident.actors[i][0], "person", incident.actors[i][1], "GOV", tuple(spans_))
                   for i, spans_ in sorted(mentions.items()))
    published = incident.day + dt.timedelta(days=rng.randrange(3))
    return Article(id=article_id, source=f"{article_id}.txt", site=f"site{rng.randrange(50)}.example",
                   title=" ".join(rng.sample(incident.words, 3)), published=published, language="en", text=text,
                   actors=actors, events=tuple(events))


def _reports(n_articles: int, first: int, rng: random.Random, common: list[str],
             earlier: list[_Incident]) -> tuple[list[Article], list[_Incident], dict[str, int]]:
    """About ``n_articles`` reports numbered from ``first``, in order of publication: of new incidents (one to
    eight each), and half of them of ``earlier`` incidents when given. Also the new incidents, and the incident
    of each article."""
    new: list[_Incident] = []
    pairs: list[tuple[Article, int]] = []
    while len(pairs) < n_articles:
        if earlier and rng.random() < 0.5:
            incident, copies = rng.choice(earlier), 1
        else:
            incident, copies = _incident(len(earlier) + len(new), rng), rng.randint(1, 8)
            new.append(incident)
        for _ in range(copies):
            pairs.append((_article(f"synthetic{first + len(pairs):09d}", incident, common, rng), incident.number))
    pairs.sort(key=lambda pair: (pair[0].published or _FIRST_DAY, pair[0].id))
    return [a for a, _ in pairs], new, {a.id: n for a, n in pairs}


def build(path: Path, n_events: int, increment: int, seed: int = 0) -> tuple[list[Article], dict[str, int]]:
    """A store at ``path`` with about ``n_events`` synthetic events, not linked; the ``increment`` articles to add
    later; and the incident of every article."""
    rng = random.Random(seed)
    common = [_word(rng) for _ in range(COMMON_WORDS)]
    articles, incidents, truth = _reports(-(-n_events // EVENTS_PER_ARTICLE), 0, rng, common, [])
    with Store(path) as store:
        for first in range(0, len(articles), BATCH):
            store.write(articles[first:first + BATCH])
    later, _, more = _reports(increment, len(articles), rng, common, incidents)
    return later, truth | more


def _child(db: Path, chunk: int) -> None:
    """Link every article of the store without a story, in this process; print the time and peak memory."""
    from dateline.stories import StoryOptions, attach

    started = time.perf_counter()
    with Store(db) as store:
        done = attach(store, StoryOptions(chunk=chunk))
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"articles": done.articles, "events": done.events, "link_s": round(seconds, 1),
                      "articles_per_s": round(done.articles / seconds, 1) if seconds else None,
                      "peak_rss_mb": round(peak_kib / 1024, 1)}))


def timed_link(db: Path, chunk: int) -> dict[str, Any]:
    """Link the store's unlinked articles in a child process: its report."""
    done = subprocess.run([sys.executable, "-m", "dateline.stories.bench", "--child", "--db", str(db),
                           "--chunk", str(chunk)], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _bcubed(db: Path, truth: dict[str, int]) -> dict[str, Any]:
    from dateline.evaluation._coref import bcubed

    with Store(db, read_only=True) as store:
        stories = dict(store.con.execute("SELECT id, story FROM articles").fetchall())
        counts = store.con.execute("SELECT count(DISTINCT story), count(DISTINCT instance) FROM articles a "
                                   "JOIN events e ON e.article_id = a.id").fetchone() or (0, 0)
    p, r, f = bcubed({i: truth[i] for i in stories}, stories)
    return {"incidents": len(set(truth.values())), "stories": counts[0], "instances": counts[1],
            "stories.precision": round(p, 4), "stories.recall": round(r, 4), "stories.f1": round(f, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.stories.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events (default 100000)")
    parser.add_argument("--increment", type=int, default=None,
                        help="articles added after the first link (default 1%% of the articles)")
    parser.add_argument("--chunk", type=int, default=256, help="articles linked per transaction (default 256)")
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.db, args.chunk)
        return 0
    increment = args.increment if args.increment is not None else max(1, args.events // EVENTS_PER_ARTICLE // 100)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "synthetic.duckdb"
        started = time.perf_counter()
        later, truth = build(db, args.events, increment)
        report: dict[str, Any] = {"build_s": round(time.perf_counter() - started, 1), "all": timed_link(db, args.chunk)}
        with Store(db) as store:
            store.write(later)
        report["increment"] = timed_link(db, args.chunk)
        report["quality"] = _bcubed(db, truth)
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
