"""Evaluate event coding on whole hand-coded articles, PLOVER's gold records and ConfliBERT's CAMEO sentences.

Four sets under ``eval/events`` of the shared data, the first the main one:

- ``wikinews-dev/`` (Wikinews articles coded by hand to PLOVER, CC BY 2.5):
  dateline's whole pipeline runs on each article, and its events are scored
  against the hand-coded ones (:mod:`dateline.evaluation.wikinews`): recall of
  the core events, precision, and on matched events the share with the actor,
  recipient, date, place, status and all of them right (``wikinews.*``; per
  article in the report's details). The rules were not tuned on these articles.
  A folder that itself holds a ``gold.json`` of such articles (the held-out
  ``eval/wikinews-heldout`` of this repository) is scored the same way, alone.
- ``plover/plover_gsr_cameo.json`` (PLOVER gold-standard records, CC BY-SA):
  event-type precision, recall and F1 per type, micro and macro, over
  (sentence, type) pairs; older labels are mapped to PLOVER's current ones
  (DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Actor
  and recipient text match: the share of gold source (target) texts found in
  an actor (recipient) span of a coded event of the gold type. Types are
  compared as PLOVER codes them (:func:`dateline.events.plover_type`: a
  planned meeting is an AGREE).
- ``conflibert/cameo_class/train.tsv`` (GPL-3, evaluation only): the quad class
  of the first event of each sentence (0 when none, or when PLOVER scores it
  neutral) against the gold label (0 statement/none, 1 verbal cooperation,
  2 material cooperation, 3 verbal conflict, 4 material conflict): accuracy
  and macro-F1.
- ``conflibert/cameo_ner/train.txt`` (GPL-3, evaluation only): role spans,
  S (source) against actor spans, T (target) against recipient spans (the
  annotators mark "A met B" as S and T: in an event with several actors and no
  recipient, actors after the trigger count as T): exact-match span F1
  (labelled, and with the role ignored). Only the sentence's first event is
  compared: the annotators mark the parties of one event per sentence (only
  25 of the 1,153 training sentences have more than one S span, nearly all
  coordinated sources), so scoring the union of all coded events would count
  the unmarked parties of second events as errors (it lowers labelled F1 from
  0.583 to 0.570); picking, per sentence, the event that best fits the gold
  would use the answer and is not done. The set also marks the parties of
  CAMEO statements ("expressed concern / condolences to X", about a quarter of
  the missed spans): PLOVER dropped CAMEO's statement categories, dateline
  codes no event for them, and those spans count as misses; no stand-in
  event is made for scoring.

Each sentence of the last three sets is annotated by spaCy and coded by the
actors, times, places and events stages, as a run codes it (an event needs a
party that the actors stage knows). A set that is missing is skipped with a note.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline import events
from dateline.errors import InputError
from dateline.evaluation import Report, f1, wikinews
from dateline.evaluation._parses import annotate
from dateline.events._plover import plover
from dateline.records import EVENT_TYPES, Article, Event

__all__ = ["DEFAULT_DATA", "LEGACY_TYPES", "evaluate"]

DEFAULT_DATA = "eval/events"
WIKINEWS_DIR = "wikinews-dev"
GSR_FILE = "plover/plover_gsr_cameo.json"
CLASS_FILE = "conflibert/cameo_class/train.tsv"
NER_FILE = "conflibert/cameo_ner/train.txt"

#: Older PLOVER labels in the gold records, and what they are now.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_CHUNK = 64
#: Types whose parties the CAMEO annotators mark as reciprocal (R) when no recipient is coded.
RECIPROCAL_TYPES = frozenset({"CONSULT"})
#: Words the CAMEO role annotators never mark as a party.
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "our", "i",
                      "you", "who", "which", "that", "this"})
#: PLOVER scores closer to 0 than this are neutral: such events count as class 0 (statement or none)
#: against the CAMEO quad classes. PLOVER scores REQUEST 0 and REQUEST-assist 0.5; the next is +-1.
NEUTRAL_SCORE = 0.75


def _code(texts: Sequence[str]) -> list[tuple[Event, ...]]:
    """The events of each text, coded as a run codes them: the actors, times and places stages, then events."""
    from dateline import actors, places, times

    out: list[tuple[Event, ...]] = []
    for first in range(0, len(texts), _CHUNK):
        chunk = texts[first:first + _CHUNK]
        batch = [Article(id=f"eval{first + i}", source="eval", text=t) for i, t in enumerate(chunk)]
        for article in annotate(batch):
            for stage in (actors.apply, times.apply, places.apply, events.apply):
                article = stage(article)
            out.append(article.events)
    return out


def _prf(prefix: str, tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {f"{prefix}.precision": round(p, 4), f"{prefix}.recall": round(r, 4), f"{prefix}.f1": round(f1(p, r), 4)}


def _matches(gold: str, spans: Iterable[str]) -> bool:
    g = gold.lower().strip()
    return bool(g) and any(g in s.lower() or (len(s) > 2 and s.lower() in g) for s in spans)


def _gsr(path: Path, limit: int | None) -> dict[str, float | int]:
    try:
        records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the PLOVER gold records: {exc}", source=str(path)) from exc
    records = records[:limit] if limit else records
    coded = _code([r["text"] for r in records])
    counts: dict[str, Counter[str]] = {t: Counter() for t in EVENT_TYPES}
    roles = Counter[str]()
    for record, found in zip(records, coded, strict=True):
        gold = LEGACY_TYPES.get(record["event"], record["event"])
        predicted = {events.plover_type(e) for e in found}
        for event_type in predicted | {gold}:
            hit = event_type in predicted
            key = "tp" if hit and event_type == gold else ("fp" if hit else "fn")
            counts[event_type][key] += 1
        same = [e for e in found if events.plover_type(e) == gold]
        actor_texts = [s.text for e in same for s in e.actor_spans]
        recipient_texts = [s.text for e in same for s in e.recipient_spans] + (actor_texts if gold == "CONSULT" else [])
        for role, key, texts in (("actor", "source", actor_texts), ("recipient", "target", recipient_texts)):
            for actor in record.get(key) or []:
                if not isinstance(actor, dict):
                    continue  # a few records hold a bare string here
                roles[f"{role}.total"] += 1
                roles[f"{role}.matched"] += _matches(actor.get("actorText", ""), texts)
    metrics: dict[str, float | int] = {"gsr.records": len(records)}
    total = Counter[str]()
    macro: list[float] = []
    for event_type, c in counts.items():
        if c["tp"] + c["fn"] == 0 and c["fp"] == 0:
            continue
        metrics.update(_prf(f"gsr.type.{event_type}", c["tp"], c["fp"], c["fn"]))
        total.update(c)
        if c["tp"] + c["fn"]:
            macro.append(float(metrics[f"gsr.type.{event_type}.f1"]))
    metrics.update(_prf("gsr.type.micro", total["tp"], total["fp"], total["fn"]))
    metrics["gsr.type.macro.f1"] = round(sum(macro) / len(macro), 4) if macro else 0.0
    for role in ("actor", "recipient"):
        metrics[f"gsr.{role}.match"] = round(roles[f"{role}.matched"] / max(1, roles[f"{role}.total"]), 4)
    return metrics


def _main(found: Sequence[Event]) -> list[Event]:
    """The sentence's main event, as the annotators mark one: its first (the lead clause's, mostly)."""
    return list(found[:1])


def _quad(found: Sequence[Event]) -> int:
    """The quad class of the main event as PLOVER codes it (a refused cooperation is verbal conflict);
    0 for an event PLOVER scores as neutral (a request: CAMEO's appeals are its statements, class 0)."""
    for event in _main(found):
        event_type = events.plover_type(event)
        tables = plover()
        score = tables.score(event_type, event.mode if event_type == event.type else None)
        return 0 if score is not None and abs(score) < NEUTRAL_SCORE else tables.quad[event_type]
    return 0


def _classes(path: Path, limit: int | None) -> dict[str, float | int]:
    rows: list[tuple[str, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, _, tag = line.rpartition("\t")
        if text and tag.strip().isdigit():
            rows.append((text, int(tag)))
    rows = rows[:limit] if limit else rows
    predicted = [_quad(found) for found in _code([t for t, _ in rows])]
    gold = [label for _, label in rows]
    metrics: dict[str, float | int] = {"quad.sentences": len(rows)}
    pairs = list(zip(predicted, gold, strict=True))
    metrics["quad.accuracy"] = round(sum(p == g for p, g in pairs) / max(1, len(rows)), 4)
    scores = []
    for label in range(5):
        tp = sum(p == g == label for p, g in pairs)
        fp = sum(p == label != g for p, g in pairs)
        fn = sum(g == label != p for p, g in pairs)
        scores.append(float(_prf(f"quad.{label}", tp, fp, fn)[f"quad.{label}.f1"]))
        metrics[f"quad.{label}.f1"] = scores[-1]
    metrics["quad.macro.f1"] = round(sum(scores) / 5, 4)
    return metrics


def _conll_sentence(tokens: list[tuple[str, str]]) -> tuple[str, set[tuple[int, int, str]]]:
    """A CoNLL sentence as text (tokens joined as the text read before it was tokenized: see
    :func:`_glued`) and its gold role spans."""
    spans: set[tuple[int, int, str]] = set()
    current: tuple[int, int, str] | None = None
    offset = 0
    pieces: list[str] = []
    words = [w for w, _ in tokens]
    for i, (word, tag) in enumerate(tokens):
        glued = _glued(words, i)
        offset -= 1 if glued else 0
        start, end = offset, offset + len(word)
        offset = end + 1
        pieces.append(("" if glued or i == 0 else " ") + word)
        if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
            current = (current[0], end, current[2])
            continue
        if current is not None:
            spans.add(current)
        current = (start, end, tag[2:]) if tag[:2] in ("B-", "I-") else None
    if current is not None:
        spans.add(current)
    return "".join(pieces), spans


#: Tokens the corpus split off the word before them: closing punctuation and brackets ("Iraq ,",
#: "Mr . Sisi", "( NAF )").
_CLOSING = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "%"})
#: Tokens it split off the word after them ("( NAF )", "$ 17 million").
_OPENING = frozenset({"(", "[", "$"})


def _glued(words: list[str], i: int) -> bool:
    """Whether token ``i`` of a tokenized sentence joins the token before it without a space, as the
    text read before the corpus was tokenized: split possessives ("Japan ’ s"), closing punctuation
    ("Iraq ,", "Mr . Sisi"), what follows an opening bracket ("( NAF )") and hyphens between words
    ("rebel - held", "PML - Q"). The parser then sees the text as news prints it."""
    if i == 0:
        return False
    word, before = words[i], words[i - 1]
    if _clitic(words[i - 1:i + 2]) or word in _CLOSING or before in _OPENING:
        return True
    after = words[i + 1] if i + 1 < len(words) else ""
    first = words[i - 2] if i >= 2 else ""
    return ((word == "-" and before[-1:].isalnum() and after[:1].isalnum())
            or (before == "-" and first[-1:].isalnum() and word[:1].isalnum()))


def _clitic(words: list[str]) -> bool:
    """Whether the second of these tokens is part of a possessive the corpus split off its noun
    ("Japan ’ s", "Trump 's"): rejoined, the text reads as news does and the parser sees a possessive."""
    word, rest = words[1], words[2:]
    if word.lower() in ("'s", "’s"):
        return True
    return (word == "’" and rest[:1] == ["s"]) or (words[0] == "’" and word == "s")


def _ner_sentences(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    out: list[tuple[str, set[tuple[int, int, str]]]] = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
        elif tokens:
            out.append(_conll_sentence(tokens))
            tokens = []
    return out


def _roles(text: str, found: Sequence[Event]) -> set[tuple[int, int, str]]:
    """Role spans as the CAMEO annotators mark them: the parties of a meeting (a CONSULT with
    several actors and no recipient) are reciprocal (R); in other events of several actors and
    no recipient ("A established ties with B") those after the trigger are targets. The
    annotators mark no pronouns: pronoun arguments (which the actors stage resolves) are left out."""
    spans: set[tuple[int, int, str]] = set()
    for event in _main(found):
        shared = not event.recipient_spans and len(event.actor_spans) > 1
        for s in event.actor_spans:
            after = s.start > event.trigger.start
            label = ("R" if event.type in RECIPROCAL_TYPES else "T" if after else "S") if shared else "S"
            spans.add((s.start, s.end, label))
        spans |= {(s.start, s.end, "T") for s in event.recipient_spans}
    return {s for s in spans if text[s[0]:s[1]].lower() not in PRONOUNS}


def _ner(path: Path, limit: int | None) -> dict[str, float | int]:
    sentences = _ner_sentences(path)
    sentences = sentences[:limit] if limit else sentences
    labelled, unlabelled = Counter[str](), Counter[str]()
    for (text, gold), found in zip(sentences, _code([t for t, _ in sentences]), strict=True):
        pred = _roles(text, found)
        for counter, g, p in ((labelled, gold, pred), (unlabelled, {s[:2] for s in gold}, {s[:2] for s in pred})):
            counter["tp"] += len(g & p)
            counter["fp"] += len(p - g)
            counter["fn"] += len(g - p)
    metrics: dict[str, float | int] = {"roles.sentences": len(sentences)}
    metrics.update(_prf("roles.span", labelled["tp"], labelled["fp"], labelled["fn"]))
    metrics.update(_prf("roles.unlabelled", unlabelled["tp"], unlabelled["fp"], unlabelled["fn"]))
    return metrics


def _wikinews(path: Path, limit: int | None) -> tuple[dict[str, float | int], dict[str, Any], tuple[str, ...]]:
    """The figures on the hand-coded articles (the first ``limit``), per article, and notes on failures."""
    gold = wikinews.load(path)[:limit] if limit else wikinews.load(path)
    found, notes = wikinews.code(gold)
    counts = wikinews.score(gold, found)
    total = sum(counts.values(), wikinews.Counts())
    metrics: dict[str, float | int] = {"wikinews.articles": len(gold)}
    metrics.update({f"wikinews.{k}": v for k, v in wikinews.event_rates(total).items()})
    metrics.update({f"wikinews.{k}": getattr(total, k) for k in ("core_gold", "core_found", "system_events",
                                                                   "system_right")})
    plover_total = sum(wikinews.score(gold, found, "plover").values(), wikinews.Counts())
    for key, value in wikinews.event_rates(plover_total).items():
        if key in ("core_recall", "precision"):
            metrics[f"wikinews.plover_type.{key}"] = value
    return metrics, {"wikinews": wikinews.per_article(gold, counts, actors=False)}, notes


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score event coding on the sets found under ``data``; a missing set is noted and skipped."""
    data = Path(data)
    metrics: dict[str, float | int] = {}
    notes: list[str] = []
    details: dict[str, Any] = {}
    coded = data if (data / wikinews.GOLD_FILE).is_file() else data / WIKINEWS_DIR
    if (coded / wikinews.GOLD_FILE).is_file():
        figures, details, failed = _wikinews(coded, limit)
        metrics.update(figures)
        notes.extend(failed)
    else:
        notes.append(f"{WIKINEWS_DIR}/{wikinews.GOLD_FILE} not found under {data}: skipped")
    for name, scorer in ((GSR_FILE, _gsr), (CLASS_FILE, _classes), (NER_FILE, _ner)):
        path = data / name
        if path.is_file():
            metrics.update(scorer(path, limit))
        else:
            notes.append(f"{name} not found under {data}: skipped")
    if not metrics:
        raise InputError(f"no event evaluation set found under {data}; "
                         f"pass the folder that holds {WIKINEWS_DIR}/, plover/ and conflibert/, "
                         f"or a folder of hand-coded Wikinews articles ({wikinews.GOLD_FILE})")
    return Report("events", str(data), metrics, tuple(notes), details)
