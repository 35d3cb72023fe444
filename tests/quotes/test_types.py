"""Sentence ends read from one token, and cue scores from columns made once per article, answer as before."""

from __future__ import annotations

from typing import Any

import numpy as np

from dateline import annotate
from dateline.lang import resources
from dateline.quotes import _learned
from dateline.quotes._arrays import Arrays
from dateline.quotes._lexicon import load_lexicon
from dateline.quotes._marks import find_quoted
from dateline.quotes._types import goes_on, reaching
from dateline.records import Article

TEXT = ('The council voted on Monday. "We will rebuild," the mayor said, adding that work starts soon.\n\n'
        'Critics, she noted, disagree. Residents believe the plan has failed')


def test_a_token_goes_on_its_sentence_until_the_next_begins(nlp: Any) -> None:
    doc = nlp(TEXT)
    for tok in doc[:-1]:
        k = tok.i + 1
        assert goes_on(doc, k) == (k < tok.sent.end)
    assert not goes_on(doc, len(doc))


def test_the_tokens_reaching_a_point_come_in_subtree_order(nlp: Any) -> None:
    doc = nlp(TEXT + ", which the union, as it said, called a betrayal of the workers who had backed it")
    for tok in doc:
        for floor in range(tok.i, tok.right_edge.i + 1):
            wanted = [t.i for t in tok.subtree if t.right_edge.i >= floor]
            assert [t.i for t in reaching(tok, floor) if t.right_edge.i >= floor] == wanted


def test_cue_scores_are_the_same_made_again_from_the_kept_columns() -> None:
    [article] = annotate.apply_batch([Article(id="t1", source="test", text=TEXT)])
    assert article.doc is not None
    learned = _learned.load_learned(resources("en"), load_lexicon(resources("en")))
    assert learned is not None
    model, features = learned.model, learned.features
    a = Arrays(article.doc, TEXT, find_quoted(TEXT))
    some = np.zeros(a.n, dtype=bool)
    some[::3] = True
    first = model.cue_scores(a, features, some)
    assert a.cue_table is not None
    every = model.cue_scores(a, features)
    fresh = model.cue_scores(Arrays(article.doc, TEXT, find_quoted(TEXT)), features)
    assert np.array_equal(every, fresh)
    assert np.array_equal(first[some], fresh[some])
    assert np.isneginf(first[~some]).all()
