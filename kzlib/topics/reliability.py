"""A fitted topic model's reliability in plain sentences (:func:`describe_reliability`), read from the
measures of :mod:`kzlib.topics.quality` that :class:`~kzlib.topics.model.TopicModel` keeps."""

from __future__ import annotations

from kzlib.topics.model import TopicModel
from kzlib.topics.quality import stability_verdict

__all__ = ["describe_reliability"]


def describe_reliability(model: TopicModel, *, min_stability: float = 0.5, max_concentration: float = 0.5,
                         min_docs_per_topic: int = 5, min_coherence: float = 0.05) -> str:
    """Plain sentences, computed from a fitted model, on how far its topics can be trusted.

    A topic is *unstable* when its stability is below ``min_stability`` and *single-document* when
    more than ``max_concentration`` of its weight comes from one document; *incoherent* when the NPMI of its
    top terms is below ``min_coherence`` (0 is what words that co-occur by chance score); a topic *vanished* from
    a rerun when its best match there shares less than a quarter of its terms (Jaccard < 0.25).
    The model is called fragile, with the reasons, when its mean stability is below 0.5, when at
    least half of its topics are unstable, single-document or incoherent, or when the corpus has fewer than
    ``min_docs_per_topic`` documents per topic (a theme cannot recur across more documents than
    there are).

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
                     f"(NPMI < {min_coherence}): topic(s) {', '.join(str(i) for i in incoherent)}; do not read them "
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
    if reasons:
        lines.append("These topics are fragile: " + "; ".join(reasons) + ". Read them as a sketch of this "
                     "corpus, not as findings.")
    elif verdict == "moderate" or weak:
        lines.append("Trust the stable, coherent topics spread over many documents; treat the others as tentative.")
    else:
        lines.append("These topics are stable and spread over many documents.")
    return "\n".join(lines)
