"""Threats told without a word of threatening: a harm said under a condition, or promised in one's own words.

PLOVER's THREATEN covers "all threats, coercive or forceful warnings with
serious potential repercussions", and its mode is what is threatened (the
manual's THREATEN section). Few threats say "threaten"; most are a harm the
speaker says will follow:

- **a harm under a condition**, told by a speaker: "said it would impose
  sanctions unless Borduria withdrew", '"if they attack our ships, we will
  strike back," said X', '"any attack on our ships will be met with force,"
  said X' (an act supposed with "any", ``supposing_determiners``);
- **a harm the speakers promise in their own words**: '"We will bring the
  killers to justice," said X', '"we are going to arrest them"' (a
  first-person doer and a future or modal auxiliary, or ``future_verbs``);
- **a harm a party would face under a condition**, told by a speaker: "said
  Borduria could face sanctions if it continued the blockade" (``facing_verbs``,
  and a harm of the lexicon or one of ``consequence_nouns``), against that party.

Each is one THREATEN by the speaker (the verb of saying is its trigger, so the
threat, which was made, has occurred), with the harm's recipients and the party
its condition names, and the mode PLOVER's table gives the harm
(:meth:`~dateline.events._plover.Plover.harm`); what the condition supposes is
no act of its own. The harm is the speaker's own (a first person, or a doer
the parse follows back to the speaker: "Iran said it would ..."): "police said
the rebels would attack if ..." is a forecast. A plain report of what someone
will do ("said he will visit Borduria", "said it will impose a lockdown on
Saturday") stays the act it tells, planned: no condition and no first person
make it a threat. A harm one vows, threatens or warns of is folded into that
verb's THREATEN (:mod:`dateline.events._fold`).

A warning is a threat only when it names whom it warns ("warned the rebels that
...", "warned journalists against ..."), warns of an act of conflict ("warned
that any attack would be met with force", "of mass protests") or sets a
condition; a warning of rain, of a risk or of a danger to someone
(``warning_words``) tells no event, and nor does a threat noun no one makes ("a
new threat to his rule emerged").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from dateline.events._args import Args, find_args
from dateline.events._fold import CONFLICT_QUADS, PARTY_ENTS, Hit, harm, threat_entry
from dateline.events._lexicon import Entry, Lexicon, Words, lemma_ids
from dateline.events._plover import plover

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["threats"]

#: Dependencies through which a harm's clause hangs on the verb of saying that reports it.
_REPORTED = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
#: Words climbed from a harm to the verb of saying that reports it ('said it would try to impose ...').
MAX_SAYING_CLIMB = 4
#: Base confidence of a threat told without a word of threatening: a lexicon verb's (0.7).
THREAT_WEIGHT = 0.7


def _saying(token: Token, words: Words) -> Token | None:
    """The verb of saying whose reported words hold ``token``: one above it ("said it would impose ...") or,
    for a quotation the parse made the main clause, the verb of saying hanging on it ('"..., we will strike,"
    said X')."""
    tok = token.head if token.dep_ == "dobj" else token  # the verb that does a harm noun ("resume attacks")
    for _ in range(MAX_SAYING_CLIMB):
        if tok.dep_ not in _REPORTED or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() in words.speech_verbs:
            return tok
    if tok.head.i == tok.i:
        return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp")
                     and c.lemma_.lower() in words.speech_verbs and c.i > token.i), None)
    return None


def _chain(token: Token, top: Token) -> list[Token]:
    """The harm and the words above it up to (not including) the verb of saying ``top``."""
    chain, tok = [token], token
    while tok.head.i != tok.i and tok.head.i != top.i and len(chain) <= MAX_SAYING_CLIMB:
        tok = tok.head
        chain.append(tok)
    return chain


def _conditions(chain: list[Token], words: Words) -> list[Token]:
    """The conditions on the words of ``chain``: a clause of ``condition_marks`` ("would impose sanctions unless
    ...") or a subject that supposes an act ("any attack will be met with force": ``supposing_determiners``)."""
    return [c for t in chain for c in t.children
            if _condition_clause(c, words) or (c.dep_ in ("nsubj", "nsubjpass") and _supposed(c, words))]


