"""Framing: which words each outlet or group of speakers chooses.

* :func:`fightin_words` — log-odds ratios with an informative Dirichlet prior and their z-scores
  (Monroe, Colaresi & Quinn 2008, "Fightin' Words", *Political Analysis* 16(4)), each group
  against the rest (or one group against another). The ``framing`` table:
  ``term, group, log_odds_z, count`` (+ ``delta``, ``count_other``, ``other``).
  :func:`check_fightin_words` says beforehand whether two groups can be compared, and why not.
  ``within=("language", "period")`` compares a group only with the groups of its own language and
  publication period (:func:`within_comparisons`, :func:`document_periods`; in ``kzlib._framing_within``).
  Russian rows (a ``language`` column starting with ``ru``, or mostly Cyrillic text) are counted as
  lemmas (pymorphy3, :func:`kzlib.text.russian_term`) without Russian stop words, so that the
  inflected forms of a word are one term.
* :func:`naming_families` — how each group names the people in the streets (protesters,
  demonstrators, terrorists, bandits, extremists, …; families in ``kzlib/data/stance_cues.yaml``),
  with the share of each family and how often the word was put in scare quotes.
* :func:`speaker_groups` — speakers' groups ("Russia officials", "United States experts") from
  the gazetteer's affiliation and role, to compare speaker groups.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from kzlib.corpus.outlets import OUTLET_NOT_GIVEN, outlet_given
from kzlib.errors import ParameterError, ResourceError, TableError, require_columns
from kzlib.text import load_stopwords, longest_first, russian_mask, russian_term

from ._framing_subject import split_off_subject, subject_documents
from ._framing_within import (
    NO_DATES,
    _check_frame,
    _fightin_words_within,
    _within_blocks,
    document_periods,
    framing_plan_notes,
    split_undated,
    within_columns,
    within_comparisons,
)
from .stance import load_stance_cues, speaker_profiles

logger = logging.getLogger(__name__)

__all__ = ["fightin_words", "check_fightin_words", "written_terms", "within_comparisons", "document_periods", "split_undated", "framing_plan_notes",
           "subject_documents", "split_off_subject", "framing_tables",
           "within_columns",
           "NO_DATES", "outlet_given", "OUTLET_NOT_GIVEN", "description_speakers", "naming_families", "speaker_groups", "FRAMING_COLUMNS"]

FRAMING_COLUMNS = ["term", "group", "log_odds_z", "count"]


#: how a speaker resolved by a name is marked in ``quotes.speaker_resolution`` (anything but a description)
_NAME_RESOLUTIONS = ("named", "surname", "gazetteer", "title")


def description_speakers(quotes: pd.DataFrame) -> list[str]:
    """The speakers that are descriptions ("the company", "a spokesman", "critics", "the report"): a speaker
    string that some row gives as a description (``speaker_resolution`` = ``description``) and no row as a name
    (``named``, ``surname``, ``gazetteer``, ``title``); the rows that carry it on ("he said", the next paragraph)
    count with it. A description names someone within one document: pooled across documents, "the company" is
    twenty companies, so it is no voice to rank nor one speaker to summarise. A description that holds a name
    ("Trump campaign", "Obama administration", "Tokayev's office": a capital after its first word) names the
    same body in every document and stays a voice.

    Example
    -------
    >>> q = pd.DataFrame({"speaker": ["report", "report", "critics", "Ann Lee", "Ann Lee", "Lee campaign"],
    ...                   "speaker_resolution": ["description", "previous", "description", "named", "description",
    ...                                          "description"]})
    >>> description_speakers(q)
    ['critics', 'report']
    """
    if "speaker_resolution" not in quotes.columns or quotes.empty:
        return []
    how = quotes["speaker_resolution"].fillna("").astype(str)
    speaker = quotes["speaker"].fillna("").astype(str)
    described = set(speaker[how.eq("description")]) - set(speaker[how.isin(_NAME_RESOLUTIONS)])
    return sorted(sp for sp in described if sp.strip() and not _NAMED_BODY.search(sp))


#: a description that holds a name: a capitalised word in small letters after its capital ("the Trump campaign",
#: "Obama administration", "Russian officials"), not a determiner opening a sentence ("Some analysts") nor an
#: abbreviation ("a senior U.S. official")
_NAMED_BODY = re.compile(r"\b(?!(?:Some|Many|Several|Most|Other|Few|Both|All|Each|Every|Another|Senior|Top|His|Her|"
                         r"Their|Its|Our|My|The|A|An|Two|Three|Four|Five)\b)[A-Z][a-z]")
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


def check_fightin_words(
    df: pd.DataFrame,
    *,
    text: str = "text",
    group: str = "group",
    compare: tuple[str, str] | None = None,
    min_count: int = 3,
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: Sequence[str] | str | None = "english",
    language: str = "auto",
    within: str | Sequence[str] | None = None,
) -> str:
    """Why :func:`fightin_words` cannot compare these groups ("" when it can), without raising.

    Lets a notebook check before it calls: fewer than two groups with text (rows whose group is
    empty do not count), or fewer than two terms used ``min_count`` times. With ``within`` (a column,
    e.g. ``"language"``, or several, ``("language", "period")``), it can run when one unit (rows sharing the
    values of those columns) has two groups that can be compared (see :func:`within_comparisons`).

    Example
    -------
    >>> df = pd.DataFrame({"text": ["war and peace", "peace"], "group": ["A", "A"]})
    >>> check_fightin_words(df, min_count=1).split(";")[0]
    "fightin_words needs at least two groups with text in column 'group'"
    >>> check_fightin_words(df.assign(group=["A", "B"]), min_count=1)
    ''
    >>> check_fightin_words(df.assign(group=["A", "B"], language=["en", "ru"]), min_count=1, within="language")
    "no value of 'language' has two groups to compare: A (en), B (ru)"
    """
    kw: dict[str, Any] = {"text": text, "group": group, "compare": compare, "min_count": min_count,
                          "ngram_range": ngram_range, "stop_words": stop_words, "language": language}
    if within is None:
        return _group_counts(df, **kw)[0]
    blocks, problem = _within_blocks(df, text=text, group=group, within=within, compare=compare)
    if problem:
        return problem
    reasons = [f"{value}: {why}" for value, part in blocks if (why := _group_counts(part, **kw)[0])]
    return "; ".join(reasons) if len(reasons) == len(blocks) else ""


def written_terms(table: pd.DataFrame, *, per_group: int = 50, z: float = 1.96) -> pd.DataFrame:
    """The rows of a :func:`fightin_words` table worth writing out: every term with |``log_odds_z``| ≥ ``z``
    and, whatever their z, each group's ``per_group`` most over-used terms (the ones its figure draws). The full
    table has a row for every term of the vocabulary in every group (271,489 rows for 1,200 documents), nearly
    all of them noise; order and columns are kept.

    Example
    -------
    >>> t = pd.DataFrame({"term": list("abcd"), "group": ["x", "x", "x", "y"],
    ...                   "log_odds_z": [2.5, 0.3, -0.1, -2.2], "count": [9, 4, 2, 5]})
    >>> written_terms(t, per_group=1)["term"].tolist()
    ['a', 'd']
    """
    if per_group < 0:
        raise ParameterError(f"per_group must be 0 or more (the terms kept per group whatever their z), not {per_group}")
    if not len(table):
        return table
    top = table.sort_values("log_odds_z", ascending=False, kind="mergesort").groupby(
        [c for c in ("group", "within", "comparison") if c in table.columns], sort=False).head(per_group).index
    keep = table["log_odds_z"].abs().ge(z) | table.index.isin(top)
    return table[keep]


def fightin_words(
    df: pd.DataFrame,
    *,
    text: str = "text",
    group: str = "group",
    compare: tuple[str, str] | None = None,
    prior: pd.Series | None = None,
    prior_scale: float = 1.0,
    min_count: int = 3,
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: Sequence[str] | str | None = "english",
    top: int | None = None,
    language: str = "auto",
    within: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Words that distinguish each group: log-odds with an informative Dirichlet prior (z-scores).

    For group *i* against the rest *j* (or ``compare=(i, j)``), with counts ``y``, totals ``n`` and
    prior pseudo-counts ``a_w`` (sum ``a0``)::

        delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)          (Monroe et al. 2008, eqs. 16 and 22)
        z_w     = delta_w / sqrt(var_w)

    The default prior is informative: the pooled counts of all groups times ``prior_scale`` (or a
    background corpus's counts given as ``prior``, a Series term -> count). |z| > 1.96 is the usual
    reading of "distinctive". Terms used fewer than ``min_count`` times in all are left out, and so
    are rows whose group is empty (an unknown outlet is no group). It needs two groups and two terms:
    :func:`check_fightin_words` says beforehand whether it can run, and why not.

    Russian rows are counted as lemmas: those of a ``language`` column starting with ``ru`` and, where a
    row's language is missing (or the table has no such column), ``language`` decides: ``"auto"`` (most
    letters Cyrillic), ``"ru"`` or ``"en"``. ``stop_words="english"`` is scikit-learn's English list and,
    for Russian rows, ``kzlib.text.load_stopwords(language="ru")``; a list given is applied to lemmas.

    ``within`` (a column, e.g. ``"language"``, or several, e.g. ``("language", "period")``) compares each group
    only with the groups of its own *unit*, the rows sharing its values of those columns (a Russian outlet with
    the other Russian-language outlets of the same publication period; its reference then holds no English text
    and no text of another era): against the whole corpus, a group's "distinctive" words would be those of its
    language, its era and its subjects, not its framing. A group with no other group in its unit is not compared,
    with a warning in the log (:func:`within_comparisons` lists them). The table then has ``within`` (the unit:
    its values joined by ", ", empty values left out: "en, 2022-01-03/2022-02-22"), a column per ``within``
    column, and, where the rows have a ``doc_id``, ``n_documents`` and ``n_documents_other`` (the documents on
    each side). :func:`document_periods` gives each document its publication period (the study's default unit is
    language and period, :func:`kzlib.stages.framing`).

    Returns the ``framing`` table ``term, group, log_odds_z, count`` (count in the group) plus
    ``delta``, ``count_other``, ``other`` — sorted by group, then z descending, then term.

    Example
    -------
    >>> df = pd.DataFrame({"text": ["war war war peace", "peace peace peace war"], "group": ["A", "B"]})
    >>> fw = fightin_words(df, min_count=1, stop_words=None)
    >>> fw.loc[(fw.group == "A") & (fw.term == "war"), "log_odds_z"].round(4).item()
    1.1493
    >>> ru = pd.DataFrame({"text": ["Полиция задержала демонстрантов.", "Демонстранты вышли на площадь."],
    ...                    "group": ["A", "B"]})
    >>> sorted(set(fightin_words(ru, min_count=1)["term"]))
    ['выйти', 'демонстрант', 'задержать', 'площадь', 'полиция']
    >>> mixed = pd.concat([df.assign(language="en"), ru.assign(group=["C", "D"], language="ru")])
    >>> fightin_words(mixed, min_count=1, stop_words=None, within="language").groupby("within")["group"].unique().to_dict()
    {'en': array(['A', 'B'], dtype=object), 'ru': array(['C', 'D'], dtype=object)}
    >>> eras = pd.concat([df.assign(period="1990"), df.assign(period="2022", group=["C", "D"])], ignore_index=True)
    >>> fightin_words(eras, min_count=1, stop_words=None, within="period").groupby("within")["group"].unique().to_dict()
    {'1990': array(['A', 'B'], dtype=object), '2022': array(['C', 'D'], dtype=object)}
    """
    if prior_scale <= 0:
        raise ParameterError(f"prior_scale must be positive, got {prior_scale}: it scales the prior's pseudo-counts")
    kw: dict[str, Any] = {"text": text, "group": group, "compare": compare, "prior": prior, "prior_scale": prior_scale,
                          "min_count": min_count, "ngram_range": ngram_range, "stop_words": stop_words, "top": top,
                          "language": language}
    if within is not None:
        return _fightin_words_within(df, within=within, **kw)
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


