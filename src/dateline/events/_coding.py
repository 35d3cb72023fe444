"""One rule hit made into an event: its parties, its checks, its type by who does it, its date, place and confidence.

:func:`code` keeps the hit's argument heads on the trigger's line of the
sentence, gives a passive with no agent the doer its sentence names (else codes
it on its patient alone, only when its sentence dates it to the story, with the one
police body or court the story names), an attack with no doer the story's one
criminal (:mod:`dateline.events._doers`) or, in the lead, the one the story says claimed
it (:mod:`dateline.events._claims`), names the
parties' actors (:mod:`dateline.events._parties`: the head's short phrase first,
an object pronoun by the one person it can stand for, a group word by the last
meeting's parties, a subject "they" or "the party" by the one body named just
before, a thing acted on by its owner: "rejected her proposal"; an act of the
police or a court that names no one is aimed at the story's one suspect), drops
what no known actor does, an act asked about in an embedded question ("questioned whether
she helped him") or provided for by a law or a policy ("the law allows police to detain
them"), an act its target received from no one named ("received criticism for the move"),
a command and a policy of one's own country, re-types an act by who does it ("China held
drills", "the police raided the offices") and a refused act of backing as a rejection ("did not support the plan"),
and builds the :class:`~dateline.records.Event` with its date and place
(:mod:`dateline.events._scene`), status (:mod:`dateline.events._context`) and
a confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline import ids
from dateline.events._args import passive
from dateline.events._clause import asked_about, joint, provided, refusal
from dateline.events._context import PRESENT_TAGS, imperative, status
from dateline.events._doers import CRIME_TYPES, actor_ids, context_doer, crowd_doer, mention_head, story_doer
from dateline.events._fold import Hit
from dateline.events._lexicon import Words
from dateline.events._located import located_party
from dateline.events._model import Candidate
from dateline.events._parties import Parties, find_parties
from dateline.events._phrase import phrase
from dateline.events._places import COUNTRY
from dateline.events._plover import plover
from dateline.events._scene import DAY_VALUE, LEAD_SENTENCES, VISIT, Scene, in_story_time, line, setting
from dateline.events._where import party_spans
from dateline.records import Article, Event, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["code"]


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
_PARTICIPLE = "VBN"
#: Penn tags of a plural noun: a doer named by one ("the ministers") may be several parties.
_PLURAL = frozenset({"NNS", "NNPS"})
#: Event types of a gathering: a protest, a meeting.
_GATHERINGS = frozenset({"PROTEST", "CONSULT"})
#: Dependents of a noun that say what kind of thing it is ("a press conference", "a campaign rally").
_KIND_MODIFIERS = frozenset({"compound", "amod", "nmod"})
#: Acts of backing whose refusal ("said he did not support the policies", "would not provide an image") is a
#: REJECT that took place (PLOVER manual: "All rejections and refusals"), as the hand coders of the Wikinews
#: sets code it, not a negated act of backing. An agreement or a concession that did not come about ("could
#: not agree on a budget", "did not concede") stays negated, as they code those, and so does backing not offered
#: ("did not offer an endorsement"), where the verb is no act of backing itself.
REFUSED_TYPES = frozenset({"SUPPORT", "AID"})


def code(article: Article, hit: Hit, number: int, scene: Scene, words: Words,
         part: tuple[int, ...] = ()) -> Candidate | None:
    """The event of ``hit``, in sentence ``number``; None for a bare event word, an act no known actor does, a
    command, or a policy of one's own country. ``part`` names the partner of one meeting of several."""
    sentence = hit.token.sent
    bounds = line(article.text, hit.token.idx, sentence.start_char, sentence.end_char)
    hit = _claimed(article, _on_line(article, hit, bounds, words), number, scene)
    if not hit.args.actors and not hit.args.recipients:
        crowd = crowd_doer(article, hit.token, hit.entry.type, words)
        if crowd is None:
            return None  # a bare event word ("the talks", "hacking") says too little to code
        hit = replace(hit, args=replace(hit.args, actors=(crowd,)), rules_only=True)
    done = _with_doer(article, hit)
    if _untold(done.token, words):
        return None
    parties = find_parties(article, done, number, scene, words)
    if not parties.actor_ids and (not parties.recipient_ids or done.entry.needs_actor):
        # no party is a known actor ("he", "two women and a man"): nothing an analyst can use; some words are acts
        # only when a known actor does them ("the new law targets oligarchs" is no attack)
        return None
    if done.apart and not parties.recipient_ids:
        return None  # a judgement of a party beside another event stands only with that party known
    if not parties.actor_ids and _received(done.token, words):
        return None  # "Trump received criticism for the move": an act told by whom it reached, its doer untold
    if _lone(done, parties, words) and not _visit_abroad(article, done, parties.actor_ids):
        return None  # "the senator discussed her role", "visited Kenosha": one party alone consults no one
    if _appearance(article, done, parties, words):
        return None  # "held a news conference", "attended Trump's rally": one party addressing the public
    done = _retyped(article, done, parties, words)
    if done.entry.modal and _own_country(article, parties.actor_ids, parties.recipient_ids):
        return None  # "Johnson said Britain must leave": a policy of one's own country, asked of no one else
    candidate = _candidate(article, done, bounds, number, scene, parties, words, part)
    agentless = _agentless(done)
    if agentless and not _news_passive(article, candidate):
        return None
    if ((agentless or (not parties.actor_ids and done.entry.type in CRIME_TYPES))
            and (doer := story_doer(article, done.token, done.entry.mode, done.entry.type, done.args.recipients))):
        # the news told in a passive, an attack told with no doer: the body that does such acts, or the one
        # criminal, named elsewhere in the story
        done = replace(done, args=replace(done.args, actors=(doer,)), rules_only=True)
        parties = find_parties(article, done, number, scene, words)
        candidate = _candidate(article, _retyped(article, done, parties, words), bounds, number, scene, parties,
                               words, part)
    return candidate


