"""The tables of the DuckDB store and how one :class:`Article` becomes their rows.

Every table is declared once, as ``(column, DuckDB type, Arrow type)``; the DDL
and the Arrow schema used for bulk inserts are both derived from it, so they
cannot drift apart. Spans are stored as ``start_char``/``end_char`` (``[start,
end)`` into ``articles.text``) plus the covered text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from dateline.records import Article, Failure, Span
from dateline.serialize import article_to_dict

__all__ = ["EXPORT_TABLES", "SCHEMA_VERSION", "TABLES", "actor_key", "arrow_schema", "article_rows", "ddl", "like",
           "quote_filter", "terms"]

#: Bumped whenever a table changes shape; a store written with another version is refused.
SCHEMA_VERSION = "2"

Column = tuple[str, str, pa.DataType]
_S, _I, _D = pa.string(), pa.int64(), pa.float64()
_SPAN: list[Column] = [("start_char", "INTEGER", _I), ("end_char", "INTEGER", _I), ("text", "VARCHAR", _S)]

TABLES: dict[str, list[Column]] = {
    "articles": [
        ("id", "VARCHAR", _S), ("source", "VARCHAR", _S), ("url", "VARCHAR", _S), ("site", "VARCHAR", _S),
        ("title", "VARCHAR", _S), ("authors", "VARCHAR[]", pa.list_(_S)), ("published", "DATE", pa.date32()),
        ("published_text", "VARCHAR", _S), ("language", "VARCHAR", _S), ("duplicate_of", "VARCHAR", _S),
        ("text", "VARCHAR", _S), ("boilerplate", "VARCHAR", _S), ("n_actors", "INTEGER", _I),
        ("n_events", "INTEGER", _I), ("n_quotes", "INTEGER", _I), ("processed_at", "TIMESTAMP", pa.timestamp("us")),
        ("contract", "VARCHAR", _S),
    ],
    "actors": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("key", "VARCHAR", _S), ("name", "VARCHAR", _S),
        ("kind", "VARCHAR", _S), ("country", "VARCHAR", _S), ("sector", "VARCHAR", _S), ("title", "VARCHAR", _S),
        ("wikidata", "VARCHAR", _S), ("n_mentions", "INTEGER", _I),
    ],
    "mentions": [("article_id", "VARCHAR", _S), ("actor_id", "VARCHAR", _S), *_SPAN],
    "events": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("type", "VARCHAR", _S), ("mode", "VARCHAR", _S),
        ("contexts", "VARCHAR[]", pa.list_(_S)), ("status", "VARCHAR", _S), ("quad", "INTEGER", _I),
        ("intensity", "DOUBLE", _D), ("confidence", "DOUBLE", _D), ("date_value", "VARCHAR", _S),
        ("date_text", "VARCHAR", _S), ("day", "DATE", pa.date32()), ("place_name", "VARCHAR", _S),
        ("place_country", "VARCHAR", _S), ("place_lat", "DOUBLE", _D), ("place_lon", "DOUBLE", _D),
        ("place_geonames_id", "BIGINT", _I), ("trigger_start", "INTEGER", _I), ("trigger_end", "INTEGER", _I),
        ("trigger_text", "VARCHAR", _S), ("evidence_start", "INTEGER", _I), ("evidence_end", "INTEGER", _I),
        ("evidence_text", "VARCHAR", _S),
    ],
    "event_participants": [
        ("article_id", "VARCHAR", _S), ("event_id", "VARCHAR", _S), ("actor_id", "VARCHAR", _S),
        ("actor_key", "VARCHAR", _S), ("role", "VARCHAR", _S),
    ],
    "quotes": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("speaker", "VARCHAR", _S),
        ("speaker_key", "VARCHAR", _S), ("speaker_text", "VARCHAR", _S), ("cue", "VARCHAR", _S), *_SPAN,
        ("direct", "BOOLEAN", pa.bool_()), ("kind", "VARCHAR", _S),
    ],
    "times": [("article_id", "VARCHAR", _S), *_SPAN, ("value", "VARCHAR", _S), ("type", "VARCHAR", _S),
              ("day", "DATE", pa.date32())],
    "places": [
        ("article_id", "VARCHAR", _S), *_SPAN, ("name", "VARCHAR", _S), ("country", "VARCHAR", _S),
        ("lat", "DOUBLE", _D), ("lon", "DOUBLE", _D), ("geonames_id", "BIGINT", _I), ("feature", "VARCHAR", _S),
    ],
    "failures": [
        ("source", "VARCHAR", _S), ("stage", "VARCHAR", _S), ("doc_id", "VARCHAR", _S), ("error", "VARCHAR", _S),
        ("message", "VARCHAR", _S), ("failed_at", "TIMESTAMP", pa.timestamp("us")),
    ],
    # The full-text index: one row per distinct word of an article (title and text), built at write time.
    "terms": [("term", "VARCHAR", _S), ("article_id", "VARCHAR", _S)],
}

#: Tables written by CSV/Parquet exports (``terms`` is an index, not data).
EXPORT_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name != "terms")

_WORD = re.compile(r"\w+")
_SLUG = re.compile(r"[\W_]+")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Words longer than this are not indexed (URLs, base64 noise); nobody searches for them.
MAX_TERM_LENGTH = 40


def ddl() -> Iterator[str]:
    """CREATE TABLE statements for every table, plus the metadata table."""
    yield "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
    for name, columns in TABLES.items():
        cols = ", ".join(f"{col} {typ}" for col, typ, _ in columns)
        yield f"CREATE TABLE IF NOT EXISTS {name} ({cols})"


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(col, typ) for col, _, typ in TABLES[table]])


def terms(text: str) -> set[str]:
    """The distinct lower-cased words of ``text`` that the search index keeps."""
    return {w for w in _WORD.findall(text.lower()) if len(w) <= MAX_TERM_LENGTH}


def actor_key(name: str, country: str | None) -> str:
    """A readable key that groups one actor across articles: ``donald-trump.usa``."""
    slug = _SLUG.sub("-", name.lower()).strip("-") or "unnamed"
    return f"{slug}.{country.lower()}" if country else slug


def _day(value: str | None) -> dt.date | None:
    if value and _FULL_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _span(span: Span) -> list[Any]:
    return [span.start, span.end, span.text]


def article_rows(article: Article, processed_at: dt.datetime) -> dict[str, list[list[Any]]]:
    """The rows of every table for one article (column order as in :data:`TABLES`)."""
    contract = article_to_dict(article)
    keys = {a.id: actor_key(a.name, a.country) for a in article.actors}
    rows: dict[str, list[list[Any]]] = {name: [] for name in TABLES}
    rows["articles"].append([
        article.id, article.source, article.url, article.site, article.title, list(article.authors),
        article.published, article.published_text, article.language, article.duplicate_of, article.text,
        json.dumps(contract["boilerplate"], ensure_ascii=False), len(article.actors), len(article.events),
        len(article.quotes), processed_at, json.dumps(contract, ensure_ascii=False),
    ])
    for actor in article.actors:
        rows["actors"].append([article.id, actor.id, keys[actor.id], actor.name, actor.kind, actor.country,
                               actor.sector, actor.title, actor.wikidata, len(actor.mentions)])
        rows["mentions"].extend([article.id, actor.id, *_span(m)] for m in actor.mentions)
    for event in article.events:
        rows["events"].append(_event_row(article, event, keys))
        for role, ids in (("actor", event.actors), ("recipient", event.recipients)):
            rows["event_participants"].extend([article.id, event.id, a, keys.get(a), role] for a in ids)
    for quote in article.quotes:
        speaker_text = None if quote.speaker_span is None else quote.speaker_span.text
        cue = None if quote.cue is None else quote.cue.text
        rows["quotes"].append([article.id, quote.id, quote.speaker, keys.get(quote.speaker or ""), speaker_text,
                               cue, *_span(quote.content), quote.direct, quote.kind])
    for time in article.times:
        rows["times"].append([article.id, *_span(time.span), time.value, time.type, _day(time.value)])
    for place in article.places:
        rows["places"].append([article.id, *_span(place.span), place.name, place.country, place.lat, place.lon,
                               place.geonames_id, place.feature])
    words = terms(article.text) | terms(article.title or "")
    rows["terms"].extend([w, article.id] for w in sorted(words))
    return rows


def _event_row(article: Article, event: Any, keys: dict[str, str]) -> list[Any]:
    date_value = None if event.date is None else event.date.value
    date_text = None if event.date is None else event.date.text
    place = event.place
    return [
        article.id, event.id, event.type, event.mode, list(event.contexts), event.status, event.quad,
        event.intensity, event.confidence, date_value, date_text, _day(date_value) or article.published,
        None if place is None else place.name, None if place is None else place.country,
        None if place is None else place.lat, None if place is None else place.lon,
        None if place is None else place.geonames_id, *_span(event.trigger), *_span(event.evidence),
    ]


def failure_row(failure: Failure, failed_at: dt.datetime) -> list[Any]:
    return [failure.source, failure.stage, failure.doc_id, failure.error, failure.message, failed_at]


def like(text: str) -> str:
    """An ILIKE pattern that finds ``text`` anywhere, with its own % and _ taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quote_filter(speaker: str | None, kind: str | None, words: str | None,
                 name_column: str) -> tuple[list[str], list[Any]]:
    """SQL conditions (over a quotes table aliased ``qu``) and their parameters: by speaker (actor key or id,
    or part of the name in ``name_column`` or as written), kind and words in the quote."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if speaker:
        clauses.append(f"(qu.speaker_key = ? OR qu.speaker = ? OR {name_column} ILIKE ? ESCAPE '\\' "
                       "OR qu.speaker_text ILIKE ? ESCAPE '\\')")
        params += [speaker, speaker, like(speaker), like(speaker)]
    if kind:
        clauses.append("qu.kind = ?")
        params.append(kind)
    if words:
        clauses.append("qu.text ILIKE ? ESCAPE '\\'")
        params.append(like(words))
    return clauses, params
