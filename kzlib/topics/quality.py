"""How far topics can be trusted: NPMI coherence, agreement of reruns (Hungarian matching) and the
verdicts read from them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from kzlib.errors import CorpusError

__all__ = ["npmi_coherence", "topic_agreement", "stability_verdict"]



def _npmi_from_binary(top_idx: Sequence[Sequence[int]], B: sparse.csc_matrix) -> np.ndarray:
    """Mean pairwise NPMI of each topic's terms (column indices) over the rows of binary matrix B.

    P(w) = share of rows containing w; P(wi, wj) = share containing both;
    NPMI = log(P(wi,wj) / (P(wi) P(wj))) / -log P(wi,wj); -1 when the pair never co-occurs,
    0 when P(wi,wj) = 1 (terms in every row carry no information).
    """
    n = B.shape[0]
    out = np.zeros(len(top_idx))
    for t, idx in enumerate(top_idx):
        idx = list(idx)
        if len(idx) < 2:
            out[t] = np.nan
            continue
        sub = B[:, idx]
        co = (sub.T @ sub).toarray().astype(float)
        p = np.diag(co) / n
        scores = []
        for i in range(len(idx)):
            for j in range(i + 1, len(idx)):
                p_ij = co[i, j] / n
                if p_ij == 0:
                    scores.append(-1.0)
                elif p_ij >= 1.0:
                    scores.append(0.0)
                else:
                    scores.append(math.log(p_ij / (p[i] * p[j])) / -math.log(p_ij))
        out[t] = float(np.mean(scores))
    return out


def npmi_coherence(top_terms: Sequence[Sequence[str]], documents: Iterable[Iterable[str]]) -> list[float]:
    """NPMI coherence of each topic: the mean, over pairs of its terms, of their NPMI in ``documents``.

    Probabilities are shares of documents (here: paragraphs) that contain a term or both terms; a
    pair that never co-occurs scores -1. Terms absent from every document count as never
    co-occurring. The log base cancels out.

    Example:
        >>> docs = [["a", "b"], ["a", "b", "c"], ["a", "c"], ["d"]]
        >>> [round(x, 4) for x in npmi_coherence([["a", "b"], ["a", "d"]], docs)]
        [0.415, -1.0]
    """
    docs = [set(d) for d in documents]
    if not docs:
        raise CorpusError("npmi_coherence needs at least one document")
    vocab = sorted({w for topic in top_terms for w in topic})
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for r, d in enumerate(docs):
        for w in d:
            if w in index:
                rows.append(r)
                cols.append(index[w])
    B = sparse.csc_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(vocab)))
    return [float(x) for x in _npmi_from_binary([[index[w] for w in t] for t in top_terms], B)]


def topic_agreement(reference: Sequence[Sequence[str]], other: Sequence[Sequence[str]]) -> np.ndarray:
    """Per reference topic, the Jaccard overlap of its top terms with its Hungarian-matched topic in ``other``.

    The matching maximises total Jaccard overlap, one-to-one (Greene et al. 2014). Averaging the
    result gives the agreement of two topic models (1 = same top terms, 0 = nothing in common).

    Example:
        >>> topic_agreement([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "x"]]).round(3).tolist()
        [0.333, 1.0]
    """
    ref = [set(t) for t in reference]
    oth = [set(t) for t in other]
    J = np.zeros((len(ref), len(oth)))
    for i, a in enumerate(ref):
        for j, b in enumerate(oth):
            union = len(a | b)
            J[i, j] = len(a & b) / union if union else 0.0
    rows, cols = linear_sum_assignment(-J)
    out = np.zeros(len(ref))
    out[rows] = J[rows, cols]
    return out


def stability_verdict(stability: float) -> str:
    """A word for a mean stability (agreement of top terms across reruns): fragile, moderate or stable.

    Thresholds (a reading aid, not a test): below 0.5 fewer than half of a topic's top terms come
    back on a rerun ("fragile"); 0.5–0.75 "moderate"; 0.75 and above "stable".

    Example:
        >>> stability_verdict(0.3), stability_verdict(0.6), stability_verdict(0.9)
        ('fragile', 'moderate', 'stable')
    """
    if stability is None or not np.isfinite(stability):
        return "unknown"
    return "fragile" if stability < 0.5 else "moderate" if stability < 0.75 else "stable"