def _untold(token: Token, words: Words) -> bool:
    """Whether the trigger's clause tells no act: a command ("take a knife and attack the tourists"), an act
    asked about ("questioned whether West ran to help Trump") or one a law or a policy provides for ("the new
    policy prohibits all flights to Cuba": a standing provision, no one's act)."""
    return imperative(token) or asked_about(token, words) or provided(token, words)


def _on_line(article: Article, hit: Hit, bounds: tuple[int, int], words: Words) -> Hit:
    """``hit`` with the argument heads on its line of the sentence: a recipient may also be in the sentence
    that holds what the event rests on (a tribute's praise), never a country named as where it happens."""
    held = hit.token.doc[hit.anchor].sent if hit.anchor is not None else hit.token.sent  # a tribute's praise
    return replace(hit, args=replace(
        hit.args, actors=tuple(t for t in hit.args.actors if bounds[0] <= t.idx < bounds[1]),
        recipients=tuple(t for t in hit.args.recipients
                         if (bounds[0] <= t.idx < bounds[1] or held.start <= t.i < held.end)
                         and not _country_scene(article, t, words))))


def _claimed(article: Article, hit: Hit, number: int, scene: Scene) -> Hit:
    """``hit`` with the doer the story holds responsible (:mod:`dateline.events._claims`) for an attack of its
    lead that names no known doer ("A car bomb was rammed into a base", "Twin bombings struck the cathedral"):
    that doer is the rules' alone (``rules_only``)."""
    if (scene.claimed is None or hit.entry.type not in CRIME_TYPES or number >= LEAD_SENTENCES
            or actor_ids(article, hit.args.actors)
            or (claimed := article.actor(scene.claimed)) is None or not claimed.mentions):
        return hit
    told = scene.by_type.get(hit.entry.type)
    if claimed.id in actor_ids(article, hit.args.recipients) or (
            told is not None and told[0] != number and claimed.id in told[1]):
        return hit  # an attack on the doer is no act of his; his attack in a later sentence is the first told again
    doer = mention_head(hit.token, claimed.mentions[0])
    return hit if doer is None else replace(hit, args=replace(hit.args, actors=(doer,)), rules_only=True)


def _with_doer(article: Article, hit: Hit) -> Hit:
    """``hit`` with an actor for a passive that names its patient and no agent, where its sentence names one.

    Such a passive names no actor ("he was convicted in 2011"), unless the sentence names the one who does such
    acts by office ("police said two men were detained"): that doer is the rules' alone (``rules_only``).
    Without one, the hit keeps its patient alone (:func:`_news_passive` decides whether it is coded)."""
    args = hit.args
    if not _agentless(hit):
        return hit
    doer = context_doer(article, hit.token, hit.entry.mode, args.recipients)
    if doer is None:
        return hit
    return replace(hit, args=replace(args, actors=(doer,)), rules_only=True)


