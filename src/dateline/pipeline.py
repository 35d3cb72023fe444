"""The pipeline: built once (stages and settings checked), then run over documents.

A stage is a function registered with :func:`stage`, ``Article`` in and
``Article`` out (``annotate`` works on a batch), with the keys of the article it
needs and the keys it adds, and a frozen dataclass of settings (a subclass of
:class:`StageConfig`, every field with a default and a help line)::

    @stage("sentiment", requires={"doc"}, assigns={"sentiment"}, config=SentimentConfig)
    def apply(article: Article, config: SentimentConfig = SentimentConfig()) -> Article: ...

dateline's own stages register themselves when their package is imported; other
packages register theirs the same way, or through the ``dateline.stages`` entry
point group. :class:`Pipeline` checks, when it is built, that every stage is
known, comes after the stages it needs, assigns nothing another stage already
assigned, and that every setting given names a setting of its stage. Running
it cleans each :class:`Document` into an :class:`Article` and passes batches
through the stages; a document that fails at any stage becomes a
:class:`Failure` and the batch goes on (or, with ``on_error="stop"``, the run
stops with a :class:`StageError`).
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import entry_points
from typing import Any, Literal, TypeVar

from dateline import lang
from dateline.errors import DatelineError, PipelineError, StageError
from dateline.records import Article, Document, Failure

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_STAGES",
    "Pipeline",
    "PipelineSettings",
    "StageConfig",
    "StageSpec",
    "StageTimer",
    "registered",
    "stage",
]

logger = logging.getLogger(__name__)

Result = Article | Failure
OnError = Literal["continue", "stop"]
#: Called with a stage name and the seconds it took on one batch.
StageTimer = Callable[[str, float], None]
F = TypeVar("F", bound=Callable[..., Any])

#: Articles per batch handed to spaCy; 16-64 ran fastest with en_core_web_sm
#: on a 2-core laptop (larger batches cost memory and gained nothing).
DEFAULT_BATCH_SIZE = 32

#: dateline's own stages, in the order they run by default. ``clean``
#: (document -> article) always runs first and assigns ``text``.
DEFAULT_STAGES: tuple[str, ...] = ("annotate", "actors", "times", "places", "events", "quotes")
#: The modules whose import registers dateline's own stages.
BUILTIN_MODULES: tuple[str, ...] = tuple(f"dateline.{name}" for name in DEFAULT_STAGES)
#: The entry point group through which other packages register stages.
ENTRY_POINT_GROUP = "dateline.stages"


@dataclass(frozen=True)
class StageConfig:
    """The settings every stage has; a stage's own settings subclass this.

    Every field has a default and a ``help`` line in its metadata; the pipeline
    fills ``language`` and ``lexicons`` from its own settings.
    """

    language: str = field(default=lang.DEFAULT_LANGUAGE, metadata={
        "help": "language of the articles that declare none (a folder under dateline/lang)"})
    lexicons: tuple[tuple[str, str], ...] = field(default=(), metadata={
        "help": "user files merged over the language's data files, as (file name, path) pairs"})

    def resources(self, article: Article | None = None) -> lang.Resources:
        """The language resources for ``article``: its own language, else the configured one."""
        declared = article.language if article is not None else None
        return lang.resources(declared or self.language, self.lexicons)


@dataclass(frozen=True)
class StageSpec:
    """What a stage is called, what it needs, what it adds, where it lives and what settings it takes."""

    name: str
    entry: str  # "module:function"
    requires: frozenset[str]
    assigns: frozenset[str]
    batch: bool = False
    help: str = ""
    config: type[StageConfig] = StageConfig

    def load(self) -> Callable[..., object]:
        module_name, _, func_name = self.entry.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:  # pragma: no cover - a broken install
            raise PipelineError(f"stage {self.name!r}: cannot import {module_name}: {exc}") from exc
        func: Callable[..., object] = getattr(module, func_name)
        return func


_REGISTRY: dict[str, StageSpec] = {}


def stage(
    name: str,
    *,
    requires: Iterable[str],
    assigns: Iterable[str],
    config: type[StageConfig] = StageConfig,
    batch: bool = False,
    help: str = "",
) -> Callable[[F], F]:
    """Register the decorated function as the stage ``name`` (see the module docstring)."""
    if not (isinstance(config, type) and issubclass(config, StageConfig) and dataclasses.is_dataclass(config)):
        raise PipelineError(f"stage {name!r}: config must be a dataclass subclassing StageConfig")

    def register(func: F) -> F:
        spec = StageSpec(name, f"{func.__module__}:{func.__qualname__}", frozenset(requires), frozenset(assigns),
                         batch, help or (func.__doc__ or "").strip().split("\n")[0], config)
        known = _REGISTRY.get(name)
        if known is not None and known.entry != spec.entry:
            raise PipelineError(f"stage {name!r} is already registered by {known.entry}; choose another name")
        _REGISTRY[name] = spec
        return func

    return register


_loaded_builtins = False


def registered() -> Mapping[str, StageSpec]:
    """Every registered stage by name: dateline's own, those of entry points, those registered so far."""
    global _loaded_builtins
    if not _loaded_builtins:
        for module in BUILTIN_MODULES:
            importlib.import_module(module)
        for point in entry_points(group=ENTRY_POINT_GROUP):
            point.load()
        _loaded_builtins = True
    return _REGISTRY


