"""The learned model's cue features: the per-token template columns and the table they are hashed from."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dateline import annotate
from dateline.lang import resources
from dateline.quotes._cue_features import _REACH, LexiconBits, _shifts, _templates
from dateline.quotes._hashing import stack_templates
from dateline.quotes._learned import arrays_of
from dateline.quotes._lexicon import load_lexicon
from dateline.records import Article


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=12))
def test_a_shifted_column_is_its_neighbours_values_and_0_past_the_edges(values: list[int]) -> None:
    column = np.asarray(values, dtype=np.uint64)
    shifted = _shifts(column)
    for k in range(-_REACH, _REACH + 1):
        expected = [values[i - k] if 0 <= i - k < len(values) else 0 for i in range(len(values))]
        assert shifted(k).dtype == column.dtype and shifted(k).tolist() == expected


@given(st.lists(st.lists(st.integers(min_value=-3, max_value=2**62), min_size=4, max_size=4), min_size=1, max_size=5))
def test_the_table_holds_each_distinct_column_once_as_uint64(rows: list[list[int]]) -> None:
    columns = [np.asarray(c, dtype=np.int64) for c in zip(*rows, strict=True)]
    flags = columns[0] > 0
    templates = [(columns[0],), (columns[1], columns[0]), (flags, columns[2], columns[3]), (columns[3],)]
    table, index = stack_templates(templates)
    assert index == ((0,), (1, 0), (2, 3, 4), (4,))
    expected = np.stack([c.astype(np.uint64) for c in (columns[0], columns[1], flags, columns[2], columns[3])], axis=1)
    assert table.dtype == np.uint64 and np.array_equal(table, expected)


def test_the_neighbour_columns_read_the_words_around_each_token(nlp: Any) -> None:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=(
        'The mayor said on Monday that the bridge "will open soon," and the council agreed.'))])
    a = arrays_of(article)
    columns = _templates(a, LexiconBits(load_lexicon(resources("en"))))
    before, after = columns[26], columns[27]  # (previous word, part of speech), (next word, part of speech)
    assert before[1] is a.pos and after[1] is a.pos
    assert before[0].tolist() == [0, *a.lower[:-1].tolist()]
    assert after[0].tolist() == [*a.lower[1:].tolist(), 0]
