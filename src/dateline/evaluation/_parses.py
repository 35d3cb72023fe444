"""A cache of spaCy parses for evaluations and training, so that scoring a change re-parses nothing.

Scoring a change to a stage runs the same gold texts through spaCy again and
again, and spaCy is nine tenths of the time. :func:`annotate` is a drop-in for
:func:`dateline.annotate.apply_batch` that keeps each parse in a folder
(``DocBin`` files keyed by the model, its version, the version of the pipeline settings
``annotate.json`` and the text) when a cache
folder is in use (:func:`parse_cache`; on the command line ``--parse-cache DIR``
or ``$DATELINE_PARSE_CACHE``), and parses as the stage does otherwise. Only
evaluation and training use it: a run never reads parses from disk.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from dateline.annotate import AnnotateConfig, apply_batch, load_model, pipeline_name
from dateline.records import Article

__all__ = ["annotate", "caching", "parse_cache"]

_folder: list[Path] = []


@contextlib.contextmanager
def parse_cache(folder: Path | None) -> Iterator[None]:
    """Within this block, :func:`annotate` keeps and reuses parses in ``folder`` (None: no cache)."""
    if folder is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    _folder.append(folder)
    try:
        yield
    finally:
        _folder.pop()


def caching() -> bool:
    """Whether :func:`annotate` reads and writes a cache folder now (a timing of it then measures no parsing)."""
    return bool(_folder)


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\0{text}".encode()).hexdigest()


def annotate(articles: Sequence[Article], config: AnnotateConfig = AnnotateConfig()) -> list[Article]:
    """Annotate like the annotate stage, reading and writing the cache folder when one is in use."""
    if not _folder:
        return apply_batch(articles, config)
    from spacy.tokens import DocBin

    folder = _folder[-1]
    out: list[Article | None] = [None] * len(articles)
    todo: list[int] = []
    for i, article in enumerate(articles):
        nlp = load_model(config.model or None, config.resources(article).language)
        model = pipeline_name(nlp)
        path = folder / f"{_key(model, article.text[: config.max_chars])}.spacy"
        if path.is_file():
            (doc,) = DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)
            out[i] = replace(article, doc=doc)
        else:
            todo.append(i)
    for i, parsed in zip(todo, apply_batch([articles[i] for i in todo], config), strict=True):
        nlp = load_model(config.model or None, config.resources(parsed).language)
        model = pipeline_name(nlp)
        bin_ = DocBin(store_user_data=False)
        bin_.add(parsed.doc)
        (folder / f"{_key(model, parsed.text[: config.max_chars])}.spacy").write_bytes(bin_.to_bytes())
        out[i] = parsed
    return [a for a in out if a is not None]
