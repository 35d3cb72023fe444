"""Whether a stance the rules or the model found tells of a deed of its agent rather than a position.

PolNeAR marks many deeds as attributions ("the judge sentenced him to ...",
"officials cleared the area", "sought the nomination", "continued as a
performer", "saw people queuing", "celebrated his birthday"); the stage keeps
them as kind ``act`` (:func:`acted`). The kind a cue word gives is read in
:mod:`dateline.quotes._reading`.
"""

from __future__ import annotations

from spacy.parts_of_speech import AUX, VERB

from dateline.quotes._arrays import Arrays
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._reading import cue_kind, cue_token, word_kind
from dateline.quotes._types import finite
from dateline.records import Quote

__all__ = ["acted"]

_VERBS = frozenset({VERB, AUX})
#: Labels of a clause inside a content: its subject, or the clause complement of the cue.
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "ccomp", "xcomp"})


def acted(a: Arrays, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether a reported stance tells of a deed of its agent, not a position: its cue is in no list of speech,
    belief, attitude, intention or judgement ("the judge sentenced him to ...", "the council abolished the
    rule", "she photographed the event"), is a verb whose lemma is a word of stance only as an adjective
    ("officials cleared the area", :func:`_other_word`), is a verb of thought with a thing, not a clause,
    after it ("understood the inner workings", "showed promise": what it dealt with, not a view) or a verb of
    pursuit with one ("sought the nomination": going after it, where "sought to ..." is an intention), a verb of
    going on whose content is no word of speech or stance ("continued as a performer", :func:`_goes_on`), or a
    verb of seeing with no finite clause after it ("saw people queuing": what was seen, :func:`_finite`), or a
    verb of celebrating an occasion ("celebrated his birthday", :func:`_occasion`).
    PolNeAR marks these as attributions, so the stage keeps them, as kind ``act``."""
    cue = cue_token(a, quote)
    if quote.kind != "stance" or quote.direct or quote.cue is None or cue is None:
        return False
    lemma = a.doc[cue].lemma_.lower()
    if lemma in lexicon.feeling_verbs:
        return False  # "the verdict angered his lawyers": what they feel, read by the rules alone
    return cue_kind(a, quote.cue.text.lower(), cue, lexicon) is None or _other_word(a, cue, lexicon) \
        or ((lemma in lexicon.object_topic_verbs or lemma in lexicon.pursuit_verbs) and not _clause_content(a, quote)) \
        or (lemma in lexicon.continuation_verbs and _goes_on(a, quote, lexicon)) \
        or (lemma in lexicon.perception_verbs and not _finite(a, quote)) \
        or (lemma in lexicon.occasion_verbs and _occasion(a, quote, lexicon))


def _occasion(a: Arrays, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether what a verb of celebrating reports is an occasion ("celebrated the anniversary of the festival",
    "to celebrate a birthday"): a festivity held, not a stance, as "celebrated the ruling" is."""
    return any(a.doc[i].lemma_.lower() in lexicon.occasion_nouns for i in _heads(a, quote))


def _heads(a: Arrays, quote: Quote) -> list[int]:
    """The tokens of ``quote``'s content whose head lies outside it (or is themselves): the content's own heads."""
    start, end = a.token_range(quote.content.start, quote.content.end)
    return [i for i in range(start, min(end, a.n)) if not start <= int(a.at.head[i]) < end or int(a.at.head[i]) == i]


def _goes_on(a: Arrays, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether what a verb of going on reports is no word of speech or stance: "continued as a performer", "protests
    continued across the nation", not "continued his criticism of the plan" (the criticism is the stance)."""
    return all(word_kind(a.doc[i].lemma_.lower(), lexicon) is None for i in _heads(a, quote))


def _finite(a: Arrays, quote: Quote) -> bool:
    """Whether ``quote``'s content is a finite clause ("there were no differences", "they do switch"), not a thing
    or a small clause ("people queuing", "a star forming", "it face-on")."""
    return any(finite(a.doc[i]) for i in _heads(a, quote))


def _clause_content(a: Arrays, quote: Quote) -> bool:
    """Whether ``quote``'s content holds a clause (a subject, or a head that is a verb or a clause complement:
    "maybe you misheard", "at present, women suffer"), not only a thing ("the inner workings")."""
    start, end = a.token_range(quote.content.start, quote.content.end)
    end = min(end, a.n)
    for i in range(start, end):
        root = not start <= int(a.at.head[i]) < end or int(a.at.head[i]) == i
        if a.dep_(i) in _CLAUSE_DEPS or (root and a.at.pos[i] in _VERBS):
            return True
    return False


def _other_word(a: Arrays, cue: int, lexicon: Lexicon) -> bool:
    """Whether the cue is a verb whose lemma is a word of stance only as an adjective ("officials cleared the
    area", "the delay upset the schedule": "clear" and "upset" as in "is clear that ...", "was upset about ...")."""
    lemma = a.doc[cue].lemma_.lower()
    if a.at.pos[cue] != VERB or lemma in lexicon.light_verbs:
        return False
    return lemma in lexicon.cue_adjectives and lemma not in lexicon.verbal_cues
