"""Choosing k (coherence and stability of each), what a corpus can support, and topic prevalence by
group of documents.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone

from kzlib.errors import CorpusError, ParameterError
from kzlib.topics.model import TopicModel, _check_paragraphs, paragraph_languages
from kzlib.topics.quality import stability_verdict
from kzlib.topics.vectorizer import TopicVectorizer

__all__ = ["candidate_ks", "K_DENSE", "K_CAP", "select_k", "best_k", "TopicPlan", "plan_topics", "topic_prevalence", "restrict_language"]

log = logging.getLogger(__name__)


# --- choice of k -------------------------------------------------------------------------------


#: Every k up to this is tried; above it, a coarse grid (see :func:`candidate_ks`).
K_DENSE = 10
#: The default largest k (the stage's ``k_max``): the grid stops at √documents, at most this.
K_CAP = 40


def candidate_ks(n_documents: int, *, k_min: int = 2, k_max: int = K_CAP, dense: int = K_DENSE,
                 step: int = 5) -> list[int]:
    """The k a corpus of ``n_documents`` documents is searched over: every k from ``k_min`` to ``dense`` and,
    for a corpus large enough to hold more themes, a coarse grid above (every ``step``-th k) up to
    ``⌈√n_documents⌉``, and never above ``k_max``. The rule: a corpus of n documents is searched up to
    max(dense, ⌈√n⌉) topics, at most k_max. A few hundred articles of one story stay at 2..10; 1,200 articles
    of three eras reach 35, where a fixed 10 left whole periods without a topic of their own. The grid
    keeps the cost of the search (each k is fitted once per seed) near linear in the number of k tried.

    Example:
        >>> candidate_ks(80)
        [2, 3, 4, 5, 6, 7, 8, 9, 10]
        >>> candidate_ks(1179)
        [2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 35]
        >>> candidate_ks(1179, k_max=12), candidate_ks(5000, k_min=4, k_max=40)[-3:]
        ([2, 3, 4, 5, 6, 7, 8, 9, 10, 12], [30, 35, 40])
    """
    k_min, dense = int(k_min), int(dense)
    top = min(int(k_max), max(dense, k_min, int(np.ceil(np.sqrt(max(int(n_documents), 0))))))
    dense_part = list(range(k_min, min(dense, top) + 1))
    coarse = list(range(dense + int(step), top, int(step))) + ([top] if top > dense else [])
    return sorted({k for k in dense_part + coarse if k >= k_min} | ({k_min} if k_min <= top else set()))


def select_k(paragraphs: pd.DataFrame, *, ks: Iterable[int] = range(2, 11), seeds: Sequence[int] = (0, 1, 2, 3, 4, 5),
             method: str = "nmf", n_terms: int = 10, subsample: float = 0.8,
             text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None,
             min_stability: float = 0.5, patience: int = 0, dense: int = K_DENSE) -> pd.DataFrame:
    """Coherence and stability of models with each k: the table to choose k from.

    For every k a model is fitted with ``seeds[0]`` and refitted with each of ``seeds[1:]`` on a
    ``subsample`` of the paragraphs. The vocabulary is built once and shared. ``patience`` > 0 stops the
    search above ``dense`` topics (the coarse part of :func:`candidate_ks`, where each fit costs most) once
    ``patience`` k in a row above it have not beaten the best score so far (coherence + stability of a k at
    least ``min_stability`` stable, as :func:`best_k` scores them); the k not fitted have no row, and the
    log says so. 0 fits every k.

    Returns one row per k: ``k``, ``coherence`` (mean NPMI of the topics), ``coherence_min`` (of the
    least coherent topic), ``stability`` (mean agreement of top terms across reruns),
    ``stability_sd`` (its spread across reruns), ``verdict`` (``stability_verdict``), ``chosen``
    (the k that ``best_k`` picks with ``min_stability``).

    Example:
        >>> table = select_k(paragraphs, ks=range(2, 9), seeds=range(6))   # doctest: +SKIP
    """
    seeds = [int(s) for s in seeds]
    if len(seeds) < 2:
        raise ParameterError("select_k needs at least two seeds: one model and one rerun to compare it with")
    paras, column = _check_paragraphs(paragraphs, text_column)
    vec = clone(vectorizer) if vectorizer is not None else TopicVectorizer()
    X = vec.fit_transform(paras[column], languages=paragraph_languages(paras))
    limit = min(X.shape)
    ks = sorted({int(k) for k in ks})
    usable = [k for k in ks if 1 <= k <= limit]
    if len(usable) < len(ks):
        log.warning("k values %s skipped: at most %d topics fit %d paragraphs and %d terms",
                    [k for k in ks if k not in usable], limit, X.shape[0], X.shape[1])
    if not usable:
        raise ParameterError(f"no k in {ks} can be fitted to {X.shape[0]} paragraphs and {X.shape[1]} "
                             f"terms: choose ks between 2 and {limit}")
    rows: list[dict] = []
    best, misses = -np.inf, 0
    for k in usable:
        if patience > 0 and k > dense and misses >= patience:
            log.info("topics: k = %s not fitted: the %d k before them did not beat the best coherence + stability "
                     "(%.3f)", [x for x in usable if x >= k], patience, best)
            break
        model = TopicModel(k=k, method=method, seed=seeds[0], n_terms=n_terms, stability_seeds=seeds[1:],
                           subsample=subsample, text_column=text_column)
        model._fit_matrix(X, vec, paras, column)
        per_run = model.runs_.groupby("seed")["agreement"].mean()
        rows.append({
            "k": k,
            "coherence": model.coherence_,
            "coherence_min": float(model.topics_["coherence"].min()),
            "stability": model.stability_,
            "stability_sd": float(np.round(per_run.std(ddof=0), 4)),
            "verdict": stability_verdict(model.stability_),
        })
        score = model.coherence_ + model.stability_ if model.stability_ >= min_stability else -np.inf
        misses = 0 if score > best or k <= dense else misses + 1
        best = max(best, score)
    table = pd.DataFrame(rows)
    table["chosen"] = table["k"] == best_k(table, min_stability=min_stability)
    return table


def best_k(table: pd.DataFrame, *, min_stability: float = 0.5) -> int:
    """The k of a ``select_k`` table that is both coherent and stable.

    Among the k at least ``min_stability`` stable, the one with the highest coherence + stability
    (NPMI and agreement both lie on comparable scales, and each alone misleads: mean coherence does
    not notice a subject that no topic covers, and very few topics are stable because they are
    coarse). Ties go to the smaller k. If no k reaches ``min_stability``, the most stable k.

    Example:
        >>> best_k(pd.DataFrame({"k": [2, 3, 4], "coherence": [0.6, 0.58, 0.5], "stability": [0.75, 1.0, 0.4]}))
        3
    """
    for col in ("k", "coherence", "stability"):
        if col not in table.columns:
            raise ParameterError(f"best_k needs a select_k table; column {col!r} is missing")
    if table.empty:
        raise ParameterError("best_k got an empty table: select_k fitted no model")
    ok = table[table["stability"] >= min_stability].assign(score=lambda t: t["coherence"] + t["stability"])
    if len(ok):
        pick = ok.sort_values(["score", "k"], ascending=[False, True]).iloc[0]
    else:
        log.warning("no k reaches stability %.2f: choosing the most stable k", min_stability)
        pick = table.sort_values(["stability", "coherence", "k"], ascending=[False, False, True]).iloc[0]
    return int(pick["k"])


# --- what a corpus can support ------------------------------------------------------------------


@dataclass(frozen=True)
class TopicPlan:
    """What a corpus can support: the k values that can be fitted, and why others cannot.

    Attributes: ``n_paragraphs`` (paragraphs read), ``n_documents``, ``n_with_terms`` (paragraphs
    with at least one vocabulary term), ``n_terms`` (vocabulary size), ``ks`` (the requested k
    that can be fitted, sorted), ``skipped`` (the requested k that cannot), ``max_k`` (the largest
    k the corpus supports, 0 if none), ``reason`` (why k were skipped; "" when none was),
    ``vectorizer`` (the fitted ``TopicVectorizer``, None when no vocabulary could be built).
    """

    n_paragraphs: int
    n_documents: int
    n_with_terms: int
    n_terms: int
    ks: tuple[int, ...]
    skipped: tuple[int, ...]
    max_k: int
    reason: str
    vectorizer: TopicVectorizer | None

    @property
    def ok(self) -> bool:
        """True when at least one requested k can be fitted."""
        return bool(self.ks)

    def describe(self) -> str:
        """Plain sentences on what can be fitted and, if anything cannot, why."""
        lines = [f"{_count(self.n_paragraphs, 'paragraph')} from {_count(self.n_documents, 'document')}; "
                 f"{_count(self.n_terms, 'vocabulary term')}, found in {_count(self.n_with_terms, 'paragraph')}."]
        if self.ks:
            lines.append(f"Topic models with k = {', '.join(map(str, self.ks))} can be fitted.")
        if self.reason:
            lines.append(self.reason)
        if self.ks and self.n_documents == 1:
            lines.append("All paragraphs come from one document: the topics are the parts of that one text, "
                         "not themes of a coverage.")
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def plan_topics(paragraphs: pd.DataFrame, *, ks: Iterable[int] = range(2, 11), min_paragraphs_per_topic: int = 3,
                text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None) -> TopicPlan:
    """Which of ``ks`` a paragraphs table can support, checked before fitting anything.

    A topic model needs a vocabulary (terms left after stop words, ``min_df`` and ``max_df``; a handful
    of paragraphs often has none) and enough paragraphs for each topic to be more than one paragraph's
    words: k is at most the number of paragraphs with a vocabulary term divided by
    ``min_paragraphs_per_topic``, and at most the number of terms. The vectorizer is fitted here and
    returned in the plan, so that it is built once.

    Example:
        >>> paras = pd.DataFrame({"doc_id": ["a", "b"], "para_id": [0, 0],
        ...                       "text_despun": ["Troops left.", "Troops came."]})
        >>> plan = plan_topics(paras)
        >>> plan.ok, plan.max_k
        (False, 0)
    """
    if not isinstance(min_paragraphs_per_topic, (int, np.integer)) or min_paragraphs_per_topic < 1:
        raise ParameterError(f"min_paragraphs_per_topic must be a positive int, got {min_paragraphs_per_topic!r}")
    ks = sorted({int(k) for k in ks})
    if not ks or ks[0] < 1:
        raise ParameterError(f"ks must be positive numbers of topics, got {ks}: e.g. ks=range(2, 11)")
    paras, column = _check_paragraphs(paragraphs, text_column)
    n_par, n_docs = len(paras), int(paras["doc_id"].nunique())
    vec = clone(vectorizer) if vectorizer is not None else TopicVectorizer()

    def plan(n_with: int, n_terms: int, max_k: int, reason: str, fitted: TopicVectorizer | None) -> TopicPlan:
        usable = tuple(k for k in ks if k <= max_k)
        skipped = tuple(k for k in ks if k > max_k)
        if skipped and not reason:
            reason = (f"k = {', '.join(map(str, skipped))} skipped: {n_with} paragraphs with vocabulary terms "
                      f"support at most {max_k} topics of {min_paragraphs_per_topic} paragraphs each"
                      + (f" ({n_terms} terms)" if n_terms < n_with // min_paragraphs_per_topic else "") + ".")
        if skipped:
            log.info("topics: %s", reason)
        return TopicPlan(n_par, n_docs, n_with, n_terms, usable, skipped, max_k, reason, fitted)

    if n_par == 0:
        return plan(0, 0, 0, "Too little text for a topic model: the corpus has no body paragraphs.", None)
    try:
        X = vec.fit_transform(paras[column], languages=paragraph_languages(paras))
    except CorpusError:  # the vectorizer's "no terms left": a property of this corpus, reported as such
        return plan(0, 0, 0, f"Too little text for a topic model: no word of the {_count(n_par, 'paragraph')} is in "
                             f"at least min_df={vec.min_df} and at most max_df={vec.max_df} of them, so there is "
                             "no vocabulary.", None)
    n_with = int((np.asarray(X.sum(axis=1)).ravel() > 0).sum())
    n_terms = int(X.shape[1])
    max_k = min(n_with // int(min_paragraphs_per_topic), n_terms)
    reason = ""
    if max_k < ks[0]:
        reason = (f"Too little text for a topic model: {n_with} of {n_par} paragraphs have a vocabulary term "
                  f"({n_terms} terms), which supports at most {max_k} topic{'s' if max_k != 1 else ''} of "
                  f"{min_paragraphs_per_topic} paragraphs each; the smallest k asked for is {ks[0]}.")
    return plan(n_with, n_terms, max_k, reason, vec)


# --- prevalence by group -----------------------------------------------------------------------


def topic_prevalence(doc_topics: pd.DataFrame, documents: pd.DataFrame, *, by: str = "outlet",
                     missing: str | None = None) -> pd.DataFrame:
    """Mean topic share of the paragraphs of each group of documents (outlet, published date…).

    Paragraphs with no topic (all weights 0: no vocabulary term, or a fit below the floor of
    :mod:`kzlib.topics.assign`) are left out of the means and counted in ``n_no_topic``. The mean is
    over every paragraph of the group with a topic, so that with one model per language a group's
    shares still sum to 1 over all topics (a topic of another language's model counts 0). Documents
    with no value of ``by`` form the group ``missing`` (default ``"{by} not given"``): it is no
    outlet (or date), and plots of a comparison between groups leave it out.

    Returns ``by``, ``topic_id``, ``prevalence`` (NaN for a group none of whose paragraphs has a topic),
    ``n_paragraphs`` (with a topic), ``n_documents`` (with a paragraph with a topic), ``n_no_topic``;
    one row per group and topic.

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c"], "para_id": [0] * 6,
        ...                    "topic_id": [0, 1] * 3, "weight": [1.0, 0.0, 0.0, 0.0, 0.25, 0.75]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", None]})
        >>> topic_prevalence(dt, docs).values.tolist()
        [['X', 0, 1.0, 1, 1, 1], ['X', 1, 0.0, 1, 1, 1], ['outlet not given', 0, 0.25, 1, 1, 0], ['outlet not given', 1, 0.75, 1, 1, 0]]
    """
    for col in ("doc_id", "para_id", "topic_id", "weight"):
        if col not in doc_topics.columns:
            raise CorpusError(f"doc_topics lacks column {col!r}: pass TopicModel.doc_topics_")
    if "doc_id" not in documents.columns or by not in documents.columns:
        raise CorpusError(f"documents need columns 'doc_id' and {by!r}; available: {list(documents.columns)}")
    missing = f"{by} not given" if missing is None else missing
    groups = documents[["doc_id", by]].drop_duplicates("doc_id").copy()
    groups[by] = groups[by].fillna("").astype(str).replace("", missing)
    per_par = doc_topics.groupby(["doc_id", "para_id"], sort=False)["weight"].sum().rename("mass").reset_index()
    per_par = per_par.merge(groups, on="doc_id", how="left")
    per_par[by] = per_par[by].fillna(missing)
    per_par["has_topic"] = per_par["mass"] > 0
    sizes = per_par.groupby(by).agg(n_paragraphs=("has_topic", "sum"),
                                    n_no_topic=("has_topic", lambda s: int((~s).sum())))
    sizes["n_documents"] = per_par[per_par["has_topic"]].groupby(by)["doc_id"].nunique()
    sizes = sizes.fillna({"n_documents": 0}).astype(int)
    dt = doc_topics[doc_topics["weight"] > 0].merge(groups, on="doc_id", how="left")
    dt[by] = dt[by].fillna(missing)
    sums = dt.groupby([by, "topic_id"])["weight"].sum()
    topic_ids = sorted(doc_topics["topic_id"].unique().tolist())
    grid = pd.MultiIndex.from_product([sorted(sizes.index), topic_ids], names=[by, "topic_id"])
    out = sums.reindex(grid, fill_value=0.0).rename("prevalence").reset_index()
    out = out.merge(sizes, left_on=by, right_index=True)
    out["prevalence"] = (out["prevalence"] / out["n_paragraphs"].where(out["n_paragraphs"] > 0)).round(4)
    return out[[by, "topic_id", "prevalence", "n_paragraphs", "n_documents", "n_no_topic"]] \
        .sort_values([by, "topic_id"], ignore_index=True)


_PERIODS = ("day", "week", "month", "quarter", "year")


def publication_periods(published: pd.Series, *, max_periods: int = 40) -> tuple[pd.Series, str]:
    """Publication dates (ISO strings, any year from 1 to 9999) as the finest period of day, ISO week
    ("2016-W05"), month ("2016-03"), quarter ("2016-Q1") or year that gives at most ``max_periods`` distinct
    values, and the period's name; a value that is no date stays as it is ("" or "(unknown)"). A corpus of a
    year's news has hundreds of days: a table or plot of them shows a few and hides the course of time.

    Example:
        >>> s = pd.Series(["2016-01-04", "2016-01-12", "2016-02-10", ""])
        >>> p, name = publication_periods(s, max_periods=2)
        >>> name, p.tolist()
        ('month', ['2016-01', '2016-01', '2016-02', ''])
    """
    import datetime as dt

    text = published.fillna("").astype(str)
    day = text.str.slice(0, 10)
    ok = day.str.fullmatch(r"\d{4}-\d{2}-\d{2}")

    def week(d: str) -> str:
        try:
            y, w, _ = dt.date.fromisoformat(d).isocalendar()
        except ValueError:
            return d[:7]
        return f"{y:04d}-W{w:02d}"

    for name in _PERIODS:
        if name == "day":
            cut = day
        elif name == "week":
            cut = day.map(week)
        elif name == "month":
            cut = day.str.slice(0, 7)
        elif name == "quarter":
            month = pd.to_numeric(day.str.slice(5, 7).where(ok, "01"), errors="coerce").fillna(1).astype(int)
            cut = day.str.slice(0, 4) + "-Q" + ((month - 1) // 3 + 1).astype(str)
        else:
            cut = day.str.slice(0, 4)
        if cut[ok].nunique() <= max_periods or name == "year":
            return text.where(~ok, cut), name
    raise AssertionError("unreachable")  # pragma: no cover


def restrict_language(paragraphs: pd.DataFrame, *, language: str = "") -> tuple[pd.DataFrame, list[str], str]:
    """The paragraphs a topic model is fitted on, the languages among them, and a note for the plan.

    ``language`` (e.g. ``"ru"``) keeps the documents of that language only; empty, every language is
    kept, and when there are several the note and a warning say that topics may mix their vocabularies.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"], "language": ["en", "ru"]})
        >>> kept, languages, note = restrict_language(p)
        >>> languages, "2 languages together" in note
        (['en', 'ru'], True)
        >>> restrict_language(p, language="ru")[1]
        ['ru']
    """
    note = ""
    if language:
        present = sorted(set(paragraphs["language"].astype(str)))
        paragraphs = paragraphs[paragraphs["language"].astype(str).str.startswith(language)].reset_index(drop=True)
        note = f"\nOnly documents in language '{language}' are modelled (topics_language)."
        if paragraphs.empty:
            note += f" There are none: the corpus's languages are {', '.join(present) or 'none'}."
            log.warning("topics: no documents in language %r (topics_language); the corpus has %s",
                        language, ", ".join(present) or "none")
    languages = sorted(set(paragraphs["language"].astype(str))) if "language" in paragraphs.columns else []
    if len(languages) > 1:
        note = (f"\nThe model is fitted on documents in {len(languages)} languages together "
                f"({', '.join(languages)}): a topic may hold one language's words only, or mix them. "
                f"Fit one language at a time with -p topics_language {languages[0]}.")
        log.warning("topics: fitting one model on %s documents together; set topics_language to fit one "
                    "language at a time", " and ".join(languages))
    return paragraphs, languages, note
