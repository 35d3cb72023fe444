"""Features of content and source candidates: small integer descriptors, hashed for many candidates at once.

A cue is described by its lexicon class, lemma, dependency label, tag, which
core dependents it has (clause, object, subject), the word after it and
whether it lies inside quotation marks. A content candidate by its kind (how
it was made: :mod:`dateline.quotes._candidates`), length, share inside
quotation marks, first word, sentences spanned, whether it reaches a sentence
or paragraph edge, side of and distance to the cue, place by length among the
cue's candidates, and how many other likely cues it holds. A source candidate
by its dependency path from the cue, the word itself (pronouns) or its part of
speech, entity type, side and distance, and whether it lies inside the content
or inside quotation marks. Each template pairs candidate properties with cue
properties; all candidates of an article are hashed in one numpy pass.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.parts_of_speech import PRON

from dateline.quotes._arrays import Arrays, string_hash
from dateline.quotes._candidates import Content, Source
from dateline.quotes._cue_features import CLASSES
from dateline.quotes._hashing import mix_table, slots

__all__ = ["CueInfo", "content_row", "content_slots", "cue_info", "source_row", "source_slots"]

_SPEECH, _THOUGHT, _STANCE = (1 << CLASSES.index(n) for n in ("speech_verbs", "thought_verbs", "stance_verbs"))
_NOUN, _ADJ, _ACTION = (1 << CLASSES.index(n) for n in ("cue_nouns", "cue_adjectives", "action_verbs"))
_TALK, _ATTITUDE = (1 << CLASSES.index(n) for n in ("communication_words", "attitude_words"))
_CORE = tuple(string_hash(d) for d in ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass"))
_WH = frozenset(string_hash(t) for t in ("WP", "WDT"))
_COLON = string_hash(":")

#: Kinds of content candidates (ids are their places here; unknown kinds share the id of "dep:other").
CONTENT_KINDS = ("dep:ccomp", "dep:xcomp", "dep:dobj", "dep:prep", "dep:advcl", "dep:acl", "dep:acomp", "dep:oprd",
                 "dep:relcl", "dep:attr", "dep:pobj", "dep:advmod", "dep:npadvmod", "dep:appos", "dep:conj",
                 "dep:dep", "dep:pcomp", "dep:intj", "dep:dative", "dep:agent", "dep:parataxis", "dep:other",
                 "prep_obj", "rights", "rights_to_sent_end", "rest_sent", "rest_para", "subtree_right", "before",
                 "before_para", "sent_minus_clause", "head_minus_clause", "grandhead_minus", "q_prev", "q_prev_all",
                 "q_next", "q_next_all", "q_prev_next", "q_prev_next_all", "q_own", "next_para", "next_para_run",
                 "obj_clause", "deep_clause", "dep:nsubjpass", "passive_clause")
_KIND_ID = {k: n for n, k in enumerate(CONTENT_KINDS)}
#: The classes a cue's lexicon bits fall into (speech, thought or stance, noun, adjective, action, other).
_CLASS_ID = {"sp": 1, "th": 2, "nn": 3, "aj": 4, "ac": 5, "ot": 6}


def kind_id(kind: str) -> int:
    """The id of a candidate kind; a kind cut before an inner cue ("rights|cut") gets its own id."""
    if kind.endswith("|cut"):
        return len(CONTENT_KINDS) + _KIND_ID.get(kind[:-4], _KIND_ID["dep:other"])
    return _KIND_ID.get(kind, _KIND_ID["dep:other"])


@dataclass(frozen=True, slots=True)
class CueInfo:
    """What the span features need to know about a cue token: its index, class and integer values."""

    i: int
    cls: str
    values: tuple[int, ...]  # class id, lemma, dep, tag, core dependents, word after, inside quotes

    @property
    def is_colon(self) -> bool:
        return self.values[1] == _COLON


def _cls(mask: int) -> str:
    if (mask & _SPEECH and not mask & _STANCE) or mask & _TALK:
        return "sp"
    if mask & (_THOUGHT | _STANCE | _ATTITUDE):
        return "th"
    if mask & _NOUN:
        return "nn"
    if mask & _ADJ:
        return "aj"
    return "ac" if mask & _ACTION else "ot"


def cue_info(a: Arrays, i: int, lexmask: int, openers: frozenset[int]) -> CueInfo:
    """The description of cue token ``i`` (``lexmask``: its lexicon bits; ``openers``: the hashes of the words
    kept as themselves when they open a content)."""
    deps = {int(a.at.dep[k]) for k in a.kids(i)}
    core = sum(1 << n for n, d in enumerate(_CORE) if d in deps)
    after = int(a.at.lower[i + 1]) if i + 1 < a.n else 1
    if after not in openers and not a.at.punct[min(i + 1, a.n - 1)]:
        after = 2
    cls = _cls(lexmask)
    return CueInfo(i, cls, (_CLASS_ID[cls], int(a.at.lemma[i]), int(a.at.dep[i]), int(a.at.tag[i]), core, after,
                            int(a.at.quote[i] >= 0)))


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return bisect.bisect_right(edges, x)


def content_row(a: Arrays, cue: CueInfo, cand: Content, rank: int, count: int, inner_cues: int,
                openers: frozenset[int]) -> list[int]:
    """The integer descriptor of one content candidate (``rank``: its place by length among ``count``)."""
    spans = cand.spans
    t = a.at
    first, last = spans[0][0], spans[-1][1] - 1
    n_tok = sum(e - s for s, e in spans)
    quoted = sum(a.qcum[e] - a.qcum[s] for s, e in spans) / max(n_tok, 1)
    q = 0 if quoted == 0 else (1 if quoted < 0.5 else (2 if quoted < 0.99 else 3))
    word = t.lower[first]
    opener = word if word in openers else t.pos[first]
    if last < cue.i:
        side, gap = 0, cue.i - last - 1
    elif first > cue.i:
        side, gap = 1, first - cue.i - 1
    else:
        side, gap = 2, 0
    sent_last, sent_first = t.sent[last], t.sent[first]
    sents = min(sent_last - sent_first, 3)
    edges = (4 * int(last + 1 >= t.sent_end[sent_last] - 1) + 2 * int(last + 1 >= t.para_end[t.para[last]] - 1)
             + int(first <= t.sent_start[sent_first]))
    place = 0 if rank == 0 else (2 if rank == count - 1 else 1)
    return [kind_id(cand.kind), _bucket(n_tok, (2, 3, 5, 8, 13, 21, 34, 55)), q, opener, sents, edges,
            min(len(spans), 3), side, min(gap, 4), place, min(inner_cues, 2)]


# Columns of the content descriptors and of the cue values after them, for the templates.
_K, _LB, _Q, _OP, _SN, _ED, _NR, _SD, _GP, _RK, _IN = range(11)
_CCLS, _CLEM, _CDEP, _CTAG, _CCORE, _CAFT, _CQ = range(11, 18)

CONTENT_TEMPLATES: tuple[tuple[int, ...], ...] = (
    (_K,), (_K, _CCLS), (_K, _CLEM), (_K, _CDEP), (_K, _CTAG), (_K, _CCORE), (_K, _CCORE, _CCLS), (_K, _LB),
    (_LB, _CCLS), (_K, _Q), (_Q, _CCLS, _CQ), (_K, _OP), (_OP, _CCLS), (_K, _OP, _CCORE), (_K, _SN), (_K, _ED),
    (_K, _NR), (_K, _SD, _GP), (_K, _CAFT), (_CAFT, _SD, _Q), (_K, _RK), (_RK, _CCLS), (_K, _IN), (_IN, _CCLS),
    (_K, _CQ),
)


def _hash_rows(rows: np.ndarray, templates: Sequence[tuple[int, ...]], bits: int, offset: int) -> np.ndarray:
    return slots(mix_table(rows, tuple(templates), offset), bits)


def content_slots(rows: list[list[int]], cues: list[tuple[int, ...]], bits: int) -> np.ndarray:
    """Weight slots (candidates x templates) of content candidates: ``rows`` their descriptors, ``cues`` the
    values of each one's cue."""
    if not rows:
        return np.zeros((0, len(CONTENT_TEMPLATES)), dtype=np.int64)
    table = np.concatenate([np.asarray(rows, dtype=np.uint64), np.asarray(cues, dtype=np.uint64)], axis=1)
    return _hash_rows(table, CONTENT_TEMPLATES, bits, 100)


