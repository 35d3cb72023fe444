"""Finding actor mentions in a spaCy ``Doc``: dictionary phrases, cleaned entities, agents, quotations
(the titles around a name are read in :mod:`dateline.actors._modifiers`).

Everything here works on token indices and article character offsets (spaCy's
``Doc`` is built over ``Article.text``): a run of tokens is a ``range`` of
token indices, a stretch of text a :class:`dateline.records.Span`. The
functions only find candidate spans; :mod:`dateline.actors` decides which
actor each one belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from dateline._dashes import DASHES, dash_pieces
from dateline.actors._given import given_start, org_start
from dateline.actors._lexicon import Hit, Lexicon
from dateline.actors._tokens import TokenTexts
from dateline.actors._words import Words, normalize
from dateline.records import Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Entity

__all__ = [
    "ENTITY_LABELS",
    "Candidate",
    "Modifier",
    "clean_entities",
    "find_agents",
    "quote_regions",
    "scan_phrases",
]

#: spaCy entity labels that can name an actor.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})

#: Labels of entities a given name the tagger left out may be read back to ("Ana" of "Ana Costa" tagged ORG).
GIVEN_LABELS = frozenset({"PERSON", "ORG"})
#: Most words in an agent, title or institution phrase ("ministry of the interior" has 4).
MAX_ROLE_TOKENS = 4
#: Longest dictionary phrase, in tokens ("Islamic State of Iraq and the Levant" is 7).
MAX_PHRASE_TOKENS = 12
#: Tokens a dictionary word may take: hyphens and apostrophes split words ("Moon Jae-in" is 4 tokens).
TOKENS_PER_WORD = 2
#: Penn tags of plural nouns.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Shortest text of a name taken from an entity ("EU" is two letters).
MIN_NAME_CHARS = 2
#: Coarse tags of small words no name ends in: a conjunction, preposition or article in lower case.
CUT_WORD_TAGS = frozenset({"CCONJ", "ADP", "DET"})
_LETTER = re.compile(r"[^\W\d_]")
V = TypeVar("V")
_ODD = re.compile(r"[\[\]{}<>|@#=+*/\\\"\u201c\u201d]")


@dataclass
class Candidate:
    """A span that may name an actor; ``hits`` are its dictionary readings."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    hits: tuple[Hit, ...] = ()
    label: str | None = None  # spaCy entity label, when an entity supports it
    part: bool = False  # a piece of a hyphenated token ("Russia" in "U.S.-Russia")

    @property
    def tokens(self) -> range:
        return range(self.tok_start, self.tok_end)


@dataclass(frozen=True)
class Modifier:
    """What the words before (or beside) a name say about it."""

    start: int  # character offset where the modifier begins (the mention's start, for a title before the name)
    title: str | None
    sector: str | None
    hits: tuple[Hit, ...]
    contiguous: bool  # the modifier runs straight into the name (no comma)
    #: an appositive after the name ("Delfin Lorenzana, the Defence Secretary"): its text; None for a title before
    appositive: Span | None = None
    #: the organization the title belongs to, as the text names it ("Youth Forum Zimbabwe" in "director of
    #: Youth Forum Zimbabwe", "UNICEF" in "Sheldon Yett of UNICEF")
    organization: str | None = None


def _first_word(token_text: str) -> str:
    word = token_text.split("-", 1)[0]
    return normalize(word) if "\u2019" in word or "\u2018" in word else word


def scan_phrases(doc: Doc, texts: TokenTexts, lex: Lexicon) -> list[Candidate]:
    """Longest dictionary phrases over the tokens (``texts``: their texts), left to right, not overlapping."""
    out: list[Candidate] = []
    words, offsets, text = texts.words, texts.offsets, texts.text
    distinct = set(words)  # each distinct word is looked up once, and only the tokens that may start a name visited
    starts = {w for w in distinct if lex.first_word_length(_first_word(w)) and _LETTER.search(w)}
    dashed = {w for w in distinct if DASHES.search(w)}
    i = 0
    for k in [k for k, word in enumerate(words) if word in starts or word in dashed]:
        if k < i:
            continue  # inside the phrase found last
        if words[k] in starts:
            found = _longest(words, offsets, k, lex, text)
            if found is not None:
                out.append(found)
                i = found.tok_end
                continue
        if words[k] in dashed:
            out.extend(_hyphen_parts(doc[k], k, lex))
        i = k + 1
    return out


