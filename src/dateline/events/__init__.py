"""Events: PLOVER events per sentence, with evidence, date, place and status.

Rule-based over the spaCy parse. One pass over each sentence looks every
token's lemma up in the trigger lexicon (``lang/<code>/events.json``); the few
hits are checked against their multiword patterns ("hold talks", "call on",
"impose sanctions"), given arguments from the dependency parse
(:mod:`dateline.events._args`), folded (a trigger inside another's complement
is its content: "threatened to impose sanctions" is one THREATEN; two
triggers of one type on one clause are one event: "held talks";
:mod:`dateline.events._fold`), and turned
into :class:`~dateline.records.Event` records with status, date and place
(:mod:`dateline.events._context`), PLOVER quad class and intensity, and a
confidence.

Choices worth knowing:

- A meeting is one CONSULT with all its parties as actors. Each mention of a
  meeting is its own event: "Trump is set to hold talks with Putin" (planned),
  "Their meeting is scheduled on July 7 in Hamburg" (planned, the parties of
  the last meeting), "Trump met Putin briefly that morning" (occurred) are
  three CONSULTs; nothing merges events across sentences.
- dateline keeps the type of what is reported and says how sure it is in the
  status; :func:`plover_type` gives the type PLOVER's coders would use (a
  planned meeting is an AGREE, a refused one a REJECT).
- Dates (:mod:`dateline.events._dates`): the time expression on the
  trigger's own clause (a verbal act or an intention also takes the time of
  the saying that reports it); else the publication month for what the
  article reports in the present or present perfect; else the date the story
  carries (the actor's last event a few sentences before, the date stated on
  the main clause of the sentence or two before: "On July 6 ... Trump ... He
  made an endorsement ... he called on Russia"); else the publication month
  for a simple past; else none. A time on another clause ("who appointed her
  in 2017"), or one that dates a thing ("the 2015 Paris accord"), is never
  the event's.
- Places (:mod:`dateline.events._places`): a place on the trigger's own
  clause after a preposition of location, or naming the event noun ("a
  Kabul car bombing"), never one inside a party's words ("the mayor of
  London"); a place after "on", "about", "over", "to" is a topic or a
  destination ("talks on North Korea") and never the event's place. A visit
  takes place at its destination; an event with no place of its own takes
  the place of the same actor's event of the same date in the sentence just
  before, else the article's main place (its dateline's, else the place it
  names most often, when one stands out).
- A light verb ("carry out", "launch", "stage", "conduct", "hold", "make",
  "pay") leaves the kind of event to its object noun: "Hackers carried out a
  cyber attack on the ministry" is the COERCE (cyber) of the noun "attack",
  with the verb's subject as actor. Phone calls ("spoke by phone with X", "a
  phone call with X") are CONSULTs (mode phone) with all parties as actors; a
  letter ("sent a letter to X", "wrote to X") is a CONSULT from writer to
  addressee, unless what it says is an event ("a letter to X threatening
  ..." is the threat).
- An event none of whose parties is a known actor (``Article.actor_at``) is
  not coded: "they shot him", "two women and a man were injured" say what
  happened but not between whom, and a dyad table cannot use them (on the
  shared Wikinews corpus 60% of the events coded before had no actor and no
  recipient). Better actor resolution brings them back.
- An event with no recipient takes the named city or region it happens in
  as one ("declared a ceasefire in Tripoli", as CAMEO's coders do), which
  stays its place (:mod:`dateline.events._located`); a country where
  something happens is its place, never its target ("students protested in
  Belgium"), and a place named by what it borders is no party ("an airstrike
  in Rafah, on the border with Egypt").
- The article's own outlet (an actor named like its site, "Wikinews" on
  en.wikinews.org) is never an event's actor: what it does is reporting
  ("Wikinews asked X ..."). As a recipient it stays ("X criticized Wikinews").
- "Talks with A and B" held by C are two bilateral CONSULTs (C+A, C+B);
  "a meeting between A, B and C" or "A, B and C met" is one.
- On the seed article (published 2017-07-07) the meetings of Trump and Putin
  (planned, 2017-07-07, Hamburg; and the brief one, occurred), of Putin with
  Moon Jae-in and with Shinzo Abe (two events, 2017-07-07; the next sentence's
  "their meetings" is one event of the three), with Merkel and Macron
  (2017-07-08), with Erdogan and with Juncker (2017-07-08), Trump's
  endorsement of Article 5 (SUPPORT, 2017-07-06, placed in Poland from the
  sentence before: Warsaw is only named later), his call on Russia (REQUEST,
  2017-07-06), the 2014 and December 2016 sanctions on Russia (no actor: the
  imposer is not named in either sentence; "U.S. intelligence conclusions" do
  not say who levied them) and the Foreign Ministry's threat (THREATEN,
  2017-06) are found. Not found: the seizure of the compounds as part of a
  SANCTION (it is coded as its own COERCE).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline import ids
from dateline.events._args import Args, find_args, modal_args
from dateline.events._context import event_date, status
from dateline.events._dates import narrative_date, publication_month, report_tense
from dateline.events._fold import Hit, fold
from dateline.events._lexicon import Entry, Lexicon, Words, load_lexicon, plover
from dateline.events._located import located_party
from dateline.events._phrase import full_phrase, phrase
from dateline.events._places import dateline_place, event_place, main_place
from dateline.pipeline import StageConfig, stage
from dateline.records import Article, Event, EventDate, Place, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["apply", "plover_type"]


_POS_GROUP = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}
#: Dependents that never complete a multiword trigger ("expected to protest" is not "protest to").
_NOT_CONTEXT = frozenset({"aux", "auxpass", "punct", "cc", "mark", "neg", "nsubj"})
#: Clausal dependents a lexicon entry may ask for or rule out ("@xcomp": "seek to divide us").
_CLAUSES = frozenset({"xcomp", "ccomp"})
#: Named-entity types of a named direct object ("@dobj_name": "hosted Merkel", not "hosted a show").
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Confidence adjustments, set by hand against the PLOVER gold records and the seed article. On
#: the gold records the share of coded types that are right rises with the score: 0.50 for
#: 0.6-0.7, 0.62 for 0.7-0.8, 0.85 for 0.8-0.9 and 0.79 above.
BONUS_ACTOR = 0.1
BONUS_RECIPIENT = 0.05
PENALTY_NO_RECIPIENT = 0.2
PENALTY_NOT_OCCURRED = 0.05
PENALTY_CARRIED = 0.9  # factor when the date or place comes from an earlier sentence
#: Bounds of a confidence, set by hand with the adjustments above: no rule makes an event certain
#: or impossible.
MIN_CONFIDENCE = 0.05
MAX_CONFIDENCE = 0.95
#: A date or place stated in one sentence still holds for events this many sentences later
#: that state none ("On July 6, ... Trump made statements. He made an endorsement ...").
CARRY_SENTENCES = 2
#: The gazetteer's feature type of a country (:class:`dateline.records.Place`).
COUNTRY_FEATURE = "country"
#: PLOVER's quad classes of verbal acts (cooperation, conflict): said acts take the date of the saying.
VERBAL_QUADS = frozenset({1, 3})
#: An actor's events without a date of their own take the date of its event this many sentences
#: before ("On July 6 ... Trump ... He made an endorsement ... he called on Russia ...").
CARRY_ACTOR_SENTENCES = 8


#: Cooperative types that PLOVER codes as AGREE (an intention to cooperate) while they are only announced.
_INTENDED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
#: Conflictual types that PLOVER codes as THREATEN while they are only announced.
_INTENDED_AS_THREAT = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})


def plover_type(event: Event) -> str:
    """The type PLOVER's coders give the event.

    dateline keeps a planned meeting a CONSULT with status ``planned``; PLOVER
    codes a cooperative event that is only planned or hypothetical as AGREE
    (its manual keeps RETREAT and CONCEDE apart, its gold records do not), an announced sanction, blockade or attack as
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


