"""Counting the words of groups for Fightin' Words: the texts as compared (addresses, credits, the groups' own
names left out; Russian as lemmas), the groups × terms counts, and the log-odds themselves (Monroe et al. 2008)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from kzlib.errors import TableError, require_columns, require_frame
from kzlib.stance import load_stance_cues
from kzlib.text import load_stopwords, longest_first, russian_mask, russian_term

logger = logging.getLogger(__name__)


def _check_frame(df: Any, text: str, group: str) -> pd.DataFrame:
    fix = "give a DataFrame with one row per text (paragraphs, quotes) and name its columns with text=... and group=..."
    require_frame(df, table_name="texts", fix=fix)
    require_columns(df, (text, group), table="texts", fix=fix)
    return df


_TOKEN_PATTERN = r"(?u)\b[^\W\d_][\w'’-]*[^\W_]\b"  # two letters or more: "a.m.", "J." are no words
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
# A Cyrillic word (hyphenated parts included: "Кассым-Жомарт"), replaced by its lemma in Russian rows.
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b\S+\.(?:com|org|net|gov)\b(?:/\S*)?", re.I)
_MOJIBAKE_WORD_RE = re.compile(r"\S*(?:[ÃÂ][\x80-\xbf\w]|â€|Ð[\x80-\xbf])\S*")  # UTF-8 read as Latin-1 / cp1252
_POSSESSIVE_RE = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])(?!\w)", re.I)  # Sanders's, Sanders' -> Sanders


def _own_name_regex(groups: Sequence[str]) -> re.Pattern[str]:
    """The names of the compared groups as they are written in text: a label's parts in order, each
    part a word beginning ("huff-post": "HuffPost", "Huffington Post"; "usa-today": "USA Today"), and a
    label of two to four letters without vowels as the initials of capitalised words ("nyt": "New York
    Times"). Example: ``_own_name_regex(["huff-post"]).sub("", "via Huffington Post")`` is ``"via "``."""
    alts = []
    for g in groups:
        parts = [p for p in re.split(r"[\W_]+", str(g)) if p]
        if not parts:
            continue
        if len(parts) == 1 and 2 <= len(parts[0]) <= 4 and not re.search(r"[aeiou]", parts[0], re.I):
            alts.append(r"\b" + r"\s+".join(f"(?-i:{c.upper()})\\w*" for c in parts[0]) + r"\b")
        alts.append(r"\b" + r"\s*-?\s*".join(re.escape(p) + (r"\w*" if len(p) >= 3 else "") for p in parts) + r"\b")
    return re.compile("|".join(alts) or "(?!x)x", re.I)


def _framing_texts(texts: pd.Series, groups: Sequence[str], credit: Sequence[str]) -> pd.Series:
    """The texts with what is not a choice of words left out: web addresses, mojibake words, photo and
    agency credits (``credit``), the compared groups' own names; possessives folded."""
    credit_re = re.compile(r"\b(?:" + longest_first(credit, any_whitespace=True) + r")\b" if credit else "(?!x)x",
                           re.I)
    own = _own_name_regex(groups)

    def clean(t: str) -> str:
        t = _URL_RE.sub(" ", t.translate(_QUOTE_CHARS))
        t = _MOJIBAKE_WORD_RE.sub(" ", t)
        t = own.sub(" ", credit_re.sub(" ", t))
        return _POSSESSIVE_RE.sub("", t)

    return texts.astype(str).map(clean)


def _lemmatised(text: str, drop: frozenset[str]) -> str:
    """Russian text with each Cyrillic word replaced by its lemma, or by a space when the word or its lemma
    is in ``drop`` (stop words: n-grams then join the words around it, as CountVectorizer's stop words do)."""
    def term(match: re.Match[str]) -> str:
        word = match.group()
        lemma = russian_term(word)
        return " " if lemma in drop or word.lower().replace("ё", "е") in drop else lemma

    return _CYRILLIC_WORD.sub(term, text)


def _russian_as_lemmas(d: pd.DataFrame, text: str, *, stop_words: Sequence[str] | str | None,
                       language: str) -> pd.Series:
    """The texts of ``d``, Russian rows (see :func:`kzlib.text.russian_mask`) as lemmas."""
    texts = d[text].astype(str)
    ru = russian_mask(texts, d["language"] if "language" in d.columns else None, default=language)
    if not ru.any():
        return texts
    drop = load_stopwords(language="ru") if stop_words == "english" else frozenset()
    texts = texts.copy()
    texts[ru] = [_lemmatised(t, drop) for t in texts[ru].tolist()]
    logger.info("fightin_words: %d of %d rows read as Russian lemmas", int(ru.sum()), len(texts))
    return texts


def _group_counts(
    df: pd.DataFrame,
    *,
    text: str,
    group: str,
    compare: tuple[str, str] | None,
    min_count: int,
    ngram_range: tuple[int, int],
    stop_words: Sequence[str] | str | None,
    language: str = "auto",
) -> tuple[str, list[str], np.ndarray, np.ndarray]:
    """Groups, the groups × terms count matrix and the vocabulary, or the reason they cannot be compared.

    Returns ``(problem, groups, counts, vocab)``; ``problem`` is "" when the comparison can run.
    """
    df = _check_frame(df, text, group)
    d = df[[text, group, *(["language"] if "language" in df.columns and "language" not in (text, group) else [])]]
    d = d.dropna(subset=[text, group])
    d = d[(d[text].astype(str).str.strip() != "") & (d[group].astype(str).str.strip() != "")]
    groups = sorted(d[group].astype(str).unique())
    empty = np.zeros((0, 0)), np.array([], dtype=object)
    if len(groups) < 2:
        found = f"found only {groups}" if groups else "found none (every row's group or text is empty)"
        return (f"fightin_words needs at least two groups with text in column {group!r}; {found}: "
                f"give rows from two or more values of {group!r}", groups, *empty)
    if compare is not None:
        unknown = [g for g in compare if g not in groups]
        if unknown:
            return f"groups {unknown} are not in column {group!r} (groups: {groups})", groups, *empty
    cues = load_stance_cues()
    stop = (sorted(ENGLISH_STOP_WORDS | {str(w).lower() for w in cues.get("framing_stop_words") or []})
            if stop_words == "english" else (list(stop_words) if stop_words else None))
    vec = CountVectorizer(token_pattern=_TOKEN_PATTERN, lowercase=True, ngram_range=tuple(ngram_range),
                          stop_words=stop, preprocessor=lambda s: s.translate(_QUOTE_CHARS).lower())
    texts = _russian_as_lemmas(d, text, stop_words=stop_words, language=language)
    texts = _framing_texts(texts, groups, [str(c) for c in cues.get("framing_credit_phrases") or []])
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # scikit-learn: "empty vocabulary" (only stop words or no words at all)
        X = sparse.csr_matrix((len(d), 0))
    vocab = np.asarray(vec.get_feature_names_out()) if X.shape[1] else np.array([], dtype=object)
    codes = pd.Categorical(d[group].astype(str), categories=groups).codes
    G = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(groups), len(codes)))
    counts = np.asarray((G @ X).todense(), dtype=float)  # groups × vocabulary
    keep = counts.sum(axis=0) >= min_count
    counts, vocab = counts[:, keep], vocab[keep]
    if len(vocab) < 2:
        return (f"fewer than two terms are used at least {min_count} times; lower min_count "
                "or give more text (log-odds need a vocabulary)", groups, counts, vocab)
    return "", groups, counts, vocab