def _longest(words: list[str], offsets: list[int], i: int, lex: Lexicon, text: str) -> Candidate | None:
    """The longest dictionary phrase that begins at token ``i`` (``words``: the tokens' texts, ``offsets``: where
    they begin)."""
    start = offsets[i]
    best: Candidate | None = None
    # a phrase of w words spans at most about TOKENS_PER_WORD * w tokens
    limit = min(TOKENS_PER_WORD * lex.first_word_length(_first_word(words[i])) + 1, MAX_PHRASE_TOKENS)
    j = i
    while j < len(words) and j - i < limit:
        end = offsets[j] + len(words[j])
        surface = text[start:end]
        if "\n" in surface or not lex.may_start(surface):
            break
        hits = lex.lookup(surface)
        if hits:
            best = Candidate(i, j + 1, start, end, hits)
        j += 1
    return best


def _hyphen_parts(tok: Token, i: int, lex: Lexicon) -> list[Candidate]:
    """Countries inside compounds joined by dashes ("U.S.-Russia relations", "Egypt–Israel talks")."""
    if not DASHES.search(tok.text):
        return []
    pieces = dash_pieces(tok.text)
    if len(pieces) < 2:
        return []
    out = []
    for start, end in pieces:
        part = tok.text[start:end]
        hits = tuple(h for h in lex.lookup(part) if h.kind in ("country", "demonym")) if part else ()
        if hits:
            out.append(Candidate(i, i + 1, tok.idx + start, tok.idx + end, hits, part=True))
    return out


def _start(doc: Doc, ent: Entity, lex: Lexicon) -> int:
    """Where a person's or organization's name begins, read back over what the tagger left out of it."""
    first = given_start(doc, ent.start, ent.end, lex)
    return org_start(doc, ent.start, ent.end, lex) if first == ent.start and ent.label_ == "ORG" else first


def clean_entities(doc: Doc, lex: Lexicon, ents: Sequence[Entity] | None = None,
                   texts: TokenTexts | None = None) -> list[Candidate]:
    """spaCy entities (``ents``: the doc's, and ``texts``: its tokens' texts, when the caller read them already)
    cut to the name: no leading "the", possessive, headline verbs, line breaks."""
    out = []
    ents = doc.ents if ents is None else ents
    texts = TokenTexts.of(doc, doc.text) if texts is None else texts
    starts = {ent.start: _start(doc, ent, lex) for ent in ents if ent.label_ in GIVEN_LABELS}
    given = {k for start, first in starts.items() for k in range(first, start)}  # "Aoife" of "Aoife Byrne"
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS or ent.start in given:
            continue
        for piece in _line_pieces(doc, range(starts.get(ent.start, ent.start), ent.end)):
            lo, hi = piece.start, piece.stop
            if ent.label_ == "PERSON":
                while hi - lo >= 2 and doc[lo].text[:1].isupper() and doc[lo].lower_ in lex.titles:
                    lo += 1  # "Taoiseach Leo Varadkar": the title is read by title_before
            titled = _titled_name(doc, lo, hi, lex) if ent.label_ == "ORG" else lo
            trimmed = _trim(doc, titled, hi, lex.words, texts)
            if trimmed is None:
                continue
            s, e = trimmed.start, trimmed.stop
            if normalize(texts.between(s, e)) in lex.not_actors:
                continue
            label = "PERSON" if titled > lo else ent.label_
            if e - s >= 2 and texts.lowers[s].rstrip(".") in lex.words.honorifics:
                label = "PERSON"  # "Dr Valeria Gazzola" tagged ORG
            out.append(Candidate(s, e, texts.offsets[s], texts.end(e - 1), label=label))
    return out


