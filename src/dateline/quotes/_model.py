"""The learned attribution model: cue scores, then content and source for each cue, without overlaps.

1. Every token gets a cue score from a logistic model over hashed features of
   the token and its parse neighbourhood (:mod:`dateline.quotes._cue_features`).
2. Tokens above the threshold are cue candidates. Each gets its content
   candidates (:mod:`dateline.quotes._candidates`), all scored in one batch by
   the content ranker. Cues are taken in order of score: a cue inside content
   already taken is dropped (one attribution, one record: a quoted fragment
   inside a report is part of the report's content), and a cue keeps its best
   content that overlaps no content already taken.
3. The source ranker picks, for every kept cue at once, the source (or none)
   among the nominal words of the cue's sentence outside its content.

The weights are stored as their non-zero slots (int32) and values (float16) in
one compressed ``.npz`` with the settings as JSON; no pickle.
"""

from __future__ import annotations

import io
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.parts_of_speech import AUX, VERB

from dateline.errors import ResourceError
from dateline.quotes._arrays import Arrays, Ranges, TokenRanges, string_hash
from dateline.quotes._candidates import Content, Source, content_candidates, source_candidates, tokens_of
from dateline.quotes._cue_features import LexiconBits, cue_slots
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._span_features import (
    CueInfo,
    content_row,
    content_slots,
    cue_info,
    source_row,
    source_slots,
)

__all__ = ["FORMAT", "Attribution", "AttributionModel", "Choice", "Features"]

#: Version of the artifact's layout and feature set; a model of another format is refused with a message.
FORMAT = 1
_WEIGHTS = ("cue", "content", "source")
#: Right-hand dependents of a source's head that still belong to its name ("Jane Roe, a senator from Ohio").
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nummod", "amod", "poss", "case", "det", "nmod", "prep",
                        "pobj", "cc", "conj"})
