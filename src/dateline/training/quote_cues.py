"""Cue words counted from PolNeAR's train split (``dateline train quote-cues``): the quotes lexicon's ``learned_cues``.

PolNeAR's annotators mark as cues many words that no curated list of the
quotes lexicon holds ("seems", "offered", "portrayed", "nominated"): the
learned model scores every token as a cue, but the stage reports only
attributions whose cue is a word of its lists, so it drops them. This command
counts, over the train articles outside the held-out tenth (every
:data:`HOLDOUT_EVERY`-th in name order, which stays a check), for each lemma
and part of speech how many of its tokens head a gold cue and how many occur
at all, and keeps the lemmas with enough support and precision
(:data:`MIN_CUES`, :data:`MIN_ARTICLES`, :data:`MIN_PRECISION`, chosen on the
held-out tenth). Words the curated lists already read are left out, so a word
moved into one of them drops out of the next count.

It rewrites the ``learned_cues`` list of ``lang/en/quotes.json`` (bumping the
file's minor version when the list changes) and writes the counts beside the
model card, ``models/quote_cues.md``. The counts of common English words are
facts about the data, not its text; PolNeAR has no licence file, which the
card says.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.evaluation import _polnear
from dateline.evaluation import quotes as scoring
from dateline.lang import resources
from dateline.quotes._arrays import Arrays, member
from dateline.quotes._learned import arrays_of
from dateline.quotes._lexicon import Lexicon, load_lexicon
from dateline.quotes._model import Features
from dateline.quotes._reading import MIN_LEARNED_CUE_SCORE
from dateline.training import TrainingReport
from dateline.training.quotes import head_of, parsed_articles, range_tokens

__all__ = ["DEFAULT_DATA", "CueCount", "count_cues", "learned", "train"]

DEFAULT_DATA = "eval/quotes/polnear"
#: Every this many-th train article (in name order) is left out of the count, as ``dateline train quotes`` does.
HOLDOUT_EVERY = scoring.HOLDOUT_EVERY
#: A word is kept when at least this many of its tokens head a gold cue ...
MIN_CUES = 5
#: ... in at least this many articles ...
MIN_ARTICLES = 3
#: ... and at least this share of its tokens do (the learned cue scorer then chooses among them). The three were
#: chosen on the held-out tenth of train (model fitted without it), never on dev: F1 0.7613 with no learned cue;
#: (5, 3, 0.15) 0.7682, (5, 3, 0.2) 0.7668, (3, 3, 0.15) 0.7676, (5, 3, 0.1) 0.7667, (5, 3, 0.3) 0.7641.
MIN_PRECISION = 0.15
#: Parts of speech a learned cue may have (spaCy's coarse tags): words, not marks or function words.
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV"})
#: Where the list goes, under ``dateline/lang/en/``, and its card, beside the quotes model's.
LEXICON_FILE = "quotes.json"
CARD_FILE = "models/quote_cues.md"


@dataclass(frozen=True)
class CueCount:
    """How often tokens of one lemma and part of speech head a gold cue (``cues``, in ``articles`` articles) of
    all its tokens (``seen``)."""

    lemma: str
    pos: str
    cues: int
    seen: int
    articles: int

    @property
    def precision(self) -> float:
        return self.cues / self.seen if self.seen else 0.0


def _cue_heads(a: Arrays, gold: Iterable[_polnear.Gold]) -> set[int]:
    """The tokens that head a gold cue (one token however many attributions it cues)."""
    return {head_of(a, tokens) for g in gold if (tokens := range_tokens(a, g.cue))}


def count_cues(articles: Iterable[tuple[list[_polnear.Gold], Arrays]], lexicon: Lexicon) -> list[CueCount]:
    """For each lemma and part of speech of ``articles`` (gold attributions and token arrays) that no list of
    ``lexicon`` but ``learned_cues`` makes a cue word, its counts, the most frequent cues first."""
    known = Features(replace(lexicon, learned_cues=frozenset())).reportable
    seen: Counter[tuple[str, str]] = Counter()
    cues: Counter[tuple[str, str]] = Counter()
    where: Counter[tuple[str, str]] = Counter()
    for gold, a in articles:
        listed = member(a.lemma, known) | member(a.lower, known)
        keys = [(t.lemma_.lower(), t.pos_) for t in a.doc]
        seen.update(key for key, skip in zip(keys, listed.tolist(), strict=True) if not skip)
        heads = Counter(keys[i] for i in _cue_heads(a, gold) if not listed[i])
        cues.update(heads)
        where.update(heads.keys())
    out = [CueCount(lemma, pos, n, seen[(lemma, pos)], where[(lemma, pos)]) for (lemma, pos), n in cues.items()]
    return sorted(out, key=lambda c: (-c.cues, c.lemma, c.pos))


def learned(counts: Iterable[CueCount]) -> list[CueCount]:
    """The counts of words with enough support and precision to be cues (see the module)."""
    return [c for c in counts if c.pos in CONTENT_POS and c.lemma.isalpha() and c.cues >= MIN_CUES
            and c.articles >= MIN_ARTICLES and c.precision >= MIN_PRECISION]


def write_lexicon(path: Path, source: Path, words: list[str]) -> bool:
    """Write the lexicon file ``source`` to ``path`` with ``words`` as its ``learned_cues`` (its minor version one
    up when they change); whether they changed."""
    raw = json.loads(source.read_text(encoding="utf-8"))
    changed = sorted(raw.get("learned_cues", [])) != words
    if changed:
        major, minor, *_ = str(raw["version"]).split(".")
        raw["version"] = f"{major}.{int(minor) + 1}.0"
    raw["learned_cues"] = words
    path.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return changed


def write_card(path: Path, kept: list[CueCount], articles: int, held: int) -> None:
    """Write the card of the learned cues: how they were counted, from what, and the counts of each."""
    lines = [
        "# Learned cue words of the quotes stage (`learned_cues` in `quotes.json`)", "",
        "**What they are.** Lemmas that PolNeAR's annotators often mark as the cue of an attribution and that no "
        "curated list of the quotes lexicon holds. The stage reports the learned model's attributions with such a "
        "cue (kind `act`: a cue of no list of speech or attitude; a quotation stays speech) when they name who holds "
        f"them and the model scores the cue at least {MIN_LEARNED_CUE_SCORE:g} (a logit; "
        "`dateline.quotes._reading.MIN_LEARNED_CUE_SCORE`, chosen on the held-out tenth): the model's cue scorer "
        "decides which tokens of these words are cues.", "",
        f"**Data.** PolNeAR v1.0.0, **train split only**, {articles} articles: every {HOLDOUT_EVERY}th in name order "
        f"({held}) was left out, as `dateline train quotes` holds it out, to choose the thresholds on. **Licence: "
        "PolNeAR has no licence file and its README makes no licence statement;** what is kept here is a list of "
        "common English words and counts of them, no text of the data.", "",
        f"**Made by** `dateline train quote-cues`: a lemma (with its part of speech, one of {sorted(CONTENT_POS)}) "
        f"is kept when at least {MIN_CUES} of its tokens head a gold cue, in at least {MIN_ARTICLES} articles, and "
        f"at least {MIN_PRECISION:g} of all its tokens do. Dev was never used.", "",
        "| lemma | part of speech | gold cues | tokens | share | articles |", "|---|---|---|---|---|---|",
        *(f"| {c.lemma} | {c.pos} | {c.cues} | {c.seen} | {c.precision:.2f} | {c.articles} |" for c in kept),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Count the cue words of the train split under ``data``; write the lexicon and its card to ``out`` (default:
    the package). ``seed`` is unused: the count is deterministic."""
    res = resources("en")
    lexicon = load_lexicon(res)
    items = _polnear.load(_polnear.split_dir(Path(data), "train"))
    counted = [item for k, item in enumerate(items) if k % HOLDOUT_EVERY != 0]
    arrays = [arrays_of(article) for article in parsed_articles(counted)]
    kept = learned(count_cues(((item.gold, a) for item, a in zip(counted, arrays, strict=True)), lexicon))
    source = Path(str(res.file(LEXICON_FILE)))
    folder = out if out is not None else source.parent
    lexicon_path = folder / LEXICON_FILE
    card = folder / (Path(CARD_FILE).name if out is not None else CARD_FILE)
    card.parent.mkdir(parents=True, exist_ok=True)
    changed = write_lexicon(lexicon_path, source, sorted({c.lemma for c in kept}))
    write_card(card, kept, len(items), len(items) - len(counted))
    metrics: dict[str, float | int] = {"articles": len(counted), "held_out": len(items) - len(counted),
                                       "words": len({c.lemma for c in kept}), "gold_cues": sum(c.cues for c in kept),
                                       "changed": int(changed)}
    return TrainingReport("quote-cues", str(data), (lexicon_path, card), metrics,
                          ("words: lemmas kept as learned cues; gold_cues: the gold cues they head in the counted "
                           "articles",))

