"""Which paragraphs have a topic at all: how much of a paragraph's tf-idf vector the topics reproduce,
and the floor below which a paragraph is said to have no topic.

NMF weights are read as shares of a paragraph (they are divided by their sum). A paragraph whose words
barely load on any topic (another language's words in a model of one language, a photo caption, a
one-off subject) would then get a share near 1 of whichever topic has any weight, and count as much as
a paragraph that is squarely about it. Here a paragraph's **fit** is the share of its (l2-normalised)
tf-idf vector that the model reproduces, ``1 - |x - wH|^2 / |x|^2``. How high a fit is depends on the
paragraph's length (a two-term paragraph is reproduced far better than a forty-term one) and on k and
the vocabulary, so the floor is relative: a paragraph has **no topic** when its fit is below
``min_fit`` (0.1) times the median fit of the model's paragraphs of similar length (number of distinct
terms, in doubling classes 1, 2-3, 4-7, ...; a class of fewer than ``min_class`` paragraphs is pooled
with the next shorter one), or when it has no fit at all (no vocabulary term, or all weights 0).
"""

from __future__ import annotations

import logging

import numpy as np
from scipy import sparse

__all__ = ["paragraph_fit", "fit_floors", "below_floor", "MIN_FIT", "MIN_CLASS"]

log = logging.getLogger(__name__)

MIN_FIT = 0.1  # a paragraph reproduced less than a tenth as well as typical paragraphs of its length has no topic
MIN_CLASS = 20  # paragraphs a length class needs for its own median


def paragraph_fit(X: sparse.csr_matrix, W: np.ndarray, H: np.ndarray) -> np.ndarray:
    """Per row of X, the share of its squared norm that ``W @ H`` reproduces: ``1 - |x - wH|^2 / |x|^2``,
    clipped to [0, 1]; 0 for an empty row. Computed without forming ``W @ H``.

    Example:
        >>> X = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0]]))
        >>> paragraph_fit(X, np.array([[1.0], [0.0]]), np.array([[1.0, 0.0]])).tolist()
        [1.0, 0.0]
    """
    X = sparse.csr_matrix(X, dtype=np.float64)
    x2 = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    cross = np.einsum("ij,ij->i", np.asarray(X @ H.T), W)  # <x, wH>
    wh2 = np.einsum("ij,jk,ik->i", W, H @ H.T, W)  # |wH|^2
    resid = np.maximum(x2 - 2 * cross + wh2, 0.0)
    fit = np.divide(x2 - resid, x2, out=np.zeros_like(x2), where=x2 > 0)
    return np.clip(fit, 0.0, 1.0)


def _length_class(n_terms: np.ndarray) -> np.ndarray:
    return np.floor(np.log2(np.maximum(n_terms, 1))).astype(int)


def fit_floors(fit: np.ndarray, n_terms: np.ndarray, *, min_fit: float = MIN_FIT,
               min_class: int = MIN_CLASS) -> dict[int, float]:
    """The no-topic floor of each length class (``floor(log2(n_terms))``): ``min_fit`` times the median
    fit of the paragraphs (with a term) of that class; classes of fewer than ``min_class`` paragraphs are
    pooled with the next shorter class (the shortest ones with the next longer). Empty when no paragraph
    has a term.

    Example:
        >>> fit_floors(np.array([0.2, 0.4, 0.01]), np.array([2, 2, 3]), min_class=1)
        {1: 0.02}
        >>> fit_floors(np.array([0.2, 0.4]), np.array([2, 40]), min_class=5)
        {1: 0.03, 5: 0.03}
    """
    ok = n_terms > 0
    if not ok.any():
        return {}
    cls = _length_class(n_terms[ok])
    values = fit[ok]
    present = sorted(set(cls.tolist()))
    groups: list[list[int]] = []
    for c in present:  # pool each class into the current group until the group is large enough
        if groups and np.isin(cls, groups[-1]).sum() < min_class:
            groups[-1].append(c)
        else:
            groups.append([c])
    if len(groups) > 1 and np.isin(cls, groups[-1]).sum() < min_class:
        groups[-2].extend(groups.pop())
    floors: dict[int, float] = {}
    for group in groups:
        floor = float(min_fit) * float(np.median(values[np.isin(cls, group)]))
        floors.update({c: round(floor, 9) for c in group})
    return floors


def below_floor(fit: np.ndarray, n_terms: np.ndarray, floors: dict[int, float]) -> np.ndarray:
    """True for paragraphs that have no topic: no term, a fit of 0, or a fit below their length class's
    floor (a class the floors do not know takes the floor of the nearest known class).

    Example:
        >>> below_floor(np.array([0.5, 0.01, 0.3]), np.array([2, 2, 0]), {1: 0.02}).tolist()
        [False, True, True]
    """
    out = (n_terms <= 0) | (fit <= 0)
    if not floors:
        return out
    known = np.array(sorted(floors))
    values = np.array([floors[c] for c in known])
    cls = _length_class(n_terms)
    nearest = np.abs(cls[:, None] - known[None, :]).argmin(axis=1)
    return out | (fit < values[nearest])
