"""What an article says about a candidate event beyond its sentence: features of the learned check.

Whether a coder codes an act depends on the article as much as on the
sentence: the lead reports the story, the later paragraphs its background
(biography, history, an earlier election); an act told again ("the attacks
occurred at 4:00") is one event already coded; a clause that describes
a person ("who supported education") or dates the act years before the
publication tells history, not news. The features here are named binary
strings, like those of :mod:`dateline.events._model`, and use no word list:
only the parse (dependency labels, tags and morphology), the times stage's
values and the candidates before this one.

A text too short to have a discourse (a single sentence, a headline) gets
none of the position features: the model then reads its sentence alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from dateline.events._fold import Hit
from dateline.records import Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MIN_SENTENCES", "PRIOR_SMOOTHING", "discourse", "prior_feature", "prior_key", "prior_rates"]

#: Sentences a text needs before where a sentence stands in it says anything: shorter texts (a headline, a
#: one-sentence record) get no position features.
MIN_SENTENCES = 4
#: Where a sentence stands, told apart: the lead, the next two, the next three, the rest.
_SENTENCE_BUCKETS = ((1, "0"), (3, "1-2"), (6, "3-5"))
#: A paragraph break in the article's text.
_PARAGRAPH = "\n\n"
#: Clauses of the trigger's path to its root that tell of it rather than report it (dependency labels).
_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "xcomp", "pcomp", "csubj", "conj", "pobj"})
#: Pseudo-count of a trigger's prior: the share of its training candidates that were right is pulled
#: towards the share of all of them by this many candidates (set by hand: a word seen twice says little).
PRIOR_SMOOTHING = 3.0
#: Bounds of the prior's buckets (share of right candidates of the trigger word and type in training).
_PRIOR_BUCKETS = (0.45, 0.6, 0.75)


def prior_key(hit: Hit) -> str:
    """The key of a candidate's trigger in the table of priors: its lemma and type."""
    return f"{hit.token.lemma_.lower()}|{hit.entry.type}"


def prior_rates(keys: Sequence[str], labels: Sequence[int]) -> dict[str, float]:
    """The smoothed share of right candidates of each trigger key among training candidates."""
    base = sum(labels) / len(labels) if labels else 0.5
    seen: dict[str, list[int]] = {}
    for key, label in zip(keys, labels, strict=True):
        seen.setdefault(key, []).append(label)
    return {key: round((sum(v) + PRIOR_SMOOTHING * base) / (len(v) + PRIOR_SMOOTHING), 3)
            for key, v in sorted(seen.items())}


def prior_feature(key: str, priors: Mapping[str, float]) -> list[str]:
    """The feature of a trigger's prior in the table ``priors`` (none for an empty table)."""
    if not priors:
        return []
    rate = priors.get(key)
    if rate is None:
        return ["prior=unseen"]
    return [f"prior={sum(rate >= b for b in _PRIOR_BUCKETS)}"]


def _position(article: Article, token: Token, number: int, sentences: int) -> list[str]:
    if sentences < MIN_SENTENCES:
        return []
    bucket = next((name for bound, name in _SENTENCE_BUCKETS if number < bound), "6+")
    start = token.sent.start_char
    paragraph = min(article.text.count(_PARAGRAPH, 0, start), 3)
    third = min(3 * number // sentences, 2)
    return [f"at.sentence={bucket}", f"at.paragraph={paragraph}", f"at.third={third}"]


def _clause(token: Token) -> list[str]:
    """The kinds of clause on the trigger's way to its sentence's root, and how deep it is."""
    path = [token, *token.ancestors]
    kinds = sorted({t.dep_ for t in path[:-1] if t.dep_ in _CLAUSES})
    depth = min(len(path) - 1, 3)
    return [f"depth={depth}", *(f"in.{k}" for k in kinds or ["main"])]


def _tense(token: Token) -> list[str]:
    """Tense and aspect of the trigger's verb (its own, or the head's for an event noun)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    out = [f"verb.tag={verb.tag_}"]
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            out.append(f"aux.tag={child.tag_}")
            out += [f"aux.{k}={v}" for k, v in child.morph.to_dict().items() if k in ("Tense", "VerbForm")]
    return out


def _past_times(article: Article, token: Token) -> list[str]:
    """Time expressions of the trigger's sentence that fall years before the publication."""
    if article.published is None:
        return []
    sentence = token.sent
    years = [int(t.value[:4]) for t in article.times
             if sentence.start_char <= t.span.start < sentence.end_char and t.value and t.value[:4].isdigit()]
    before = [article.published.year - y for y in years if y < article.published.year]
    if not before:
        return ["past.year=none"] if years else []
    gap = max(before)
    return [f"past.year={'1' if gap == 1 else '2-5' if gap <= 5 else '6+'}"]


def _told_before(event: Event, hit: Hit, earlier: Iterable[tuple[Event, Hit]], number: int,
                 sentence_of: Mapping[int, int]) -> list[str]:
    """Whether the article coded this kind of act in an earlier sentence: the same type, the same trigger
    word (the same type between the same parties is :mod:`._model`'s ``repeat``)."""
    out: list[str] = []
    lemma = hit.token.lemma_.lower()
    for other, other_hit in earlier:
        if sentence_of.get(id(other), number) >= number:
            continue
        if other.type == event.type:
            out.append("before.type")
        if other_hit.token.lemma_.lower() == lemma:
            out.append("before.word")
    return sorted(set(out))


def discourse(event: Event, hit: Hit, number: int, article: Article, earlier: Sequence[tuple[Event, Hit, int]],
              sentences: int, priors: Mapping[str, float]) -> list[str]:
    """The discourse features of the candidate ``event`` of ``hit`` in sentence ``number`` of an article of
    ``sentences`` sentences; ``earlier`` are the candidates before it (event, hit, sentence number);
    ``priors`` the table of :func:`prior_rates` (empty: no prior feature)."""
    token = hit.token
    sentence_of = {id(e): n for e, _, n in earlier}
    out = [*_position(article, token, number, sentences), *_clause(token), *_tense(token),
           *_past_times(article, token), *prior_feature(prior_key(hit), priors)]
    out += _told_before(event, hit, ((e, h) for e, h, _ in earlier), number, sentence_of)
    subject = next((t for t in hit.args.actors), None)
    if subject is not None:
        out.append(f"actor.tag={subject.tag_}")
        if subject.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in subject.children):
            out.append("actor.bare")  # "protesters", "terrorists": a kind of people, not named ones
    return out
