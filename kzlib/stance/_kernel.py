"""A kernel SVM on the English rows' word vectors (private), whose scores :class:`~kzlib.stance.StanceClassifier`
adds to its linear margins (``kernel_weight``).

The linear SVM weighs each number of the vector block on its own, so a stance that lies in how the parts combine
(a judgment verb in the clause *and* the placeholder as its object) is out of its reach; on NewsMTSC's training
part, cross-validated by source article, the vector block alone scores macro-F1 58.9 with a linear SVM and 64.2
with an RBF kernel. Each row's vector parts are followed by a one-hot code of its target (the targets with
per-target copies in the linear model), times ``target_scale``: with the default 1 and ``gamma`` 0.5, two rows
of different targets are e^-1 as similar as the same texts of one target would be, so that a target's own coded
rows count most and the others still carry. The kernel model is trained on the same rows and its one-vs-rest
scores (scikit-learn's ``decision_function_shape="ovr"``: pairwise votes plus a confidence under one third) are
averaged with the linear margins, weighted ``w`` and ``1 - w`` (late fusion of two margin classifiers;
``benchmarks/RESULTS.md``, "Thirtieth session"). It sees only the vectors (the sentence, the clause, the two
windows; not the mention's own vector).

With ``calibrate``, the averaged margins are Platt-scaled (:class:`_Platt`) on out-of-fold averaged margins
(:func:`_fused_oof_margins`: three more fits of each model on two thirds of the rows; two on halves where a class
has only two rows), so that ``predict_proba`` is the model that ``predict`` uses (thirty-first session; before it,
the linear SVM's alone).

The fit grows faster than the square of the rows (one core, 1,024 columns: 21 s for 7,000 rows, 45 s for 10,000,
over 9 minutes for 20,000): above :data:`MAX_ROWS` it is trained on a stratified sample of that many, with a
logged warning.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import minimize
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.svm import SVC

__all__: list[str] = []

logger = logging.getLogger(__name__)

MAX_ROWS = 10_000


class _KernelScores:
    """An RBF-kernel SVM with balanced class weights on vector features, scored one column per class.

    >>> rng = np.random.default_rng(0)
    >>> V = np.vstack([rng.normal(0, 0.1, (20, 2)) + c for c in ([1, 0], [0, 1], [-1, 0])])
    >>> y = np.repeat(["favor", "against", "none"], 20)
    >>> ks = _KernelScores(C=2.0, gamma=0.5, random_state=0).fit(V, y)
    >>> ks.classes_.tolist(), ks.scores(np.array([[0.0, 1.0], [-1.0, 0.0]])).argmax(axis=1).tolist()
    (['against', 'favor', 'none'], [0, 2])
    """

    def __init__(self, *, C: float, gamma: float, target_scale: float = 1.0, random_state: int = 0,
                 max_rows: int = MAX_ROWS):
        self.target_scale = target_scale
        self.C = C
        self.gamma = gamma
        self.random_state = random_state
        self.max_rows = max_rows

    def _inputs(self, V: np.ndarray, targets: np.ndarray | None) -> np.ndarray:
        """The vectors followed by the scaled one-hot code of ``targets`` among ``targets_``.

        >>> ks = _KernelScores(C=1.0, gamma=0.5, target_scale=2.0)
        >>> ks.targets_ = ["a", "b"]
        >>> ks._inputs(np.zeros((2, 1)), np.array(["b", "c"])).tolist()
        [[0.0, 0.0, 2.0], [0.0, 0.0, 0.0]]
        """
        V = np.asarray(V, dtype=float)
        if not self.targets_ or targets is None:
            return V
        code = np.column_stack([np.asarray(targets) == t for t in self.targets_]).astype(float)
        return np.hstack([V, self.target_scale * code])

    def fit(self, V: np.ndarray, y: np.ndarray, *, targets: np.ndarray | None = None,
            known: list[str] | None = None) -> _KernelScores:
        """Fit on the rows' vectors ``V`` and stances ``y``; ``known``: the targets one-hot coded (of ``targets``)."""
        self.targets_ = list(known or [])
        V, y = self._inputs(V, targets), np.asarray(y, dtype=object)
        if len(y) > self.max_rows:
            logger.warning("StanceClassifier: the kernel model on word vectors is fitted on a stratified sample of "
                           "%d of the %d training rows (its fit is quadratic in the rows); pass kernel_weight=0 "
                           "to go without it", self.max_rows, len(y))
            labels, counts = np.unique(y, return_counts=True)
            rare = np.isin(y, labels[counts < 2])  # a class of one row cannot be stratified: kept whole
            rows = np.flatnonzero(~rare)
            keep, _ = train_test_split(rows, train_size=self.max_rows - int(rare.sum()), stratify=y[rows],
                                       random_state=self.random_state)
            keep = np.sort(np.concatenate([keep, np.flatnonzero(rare)]))
            V, y = V[keep], y[keep]
        self.model_ = SVC(C=self.C, gamma=self.gamma, kernel="rbf", class_weight="balanced",
                          decision_function_shape="ovr").fit(V, y)
        self.classes_ = self.model_.classes_
        return self

    def scores(self, V: np.ndarray, *, targets: np.ndarray | None = None) -> np.ndarray:
        """One score per class of ``classes_``; with two classes one margin, for ``classes_[1]`` (the shape of the
        linear SVM's margins)."""
        return self.model_.decision_function(self._inputs(V, targets))