def _anchor_regex(anchors: Sequence[str] | None) -> re.Pattern[str]:
    """Any of the protest/unrest ``anchors`` (``naming_anchors`` of the cue file) as whole words."""
    body = longest_first(anchors or [], escape=False, any_whitespace=True) or "(?!x)x"
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


def _compile_families(families: dict[str, Any] | None) -> list[tuple[str, str, re.Pattern[str], bool]]:
    """(name, stance, pattern, generic) per naming family; ``generic``: its terms name others as readily."""
    fam = families if families is not None else load_stance_cues().get("naming_families") or {}
    out = []
    for name, spec in fam.items():
        terms = spec.get("terms") if isinstance(spec, dict) else spec
        stance = spec.get("stance", "none") if isinstance(spec, dict) else "none"
        if not terms:
            raise ResourceError(f"naming family {name!r} has no terms: give it a list of terms (see "
                                "naming_families in kzlib/data/stance_cues.yaml)")
        body = longest_first(terms, escape=False, any_whitespace=True)
        generic = bool(spec.get("generic", False)) if isinstance(spec, dict) else False
        out.append((str(name), str(stance), re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE), generic))
    return out


def naming_families(
    df: pd.DataFrame,
    *,
    text: str = "text",
    group: str = "group",
    families: dict[str, Any] | None = None,
    anchors: Sequence[str] | None = None,
    anchor_generic: bool = True,
) -> pd.DataFrame:
    """How each group names the people in the streets: counts and shares of naming families.

    A family marked ``generic`` ("terrorists", "radicals", "gangs": words that name others as readily,
    ISIS or the Gang of Eight) counts only in a text (a row: a paragraph or a quotation) that names a
    protest or unrest by one of ``anchors`` (None: ``naming_anchors`` of
    ``kzlib/data/stance_cues.yaml``: "protest", "riot", "unrest", "took to the streets" …); the
    namings left out are logged. The other families (protesters, rioters …) count everywhere.
    ``anchor_generic=False`` counts every family everywhere (texts known to be about a protest).

    A phrase matched by a longer family term is counted once (``peaceful protesters`` is not also
    ``protesters``). ``scare_quoted`` counts uses inside quotation marks that are only around the
    word or phrase (``"peaceful protests"``), a sign of distancing.

    Returns ``group, family, stance, count, share, scare_quoted, terms`` (``share`` of the group's
    namings; ``terms`` the surface forms seen), sorted by group and family.

    Example
    -------
    >>> df = pd.DataFrame({"text": ["Bandits and terrorists attacked the protest.", "Peaceful protesters marched."],
    ...                    "group": ["A", "B"]})
    >>> naming_families(df)[["group", "family", "count"]].values.tolist()
    [['A', 'bandits', 1], ['A', 'terrorists', 1], ['B', 'peaceful protesters', 1]]
    >>> df = pd.DataFrame({"text": ["Terrorists attacked the rally.", "ISIS terrorists struck Paris."],
    ...                    "group": ["A", "B"]})
    >>> naming_families(df)[["group", "family", "count"]].values.tolist()
    [['A', 'terrorists', 1]]
    """
    df = _check_frame(df, text, group)
    fams = _compile_families(families)
    anchor_re = _anchor_regex(anchors if anchors is not None else load_stance_cues().get("naming_anchors"))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    stance_of = {name: st for name, st, _, _ in fams}
    unanchored = 0
    for txt, grp in zip(df[text].fillna("").astype(str), df[group].astype(str)):
        t = txt.translate(_QUOTE_CHARS)
        hits: list[tuple[int, int, str]] = []
        anchored: bool | None = None  # read only where a generic family's term is found
        for name, _, pat, generic in fams:
            found = [(m.start(), m.end(), name) for m in pat.finditer(t)]
            if found and generic and anchor_generic:
                anchored = bool(anchor_re.search(t)) if anchored is None else anchored
                if not anchored:
                    unanchored += len(found)
                    continue
            hits.extend(found)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last = -1
        for s, e, name in hits:
            if s < last:
                continue
            last = e
            r = rows.setdefault((grp, name), {"count": 0, "scare_quoted": 0, "terms": {}})
            r["count"] += 1
            if t[max(0, s - 1):s] in ('"', "'") and t[e:e + 1] in ('"', "'"):
                r["scare_quoted"] += 1
            surface = re.sub(r"\s+", " ", t[s:e].lower())
            r["terms"][surface] = r["terms"].get(surface, 0) + 1
    out = pd.DataFrame([{"group": g, "family": f, "stance": stance_of[f], "count": r["count"],
                         "scare_quoted": r["scare_quoted"],
                         "terms": "; ".join(f"{k} ({v})" for k, v in sorted(r["terms"].items(), key=lambda kv: (-kv[1], kv[0])))}
                        for (g, f), r in rows.items()],
                       columns=["group", "family", "stance", "count", "scare_quoted", "terms"])
    if unanchored:
        logger.info("naming_families: %d namings by words that name others as readily (terrorists, radicals, "
                    "gangs …) left out: their text names no protest or unrest", unanchored)
    if out.empty:
        out["share"] = []
        return out[["group", "family", "stance", "count", "share", "scare_quoted", "terms"]]
    out["share"] = (out["count"] / out.groupby("group")["count"].transform("sum")).round(4)
    out = out.sort_values(["group", "family"], kind="mergesort", ignore_index=True)
    return out[["group", "family", "stance", "count", "share", "scare_quoted", "terms"]]