def _log_odds(df: pd.DataFrame, *, text: str, group: str, compare: tuple[str, str] | None, prior: pd.Series | None,
              prior_scale: float, min_count: int, ngram_range: tuple[int, int], stop_words: Sequence[str] | str | None,
              top: int | None, language: str) -> pd.DataFrame:
    """:func:`kzlib.framing.fightin_words` over all rows of ``df`` at once (no ``within``)."""
    problem, groups, counts, vocab = _group_counts(df, text=text, group=group, compare=compare, min_count=min_count,
                                                   ngram_range=ngram_range, stop_words=stop_words, language=language)
    if problem:
        raise TableError(problem)
    total = counts.sum(axis=0)
    if prior is None:
        a = total * prior_scale
    else:
        a = pd.Series(prior, dtype=float).reindex(vocab).fillna(0.0).to_numpy() * prior_scale
        a = np.where(a > 0, a, 0.01)  # terms absent from the background get a tiny pseudo-count
    a0 = a.sum()
    pairs = [(compare[0], compare[1])] if compare else [(g, None) for g in groups]
    frames = []
    for gi, gj in pairs:
        i = groups.index(gi)
        yi = counts[i]
        yj = counts[groups.index(gj)] if gj is not None else total - yi
        ni, nj = yi.sum(), yj.sum()
        delta = np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a))
        var = 1.0 / (yi + a) + 1.0 / (yj + a)
        z = delta / np.sqrt(var)
        frames.append(pd.DataFrame({"term": vocab, "group": gi, "log_odds_z": np.round(z, 4),
                                    "count": yi.astype(int), "delta": np.round(delta, 4),
                                    "count_other": yj.astype(int), "other": gj if gj else "rest"}))
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["group", "log_odds_z", "term"], ascending=[True, False, True], kind="mergesort")
    if top:
        out = out.groupby("group", sort=True).head(top)
    logger.info("fightin_words: %d groups, %d terms", len(groups), len(vocab))
    return out.reset_index(drop=True)
