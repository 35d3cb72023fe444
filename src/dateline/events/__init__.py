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
confidence (:mod:`dateline.events._coding`).

Choices worth knowing:

- A meeting is one CONSULT with all its parties as actors. Each mention of a
  meeting is its own event: "Trump is set to hold talks with Putin" (planned),
  "Their meeting is scheduled on July 7 in Hamburg" (planned, the parties of
  the last meeting), "Trump met Putin briefly that morning" (occurred) are
  three CONSULTs. An act told again later in the article with the same
  type, parties, status and day is coded once, where it is first told
  (:mod:`dateline.events._repeats`); a mention dated only to a month or
  not at all is never merged. A definite noun of an attack, an arrest, a
  release, a protest or a summit the article told of before ("spoke at the
  rally", "during the summit") names that act and is no new record.
- One sentence codes an act of one type between the same parties once: "The
  government declared a state of emergency, shut down all schools and banned
  gatherings" is one COERCE (the first), "Police arrested A and detained B"
  two.
- dateline keeps the type of what is reported and says how sure it is in the
  status; :func:`plover_type` gives the type PLOVER's coders would use (a
  planned meeting is an AGREE, a refused one a REJECT). A refusal to back a
  party is itself the act reported: "said he did not support the policies",
  "would not provide an image" are a REJECT that occurred, while backing only
  put off ("did not immediately endorse") or beyond one's power ("could not
  help") stays a negated SUPPORT or AID.
