"""Russian features of :class:`kzlib.stance.StanceClassifier` (private): lemma n-grams, character
n-grams, the entity masked by its offsets, the window around it, Russian negation scope and kzlib's
Russian cue lexicon (``kzlib/data/ru/stance_cues.yaml``).

Lemmas are pymorphy3's, through kzlib's shared cached tools (:func:`kzlib.text.tokens.lemma`); no
second analyser is loaded. English rows never reach this module.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from kzlib.stance._ru_vectors import ru_vector_features
from kzlib.stance._windows import NEGATION_SCOPE, _scaled_window
from kzlib.stance.lexicon import _valence_sums
from kzlib.text.script import cyrillic_share
from kzlib.text.tokens import lemma

logger = logging.getLogger(__name__)

_MASK = "xtargetx"  # the classifier's placeholder for the target's mention (one Latin word: its own lemma)
_RU_TOKEN_RE = re.compile(r"\w+(?:-\w+)*|[.!?;:,()\"—–]")
_PUNCT = frozenset(".!?;:,()\"—–")
N_DENSE = 13


def rows_are_russian(texts: Sequence[str]) -> bool:
    """True when most letters of the texts together are Cyrillic (how ``language="auto"`` decides).

    >>> rows_are_russian(["Токаев поддержал решение.", "Tokayev said"]), rows_are_russian(["We support it."])
    (True, False)
    """
    weights = [len(t) for t in texts]
    total = sum(weights)
    if total == 0:
        return False
    return sum(cyrillic_share(t) * w for t, w in zip(texts, weights)) / total > 0.5


def _cues() -> Any:
    from kzlib.russian.stance import load_cues

    return load_cues()


def lemma_tokens(text: str, *, negation: bool = True) -> list[str]:
    """The lower-case lemmas of ``text`` (punctuation kept as tokens); with ``negation``, each word within
    :data:`NEGATION_SCOPE` words after a negator of the cue file (не, ни, нет, без) prefixed ``NEG_``, up to
    the next punctuation mark or clause word (но, однако, а ...).

    >>> lemma_tokens("Они не поддержали решения, но одобрили план")
    ['они', 'не', 'NEG_поддержать', 'NEG_решение', ',', 'но', 'одобрить', 'план']
    """
    c = _cues()
    out: list[str] = []
    left = 0
    for tok in _RU_TOKEN_RE.findall(text):
        if tok in _PUNCT:
            left = 0
            out.append(tok)
            continue
        lem = lemma(tok).replace("ё", "е") if tok != _MASK else _MASK
        if lem in c.clause_conjunctions:
            left = 0
        if lem in c.negators:
            out.append(lem)
            left = NEGATION_SCOPE if negation else 0
            continue
        if left:
            out.append("NEG_" + lem)
            left -= 1
        else:
            out.append(lem)
    return out


def cue_sums(lems: Sequence[str]) -> tuple[float, float]:
    """log(1 + summed favourable weight) and log(1 + summed unfavourable weight) of the cue file's lemmas
    in ``lems`` (from :func:`lemma_tokens`), a cue inside a negation's scope (``NEG_``) counted reversed.

    >>> import math
    >>> cue_sums(["поддержать"]) == (math.log1p(1.0), 0.0), cue_sums(["NEG_поддержать"]) == (0.0, math.log1p(1.0))
    (True, True)
    """
    weight = _cues().weight
    signed = []
    for t in lems:
        negated = t.startswith("NEG_")
        w = weight.get(t[4:] if negated else t)
        if w:
            signed.append(-w if negated else w)
    return _valence_sums(signed)


def _words(lems: list[str]) -> list[str]:
    return [t for t in lems if t not in _PUNCT]


@dataclass
class RuViews:
    """The views of Russian (text, target) rows that the Russian features read."""

    lemmas: list[str]  # the masked text's lemmas (negation-marked), space-joined
    chars: list[str]  # the masked text, lower case
    window: list[str]  # lemmas around the mention, marked by side: "L_осудить R_действие"
    scales: list[str]  # the next two, the farther and the side bigrams (see _scaled_window)
    clause: list[str]  # the lemmas of the clause that holds the mention
    dense: np.ndarray  # N_DENSE cue-lexicon and position features


def ru_views(texts: list[str], spans: list[tuple[int, int] | None], *, window: int, mask: bool = True,
             negation: bool = True) -> RuViews:
    """The Russian views of rows whose mentions are at ``spans`` (None: the text does not name it)."""

    c = _cues()
    lem_texts, chars, win, scales, clauses, dense = [], [], [], [], [], []
    for text, span in zip(texts, spans):
        if span is None:
            lems = lemma_tokens(text, negation=negation)
            lem_texts.append(" ".join(lems))
            chars.append(text.lower())
            win.append("")
            scales.append("")
            clauses.append("")
            d_clause = d_left = d_right = (0.0, 0.0)
            named = at_start = holder = 0.0
        else:
            s, e = span
            mention = _MASK if mask else text[s:e]
            masked = f"{text[:s]} {mention} {text[e:]}"
            chars.append(masked.lower())
            # the halves are lemmatised apart so that a negator's scope before the mention stays visible
            left_l = lemma_tokens(text[:s], negation=negation)
            right_l = lemma_tokens(text[e:], negation=negation)
            ment_l = [_MASK] if mask else lemma_tokens(text[s:e], negation=False)
            lem_texts.append(" ".join(left_l + ment_l + right_l))
            lw_all, rw_all = _words(left_l), _words(right_l)
            lw, rw = lw_all[-window:], rw_all[:window]
            win.append(" ".join([f"L_{w}" for w in lw] + [f"R_{w}" for w in rw]))
            scales.append(_scaled_window(lw_all, rw_all, window))
            cut = max((i + 1 for i, t in enumerate(left_l) if t in _PUNCT or t in c.clause_conjunctions), default=0)
            stop = next((i for i, t in enumerate(right_l) if t in _PUNCT or t in c.clause_conjunctions), len(right_l))
            clause_l = left_l[cut:] + [_MASK] + right_l[:stop]
            clauses.append(" ".join(clause_l))
            d_clause, d_left, d_right = cue_sums(clause_l), cue_sums(lw), cue_sums(rw)
            named = 1.0
            at_start = float(not text[:s].strip())
            holder = float(bool(rw_all) and rw_all[0].removeprefix("NEG_") in c.holder_verbs)
            lems = left_l + right_l
        dense.append([*cue_sums(lems), *d_clause, *d_left, *d_right, named, at_start, holder,
                      float("?" in text), float("!" in text)])
    return RuViews(lem_texts, chars, win, scales, clauses, np.asarray(dense, dtype=float).reshape(len(texts), N_DENSE))


class RuFeatures:
    """Fitted vectorisers of the Russian views (see :class:`kzlib.stance.StanceClassifier`)."""

    def __init__(self, *, word_ngram_range: tuple[int, int], char_ngram_range: tuple[int, int], window: int,
                 lexicon_features: bool, context_features: bool, scaled_window: bool, mask: bool, negation: bool,
                 lemmas: bool, char_ngrams: bool = True, word_vectors: bool = True):
        self.word_ngram_range, self.char_ngram_range, self.window = word_ngram_range, char_ngram_range, window
        self.lexicon_features, self.context_features, self.scaled_window = lexicon_features, context_features, scaled_window
        self.mask, self.negation, self.lemmas, self.char_ngrams = mask, negation, lemmas, char_ngrams
        self.word_vectors = word_vectors

    def _views(self, texts: list[str], spans: list[tuple[int, int] | None]) -> RuViews:
        v = ru_views(texts, spans, window=self.window, mask=self.mask, negation=self.negation)
        if not self.lemmas:  # word forms instead of lemmas (an ablation): the masked text's own words
            v.lemmas = v.chars
        return v

    def fit(self, texts: list[str], spans: list[tuple[int, int] | None]) -> RuFeatures:
        v = self._views(texts, spans)
        tp = r"\S+" if self.lemmas else r"(?u)\b\w+\b"
        self.word_ = TfidfVectorizer(ngram_range=tuple(self.word_ngram_range), sublinear_tf=True, lowercase=False,
                                     token_pattern=tp).fit(v.lemmas)
        self.char_ = (TfidfVectorizer(analyzer="char", ngram_range=tuple(self.char_ngram_range), sublinear_tf=True,
                                      min_df=2).fit(v.chars) if self.char_ngrams else None)
        self.window_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit(
            [w or "L_" for w in v.window])
        self.clause_ = TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"\S+", lowercase=False,
                                       sublinear_tf=True).fit([c or _MASK for c in v.clause])
        self.scales_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit(
            [w or "LN_" for w in v.scales])
        self.n_text_ = len(self.word_.vocabulary_) + (len(self.char_.vocabulary_) if self.char_ is not None else 0)
        logger.info("Russian stance features: %d lemma n-grams, %d character n-grams", len(self.word_.vocabulary_),
                    self.n_text_ - len(self.word_.vocabulary_))
        return self

    def transform(self, texts: list[str], spans: list[tuple[int, int] | None]) -> list[sparse.spmatrix]:
        v = self._views(texts, spans)
        blocks = [self.word_.transform(v.lemmas)]
        if self.char_ is not None:
            blocks.append(self.char_.transform(v.chars))
        if self.context_features:
            blocks += [self.window_.transform(v.window), self.clause_.transform(v.clause)]
            if self.scaled_window:
                blocks.append(self.scales_.transform(v.scales))
        dense = v.dense if self.lexicon_features else v.dense[:, 8:]  # without the lexicon: position features only
        blocks.append(sparse.csr_matrix(dense))
        if self.word_vectors:  # navec vectors and cue similarities (kzlib/stance/_ru_vectors.py), loaded here first
            blocks.append(sparse.csr_matrix(ru_vector_features(texts, spans)))
        return blocks


def language_of(X: pd.DataFrame, language: str) -> str:
    """``"ru"`` or ``"en"``: ``language`` itself, or with ``"auto"`` what most letters of the rows are."""
    if language in ("ru", "en"):
        return language
    if language != "auto":
        from kzlib.errors import ParameterError

        raise ParameterError(f"language must be 'auto', 'en' or 'ru', not {language!r}")
    return "ru" if rows_are_russian(X["text"].fillna("").astype(str).tolist()) else "en"
