"""Speaker × target and outlet × target summaries of the ``stances`` table, a story counted once,
with two-stage bootstrap intervals."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from kzlib.errors import require_columns
from kzlib.stance.targets import STANCES, SUMMARY_COLUMNS

logger = logging.getLogger(__name__)

__all__ = ["summarise_stance", "outlet_stance"]


def _story_ids(stances: pd.DataFrame, documents: pd.DataFrame | None) -> pd.Series:
    if documents is not None and {"doc_id", "story_id"} <= set(documents.columns):
        m = documents.drop_duplicates("doc_id").set_index("doc_id")["story_id"]
        sid = stances["doc_id"].map(m)
        return sid.where(sid.notna() & (sid.astype(str) != ""), stances["doc_id"]).astype(str)
    return stances["doc_id"].astype(str)


def _label(score: pd.Series, threshold: float) -> pd.Series:
    return pd.Series(np.where(score >= threshold, "favor", np.where(score <= -threshold, "against", "none")),
                     index=score.index)


def _story_level(stances: pd.DataFrame, documents: pd.DataFrame | None, keys: list[str]) -> pd.DataFrame:
    """One row per keys × story: mean score over the story's quotes (all copies), and the number of
    quotes in its fullest copy (so a story republished three times counts once)."""
    df = stances.copy()
    df["story_id"] = _story_ids(df, documents)
    # quotes labelled none state no stance: they do not dilute the story's score (0 if all none)
    df["_s"] = df["score"].where(df["stance"] != "none")
    per_doc = df.groupby(keys + ["story_id", "doc_id"], sort=True).agg(n=("quote_id", "nunique")).reset_index()
    n_q = per_doc.groupby(keys + ["story_id"], sort=True)["n"].max().rename("n_quotes")
    agg = df.groupby(keys + ["story_id"], sort=True).agg(score=("_s", "mean")).join(n_q).reset_index()
    return agg  # score is NaN for a story where every quote is none


def _bootstrap_cells(df: pd.DataFrame, keys: list[str], *, n_boot: int, random_state: int) -> pd.DataFrame:
    """Per cell of ``keys``: a 95% interval for the story-weighted mean score, by a two-stage bootstrap
    (stories resampled with replacement, then each drawn story's stance-taking quotes; the statistic is
    the mean over stories of the story's mean score, as in :func:`summarise_stance`; a story whose
    quotes are all ``none`` scores 0 and has no quotes to resample)."""
    rng = np.random.default_rng(random_state)
    d = df.assign(_s=df["score"].where(df["stance"] != "none"))
    out = []
    for key, g in d.groupby(keys, sort=True):
        stories = []
        for _, sg in g.groupby("story_id", sort=True):
            vals = sg["_s"].dropna().to_numpy(dtype=float)
            stories.append(vals)
        if n_boot <= 0 or not any(len(v) for v in stories):
            lo = hi = 0.0 if not any(len(v) for v in stories) else np.nan
        else:
            # stage 2 first: n_boot resampled means per story (0 for a story with no stance)
            means = np.column_stack([
                v[rng.integers(0, len(v), (n_boot, len(v)))].mean(axis=1) if len(v) else np.full(n_boot, np.nan)
                for v in stories])
            pick = rng.integers(0, len(stories), (n_boot, len(stories)))
            drawn = np.take_along_axis(means, pick, axis=1)
            counts = (~np.isnan(drawn)).sum(axis=1)
            stat = np.where(counts > 0, np.nansum(drawn, axis=1) / np.maximum(counts, 1), 0.0)
            lo, hi = np.percentile(stat, [2.5, 97.5])
        out.append((*(key if isinstance(key, tuple) else (key,)), round(float(lo), 4), round(float(hi), 4)))
    return pd.DataFrame(out, columns=keys + ["score_low", "score_high"])


def _finding(out: pd.DataFrame) -> pd.Series:
    """How far a cell's stance can be read as a finding (the ``basis`` column), the first that applies:

    ``no stance`` (no quote takes a stance: ``n_favor + n_against`` is 0); ``single quote`` (one quote
    takes a stance, counted as ``n_favor + n_against`` where the cell has them, else ``n_quotes``: an
    example, not a finding); ``no stance`` (the score is within the threshold); ``one story`` (every
    quote that takes a stance comes from one story, ``n_stance_stories`` where given, copies merged: the
    bootstrap over stories has nothing to resample, so its interval shows no uncertainty); ``finding``
    (two or more stories and a 95% interval of non-zero width on the stance's side of 0); else
    ``uncertain``.

    Example
    -------
    >>> cells = pd.DataFrame({"stance": ["favor", "favor", "favor", "none"], "n_quotes": [1, 6, 4, 3],
    ...                       "n_stories": [1, 1, 3, 2], "score_low": [0.5, 0.35, 0.2, -0.1],
    ...                       "score_high": [0.5, 0.35, 0.6, 0.1]})
    >>> _finding(cells).tolist()
    ['single quote', 'one story', 'finding', 'no stance']
    """
    sign = out["stance"].map({"favor": 1.0, "against": -1.0}).fillna(0.0)
    spread = out["score_high"] > out["score_low"]
    firm = spread & (((sign > 0) & (out["score_low"] > 0)) | ((sign < 0) & (out["score_high"] < 0)))
    # the quotes and stories that take a stance are the evidence: nine quotes of which one takes a stance
    # are a single quote, and stories where the speaker only names the target are none of its basis
    quotes = out["n_favor"] + out["n_against"] if {"n_favor", "n_against"} <= set(out.columns) else out["n_quotes"]
    stories = out["n_stance_stories"] if "n_stance_stories" in out.columns else out["n_stories"]
    basis = np.select([quotes <= 0, quotes <= 1, sign == 0, stories < 2, firm],
                      ["no stance", "single quote", "no stance", "one story", "finding"], "uncertain")
    return pd.Series(basis, index=out.index)


def summarise_stance(
    stances: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    threshold: float = 0.3,
    include_unattributed: bool = False,
    n_boot: int = 1000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Speaker × target summary (the ``stance_summary`` table), each story counted once.

    ``score`` is the mean, over the stories where the speaker takes a stance on the target, of the
    story's mean score over its quotes that take one (copies of one story, from
    ``documents.story_id``, pooled; 0 where every quote is ``none``); ``stance`` is favor/against when |score| ≥ ``threshold``;
    ``n_quotes`` sums the fullest copy of each story; ``n_stories`` counts stories. Extra columns:
    ``n_favor``/``n_against`` (quotes labelled so, fullest copy), ``evidence`` (the strongest quote in
    the summary's direction, so a reader can check the cell), ``score_low``/``score_high`` (95%
    two-stage bootstrap over stories and their quotes, ``n_boot`` resamples, seeded) and ``basis``:
    ``single quote`` (one quote: an example, not a finding), ``no stance``, ``one story`` (all its
    quotes from one story: no interval over stories), ``finding`` (at least two stories and an
    interval of non-zero width that excludes 0) or ``uncertain`` (see :func:`_finding`), and
    ``n_stance_stories`` (the stories where the speaker takes a stance on the target: ``n_stories``
    also counts those where the target is only named). ``single quote`` and ``one story`` are read on the
    quotes and stories that take a stance.

    Example
    -------
    >>> st = pd.DataFrame({"doc_id": ["a", "b"], "quote_id": ["1", "1"], "speaker": ["X", "X"],
    ...                    "target": ["Russia"] * 2, "stance": ["against"] * 2, "score": [-0.8, -0.6],
    ...                    "evidence": ["...", "..."]})
    >>> summarise_stance(st)[["speaker", "target", "stance", "n_stories"]].values.tolist()
    [['X', 'Russia', 'against', 2]]
    """
    _check_stances(stances)
    df = stances.copy()
    df["speaker"] = df["speaker"].fillna("").astype(str)
    if not include_unattributed:
        n_drop = int((df["speaker"] == "").sum())
        if n_drop:
            logger.info("summarise_stance: %d rows without a speaker left out", n_drop)
        df = df[df["speaker"] != ""]
    if df.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS + ["n_favor", "n_against", "evidence", "score_low", "score_high",
                                                       "basis", "n_stance_stories"])
    keys = ["speaker", "target"]
    story = _story_level(df, documents, keys)
    out = story.groupby(keys, sort=True).agg(
        score=("score", "mean"), n_quotes=("n_quotes", "sum"), n_stories=("story_id", "nunique")
    ).reset_index()
    out["score"] = out["score"].fillna(0.0).round(4)
    out["stance"] = _label(out["score"], threshold)
    df["story_id"] = _story_ids(df, documents)
    counts = _stance_counts(df, keys)
    out = out.merge(counts, on=keys, how="left")
    taking = df[df["stance"] != "none"].groupby(keys, sort=True)["story_id"].nunique().rename("n_stance_stories")
    out = out.join(taking, on=keys)
    out["n_stance_stories"] = out["n_stance_stories"].fillna(0).astype(int)
    out = out.merge(_best_evidence(df, out, keys), on=keys, how="left")
    out = out.merge(_bootstrap_cells(df, keys, n_boot=n_boot, random_state=random_state), on=keys, how="left")
    out["basis"] = _finding(out)
    cols = SUMMARY_COLUMNS + ["n_favor", "n_against", "evidence", "score_low", "score_high", "basis",
                              "n_stance_stories"]
    return out[cols].sort_values(keys, kind="mergesort", ignore_index=True)


