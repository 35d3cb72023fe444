"""Cue-token features, computed for every token of an article at once with numpy.

Each template combines token attributes (spaCy's 64-bit string hashes, so no
strings are built) of the token, its neighbours, its head and grandparent, the
dependency labels of its children, its classes in the quotes lexicon and the
quotation marks around it; :func:`cue_slots` hashes them into weight slots.
The lexicon's word lists are features here, not rules: the model learns how
much each class counts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.parts_of_speech import CCONJ, DET, INTJ, NUM, PRON, PUNCT, SCONJ, SPACE, SYM

from dateline.quotes._arrays import Arrays, member, string_hash
from dateline.quotes._hashing import Columns, mix_table, slots, stack_templates
from dateline.quotes._lexicon import Lexicon

__all__ = ["CLASSES", "N_TEMPLATES", "LexiconBits", "cue_rows", "cue_slots"]

#: Word lists of the quotes lexicon that become one bit each (the order is part of the trained model).
CLASSES = ("speech_verbs", "thought_verbs", "stance_verbs", "object_verbs", "cue_nouns", "cue_adjectives",
           "action_verbs", "passive_verbs", "speech_nouns", "agent_nouns", "recipient_verbs", "forecast_verbs",
           "clause_only_verbs", "feeling_nouns", "finding_nouns", "person_pronouns", "group_pronouns",
           "communication_words", "attitude_words")

#: Children dependency labels that become one bit of a token's child mask.
CHILD_DEPS = ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "neg", "aux", "auxpass", "agent", "advcl",
              "parataxis", "dative", "attr", "oprd", "acomp", "mark", "prt", "conj", "pobj", "acl", "relcl", "expl",
              "csubj", "npadvmod", "advmod")
_CHILD_KEYS = np.asarray([string_hash(d) for d in CHILD_DEPS], dtype=np.uint64)
_ORDER = np.argsort(_CHILD_KEYS)
_SORTED_KEYS = _CHILD_KEYS[_ORDER]
_NEG_BIT = np.uint64(CHILD_DEPS.index("neg"))
_NSUBJ, _NSUBJPASS = string_hash("nsubj"), string_hash("nsubjpass")
_DOBJ, _PREP, _AUX = string_hash("dobj"), string_hash("prep"), string_hash("aux")
_XCOMP, _CCOMP = string_hash("xcomp"), string_hash("ccomp")
_THAT_TAG = string_hash("IN")
_COLON = string_hash(":")
#: Parts of speech that never head a cue (0.2% of PolNeAR train cues are left out by this).
_NEVER_POS = np.asarray(sorted([DET, PRON, PUNCT, SPACE, CCONJ, SCONJ, NUM, SYM, INTJ]), dtype=np.uint64)
#: Punctuation that may stand for a cue: a colon after a speaker, a dash before a credit.
CUE_MARKS = np.asarray(sorted(string_hash(m) for m in (":", "-", "—", "–")), dtype=np.uint64)
N_TEMPLATES = 51


class LexiconBits:
    """The quotes lexicon's word lists as one bit mask per lemma hash, looked up for many tokens at once."""

    def __init__(self, lexicon: Lexicon) -> None:
        masks: dict[int, int] = {}
        for bit, name in enumerate(CLASSES):
            words: frozenset[str] = getattr(lexicon, name)
            for word in words:
                if " " not in word:
                    h = string_hash(word)
                    masks[h] = masks.get(h, 0) | (1 << bit)
        keys = sorted(masks)
        self.keys = np.asarray(keys, dtype=np.uint64)
        self.values = np.asarray([masks[k] for k in keys], dtype=np.uint64)

    def __call__(self, hashes: np.ndarray) -> np.ndarray:
        """The class bits of each lemma hash (0 for words in no list)."""
        if not len(self.keys):
            return np.zeros(len(hashes), dtype=np.uint64)
        k = np.minimum(np.searchsorted(self.keys, hashes), len(self.keys) - 1)
        out: np.ndarray = np.where(self.keys[k] == hashes, self.values[k], np.uint64(0))
        return out


