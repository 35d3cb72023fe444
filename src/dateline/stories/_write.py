"""What the stories step writes: stories and instances on the articles and events, the key index, the counts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

import duckdb

from dateline.store._stories import refresh

__all__ = ["add_df", "add_keys", "set_links"]

#: meta key holding the number of articles counted in story_df.
ARTICLES_COUNTED = "story_df_articles"


def counted_articles(con: duckdb.DuckDBPyConnection) -> int:
    """How many linked articles story_df counts keys of."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [ARTICLES_COUNTED]).fetchone()
    return int(row[0]) if row else 0


def add_df(con: duckdb.DuckDBPyConnection, keysets: Sequence[set[str]]) -> int:
    """Count the keys of new linked articles in story_df; the number of articles counted now."""
    counts: dict[str, int] = {}
    for keys in keysets:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    if counts:
        names = sorted(counts)
        con.execute(
            """INSERT INTO story_df SELECT unnest($1::VARCHAR[]), unnest($2::INTEGER[])
               ON CONFLICT (key) DO UPDATE SET df = story_df.df + excluded.df""",
            [names, [counts[k] for k in names]])
    total = counted_articles(con) + len(keysets)
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [ARTICLES_COUNTED, str(total)])
    return total


def add_keys(con: duckdb.DuckDBPyConnection,
             rows: Sequence[tuple[str, str, dt.date | None, Mapping[str, float]]]) -> None:
    """Index the kept keys of newly linked articles: (article, story, date, key -> count)."""
    flat = [(a, s, d, k, n) for a, s, d, keys in rows for k, n in sorted(keys.items())]
    if not flat:
        return
    con.execute(
        """INSERT INTO story_keys SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::DATE[]),
                                         unnest($4::VARCHAR[]), unnest($5::DOUBLE[])""",
        [list(col) for col in zip(*flat, strict=True)])


def set_links(con: duckdb.DuckDBPyConnection, stories: Mapping[str, str],
              instances: Mapping[tuple[str, str], str]) -> None:
    """Store each article's story and each event's instance, in the columns and in the contract JSON, and
    refresh the summary rows of the stories and instances they touch (and of the instances their
    near-duplicates' originals report)."""
    if not stories:
        return
    ids = sorted(stories)
    # The rows are found by their ids first, then read (a filter on the id alone reads every article's contract).
    contracts = dict(con.execute(
        """SELECT id, contract FROM articles
           WHERE rowid IN (SELECT rowid FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[])))""",
        [ids]).fetchall())
    updated = [_contract(contracts[i], stories[i], i, instances) for i in ids]
    con.execute(
        """UPDATE articles SET story = u.story, contract = u.contract
           FROM (SELECT unnest($1::VARCHAR[]) AS id, unnest($2::VARCHAR[]) AS story,
                        unnest($3::VARCHAR[]) AS contract) u
           WHERE articles.id = u.id""",
        [ids, [stories[i] for i in ids], updated])
    if instances:
        keys = sorted(instances)
        con.execute(
            """UPDATE events SET instance = u.instance
               FROM (SELECT unnest($1::VARCHAR[]) AS article_id, unnest($2::VARCHAR[]) AS id,
                            unnest($3::VARCHAR[]) AS instance) u
               WHERE events.article_id = u.article_id AND events.id = u.id""",
            [[a for a, _ in keys], [e for _, e in keys], [instances[k] for k in keys]])
    originals = con.execute(
        """SELECT DISTINCT e.instance FROM articles a JOIN events e ON e.article_id = a.duplicate_of
           WHERE a.id IN (SELECT unnest($1::VARCHAR[])) AND e.instance IS NOT NULL""", [ids]).fetchall()
    refresh(con, set(stories.values()), {*instances.values(), *(r[0] for r in originals)})


def _contract(contract: str, story: str, article: str, instances: Mapping[tuple[str, str], str]) -> str:
    data = json.loads(contract)
    data["story"] = story
    for event in data.get("events") or ():
        event["instance"] = instances.get((article, event.get("id")), event.get("instance"))
    return json.dumps(data, ensure_ascii=False)
