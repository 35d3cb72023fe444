"""The tables of the DuckDB store and how one :class:`Article` becomes their rows.

Each record table follows its record's fields (see :mod:`dateline.store._columns`):
the layout below names the columns in the order analysts see them, and a field
added to a record becomes a column without an edit here. The DDL, the Arrow
schema of bulk inserts and every row are derived from these declarations.
Spans are stored as ``start_char``/``end_char`` (``[start, end)`` into
``articles.text``) plus the covered text, or with the field's name as prefix
(``trigger_start``).

Changing a table's shape (a new record field included) changes the layout that
``tests/store/test_layout.py`` pins for :data:`SCHEMA_VERSION`: bump the version
there and here, so that stores of the old layout are refused with a message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from dateline.records import Actor, Article, Event, EventDate, Failure, Place, Quote, TimeExpr
from dateline.serialize import article_to_dict
from dateline.store._columns import (
    ARROW_TYPES,
    Context,
    LinkTable,
    RecordTable,
    computed,
    nested,
    own_span,
    record_table,
    span_columns,
    span_text,
    typed,
)
from dateline.store._stories import STORY_TABLES, DerivedTable

__all__ = ["EXPORT_TABLES", "PER_ARTICLE", "SCHEMA_VERSION", "TABLES", "UPGRADES", "actor_key", "arrow_schema",
           "article_rows", "columns", "ddl", "failure_row", "like", "next_batch", "query_terms", "quote_filter",
           "terms"]

#: Bumped whenever a table changes shape; a store of an older version is upgraded in place by
#: :data:`UPGRADES` when it is opened for writing, any other version is refused.
SCHEMA_VERSION = "8"
#: How a store of an older version becomes the next one: its version -> (the next version, statements).
#: Columns are only ever added at the end of a table, so an upgraded store has the layout of a new one.
UPGRADES: dict[str, tuple[str, tuple[str, ...]]] = {
    # Version 4 keeps claims whose cue is negated ("did not say"), marked; version 3 dropped them.
    "3": ("4", ("ALTER TABLE quotes ADD COLUMN negated BOOLEAN", "UPDATE quotes SET negated = false")),
    # Version 5 adds the stories step's index of linked event records; a store with linked records has it
    # filled by the next linking (dateline.stories), which the meta key below asks for.
    "4": ("5", ("CREATE TABLE IF NOT EXISTS story_records (seq BIGINT, article_id VARCHAR, event_id VARCHAR, "
                "story VARCHAR, instance VARCHAR, since BIGINT, type VARCHAR, status VARCHAR, lo DATE, hi DATE, "
                "exact BOOLEAN, country VARCHAR, word VARCHAR, "
                "actors STRUCT(key VARCHAR, country VARCHAR, is_country BOOLEAN)[], "
                "recipients STRUCT(key VARCHAR, country VARCHAR, is_country BOOLEAN)[])",
                "INSERT OR REPLACE INTO meta SELECT 'story_records_missing', 'true' "
                "WHERE EXISTS (SELECT 1 FROM events WHERE instance IS NOT NULL)")),
    # Version 6 numbers the writes (articles.batch): stored articles are numbered by their write time, one
    # number per distinct time (each write stamped its articles with one), and the count is kept for the next.
    "5": ("6", ("ALTER TABLE articles ADD COLUMN batch BIGINT",
                "UPDATE articles SET batch = r.n FROM (SELECT id, dense_rank() OVER (ORDER BY processed_at) AS n "
                "FROM articles) r WHERE articles.id = r.id",
                "INSERT OR REPLACE INTO meta SELECT 'last_batch', CAST(max(batch) AS VARCHAR) FROM articles "
                "HAVING max(batch) IS NOT NULL")),
    # Version 7 gives each story and instance the first and last write numbers of its articles, beside its
    # first and last report, filled from the articles (near-duplicates of an instance's articles included).
    "6": ("7", ("ALTER TABLE stories ADD COLUMN first_batch BIGINT",
                "ALTER TABLE stories ADD COLUMN last_batch BIGINT",
                "ALTER TABLE instances ADD COLUMN first_batch BIGINT",
                "ALTER TABLE instances ADD COLUMN last_batch BIGINT",
                "UPDATE stories SET first_batch = r.lo, last_batch = r.hi FROM (SELECT story, min(batch) AS lo, "
                "max(batch) AS hi FROM articles WHERE story IS NOT NULL GROUP BY story) r WHERE stories.id = r.story",
                "UPDATE instances SET first_batch = r.lo, last_batch = r.hi FROM (SELECT instance, min(batch) AS lo, "
                "max(batch) AS hi FROM (SELECT e.instance, a.batch FROM events e JOIN articles a "
                "ON a.id = e.article_id WHERE e.instance IS NOT NULL UNION ALL SELECT e.instance, d.batch "
                "FROM events e JOIN articles d ON d.duplicate_of = e.article_id WHERE e.instance IS NOT NULL) "
                "GROUP BY instance) r WHERE instances.id = r.instance")),
    # Version 8 keeps the town a street or building the gazetteer does not know lies in, whose point it takes
    # (Place.within), for the places and for an event's place; older places have none.
    "7": ("8", ("ALTER TABLE events ADD COLUMN place_within VARCHAR",
                "ALTER TABLE places ADD COLUMN within VARCHAR")),
}
#: The meta key holding the number of the last write that stored articles (see :func:`next_batch`).
LAST_BATCH = "last_batch"

_WORD = re.compile(r"\w+")
_SLUG = re.compile(r"[\W_]+")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Words longer than this are not indexed (URLs, base64 noise); nobody searches for them.
MAX_TERM_LENGTH = 40


def terms(text: str) -> set[str]:
    """The distinct lower-cased words of ``text`` that the search index keeps."""
    return {w for w in _WORD.findall(text.lower()) if len(w) <= MAX_TERM_LENGTH}


def query_terms(text: str) -> tuple[set[str], set[str]]:
    """The words of a search, in one walk: those the index keeps (as :func:`terms` gives them), and the longer
    ones it leaves out, case-folded, to be sought in the text itself (as a phrase is)."""
    kept: set[str] = set()
    longer: set[str] = set()
    for word in _WORD.findall(text.lower()):
        if len(word) <= MAX_TERM_LENGTH:
            kept.add(word)
        else:
            longer.add(word.casefold())
    return kept, longer


def actor_key(name: str, country: str | None) -> str:
    """A readable key that groups one actor across articles: ``donald-trump.usa``."""
    slug = _SLUG.sub("-", name.lower()).strip("-") or "unnamed"
    return f"{slug}.{country.lower()}" if country else slug


def _day(value: str | None) -> dt.date | None:
    """The calendar day of a full date value (``2017-07-07``), else None (``2017-07``, ``XXXX-07-07``)."""
    if value and _FULL_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


_ARTICLE_ID = computed("article_id", "VARCHAR", lambda record, c: c.article_id)
#: Where the fields of an article that hold records are stored.
_ARTICLE_RECORDS = {"actors": "actors, mentions", "events": "events, event_participants", "quotes": "quotes",
                    "times": "times", "places": "places"}

ARTICLES = record_table("articles", Article, lambda article: [article], layout=[
    "id", "source", "url", "site", "title", "authors", "published", "published_text", "language", "duplicate_of",
    "text",
    computed("boilerplate", "VARCHAR", lambda a, c: json.dumps(
        [{"kind": b.kind, "text": b.text} for b in a.boilerplate], ensure_ascii=False), "boilerplate"),
    computed("n_actors", "INTEGER", lambda a, c: len(a.actors)),
    computed("n_events", "INTEGER", lambda a, c: len(a.events)),
    computed("n_quotes", "INTEGER", lambda a, c: len(a.quotes)),
    computed("processed_at", "TIMESTAMP", lambda a, c: c.processed_at),
    computed("contract", "VARCHAR", lambda a, c: c.contract),
    "story",
    computed("batch", "BIGINT", lambda a, c: c.batch),
], elsewhere={"actors": "actors, mentions", "events": "events, event_participants", "quotes": "quotes",
              "times": "times", "places": "places"})

ACTORS = record_table("actors", Actor, lambda article: article.actors, layout=[
    _ARTICLE_ID, "id", computed("key", "VARCHAR", lambda a, c: c.keys[a.id]), "name", "kind", "country", "sector",
    "title", "wikidata", computed("n_mentions", "INTEGER", lambda a, c: len(a.mentions)),
], elsewhere={"mentions": "mentions"})

EVENTS = record_table("events", Event, lambda article: article.events, layout=[
    _ARTICLE_ID, "id", "type", "mode", "contexts", "status", typed("quad", "INTEGER"), "intensity", "confidence",
    nested("date", EventDate, ["value", "text"]),
    computed("day", "DATE", lambda e, c: _day(None if e.date is None else e.date.value) or c.published),
    nested("place", Place, ["name", "country", "lat", "lon", "geonames_id"]),
    span_columns("trigger"), span_columns("evidence"), "instance", nested("place", Place, ["within"]),
], elsewhere={"actors": "event_participants", "recipients": "event_participants",
              "actor_spans": "the contract JSON", "recipient_spans": "the contract JSON"})

QUOTES = record_table("quotes", Quote, lambda article: article.quotes, layout=[
    _ARTICLE_ID, "id", "speaker", computed("speaker_key", "VARCHAR", lambda q, c: c.keys.get(q.speaker or "")),
    span_text("speaker_span", "speaker_text"), span_text("cue", "cue"), own_span("content"), "direct", "kind",
    "negated",
], elsewhere={"parts": "the contract JSON"})

TIMES = record_table("times", TimeExpr, lambda article: article.times, layout=[
    _ARTICLE_ID, own_span("span"), "value", "type", computed("day", "DATE", lambda t, c: _day(t.value)),
], elsewhere={})

PLACES = record_table("places", Place, lambda article: article.places, layout=[
    _ARTICLE_ID, own_span("span"), "name", "country", "lat", "lon", "geonames_id", "feature", "within",
], elsewhere={})

FAILURES = record_table("failures", Failure, lambda failure: [failure], layout=[
    "source", "stage", "doc_id", "error", "message", computed("failed_at", "TIMESTAMP", lambda f, c: c.processed_at),
], elsewhere={})


def _mentions(article: Article, context: Context) -> Iterator[list[Any]]:
    for actor in article.actors:
        yield from ([article.id, actor.id, m.start, m.end, m.text] for m in actor.mentions)


def _participants(article: Article, context: Context) -> Iterator[list[Any]]:
    for event in article.events:
        for role, ids in (("actor", event.actors), ("recipient", event.recipients)):
            yield from ([article.id, event.id, a, context.keys.get(a), role] for a in ids)


def _terms(article: Article, context: Context) -> Iterator[list[Any]]:
    words = terms(article.text) | terms(article.title or "")
    yield from ([w, article.id] for w in sorted(words))


MENTIONS = LinkTable("mentions", (("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("start_char", "INTEGER"),
                                  ("end_char", "INTEGER"), ("text", "VARCHAR")), _mentions)
PARTICIPANTS = LinkTable("event_participants", (("article_id", "VARCHAR"), ("event_id", "VARCHAR"),
                                                ("actor_id", "VARCHAR"), ("actor_key", "VARCHAR"), ("role", "VARCHAR")),
                         _participants)
# The full-text index: one row per distinct word of an article (title and text), built at write time.
TERMS = LinkTable("terms", (("term", "VARCHAR"), ("article_id", "VARCHAR")), _terms)

#: The tables an article is written to, in the order they are created and exported.
ARTICLE_TABLES: tuple[RecordTable | LinkTable, ...] = (
    ARTICLES, ACTORS, MENTIONS, EVENTS, PARTICIPANTS, QUOTES, TIMES, PLACES,
)
#: Every table by name: those an article is written to, failures, the word index, and the story tables.
TABLES: dict[str, RecordTable | LinkTable | DerivedTable] = {
    t.name: t for t in (*ARTICLE_TABLES, FAILURES, TERMS, *STORY_TABLES)
}
#: Tables whose rows belong to one article (``article_id``): a replaced article's rows go first.
PER_ARTICLE: tuple[str, ...] = (*(t.name for t in ARTICLE_TABLES if t.name != "articles"), "terms", "story_keys",
                                "story_records")

#: Tables written by CSV/Parquet exports (``terms`` and the ``story_`` tables are indexes, not data).
EXPORT_TABLES: tuple[str, ...] = tuple(name for name in TABLES
                                       if name not in ("terms", "story_keys", "story_df", "story_records"))


def columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of every column of ``table``, in order."""
    found = TABLES[table]
    if isinstance(found, LinkTable | DerivedTable):
        return list(found.columns)
    return [(c.name, c.sql) for c in found.columns]


