"""Names and how clearly they mean places: an entity's text cut into candidate names, the tests a name
must pass to be a place at all, how clearly the gazetteer says it is one (wherever it stands, or only
where the words around it say so), and where a name is a person's or a writer's, not a place's. Used by
detection (``_detect``) and by the choice of places (``dateline.places``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from dateline.places._context import placed_by_context
from dateline.places._gazetteer import Entry, Gazetteer, PlaceWords
from dateline.places._resolve import ARTICLE_CUE, WORD_CUE
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = [
    "FIRM_SOURCES",
    "GAZETTEER_ONLY_MIN_POPULATION",
    "LAYOUT_SOURCES",
    "MAX_MATCH_TOKENS",
    "MAX_PERSON_WORDS",
    "MIN_NAME_CHARS",
    "NUMBER_LABELS",
    "PLACE_LABELS",
    "acceptable",
    "after_byline",
    "clear_anywhere",
    "common_word",
    "decisive_entry",
    "entity_pieces",
    "eponym",
    "in_context",
    "longest_window",
    "name_bearers",
    "person_only",
    "shared_names",
    "state_or_city",
    "strong",
    "surnames",
]


#: Labels of numbers and amounts, whose entities the tagger stretches over a proper noun after them ("706
#: Orange County residents", "40 US dollars"); not dates, whose proper nouns are months and holidays.
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "ORDINAL", "PERCENT", "QUANTITY"})

#: spaCy entity labels taken as place mentions.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Sources of mentions found from the layout of news (a dateline, a list of counties, a name before its
#: qualifier, a province with its word for a state): places wherever they stand.
LAYOUT_SOURCES = frozenset({"dateline", "list", "qualified", "party", "province"})
#: Sources of mentions that are places as such: the tagger's place entities and the layout of news.
FIRM_SOURCES = PLACE_LABELS | LAYOUT_SOURCES

#: Characters read before a name for its article, and after it for a word of a feature's kind (guards: the
#: longest article and the longest such word with the spaces around them).
MAX_ARTICLE_LENGTH = 8
MAX_FEATURE_WORD_LENGTH = 16

#: Smallest city population accepted for a gazetteer-only match (no entity):
#: below it, matches on LGL were mostly capitalized common words and names.
GAZETTEER_ONLY_MIN_POPULATION = 100_000

#: Shortest place mention, in characters ("UK"); one letter is an initial.
MIN_NAME_CHARS = 2

#: Longest gazetteer-only match, in tokens.
MAX_MATCH_TOKENS = 4


def state_or_city(entries: tuple[Entry, ...]) -> bool:
    """Whether a name is that of a US state and of a city, and of no country ("New York", "Washington")."""
    features = {e.feature for e in entries}
    return "country" not in features and "city" in features and any(decisive_entry(e) for e in entries)


def decisive_entry(entry: Entry) -> bool:
    """A country, region or US state: a name that means a place wherever it stands."""
    return entry.feature in ("country", "region") or (entry.feature == "admin1" and entry.country == "USA")


def surnames(ents: Sequence[TokenSpan]) -> set[str]:
    """Last words of the people the model found (``ents``: a doc's entities; "George W. Bush" -> "Bush")."""
    names: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.add(ent[-1].text)
            names.add(ent.text)
    return names


def name_bearers(ents: Sequence[TokenSpan], gazetteer: Gazetteer) -> set[str]:
    """Last names of the people the model found (``ents``: a doc's entities) under names no place bears ("Abraham
    Lincoln" -> "Lincoln"; not "Sioux Falls", a town the model took for a person) that it tags as a place nowhere
    in the article: there the name is the person's, even where it is a large city's."""
    placed = {ent.text for ent in ents if ent.label_ in PLACE_LABELS}
    return {ent[-1].text for ent in ents
            if ent.label_ == "PERSON" and len(ent) > 1 and not gazetteer.lookup(ent.text)} - placed


def shared_names(ents: Sequence[TokenSpan], gazetteer: Gazetteer) -> set[str]:
    """Last names of the article's people (``ents``: a doc's entities; names of two or three proper nouns, no
    place's as a whole) that the model also tags as places somewhere ("Nora Ashford" ... "Ashford said"): the
    article may name both the town and the person, so each use is a place only where the words around it say so."""
    placed = {ent.text for ent in ents if ent.label_ in PLACE_LABELS}  # a place also tagged a person once
    return {ent[-1].text for ent in ents
            if ent.label_ == "PERSON" and 1 < len(ent) <= MAX_PERSON_WORDS and ent[-1].text in placed
            and ent.text not in placed and all(token.pos_ == "PROPN" for token in ent)
            and not gazetteer.lookup(ent.text)}


#: Most words of a person's name whose last word is read as the person's where the model tags it a place
#: elsewhere: longer "persons" are headlines the model misread ("Mayor Quill Joins Senate Race"). Set by hand
#: while reading LGL's false places (in-sample there), not tuned on a figure.
MAX_PERSON_WORDS = 3


def placed_here(doc: Doc, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether ``span`` names a place wherever it stands, or the words around it place it ("in Ashford",
    "Ashford police")."""
    if clear_anywhere(gazetteer, span.text):
        return True  # "Jordan" beside "Michael Jordan"
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens is not None and in_context(tokens, gazetteer)


def person_only(doc: Doc, gazetteer: Gazetteer, placed: set[str],
                ents: Sequence[TokenSpan] | None = None) -> Callable[[Span], bool]:
    """A test of whether a name found in ``doc`` is a person's there and no place: a surname of the article's
    people that is no clear place, the last name of a person no place of the article bears, or one of
    :func:`shared_names` where the words around it do not place it (``placed``: names the words around them
    place though the model tagged them persons; ``ents``: the doc's entities, when the caller has them, for
    spaCy builds them anew on each ``doc.ents``)."""
    ents = doc.ents if ents is None else ents
    people = surnames(ents) - placed
    bearers = name_bearers(ents, gazetteer)
    shared = shared_names(ents, gazetteer)

    def person(span: Span) -> bool:
        return ((span.text in people and not strong(gazetteer, span.text))
                or (span.text in bearers and not clear_anywhere(gazetteer, span.text))
                or (span.text in shared and not placed_here(doc, span, gazetteer)))

    return person


def after_byline(window: TokenSpan, gazetteer: Gazetteer) -> bool:
    """Whether a name follows the capitalized word that opens a byline ("BY JO KENT"): a writer's name."""
    before = window.doc[window.start - 1] if window.start > 0 else None
    return before is not None and before.text[:1].isupper() and before.lower_ in gazetteer.words.context.byline_words


def eponym(gazetteer: Gazetteer, text: str, span: Span, entry: Entry) -> bool:
    """Whether a name inside a longer one reads as a US county only by its bare name ("Lee", not "Lee County")
    and opens the name of an institution often named after a person or a thing ("Lee Memorial Hospital",
    "Columbia University"): there it is no county."""
    if entry.feature != "admin2" or entry.country != "USA" or span.text.endswith(gazetteer.words.county_endings):
        return False
    after = _NEXT_WORD.match(text, span.end)
    return after is not None and after.group(1).lower() in gazetteer.words.context.eponym_nouns


#: The word right after a name, without the punctuation around it ("University" in "Columbia University's").
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def entity_pieces(ent: TokenSpan, gazetteer: Gazetteer, *, parts: bool = False) -> Iterator[TokenSpan]:
    """The entity split at commas, each piece trimmed of "the", "'s", punctuation and spaces, and with
    ``parts``, of the words before a place that name a part of it ("West London", "north west London")."""
    piece: list[Token] = []
    for token in ent:
        if token.text == ",":
            yield from _cleaned(piece, gazetteer, parts)
            piece = []
        else:
            piece.append(token)
    yield from _cleaned(piece, gazetteer, parts)


def _cleaned(tokens: list[Token], gazetteer: Gazetteer, parts: bool = False) -> Iterator[TokenSpan]:
    words = gazetteer.words
    while tokens and (tokens[0].text in words.leading or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in words.trailing or tokens[-1].is_space):
        tokens = tokens[:-1]
    if parts:
        tokens = _without_parts(tokens, gazetteer)
    if tokens:
        span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
        if acceptable(span.text, gazetteer):
            yield span


#: Fewest people of a town whose part a place entity may name ("East Oxford"): smaller ones are more often
#: common words ("the South Lawn"). Set by hand, at the smallest towns the gazetteer held before it took
#: towns of 500.
PART_OF_MIN_POPULATION = 1000

#: Tokens that join the words naming a part of a place ("south-east London").
_PART_JOINERS = frozenset({"-", "\u2010", "\u2013"})


def _without_parts(tokens: list[Token], gazetteer: Gazetteer) -> list[Token]:
    """The tokens of a place entity without the words before it that name a part of the place ("north west
    London" is London), when the gazetteer knows the rest and not the whole ("South Sudan", "West Virginia",
    "East London" and "Greater Manchester" stay whole)."""
    part_words, i = gazetteer.words.context.part_words, 0
    while i < len(tokens) - 1 and (tokens[i].lower_ in part_words or (i > 0 and tokens[i].text in _PART_JOINERS)):
        i += 1
    if i == 0 or not tokens[i].text[:1].isupper() or tokens[i].lower_ in part_words:
        return tokens  # "West Metro", "South Central": the rest names no place of its own
    doc = tokens[0].doc
    if gazetteer.lookup(doc[tokens[0].i : tokens[-1].i + 1].text):
        return tokens
    # "North Island" is no Island County (reached by its short name), the White House's "South Lawn" no Lawn,
    # Newfoundland (a village)
    rest = gazetteer.lookup(doc[tokens[i].i : tokens[-1].i + 1].text)
    named = any(not e.alias and (e.feature != "city" or e.population >= PART_OF_MIN_POPULATION) for e in rest)
    return tokens[i:] if named else tokens


def acceptable(text: str, gazetteer: Gazetteer) -> bool:
    if len(text) < MIN_NAME_CHARS or not text[0].isupper() or not any(ch.isalpha() for ch in text):
        return False
    key = gazetteer.key(text)
    if key in gazetteer.not_places:
        return False
    return not (key in gazetteer.demonyms and key not in gazetteer.names)


def clear_anywhere(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` means a place wherever it stands, even where the article names a person so: a country,
    US state or region ("Jordan" beside "Michael Jordan"), not a city ("Lincoln" beside "Abraham Lincoln")."""
    return acceptable(name, gazetteer) and any(decisive_entry(e) for e in gazetteer.lookup(name) if not e.alias)


def strong(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` is clearly a place: a country, US state, region, large city, or a
    first-level region with a name of several words."""
    return acceptable(name, gazetteer) and any(_clear_entry(e) for e in gazetteer.lookup(name) if not e.alias)


def _clear_entry(entry: Entry) -> bool:
    """A country, region, landmark, US state, large city, or first-level region with a name of several words
    ("Tamil Nadu", not "Centre" or "Delta")."""
    if entry.feature in ("country", "region", "landmark"):
        return True
    if entry.feature == "admin1":
        return entry.country == "USA" or " " in entry.name
    return entry.feature == "city" and entry.population >= GAZETTEER_ONLY_MIN_POPULATION


def in_context(tokens: TokenSpan, gazetteer: Gazetteer) -> bool:
    """Whether the words around a name say it is a place ("in Frankston", "Winona police")."""
    return not common_word(tokens, gazetteer) and placed_by_context(tokens, gazetteer.words.context)


def common_word(tokens: TokenSpan, gazetteer: Gazetteer) -> bool:
    """Whether a name is one word of a local institution or noun ("University", "Center", "Court"): in
    another name, or in a title, such a word is no town of that name."""
    words = gazetteer.words.context
    if len(tokens) != 1:
        return False
    token = tokens[0]
    return token.lower_ in words.institution_nouns or token.lemma_.lower() in words.local_nouns


def longest_window(doc: Doc, i: int, end: int, skip: Callable[[TokenSpan], bool],
                    accept: Callable[[TokenSpan], bool]) -> TokenSpan | None:
    """The longest run of tokens from ``i`` (at most MAX_MATCH_TOKENS, before ``end``) not skipped and accepted."""
    for n in range(min(MAX_MATCH_TOKENS, end - i), 0, -1):
        window = doc[i : i + n]
        if not skip(window) and accept(window):
            return window
    return None


def names_feature(words: PlaceWords, text: str, span: Span, *, inside: bool = False) -> str:
    """How the text names a natural feature by the name at ``span`` (see ``_resolve.FEATURE_CUES``): before a
    word of a feature's kind ("Cauvery river", "the Orinoco delta"), after an article ("the Nile"), or not. A
    name ``inside`` a longer one has neither of its own ("the Thames Valley Police")."""
    if inside:
        return ""
    after = text[span.end : span.end + MAX_FEATURE_WORD_LENGTH].split()
    if after and after[0].lower().strip(".,;:)") in words.feature_words:
        return WORD_CUE
    before = text[max(0, span.start - MAX_ARTICLE_LENGTH) : span.start].split()
    return ARTICLE_CUE if before and f"{before[-1].lower()} " in words.articles else ""
