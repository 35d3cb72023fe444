"""Quotes: who said what — direct and reported speech and attributed stances, each with its speaker and cue.

By default a learned attribution model finds them (:mod:`dateline.quotes._model`,
trained on PolNeAR's train split by ``dateline train quotes``): a cue scorer
over every token of the parse, then, for each cue, a ranker over candidate
contents (its clause, its object, the quotation before or after it, ...) and
one over candidate sources (the nominal words of its sentence, or none).
Attributions never overlap: a quoted fragment inside a report is part of the
report's content, and a quotation is one record, not two. The speaker is
linked to an actor through :meth:`Article.actor_at` (a pronoun or title the
actors stage resolved goes to its person; another pronoun to the nearest
person named before it).

By default (``quotes.method=combined``) the stage keeps what its rules
(:mod:`dateline.quotes._rules`) find, each quotation once (a quoted fragment
inside a report is no second record), and adds the model's attributions that
overlap none of them: on PolNeAR dev this scores above either alone, and the
model's share brings the stances and reports the rules miss. The model's
source ranker names again the rules' weak speakers (missing, a pronoun, or
linked to no actor, unless the subject of the cue itself), and a bare
quotation that opens the sentence after an attribution goes on with that
attribution's speaker and cue. An attribution whose cue is negated ("did not
say that ...") is kept, as PolNeAR marks it, with ``Quote.negated`` set.
A stance whose cue is no word of speech, belief, attitude, intention or
judgement tells of a deed of its agent ("the judge sentenced him to ..."), and
so does one whose cue is a stance word only as an adjective ("cleared the
area") or a verb of thought with a thing after it ("showed promise"); PolNeAR
counts such deeds as attributions, so they are kept, as kind ``act``; one the
rules find about a short phrase ("organized the rally") only where the
model's cue scorer sees its cue (``quotes.min_short_act_cue_score``). The
model's attributions are reported only for cue words of the lexicon's lists,
among them ``learned_cues``: words PolNeAR's annotators often mark as cues
("offered", "portrayed", "nominated"), counted from its train split by
``dateline train quote-cues``; for those the model must be surer of the cue
(:data:`dateline.quotes._reading.MIN_LEARNED_CUE_SCORE`), and they are deeds.
Last, a stance no one is said to hold is dropped (:mod:`dateline.quotes._held`:
"people who want ...", "need to think about ...", "if you want ...", "the
footage showed ...", "these findings support ...", "everybody wants ...", "I
would like to ask ..."), and a clause of reason its cue governs ("decided to go
because ...") ends its content. A quotation split by a long credit is one
record whose ``parts`` are the quoted words (:mod:`dateline.quotes._split`).
``quotes.method=model`` runs the model alone and ``quotes.method=rules`` the
rules alone. When the model is missing the stage runs its rules and says so
once. Cue words and every other word either reads live in
``lang/<language>/quotes.json``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from dateline import lang
from dateline.errors import PipelineError
from dateline.lang import Resources
from dateline.pipeline import StageConfig, stage
from dateline.quotes._arrays import Arrays
from dateline.quotes._deeds import acted
from dateline.quotes._held import held
from dateline.quotes._learned import arrays_of, find_learned, load_learned, with_sources
from dateline.quotes._lexicon import Lexicon, load_lexicon
from dateline.quotes._reading import denied, says
from dateline.quotes._rules import between_parts, find_by_rules
from dateline.quotes._split import joined
from dateline.quotes._voices import carried_on
from dateline.records import Article, Quote

__all__ = ["SAME_CONTENT", "QuotesConfig", "apply", "combine", "lend"]

Method = Literal["combined", "model", "rules"]
Speakers = Literal["off", "weak", "all"]


@dataclass(frozen=True)
class QuotesConfig(StageConfig):
    """Settings of the quotes stage."""

    method: Method = field(default="combined", metadata={
        "help": "'combined': the rules' quotes and the trained model's attributions that overlap none of them; "
                "'model': the trained attribution model alone; 'rules': the rules alone (both others run the rules "
                "when the model is missing)"})
    strict_stances: bool = field(default=True, metadata={
        "help": "model: report a stance only when its cue is a word of belief, attitude, intention or judgement and "
                "the text names who holds it; false: every attribution the model finds, as PolNeAR marks them "
                "(higher recall there, lower precision)"})
    model_speakers: Speakers = field(default="weak", metadata={
        "help": "combined: which speakers of the rules' quotes the trained model's source ranker may re-name where it "
                "chooses another: 'weak' (missing, a pronoun other than I or we, or linked to no actor, and not the "
                "subject of the cue itself; PolNeAR dev speaker accuracy 0.916 -> 0.919, held-out train 0.912 -> "
                "0.9225), 'all' (dev 0.915, held out 0.920), or 'off' (the rules' own)"})
    model_reading: bool = field(default=True, metadata={
        "help": "combined: a quote of the rules with no speaker or no cue takes the speaker and cue of the trained "
                "model's attribution over the same content, where the model reads one (PolNeAR dev: speaker accuracy "
                "0.904 -> 0.913, cue 0.917 -> 0.924); false: the rules' own"})
    min_act_cue_score: float | None = field(default=None, metadata={
        "help": "combined: keep a deed (kind 'act': a stance whose cue is no word of speech or attitude) the rules "
                "found only when the trained model scores its cue at least this (a logit); none keeps every one. "
                "0.0 (chosen on the held-out tenth of PolNeAR train, see SUGGESTED_ACT_CUE_SCORE) scores better where "
                "the rules were not tuned, worse on dev, where they were"})
    min_stance_cue_score: float | None = field(default=None, metadata={
        "help": "combined: keep a stance the rules found only when the trained model scores its cue at least this "
                "(a logit; -2.0 scores best on held-out PolNeAR train: fewer false stances); none keeps every one"})
    min_short_act_cue_score: float | None = field(default=-1.5, metadata={
        "help": "combined: keep a deed the rules found whose content is a short phrase (at most SHORT_ACT_WORDS "
                "words: \"crossed the river\", \"organized the event\") only when the trained model scores its cue at "
                "least this (a logit; -1.5, the model's own cue threshold); none keeps every one. Such deeds are "
                "rarely attributions where the rules were not tuned (PolNeAR train: 130 of 523 right)"})


@stage("quotes", requires={"doc", "actors"}, assigns={"quotes"}, help="direct and reported speech with speakers",
       config=QuotesConfig)
def apply(article: Article, config: QuotesConfig = QuotesConfig()) -> Article:
    """Fill ``article.quotes`` with the direct and reported speech and the stances of the article."""
    if article.doc is None:
        raise PipelineError(f"quotes: article {article.id} has no annotation; run the 'annotate' stage first")
    if config.method not in ("combined", "model", "rules"):
        raise PipelineError(f"quotes: unknown method {config.method!r}; use 'combined', 'model' or 'rules'")
    resources = _resources(config, article.language)
    lexicon = load_lexicon(resources)
    learned = None if config.method == "rules" else load_learned(resources, lexicon)
    a: Arrays | None = None
    deed: Callable[[Quote], bool] | None = None  # acted, read once per quote where the rules' quotes are vetted
    if learned is None:
        a = arrays_of(article)
        found = [_marked(a, q, lexicon) for q in find_by_rules(article, lexicon, a)]
    elif config.method == "model":
        found = find_learned(article, learned, config.strict_stances)
    else:
        a = arrays_of(article)
        said = [q for q in one_record(find_by_rules(article, lexicon, a)) if says(a, q, lexicon)]
        deed = _deed_reader(a, lexicon)
        floors = [_floor(a, q, config, deed) for q in said]
        # The cue tokens the model scores: only those of quotes with a floor (-1: none).
        cues = [-1 if floor is None else _cue_index(a, q) for q, floor in zip(said, floors, strict=True)]
        vetted = np.zeros(a.n, dtype=bool)
        vetted[[i for i in cues if i >= 0]] = True
        z = learned.model.cue_scores(a, learned.features, vetted) if vetted.any() else np.zeros(0)
        rules = [_marked(a, q, lexicon) for q, floor, i in zip(said, floors, cues, strict=True)
                 if floor is None or bool(z[i] >= floor)]
        if config.model_speakers != "off":
            rules = with_sources(article, a, learned, rules, config.model_speakers == "weak")
        taken = [span for q in rules for span in _spans(q)] + between_parts(rules)
        short = [(q.content.start, q.content.end) for q in rules if _short(q)] if config.model_reading else []
        learned_quotes = find_learned(article, learned, config.strict_stances, taken, a, short)
        found = carried_on(a, _join(lend(rules, learned_quotes) if short else rules, learned_quotes))
    if any(q.kind == "stance" for q in found):
        a = arrays_of(article) if a is None else a
        found = _as_acts(found, _deed_reader(a, lexicon) if deed is None else deed)
    kept = held(article, found, lexicon)
    return replace(article, quotes=tuple(joined(article, kept)))


def _deed_reader(a: Arrays, lexicon: Lexicon) -> Callable[[Quote], bool]:
    """Whether a quote of the article of ``a`` tells of a deed of its agent (:func:`acted`), read once per kind,
    cue and content: the rules' quotes are asked when they are vetted and again when their kinds are told."""
    memo: dict[tuple[object, ...], bool] = {}

    def deed(quote: Quote) -> bool:
        cue = quote.cue
        key = (quote.kind, quote.direct, quote.content.start, quote.content.end,
               None if cue is None else (cue.start, cue.end))
        if key not in memo:
            memo[key] = acted(a, quote, lexicon)
        return memo[key]
    return deed


