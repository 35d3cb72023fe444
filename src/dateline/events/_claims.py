"""Who the story holds responsible for an attack its lead tells with no doer.

"A car bomb was on Monday rammed into a military base ... The Taliban have claimed responsibility" and
"Twin bombings struck the cathedral ... The Islamic State subsequently claimed responsibility": news of an
attack often tells the act first and its doer sentences later, in a claim or an attribution. The story's doer
is the one actor that claims responsibility (the subject of a verb whose object is a noun of
``responsibility_nouns``, not negated); else the one actor an attack is attributed to ("attributed the
bombing to Houthi rebels", "another attack ascribed to the Taliban", "the Abu Sayyaf Group are the suspected
perpetrators"; not "blamed", which more often tells an accusation others dispute). A claim outweighs an
attribution; where two actors claim, or none claims and two are named, the story names no one doer. Only the
first attack the lead tells takes that doer: a later one there is the same attack told again ("in last night's
attack"). The events stage
gives that doer to an attack of the lead (:data:`dateline.events._scene.LEAD_SENTENCES`) that names no known
doer of its own (:mod:`dateline.events._coding`). On wikinews-dev this gives the lead's attack of 4 articles
its doer (2 core events found that were missed, 2 others with the actor made right); wikinews-train's read
half tells no attack so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._clause import parties, pobjs, subject
from dateline.events._lexicon import Words
from dateline.events._phrase import phrase
from dateline.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["claimed_doer"]

#: Prepositions that bring in whom an attack is attributed to ("attributed the bombing to X").
_TO = frozenset({"to"})


def claimed_doer(article: Article, words: Words) -> str | None:
    """The id of the one actor the article says claimed an attack, else of the one it attributes one to; None
    when it names none, or several."""
    doc = article.doc
    if doc is None:
        return None
    claims: set[str] = set()
    blamed: set[str] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in words.responsibility_nouns and token.dep_ in ("dobj", "obj"):
            if not any(c.dep_ == "neg" for c in token.head.children):
                claims |= _actors(article, subject(token.head, words), words)
        elif lemma in words.attributing_verbs:
            blamed |= _actors(article, _attributed(token, words), words)
        elif lemma in words.perpetrator_nouns and token.dep_ == "attr":
            blamed |= _actors(article, [t for c in token.head.children if c.dep_ == "nsubj" for t in parties(c, words)],
                              words)
    if claims:
        return claims.pop() if len(claims) == 1 else None
    return blamed.pop() if len(blamed) == 1 else None


def _attributed(verb: Token, words: Words) -> list[Token]:
    """Whom ``verb`` attributes an act to: the object of its "to" ("attributed the bombing to X")."""
    return [t for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in _TO for t in pobjs(c, words)]


def _actors(article: Article, tokens: list[Token], words: Words) -> set[str]:
    """The ids of the known actors the tokens' phrases name ("the Yemen-based Houthi movement")."""
    return {a.id for t in tokens if (a := article.actor_at(*phrase(t, words))) is not None}
