"""Candidates the learned model chooses among: content spans and source words for one cue token.

Content candidates come from the parse and the quotation marks around a cue:
the subtree of each of its dependents (a passive cue's subject too, alone and
with the cue's complement: "The causes are hotly debated", "X was expected to
win"), all its right-hand dependents, the rest
of its sentence or paragraph, what comes before it ("..., he said"), its
sentence or its head's clause without the cue's own clause ("The museum, he
said, is ..."; "according to X, ..."), the quoted runs of its paragraph before
and after it, singly and chained, and the next paragraphs after a colon. Each
is also offered cut before another likely cue inside it ("told X that Y, adding
Z"). Source candidates are "none" and the nominal words of the cue's sentence
(its paragraph before a colon), with the dependency path from the cue to each.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from dateline.quotes._arrays import Arrays, TokenRanges, string_hash

__all__ = ["MAX_SOURCES", "Content", "Source", "content_candidates", "dep_path", "source_candidates", "tokens_of"]

#: Dependents whose subtree is never what a cue reports.
_SKIP_CHILD = frozenset({"punct", "aux", "auxpass", "neg", "nsubj", "nsubjpass", "cc", "mark", "det", "poss",
                         "case", "expl", "prt", "compound", "amod", ""})
_LEFT_SUBJ = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: A passive cue's complements that, with its subject, make what it reports ("X was expected to win").
_PASSIVE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "oprd", "attr", "acomp"})
#: Dependents through which a cue reports the clause of a verb below it ("as saying", "to say").
_BRIDGES = frozenset({"prep", "advcl", "xcomp", "pcomp"})
_COLON = string_hash(":")
#: Most paragraphs a colon's content runs over when each opens with a quotation mark.
MAX_COLON_PARAGRAPHS = 6
#: Most source candidates per cue (the nearest ones; a bound for very long sentences).
MAX_SOURCES = 16
#: Longest dependency path (steps) from a cue to a source candidate that keeps its own path feature.
MAX_PATH = 4

Found = list[tuple[str, list[tuple[int, int]]]]


@dataclass(frozen=True, slots=True)
class Content:
    """A content candidate: how it was made (its kind) and its token ranges."""

    kind: str
    spans: TokenRanges


@dataclass(frozen=True, slots=True)
class Source:
    """A source candidate: its head token (-1 for none) and the dependency path from the cue to it."""

    head: int
    path: str


def tokens_of(spans: TokenRanges) -> set[int]:
    """The tokens of ``spans``."""
    return {i for a, b in spans for i in range(a, b)}


def _normalize(a: Arrays, spans: list[tuple[int, int]], cue: int) -> TokenRanges:
    """``spans`` without the cue token, merged, and trimmed of edge punctuation (not quotation marks) and spaces."""
    pieces: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        pieces.extend(((s, cue), (cue + 1, e)) if s <= cue < e else ((s, e),))
    merged: list[list[int]] = []
    for s, e in pieces:
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    edge = a.at.edge
    out = []
    for s, e in merged:
        while s < e and edge[s]:
            s += 1
        while e > s and edge[e - 1]:
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def _subtree(a: Arrays, i: int) -> tuple[int, int]:
    return int(a.at.left[i]), int(a.at.right[i]) + 1


def _next_paragraphs(a: Arrays, cue: int, para_end: int) -> Found:
    """When the cue's paragraph ends with a colon in its sentence, the next paragraph, and the run of paragraphs
    after it that open with a quotation mark ("He declared:" then the quoted speech)."""
    last = para_end - 1
    while last > cue and a.at.space[last]:
        last -= 1
    if last <= cue or a.at.lower[last] != _COLON or a.at.sent[last] != a.at.sent[cue] or para_end >= a.n:
        return []
    k = int(a.at.para[para_end])
    spans = [(int(a.at.para_start[k]), int(a.at.para_end[k]))]
    out: Found = [("next_para", list(spans))]
    while len(spans) < MAX_COLON_PARAGRAPHS and k + 1 < len(a.para_start):
        k += 1
        s, e = int(a.at.para_start[k]), int(a.at.para_end[k])
        while s < e and a.at.space[s]:
            s += 1
        if s >= e or not a.at.is_quote_mark[s]:
            break
        spans.append((s, e))
    if len(spans) > 1:
        out.append(("next_para_run", spans))
    return out


def _cut_at_cues(a: Arrays, cue: int, found: Found, likely: list[int]) -> Found:
    """Candidates after the cue that run past another likely cue, cut before that cue's clause."""
    out: Found = []
    for kind, spans in found:
        s, e = spans[0]
        if len(spans) != 1 or s <= cue or kind.startswith("q_"):
            continue
        k = bisect.bisect_right(likely, s)
        if k < len(likely) and likely[k] < e:
            j = likely[k]
            cut = int(a.at.left[j]) if int(a.at.left[j]) > s else j
            if cut > s:
                out.append((kind + "|cut", [(s, cut)]))
    return out