def _as_acts(quotes: list[Quote], deed: Callable[[Quote], bool]) -> list[Quote]:
    """``quotes``, each stance that tells of a deed of its agent (``deed``: :func:`acted`) of kind ``act``."""
    return [replace(q, kind="act") if q.kind == "stance" and deed(q) else q for q in quotes]


@functools.lru_cache(maxsize=64)
def _resources(config: QuotesConfig, language: str | None) -> Resources:
    """What ``config.resources`` gives an article in ``language``, looked up once per process (finding the
    languages dateline has reads the package's folders)."""
    return lang.resources(language or config.language, config.lexicons)


#: A ``quotes.min_act_cue_score`` chosen on the held-out tenth of PolNeAR train (model fitted without it), as the
#: model's own threshold is: the highest whose F1 is within 0.005 of the best (none: 0.7679; -2: 0.7766, -1: 0.7778,
#: 0: 0.7751; precision 0.803 -> 0.845, recall 0.736 -> 0.716, deeds' precision 0.49 -> 0.76). On the other half of
#: the train articles outside the tenth (378, 8,909 attributions; model fitted on the first half, no rule read from
#: them) F1 0.737 -> 0.744 (precision 0.765 -> 0.805, recall 0.712 -> 0.692); on dev, where the rules' deeds were
#: tuned, 0.797 -> 0.785, so it is not the default.
SUGGESTED_ACT_CUE_SCORE = 0.0