def _match(token: Token, entries: tuple[Entry, ...], words: Words) -> Entry | None:
    """The first entry whose multiword pattern fits the token's dependents."""
    kids = [c for c in token.children if c.dep_ not in _NOT_CONTEXT and not _dated(c)]
    kids += [g for c in kids if c.dep_ in ("prep", "dative") and c.lower_ not in words.trigger_scene_prepositions
             for g in c.children if g.dep_ == "pobj"]
    kids += [g for c in kids if c.dep_ == "dobj" for p in c.children
             if p.dep_ == "prep" and p.lower_ in words.complement_prepositions
             for g in p.children if g.dep_ == "pobj"]  # an object complement: "held civilians as shields"
    # a preposition counts as written: "according to" is no "accord"
    context = {c.lower_ if c.dep_ == "prep" else c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}
    for child in kids:
        if child.dep_ == "dobj":
            # "with": ["@dobj"] asks for a direct object ("returned the paintings to"), "@dobj:election"
            # for that object ("called the election", but "called for elections"), "@dobj_name" for a named one
            context |= {"@dobj", f"@dobj:{child.lemma_.lower()}"}
            if child.pos_ == "PROPN" or child.ent_type_ in _NAMED:
                context.add("@dobj_name")
        elif child.dep_ in _CLAUSES:
            context.add(f"@{child.dep_}")  # "seek to divide" (@xcomp), "warned that ..." (@ccomp)
    if token.dep_ in ("acl", "relcl", "amod"):
        context.add(token.head.lemma_.lower())  # "sanctions imposed"
    for entry in entries:
        if entry.tags and token.tag_.lower() not in entry.tags:
            continue
        if entry.without & context or (entry.with_ and not entry.with_ & context):
            continue
        return entry
    return None


