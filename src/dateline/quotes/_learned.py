"""Quotes from the learned attribution model: its attributions as quote records, speakers linked to actors.

The model (:mod:`dateline.quotes._model`) is trained by ``dateline train
quotes`` and ships as ``lang/<code>/models/quotes.npz`` beside its model card.
It is read once per process; when it is missing the stage runs on its rules
and says so once.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.parts_of_speech import PRON

from dateline import ids
from dateline.errors import PipelineError
from dateline.lang import Resources
from dateline.quotes._arrays import Arrays, string_hash
from dateline.quotes._labels import labelled_lines
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._marks import find_quoted
from dateline.quotes._model import Attribution, AttributionModel, Features, source_extent
from dateline.quotes._reading import (
    denies,
    holds,
    is_direct,
    no_one,
    relayed,
    reportable,
    strict_kind,
    through_quotation,
    without_that,
)
from dateline.quotes._speaker import link_speaker
from dateline.quotes._types import Extent
from dateline.quotes._voices import CREDIT, actor_named, in_own_words, turn_ends
from dateline.records import Article, Quote, QuoteKind, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "Learned", "arrays_of", "find_learned", "load_learned", "quotes_of", "weak_speaker",
           "with_sources"]

logger = logging.getLogger(__name__)

#: Where a language keeps its trained quotes model, under ``dateline/lang/<code>/``.
MODEL_FILE = "models/quotes.npz"
_SUBJECTS = frozenset(string_hash(d) for d in ("nsubj", "nsubjpass"))
_WH_TAGS = frozenset(string_hash(t) for t in ("WP", "WDT"))
#: What gives the attributions at the places asked with their sources (see :func:`quotes_of`).
Sourced = Callable[[list[int]], list[Attribution]]


@dataclass(frozen=True)
class Learned:
    """A trained model with what it reads besides the parse."""

    model: AttributionModel
    features: Features
    lexicon: Lexicon


@functools.cache
def _artifact(resources: Resources) -> AttributionModel | None:
    source = resources.file(MODEL_FILE)
    where = f"dateline/lang/{resources.language}/{MODEL_FILE}"
    if not source.is_file():
        logger.warning("%s is missing: the quotes stage runs on its rules (lower precision; see the README). "
                       "Train the model with 'dateline train quotes' or reinstall dateline", where)
        return None
    return AttributionModel.from_bytes(source.read_bytes(), where)


def load_learned(resources: Resources, lexicon: Lexicon) -> Learned | None:
    """The language's trained model, read once per process, or None (with one warning) when it is missing."""
    model = _artifact(resources)
    return None if model is None else _learned(model, lexicon)


@functools.cache
def _learned(model: AttributionModel, lexicon: Lexicon) -> Learned:
    return Learned(model, Features(lexicon), lexicon)


def _speaker(article: Article, a: Arrays, found: Attribution, learned: Learned,
             kind: QuoteKind) -> tuple[Span | None, str | None] | None:
    """The speaker span and actor of an attribution: (None, None) when the text names none, and None when its
    source is nobody ("Nobody knows ...") or anyone at all (a stance of "you"), so that it is no attribution."""
    if found.source is None or not found.source_chars or found.source_head < 0:
        return None, None
    head: Token = a.doc[found.source_head]
    words = article.text[slice(*found.source_chars[0])].lower()
    lexicon = learned.lexicon
    if head.lower_ in lexicon.negative_pronouns or no_one(words, lexicon):
        return None
    if kind == "stance" and words in lexicon.addressee_pronouns:
        return None
    if head.dep_ == "expl":
        return None, None  # "It is believed that ...": the text names no one
    return link_speaker(article, head, lexicon, found.source_chars[0])