#: The group kind of a gazetteer person quoted at a date outside every period of office the gazetteer gives
#: ("United States role unknown"): never the role of January 2022 (session 22).
ROLE_UNKNOWN = "role unknown"


def _dated_speakers(quotes: pd.DataFrame, gazetteer: Any, documents: pd.DataFrame | None
                    ) -> tuple[pd.Series, Any, np.ndarray] | None:
    """Speakers keyed by their role at the quote's document date, the gazetteer table with those roles, and which
    rows' roles are unknown; None when no date is given (``documents`` or a ``published`` column of ``quotes``) or
    the gazetteer has no dated roles (:meth:`kzlib.actors.Gazetteer.role_at`)."""
    if not hasattr(gazetteer, "role_at") or "doc_id" not in quotes.columns:
        return None
    if documents is not None:
        require_columns(documents, ["doc_id", "published"], table="documents", fix="pass Corpus.documents")
        dates = quotes["doc_id"].map(dict(zip(documents["doc_id"], documents["published"])))
    elif "published" in quotes.columns:
        dates = quotes["published"]
    else:
        return None
    from kzlib.corpus import publication_day as as_date  # noqa: PLC0415

    dated = {n for n, a in gazetteer.actors.items() if a.roles}
    keys, extra, unknown_role, undated = [], {}, [], 0
    for sp, raw in zip(quotes["speaker"].tolist(), dates.tolist()):
        day = as_date(raw) if sp in dated else None
        if day is None:
            undated += sp in dated
            keys.append(sp)
            unknown_role.append(False)
            continue
        role = gazetteer.role_at(sp, day)
        key = f"{sp}\x1f{role}"
        if key not in extra:
            a = gazetteer.actors[sp]
            extra[key] = {"name": key, "type": a.type, "affiliation": a.affiliation, "role": role or ""}
        keys.append(key)
        unknown_role.append(role is None)
    if undated:
        logger.info("speaker_groups: %d quotes of actors with dated roles come from documents with no date: grouped "
                    "by their role of January 2022", undated)
    if any(unknown_role):
        logger.info("speaker_groups: %d quotes of gazetteer actors fall outside every period of office the gazetteer "
                    "gives: grouped as %r", sum(unknown_role), ROLE_UNKNOWN)
    table = pd.concat([gazetteer.to_frame(), pd.DataFrame(list(extra.values()))], ignore_index=True) if extra \
        else gazetteer
    return pd.Series(keys, index=quotes.index, dtype=object), table, np.array(unknown_role, dtype=bool)


