"""Events: PLOVER events per sentence, with evidence, date, place and status.

Rule-based over the spaCy parse. One pass over each sentence looks every
token's lemma up in the trigger lexicon (``data/events/lexicon.json``); the few
hits are checked against their multiword patterns ("hold talks", "call on",
"impose sanctions"), given arguments from the dependency parse
(:mod:`dateline._events_args`), folded (a trigger inside another's complement
is its content: "threatened to impose sanctions" is one THREATEN; two
triggers of one type on one clause are one event: "held talks"), and turned
into :class:`~dateline.records.Event` records with status, date and place
(:mod:`dateline._events_context`), PLOVER quad class and intensity, and a
confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dateline import ids
from dateline._events_args import Args, find_args, full_phrase, modal_args, phrase
from dateline._events_context import dateline_place, event_date, event_place, status
from dateline._events_lexicon import Entry, Lexicon, lexicon, plover
from dateline.records import Article, Event, EventDate, Place, Span, make_span

__all__ = ["apply", "plover_type"]

Token = Any  # a spaCy Token

_POS_GROUP = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}
#: Dependencies across which a trigger is its own event, not the content of the one above.
_INDEPENDENT = frozenset({"conj", "advcl", "relcl", "parataxis", "ROOT"})
#: Dependents that never complete a multiword trigger ("expected to protest" is not "protest to").
_NOT_CONTEXT = frozenset({"aux", "auxpass", "punct", "cc", "mark", "neg", "nsubj"})
#: Confidence adjustments, set by hand against the PLOVER gold records and the seed article.
BONUS_ACTOR = 0.1
BONUS_RECIPIENT = 0.05
PENALTY_NO_RECIPIENT = 0.2
PENALTY_NOT_OCCURRED = 0.05
PENALTY_CARRIED = 0.9  # factor when the date or place comes from an earlier sentence
#: A date or place stated in one sentence still holds for events this many sentences later
#: that state none ("On July 6, ... Trump made statements. He made an endorsement ...").
CARRY_SENTENCES = 2


#: Cooperative types that PLOVER codes as AGREE (an intention to cooperate) while they are only announced.
_INTENDED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Conflictual types that PLOVER codes as THREATEN while they are only announced.
_INTENDED_AS_THREAT = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})


def plover_type(event: Event) -> str:
    """The type PLOVER's coders give the event.

    dateline keeps a planned meeting a CONSULT with status ``planned``; PLOVER
    codes a CONSULT, SUPPORT, COOPERATE or AID that is only planned or
    hypothetical as AGREE, an announced sanction, blockade or attack as
    THREATEN, and a cooperation refused or not done as REJECT. Use this for
    PLOVER-compatible exports and scores.
    """
    intended = event.status in ("planned", "hypothetical")
    if event.type in _INTENDED_AS_AGREE and intended:
        return "AGREE"
    if event.type in _INTENDED_AS_THREAT and intended:
        return "THREATEN"
    if event.status == "negated" and event.quad in (1, 2):
        return "REJECT"  # "failed to reach agreement", "will not withdraw"
    return event.type


@dataclass
class _Hit:
    token: Token
    entry: Entry
    args: Args
    weight: float


def _match(token: Token, entries: tuple[Entry, ...]) -> Entry | None:
    """The first entry whose multiword pattern fits the token's dependents."""
    kids = [c for c in token.children if c.dep_ not in _NOT_CONTEXT and not _dated(c)]
    context = {c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}
    if token.dep_ in ("acl", "relcl", "amod"):
        context.add(token.head.lemma_.lower())  # "sanctions imposed"
    for entry in entries:
        if entry.tags and token.tag_.lower() not in entry.tags:
            continue
        if entry.without & context or (entry.with_ and not entry.with_ & context):
            continue
        return entry
    return None


def _dated(token: Token) -> bool:
    """A preposition introducing a date ("on Nov. 2"), which never completes a trigger ("call on")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _hits(sentence: Any, lex: Lexicon, event_nouns: frozenset[str]) -> dict[int, _Hit]:
    index = lex.index
    hits: dict[int, _Hit] = {}
    for token in sentence:
        entries = index.get((token.lemma_.lower(), _POS_GROUP.get(token.pos_, "")))
        if entries is None:
            continue
        entry = _match(token, entries)
        if entry is None:
            continue
        if entry.modal:
            verb = token.head
            if verb.dep_ == "ccomp" and verb.head.i not in hits and verb.head.pos_ in ("VERB", "AUX"):
                speaker = verb.head
                hits[speaker.i] = _Hit(speaker, entry, modal_args(verb, speaker), entry.weight)
            continue
        hits[token.i] = _Hit(token, entry, find_args(token, entry, event_nouns), entry.weight)
    return hits


def _parent(hit: _Hit, hits: dict[int, _Hit]) -> tuple[_Hit | None, bool]:
    """The nearest trigger above ``hit`` and whether ``hit`` is embedded in it (not a sibling event)."""
    tok = hit.token
    embedded = False
    for _ in range(8):
        if tok.dep_ not in _INDEPENDENT or _purpose(tok):
            embedded = True
        if tok.head.i == tok.i:
            return None, False
        tok = tok.head
        if tok.i in hits:
            return hits[tok.i], embedded
    return None, False


def _purpose(token: Token) -> bool:
    """A purpose clause ("staged a strike to demand reforms"): content of the event above it."""
    return token.dep_ == "advcl" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _fold(hits: dict[int, _Hit]) -> list[_Hit]:
    """Merge same-type triggers of one clause; drop triggers that are another's content."""
    kept: dict[int, _Hit] = dict(hits)
    for i in sorted(hits, key=lambda i: -_depth(hits[i].token)):
        hit = kept.get(i)
        if hit is None:
            continue
        parent, embedded = _parent(hit, kept)
        if parent is None:
            continue
        if parent.entry.type == hit.entry.type:
            parent.args.add("actor", hit.args.actors)
            parent.args.add("recipient", [t for t in hit.args.recipients if all(t.i != a.i for a in parent.args.actors)])
            parent.weight = max(parent.weight, hit.weight)
            if parent.entry.mode is None and hit.entry.mode is not None:
                parent.entry = replace(parent.entry, mode=hit.entry.mode)
            del kept[i]
        elif embedded:
            del kept[i]
    return [kept[i] for i in sorted(kept)]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _arguments(article: Article, tokens: list[Token]) -> tuple[tuple[Span, ...], tuple[str, ...]]:
    """The spans (whole noun phrases) of the argument heads, and the actors they name.

    An actor is looked up under the head's short phrase first ("the enclave"),
    then under the whole phrase ("the enclave of Eastern Ghouta").
    """
    text = article.text
    spans: dict[tuple[int, int], Span] = {}
    found: list[str] = []
    for token in tokens:
        short, full = phrase(token), full_phrase(token)
        spans.setdefault(full, make_span(text, *full))
        actor = article.actor_at(*short) or article.actor_at(*full)
        if actor is not None and actor.id not in found:
            found.append(actor.id)
    return tuple(spans.values()), tuple(found)