def _tidy(a: Arrays, content: Extent, lexicon: Lexicon) -> Extent:
    """``content`` as a reader wants it: a quotation that runs on over paragraphs whole, without its outer marks
    and trailing comma, and a report without the complementizer that opens it ("that the talks failed")."""
    start, end = content
    k = bisect.bisect_right(a.open_marks, start) - 1
    seg = a.segments[k] if k >= 0 and a.segments[k].open_mark <= start <= a.segments[k].start else None
    if seg is not None and end < seg.outer_end and "\n" in a.text[end:seg.outer_end]:
        end = seg.outer_end  # the quotation goes on in the next paragraph
    if seg is not None and seg.end <= end <= seg.outer_end:
        start, end = seg.start, seg.start + len(a.text[seg.start:seg.end].rstrip(",").rstrip())
    return without_that(a, Extent(start, end), lexicon)


#: What an attribution reports, read before its source: its content, whether it is direct, and its kind.
Reading = tuple[Extent, bool, QuoteKind]


def _reading(a: Arrays, found: Attribution, lexicon: Lexicon, strict: bool) -> Reading | None:
    """What ``found`` reports, or None when it reports no speech, belief, attitude, intention or judgement.

    ``strict``: report only speech, deeds (:func:`strict_kind`) and stances with a cue of belief, attitude,
    intention or judgement (not "was planned"); else every attribution, as PolNeAR marks them.
    """
    content = _tidy(a, Extent(found.content_chars[0].start, found.content_chars[-1].end), lexicon)
    direct = is_direct(a, *content)
    kind = strict_kind(a, found, direct, lexicon)
    if kind is None and not strict:
        kind = "stance"
    return None if kind is None else (content, direct, kind)


def _quote(article: Article, a: Arrays, found: Attribution, reading: Reading, learned: Learned,
           strict: bool) -> Quote | None:
    """The quote record of one attribution (``reading``: what it reports), or None when its source is no one, or
    (``strict``) a stance's source is not named."""
    content, direct, kind = reading
    speaker = _speaker(article, a, found, learned, kind)
    if speaker is None or (strict and kind == "stance" and speaker[0] is None):
        return None
    cue = found.cue_chars[0] if found.cue_chars else None
    return Quote(
        id=ids.child_id(article.id, "quote", content.start, content.end),
        content=make_span(article.text, *content),
        direct=direct,
        speaker=speaker[1],
        speaker_span=speaker[0],
        cue=None if cue is None else make_span(article.text, *cue),
        kind=kind,
        negated=denies(a, found.cue[0], learned.lexicon),
    )


def _turns(article: Article, a: Arrays, lexicon: Lexicon) -> list[Quote]:
    """Transcript and interview turns ("WALLACE: ...", "((Jane Roe)) ...") as direct quotes of the labelled
    person, each running on to the next label."""
    lines = labelled_lines(a, lexicon.label_stopwords)
    out = []
    for line, end in zip(lines, turn_ends(a.text, lines), strict=True):
        name = make_span(article.text, *line.name)
        _, actor = link_speaker(article, line.head, lexicon, line.name)
        out.append(Quote(id=ids.child_id(article.id, "quote", line.content.start, end),
                         content=make_span(article.text, line.content.start, end), direct=True,
                         speaker=actor or actor_named(article, name.text), speaker_span=name,
                         cue=make_span(article.text, *line.cue), kind="speech"))
    return out


def _outside_turns(quotes: list[Quote], turns: list[Quote]) -> list[Quote]:
    """``quotes`` without those that attribute a turn's words from outside it (its label read as a cue): the
    turn is that attribution. Reports whose cue lies inside a turn ("I think ...") stay."""
    def same(q: Quote, turn: Quote) -> bool:
        cue_inside = q.cue is not None and turn.content.start <= q.cue.start < turn.content.end
        overlap = q.content.start < turn.content.end and turn.content.start < q.content.end
        return overlap and not cue_inside
    return [q for q in quotes if not any(same(q, turn) for turn in turns)]


def _credit_lines(article: Article, a: Arrays, taken: list[Quote]) -> list[Quote]:
    """Quotations followed by a dash and a name ("..." ― Jane Roe.) that no quote in ``taken`` covers."""
    out = []
    for seg in a.segments:
        found = None if seg.close_mark is None else CREDIT.match(a.text, seg.close_mark + 1)
        if found is None or any(q.content.start < seg.end and seg.start < q.content.end for q in taken):
            continue
        actor = article.actor_at(*found.span("name"))
        out.append(Quote(id=ids.child_id(article.id, "quote", seg.start, seg.end),
                         content=make_span(article.text, seg.start, seg.end), direct=True,
                         speaker=None if actor is None else actor.id,
                         speaker_span=make_span(article.text, *found.span("name")),
                         cue=make_span(article.text, *found.span("dash")), kind="speech"))
    return out


