"""The pipeline is built (checked), then run; a failing document never stops the batch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.errors import LanguageError, PipelineError, StageError
from dateline.pipeline import DEFAULT_STAGES, Pipeline, StageConfig, registered, stage
from dateline.records import Article, Document, Failure
from dateline.run._work import run_stages


def _doc(i: int, text: str = "The council met on Monday.") -> Document:
    return Document(id=f"d{i}", source=f"input-{i}.txt", kind="text", content=text)


@stage("explode", requires={"text"}, assigns={"checked"})
def explode_on_boom(article: Article, config: StageConfig = StageConfig()) -> Article:
    """Fail on articles that say "boom"."""
    if "boom" in article.text:
        raise ValueError("cannot handle boom")
    return replace(article, title="checked")


@pytest.fixture
def exploding_stage() -> str:
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


def test_every_builtin_stage_is_registered_with_its_entry_point() -> None:
    specs = registered()
    assert set(DEFAULT_STAGES) <= set(specs)
    assert specs["events"].entry == "dateline.events:apply"
    assert specs["annotate"].batch and specs["annotate"].entry == "dateline.annotate:apply_batch"


def test_a_stage_registered_outside_the_package_runs_with_its_settings() -> None:
    from tests.plugins import shouting

    assert registered()["shout"].config is shouting.ShoutConfig
    (article,) = Pipeline(["shout"], config={"shout": {"marks": 3}}).run_batch([_doc(1, "Rain fell on Paris.")])
    assert isinstance(article, Article) and article.title == "RAIN FELL ON!!!"
    (article,) = run_stages(Pipeline(["shout"]).settings, [Article(id="a", source="s", text="Calm day here")])
    assert isinstance(article, Article) and article.title == "CALM DAY HERE!"


def test_a_second_stage_under_a_taken_name_is_refused() -> None:
    with pytest.raises(PipelineError, match="already registered"):
        stage("events", requires={"doc"}, assigns={"other"})(explode_on_boom)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"events": {"min_confidnce": 0.5}}, "has no setting 'min_confidnce'; its settings: language"),
        ({"events": {"min_confidence": "high"}}, "'min_confidence' must be a float"),
        ({"geocode": {}}, "settings given for 'geocode'"),
        ({"annotate": {"max_chars": True}}, "'max_chars' must be a int"),
    ],
)
def test_bad_settings_are_rejected_at_build(config: dict[str, dict[str, object]], message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        Pipeline(config=config)


def test_settings_reach_the_stage_and_survive_the_trip_to_a_worker() -> None:
    pipeline = Pipeline(config={"events": {"min_confidence": 0.99}}, lexicons={"events": "/x/mine.json"})
    config = pipeline.stage_config("events")
    assert config.min_confidence == 0.99  # type: ignore[attr-defined]
    assert config.lexicons == (("events", "/x/mine.json"),) and config.language == "en"
    again = Pipeline.from_settings(pipeline.settings)
    assert again.settings == pipeline.settings and hash(again.settings) == hash(pipeline.settings)


def test_high_min_confidence_drops_events() -> None:
    text = "Russia threatened Ukraine on Monday. The two leaders met in Paris."
    docs = [Document(id="e", source="e.txt", kind="text", content=text, published="2020-01-08")]
    (every,) = Pipeline().run_batch(docs)
    (none,) = Pipeline(config={"events": {"min_confidence": 1.01}}).run_batch(docs)
    assert isinstance(every, Article) and isinstance(none, Article)
    assert every.events and not none.events


def test_unknown_language_is_refused_at_build_and_per_article() -> None:
    with pytest.raises(LanguageError, match="no language resources for 'xx'"):
        Pipeline(language="xx")
    french = Document(id="f", source="f.html", kind="html", content="<html lang='fr'><body><article><p>" +
                      "Le conseil s'est réuni lundi à Paris pour parler du budget de la ville. " * 8 +
                      "</p></article></body></html>")
    (result,) = Pipeline().run_batch([french])
    assert isinstance(result, Failure) and result.stage == "annotate" and "'fr'" in result.message


def test_failure_messages_are_cut_short() -> None:
    from dateline.pipeline import MAX_MESSAGE_CHARS, _message

    message = _message(ValueError("bad input: " + "x" * 10_000_000))
    assert message.startswith("ValueError: bad input: x") and len(message) == MAX_MESSAGE_CHARS
