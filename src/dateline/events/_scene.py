"""What earlier sentences of an article established, and the date and place of an event.

The scene carries, from sentence to sentence, the last date stated on a main clause, each actor's
last event, the parties of the last meeting, and the article's dateline and main places; an event's
date and place come from its own clause first (:mod:`dateline.events._dates`,
:mod:`dateline.events._places`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline.events._context import calendar, event_date, resolved, status
from dateline.events._dates import narrative_date, plan_tense, report_tense
from dateline.events._fold import Hit
from dateline.events._lexicon import Words
from dateline.events._places import COUNTRY, event_place, stated_place
from dateline.events._plover import plover
from dateline.records import Article, Event, EventDate, Place, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["CARRY_SENTENCES", "DAY_VALUE", "LEAD_SENTENCES", "Scene", "in_story_time", "lead_day", "line",
           "remember", "seat", "setting"]

#: A date or place stated in one sentence still holds for events this many sentences later
#: that state none ("On July 6, ... Trump made statements. He made an endorsement ...").
CARRY_SENTENCES = 2
#: The shape of a date value of day precision ("2019-10-11"): the lead's day and a passive's news day are days.
DAY_VALUE = "YYYY-MM-DD"
#: Months before publication that still belong to the story an article reports (a story published on
#: the 2nd reports what happened late last month). Set by hand.
STORY_MONTHS = 1
#: The PLOVER mode of a visit (of CONSULT).
VISIT = "visit"
#: The PLOVER sector of governments: one named by a town or region ("the city of Leeds") governs there.
GOVERNMENT = "GOV"
#: Gazetteer features of the places a local government governs (towns, states, counties), not countries.
LOCAL_FEATURES = frozenset({"city", "admin1", "admin2"})
#: Types of times that can date an event (durations and sets cannot).
_DATED = frozenset({"DATE", "TIME"})
#: PLOVER's quad classes of verbal acts (cooperation, conflict): said acts take the date of the saying.
VERBAL_QUADS = frozenset({1, 3})
#: Sentences at the head of an article whose stated day is the day of the story it reports ("On Friday,
#: Usman Khan stabbed ..."), and whose place its place (:func:`dateline.events._places.lead_place`). Set by hand.
LEAD_SENTENCES = 3
#: An actor's events without a date of their own take the date of its event this many sentences
#: before ("On July 6 ... Trump ... He made an endorsement ... he called on Russia ...").
CARRY_ACTOR_SENTENCES = 8


@dataclass(frozen=True)
class Scene:
    """What earlier sentences established, for sentences that do not say it again.

    The last calendar date stated and the number of the sentence that stated
    it; per actor, the sentence, date and place of its last event; per type, the sentence and actors of
    its last event; the sentence
    and parties of the last event with several actors and no recipient (what a
    later "their meeting" refers to); the article's dateline place and its main place; the day its
    lead states and the month it reports on (:func:`dateline.events._dates.report_month`); the last
    place a sentence said something happens in, and the number of that sentence.
    """

    stated: tuple[int, EventDate] | None = None
    by_actor: Mapping[str, tuple[int, EventDate | None, Place | None]] = field(default_factory=dict)
    group: tuple[int, tuple[str, ...]] | None = None
    home: Place | None = None
    main: Place | None = None
    lead: EventDate | None = None
    month: EventDate | None = None
    placed: tuple[int, Place] | None = None
    #: where the sentence that stated ``stated`` starts (a character offset): a paragraph break since then ends it
    stated_at: int = 0
    #: per event type, the sentence and the actors of the last event of that type that names its actors (who did
    #: what a later "criticized the commutation" answers)
    by_type: Mapping[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    #: the actor the article says claimed an attack, or is blamed for one (:mod:`dateline.events._claims`)
    claimed: str | None = None
    #: per lemma of a trigger, the sentence and the actors of the last event told with it that names its actors
    #: (who did what a later "criticized the decision" answers: "decided")
    by_lemma: Mapping[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    #: the sentence and the actors of the last event that names its actors (what a later "the move" names)
    last: tuple[int, tuple[str, ...]] | None = None

    def noting(self, event: Event, number: int, part: tuple[int, ...], lemma: str = "") -> Scene:
        """The scene after ``event``, of sentence ``number`` (``part``: a bilateral meeting's partner; ``lemma``:
        its trigger's)."""
        by_actor = {**self.by_actor, **{i: (number, event.date, event.place) for i in event.actors}}
        group = self.group
        if len(event.actors) > 1 and not event.recipients:
            joined = group[1] if part and group is not None and group[0] == number else ()
            group = (number, (*joined, *(i for i in event.actors if i not in joined)))  # bilateral parts add up
        if not event.actors:
            return replace(self, by_actor=by_actor, group=group)
        told = (number, event.actors)
        by_lemma = {**self.by_lemma, lemma: told} if lemma else self.by_lemma
        return replace(self, by_actor=by_actor, group=group, by_type={**self.by_type, event.type: told},
                       by_lemma=by_lemma, last=told)


def line(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``[start, end)`` on the line (paragraph) holding ``at``."""
    return max(start, text.rfind("\n", 0, at) + 1), min(end, len(text) if (e := text.find("\n", at)) == -1 else e)


def setting(article: Article, hit: Hit, bounds: tuple[int, int], number: int, scene: Scene,
             parties: list[tuple[int, int]], actor_ids: tuple[str, ...],
             words: Words) -> tuple[EventDate | None, Place | None, bool]:
    """Date: see :mod:`dateline.events._dates`; place: see :mod:`dateline.events._places`."""
    start, end = bounds
    doc, sentence = article.doc, hit.token.sent
    times = [t for t in article.times if start <= t.span.start and t.span.end <= end]
    state = status(hit.token, words)
    said = plover().quad[hit.entry.type] in VERBAL_QUADS or state in ("planned", "hypothetical")
    # what is said or intended is dated by the saying
    date = _by_report(event_date(doc, times, hit.token, said=said, deferred=words.deferral_prepositions,
                                 meanwhile=words.simultaneous_marks), article, state)
    place = event_place(doc, [p for p in article.places if start <= p.span.start and p.span.end <= end],
                        hit.token, sentence, scene.home, parties, words)
    if place is None and hit.entry.mode == VISIT:
        place = next((p for p in article.places if any(a <= p.span.start and p.span.end <= b for a, b in parties)),
                     None)  # "a visit to Poland" takes place in Poland
    if place is None:
        place = seat(article, actor_ids, words)
    earlier = [scene.by_actor[i] for i in actor_ids if i in scene.by_actor]
    recent = max(earlier, key=lambda e: e[0], default=None)
    tense = report_tense(hit.token) if state in ("occurred", "negated") else (
        plan_tense(hit.token) if state == "planned" else None)  # "said he intended to sue": dated by the saying
    carried = False
    if date is None and tense == "present":
        date = scene.month  # "X has accused Y": news
    occasion = date is None and _at_occasion(hit.token, words)
    if date is None and not occasion and hit.token.i != sentence.root.i:
        date = _by_report(event_date(doc, times, sentence.root), article, state)  # "Yesterday, police said ..."
        carried = date is not None  # from another clause: not the passive's own day (_coding._news_passive)
    if date is None and not occasion:
        # a date stated in an earlier paragraph is another thread's ("X was convicted in 2006.\n\nTrump pardoned Y")
        stated = scene.stated if article.text.find("\n", scene.stated_at, sentence.start_char) < 0 else None
        date = _by_report(narrative_date(number, stated, [(e[0], e[1]) for e in earlier], CARRY_ACTOR_SENTENCES,
                                         CARRY_SENTENCES), article, state)
        carried = carried or date is not None
    if date is None and tense == "past":
        date = _by_report(scene.lead, article, state) or scene.month  # "Police shot him": the story's day, or month
    if place is None:
        place, told = _story_place(article, date, number, scene, recent)
        carried = carried or told
    return date, place, carried


def _by_report(date: EventDate | None, article: Article, state: str) -> EventDate | None:
    """The date, unless the act is told as done (or as not done) and the date lies after the article's
    publication: no act reported as done happens after its report. Such a time is another act's, one that is
    due, or one the times stage put in the wrong year ("November 21" of a story told in September)."""
    if date is None or article.published is None or state not in ("occurred", "negated") or not resolved(date.value):
        return date
    value, published = date.value or "", f"{article.published:%Y-%m-%d}"
    return None if value > published[:len(value)] else date


def _at_occasion(trigger: Token, words: Words) -> bool:
    """Whether the act is timed by an occasion its clause names ("protest during the summit"): the date stated
    a sentence or two before belongs to another act."""
    return any(c.dep_ == "prep" and c.lower_ in words.occasion_prepositions for c in trigger.children)


def seat(article: Article, actor_ids: Sequence[str], words: Words) -> Place | None:
    """The place a governor or mayor who is the event's actor governs, named in one of the actor's mentions
    ("Utah Governor Ann Lee closed the schools", "Utah's governor"), or that a town's or county's own government
    is named by ("the city of Leeds closed the park", not "Washington" for the U.S. government): a local
    government's acts happen where it governs, never a former office holder's ("former Utah governor")."""
    for i in actor_ids:
        actor = article.actor(i)
        if actor is None:
            continue
        title = set((actor.title or "").lower().split())
        office = bool(title & words.seat_offices) and not title & words.former_words
        local = (actor.kind == "organization" and actor.sector == GOVERNMENT
                 and bool(set(actor.name.lower().split()) & words.local_government_words))
        if not office and not local:
            continue
        seat = next((p for p in article.places if (office or p.feature in LOCAL_FEATURES)
                     and any(m.start <= p.span.start and p.span.end <= m.end for m in actor.mentions)), None)
        if seat is not None:
            return seat
    return None


def _story_place(article: Article, date: EventDate | None, number: int, scene: Scene,
                 recent: tuple[int, EventDate | None, Place | None] | None) -> tuple[Place | None, bool]:
    """The place of an event whose sentence gives it none, and whether it comes from an earlier sentence: the
    place of the actor's event of the same date in the sentence before ("On July 6, during a visit to Poland
    ..."); else, for an event of the story's time, the place stated in the sentence or two before ("Protesters
    gathered outside the White House. They threatened ..."); else the article's main place."""
    if recent is not None and number - recent[0] == 1 and date is not None and date == recent[1] and recent[2]:
        return recent[2], True
    if scene.placed is not None and 0 < number - scene.placed[0] <= CARRY_SENTENCES and in_story_time(date, article):
        return scene.placed[1], True
    if scene.main is not None and (scene.main.feature == COUNTRY or in_story_time(date, article)):
        return scene.main, False  # a single-city story happens in that city, a country's story in that country
    return None, False


def in_story_time(date: EventDate | None, article: Article) -> bool:
    """Whether an event dated ``date`` belongs to the story the article reports (undated, or in the month of
    publication or the month before), not to its background ("sanctions imposed in 2014")."""
    if date is None or article.published is None:
        return True
    value = date.value or ""
    if len(value) < len("YYYY-MM") or not value[:4].isdigit() or not value[5:7].isdigit():
        return False
    months = (article.published.year - int(value[:4])) * 12 + article.published.month - int(value[5:7])
    return 0 <= months <= STORY_MONTHS


def lead_day(article: Article, sentences: Sequence[TokenSpan]) -> EventDate | None:
    """The day of the story the article reports: the first day its head (:data:`LEAD_SENTENCES`) states on
    a main clause, else the first day it states at all ("Supporters rallied in Washington, where on Saturday
    ..."), when it lies in the story's time (:func:`in_story_time`)."""
    head = [(s, _times_in(article, s)) for s in sentences[:LEAD_SENTENCES]]
    stated = (event_date(article.doc, times, s.root) for s, times in head)
    named = (EventDate(calendar(t.value or ""), t.span.text) for _, times in head for t in times
             if t.type in _DATED and resolved(t.value))
    for date in (*stated, *named):
        if date is not None and len(date.value or "") == len(DAY_VALUE) and in_story_time(date, article):
            return date
    return None


def _times_in(article: Article, sentence: TokenSpan) -> list[TimeExpr]:
    """The time expressions of the sentence."""
    return [t for t in article.times if sentence.start_char <= t.span.start and t.span.end <= sentence.end_char]


def remember(article: Article, sentence: TokenSpan, number: int, scene: Scene, words: Words) -> Scene:
    """The scene with the date the sentence's main clause states, if it states one ("On July 6, ...
    Trump made statements", not "Trump, who appointed her in 2017, responded"), and the place the sentence
    says something happens in, if it says one ("Protesters gathered outside the White House")."""
    start, end = sentence.start_char, sentence.end_char
    date = event_date(article.doc, _times_in(article, sentence), sentence.root)
    places = [p for p in article.places if start <= p.span.start and p.span.end <= end]
    place = stated_place(article.doc, places, sentence.root, words) if places else None
    if date is not None:
        scene = replace(scene, stated=(number, date), stated_at=start)
    return scene if place is None else replace(scene, placed=(number, place))
