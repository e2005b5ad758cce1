"""Fightin' Words (Monroe, Colaresi & Quinn 2008): the words that set one group's text apart from another's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from kzlib.errors import ParameterError
from kzlib.framing._counts import _group_counts, _log_odds
from kzlib.framing.within import _fightin_words_within, _within_blocks


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
    return _log_odds(df, **kw)