def _settings_help(config: type[StageConfig]) -> str:
    return "; ".join(f"{f.name} ({f.metadata.get('help', '')})" for f in dataclasses.fields(config))


def build_config(spec: StageSpec, settings: Mapping[str, Any], shared: Mapping[str, Any]) -> StageConfig:
    """The settings object of a stage: its defaults, the pipeline's shared settings, then ``settings``."""
    names = {f.name for f in dataclasses.fields(spec.config)}
    unknown = sorted(set(settings) - names)
    if unknown:
        raise PipelineError(f"stage {spec.name!r} has no setting {', '.join(map(repr, unknown))}; "
                            f"its settings: {_settings_help(spec.config)}")
    values = {**{k: v for k, v in shared.items() if k in names}, **settings}
    for f in dataclasses.fields(spec.config):
        default = f.default
        if f.name in values and isinstance(default, bool | int | float | str) and not _fits(values[f.name], default):
            raise PipelineError(f"stage {spec.name!r}: setting {f.name!r} must be a {type(default).__name__}, "
                                f"not {values[f.name]!r}")
    return spec.config(**values)


def _fits(value: object, default: object) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, type(default)) and not isinstance(value, bool)


def _validate(names: Sequence[str], specs_by_name: Mapping[str, StageSpec]) -> list[StageSpec]:
    available = {"text"}
    assigned: dict[str, str] = {"text": "clean"}
    specs: list[StageSpec] = []
    for name in names:
        spec = specs_by_name.get(name)
        if spec is None:
            raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(specs_by_name)}")
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


