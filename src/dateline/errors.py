"""The one exception tree of dateline.

::

    DatelineError                 anything dateline raises on purpose
    ├── UsageError                bad options or arguments (CLI exit code 2)
    ├── PipelineError             a pipeline that cannot be built (unknown stage, wrong order)
    ├── ResourceError             a model, lexicon or gazetteer that cannot be loaded
    │   └── LanguageError         an article in a language dateline has no resources for
    ├── InputError                an input that cannot be read (ingest)
    │   └── EmptyInputError       an input with no usable content
    ├── ExtractionError           a document whose article body cannot be extracted (clean)
    ├── StageError                a stage failed on one document (wraps the cause)
    ├── EngineError               a worker process or Ray actor died or could not start
    └── StoreError                the store cannot be opened, read or written

Messages say what failed, on which input, and what to do about it. Third-party
exceptions are translated at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations

__all__ = [
    "DatelineError",
    "EmptyInputError",
    "EngineError",
    "ExtractionError",
    "InputError",
    "LanguageError",
    "PipelineError",
    "ResourceError",
    "StageError",
    "StoreError",
    "UsageError",
]


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class UsageError(DatelineError):
    """Options or arguments that do not make sense together."""


class PipelineError(DatelineError):
    """A pipeline whose stages are unknown, out of order or missing a prerequisite."""


class ResourceError(DatelineError):
    """A heavy resource (spaCy model, lexicon, gazetteer) that cannot be loaded."""


class LanguageError(ResourceError):
    """An article (or a setting) in a language dateline has no resources for."""


class InputError(DatelineError):
    """An input that cannot be read: missing, binary, truncated, malformed."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message if source is None else f"{source}: {message}")
        self.source = source


class EmptyInputError(InputError):
    """An input that holds no text to process."""


class ExtractionError(DatelineError):
    """A document from which no article body could be extracted."""


class StageError(DatelineError):
    """A stage failed on one document; ``stage`` and ``doc_id`` say where."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on document {doc_id}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause


class EngineError(DatelineError):
    """A worker of an engine (process pool, Ray) died or could not be started."""


class StoreError(DatelineError):
    """The DuckDB store cannot be opened, read or written."""
