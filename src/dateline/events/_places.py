"""An event's place: where its own clause says it happens, else the article's main place.

An event takes, in order:

1. the place named on its own clause after a preposition of location ("talks
   in Hamburg", "a news conference in Warsaw, Poland"), or named as a modifier
   of its own event noun ("a Kabul car bombing"); a place after "on", "about",
   "over" or "to" is a topic or a destination ("talks on North Korea"), a
   place inside a party's name is the party's ("the mayor of London"), and a
   region that qualifies the town before it is no place of its own ("England"
   in "in London, England");
2. the nearest such place of the sentence, else a place naming the act that is
   the trigger's subject ("a Mosul car bombing killed six");
3. the dateline place when the sentence points at it ("officials here said");
4. (in the stage) a visit's destination, or the place a governor or mayor
   who is the actor governs, named in the actor's mentions ("Utah's
   governor"), or the place of the same actor's event of the same date in
   the sentence before, else, for an event of the story's time, the place
   the sentence or two before says something happens in (:func:`stated_place`:
   "Protesters gathered outside the White House. They threatened ...");
5. the article's main place (:func:`main_place`): its dateline's, else the
   place its lead says the story happens in, else the place it names most
   often, when one stands out. A single-city story happens in that city; a
   story about one country, in that country; a story the lead places in a
   town of the country named most often ("United States", counted in every
   "U.S. President"), in that town; of two places named equally often, the
   story is in the one its lead names.

A place where something happens is the object of a preposition of location,
the place a relative clause of place describes ("flew to Leeds, where she
met the mayor": what the clause tells happens there), or the place a visit
goes to ("the minister visited Denver": the scene of the sentence and the
next two).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.events._context import nearest, own_clause, pick
from dateline.events._lexicon import Words
from dateline.records import Article, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = ["COUNTRY", "dateline_place", "event_place", "lead_place", "main_place", "of_subject", "of_trigger",
           "stated_place"]

#: How far into the article a dateline place may start (characters): "HAMBURG, Germany (AP) --".
DATELINE_WINDOW = 80
#: How far after the dateline place its closing mark may come (characters): room for a country and
#: an agency ("HAMBURG, Germany (AP) --"). Set by hand on datelines of news agencies, like the one above.
DATELINE_MARK_WINDOW = 40
#: Words climbed from a place name to the preposition that introduces it ("in the north of the
#: Syrian province of Idlib"). Set by hand; 4 or 12 code the same events on those texts.
MAX_PLACE_CLIMB = 6
#: Fewest mentions that make a place an article's main place: a place named once is a detail. Set by
#: hand on the shared Wikinews corpus (a single-city story names its city three times or more).
MIN_MAIN_MENTIONS = 2
#: The gazetteer's feature type of a country (:class:`dateline.records.Place`).
COUNTRY = "country"
#: Dependencies of a place name that modifies a noun ("U.S. President", "Moscow's backing").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


def dateline_place(article: Article, words: Words) -> Place | None:
    """The place of an article's dateline ("HAMBURG, Germany (AP) --"), if it opens with one."""
    for place in article.places:
        if place.span.start > DATELINE_WINDOW:
            break
        after = article.text[place.span.end:place.span.end + DATELINE_MARK_WINDOW]
        if any(mark in after for mark in words.dateline_marks):
            return place
    return None


def main_place(article: Article, words: Words, lead: Sequence[TokenSpan] = ()) -> Place | None:
    """The article's main place: its dateline's; else the place its ``lead`` (the head sentences) first says
    something happens in, finer than a country (:func:`lead_place`), when the article names no place most often
    or the one it names most often is that place's country ("United States", counted in every "U.S.
    President"); else the resolved place it names most often (:func:`_most_named`)."""
    home = dateline_place(article, words)
    if home is not None:
        return home
    common = _most_named(article, lead)
    first = lead_place(article, words, lead)
    if first is not None and (common is None or (common.feature == COUNTRY and common.country == first.country)):
        return first
    return common


def _most_named(article: Article, lead: Sequence[TokenSpan]) -> Place | None:
    """The resolved place the article names most often (at least :data:`MIN_MAIN_MENTIONS` times), at its first
    mention; of several named equally often, the first, when the ``lead`` names it ("the government of Norway
    closed all schools" ... "Norway's teachers" ... "Canada" twice): the story is where its lead is."""
    counts = Counter((p.name, p.country) for p in article.places if p.country)
    ranked = counts.most_common(1)
    if not ranked or ranked[0][1] < MIN_MAIN_MENTIONS:
        return None
    top = {key for key, n in counts.items() if n == ranked[0][1]}
    first = next(p for p in article.places if (p.name, p.country) in top)
    if len(top) == 1 or (lead and first.span.end <= lead[-1].end_char):
        return first
    return None


def lead_place(article: Article, words: Words, lead: Sequence[TokenSpan]) -> Place | None:
    """The first place the ``lead`` sentences say something happens in, finer than a country ("Police shot
    a man in Leeds, England", not "the U.S. President"): the place of the story the article reports."""
    if article.doc is None or not lead:
        return None
    start, end = lead[0].start_char, lead[-1].end_char
    return next((p for p in article.places if start <= p.span.start and p.span.end <= end and p.country
                 and p.feature != COUNTRY and not _modifier(article.doc, p)
                 and _located(article.doc, p, words)), None)