def _agentless(hit: Hit) -> bool:
    """A verbal passive that names its patient and no agent ("Wiranto was stabbed")."""
    return (not hit.args.actors and hit.entry.object != "topic" and hit.token.pos_ in ("VERB", "AUX")
            and passive(hit.token, ("amod",)))


def _news_passive(article: Article, candidate: Candidate) -> bool:
    """Whether an act told in a passive with no doer is the article's news: a day its own sentence states,
    within the story's time ("a banker was stabbed yesterday", "two men were arrested on Friday"), or a
    present perfect ("a man has been arrested"). Otherwise undated, dated to a year or by the sentences around,
    such passives tell the background of the story ("he was convicted of corruption in 2011", "she was found
    guilty of fraud", "had been jailed"), and those are not coded. On wikinews-train the day codes 7 acts (6 of
    them core), on wikinews-dev 1 (core); the present perfect 1 more on wikinews-dev (core, with the story's
    suspect: :mod:`dateline.events._suspect`), 1 on the half of wikinews-train read (no gold event)."""
    if _present_perfect(candidate.hit.token):
        return True  # "a man has been arrested", "two journalists have been detained": told as the news
    date, evidence = candidate.event.date, candidate.event.evidence.text
    return (date is not None and date.text is not None and not candidate.carried and date.text in evidence
            and len(date.value or "") == len(DAY_VALUE) and in_story_time(date, article))


def _present_perfect(verb: Token) -> bool:
    """A passive in the present perfect ("has been arrested", "have been detained"): the tense that tells what
    has just happened, where a background act is told in a past ("was convicted in 2011", "had been jailed")."""
    return any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in verb.children) and any(
        c.dep_ == "auxpass" and c.tag_ == _PARTICIPLE for c in verb.children)


def _lone(hit: Hit, parties: Parties, words: Words) -> bool:
    """Whether an act of two parties or more (``needs_partner``) names one alone: a single known actor, no
    recipient, and neither a plural doer ("the ministers discussed ...") nor a joint act."""
    if not hit.entry.needs_partner or len(parties.actor_ids) + len(parties.recipient_ids) > 1:
        return False
    if any(t.dep_ == "dobj" and t.head.i == hit.token.i for t in hit.args.actors) and len(hit.args.actors) > 1:
        return False  # "Walker first met Hawkins": the one met is a party, though the actors stage knows one only
    return not joint(hit.token, words) and not any(t.tag_ in _PLURAL for t in hit.args.actors)


def _appearance(article: Article, hit: Hit, parties: Parties, words: Words) -> bool:
    """Whether a protest or a meeting is a gathering one party holds alone to address the public, neither a
    protest against anyone nor a meeting with anyone: one made public by its modifier ("held a news conference",
    "held his first campaign rally"), or a rally a person holds or owns ("Trump held a rally in Nevada", "attended
    Trump's rally"). One held against or outside someone ("held a rally against the reform") stays a protest, one
    with a partner a meeting, and one a person joins or attends ("the senator joined a rally") takes part in it."""
    if hit.entry.type not in _GATHERINGS or len(parties.actor_ids) != 1 or parties.recipient_ids:
        return False
    token = hit.token
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [c for c in token.children if c.dep_ == "dobj"]
    gathering = next((n for n in nouns if n.lemma_.lower() in words.appearance_nouns), None)
    if gathering is None or any(c.dep_ == "prep" and c.lower_ in hit.entry.preps
                                for c in (*token.children, *gathering.children)):
        return False
    if any(c.dep_ in _KIND_MODIFIERS and c.lower_ in words.appearance_modifiers for c in gathering.children):
        return True
    held = token.lemma_.lower() in words.holding_verbs or any(c.dep_ == "poss" for c in gathering.children)
    party = article.actor(parties.actor_ids[0])
    return (held and gathering.lemma_.lower() in words.personal_gatherings and party is not None
            and party.kind == "person")


def _visit_abroad(article: Article, hit: Hit, actor_ids: Sequence[str]) -> bool:
    """Whether a visit's sentence names a place in another country than its doers' own: a visit to Amman by
    Iraq's president meets its hosts, though no party names them; one to a town at home meets no one."""
    homes = {a.country for i in actor_ids if (a := article.actor(i)) is not None}
    if hit.entry.mode != VISIT or not homes or None in homes:
        return False
    sentence = hit.token.sent
    return any(p.country is not None and p.country not in homes for p in article.places
               if sentence.start_char <= p.span.start < sentence.end_char)