def _condition_clause(token: Token, words: Words) -> bool:
    """Whether ``token`` heads a clause of ``condition_marks`` ("unless Borduria withdraws")."""
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.condition_marks
                                         for m in token.children)


def _supposed(token: Token, words: Words) -> bool:
    """Whether ``token`` names any act of its kind, a supposition ("any attack")."""
    return any(c.dep_ == "det" and c.lower_ in words.supposing_determiners for c in token.children)


def _modal(chain: list[Token], words: Words) -> bool:
    """Whether a word of ``chain`` is said with "will", "would", "could" or the like, or "going to"."""
    auxiliaries = words.future_auxiliaries | words.hypothetical_auxiliaries
    if any(t.tag_ == "VBG" and t.lemma_.lower() in words.future_verbs for t in chain[1:]):
        return True  # "we are going to arrest them"
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in auxiliaries for t in chain for c in t.children)


def _first_person(chain: list[Token], words: Words) -> bool:
    """Whether the subject of the harm's clause, the nearest one up the chain, is the speakers themselves ("we
    will strike back", "we are going to arrest them"), not of a clause above it ("we prepared a law by which
    it will be punished")."""
    for tok in chain:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(c.dep_ == "nsubj" and c.lower_ in words.first_person_pronouns for c in subjects)
        if tok.dep_ not in ("xcomp", "conj"):
            return False
    return False


def _told_threat(hit: Hit, hits: Mapping[int, Hit], lex: Lexicon) -> tuple[Hit, set[int]] | None:
    """The THREATEN a speaker makes by telling the harm of ``hit`` under a condition or as their own promise,
    with the token indices of its conditions."""
    words = lex.words
    if not harm(hit.entry) or (hit.entry.pos != "verb" and hit.token.dep_ != "dobj"):
        return None  # a verb, or the noun a verb does ("would resume rocket attacks")
    verb = _saying(hit.token, words)
    if verb is None or verb.i in hits:
        return None
    chain = _chain(hit.token, verb)
    if not _modal(chain, words):
        return None
    own = _first_person(chain, words)
    conditions = _conditions(chain, words)
    if not (own or conditions):
        return None
    entry = threat_entry(verb.lemma_.lower(), hit.entry)
    speaker = find_args(verb, entry, lex.nouns, lex.light, words).actors
    if not speaker or not (own or {t.i for t in hit.args.actors} <= {t.i for t in speaker}):
        return None  # "police said the rebels would attack if ...": a forecast of another's act, no threat
    # "any attack will be met with force": an act supposed as the subject, whose answer the speaker gives
    supposing = any(c.dep_ in ("nsubj", "nsubjpass") for c in conditions)
    if not (own or hit.args.actors or (_passive(hit.token) and supposing)):
        return None  # "said Iran would be attacked if ...": no one named does the harm
    conditioned = _conditioned_party(conditions)
    # the condition's party is the recipient by the threat's structure, which the learned choice of parties does
    # not read (it weighs each party's path to the verb of saying): the threat's parties are the rules' alone
    return (Hit(verb, entry, Args(actors=speaker, recipients=(*hit.args.recipients, *conditioned)), THREAT_WEIGHT,
                hit.reach, rules_only=bool(conditioned)), _inside(conditions))


