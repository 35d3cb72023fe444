"""An article's story keys made ahead, where it was analyzed, from the store rows made there.

Linking needs of each new article its keys (:func:`dateline.stories._keys.article_keys`), which depend on
the article alone: a worker that makes an article's store rows makes its keys too, from the same rows the
linking step would read back (actor mentions, places and dates with where each starts), in the order it
would read them, so :func:`dateline.stories.attach` gives the same stories with them as without. The run's
process then only looks the keys up in the store's indexes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from dateline.store import Prepared
from dateline.stories._keys import Keys, article_keys
from dateline.stories._match import UNCOMPARED_KINDS
from dateline.stories._options import StoryOptions
from dateline.stories._read import EventRow

__all__ = ["KeysAhead", "keys_ahead"]


@dataclass(frozen=True)
class KeysAhead:
    """The keys of some articles, by id, and the settings they were made with (used only with the same)."""

    lead_words: int
    entity_weight: float
    keys: dict[str, Keys]
    records: dict[str, tuple[EventRow, ...]] = field(default_factory=dict)
    """The event records of each article, in reading order, as linking reads them (any settings)."""

    def usable(self, options: StoryOptions) -> bool:
        return (self.lead_words, self.entity_weight) == (options.lead_words, options.entity_weight)


def keys_ahead(prepared: Prepared, options: StoryOptions = StoryOptions()) -> KeysAhead:
    """The keys of every article of ``prepared``, read from its rows as the linking step reads them from
    the store (see :func:`dateline.stories._read.pending`)."""
    actors, places, times = _parts(prepared)
    keys: dict[str, Keys] = {}
    for row in _columns(prepared, "articles", "id", "title", "text", "language"):
        article_id, title, text, language = row
        keys[article_id] = article_keys(title, text, options.lead_words, language, actors.get(article_id, []),
                                        places.get(article_id, []), times.get(article_id, []),
                                        options.entity_weight)
    return KeysAhead(options.lead_words, options.entity_weight, keys, _records(prepared))


def _records(prepared: Prepared) -> dict[str, tuple[EventRow, ...]]:
    """Per article, its event records as :func:`dateline.stories._read.mentions_where` reads them back: by
    evidence, then trigger start and id, each with its participants that have an actor key, by role and key."""
    actors = {(a, i): (country, kind, name) for a, i, country, kind, name in _columns(
        prepared, "actors", "article_id", "id", "country", "kind", "name")}
    parties: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for article, event, actor, key, role in _columns(prepared, "event_participants", "article_id", "event_id",
                                                     "actor_id", "actor_key", "role"):
        if key is not None:
            country, kind, name = actors.get((article, actor), (None, None, None))
            parties[article, event].append({"role": role, "key": key, "country": country, "kind": kind,
                                            "name": name})
    rows = _columns(prepared, "events", "article_id", "id", "type", "status", "date_value", "place_country",
                    "trigger_text", "evidence_start", "trigger_start")
    rows.sort(key=lambda r: (r[0], *((r[i] is None, r[i] or 0) for i in (7, 8)), r[1]))
    found: dict[str, list[EventRow]] = {article: [] for (article,) in _columns(prepared, "articles", "id")}
    for article, event, kind, status, value, country, trigger, _, _ in rows:
        sides = tuple(sorted(parties[article, event], key=lambda p: (p["role"], p["key"])))
        found.setdefault(article, []).append(EventRow(article, event, kind, status, value, country,
                                                      trigger and trigger.lower(), sides))
    return {article: tuple(records) for article, records in found.items()}


Mentions = dict[str, list[tuple[str, int]]]


def _parts(prepared: Prepared) -> tuple[Mentions, Mentions, Mentions]:
    """Per article: (actor key, start) of its mentions, by start then key; (GeoNames id, else the lower-cased
    name, start) of its named places and (value, start) of its dates and times with a value, by start."""
    key_of = {(a, i): k for a, i, k, kind in _columns(prepared, "actors", "article_id", "id", "key", "kind")
              if kind not in UNCOMPARED_KINDS}
    actors: Mentions = defaultdict(list)
    for article, actor, start in _columns(prepared, "mentions", "article_id", "actor_id", "start_char"):
        if (article, actor) in key_of:
            actors[article].append((key_of[article, actor], start))
    places: Mentions = defaultdict(list)
    for article, geonames, name, start in _columns(prepared, "places", "article_id", "geonames_id", "name",
                                                   "start_char"):
        if name is not None:
            places[article].append((str(geonames) if geonames is not None else name.lower(), start))
    times: Mentions = defaultdict(list)
    for article, value, kind, start in _columns(prepared, "times", "article_id", "value", "type", "start_char"):
        if value is not None and kind in ("DATE", "TIME"):
            times[article].append((value, start))
    for found in actors.values():
        found.sort(key=lambda m: (m[1], m[0]))
    for grouped in (places, times):
        for found in grouped.values():
            found.sort(key=lambda m: m[1])
    return actors, places, times


def _columns(prepared: Prepared, table: str, *names: str) -> list[tuple[Any, ...]]:
    rows = prepared.tables[table]
    return list(zip(*(rows.column(name).to_pylist() for name in names), strict=True))
