"""TopicModel: NMF or LDA over paragraphs, with coherence, stability and the tables read from them;
and the paragraphs a topic model reads.
"""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, clone
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer

from kzlib._memory import releases_memory
from kzlib.clean import analysable
from kzlib.errors import CorpusError, ParameterError
from kzlib.topics.assign import MIN_FIT, below_floor, fit_floors, paragraph_fit
from kzlib.topics.quality import _npmi_from_binary, stability_verdict, topic_agreement
from kzlib.topics.vectorizer import TopicVectorizer

__all__ = ["TopicModel", "topic_paragraphs", "paragraph_languages", "METHODS", "WEIGHT_DECIMALS"]

log = logging.getLogger(__name__)

METHODS = ("nmf", "lda")
WEIGHT_DECIMALS = 6

# --- paragraphs --------------------------------------------------------------------------------


def topic_paragraphs(corpus: Any, *, one_copy_per_story: bool = True) -> pd.DataFrame:
    """The paragraphs a topic model reads: analysable body paragraphs, one copy per story by default.

    Returns ``doc_id``, ``para_id``, ``text``, ``text_despun`` and, when the documents table has one,
    the document's ``language`` (Russian paragraphs are read as lemmas), sorted by doc_id, para_id.

    Example:
        >>> topic_paragraphs(study.corpus)["doc_id"].nunique()   # five seeds, one story told twice
        4
    """
    if not hasattr(corpus, "paragraphs") or not hasattr(corpus, "documents"):
        raise CorpusError("topic_paragraphs needs a kzlib Corpus (kzlib.prepare(...)); "
                          "to use a table of paragraphs, pass it to TopicModel.fit directly")
    docs, paras = corpus.documents, corpus.paragraphs
    # rows and columns chosen before any copy: not the whole corpus (every table) restricted to one copy
    # per story, then its paragraphs again to the analysable ones (at 100,000 documents ~400 MB at once)
    if one_copy_per_story:
        if "is_representative" in docs.columns:
            paras = paras[paras["doc_id"].isin(corpus.representative_ids()).to_numpy()]
        else:
            log.warning("documents have no is_representative column: every copy of a story is counted")
    cols = [c for c in ("doc_id", "para_id", "text", "text_despun", "language") if c in paras.columns]
    paras = paras[cols + [c for c in ("kind", "duplicate_of") if c in paras.columns]]  # (what analysable reads)
    paras = analysable(paras)[cols]
    if "language" in docs.columns and "language" not in paras.columns:  # Russian is read as lemmas
        paras = paras.assign(language=paras["doc_id"].map(docs.drop_duplicates("doc_id").set_index("doc_id")["language"]))
    return paras.sort_values(["doc_id", "para_id"], ignore_index=True)


def paragraph_languages(paragraphs: pd.DataFrame) -> pd.Series | None:
    """The ``language`` column of a paragraphs table (what :class:`TopicVectorizer` takes as ``languages``),
    None when it has none.

    Example:
        >>> paragraph_languages(pd.DataFrame({"text": ["Токаев"], "language": ["ru"]})).tolist()
        ['ru']
    """
    return paragraphs["language"] if "language" in paragraphs.columns else None


def _check_paragraphs(paragraphs: Any, text_column: str) -> tuple[pd.DataFrame, str]:
    if hasattr(paragraphs, "paragraphs") and hasattr(paragraphs, "documents"):
        paragraphs = topic_paragraphs(paragraphs)
    if not isinstance(paragraphs, pd.DataFrame):
        raise CorpusError(f"expected a DataFrame of paragraphs (doc_id, para_id, {text_column}) or a "
                          f"Corpus, got {type(paragraphs).__name__}")
    missing = [c for c in ("doc_id", "para_id") if c not in paragraphs.columns]
    if missing:
        raise CorpusError(f"paragraphs lack column(s) {missing}: pass the paragraphs table of a Corpus "
                          "(kzlib.topics.topic_paragraphs(corpus))")
    column = text_column
    if column not in paragraphs.columns:
        if column == "text_despun" and "text" in paragraphs.columns:
            log.warning("paragraphs have no text_despun column: using text (spun copies are not repaired)")
            column = "text"
        else:
            raise CorpusError(f"paragraphs have no {text_column!r} column; name the text column with "
                              "text_column=...")
    if paragraphs.duplicated(["doc_id", "para_id"]).any():
        raise CorpusError("paragraphs repeat a (doc_id, para_id) pair: each paragraph must appear once")
    paras = paragraphs.sort_values(["doc_id", "para_id"], ignore_index=True)
    paras[column] = paras[column].fillna("").astype(str)
    return paras, column


