"""Learning stance from researchers' codes: :class:`StanceClassifier` (scikit-learn conventions) and the
rules behind the same interface (:class:`RuleStanceClassifier`); the two combined are
:mod:`kzlib.stance.combined`, their cross-validation :func:`kzlib.stance.evaluation.evaluate`."""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from kzlib.errors import AnnotationError, ParameterError, TableError
from kzlib.stance._en_vectors import vector_features
from kzlib.stance._hashtags import _hashtag_words, _marker_tags, _word_counts
from kzlib.stance._joint import _N_FEATURES as _N_JOINT
from kzlib.stance._joint import _JointMargins
from kzlib.stance._kernel import _fused_oof_margins, _KernelScores, _Platt
from kzlib.stance._ru_features import RuFeatures, language_of
from kzlib.stance._windows import _clause_bounds, _scaled_window
from kzlib.stance.detect import detect_stance
from kzlib.stance.lexicon import _QUOTE_CHARS, _TOKEN_RE, _build_lexicon, _vader, _valence_sums
from kzlib.stance.rules import _score_text
from kzlib.stance.targets import STANCES, Target, _coerce_targets, load_stance_cues, load_targets
from kzlib.text import pattern_regex

logger = logging.getLogger(__name__)

__all__ = ["StanceClassifier", "RuleStanceClassifier"]


def _check_X(X: Any) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame) or not {"text", "target"} <= set(X.columns):
        raise TableError("X must be a DataFrame with 'text' and 'target' columns (one row per quote × target); "
                         "build it from the stances and quotes tables")
    return X


def _check_y(y: Any, n: int) -> np.ndarray:
    arr = np.asarray(y, dtype=object)
    if arr.shape[0] != n:
        raise AnnotationError(f"y has {arr.shape[0]} labels for {n} rows of X; give one stance label per row")
    bad = sorted({str(v) for v in arr if v not in STANCES})
    if bad:
        raise AnnotationError(f"stance labels must be favor / against / none; found {bad}; recode those rows")
    return arr


def _slug(s: str) -> str:
    return re.sub(r"\W+", "_", str(s).lower()).strip("_") or "target"


_MASK = "xtargetx"  # what a mention of the target becomes in the classifier's text (one word token)
_CLF_TOKEN_RE = re.compile(r"#?\w+(?:'\w+)?|n't|[.!?;:,]")
_CLF_NEGATOR_RE = re.compile(r"^(?:not|no|never|nobody|nothing|none|neither|nor|cannot|without|hardly|\w+n't|n't)$")


@functools.lru_cache(maxsize=1 << 16)
def _vader_scores(text: str) -> tuple[float, float, float]:
    """VADER's compound, positive and negative proportions of one text (cached)."""
    s = _vader().polarity_scores(text)
    return s["compound"], s["pos"], s["neg"]


def _lexicon_sums(text: str) -> tuple[float, float]:
    """log(1 + summed positive valence) and log(1 + summed negative valence) of the VADER lexicon's
    words in ``text``, a word's valence reversed inside a negation's scope (from a negator to the next
    punctuation mark, as in Pang et al. 2002)."""
    lexicon = _vader().lexicon
    signed = []
    negated = False
    for tok in _CLF_TOKEN_RE.findall(text.lower()):
        if tok in ".!?;:,":
            negated = False
            continue
        if _CLF_NEGATOR_RE.match(tok):
            negated = True
            continue
        v = lexicon.get(tok.lstrip("#"))
        if v:
            signed.append(-v if negated else v)
    return _valence_sums(signed)


def _mention_span(text: str, target: str, start: Any, end: Any, finders: dict[str, re.Pattern[str]]) -> tuple[int, int] | None:
    """Where the target is named in ``text``: the given offsets, else the first match of its aliases
    (the targets file's, else the words of its name), else None (a tweet on atheism need not name it)."""
    if start is not None and end is not None and not (pd.isna(start) or pd.isna(end)):
        s, e = int(start), int(end)
        if 0 <= s < e <= len(text):
            return s, e
    pat = finders.get(target)
    if pat is None:
        return None
    m = pat.search(text)
    return (m.start(), m.end()) if m else None