def _received(token: Token, words: Words) -> bool:
    """Whether an event noun is what its clause's subject received ("received criticism", "faced threats") with
    no source phrase to name its doer ("received threats from the gang", "faced the threat of sanctions from
    Peru")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "obj"):
        return False
    verb = token.head
    sources = [t for t in (*verb.children, *token.subtree)
               if t.dep_ in ("prep", "agent") and t.lower_ in words.source_prepositions]
    return verb.lemma_.lower() in words.receiving_verbs and not sources


def _retyped(article: Article, hit: Hit, parties: Parties, words: Words) -> Hit:
    """``hit`` with the type its entry gives an act done alone ("China held drills") or by actors all of one
    sector ("the police raided the offices")."""
    entry = hit.entry
    if (entry.alone is not None and len(parties.actor_ids) == 1 and not parties.recipient_ids
            and not joint(hit.token, words)):
        entry = replace(entry, type=entry.alone, reciprocal=False)
    sectors = {a.sector for i in parties.actor_ids if (a := article.actor(i)) is not None}
    for sector, kind, mode in entry.by_sector:
        if sectors == {sector}:
            entry = replace(entry, type=kind, mode=mode)
    return hit if entry is hit.entry else replace(hit, entry=entry)


def _candidate(article: Article, hit: Hit, bounds: tuple[int, int], number: int, scene: Scene, parties: Parties,
               words: Words, part: tuple[int, ...]) -> Candidate:
    """The event record of a checked hit, with its date, place, status and confidence."""
    trigger = make_span(article.text, hit.token.idx, hit.token.idx + len(hit.token.text))
    # a place inside a party's own words is the party's ("the mayor of London"), not where the event is
    date, place, carried = setting(article, hit, bounds, number, scene, party_spans(article, hit, words),
                                   parties.actor_ids, words)
    state = status(hit.token, words)
    if hit.entry.type in REFUSED_TYPES and hit.entry.object != "topic" and refusal(hit.token, words):
        hit, state = replace(hit, entry=replace(hit.entry, type="REJECT", mode=None)), "occurred"
    tables = plover()
    event = Event(
        id=ids.child_id(article.id, "event", hit.entry.type, trigger.start, *part),
        type=hit.entry.type,
        actors=parties.actor_ids,
        recipients=tuple(i for i in parties.recipient_ids if i not in parties.actor_ids),
        status=state,
        trigger=trigger,
        evidence=_evidence(article.text, hit, bounds),
        mode=hit.entry.mode,
        date=date,
        place=place,
        quad=tables.quad[hit.entry.type],
        intensity=tables.score(hit.entry.type, hit.entry.mode),
        confidence=_confidence(hit, state, bool(parties.recipient_spans), carried),
        actor_spans=parties.actor_spans,
        recipient_spans=parties.recipient_spans,
    )
    return Candidate(event, hit, number, carried)


def _own_country(article: Article, actor_ids: Sequence[str], recipient_ids: Sequence[str]) -> bool:
    """Whether every recipient is the country (or the government) of an actor ("Johnson said Britain must")."""
    countries = {a.country for i in actor_ids if (a := article.actor(i)) is not None and a.country}
    recipients = [article.actor(i) for i in recipient_ids]
    return bool(recipients) and all(r is not None and r.kind == "country" and r.country in countries
                                    for r in recipients)


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


def _country_scene(article: Article, token: Token, words: Words) -> bool:
    """A country named as where an event happens ("students protested in Belgium"): its place, never its
    target (a city or region with no other target stays one: "declared a ceasefire in Tripoli")."""
    if not located_party(token, words):
        return False
    start, end = phrase(token, words)
    return any(p.feature == COUNTRY and start <= p.span.start < end for p in article.places)


def _evidence(text: str, hit: Hit, bounds: tuple[int, int]) -> Span:
    """The words the event rests on: its line of the sentence (to the end of the quotation it rests on), or
    the sentence of a quotation that holds the judgement it codes."""
    if hit.anchor is not None:
        held = hit.token.doc[hit.anchor].sent
        return make_span(text, *line(text, held.start_char, held.start_char, held.end_char))
    return make_span(text, bounds[0], _reach(text, hit, bounds[1]))


def _reach(text: str, hit: Hit, end: int) -> int:
    """Where the event's evidence ends: its line of the sentence, or the end of the quotation it rests on
    when that runs on past the sentence within the trigger's paragraph."""
    if not hit.reach:
        return end
    last = hit.token.doc[hit.reach - 1]
    return max(end, line(text, hit.token.idx, end, last.idx + len(last.text))[1])
