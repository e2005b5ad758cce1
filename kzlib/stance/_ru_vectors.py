"""Dense word-vector features of Russian (text, target) rows (private): natasha's bundled navec news
vectors (:func:`kzlib.russian.nlp.news_embedding`) and its slovnet syntax parser
(:func:`kzlib.russian.nlp.news_syntax_parser`), both loaded once per process and only when Russian rows
are featurised (English rows never reach this module).

Per row, :data:`N_VECTOR` numbers: the unit mean vector of the sentence's content words (the mention's
own words left out), then :data:`N_SIMILARITY` cue similarities. For each of seven word sets (five
content words left of the mention, five right, the clause holding it, the sentence, the word that
governs the mention in the dependency tree, the nearest verb above it, the words that depend on it):
the highest cosine of a word to any favourable cue lemma of ``kzlib/data/ru/stance_cues.yaml``, the
highest to any unfavourable one (a word within a negation's scope counted with the two swapped), the
mean of the differences, and the mean difference of cosines to the two cue centroids: the cue lexicon
widened to the words near its entries in the vector space.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from kzlib.stance._cache import cached
from kzlib.stance._windows import NEGATION_SCOPE as _NEG_SCOPE
from kzlib.text.tokens import lemma, parses, razdel_tokens

logger = logging.getLogger(__name__)

DIM = 300
_SETS = ("left", "right", "clause", "sentence", "governor", "verb", "dependents")
N_SIMILARITY = 4 * len(_SETS)
N_VECTOR = DIM + N_SIMILARITY
_WINDOW = 5  # content words each side of the mention
_STOP_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})
_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
_PUNCT = frozenset(".!?;:,()\"—–«»")
_PARSES: dict[str, tuple[tuple[int, str], ...]] = {}
_ROWS: dict[tuple[str, tuple[int, int] | None], np.ndarray] = {}  # a row's features, computed once per process
_MAX_PARSES = 50_000  # texts (and rows) kept in those caches


def _cues() -> Any:
    from kzlib.russian.stance import load_cues

    return load_cues()


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[np.ndarray | None, str | None, str | None]:
    """A token's vector (its lemma's, else its lower-case form's; None when navec has neither), lemma
    and part of speech (pymorphy3's first parse; None for a token that is not a word)."""
    from kzlib.russian.nlp import news_embedding

    emb = news_embedding()
    low = word.lower().replace("ё", "е")
    if not (low.isalpha() or "-" in low):
        return None, None, None
    lem = lemma(low).replace("ё", "е")
    vec = next((np.asarray(emb[k], dtype=np.float64) for k in (lem, low) if k in emb), None)
    return vec, lem, parses(low)[0].tag.POS


@lru_cache(maxsize=1)
def _cue_vectors() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Unit vectors of the favourable and of the unfavourable cue lemmas, and their unit centroids."""
    from kzlib.russian.nlp import news_embedding

    emb = news_embedding()
    weight = _cues().weight
    pos = np.array([_unit(np.asarray(emb[w], dtype=np.float64)) for w, v in weight.items() if v > 0 and w in emb])
    neg = np.array([_unit(np.asarray(emb[w], dtype=np.float64)) for w, v in weight.items() if v < 0 and w in emb])
    return pos, neg, _unit(pos.mean(axis=0)), _unit(neg.mean(axis=0))


def _parse_all(token_lists: dict[str, list[str]]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Dependency heads and relations of the texts (batched; cached per process)."""

    def parse(todo: list[str]) -> list[tuple[tuple[int, str], ...]]:
        from kzlib.russian.nlp import news_syntax_parser

        out = []
        for markup in news_syntax_parser().map([token_lists[t] for t in todo]):
            ids = {tok.id: i for i, tok in enumerate(markup.tokens)}
            out.append(tuple((ids.get(tok.head_id, -1), tok.rel) for tok in markup.tokens))
        return out

    return cached(_PARSES, list(token_lists), parse, limit=_MAX_PARSES)


def _similarities(vectors: list[np.ndarray], negated: list[bool]) -> list[float]:
    if not vectors:
        return [0.0] * 4
    pos, neg, cpos, cneg = _cue_vectors()
    V = np.array([_unit(v) for v in vectors])
    to_pos, to_neg = (V @ pos.T).max(axis=1), (V @ neg.T).max(axis=1)
    flip = np.asarray(negated)
    to_pos, to_neg = np.where(flip, to_neg, to_pos), np.where(flip, to_pos, to_neg)
    return [float(to_pos.max()), float(to_neg.max()), float((to_pos - to_neg).mean()), float((V @ cpos - V @ cneg).mean())]


def _row(span: tuple[int, int] | None, toks: list[Any], heads: tuple[tuple[int, str], ...]) -> np.ndarray:
    c = _cues()
    info = [_word(t.text) for t in toks]
    ent = set() if span is None else {k for k, t in enumerate(toks) if t.start < span[1] and t.end > span[0]}
    negated = [False] * len(toks)
    left = 0
    for k, t in enumerate(toks):
        lem = info[k][1]
        if t.text in _PUNCT or lem in c.clause_conjunctions:
            left = 0
        elif lem in c.negators:
            left = _NEG_SCOPE
        elif left:
            negated[k] = True
            left -= 1

    def content(k: int) -> bool:
        vec, lem, pos = info[k]
        return vec is not None and k not in ent and pos not in _STOP_POS and lem not in c.negators

    def stop(k: int) -> bool:
        return toks[k].text in _PUNCT or info[k][1] in c.clause_conjunctions

    n = len(toks)
    e0, e1 = (min(ent), max(ent)) if ent else (0, -1)
    sets: dict[str, list[int]] = {"sentence": [k for k in range(n) if content(k)]}
    if ent:
        sets["left"] = [k for k in range(e0) if content(k)][-_WINDOW:]
        sets["right"] = [k for k in range(e1 + 1, n) if content(k)][:_WINDOW]
        a = max((k + 1 for k in range(e0) if stop(k)), default=0)
        b = min((k for k in range(e1 + 1, n) if stop(k)), default=n)
        sets["clause"] = [k for k in range(a, b) if content(k)]
    if ent and len(heads) == n:
        top = [k for k in sorted(ent) if heads[k][0] not in ent] or sorted(ent)
        gov = heads[top[0]][0]
        sets["governor"] = [gov] if gov >= 0 and content(gov) else []
        cur, seen = gov, set()
        while cur >= 0 and cur not in seen:  # up the tree to the first verb-like word
            seen.add(cur)
            if info[cur][2] in _VERB_POS and content(cur):
                sets["verb"] = [cur]
                break
            cur = heads[cur][0]
        sets["dependents"] = [k for k in range(n) if heads[k][0] in ent and content(k)]
    words = sets["sentence"]
    vecs = [v for k in words if (v := info[k][0]) is not None]
    mean = _unit(np.mean(vecs, axis=0)) if vecs else np.zeros(DIM)
    sims: list[float] = []
    for name in _SETS:
        ks = sets.get(name, [])
        vecs = [v for k in ks if (v := info[k][0]) is not None]  # content words: all have one
        sims += _similarities(vecs, [negated[k] for k in ks])
    return np.concatenate([mean, np.asarray(sims)])


def ru_vector_features(texts: Sequence[str], spans: Sequence[tuple[int, int] | None]) -> np.ndarray:
    """The :data:`N_VECTOR` word-vector features of each row (see the module's docstring): a row whose
    text does not name its target (``span`` None) gets the sentence's mean vector and similarities only.

    >>> F = ru_vector_features(["Оппозиция резко осудила Токаева."], [(24, 31)])
    >>> F.shape == (1, N_VECTOR), round(float(np.linalg.norm(F[0, :DIM])), 6)
    (True, 1.0)
    """
    keys = list(zip(texts, spans))

    def compute(todo: list[tuple[str, tuple[int, int] | None]]) -> list[np.ndarray]:
        toks = {t: razdel_tokens(t) for t in dict.fromkeys(t for t, _ in todo)}
        heads = _parse_all({t: [tok.text for tok in ts] for t, ts in toks.items() if ts})
        return [_row(span, toks[text], heads[text]) if toks[text] else np.zeros(N_VECTOR) for text, span in todo]

    rows = cached(_ROWS, keys, compute, limit=_MAX_PARSES)
    return np.array([rows[k] for k in keys]).reshape(len(keys), N_VECTOR)
