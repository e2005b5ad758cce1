"""The language of each document: py3langid, offline, many texts at once (see :func:`detect_language`)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from kzlib._threads import thread_map

__all__ = ["detect_language"]

log = logging.getLogger("kzlib.corpus")   # the stage's logger, as before the split


_LANGUAGE_SAMPLE_CHARS = 1000   # a few hundred characters identify a language; the rest only costs time
_LANGUAGE_MIN_LETTERS = 20
_LANGUAGE_BATCH = 512            # texts walked through py3langid's automaton together (~9 bytes x texts x bytes)
_LANGUAGE_BATCH_MIN = 64         # fewer texts than this: one at a time (building the batch model costs ~50 ms)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, offline, on its first 1,000 characters); 'und' for
    too little text (fewer than 20 letters there).

    Example:
        >>> detect_language("Russia's top envoy to the United States has blamed Washington")
        'en'
    """
    import py3langid

    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    return str(py3langid.classify(sample)[0]) if _enough_letters(sample) else "und"


def _enough_letters(sample: str) -> bool:
    letters = 0
    for ch in sample:          # stops counting at the threshold
        if ch.isalpha():
            letters += 1
            if letters >= _LANGUAGE_MIN_LETTERS:
                return True
    return False


def _detect_languages(texts: list[str]) -> list[str]:
    """:func:`detect_language` of each text, the same codes at a fraction of the cost.

    py3langid walks a text's UTF-8 bytes through its feature automaton in a Python loop (~0.3 ms per
    sample); here the samples of a batch walk it together, one numpy step per byte position, and each
    sample's features (in order of first occurrence, as py3langid's ``Counter``) are scored with
    py3langid's own naive Bayes product. A few texts, or a py3langid not laid out as this expects, go
    through ``py3langid.classify`` one at a time.
    """
    if len(texts) < _LANGUAGE_BATCH_MIN:
        return [detect_language(t) for t in texts]
    model = _language_model()
    if model is None:
        return [detect_language(t) for t in texts]

    def batch(b: int) -> list[str]:   # the samples of one batch at a time (memory)
        samples = [t[:_LANGUAGE_SAMPLE_CHARS] for t in texts[b:b + _LANGUAGE_BATCH]]
        enough = [_enough_letters(s) for s in samples]
        codes = iter(model.classify([s for s, ok in zip(samples, enough) if ok]) if any(enough) else [])
        return [next(codes) if ok else "und" for ok in enough]

    # the batches' numpy work (sorting, the sparse product) runs on the machine's cores side by side
    return [code for codes in thread_map(batch, range(0, len(texts), _LANGUAGE_BATCH)) for code in codes]