def _alias_finders(targets: Iterable[str], known: Sequence[Target]) -> dict[str, re.Pattern[str]]:
    by_name = {t.name: t for t in known}
    out = {}
    for name in set(targets):
        t = by_name.get(name)
        phrases = list(t.aliases) if t is not None else [re.escape(name)]
        rxs = []
        for ph in phrases:
            rx, flags = pattern_regex(ph)
            rxs.append(rx if flags == 0 else f"(?i:{rx})")
        try:
            out[name] = re.compile("|".join(rxs))
        except re.error:
            out[name] = re.compile(pattern_regex(re.escape(name))[0], re.I)
    return out


@dataclass
class _Views:
    """The views of (text, target) rows that the classifier's features read."""

    masked: list[str]  # the text with the target's mention replaced by one placeholder word
    window: list[str]  # the words around the mention, marked by side: "L_condemn R_aggression"
    scales: list[str]  # the same at other distances: next two words, farther words, side-marked bigrams
    clause: list[str]  # the clause holding the mention ("" when it is not named)
    dense: np.ndarray  # lexicon and position features
    targets: np.ndarray
    texts: list[str]  # the texts as read (quotation marks made plain)
    spans: list[tuple[int, int] | None]  # the mentions' offsets in them


def _spans(X: pd.DataFrame, known: Sequence[Target]) -> tuple[list[str], list[tuple[int, int] | None]]:
    """The rows' texts (quotation marks made plain, one character for one) and their mentions' spans."""
    texts = X["text"].fillna("").astype(str).str.translate(_QUOTE_CHARS).tolist()
    targets = X["target"].astype(str).to_numpy()
    starts = X["start"].tolist() if "start" in X.columns else [None] * len(X)
    ends = X["end"].tolist() if "end" in X.columns else [None] * len(X)
    finders = _alias_finders(targets, known)
    return texts, [_mention_span(t, g, a, b, finders) for t, g, a, b in zip(texts, targets, starts, ends)]


def _views(X: pd.DataFrame, *, window: int, known: Sequence[Target]) -> _Views:
    texts, spans = _spans(X, known)
    targets = X["target"].astype(str).to_numpy()
    masked, win, scales, clauses, dense = [], [], [], [], []
    for text, span in zip(texts, spans):
        if span is None:
            masked.append(text)
            win.append("")
            scales.append("")
            clause = ""  # no mention, no clause of its own: the whole text is read by the n-grams already
            named = 0.0
            left = right = ""
            at_start = 0.0
        else:
            s, e = span
            masked.append(f"{text[:s]} {_MASK} {text[e:]}")
            left_all, right_all = _TOKEN_RE.findall(text[:s].lower()), _TOKEN_RE.findall(text[e:].lower())
            lw, rw = left_all[-window:], right_all[:window]
            win.append(" ".join([f"L_{w}" for w in lw] + [f"R_{w}" for w in rw]))
            scales.append(_scaled_window(left_all, right_all, window))
            a, b = _clause_bounds(text, s, e)
            clause = " ".join(f"{text[a:s]} {_MASK} {text[e:b]}".split())
            named = 1.0
            left, right = " ".join(lw), " ".join(rw)
            at_start = float(not text[:s].strip())
        clauses.append(clause)
        dense.append([*_vader_scores(text), *_vader_scores(clause), *_lexicon_sums(text), *_lexicon_sums(clause),
                      *_lexicon_sums(left), *_lexicon_sums(right), named, at_start,
                      float("?" in text), float("!" in text)])
    return _Views(masked, win, scales, clauses, np.asarray(dense, dtype=float).reshape(len(texts), 18), targets,
                  texts, spans)


_MASK_TARGET = Target("(the target)", aliases=(_MASK,))


def _with_target_copies(block: sparse.spmatrix, row_targets: np.ndarray, targets: Sequence[str]) -> sparse.csr_matrix:
    """``block`` followed by one copy per target of ``targets``, zero outside that target's rows
    ("frustratingly easy" domain adaptation, Daumé III 2007).

    >>> _with_target_copies(sparse.csr_matrix([[1.0], [2.0]]), np.array(["a", "b"]), ["b"]).toarray().tolist()
    [[1.0, 0.0], [2.0, 2.0]]
    """
    block = sparse.csr_matrix(block)
    out = [block] + [sparse.diags((row_targets == t).astype(float)) @ block for t in targets]
    return sparse.hstack(out).tocsr()


