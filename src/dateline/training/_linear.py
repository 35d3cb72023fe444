"""Linear models over hashed features, fitted with numpy alone: a logistic regression and a ranker.

Features are weight slots (:mod:`dateline.quotes._hashing`): a row of a slot
matrix lists the slots its features hash to, and its score is the sum of their
weights. :func:`fit_binary` fits a logistic regression (is this token a cue?);
:func:`fit_ranker` a conditional-logit ranker that picks one candidate of each
group (which span is the content?). Both use mini-batch Adam with L2 shrinkage,
a seeded order of examples, and return float32 weights: the same data and seed
give the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.quotes._hashing import softmax_groups

__all__ = ["Fit", "fit_binary", "fit_ranker"]

#: Adam's moment decay rates and its guard against division by zero (the usual values).
_BETA1, _BETA2, _EPS = 0.9, 0.999, 1e-8


@dataclass(frozen=True)
class Fit:
    """How to fit: passes over the data, step size, L2 shrinkage, examples (or groups) per step, seed."""

    epochs: int
    lr: float
    l2: float
    batch: int
    seed: int = 0


class _Adam:
    def __init__(self, dim: int, lr: float) -> None:
        self.w = np.zeros(dim, dtype=np.float64)
        self.m = np.zeros(dim)
        self.v = np.zeros(dim)
        self.t = 0
        self.lr = lr

    def step(self, grad: np.ndarray, touched: np.ndarray) -> None:
        self.t += 1
        g = grad[touched]
        self.m[touched] = _BETA1 * self.m[touched] + (1 - _BETA1) * g
        self.v[touched] = _BETA2 * self.v[touched] + (1 - _BETA2) * g * g
        mhat = self.m[touched] / (1 - _BETA1 ** self.t)
        vhat = self.v[touched] / (1 - _BETA2 ** self.t)
        self.w[touched] -= self.lr * mhat / (np.sqrt(vhat) + _EPS)
        self.w[0] = 0.0  # the padding slot


def _step(opt: _Adam, rows: np.ndarray, residual: np.ndarray, scale: int, l2: float) -> None:
    """One Adam step for slot rows ``rows`` whose loss gradient per row is ``residual``."""
    grad = np.bincount(rows.ravel(), weights=np.repeat(residual, rows.shape[1]), minlength=len(opt.w)) / scale
    touched = np.unique(rows)
    grad[touched] += l2 * opt.w[touched]
    opt.step(grad, touched)


def fit_binary(slots: np.ndarray, labels: np.ndarray, bits: int, fit: Fit) -> np.ndarray:
    """Logistic regression on the slot matrix ``slots`` (rows x templates) and 0/1 ``labels``; returns the
    weights (the bias is the weight of a constant template)."""
    opt = _Adam(1 << bits, fit.lr)
    rng = np.random.default_rng(fit.seed)
    n = len(slots)
    for _ in range(fit.epochs):
        order = rng.permutation(n)
        for k in range(0, n, fit.batch):
            rows = order[k:k + fit.batch]
            xb = slots[rows]
            z = opt.w[xb].sum(axis=1)
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            _step(opt, xb, p - labels[rows], len(rows), fit.l2)
    return opt.w.astype(np.float32)


def fit_ranker(slots: np.ndarray, starts: np.ndarray, gold: np.ndarray, bits: int, fit: Fit) -> np.ndarray:
    """Conditional logit: the rows of ``slots`` are candidates, grouped contiguously from ``starts``; ``gold``
    holds the row of each group's right candidate. Returns the weights."""
    opt = _Adam(1 << bits, fit.lr)
    rng = np.random.default_rng(fit.seed)
    ends = np.append(starts[1:], len(slots))
    for _ in range(fit.epochs):
        order = rng.permutation(len(starts))
        for k in range(0, len(starts), fit.batch):
            groups = np.sort(order[k:k + fit.batch])
            sizes = ends[groups] - starts[groups]
            rows = np.concatenate([np.arange(s, e) for s, e in zip(starts[groups], ends[groups], strict=True)])
            local = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            xb = slots[rows]
            p = softmax_groups(opt.w[xb].sum(axis=1), local)
            target = np.zeros(len(rows))
            target[local + (gold[groups] - starts[groups])] = 1.0
            _step(opt, xb, p - target, len(groups), fit.l2)
    return opt.w.astype(np.float32)