def _root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _modifier(doc: Doc, place: Place) -> bool:
    """A place name used as a modifier ("U.S. President", "U.S.-Russia relations", "Moscow's backing")."""
    root = _root(doc, place)
    return root is None or root.dep_ in _MODIFIER_DEPS


def _located(doc: Doc, place: Place, words: Words) -> bool:
    """A place that says where something happens: the object of "in", "at", "near" ... ("talks in
    Hamburg", "a news conference in Warsaw, Poland"), not of "on", "about", "over" or "to" (the topic
    or a destination: "talks on North Korea", "a new approach to Moscow"); a place a relative clause of
    place describes ("Leeds, where she met the mayor"); the object of a verb of visiting ("visited
    Denver")."""
    tok = _root(doc, place)
    if tok is None:
        return False
    for _ in range(MAX_PLACE_CLIMB):
        if _scene_of_relative(tok, words):
            return True
        if tok.dep_ in ("compound", "appos", "conj", "flat", "nmod") and tok.head.i != tok.i:
            tok = tok.head  # "Hamburg, Germany"; "the Krasinski Square"
        elif (tok.dep_ == "pobj" and tok.head.lower_ in words.partitive_prepositions
              and tok.head.head.pos_ in ("NOUN", "PRON", "NUM")):
            tok = tok.head.head  # "in parts of Kashmir", "in the north of Syria"
        elif tok.dep_ == "pobj":
            return tok.head.lower_ in words.locative_prepositions
        else:
            return tok.dep_ == "dobj" and tok.head.lemma_.lower() in words.visiting_verbs
    return False


def _scene_of_relative(tok: Token, words: Words) -> bool:
    """A place that a relative clause of place describes ("flew to Leeds, where she met the mayor"), also
    through the region that qualifies it ("Leeds, England, where ..."): what the clause tells happens there."""
    named = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    return any(c.dep_ == "relcl" and any(w.lower_ in words.place_relatives and w.dep_ == "advmod"
                                         for w in c.children) for t in named for c in t.children)


def of_trigger(doc: Doc, place: Place, trigger: Token) -> bool:
    """A place name that modifies the event noun itself ("a Kabul car bombing", "the Paris talks")."""
    root = _root(doc, place)
    if root is None or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = root
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.i != trigger.i:
        tok = tok.head  # "a Kabul car bombing": Kabul -> car -> bombing
    return tok.dep_ in _MODIFIER_DEPS and tok.head.i == trigger.i


#: Features of a place that may qualify the name before it ("London, England", "Reading, Berkshire, UK").
_QUALIFIER_FEATURES = frozenset({"country", "admin1", "admin2", "region"})


def _qualifier(doc: Doc, place: Place, others: Sequence[Place]) -> bool:
    """A place that only says where the place named right before it lies ("England" in "London, England"):
    the event happens in the more precise one."""
    if place.feature not in _QUALIFIER_FEATURES or place.country is None:
        return False
    return any(o.span.end < place.span.start and o.country == place.country and o.feature != "country"
               and _comma_between(doc, o.span.end, place.span.start) for o in others)


def _comma_between(doc: Doc, start: int, end: int) -> bool:
    """Whether only a comma (and space) lies between the two offsets, read from the tokens there (the doc's whole
    text is rebuilt on each read, too dear for every candidate)."""
    if end - start > 8:
        return False
    gap = doc.char_span(start, end, alignment_mode="expand")
    return gap is not None and [t.text for t in gap if not t.is_space] == [","]


def event_place(doc: Doc, places: Sequence[Place], trigger: Token, sentence: TokenSpan, home: Place | None,
                parties: Sequence[tuple[int, int]], words: Words) -> Place | None:
    """The sentence's place introduced by a locative preposition on the trigger's clause (or nearest), or
    naming the event noun, not inside one of the event's parties; else the dateline place when the
    sentence says "here"."""
    free = [p for p in places if not any(a <= p.span.start and p.span.end <= b for a, b in parties)]
    own = [p for p in free if of_trigger(doc, p, trigger)]
    if own:
        return own[0]
    best = stated_place(doc, free, trigger, words)
    if best is not None:
        return best
    subject = [p for p in places if of_subject(doc, p, trigger)]  # the act itself may stand as the party
    if subject:
        return subject[0]
    if home is not None and any(t.lower_ in words.here_words for t in sentence):
        return home
    return None


def stated_place(doc: Doc, places: Sequence[Place], trigger: Token, words: Words) -> Place | None:
    """The place introduced by a locative preposition on the trigger's clause, else the nearest such place
    of the sentence ("Protesters gathered outside the White House"), never a modifier ("the Leeds police")
    nor a region that qualifies the town before it."""
    usable = [p for p in places if not _modifier(doc, p) and _located(doc, p, words)]
    usable = [p for p in usable if not _qualifier(doc, p, usable)]
    spans = [(p.span.start, p.span.end) for p in usable]
    best = pick(doc, spans, own_clause(trigger), trigger.idx) if spans else None
    if best is None and spans:
        best = nearest(spans, trigger.idx)
    return None if best is None else usable[best]


def of_subject(doc: Doc, place: Place, trigger: Token) -> bool:
    """A place name that modifies the noun of an act that is the trigger's subject ("a Kabul car bombing
    killed five"): the act happened there."""
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return any(of_trigger(doc, place, s) for s in subjects)