class _LanguageModel:
    """py3langid's default identifier, applied to many texts at once.

    py3langid scores a text as ``log1p(counts) @ table[features] + prior`` in float32 (a BLAS product per
    text). Here one sparse product scores a whole batch, also in float32 but summed in another order: the
    two results differ by at most the float32 rounding bound of a sum of that many terms, so where the best
    language leads the next by more than twice that bound (all but near-ties) both pick the same one. A
    near-tie is scored py3langid's way, with its features in their order of first occurrence.
    """

    def __init__(self, ident: Any) -> None:
        self._ident = ident
        self._nextmove = np.frombuffer(ident.tk_nextmove, dtype=np.dtype(f"u{ident.tk_nextmove.itemsize}"))
        self._rowbase = np.asarray(ident._rowbase, dtype=np.int64)
        self._output = np.asarray(ident.tk_output, dtype=np.int32)
        self._table = np.asarray(ident.nb_ptc, dtype=np.float32)
        self._table_abs_max = np.maximum(-self._table.min(axis=1), self._table.max(axis=1)).astype(np.float64)
        self._prior = ident.nb_pc
        self._classes = list(ident.nb_classes)
        self._aliases = list(ident._alias_pairs)
        self._floor = float(np.finfo(np.float32).min)   # py3langid's RAW_FLOOR

    def classify(self, samples: list[str]) -> list[str]:
        """Language codes of texts (py3langid's ``classify(...)[0]``)."""
        from scipy import sparse

        features = self._walk([self._ident._encode(s) for s in samples])
        n, n_features = len(samples), len(self._table)
        rows, cols = np.nonzero(features >= 0)
        keys, counts = np.unique(rows.astype(np.int64) * n_features + features[rows, cols], return_counts=True)
        text_of, feature = np.divmod(keys, n_features)
        indptr = np.searchsorted(text_of, np.arange(n + 1))
        weights = sparse.csr_matrix((np.log1p(counts.astype(np.float32)), feature, indptr),
                                    shape=(n, n_features))
        scores = np.asarray(weights @ self._table) + self._prior
        for i, j in self._aliases:             # one score per language, as py3langid folds them
            np.maximum(scores[:, i], scores[:, j], out=scores[:, i])
            scores[:, j] = -np.inf
        # float32 rounding of a k-term sum: below k * 2**-24 * sum |terms| (doubled for the two orders, with
        # room for the prior's addition and for log1p differing in its last bit)
        n_terms = np.diff(indptr)
        magnitude = weights.astype(np.float64) @ self._table_abs_max + np.abs(self._prior).max()
        bound = (2 * n_terms + 8) * 2.0 ** -23 * magnitude
        best = scores.argmax(axis=1)
        top2 = -np.partition(-scores, 1, axis=1)[:, :2]
        codes = []
        for row in range(n):
            if n_terms[row] and top2[row, 0] - top2[row, 1] > 2 * bound[row]:
                codes.append(str(self._classes[best[row]]))
            else:
                codes.append(self._exact(features[row]))
        return codes

    def _walk(self, encoded: list[bytes]) -> np.ndarray:
        """Feature id (-1: none) after each byte of each text, one row per text, walking all together."""
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        order = np.argsort(-lengths, kind="stable")        # longest first: the texts still walking are a prefix
        width = int(lengths.max()) if len(encoded) else 0
        data = np.zeros((len(encoded), width), dtype=np.uint8)
        for row, k in enumerate(order):
            data[row, :lengths[k]] = np.frombuffer(encoded[k], dtype=np.uint8)
        ends = lengths[order]
        states = np.zeros((len(encoded), width), dtype=np.int32)
        state = np.zeros(len(encoded), dtype=np.int64)
        active = len(encoded)
        for pos in range(width):
            while active and ends[active - 1] <= pos:
                active -= 1
            state = self._nextmove[self._rowbase[state[:active]] + data[:active, pos]].astype(np.int64)
            states[:active, pos] = state
        features = np.full_like(states, -1)
        for row, k in enumerate(order):
            features[k, :ends[row]] = self._output[states[row, :ends[row]]]
        return features

    def _exact(self, found: np.ndarray) -> str:
        """py3langid's decision for one text from its feature ids, computed as py3langid computes it."""
        found = found[found >= 0]
        if len(found):
            keys, first, counts = np.unique(found, return_index=True, return_counts=True)
            seen = np.argsort(first, kind="stable")     # py3langid's Counter keeps first-occurrence order
            scores = np.log1p(counts[seen].astype(np.float32)) @ self._table[keys[seen]] + self._prior
        else:   # no feature at all
            scores = np.full(len(self._classes), self._floor, dtype=np.float32)
        for i, j in self._aliases:
            scores[i] = max(scores[i], scores[j])
            scores[j] = self._floor
        return str(self._classes[int(scores.argmax())])


def _language_model() -> _LanguageModel | None:
    """The batch classifier over py3langid's default model (~50 ms to build; not kept: its float32 table
    holds 57 MB), or None when py3langid's internals differ."""
    from py3langid import langid

    ident = langid._get_identifier()
    try:
        if getattr(ident, "_norm_probs", True) or getattr(ident, "min_confidence", 0) is not None:
            return None
        return _LanguageModel(ident)
    except (AttributeError, TypeError, ValueError):
        log.debug("py3langid internals changed: language ID one text at a time")
        return None