@dataclass(frozen=True)
class PipelineSettings:
    """Everything a pipeline is built from, hashable and picklable: what a worker gets to rebuild it."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    config: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    language: str = lang.DEFAULT_LANGUAGE
    lexicons: tuple[tuple[str, str], ...] = ()

    @classmethod
    def make(cls, stages: Sequence[str] = DEFAULT_STAGES, config: Mapping[str, Mapping[str, Any]] | None = None,
             language: str = lang.DEFAULT_LANGUAGE, lexicons: Mapping[str, str] | None = None) -> PipelineSettings:
        frozen = tuple(sorted((name, tuple(sorted((k, _freeze(v)) for k, v in section.items())))
                              for name, section in (config or {}).items()))
        return cls(tuple(stages), frozen, language, tuple(sorted((lexicons or {}).items())))


def _freeze(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


@dataclass
class Pipeline:
    """A checked sequence of stages with their settings. Build it, then :meth:`run` it.

    ``config`` maps a stage's name (or ``"clean"``) to its settings; ``language``
    is the language of articles that declare none; ``lexicons`` maps a language
    data file's name (``"events"``, ``"quotes"``, ...) to a user file merged over it.

    >>> Pipeline(["annotate", "actors"]).stage_names
    ('annotate', 'actors')
    """

    stages: Sequence[str] = DEFAULT_STAGES
    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    language: str = lang.DEFAULT_LANGUAGE
    lexicons: Mapping[str, str] = field(default_factory=dict)
    batch_size: int = DEFAULT_BATCH_SIZE
    on_error: OnError = "continue"
    _specs: list[StageSpec] = field(init=False, repr=False)
    _configs: dict[str, StageConfig] = field(init=False, repr=False)
    _loaded: list[tuple[StageSpec, Callable[..., object]]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise PipelineError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.on_error not in ("continue", "stop"):
            raise PipelineError(f"on_error must be 'continue' or 'stop', got {self.on_error!r}")
        lang.resources(self.language, self.lexicons)  # an unknown language fails here, not mid-run
        self._specs = _validate(list(self.stages), registered())
        names = {spec.name for spec in self._specs} | {"clean"}
        stray = sorted(set(self.config) - names)
        if stray:
            raise PipelineError(f"settings given for {', '.join(map(repr, stray))}, which this pipeline does not run")
        shared = {"language": self.language, "lexicons": tuple(sorted(self.lexicons.items()))}
        clean_spec = StageSpec("clean", "dateline.clean:clean", frozenset(), frozenset({"text"}))
        self._configs = {spec.name: build_config(spec, self.config.get(spec.name, {}), shared)
                         for spec in (clean_spec, *self._specs)}

    @classmethod
    def from_settings(cls, settings: PipelineSettings, on_error: OnError = "continue") -> Pipeline:
        """The pipeline that ``settings`` (see :attr:`settings`) describe."""
        config = {name: dict(section) for name, section in settings.config}
        return cls(settings.stages, config, settings.language, dict(settings.lexicons), on_error=on_error)

    @property
    def settings(self) -> PipelineSettings:
        """What this pipeline is built from, in a form a worker process can be sent."""
        return PipelineSettings.make(self.stage_names, self.config, self.language, self.lexicons)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self._specs)

    def stage_config(self, name: str) -> StageConfig:
        """The settings the stage ``name`` (or ``"clean"``) runs with."""
        return self._configs[name]

    def _functions(self) -> list[tuple[StageSpec, Callable[..., object]]]:
        if self._loaded is None:
            self._loaded = [(spec, partial(spec.load(), config=self._configs[spec.name])) for spec in self._specs]
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

        config = self._configs["clean"]
        return [self._guard("clean", d.id, d.source, partial(clean, d, config)) for d in documents]

    def process(self, items: Sequence[Result], timer: StageTimer | None = None, *, start: int = 0,
                stop: int | None = None, keep_docs: bool = False) -> list[Result]:
        """Run the stages over cleaned articles; Failures stay in place. ``timer`` gets each stage's seconds.

        ``start`` and ``stop`` run a slice of the stages only (the articles then hold what the stages before
        ``start`` assign); ``keep_docs`` keeps the spaCy ``Doc`` on the articles returned.
        """
        results: list[Result] = list(items)
        for spec, func in self._functions()[start:stop]:
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
        return results if keep_docs else [self._finish(r) for r in results]

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
            return dataclasses.replace(result, doc=None)
        return result


def _first(func: Callable[..., object], article: Article) -> object:
    """Run a batch stage on one article."""
    out = func([article])
    assert isinstance(out, list)
    return out[0]


#: Longest failure message kept: an error may quote a whole input (a 10 MB line) in its message.
MAX_MESSAGE_CHARS = 500


def _message(exc: BaseException) -> str:
    if isinstance(exc, DatelineError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…"
