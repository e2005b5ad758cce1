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

The fit grows faster than the square of the rows (one core, 1,024 columns: 21 s for 7,000 rows, 45 s for 10,000,
over 9 minutes for 20,000): above :data:`MAX_ROWS` it is trained on a stratified sample of that many, with a
logged warning.
"""

from __future__ import annotations

import logging

import numpy as np
from sklearn.model_selection import train_test_split
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
            keep, _ = train_test_split(np.arange(len(y)), train_size=self.max_rows, stratify=y,
                                       random_state=self.random_state)
            V, y = V[np.sort(keep)], y[np.sort(keep)]
        self.model_ = SVC(C=self.C, gamma=self.gamma, kernel="rbf", class_weight="balanced",
                          decision_function_shape="ovr").fit(V, y)
        self.classes_ = self.model_.classes_
        return self

    def scores(self, V: np.ndarray, *, targets: np.ndarray | None = None) -> np.ndarray:
        """One score per class of ``classes_``; with two classes one margin, for ``classes_[1]`` (the shape of the
        linear SVM's margins)."""
        return self.model_.decision_function(self._inputs(V, targets))
