"""Stances no one is said to hold, and reasons that are no part of what is held.

A reported stance ("X believes ...", "X wants to ...") is an attribution only
when the text says that its source holds it. The stage's rules and its model
both read a cue and a subject; this module reads, after both, what they do not:

- a relative pronoun as the holder ("people who want to wear it", "which",
  "that") with no actor behind it: a restrictive clause tells what kind of
  people or things are meant, not what someone holds; and a pronoun for no one
  as the subject of "be" ("it's a suspicion that ..."), or "you" ("you know
  those are just names");
- a cue in the infinitive of a verb of needing or directing ("we need to think
  about models", "residents were advised to expect ...", "urged them to
  reject ..."): it tells what someone should hold, not what they hold;
- a cue in a condition ("if you want to do it", "if I had an idea about ..."):
  a stance supposed, not held;
- a verb of evidence whose subject is a thing ("the footage showed ...", "a
  photo showing ...", "he was found under rubble"): the thing holds nothing;
- a verb of a mind whose holder is a thing ("these findings support ...",
  "the plane intending to land", "one thing people remember about him"): a
  thing wants, hopes and remembers nothing;
- people at large in the present tense ("people think it is horrendous",
  "everybody wants to attack you"): a habit of everyone, what the speaker
  holds of people, not a stance someone is said to hold;
- a courtesy ("I would like to ask you about ..."): the speaker asks as they
  speak, and holds no stance.

A clause of reason the cue governs ("decided to reject the term because I want
...", "expected that, because I am against ...") says why the stance is held,
not what it is: the content ends before it. A content that holds its own cue
("In his view, the centres are ...") starts after it, a passive's excepted, unless the cue modifies a
noun of the content ("The planet they found was ...": no report at all, nor is "was ..." alone).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.quotes._lexicon import Lexicon
from dateline.quotes._stance import is_agent
from dateline.quotes._types import finite
from dateline.records import Article, Quote, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["held", "unheld", "without_own_cue", "without_reason"]

#: Dependencies that open a clause of its own: a walk up from a cue stops at the head of its clause.
_CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
#: Dependencies of a grammatical subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _first_token(doc: Doc, extent: Span | None) -> Token | None:
    """The first token of ``extent``, or None when there is none."""
    if extent is None:
        return None
    span = doc.char_span(extent.start, extent.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue(doc: Doc, quote: Quote) -> Token | None:
    """The first token of ``quote``'s cue, or None when it has none."""
    return _first_token(doc, quote.cue)


def _relative_holder(doc: Doc, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether the speaker is a relative pronoun that stands for no one: "which" or "that" for a thing (or for
    nothing the parser found), or "who" for people at large ("people who want to wear it"; not "people from
    Tanzania, who knew that ...", set off by a comma: those are people the text tells of)."""
    if quote.speaker_span is None:
        return False
    word = quote.speaker_span.text.strip().lower()
    if word not in lexicon.relative_pronouns:
        return False
    pronoun = _first_token(doc, quote.speaker_span)
    referent = pronoun.head.head if pronoun is not None and pronoun.head.dep_ == "relcl" else None
    if referent is None:
        return word in lexicon.not_agents
    if word in lexicon.not_agents:
        return not is_agent(referent, lexicon) and not referent.ent_type_ and quote.speaker is None
    restrictive = pronoun is not None and pronoun.i > 0 and not doc[pronoun.i - 1].is_punct
    return restrictive and referent.lemma_.lower() in lexicon.generic_people


def _anyone(quote: Quote, lexicon: Lexicon) -> bool:
    """Whether the speaker is "you": anyone at all ("you know those are just names") or the one addressed, whose
    stance the speaker supposes; the learned model's stances drop it too."""
    return quote.speaker_span is not None and quote.speaker_span.text.strip().lower() in lexicon.addressee_pronouns


#: Tags of a verb in the present tense.
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})


def _people_at_large(doc: Doc, quote: Quote, cue: Token, lexicon: Lexicon) -> bool:
    """Whether the holder is people at large, a bare word of ``generic_people`` ("people think it is
    horrendous", "everybody wants to attack you", "everyone is afraid of it"), in the present tense: a habit
    of everyone is what the speaker holds of people, not a stance someone is said to hold. A holder with words of
    its own stays ("most people", "people using older hardware"), and so does one in the past ("everyone criticized
    the plan as ...": a report of what was said)."""
    span = quote.speaker_span
    if span is None or quote.speaker is not None:
        return False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) != 1 or words[0].lower_ not in lexicon.generic_people:
        return False
    if any(c.dep_ not in ("advmod", "neg") for c in words[0].children):
        return False  # "people using older hardware": the text says which people
    verb = cue
    while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = verb.head  # "people start to see", "everyone is afraid"
    return verb.tag_ in _PRESENT_TAGS or any(c.dep_ == "aux" and c.tag_ in _PRESENT_TAGS for c in verb.children)


