"""The topics stage's tables: one topic model per language, each with k chosen by coherence and stability.

Why one model per language: NMF (or LDA) finds groups of words that occur together, and words of two
languages never do. One model over a corpus in two languages therefore gives topics of the larger
language; the paragraphs of the smaller one share only a few terms with them (a name, a borrowed word)
and, with weights read as shares of a paragraph, used to get a share near 1 of whichever topic held those
terms (a Russian corpus on Kazakhstan filed under "united states / president / obama"). So by default each
language with at least ``min_language_paragraphs`` paragraphs gets its own model, and k is chosen for each;
the topics of all models are numbered in one sequence (the largest language first) and carry their
language (column ``language``, and the label's prefix when several languages are modelled). A language with
fewer paragraphs is not modelled, and the plan says so: a model of it would be one article's vocabulary, and
a joint model would only file it under the other language's topics. ``topics_language="all"`` fits one
model over every language (its topics report their language shares, and the verdict names a topic that
absorbs another language's paragraphs); a code (``"ru"``) fits that language only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from kzlib.corpus.outlets import DATE_NOT_GIVEN
from kzlib.topics.model import TopicModel
from kzlib.topics.periods import period_labels, period_topics
from kzlib.topics.reliability import catch_all_topics, describe_reliability
from kzlib.topics.selection import (
    K_CAP,
    K_DENSE,
    best_k,
    candidate_ks,
    plan_topics,
    publication_periods,
    restrict_language,
    select_k,
    topic_prevalence,
)
from kzlib.topics.vectorizer import TopicVectorizer

__all__ = ["split_languages", "topic_tables", "periods_note", "MIN_LANGUAGE_PARAGRAPHS", "TABLES"]

log = logging.getLogger(__name__)

#: Above K_DENSE, the search for k stops after this many k in a row that do not beat the best score
#: (:func:`kzlib.topics.select_k`'s ``patience``): each coarse k costs more than all the small ones together.
COARSE_PATIENCE = 2
MIN_LANGUAGE_PARAGRAPHS = 30  # 10 topics of 3 paragraphs: K_DENSE and the default min_paragraphs_per_topic
TABLES = ("topic_plan", "topic_phrases", "topic_k_selection", "topics", "doc_topics", "paragraph_topics",
          "topic_runs", "topic_terms", "topic_reliability", "topic_prevalence_by_outlet",
          "topic_prevalence_by_date", "topic_representatives")


def split_languages(paragraphs: pd.DataFrame, *, language: str = "",
                    min_paragraphs: int = MIN_LANGUAGE_PARAGRAPHS) -> tuple[list[tuple[str, pd.DataFrame]], pd.DataFrame, str]:
    """The paragraph sets to model, one per language, the paragraphs left unmodelled, and a note.

    ``language``: ``""`` = each language with at least ``min_paragraphs`` paragraphs on its own (if none or
    only one language has that many, the languages with enough paragraphs, or all of them when none has,
    as in a corpus of a few articles); ``"all"`` = one model over every language; a code (``"ru"``) = that
    language only. A set's name is its language ("" for a joint model).

    Example:
        >>> p = pd.DataFrame({"doc_id": list("abcde"), "para_id": 0, "language": ["en"] * 3 + ["ru"] * 2})
        >>> sets, left, note = split_languages(p, min_paragraphs=3)
        >>> [(name, len(s)) for name, s in sets], len(left)
        ([('en', 3)], 2)
        >>> [name for name, _ in split_languages(p, min_paragraphs=2)[0]]
        ['en', 'ru']
    """
    if language and language != "all":
        kept, _, note = restrict_language(paragraphs, language=language)
        return [(language, kept)], paragraphs.iloc[:0], note
    if "language" not in paragraphs.columns:
        return [("", paragraphs)], paragraphs.iloc[:0], ""
    codes = paragraphs["language"].fillna("").astype(str)
    sizes = codes.value_counts()
    if language == "all" or len(sizes) < 2:
        kept, _, note = restrict_language(paragraphs)
        if len(sizes) > 1:
            note += " (topics_language=all)"
        return [("" if len(sizes) > 1 else str(sizes.index[0]), kept)], paragraphs.iloc[:0], note
    big = sorted((name for name, n in sizes.items() if n >= min_paragraphs), key=lambda c: (-sizes[c], c))
    if not big:  # a handful of paragraphs in each language: one model or none, said as such
        kept, _, note = restrict_language(paragraphs)
        return [("", kept)], paragraphs.iloc[:0], note
    small = sorted(set(sizes.index) - set(big))
    sets = [(name, paragraphs[codes == name].reset_index(drop=True)) for name in big]
    left = paragraphs[codes.isin(small)].reset_index(drop=True)
    note = ""
    if len(big) > 1:
        note = (f"\nOne model per language ({', '.join(f'{c}: {sizes[c]} paragraphs' for c in big)}): words of two "
                "languages never occur together, so one joint model would give the larger language's topics and "
                "file the other's paragraphs under them. Topic labels start with their language.")
    if small:
        what = ", ".join(f"{c or 'unknown'}: {sizes[c]}" for c in small)
        note += (f"\nParagraphs in {what} are not modelled: fewer than {min_paragraphs} paragraphs make no topic of "
                 "their own, and in another language's model they would only borrow its topics "
                 "(paragraph_topics lists them as 'language not modelled').")
        log.warning("topics: %d paragraphs (%s) not modelled: fewer than %d paragraphs in their language",
                    len(left), what, min_paragraphs)
    return sets, left, note


def _fit_one(paras: pd.DataFrame, *, method: str, k: int, k_min: int, k_max: int, seeds: list[int],
             subsample: float, n_terms: int, min_stability: float,
             min_paragraphs_per_topic: int,
             vectorizer: TopicVectorizer | None = None) -> tuple[int, str, Any, pd.DataFrame, TopicModel | None]:
    """k, the plan's note, the vocabulary's phrases, the choice of k and the model (None: too little text);
    ``vectorizer`` (unfitted) is the one every fit uses (None: :class:`TopicVectorizer`'s defaults)."""
    n_docs = int(paras["doc_id"].nunique()) if "doc_id" in paras.columns else 0
    grid = candidate_ks(n_docs, k_min=k_min, k_max=k_max) or [k_min]
    asked = set(grid) | ({k} if k > 0 else set())
    plan = plan_topics(paras, ks=asked, min_paragraphs_per_topic=min_paragraphs_per_topic, vectorizer=vectorizer)
    tried = [x for x in plan.ks if x in grid]
    chosen = k if k > 0 and k in plan.ks else 0
    selection = pd.DataFrame()
    if tried:
        selection = select_k(paras, ks=tried, seeds=seeds, method=method, n_terms=n_terms, vectorizer=vectorizer,
                             subsample=subsample, min_stability=min_stability, patience=COARSE_PATIENCE)
        chosen = chosen or best_k(selection, min_stability=min_stability)
    note = plan.describe()
    if tried and grid[-1] > K_DENSE:
        fitted = selection["k"].tolist() if len(selection) else []
        note += (f"\nThe choice of k searches every k up to {K_DENSE}, then a coarse grid up to ⌈√{n_docs} documents⌉"
                 f" (at most k_max = {k_max}): k = {', '.join(map(str, tried))}.")
        if fitted and fitted[-1] < tried[-1]:
            note += (f" The search stopped after k = {fitted[-1]}: {COARSE_PATIENCE} k in a row above {K_DENSE} did "
                     "not beat the best coherence + stability.")
    if k > 0 and k not in plan.ks and plan.ok:
        note += (f"\nk = {k} was asked for, but this corpus supports at most {plan.max_k} topics: k is chosen "
                 f"from {tried} instead.")
    elif k > 0 and not tried and chosen:
        note += f"\nNo k between k_min = {k_min} and k_max = {k_max} can be fitted; fitting the k = {k} asked for."
    phrases = plan.vectorizer.phrases_ if plan.vectorizer is not None else pd.DataFrame()
    if not chosen:
        return 0, note, phrases, selection, None
    model = TopicModel(k=chosen, method=method, seed=seeds[0], n_terms=n_terms, stability_seeds=seeds[1:],
                       subsample=subsample, vectorizer=vectorizer).fit(paras)
    return chosen, note, phrases, selection, model


def periods_note(documents: pd.DataFrame, doc_ids: pd.Series, *, min_documents: int = 10, show: int = 5) -> str:
    """A sentence for the plan when the modelled documents were published in several periods
    (:func:`kzlib.timeline.checks.publication_clusters`, counting periods of at least ``min_documents``
    documents): each model covers all of them, so a period whose subject has no topic of its own is
    named as a catch-all, not fitted apart ("" for one period, or no dates).

    Why one model over all periods: its topics are one scale on which prevalence by date compares periods;
    models per period would give each period its own topics and k, with nothing to compare across them.

    Example:
        >>> docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)],
        ...                      "published": ["1998-03-01"] * 15 + ["2016-05-01"] * 15})
        >>> periods_note(docs, docs["doc_id"]).split(")")[0].strip()
        'The modelled documents were published in 2 periods (2016-05-01 to 2016-05-01, 15 documents; 1998-03-01 to 1998-03-01, 15 documents'
    """
    if "published" not in documents.columns or "doc_id" not in documents.columns:
        return ""
    from kzlib.timeline.checks import publication_clusters

    docs = documents[documents["doc_id"].isin(set(doc_ids))]
    periods = publication_clusters(docs)
    periods = periods[periods["n_documents"] >= min_documents]
    if len(periods) < 2:
        return ""
    listed = "; ".join(f"{r.first} to {r.end}, {r.n_documents} documents" for r in periods.head(show).itertuples())
    more = f"; {len(periods) - show} more" if len(periods) > show else ""
    return (f"\nThe modelled documents were published in {len(periods)} periods ({listed}{more}): each "
            "language's model covers all of them, so that prevalence by date compares the periods on the same "
            "topics; a period whose own subject has no topic shows as a catch-all (catch_all_for), not as "
            "topics of its own. To model one period, run the study on its documents.")


def _years(paras: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """Each paragraph's publication year (NaN where its document has no date)."""
    year = documents.drop_duplicates("doc_id").set_index("doc_id")["published"].fillna("").astype(str).str.slice(0, 4)
    return paras["doc_id"].map(year.where(year.str.fullmatch(r"\d{4}"))).reset_index(drop=True)


def _periods(model: TopicModel, documents: pd.DataFrame) -> pd.Series | None:
    """Each paragraph's publication period among the model's documents (:func:`kzlib.topics.periods.period_labels`;
    NaN: no date), None without dates or with a single period (nothing to compare)."""
    if "published" not in documents.columns or "doc_id" not in documents.columns:
        return None
    docs = documents[documents["doc_id"].isin(set(model.paragraphs_["doc_id"]))].drop_duplicates("doc_id")
    published = model.paragraphs_["doc_id"].map(docs.set_index("doc_id")["published"]).reset_index(drop=True)
    periods = period_labels(published, docs)
    return periods if periods.nunique() > 1 else None


def _shares_by(model: TopicModel, groups: pd.Series, *, top: int) -> list[str]:
    """Per topic, the ``top`` groups (e.g. publication years) that give most of its weight, with their shares
    ("2016 0.86, 2015 0.10"); paragraphs with no group are left out."""
    k = len(model.topics_)
    shares = pd.DataFrame(model.doc_topics_["weight"].to_numpy().reshape(len(groups), k))
    by = shares[groups.notna().to_numpy()].groupby(groups.dropna().to_numpy()).sum()
    by = by / by.sum(axis=0).replace(0, np.nan)
    out = []
    for t in range(k):
        col = by[t].dropna().sort_values(ascending=False, kind="stable").head(top)
        out.append(", ".join(f"{g} {v:.2f}" for g, v in col.items() if v > 0))
    return out


def _shift(table: pd.DataFrame, offset: int, name: str | None) -> pd.DataFrame:
    """Topic ids moved up by ``offset`` (-1, no topic, stays) and the model's language added (after topic_id
    in the topics table, last elsewhere; ``None``: not added)."""
    table = table.copy()
    if "topic_id" in table.columns:
        table["topic_id"] = np.where(table["topic_id"] >= 0, table["topic_id"] + offset, -1)
    if name is not None:
        table.insert(1 if "label" in table.columns else len(table.columns), "language", name)
    return table


def _one_model_tables(model: TopicModel, paras: pd.DataFrame, documents: pd.DataFrame, name: str, offset: int,
                      prefix: bool, *, min_stability: float, n_terms: int, n_representatives: int) -> dict[str, pd.DataFrame]:
    years = _years(model.paragraphs_, documents) if "published" in documents.columns else None
    groups: dict[str, pd.Series] = {} if years is None else {"publication year": years}
    languages = paras.set_index(["doc_id", "para_id"])["language"] if "language" in paras.columns else None
    topics = model.topics_.copy()
    if years is not None:
        topics["year_shares"] = _shares_by(model, years, top=3)
    if languages is not None:
        lang = pd.Series(languages.reindex(pd.MultiIndex.from_frame(model.paragraphs_[["doc_id", "para_id"]]))
                         .to_numpy()).fillna("")
        if lang.nunique() > 1:
            groups["language"] = lang
            shares = model.doc_topics_["weight"].to_numpy().reshape(len(lang), len(topics))
            by_lang = pd.DataFrame(shares).groupby(lang.to_numpy()).sum()
            by_lang = by_lang / by_lang.sum(axis=0).replace(0, np.nan)
            topics["language_shares"] = [", ".join(f"{c or 'unknown'} {by_lang.loc[c, t]:.2f}" for c in by_lang.index)
                                         for t in range(len(topics))]
    flagged: dict[int, list[str]] = {}
    for kind, series in groups.items():
        for row in catch_all_topics(model, series).itertuples():
            flagged.setdefault(int(row.topic_id), []).append(f"{kind} {row.group}")
    periods = _periods(model, documents)
    owners: dict[int, list[str]] = {}
    if periods is not None:
        for row in period_topics(model, periods).itertuples():
            for part in (x for x in row.own_topics.split("; ") if x):
                t, evidence = part.split(" (", 1)
                owners.setdefault(int(t), []).append(f"{row.period} ({evidence.rstrip(')')})")
            on = dict(x.split(" ") for x in row.other_topics.split(", ") if x)
            for t in (x for x in row.catch_all_topics.split(", ") if x):
                flagged.setdefault(int(t), []).append(
                    f"publication period {row.period} ({on[t]} of its paragraphs; {row.no_topic_share:.0%} on no topic, "
                    f"{row.own_share:.0%} on a topic of its own)")
    topics["own_periods"] = ["; ".join(owners.get(int(t), [])) for t in topics["topic_id"]]
    topics["catch_all_for"] = ["; ".join(flagged.get(int(t), [])) for t in topics["topic_id"]]
    topics["catch_all"] = topics["catch_all_for"] != ""
    if prefix:
        topics["label"] = f"{name}: " + topics["label"]
    verdict = describe_reliability(model, min_stability=min_stability, groups=groups, periods=periods, offset=offset)
    fit = model.paragraph_fit_
    return {"topics": _shift(topics, offset, name), "doc_topics": _shift(model.doc_topics_, offset, None),
            "paragraph_topics": _shift(fit, offset, name), "topic_runs": _shift(model.runs_, offset, name),
            "topic_terms": _shift(model.term_weights(n_terms), offset, name),
            "topic_reliability": pd.DataFrame({"language": [name], "verdict": [verdict]}),
            "topic_representatives": _shift(model.representatives(n_representatives, with_loading=True), offset, name)}


def topic_tables(paragraphs: pd.DataFrame, documents: pd.DataFrame, *, language: str = "", method: str = "nmf",
                 k: int = 0, k_min: int = 2, k_max: int = K_CAP, seed: int = 0, n_reruns: int = 5,
                 subsample: float = 0.8, n_terms: int = 10, min_stability: float = 0.5,
                 min_paragraphs_per_topic: int = 3, n_representatives: int = 3,
                 min_language_paragraphs: int = MIN_LANGUAGE_PARAGRAPHS,
                 actors: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The topics stage's tables (see :data:`TABLES`) from the paragraphs a topic model reads
    (:func:`kzlib.topics.topic_paragraphs`) and the documents table, one model per language by default
    (:func:`split_languages`). Topic ids run over all models; every table but the plan, ``doc_topics`` and
    the prevalences has a ``language`` column (the model's; "" for a joint model). The topics table also
    says for which publication years (and, in a joint model, languages) a topic is a catch-all
    (``catch_all_for``, :func:`kzlib.topics.catch_all_topics`; ``catch_all``: True when it is one for any; the
    prevalence tables repeat ``catch_all`` per topic; a catch-all for a publication period,
    :func:`kzlib.topics.period_topics`, comes with that period's shares), the publication periods it is the own
    topic of (``own_periods``, with the evidence: the period's share of its weight, or the top terms that are
    the period's words), the three publication years that give most
    of its weight (``year_shares``) and, in a joint model, its weight by language (``language_shares``). Tables of a model
    that could not be fitted are empty; the plan (one row) says why. ``actors`` maps name forms to the names
    kept as one term (:func:`kzlib.topics.load_actor_aliases`; None: the bundled gazetteers').

    Example:
        >>> tables = topic_tables(topic_paragraphs(corpus), corpus.documents)   # doctest: +SKIP
    """
    sets, left, split_note = split_languages(paragraphs, language=language, min_paragraphs=min_language_paragraphs)
    seeds = [seed + i for i in range(n_reruns + 1)]
    prefix = len(sets) > 1
    notes, ks, phrases, selections, parts = [], [], [], [], []
    offset = 0
    for name, paras in sets:
        chosen, note, phr, sel, model = _fit_one(paras, method=method, k=k, k_min=k_min, k_max=k_max, seeds=seeds,
                                                 subsample=subsample, n_terms=n_terms, min_stability=min_stability,
                                                 min_paragraphs_per_topic=min_paragraphs_per_topic,
                                                 vectorizer=None if actors is None else TopicVectorizer(actors=actors))
        notes.append((f"[{name}] " if prefix else "") + note.replace("\n", "\n" + (f"[{name}] " if prefix else "")))
        phrases.append(phr.assign(language=name) if len(phr) else phr)
        selections.append(sel.assign(language=name) if len(sel) else sel)
        if model is not None:
            ks.append(f"{name} {chosen}" if name else str(chosen))
            parts.append(_one_model_tables(model, paras, documents, name, offset, prefix, min_stability=min_stability,
                                           n_terms=n_terms, n_representatives=n_representatives))
            offset += chosen
    languages = sorted({str(x) for _, p in sets if "language" in p.columns for x in p["language"].fillna("")})
    plan = pd.DataFrame({"k": [offset], "n_paragraphs": [sum(len(p) for _, p in sets)],
                         "n_documents": [int(pd.concat([p["doc_id"] for _, p in sets]).nunique()) if sets else 0],
                         "method": [method], "languages": [", ".join(languages)],
                         "k_by_language": [", ".join(ks)], "n_not_modelled": [len(left)],
                         "note": ["\n".join(notes) + split_note
                                  + periods_note(documents, pd.concat([p["doc_id"] for _, p in sets]) if sets
                                                 else pd.Series(dtype=str))]})
    phrases = [p for p in phrases if len(p)]
    selections = [p for p in selections if len(p)]
    out: dict[str, pd.DataFrame] = {"topic_plan": plan,
                                    "topic_phrases": pd.concat(phrases, ignore_index=True) if phrases else pd.DataFrame(),
                                    "topic_k_selection": pd.concat(selections, ignore_index=True) if selections else pd.DataFrame()}
    if not parts:
        return {**out, **{name: pd.DataFrame() for name in TABLES if name not in out}}
    for name in parts[0]:
        out[name] = pd.concat([p[name] for p in parts], ignore_index=True)
    if len(left):
        unmodelled = left[["doc_id", "para_id"]].assign(n_terms=0, fit=np.nan, topic_id=-1,
                                                        status="language not modelled", language=left["language"])
        out["paragraph_topics"] = pd.concat([out["paragraph_topics"], unmodelled], ignore_index=True)
    doc_topics = out["doc_topics"]
    flags = out["topics"].set_index("topic_id")["catch_all"]
    for column, table in (("outlet", "topic_prevalence_by_outlet"), ("published", "topic_prevalence_by_date")):
        if column not in documents.columns:
            log.warning("topics: the documents have no %r column, so %s is empty", column, table)
            out[table] = pd.DataFrame()
        elif column == "outlet":
            out[table] = topic_prevalence(doc_topics, documents, by="outlet")
            out[table]["catch_all"] = out[table]["topic_id"].map(flags).fillna(False).astype(bool)
        else:
            periods, period = publication_periods(documents["published"])
            out[table] = topic_prevalence(doc_topics, documents.assign(published=periods), by="published",
                                          missing=DATE_NOT_GIVEN).assign(period=period)
            out[table]["catch_all"] = out[table]["topic_id"].map(flags).fillna(False).astype(bool)
    return out