def _rule_features(X: pd.DataFrame, masked: list[str], known: Sequence[Target]) -> np.ndarray:
    """The rule method's reading of each row: tanh of its total score, its positive and negative
    lexical parts, its VADER part, and whether it found the target. A target of the targets file is
    read with its own aliases and loaded terms; any other target as its masked mention."""
    cues = load_stance_cues()
    names = {t.name for t in known}
    lex_known = _build_lexicon(list(known), cues) if known else None
    lex_mask = _build_lexicon([_MASK_TARGET], cues)
    rows = []
    for text, target, mtext in zip(X["text"].fillna("").astype(str), X["target"].astype(str), masked):
        if lex_known is not None and target in names:
            contrib, _, _, concerned = _score_text(text, lex_known, use_vader=True)
            items = contrib.get(target, [])
            found = target in concerned
        else:
            contrib, _, _, concerned = _score_text(mtext, lex_mask, use_vader=True)
            items = contrib.get(_MASK_TARGET.name, [])
            found = _MASK_TARGET.name in concerned
        pos = sum(c.value for c in items if c.lexical and c.value > 0)
        neg = sum(c.value for c in items if c.lexical and c.value < 0)
        vader = sum(c.value for c in items if not c.lexical)
        rows.append([math.tanh(pos + neg + vader), pos, neg, vader, float(found)])
    return np.asarray(rows, dtype=float).reshape(len(rows), 5)