_PRT = string_hash("prt")
_VERBS = frozenset({VERB, AUX})
#: A cue the model keeps: the cue, its content and its extent (the cue word with its particle or phrase).
Choice = tuple[CueInfo, Content, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One predicted attribution: cue, content and source as token and character ranges (``source_head``: the
    source's head token, -1 for none), the cue's score and
    lexicon class ("sp" speech, "th" thought or stance, "nn" noun, "aj" adjective, "ac" action, "ot" other)."""

    cue: tuple[int, int]
    content: TokenRanges
    source: tuple[int, int] | None
    source_head: int
    score: float
    cls: str
    content_chars: Ranges
    cue_chars: Ranges
    source_chars: Ranges


class Features:
    """What the model reads besides the parse: the lexicon's classes, content openers and source phrases."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.bits = LexiconBits(lexicon)
        self.openers = frozenset(string_hash(w) for w in lexicon.content_openers)
        self.phrases = tuple(tuple(string_hash(w) for w in p) for p in lexicon.source_phrases)
        reportable = lexicon.stance_words | lexicon.communication_cues | lexicon.light_verbs | lexicon.learned_cues
        self.reportable = np.asarray(sorted({string_hash(w) for w in reportable}
                                            | {p[0] for p in self.phrases}), dtype=np.uint64)


def source_extent(a: Arrays, head: int, blocked: set[int]) -> tuple[int, int]:
    """The phrase headed by ``head`` (its left words and name-like right dependents), clipped at ``blocked``."""
    left, right = int(a.at.left[head]), head
    for child in a.kids(head):
        if child < head:
            continue
        dep = a.dep_(child)
        if dep in _NAME_DEPS:
            right = max(right, int(a.at.right[child]))
        elif dep != "punct":
            break
    s, e = head, head
    while s - 1 >= left and (s - 1) not in blocked and "\n" not in a.text[a.at.idx[s - 1]:a.at.idx[s]]:
        s -= 1
    while e + 1 <= right and (e + 1) not in blocked and "\n" not in a.text[a.at.end[e]:a.at.end[e + 1]]:
        e += 1
    while e > head and (a.at.punct[e] or a.at.space[e] or a.at.pos[e] in _VERBS):
        e -= 1
    while s < head and (a.at.punct[s] or a.at.space[s]):
        s += 1
    return s, e + 1


def cue_extent(a: Arrays, i: int, phrases: Sequence[tuple[int, ...]]) -> tuple[int, int]:
    """The cue head with its particle ("pointed out") or the rest of a source phrase ("according to")."""
    end = i + 1
    if end < a.n and a.at.dep[end] == _PRT and a.at.head[end] == i:
        end += 1
    for phrase in phrases:
        if len(phrase) > 1 and int(a.at.lower[i]) == phrase[0] and i + len(phrase) <= a.n \
                and all(int(a.at.lower[i + k]) == w for k, w in enumerate(phrase)):
            end = max(end, i + len(phrase))
    return i, end


class AttributionModel:
    """The trained weights, the settings (``config``) and the decoding procedure."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict[str, Any]) -> None:
        self.weights = weights
        self.config = config
        self.threshold = float(config["threshold"])

    def to_bytes(self) -> bytes:
        """The artifact: non-zero weights only (int32 slots, float16 values), compressed, the config as JSON."""
        arrays: dict[str, np.ndarray] = {}
        for name in _WEIGHTS:
            w = self.weights[name]
            nz = np.flatnonzero(np.abs(w) > 1e-4).astype(np.int32)
            arrays[f"{name}_idx"] = nz
            arrays[f"{name}_val"] = w[nz].astype(np.float16)
        arrays["config"] = np.frombuffer(json.dumps(self.config, sort_keys=True).encode(), dtype=np.uint8)
        out = io.BytesIO()
        np.savez_compressed(out, allow_pickle=False, **arrays)
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> AttributionModel:
        """The model saved as ``data`` (``where``: how errors name it)."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as saved:
                config = json.loads(saved["config"].tobytes().decode())
                if config.get("format") != FORMAT:
                    raise ResourceError(f"{where} has format {config.get('format')}, this dateline reads {FORMAT}; "
                                        "retrain it with 'dateline train quotes'")
                weights = {}
                for name in _WEIGHTS:
                    w = np.zeros(1 << int(config[f"{name}_bits"]), dtype=np.float32)
                    w[saved[f"{name}_idx"]] = saved[f"{name}_val"].astype(np.float32)
                    weights[name] = w
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"{where} is not a quotes model ({exc}); retrain it with 'dateline train quotes'") \
                from exc
        return cls(weights, config)

    def cue_scores(self, a: Arrays, features: Features, allowed: np.ndarray | None = None) -> np.ndarray:
        """The cue score of every token (-inf for tokens that cannot head a cue, or are not ``allowed``)."""
        rows, slots = cue_slots(a, features.bits, int(self.config["cue_bits"]), allowed)
        z = np.full(a.n, -np.inf)
        z[rows] = self.weights["cue"][slots].sum(axis=1)
        return z

    def predict(self, a: Arrays, features: Features, threshold: float | None = None,
                allowed: np.ndarray | None = None, taken: np.ndarray | None = None,
                lend: np.ndarray | None = None) -> list[Attribution]:
        """The attributions of one article, in text order (``taken``, ``lend``: see :meth:`decode`)."""
        if a.n == 0:
            return []
        return self.decode(a, self.cue_scores(a, features, allowed), features, threshold, taken=taken, lend=lend)

    def decode(self, a: Arrays, z: np.ndarray, features: Features, threshold: float | None = None,
               allowed: np.ndarray | None = None, taken: np.ndarray | None = None,
               lend: np.ndarray | None = None) -> list[Attribution]:
        """Attributions from cue scores ``z``: cues above ``threshold`` (default the model's) in order of score,
        each with its best content that overlaps no content taken before it, then their sources (``allowed``:
        the tokens that may be cues at all, when the caller reports only some kinds of cue; ``taken``: the
        tokens another reading has attributed already, which are no cue here, and a cue whose best content holds
        one of them is that reading's: it is not read further, unless it also holds one of the tokens ``lend``, the
        contents of that reading's attributions that lack a speaker or a cue)."""
        return self.attributions(a, z, self.choose(a, z, features, threshold, allowed, taken, lend))

    def choose(self, a: Arrays, z: np.ndarray, features: Features, threshold: float | None = None,
               allowed: np.ndarray | None = None, taken: np.ndarray | None = None,
               lend: np.ndarray | None = None) -> list[Choice]:
        """The cues :meth:`decode` keeps, each with its content and its extent, in text order: the attributions
        before their sources are ranked (:meth:`attributions`)."""
        threshold = self.threshold if threshold is None else threshold
        other = taken
        above = np.flatnonzero((z > threshold) & ~a.space & (True if other is None else ~other)
                               & (True if allowed is None else allowed))
        if len(above) == 0:
            return []
        order = above[np.argsort(-z[above], kind="stable")].tolist()
        cues = [cue_info(a, i, int(m), features.openers) for i, m in zip(order, features.bits(a.lemma[order]).tolist(),
                                                                         strict=True)]
        groups, scores = self._content_scores(a, cues, z > threshold, features)
        taken = np.zeros(a.n, dtype=bool)
        kept: list[Choice] = []
        start = 0
        for cue, cands in zip(cues, groups, strict=True):
            mine = scores[start:start + len(cands)]
            start += len(cands)
            if taken[cue.i]:
                continue
            for k in np.argsort(-mine, kind="stable").tolist():
                cand = cands[k]
                if not any(taken[s:e].any() for s, e in cand.spans):
                    extent = cue_extent(a, cue.i, features.phrases)
                    for s, e in (*cand.spans, extent):
                        taken[s:e] = True
                    kept.append((cue, cand, extent))
                    break
        if other is not None:  # a content in words another reading attributed is that reading's
            kept = [k for k in kept if not any(other[s:e].any() for s, e in k[1].spans)
                    or (lend is not None and any(lend[s:e].any() for s, e in k[1].spans))]
        kept.sort(key=lambda k: k[1].spans[0][0])
        return kept

    def _content_scores(self, a: Arrays, cues: list[CueInfo], likely_mask: np.ndarray,
                        features: Features) -> tuple[list[list[Content]], np.ndarray]:
        """Every cue's content candidates and the ranker's scores of all of them, in one batch."""
        inner = np.concatenate([[0], np.cumsum(likely_mask)]).tolist()  # a list: read a span at a time
        likely = np.flatnonzero(likely_mask).tolist()
        groups: list[list[Content]] = []
        rows: list[list[int]] = []
        values: list[tuple[int, ...]] = []
        for cue in cues:
            cands, cand_rows = content_group(a, cue, inner, likely, features.openers)
            groups.append(cands)
            rows.extend(cand_rows)
            values.extend([cue.values] * len(cands))
        scores = self.weights["content"][content_slots(rows, values, int(self.config["content_bits"]))].sum(axis=1)
        return groups, scores

    def sources(self, a: Arrays, features: Features, found: Sequence[tuple[int, Collection[int]]]) -> list[int]:
        """The source head the ranker chooses (-1 for none) for each cue token with its content tokens in
        ``found``: attributions another reading found."""
        groups, rows, values = [], [], []
        masks = features.bits(a.lemma[[i for i, _ in found]]).tolist() if found else []
        for (i, content), mask in zip(found, masks, strict=True):
            cue = cue_info(a, i, int(mask), features.openers)
            sources, source_rows = source_group(a, cue, content)
            groups.append(sources)
            rows.extend(source_rows)
            values.extend([cue.values] * len(sources))
        if not rows:
            return [-1] * len(found)
        scores = self.weights["source"][source_slots(rows, values, int(self.config["source_bits"]))].sum(axis=1)
        heads, start = [], 0
        for sources in groups:
            heads.append(sources[int(np.argmax(scores[start:start + len(sources)]))].head if sources else -1)
            start += len(sources)
        return heads

    def attributions(self, a: Arrays, z: np.ndarray, chosen: Sequence[Choice],
                     sources: bool = True) -> list[Attribution]:
        """The attributions of the cues ``chosen`` (:meth:`choose`), in their order, each with the source the
        ranker picks (or none) among the nominal words of its sentence outside its content; with ``sources``
        false, with no source at all: what is read of an attribution before its source (the ranker is then asked
        only for the sources of those read further)."""
        heads = self._source_heads(a, chosen) if sources else [-1] * len(chosen)
        out = []
        for (cue, cand, extent), head in zip(chosen, heads, strict=True):
            source = None if head < 0 else source_extent(a, head, tokens_of(cand.spans) | set(range(*extent)))
            out.append(Attribution(extent, cand.spans, source, head, float(z[cue.i]), cue.cls,
                                   a.char_ranges(cand.spans), a.char_ranges((extent,)),
                                   a.char_ranges((source,)) if source else ()))
        return out

    def _source_heads(self, a: Arrays, chosen: Sequence[Choice]) -> list[int]:
        """The source head the ranker picks for each cue of ``chosen`` (-1: none), all scored in one batch."""
        groups = []
        rows: list[list[int]] = []
        values: list[tuple[int, ...]] = []
        for cue, cand, _ in chosen:
            sources, source_rows = source_group(a, cue, tokens_of(cand.spans))
            groups.append(sources)
            rows.extend(source_rows)
            values.extend([cue.values] * len(sources))
        if not rows:
            return []
        scores = self.weights["source"][source_slots(rows, values, int(self.config["source_bits"]))].sum(axis=1)
        heads, start = [], 0
        for sources in groups:
            heads.append(sources[int(np.argmax(scores[start:start + len(sources)]))].head)
            start += len(sources)
        return heads


def content_group(a: Arrays, cue: CueInfo, inner: list[int], likely: list[int],
                  openers: frozenset[int]) -> tuple[list[Content], list[list[int]]]:
    """A cue's content candidates and their descriptors (``likely``: the tokens that score as cues, sorted;
    ``inner``: prefix sums of them, as a list)."""
    cands = content_candidates(a, cue.i, [j for j in likely if j != cue.i])
    sizes = [sum(e - s for s, e in c.spans) for c in cands]
    rank = {k: r for r, k in enumerate(sorted(range(len(cands)), key=sizes.__getitem__))}
    rows = [content_row(a, cue, c, rank[k], len(cands), sum(inner[e] - inner[s] for s, e in c.spans), openers)
            for k, c in enumerate(cands)]
    return cands, rows


def source_group(a: Arrays, cue: CueInfo, content: Collection[int]) -> tuple[list[Source], list[list[int]]]:
    """A cue's source candidates outside its content, with their descriptors."""
    sources = source_candidates(a, cue.i, content)
    by_distance = sorted((s.head for s in sources if s.head >= 0), key=lambda h: abs(h - cue.i))
    rank = {h: r for r, h in enumerate(by_distance)}
    return sources, [source_row(a, cue, s, s.head in content, rank.get(s.head, 0)) for s in sources]