def _dummy_holder(doc: Doc, quote: Quote, cue: Token, lexicon: Lexicon) -> bool:
    """Whether the speaker is a pronoun for no one, the subject of "be" ("it's a suspicion that ...", "it's the core
    idea of ...", "it's important to understand that ..."): the copula tells what a thing is, and no one is said to
    hold the cue's stance. A cue adjective of the copula stays ("it is concerned that ...": an organization)."""
    if quote.speaker_span is None or quote.speaker_span.text.strip().lower() not in lexicon.not_agents \
            or cue.pos_ == "ADJ":
        return False
    pronoun = _first_token(doc, quote.speaker_span)
    return pronoun is not None and pronoun.dep_ in _SUBJECTS and pronoun.head.lemma_ == "be"


def _directed(cue: Token, lexicon: Lexicon) -> bool:
    """Whether the cue is the infinitive of a verb of needing or directing ("need to think", "advised to expect")."""
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lexicon.directive_verbs \
        and any(c.tag_ == "TO" for c in cue.children)


def _courtesy(cue: Token, lexicon: Lexicon) -> bool:
    """Whether the cue makes a courtesy: a verb of wanting after a modal of courtesy, before a verb of speech ("I
    would like to ask you about ...", "anything else they'd like to add"): the speaker asks or adds as they speak,
    and holds no stance."""
    return cue.lemma_.lower() in lexicon.courtesy_verbs \
        and any(c.dep_ == "aux" and c.lower_ in lexicon.courtesy_modals for c in cue.children) \
        and any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.speaking_words for c in cue.children)


def _supposed(cue: Token, lexicon: Lexicon) -> bool:
    """Whether the cue lies in a condition ("if you want to ...", "if I had an idea ..."): up to the head of
    its clause, a word on the way is opened by a conditional mark. A verb joined with a subject of its own opens a
    clause of its own ("unless you want more, but I think it is plenty")."""
    token = cue
    while True:
        if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in token.children):
            return True
        if token.dep_ in _CLAUSE_HEADS or token.head.i == token.i \
                or (token.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in token.children)):
            return False
        token = token.head


def _thing_shows(cue: Token, lexicon: Lexicon) -> bool:
    """Whether a verb of evidence tells what a thing depicts ("the footage showed the vehicle burn", "a photo
    showing him standing") or is a passive with no agent ("he was found under rubble"), with no finite clause
    it governs: what is shown is a scene, held by no one. A finding ("the data show that turnout fell") stays, and
    so does what a study or a poll shows (``finding_nouns``)."""
    if cue.lemma_.lower() not in lexicon.evidence_verbs or _finite_after(cue):
        return False
    if any(c.dep_ == "auxpass" for c in cue.children):
        return not any(c.dep_ == "agent" for c in cue.children)
    subject = next((c for c in cue.children if c.dep_ in _SUBJECTS), None)
    if subject is None and cue.dep_ == "acl":
        subject = cue.head  # "a photo showing ...": the photo shows
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and not is_agent(subject, lexicon) \
        and not subject.ent_type_ and subject.lemma_.lower() not in lexicon.finding_nouns


def _finite_after(cue: Token) -> bool:
    """Whether a clause the cue governs is finite ("showed that turnout fell", "show voters fear", "most voters
    stayed home, the analysis shows")."""
    return any(child.dep_ in ("ccomp", "xcomp", "advcl") and finite(child) for child in cue.children)


