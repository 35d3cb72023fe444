"""Finding actor mentions in a spaCy ``Doc``: dictionary phrases, cleaned entities, agents, titles.

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

from spacy.attrs import IDX

from dateline._dashes import DASHES, dash_pieces
from dateline.actors._given import given_start, org_start
from dateline.actors._lexicon import Hit, Lexicon, Org
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
    "of_organization",
    "quote_regions",
    "scan_phrases",
    "title_after",
    "title_before",
    "title_words",
]

#: spaCy entity labels that can name an actor.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})

#: Labels of entities a given name the tagger left out may be read back to ("Ana" of "Ana Costa" tagged ORG).
GIVEN_LABELS = frozenset({"PERSON", "ORG"})
#: Most tokens read back from a name for its title ("the Kremlin's top foreign adviser,").
MAX_TITLE_TOKENS = 8
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


def _span_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _first_word(token_text: str) -> str:
    word = token_text.split("-", 1)[0]
    return normalize(word) if "\u2019" in word or "\u2018" in word else word


def scan_phrases(doc: Doc, words: list[str], text: str, lex: Lexicon) -> list[Candidate]:
    """Longest dictionary phrases over the tokens (``words``: their texts), left to right, not overlapping."""
    out: list[Candidate] = []
    distinct = set(words)  # each distinct word is looked up once, and only the tokens that may start a name visited
    starts = {w for w in distinct if lex.first_word_length(_first_word(w)) and _LETTER.search(w)}
    dashed = {w for w in distinct if DASHES.search(w)}
    offsets = doc.to_array(IDX).tolist()  # where each token begins, read once, not from a token object each
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


def clean_entities(doc: Doc, lex: Lexicon, ents: Sequence[Entity] | None = None) -> list[Candidate]:
    """spaCy entities (``ents``: the doc's, when the caller read them already) cut to the name: no leading
    "the", possessive, headline verbs, line breaks."""
    out = []
    ents = doc.ents if ents is None else ents
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
            trimmed = _trim(doc, lo, hi, lex.words)
            if trimmed is None:
                continue
            s, e = trimmed.start, trimmed.stop
            name, first = doc[s:e], doc[s]
            if normalize(name.text) in lex.not_actors:
                continue
            label = ent.label_
            if e - s >= 2 and first.lower_.rstrip(".") in lex.words.honorifics:
                label = "PERSON"  # "Dr Valeria Gazzola" tagged ORG
            out.append(Candidate(s, e, first.idx, name.end_char, label=label))
    return out


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


def _trim(doc: Doc, lo: int, hi: int, words: Words) -> range | None:
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
    surface = doc[lo + a : lo + b].text
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


def title_words(
    doc: Doc, lowers: list[str], lo: int, hi: int, lex: Lexicon, plural: bool = False
) -> tuple[range, str] | None:
    """The last title phrase inside tokens [lo, hi): its tokens and sector. PLOVER's role nouns count
    too, unless the tagger read their words as part of a person's name ("Dr Christian Keysers"). With
    ``plural``, a plural title counts as its singular ("officers Antoine Quirin and Nicolas Redouane")."""
    for j in range(hi, lo, -1):
        last = doc[j - 1]
        single = last.lemma_.lower() if plural and last.tag_ in PLURAL_TAGS else None
        for i in range(max(lo, j - MAX_ROLE_TOKENS), j):
            for key in (" ".join(lowers[i:j]), " ".join([*lowers[i : j - 1], single]) if single else None):
                if key is None:
                    continue
                if key in lex.titles:
                    return range(i, j), lex.titles[key]
                if key in lex.role_titles and not any(t.ent_type_ == "PERSON" for t in doc[i:j]):
                    return range(i, j), lex.role_titles[key]
    return None


def title_before(
    doc: Doc, lowers: list[str], tok_start: int, lex: Lexicon, phrases: dict[int, Candidate],
    sent_start: int | None = None,
) -> Modifier | None:
    """The title and country words right before a name ("U.S. President", "the Kremlin's top adviser,");
    ``sent_start``: the first token of the name's sentence, when the caller knows it."""
    determiners = lex.words.determiners
    if sent_start is None:
        sent_start = doc[tok_start].sent.start
    contiguous = not (tok_start - 1 >= sent_start and doc[tok_start - 1].text == ",")
    end = tok_start if contiguous else tok_start - 1
    lo = _read_back(doc, range(sent_start, end), lex, phrases)
    found = title_words(doc, lowers, lo, end, lex)
    if found is None or (not contiguous and found[0].stop != end and not _of_name(doc, found[0].stop, end, lex)):
        return None
    title_tokens, sector = found
    read_lo, lo = lo, _title_start(doc, range(lo, title_tokens.start), lex)
    owners = tuple(h for h in _hits(phrases, range(read_lo, lo)) if isinstance(h.ref, Org))
    hits = owners + _hits(phrases, range(lo, end))  # "AU trade and industry commissioner"
    if not contiguous and doc[lo].lower_ not in determiners and not hits:
        return None
    title = _title_text(doc, lo, title_tokens, lex, phrases)
    start = doc[lo + 1].idx if doc[lo].lower_ in determiners and lo + 1 < end else doc[lo].idx
    owner = of_organization(doc, title_tokens.stop, lex, phrases, rank=True) if title_tokens.stop < end else None
    organization = owner.organization if owner is not None else _owner_before(doc, lo, title_tokens.start)
    return Modifier(start, title, sector, hits, contiguous, organization=organization)


def _read_back(doc: Doc, before: range, lex: Lexicon, phrases: dict[int, Candidate]) -> int:
    """Where the title words that end at ``before.stop`` may begin: back over title-like words of the sentence
    (``before``), at most :data:`MAX_TITLE_TOKENS`, up to a determiner, a line break or a person's name."""
    lo = end = before.stop
    while lo - 1 >= before.start and end - (lo - 1) <= MAX_TITLE_TOKENS:
        tok = doc[lo - 1]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        after_title = lo - 2 >= before.start and doc[lo - 2].lower_ in lex.role_words
        if not _title_token(tok, lex.words) and not (after_title and _of_name(doc, lo - 1, end, lex)) \
                and not _joins_nouns(tok, lex):
            break
        if (lo - 1) in phrases and any(h.kind == "person" for h in phrases[lo - 1].hits):
            break
        lo -= 1
        if tok.lower_ in lex.words.determiners:
            break
    return lo


def _of_name(doc: Doc, k: int, end: int, lex: Lexicon) -> bool:
    """Whether tokens [k, end) are "of" and a name ("mayor | of London |, Sadiq Khan")."""
    if k >= end - 1 or doc[k].lower_ not in lex.words.country_prepositions:
        return False
    return all(t.pos_ == "PROPN" or t.lower_ in lex.words.determiners for t in doc[k + 1 : end])


def _title_start(doc: Doc, before: range, lex: Lexicon) -> int:
    """The first token of a title whose office words start at ``before.stop``, reading back over ``before``
    only through words that belong to the title ("the Kremlin's top foreign adviser", not "impeach")."""
    k = before.stop
    while k - 1 >= before.start and not _outside_title(doc[k - 1], lex):
        k -= 1
    if k - 1 >= before.start and _joins_nouns(doc[k - 1], lex):
        return before.stop  # "AU peace and security commissioner" is a commissioner, not a security one
    return k - 1 if k - 1 >= before.start and doc[k - 1].lower_ in lex.words.determiners else k


def _title_text(doc: Doc, lo: int, office: range, lex: Lexicon, phrases: dict[int, Candidate]) -> str:
    """The title from token ``lo`` to the end of its ``office`` words, without a leading determiner,
    possessive or country ("Kremlin spokesman", "Foreign Minister"), capitalized."""
    title_lo = lo
    for k in range(lo, office.start):
        tok = doc[k]
        if tok.lower_ in lex.words.determiners or tok.text in lex.words.possessives or _is_place_at(phrases, k):
            title_lo = k + 1
    title = doc[title_lo : office.stop].text if title_lo < office.stop else doc[office.start : office.stop].text
    return title[:1].upper() + title[1:]


def _hits(phrases: dict[int, Candidate], tokens: range) -> tuple[Hit, ...]:
    """The dictionary readings of the phrases that start at ``tokens``."""
    return tuple(h for k in tokens if k in phrases for h in phrases[k].hits)


def title_after(
    doc: Doc, lowers: list[str], tok_end: int, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """An appositive title after a name: "Delfin Lorenzana, the Defence Secretary, said", "Ashton Bumhira,
    director of Youth Forum Zimbabwe"; or only the organization: "Sheldon Yett of UNICEF"."""
    n, determiners = len(doc), lex.words.determiners
    if tok_end < n and lowers[tok_end] in lex.words.country_prepositions:
        return of_organization(doc, tok_end, lex, phrases)
    if tok_end + 1 >= n or doc[tok_end].text != ",":
        return None
    lo = hi = tok_end + 1
    first = lo + 1 if lowers[lo] in determiners else lo
    while hi < n and hi - lo < MAX_TITLE_TOKENS and _title_token(doc[hi], lex.words) and not doc[hi].is_space:
        if hi > lo and lowers[hi] in determiners:
            break
        hi += 1
    found = title_words(doc, lowers, first, hi, lex) if hi > first else None
    if found is None or found[0].stop != hi or (hi < n and doc[hi].pos_ in ("NOUN", "PROPN")):
        return of_organization(doc, tok_end + 1, lex, phrases) if first == lo else None
    office, sector = found
    title = _title_text(doc, first, office, lex, phrases)
    start = doc[first].idx
    appositive = Span(start, _span_end(doc[hi - 1]), doc[first:hi].text)
    owner = of_organization(doc, hi, lex, phrases, rank=True)
    hits = _hits(phrases, range(lo, hi)) + (owner.hits if owner is not None else ())
    return Modifier(start, title, sector, hits, False, appositive,
                    owner.organization if owner is not None else _owner_before(doc, first, office.start))


def _owner_before(doc: Doc, lo: int, title_start: int) -> str | None:
    """The proper name right before a title's words: "Abu Dhabi Media" in "Abu Dhabi Media general manager"."""
    names = [t for t in doc[lo:title_start] if t.pos_ == "PROPN"]
    return " ".join(t.text for t in names) if names else None


def of_organization(
    doc: Doc, k: int, lex: Lexicon, phrases: dict[int, Candidate], rank: bool = False
) -> Modifier | None:
    """ "of UNICEF", "of the Maidan Wardak provincial council" at token ``k``: the organization named there;
    after a rank (``rank``) also "for" and "at" ("a spokesperson for the National Police")."""
    prepositions = lex.words.rank_prepositions if rank else lex.words.country_prepositions
    if k >= len(doc) or doc[k].lower_ not in prepositions:
        return None
    lo = hi = k + 1
    while hi < len(doc) and hi - lo < MAX_TITLE_TOKENS and _title_token(doc[hi], lex.words) and not doc[hi].is_space:
        hi += 1
    while hi > lo and (doc[hi - 1].text in lex.words.possessives or doc[hi - 1].lower_ in lex.words.determiners):
        hi -= 1
    if hi <= lo or not any(t.text[:1].isupper() or t.lower_ in lex.role_words for t in doc[lo:hi]):
        return None
    words = [t for t in doc[lo:hi] if t.lower_ not in lex.words.determiners]
    return Modifier(doc[k].idx, None, None, _hits(phrases, range(lo, hi)), False, None,
                    " ".join(t.text for t in words))


def _outside_title(tok: Token, lex: Lexicon) -> bool:
    """Words before a title that are not part of it: "impeach", "current", "the"."""
    if tok.pos_ == "CCONJ" or tok.lower_ in lex.words.determiners or (
            tok.lower_ in lex.words.not_title_words and tok.pos_ != "PROPN"):
        return True  # "the new governor", but "the New Jersey governor"
    return tok.text[:1].islower() and tok.pos_ in ("NOUN", "VERB") and tok.lower_ not in lex.role_words


def _title_token(tok: Token, words: Words) -> bool:
    """Words a title phrase is made of: nouns, adjectives, names, "the", possessive 's, "U.S."-style dots."""
    if tok.text in words.possessives or tok.text in ("-", "(", ")") or (tok.text == "." and not tok.is_sent_end):
        return True  # "Organisation of Islamic Cooperation (OIC) head"; not the full stop of "Roe, a lawyer."
    return bool(tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET") and not tok.is_punct)


def _joins_nouns(tok: Token, lex: Lexicon) -> bool:
    """A conjunction between two common nouns of one office, neither a title itself: "AU trade and industry
    commissioner" (not "for president and truck driver")."""
    doc, i = tok.doc, tok.i
    if tok.pos_ != "CCONJ" or not 0 < i < len(doc) - 1:
        return False
    around = (doc[i - 1], doc[i + 1])
    return all(t.pos_ == "NOUN" and t.lower_ not in lex.titles for t in around)


def _is_place_at(phrases: dict[int, Candidate], k: int) -> bool:
    """Whether token ``k`` is part of a country or demonym ("the Russian president")."""
    return k in phrases and any(h.kind in ("country", "demonym") for h in phrases[k].hits)


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