def _stance_counts(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    per_doc = (df.assign(f=df["stance"].eq("favor"), a=df["stance"].eq("against"))
               .groupby(keys + ["story_id", "doc_id"], sort=True)[["f", "a"]].sum())
    per_story = per_doc.groupby(keys + ["story_id"], sort=True).max()
    c = per_story.groupby(keys, sort=True).sum().reset_index()
    return c.rename(columns={"f": "n_favor", "a": "n_against"}).astype({"n_favor": int, "n_against": int})


def _best_evidence(df: pd.DataFrame, summary: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    sign = summary.set_index(keys)["stance"].map({"favor": 1.0, "against": -1.0, "none": 0.0})
    d = df.join(sign.rename("sign"), on=keys)
    d["strength"] = np.where(d["sign"] == 0, -d["score"].abs(), d["score"] * d["sign"])
    d = d.sort_values(keys + ["strength", "doc_id", "quote_id"], ascending=[True] * len(keys) + [False, True, True],
                      kind="mergesort")
    best = d.groupby(keys, sort=True).head(1)
    return best[keys + ["evidence"]]


def outlet_stance(
    stances: pd.DataFrame,
    *,
    documents: pd.DataFrame,
    by: str = "outlet",
    threshold: float = 0.3,
    n_boot: int = 1000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Per outlet × target: the share of quoted voices (speakers) for and against.

    Also the story-weighted mean score of the outlet's quotes on the target (``quote_score``) with a
    95% two-stage bootstrap interval over its stories and their quotes (``quote_score_low``,
    ``quote_score_high``), and ``basis`` as in :func:`summarise_stance` (``single quote`` where the outlet
    quotes one line on it, ``one story`` where all its quotes on the target come from one story).

    Each speaker's stance within an outlet is the mean of their story-level scores there (a story
    counted once); ``share_favor``/``share_against`` are over the outlet's voices on that target. Documents
    without an outlet are left out (a warning counts their rows): they are no outlet to compare.

    Example
    -------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["N"], "story_id": ["s"]})
    >>> st = pd.DataFrame({"doc_id": ["a", "a"], "quote_id": ["1", "2"], "speaker": ["X", "Y"],
    ...                    "target": ["Russia"] * 2, "stance": ["against", "favor"], "score": [-0.8, 0.6],
    ...                    "evidence": ["", ""]})
    >>> outlet_stance(st, documents=docs)[["outlet", "n_voices", "share_favor"]].values.tolist()
    [['N', 2, 0.5]]
    """
    _check_stances(stances)
    require_columns(documents, [by, "doc_id"], table="documents",
                    fix=f"outlet_stance needs the documents table with a {by!r} column (corpus.documents)")
    df = stances[stances["speaker"].fillna("").astype(str) != ""].copy()
    cols = [by, "target", "n_voices", "n_favor", "n_against", "n_none", "share_favor", "share_against",
            "n_quotes", "n_stories", "score"]
    if df.empty:
        return pd.DataFrame(columns=cols + ["quote_score", "quote_score_low", "quote_score_high", "basis"])
    outlets = documents.drop_duplicates("doc_id").set_index("doc_id")[by].fillna("").astype(str).str.strip()
    df[by] = df["doc_id"].map(outlets).fillna("")
    if (unknown := df[by] == "").any():  # no outlet is no outlet of its own: it is not compared with the others
        logger.warning("outlet_stance: %d quote-target rows from %d documents with no %s left out of the comparison "
                       "(give the documents' %s in the metadata to count them)", int(unknown.sum()),
                       df.loc[unknown, "doc_id"].nunique(), by, by)
        df = df[~unknown]
        if df.empty:
            return pd.DataFrame(columns=cols + ["quote_score", "quote_score_low", "quote_score_high", "basis"])
    story = _story_level(df, documents, [by, "target", "speaker"])
    voice = story.groupby([by, "target", "speaker"], sort=True).agg(
        score=("score", "mean"), n_quotes=("n_quotes", "sum"), n_stories=("story_id", "nunique")).reset_index()
    voice["score"] = voice["score"].fillna(0.0)
    voice["stance"] = _label(voice["score"], threshold)
    g = voice.groupby([by, "target"], sort=True)
    out = g.agg(n_voices=("speaker", "nunique"), n_quotes=("n_quotes", "sum"), score=("score", "mean")).reset_index()
    for s in STANCES:
        out[f"n_{s}"] = g["stance"].apply(lambda x, s=s: int((x == s).sum())).values
    out["share_favor"] = (out["n_favor"] / out["n_voices"]).round(4)
    out["share_against"] = (out["n_against"] / out["n_voices"]).round(4)
    out["n_stories"] = story.groupby([by, "target"], sort=True)["story_id"].nunique().values
    out["score"] = out["score"].round(4)
    df["story_id"] = _story_ids(df, documents)
    pooled = _story_level(df, documents, [by, "target"]).groupby([by, "target"], sort=True).agg(
        quote_score=("score", "mean"), n_q=("n_quotes", "sum")).reset_index()
    pooled["quote_score"] = pooled["quote_score"].fillna(0.0).round(4)
    cells = _bootstrap_cells(df, [by, "target"], n_boot=n_boot, random_state=random_state).rename(
        columns={"score_low": "quote_score_low", "score_high": "quote_score_high"})
    out = out.merge(pooled, on=[by, "target"], how="left").merge(cells, on=[by, "target"], how="left")
    basis = _finding(pd.DataFrame({"stance": _label(out["quote_score"], threshold), "n_quotes": out["n_q"],
                                   "n_stories": out["n_stories"],
                                   "score_low": out["quote_score_low"], "score_high": out["quote_score_high"]}))
    out["basis"] = basis.values
    cols = cols + ["quote_score", "quote_score_low", "quote_score_high", "basis"]
    return out[cols].sort_values([by, "target"], kind="mergesort", ignore_index=True)


def _check_stances(stances: pd.DataFrame) -> None:
    require_columns(stances, ["doc_id", "quote_id", "speaker", "target", "stance", "score"], table="stances",
                    fix="build it with kzlib.stance.detect_stance")
