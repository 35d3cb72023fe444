"""Store columns derived from record fields: how a table is declared and how a record becomes its row.

A :class:`RecordTable` holds one row per record of a kind (an actor, an event).
Its layout names the columns in order; a field named by its name is a column of
that name whose DuckDB type comes from the field's type hint, and helpers cover
what is stored otherwise (a span as three columns, a nested record's fields
with a prefix, a value computed from the record). Every field of the record is
either in the layout, or declared as stored elsewhere (another table, or only
in the contract JSON), or, when the layout does not mention it, appended as a
column of its own at the end: a field added to a record is stored with no
change here, and the store layout test then asks for a new store version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from dateline.records import Span

__all__ = ["ARROW_TYPES", "Column", "Context", "LinkTable", "RecordTable", "computed", "nested", "own_span",
           "record_table", "span_columns", "span_text", "sql_type", "typed"]

#: The Arrow type of every DuckDB type the store uses (bulk inserts go through Arrow).
ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "INTEGER": pa.int64(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
}
#: The DuckDB type of a field's plain type (``X | None`` counts as ``X``; Literal types of strings as str).
_SQL_TYPES: dict[Any, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}
#: The DuckDB type of span offsets.
OFFSET = "INTEGER"


@dataclass(frozen=True)
class Context:
    """What a row needs beyond its own record: its article and what the write computed for it."""

    article_id: str = ""
    published: dt.date | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    """Actor id -> actor key (``donald-trump.usa``), for the article's actors."""
    processed_at: dt.datetime | None = None
    batch: int | None = None
    """The number of the write that stores the article (see :func:`dateline.store._schema.next_batch`)."""
    contract: str = ""
    """The article's contract JSON."""


Getter = Callable[[Any, Context], Any]


@dataclass(frozen=True)
class Column:
    """One column: its name, DuckDB type, how a record gives its value, and the record field it stores."""

    name: str
    sql: str
    get: Getter
    field: str | None = None

    @property
    def arrow(self) -> pa.DataType:
        return ARROW_TYPES[self.sql]


def typed(name: str, sql: str) -> Column:
    """The field ``name`` as a column of the DuckDB type ``sql`` (instead of the one its type hint gives)."""
    return Column(name, sql, _attribute(name), name)


def computed(name: str, sql: str, get: Getter, field: str | None = None) -> Column:
    """A column computed from the record and its context (``field``: the record field it stores, if any)."""
    return Column(name, sql, get, field)


def span_columns(name: str, prefix: str | None = None) -> list[Column]:
    """A span field as ``{prefix}_start``, ``{prefix}_end`` and ``{prefix}_text`` (prefix: the field name)."""
    prefix = prefix or name
    return [
        Column(f"{prefix}_start", OFFSET, _part(name, "start"), name),
        Column(f"{prefix}_end", OFFSET, _part(name, "end"), name),
        Column(f"{prefix}_text", "VARCHAR", _part(name, "text"), name),
    ]


def own_span(name: str) -> list[Column]:
    """The span a record is about (a place name, a quote) as ``start_char``, ``end_char`` and ``text``."""
    return [
        Column("start_char", OFFSET, _part(name, "start"), name),
        Column("end_char", OFFSET, _part(name, "end"), name),
        Column("text", "VARCHAR", _part(name, "text"), name),
    ]


def span_text(name: str, column: str) -> Column:
    """Only the text of an optional span field (a quote's speaker or cue as written)."""
    return Column(column, "VARCHAR", _part(name, "text"), name)


def nested(name: str, record: type, parts: Sequence[str | tuple[str, str]]) -> list[Column]:
    """Fields of an optional record held by the field ``name``, as ``{name}_{part}`` columns.

    A part is a field name of ``record``, or ``(field name, DuckDB type)``.
    """
    hints = get_type_hints(record)
    columns = []
    for part in parts:
        part_name, sql = part if isinstance(part, tuple) else (part, sql_type(hints[part]))
        columns.append(Column(f"{name}_{part_name}", sql, _part(name, part_name), name))
    return columns


@dataclass(frozen=True)
class RecordTable:
    """A table with one row per record of ``record``'s class; see the module docstring."""

    name: str
    record: type
    records: Callable[[Any], Iterable[Any]]
    """The records of this table in an article (in a failure: the failure itself)."""
    columns: tuple[Column, ...]
    elsewhere: Mapping[str, str]
    """Fields stored in other tables or only in the contract JSON, with where."""

    def row(self, record: Any, context: Context) -> list[Any]:
        return [column.get(record, context) for column in self.columns]

    def rows(self, article: Any, context: Context) -> list[list[Any]]:
        return [self.row(record, context) for record in self.records(article)]


def record_table(name: str, record: type, records: Callable[[Any], Iterable[Any]],
                 layout: Sequence[str | Column | list[Column]], elsewhere: Mapping[str, str]) -> RecordTable:
    """A :class:`RecordTable`: ``layout`` in order, then every field neither in it nor ``elsewhere``."""
    columns: list[Column] = []
    for entry in layout:
        if isinstance(entry, str):
            columns.append(_field_column(record, entry))
        else:
            columns.extend(entry if isinstance(entry, list) else [entry])
    covered = {c.field for c in columns} | set(elsewhere)
    for f in dataclasses.fields(record):
        if f.name not in covered and f.compare:
            columns.extend(_derived(record, f.name))
    return RecordTable(name, record, records, tuple(columns), elsewhere)


@dataclass(frozen=True)
class LinkTable:
    """A table whose rows are built by hand: links between records, the word index."""

    name: str
    columns: tuple[tuple[str, str], ...]
    """(name, DuckDB type) of each column."""
    build: Callable[[Any, Context], Iterable[list[Any]]]

    def rows(self, article: Any, context: Context) -> list[list[Any]]:
        return list(self.build(article, context))


def sql_type(tp: Any) -> str:
    """The DuckDB type of a field's type hint; TypeError for one that needs a layout entry."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            return sql_type(inner[0])
    if origin is Literal and all(isinstance(a, str) for a in get_args(tp)):
        return "VARCHAR"
    if origin is tuple and get_args(tp) == (str, ...):
        return "VARCHAR[]"
    if tp in _SQL_TYPES:
        return _SQL_TYPES[tp]
    raise TypeError(f"no column type for {tp!r}")


def _field_column(record: type, name: str) -> Column:
    tp = get_type_hints(record)[name]
    get = _attribute(name)
    if get_origin(tp) is tuple:
        return Column(name, sql_type(tp), lambda rec, ctx: list(get(rec, ctx)), name)
    return Column(name, sql_type(tp), get, name)


def _derived(record: type, name: str) -> list[Column]:
    """The columns of a field the layout does not name: its own column, or three for a span."""
    tp = get_type_hints(record)[name]
    if tp is Span or tp == Span | None:
        return span_columns(name)
    try:
        return [_field_column(record, name)]
    except TypeError:
        raise TypeError(
            f"{record.__name__}.{name} ({tp}) has no column rule: give it columns in its table's layout "
            f"in dateline/store/_schema.py, or list it there as stored elsewhere"
        ) from None


def _attribute(name: str) -> Getter:
    return lambda record, context: getattr(record, name)


def _part(name: str, part: str) -> Getter:
    """The ``part`` of the span or record in the field ``name`` (None when the field is None)."""
    def get(record: Any, context: Context) -> Any:
        inner = getattr(record, name)
        return None if inner is None else getattr(inner, part)

    return get
