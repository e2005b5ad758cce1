"""Which periods of a corpus have a topic of their own, and which topics are catch-alls for the others.

One model over a corpus of several eras gives topics of its largest era; a smaller era's paragraphs then
load on no topic or spread thinly over topics of other eras. :func:`period_topics` says so per period,
with the shares that show it; :func:`own_terms` says when a topic's top terms are a period's own words,
so that a topic made by a small period (its top terms its words) is not taken for a catch-all.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["period_topics", "own_terms", "period_labels"]

COLUMNS = ["period", "n_paragraphs", "no_topic_share", "own_topic_ids", "own_topics", "own_share", "other_share",
           "other_topics", "catch_all_topics", "has_own_topic"]


def own_terms(model: Any, mask: np.ndarray, topic: int, *, min_share: float = 0.5) -> list[str]:
    """The top terms of ``topic`` that occur mostly (at least ``min_share`` of the paragraphs holding them) in
    the paragraphs ``mask`` selects; [] for a model without the paragraphs' top-term presence.

    Example:
        >>> from types import SimpleNamespace
        >>> from scipy import sparse
        >>> m = SimpleNamespace(top_term_presence_=sparse.csr_matrix([[1, 1], [1, 0], [0, 1], [0, 1]]),
        ...                     top_term_columns_=[[0, 1]], top_term_names_=[["boy", "world"]])
        >>> own_terms(m, np.array([True, True, False, False]), 0)   # "world": 1 of its 3 paragraphs
        ['boy']
    """
    presence = getattr(model, "top_term_presence_", None)
    if presence is None:
        return []
    columns = model.top_term_columns_[topic]
    held = presence[:, columns]
    total = np.asarray(held.sum(axis=0)).ravel()
    inside = np.asarray(held[np.flatnonzero(mask)].sum(axis=0)).ravel()
    return [name for name, a, b in zip(model.top_term_names_[topic], inside, total) if b > 0 and a >= min_share * b]


def period_labels(published: pd.Series, documents: pd.DataFrame) -> pd.Series:
    """Each publication date's period (:func:`kzlib.timeline.checks.publication_clusters` of ``documents``:
    dates more than 90 days apart split periods) as "first to last" months ("2022-01" for one month); NaN
    for no date.

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abc"), "published": ["1998-03-01", "1998-04-02", "2016-05-01"]})
        >>> period_labels(pd.Series(["1998-04-02", "2016-05-01", ""]), docs).tolist()
        ['1998-03 to 1998-04', '2016-05', nan]
    """
    from kzlib.timeline.checks import publication_clusters

    clusters = publication_clusters(documents)
    day = published.fillna("").astype(str).str.slice(0, 10)
    out = pd.Series(np.nan, index=published.index, dtype=object)
    for row in clusters.itertuples():
        first, end = str(row.first), str(row.end)
        label = first[:7] if first[:7] == end[:7] else f"{first[:7]} to {end[:7]}"
        out[(day >= first) & (day <= end)] = label
    return out


def period_topics(model: Any, periods: pd.Series, *, min_paragraphs: int = 20, own_weight: float = 1 / 3,
                  min_own_terms: int = 3, min_own_share: float = 0.5, min_catch: float = 0.15, offset: int = 0) -> pd.DataFrame:
    """Per period (``periods``: each of ``model.paragraphs_``'s paragraphs' period, NaN = none), whether it has
    a topic of its own.

    Topic t is period g's *own* when g gives at least ``own_weight`` of t's weight, or when at least
    ``min_own_terms`` of t's top terms occur mostly in g's paragraphs (:func:`own_terms`: a small period's
    subject that made a topic of a larger one). g *has a topic of its own* when at least ``min_own_share``
    of its paragraphs with vocabulary terms have one of its own topics as heaviest topic; otherwise its
    paragraphs load on no topic or spread over other periods' topics, and each of those that is the heaviest
    topic of at least ``min_catch`` of its paragraphs is a *catch-all* for g. Periods with fewer than
    ``min_paragraphs`` paragraphs with vocabulary terms are not judged. Topic ids are written plus ``offset``
    (the model's first id in a study of several models).

    Returns one row per period: n_paragraphs, no_topic_share, own_topic_ids ("1, 7"), own_topics ("1 (75% of
    its paragraphs, top terms mostly its own: elian, cuba, boy)": the share of g's paragraphs on it, and g's
    own top terms of it or g's share of its weight; "; " between topics), own_share, other_share,
    other_topics ("1 27%, 5 21%"), catch_all_topics (ids, "1, 5"), has_own_topic.

    Example:
        >>> from types import SimpleNamespace
        >>> per = pd.Series(["2016"] * 100 + ["2022"] * 40)      # 2022: half no topic, half on 2016's topic 0
        >>> heavy = [0] * 60 + [1] * 40 + [0] * 20 + [-1] * 20
        >>> shares = np.zeros((140, 2)); shares[np.arange(140), np.maximum(heavy, 0)] = np.array(heavy) >= 0
        >>> m = SimpleNamespace(topics_=pd.DataFrame({"topic_id": [0, 1]}), doc_topics_=pd.DataFrame(
        ...     {"weight": shares.ravel()}), paragraph_fit_=pd.DataFrame({"topic_id": heavy, "status":
        ...     np.where(np.array(heavy) >= 0, "topic", "no topic")}))
        >>> period_topics(m, per)[["period", "no_topic_share", "other_topics", "has_own_topic"]].values.tolist()
        [['2016', 0.0, '', True], ['2022', 0.5, '0 50%', False]]
    """
    fit = model.paragraph_fit_
    k = len(model.topics_)
    shares = model.doc_topics_["weight"].to_numpy().reshape(len(fit), k)
    status = fit["status"].to_numpy()
    heavy = fit["topic_id"].to_numpy()
    has = status == "topic"
    total = shares[has].sum(axis=0)
    p = periods.astype(object).to_numpy()
    dated = periods.notna().to_numpy()
    names = sorted({str(x) for x in p[dated]})
    rows = []
    owners: dict[str, dict[int, str]] = {}
    for name in names:
        mask = dated & (p.astype(str) == name)
        weight = np.divide(shares[mask & has].sum(axis=0), total, out=np.zeros(k), where=total > 0)
        owners[name] = {}
        for t in range(k):
            words = own_terms(model, mask, t)
            if weight[t] >= own_weight:
                owners[name][t] = f"{weight[t]:.0%} of the topic's weight"
            elif len(words) >= min_own_terms:
                owners[name][t] = "top terms mostly its own: " + ", ".join(words[:3])
    for name in names:
        mask = dated & (p.astype(str) == name) & (status != "no vocabulary term")
        n = int(mask.sum())
        if n < min_paragraphs:
            continue
        on = np.bincount(heavy[mask & has], minlength=k) / n
        own = owners[name]
        own_share = float(sum(on[t] for t in own))
        others = [t for t in np.argsort(-on, kind="stable") if on[t] > 0 and t not in own]
        has_own = own_share >= min_own_share
        catch = [int(t) for t in others if not has_own and on[t] >= min_catch]
        rows.append({"period": name, "n_paragraphs": n, "no_topic_share": round(float((status[mask] == "no topic").mean()), 4),
                     "own_topic_ids": ", ".join(str(t + offset) for t in sorted(own)),
                     "own_topics": "; ".join(f"{t + offset} ({on[t]:.0%} of its paragraphs, {own[t]})" for t in sorted(own)),
                     "own_share": round(own_share, 4), "other_share": round(float(sum(on[t] for t in others)), 4),
                     "other_topics": ", ".join(f"{t + offset} {on[t]:.0%}" for t in others[:4]),
                     "catch_all_topics": ", ".join(str(t + offset) for t in catch), "has_own_topic": has_own})
    return pd.DataFrame(rows, columns=COLUMNS)
