"""Who is speaking: the subject behind a cue verb, its span, and its actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.quotes._lexicon import Lexicon
from dateline.quotes._types import Extent, token_end
from dateline.records import Actor, Article, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SUBJECT_DEPS", "find_subject", "link_speaker", "passive_participle", "speaker_extent"]

#: How many steps up the parse a cue verb without a subject may climb to find
#: one ("he was quoted as saying", "..., telling reporters"); 4 covered every
#: case in the seed and PolNeAR dev without reaching unrelated clauses.
MAX_SUBJECT_CLIMB = 4

#: How far back (characters) a pronoun looks for a person that was a subject
#: before settling for the nearest person mentioned at all ("the Obama
#: administration"); about three news sentences, tuned on the seed.
MAX_PRONOUN_DISTANCE = 600

#: The labels of a verb's own subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "pcomp", "prep", "conj", "acl", "aux", "auxpass"})
_NOUNS = frozenset({"NOUN", "PROPN"})
#: Fine-grained tags of plural nouns.
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: The kinds of actor a person pronoun ("she") and an organization pronoun ("it") may stand for.
_PERSONS = frozenset({"person"})
_ORGANIZATIONS = frozenset({"organization", "country", "group"})
#: Right-hand children of a subject that still belong to the speaker's name.
_NAME_DEPS = frozenset({"appos", "compound", "flat", "prep", "pobj", "nummod", "amod", "poss", "case", "cc", "conj"})


def find_subject(cue: Token, quoted: Callable[[int], bool] | None = None) -> Token | None:
    """The subject of ``cue`` or of the nearest verb above it, or None. ``quoted(offset)``: whether a character
    lies inside quotation marks; a subject there yields to one outside (the parser often makes the quoted words a
    second subject of the verb that introduces them: "\"A bad day,\" the mayor said")."""
    if any(c.dep_ == "auxpass" for c in cue.children) or passive_participle(cue):
        return _agent(cue)  # "what has been called a crisis", "Asked about it, he said": not the speaker
    verb = cue
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        if subjects:  # a relative pronoun stays: its actor is its referent's
            outside = [s for s in subjects if quoted is None or not quoted(s.idx)]
            return outside[0] if outside else subjects[0]
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in _NOUNS):
            return verb.head  # "the senator, who said ...", "a statement announcing the pick"
        if verb.dep_ not in _CLIMB_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def passive_participle(verb: Token) -> bool:
    """Whether ``verb`` is a past participle heading an adverbial clause with no subject ("Asked about
    the blast, the chief said ...", "when asked about it"): the one it is hung on underwent it."""
    return bool(verb.tag_ == "VBN" and verb.dep_ == "advcl"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children))


def _agent(verb: Token) -> Token | None:
    """The "by" object of a passive verb ("was called a crisis by the mayor"), or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speaker_extent(head: Token, text: str) -> Extent:
    """Character extent of the speaker phrase headed by ``head``, without relative clauses."""
    left = head.left_edge
    right_idx = head.i
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ not in _NAME_DEPS:
            break
        right_idx = child.right_edge.i
    doc = head.doc
    right = doc[right_idx]
    while right.i > left.i and right.is_punct:
        right = doc[right.i - 1]
    paragraph_start = text.rfind("\n", 0, head.idx) + 1
    return Extent(max(left.idx, paragraph_start), token_end(right))


def _name_anchor(head: Token) -> Extent | None:
    """The proper-name part of a speaker phrase ("Yury Ushakov" in an apposition), if any."""
    candidates = [head] + [c for c in head.children if c.dep_ == "appos"]
    for token in candidates:
        if token.pos_ == "PROPN":
            start = min([token] + [c for c in token.lefts if c.dep_ in ("compound", "flat")], key=lambda t: t.i)
            return Extent(start.idx, token_end(token))
    return None


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS


def _plural(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention at ``[start, end)`` is headed by a plural noun ("analysts", "Iranian officials")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ in _PLURAL_TAGS


def _nearest_before(article: Article, offset: int, kinds: frozenset[str], *, singular: bool = False) -> Actor | None:
    """The actor of one of ``kinds`` a pronoun at ``offset`` most likely means: the nearest earlier subject, else
    the nearest mention; a ``singular`` pronoun ("it") never means a mention headed by a plural noun ("Analysts
    were gloomy. It said ...")."""
    mentions = sorted(
        ((m.end, m.start, actor) for actor in article.actors if actor.kind in kinds
         for m in actor.mentions if m.end <= offset and not (singular and _plural(article.doc, m.start, m.end))),
        key=lambda item: item[0],
        reverse=True,
    )
    for end, start, actor in mentions:
        if offset - end > MAX_PRONOUN_DISTANCE:
            break
        if _is_subject(article.doc, start, end):
            return actor
    return mentions[0][2] if mentions else None


def _referent(head: Token, lexicon: Lexicon) -> Token:
    """The noun a relative pronoun subject stands for ("the senator, who said ..."), else ``head``."""
    if head.lower_ in lexicon.relative_pronouns and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
        return head.head.head
    return head


def link_speaker(article: Article, head: Token, lexicon: Lexicon,
                 extent: Extent | None = None) -> tuple[Span, str | None]:
    """The speaker span headed by ``head`` (``extent``, when the caller has chosen it already) and the id of the
    actor behind it (or None).

    A relative pronoun is the span (as PolNeAR marks it); its referent gives the actor.
    """
    start, end = extent if extent is not None else speaker_extent(head, article.text)
    span = make_span(article.text, start, end)
    referent = _referent(head, lexicon)
    if referent.i != head.i:
        head = referent
        start, end = speaker_extent(head, article.text)
    actor = None
    anchor = _name_anchor(head)
    if anchor is not None:
        actor = article.actor_at(*anchor)
    if actor is None:
        actor = article.actor_at(head.idx, head.idx + len(head.text)) or article.actor_at(start, end)
    if actor is None and head.lower_ in lexicon.person_pronouns:
        actor = _nearest_before(article, head.idx, _PERSONS)
    elif actor is None and head.lower_ in lexicon.organization_pronouns:
        actor = _nearest_before(article, head.idx, _ORGANIZATIONS, singular=True)
    return span, None if actor is None else actor.id
