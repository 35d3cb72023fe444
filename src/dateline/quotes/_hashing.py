"""Feature hashing for the learned model: many feature templates, one numpy pass, fixed weight slots.

A template combines up to four integer columns (spaCy string hashes, symbol
ids, small buckets) with its own id into one 64-bit hash per row; the low
``bits`` bits of the hash pick the template value's weight slot. Slot 0 is
padding and always weighs 0. The hashes depend only on the values, so they are
the same in every process and on every machine.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

__all__ = ["Columns", "mix_table", "slots", "softmax_groups", "stack_templates"]

#: The value columns of one template (at most :data:`WIDTH`).
Columns = tuple[np.ndarray, ...]
#: Most columns one template combines.
WIDTH = 4

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)


def stack_templates(templates: Sequence[Columns]) -> tuple[np.ndarray, tuple[tuple[int, ...], ...]]:
    """The distinct columns of ``templates`` side by side (rows x columns, uint64), and each template's columns
    as column numbers of that table: what :func:`mix_table` hashes."""
    place: dict[int, int] = {}
    columns: list[np.ndarray] = []
    index = []
    for cols in templates:
        for c in cols:
            if id(c) not in place:
                place[id(c)] = len(columns)
                columns.append(c)
        index.append(tuple(place[id(c)] for c in cols))
    table = np.empty((len(columns[0]) if columns else 0, len(columns)), dtype=np.uint64)
    for k, column in enumerate(columns):
        table[:, k] = column  # cast as astype(np.uint64) casts, column by column into the table
    return table, tuple(index)


@functools.lru_cache(maxsize=64)
def _gather(templates: tuple[tuple[int, ...], ...], zero: int) -> np.ndarray:
    """The table columns of each template, padded to :data:`WIDTH` with the column ``zero`` (templates x WIDTH)."""
    return np.asarray([(*cols, *([zero] * (WIDTH - len(cols)))) for cols in templates], dtype=np.intp)


def mix_table(table: np.ndarray, templates: tuple[tuple[int, ...], ...], offset: int = 0) -> np.ndarray:
    """One uint64 hash per row of ``table`` (rows x columns, uint64, as :func:`stack_templates` makes it) and
    template: template ``t`` mixes its columns ``templates[t]`` (column numbers of ``table``, padded to
    :data:`WIDTH`) with its id ``offset + t``."""
    n = table.shape[0]
    padded = np.concatenate([table.astype(np.uint64, copy=False), np.zeros((n, 1), dtype=np.uint64)], axis=1)
    values = padded[:, _gather(templates, table.shape[1])]  # rows x templates x WIDTH
    seeds = np.arange(offset, offset + len(templates), dtype=np.uint64) * _M2 + np.uint64(1)
    h = np.broadcast_to(seeds, (n, len(templates))).copy()
    with np.errstate(over="ignore"):
        for k in range(WIDTH):
            h ^= values[:, :, k]
            h *= _M1
            h ^= h >> np.uint64(29)
    return h


def slots(hashes: np.ndarray, bits: int) -> np.ndarray:
    """Weight slots (1 .. 2**bits - 1) of uint64 hashes."""
    out = (hashes & np.uint64((1 << bits) - 1)).astype(np.int64)
    out[out == 0] = 1
    return out


def softmax_groups(scores: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Softmax of ``scores`` within the contiguous groups that begin at ``starts``."""
    sizes = np.diff(np.append(starts, len(scores)))
    group = np.repeat(np.arange(len(starts)), sizes)
    top = np.maximum.reduceat(scores, starts)
    e = np.exp(scores - top[group])
    out: np.ndarray = e / np.add.reduceat(e, starts)[group]
    return out
