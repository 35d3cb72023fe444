"""The texts of runs of tokens, read from the doc's arrays, are the texts spaCy's spans give."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.actors._tokens import TokenTexts

TEXT = ("The mayor of  Port Elm, Dr. Ana Ruiz-Vega, said on Tuesday:\n\n\u201cWe won\u2019t stop.\u201d "
        "Crews from the U.S. arrived  later.  ")


def test_every_run_reads_as_its_span(nlp: Any) -> None:
    doc = nlp(TEXT)
    texts = TokenTexts.of(doc, TEXT)
    assert texts.words == [t.text for t in doc]
    assert texts.lowers == [t.lower_ for t in doc]
    assert texts.offsets == [t.idx for t in doc]
    for start in range(len(doc)):
        assert texts.end(start) == doc[start].idx + len(doc[start].text)
        for end in range(start, len(doc) + 1):
            assert texts.between(start, end) == doc[start:end].text


def test_a_doc_over_the_beginning_of_the_text_reads_the_same(nlp: Any) -> None:
    doc = nlp(TEXT[:40])
    texts = TokenTexts.of(doc, TEXT)
    assert [texts.between(k, k + 1) for k in range(len(doc))] == [t.text for t in doc]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Ana", "said", " ", "  ", "\n", ",", "U.S.", "won\u2019t", "-", "Port"]),
                max_size=20))
def test_runs_of_any_text(nlp: Any, pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = nlp.make_doc(text)
    texts = TokenTexts.of(doc, text)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert texts.between(start, end) == doc[start:end].text
