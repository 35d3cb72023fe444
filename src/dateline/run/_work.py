"""What a worker does with one batch: the two picklable jobs every engine ships.

A run that checks near-duplicates works in two steps so that a near-duplicate
is never coded twice:

1. :func:`clean_job` cleans a batch of documents into articles (and computes
   their MinHash signatures) -- cheap, in any worker.
2. the driver decides which articles are duplicates, then
   :func:`analyze_job` runs the analysis stages (annotate, actors, ...) over
   the others.

Without the check there is nothing to decide between the two, and
:func:`process_job` does both in one trip: the documents go to the worker once
and only the finished articles come back.

Both jobs are plain top-level functions over frozen payloads, so a process
pool or Ray can ship them; the stage functions and the spaCy model load once
per worker process (``functools.cache``), never at import time.

With one worker process beside the run's own, the analysis is split in two
instead (:func:`parse_job`, then :func:`finish_parsed` in the run's process):
the worker parses and sends the parses back as a ``DocBin`` (their tokens,
tags, lemmas, parse, entities and sentence starts: the later stages give the
same output on them), and the run's process runs the other stages while the
worker parses the next batch. spaCy is then the only work on the worker.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline import lang
from dateline.pipeline import Pipeline, PipelineSettings, StageTimer
from dateline.records import Article, Document, Failure

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.store import Prepared

__all__ = ["STORY_KEYS", "AnalyzeJob", "CleanJob", "Cleaned", "ParseJob", "Parsed", "ProcessJob", "Processed", "Result",
           "StageTimer", "analyze_job", "clean_job", "finish_parsed", "parse_job", "process_job", "run_stages",
           "splits", "warm_stages"]

Result = Article | Failure
#: A cleaned document and its MinHash signature (None when dedup is off or it failed).
Cleaned = tuple[Result, tuple[int, ...] | None]


@dataclass(frozen=True)
class CleanJob:
    """Clean these documents (with the pipeline's cleaning settings); compute signatures when ``signatures`` is set."""

    documents: tuple[Document, ...]
    signatures: bool = True
    settings: PipelineSettings = PipelineSettings()


@dataclass(frozen=True)
class AnalyzeJob:
    """Run the analysis stages of ``settings`` over these articles; ``rows``, ``records`` and ``keys`` as in
    :class:`ProcessJob`."""

    settings: PipelineSettings
    articles: tuple[Article, ...]
    rows: bool = False
    records: bool = True
    keys: bool = True


@dataclass(frozen=True)
class ProcessJob:
    """Clean these documents and run the analysis stages of ``settings`` over the articles (no near-duplicate
    check in between).

    With ``rows``, make the articles' store rows too (:func:`dateline.store.prepare`), and, with ``keys`` (a run
    that links stories), what story linking needs of each article (:func:`dateline.stories.keys_ahead`).
    Without ``records``, the articles come back
    without their records, which their rows hold (boilerplate, actors, events, quotes, times, places): what
    crosses back to the run's process is then mostly Arrow buffers, not trees of records to rebuild.
    """

    settings: PipelineSettings
    documents: tuple[Document, ...]
    rows: bool = False
    records: bool = True
    keys: bool = True


#: What :func:`process_job` and :func:`analyze_job` give back: a result per document (article), in order,
#: and, when asked for, the store rows of the articles (see :class:`dateline.store.Prepared`).
Processed = tuple[list[Result], "Prepared | None"]


#: What :func:`parse_job` gives back: the parses of the articles that parsed (a serialized ``DocBin``, in order)
#: and, for each article, None or its Failure.
Parsed = tuple[bytes, tuple[Failure | None, ...]]


@dataclass(frozen=True)
class ParseJob:
    """Run the first stage of ``settings`` (annotate) over these articles and keep the parses."""

    settings: PipelineSettings
    articles: tuple[Article, ...]


def splits(stages: Sequence[str]) -> bool:
    """Whether an analysis by these stages splits into parsing and the rest: annotate first, others after it."""
    return len(stages) > 1 and stages[0] == "annotate"


def parse_job(job: ParseJob) -> Parsed:
    """Parse a batch; the parses as one DocBin, failures in place."""
    from spacy.tokens import DocBin

    parsed = _pipeline(job.settings).process(job.articles, stop=1, keep_docs=True)
    docs = DocBin(store_user_data=False)
    for result in parsed:
        if isinstance(result, Article):
            docs.add(result.doc)
    return docs.to_bytes(), tuple(r if isinstance(r, Failure) else None for r in parsed)


def finish_parsed(settings: PipelineSettings, articles: Sequence[Article], parsed: Parsed) -> list[Result]:
    """The stages after annotate over the parses :func:`parse_job` sent, in this process."""
    from spacy.tokens import DocBin

    data, failures = parsed
    pipeline = _pipeline(settings)
    docs = iter(DocBin().from_bytes(data).get_docs(_vocab(settings.language)))
    annotated: list[Result] = []
    for article, failure in zip(articles, failures, strict=True):
        annotated.append(failure if failure is not None else replace(article, doc=_in_vocab(next(docs), article,
                                                                                            settings)))
    return pipeline.process(annotated, start=1)


#: The text stages are warmed up with: enough for each to load what it reads (lexicons, gazetteer, models).
_WARM_TEXT = 'President Emmanuel Macron met Chancellor Angela Merkel in Berlin on Tuesday. "We agreed," he said.'


def warm_stages(settings: PipelineSettings) -> None:
    """Load what the stages after annotate read, on an unparsed sentence, while a worker parses the first batch.

    The output is thrown away: a stage that cannot work on the unparsed sentence only fails here.
    """
    from spacy.tokens import Doc as SpacyDoc

    words = _WARM_TEXT.split()
    doc = SpacyDoc(_vocab(settings.language), words=words, sent_starts=[i == 0 for i in range(len(words))])
    article = Article(id="warm-up", source="warm-up", text=doc.text, doc=doc)
    pipeline = _pipeline(settings)
    for index in range(1, len(settings.stages)):
        pipeline.process([article], start=index, stop=index + 1)


def _in_vocab(doc: Doc, article: Article, settings: PipelineSettings) -> Doc:
    """A parse read with the default language's vocabulary, read again with the article's own if it differs."""
    code = lang.resources(article.language or settings.language).language
    if code == lang.resources(settings.language).language:
        return doc
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc(_vocab(code)).from_bytes(doc.to_bytes())


@functools.cache
def _vocab(language: str) -> Vocab:
    """The vocabulary parses are read with: the language's own, without the model (the strings come with them)."""
    import spacy

    return spacy.blank(lang.resources(language).language).vocab


def clean_job(job: CleanJob) -> list[Cleaned]:
    """Clean a batch (failures stay in place) and sign each article for dedup."""
    results = _pipeline(job.settings).clean_batch(job.documents)
    if not job.signatures:
        return [(r, None) for r in results]
    from dateline.run.dedup import signature

    return [(r, signature(r.text) if isinstance(r, Article) else None) for r in results]


def analyze_job(job: AnalyzeJob) -> Processed:
    """Run the analysis stages over a batch of clean articles, in order (see :func:`process_job`)."""
    return _packed(run_stages(job.settings, job.articles), job.rows, job.records, job.keys)


def process_job(job: ProcessJob) -> Processed:
    """Clean a batch and analyze its articles, in order; a document that fails stays a Failure in its place.

    The store rows are made here, where the articles were analyzed, so that the run's own process, which
    every worker waits on to write, has less to do per article (it gives them the write's time).
    """
    pipeline = _pipeline(job.settings)
    return _packed(pipeline.process(pipeline.clean_batch(job.documents)), job.rows, job.records, job.keys)


#: Where a :class:`dateline.store.Prepared` batch carries its articles' story keys (see :func:`_packed`).
STORY_KEYS = "story_keys"


def _packed(results: list[Result], rows: bool, records: bool, keys: bool) -> Processed:
    if not rows:
        return results, None
    from dateline.store import prepare

    prepared = prepare(r for r in results if isinstance(r, Article))
    if keys:
        from dateline.stories import keys_ahead

        prepared = replace(prepared, extra={STORY_KEYS: keys_ahead(prepared)})
    if not records:
        results = [_without_records(r) if isinstance(r, Article) else r for r in results]
    return results, prepared


def _without_records(article: Article) -> Article:
    """The article without the records its store rows hold."""
    return replace(article, boilerplate=(), actors=(), events=(), quotes=(), times=(), places=())


@functools.cache
def _pipeline(settings: PipelineSettings) -> Pipeline:
    """The checked pipeline these settings describe, built once per process (its functions load lazily)."""
    return Pipeline.from_settings(settings, on_error="continue")


def run_stages(settings: PipelineSettings | Sequence[str], articles: Sequence[Article],
               timer: StageTimer | None = None) -> list[Result]:
    """Pass articles through the stages (``settings``, or stage names with default settings); a failing
    article becomes a Failure, the rest go on."""
    if not isinstance(settings, PipelineSettings):
        settings = PipelineSettings(tuple(settings))
    return _pipeline(settings).process(articles, timer)
