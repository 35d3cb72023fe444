"""The pipeline is built (checked), then run; a failing document never stops the batch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.errors import PipelineError, StageError
from dateline.pipeline import DEFAULT_STAGES, STAGES, Pipeline, StageSpec
from dateline.records import Article, Document, Failure


def _doc(i: int, text: str = "The council met on Monday.") -> Document:
    return Document(id=f"d{i}", source=f"input-{i}.txt", kind="text", content=text)


def explode_on_boom(article: Article) -> Article:
    if "boom" in article.text:
        raise ValueError("cannot handle boom")
    return replace(article, title="checked")


@pytest.fixture
def exploding_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    spec = StageSpec("explode", "tests.test_pipeline:explode_on_boom", frozenset({"text"}), frozenset({"checked"}))
    monkeypatch.setitem(STAGES, "explode", spec)
    return "explode"


def test_default_stages_build_in_order() -> None:
    assert Pipeline().stage_names == DEFAULT_STAGES


def test_unknown_stage_is_rejected_at_build() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'parse'"):
        Pipeline(["annotate", "parse"])


def test_missing_prerequisite_is_rejected_at_build() -> None:
    with pytest.raises(PipelineError, match="needs doc"):
        Pipeline(["actors", "annotate"])


def test_double_assignment_is_rejected_at_build() -> None:
    with pytest.raises(PipelineError, match="already assigned"):
        Pipeline(["annotate", "annotate"])


def test_bad_batch_size_is_rejected() -> None:
    with pytest.raises(PipelineError, match="batch_size"):
        Pipeline(batch_size=0)


def test_failure_is_recorded_and_batch_goes_on(exploding_stage: str) -> None:
    docs = [_doc(1), _doc(2, "A boom was heard."), _doc(3)]
    results = list(Pipeline([exploding_stage]).run(docs))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert (failure.doc_id, failure.source, failure.stage) == ("d2", "input-2.txt", "explode")
    assert "cannot handle boom" in failure.message
    assert all(r.title == "checked" for r in results if isinstance(r, Article))


def test_stop_policy_raises_stage_error_with_cause(exploding_stage: str) -> None:
    with pytest.raises(StageError, match="stage 'explode' failed on document d2") as info:
        list(Pipeline([exploding_stage], on_error="stop").run([_doc(2, "boom")]))
    assert isinstance(info.value.cause, ValueError)


def test_ingest_failures_pass_through_in_order(exploding_stage: str) -> None:
    bad = Failure("broken.gz", "ingest", "InputError", "truncated gzip")
    results = list(Pipeline([exploding_stage], batch_size=2).run([_doc(1), bad, _doc(3)]))
    assert results[1] == bad
    assert [r.id for r in results if isinstance(r, Article)] == ["d1", "d3"]


def test_annotation_is_not_shipped_out_of_the_pipeline() -> None:
    (article,) = Pipeline(["annotate"]).run_batch([_doc(1)])
    assert isinstance(article, Article)
    assert article.doc is None
