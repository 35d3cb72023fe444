"""The records that flow through dateline.

All records are frozen dataclasses, changed with :func:`dataclasses.replace`.
Every span is ``[start, end)`` into :attr:`Article.text` and carries the text it
covers, so ``article.text[span.start:span.end] == span.text`` always holds.

A field is declared here once. The contract JSON (:mod:`dateline.serialize`)
and the store's tables (:mod:`dateline.store`) are derived from the fields and
their types, so adding a field (with a default) takes, beyond its line here:
a new store version (``SCHEMA_VERSION``; ``tests/store/test_layout.py`` says
when and prints the layout to record), a value in ``tests/full_article.py``,
and, if the contract does not declare it yet, a place in the contract or in the
list of keys beyond it (``tests/test_serialize.py``). A field whose type is
neither plain, a span nor a tuple of strings needs its columns declared in
``dateline/store/_schema.py`` (the store says so when it loads).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

__all__ = [
    "EVENT_STATUSES",
    "EVENT_TYPES",
    "QUOTE_KINDS",
    "Actor",
    "ActorKind",
    "Article",
    "Boilerplate",
    "Document",
    "DocumentKind",
    "Event",
    "EventDate",
    "EventStatus",
    "EventType",
    "Failure",
    "Place",
    "Quote",
    "QuoteKind",
    "Span",
    "TimeExpr",
    "make_span",
]

#: What an actor is.
ActorKind = Literal["person", "organization", "country", "group", "other"]
#: Whether an event happened, is planned, is only talked of as possible, or is denied.
EventStatus = Literal["occurred", "planned", "hypothetical", "negated"]
#: What a document's content is: an HTML page or plain (possibly flattened-page) text.
DocumentKind = Literal["html", "text"]
#: What a quote attributes: something said or written, a belief or position, or a deed of its agent.
QuoteKind = Literal["speech", "stance", "act"]
#: The sixteen PLOVER event types, cooperative first.
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
EVENT_STATUSES: tuple[EventStatus, ...] = get_args(EventStatus)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


def make_span(text: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` of ``text``, with its covered text."""
    return Span(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Document:
    """One raw input, normalized at the boundary by :mod:`dateline.ingest`.

    ``content`` is decoded text; ``kind`` says whether it is HTML or plain
    (possibly flattened-page) text. The metadata fields hold what the input
    itself declared (JSONL fields, WARC headers), as given; ``default_published``
    is the date a user gave for inputs that declare none (``--published``).
    """

    id: str
    source: str
    kind: DocumentKind
    content: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    default_published: str | None = None


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A piece of the input that cleaning removed, with why (``kind``)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of an article: all its mentions grouped under a canonical name.

    ``country`` is ISO 3166-1 alpha-3, or ``"IGO"`` for an international
    organization; ``sector`` a PLOVER sector code (GOV, MIL, ...).
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    mentions: tuple[Span, ...]
    title: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression and its TIMEX3-style value.

    ``value`` is resolved against the publication date (``2017-07-07``,
    ``2017-06``, ``2017-W27``, ``2016``); without one the year stays unknown
    (``XXXX-07-07``). ``type`` is the TIMEX3 type: DATE, TIME, DURATION or SET.
    """

    span: Span
    value: str | None
    type: str = "DATE"


@dataclass(frozen=True, slots=True)
class Place:
    """A place name resolved to a gazetteer entry (or only to a country).

    ``within`` is set for a street, square or building the gazetteer does not know that the text puts in a
    town it names ("Maple Grove Avenue in Kalamazoo"): the name of that town, whose point and country the place
    then carries (a map shows it at its town, not at its own point); None for a place with its own point.
    """

    span: Span
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None
    within: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: a TIMEX3-style value and the words that gave it."""

    value: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event, with the sentence that supports it.

    ``actors`` and ``recipients`` are actor ids; a reciprocal meeting has all
    its parties as actors and no recipient. ``instance`` is the id of the
    real-world event it reports, shared by the records of other articles that
    report the same event (set by :mod:`dateline.stories` once stored).
    """

    id: str
    type: EventType
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    status: EventStatus
    trigger: Span
    evidence: Span
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: EventDate | None = None
    place: Place | None = None
    quad: int | None = None
    intensity: float | None = None
    confidence: float | None = None
    actor_spans: tuple[Span, ...] = ()
    recipient_spans: tuple[Span, ...] = ()
    instance: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or reported speech: its content, speaker (actor id) and cue verb.

    ``kind`` is ``"speech"`` for what someone said or wrote, ``"stance"`` for an
    attributed belief or position ("X believes ...", "X endorsed ..."), ``"act"`` for
    a deed told of an agent that annotated news counts as an attribution but that
    says nothing of what the agent said or holds ("the judge sentenced him to ...").
    ``negated`` is true when the text says the speaker did not say or hold the
    content ("did not say that ...", "never claimed ...", "made no mention of ...").
    ``parts`` are the quoted parts of a quotation split by its credit ("“A,” said
    X, who ... . “B.”"), in order, when ``content`` runs over them and the credit
    between; empty when the content is one stretch of words.
    """

    id: str
    content: Span
    direct: bool
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    kind: QuoteKind = "speech"
    negated: bool = False
    parts: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Article:
    """A cleaned article and everything the stages found in it.

    Fields are in reading order (what the article is, its text, what was found
    in it), the order of its JSON; ``text`` is given by keyword. ``story`` is
    the id of the real-world incident the article reports, shared by the
    articles of any outlet that report it (set by :mod:`dateline.stories` once
    stored).
    ``doc`` holds the spaCy annotation while the article is inside one worker;
    it is never compared, stored or shipped between processes.
    """

    id: str
    source: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    published_text: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    text: str = field(kw_only=True)
    boilerplate: tuple[Boilerplate, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    story: str | None = None
    doc: Any = field(default=None, compare=False, repr=False)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    @functools.cached_property
    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, int, Actor]], int]:
        """Mentions sorted by start (start, end, order, actor), their starts, and the longest mention."""
        mentions = sorted((m.start, m.end, order, actor) for order, (actor, m) in
                          enumerate((a, m) for a in self.actors for m in a.mentions))
        longest = max((m_end - m_start for m_start, m_end, _, _ in mentions), default=0)
        return [m[0] for m in mentions], mentions, longest

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)`` the most (the first listed on a tie), or None."""
        starts, mentions, longest = self._mention_index
        best: tuple[int, int] | None = None  # (-overlap, order)
        found: Actor | None = None
        for m_start, m_end, order, actor in mentions[bisect.bisect_left(starts, start - longest):
                                                     bisect.bisect_left(starts, end)]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or (-overlap, order) < best):
                best, found = (-overlap, order), actor
        return found


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed: which input, which stage, why."""

    source: str
    stage: str
    error: str
    message: str
    doc_id: str | None = None