#: A ``quotes.min_stance_cue_score`` that scores well where neither the rules nor the model were tuned: on the held-out
#: tenth of PolNeAR train (model trained on the rest) F1 0.744 -> 0.751 and stance precision 0.62 -> 0.72; on dev,
#: where the rules' stances were tuned, F1 0.787 -> 0.780, so it is not the default.
SUGGESTED_STANCE_CUE_SCORE = -2.0


def _marked(a: Arrays, quote: Quote, lexicon: Lexicon) -> Quote:
    """``quote`` (found by the rules) marked as negated when its cue is ("did not say that ...")."""
    return replace(quote, negated=True) if denied(a, quote, lexicon) else quote


#: A deed of at most this many words ("crossed the river", "organized the event") is a short one, which
#: ``quotes.min_short_act_cue_score`` vets: on PolNeAR train (840 articles; the rules were never tuned there) 130 of
#: the rules' 523 deeds with contents of 1 to 4 words are attributions (1 word: 7 of 56, 2: 40 of 171, 3-4: 83 of 296),
#: and 697 of their 1587 longer ones.
SHORT_ACT_WORDS = 4


def _floor(a: Arrays, quote: Quote, config: QuotesConfig, deed: Callable[[Quote], bool]) -> float | None:
    """The least cue score (a logit of the trained model) at which a quote the rules found is kept, or None when it
    is kept whatever the model says: speech always; a stance at ``min_stance_cue_score``; one that tells of a deed
    (``deed``: :func:`acted`) at ``min_act_cue_score`` when that is set, and a short one (:data:`SHORT_ACT_WORDS`)
    at least at ``min_short_act_cue_score``."""
    stance, act, short = config.min_stance_cue_score, config.min_act_cue_score, config.min_short_act_cue_score
    if short is not None and len(quote.content.text.split()) > SHORT_ACT_WORDS:
        short = None
    if quote.kind != "stance" or quote.cue is None or a.n == 0 or (stance, act, short) == (None, None, None):
        return None
    if not deed(quote):
        return stance
    return max((f for f in (stance if act is None else act, short) if f is not None), default=None)