def quotes_of(article: Article, a: Arrays, found: list[Attribution], learned: Learned,
              strict: bool = True, sourced: Sourced | None = None) -> list[Quote]:
    """The quote records of the model's attributions ``found`` in ``article`` (parsed as ``a``), with the
    turns of transcripts and interviews and the quotations of credit lines, in text order. ``sourced``: when
    ``found`` carry no sources yet, what gives those of the ones at the places asked, each as it would have had:
    only the attributions read as quotes, and not relayed from someone else, need theirs."""
    lexicon = learned.lexicon
    read = []
    for k, f in enumerate(found):
        if holds(a, f, lexicon):
            told = relayed(a, f, lexicon)  # a relayed saying's source is the passive's subject
            read.append((k, told is not f, through_quotation(a, told, lexicon)))
    readings = [(k, own, f, r) for k, own, f in read if (r := _reading(a, f, lexicon, strict)) is not None]
    if sourced is not None:
        asked = [k for k, own, _, _ in readings if not own]
        given = dict(zip(asked, sourced(asked), strict=True))
        readings = [(k, own, f if own else _with_source(f, given[k]), r) for k, own, f, r in readings]
    quotes = [q for q in (_quote(article, a, f, r, learned, strict) for _, _, f, r in readings) if q is not None]
    turns = _turns(article, a, learned.lexicon)
    quotes = _outside_turns(quotes, turns) + turns
    quotes += _credit_lines(article, a, quotes)
    ordered = sorted(quotes, key=lambda q: (q.content.start, q.content.end))
    return in_own_words(ordered, learned.lexicon)


def arrays_of(article: Article) -> Arrays:
    """The token arrays of an annotated article."""
    doc = article.doc
    if doc is None:
        raise PipelineError(f"quotes: article {article.id} has no annotation; run the 'annotate' stage first")
    # The annotated prefix of article.text (Doc.text would rebuild it token by token).
    text = article.text[: doc[-1].idx + len(doc[-1].text_with_ws)] if len(doc) else ""
    return Arrays(doc, text, find_quoted(text))


