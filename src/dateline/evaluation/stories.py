"""Evaluate stories and event instances on ECB+, and check stories on the shared Wikinews corpus.

``dateline eval stories`` (data: ``eval/stories/ecbplus``, see its SOURCE.md):

- **Stories.** All 772 articles (train and validation topics) go through the
  pipeline and into one new store, 32 at a time in a fixed shuffled order
  (``ORDER_SEED``), each batch linked by :func:`dateline.stories.attach` as a
  run links it. Their ``story`` ids are scored with B-cubed against the
  incidents (two per topic, deliberately alike), over all articles at once and
  within the train and validation topics. The settings were tuned on the train
  topics only (:mod:`dateline.stories._options`); the validation figure is the
  fair one. Two reference clusterings are scored beside them: one story per
  topic and one story per article. As the stories found depend on the order
  articles arrive in, the same analyzed articles are also stored in five other
  orders (``OTHER_ORDERS``) and the mean of their F1 is reported
  (``stories.orders.*``).
- **Event instances.** Within each topic, the gold event mentions of the
  validated sentences are linked by the rules that link stored event records
  (:class:`dateline.stories._match.InstanceIndex`), in the same article order.
  ECB+ mentions are any event word, not PLOVER events, so each is described by
  what the pipeline knows of it: its kind is its head word's lemma as the
  matcher compares stored triggers (its first letters, or its word family's:
  :func:`dateline.stories._words.trigger_word`; its word is the lemma's own
  first letters, which the references below use), its status, date and place
  are found as the events stage finds them, its actors and recipients are the
  actors on its subject and object, and its story is its article's. MUC,
  B-cubed, CEAF-e and their mean (CoNLL F1) are computed over all topics, with
  each cluster kept within its topic; two references are scored beside them:
  one cluster per head lemma and topic (also within the train and validation
  topics), and one per head lemma and story (the stories found, without the
  rules that keep records apart).
- **Wikinews.** With ``DATELINE_SHARED``'s ``corpora/wikinews.jsonl`` present,
  its 269 articles (2019-2021, nearly all about different incidents) are run
  through the pipeline into a store the same way, and every pair of articles
  sharing a story is listed: the check is that each such pair reports one
  incident. Pairs judged by reading both articles are in
  ``wikinews_story_pairs.json`` beside this module (``same`` or ``different``
  incident); ``wikinews.pairs_different`` must be 0 and
  ``wikinews.pairs_unjudged`` says how many new pairs need reading.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.evaluation import Report
from dateline.evaluation._coref import bcubed, conll
from dateline.evaluation._ecbplus import GoldArticle, GoldMention, read_corpus
from dateline.records import Article, Document

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.stories._match import Mention

__all__ = ["DEFAULT_DATA", "ORDER_SEED", "OTHER_ORDERS", "evaluate"]

DEFAULT_DATA = "eval/stories/ecbplus"
WIKINEWS = "corpora/wikinews.jsonl"
JUDGED = Path(__file__).with_name("wikinews_story_pairs.json")
#: The seed of the order the articles are stored in (a run sees them in the order its inputs give).
ORDER_SEED = 17
#: Other orders the same analyzed articles are stored in (seeds of their shuffle), for the stories F1 averaged
#: over orders: the stories found depend on the order articles arrive in.
OTHER_ORDERS = (1, 2, 3, 4, 5)
#: Articles stored and linked per batch, as a run does by default.
BATCH = 32
#: Dependencies that make a word the subject (actor) or object (recipient) of an event word.
_ACTOR_DEPS = frozenset({"nsubj", "poss", "agent"})
_RECIPIENT_DEPS = frozenset({"dobj", "nsubjpass"})


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score stories and event instances on ECB+ at ``data``; check stories on the Wikinews corpus."""
    gold = read_corpus(data, skip=_dateline())
    random.Random(ORDER_SEED).shuffle(gold)
    gold = gold[:limit] if limit else gold
    runs = list(_run(gold))
    stories = {g.id: story for g, _, story, _ in runs}
    metrics = _story_scores(gold, stories, _split(data))
    metrics.update(_other_orders(gold, [a for _, a, _, _ in runs], _split(data)))
    metrics.update(_instance_scores(runs, _split(data)))
    notes = [f"{len(gold)} articles stored and linked {BATCH} at a time in one store; stories scored over all, and "
             "within the train and validation topics (settings tuned on train only)",
             "instances: gold event mentions of the validated sentences, clustered within their topic"]
    wikinews = _wikinews_path(data)
    if wikinews is not None and not limit:
        found, pairs = _wikinews(wikinews)
        metrics.update(found)
        details: dict[str, Any] = {"wikinews_pairs": pairs}
    else:
        notes.append("wikinews check skipped (no corpus found, or --limit given)")
        details = {}
    return Report("stories", str(data), metrics, tuple(notes), details)