def _cue_index(a: Arrays, quote: Quote) -> int:
    """The first token of ``quote``'s cue (a quote with a floor has one, in an article with tokens)."""
    assert quote.cue is not None
    return min(a.token_range(quote.cue.start, quote.cue.end)[0], a.n - 1)


def _spans(quote: Quote) -> list[tuple[int, int]]:
    """The words of ``quote`` another attribution may not take: its content, speaker and cue."""
    return [(span.start, span.end) for span in (quote.content, quote.speaker_span, quote.cue) if span is not None]


def _short(quote: Quote) -> bool:
    """Whether ``quote`` lacks a speaker or a cue."""
    return quote.speaker_span is None or quote.cue is None


#: Two readings are of one attribution when their contents overlap by at least this share of the longer one:
#: the test by which ``dateline eval quotes`` matches an attribution (longer30).
SAME_CONTENT = 0.3


def lend(quotes: list[Quote], readings: list[Quote]) -> list[Quote]:
    """``quotes``, each that lacks a speaker or a cue with the speaker and cue of the one of ``readings`` (with a
    cue) over the same content (:data:`SAME_CONTENT`; the largest overlap wins), where there is one."""
    out = []
    for quote in quotes:
        best, most = None, 0
        for other in readings if _short(quote) else ():
            common = min(quote.content.end, other.content.end) - max(quote.content.start, other.content.start)
            longer = max(quote.content.end - quote.content.start, other.content.end - other.content.start)
            if other.cue is not None and common > most and common >= SAME_CONTENT * longer:
                best, most = other, common
        out.append(quote if best is None else
                   replace(quote, speaker=best.speaker, speaker_span=best.speaker_span, cue=best.cue))
    return out


def one_record(rules: list[Quote]) -> list[Quote]:
    """``rules`` without a quotation that lies inside a report of theirs: the report holds it."""
    reports = np.asarray([(q.content.start, q.content.end) for q in rules if not q.direct], dtype=np.int64)
    if not len(reports):
        return rules
    held = [q.direct and bool(((reports[:, 0] <= q.content.start) & (q.content.end <= reports[:, 1])).any())
            for q in rules]
    return [q for q, inside in zip(rules, held, strict=True) if not inside]


def combine(rules: list[Quote], learned: list[Quote]) -> list[Quote]:
    """One record per attribution: the rules' quotes (see :func:`one_record`) and the model's attributions whose
    content and cue lie outside the contents, speakers and cues of those, in text order."""
    return _join(one_record(rules), learned)


def _join(kept: list[Quote], learned: list[Quote]) -> list[Quote]:
    """``kept`` (one record per attribution already) and those of ``learned`` outside their words, in text order."""
    taken = np.asarray([span for q in kept for span in _spans(q)], dtype=np.int64).reshape(-1, 2)
    own = np.asarray([(q.content.start, q.content.end, *((q.cue.start, q.cue.end) if q.cue else (0, 0)))
                      for q in learned], dtype=np.int64).reshape(-1, 4)
    # A learned quote whose content or cue overlaps a taken span (a missing cue, as (0, 0), overlaps nothing).
    clash: np.ndarray = ((own[:, :1] < taken[:, 1]) & (taken[:, 0] < own[:, 1:2])) \
        | ((own[:, 2:3] < taken[:, 1]) & (taken[:, 0] < own[:, 3:]))
    hit = set(np.flatnonzero(clash.any(axis=1)).tolist())
    free = [q for k, q in enumerate(learned) if k not in hit]
    return sorted(kept + free, key=lambda q: (q.content.start, q.content.end))
