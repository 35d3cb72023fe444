"""Clustering scores: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

A clustering is a mapping from item to cluster label. Gold and response must
cover the same items (coreference scorers with gold mentions assume as much).

- **MUC** (Vilain et al. 1995) counts links: recall is the share of the links
  needed to rebuild each gold cluster that the response has.
- **B-cubed** (Bagga and Baldwin 1998) averages, over items, the share of an
  item's response cluster that is in its gold cluster (precision) and the
  reverse (recall).
- **CEAF-e** (Luo 2005) aligns gold and response clusters one to one so that
  the sum of their similarities ``2|K∩R| / (|K|+|R|)`` is largest; that sum
  over the number of gold (response) clusters is recall (precision).
- **CoNLL F1** is the mean of the three F1 scores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

__all__ = ["Scores", "bcubed", "ceafe", "conll", "muc"]

Scores = tuple[float, float, float]
"""Precision, recall, F1."""

Item = TypeVar("Item", bound=Hashable)
"""What is clustered."""
Label = TypeVar("Label", bound=Hashable)
"""What names a cluster."""


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _clusters(labels: Mapping[Item, Label]) -> list[set[Item]]:
    found: dict[Label, set[Item]] = defaultdict(set)
    for item, label in labels.items():
        found[label].add(item)
    return list(found.values())


def _check(gold: Mapping[Item, Label], response: Mapping[Item, Label]) -> None:
    if gold.keys() != response.keys():
        raise ValueError(f"gold and response cover different items ({len(gold)} and {len(response)})")


def bcubed(gold: Mapping[Item, Label], response: Mapping[Item, Label]) -> Scores:
    """B-cubed precision, recall and F1."""
    _check(gold, response)
    if not gold:
        return 0.0, 0.0, 0.0
    gold_of = {item: cluster for cluster in _clusters(gold) for item in cluster}
    response_of = {item: cluster for cluster in _clusters(response) for item in cluster}
    p = r = 0.0
    for item in gold:
        shared = len(gold_of[item] & response_of[item])
        p += shared / len(response_of[item])
        r += shared / len(gold_of[item])
    p, r = p / len(gold), r / len(gold)
    return p, r, _f1(p, r)


def _muc_recall(keys: list[set[Item]], response: Mapping[Item, Label]) -> float:
    needed = sum(len(k) - 1 for k in keys)
    if needed == 0:
        return 0.0
    found = sum(len(k) - len({response[item] for item in k}) for k in keys)
    return found / needed


def muc(gold: Mapping[Item, Label], response: Mapping[Item, Label]) -> Scores:
    """MUC precision, recall and F1 (0 where there are no links to count)."""
    _check(gold, response)
    r = _muc_recall(_clusters(gold), response)
    p = _muc_recall(_clusters(response), gold)
    return p, r, _f1(p, r)


def ceafe(gold: Mapping[Item, Label], response: Mapping[Item, Label]) -> Scores:
    """CEAF-e precision, recall and F1, with the best one-to-one alignment of clusters."""
    _check(gold, response)
    keys, answers = _clusters(gold), _clusters(response)
    if not keys:
        return 0.0, 0.0, 0.0
    total = 0.0
    for key_ids, answer_ids in _components(keys, answers, response):
        weights = [[2 * len(keys[k] & answers[a]) / (len(keys[k]) + len(answers[a])) for a in answer_ids]
                   for k in key_ids]
        total += _best_assignment(weights)
    p, r = total / len(answers), total / len(keys)
    return p, r, _f1(p, r)


def conll(gold: Mapping[Item, Label], response: Mapping[Item, Label]) -> dict[str, Scores | float]:
    """MUC, B-cubed and CEAF-e scores, and the CoNLL F1 (the mean of their F1s)."""
    scores = {"muc": muc(gold, response), "bcubed": bcubed(gold, response), "ceafe": ceafe(gold, response)}
    mean = sum(s[2] for s in scores.values()) / 3
    return {**scores, "conll_f1": mean}


def _components(keys: list[set[Item]], answers: list[set[Item]],
                response: Mapping[Item, Label]) -> list[tuple[list[int], list[int]]]:
    """Groups of gold and response clusters that overlap only among themselves (aligned apart)."""
    answer_of_label = {}
    for index, cluster in enumerate(answers):
        answer_of_label[response[next(iter(cluster))]] = index
    parent = list(range(len(keys) + len(answers)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, cluster in enumerate(keys):
        for item in cluster:
            parent[root(len(keys) + answer_of_label[response[item]])] = root(k)
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for k in range(len(keys)):
        groups[root(k)][0].append(k)
    for a in range(len(answers)):
        groups[root(len(keys) + a)][1].append(a)
    return [g for g in groups.values() if g[0] and g[1]]


def _best_assignment(weights: list[list[float]]) -> float:
    """The largest sum of weights over a one-to-one assignment of rows to columns (Hungarian method)."""
    if not weights or not weights[0]:
        return 0.0
    if len(weights) > len(weights[0]):
        weights = [list(col) for col in zip(*weights, strict=True)]
    n, m = len(weights), len(weights[0])
    cost = [[-w for w in row] for row in weights]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        low, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < low[j]:
                        low[j], way[j] = reduced, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(weights[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])
