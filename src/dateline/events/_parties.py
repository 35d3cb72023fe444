"""The parties of an event: the spans of its argument heads and the known actors they name.

:func:`find_parties` looks an argument head's actor up under its short phrase,
then its whole phrase ("the enclave" before "the enclave of Eastern Ghouta"),
but never a place named by what it borders ("the border with Egypt"); a thing
named with its owner names the owner ("rejected her proposal"); an object
pronoun the one person it can stand for; a first-person pronoun in quoted words their speaker
(:mod:`dateline.events._speakers`); a group word ("their meeting") the
parties of the last meeting; a subject "they" or "the party" the one body named
just before (:mod:`dateline.events._antecedents`); and an act of the police or a
court that names no one the story's one suspect (:mod:`dateline.events._suspect`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.events._antecedents import antecedent
from dateline.events._fold import Hit
from dateline.events._lexicon import Words
from dateline.events._phrase import full_phrase, phrase
from dateline.events._scene import CARRY_SENTENCES, Scene
from dateline.events._speakers import quoted_speaker
from dateline.events._suspect import pursued
from dateline.records import Actor, Article, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Parties", "find_parties"]


@dataclass(frozen=True)
class Parties:
    """The spans of an event's argument heads and the known actors they name."""

    actor_spans: tuple[Span, ...]
    actor_ids: tuple[str, ...]
    recipient_spans: tuple[Span, ...]
    recipient_ids: tuple[str, ...]


def find_parties(article: Article, hit: Hit, number: int, scene: Scene, words: Words) -> Parties:
    """The spans of the hit's argument heads and the known actors they name; a group word ("their meeting")
    names the parties of the last meeting a few sentences before, a subject "they" or "the party" the one body
    named just before (:mod:`dateline.events._antecedents`)."""
    args = hit.args
    actor_spans, actor_ids = _arguments(article, args.actors, words, speaking=True)
    recipient_spans, recipient_ids = _arguments(article, args.recipients, words, owned=True)
    recipient_ids += _object_pronouns(article, args.recipients, (*actor_ids, *recipient_ids), words)
    if (hit.entry.reciprocal and not actor_ids and scene.group is not None
            and number - scene.group[0] <= CARRY_SENTENCES and args.actors
            and all(t.lower_ in words.group_words for t in args.actors)):
        actor_ids = scene.group[1]  # "Their meeting is scheduled ..."
    if not actor_ids and len(args.actors) == 1 and (body := antecedent(article, args.actors[0], words)) is not None:
        actor_ids = (body,)  # "Police arrested a man. They released him."
    if not recipient_ids and (suspect := pursued(article, hit.entry.type, actor_ids, hit.entry.mode)) is not None:
        recipient_ids = (suspect,)  # "police are treating it as terrorism": the one suspect the story names
    return Parties(actor_spans, actor_ids, recipient_spans, recipient_ids)


def _arguments(article: Article, tokens: Sequence[Token], words: Words, owned: bool = False,
               speaking: bool = False) -> tuple[tuple[Span, ...], tuple[str, ...]]:
    """The spans (whole noun phrases) of the argument heads, and the actors they name.

    An actor is looked up under the head's short phrase first ("the enclave"),
    then under the whole phrase ("the enclave of Eastern Ghouta"), but for a place named by what it
    borders ("the border with Egypt" is no party of an airstrike on it). With ``owned`` (recipients), a
    thing named with its owner's possessive names the owner first (:func:`_owner`). With ``speaking`` (actors),
    a first-person pronoun of quoted words names their speaker ('"We warn them," the spokesman said'); as a
    recipient it does not: an act told in the words of the one it was done to ('"they raped me"') retells
    what the story tells as its own.
    """
    text = article.text
    spans: dict[tuple[int, int], Span] = {}
    found: list[str] = []
    for token in tokens:
        short, full = phrase(token, words), full_phrase(token, words, text)
        spans.setdefault(full, make_span(text, *full))
        actor = _owner(article, token, words) if owned else None
        if actor is None:
            actor = article.actor_at(*_past_possessive(token, short))
        if actor is None and not _bordering(token, words):
            actor = article.actor_at(*_past_possessive(token, full))
        if actor is None and speaking and (speaker := quoted_speaker(token, words)) is not None:
            actor = article.actor_at(*phrase(speaker, words))  # '"We warn them," the spokesman said'
        if actor is not None and actor.id not in found:
            found.append(actor.id)
    return tuple(spans.values()), tuple(found)


def _owner(article: Article, token: Token, words: Words) -> Actor | None:
    """The actor whose thing ``token`` names with a possessive, or with a relative clause of which the owner is
    the subject (``words.owned_things``: "praised her endorsement", "responded to his letter", "defended
    Trump's America First policy", "did not support the policies Trump announced"): an act on the thing is
    aimed at its owner. None for another noun ("his associates" are not the person "his" stands for), or
    where the possessor names no known actor."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in words.owned_things:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"] or [
        g for c in token.children if c.dep_ == "relcl" for g in c.children if g.dep_ == "nsubj"]
    return article.actor_at(*phrase(owners[0], words)) if owners else None


def _past_possessive(token: Token, short: tuple[int, int]) -> tuple[int, int]:
    """The words of a common noun's phrase after its possessive pronoun: "his associates" are not the person
    "his" stands for."""
    pronouns = [c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
    if token.pos_ != "NOUN" or not pronouns:
        return short
    return max(short[0], pronouns[-1].idx + len(pronouns[-1].text)), short[1]


def _object_pronouns(article: Article, tokens: Sequence[Token], taken: Sequence[str], words: Words) -> tuple[str, ...]:
    """The persons that object pronouns the actors left open stand for ("broke with Trump and urged him"):
    the one person named before the pronoun in its sentence who is not already a party (an object pronoun
    is never its own clause's subject); none where two could be meant."""
    found: list[str] = []
    for token in tokens:
        if token.lower_ not in words.object_pronouns or article.actor_at(token.idx, token.idx + len(token.text)):
            continue
        start = token.sent.start_char
        persons = {a.id for a in article.actors if a.kind == "person" and a.id not in taken
                   and any(start <= m.start and m.end <= token.idx for m in a.mentions)}
        if len(persons) == 1:
            found += persons
    return tuple(found)


def _bordering(token: Token, words: Words) -> bool:
    """A place named by what it borders ("the border with Egypt", "the area near Aleppo"): a place, not the
    party it names ("the enclave of Eastern Ghouta" is Eastern Ghouta)."""
    return token.lemma_.lower() in words.place_nouns and not any(
        c.dep_ == "prep" and c.lower_ in words.partitive_prepositions for c in token.children)
