"""TopicVectorizer: paragraph texts to a term-count matrix, with actor names and learned collocations as
single terms (scikit-learn conventions: parameters in ``__init__``, ``fit``/``transform``,
``get_feature_names_out``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator

from kzlib.errors import CorpusError, ParameterError
from kzlib.topics.encoder import _UNKNOWN, _Encoder, _npmi_score
from kzlib.topics.streams import _csr, _merge_stream, _pair_counts, _row_blocks, _tokens_per_row
from kzlib.topics.tokens import (
    _APOSTROPHES,
    LANGUAGES,
    _runs,
    _russian_name_parts,
    _russian_names,
    load_actor_aliases,
    load_stopwords,
    russian_mask,
)

__all__ = ["TopicVectorizer"]

log = logging.getLogger(__name__)


class TopicVectorizer(BaseEstimator):
    """Paragraph texts to a term-count matrix, with names and learned collocations as single terms.

    Parameters:
        min_df: drop terms in fewer paragraphs than this (int) or this share (float).
        max_df: drop terms in more than this share of paragraphs (float) or paragraphs (int).
        stop_words: a collection of stop words; None = ``load_stopwords()`` (and, for Russian text,
            ``load_stopwords(language="ru")`` as well).
        phrases: learn collocations from the corpus (bigrams by NPMI, ``phrase_passes`` passes).
        phrase_min_count: a bigram must occur at least this often to become a phrase.
        phrase_threshold: minimum NPMI (-1..1) of a bigram to become a phrase.
        phrase_passes: passes of bigram merging (2 passes give up to four-word phrases).
        actors: actor names, as a mapping of surface form -> canonical name or a list of names; every
            surface form becomes the canonical name's term ("Blinken" -> "antony blinken"), before
            anything else. None = ``load_actor_aliases()`` (kzlib's gazetteer) and, in Russian text, the
            Russian names of its actors (``kzlib/data/ru/actors.yaml``: "Токаева", "Касым-Жомарт Токаев"
            -> "kassym-jomart tokayev"); ``{}`` = none.
        language: the language of texts that ``languages`` (an argument of ``fit``, ``transform``)
            leaves unsaid: ``"auto"`` (Russian where most letters are Cyrillic), ``"en"`` or ``"ru"``.
            Russian text is read as lemmas (:func:`kzlib.topics.russian_term`), so that the inflected
            forms of a word are one term, with Russian stop words; other text as English.

    Learned attributes: ``vocabulary_`` (terms, sorted; also ``get_feature_names_out()``), ``phrases_``
    (table phrase, count, npmi, source), ``n_paragraphs_``, ``n_russian_`` (paragraphs read as Russian).

    The count matrix is the one scikit-learn's ``CountVectorizer`` gives for these terms (same
    ``min_df``/``max_df`` rule, same entry order), built from int32 term ids: the corpus is never
    held as lists of strings.

    Example:
        >>> vec = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrase_min_count=2)
        >>> X = vec.fit_transform(["Antony Blinken spoke.", "Antony Blinken left.", "Blinken!"])
        >>> list(vec.vocabulary_)
        ['antony blinken', 'blinken', 'left', 'spoke']
    """

    def __init__(self, *, min_df: int | float = 2, max_df: int | float = 0.5,
                 stop_words: Iterable[str] | None = None, phrases: bool = True,
                 phrase_min_count: int = 3, phrase_threshold: float = 0.5, phrase_passes: int = 2,
                 actors: Mapping[str, str] | Sequence[str] | None = None, language: str = "auto"):
        self.min_df = min_df
        self.max_df = max_df
        self.stop_words = stop_words
        self.phrases = phrases
        self.phrase_min_count = phrase_min_count
        self.phrase_threshold = phrase_threshold
        self.phrase_passes = phrase_passes
        self.actors = actors
        self.language = language

    # analysis -------------------------------------------------------------------------------
    def _setup(self) -> None:
        if not isinstance(self.phrase_passes, int) or self.phrase_passes < 0:
            raise ParameterError(f"phrase_passes must be a non-negative int, got {self.phrase_passes!r}")
        if not -1.0 <= float(self.phrase_threshold) <= 1.0:
            raise ParameterError(f"phrase_threshold is an NPMI, between -1 and 1; got {self.phrase_threshold!r}")
        for name in ("min_df", "max_df"):  # scikit-learn's CountVectorizer rule
            value = getattr(self, name)
            if not (isinstance(value, Integral) and int(value) >= 1
                    or isinstance(value, Real) and not isinstance(value, Integral) and 0 <= float(value) <= 1):
                raise ParameterError(f"{name} must be an int >= 1 (paragraphs) or a float in [0, 1] "
                                     f"(share of paragraphs), got {value!r}")
        if self.language not in LANGUAGES:
            raise ParameterError(f"language must be one of {LANGUAGES}, got {self.language!r}")
        self._stops = load_stopwords() if self.stop_words is None else frozenset(
            w.translate(_APOSTROPHES).lower() for w in self.stop_words)
        actors = load_actor_aliases() if self.actors is None else self.actors
        if not isinstance(actors, Mapping):
            actors = {name: name for name in actors}
        # surface token sequence -> (acronym flags it requires, term of the canonical name)
        names: dict[tuple[str, ...], tuple[tuple[bool, ...], str]] = {}
        for surface, canonical in sorted(actors.items()):
            tokens = [t for run in _runs(surface, name=True) for t in run]
            term = " ".join(w for run in _runs(canonical) for w, _, _ in run)
            if tokens and term:
                words = tuple(w for w, _, _ in tokens)
                names.setdefault(words, (tuple(a for _, a, _ in tokens), term))
        self._name_terms = frozenset(term for _, term in names.values())
        # first word -> (the one-word name: (must be an acronym, term), or None;
        #                second word -> longer names, longest first: (length, words, positions that must be acronyms, term))
        self._name_first: dict[str, tuple[tuple[bool, str] | None, dict[str, list[tuple[int, tuple[str, ...],
                                                                                   tuple[int, ...], str]]]]] = {}
        for words in sorted(names, key=lambda t: (-len(t), t)):
            caps, term = names[words]
            _, longer = self._name_first.setdefault(words[0], (None, {}))
            if len(words) == 1:
                self._name_first[words[0]] = ((caps[0], term), longer)
            else:
                longer.setdefault(words[1], []).append(
                    (len(words), words, tuple(j for j, c in enumerate(caps) if c), term))

    def _learn_phrases(self, stream: np.ndarray, offsets: np.ndarray,
                       terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Collocations by NPMI, ``phrase_passes`` passes; merges the stream after each pass.

        Appends the phrases to ``terms``; sets ``_collocations`` and ``_merge_tables`` (in the ids of
        ``terms``; ``fit_transform`` renumbers them).
        """
        rows = []
        self._merge_tables: list[tuple[tuple[np.ndarray, np.ndarray, np.ndarray], int]] = []
        for pass_no in range(1, self.phrase_passes + 1):
            size = len(terms)
            unigrams, total, codes, first, counts = _pair_counts(stream, offsets, size)
            frequent = np.flatnonzero(counts >= self.phrase_min_count)
            frequent = frequent[np.argsort(first[frequent], kind="stable")]  # first seen first, as a Counter
            accepted: list[tuple[int, float, str]] = []
            for j in frequent.tolist():
                a, b = divmod(int(codes[j]), size)
                term_a, term_b = terms[a], terms[b]
                # after the first pass only two phrases join ("collective security" + "treaty
                # organization"), not a phrase and a word: titles stay off names ("president" +
                # "vladimir putin") and runs of generic words do not snowball.
                if pass_no > 1 and (" " not in term_a or " " not in term_b):
                    continue
                if term_a in self._name_terms or term_b in self._name_terms:  # names are complete as they are
                    continue
                c_ab = int(counts[j])
                score = _npmi_score(c_ab, int(unigrams[a]), int(unigrams[b]), total)
                if score >= self.phrase_threshold:
                    accepted.append((int(codes[j]), score, f"{term_a} {term_b}"))
                    rows.append({"phrase": f"{term_a} {term_b}", "count": c_ab, "npmi": round(score, 4),
                                 "source": f"collocation (pass {pass_no})"})
            if not accepted:
                break
            index = {t: i for i, t in enumerate(terms)}
            result = []
            for _, _, phrase in accepted:
                if phrase not in index:
                    index[phrase] = len(terms)
                    terms.append(phrase)
                result.append(index[phrase])
            order = np.argsort([c for c, _, _ in accepted])
            table = (np.array([c for c, _, _ in accepted], dtype=np.int64)[order],
                     np.array([s for _, s, _ in accepted], dtype=np.float64)[order],
                     np.array(result, dtype=np.int32)[order])
            self._merge_tables.append((table, size))
            stream, offsets = _merge_stream(stream, offsets, table, size)
        self._collocations = pd.DataFrame(rows, columns=["phrase", "count", "npmi", "source"])
        return stream, offsets

    def _russian_stops(self) -> frozenset[str]:
        """The stop words of Russian text: the English ones and ``load_stopwords(language="ru")``, or
        the ``stop_words`` given."""
        if self.stop_words is not None:
            return self._stops
        return self._stops | load_stopwords(language="ru")

    def _russian_names(self) -> tuple[dict[str, str], dict[str, str]]:
        """Lemma -> canonical term of the Russian names of kzlib's gazetteer, and of the first names and
        patronymics of its people (``actors=None`` only: a gazetteer given is used as it is). Their terms
        join the names that collocations leave alone."""
        if self.actors is not None:
            return {}, {}
        names, parts = _russian_names(), _russian_name_parts()
        self._name_terms = self._name_terms | frozenset(names.values()) | frozenset(parts.values())
        return names, parts

    def _encode(self, texts: list[str], *, grow: bool,
                russian: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, _Encoder]:
        """Term-id stream of texts, with the fitted phrases merged in (see ``_Encoder``); ``russian``
        marks the texts read as Russian."""
        encoder = _Encoder(self._term_index, grow=grow, names=self._name_first, stops=self._stops,
                           russian=lambda: (*self._russian_names(), self._russian_stops()))
        if russian is None or not russian.any():
            for text in texts:
                encoder.add(text)
        else:
            for text, ru in zip(texts, russian.tolist()):
                encoder.add(text, ru)
        stream, offsets = encoder.stream()
        for table, size in self._merge_tables:
            stream, offsets = _merge_stream(stream, offsets, table, size)
        return stream, offsets, encoder

    def analyze(self, text: str, *, language: str | None = None) -> list[str]:
        """The terms of one text, as the fitted vectorizer sees them (``language``: the text's, if known).

        Example:
            >>> vec = TopicVectorizer(min_df=1, max_df=1.0, actors={"Blinken": "Antony Blinken"})
            >>> vec = vec.fit(["Blinken spoke."])
            >>> vec.analyze("Secretary of State Blinken said so.")
            ['secretary', 'state', 'antony blinken']
        """
        self._check_fitted()
        russian = self._russian(self._texts([text]), None if language is None else [language])
        stream, _, encoder = self._encode([text], grow=True, russian=russian)
        terms = self._terms + encoder.new_terms
        return [terms[i] for i in stream.tolist() if i >= 0]

    # fitting --------------------------------------------------------------------------------
    def _russian(self, texts: list[str], languages: Iterable[Any] | None) -> np.ndarray:
        # a vectorizer pickled before ``language`` existed read every text as English
        return russian_mask(texts, languages, default=getattr(self, "language", "en"))

    def _texts(self, texts: Iterable[str]) -> list[str]:
        texts = list(texts.tolist() if isinstance(texts, pd.Series) else texts)
        bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
        if bad:
            raise CorpusError(f"{len(bad)} texts are not strings (first at position {bad[0]}): "
                              "fill missing paragraph texts with '' or drop them first")
        return texts

    def _no_terms(self, reason: str) -> CorpusError:
        return CorpusError(f"no terms left after stop words and min_df={self.min_df}, "
                           f"max_df={self.max_df} ({reason}); lower min_df or raise max_df, "
                           "or give a larger corpus")

    def fit_transform(self, texts: Iterable[str], y: Any = None, *,
                      languages: Iterable[Any] | None = None) -> sparse.csr_matrix:
        """Learn phrases and vocabulary; return the paragraph × term count matrix (CSR). ``languages``:
        each text's language code ("en", "ru", "" for unknown), None = ``language`` for all."""
        texts = self._texts(texts)
        if not texts:
            raise CorpusError("no paragraphs to build a vocabulary from: the corpus has no body text")
        self._setup()
        russian = self._russian(texts, languages)
        self._term_index: dict[str, int] = {}
        self._terms: list[str] = []
        self._merge_tables = []
        stream, offsets, encoder = self._encode(texts, grow=True, russian=russian)
        terms = encoder.new_terms
        del encoder  # its per-spelling cache is as large as the corpus's vocabulary
        if self.phrases and self.phrase_passes:
            stream, offsets = self._learn_phrases(stream, offsets, terms)
        else:
            self._collocations = pd.DataFrame(columns=["phrase", "count", "npmi", "source"])
        X, vocab_ids = self._count(stream, offsets, terms)
        del stream
        self.vocabulary_ = np.asarray([terms[i] for i in vocab_ids], dtype=object)
        self._keep_terms(terms, vocab_ids)
        vocab = set(self.vocabulary_)
        names_used = sorted(t for t in self._name_terms if t in vocab and " " in t)
        name_rows = pd.DataFrame({"phrase": names_used, "count": np.nan, "npmi": np.nan,
                                  "source": "actor gazetteer"})
        colloc = self._collocations
        self.phrases_ = (pd.concat([name_rows, colloc], ignore_index=True) if len(name_rows)
                         else colloc.copy())
        self.phrases_["in_vocabulary"] = self.phrases_["phrase"].isin(vocab)
        self.phrases_ = self.phrases_.sort_values(["source", "phrase"], ignore_index=True)
        self.n_paragraphs_ = len(texts)
        self.n_russian_ = int(russian.sum())
        log.info("vocabulary: %d terms from %d paragraphs (%d phrases learned, %d gazetteer names used)",
                 len(self.vocabulary_), len(texts), len(colloc), len(names_used))
        return X

    def _count(self, stream: np.ndarray, offsets: np.ndarray,
               terms: list[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The paragraph × term count matrix and the ids of its columns (terms in alphabetical order).

        Terms are kept by scikit-learn's ``CountVectorizer`` rule on document frequency, and each
        row's entries are in the order CountVectorizer leaves them (the order in which the terms
        first occur in the corpus): the floating-point sums of tf-idf and NMF then come out the same.
        """
        n_rows = len(offsets) - 1
        blocks = _row_blocks(offsets)
        # the order in which the terms first occur
        first = np.full(len(terms), -1, dtype=np.int64)
        for r0, r1 in blocks:
            start = int(offsets[r0])
            block = stream[start:offsets[r1]]
            seen, at = np.unique(block[block >= 0], return_index=True)
            new = first[seen] < 0
            first[seen[new]] = start + at[new]
        occurring = np.flatnonzero(first >= 0)
        if not len(occurring):
            raise self._no_terms("empty vocabulary; perhaps the documents only contain stop words")
        by_first = occurring[np.argsort(first[occurring])]  # term ids in order of first occurrence
        del first, occurring
        n_seen = len(by_first)
        rank = np.empty(len(terms), dtype=np.int64)
        rank[by_first] = np.arange(n_seen)
        # per block, each row's distinct terms (by rank) and their counts, from one sorted key per word
        parts = []
        df = np.zeros(n_seen, dtype=np.int64)
        for r0, r1 in blocks:
            start = int(offsets[r0])
            ids, per_row = _tokens_per_row(stream[start:offsets[r1]], offsets[r0:r1 + 1] - start)
            key = np.repeat(np.arange(r0, r1, dtype=np.int64), per_row)
            key *= n_seen
            key += rank[ids]
            del ids
            key.sort()
            new = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))) if len(key) else key
            counts = np.diff(np.append(new, len(key))).astype(np.int32)
            rows, ranks = np.divmod(key[new], n_seen)
            del key, new
            df += np.bincount(ranks, minlength=n_seen)
            parts.append((rows.astype(np.int32), ranks.astype(np.int32), counts))
        del rank
        max_count = self.max_df if isinstance(self.max_df, Integral) else self.max_df * n_rows
        min_count = self.min_df if isinstance(self.min_df, Integral) else self.min_df * n_rows
        if max_count < min_count:
            raise self._no_terms("max_df corresponds to < documents than min_df")
        kept = np.flatnonzero((df <= max_count) & (df >= min_count))
        if not len(kept):
            raise self._no_terms("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        vocab_ids = by_first[kept]
        alphabetical = sorted(range(len(kept)), key=lambda j: terms[vocab_ids[j]])
        column = np.full(n_seen, -1, dtype=np.int64)
        column[kept[alphabetical]] = np.arange(len(kept))
        # the matrix, filled block by block (each block's entries freed as they are copied)
        nnz = int(df[kept].sum())
        index_dtype = np.int64 if nnz > np.iinfo(np.int32).max else np.int32
        data = np.empty(nnz, dtype=np.int64)
        indices = np.empty(nnz, dtype=index_dtype)
        per_row = np.zeros(n_rows, dtype=np.int64)
        filled = 0
        parts.reverse()
        while parts:
            rows, ranks, counts = parts.pop()
            cols = column[ranks]
            ok = cols >= 0
            n = int(ok.sum())
            data[filled:filled + n] = counts[ok]
            indices[filled:filled + n] = cols[ok]
            per_row += np.bincount(rows[ok], minlength=n_rows)
            filled += n
        indptr = np.zeros(n_rows + 1, dtype=index_dtype)
        np.cumsum(per_row, out=indptr[1:])
        X = sparse.csr_matrix((data, indices, indptr), shape=(n_rows, len(kept)))
        return X, vocab_ids[alphabetical]

    def _keep_terms(self, terms: list[str], vocab_ids: np.ndarray) -> None:
        """Keep, renumbered from 0, only the terms that ``transform`` needs: the vocabulary, the
        actor names and the parts and results of the merges (a small, picklable model)."""
        needed = set(vocab_ids.tolist())
        needed.update(i for i, t in enumerate(terms) if t in self._name_terms)
        for (codes, _, results), size in self._merge_tables:
            needed.update((codes // size).tolist())
            needed.update((codes % size).tolist())
            needed.update(results.tolist())
        old = np.array(sorted(needed), dtype=np.int64)
        new_id = np.full(len(terms), _UNKNOWN, dtype=np.int64)
        new_id[old] = np.arange(len(old))
        self._terms = [terms[i] for i in old.tolist()]
        self._term_index = {t: i for i, t in enumerate(self._terms)}
        size = len(self._terms)
        tables = []
        for (codes, scores, results), old_size in self._merge_tables:
            codes = new_id[codes // old_size] * size + new_id[codes % old_size]
            order = np.argsort(codes)
            tables.append(((codes[order], scores[order], new_id[results[order]].astype(np.int32)), size))
        self._merge_tables = tables
        self._columns = np.full(size, -1, dtype=np.int64)
        self._columns[new_id[vocab_ids]] = np.arange(len(vocab_ids))

    def fit(self, texts: Iterable[str], y: Any = None, *, languages: Iterable[Any] | None = None) -> TopicVectorizer:
        """Learn phrases and vocabulary from paragraph texts (``languages`` as in ``fit_transform``); returns self."""
        self.fit_transform(texts, languages=languages)
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The terms of the count matrix's columns (``vocabulary_``), as scikit-learn's vectorizers give them.

        Example:
            >>> TopicVectorizer(min_df=1, max_df=1.0, actors={}).fit(["Troops left.", "Troops arrived."]).get_feature_names_out()
            array(['arrived', 'left', 'troops'], dtype=object)
        """
        self._check_fitted()
        return np.asarray(self.vocabulary_, dtype=object)

    def transform(self, texts: Iterable[str], *, languages: Iterable[Any] | None = None) -> sparse.csr_matrix:
        """Count matrix of new texts over the fitted vocabulary (``languages`` as in ``fit_transform``)."""
        self._check_fitted()
        texts = self._texts(texts)
        stream, offsets, _ = self._encode(texts, grow=False, russian=self._russian(texts, languages))
        ids, per_row = _tokens_per_row(stream, offsets)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), per_row)
        cols = self._columns[ids]
        ok = cols >= 0
        # entries sorted by (row, column) and summed, as CountVectorizer.transform leaves them
        key = rows[ok] * len(self.vocabulary_) + cols[ok]
        key, counts = np.unique(key, return_counts=True)
        rows, cols = np.divmod(key, len(self.vocabulary_))
        return _csr(rows, cols, counts, (len(texts), len(self.vocabulary_)))

    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            raise ParameterError("this TopicVectorizer is not fitted yet: call fit(texts) first")


# --- coherence and agreement ---------------------------------------------------------------------
