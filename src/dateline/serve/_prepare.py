"""Tables the web app derives from the store once, at start-up, in memory.

While the app holds the store open read-only no other process can write it
(DuckDB's file lock), so whatever is derived at start-up stays true for the
app's lifetime. Joining events, participants and quotes with actor names and
article titles once here keeps every list request a scan of one table.

The store is attached read-only as ``store``; its tables are visible under
their own names through views, beside these derived tables:

- ``term_index``: the store's word index, sorted by word
- ``article_list``: the articles without their contract JSON, newest first
- ``participants``: event participants with actor name, country, sector, kind and the event's quad class
- ``event_dates``: every event date value with the days it names and its precision (:mod:`dateline.serve._dates`)
- ``event_list``: events with their own date as ``date_start``/``date_end``/``date_precision`` (never the
  publication date in its place), their article's title and date, and their participants' keys, ids, names,
  countries
- ``event_edges``: the directed actor pairs of every event (the network)
- ``actor_summary``: one row per actor key (an actor across articles) with counts
- ``quote_list``: quotes with the speaker's name, the article's title and date, and whether the quote lies
  inside a longer one of the same speaker (``nested``)
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from dateline.serve._dates import date_span
from dateline.store._export import sql_string
from dateline.store._schema import TABLES

__all__ = ["prepare"]

_DERIVED = (
    # The word index sorted by word: DuckDB's min/max zone maps then skip almost every row group.
    "CREATE TABLE term_index AS SELECT term, article_id FROM store.terms ORDER BY term, article_id",
    """CREATE TABLE article_list AS
       SELECT id, title, site, url, published, authors, n_actors, n_events, n_quotes, text
       FROM store.articles ORDER BY published DESC NULLS LAST, id""",
    """CREATE TABLE participants AS
       SELECT p.article_id, p.event_id, p.role, p.actor_id, p.actor_key, a.name, a.country, a.sector, a.kind, e.quad
       FROM store.event_participants p
       LEFT JOIN store.actors a ON a.article_id = p.article_id AND a.id = p.actor_id
       LEFT JOIN store.events e ON e.article_id = p.article_id AND e.id = p.event_id""",
    """CREATE TABLE event_list AS
       WITH who AS (SELECT article_id, event_id, list(DISTINCT actor_key) AS actor_keys,
                           list(DISTINCT actor_id) AS actor_ids, lower(string_agg(DISTINCT name, '|')) AS actor_names,
                           list(DISTINCT country) AS countries
                    FROM participants GROUP BY ALL)
       SELECT e.* EXCLUDE (day), d.date_start, d.date_end, d.date_precision,
              ar.title AS article_title, ar.published AS article_published,
              coalesce(who.actor_keys, []) AS actor_keys, coalesce(who.actor_ids, []) AS actor_ids,
              coalesce(who.actor_names, '') AS actor_names, coalesce(who.countries, []) AS countries
       FROM store.events e JOIN store.articles ar ON ar.id = e.article_id
       LEFT JOIN event_dates d ON d.value = e.date_value
       LEFT JOIN who ON who.article_id = e.article_id AND who.event_id = e.id
       ORDER BY d.date_start DESC NULLS LAST, e.article_id, e.trigger_start, e.id""",
    # Directed edges of the actor network: actor -> recipient; co-actors of one event once, in key order.
    # Generic groups with no country ("police", "rebels", "business") are left out: under one key they
    # would join the police of every article into one node.
    """CREATE TABLE event_edges AS
       SELECT DISTINCT s.article_id, s.event_id, s.actor_key AS source, t.actor_key AS target, s.quad
       FROM participants s JOIN participants t ON s.article_id = t.article_id AND s.event_id = t.event_id
       WHERE s.role = 'actor' AND s.actor_key <> t.actor_key AND (t.role = 'recipient' OR s.actor_key < t.actor_key)
         AND NOT (s.kind = 'group' AND s.country IS NULL) AND NOT (t.kind = 'group' AND t.country IS NULL)""",
    # A quote inside a longer quote of the same speaker ("accused Biden of 'siding with criminals'" holds
    # "siding with criminals") is marked nested: an actor's page lists what they said once.
    """CREATE TABLE quote_list AS
       SELECT qu.*, ac.name AS speaker_name, ar.title AS article_title, ar.published AS article_published,
              EXISTS (SELECT 1 FROM store.quotes o
                      WHERE o.article_id = qu.article_id AND o.speaker IS NOT DISTINCT FROM qu.speaker
                        AND o.start_char <= qu.start_char AND o.end_char >= qu.end_char
                        AND o.end_char - o.start_char > qu.end_char - qu.start_char) AS nested
       FROM store.quotes qu
       LEFT JOIN store.actors ac ON ac.article_id = qu.article_id AND ac.id = qu.speaker
       JOIN store.articles ar ON ar.id = qu.article_id
       ORDER BY ar.published DESC NULLS LAST, qu.article_id, qu.start_char""",
    """CREATE TABLE actor_summary AS
       WITH ac AS (SELECT key, mode(name) AS name, mode(kind) AS kind, mode(country) AS country,
                          mode(sector) AS sector, mode(title) AS title, count(DISTINCT article_id) AS articles,
                          sum(n_mentions) AS mentions
                   FROM store.actors GROUP BY key),
            ev AS (SELECT actor_key AS key, count(*) AS events
                   FROM (SELECT DISTINCT actor_key, article_id, event_id FROM store.event_participants) GROUP BY 1),
            qu AS (SELECT speaker_key AS key, count(*) AS quotes FROM quote_list WHERE NOT nested GROUP BY 1)
       SELECT ac.*, coalesce(ev.events, 0) AS events, coalesce(qu.quotes, 0) AS quotes
       FROM ac LEFT JOIN ev USING (key) LEFT JOIN qu USING (key)
       ORDER BY events DESC, articles DESC, key""",
)


def prepare(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Attach the store at ``path`` read-only and build the derived tables."""
    # ATTACH takes no parameter for its path; the literal is quoted here.
    con.execute(f"ATTACH {sql_string(path)} AS store (READ_ONLY)")
    for table in (*TABLES, "meta"):
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM store.{table}")
    _event_dates(con)
    for statement in _DERIVED:
        con.execute(statement)


def _event_dates(con: duckdb.DuckDBPyConnection) -> None:
    """The table of every event date value and the days it names (computed in Python, once per value)."""
    con.execute("CREATE TABLE event_dates (value VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR)")
    values = [row[0] for row in con.execute("SELECT DISTINCT date_value FROM store.events "
                                            "WHERE date_value IS NOT NULL").fetchall()]
    rows = [(value, *span) for value in values if (span := date_span(value)) is not None]
    if rows:
        columns = list(zip(*rows, strict=True))
        dates = pa.table({"value": pa.array(columns[0], pa.string()), "start": pa.array(columns[1], pa.date32()),
                          "end": pa.array(columns[2], pa.date32()), "precision": pa.array(columns[3], pa.string())})
        con.register("_dates", dates)
        try:
            con.execute("INSERT INTO event_dates SELECT * FROM _dates")
        finally:
            con.unregister("_dates")
