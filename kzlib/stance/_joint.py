"""Joint target × stance margins: a stacked feature block of :class:`~kzlib.stance.StanceClassifier`.

A text collected for one target is often about something else, or about a neighbouring target
("none" tweets in SemEval-2016 are mostly off-topic). A linear model over n-grams with per-target
copies weighs each word for one target at a time; it does not ask *which target's texts, with which
stance, does this text resemble most*. A second linear SVM answers that: it is trained on the same
word and character n-grams to tell the ``target|stance`` pairs of the training rows apart (all
targets with enough rows, one class per pair), and its margins become four features of a row: the
margins of its own target's favor, against and none, and how far its own target's best pair is above
the best pair of any other target (how much the text reads as being about its target at all).

The margins of the training rows are *out of fold* (cross-fitting, as in stacked generalisation,
Wolpert 1992): each comes from a model that did not see the row, so the final SVM learns how far
to trust margins as they will be on new texts; new rows get the margins of the model fitted on all
training rows.
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy import sparse
from sklearn.model_selection import GroupKFold, KFold, StratifiedGroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC

__all__: list[str] = []

_STANCE_ORDER = ("favor", "against", "none")
_MISSING = -1.0  # the margin of a pair with no training rows: the SVM's "not this class"
_N_FEATURES = len(_STANCE_ORDER) + 1


def _pair(target: str, stance: str) -> str:
    return f"{target}\x1f{stance}"


def _margin_features(margins: np.ndarray, classes: np.ndarray, row_targets: np.ndarray,
                     known: frozenset[str]) -> np.ndarray:
    """Four features per row from the joint model's margins: its own target's favor, against and
    none margins, and its own target's best margin minus the best margin of any other target
    (zeros for a row whose target the joint model does not know).

    >>> cl = np.array([_pair("a", "favor"), _pair("a", "none"), _pair("b", "favor")])
    >>> _margin_features(np.array([[0.5, -0.2, -0.8]]), cl, np.array(["a"]), frozenset({"a", "b"})).tolist()
    [[0.5, -1.0, -0.2, 1.3]]
    """
    col = {c: j for j, c in enumerate(classes.tolist())}
    owner = np.array([c.split("\x1f", 1)[0] for c in classes.tolist()])
    out = np.zeros((len(row_targets), _N_FEATURES))
    for i, t in enumerate(row_targets.tolist()):
        if t not in known:
            continue
        own = [margins[i, col[_pair(t, s)]] if _pair(t, s) in col else _MISSING for s in _STANCE_ORDER]
        others = margins[i, owner != t]
        out[i] = [*own, max(own) - (others.max() if others.size else _MISSING)]
    return out


class _JointMargins:
    """Fits the joint ``target|stance`` SVM on rows of the known targets and gives the four features.

    >>> A = sparse.csr_matrix(np.eye(6))
    >>> jm = _JointMargins(C=1.0, folds=2, random_state=0)
    >>> tr = jm.fit_features(A, np.array(["a"] * 3 + ["b"] * 3), np.array(["favor", "against", "none"] * 2))
    >>> tr.shape, jm.transform(A, np.array(["c"] * 6)).tolist()[0]
    ((6, 4), [0.0, 0.0, 0.0, 0.0])
    """

    def __init__(self, *, C: float, folds: int = 5, random_state: int = 0):
        self.C = C
        self.folds = folds
        self.random_state = random_state

    def _svm(self) -> LinearSVC:
        return LinearSVC(C=self.C, random_state=self.random_state)

    def fit_features(self, A: sparse.spmatrix, targets: np.ndarray, y: np.ndarray,
                     groups: np.ndarray | None = None) -> np.ndarray:
        """Fit on all rows (for :meth:`transform`) and return the rows' own out-of-fold features; rows of one
        ``groups`` value (one text read for several targets) fall in one fold, so that no row's margins come
        from a model that saw its text under another target."""
        A = sparse.csr_matrix(A)
        self.known_ = frozenset(targets.tolist())
        labels = np.array([_pair(t, s) for t, s in zip(targets.tolist(), y.tolist())])
        self.model_ = self._svm().fit(A, labels)
        out = np.zeros((len(labels), _N_FEATURES))
        splits = self._splits(A, labels, groups)
        for tr, te in splits:
            if len(set(labels[tr].tolist())) < 2:
                continue
            m = self._svm().fit(A[tr], labels[tr])
            out[te] = _margin_features(_decision(m, A[te]), m.classes_, targets[te], self.known_)
        return out

    def _splits(self, A: sparse.spmatrix | np.ndarray, labels: np.ndarray,
                groups: np.ndarray | None) -> list[tuple[np.ndarray, np.ndarray]]:
        """The cross-fitting folds: stratified by ``target|stance`` pair where the pairs allow it, and with the
        rows of one ``groups`` value (one text) in one fold.

        >>> jm = _JointMargins(C=1.0, folds=2, random_state=0)
        >>> labels, texts = np.array(["a|favor", "b|favor", "a|none", "b|none"] * 2), np.repeat(np.arange(4), 2)
        >>> all(set(texts[tr]).isdisjoint(texts[te]) for tr, te in jm._splits(np.eye(8), labels, texts))
        True
        """
        folds = min(self.folds, len(labels))
        if groups is not None and len(np.unique(groups)) < len(groups):
            folds = min(folds, len(np.unique(groups)))
            if np.unique(labels, return_counts=True)[1].max() >= folds:
                with warnings.catch_warnings():  # a rare pair may have fewer rows than folds
                    warnings.simplefilter("ignore", UserWarning)
                    splits = list(StratifiedGroupKFold(folds, shuffle=True, random_state=self.random_state)
                                  .split(A, labels, groups))
            else:
                splits = list(GroupKFold(folds).split(A, labels, groups))
        elif np.unique(labels, return_counts=True)[1].max() >= folds:
            with warnings.catch_warnings():  # a rare pair may have fewer rows than folds: missing in some folds
                warnings.simplefilter("ignore", UserWarning)
                splits = list(StratifiedKFold(folds, shuffle=True, random_state=self.random_state).split(A, labels))
        else:  # every pair is rarer than the folds: stratifying is impossible
            splits = list(KFold(folds, shuffle=True, random_state=self.random_state).split(A))
        return splits

    def transform(self, A: sparse.spmatrix, targets: np.ndarray) -> np.ndarray:
        """The four features of new rows, from the model fitted on all training rows (zeros for a target the
        training rows did not have)."""
        return _margin_features(_decision(self.model_, sparse.csr_matrix(A)), self.model_.classes_, targets,
                                self.known_)


def _decision(model: LinearSVC, A: sparse.spmatrix) -> np.ndarray:
    """One margin per class, also for a two-class model (whose one margin is for ``classes_[1]``)."""
    d = model.decision_function(A)
    return np.column_stack([-d, d]) if d.ndim == 1 else d