def _may_hold(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token``, a holder's head or a word joined to it, may name someone: a pronoun, a name (an entity or a
    capitalised word the tagger took for a common noun), an agent, a finding, people at large, or a doer."""
    lemma = token.lemma_.lower()
    return token.pos_ != "NOUN" or bool(token.ent_type_) or not token.is_lower or is_agent(token, lexicon) \
        or lemma in lexicon.finding_nouns or lemma in lexicon.generic_people \
        or lemma.endswith(tuple(lexicon.doer_endings))


def _thing_holds(doc: Doc, quote: Quote, cue: Token, lexicon: Lexicon) -> bool:
    """Whether the holder of a stance of mind (``mind_verbs``: "want", "hope", "remember", "support") is a thing
    ("these findings support the hypothesis", "the plane intending to land", "one thing people remember"): a thing
    has no mind, and the stance is no one's. A holder linked to an actor stays, and so does one that may name
    someone (:func:`_may_hold`), or has such a word joined to it ("my sisters and I understood ...")."""
    if quote.speaker is not None or quote.speaker_span is None or cue.lemma_.lower() not in lexicon.mind_verbs:
        return False
    span = doc.char_span(quote.speaker_span.start, quote.speaker_span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    return not any(_may_hold(t, lexicon) for t in (head, *head.conjuncts))


def unheld(doc: Doc, quote: Quote, cue: Token | None, lexicon: Lexicon) -> bool:
    """Whether a reported stance tells no stance its source holds (see the module; ``cue``: the first token of its
    cue, :func:`_cue`)."""
    if quote.kind != "stance" or quote.direct:
        return False
    if _relative_holder(doc, quote, lexicon) or _anyone(quote, lexicon):
        return True
    return cue is not None and (_directed(cue, lexicon) or _supposed(cue, lexicon) or _thing_shows(cue, lexicon)
                                or _courtesy(cue, lexicon)
                                or _dummy_holder(doc, quote, cue, lexicon) or _thing_holds(doc, quote, cue, lexicon)
                                or _people_at_large(doc, quote, cue, lexicon))


def without_reason(doc: Doc, text: str, quote: Quote, cue: Token | None, lexicon: Lexicon) -> Quote:
    """``quote`` with its content ending before a clause of reason its cue (``cue``) governs ("decided to go |
    because ..."), when the content runs over one and holds words before it (``text``: the article's text)."""
    if cue is None or quote.direct or quote.kind != "stance":
        return quote
    governors = {cue.i} | ({cue.head.i} if cue.dep_ == "xcomp" else set())
    for clause in doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand") or ():
        if clause.dep_ != "advcl" or (clause.head.i not in governors
                                      and not (clause.head.dep_ == "xcomp" and clause.head.head.i == cue.i)):
            continue
        mark = clause.left_edge
        if mark.lower_ not in lexicon.reason_marks or mark.idx <= quote.content.start:
            continue
        before = doc[mark.i - 1]
        while before.is_punct and before.i > 0:
            before = doc[before.i - 1]
        end = before.idx + len(before.text)
        if end > quote.content.start:
            return replace(quote, content=make_span(text, quote.content.start, end))
    return quote


#: Dependencies of a cue that modifies a noun of its own content ("The planet they found was ...", "SpaceX, backed
#: by Elon Musk, is ..."): the content is then a sentence about that noun, not what the cue reports.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})


def _own_cue(quote: Quote) -> bool:
    """Whether a reported stance's content holds its own cue ("In his view, X", "He is widely suspected of Y")."""
    return quote.cue is not None and not quote.direct and quote.content.start <= quote.cue.start < quote.content.end


def _past_noun_clause(text: str, quote: Quote, cue: Token) -> bool:
    """Whether a stance's cue modifies a noun before it and its content lies past the cue's clause, with no colon
    between: the content is then what the sentence says of that noun ("The comet they found | was a ball of ice")."""
    if cue.dep_ not in _NOUN_CLAUSES or cue.head.i > cue.i or quote.direct:
        return False
    end = cue.right_edge.idx + len(cue.right_edge)
    return quote.content.start >= end and ":" not in text[end:quote.content.start]


def without_own_cue(text: str, quote: Quote, cue: Token | None) -> Quote | None:
    """``quote`` with a content that holds its own cue cut to what follows the cue ("In his view, | the centres are
    ..."; not a passive's: "The theorem is believed to be false" is what is believed), or None when the cue
    modifies a noun of the content ("The planet they found was ...", or only "was ..." after the cue's clause) or
    nothing follows it: the content is then no report of the cue."""
    if cue is not None and _past_noun_clause(text, quote, cue):
        return None
    if cue is None or quote.cue is None or not _own_cue(quote) \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return quote  # "The theorem is believed to be false": a passive's subject is part of what is held
    if cue.dep_ in _NOUN_CLAUSES:
        return None
    start = quote.cue.end
    while start < quote.content.end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    if len(text[start:quote.content.end].split()) < 2:
        return None
    return replace(quote, content=make_span(text, start, quote.content.end))


def held(article: Article, quotes: list[Quote], lexicon: Lexicon) -> list[Quote]:
    """``quotes`` of ``article`` less the stances no one holds (:func:`unheld`), each stance without its clause of
    reason (:func:`without_reason`)."""
    doc = article.doc
    if doc is None:
        return quotes
    kept: list[Quote] = []
    for quote in quotes:
        cue = _cue(doc, quote)  # its first token, found once: the cue's offsets stay as the content is cut
        if unheld(doc, quote, cue, lexicon):
            continue
        quote = without_reason(doc, article.text, quote, cue, lexicon)
        cut = without_own_cue(article.text, quote, cue) if quote.kind == "stance" else quote
        if cut is not None:
            kept.append(cut)
    return kept
