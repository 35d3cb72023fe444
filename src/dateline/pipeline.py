"""The pipeline: built once (stages checked), then run over documents.

A stage is a module with one typed entry point, ``apply(article) -> article``
(``annotate`` works on a batch). :class:`Pipeline` checks, when it is built,
that every stage is known, comes after the stages it needs and assigns nothing
another stage already assigned. Running it cleans each :class:`Document` into
an :class:`Article` and passes batches through the stages; a document that
fails at any stage becomes a :class:`Failure` and the batch goes on (or, with
``on_error="stop"``, the run stops with a :class:`StageError`).
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Literal

from dateline.errors import DatelineError, PipelineError, StageError
from dateline.records import Article, Document, Failure

__all__ = ["DEFAULT_STAGES", "STAGES", "Pipeline", "StageSpec", "StageTimer"]

logger = logging.getLogger(__name__)

ArticleFn = Callable[[Article], Article]
BatchFn = Callable[[Sequence[Article]], list[Article]]
Result = Article | Failure
OnError = Literal["continue", "stop"]
#: Called with a stage name and the seconds it took on one batch.
StageTimer = Callable[[str, float], None]

#: Articles per batch handed to spaCy; 16-64 ran fastest with en_core_web_sm
#: on a 2-core laptop (larger batches cost memory and gained nothing).
DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True)
class StageSpec:
    """What a stage is called, what it needs, what it adds, and where it lives."""

    name: str
    entry: str  # "module:function"
    requires: frozenset[str]
    assigns: frozenset[str]
    batch: bool = False
    help: str = ""

    def load(self) -> Callable[..., object]:
        module_name, _, func_name = self.entry.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:  # pragma: no cover - a broken install
            raise PipelineError(f"stage {self.name!r}: cannot import {module_name}: {exc}") from exc
        func: Callable[..., object] = getattr(module, func_name)
        return func


def _spec(name: str, requires: set[str], assigns: set[str], help: str, *, batch: bool = False) -> StageSpec:
    function = "apply_batch" if batch else "apply"
    return StageSpec(name, f"dateline.{name}:{function}", frozenset(requires), frozenset(assigns), batch, help)


#: Every stage dateline knows, in the order they run by default. ``clean``
#: (document -> article) always runs first and assigns ``text``.
STAGES: dict[str, StageSpec] = {
    spec.name: spec
    for spec in (
        _spec("annotate", {"text"}, {"doc"}, "spaCy sentences, entities and parse", batch=True),
        _spec("actors", {"doc"}, {"actors"}, "who is who: actors with country and sector"),
        _spec("times", {"doc"}, {"times"}, "temporal expressions resolved to the publication date"),
        _spec("places", {"doc"}, {"places"}, "place names resolved in the offline gazetteer"),
        _spec("events", {"doc", "actors", "times", "places"}, {"events"}, "PLOVER events with evidence"),
        _spec("quotes", {"doc", "actors"}, {"quotes"}, "direct and reported speech with speakers"),
    )
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGES)


def _validate(names: Sequence[str]) -> list[StageSpec]:
    available = {"text"}
    assigned: dict[str, str] = {"text": "clean"}
    specs: list[StageSpec] = []
    for name in names:
        spec = STAGES.get(name)
        if spec is None:
            raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}")
        missing = spec.requires - available
        if missing:
            raise PipelineError(
                f"stage {name!r} needs {', '.join(sorted(missing))}, which no earlier stage assigns; "
                f"put the stage that assigns it first"
            )
        for key in spec.assigns:
            if key in assigned:
                raise PipelineError(f"stage {name!r} assigns {key!r}, already assigned by {assigned[key]!r}")
            assigned[key] = name
        available |= spec.assigns
        specs.append(spec)
    return specs


@dataclass
class Pipeline:
    """A checked sequence of stages. Build it, then :meth:`run` it.

    >>> Pipeline(["annotate", "actors"]).stage_names
    ('annotate', 'actors')
    """

    stages: Sequence[str] = DEFAULT_STAGES
    batch_size: int = DEFAULT_BATCH_SIZE
    on_error: OnError = "continue"
    _specs: list[StageSpec] = field(init=False, repr=False)
    _loaded: list[tuple[StageSpec, Callable[..., object]]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise PipelineError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.on_error not in ("continue", "stop"):
            raise PipelineError(f"on_error must be 'continue' or 'stop', got {self.on_error!r}")
        self._specs = _validate(list(self.stages))

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self._specs)

    def _functions(self) -> list[tuple[StageSpec, Callable[..., object]]]:
        if self._loaded is None:
            self._loaded = [(spec, spec.load()) for spec in self._specs]
        return self._loaded

    def run(self, inputs: Iterable[Document | Failure]) -> Iterator[Result]:
        """Process documents in batches; yield an Article or a Failure for each, in order."""
        batch: list[Document] = []
        for item in inputs:
            if isinstance(item, Failure):
                yield from self.run_batch(batch)
                batch = []
                yield self._failed(item)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self.run_batch(batch)
                batch = []
        yield from self.run_batch(batch)

    def run_batch(self, documents: Sequence[Document]) -> list[Result]:
        """Clean and process one batch; the results come back in input order."""
        return self.process(self.clean_batch(documents))

    def clean_batch(self, documents: Sequence[Document]) -> list[Result]:
        """Clean each document into an article (or a Failure), in order."""
        from dateline.clean import clean  # a stage module; imported when first needed

        return [self._guard("clean", d.id, d.source, partial(clean, d)) for d in documents]

    def process(self, items: Sequence[Result], timer: StageTimer | None = None) -> list[Result]:
        """Run the stages over cleaned articles; Failures stay in place. ``timer`` gets each stage's seconds."""
        results: list[Result] = list(items)
        for spec, func in self._functions():
            live = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if not live:
                break
            started = time.perf_counter()
            articles = [r for r in results if isinstance(r, Article)]
            if spec.batch:
                outs = self._run_batch_stage(spec, func, articles)
            else:
                outs = [self._guard(spec.name, a.id, a.source, partial(func, a)) for a in articles]
            for i, out in zip(live, outs, strict=True):
                results[i] = out
            if timer is not None:
                timer(spec.name, time.perf_counter() - started)
        return [self._finish(r) for r in results]

    def _run_batch_stage(self, spec: StageSpec, func: Callable[..., object], articles: list[Article]) -> list[Result]:
        try:
            out = func(articles)
        except Exception as exc:
            # Find the culprit: run the articles one by one so the others go on.
            logger.warning("stage %r failed on a batch of %d (%s); retrying one by one", spec.name, len(articles), exc)
            return [self._guard(spec.name, a.id, a.source, partial(_first, func, a)) for a in articles]
        if not isinstance(out, list) or len(out) != len(articles):
            raise PipelineError(f"batch stage {spec.name!r} must return one article per input, in order")
        return out

    def _guard(self, stage: str, doc_id: str, source: str, call: Callable[[], object]) -> Result:
        try:
            out = call()
        except Exception as exc:
            if self.on_error == "stop":
                raise StageError(stage, doc_id, exc) from exc
            return Failure(source, stage, type(exc).__name__, _message(exc), doc_id)
        if not isinstance(out, Article):
            raise PipelineError(f"stage {stage!r} returned {type(out).__name__}, not Article")
        return out

    def _failed(self, failure: Failure) -> Failure:
        if self.on_error == "stop":
            raise StageError(failure.stage, failure.doc_id or failure.source, RuntimeError(failure.message))
        return failure

    @staticmethod
    def _finish(result: Result) -> Result:
        if isinstance(result, Article) and result.doc is not None:
            from dataclasses import replace

            return replace(result, doc=None)
        return result


def _first(func: Callable[..., object], article: Article) -> object:
    """Run a batch stage on one article."""
    out = func([article])
    assert isinstance(out, list)
    return out[0]


def _message(exc: BaseException) -> str:
    if isinstance(exc, DatelineError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
