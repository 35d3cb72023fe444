"""The learned model's content candidates for one cue."""

from __future__ import annotations

from typing import Any

from dateline import annotate
from dateline.quotes._arrays import Arrays
from dateline.quotes._candidates import content_candidates
from dateline.quotes._learned import arrays_of
from dateline.records import Article


def _candidates(text: str, cue: str) -> tuple[Arrays, dict[str, str]]:
    [article] = annotate.apply_batch([Article(id="c1", source="test", text=text)])
    a = arrays_of(article)
    i = next(t.i for t in article.doc if t.text == cue)
    out = {}
    for c in content_candidates(a, i, []):
        words = [t.text for s, e in c.spans for t in article.doc[s:e]]
        out[c.kind] = " ".join(words)
    return a, out


def test_a_passive_cue_offers_its_subject(nlp: Any) -> None:
    _, found = _candidates("The true costs of the new stadium are hotly debated in the city.", "debated")
    assert found["dep:nsubjpass"] == "The true costs of the new stadium"
    assert "passive_clause" not in found  # no complement after the cue


def test_a_passive_cue_offers_its_subject_with_its_complement(nlp: Any) -> None:
    _, found = _candidates("The young mayor was widely expected to win the race easily.", "expected")
    assert found["dep:nsubjpass"] == "The young mayor"
    assert found["passive_clause"] == "The young mayor was widely to win the race easily"


def test_an_active_cue_offers_no_subject(nlp: Any) -> None:
    _, found = _candidates("The young mayor expected a close race.", "expected")
    assert "dep:nsubjpass" not in found and "passive_clause" not in found
    assert "The young mayor" not in found.values()