def _titled_name(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """Where the name begins in an ORG entity that opens a sentence with a person's title ("Paramedic Eva Stone
    treated him", "Historian Jane Roe said"): after the title, when two names or more follow it and none of
    them says a kind of organization; else at ``lo``."""
    first = doc[lo]
    if not first.is_sent_start or hi - lo < 3 or not first.text[:1].isupper():
        return lo
    if first.lower_ not in lex.titles and first.lower_ not in lex.role_titles:
        return lo
    rest = doc[lo + 1 : hi]
    if not all(t.pos_ == "PROPN" for t in rest) or any(t.lower_ in lex.role_words for t in rest):
        return lo
    return lo if lex.heads is not None and any(lex.heads.sector(t.text) for t in rest) else lo + 1


def _line_pieces(doc: Doc, tokens: range) -> list[range]:
    """``tokens`` split at line breaks (a token that holds or is followed by one ends its piece)."""
    pieces, start = [], tokens.start
    for k in tokens:
        tok = doc[k]
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.is_space:
            if k > start and not tok.is_space:
                pieces.append(range(start, k + 1))
            elif k > start:
                pieces.append(range(start, k))
            start = k + 1
    if start < tokens.stop:
        pieces.append(range(start, tokens.stop))
    return pieces


def _trim(doc: Doc, lo: int, hi: int, words: Words, texts: TokenTexts) -> range | None:
    """Tokens [lo, hi) of an entity cut to the name, or None when no name is left."""
    toks = [doc[k] for k in range(lo, hi)]  # each token made once; a and b index them
    a, b = 0, next((k for k, tok in enumerate(toks) if tok.text == "("), len(toks))  # "Congress (INC) party"
    while a < b and (toks[a].lower_ in words.determiners or toks[a].lower_ in words.leading_conjunctions
                     or toks[a].is_punct or toks[a].is_space):
        a += 1  # "the", "Neither" of "Neither Dasbach nor Mears"
    while b > a and (toks[b - 1].text in words.possessives or toks[b - 1].is_punct or toks[b - 1].is_space
                     or (toks[b - 1].is_lower and toks[b - 1].pos_ in CUT_WORD_TAGS)):
        b -= 1  # "Center for Biological Diversity and": the tagger ran the name into the words after it
    while b - a >= 2 and toks[b - 1].text[:1].isupper() and toks[b - 1].lower_ in words.headline_words:
        b -= 1
    if b <= a:
        return None
    surface = texts.between(lo + a, lo + b)
    if not _LETTER.search(surface) or len(surface) < MIN_NAME_CHARS or _ODD.search(surface):
        return None
    if not any(c.isupper() for c in surface) or _mixed_scripts(surface):
        return None
    if b - a == 1 and (toks[a].pos_ == "PRON" or toks[a].like_num):
        return None
    return range(lo + a, lo + b)


def _mixed_scripts(text: str) -> bool:
    """Whether a name mixes Latin letters with another script: a fragment of a sentence in another language
    that the tagger read as a name ("जैसे कि Ration")."""
    if text.isascii():
        return False  # Latin letters only
    scripts = {unicodedata.name(c, "?").split(" ", 1)[0] for c in text if c.isalpha()}
    return "LATIN" in scripts and len(scripts) > 1


def find_agents(
    lowers: list[str], table: dict[str, V], taken: set[int], firsts: frozenset[str]
) -> list[tuple[range, V]]:
    """Longest lower-case phrases of ``table`` (agents, titles or institutions; ``firsts``: their first words):
    their tokens and values."""
    out: list[tuple[range, V]] = []
    n = len(lowers)
    i = 0
    for start in [k for k, lower in enumerate(lowers) if lower in firsts]:  # only the tokens that may begin one
        if start < i or start in taken:
            continue
        for j in range(min(start + MAX_ROLE_TOKENS, n), start, -1):
            key = " ".join(lowers[start:j])
            if key in table and not any(k in taken for k in range(start, j)):
                out.append((range(start, j), table[key]))
                i = j
                break
    return out


def quote_regions(text: str, words: Words) -> list[Span]:
    """Stretches inside quotation marks, paired within each paragraph."""
    regions: list[Span] = []
    open_at: int | None = None
    marks = words.opening_quotes | words.closing_quotes
    pattern = "[\n" + re.escape("".join(sorted(m for m in marks if len(m) == 1))) + "]"
    for found in re.finditer(pattern, text):  # the marks and line breaks only, not every character
        k, ch = found.start(), found.group()
        if ch == "\n":
            open_at = None
        elif open_at is None and ch in words.opening_quotes:
            open_at = k
        elif open_at is not None:
            regions.append(make_span(text, open_at, k + 1))
            open_at = None
    return regions