def _split(data: Path) -> dict[str, set[int]]:
    try:
        raw = json.loads((data / "split.json").read_text(encoding="utf-8"))
        return {name: {int(t) for t in raw.get(name, ())} for name in ("train", "val")}
    except (OSError, ValueError):
        return {}


def _story_scores(gold: Sequence[GoldArticle], stories: dict[str, str], split: dict[str, set[int]]
                  ) -> dict[str, float | int]:
    incidents = {g.id: g.incident for g in gold}
    metrics: dict[str, float | int] = {"articles": len(gold), "incidents": len(set(incidents.values())),
                                       "stories": len(set(stories.values()))}
    p, r, f = bcubed(incidents, stories)
    metrics.update({"stories.precision": round(p, 4), "stories.recall": round(r, 4), "stories.f1": round(f, 4)})
    for name, topics in split.items():
        part = [g.id for g in gold if g.topic in topics]
        if part:
            metrics[f"stories.{name}.f1"] = round(bcubed({i: incidents[i] for i in part},
                                                         {i: stories[i] for i in part})[2], 4)
    metrics["stories.baseline.topic.f1"] = round(bcubed(incidents, {g.id: str(g.topic) for g in gold})[2], 4)
    metrics["stories.baseline.singletons.f1"] = round(bcubed(incidents, {g.id: g.id for g in gold})[2], 4)
    return metrics


def _other_orders(gold: Sequence[GoldArticle], articles: Sequence[Article], split: dict[str, set[int]]
                  ) -> dict[str, float | int]:
    """Stories F1 over all articles and within the train and validation topics when the same analyzed articles
    are stored in each of the OTHER_ORDERS: its mean, and the lowest and highest F1 over all articles."""
    scores: list[dict[str, float | int]] = []
    for seed in OTHER_ORDERS:
        order = list(range(len(gold)))
        random.Random(seed).shuffle(order)
        scores.append(_story_scores([gold[i] for i in order], _link([articles[i] for i in order]), split))
    out: dict[str, float | int] = {"stories.orders": len(scores)}
    for name in ("stories.f1", *(f"stories.{part}.f1" for part in split)):
        found = [float(s[name]) for s in scores if name in s]
        if found:
            out[name.replace("stories.", "stories.orders.", 1).replace(".f1", ".mean_f1")] = round(
                sum(found) / len(found), 4)
    all_f1 = [float(s["stories.f1"]) for s in scores]
    out.update({"stories.orders.min_f1": min(all_f1), "stories.orders.max_f1": max(all_f1)})
    return out


def _link(articles: Sequence[Article]) -> dict[str, str]:
    """The story of each article when they are stored and linked in this order, :data:`BATCH` at a time."""
    from dateline.store import Store
    from dateline.stories import attach

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "order.duckdb") as store:
        for first in range(0, len(articles), BATCH):
            store.write(articles[first:first + BATCH])
            attach(store)
        return dict(store.con.execute("SELECT id, story FROM articles").fetchall())


# -- running the pipeline -------------------------------------------------------------------------------------