def _child_value(a: Arrays, dep: int, values: np.ndarray, below: np.ndarray) -> np.ndarray:
    """For every token, ``values`` of its (last) child with dependency ``dep``, else 0 (``below``: the tokens whose
    head is another token)."""
    out = np.zeros(a.n, dtype=np.uint64)
    pick = (a.dep == dep) & below
    out[a.head[pick]] = values[pick]
    return out


def _child_mask(a: Arrays, below: np.ndarray) -> np.ndarray:
    """For every token, one bit per dependency label of :data:`CHILD_DEPS` its children have (``below``: the tokens
    whose head is another token)."""
    k = np.minimum(np.searchsorted(_SORTED_KEYS, a.dep), len(_SORTED_KEYS) - 1)
    known = _SORTED_KEYS[k] == a.dep
    bits = np.where(known, np.left_shift(np.uint64(1), _ORDER[k].astype(np.uint64)), np.uint64(0))
    mask = np.zeros(a.n, dtype=np.uint64)
    np.bitwise_or.at(mask, a.head[below], bits[below])
    return mask


#: Farthest a template looks before or after a token (:func:`_shifts`).
_REACH = 2


def _shifts(values: np.ndarray) -> Callable[[int], np.ndarray]:
    """``values`` moved ``k`` places (positive: each token gets the value of the one ``k`` before), 0 past the
    edges, for any ``k`` up to :data:`_REACH` either way: views of one padded copy, made once."""
    n = len(values)
    padded = np.zeros(n + 2 * _REACH, dtype=values.dtype)
    padded[_REACH:_REACH + n] = values
    return lambda k: padded[_REACH - k:_REACH - k + n]


def _bucket(x: np.ndarray, edges: tuple[int, ...]) -> np.ndarray:
    return np.searchsorted(np.asarray(edges), x, side="right").astype(np.uint64)


def cue_rows(a: Arrays) -> np.ndarray:
    """Tokens that may head a cue: not determiners, pronouns, conjunctions, numbers, symbols, spaces or
    punctuation other than a colon or a dash."""
    return np.flatnonzero(~member(a.pos, _NEVER_POS) | member(a.lower, CUE_MARKS))


def _subject_codes(a: Arrays, below: np.ndarray) -> np.ndarray:
    """For every token, its subject's entity type, or the pronoun itself, or its part of speech (0: none;
    ``below``: the tokens whose head is another token)."""
    out = np.zeros(a.n, dtype=np.uint64)
    is_subj = ((a.dep == _NSUBJ) | (a.dep == _NSUBJPASS)) & below
    code = np.where(a.pos == PRON, a.lower, np.where(a.ent != 0, a.ent, a.pos))
    out[a.head[is_subj]] = code[is_subj]
    return out


def _place(a: Arrays) -> dict[str, np.ndarray]:
    """Where each token stands: in its sentence and paragraph, the headline, a sentence with quotation marks."""
    at = np.arange(a.n)
    quoted = (a.quote >= 0).astype(np.uint64)
    sent_quoted = np.zeros(int(a.sent.max()) + 1, dtype=np.uint64)
    np.maximum.at(sent_quoted, a.sent, quoted)
    return {
        "sent_pos": _bucket(at - a.sent_start[a.sent], (1, 2, 3, 6, 11, 21)),
        "to_end": _bucket(a.sent_end[a.sent] - at, (2, 3, 4, 6, 11)),
        "para_first": (a.sent_start[a.sent] <= a.para_start[a.para]).astype(np.uint64),
        "headline": (a.para == 0).astype(np.uint64),
        "sent_quoted": sent_quoted[a.sent],
        "para_pos": _bucket(at - a.para_start[a.para], (1, 2, 3, 4, 6, 9)),
    }


