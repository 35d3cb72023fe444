"""Persons the text introduces by a noun and never names.

"An eyewitness described the scene at the gate", "a retired teacher was fined for the protest", "a masked
individual tried to climb the fence": a singular noun of a private person
(``unnamed_party_nouns`` of actors.json) after an indefinite article, the subject of a verb or the agent of a
passive one, is someone the article does not name but who acts or is acted on, and the coders code such a
person as an actor of their own. The actor is known by its noun phrase without the article ("eyewitness",
"tenth defendant"), of the country of its sentence, of the story, or else named in the sentences just before;
the civilians pass gives it its sector. A definite noun ("the witness") points back to someone already met, and
is left to other passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group
from dateline.actors._suspects import SINGULAR
from dateline.actors._tagged import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["unnamed_pass"]



def unnamed_pass(build: Build) -> None:
    """Unnamed persons introduced by an indefinite noun phrase that is a verb's party (see the module
    docstring)."""
    words = build.lex.words
    for i, lower in enumerate(build.lowers):
        if lower not in words.unnamed_party_nouns or i in build.token_keys:
            continue
        tok = build.doc[i]
        article = next((c for c in tok.children if c.dep_ == "det" and c.i < i), None)
        if tok.tag_ != SINGULAR or article is None or article.lower_ not in words.indefinite_articles:
            continue
        if not _party(tok) or any(build.token_keys.get(k) is not None for k in range(article.i, i)):
            continue
        name = build.doc[article.i + 1 : i + 1].text
        country = build.context.country_before(tok.idx) or build.context.scene_country
        key = ("P", "", name.lower())
        build.add_tokens(key, build.groups.get(key) or Group(name, "person", country, None), range(article.i, i + 1))


def _party(tok: Token) -> bool:
    """Whether a noun is the subject of a verb or the agent of a passive one ("was attacked by a bystander")."""
    return tok.dep_ in SUBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
