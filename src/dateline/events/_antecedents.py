"""The body a subject "they" or "the party" stands for, when the sentences just before name one.

"Police arrested a man. They released him." and "The Green Party met in Denver. The party nominated Ann Lee"
name the doer in a word that is no name: the actors stage links no actor to "they" or "the party", so the
act has no known doer. The doer is the one body (an organization, a group or a country, never a person)
named in the two sentences before or earlier in the act's own sentence that fits the word: any such body for
a pronoun of ``body_pronouns`` ("they"), one whose name ends in the noun for a definite noun alone ("the
council": the Minneapolis City Council). Where two bodies could be meant, none is taken; nor where the word
stands in a quotation ('she said "they raped me"': the speaker's own word). On wikinews-train this gives 3
core events of 2 articles and 3 other right ones (one wrong), on wikinews-dev none either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._lexicon import Words
from dateline.events._quotation import inside_quotation
from dateline.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["antecedent"]

#: Sentences before the act's own in which the body a subject stands for is looked for. Set by hand on
#: wikinews-train: "Police arrested a man. They released him. On Saturday they arrested another."
SENTENCES_BACK = 2
#: Kinds of actor that "they" or "the party" stand for: bodies, not persons.
_BODIES = frozenset({"organization", "group", "country"})
#: Dependency labels of a subject: only a doer is looked for.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def antecedent(article: Article, token: Token, words: Words) -> str | None:
    """The id of the one body the subject ``token`` stands for: a pronoun of ``words.body_pronouns``, or a
    definite common noun alone ("the party") that the body's name ends in; None when no body or more than one
    fits, or when ``token`` is no subject or is quoted."""
    if token.dep_ not in _SUBJECTS or inside_quotation(token):
        return None
    if token.lower_ in words.body_pronouns:
        fits = None
    elif token.pos_ == "NOUN" and all(c.dep_ == "det" and c.lower_ in words.definite_determiners
                                      for c in token.children) and any(True for _ in token.children):
        fits = token.lemma_.lower()
    else:
        return None
    start = _sentences_back(token).start_char
    found = {a.id for a in article.actors if a.kind in _BODIES and _named_between(a.mentions, start, token.idx)
             and (fits is None or a.name.lower().split()[-1:] == [fits])}
    return found.pop() if len(found) == 1 else None


def _sentences_back(token: Token) -> TokenSpan:
    """The sentence :data:`SENTENCES_BACK` sentences before the token's own (the first of the text when fewer
    come before), stepping back from sentence to sentence in place of listing the whole text's."""
    sentence = token.sent
    for _ in range(SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    return sentence


def _named_between(mentions: tuple[Span, ...], start: int, end: int) -> bool:
    """Whether one of an actor's mentions lies whole between the characters ``start`` and ``end``."""
    return any(start <= m.start and m.end <= end for m in mentions)