def speaker_groups(quotes: pd.DataFrame, *, gazetteer: Any = None, unknown: str = "unknown",
                   documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The quotes table with ``group`` (and ``affiliation``, ``is_official``) from the gazetteer.

    Groups are ``"<affiliation> officials"``, ``"<affiliation> experts"`` and so on (see
    :func:`kzlib.stance.speaker_profiles`). A speaker no gazetteer knows is grouped by what the quotes table
    says of it: its affiliation and type, and for a description its own words ("a senior U.S. official":
    United States officials); a speaker with no affiliation anywhere gets ``unknown``.

    A gazetteer speaker is grouped by its role at the date of the quote's document (``documents``: a table
    with ``doc_id`` and ``published``, or a ``published`` column of ``quotes``; a
    :class:`kzlib.actors.Gazetteer` with dated ``roles``): Donald Trump quoted in 2016 is no "former
    official". Outside every period the gazetteer gives, the group is ``"<affiliation> role unknown"``; a
    document with no date, or no dates given, keeps the role of January 2022.

    Example
    -------
    >>> g = pd.DataFrame({"name": ["A"], "type": ["person"], "affiliation": ["Russia"], "role": ["minister"]})
    >>> speaker_groups(pd.DataFrame({"speaker": ["A"], "quote": ["x"]}), gazetteer=g)["group"].tolist()
    ['Russia officials']
    >>> from kzlib.actors import default_gazetteer
    >>> q = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["Donald Trump"] * 2, "quote": ["x", "y"]})
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2016-03-01", "2022-01-07"]})
    >>> speaker_groups(q, gazetteer=default_gazetteer(), documents=docs)["group"].tolist()
    ['United States others', 'United States former officials']
    """
    require_columns(quotes, ["speaker"], table="quotes", fix="build it with kzlib.quotes.extract_quotes")
    described = None
    if "affiliation" in quotes.columns:
        desc = (quotes["speaker_resolution"].eq("description") if "speaker_resolution" in quotes.columns
                else pd.Series(False, index=quotes.index))
        described = pd.DataFrame({
            "speaker": quotes["speaker"], "affiliation": quotes["affiliation"],
            "type": quotes["speaker_type"] if "speaker_type" in quotes.columns else "",
            "role": quotes["speaker"].where(desc, "")})
    dated = _dated_speakers(quotes, gazetteer, documents)
    keys, table = (dated[0], dated[1]) if dated else (quotes["speaker"], gazetteer)
    prof = speaker_profiles(keys.dropna().unique(), gazetteer=table, described=described)
    added = ["affiliation", "is_official", "group"]
    # the gazetteer's affiliation replaces the quotes table's own (no affiliation_x / affiliation_y)
    out = quotes.drop(columns=[c for c in added if c in quotes.columns]).assign(_speaker_key=keys).merge(
        prof[["speaker", *added]].rename(columns={"speaker": "_speaker_key"}), on="_speaker_key",
        how="left").drop(columns="_speaker_key")
    if dated is not None and dated[2].any():
        gone = dated[2]
        out.loc[gone, "group"] = out.loc[gone, "affiliation"].fillna("").str.cat([" " + ROLE_UNKNOWN] * int(gone.sum()))
        out.loc[gone, "is_official"] = False
    out["affiliation"] = out["affiliation"].fillna("")
    out["is_official"] = out["is_official"].astype("boolean").fillna(False).astype(bool)
    out["group"] = out["group"].fillna(unknown).replace("unknown", unknown)
    return out


#: Kinds of quotation whose words are a speaker group's (an embedded post, kind "post", is not compared).
_SPEECH = ("direct", "indirect", "interview")


def framing_tables(corpus: Any, quotes: pd.DataFrame, gazetteer: Any, targets: Any = None, *, min_term_count: int = 3,
                   terms_per_group: int = 50, one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """Words distinctive of each outlet (body text) and speaker group (quoted words), by Fightin' Words
    (``framing``), each compared only with the outlets or groups of its own language and publication period
    (``within``: "en, 2022-01-03/2022-02-22"; the periods are the corpus's publication-date clusters,
    :func:`document_periods`): against the whole corpus its "distinctive" words would be those of its
    language, its era and its subjects, not how it frames the events it shares with the others. The table says how
    many documents are on each side (``n_documents``, ``n_documents_other``). ``framing_checks`` says, per
    comparison, why it could not be made (``reason``, empty when it was), which units were compared (``compared``:
    language, period, groups and documents) and which groups were not (``not_compared``: alone in their language
    and period, with no document on the study's subject, or undated in a language whose documents span several
    periods; also logged). ``naming_families``:
    how each names the people in the streets (all rows, not split by period). Documents whose metadata names no
    outlet are no outlet: they are left out of the outlets' comparison, and their namings are the group "outlet
    not given". To compare across periods, call :func:`fightin_words` with ``within="language"``.
    Only documents on the study's subject are compared (:func:`subject_documents`: they name a
    phrase of the ``targets``' scope, the rule by which the stances leave out other news; ``framing_checks.subject``
    says how many): outlets of one period that covered different stories would differ by subject, not by frame.
    Targets without a scope (or none given) restrict nothing. The ``framing`` table keeps the terms worth reading
    (:func:`written_terms`: |z| ≥ 1.96, and each group's ``terms_per_group`` most over-used terms);
    ``framing_checks.terms`` says how many of all rows that is.

    Example:
        >>> out = framing_tables(study.corpus, study.quotes, study.gazetteer, study.targets)
        >>> sorted(out["framing_checks"]["comparison"])
        ['outlet', 'speaker group']
    """
    from kzlib.clean import analysable

    within = ("language", "period")
    subject = subject_documents(corpus.paragraphs, corpus.documents, targets or [])[["doc_id", "on_subject"]]
    # the periods of the documents on the subject: an undated one takes the only period of those of its language
    on = corpus.documents[corpus.documents["doc_id"].astype(str).isin(subject.loc[subject["on_subject"], "doc_id"])]
    periods = subject.merge(document_periods(on)[["doc_id", "period", "basis"]], on="doc_id", how="left")
    reps = corpus.representatives() if one_copy_per_story else corpus
    docs = reps.documents[["doc_id", "outlet", "language"]].merge(periods, on="doc_id", how="left")
    body = analysable(reps.paragraphs).merge(docs, on="doc_id")
    given = outlet_given(body["outlet"])
    if not given.all():
        logger.info("framing: %d paragraphs of %d documents name no outlet: not compared as an outlet (their namings "
                 "are shown as %r)", int((~given).sum()), body.loc[~given, "doc_id"].nunique(), OUTLET_NOT_GIVEN)
    speech = quotes[quotes["kind"].isin(list(_SPEECH))]
    speech = speech.drop(columns=["language", "period", "basis", "on_subject"], errors="ignore").merge(
        corpus.documents[["doc_id", "language"]], on="doc_id", how="left").merge(periods, on="doc_id", how="left")
    spoken = speaker_groups(speech, gazetteer=gazetteer, documents=corpus.documents)  # roles at each date
    known = spoken[spoken["group"] != "unknown"]
    parts, checks = [], []
    for frame, text, group, label in ((body[given], "text_despun", "outlet", "outlet"),
                                      (known, "quote", "group", "speaker group")):
        frame, off_subject, subject = split_off_subject(frame, group=group, label=label)
        dated, undated = split_undated(frame, group=group, label=label)
        why = check_fightin_words(dated, text=text, group=group, min_count=min_term_count, within=within)
        fw = (pd.DataFrame() if why else
              fightin_words(dated, text=text, group=group, min_count=min_term_count, within=within))
        n_all = len(fw)
        fw = written_terms(fw, per_group=terms_per_group) if len(fw) else fw
        checks.append({"comparison": label, "reason": why or "", "subject": subject,
                       "terms": (f"{len(fw):,} of {n_all:,} group × term rows: |z| ≥ 1.96 and each group's "
                                 f"{terms_per_group} most over-used terms (kzlib.framing.fightin_words gives all)"
                                 if n_all else ""),
                       **framing_plan_notes(dated, fw, text=text, group=group, label=label, within=within,
                                               undated=off_subject + undated)})
        if len(fw):
            parts.append(fw.assign(comparison=label))
    table = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=FRAMING_COLUMNS + ["within", "comparison"]))
    named = body.assign(outlet=body["outlet"].where(given, OUTLET_NOT_GIVEN))
    naming = pd.concat([naming_families(named, text="text_despun", group="outlet").assign(comparison="outlet"),
                        naming_families(spoken, text="quote", group="group").assign(comparison="speaker group")],
                       ignore_index=True)
    return {"framing": table, "framing_checks": pd.DataFrame(checks), "naming_families": naming}