def _templates(a: Arrays, lex: LexiconBits) -> list[Columns]:
    """The 51 cue templates, each a tuple of per-token value columns."""
    L, W, P, T, D, H = a.lemma, a.lower, a.pos, a.tag, a.dep, a.head
    below = np.arange(a.n) != H  # tokens whose head is another token
    HL, HP, HD = L[H], P[H], D[H]
    CM = _child_mask(a, below)
    LEX = lex(L)
    HLEX, HHLEX = LEX[H], LEX[H[H]]
    Q = (a.quote >= 0).astype(np.uint64)
    QM = _shifts(a.is_quote_mark.astype(np.uint64))  # quotation marks, read only around a token
    QN, QP = QM(-1) | QM(-2), QM(1) | QM(2)
    WS, PS = _shifts(W), _shifts(P)
    PW, NW, NW2 = WS(1), WS(-1), WS(-2)
    PP, NP = PS(1), PS(-1)
    subj = _subject_codes(a, below)
    at = _place(a)
    opens = ((_shifts(T)(-1) == _THAT_TAG) | (W == _COLON)).astype(np.uint64)
    neg = (CM >> _NEG_BIT) & np.uint64(1)
    core = CM & np.uint64(0b111111)  # subject and complement bits only
    speechy = (LEX & np.uint64(3)) > 0
    per_sent = np.bincount(a.sent, weights=speechy.astype(np.float64))[a.sent].astype(np.uint64)
    others = np.minimum(per_sent - speechy.astype(np.uint64), np.uint64(3))
    one = np.zeros(a.n, dtype=np.uint64)
    obj, prep = _child_value(a, _DOBJ, L, below), _child_value(a, _PREP, W, below)
    aux, xcomp, ccomp = (_child_value(a, _AUX, W, below), _child_value(a, _XCOMP, L, below),
                         _child_value(a, _CCOMP, P, below))
    return [
        (one,), (L,), (W,), (P,), (T,), (D,), (L, D), (L, T),
        (P, D), (HL, D), (HP, D), (L, HL), (CM,), (L, core), (P, CM),
        (LEX,), (LEX, P), (LEX, D), (LEX, core), (D, HLEX), (D, HD, HHLEX),
        (Q,), (Q, L), (Q, LEX), (QN, LEX, P), (QP, LEX, P), (PW, P),
        (NW, P), (L, NW), (PW, L), (NW, NW2), (PP, P, NP), (subj, P),
        (subj, L), (subj, LEX), (a.suffix, P), (at["sent_pos"], P),
        (D, at["para_first"], at["sent_quoted"], LEX),
        (W, _shifts(a.shape)(1), at["para_pos"], at["headline"]), (L, D, HL), (LEX, core, Q), (L, neg),
        (T, HD), (at["to_end"], P, opens),
        (L, obj), (L, prep), (LEX, aux), (L, xcomp), (LEX, others, Q),
        (L, ccomp, subj), (neg, LEX, T),
    ]


def cue_slots(a: Arrays, lex: LexiconBits, bits: int,
              allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The tokens of ``a`` that may head a cue (:func:`cue_rows`, and ``allowed`` when given) and their weight
    slots (tokens x templates)."""
    rows = cue_rows(a)
    if allowed is not None:
        rows = rows[allowed[rows]]
    if a.n == 0 or len(rows) == 0:
        return rows, np.zeros((0, N_TEMPLATES), dtype=np.int64)
    table, index = _cue_table(a, lex)
    return rows, slots(mix_table(table[rows], index), bits)


def _cue_table(a: Arrays, lex: LexiconBits) -> tuple[np.ndarray, tuple[tuple[int, ...], ...]]:
    """The columns of the cue templates over every token of ``a``, made once per article and lexicon: the rules'
    cues are scored, and then the model's (:func:`dateline.quotes._hashing.stack_templates`)."""
    held = a.cue_table
    if held is None or held[0] is not lex:
        held = a.cue_table = (lex, *stack_templates(_templates(a, lex)))
    return held[1], held[2]