def find_learned(article: Article, learned: Learned, strict: bool = True,
                 taken: Sequence[tuple[int, int]] = (), arrays: Arrays | None = None,
                 lend: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """The quotes the learned model finds in ``article`` (annotated, with its actors; ``arrays``: its token
    arrays, when the caller has them), with no cue inside the character spans ``taken`` (words other quotes have
    attributed already: not even scored, so that they count as no cue when contents are ranked either) and no
    content holding them, unless it holds one of the spans ``lend`` (contents whose
    quotes may take the model's speaker and cue)."""
    a = arrays_of(article) if arrays is None else arrays
    allowed = reportable(a, learned.features) if strict else None
    mask = _token_mask(a, taken)
    if taken:  # words another reading attributed are no cue here: not even scored
        allowed = ~mask if allowed is None else allowed & ~mask
    if a.n == 0:
        return quotes_of(article, a, [], learned, strict)
    model = learned.model
    z = model.cue_scores(a, learned.features, allowed)
    chosen = model.choose(a, z, learned.features, taken=mask, lend=_token_mask(a, lend) if lend else None)
    # Sources are ranked only for the attributions read as quotes (about half of them).
    return quotes_of(article, a, model.attributions(a, z, chosen, sources=False), learned, strict,
                     lambda asked: model.attributions(a, z, [chosen[k] for k in asked]))


def _with_source(found: Attribution, sourced: Attribution) -> Attribution:
    """``found`` (read further, with no source yet) with the source of ``sourced``: itself as the ranker saw it."""
    return replace(found, source=sourced.source, source_head=sourced.source_head, source_chars=sourced.source_chars)


def _token_mask(a: Arrays, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Which tokens overlap one of the character ``spans`` (each span covers at least one token, as
    :meth:`Arrays.token_range` reads it)."""
    mask = np.zeros(a.n + 1, dtype=np.int64)
    if spans and a.n:
        bounds = np.asarray(spans, dtype=np.int64)
        first = np.searchsorted(a.end, bounds[:, 0], side="right")
        last = np.maximum(np.searchsorted(a.idx, bounds[:, 1], side="left"), first + 1)
        np.add.at(mask, np.minimum(first, a.n), 1)
        np.add.at(mask, np.minimum(last, a.n), -1)
    out: np.ndarray = np.cumsum(mask[:-1]) > 0
    return out


def with_sources(article: Article, a: Arrays, learned: Learned, quotes: list[Quote],
                 weak_only: bool = False) -> list[Quote]:
    """``quotes`` (found by another reading) with the speaker the model's source ranker chooses for their cue and
    content, where it chooses one other than theirs; the others keep theirs. ``weak_only``: only quotes whose
    speaker is missing, a pronoun other than "I" or "we" or linked to no actor, and neither inside their content nor
    the subject of their cue, are read again (:func:`weak_speaker`)."""
    first_person = learned.lexicon.first_person_pronouns
    found = [(q, a.token_range(q.cue.start, q.cue.end)[0]) for q in quotes
             if q.cue is not None and a.n and (not weak_only or weak_speaker(a, q, first_person))]
    found = [(q, i) for q, i in found if i < a.n and not a.at.punct[i]]
    contents = [range(*a.token_range(q.content.start, q.content.end)) for q, _ in found]
    heads = learned.model.sources(a, learned.features, [(i, c) for (_, i), c in zip(found, contents, strict=True)])
    better: dict[int, Quote] = {}
    for (q, i), content, head in zip(found, contents, heads, strict=True):
        if head < 0:
            continue
        s, e = source_extent(a, head, {*content, i})
        extent = Extent(int(a.at.idx[s]), int(a.at.end[e - 1]))
        if q.speaker_span is not None and extent.start < q.speaker_span.end and q.speaker_span.start < extent.end:
            continue  # the same speaker: the other reading's link to an actor stands
        span, actor = link_speaker(article, a.doc[head], learned.lexicon, extent)
        better[id(q)] = replace(q, speaker_span=span, speaker=actor)
    return [better.get(id(q), q) for q in quotes]


def weak_speaker(a: Arrays, quote: Quote, first_person: frozenset[str] = frozenset()) -> bool:
    """Whether the speaker of ``quote`` is worth a second reading: missing, a pronoun or linked to no actor, and
    not inside its content (a speaker inside the words attributed is a turn's label or the quoted "I"). A pronoun
    of ``first_person`` ("I", "we") is not: it is the one speaking, often read through the quotation around it;
    nor is the subject of the cue itself ("she said", "officials believe", "Ann Cole told them"): the parse says
    who speaks, and the ranker seldom chooses another there (PolNeAR dev: never; held-out train: 2 of about
    1,300 speakers it would have named better)."""
    span = quote.speaker_span
    if span is None:
        return True
    if quote.content.start <= span.start and span.end <= quote.content.end:
        return False
    first, last = a.token_range(span.start, span.end)
    cue = quote.cue
    if cue is not None and last <= a.n and _own_subject(a, first, last, a.token_range(cue.start, cue.end)[0]):
        return False
    if quote.speaker is None:
        return True
    return last - first == 1 and first < a.n and a.at.pos[first] == PRON and span.text.lower() not in first_person


def _own_subject(a: Arrays, first: int, last: int, cue: int) -> bool:
    """Whether the tokens ``[first, last)`` are a phrase whose head is the subject of the cue token ``cue``, and
    no wh-word ("who said": its antecedent is the speaker)."""
    heads = [t for t in range(first, last) if not first <= a.at.head[t] < last]
    return len(heads) == 1 and a.at.head[heads[0]] == cue and heads[0] != cue and a.at.dep[heads[0]] in _SUBJECTS \
        and a.at.tag[heads[0]] not in _WH_TAGS
