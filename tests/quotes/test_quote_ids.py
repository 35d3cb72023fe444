"""Quote ids are unique within an article: built from the whole span, not its start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.records import Document


@pytest.mark.slow
def test_quote_ids_are_unique_on_the_corpus(shared: Path) -> None:
    corpus = shared / "corpora" / "wikinews.jsonl"
    # The first 50 articles hold two where two quotes start at the same character.
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()[:50]]
    docs = [Document(r["id"], "wikinews", "text", r["text"], published=r.get("date")) for r in rows]
    starts = 0
    for method in ("combined", "rules"):
        pipeline = Pipeline(["annotate", "actors", "quotes"], config={"quotes": {"method": method}})
        for result in pipeline.run(docs):
            quotes = getattr(result, "quotes", ())
            ids = [q.id for q in quotes]
            assert len(ids) == len(set(ids)), result.id
            starts += len(quotes) - len({q.content.start for q in quotes})
    # The case the ids must tell apart is there (the rules alone give a quotation inside a report as its own quote).
    assert starts >= 2
