"""Stories: one real-world incident, however many articles report it; one real-world event, however many records.

>>> with Store("news.duckdb") as store:  # doctest: +SKIP
...     store.write(batch)
...     attach(store)                      # the runner does this after every batch it stores

This step runs after the store, across articles. :func:`attach` gives every
stored article that has no ``story`` yet one, and every event record of it an
``instance``, in the order the articles were stored, a chunk of articles per
transaction:

- **Stories.** An article joins the story of the linked article it is most
  like, when their similarity reaches ``threshold`` and they were published
  within ``window_days`` of each other; else it starts a story of its own.
  Similarity is the cosine of the articles' keys: the words of their titles and
  leads, their actors, places and years, each weighted by how rare it is among
  linked articles (:mod:`dateline.stories._keys`). The articles compared are
  the few that share most of the new one's distinctive keys, found through
  the ``story_keys`` index. A near-duplicate (``duplicate_of``) takes the
  story of its original.
- **Instances.** Each event record joins the instance of the best matching
  earlier record of the same type and status, in the same story, or with a
  participant in common on the same day, provided nothing says they differ
  (status, dates, participants, place: :mod:`dateline.stories._match`) with
  any record of that instance; else it starts one. The records compared are
  read from an index of linked records kept in linking order
  (:mod:`dateline.stories._records`), so the lookup reads recent records only.

Nothing already linked is ever moved, so a run that adds articles links only
them, and the work per chunk is bounded by the candidates it reads, not by the
store's size. Ids are stable: a story is named after its first article and an
instance after its first record (:func:`dateline.ids.child_id`), so the same
inputs stored in the same order get the same ids. The ``stories`` and
``instances`` tables keep, per story and per instance, the number of articles
(near-duplicates included) and distinct sources and the first and last report
(:mod:`dateline.store._stories`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import duckdb

from dateline import ids
from dateline.errors import StoreError
from dateline.store import Store
from dateline.stories import _records
from dateline.stories._ahead import KeysAhead, keys_ahead
from dateline.stories._headline import Headline, differ, of_keys
from dateline.stories._keys import (
    article_keys,
    centroid,
    cosine,
    court,
    days,
    days_differ,
    event_days,
    idf,
    period,
    top,
    weights,
)
from dateline.stories._match import InstanceIndex
from dateline.stories._options import StoryOptions
from dateline.stories._read import (
    EventRow,
    Pending,
    candidates,
    chunk_mentions,
    day_range,
    df_counts,
    pending,
    story_members,
    story_of,
)
from dateline.stories._write import add_df, add_keys, set_links

__all__ = ["Attached", "KeysAhead", "StoryOptions", "attach", "keys_ahead"]


@dataclass(frozen=True)
class Attached:
    """What :func:`attach` linked: articles, the stories they started, event records, the instances started."""

    articles: int = 0
    new_stories: int = 0
    events: int = 0
    new_instances: int = 0

    def __add__(self, other: Attached) -> Attached:
        return Attached(self.articles + other.articles, self.new_stories + other.new_stories,
                        self.events + other.events, self.new_instances + other.new_instances)


def attach(store: Store, options: StoryOptions = StoryOptions(), ahead: KeysAhead | None = None) -> Attached:
    """Link every stored article without a story, and its event records (see the module docstring).

    ``ahead``: the keys of some of them, made where they were analyzed (:func:`keys_ahead`); the others'
    are made here.
    """
    if store.read_only:
        raise StoreError(f"store {store.path} was opened read-only; open it without read_only to link stories")
    if options.chunk < 1 or options.max_keys < 1 or options.candidates < 1:
        raise StoreError(f"chunk, max_keys and candidates must be at least 1 (got {options})")
    total = Attached()
    with store.session() as con:  # the held connection, or one for this call (a store opened with hold=False)
        while True:
            try:
                known = ahead.keys if ahead is not None and ahead.usable(options) else {}
                chunk = pending(con, options.chunk, known)
                if not chunk:
                    return total
                con.begin()
                _records.fill(con)
                done = _link(con, chunk, options, known, ahead.records if ahead is not None else {})
                con.commit()
            except duckdb.Error as exc:
                _rollback(con)
                raise StoreError(f"linking stories in {store.path} failed (the chunk was rolled back): {exc}") from exc
            except BaseException:
                _rollback(con)
                raise
            total = total + done


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # no transaction open
        con.rollback()


@dataclass(frozen=True)
class _Member:
    """An article of a story as stories are compared: its date, weighted keys, the days its lead names, the
    act its headline tells, the month its title names and whether its title tells a step of a case at law."""

    day: dt.date | None
    keys: dict[str, float]
    days: list[dt.date]
    headline: Headline | None = None
    period: str | None = None
    court: bool = False

    @classmethod
    def of(cls, day: dt.date | None, keys: Mapping[str, float], idfs: dict[str, float]) -> _Member:
        """The member of an article with these story keys."""
        return cls(day, weights(keys, idfs), days(keys), of_keys(keys), period(keys), court(keys))

    def apart(self, other: _Member) -> bool:
        """The two tell other acts: their headlines one act of other parties (:func:`differ`), their titles
        two months, as roundups of two months do ("..., September 2020"), or one title a step of a case at law
        and the other none (a court's ruling on an act is not the act)."""
        return differ(self.headline, other.headline) or self.court != other.court or (
            self.period is not None and other.period is not None and self.period != other.period)


@dataclass
class _Linking:
    """The state of one chunk: idf of the keys seen, and the members of the stories it may join."""

    options: StoryOptions
    articles: int
    idfs: dict[str, float] = field(default_factory=dict)
    members: dict[str, list[_Member]] = field(default_factory=dict)

    def learn(self, con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
        missing = [k for k in keys if k not in self.idfs]
        if missing:
            counts = df_counts(con, missing)
            self.idfs.update({k: idf(counts.get(k, 0), self.articles) for k in missing})

    def story(self, article: Pending, own: _Member, stories: Iterable[str]) -> str:
        """The story whose members around the article's date are most like it, if alike enough; else its own.

        A story is compared by the centroid of its members published within ``window_days`` of the article
        whose leads name no other days than its own (the days ±DAY_SLACK; a lead's own publication day is
        left out of this, and an undated article's days are all left out, see :func:`event_days`) and whose
        headlines do not tell its headline's act of other parties (:func:`dateline.stories._headline.differ`)
        and whose titles name no other month than its own and tell a step of a case at law when its own does
        (:meth:`_Member.apart`).
        """
        best: tuple[float, str] | None = None
        named = event_days(own.days, article.published)
        for story in stories:
            near = [m for m in self.members.get(story, ()) if self._close(article.published, m.day)
                    and not days_differ(named, event_days(m.days, m.day)) and not own.apart(m)]
            score = cosine(own.keys, centroid([m.keys for m in near])) if near else 0.0
            if score >= self.options.threshold and (best is None or score > best[0]):
                best = (score, story)
        return best[1] if best is not None else ids.child_id(article.id, "story")

    def _close(self, a: dt.date | None, b: dt.date | None) -> bool:
        return a is None or b is None or abs((a - b).days) <= self.options.window_days


def _link(con: duckdb.DuckDBPyConnection, chunk: list[Pending], options: StoryOptions,
          known: dict[str, dict[str, float]], records: dict[str, tuple[EventRow, ...]]) -> Attached:
    originals = [p for p in chunk if p.duplicate_of is None]
    keys = {p.id: known[p.id] if p.id in known else article_keys(
        p.title, p.text, options.lead_words, p.language, p.actors, p.places, p.times, options.entity_weight)
        for p in originals}
    state = _Linking(options, add_df(con, [set(k) for k in keys.values()]))
    state.learn(con, {k for ks in keys.values() for k in ks})
    kept = {a: top(ks, state.idfs, options.max_keys) for a, ks in keys.items()}
    own = {a: _Member.of(None, ks, state.idfs) for a, ks in kept.items()}
    found = candidates(con, [(p.id, p.published, own[p.id].keys) for p in originals], options.window_days,
                       options.candidates)
    stored = story_members(con, sorted({s for cs in found.values() for s in cs}), options.members,
                           day_range([p.published for p in originals], options.window_days))
    state.learn(con, {k for members in stored.values() for _, ks in members for k in ks})
    state.members = {s: [_Member.of(day, ks, state.idfs) for day, ks in members]
                     for s, members in stored.items()}
    stories: dict[str, str] = {}
    for p in originals:
        linked = [s for s in state.members if s in stories.values()]  # stories this chunk started or joined
        stories[p.id] = state.story(p, own[p.id], dict.fromkeys([*found.get(p.id, ()), *linked]))
        state.members.setdefault(stories[p.id], []).append(replace(own[p.id], day=p.published))
    add_keys(con, [(p.id, stories[p.id], p.published, kept[p.id]) for p in originals])
    stories.update(_duplicates(con, [p for p in chunk if p.duplicate_of is not None], stories))
    instances = _instances(con, originals, stories, records)
    set_links(con, stories, instances)
    return Attached(len(chunk), sum(s == ids.child_id(a, "story") for a, s in stories.items()), len(instances),
                    sum(i == ids.child_id(a, "instance", e) for (a, e), i in instances.items()))


def _duplicates(con: duckdb.DuckDBPyConnection, duplicates: list[Pending], stories: dict[str, str]) -> dict[str, str]:
    """A near-duplicate's story is its original's (its own when the original has none)."""
    originals = story_of(con, [p.duplicate_of for p in duplicates if p.duplicate_of and p.duplicate_of not in stories])
    return {p.id: stories.get(p.duplicate_of or "") or originals.get(p.duplicate_of or "")
            or ids.child_id(p.id, "story") for p in duplicates}


def _instances(con: duckdb.DuckDBPyConnection, articles: list[Pending], stories: dict[str, str],
               records: dict[str, tuple[EventRow, ...]]) -> dict[tuple[str, str], str]:
    """The instance of every event record of these articles (``records``: those of some, made ahead)."""
    mentions = chunk_mentions(con, articles, stories, records)
    if not mentions:
        return {}
    index = InstanceIndex()
    since: dict[str, int] = {}
    for mention, instance, first in _records.candidates(con, mentions):
        index.add(mention, instance)
        since[instance] = first
    assigned = {(m.article, m.event): index.assign(m) for m in mentions}
    _records.write(con, [(m, assigned[m.article, m.event]) for m in mentions], since)
    return assigned