def ddl() -> Iterator[str]:
    """CREATE TABLE statements for every table, plus the metadata table."""
    yield "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
    for name, table in TABLES.items():
        cols = ", ".join(f"{col} {sql}" for col, sql in columns(name))
        constraints = f", {table.constraints}" if isinstance(table, DerivedTable) and table.constraints else ""
        yield f"CREATE TABLE IF NOT EXISTS {name} ({cols}{constraints})"


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(col, ARROW_TYPES[sql]) for col, sql in columns(table)])


#: The rows of every table an article is written to, by table (see :func:`article_rows`).
Rows = dict[str, list[list[Any]]]


def article_rows(article: Article, processed_at: dt.datetime | None, batch: int | None = None) -> Rows:
    """The rows of every table an article is written to (column order as in :data:`TABLES`).

    ``processed_at`` None: rows made ahead of the write (by the worker that analyzed the article), given the
    write's time and number (``batch``) when they are stored.
    """
    context = Context(
        article_id=article.id,
        published=article.published,
        keys={a.id: actor_key(a.name, a.country) for a in article.actors},
        processed_at=processed_at,
        batch=batch,
        contract=json.dumps(article_to_dict(article), ensure_ascii=False),
    )
    return {table.name: table.rows(article, context) for table in (*ARTICLE_TABLES, TERMS)}


def next_batch(con: duckdb.DuckDBPyConnection) -> int:
    """The number of a write that stores articles, inside its transaction: one more than the last such write's
    (1 in a new store), kept in ``meta`` so that a number is never given twice, even after the articles of a
    write are replaced; a write rolled back gives its number back with its rows."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [LAST_BATCH]).fetchone()
    batch = 1 if row is None else int(row[0]) + 1
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [LAST_BATCH, str(batch)])
    return batch


def failure_row(failure: Failure, failed_at: dt.datetime) -> list[Any]:
    return FAILURES.row(failure, Context(processed_at=failed_at))


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
