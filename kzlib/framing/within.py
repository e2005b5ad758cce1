"""Framing: which groups to compare with which.

Fightin' Words over a whole corpus finds what sets a group's text apart from everyone else's: over a corpus that
mixes languages and eras, that is its language, its era and its subjects, not its framing. So a group is compared
only with the groups of its *unit*: the rows sharing the values of the ``within`` columns (by default in the study,
the language and the publication period, :func:`document_periods`). A group with no other group in its unit is not
compared, and the reason is said (:func:`within_comparisons`, the log, ``framing_checks.not_compared``).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kzlib.errors import ParameterError, TableError, require_columns
from kzlib.framing._counts import _check_frame, _group_counts, _log_odds

logger = logging.getLogger(__name__)

#: the ``period`` of a document whose language has no dated document: the periods of that language cannot be told
#: apart, so its documents are compared with each other (the log says so)
NO_DATES = ""
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def within_columns(within: str | Sequence[str] | None) -> tuple[str, ...]:
    """The columns of ``within`` as a tuple: ``"language"`` is ``("language",)``; None is ``()``.

    Example:
        >>> within_columns(("language", "period"))
        ('language', 'period')
    """
    if within is None:
        return ()
    cols = (within,) if isinstance(within, str) else tuple(within)
    if not cols or not all(isinstance(c, str) and c.strip() for c in cols) or len(set(cols)) != len(cols):
        raise ParameterError(f"within={within!r} must name one column or several different columns "
                             "(e.g. 'language' or ('language', 'period'))")
    return cols


def _within_value(values: pd.Series, column: str = "language") -> pd.Series:
    """The value a row is compared within. For ``language``: a language code's main part ("en-GB": "en"), lower
    case, an empty or missing value "unknown"; for another column: the value as text, stripped, missing: ""."""
    v = values.fillna("").astype(str).str.strip()
    if column != "language":
        return v
    v = v.str.lower().str.split(r"[-_]", n=1, regex=True).str[0]
    return v.where(v != "", "unknown")


def _unit_labels(df: pd.DataFrame, cols: tuple[str, ...]) -> pd.Series:
    """Each row's unit: the values of ``cols`` joined by ", ", empty values left out ("en, 2022-01-03/2022-02-22";
    ``within="language"`` alone: "en")."""
    parts = [_within_value(df[c], c) for c in cols]
    joined = [", ".join(p for p in values if p) for values in zip(*parts)]
    return pd.Series(joined, index=df.index, dtype=object)


def within_comparisons(df: pd.DataFrame, *, text: str = "text", group: str = "group",
                       within: str | Sequence[str] = "language", doc: str = "doc_id") -> pd.DataFrame:
    """Which groups :func:`kzlib.framing.fightin_words` (with ``within``) compares: one row per unit (the values of
    the ``within`` columns, e.g. ``("language", "period")``) and group: ``within`` (the unit, its values joined by
    ", "), one column per ``within`` column, ``group``, ``n_rows``, ``n_groups`` (groups with text in the unit),
    ``compared`` (False where the unit has no other group: nothing of its own language and period to compare it
    with) and, where the rows have a ``doc`` column, ``n_documents`` (the group's documents in the unit) and
    ``n_documents_other`` (the documents of the other groups of the unit, its reference; a document quoting two
    speaker groups counts for both). A group with rows in two units (an outlet writing in two languages) has a row
    for each.

    Example
    -------
    >>> df = pd.DataFrame({"text": ["a b", "c d", "е ж"], "group": ["A", "B", "C"], "language": ["en", "en", "ru"]})
    >>> within_comparisons(df)[["within", "group", "compared"]].values.tolist()
    [['en', 'A', True], ['en', 'B', True], ['ru', 'C', False]]
    """
    _check_frame(df, text, group)
    cols = within_columns(within)
    require_columns(df, list(cols), table="texts", fix=f"give each row its {', '.join(cols)} (of its document)")
    d = df[[text, group]].assign(within=_unit_labels(df, cols),
                                 **{c: _within_value(df[c], c) for c in cols if c not in (text, group)})
    if doc in df.columns and doc not in (text, group):
        d[doc] = df[doc].astype(str)
    d = d.dropna(subset=[text, group])
    d = d[(d[text].astype(str).str.strip() != "") & (d[group].astype(str).str.strip() != "")]
    d = d.assign(**{group: d[group].astype(str)})
    keys = ["within", *[c for c in cols if c not in (text, group)]]
    out = d.groupby([*keys, group], sort=True).size().rename("n_rows").reset_index().rename(columns={group: "group"})
    out["n_groups"] = out.groupby("within")["group"].transform("size")
    out["compared"] = out["n_groups"] >= 2
    if doc in d.columns:
        per_doc = d.groupby(["within", doc])[group].agg(["nunique", "first"])
        only = per_doc[per_doc["nunique"] == 1].groupby(["within", "first"]).size()  # documents of one group only
        n_unit = per_doc.groupby("within").size()
        out["n_documents"] = d.groupby(["within", group])[doc].nunique().reindex(
            pd.MultiIndex.from_arrays([out["within"], out["group"]])).to_numpy()
        out["n_documents_other"] = [int(n_unit[w]) - int(only.get((w, g), 0)) for w, g in zip(out["within"], out["group"])]
        out["n_documents_unit"] = out["within"].map(n_unit).astype(int)
    return out[["within", *keys[1:], "group", "n_rows", "n_groups", "compared",
                *(["n_documents", "n_documents_other", "n_documents_unit"] if doc in d.columns else [])]]


def _within_blocks(df: pd.DataFrame, *, text: str, group: str, within: str | Sequence[str],
                   compare: tuple[str, str] | None) -> tuple[list[tuple[str, pd.DataFrame]], str]:
    """The rows of each unit that has two groups to compare (with ``compare``: the units that have both), and the
    reason when there is none."""
    cols = within_columns(within)
    what = " and ".join(repr(c) for c in cols)
    plan = within_comparisons(df, text=text, group=group, within=cols)
    units = _unit_labels(df, cols)
    if compare is not None:
        has = plan[plan["group"].isin(compare)].groupby("within")["group"].nunique()
        ok = sorted(has[has == 2].index)
        if not ok:
            return [], (f"groups {list(compare)} share no value of {what}: they are compared only within one "
                        f"(groups by value: {_plan_text(plan)})")
        return [(v, df[(units == v) & df[group].astype(str).isin(compare)]) for v in ok], ""
    ok = sorted(plan.loc[plan["compared"], "within"].unique())
    if not ok:
        return [], f"no value of {what} has two groups to compare: {_plan_text(plan)}"
    return [(v, df[units == v]) for v in ok], ""


def _plan_text(plan: pd.DataFrame) -> str:
    return ", ".join(f"{g} ({w})" for w, g in zip(plan["within"], plan["group"])) or "none"


def _fightin_words_within(df: pd.DataFrame, *, within: str | Sequence[str], **kw: Any) -> pd.DataFrame:
    """:func:`kzlib.framing.fightin_words` run separately within each unit of ``within``; the groups left alone in
    theirs are logged (a warning: what the figure does not show); the table gets ``within`` (the unit), the
    ``within`` columns and, where the rows have a ``doc_id``, ``n_documents`` and ``n_documents_other``."""
    cols = within_columns(within)
    blocks, problem = _within_blocks(df, text=kw["text"], group=kw["group"], within=cols, compare=kw["compare"])
    if problem:
        raise TableError(problem)
    plan = within_comparisons(df, text=kw["text"], group=kw["group"], within=cols)
    alone = plan[~plan["compared"]]
    what = " and ".join(cols)
    if len(alone):
        logger.warning("fightin_words: %d group(s) not compared, as no other group has text in the same %s "
                       "(against the others their words would be those of another %s): %s", len(alone), what,
                       what, _plan_text(alone))
    frames = []
    for value, part in blocks:
        why = _group_counts(part, text=kw["text"], group=kw["group"], compare=kw["compare"],
                            min_count=kw["min_count"], ngram_range=kw["ngram_range"], stop_words=kw["stop_words"],
                            language=kw["language"])[0]
        if why:
            logger.warning("fightin_words: the groups of %s %r are not compared: %s", what, value, why)
            continue
        sides = within_comparisons(part, text=kw["text"], group=kw["group"], within=cols)
        fw = _log_odds(part, **kw).merge(sides.drop(columns=["n_rows", "n_groups", "compared", "n_documents_unit"],
                                                        errors="ignore"),
                                             on="group", how="left")
        frames.append(fw)
    if not frames:
        raise TableError(f"no value of {what} has groups that can be compared (see the log)")
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["within", "group", "log_odds_z", "term"], ascending=[True, True, False, True],
                           kind="mergesort", ignore_index=True)


def document_periods(documents: pd.DataFrame, *, gap_days: int = 90) -> pd.DataFrame:
    """The publication period of each document, to compare outlets of one period only: the periods are
    :func:`kzlib.timeline.publication_clusters` (publication dates split at gaps of more than ``gap_days``), each
    named ``first/end`` (ISO dates of its first and last publication). A document without a date takes the only
    period of its language's dated documents; where its language has no dated document, its period is "" (its
    documents' eras cannot be told apart; they are compared with each other); where its language's dated documents
    span two or more periods, it has none (``period`` missing: it is not compared) and ``basis`` says why.

    Returns ``doc_id, language, period, basis``.

    Example
    -------
    >>> docs = pd.DataFrame({"doc_id": list("abcde"), "language": ["en", "en", "en", "ru", "en"],
    ...                      "published": ["1990-08-13", "2022-01-05", "2022-01-09", "", ""]})
    >>> document_periods(docs)[["doc_id", "period"]].fillna("none").values.tolist()
    [['a', '1990-08-13/1990-08-13'], ['b', '2022-01-05/2022-01-09'], ['c', '2022-01-05/2022-01-09'], ['d', ''], ['e', 'none']]
    """
    from kzlib.timeline import publication_clusters  # noqa: PLC0415 (the timeline's own split, not a copy)

    require_columns(documents, ["doc_id"], table="documents", fix="give the documents table of kzlib.prepare")
    docs = pd.DataFrame({"doc_id": documents["doc_id"].astype(str),
                         "language": _within_value(documents["language"] if "language" in documents.columns
                                                   else pd.Series("", index=documents.index)),
                         "published": (documents["published"] if "published" in documents.columns
                                       else pd.Series("", index=documents.index)).fillna("").astype(str).str.strip()})
    periods = publication_clusters(docs[["doc_id", "published"]], gap_days=gap_days, days_before=0)
    # each date as publication_clusters reads it: an ISO day as it is, another text through publication_clusters
    # itself (its own parser: the "first" of a one-document frame)
    def read(p: str) -> str:
        if _ISO_DAY.fullmatch(p):
            try:
                return dt.date.fromisoformat(p).isoformat()
            except ValueError:
                pass
        one = publication_clusters(pd.DataFrame({"doc_id": ["x"], "published": [p]}), days_before=0)
        return str(one["first"].iloc[0]) if len(one) else ""

    day = {p: read(p) for p in docs["published"].unique()}
    spans = sorted(zip(periods["first"], periods["end"]))

    def period_of(p: str) -> Any:
        d = day.get(p, "")
        return next((f"{a}/{b}" for a, b in spans if d and a <= d <= b), None)

    docs["period"] = docs["published"].map(period_of)
    docs["basis"] = docs["period"].map(lambda p: "" if p is None else "publication date")
    for lang, idx in docs[docs["period"].isna()].groupby("language").groups.items():
        seen = sorted(set(docs.loc[(docs["language"] == lang) & docs["period"].notna(), "period"]))
        if len(seen) == 1:
            docs.loc[idx, ["period", "basis"]] = [seen[0], "no date: the only period of its language"]
        elif not seen:
            docs.loc[idx, ["period", "basis"]] = [NO_DATES, "no date: no document of its language is dated"]
        else:
            docs.loc[idx, "basis"] = f"no date, and its language's documents span {len(seen)} periods"
    docs["period"] = docs["period"].astype(object).where(docs["period"].notna(), None)
    return docs[["doc_id", "language", "period", "basis"]].reset_index(drop=True)


def split_undated(frame: pd.DataFrame, *, group: str, label: str) -> tuple[pd.DataFrame, list[str]]:
    """The rows of ``frame`` (with ``doc_id``, ``period`` and ``basis`` from :func:`document_periods`) that have a
    publication period, and the groups left with none, with the reason ("X (no date, and its language's documents
    span 3 periods)"); the rows left out are logged (a warning: the figure does not show them).

    Example
    -------
    >>> f = pd.DataFrame({"doc_id": ["a", "b"], "group": ["A", "B"], "period": ["2022-01-05/2022-01-09", None],
    ...                   "basis": ["publication date", "no date, and its language's documents span 2 periods"]})
    >>> kept, gone = split_undated(f, group="group", label="outlet")
    >>> kept["group"].tolist(), gone
    (['A'], ["B (no date, and its language's documents span 2 periods)"])
    """
    has = frame["period"].notna()
    if has.all():
        return frame, []
    out = frame[~has].assign(basis=frame.loc[~has, "basis"].fillna("not in the documents table"))
    logger.warning("framing: %d rows (of %d document(s)) of %ss left out of the %s comparison, as they have no "
                   "publication period: %s", len(out), out["doc_id"].nunique(), label, label,
                   "; ".join(sorted(set(out["basis"]))))
    kept = set(frame.loc[has, group].astype(str))
    gone = out.groupby(out[group].astype(str))["basis"].first()
    return frame[has], [f"{g} ({why})" for g, why in gone.items() if g not in kept]


def framing_plan_notes(rows: pd.DataFrame, table: pd.DataFrame, *, text: str, group: str, label: str,
                       within: str | Sequence[str], undated: Sequence[str] = ()) -> dict[str, str]:
    """What one comparison of the study's ``framing_checks`` says: ``compared``, the units compared ("en,
    2022-01-03/2022-02-22: 9 outlets, 10 documents"), and ``not_compared``, each group left out with the reason
    (alone in its unit; its unit had too little text, the log says more; ``undated``, from :func:`split_undated`).
    ``rows`` are the texts compared, ``table`` what :func:`kzlib.framing.fightin_words` made of them.

    Example
    -------
    >>> rows = pd.DataFrame({"text": ["a b", "c d", "e f"], "group": ["A", "B", "C"], "doc_id": ["1", "2", "3"],
    ...                      "language": ["en", "en", "ru"]})
    >>> notes = framing_plan_notes(rows, pd.DataFrame({"within": ["en"]}), text="text", group="group",
    ...                            label="outlet", within="language")
    >>> notes["compared"], notes["not_compared"]
    ('en: 2 outlets, 2 documents', 'C (the only outlet in ru)')
    """
    if not len(rows):
        return {"compared": "", "not_compared": "; ".join(undated)}
    plan = within_comparisons(rows, text=text, group=group, within=within)
    done = set(table["within"]) if len(table) and "within" in table.columns else set()
    ran = plan[plan["within"].isin(done)]
    compared = [f"{w}: {len(u)} {label}s, "
                + (f"{int(u['n_documents_unit'].iloc[0])} documents" if "n_documents_unit" in u.columns
                   else f"{int(u['n_rows'].sum())} rows")
                for w, u in ran.groupby("within", sort=True)]
    alone = [f"{g} (the only {label} in {w or 'its language'})"
             for w, g in zip(plan.loc[~plan["compared"], "within"], plan.loc[~plan["compared"], "group"])]
    thin = plan[plan["compared"] & ~plan["within"].isin(done)]
    short = [f"{g} (too little text in {w} to compare)" for w, g in zip(thin["within"], thin["group"])]
    return {"compared": "; ".join(compared), "not_compared": "; ".join([*alone, *short, *undated])}
