"""A trained classifier and the rules combined (:class:`CombinedStanceClassifier`, and the rule that
:func:`~kzlib.stance.combine_stance` applies to the study's rows): the classifier's stance where its calibrated
probability of that stance reaches ``min_proba``, else the rules'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.utils.validation import check_is_fitted

from kzlib.errors import ParameterError
from kzlib.stance.classifier import RuleStanceClassifier, StanceClassifier
from kzlib.stance.targets import STANCES

__all__ = ["CombinedStanceClassifier", "MIN_PROBA"]


#: the least calibrated probability of the stance the classifier predicts for it to decide over the rules. Chosen
#: in the thirty-first session on the seeds' 114 coded rows (the one coded set with rows both methods read),
#: cross-validated F_avg by ``min_proba``: 0 (the classifier alone) 0.792, 0.4 0.790, 0.5 0.764, 0.6 (the default
#: before) 0.747, 0.7 0.679, 0.8 0.668; the rules alone 0.657. With three coded stances the rules then decide only
#: where the stance the classifier predicts is unlikely by its own calibration; with two coded stances that
#: probability is about 0.5 or more, and the rules practically never decide.
MIN_PROBA = 0.4


def _check_min_proba(min_proba: float) -> None:
    if not 0 <= min_proba <= 1:
        raise ParameterError(f"min_proba must lie in [0, 1], got {min_proba}; {MIN_PROBA} is the default")


def _model_or_rules(model_stance: np.ndarray, model_proba: np.ndarray, rule_stance: np.ndarray, *,
                    min_proba: float) -> tuple[np.ndarray, np.ndarray]:
    """The combination of a classifier and the rules: the classifier's stance where its probability is at least
    ``min_proba``, else the rules'; and which decided (``model`` or ``rules``).

    >>> _model_or_rules(np.array(["favor", "none"]), np.array([0.8, 0.5]), np.array(["none", "against"]),
    ...                 min_proba=0.6)[0].tolist()
    ['favor', 'against']
    """
    _check_min_proba(min_proba)
    use = np.asarray(model_proba) >= min_proba
    return np.where(use, model_stance, rule_stance), np.where(use, "model", "rules")


class CombinedStanceClassifier(ClassifierMixin, BaseEstimator):
    """A trained classifier and the rules combined as :func:`~kzlib.stance.combine_stance` combines them on the
    study's rows (the classifier's stance where its calibrated probability of that stance is at least
    ``min_proba``, :data:`MIN_PROBA` by default, else the rules'), behind the scikit-learn interface, so that
    :func:`~kzlib.stance.evaluate` scores the combination on the same folds as each method alone. ``model``: a
    classifier with ``predict_proba`` (default ``StanceClassifier()``); ``rules``: default
    ``RuleStanceClassifier()``; both are cloned.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support Russia.", "We condemn Russia.", "It rained in Russia."] * 4,
    ...                   "target": ["Russia"] * 12})
    >>> CombinedStanceClassifier().fit(X, ["favor", "against", "none"] * 4).predict(X.head(3)).tolist()
    ['favor', 'against', 'none']
    """

    def __init__(self, model: Any = None, rules: Any = None, min_proba: float = MIN_PROBA):
        self.model = model
        self.rules = rules
        self.min_proba = min_proba

    def fit(self, X: pd.DataFrame, y: Sequence[str]) -> CombinedStanceClassifier:
        _check_min_proba(self.min_proba)
        self.model_ = clone(self.model if self.model is not None else StanceClassifier()).fit(X, y)
        self.rules_ = clone(self.rules if self.rules is not None else RuleStanceClassifier()).fit(X, y)
        self.classes_ = np.array(sorted(STANCES))
        return self

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The classifier's stance where its probability reaches ``min_proba``, else the rules'."""
        check_is_fitted(self, "model_")
        stance, p = _predicted_with_proba(self.model_, X)
        return _model_or_rules(stance, p, np.asarray(self.rules_.predict(X), dtype=object),
                               min_proba=self.min_proba)[0]


def _predicted_with_proba(model: Any, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """A classifier's predicted stances and the probability of each (one pass for a :class:`StanceClassifier`)."""
    if isinstance(model, StanceClassifier):
        stance, proba = model._predict_with_proba(X)
    else:
        stance, proba = model.predict(X), model.predict_proba(X)
    stance = np.asarray(stance, dtype=object)
    col = {c: i for i, c in enumerate(model.classes_)}
    return stance, proba[np.arange(len(stance)), [col[c] for c in stance]]