def _deep_clauses(a: Arrays, bridge: int) -> list[int]:
    """Clauses reported through a verb below the cue ("was quoted as saying that X", "went on to say X",
    "took to Twitter to argue that X"): the clausal complements up to two steps below ``bridge``."""
    out = []
    for k in a.kids(bridge):
        if a.dep_(k) in ("ccomp", "parataxis"):
            out.append(k)
        elif a.dep_(k) in _BRIDGES:
            out.extend(g for g in a.kids(k) if a.dep_(g) in ("ccomp", "parataxis"))
    return out


def _dependents(a: Arrays, cue: int) -> tuple[Found, int]:
    """Candidates from the cue's dependents, and where the cue's clause starts with its subject."""
    found: Found = []
    rights = []
    left = cue
    subject: tuple[int, int] | None = None  # a passive subject before the cue
    complement_end = 0  # where the cue's complements after it end
    for child in a.kids(cue):
        dep = a.dep_(child)
        if dep in _LEFT_SUBJ and child < cue:
            left = min(left, int(a.at.left[child]))
        s, e = _subtree(a, child)
        if dep == "nsubjpass" and child < cue:
            subject = (s, e)
        elif dep in _PASSIVE_COMPLEMENTS and child > cue:
            complement_end = max(complement_end, e)
        if dep in _SKIP_CHILD:
            continue
        found.append((f"dep:{dep}", [(s, e)]))
        if dep == "prep":
            found.extend(("prep_obj", [_subtree(a, g)]) for g in a.kids(child) if a.dep_(g) in ("pobj", "pcomp"))
        elif dep in ("dobj", "attr", "oprd") and child > cue:
            # "expressed amusement that ...", "made the claim that ...": the object's own clause
            found.extend(("obj_clause", [_subtree(a, g)]) for g in a.kids(child)
                         if g > child and a.dep_(g) in ("acl", "ccomp", "relcl", "prep"))
        if dep in _BRIDGES and child > cue:
            found.extend(("deep_clause", [_subtree(a, c)]) for c in _deep_clauses(a, child))
        if child > cue and dep not in ("conj", "cc"):
            rights.append((s, e))
    if rights:
        sent_end = int(a.at.sent_end[a.at.sent[cue]])
        found.append(("rights", [(min(s for s, _ in rights), max(e for _, e in rights))]))
        found.append(("rights_to_sent_end", [(min(s for s, _ in rights), sent_end)]))
    if subject is not None:
        # what a passive cue reports is its subject ("The causes ... are hotly debated"), or its subject with
        # its complement ("The magnate was expected to win")
        found.append(("dep:nsubjpass", [subject]))
        if complement_end:
            found.append(("passive_clause", [(subject[0], complement_end)]))
    return found, left


def _around(a: Arrays, cue: int, left: int) -> Found:
    """Candidates from the cue's sentence and paragraph: the rest, what comes before, and the sentence or the
    head's clause without the cue's own clause."""
    ss, se = int(a.at.sent_start[a.at.sent[cue]]), int(a.at.sent_end[a.at.sent[cue]])
    ps, pe = int(a.at.para_start[a.at.para[cue]]), int(a.at.para_end[a.at.para[cue]])
    lo, hi = _subtree(a, cue)
    found: Found = [("rest_sent", [(cue + 1, se)])]
    if pe > se:
        found.append(("rest_para", [(cue + 1, pe)]))
    found.append(("subtree_right", [(cue + 1, hi)]))
    if left > ss:
        found.append(("before", [(ss, left)]))
        if ps < ss:
            found.append(("before_para", [(ps, left)]))
    if lo > ss or hi < se:
        found.append(("sent_minus_clause", [(ss, lo), (hi, se)]))
    h = int(a.at.head[cue])
    if h != cue:
        hs, he = _subtree(a, h)
        found.append(("head_minus_clause", [(hs, lo), (hi, he)]))
        g = int(a.at.head[h])
        if a.dep_(h) in ("prep", "agent") and g != h:
            gs, ge = _subtree(a, g)
            found.append(("grandhead_minus", [(gs, lo), (hi, ge)]))
    return found


