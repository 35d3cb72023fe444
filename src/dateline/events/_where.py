"""The learned choice of an event's place among the places the rules' steps offer.

The rules of :mod:`dateline.events._places` and :mod:`dateline.events._scene`
place an event by an ordered cascade: its own clause, its sentence, the
dateline, a visit's destination, a governor's seat, the same actor's last
place, the place a sentence before states, the article's main place. Here every
step offers its place at once (:func:`options`: each distinct place, the steps
that offer it and the other places its line names, and "none"), each is
described by named binary features (:func:`features`: the steps, its kind,
whether it is the country of another option, its distance and preposition to
the trigger, quotation, how often the article names it, whether it is the
dateline, the main place or an actor's country, the event's quad class and
status, and whether it is the rules' own answer), and a linear ranker picks the
option with the highest score (:meth:`PlaceModel.pick`), the rules' own answer unless another scores higher
by the model's margin.

The ranker is trained by ``dateline train event-places``
(:mod:`dateline.training.event_places`) and read from
``lang/<code>/models/event-places.json`` when one has been made there; the
stage runs on the cascade alone without it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dateline.errors import ResourceError
from dateline.events._fold import Hit
from dateline.events._lexicon import Words
from dateline.events._located import located_party
from dateline.events._model import Candidate, read_model
from dateline.events._phrase import full_phrase, phrase
from dateline.events._places import COUNTRY, of_subject, of_trigger, stated_place
from dateline.events._plover import plover
from dateline.events._quotation import inside_quotation
from dateline.events._scene import CARRY_SENTENCES, VISIT, Scene, in_story_time, line, seat
from dateline.lang import Resources
from dateline.records import Article, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "Option", "PlaceModel", "best", "features", "load_places", "options", "parse_places",
           "party_spans", "placed"]

#: Where a language keeps its trained event-place ranker (under ``lang/<code>/``).
MODEL_FILE = "models/event-places.json"
#: Major version of the model file format this code reads.
SUPPORTED_MAJOR = "1"
#: Token distances from the trigger told apart (bucket upper bounds).
_DISTANCES = (3, 8, 15)
#: Mention counts of a place in the article told apart (bucket upper bounds).
_MENTIONS = (1, 2, 4)
#: The kind each gazetteer feature is read as (country, admin division, town); every other one is "feature":
#: a landmark, a region.
_KINDS = {"country": "country", "admin1": "admin", "admin2": "admin", "city": "city"}
#: The score added to the rules' own answer so that it wins a tie.
_TIE = 1e-6


@dataclass(frozen=True)
class Option:
    """One place an event may take (None: no place), the steps of the rules that offer it, and its features."""

    place: Place | None
    steps: tuple[str, ...]
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceModel:
    """Weights of the ranker over named binary features."""

    version: str
    weights: Mapping[str, float]
    #: how much higher than the rules' own answer another option must score to be chosen
    margin: float = 0.0

    def score(self, names: Sequence[str]) -> float:
        return sum(self.weights.get(n, 0.0) for n in names)

    def pick(self, found: Sequence[Option], event: Event) -> Option:
        """The option of ``event`` (the rules' own answer first) with the highest score; of equal scores, the
        rules'. (A subclass may keep what each event was offered: training does.)"""
        return best(self, found)


def best(model: PlaceModel, found: Sequence[Option]) -> Option:
    """The option with the highest score under ``model``, the first (the rules' own answer) by its margin ahead."""
    scores = [model.score(o.features) + (model.margin + _TIE if k == 0 else 0.0) for k, o in enumerate(found)]
    return found[max(range(len(found)), key=scores.__getitem__)]


def parse_places(raw: Any, source: str) -> PlaceModel:
    """The model of a JSON object read from ``source``."""
    try:
        version, weights, margin = str(raw["version"]), raw["weights"], float(raw.get("margin", 0.0))
    except (KeyError, TypeError) as exc:
        raise ResourceError(f"event-place model {source}: missing {exc}; retrain it with "
                            "'dateline train event-places'") from exc
    if version.split(".")[0] != SUPPORTED_MAJOR:
        raise ResourceError(f"event-place model {source} has format {version}; this dateline reads "
                            f"{SUPPORTED_MAJOR}.x: retrain it with 'dateline train event-places'")
    return PlaceModel(version, {str(k): float(v) for k, v in weights.items()}, margin)


@functools.cache
def load_places(res: Resources, path: str = "") -> PlaceModel | None:
    """The trained ranker: the file at ``path``, else the language's own; None (noted in the log) when the
    language has none, or when ``path`` is ``none``."""
    found = read_model(res, path, MODEL_FILE, "event-place model", "dateline train event-places")
    return parse_places(*found) if found is not None else None


def party_spans(article: Article, hit: Hit, words: Words) -> list[tuple[int, int]]:
    """The spans of the event's parties, where no place of the event lies ("the mayor of London"), but for a party
    named as where it happens ("a ceasefire in Tripoli")."""
    located = {full_phrase(t, words, article.text) for t in hit.args.recipients if located_party(t, words)}
    return [phrase(t, words) for t in (*hit.args.actors, *hit.args.recipients)
            if not located or full_phrase(t, words, article.text) not in located]


def _key(place: Place | None) -> tuple[str, str | None] | None:
    return None if place is None else (place.name, place.country)


def _steps(article: Article, candidate: Candidate, scene: Scene, words: Words) -> list[tuple[str, Place | None]]:
    """The place each step of the rules offers the event, unconditionally (the cascade asks more of some); the
    dateline's stands for the cascade's "here" (no word of the sentence is read for it)."""
    hit, event, doc = candidate.hit, candidate.event, article.doc
    assert doc is not None
    trigger, sentence = hit.token, hit.token.sent
    start, end = line(article.text, trigger.idx, sentence.start_char, sentence.end_char)
    local = [p for p in article.places if start <= p.span.start and p.span.end <= end]
    parties = party_spans(article, hit, words)
    inside = [p for p in local if any(a <= p.span.start and p.span.end <= b for a, b in parties)]
    free = [p for p in local if p not in inside]
    out: list[tuple[str, Place | None]] = [("own", next((p for p in free if of_trigger(doc, p, trigger)), None)),
                                           ("stated", stated_place(doc, free, trigger, words)),
                                           ("subject", next((p for p in local if of_subject(doc, p, trigger)), None))]
    if hit.entry.mode == VISIT and inside:
        out.append(("visit", inside[0]))
    out.append(("seat", seat(article, event.actors, words)))
    recent = max((scene.by_actor[i] for i in event.actors if i in scene.by_actor), key=lambda e: e[0], default=None)
    if recent is not None and candidate.sentence - recent[0] == 1:
        out.append(("recent.same" if event.date == recent[1] else "recent", recent[2]))
    if scene.placed is not None and 0 < candidate.sentence - scene.placed[0] <= CARRY_SENTENCES:
        out.append(("placed", scene.placed[1]))
    out += [("main", scene.main), ("dateline", scene.home)]
    out += [("line.party" if p in inside else "line", p) for p in local]
    return out


def options(article: Article, candidate: Candidate, scene: Scene, words: Words) -> list[Option]:
    """The distinct places the steps offer (the rules' own answer first), and no place, with their features."""
    by_key: dict[tuple[str, str | None] | None, tuple[Place | None, list[str]]] = {
        _key(candidate.event.place): (candidate.event.place, ["cascade"])}
    by_key.setdefault(None, (None, []))[1].append("none")
    for step, place in _steps(article, candidate, scene, words):
        if place is not None:
            by_key.setdefault(_key(place), (place, []))[1].append(step)
    found = [Option(place, tuple(dict.fromkeys(steps))) for place, steps in by_key.values()]
    named: dict[tuple[str, str | None] | None, list[Place]] = {}
    for p in article.places:
        named.setdefault(_key(p), []).append(p)
    return [replace(o, features=tuple(features(o, found, article, candidate, scene, named.get(_key(o.place), []))))
            for o in found]


def _kind(place: Place) -> str:
    return _KINDS.get(place.feature or "", "feature")


def _bucket(value: int, bounds: Sequence[int]) -> str:
    return next((f"<={b}" for b in bounds if value <= b), f">{bounds[-1]}")


def _mention_features(near: Sequence[Place], before: bool, trigger: Token) -> list[str]:
    """Where the place's mention nearest the trigger in its sentence (``near``) stands to it: distance,
    preposition, side, quotation; else whether a sentence before names it."""
    if not near:
        return ["at=before" if before else "at=elsewhere"]
    mention = min(near, key=lambda p: abs(p.span.start - trigger.idx))
    span = trigger.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ["at=sentence"]
    root = span.root
    out = ["at=sentence", f"dist={_bucket(abs(root.i - trigger.i), _DISTANCES)}",
           f"prep={root.head.lower_ if root.dep_ == 'pobj' else 'dep:' + root.dep_}",
           f"side={'before' if mention.span.start < trigger.idx else 'after'}"]
    if inside_quotation(root):
        out.append("quoted")
    return out


def features(option: Option, found: Sequence[Option], article: Article, candidate: Candidate, scene: Scene,
             named: Sequence[Place]) -> list[str]:
    """The named features of one option of an event (``found``: all its options; ``named``: the article's
    mentions of its place)."""
    event = candidate.event
    context = [f"quad={plover().quad[event.type]}", f"status={event.status}",
               f"story={in_story_time(event.date, article)}"]
    if option.place is None:
        return ["none", *(f"ctx:none|{c}" for c in context)]
    place, key = option.place, _key(option.place)
    kind = _kind(place)
    countries = {a.country for i in event.actors if (a := article.actor(i)) is not None and a.country}
    out = [f"kind={kind}", f"mentions={_bucket(len(named), _MENTIONS)}"]
    out += [name for name, true in (("actor_country", place.country in countries), ("main", key == _key(scene.main)),
                                    ("dateline", key == _key(scene.home))) if true]
    out += [f"step={s}" for s in option.steps] + [f"step={s}|kind={kind}" for s in option.steps]
    others = [o.place for o in found if o.place is not None and _key(o.place) != key]
    if kind == "country" and any(o.country == place.country and o.feature != COUNTRY for o in others):
        out.append("country_of_other")
    if kind != "country" and any(o.country == place.country and o.feature == COUNTRY for o in others):
        out.append("has_country_option")
    trigger = candidate.hit.token
    sentence = trigger.sent
    near = [p for p in named if sentence.start_char <= p.span.start < sentence.end_char]
    before = any(p.span.end <= sentence.start_char for p in named)
    out += _mention_features(near, before, trigger)
    out += [f"ctx:kind={kind}|{c}" for c in context]
    return out


def placed(article: Article, candidate: Candidate, scene: Scene, words: Words, model: PlaceModel) -> Candidate:
    """``candidate`` with the place the ranker chooses among the options of its steps."""
    if article.doc is None:
        return candidate
    chosen = model.pick(options(article, candidate, scene, words), candidate.event)
    if _key(chosen.place) == _key(candidate.event.place):
        return candidate
    return replace(candidate, event=replace(candidate.event, place=chosen.place))