class _StanceFeatures(BaseEstimator, TransformerMixin):
    """Target-aware features of (text, target) rows (see :class:`StanceClassifier`)."""

    def __init__(self, word_ngram_range=(1, 3), char_ngram_range=(2, 5), window=5, lexicon_features=True,
                 target_features=True, min_target_rows=5, known_targets=None, context_features=True,
                 rule_features=True, rule_weight=1.0, target_bias=True, hashtag_words=True,
                 scaled_window=True, language="en", mask_target=True, negation_scope=True, lemma_ngrams=True,
                 char_ngrams=True, word_vectors=True, vector_weight=0.35, mention_vector=False):
        self.word_vectors = word_vectors
        self.vector_weight = vector_weight
        self.mention_vector = mention_vector
        self.language = language
        self.mask_target = mask_target
        self.negation_scope = negation_scope
        self.lemma_ngrams = lemma_ngrams
        self.char_ngrams = char_ngrams
        self.scaled_window = scaled_window
        self.hashtag_words = hashtag_words
        self.target_bias = target_bias
        self.context_features = context_features
        self.rule_features = rule_features
        self.rule_weight = rule_weight
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.window = window
        self.lexicon_features = lexicon_features
        self.target_features = target_features
        self.min_target_rows = min_target_rows
        self.known_targets = known_targets

    def _known(self) -> list[Target]:
        return load_targets() if self.known_targets is None else _coerce_targets(self.known_targets)

    def vectors(self, X: pd.DataFrame) -> np.ndarray:
        """The English rows' word-vector parts without the mention's own (what the kernel model reads)."""
        texts, spans = _spans(_check_X(X), self._known())
        return vector_features(texts, spans, mention=False)

    def _fit_ru(self, X: pd.DataFrame) -> _StanceFeatures:
        texts, spans = _spans(X, self._known())
        self.ru_ = RuFeatures(word_ngram_range=tuple(self.word_ngram_range), char_ngram_range=tuple(self.char_ngram_range),
                              window=self.window, lexicon_features=self.lexicon_features,
                              context_features=self.context_features, scaled_window=self.scaled_window,
                              mask=self.mask_target, negation=self.negation_scope, lemmas=self.lemma_ngrams,
                              char_ngrams=self.char_ngrams, word_vectors=self.word_vectors).fit(texts, spans)
        counts = pd.Series(X["target"].astype(str)).value_counts()
        self.targets_ = sorted(counts[counts >= self.min_target_rows].index) if self.target_features else []
        self.n_text_ = self.ru_.n_text_
        return self

    def _transform_ru(self, X: pd.DataFrame) -> sparse.csr_matrix:
        texts, spans = _spans(X, self._known())
        blocks = self.ru_.transform(texts, spans)
        if self.target_bias:
            blocks.append(sparse.csr_matrix(np.ones((len(X), 1))))
        return _with_target_copies(sparse.hstack(blocks).tocsr(), X["target"].astype(str).to_numpy(), self.targets_)

    def fit(self, X, y=None):
        X = _check_X(X)
        self.ru_ = None
        if self.language == "ru":
            return self._fit_ru(X)
        v = _views(X, window=self.window, known=self._known())
        if self.hashtag_words:
            # the words hashtags are split into, and how common each is, come from the training texts
            self.word_counts_ = _word_counts(v.masked)
            self.word_total_ = max(1, sum(self.word_counts_.values()))
            self.marker_tags_ = _marker_tags(v.masked)
            v.masked = [_hashtag_words(t, self.word_counts_, self.word_total_, skip=self.marker_tags_)
                        for t in v.masked]
        self.word_ = TfidfVectorizer(ngram_range=tuple(self.word_ngram_range), sublinear_tf=True,
                                     token_pattern=r"(?u)#?\b\w+\b").fit(v.masked)
        self.char_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.char_ngram_range), sublinear_tf=True,
                                     min_df=2).fit([t.lower() for t in v.masked])
        self.window_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit(
            [w or "L_" for w in v.window])
        self.clause_ = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit([c or _MASK for c in v.clause])
        if self.scaled_window:
            self.scales_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit(
                [w or "LN_" for w in v.scales])
        counts = pd.Series(v.targets).value_counts()
        self.targets_ = sorted(counts[counts >= self.min_target_rows].index) if self.target_features else []
        self.n_text_ = len(self.word_.vocabulary_) + len(self.char_.vocabulary_)  # the n-gram columns come first
        return self

    def transform(self, X):
        check_is_fitted(self, "n_text_")
        X = _check_X(X)
        if self.ru_ is not None:
            return self._transform_ru(X)
        v = _views(X, window=self.window, known=self._known())
        plain = v.masked  # what the rule method reads: the text as written
        if self.hashtag_words:
            v.masked = [_hashtag_words(t, self.word_counts_, self.word_total_, skip=self.marker_tags_)
                        for t in v.masked]
        blocks = [self.word_.transform(v.masked), self.char_.transform([t.lower() for t in v.masked])]
        if self.context_features:
            blocks += [self.window_.transform(v.window), self.clause_.transform(v.clause)]
            if self.scaled_window:
                blocks.append(self.scales_.transform(v.scales))
        if self.lexicon_features:
            blocks.append(sparse.csr_matrix(v.dense))
        if self.rule_features:
            blocks.append(sparse.csr_matrix(self.rule_weight * _rule_features(X, plain, self._known())))
        if self.target_bias:
            # a constant: its per-target copies below are per-target intercepts (each target's own
            # prior over the stances, as one model per target would have)
            blocks.append(sparse.csr_matrix(np.ones((len(X), 1))))
        shared = sparse.hstack(blocks).tocsr()
        # "frustratingly easy" domain adaptation (Daumé III 2007): a shared copy of every feature and
        # one copy per target seen often enough, so a word can mean one stance for one target only
        Z = _with_target_copies(shared, v.targets, self.targets_)
        if not self.word_vectors:
            return Z
        # the vectors are shared by all targets (no per-target copies: they are what carries to new words)
        vec = vector_features(v.texts, v.spans, mention=self.mention_vector)
        return sparse.hstack([Z, sparse.csr_matrix(self.vector_weight * vec)]).tocsr()


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """A target-aware linear stance classifier for (text, target) pairs, trained on researchers' codes.

    Features (one sparse matrix): word 1–3-grams and character 2–5-grams (TF-IDF) of the text with
    the target's mention *masked* (replaced by one placeholder word, so a model learns "X condemned
    [target]" rather than the name) and, with ``hashtag_words``, the words of its hashtags written out
    (``#prolife`` also reads as "pro life", split by the words and word counts of the training texts);
    the words within ``window`` tokens left and right of the
    mention, marked by side (with ``scaled_window``, also the two words next to it, the words up to seven
    tokens beyond the window and the bigrams inside it, each marked by side and distance), and the word
    1–2-grams of the clause that holds the mention (all empty
    when the text does not name the target; ``context_features=False`` leaves them out); and 18 lexicon
    and position features (VADER's compound/positive/negative scores of the text and of the clause;
    summed positive and negative valence of the VADER lexicon's words, reversed inside a negation's
    scope, in the text, the clause, the left and the right window; whether the target is named,
    whether it opens the sentence, question and exclamation marks); with ``rule_features``, the rule
    method's reading of the row (:func:`detect_stance`'s total, positive and negative lexical and VADER
    scores for the target: a stacked combination of rules and learning). The mention is where the ``start``
    and ``end`` columns say, else the first match of the target's aliases (the targets file's, else
    its name). With ``target_features``, every feature also gets one copy per target that has at least
    ``min_target_rows`` training rows (Daumé III 2007), so "pro-life" can be *against* abortion and
    shared cues still transfer between targets. With ``joint_features`` (stacking, Wolpert 1992), four
    margins of a second linear SVM that tells the ``target|stance`` pairs of the training rows apart on
    the word and character n-grams (``joint_C``; targets with at least ``joint_min_rows`` rows, at least
    two of them): the row's own target's favor, against and none margins, and how far its own target's
    best pair is above any other target's (whether the text reads as being about its target at all).
    Training rows get out-of-fold margins (5-fold cross-fitting), new rows those of the model fitted on
    all rows; the block is weighted by ``joint_weight`` and copied per target like the rest
    (``kzlib/stance/_joint.py``). With ``word_vectors``, 1,024 dense numbers shared by all targets and
    weighted by ``vector_weight``: the unit mean WordLlama token vector (:mod:`kzlib.text.vectors`, bundled
    in its wheel) of the sentence with the mention replaced by "someone", of the clause that holds it, and
    of the five words left and the five right of it, so that a word the training rows never had still reads
    like its near synonyms; with ``mention_vector`` (off by default), 256 more, the mention's own vector: a
    prior by who is named, which carries to names like the training rows' ("the senator" to "the
    congressman"; ``kzlib/stance/_en_vectors.py``). Model: a linear SVM with balanced class weights
    (``predict``); with ``word_vectors`` and ``kernel_weight`` above 0 (English rows), its margins are averaged,
    weighted ``1 - kernel_weight`` and ``kernel_weight``, with the one-vs-rest scores of an RBF-kernel SVM
    (``kernel_C``, ``kernel_gamma``, balanced class weights) trained on the same rows' four vector parts and a
    one-hot code of the targets with per-target copies, which reads how the parts combine where the linear
    model weighs each number alone (``kzlib/stance/_kernel.py``; ``decision_function`` and ``predict`` are the
    averaged scores); with ``calibrate``, those margins are Platt-scaled on 3-fold cross-validated margins (the
    linear SVM's alone by ``CalibratedClassifierCV(ensemble=False)``; the averaged ones by the same sigmoids fitted
    on both models' out-of-fold margins: three more fits of each, two where a class has two rows), so that
    ``predict_proba`` gives calibrated probabilities of the model that ``predict`` uses (what the annotation loop
    and :func:`combine_stance` read).

    Russian rows (``language="ru"``, or ``"auto"``, the default, when most letters of the training rows
    are Cyrillic; the choice is made once per fit, kept as ``language_`` and logged, and new rows get the
    training rows' features): the word n-grams are over pymorphy3 lemmas (kzlib's shared cached
    :func:`kzlib.text.tokens.lemma`), a word within three words after не / ни / нет / без (the cue file's
    negators; stopped by punctuation or a clause word such as но) marked ``NEG_``; character n-grams of the
    text; the mention masked at its offsets (``mask_target``); the lemmas of the window, the scaled window
    and the clause around it; and 13 dense features (the Russian cue lexicon's summed favourable and
    unfavourable weights, reversed inside a negation's scope, in the text, the clause, the left and the
    right window; whether the target is named, opens the sentence, is followed by a holder verb such as
    заявил; question and exclamation marks); with ``word_vectors``, natasha's bundled navec vectors (the
    sentence's mean vector and 28 cosines of words near the mention, in slovnet's dependency tree too, to the
    cue lemmas; ``kzlib/stance/_ru_vectors.py``; loaded once per process, by Russian rows only). VADER, the English rule method and hashtag words are English
    only. ``lemma_ngrams=False`` (word forms), ``char_ngrams``, ``mask_target`` and ``negation_scope`` switch
    Russian parts off for ablations; English rows always get exactly the English features above
    (``kzlib/stance/_ru_features.py``). On RuSentNE-2023's training sentences (5-fold CV, seed 0) the
    lemmas, the cue lexicon and negation scope helped, while per-target copies by entity type and the
    window and clause views did not: ``benchmarks/ru_sentiment.py`` fits it with ``target_features=False,
    context_features=False``.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "The weather."] * 4,
    ...                   "target": ["CSTO intervention"] * 12})
    >>> y = ["favor", "against", "none"] * 4
    >>> StanceClassifier().fit(X, y).predict(X[:2]).tolist()
    ['favor', 'against']
    """

    def __init__(self, C: float = 0.5, word_ngram_range: tuple[int, int] = (1, 3),
                 char_ngram_range: tuple[int, int] = (2, 5), window: int = 5, lexicon_features: bool = True,
                 target_features: bool = True, min_target_rows: int = 5, calibrate: bool = True,
                 class_weight: str | None = "balanced", targets: Any = None, context_features: bool = True,
                 rule_features: bool = True, random_state: int = 0, hashtag_words: bool = True,
                 scaled_window: bool = True, joint_features: bool = True, joint_weight: float = 0.5,
                 joint_C: float = 0.2, joint_min_rows: int = 50, language: str = "auto", mask_target: bool = True,
                 negation_scope: bool = True, lemma_ngrams: bool = True, char_ngrams: bool = True,
                 word_vectors: bool = True, vector_weight: float = 0.35, mention_vector: bool = False,
                 kernel_weight: float = 0.15, kernel_C: float = 2.0, kernel_gamma: float = 0.5):
        self.kernel_weight = kernel_weight
        self.kernel_C = kernel_C
        self.kernel_gamma = kernel_gamma
        self.word_vectors = word_vectors
        self.vector_weight = vector_weight
        self.mention_vector = mention_vector
        self.language = language
        self.mask_target = mask_target
        self.negation_scope = negation_scope
        self.lemma_ngrams = lemma_ngrams
        self.char_ngrams = char_ngrams
        self.joint_min_rows = joint_min_rows
        self.joint_features = joint_features
        self.joint_weight = joint_weight
        self.joint_C = joint_C
        self.scaled_window = scaled_window
        self.hashtag_words = hashtag_words
        self.context_features = context_features
        self.rule_features = rule_features
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.window = window
        self.lexicon_features = lexicon_features
        self.target_features = target_features
        self.min_target_rows = min_target_rows
        self.calibrate = calibrate
        self.class_weight = class_weight
        self.targets = targets
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: Sequence[str]) -> StanceClassifier:
        X = _check_X(X)
        y_arr = _check_y(y, len(X))
        if not 0 <= self.kernel_weight < 1:
            raise ParameterError(f"kernel_weight must be in [0, 1), got {self.kernel_weight!r}; 0 leaves the kernel "
                                 "model on word vectors out")
        if len(set(y_arr)) < 2:
            raise AnnotationError("StanceClassifier needs at least two stance classes in y; code examples of another stance")
        self.language_ = language_of(X, self.language)
        logger.info("StanceClassifier: %s features (language=%r)", "Russian" if self.language_ == "ru" else "English",
                    self.language)
        self.features_ = _StanceFeatures(self.word_ngram_range, self.char_ngram_range, self.window,
                                         self.lexicon_features, self.target_features, self.min_target_rows,
                                         self.targets, self.context_features, self.rule_features,
                                         hashtag_words=self.hashtag_words,
                                         scaled_window=self.context_features and self.scaled_window,
                                         language=self.language_, mask_target=self.mask_target,
                                         negation_scope=self.negation_scope, lemma_ngrams=self.lemma_ngrams,
                                         char_ngrams=self.char_ngrams, word_vectors=self.word_vectors,
                                         vector_weight=self.vector_weight,
                                         mention_vector=self.mention_vector).fit(X)
        Z = self.features_.transform(X)
        targets = X["target"].astype(str).to_numpy()
        counts = pd.Series(targets).value_counts()
        joint_targets = sorted(counts[counts >= self.joint_min_rows].index)
        self.joint_ = None
        if self.joint_features and len(joint_targets) >= 2:
            # stacked: out-of-fold margins of the joint target × stance model for the training rows
            rows = np.isin(targets, joint_targets)
            self.joint_ = _JointMargins(C=self.joint_C, random_state=self.random_state)
            J = np.zeros((len(X), _N_JOINT))
            texts = pd.factorize(X["text"].astype(str))[0] if "text" in X.columns else None
            J[rows] = self.joint_.fit_features(Z[rows][:, :self.features_.n_text_], targets[rows], y_arr[rows],
                                               groups=None if texts is None else texts[rows])
            Z = self._add_joint(Z, J, targets)
        svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)
        folds = int(min(3, pd.Series(y_arr).value_counts().min()))
        fused = self.language_ == "en" and self.word_vectors and self.kernel_weight > 0
        self.calibrated_ = self.platt_ = self.kernel_ = None
        if self.calibrate and folds >= 2 and not fused:
            # Platt scaling fitted on cross-validated margins; the SVM itself is then fitted on all rows
            self.calibrated_ = CalibratedClassifierCV(svm, method="sigmoid", cv=folds, ensemble=False).fit(Z, y_arr)
            self.model_ = self.calibrated_.calibrated_classifiers_[0].estimator
        else:
            if self.calibrate and folds < 2:
                logger.warning("StanceClassifier: too few examples of a class to calibrate; probabilities are "
                               "a softmax of the SVM's margins")
            self.model_ = clone(svm).fit(Z, y_arr)
        self.classes_ = self.model_.classes_
        if fused:
            V, known = self.features_.vectors(X), self.features_.targets_

            def kernel() -> _KernelScores:
                return _KernelScores(C=self.kernel_C, gamma=self.kernel_gamma, random_state=self.random_state)

            self.kernel_ = kernel().fit(V, y_arr, targets=targets, known=known)
            if self.calibrate and folds >= 2:  # Platt scaling of the fused margins, fitted on cross-validated ones
                D = _fused_oof_margins(svm, kernel, Z, V, y_arr, targets, known=known, weight=self.kernel_weight,
                                       folds=folds, random_state=self.random_state)
                self.platt_ = _Platt().fit(D, y_arr, self.classes_)
        return self

    def _add_joint(self, Z: sparse.csr_matrix, J: np.ndarray, targets: np.ndarray) -> sparse.csr_matrix:
        block = self.joint_weight * _with_target_copies(sparse.csr_matrix(J), targets, self.features_.targets_)
        return sparse.hstack([Z, block]).tocsr()

    def _design(self, X: pd.DataFrame) -> sparse.csr_matrix:
        """The feature matrix of new rows (the joint model's margins from the model fitted on all rows)."""
        X = _check_X(X)
        Z = self.features_.transform(X)
        if self.joint_ is None:
            return Z
        targets = X["target"].astype(str).to_numpy()
        return self._add_joint(Z, self.joint_.transform(Z[:, :self.features_.n_text_], targets), targets)

    def decision_function(self, X: pd.DataFrame) -> np.ndarray:
        """The SVM's margins, one column per class of ``classes_`` (one margin, for ``classes_[1]``,
        when the training codes had only two classes); for English rows with ``kernel_weight``, averaged with the
        kernel model's scores."""
        check_is_fitted(self, "model_")
        return self._margins(X, self._design(X))

    def _margins(self, X: pd.DataFrame, Z: sparse.csr_matrix) -> np.ndarray:
        d = self.model_.decision_function(Z)
        kernel = getattr(self, "kernel_", None)
        if kernel is None:
            return d
        w = self.kernel_weight  # late fusion with the kernel model on the word vectors (kzlib/stance/_kernel.py)
        targets = X["target"].astype(str).to_numpy()
        return (1 - w) * d + w * kernel.scores(self.features_.vectors(X), targets=targets)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Calibrated probabilities of each stance: Platt scaling of the margins of :meth:`decision_function`
        (the fused margins, with the kernel model), fitted on cross-validated margins; a softmax of the margins
        when a class had too few rows to calibrate."""
        return self._predict_with_proba(X)[1]

    def _predict_with_proba(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`predict` and :meth:`predict_proba` from one pass over the features."""
        check_is_fitted(self, "model_")
        Z = self._design(X)
        d = self._margins(X, Z)
        stance = self._decision(d)
        platt = getattr(self, "platt_", None)
        if platt is not None:
            return stance, platt.predict_proba(d)
        if self.calibrated_ is not None:
            return stance, self.calibrated_.predict_proba(Z)
        m = np.column_stack([np.zeros_like(d), d]) if d.ndim == 1 else d  # two classes: one margin, for classes_[1]
        e = np.exp(m - m.max(axis=1, keepdims=True))
        return stance, e / e.sum(axis=1, keepdims=True)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The class-balanced SVM's decision (the largest margin). It may differ from the arg-max of
        ``predict_proba``: the probabilities follow the training data's class frequencies, the decision
        weighs the classes equally, which is what F-measures on rare stances reward."""
        check_is_fitted(self, "model_")
        return self._decision(self.decision_function(X))

    def _decision(self, d: np.ndarray) -> np.ndarray:
        if d.ndim == 1:  # two classes (scikit-learn's convention): a positive margin is classes_[1]
            return self.classes_[(d > 0).astype(int)]
        return self.classes_[np.argmax(d, axis=1)]


class RuleStanceClassifier(ClassifierMixin, BaseEstimator):
    """The rule method (:func:`detect_stance`) behind the scikit-learn interface, so that it can be
    scored by :func:`evaluate` on the same folds as :class:`StanceClassifier`. ``fit`` learns nothing.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["Russia's aggression is a threat."], "target": ["Russia"]})
    >>> RuleStanceClassifier().fit(X, ["against"]).predict(X).tolist()
    ['against']
    """

    def __init__(self, threshold: float = 0.3, targets: Any = None):
        self.threshold = threshold
        self.targets = targets

    def fit(self, X: pd.DataFrame, y: Sequence[str] | None = None) -> RuleStanceClassifier:
        _check_X(X)
        self.classes_ = np.array(sorted(STANCES))
        return self

    def _scores(self, X: pd.DataFrame) -> pd.DataFrame:
        X = _check_X(X).reset_index(drop=True)
        q = pd.DataFrame({"doc_id": "x", "quote_id": np.arange(len(X)).astype(str), "quote": X["text"].astype(str),
                          "speaker": X["speaker"] if "speaker" in X.columns else ""})
        tl = _coerce_targets(self.targets)
        known = {t.name for t in tl}
        tl = tl + [Target(n, aliases=(re.escape(n),)) for n in sorted(set(X["target"].astype(str)) - known)]
        # each row names its target (a coder's): generic words count without an anchor in the text
        st = detect_stance(q, targets=tl, threshold=self.threshold, anchor_generic=False)
        st = st.assign(row=st["quote_id"].astype(int))
        key = pd.DataFrame({"row": np.arange(len(X)), "target": X["target"].astype(str)})
        return key.merge(st[["row", "target", "stance", "score"]], on=["row", "target"], how="left")

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "classes_")
        return self._scores(X)["stance"].fillna("none").to_numpy(dtype=object)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "classes_")
        s = self._scores(X)["score"].fillna(0.0).to_numpy()
        fav, ag = np.clip(s, 0, 1), np.clip(-s, 0, 1)
        probs = {"favor": fav, "against": ag, "none": 1 - fav - ag}
        return np.column_stack([probs[c] for c in self.classes_])