@functools.lru_cache(maxsize=4096)
def _path_hash(path: str) -> int:
    return string_hash(path)


def source_row(a: Arrays, cue: CueInfo, cand: Source, in_content: bool, nominal_rank: int) -> list[int]:
    """The integer descriptor of one source candidate (head -1: no source)."""
    if cand.head < 0:
        return [0] * 10
    h, path = cand.head, cand.path
    step = path[: path.find("<", 1)] if path.find("<", 1) > 0 else path
    dist = h - cue.i
    pos, tag = int(a.at.pos[h]), int(a.at.tag[h])
    word = int(a.at.lower[h]) if pos == PRON or tag in _WH else pos
    return [_path_hash(path) | 1, _path_hash(step), word, int(a.at.ent[h]), int(dist > 0),
            _bucket(abs(dist), (2, 3, 5, 8, 13, 21)), int(in_content), int(a.at.quote[h] >= 0),
            min(nominal_rank, 3), int(a.at.dep[h])]


_PATH, _STEP, _WORD, _ENT, _SIDE, _DB, _IC, _IQ, _NRK, _SDEP = range(10)
_SCLS, _SLEM, _SCDEP, _STAG, _SCORE, _SAFT, _SQ = range(10, 17)

SOURCE_TEMPLATES: tuple[tuple[int, ...], ...] = (
    (_PATH,), (_PATH, _SCLS), (_PATH, _STAG), (_PATH, _SLEM), (_STEP, _SCLS), (_STEP, _SCDEP), (_WORD,),
    (_WORD, _ENT), (_ENT, _STEP), (_WORD, _STEP), (_SIDE, _DB), (_SIDE, _DB, _SCLS), (_IC,), (_IC, _STEP),
    (_IQ, _SQ), (_NRK, _SIDE), (_SDEP, _SIDE, _SCLS),
)
#: Templates of the "no source" choice (its descriptor is all zeros: only cue values count).
NONE_TEMPLATES: tuple[tuple[int, ...], ...] = (
    (_PATH,), (_SCLS,), (_STAG,), (_SCDEP,), (_SLEM,), (_SCORE,), (_SCORE, _STAG, _SCDEP),
)


def source_slots(rows: list[list[int]], cues: list[tuple[int, ...]], bits: int) -> np.ndarray:
    """Weight slots of source candidates (the "none" rows use their own templates, the rest padded with 0)."""
    if not rows:
        return np.zeros((0, len(SOURCE_TEMPLATES)), dtype=np.int64)
    table = np.concatenate([np.asarray(rows, dtype=np.uint64), np.asarray(cues, dtype=np.uint64)], axis=1)
    out = _hash_rows(table, SOURCE_TEMPLATES, bits, 200)
    none = table[:, _PATH] == 0
    if none.any():
        filler = np.zeros((int(none.sum()), len(SOURCE_TEMPLATES)), dtype=np.int64)
        filler[:, : len(NONE_TEMPLATES)] = _hash_rows(table[none], NONE_TEMPLATES, bits, 300)
        out[none] = filler
    return out
