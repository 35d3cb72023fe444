"""Detection: the spans of a spaCy ``Doc`` that name places.

Two sources: the model's GPE, LOC and FAC entities, cleaned ("the", "'s" and
punctuation trimmed; split at commas; words that are never places, demonyms
and lower-case fragments such as "n't" dropped), and gazetteer matches of
proper-noun sequences outside any entity, kept only when the entry is a
country, US state, region or large city, so that a capitalized common word is
not taken for a village of the same name.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.places._context import from_place
from dateline.places._cues import (
    coordinated,
    datelines,
    division_lists,
    party_homes,
    province_names,
    qualified_heads,
    qualifiers_of,
)
from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._inside import (
    CONTAINER_LABELS,
    MISTAGGED_LABELS,
    Sources,
    gazetteer_matches,
    inside_unknown,
    record_span,
)
from dateline.places._names import (
    FIRM_SOURCES,
    LAYOUT_SOURCES,
    NUMBER_LABELS,
    PLACE_LABELS,
    common_word,
    decisive_entry,
    entity_pieces,
    in_context,
    person_only,
    state_or_city,
    strong,
)
from dateline.places._use import for_government, headline, means_state, names_a_thing, subject_of
from dateline.places._words import UseWords
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan

__all__ = ["PLACE_LABELS", "Found", "find_mentions"]

#: The entity label of people's names.
_PERSON = "PERSON"


@dataclass(frozen=True)
class Found:
    """A place mention: its source, whether the text means a state by it ("upstate New York"), the name to look up
    when not its text ("Clay" in "Clay and Wilkin counties"), whether it is as firm as a place entity."""

    source: str
    state: bool = False
    name: str | None = None
    firm: bool = False


def find_mentions(doc: Doc, gazetteer: Gazetteer, text: str | None = None,
                  ents: Sequence[TokenSpan] | None = None) -> dict[Span, Found]:
    """Place mentions in ``doc``, in text order, with where each came from.

    The source is the entity label (``GPE``, ``LOC``, ``FAC``, or a mistagged
    ``ORG``/``PERSON``/``NORP``), ``embedded`` for a place name inside a longer
    entity ("the Minnesota Department of Transportation", "Northeast Georgia"),
    ``gazetteer``, ``conjoined`` for a name listed with a place ("Fargo, Moorhead
    and Grand Forks") or one of the layout's (``dateline``, ``list``,
    ``qualified``, ``party``, ``province``). Names the article also uses as a person's surname
    ("Bush", "Tyler") are left out, and so are names the text uses for
    something else (:mod:`dateline.places._use`). ``text`` is the text the doc
    was parsed from (its ``doc.text``), when the caller has it, and ``ents`` its entities (``doc.ents``, which
    spaCy builds anew on each call).
    """
    ents = doc.ents if ents is None else ents
    spans, covered, unknown = _from_entities(ents, gazetteer)
    # "in Glen Carbon" tagged as a person: the words around it place it, so it is no person's name here.
    placed_people = {span.text for span, source in spans.items() if source == _PERSON}
    known = {gazetteer.key(span.text) for span in spans}
    for entity, label, pieces in unknown:
        spans.update(inside_unknown(entity, label, gazetteer, known, pieces))
    spans.update((span, "gazetteer") for span in gazetteer_matches(doc, gazetteer, covered, known))
    person = person_only(doc, gazetteer, placed_people, ents)
    tokens = _Tokens(doc)
    kept = {_longer(tokens, span, gazetteer): source for span, source in spans.items() if not person(span)}
    text = doc.text if text is None else text  # spaCy builds doc.text anew on each call, token by token
    named = dict(division_lists(doc, text, gazetteer))
    layout = {span: "dateline" for span in datelines(text, gazetteer)} | dict.fromkeys(named, "list")
    layout |= dict.fromkeys(party_homes(text, gazetteer), "party")
    layout |= dict.fromkeys(province_names(doc, gazetteer), "province")  # "Borno State"
    # the names of a list of divisions ("Becker, Clay, Douglas and Grant counties") qualify none of each other
    heads = qualified_heads(doc, text, [span for span in [*kept, *layout] if span not in named], gazetteer)
    layout |= {span: "qualified" for span in heads if span not in kept and span not in named}
    for span, source in layout.items():
        kept = {old: found for old, found in kept.items() if old.end <= span.start or old.start >= span.end}
        kept[span] = source
    firm = [span for span, source in kept.items() if source in FIRM_SOURCES]
    kept |= dict.fromkeys(coordinated(doc, firm, _token_indices(tokens, kept), gazetteer), "conjoined")
    for span, name in qualifiers_of(text, [span for span in kept if span not in named], gazetteer):
        # "W.Va." in "CHARLESTON, W.Va. --"
        kept = {old: found for old, found in kept.items() if old.end <= span.start or old.start >= span.end}
        kept[span] = "qualified"
        named[span] = name
    found = _as_used(tokens, gazetteer, kept)
    return {span: replace(found[span], name=named.get(span)) for span in sorted(found, key=lambda s: (s.start, s.end))}


class _Tokens:
    """The tokens of a doc over each record span, found once per span (a mention's are asked for at each step)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._found: dict[tuple[int, int], TokenSpan | None] = {}

    def over(self, span: Span) -> TokenSpan | None:
        """The tokens ``span`` touches (``Doc.char_span``, expanded), or None."""
        where = (span.start, span.end)
        if where not in self._found:
            self._found[where] = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return self._found[where]


def _token_indices(tokens_of: _Tokens, spans: Iterable[Span]) -> set[int]:
    """The indices of the tokens the spans cover."""
    covered: set[int] = set()
    for span in spans:
        tokens = tokens_of.over(span)
        if tokens is not None:
            covered.update(range(tokens.start, tokens.end))
    return covered


#: Most words after a name that may complete a longer name of a region ("Baltic" + "states").
MAX_EXTENSION_TOKENS = 2


def _longer(tokens_of: _Tokens, span: Span, gazetteer: Gazetteer) -> Span:
    """The span, with the words after it when they make the name of a region ("the Baltic states"), or with
    the proper nouns beside it when they make a longer place name the gazetteer knows ("Belle" + "Plaine",
    "New" + "Concord", "Kansas" + "City")."""
    doc, tokens = tokens_of.doc, tokens_of.over(span)
    if tokens is None:
        return span
    for n in range(MAX_EXTENSION_TOKENS, 0, -1):
        end = tokens.end + n
        if end > len(doc) or any(t.is_sent_start or t.is_punct or t.is_space for t in doc[tokens.end : end]):
            continue
        longer = doc[tokens.start : end]
        if any(e.feature == "region" for e in gazetteer.lookup(longer.text)):
            return record_span(longer)
    decisive: bool | None = None  # looked up only for a widening by a common word, which few names have
    for start, end in _widenings(doc, tokens):
        longer = doc[start:end]
        added = [t for t in longer if t.i < tokens.start or t.i >= tokens.end]
        if any(common_word(doc[t.i : t.i + 1], gazetteer) for t in added):
            if decisive is None:
                decisive = any(decisive_entry(e) for e in gazetteer.lookup(span.text) if not e.alias)
            if not decisive:
                continue  # "Dublin City Council" is Dublin's council, not Dublin City
        if any(not e.alias for e in gazetteer.lookup(longer.text)):
            return record_span(longer)
    return span


def _widenings(doc: Doc, tokens: TokenSpan) -> Iterator[tuple[int, int]]:
    """Token ranges around ``tokens`` widened by proper nouns of the same sentence, longest first."""
    def proper(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()

    right = 0
    while right < MAX_EXTENSION_TOKENS and proper(tokens.end + right) and not doc[tokens.end + right].is_sent_start:
        right += 1
    left = 1 if proper(tokens.start - 1) and not tokens[0].is_sent_start else 0
    for extra_left in range(left, -1, -1):
        for extra_right in range(right, -1, -1):
            if extra_left or extra_right:
                yield tokens.start - extra_left, tokens.end + extra_right


def _as_used(tokens_of: _Tokens, gazetteer: Gazetteer, spans: Sources) -> dict[Span, Found]:
    """The mentions the text uses as places, each with whether it means a state."""
    use = gazetteer.words.use
    tokens = {span: tokens_of.over(span) for span in spans}
    sentences = _Sentences(tokens_of.doc)
    doubtful = {span for span, source in spans.items() if _capitals_say_nothing(tokens[span], source, sentences)}
    body = {gazetteer.key(span.text) for span in spans if span not in doubtful}
    # one sense per article: how often the article names each name as a place as such
    as_places = Counter(gazetteer.key(span.text) for span, source in spans.items() if source in FIRM_SOURCES)
    out: dict[Span, Found] = {}
    for span, source in spans.items():
        found = tokens[span]
        entries = gazetteer.lookup(span.text)
        if found is None or names_a_thing(found, use):
            continue
        building = any(e.feature == "landmark" for e in entries)
        seat = building or any(e.capital for e in entries)
        if source not in LAYOUT_SOURCES and seat and for_government(found, use, building=building):
            continue  # "Washington imposed sanctions", "the Kremlin said": the government, an actor
        elsewhere = as_places[gazetteer.key(span.text)] > (source in FIRM_SOURCES)  # "Fargo" tagged a place elsewhere
        if source not in LAYOUT_SOURCES and not seat and not elsewhere and _speaker(found, entries, use):
            continue  # "Petrova said", "McKinney told the council": a person who bears a town's name
        if span in doubtful and gazetteer.key(span.text) not in body and not any(_sure(e) for e in entries):
            continue  # a capitalized word of a headline, or opening a sentence, that the article uses nowhere else
        firm = source in MISTAGGED_LABELS and from_place(found, gazetteer.words.context)  # "a Fairbury man"
        out[span] = Found(source, means_state(found, use) and state_or_city(entries), firm=firm)
    return out


#: A city this large opening a sentence is a place even where the tagger saw no entity ("Munich saw a smaller
#: rally"): the names of such cities are rarely common words that a sentence's capital would explain.
OPENING_CITY_MIN_POPULATION = 1_000_000


def _sure(entry: Entry) -> bool:
    """A country, region, US state or very large city: a name that is that place even where every word is
    capitalized."""
    return decisive_entry(entry) or (entry.feature == "city" and not entry.alias
                                     and entry.population >= OPENING_CITY_MIN_POPULATION)


class _Sentences:
    """The sentences of a doc, found once, and whether each is a headline (asking a span for its sentence
    walks the doc every time)."""

    def __init__(self, doc: Doc) -> None:
        self._sents = list(doc.sents)
        self._starts = [sent.start for sent in self._sents]
        self._headline: dict[int, bool] = {}

    def of(self, tokens: TokenSpan) -> TokenSpan:
        return self._sents[bisect.bisect_right(self._starts, tokens.start) - 1]

    def headline(self, sentence: TokenSpan) -> bool:
        known = self._headline.get(sentence.start)
        if known is None:
            known = self._headline[sentence.start] = headline(sentence)
        return known


def _capitals_say_nothing(tokens: TokenSpan | None, source: str, sentences: _Sentences) -> bool:
    """Whether a mention not tagged as a place stands where any word is capitalized: in a headline, or as the
    one word opening a sentence ("Man accused of ...")."""
    if tokens is None or source in FIRM_SOURCES:
        return False
    sentence = sentences.of(tokens)
    opening = len(tokens) == 1 and tokens.start == sentence.start and source in ("gazetteer", "embedded")
    return opening or sentences.headline(sentence)


def _speaker(tokens: TokenSpan, entries: tuple[Entry, ...], use: UseWords) -> bool:
    """Whether a one-word name of towns only (no country, state or region) is the subject of a verb of
    saying or deciding, as people are ("Petrova said"); a capital there is its government (see above)."""
    return len(tokens) == 1 and not any(decisive_entry(e) for e in entries) and subject_of(tokens, use.agent_verbs)


#: An entity (or a piece of a place entity) left to read, its label, and its pieces (:func:`entity_pieces`, cut
#: once for both readings of an entity under a label that mistags places; empty for a place entity's piece).
_Unknown = tuple["TokenSpan", str, list["TokenSpan"]]


def _from_entities(ents: Sequence[TokenSpan], gazetteer: Gazetteer) -> tuple[Sources, set[int], list[_Unknown]]:
    """Of a doc's entities: the place entities the gazetteer knows; the tokens of all entities; the entities (or
    pieces) left to read."""
    spans: Sources = {}
    covered: set[int] = set()
    unknown: list[_Unknown] = []
    for ent in ents:
        label = ent.label_
        # a number's entity that swallowed the proper nouns after it ("706 Orange County residents") leaves them
        covered.update(range(ent.start, ent.end) if label not in NUMBER_LABELS else
                       (t.i for t in ent if t.pos_ != "PROPN"))
        if label in PLACE_LABELS:
            for piece in entity_pieces(ent, gazetteer, parts=True):
                name = piece.text  # spaCy joins a span's text anew on each call
                if gazetteer.knows(name) or gazetteer.lookup(gazetteer.words.without_possessive(name)):
                    spans[Span(piece.start_char, piece.end_char, name)] = label
                elif (stopped := _with_stop(piece, name, gazetteer)) is not None:
                    spans[stopped] = label
                else:
                    unknown.append((piece, label, []))
            continue
        if label in MISTAGGED_LABELS or label in CONTAINER_LABELS:
            pieces = list(entity_pieces(ent, gazetteer))
            if whole := _mistagged(ent, pieces, gazetteer):
                spans[record_span(whole)] = label
            unknown.append((ent, label, pieces))
    return spans, covered, unknown


def _with_stop(piece: TokenSpan, name: str, gazetteer: Gazetteer) -> Span | None:
    """The name with the full stop after it, when only so the gazetteer knows it: an abbreviation before the
    full stop of a title or a sentence, which the tokenizer took for that stop ("W.Va." in "W.Va. town votes",
    "D.C." in "a day trip to D.C..")."""
    doc = piece.doc
    after = doc[piece.end] if piece.end < len(doc) else None
    if after is None or not after.text.startswith(".") or after.idx != piece.end_char or "." not in name:
        return None
    return Span(piece.start_char, piece.end_char + 1, name + ".") if gazetteer.knows(name + ".") else None


def _mistagged(ent: TokenSpan, pieces: list[TokenSpan], gazetteer: Gazetteer) -> TokenSpan | None:
    """The entity, trimmed (``pieces``: its :func:`entity_pieces`), when it is as a whole a place: a clear one
    (under a label that mistags them), or one the words around it place ("Mindy Miller of Ravenel"); else None."""
    if len(pieces) != 1:
        return None
    piece = pieces[0]
    name = piece.text
    if ent.label_ in MISTAGGED_LABELS and strong(gazetteer, name):
        return piece
    if piece.end == ent.end and gazetteer.lookup(name) and in_context(piece, gazetteer):
        return piece
    return None