- Dates (:mod:`dateline.events._dates`): the time expression on the
  trigger's own clause (a verbal act or an intention also takes the time of
  the saying that reports it); else the month the article reports on (the
  month of publication, or the earlier month its title names: a roundup of
  a past month) for what it reports in the present or present perfect; else
  the date the story
  carries (the actor's last event a few sentences before, the date stated on
  the main clause of the sentence or two before: "On July 6 ... Trump ... He
  made an endorsement ... he called on Russia"); else that month for a
  simple past; else none. A time on another clause ("who appointed her
  in 2017"), or one that dates a thing ("the 2015 Paris accord"), is never
  the event's.
- Places (:mod:`dateline.events._places`): a place on the trigger's own
  clause after a preposition of location, or naming the event noun ("a
  Kabul car bombing"), never one inside a party's words ("the mayor of
  London"); a place after "on", "about", "over", "to" is a topic or a
  destination ("talks on North Korea") and never the event's place; the
  place a relative clause of place describes ("Leeds, where she met the
  mayor") is its clause's, and the place a visit goes to ("visited Denver")
  says where something happens. A visit takes place at its destination, an
  act of a governor, a mayor or a town's own government in the place it
  governs ("Utah's governor", "the city of Leeds"); an event with no place
  of its own takes the place of the same actor's event of the same date in
  the sentence just before, else (in the story's time) the place the
  sentence or two before says something happens in, else the article's main
  place (its dateline's, else the town its lead places the story in, else
  the place it names most often, when one stands out; of two named equally
  often, the one its lead names). A learned ranker may choose instead among
  the places all these steps offer at once (:mod:`dateline.events._where`,
  trained by ``dateline train event-places``, read from
  ``lang/<code>/models/event-places.json``); English ships none: out of fold
  it gained on one half of the coded articles and broke the rule that a topic
  ("discuss Ukraine's conflict") is never the place, so the cascade decides.
- A light verb ("carry out", "launch", "stage", "conduct", "hold", "make",
  "pay") leaves the kind of event to its object noun: "Hackers carried out a
  cyber attack on the ministry" is the COERCE (cyber) of the noun "attack",
  with the verb's subject as actor. Phone calls ("spoke by phone with X", "a
  phone call with X") are CONSULTs (mode phone) with all parties as actors; a
  letter ("sent a letter to X", "wrote to X") is a CONSULT from writer to
  addressee, unless what it says is an event ("a letter to X threatening
  ..." is the threat). An act noun that "came from" someone is theirs
  ("support for the bill came from Senator X"), and the infinitive of an
  intention noun is its owner's act ("announced their plans to oppose the
  bill"), never the noun's.
- Threats (:mod:`dateline.events._threats`): PLOVER's THREATEN takes as its
  mode what is threatened (``threat_modes`` of the PLOVER table). A harm
  someone vows, threatens or warns of is one THREATEN by them ("vowed to
  retaliate against X", "threatened to expel the envoy": 'violence',
  'expel'); so is a harm the speakers tell under a condition ("said it
  would impose sanctions unless ..."), promise in their own words ('"We
  will bring the killers to justice," said X'), or say a party would face
  under a condition ("said X could face consequences if ..."): the verb of
  saying is the trigger, the threat has occurred, and the condition tells
  no act of its own. A harm another would do ("police said the rebels
  would attack if ...") is a forecast, and a plan told without condition
  or first person ("said it will impose a lockdown") stays the act,
  planned. A warning of no act of conflict, to no one and on no condition
  ("warned of heavy rain") is no event.
- Who is actor and who recipient: the rules of :mod:`dateline.events._args`
  name them, then a learned model (:mod:`dateline.events._roles`, trained
  by ``dateline train roles``) may re-choose them among the parties the
  parse offers: it replaces a party it doubts only with a likelier one and
  fills a role the rules leave empty; date and place stay the rules'.
  Two parties the parse often hangs elsewhere are read back
  (:mod:`dateline.events._misparsed`): the subject of a passive ("after
  Jane Roe, mayor of Leeds, was stabbed", with "Roe" made the object of
  "after") and the first of two objects ("granted Roe, a senator from Ohio,
  a full pardon": Roe is pardoned). A clause past a semicolon is never the
  content of the one the parse hangs it on.
- An event none of whose parties is a known actor (``Article.actor_at``) is
  not coded: "they shot him", "two women and a man were injured" say what
  happened but not between whom, and a dyad table cannot use them (on the
  shared Wikinews corpus 60% of the events coded before had no actor and no
  recipient). Better actor resolution brings them back; a first-person pronoun
  doing an act in quoted words is the quotation's speaker ('"we warn the
  invaders", the commander said': :mod:`dateline.events._speakers`). An attack the lead
  tells with no doer ("A car bomb was rammed into a base") takes the one
  actor the story says claimed it, or attributes it to
  (:mod:`dateline.events._claims`); an act aimed at a definite noun of an
  earlier act or thing ("criticized the commutation", "dismissed the claim",
  "called the decision a disgrace", "labeled the report", "welcomed the
  move") reaches that act's doer or that thing's owner, told with a verb of
  the noun's family or coded as an event (:mod:`dateline.events._responses`).
- An event with no recipient takes the named city or region it happens in
  as one ("declared a ceasefire in Tripoli", as CAMEO's coders do), which
  stays its place (:mod:`dateline.events._located`); a country where
  something happens is its place, never its target ("students protested in
  Belgium"), and a place named by what it borders is no party ("an airstrike
  in Rafah, on the border with Egypt").
- An accusation whose sentence names no one it is aimed at, or only "it" or
  a definite noun ("Hale called it a disgrace", "assailed the event"; not
  "condemned anti-semitism"), takes the party its doer is paired with most
  often in the article's other events, when one clearly wins; its recipient
  span is that party's nearest mention (:mod:`dateline.events._counterparts`).
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

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline.events._args import Args
from dateline.events._claims import claimed_doer
from dateline.events._coding import code
from dateline.events._counterparts import with_counterparts
from dateline.events._dates import report_month
from dateline.events._discourse import MIN_SENTENCES
from dateline.events._fold import Hit, fold
from dateline.events._hits import hits, matches, told_types
from dateline.events._lexicon import Lexicon, Words, load_lexicon
from dateline.events._model import Candidate, Model, features, load_model, sentence_count
from dateline.events._places import dateline_place, main_place
from dateline.events._propose_model import Proposer, load_proposer
from dateline.events._repeats import one_per_act
from dateline.events._responses import answered, told_acts
from dateline.events._roles import Roles, choose, load_roles
from dateline.events._scene import LEAD_SENTENCES, Scene, lead_day, remember
from dateline.events._where import PlaceModel, load_places, placed
from dateline.pipeline import StageConfig, stage
from dateline.records import Article, Event
from dateline.times import title_month

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

__all__ = ["EventsConfig", "apply", "candidates", "checked", "plover_type"]


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


@dataclass(frozen=True)
class EventsConfig(StageConfig):
    """Settings of the events stage."""

    min_confidence: float = field(default=0.0, metadata={
        "help": "drop events whose confidence (0-1) is below this; 0 keeps every event found"})
    model: str = field(default="", metadata={
        "help": "a trained event model (a file written by 'dateline train events') to use instead of the "
                "language's own; 'none' codes on the rules alone"})
    roles: str = field(default="", metadata={
        "help": "a trained actor/recipient model (a file written by 'dateline train roles') to use instead of "
                "the language's own; 'none' chooses parties by the rules alone"})
    proposals: str = field(default="", metadata={
        "help": "a trained proposal model (a file written by 'dateline train proposals') to use instead of the "
                "language's own; 'none' codes only the events the rules find"})
    places: str = field(default="", metadata={
        "help": "a trained event-place ranker (a file written by 'dateline train event-places') to use instead of "
                "the language's own (none ships); 'none' places events by the rules alone"})


def candidates(article: Article, lex: Lexicon, roles: Roles | None = None,
               proposer: Proposer | None = None, places: PlaceModel | None = None) -> list[Candidate]:
    """Every event the rules propose in the article, in order, with what the learned check reads; with
    ``roles``, the parties of each are those that model chooses (:mod:`dateline.events._roles`); with
    ``proposer``, a sentence where the rules code none may get the event that model proposes
    (:mod:`dateline.events._propose_model`); with ``places``, the place of each is the one that ranker
    chooses among the places the rules' steps offer (:mod:`dateline.events._where`)."""
    doc = article.doc
    if doc is None:
        return []
    named = title_month(article.title, article.published, lex.resources) if lex.resources is not None else None
    sentences = list(doc.sents)
    scene = Scene(home=dateline_place(article, lex.words),
                  main=main_place(article, lex.words, sentences[:LEAD_SENTENCES]),
                  lead=lead_day(article, sentences), month=report_month(article, named),
                  claimed=claimed_doer(article, lex.words))
    found: list[Candidate] = []
    outlet = _outlet(article)
    told: frozenset[str] = frozenset()  # the types of act the sentences so far tell of
    for number, sentence in enumerate(doc.sents):
        matched = matches(sentence, lex)
        found_hits, coded = hits(sentence, lex, told, matched), len(found)
        told |= told_types(matched)
        dyads: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        for hit, part in (p for h in (fold(found_hits, lex) if found_hits else ()) for p in _bilateral(h)):
            candidate = code(article, hit, number, scene, lex.words, part)
            if candidate is None:
                continue
            if roles is not None and not candidate.hit.rules_only:
                candidate = _chosen(article, candidate, number, scene, lex.words, roles, part)
            candidate = candidate if proposer is None else proposer.retyped(candidate, article, lex)
            candidate = answered(article, candidate, number, scene, lex)
            if places is not None:
                candidate = placed(article, candidate, scene, lex.words, places)
            dyad = (candidate.event.type, frozenset(candidate.event.actors), frozenset(candidate.event.recipients))
            if dyad in dyads or _told_more(found, coded, candidate):
                continue  # one sentence says once that an actor did a kind of act to another ("declared ..., shut ...")
            dyads.add(dyad)
            scene = scene.noting(candidate.event, number, part, candidate.hit.token.lemma_.lower())
            if outlet not in candidate.event.actors:
                found.append(candidate)
        proposed = _proposed(article, sentence, number, scene, lex, roles, proposer) if len(found) == coded else None
        if proposed is not None and outlet not in proposed.event.actors:
            scene = scene.noting(proposed.event, number, (), proposed.hit.token.lemma_.lower())
            found.append(proposed)
        scene = remember(article, sentence, number, told_acts(article, sentence, number, scene, lex), lex.words)
    return found


def _told_more(found: list[Candidate], start: int, candidate: Candidate) -> bool:
    """Whether the sentence's events from ``found[start]`` on already tell ``candidate``'s act: one of its type,
    by the same actors, to all its recipients and more ("A bombing ... killed X": the bombing is the killing of
    X). A fuller one told after a poorer one takes its place in ``found``."""
    event = candidate.event
    for k in range(start, len(found)):
        other = found[k].event
        if other.type != event.type or not event.actors or set(other.actors) != set(event.actors):
            continue
        if set(event.recipients) <= set(other.recipients):
            return True
        if set(other.recipients) <= set(event.recipients):
            found[k] = candidate
            return True
    return False


def _proposed(article: Article, sentence: TokenSpan, number: int, scene: Scene, lex: Lexicon, roles: Roles | None,
              proposer: Proposer | None) -> Candidate | None:
    """The event the proposal model finds in sentence ``number``, where the rules code none; None without one."""
    hit = proposer.hit(sentence, number, article, lex) if proposer is not None else None
    proposed = code(article, hit, number, scene, lex.words) if hit is not None else None
    if proposed is None or roles is None:
        return proposed
    return _chosen(article, proposed, number, scene, lex.words, roles, ())


def _chosen(article: Article, candidate: Candidate, number: int, scene: Scene, words: Words, roles: Roles,
            part: tuple[int, ...]) -> Candidate:
    """The event of ``candidate`` with the parties the model chooses; the rules' own where it chooses none or
    none the actors stage knows. The model chooses who, not when or where: the date and place stay those
    the rules' parties give ("a visit to Poland" takes place in Poland even when Poland is no recipient)."""
    args = choose(candidate.hit, article, words, roles)
    if args is None or _same(args, candidate.hit.args):
        return candidate
    chosen = code(article, replace(candidate.hit, args=args), number, scene, words, part)
    if chosen is None:
        return candidate
    event = replace(chosen.event, date=candidate.event.date, place=candidate.event.place)
    return replace(chosen, event=event, carried=candidate.carried)


def _same(a: Args, b: Args) -> bool:
    """Whether two sets of arguments name the same actors and recipients."""
    return ([t.i for t in a.actors], [t.i for t in a.recipients]) == ([t.i for t in b.actors],
                                                                      [t.i for t in b.recipients])


@stage("events", requires={"doc", "actors", "times", "places"}, assigns={"events"}, config=EventsConfig,
       help="PLOVER events with evidence")
def apply(article: Article, config: EventsConfig = EventsConfig()) -> Article:
    """Code the PLOVER events of every annotated sentence of the article."""
    if article.doc is None:
        return article
    res = config.resources(article)
    lex = load_lexicon(res)
    found = candidates(article, lex, load_roles(res, config.roles), load_proposer(res, config.proposals),
                       load_places(res, config.places))
    return replace(article, events=checked(article, found, lex, load_model(res, config.model), config.min_confidence))


def checked(article: Article, found: Sequence[Candidate], lex: Lexicon, model: Model | None,
            min_confidence: float = 0.0) -> tuple[Event, ...]:
    """The events of the candidates the learned check ``model`` keeps (each with its probability as confidence;
    all of them without one) whose confidence reaches ``min_confidence``, one per act, with their counterparts."""
    events: list[Event] = []
    sentences = sentence_count(article) if model is not None else 0
    if sentences < MIN_SENTENCES:
        model = None  # the check learned from whole articles alone: a shorter text is coded by the rules
    for i, candidate in enumerate(found):
        event = candidate.event
        if model is not None:
            names = features(candidate, article, found[:i], model.priors, sentences)
            probability = model.probability(names, event.confidence or 0.0)
            if probability < model.threshold:
                continue
            event = replace(event, confidence=round(probability, 3))
        if (event.confidence or 0.0) >= min_confidence:
            events.append(event)
    return tuple(with_counterparts(article, one_per_act(events), lex.words))


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
