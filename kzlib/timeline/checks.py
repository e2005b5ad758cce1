"""Reading the events: chronology, date checks against publication dates, coverage, stance over time and
windows of time."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

import numpy as np
import pandas as pd

from kzlib.corpus import OUTLET_NOT_GIVEN
from kzlib.errors import ParameterError
from kzlib.timeline.columns import EVENT_COLUMNS, GRANULARITIES
from kzlib.timeline.events import _documents_frame
from kzlib.timeline.normalise import _period, _to_date

log = logging.getLogger(__name__)


def chronology(events: pd.DataFrame, *, max_labels: int = 3, min_confidence: float = 0.0,
               include_durations: bool = False, include_references: bool = False) -> pd.DataFrame:
    """What happened when, with its sources: one row per date (and granularity).

    Columns: ``date``, ``granularity``, ``date_start``, ``what`` (up to ``max_labels`` labels, " | "-joined),
    ``actors``, ``expressions``, ``n_documents``, ``n_stories``, ``sources`` (doc ids, including the other
    copies recorded in ``reported_by``), ``outlets``, ``confidence`` (the highest). Undated (unresolved)
    mentions and, unless asked, durations and references to the present ("now", dated to the publication
    date) are left out. Sorted by date.

    Example:
        >>> chronology(build_events(kzlib.prepare()))  # doctest: +SKIP
    """
    missing = {"date", "granularity", "doc_id", "label", "confidence"} - set(events.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    ev = events[(events["date"] != "") & (events["confidence"] >= min_confidence)].copy()
    if not include_durations and "kind" in ev.columns:
        ev = ev[ev["kind"] != "duration"]
    if not include_references and "kind" in ev.columns:
        ev = ev[ev["kind"] != "reference"]
    cols = ["date", "granularity", "date_start", "what", "actors", "expressions", "n_documents", "n_stories",
            "sources", "outlets", "confidence"]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    for col in ("actors", "reported_by", "story_id", "outlet", "expression"):
        if col not in ev.columns:
            ev[col] = ""
    if "date_start" not in ev.columns:
        ev["date_start"] = [_period(d, g)[0].isoformat() for d, g in zip(ev["date"], ev["granularity"])]
    ev = ev.sort_values(["date_start", "doc_id", "sentence_id" if "sentence_id" in ev.columns else "doc_id"])

    def uniq(values: Iterable[str], sep: str = "; ") -> list[str]:
        out: dict[str, None] = {}
        for v in values:
            for part in str(v).split(sep.strip()) if v else []:
                part = part.strip()
                if part:
                    out[part] = None
        return list(out)

    rows = []
    for (date, gran), grp in ev.groupby(["date", "granularity"], sort=False):
        sources = sorted(set(uniq(grp["reported_by"], ";")) | set(grp["doc_id"]))
        labels = list(dict.fromkeys(x for x in grp["label"] if x))  # (a mention with no clause has no label)
        rows.append({
            "date": date, "granularity": gran, "date_start": grp["date_start"].iloc[0],
            "what": " | ".join(labels[:max_labels]) + (f" (+{len(labels) - max_labels} more)"
                                                       if len(labels) > max_labels else ""),
            "actors": "; ".join(sorted(uniq(grp["actors"]))),
            "expressions": "; ".join(sorted(set(grp["expression"]))),
            "n_documents": len(sources), "n_stories": grp["story_id"].nunique(),
            "sources": "; ".join(sources), "outlets": "; ".join(sorted(set(grp["outlet"]) - {""})),
            "confidence": float(grp["confidence"].max()),
        })
    out = pd.DataFrame(rows, columns=cols)
    order = {g: i for i, g in enumerate(GRANULARITIES)}
    out["_g"] = out["granularity"].map(order)
    return out.sort_values(["date_start", "_g", "date"]).drop(columns="_g").reset_index(drop=True)


def check_dates(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Is each document's publication date plausible for what it reports?

    One row per document: ``published``, ``date_certainty``, ``latest_reported`` (the latest absolute day
    it dates, or the latest date it reports as past after publication), ``n_after_publication`` (dates after
    publication that the text reports as past: past tense, nothing looking ahead), ``flagged_by`` (those
    dates: "'expression' = date (sentence n)"), ``anchor_used`` and a
    ``verdict``: ``ok``, ``no date`` (relative dates unresolved), ``copy: original earlier`` or
    ``implausible: reports events after its publication date``.

    Example:
        >>> check_dates(build_events(corpus), corpus.documents)  # doctest: +SKIP
    """
    docs = _documents_frame(documents).sort_values("doc_id", kind="stable")
    ev = events if not events.empty else pd.DataFrame(columns=EVENT_COLUMNS)
    missing = {"doc_id", "date", "granularity", "anchor", "note"} - set(ev.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    # per-document summaries, computed once over the whole events table
    flagged = ev[ev["flag"] == "after-publication"] if "flag" in ev.columns else ev.iloc[:0]
    days = ev[(ev["granularity"] == "day") & ev["anchor"].isin(["absolute", "absolute-year-inferred"])]
    latest = _latest(pd.concat([days, flagged]))
    n_after = flagged.groupby("doc_id").size().astype(int).to_dict()
    evidence = _evidence(flagged)
    relative = ev[ev["anchor"] == "publication-relative"]
    anchors = (relative["note"].str.extract(r"resolved against (\d{4}-\d\d-\d\d)", expand=False)
               .groupby(relative["doc_id"]).min().dropna().to_dict())
    rows = []
    for doc_id, published, certainty in zip(docs["doc_id"], docs["published"], docs["date_certainty"]):
        after = int(n_after.get(doc_id, 0))
        if not published:
            verdict = "no date"
        elif after:
            verdict = "implausible: reports events after its publication date"
        elif certainty == "copy-date":
            verdict = "copy: original earlier"
        else:
            verdict = "ok"
        rows.append({"doc_id": doc_id, "published": published, "date_certainty": certainty,
                     "latest_reported": latest.get(doc_id, ""), "n_after_publication": after,
                     "flagged_by": evidence.get(doc_id, ""), "anchor_used": anchors.get(doc_id, published),
                     "verdict": verdict})
    implausible = [r for r in rows if r["verdict"].startswith("implausible")]
    if implausible:
        log.warning("%d documents report, as past, events after their publication date (%s%s)", len(implausible),
                    ", ".join(f"{r['doc_id']} published {r['published']}: {r['flagged_by']}"
                              for r in implausible[:5]),
                    ", …" if len(implausible) > 5 else "")
    return pd.DataFrame(rows, columns=["doc_id", "published", "date_certainty", "latest_reported",
                                       "n_after_publication", "flagged_by", "anchor_used", "verdict"])


def _latest(ev: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the date of its latest dated row (by the first day of its period)."""
    if ev.empty:
        return {}
    start = [_period(d, g)[0] for d, g in zip(ev["date"], ev["granularity"])]
    order = ev.assign(_start=start).sort_values(["doc_id", "_start"], kind="stable")
    return order.groupby("doc_id")["date"].last().to_dict()


def _evidence(flagged: pd.DataFrame, most: int = 3) -> dict[str, str]:
    """doc_id -> its rows flagged after publication as 'expression' = date (sentence n), "; "-joined."""
    out: dict[str, list[str]] = {}
    sids = flagged["sentence_id"] if "sentence_id" in flagged.columns else pd.Series("", index=flagged.index)
    for doc_id, expr, date, sid in zip(flagged["doc_id"], flagged.get("expression", flagged["date"]),
                                       flagged["date"], sids):
        where = f" (sentence {sid})" if str(sid) != "" else ""
        out.setdefault(doc_id, []).append(f"'{expr}' = {date}{where}")
    return {k: "; ".join(v[:most]) + (f"; +{len(v) - most} more" if len(v) > most else "") for k, v in out.items()}


def coverage(documents: pd.DataFrame, *, one_copy_per_story: bool = False) -> pd.DataFrame:
    """Documents by publication date and outlet: ``published``, ``outlet``, ``date_certainty``,
    ``n_documents``, ``doc_ids``. Undated documents are counted under ``published == ""``.

    Example:
        >>> coverage(kzlib.prepare().documents)  # doctest: +SKIP
    """
    docs = _documents_frame(documents)
    if one_copy_per_story:
        docs = docs[docs["is_representative"]]
    docs = docs.assign(outlet=docs["outlet"].fillna("").replace("", OUTLET_NOT_GIVEN))
    out = (docs.groupby(["published", "outlet", "date_certainty"], sort=True)["doc_id"]
           .agg(n_documents="count", doc_ids=lambda s: "; ".join(sorted(s))).reset_index())
    return out


def stance_over_time(stances: pd.DataFrame, documents: pd.DataFrame, *, by: str = "target",
                     dates: pd.Series | None = None) -> pd.DataFrame:
    """Quoted stance by publication date, per date and ``by`` (``target`` or ``speaker``), from the ``stances``
    table of ``kzlib.stance``: ``n`` quote × target rows, ``n_stance`` of them taking a side (``n_favor`` +
    ``n_against``), and ``mean_score`` over those (NaN where none takes one: rows labelled ``none`` only name
    the target, and do not pull the mean towards 0, as in :func:`kzlib.stance.summarise_stance`). ``dates``
    (doc_id -> ISO date) replaces documents' dates, e.g. ``check_dates(...).set_index("doc_id")["anchor_used"]``
    to place a later copy at its original's estimated date.

    Example:
        >>> st = pd.DataFrame({"doc_id": ["a", "a", "b"], "target": ["CSTO"] * 3,
        ...                    "stance": ["against", "none", "none"], "score": [-0.6, 0.1, 0.0]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2022-01-07", "2022-01-08"]})
        >>> stance_over_time(st, docs)[["published", "n", "n_stance", "mean_score"]].values.tolist()
        [['2022-01-07', 2, 1, -0.6], ['2022-01-08', 1, 0, nan]]
    """
    need = {"doc_id", by, "stance"}
    if not need <= set(stances.columns):
        raise ParameterError(f"stances lacks columns {sorted(need - set(stances.columns))}; "
                             f"use the stances table of kzlib.stance")
    docs = _documents_frame(documents)[["doc_id", "published", "date_certainty"]]
    if dates is not None:
        docs["published"] = docs["doc_id"].map(dates).fillna(docs["published"]).astype(str)
    st = stances.merge(docs, on="doc_id", how="left")
    st["published"] = st["published"].fillna("")
    if "score" not in st.columns:
        st["score"] = st["stance"].map({"favor": 1.0, "against": -1.0}).fillna(0.0)
    cols = ["published", by, "n", "n_stance", "mean_score", "n_favor", "n_against"]
    if st.empty:
        dtypes = {"published": object, by: object, "n": int, "n_stance": int, "mean_score": float, "n_favor": int,
                  "n_against": int}
        return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in cols})
    st["_favor"] = (st["stance"] == "favor").astype(int)
    st["_against"] = (st["stance"] == "against").astype(int)
    st["score"] = pd.to_numeric(st["score"], errors="coerce").where(st["_favor"] + st["_against"] > 0)
    out = st.groupby(["published", by], sort=True).agg(
        n=("stance", "size"), mean_score=("score", "mean"), n_favor=("_favor", "sum"),
        n_against=("_against", "sum")).reset_index()
    out["n_stance"] = out["n_favor"] + out["n_against"]
    out["mean_score"] = out["mean_score"].round(3)
    return out[cols]


def events_in_window(events: pd.DataFrame, *, start: str | None = None, end: str | None = None,
                     granularities: Iterable[str] | None = None, min_confidence: float = 0.0,
                     include_durations: bool = False, include_references: bool = False,
                     include_doubtful: bool = False) -> pd.DataFrame:
    """The dated events a timeline of ``start``..``end`` (ISO days; None = open) shows: dated, at least
    ``min_confidence`` sure, of the given ``granularities``, durations and references to the present ("now")
    only if asked, relative dates flagged ``resolved-ahead`` (a past report resolved after publication: the
    direction may be wrong; logged) only with ``include_doubtful``, and overlapping the window. Adds ``date_start`` (when missing) and ``date_end`` (the last day of the period). Check it is
    not empty before drawing :func:`kzlib.plots.timeline.timeline`.

    Example:
        >>> ev = pd.DataFrame({"date": ["2022-01-05", "2019", ""], "granularity": ["day", "year", ""],
        ...                    "confidence": [0.9, 0.9, 0.0]})
        >>> events_in_window(ev, start="2021-12-01")["date"].tolist()
        ['2022-01-05']
    """
    missing = {"date", "granularity", "confidence"} - set(events.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    if not 0.0 <= float(min_confidence) <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    bounds = {}
    for name, value in (("start", start), ("end", end)):
        if value:
            try:
                bounds[name] = dt.date.fromisoformat(str(value).strip()).isoformat()
            except ValueError as err:
                raise ParameterError(f"{name}={value!r} is not an ISO date such as '2022-01-05'") from err
    confidence = pd.to_numeric(events["confidence"], errors="coerce").fillna(0.0)
    ev = events[(events["date"].fillna("") != "") & (confidence >= min_confidence)]
    if not include_durations and "kind" in ev.columns:
        ev = ev[ev["kind"] != "duration"]
    if not include_references and "kind" in ev.columns:  # "now": the publication date, not an event's
        ev = ev[ev["kind"] != "reference"]
    if not include_doubtful and "flag" in ev.columns and (doubtful := ev["flag"] == "resolved-ahead").any():
        log.info("%d relative dates flagged resolved-ahead left off the timeline (include_doubtful=True shows them)",
                 int(doubtful.sum()))
        ev = ev[~doubtful]
    if granularities is not None:
        ev = ev[ev["granularity"].isin(list(granularities))]
    periods = [_period(d, g) for d, g in zip(ev["date"], ev["granularity"])]
    ev = ev.assign(date_start=pd.Series([a.isoformat() for a, _ in periods], index=ev.index, dtype=object),
                   date_end=pd.Series([b.isoformat() for _, b in periods], index=ev.index, dtype=object))
    if "start" in bounds:
        ev = ev[ev["date_end"] >= bounds["start"]]
    if "end" in bounds:
        ev = ev[ev["date_start"] <= bounds["end"]]
    return ev


def publication_window(documents: pd.DataFrame, *, days_before: int = 30) -> tuple[str | None, str | None]:
    """The default window of a close-up timeline: from ``days_before`` days before the earliest publication
    date to the latest one, as ISO days; ``(None, None)`` when no document has a publication date.

    Example:
        >>> publication_window(pd.DataFrame({"doc_id": ["a", "b", "c"],
        ...                                  "published": ["2022-01-07", "", "2022-01-10"]}))
        ('2021-12-08', '2022-01-10')
    """
    if not isinstance(days_before, (int, np.integer)) or isinstance(days_before, bool) or days_before < 0:
        raise ParameterError(f"days_before={days_before!r} must be a non-negative whole number of days")
    dates = [d for d in (_to_date(p) for p in _documents_frame(documents)["published"]) if d is not None]
    if not dates:
        return None, None
    return (min(dates) - dt.timedelta(days=int(days_before))).isoformat(), max(dates).isoformat()


def publication_clusters(documents: pd.DataFrame, *, gap_days: int = 90,
                        days_before: int = 30) -> pd.DataFrame:
    """The periods a corpus was published in: its publication dates split wherever two consecutive dates lie
    more than ``gap_days`` apart, one row per period with ``start`` (``days_before`` days before its first
    publication, as :func:`publication_window`), ``end`` (its last), ``first``, ``n_documents``, the largest
    period first (ties: the latest). A corpus of one crisis is one period; a corpus that mixes eras gets one
    close-up timeline per period instead of one window decades wide. Undated documents are in no period.

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abcd"),
        ...                      "published": ["1990-08-15", "2022-01-07", "2022-01-10", ""]})
        >>> publication_clusters(docs)[["start", "end", "n_documents"]].values.tolist()
        [['2021-12-08', '2022-01-10', 2], ['1990-07-16', '1990-08-15', 1]]
    """
    for name, value in (("gap_days", gap_days), ("days_before", days_before)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 0:
            raise ParameterError(f"{name}={value!r} must be a non-negative whole number of days")
    dates = sorted(d for d in (_to_date(p) for p in _documents_frame(documents)["published"]) if d is not None)
    cols = ["start", "end", "first", "n_documents"]
    periods: list[list[dt.date]] = []
    for d in dates:
        if periods and (d - periods[-1][-1]).days <= gap_days:
            periods[-1].append(d)
        else:
            periods.append([d])
    rows = [((p[0] - dt.timedelta(days=int(days_before))).isoformat(), p[-1].isoformat(), p[0].isoformat(), len(p))
            for p in periods]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_documents", "first"], ascending=False, kind="mergesort", ignore_index=True)


def close_up_periods(documents: pd.DataFrame, *, min_documents: int = 10, max_periods: int = 6,
                     days_before: int = 30) -> pd.DataFrame:
    """The periods that get a close-up timeline (notebook 06): those of :func:`publication_clusters` with at
    least ``min_documents`` documents, at most ``max_periods``, largest first; the largest alone when none has
    that many. The i-th row is the i-th close-up (``06_timeline_close_up``, ``_2``, ...).

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abc"), "published": ["1990-08-15", "2022-01-07", "2022-01-10"]})
        >>> close_up_periods(docs)[["start", "end"]].values.tolist()
        [['2021-12-08', '2022-01-10']]
    """
    periods = publication_clusters(documents, days_before=days_before)
    big = periods[periods["n_documents"] >= min_documents]
    return (big.head(max_periods) if len(big) else periods.head(1)).reset_index(drop=True)


def headline_period(periods: pd.DataFrame, documents: pd.DataFrame, *, stances: pd.DataFrame | None = None,
                    events: pd.DataFrame | None = None) -> int:
    """Which of the close-up ``periods`` (:func:`close_up_periods`) is the study's headline timeline.

    The rule: the period that holds the study's subject, i.e. the one whose documents (by publication date)
    give the most rows of the ``stances`` table (the stances keep only documents on the study's subject: a
    phrase of the targets' scope); where no period has a stance row, the period with the most dated events
    (``events``: ``date_start`` within the period); else, and on ties, the first (the largest). Returns the
    row's position (0 for ``06_timeline_close_up``, 1 for ``_2``, ...).

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abc"), "published": ["2016-01-05", "2016-01-06", "2022-01-07"]})
        >>> periods = pd.DataFrame({"start": ["2015-12-06", "2021-12-08"], "end": ["2016-01-06", "2022-01-07"]})
        >>> headline_period(periods, docs, stances=pd.DataFrame({"doc_id": ["c", "c"]}))
        1
        >>> headline_period(periods, docs, events=pd.DataFrame({"date_start": ["2016-01-01"]}))
        0
    """
    if len(periods) <= 1:
        return 0
    spans = list(zip(periods["start"].astype(str), periods["end"].astype(str)))

    def counts(dates: Iterable[str]) -> list[int]:
        days = [str(d)[:10] for d in dates if str(d)]
        return [sum(lo <= d <= hi for d in days) for lo, hi in spans]

    if stances is not None and len(stances) and "doc_id" in stances.columns:
        published = dict(zip(documents["doc_id"].astype(str), documents["published"].fillna("").astype(str)))
        n = counts(published.get(str(d), "") for d in stances["doc_id"])
        if max(n) > 0:
            return n.index(max(n))
    if events is not None and len(events) and "date_start" in events.columns:
        n = counts(events["date_start"].fillna("").astype(str))
        if max(n) > 0:
            return n.index(max(n))
    return 0