def _confidence(hit: _Hit, state: str, has_recipient: bool, carried: bool) -> float:
    score = hit.weight
    if hit.args.actors:
        score += BONUS_ACTOR
    if has_recipient or (hit.entry.reciprocal and len(hit.args.actors) > 1):
        score += BONUS_RECIPIENT
    elif hit.entry.type in plover().requires_recipient:
        score -= PENALTY_NO_RECIPIENT
    if state != "occurred":
        score -= PENALTY_NOT_OCCURRED
    if carried:
        score *= PENALTY_CARRIED
    return round(min(0.95, max(0.05, score)), 3)


@dataclass
class _Scene:
    """The last date and place stated explicitly, and in which sentence."""

    date: EventDate | None = None
    date_at: int = -99
    place: Place | None = None
    place_at: int = -99


def _event(article: Article, hit: _Hit, sentence: Any, number: int, scene: _Scene, home: Place | None) -> Event:
    text = article.text
    trigger = make_span(text, hit.token.idx, hit.token.idx + len(hit.token.text))
    start, end = sentence.start_char, sentence.end_char
    middle = (trigger.start + trigger.end) // 2
    date = event_date([t for t in article.times if t.span.start >= start and t.span.end <= end], middle)
    place = event_place([p for p in article.places if p.span.start >= start and p.span.end <= end], middle,
                        sentence, home)
    carried = False
    if date is None and number - scene.date_at <= CARRY_SENTENCES:
        date, carried = scene.date, scene.date is not None
    if place is None and number - scene.place_at <= CARRY_SENTENCES:
        place, carried = scene.place, carried or scene.place is not None
    actor_spans, actor_ids = _arguments(article, hit.args.actors)
    recipient_spans, recipient_ids = _arguments(article, hit.args.recipients)
    state = status(hit.token)
    tables = plover()
    return Event(
        id=ids.child_id(article.id, "event", hit.entry.type, trigger.start),
        type=hit.entry.type,
        actors=actor_ids,
        recipients=tuple(i for i in recipient_ids if i not in actor_ids),
        status=state,
        trigger=trigger,
        evidence=make_span(text, start, end),
        mode=hit.entry.mode,
        date=date,
        place=place,
        quad=tables.quad[hit.entry.type],
        intensity=tables.score(hit.entry.type, hit.entry.mode),
        confidence=_confidence(hit, state, bool(recipient_spans), carried),
        actor_spans=actor_spans,
        recipient_spans=recipient_spans,
    )


def _remember(article: Article, sentence: Any, number: int, scene: _Scene) -> None:
    start, end = sentence.start_char, sentence.end_char
    dated = [t for t in article.times if start <= t.span.start and t.span.end <= end and t.value]
    if dated and dated[0].type in ("DATE", "TIME"):
        scene.date, scene.date_at = EventDate(dated[0].value, dated[0].span.text), number
    placed = [p for p in article.places if start <= p.span.start and p.span.end <= end]
    if placed:
        scene.place, scene.place_at = placed[0], number


def apply(article: Article) -> Article:
    """Code the PLOVER events of every annotated sentence of the article."""
    doc = article.doc
    if doc is None:
        return article
    lex = lexicon()
    event_nouns = frozenset(lemma for lemma, pos in lex.index if pos == "noun")
    home = dateline_place(article)
    scene = _Scene()
    events: list[Event] = []
    for number, sentence in enumerate(doc.sents):
        hits = _hits(sentence, lex, event_nouns)
        for hit in _fold(hits) if hits else ():
            if not hit.args.actors and not hit.args.recipients:
                continue  # a bare event word ("the talks", "hacking") says too little to code
            events.append(_event(article, hit, sentence, number, scene, home))
        if article.times or article.places:
            _remember(article, sentence, number, scene)
    return replace(article, events=tuple(events))