def _passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def _faced_threat(token: Token, hits: Mapping[int, Hit], lex: Lexicon) -> tuple[Hit, set[int]] | None:
    """The THREATEN a speaker makes by saying a party would face a harm under a condition ("said Israel could
    face sanctions if it continued the blockade"): the speaker's, against that party; with the token indices of
    its conditions and of a harm noun that is a trigger of its own (the threat's content)."""
    words = lex.words
    faced = next((c for c in token.children if c.dep_ == "dobj"), None)
    if token.lemma_.lower() not in words.facing_verbs or faced is None:
        return None
    content = hits.get(faced.i)
    if not (faced.lemma_.lower() in words.consequence_nouns or (content is not None and harm(content.entry))):
        return None
    verb = _saying(token, words)
    if verb is None or verb.i in hits:
        return None
    chain = _chain(token, verb)
    conditions = _conditions(chain, words) if _modal(chain, words) else []
    if not conditions:
        return None
    entry = Entry(verb.lemma_.lower(), "verb", "THREATEN", None) if content is None else threat_entry(
        verb.lemma_.lower(), content.entry)
    speaker = find_args(verb, entry, lex.nouns, lex.light, words).actors
    target = tuple(c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON")
    if not speaker or not target or {t.i for t in target} & {t.i for t in speaker}:
        return None
    threat = Hit(verb, entry, Args(actors=speaker, recipients=target), THREAT_WEIGHT)
    return threat, _inside(conditions) | (set() if content is None else {faced.i})


def _conditioned_party(conditions: list[Token]) -> tuple[Token, ...]:
    """The named party whose act a threat's condition clause names, as its recipient ("if Israel attacks, we
    will respond with force")."""
    return tuple(s for c in conditions if c.dep_ == "advcl" for s in c.children
                 if s.dep_ == "nsubj" and s.pos_ == "PROPN")


def _inside(conditions: list[Token]) -> set[int]:
    """The token indices of a threat's conditions ("if it attacks", "unless Borduria withdraws"): what they
    tell is part of the threat, not an act of its own."""
    return {g.i for c in conditions for g in c.subtree}


def _party(token: Token) -> bool:
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in PARTY_ENTS


def _idle_warning(hit: Hit, hits: Mapping[int, Hit], words: Words) -> bool:
    """A threat that no one makes (a noun with no doer, "a new threat to his rule emerged"), or a warning
    addressed to no one, of no act of conflict and on no condition ("warned of heavy rain", "warned the delay
    could be a threat to security"): no threat. One addressed to a party or to those it
    names ("warned local media against publishing"), of an act of conflict ("warned of possible
    demonstrations") or on a condition ("warned of war if ...") is one."""
    if hit.entry.type != "THREATEN":
        return False
    if hit.entry.pos == "noun" and not hit.args.actors:
        # "a new threat to his rule emerged": a danger no one made; not "the threat of sanctions from Peru"
        near = [*hit.token.subtree, *hit.token.head.children]  # "faced the threat of sanctions from Peru"
        return not any(c.dep_ == "prep" and c.lower_ in words.source_prepositions for c in near)
    if hit.token.lemma_.lower() not in words.warning_words:
        return False
    if any(_party(t) for t in hit.args.recipients) or any(c.dep_ == "dobj" for c in hit.token.children):
        return False
    inside = [t for t in hit.token.subtree if t.i != hit.token.i]
    if any(t.dep_ == "mark" and t.lower_ in words.condition_marks for t in inside):
        return False
    quads = plover().quad
    return not any(t.i in hits and hits[t.i].entry.type != "THREATEN" and quads[hits[t.i].entry.type] in CONFLICT_QUADS
                   for t in inside)


def _facing(sentence: TokenSpan, words: Words) -> list[Token]:
    """The sentence's verbs of ``facing_verbs``, screened by their lemma ids (no lemma text read)."""
    wanted = lemma_ids(words.facing_verbs)
    return [t for t in sentence if t.lemma in wanted]


def threats(sentence: TokenSpan, hits: dict[int, Hit], lex: Lexicon) -> dict[int, Hit]:
    """``hits`` of ``sentence`` with each harm a speaker tells under a condition, promises in their own words
    or says a party would face, made that speaker's THREATEN (its conditions no acts of their own), and each
    idle warning dropped."""
    out = {i: h for i, h in hits.items() if not _idle_warning(h, hits, lex.words)}
    for i, hit in hits.items():
        told = _told_threat(hit, out, lex) if i in out else None
        if told is not None:
            threat, inside = told
            out = {k: h for k, h in out.items() if k != i and k not in inside}
            out[threat.token.i] = threat
    for token in _facing(sentence, lex.words):
        faced = _faced_threat(token, out, lex)
        if faced is not None:
            threat, inside = faced
            out = {k: h for k, h in out.items() if k not in inside}
            out[threat.token.i] = threat
    return out