def _quoted(a: Arrays, cue: int) -> Found:
    """Quoted runs of the paragraph around ``cue``: nearest before and after, and chains of them."""
    ps, pe = int(a.at.para_start[a.at.para[cue]]), int(a.at.para_end[a.at.para[cue]])
    own = int(a.at.quote[cue])
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    mine: list[tuple[int, int]] = []
    for seg, s, e in a.quoted_runs:
        if e <= ps:
            continue
        if s >= pe:
            break
        s, e = max(s, ps), min(e, pe)
        (mine if seg == own else before if e <= cue else after if s > cue else []).append((s, e))
    out: Found = []
    if before:
        out.append(("q_prev", [before[-1]]))
        if len(before) > 1:
            out.append(("q_prev_all", before))
    if after:
        out.append(("q_next", [after[0]]))
        if len(after) > 1:
            out.append(("q_next_all", after))
    if before and after:
        out.append(("q_prev_next", [before[-1], after[0]]))
        out.append(("q_prev_next_all", [before[-1], *after]))
    if mine:
        out.append(("q_own", [(mine[0][0], mine[-1][1])]))
    return out


def content_candidates(a: Arrays, cue: int, likely: list[int]) -> list[Content]:
    """Distinct content candidates for the cue token ``cue`` (``likely``: the other tokens that score as cues,
    sorted: a candidate running past one is also offered cut before it)."""
    found, left = _dependents(a, cue)
    found.extend(_around(a, cue, left))
    found.extend(_quoted(a, cue))
    found.extend(_next_paragraphs(a, cue, int(a.at.para_end[a.at.para[cue]])))
    found.extend(_cut_at_cues(a, cue, found, likely))
    out: list[Content] = []
    raw: set[tuple[tuple[int, int], ...]] = set()
    seen: set[TokenRanges] = set()
    for kind, spans in found:
        key = tuple(spans)
        if key in raw:
            continue
        raw.add(key)
        norm = _normalize(a, spans, cue)
        if norm and norm not in seen:
            seen.add(norm)
            out.append(Content(kind, norm))
    return out


def _chain(a: Arrays, i: int, limit: int) -> list[int]:
    """``i`` and up to ``limit`` of its ancestors."""
    up = [i]
    while len(up) <= limit and a.at.head[up[-1]] != up[-1]:
        up.append(int(a.at.head[up[-1]]))
    return up


def dep_path(a: Arrays, i: int, j: int, up_i: list[int]) -> str | None:
    """The dependency path from token ``i`` (``up_i``: its ancestors) to token ``j`` (">relcl<nsubj"), or None
    when it is longer than :data:`MAX_PATH`."""
    up_j = _chain(a, j, MAX_PATH)
    place = {t: k for k, t in enumerate(up_i)}
    for m, t in enumerate(up_j):
        k = place.get(t)
        if k is not None:
            if k + m > MAX_PATH:
                return None
            deps = a.deps
            return "".join(">" + deps[x] for x in up_i[:k]) + "".join("<" + deps[x] for x in reversed(up_j[:m]))
    return None


def source_candidates(a: Arrays, cue: int, exclude: Collection[int]) -> list[Source]:
    """"none", then the nearest nominal tokens of the cue's sentence (its paragraph before a colon) outside
    ``exclude`` (the content), with their path from the cue."""
    if a.at.lower[cue] == _COLON:
        lo, hi = int(a.at.para_start[a.at.para[cue]]), cue
    else:
        lo, hi = int(a.at.sent_start[a.at.sent[cue]]), int(a.at.sent_end[a.at.sent[cue]])
    found = [i for i in (np.flatnonzero(a.nominal[lo:hi]) + lo).tolist() if i != cue and i not in exclude]
    if len(found) > MAX_SOURCES:
        found = sorted(sorted(found, key=lambda i: abs(i - cue))[:MAX_SOURCES])
    up = _chain(a, cue, MAX_PATH)
    out = [Source(-1, "none")]
    for i in found:
        path = dep_path(a, cue, i, up)
        out.append(Source(i, path if path is not None else "far"))
    return out
