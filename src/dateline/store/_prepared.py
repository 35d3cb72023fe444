"""Store rows made ahead, where a batch was analyzed: one Arrow table per store table for the whole batch.

A worker that analyzed a batch makes its rows (:func:`prepare`) and sends them as Arrow tables, which cross
to the run's process as buffers, not as trees of Python objects to rebuild; the run's process gives them the
write's time and number and inserts them (:meth:`Prepared.tables_for`). The tables hold exactly the rows
:func:`dateline.store._schema.article_rows` gives, in article order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import pyarrow as pa

from dateline.records import Article
from dateline.store._schema import ARTICLE_TABLES, TERMS, arrow_schema, article_rows

__all__ = ["Prepared", "arrow_rows", "prepare"]

#: The tables an article's rows go to, in the order they are inserted.
_TABLES = tuple(t.name for t in (*ARTICLE_TABLES, TERMS))


def arrow_rows(table: str, rows: Sequence[Sequence[Any]]) -> pa.Table:
    """Rows (column order as in the store) as an Arrow table of ``table``'s schema."""
    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)], schema=schema
    )


@dataclass(frozen=True)
class Prepared:
    """The store rows of ``ids`` (in order): per table, one Arrow table and how many rows each article has.

    ``extra`` carries what else the worker made ahead for the run's process, by name (see
    :mod:`dateline.stories`).
    """

    ids: tuple[str, ...]
    tables: dict[str, pa.Table]
    counts: dict[str, tuple[int, ...]]
    extra: dict[str, Any] = field(default_factory=dict)

    def tables_for(self, articles: Sequence[Article], now: dt.datetime,
                   batch: int | None = None) -> dict[str, list[pa.Table]]:
        """Per table, Arrow pieces holding the rows of ``articles`` in their order: the rows prepared here for
        those among ``ids``, new rows for the others; stamped with ``now`` and the write's number ``batch``."""
        if [a.id for a in articles] == list(self.ids):
            return {t: [_stamp(t, self.tables[t], now, batch)] for t in _TABLES}
        index = {a: i for i, a in enumerate(self.ids)}
        offsets = {t: _offsets(self.counts[t]) for t in _TABLES}
        out: dict[str, list[pa.Table]] = {t: [] for t in _TABLES}
        for article in articles:
            at = index.get(article.id)
            if at is None:
                made = article_rows(article, now, batch)
                for t in _TABLES:
                    out[t].append(arrow_rows(t, made[t]))
                continue
            for t in _TABLES:
                start, end = offsets[t][at], offsets[t][at + 1]
                out[t].append(_stamp(t, self.tables[t].slice(start, end - start), now, batch))
        return out


def prepare(articles: Iterable[Article], extra: Mapping[str, Any] | None = None) -> Prepared:
    """The store rows of ``articles`` (without the write's time), as :class:`Prepared`."""
    made = [(a.id, article_rows(a, None)) for a in articles]
    tables = {t: arrow_rows(t, [row for _, rows in made for row in rows[t]]) for t in _TABLES}
    counts = {t: tuple(len(rows[t]) for _, rows in made) for t in _TABLES}
    return Prepared(tuple(a for a, _ in made), tables, counts, dict(extra or {}))


def _offsets(counts: tuple[int, ...]) -> list[int]:
    return list(accumulate(counts, initial=0))


def _stamp(table: str, rows: pa.Table, now: dt.datetime, batch: int | None) -> pa.Table:
    """The articles' rows given the write's time and number (other tables have neither)."""
    if table != ARTICLE_TABLES[0].name or not rows.num_rows:
        return rows
    for name, value in (("processed_at", now), ("batch", batch)):
        at = rows.schema.get_field_index(name)
        column = rows.schema.field(at)
        rows = rows.set_column(at, column, pa.array([value] * rows.num_rows, type=column.type))
    return rows
