"""A fitted topic model's reliability in plain sentences (:func:`describe_reliability`), read from the
measures of :mod:`kzlib.topics.quality` that :class:`~kzlib.topics.model.TopicModel` keeps."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kzlib.topics.model import TopicModel
from kzlib.topics.periods import own_terms, period_topics
from kzlib.topics.quality import stability_verdict

__all__ = ["describe_reliability", "catch_all_topics", "period_lines"]


def catch_all_topics(model: TopicModel, groups: pd.Series, *, min_paragraphs: int = 20, min_absorbed: float = 0.75,
                     max_weight: float = 0.25, max_fit_ratio: float = 0.75, min_own_terms: int = 3) -> pd.DataFrame:
    """Topics that absorb parts of the corpus they do not describe. Topic t *absorbs* group g (a language, a
    publication year) when t is the heaviest topic of at least ``min_absorbed`` of g's paragraphs (with a
    topic) and g gives less than ``max_weight`` of t's weight. t is then a catch-all for g

    - when t absorbs two or more groups (reason ``absorbs several``): a topic that is most of several years'
      paragraphs while each gives it little weight is a generic vocabulary ("president / government /
      people"), whatever its fit: a generic topic fits every subject about equally badly, so a fit test
      cannot tell it from a theme;
    - or, for a single absorbed group, when t reproduces g's paragraphs worse than its other ones (their
      median fit, relative to paragraphs of the same length, is below ``max_fit_ratio`` of the others';
      reason ``fits worse``). A single small group that fits t as well is a small part of t's own subject.

    Either way g's subject has no topic of its own. But t is g's own topic, never a catch-all for it, when at
    least ``min_own_terms`` of t's top terms occur mostly in g's paragraphs (:func:`kzlib.topics.periods.own_terms`:
    a small year's subject that made a topic of a larger one, e.g. a topic whose top terms are the year's
    names). ``groups``: each of ``model.paragraphs_``'s paragraphs'
    group (same order; NaN = none); groups of fewer than ``min_paragraphs`` paragraphs with a topic are not
    judged.

    Returns group, topic_id, label, n_group (paragraphs of g with a topic), n_absorbed, group_weight_share,
    fit_ratio (NaN without a fit, as in LDA), reason.

    Example:
        >>> from types import SimpleNamespace
        >>> years = ["2016"] * 120 + ["1998"] * 20 + ["2000"] * 20      # 1998 and 2000 on 2016's topic 0
        >>> shares = np.zeros((160, 2)); shares[:100, 0] = shares[100:120, 1] = shares[120:, 0] = 1
        >>> m = SimpleNamespace(topics_=pd.DataFrame({"topic_id": [0, 1], "label": ["a", "b"]}),
        ...     paragraph_fit_=pd.DataFrame({"n_terms": 8, "fit": 0.05, "topic_id": shares.argmax(1), "status": "topic"}),
        ...     doc_topics_=pd.DataFrame({"weight": shares.ravel()}))
        >>> catch_all_topics(m, pd.Series(years))[["group", "topic_id", "reason"]].values.tolist()
        [['1998', 0, 'absorbs several'], ['2000', 0, 'absorbs several']]
    """
    columns = ["group", "topic_id", "label", "n_group", "n_absorbed", "group_weight_share", "fit_ratio", "reason"]
    fit = model.paragraph_fit_
    k = len(model.topics_)
    shares = model.doc_topics_["weight"].to_numpy().reshape(len(fit), k)
    has = (fit["status"] == "topic").to_numpy() & groups.notna().to_numpy()
    labels = model.topics_.set_index("topic_id")["label"]
    g = groups.astype(object).to_numpy()
    total = shares[has].sum(axis=0)
    heavy = fit["topic_id"].to_numpy()
    length = np.floor(np.log2(np.maximum(fit["n_terms"].to_numpy(), 1)))
    typical = pd.Series(fit["fit"].to_numpy()[has]).groupby(length[has]).median()
    relative = fit["fit"].to_numpy() / pd.Series(length).map(typical).to_numpy()
    absorbed = []
    for name in sorted({str(x) for x in g[has]}):
        mask = has & (g.astype(str) == name)
        n = int(mask.sum())
        if n < min_paragraphs:
            continue
        heaviest = np.bincount(fit["topic_id"].to_numpy()[mask], minlength=k)
        weight = np.divide(shares[mask].sum(axis=0), total, out=np.zeros(k), where=total > 0)
        for t in range(k):
            if heaviest[t] < min_absorbed * n or weight[t] >= max_weight:
                continue
            if len(own_terms(model, groups.notna().to_numpy() & (g.astype(str) == name), t)) >= min_own_terms:
                continue
            inside = relative[mask & (heavy == t)]
            others = relative[has & ~mask & (heavy == t)]
            ratio = np.nan  # no fit (LDA): absorption decides
            if np.isfinite(inside).any() and np.isfinite(others).any() and np.nanmedian(others) > 0:
                ratio = np.nanmedian(inside) / np.nanmedian(others)
            absorbed.append({"group": name, "topic_id": t, "label": labels.get(t, ""), "n_group": n,
                             "n_absorbed": int(heaviest[t]), "group_weight_share": round(float(weight[t]), 4),
                             "fit_ratio": round(float(ratio), 4)})
    n_absorbed = pd.Series([row["topic_id"] for row in absorbed], dtype=int).value_counts()
    rows = []
    for row in absorbed:
        if n_absorbed[row["topic_id"]] >= 2:
            rows.append({**row, "reason": "absorbs several"})
        elif not (np.isfinite(row["fit_ratio"]) and row["fit_ratio"] >= max_fit_ratio):
            rows.append({**row, "reason": "fits worse"})
    return pd.DataFrame(rows, columns=columns)


def describe_reliability(model: TopicModel, *, min_stability: float = 0.5, max_concentration: float = 0.5,
                         min_docs_per_topic: int = 5, min_coherence: float = 0.05,
                         groups: Mapping[str, pd.Series] | None = None, max_no_topic: float = 0.25,
                         periods: pd.Series | None = None, offset: int = 0) -> str:
    """Plain sentences, computed from a fitted model, on how far its topics can be trusted.

    A topic is *unstable* when its stability is below ``min_stability`` and *single-document* when
    more than ``max_concentration`` of its weight comes from one document; *incoherent* when the NPMI of its
    top terms is below ``min_coherence`` (0 is what words that co-occur by chance score); a topic *vanished* from
    a rerun when its best match there shares less than a quarter of its terms (Jaccard < 0.25).
    The model is called fragile, with the reasons, when its mean stability is below 0.5, when at
    least half of its topics are unstable, single-document or incoherent, or when the corpus has fewer than
    ``min_docs_per_topic`` documents per topic (a theme cannot recur across more documents than
    there are).

    Paragraphs with no topic (``paragraph_fit_``) are counted; when more than ``max_no_topic`` of the
    paragraphs with vocabulary terms have none, the topics describe only part of the corpus, and the
    verdict says so. ``groups`` (e.g. ``{"publication year": years, "language": languages}``, each
    aligned with ``model.paragraphs_``) are checked for :func:`catch_all_topics`; a catch-all topic also
    withholds the "trust" line: stability says a topic comes back, not that it fits every part of the corpus.
    ``periods`` (each paragraph's publication period) adds :func:`kzlib.topics.periods.period_topics`: each
    period with no topic of its own, with its shares of paragraphs on no topic and on other periods' topics,
    and the topics that are catch-alls for it (a topic that is a period's own is said to be so). Topic ids are
    written plus ``offset`` (the model's first id in a study of several models).

    Example:
        >>> print(describe_reliability(TopicModel(k=4).fit(paragraphs)))   # doctest: +SKIP
    """
    model._check_fitted()
    t = model.topics_
    k, n_par = len(t), model.paragraphs_.shape[0]
    n_docs = model.paragraphs_["doc_id"].nunique()
    unstable = int((t["stability"] < min_stability).sum())
    single = int((t["doc_concentration"] > max_concentration).sum())
    incoherent = t.loc[t["coherence"] < min_coherence, "topic_id"].tolist()
    weak = int(((t["stability"] < min_stability) | (t["doc_concentration"] > max_concentration)
                | (t["coherence"] < min_coherence)).sum())
    vanished = int((model.runs_["agreement"] < 0.25).sum())
    verdict = stability_verdict(model.stability_)
    lines = [
        f"{k} topics from {n_par} paragraphs of {n_docs} documents: mean coherence {model.coherence_:.2f} "
        f"(NPMI), mean stability {model.stability_:.2f} over {model.runs_['seed'].nunique()} reruns ({verdict}).",
        f"{unstable} of {k} topics are unstable (stability < {min_stability}); {single} of {k} draw more "
        f"than {max_concentration:.0%} of their weight from a single document; in {vanished} of "
        f"{len(model.runs_)} topic-reruns a topic did not come back (less than a quarter of its terms).",
    ]
    if incoherent:
        lines.append(f"{len(incoherent)} of {k} topics have top terms that co-occur little more than by chance "
                     f"(NPMI < {min_coherence}): topic(s) {', '.join(str(i + offset) for i in incoherent)}; do not read them "
                     "as themes.")
    reasons = []
    if verdict == "fragile":
        reasons.append(f"mean stability is {model.stability_:.2f}, below 0.5")
    if weak >= k / 2:
        reasons.append(f"{weak} of {k} topics are unstable, incoherent or stand for one document")
    if n_docs < min_docs_per_topic * k:
        reasons.append(f"{n_docs} documents for {k} topics is fewer than {min_docs_per_topic} per topic, so a "
                       "topic cannot recur across enough documents to be a theme of the coverage rather than "
                       "of one article")
    fit = getattr(model, "paragraph_fit_", None)
    caveats = []
    if fit is not None:
        with_terms = int((fit["status"] != "no vocabulary term").sum())
        none = int((fit["status"] == "no topic").sum())
        if none:
            lines.append(f"{none} of {with_terms} paragraphs with vocabulary terms ({none / max(with_terms, 1):.0%}) "
                         "load on no topic (the topics reproduce less than a tenth of what they reproduce of "
                         "paragraphs of the same length): they are left out of the prevalences, not given a "
                         "topic they do not have.")
        if with_terms and none > max_no_topic * with_terms:
            caveats.append(f"{none / with_terms:.0%} of the paragraphs have no topic")
    for kind, series in (groups or {}).items():
        found = catch_all_topics(model, series)
        for (topic, label, reason), rows in found.groupby(["topic_id", "label", "reason"], sort=True):
            parts = ", ".join(f"{r.group} ({r.n_absorbed} of {r.n_group} paragraphs, {r.group_weight_share:.0%} of its "
                              "weight)" for r in rows.itertuples())
            why = ("it absorbs several of them, so its terms are a generic vocabulary, not their theme"
                   if reason == "absorbs several" else "they fit it worse than its other paragraphs")
            lines.append(f"Topic {topic + offset} ({label}) is the heaviest topic of most paragraphs of {kind} {parts}, and "
                         f"{why}: for them it is a catch-all, and their own subject has no topic here.")
            caveats.append(f"topic {topic + offset} is a catch-all for {kind} {', '.join(rows['group'])}")
    if periods is not None:
        more, found_caveats = period_lines(model, periods, offset=offset)
        lines += more
        caveats += found_caveats
    if reasons:
        lines.append("These topics are fragile: " + "; ".join(reasons) + ". Read them as a sketch of this "
                     "corpus, not as findings.")
    elif caveats:
        lines.append("Stable as they may be, these topics do not describe the whole corpus (" + "; ".join(caveats)
                     + "): read them as themes of the parts they fit, not of the corpus.")
    elif verdict == "moderate" or weak:
        lines.append("Trust the stable, coherent topics spread over many documents; treat the others as tentative.")
    else:
        lines.append("These topics are stable and spread over many documents.")
    return "\n".join(lines)


def period_lines(model: TopicModel, periods: pd.Series, *, offset: int = 0) -> tuple[list[str], list[str]]:
    """The verdict's sentences on periods (:func:`kzlib.topics.periods.period_topics`) and its caveats: each
    period with no topic of its own and why (shares), each catch-all topic with the periods it absorbs and the
    period it belongs to, if any, and, when some period lacks a topic, the periods that have one.

    Example:
        >>> from types import SimpleNamespace
        >>> per = pd.Series(["2016"] * 100 + ["2022"] * 40)
        >>> heavy = [0] * 60 + [1] * 40 + [0] * 20 + [-1] * 20
        >>> shares = np.zeros((140, 2)); shares[np.arange(140), np.maximum(heavy, 0)] = np.array(heavy) >= 0
        >>> m = SimpleNamespace(topics_=pd.DataFrame({"topic_id": [0, 1], "label": ["a", "b"]}), doc_topics_=
        ...     pd.DataFrame({"weight": shares.ravel()}), paragraph_fit_=pd.DataFrame({"topic_id": heavy,
        ...     "status": np.where(np.array(heavy) >= 0, "topic", "no topic")}))
        >>> print(period_lines(m, per)[0][0])
        Period 2022 (40 paragraphs) has no topic of its own: 50% of its paragraphs load on no topic and 50% on topics of other periods (0 50%); 0% on its own topics.
    """
    table = period_topics(model, periods, offset=offset)
    lacking = table[~table["has_own_topic"].astype(bool)]
    if lacking.empty:
        return [], []
    labels = model.topics_.set_index("topic_id")["label"]
    lines = [f"Period {r.period} ({r.n_paragraphs} paragraphs) has no topic of its own: {r.no_topic_share:.0%} of its "
             f"paragraphs load on no topic and {r.other_share:.0%} on topics of other periods ({r.other_topics or 'none'}); "
             f"{r.own_share:.0%} on its own topics." for r in lacking.itertuples()]
    absorbed: dict[int, list[str]] = {}
    for r in lacking.itertuples():
        shares = dict(part.split(" ") for part in r.other_topics.split(", ") if part)
        for t in (int(x) for x in r.catch_all_topics.split(", ") if x):
            absorbed.setdefault(t, []).append(f"{r.period} ({shares[str(t)]} of its paragraphs)")
    for t, parts in sorted(absorbed.items()):
        owned = []
        for r in table.itertuples():
            for part in r.own_topics.split("; "):
                if part.split(" ")[0] == str(t):
                    owned.append(f"{r.period}'s own topic ({part.split(' (', 1)[1].rstrip(')')})")
        whose = "that period's" if len(owned) == 1 else "those periods'"
        own = f" It is {' and '.join(owned)}: read it as {whose} theme only." if owned else \
            " It is no period's own topic (no period gives it a third of its weight or most of its top terms)."
        lines.append(f"Topic {t} ({labels.get(t - offset, '')}) is a catch-all for period{'s' if len(parts) > 1 else ''} "
                     f"{', '.join(parts)}: {'their' if len(parts) > 1 else 'its'} paragraphs borrow it, "
                     f"{'their' if len(parts) > 1 else 'its'} own subject has no topic here.{own}")
    have = table[table["has_own_topic"].astype(bool)]
    if len(have):
        lines.append("Periods with a topic of their own: " + "; ".join(
            f"{r.period} ({r.own_share:.0%} of its paragraphs on its own topics {r.own_topic_ids})" for r in have.itertuples()) + ".")
    one = len(lacking) == 1
    caveats = [f"period{'' if one else 's'} {', '.join(lacking['period'])} {'has' if one else 'have'} no topic of "
               f"{'its' if one else 'their'} own"]
    return lines, caveats