def _run(gold: list[GoldArticle]) -> Iterator[tuple[GoldArticle, Article, str, list[Mention | None]]]:
    """Each article through the pipeline, stored and linked in batches: (gold, article, story, mentions)."""
    from dateline.store import Store
    from dateline.stories import attach

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "ecbplus.duckdb") as store:
        for first in range(0, len(gold), BATCH):
            batch = gold[first:first + BATCH]
            done = _analyze([_article(g) for g in batch])
            store.write([replace(a, doc=None) for a in done])
            attach(store)
            stories = dict(store.con.execute(
                "SELECT id, story FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[g.id for g in batch]]).fetchall())
            for g, article in zip(batch, done, strict=True):
                story = stories[g.id]
                yield g, replace(article, doc=None), story, [_mention(article, m, story) for m in g.mentions]


def _dateline() -> Callable[[str], bool]:
    """Whether a sentence is a date line, as the clean stage recognizes one (and takes out of the text)."""
    from dateline.clean._dates import is_dateline
    from dateline.clean._patterns import load_patterns
    from dateline.lang import resources

    patterns = load_patterns(resources("en")).dates
    return lambda line: is_dateline(" ".join(line.split()), patterns)


def _article(gold: GoldArticle) -> Article:
    """The article as the clean stage makes it of the page: its text as printed, less its date line, which
    gives its publication date."""
    from dateline.clean import clean

    page = "\n\n".join([*gold.skipped, gold.text])
    cleaned = clean(Document(gold.id, gold.id, "text", page, url=gold.url))
    return Article(id=gold.id, source=gold.id, url=gold.url, site=cleaned.site, published=cleaned.published,
                   published_text=cleaned.published_text, language="en", text=gold.text)


def _analyze(articles: list[Article]) -> list[Article]:
    """The analysis stages over the articles, keeping each one's parse."""
    from dateline import actors, events, places, quotes, times
    from dateline.evaluation._parses import annotate

    out = []
    for article in annotate(articles):
        for stage in (actors, times, places, events, quotes):
            article = stage.apply(article)
        out.append(article)
    return out


# -- gold mentions as the matcher sees them ------------------------------------------------------------------


def _mention(article: Article, gold: GoldMention, story: str) -> Mention | None:
    """A gold event mention described by what the pipeline knows of it (None when it covers no token)."""
    from dateline.events._context import event_date, status
    from dateline.events._places import event_place
    from dateline.stories._match import Mention, window
    from dateline.stories._words import stem, trigger_word

    span = article.doc.char_span(gold.start, gold.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head, words = span.root, _words(article)
    sentence = head.sent
    times = [t for t in article.times if sentence.start_char <= t.span.start < sentence.end_char]
    places = [p for p in article.places if sentence.start_char <= p.span.start < sentence.end_char]
    date = event_date(article.doc, times, head)  # a time on the event word's own clause
    place = event_place(article.doc, places, head, sentence, None, [], words)
    said = status(head, words)
    days, exact = window(None if date is None else date.value, article.published, said)
    return Mention(article.id, gold.id, trigger_word(head.lemma_, article.language), said, days,
                   exact, None if place is None else place.country, _parties(article, head, _ACTOR_DEPS),
                   _parties(article, head, _RECIPIENT_DEPS), stem(head.lemma_), story)


def _words(article: Article) -> Any:
    from dateline.events._lexicon import load_lexicon
    from dateline.pipeline import StageConfig

    return load_lexicon(StageConfig().resources(article)).words


def _parties(article: Article, head: Token, deps: frozenset[str]) -> tuple[Any, ...]:
    """The actors on the event word's arguments of these dependencies ("by" phrases count as agents), less
    those the matcher does not compare (groups, persons named by a common noun)."""
    from dateline.store._schema import actor_key
    from dateline.stories._match import Party, compared

    tokens = [c for c in head.children if c.dep_ in deps]
    tokens += [g for c in head.children if c.dep_ == "agent" and "agent" in deps for g in c.children]
    found: dict[str, Party] = {}
    for token in tokens:
        actor = article.actor_at(token.idx, token.idx + len(token.text))
        if actor is not None and compared(actor.kind, actor.name):
            key = actor_key(actor.name, actor.country)
            found[key] = Party(key, actor.country, actor.kind == "country")
    return tuple(found[k] for k in sorted(found))


# -- scores -----------------------------------------------------------------------------------------------------


def _instance_scores(runs: list[tuple[GoldArticle, Article, str, list[Mention | None]]],
                     split: dict[str, set[int]]) -> dict[str, float | int]:
    from dateline.stories._match import InstanceIndex

    gold: dict[str, tuple[int, str]] = {}
    found: dict[str, tuple[int, str]] = {}
    lemma: dict[str, tuple[int, str]] = {}
    story_lemma: dict[str, tuple[int, str]] = {}
    indexes: dict[int, InstanceIndex] = {}
    for g, _, story, mentions in runs:
        index = indexes.setdefault(g.topic, InstanceIndex())
        for m, mention in zip(g.mentions, mentions, strict=True):
            if not m.validated:
                continue
            gold[m.id] = (g.topic, m.cluster)
            found[m.id] = (g.topic, m.id if mention is None else index.assign(mention))
            lemma[m.id] = (g.topic, m.id if mention is None else mention.word)
            story_lemma[m.id] = (g.topic, m.id if mention is None else f"{story}/{mention.word}")
    metrics: dict[str, float | int] = {"instances.mentions": len(gold),
                                       "instances.gold_clusters": len(set(gold.values()))}
    for name, response in (("instances", found), ("instances.baseline.lemma", lemma),
                           ("instances.baseline.story_lemma", story_lemma)):
        scores = conll(gold, response)
        for measure in ("muc", "bcubed", "ceafe"):
            value = scores[measure]
            assert isinstance(value, tuple)
            metrics[f"{name}.{measure}.f1"] = round(value[2], 4)
        metrics[f"{name}.conll_f1"] = round(float(scores["conll_f1"]), 4)  # type: ignore[arg-type]
    for part, topics in split.items():
        ids = [i for i, (topic, _) in gold.items() if topic in topics]
        if not ids:
            continue
        for name, response in (("instances", found), ("instances.baseline.lemma", lemma)):
            scores = conll({i: gold[i] for i in ids}, {i: response[i] for i in ids})
            metrics[f"{name}.{part}.conll_f1"] = round(float(scores["conll_f1"]), 4)  # type: ignore[arg-type]
    return metrics


# -- the Wikinews check -------------------------------------------------------------------------------------------


def _wikinews_path(data: Path) -> Path | None:
    shared = os.environ.get("DATELINE_SHARED")
    roots = [Path(shared)] if shared else []
    roots.append(data.parents[2] if len(data.parents) > 2 else data)
    for root in roots:
        if (root / WIKINEWS).is_file():
            return root / WIKINEWS
    return None


@dataclass(frozen=True)
class _Pair:
    a: str
    b: str
    titles: tuple[str, str]
    judged: str | None


def _wikinews(path: Path) -> tuple[dict[str, float | int], list[dict[str, Any]]]:
    """Run the corpus into a store and list every pair of articles that share a story, with its judgement."""
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from dateline.store import Store
    from dateline.stories import attach

    judged = _judged()
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "wikinews.duckdb") as store:
        documents = [d for d in iter_documents([str(path)]) if isinstance(d, Document)]
        for first in range(0, len(documents), BATCH):
            cleaned = [a for a in pipeline.clean_batch(documents[first:first + BATCH]) if isinstance(a, Article)]
            store.write([replace(a, doc=None) for a in _analyze(cleaned)])
            attach(store)
        rows = store.con.execute(
            """SELECT a.id, b.id, a.title, b.title FROM articles a JOIN articles b ON a.story = b.story AND a.id < b.id
               ORDER BY a.id, b.id""").fetchall()
        stories = store.con.execute("SELECT count(DISTINCT story), count(*) FROM articles").fetchone() or (0, 0)
    pairs = [_Pair(a, b, (ta or "", tb or ""), judged.get((a, b))) for a, b, ta, tb in rows]
    metrics: dict[str, float | int] = {
        "wikinews.articles": int(stories[1]), "wikinews.stories": int(stories[0]), "wikinews.pairs": len(pairs),
        "wikinews.pairs_same": sum(p.judged == "same" for p in pairs),
        "wikinews.pairs_different": sum(p.judged == "different" for p in pairs),
        "wikinews.pairs_unjudged": sum(p.judged is None for p in pairs),
    }
    return metrics, [{"a": p.a, "b": p.b, "titles": list(p.titles), "judged": p.judged} for p in pairs]


def _judged() -> dict[tuple[str, str], str]:
    try:
        raw = json.loads(JUDGED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {tuple(sorted((p["a"], p["b"]))): p["judged"] for p in raw.get("pairs", ())}
