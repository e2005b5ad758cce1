"""Cross-validated evaluation of a stance classifier on coded rows (:func:`evaluate`): per-class precision,
recall and F1 and SemEval's F_avg, each with a bootstrap interval over the pooled out-of-fold predictions."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from kzlib.errors import AnnotationError, ParameterError
from kzlib.stance.classifier import _check_X, _check_y
from kzlib.stance.targets import STANCES

logger = logging.getLogger(__name__)

__all__ = ["StanceEvaluation", "evaluate"]


@dataclass
class StanceEvaluation:
    """Cross-validated scores: ``per_class`` (precision, recall, F1 with bootstrap CI, support),
    ``f_avg`` (SemEval: mean F1 of favor and against) with ``f_avg_ci``, and ``predictions``."""

    per_class: pd.DataFrame
    f_avg: float
    f_avg_ci: tuple[float, float]
    accuracy: float
    n: int
    n_boot: int
    predictions: pd.DataFrame

    def table(self) -> pd.DataFrame:
        """One tidy table: per-class rows plus an ``F_avg`` row."""
        fa = pd.DataFrame([{"class": "F_avg (favor, against)", "precision": np.nan, "recall": np.nan,
                            "f1": self.f_avg, "f1_low": self.f_avg_ci[0], "f1_high": self.f_avg_ci[1],
                            "support": self.n}])
        return pd.concat([self.per_class, fa], ignore_index=True)


def _prf(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=list(labels), zero_division=0)
    return p, r, f


def evaluate(
    estimator: Any,
    X: pd.DataFrame,
    y: Sequence[str],
    *,
    cv: int = 5,
    groups: Sequence[Any] | None = None,
    n_boot: int = 1000,
    random_state: int = 0,
) -> StanceEvaluation:
    """Cross-validated per-class F1 and SemEval F_avg, with bootstrap 95% intervals.

    The estimator is cloned and fitted on each training fold; predictions on the held-out folds are
    pooled, and the intervals come from ``n_boot`` resamples of those pooled predictions. Pass
    ``groups`` (e.g. story ids) so that copies of one story never sit on both sides of a split.
    On ~100 examples the intervals are wide: report them.

    Example
    -------
    >>> from kzlib.stance import StanceClassifier
    >>> X = pd.DataFrame({"text": ["We support it.", "We condemn it.", "Weather."] * 6, "target": ["CSTO"] * 18})
    >>> ev = evaluate(StanceClassifier(), X, ["favor", "against", "none"] * 6, cv=3, n_boot=50)
    >>> round(ev.f_avg, 2)
    1.0
    """
    X = _check_X(X).reset_index(drop=True)
    y_arr = _check_y(y, len(X))
    counts = pd.Series(y_arr).value_counts()
    k = int(min(cv, counts.min())) if len(counts) else 0
    if k < 2:
        raise AnnotationError(f"cannot cross-validate: the rarest class has {int(counts.min())} example(s); "
                         "code more examples or lower cv")
    if groups is not None:
        n_groups = len(set(np.asarray(groups).tolist()))
        if n_groups < 2:
            raise ParameterError("cannot cross-validate by groups: there is only one group; pass groups=None or code more stories")
        k = min(k, n_groups)
    if k < cv:
        logger.warning("evaluate: cv lowered from %d to %d (rarest class or number of groups)", cv, k)
    if groups is not None:
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=random_state)
        splits = splitter.split(X, y_arr, np.asarray(groups))
    else:
        splits = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state).split(X, y_arr)
    pred = np.empty(len(X), dtype=object)
    fold = np.zeros(len(X), dtype=int)
    for i, (tr, te) in enumerate(splits):
        est = clone(estimator).fit(X.iloc[tr], y_arr[tr])
        pred[te] = est.predict(X.iloc[te])
        fold[te] = i
    labels = list(STANCES)
    p, r, f = _prf(y_arr, pred, labels)
    rng = np.random.default_rng(random_state)
    boot_f = np.empty((n_boot, len(labels)))
    for b in range(n_boot):
        idx = rng.integers(0, len(y_arr), len(y_arr))
        boot_f[b] = _prf(y_arr[idx], pred[idx], labels)[2]
    lo, hi = np.percentile(boot_f, [2.5, 97.5], axis=0)
    favg_boot = boot_f[:, :2].mean(axis=1)
    per_class = pd.DataFrame({"class": labels, "precision": p.round(4), "recall": r.round(4), "f1": f.round(4),
                              "f1_low": lo.round(4), "f1_high": hi.round(4),
                              "support": [int((y_arr == lab).sum()) for lab in labels]})
    f_avg = float((f[0] + f[1]) / 2)
    ci_low, ci_high = np.percentile(favg_boot, [2.5, 97.5]).round(4)
    ci = (float(ci_low), float(ci_high))
    preds = X.assign(y_true=y_arr, y_pred=pred, fold=fold)
    logger.info("evaluate: n=%d, F_avg=%.3f [%.3f, %.3f]", len(y_arr), f_avg, *ci)
    return StanceEvaluation(per_class, round(f_avg, 4), ci, float((pred == y_arr).mean()), len(y_arr), n_boot, preds)