def _in_date(token: Token) -> bool:
    """A word of a date or time ("in March", "on the eve of"): never a trigger."""
    return token.ent_type_ in ("DATE", "TIME")


def _dated(token: Token) -> bool:
    """A preposition introducing a date ("on Nov. 2"), which never completes a trigger ("call on")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _hits(sentence: TokenSpan, lex: Lexicon) -> dict[int, Hit]:
    index = lex.index
    hits: dict[int, Hit] = {}
    for token in sentence:
        entries = index.get((token.lemma_.lower(), _POS_GROUP.get(token.pos_, "")))
        if entries is None or _in_date(token):
            continue
        entry = _match(token, entries, lex.words)
        if entry is None or (entry.vehicle and token.dep_ in ("acl", "relcl")):
            continue  # "in a letter handed to the UN, Iraq said ...": the letter only frames what is said
        if entry.modal:
            verb = token.head
            if verb.dep_ == "ccomp" and verb.head.i not in hits and verb.head.pos_ in ("VERB", "AUX"):
                speaker = verb.head
                hits[speaker.i] = Hit(speaker, entry, modal_args(verb, speaker, lex.words), entry.weight)
            continue
        hits[token.i] = Hit(token, entry, find_args(token, entry, lex.nouns, lex.light, lex.words), entry.weight)
    return hits


def _arguments(article: Article, tokens: Sequence[Token], words: Words) -> tuple[tuple[Span, ...], tuple[str, ...]]:
    """The spans (whole noun phrases) of the argument heads, and the actors they name.

    An actor is looked up under the head's short phrase first ("the enclave"),
    then under the whole phrase ("the enclave of Eastern Ghouta"), but for a place named by what it
    borders ("the border with Egypt" is no party of an airstrike on it).
    """
    text = article.text
    spans: dict[tuple[int, int], Span] = {}
    found: list[str] = []
    for token in tokens:
        short, full = phrase(token, words), full_phrase(token, words)
        spans.setdefault(full, make_span(text, *full))
        actor = article.actor_at(*short)
        if actor is None and not _bordering(token, words):
            actor = article.actor_at(*full)
        if actor is not None and actor.id not in found:
            found.append(actor.id)
    return tuple(spans.values()), tuple(found)


def _bordering(token: Token, words: Words) -> bool:
    """A place named by what it borders ("the border with Egypt", "the area near Aleppo"): a place, not the
    party it names ("the enclave of Eastern Ghouta" is Eastern Ghouta)."""
    return token.lemma_.lower() in words.place_nouns and not any(
        c.dep_ == "prep" and c.lower_ in words.partitive_prepositions for c in token.children)


def _confidence(hit: Hit, state: str, has_recipient: bool, carried: bool) -> float:
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
    return round(min(MAX_CONFIDENCE, max(MIN_CONFIDENCE, score)), 3)


@dataclass(frozen=True)
class _Scene:
    """What earlier sentences established, for sentences that do not say it again.

    The last calendar date stated and the number of the sentence that stated
    it; per actor, the sentence, date and place of its last event; the sentence
    and parties of the last event with several actors and no recipient (what a
    later "their meeting" refers to); the article's dateline place and its main place.
    """

    stated: tuple[int, EventDate] | None = None
    by_actor: Mapping[str, tuple[int, EventDate | None, Place | None]] = field(default_factory=dict)
    group: tuple[int, tuple[str, ...]] | None = None
    home: Place | None = None
    main: Place | None = None

    def noting(self, event: Event, number: int, part: tuple[int, ...]) -> _Scene:
        """The scene after ``event``, of sentence ``number`` (``part``: a bilateral meeting's partner)."""
        by_actor = {**self.by_actor, **{i: (number, event.date, event.place) for i in event.actors}}
        group = self.group
        if len(event.actors) > 1 and not event.recipients:
            joined = group[1] if part and group is not None and group[0] == number else ()
            group = (number, (*joined, *(i for i in event.actors if i not in joined)))  # bilateral parts add up
        return replace(self, by_actor=by_actor, group=group)


def _line(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``[start, end)`` on the line (paragraph) holding ``at``."""
    return max(start, text.rfind("\n", 0, at) + 1), min(end, len(text) if (e := text.find("\n", at)) == -1 else e)


def _setting(article: Article, hit: Hit, bounds: tuple[int, int], number: int, scene: _Scene,
             parties: list[tuple[int, int]], actor_ids: tuple[str, ...],
             words: Words) -> tuple[EventDate | None, Place | None, bool]:
    """Date: see :mod:`dateline.events._dates`; place: see :mod:`dateline.events._places`."""
    start, end = bounds
    doc, sentence = article.doc, hit.token.sent
    times = [t for t in article.times if start <= t.span.start and t.span.end <= end]
    state = status(hit.token, words)
    said = plover().quad[hit.entry.type] in VERBAL_QUADS or state in ("planned", "hypothetical")
    date = event_date(doc, times, hit.token, said=said)  # what is said or intended is dated by the saying
    place = event_place(doc, [p for p in article.places if start <= p.span.start and p.span.end <= end],
                        hit.token, sentence, scene.home, parties, words)
    if place is None and hit.entry.mode == "visit":
        place = next((p for p in article.places if any(a <= p.span.start and p.span.end <= b for a, b in parties)),
                     None)  # "a visit to Poland" takes place in Poland
    carried = False
    earlier = [scene.by_actor[i] for i in actor_ids if i in scene.by_actor]
    recent = max(earlier, key=lambda e: e[0], default=None)
    tense = report_tense(hit.token) if state in ("occurred", "negated") else None
    if date is None and tense == "present":
        date = publication_month(article)  # "X has accused Y": news
    if date is None:
        date = narrative_date(number, scene.stated, [(e[0], e[1]) for e in earlier], CARRY_ACTOR_SENTENCES,
                              CARRY_SENTENCES)
        carried = date is not None
    if date is None and tense == "past":
        date = publication_month(article)  # "Khan thanked the police": what the article reports as news
    if place is None and recent is not None and number - recent[0] == 1 and date is not None and date == recent[1]:
        place, carried = recent[2], carried or recent[2] is not None  # "On July 6, during a visit to Poland ..."
    if place is None:
        place = scene.main  # a single-city story happens in that city
    return date, place, carried


def _bilateral(hit: Hit) -> list[tuple[Hit, tuple[int, ...]]]:
    """A meeting "with A and B" held by someone else is one bilateral meeting per partner
    ("Putin's agenda included talks with Moon and Abe"); "a meeting between A, B and C" or
    "A, B and C met" stays one meeting of all of them. Each part names its partner for its id."""
    partners = {t.i for t in hit.args.partners}
    hosts = [t for t in hit.args.actors if t.i not in partners]
    if not hit.entry.reciprocal or len(partners) < 2 or not hosts or hit.args.recipients:
        return [(hit, ())]
    actors = {t.i for t in hit.args.actors}
    return [(Hit(hit.token, hit.entry, Args(actors=(*hosts, p)), hit.weight), (p.i,)) for p in hit.args.partners
            if p.i in actors]


def _country_scene(article: Article, token: Token, words: Words) -> bool:
    """A country named as where an event happens ("students protested in Belgium"): its place, never its
    target (a city or region with no other target stays one: "declared a ceasefire in Tripoli")."""
    if not located_party(token, words):
        return False
    start, end = phrase(token, words)
    return any(p.feature == COUNTRY_FEATURE and start <= p.span.start < end for p in article.places)


def _event(article: Article, hit: Hit, number: int, scene: _Scene, words: Words,
           part: tuple[int, ...] = ()) -> Event | None:
    """The event of ``hit``, in sentence ``number``; None for a bare event word."""
    text, sentence = article.text, hit.token.sent
    trigger = make_span(text, hit.token.idx, hit.token.idx + len(hit.token.text))
    bounds = _line(text, trigger.start, sentence.start_char, sentence.end_char)
    args = replace(hit.args, actors=tuple(t for t in hit.args.actors if bounds[0] <= t.idx < bounds[1]),
                   recipients=tuple(t for t in hit.args.recipients if bounds[0] <= t.idx < bounds[1]
                                    and not _country_scene(article, t, words)))
    if not args.actors and not args.recipients:
        return None  # a bare event word ("the talks", "hacking") says too little to code
    hit = replace(hit, args=args)
    actor_spans, actor_ids = _arguments(article, args.actors, words)
    recipient_spans, recipient_ids = _arguments(article, args.recipients, words)
    if (hit.entry.reciprocal and not actor_ids and scene.group is not None
            and number - scene.group[0] <= CARRY_SENTENCES and args.actors
            and all(t.lower_ in words.group_words for t in args.actors)):
        actor_ids = scene.group[1]  # "Their meeting is scheduled ..."
    if not actor_ids and not recipient_ids:
        return None  # no party is a known actor ("he", "two women and a man"): nothing an analyst can use
    # parties are never the event's place, but for one named as where it happens ("a ceasefire in Tripoli")
    located = {full_phrase(t, words) for t in args.recipients if located_party(t, words)}
    # a place inside a party's own words is the party's ("the mayor of London"), not where the event is
    parties = [phrase(t, words) for t in (*args.actors, *args.recipients) if full_phrase(t, words) not in located]
    date, place, carried = _setting(article, hit, bounds, number, scene, parties, actor_ids, words)
    state = status(hit.token, words)
    tables = plover()
    return Event(
        id=ids.child_id(article.id, "event", hit.entry.type, trigger.start, *part),
        type=hit.entry.type,
        actors=actor_ids,
        recipients=tuple(i for i in recipient_ids if i not in actor_ids),
        status=state,
        trigger=trigger,
        evidence=make_span(text, *bounds),
        mode=hit.entry.mode,
        date=date,
        place=place,
        quad=tables.quad[hit.entry.type],
        intensity=tables.score(hit.entry.type, hit.entry.mode),
        confidence=_confidence(hit, state, bool(recipient_spans), carried),
        actor_spans=actor_spans,
        recipient_spans=recipient_spans,
    )


def _remember(article: Article, sentence: TokenSpan, number: int, scene: _Scene) -> _Scene:
    """The scene with the date the sentence's main clause states, if it states one ("On July 6, ...
    Trump made statements", not "Trump, who appointed her in 2017, responded")."""
    start, end = sentence.start_char, sentence.end_char
    times = [t for t in article.times if start <= t.span.start and t.span.end <= end]
    date = event_date(article.doc, times, sentence.root)
    return scene if date is None else replace(scene, stated=(number, date))


@dataclass(frozen=True)
class EventsConfig(StageConfig):
    """Settings of the events stage."""

    min_confidence: float = field(default=0.0, metadata={
        "help": "drop events whose confidence (0-1) is below this; 0 keeps every event found"})


@stage("events", requires={"doc", "actors", "times", "places"}, assigns={"events"}, config=EventsConfig,
       help="PLOVER events with evidence")
def apply(article: Article, config: EventsConfig = EventsConfig()) -> Article:
    """Code the PLOVER events of every annotated sentence of the article."""
    doc = article.doc
    if doc is None:
        return article
    lex = load_lexicon(config.resources(article))
    scene = _Scene(home=dateline_place(article, lex.words), main=main_place(article, lex.words))
    found: list[Event] = []
    outlet = _outlet(article)
    for number, sentence in enumerate(doc.sents):
        hits = _hits(sentence, lex)
        for hit, part in (p for h in (fold(hits, lex) if hits else ()) for p in _bilateral(h)):
            event = _event(article, hit, number, scene, lex.words, part)
            if event is None:
                continue
            scene = scene.noting(event, number, part)
            if outlet not in event.actors and (event.confidence or 0.0) >= config.min_confidence:
                found.append(event)
        scene = _remember(article, sentence, number, scene)
    return replace(article, events=tuple(found))


#: Shortest actor name taken for a site's name: shorter ones (initials, "en", "www") would match a
#: piece of any address.
MIN_OUTLET_NAME = 3


def _outlet(article: Article) -> str | None:
    """The id of the actor that is the article's own publisher ("Wikinews" on en.wikinews.org), if named.

    What a news outlet does as its own actor is reporting ("Wikinews interviewed ...", "contacted the
    company"), not an event between the parties of the story; as a recipient ("X attacked CNN") it stays.
    """
    labels = set((article.site or "").lower().split("."))
    for actor in article.actors:
        name = "".join(ch for ch in actor.name.lower() if ch.isalnum())
        if len(name) >= MIN_OUTLET_NAME and name in labels:
            return actor.id
    return None