class _Platt:
    """Platt's (1999) sigmoid on each class's margin, fitted on out-of-fold margins with his smoothed targets
    ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)), the probabilities normalised to sum to 1 (as scikit-learn's
    ``CalibratedClassifierCV(method="sigmoid")`` treats one-vs-rest margins); with two classes, one margin, for
    ``classes[1]``.

    >>> D = np.array([[2.0, -2.0], [1.5, -1.0], [-2.0, 2.0], [-1.0, 1.0]])
    >>> p = _Platt().fit(D, np.array(["a", "a", "b", "b"]), np.array(["a", "b"])).predict_proba(np.array([[3.0, -3.0]]))
    >>> bool(p[0, 0] > 0.5), round(float(p.sum()), 6)
    (True, 1.0)
    """

    def fit(self, D: np.ndarray, y: np.ndarray, classes: np.ndarray) -> _Platt:
        D = D.reshape(len(y), -1)
        positives = [classes[1]] if D.shape[1] == 1 else list(classes)
        self.params_ = [self._sigmoid(D[:, k], np.asarray(y) == c) for k, c in enumerate(positives)]
        return self

    @staticmethod
    def _sigmoid(f: np.ndarray, pos: np.ndarray) -> tuple[float, float]:
        n_pos, n_neg = int(pos.sum()), int((~pos).sum())
        t = np.where(pos, (n_pos + 1.0) / (n_pos + 2.0), 1.0 / (n_neg + 2.0))

        def loss(ab: np.ndarray) -> tuple[float, np.ndarray]:
            z = ab[0] * f + ab[1]  # p = 1 / (1 + exp(z))
            p = 1.0 / (1.0 + np.exp(np.clip(z, -500, 500)))
            nll = float(np.sum(np.logaddexp(0, z) - (1 - t) * z))
            g = t - p  # d nll / dz
            return nll, np.array([float(g @ f), float(g.sum())])

        prior = math.log((n_neg + 1.0) / (n_pos + 1.0))
        fitted = minimize(loss, np.array([0.0, prior]), jac=True, method="L-BFGS-B")
        if not fitted.success:
            logger.warning("StanceClassifier: the Platt scaling of a class did not converge (%s); its probabilities "
                           "may be off", fitted.message)
        a, b = fitted.x
        return float(a), float(b)

    def predict_proba(self, D: np.ndarray) -> np.ndarray:
        D = D.reshape(len(D), -1)
        p = np.column_stack([1.0 / (1.0 + np.exp(np.clip(a * D[:, k] + b, -500, 500)))
                             for k, (a, b) in enumerate(self.params_)])
        if p.shape[1] == 1:
            return np.column_stack([1.0 - p[:, 0], p[:, 0]])
        total = p.sum(axis=1, keepdims=True)
        return np.where(total > 0, p / np.where(total > 0, total, 1.0), 1.0 / p.shape[1])


def _fused_oof_margins(linear: Any, kernel: Callable[[], _KernelScores], Z: Any, V: np.ndarray, y: np.ndarray,
                       targets: np.ndarray, *, known: list[str], weight: float, folds: int,
                       random_state: int) -> np.ndarray:
    """Out-of-fold fused margins, ``(1 - weight)`` times a clone of the linear model's plus ``weight`` times a new
    kernel model's (``kernel()``), on ``folds`` stratified folds: what the fused margins' calibration is fitted on."""
    parts = []
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=random_state).split(V, y):
        d = clone(linear).fit(Z[tr], y[tr]).decision_function(Z[te])
        k = kernel().fit(V[tr], y[tr], targets=targets[tr], known=known).scores(V[te], targets=targets[te])
        parts.append((te, (1 - weight) * d + weight * k))
    out = np.zeros((len(y),) + parts[0][1].shape[1:])
    for te, fused in parts:
        out[te] = fused
    return out
