"""The examples the learned check of event candidates is trained on (:mod:`dateline.training.events`): the
candidates the rules propose in each hand-coded article (:func:`coded_sets`) and, optionally, PLOVER's gold
records, each labelled by whether it matches a coded event, with the features the check reads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline import actors, events, places, times
from dateline.evaluation import wikinews
from dateline.evaluation._parses import annotate
from dateline.evaluation.events import LEGACY_TYPES, WIKINEWS_DIR
from dateline.events._discourse import prior_key
from dateline.events._lexicon import Lexicon
from dateline.events._model import FEATURE_GROUPS, Candidate, features, logit, sentence_count
from dateline.events._roles import Roles
from dateline.records import Article, Event

__all__ = ["CODED_SETS", "REPOSITORY_EVAL", "Example", "Scored", "candidate_examples", "coded_sets", "examples_of",
           "gsr_examples", "set_examples", "staged"]

#: Further sets of hand-coded articles trained on beside ``wikinews-dev`` (same format and guidelines).
CODED_SETS = ("wikinews-train",)
#: Where the repository keeps its hand-coded sets (searched after the training data folder).
REPOSITORY_EVAL = Path(__file__).resolve().parents[3] / "eval"
#: Sentences parsed at once.
CHUNK = 64


@dataclass(frozen=True)
class Example:
    """One candidate: its features (of the groups a model weighs), its trigger's prior key, the log-odds of
    the rules' confidence in it, its label, weight, source and (for a hand-coded article) its index."""

    features: tuple[str, ...]
    key: str
    offset: float
    label: int
    weight: float
    source: str
    article: int = -1


def candidate_examples(found: Sequence[Candidate], article: Article, labels: Sequence[int], source: str,
                       weight: float, index: int = -1) -> list[Example]:
    """The examples of an article's candidates, each with its label (1: it matches a coded event)."""
    sentences = sentence_count(article)
    out = []
    for i, (candidate, label) in enumerate(zip(found, labels, strict=True)):
        names = features(candidate, article, found[:i], None, sentences)
        out.append(Example(tuple(n for n in names if n.startswith(FEATURE_GROUPS)), prior_key(candidate.hit),
                           logit(candidate.event.confidence or 0.0), label, weight, source, index))
    return out


def staged(batch: Sequence[Article]) -> list[Article]:
    """Articles parsed (from the parse cache when one is in use) and through the stages before events."""
    out = []
    for article in annotate(batch):
        for stage in (actors.apply, times.apply, places.apply):
            article = stage(article)
        out.append(article)
    return out


def coded_sets(data: Path) -> list[tuple[str, Path]]:
    """The sets of hand-coded articles to train on, as (name, folder): ``wikinews-dev`` under ``data``, then
    each of :data:`CODED_SETS` found under ``data`` or :data:`REPOSITORY_EVAL` (a missing one is skipped)."""
    out = [(WIKINEWS_DIR, data / WIKINEWS_DIR)]
    for name in CODED_SETS:
        found = [root / name for root in (data, REPOSITORY_EVAL) if (root / name / wikinews.GOLD_FILE).is_file()]
        out += [(name, found[0])] if found else []
    return out


def gsr_examples(path: Path, lex: Lexicon, roles: Roles | None, weight: float) -> list[Example]:
    """Examples of PLOVER's gold records: a candidate of the record's type is positive, any other negative."""
    records = json.loads(path.read_text(encoding="utf-8"))
    texts = [(r["text"], LEGACY_TYPES.get(r["event"], r["event"])) for r in records if r.get("event") != "DOCUMENT"]
    out: list[Example] = []
    for first in range(0, len(texts), CHUNK):
        chunk = texts[first:first + CHUNK]
        batch = [Article(id=f"gsr{first + i}", source="gsr", text=t) for i, (t, _) in enumerate(chunk)]
        for article, (_, label) in zip(staged(batch), chunk, strict=True):
            found = events.candidates(article, lex, roles)
            labels = [int(label in (events.plover_type(c.event), c.event.type)) for c in found]
            out += candidate_examples(found, article, labels, "gsr", weight)
    return out


@dataclass(frozen=True)
class Scored:
    """A hand-coded article, what the stages before events made of it (without its parse), the events of its
    candidates and the name of its set."""

    gold: wikinews.GoldArticle
    article: Article
    events: tuple[Event, ...]
    set: str = WIKINEWS_DIR


def set_examples(folder: Path, name: str, lex: Lexicon, roles: Roles | None,
              first: int = 0) -> tuple[list[Example], list[Scored]]:
    """The examples and scored articles of one hand-coded set, its articles numbered from ``first``."""
    gold = wikinews.load(folder)
    examples: list[Example] = []
    scored: list[Scored] = []
    for g, article in zip(gold, wikinews.run(gold, until="events"), strict=True):
        if not isinstance(article, Article):
            continue
        found = events.candidates(article, lex, roles)
        system = wikinews.from_article(replace(article, events=tuple(c.event for c in found)))
        labels = [int(any(wikinews.matches(event, e) for e in g.events)) for event in system.events]
        examples += candidate_examples(found, article, labels, "wikinews", 1.0, first + len(scored))
        scored.append(Scored(g, replace(article, doc=None), tuple(c.event for c in found), name))
    return examples, scored


def examples_of(data: Path, lex: Lexicon, roles: Roles | None) -> tuple[list[Example], list[Scored]]:
    """The examples and scored articles of every hand-coded set (:func:`coded_sets`), numbered together."""
    examples: list[Example] = []
    scored: list[Scored] = []
    for name, folder in coded_sets(data):
        more, found = set_examples(folder, name, lex, roles, len(scored))
        examples += more
        scored += found
    return examples, scored