# --- the model ---------------------------------------------------------------------------------


def _top_indices(H: np.ndarray, n: int, *, positive: bool = True) -> list[list[int]]:
    """Indices of each row's n largest values (ties: lower index, i.e. alphabetical term, first);
    only positive values (loadings) or, with ``positive=False``, finite ones (log scores)."""
    out = []
    for row in H:
        order = np.lexsort((np.arange(len(row)), -row))
        ok = row > 0 if positive else np.isfinite(row)
        out.append([int(i) for i in order[:n] if ok[i]])
    return out


class TopicModel(BaseEstimator):
    """A topic model over paragraphs, with coherence and stability, following scikit-learn conventions.

    Parameters:
        k: number of topics.
        method: ``"nmf"`` (NMF on sublinear tf-idf, NNDSVDa start) or ``"lda"`` (LDA on counts).
        seed: random seed of the model (and, with ``stability_seeds=None``, of the reruns).
        n_terms: top terms per topic (used for labels, coherence and stability).
        stability_seeds: seeds of the reruns that measure stability; None = seed+1 … seed+5; () = none.
        subsample: share of paragraphs each rerun is fitted on (Greene et al. 2014 use 0.8).
        text_column: the paragraph text to read (``text_despun`` by default; falls back to ``text``).
        vectorizer: a ``TopicVectorizer`` (unfitted) to configure the vocabulary; None = defaults.
        max_iter: iterations of the solver; None = 400 for NMF, 10 passes for LDA (scikit-learn's
            default; LDA's batch passes cost far more than NMF's updates).
        min_fit: (NMF) a paragraph whose fit (the share of its tf-idf vector the topics reproduce) is
            below ``min_fit`` times the median fit of paragraphs of its length has **no topic**: its
            weights are 0, as for a paragraph with no vocabulary term, instead of shares inflated to 1 of
            whatever topic has any weight (:mod:`kzlib.topics.assign`). 0 = only paragraphs without a
            term have no topic. LDA's weights are a distribution with no absolute size: under LDA only
            paragraphs without a term have no topic.

    Learned attributes: ``topics_`` (topic_id, label, top_terms, coherence, prevalence, stability,
    n_paragraphs: where it is the heaviest topic, doc_concentration: share of its weight from its
    largest document), ``doc_topics_`` (doc_id, para_id, topic_id, weight; weights of a paragraph sum
    to 1, or are all 0 for a paragraph with no topic), ``paragraph_fit_`` (doc_id, para_id, n_terms,
    fit, topic_id: the heaviest topic or -1, status: ``topic``, ``no topic`` or ``no vocabulary term``),
    ``top_term_presence_`` / ``top_term_columns_`` / ``top_term_names_`` (which paragraphs hold each topic's
    top terms),
    ``loadings_`` (paragraphs × topics: NMF's absolute weights; for LDA shares × terms), ``coherence_`` (mean NPMI),
    ``stability_`` (mean agreement over topics and reruns), ``runs_`` (agreement per rerun and
    topic), ``vectorizer_``, ``model_`` (the scikit-learn estimator), ``terms_`` (vocabulary),
    ``paragraphs_``. Topics are numbered by prevalence, 0 = most prevalent.

    Example:
        >>> model = TopicModel(k=5, method="nmf", seed=0).fit(paragraphs)   # doctest: +SKIP
        >>> model.topics_[["label", "coherence", "stability"]]              # doctest: +SKIP
    """

    def __init__(self, k: int = 6, *, method: str = "nmf", seed: int = 0, n_terms: int = 10,
                 stability_seeds: Sequence[int] | None = None, subsample: float = 0.8,
                 text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None,
                 max_iter: int | None = None, min_fit: float = MIN_FIT):
        self.k = k
        self.method = method
        self.seed = seed
        self.n_terms = n_terms
        self.stability_seeds = stability_seeds
        self.subsample = subsample
        self.text_column = text_column
        self.vectorizer = vectorizer
        self.max_iter = max_iter
        self.min_fit = min_fit

    # validation -----------------------------------------------------------------------------
    def _validate(self) -> None:
        if self.method not in METHODS:
            raise ParameterError(f"method must be one of {METHODS}, got {self.method!r}")
        if not isinstance(self.k, (int, np.integer)) or self.k < 1:
            raise ParameterError(f"k must be a positive int, got {self.k!r}")
        if not isinstance(self.n_terms, (int, np.integer)) or self.n_terms < 2:
            raise ParameterError(f"n_terms must be an int >= 2 (coherence needs pairs), got {self.n_terms!r}")
        if not 0 < float(self.subsample) <= 1:
            raise ParameterError(f"subsample is a share of paragraphs in (0, 1], got {self.subsample!r}")
        if not 0 <= float(self.min_fit) < 1:
            raise ParameterError(f"min_fit is a share of the typical fit, in [0, 1), got {self.min_fit!r}")
        if self.vectorizer is not None and not isinstance(self.vectorizer, TopicVectorizer):
            raise ParameterError("vectorizer must be a kzlib.topics.TopicVectorizer")

    def _seeds(self) -> list[int]:
        if self.stability_seeds is None:
            return [int(self.seed) + i for i in range(1, 6)]
        return [int(s) for s in self.stability_seeds]

    # solver ---------------------------------------------------------------------------------
    def _solve(self, X: sparse.csr_matrix, seed: int, *, init: str) -> tuple[np.ndarray, np.ndarray, Any]:
        """Fit one model on counts X; returns (W doc-topic, H topic-term, estimator)."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            if self.method == "nmf":
                self._tfidf = TfidfTransformer(sublinear_tf=True).fit(X)
                Xw = self._tfidf.transform(X)
                est = NMF(n_components=int(self.k), init=init, random_state=seed,
                          max_iter=self.max_iter or 400, tol=1e-4)
                W = est.fit_transform(Xw)
                H = est.components_
            else:
                est = LatentDirichletAllocation(n_components=int(self.k), learning_method="batch",
                                                max_iter=self.max_iter or 10, random_state=seed,
                                                n_jobs=1)
                W = est.fit_transform(X)
                H = est.components_ / est.components_.sum(axis=1, keepdims=True)
        if any(issubclass(w.category, ConvergenceWarning) for w in caught):
            log.debug("%s k=%d seed=%d stopped at max_iter before converging", self.method, self.k, seed)
        return W, H, est

    def _ranking(self, H: np.ndarray, X: sparse.csr_matrix) -> np.ndarray:
        """Scores that order each topic's terms: NMF loadings; for LDA, relevance with lambda = 0.6
        (Sievert & Shirley 2014), which keeps words frequent everywhere from topping every topic."""
        if self.method == "nmf":
            return H
        p_w = np.asarray(X.sum(axis=0)).ravel().astype(float)
        p_w = p_w / p_w.sum()
        with np.errstate(divide="ignore"):
            return 0.6 * np.log(H) + 0.4 * np.log(H / np.maximum(p_w, 1e-300))

    def _fit_matrix(self, X: sparse.csr_matrix, vectorizer: TopicVectorizer, paras: pd.DataFrame,
                    column: str) -> TopicModel:
        self._validate()
        n_docs, n_vocab = X.shape
        if self.k > min(n_docs, n_vocab):
            raise ParameterError(f"k={self.k} topics cannot be fitted to {n_docs} paragraphs and "
                                 f"{n_vocab} terms: choose k <= {min(n_docs, n_vocab)}")
        nonempty = np.asarray(X.sum(axis=1)).ravel() > 0
        if (~nonempty).any():
            log.info("%d of %d paragraphs have no vocabulary term: they get weight 0 in every topic",
                     int((~nonempty).sum()), n_docs)
        terms = vectorizer.vocabulary_
        W, H, est = self._solve(X, int(self.seed), init="nndsvda")
        tfidf = getattr(self, "_tfidf", None)
        rank = self._ranking(H, X)
        top = _top_indices(rank, self.n_terms, positive=self.method == "nmf")
        # co-occurrence of the top terms only: a binary copy of the whole matrix would double its memory
        used = sorted({i for t in top for i in t})
        position = {c: j for j, c in enumerate(used)}
        B = (X[:, used] > 0).astype(np.float64).tocsc()
        coherence = _npmi_from_binary([[position[i] for i in t] for t in top], B)

        # stability: reruns with other seeds (random start) on subsamples of the paragraphs
        ref_terms = [[terms[i] for i in t] for t in top]
        run_rows = []
        for s in self._seeds():
            rng = np.random.default_rng(s)
            size = max(int(self.k), int(round(self.subsample * n_docs)))
            idx = np.sort(rng.choice(n_docs, size=size, replace=False)) if size < n_docs else np.arange(n_docs)
            Xs = X[idx]
            keep = np.asarray(Xs.sum(axis=0)).ravel() > 0
            _, Hs, _ = self._solve(Xs[:, keep], s, init="random")
            sub_terms = terms[keep]
            ranked = _top_indices(self._ranking(Hs, Xs[:, keep]), self.n_terms, positive=self.method == "nmf")
            run_terms = [[sub_terms[i] for i in t] for t in ranked]
            agree = topic_agreement(ref_terms, run_terms)
            run_rows += [{"seed": s, "topic": t, "agreement": float(a)} for t, a in enumerate(agree)]
        runs = pd.DataFrame(run_rows, columns=["seed", "topic", "agreement"])

        # weights: each paragraph's topic weights as shares, 0 for a paragraph with no topic
        n_terms = np.diff(X.indptr)
        fit, none = self._no_topic(X, W, H, n_terms, tfidf, learn=True)
        totals = W.sum(axis=1, keepdims=True)
        shares = np.divide(W, totals, out=np.zeros_like(W), where=(totals > 0) & ~none[:, None])
        assigned = ~none
        if (assigned < nonempty).any():
            log.info("%d of %d paragraphs with vocabulary terms load on no topic (fit below %.2f of the typical "
                     "fit of their length): weight 0 in every topic", int((assigned < nonempty).sum()),
                     int(nonempty.sum()), float(self.min_fit))
        prevalence = shares[assigned].mean(axis=0) if assigned.any() else np.zeros(int(self.k))
        dominant = np.bincount(shares[assigned].argmax(axis=1), minlength=int(self.k)) if assigned.any() \
            else np.zeros(int(self.k), dtype=int)
        stab = runs.groupby("topic")["agreement"].mean().reindex(range(int(self.k))).to_numpy() \
            if len(runs) else np.full(int(self.k), np.nan)

        # concentration: share of each topic's weight that comes from its single largest document
        # (MALLET's diagnostics have the same idea): near 1, the "topic" is one article's vocabulary
        doc_codes, doc_index = np.unique(paras["doc_id"].to_numpy(), return_inverse=True)
        per_doc = np.zeros((len(doc_codes), int(self.k)))
        np.add.at(per_doc, doc_index, shares)
        mass = per_doc.sum(axis=0)
        concentration = np.divide(per_doc.max(axis=0), mass, out=np.full(int(self.k), np.nan), where=mass > 0)

        # number topics by prevalence (ties: first top term)
        first = [ref_terms[t][0] if ref_terms[t] else "" for t in range(int(self.k))]
        order = sorted(range(int(self.k)), key=lambda t: (-round(float(prevalence[t]), 9), first[t]))
        new_id = {old: new for new, old in enumerate(order)}
        topics = pd.DataFrame({
            "topic_id": [new_id[t] for t in range(int(self.k))],
            "label": [" / ".join(ref_terms[t][:3]) for t in range(int(self.k))],
            "top_terms": [", ".join(ref_terms[t]) for t in range(int(self.k))],
            "coherence": np.round(coherence, 4),
            "prevalence": np.round(prevalence, 4),
            "stability": np.round(stab, 4),
            "n_paragraphs": dominant.astype(int),
            "doc_concentration": np.round(concentration, 4),
        }).sort_values("topic_id", ignore_index=True)
        runs["topic_id"] = runs["topic"].map(new_id)
        self.runs_ = runs[["seed", "topic_id", "agreement"]].sort_values(["seed", "topic_id"]) \
            .reset_index(drop=True)

        # paras are sorted by doc_id, para_id (_check_paragraphs): with the topics in new order the
        # rows come out sorted, with no sort (and no copy) of a table of n_paragraphs * k rows
        k = int(self.k)
        doc_topics = pd.DataFrame({
            "doc_id": np.repeat(paras["doc_id"].to_numpy(), k),
            "para_id": np.repeat(paras["para_id"].to_numpy(), k),
            "topic_id": np.tile(np.arange(k), n_docs),
            "weight": np.round(shares[:, order].ravel(), WEIGHT_DECIMALS),
        }, copy=False)  # fresh arrays: no consolidating copy of n_paragraphs * k rows

        inverse = np.argsort(order)
        heaviest = np.where(assigned, inverse[shares.argmax(axis=1)], -1)
        self.paragraph_fit_ = pd.DataFrame({
            "doc_id": paras["doc_id"].to_numpy(), "para_id": paras["para_id"].to_numpy(),
            "n_terms": n_terms.astype(int), "fit": np.round(fit, WEIGHT_DECIMALS), "topic_id": heaviest.astype(int),
            "status": np.where(assigned, "topic", np.where(nonempty, "no topic", "no vocabulary term"))})
        self.loadings_ = self._loadings(W, X)[:, order]
        # which paragraphs hold each topic's top terms (one column per term, topics in their new order):
        # kzlib.topics.periods reads from it whose words a topic's top terms are
        self.top_term_presence_ = B.tocsr()
        self.top_term_columns_ = [[position[i] for i in top[t]] for t in order]
        self.top_term_names_ = [ref_terms[t] for t in order]
        self.vectorizer_ = vectorizer
        self.model_ = est
        self.tfidf_ = tfidf if self.method == "nmf" else None
        self.terms_ = terms
        self.components_ = H[order]
        self._rank = rank[order]
        self.topics_ = topics
        self.doc_topics_ = doc_topics
        self.coherence_ = float(np.round(np.nanmean(coherence), 4))
        self.stability_ = float(np.round(runs["agreement"].mean(), 4)) if len(runs) else float("nan")
        self.paragraphs_ = paras[["doc_id", "para_id", column]].rename(columns={column: "text"})
        self._order = order
        log.info("%s k=%d: coherence %.3f, stability %.3f (%s) over %d paragraphs",
                 self.method, k, self.coherence_, self.stability_, stability_verdict(self.stability_), n_docs)
        return self

    def _no_topic(self, X: sparse.csr_matrix, W: np.ndarray, H: np.ndarray, n_terms: np.ndarray,
                  tfidf: Any, *, learn: bool) -> tuple[np.ndarray, np.ndarray]:
        """Each paragraph's fit (NaN under LDA) and whether it has no topic; ``learn``: set the floors
        from these paragraphs (fit), else use the fitted ones (transform)."""
        empty = (n_terms <= 0) | (W.sum(axis=1) <= 0)
        if self.method != "nmf" or tfidf is None:
            return np.full(len(n_terms), np.nan), empty
        Xw = tfidf.transform(X)
        fit = paragraph_fit(Xw, W, H)
        if learn:
            self.fit_floors_ = fit_floors(fit, n_terms, min_fit=float(self.min_fit)) if self.min_fit > 0 else {}
        return fit, empty | below_floor(fit, n_terms, getattr(self, "fit_floors_", {}))

    def _loadings(self, W: np.ndarray, X: sparse.csr_matrix) -> np.ndarray:
        """Absolute topic weights of the paragraphs: NMF's W; for LDA, the shares times the paragraph's terms."""
        if self.method == "nmf":
            return W
        return W * np.asarray(X.sum(axis=1)).reshape(-1, 1)

    # public API -----------------------------------------------------------------------------
    @releases_memory
    def fit(self, paragraphs: pd.DataFrame, y: Any = None) -> TopicModel:
        """Fit on a paragraphs table (``doc_id``, ``para_id``, ``text_despun``) or a Corpus; returns self."""
        self._validate()
        paras, column = _check_paragraphs(paragraphs, self.text_column)
        vectorizer = clone(self.vectorizer) if self.vectorizer is not None else TopicVectorizer()
        X = vectorizer.fit_transform(paras[column], languages=paragraph_languages(paras))
        return self._fit_matrix(X, vectorizer, paras, column)

    def transform(self, paragraphs: pd.DataFrame) -> pd.DataFrame:
        """Topic weights of (new) paragraphs: a ``doc_topics`` table; a paragraph below the fitted floors
        of fit (``fit_floors_``) has no topic (weights 0). Words the fitted vocabulary does not know are
        invisible here: a paragraph of another language's words and one known name fits that name's topic."""
        self._check_fitted()
        paras, column = _check_paragraphs(paragraphs, self.text_column)
        X = self.vectorizer_.transform(paras[column], languages=paragraph_languages(paras))
        tfidf = self.tfidf_  # None for LDA, which reads counts
        Xw = tfidf.transform(X) if tfidf is not None else X
        W = self.model_.transform(Xw)
        _, none = self._no_topic(X, W, self.model_.components_, np.diff(X.indptr), tfidf, learn=False)
        W = W[:, self._order]
        totals = W.sum(axis=1, keepdims=True)
        shares = np.divide(W, totals, out=np.zeros_like(W), where=(totals > 0) & ~none[:, None])
        k = int(self.k)
        return pd.DataFrame({
            "doc_id": np.repeat(paras["doc_id"].to_numpy(), k),
            "para_id": np.repeat(paras["para_id"].to_numpy(), k),
            "topic_id": np.tile(np.arange(k), len(paras)),
            "weight": np.round(shares.ravel(), WEIGHT_DECIMALS),
        })

    def transform_by_partition(self, paragraphs: pd.DataFrame, *, engine: str = "pandas", scheduler: Any = None,
                               npartitions: int | str | None = "auto") -> pd.DataFrame:
        """:meth:`transform` over partitions of documents (see :func:`kzlib.engine.map_partitions_by_document`
        for ``engine``, ``scheduler`` and ``npartitions``): the ``doc_topics`` of a corpus too large for one
        batch, the same table with either engine. Each partition is weighed by a copy of the model without
        the training sample's ``paragraphs_`` and ``doc_topics_``, which ``transform`` does not read: a
        Dask worker receives a few hundred KB instead of the sample (36 MB for 5,000 generated documents).

        Example:
            >>> weights = model.transform_by_partition(paras, engine="dask")   # doctest: +SKIP
        """
        from kzlib.engine import map_partitions_by_document

        self._check_fitted()
        slim = copy.copy(self)
        for name in ("paragraphs_", "doc_topics_"):
            slim.__dict__.pop(name, None)
        return map_partitions_by_document(paragraphs, slim.transform, engine=engine, scheduler=scheduler,
                                          npartitions=npartitions)

    def term_weights(self, n: int | None = None) -> pd.DataFrame:
        """Top terms of each topic with their weight in the topic: topic_id, rank, term, weight.

        For NMF the weight is the term's loading in the topic; for LDA its probability (terms are
        ordered by relevance, as in the topics table).
        """
        self._check_fitted()
        n = n or int(self.n_terms)
        rows = []
        for topic_id, row in enumerate(self.components_):
            ranked = _top_indices(self._rank[topic_id][None, :], n, positive=self.method == "nmf")[0]
            for rank, i in enumerate(ranked):
                rows.append({"topic_id": topic_id, "rank": rank, "term": self.terms_[i],
                             "weight": round(float(row[i]), WEIGHT_DECIMALS)})
        return pd.DataFrame(rows, columns=["topic_id", "rank", "term", "weight"])

    def representatives(self, n: int = 3, *, min_words: int = 12, with_loading: bool = False) -> pd.DataFrame:
        """The ``n`` paragraphs that load most on each topic, at most one per document when possible.

        Paragraphs are ranked by their absolute loading on the topic (``loadings_``: NMF's weight, not the
        share, which is 1.0 for every paragraph with one topic, however little it says), among paragraphs
        with a topic and at least ``min_words`` words: a one-line caption or a signature is no example of
        a theme. A topic with fewer such paragraphs is filled with shorter ones (logged). Ties: doc_id,
        para_id. Returns topic_id, rank, doc_id, para_id, weight (the topic's share), text; with
        ``with_loading``, also loading and n_words (before text).

        Example:
            >>> model.representatives(3, min_words=12, with_loading=True)   # doctest: +SKIP
        """
        self._check_fitted()
        paras = self.paragraphs_
        k = int(self.k)
        fit = self.paragraph_fit_
        words = paras["text"].str.split().str.len().fillna(0).astype(int).to_numpy()
        shares = self.doc_topics_["weight"].to_numpy().reshape(len(paras), k)
        loading = np.where(shares > 0, self.loadings_, 0.0)
        table = pd.DataFrame({
            "topic_id": np.tile(np.arange(k), len(paras)),
            "doc_id": np.repeat(paras["doc_id"].to_numpy(), k),
            "para_id": np.repeat(paras["para_id"].to_numpy(), k),
            "weight": shares.ravel(),
            "loading": np.round(loading.ravel(), WEIGHT_DECIMALS),
            "n_words": np.repeat(words, k),
            "long": np.repeat(words >= min_words, k),
        })
        table = table[(table["loading"] > 0) & np.repeat(fit["status"].to_numpy() == "topic", k)]
        keys = ["topic_id", "long", "loading", "doc_id", "para_id"]
        table = table.sort_values(keys, ascending=[True, False, False, True, True])
        first = table.drop_duplicates(["topic_id", "doc_id"])
        rest = table.drop(first.index)
        picked = pd.concat([first, rest]).sort_values(["topic_id", "long"], ascending=[True, False], kind="stable")
        picked = picked.groupby("topic_id", sort=True, group_keys=False).head(n)
        short = picked.loc[~picked["long"], "topic_id"].unique()
        if len(short):
            log.info("topics %s have fewer than %d paragraphs of %d words or more: shorter ones are shown",
                     short.tolist(), n, min_words)
        picked = picked.sort_values(keys, ascending=[True, False, False, True, True])
        picked["rank"] = picked.groupby("topic_id").cumcount()
        out = picked.merge(paras, on=["doc_id", "para_id"], how="left")
        extra = ["loading", "n_words"] if with_loading else []
        return out[["topic_id", "rank", "doc_id", "para_id", "weight", *extra, "text"]].reset_index(drop=True)

    def _check_fitted(self) -> None:
        if not hasattr(self, "topics_"):
            raise ParameterError("this TopicModel is not fitted yet: call fit(paragraphs) first")

