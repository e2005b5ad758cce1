"""Plots of dates and time (notebook 06): timelines, coverage, stance over time.

Dates may lie anywhere in years 1-9999 (a chronicle's "in 988", a treaty's "until 2100"): they are
placed with :func:`kzlib.plots._axes.date_positions` on calendar dates, or on decimal years when the
range spans centuries, never through pandas nanosecond timestamps (which end in 2262).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from kzlib.plots._axes import as_date, date_positions, figure, format_date_axis, span_days

__all__ = ["timeline", "coverage", "stance_over_time"]

_UNFILLED = frozenset("x+|_1234")  # matplotlib markers drawn with lines only

_MARKERS = {"day": "o", "weekend": "s", "week": "s", "month": "D", "quarter": "D", "season": "D", "half": "D",
            "year": "^", "decade": "^", "century": "^"}


def _dense_span(x: pd.Series, share: float) -> tuple[float, float] | None:
    """The span holding the central ``share`` of the positions ``x``, when it is under a quarter of their whole
    range (a clump with far outliers: "a 7th-century stop" beside the 2016 race); else None."""
    if share >= 1.0 or len(x) < 10:
        return None
    tail = (1.0 - share) / 2
    lo, hi = float(x.quantile(tail, interpolation="lower")), float(x.quantile(1.0 - tail, interpolation="higher"))
    full = float(x.max() - x.min())
    return (lo, hi) if full > 0 and hi - lo < full / 4 else None


def _outside_note(ax: Any, x: pd.Series, lo: float, hi: float, kind: str) -> str:
    """Counts of the points left and right of ``lo``..``hi`` written at the axis' edges; the same as a title note."""
    from matplotlib.dates import num2date

    def when(v: float) -> str:
        return f"{v:.0f}" if kind == "years" else pd.Timestamp(num2date(v)).strftime("%Y-%m-%d")
    parts = []
    for side, out, xpos, ha, arrow in (("earlier", x[x < lo], 0.0, "left", "◀"), ("later", x[x > hi], 1.0, "right", "▶")):
        if len(out):
            span = f"{when(out.min())}–{when(out.max())}" if out.min() != out.max() else when(out.min())
            text = f"{arrow} {len(out)} {side} ({span})" if side == "earlier" else f"{len(out)} {side} ({span}) {arrow}"
            ax.text(xpos, -0.09, text, transform=ax.transAxes, ha=ha, va="top", fontsize=7, color="dimgrey")
            parts.append(f"{len(out)} {side}, {span}")
    return "; ".join(parts)


def _label_rows(fig: Any, ax: Any, n_lanes: int, line_pt: float = 11.0) -> list[float]:
    """Offsets from a lane (in lanes) of the rows its labels may take: one text line (``line_pt`` points at
    font size 7) apart, alternately above and below, within 0.42 of the lane so that neighbouring lanes'
    rows stay a line apart too (the axis' height as laid out now, less a tenth for the title added later)."""
    ax.set_ylim(-0.7, n_lanes - 0.3)
    fig.tight_layout()
    unit_pt = 0.9 * ax.get_position().height * fig.get_size_inches()[1] * 72 / n_lanes
    step = line_pt / max(unit_pt, 1e-9)
    rows = [sign * k * step for k in range(1, 8) for sign in (1, -1) if k * step <= 0.42]
    return rows or [0.3]


def timeline(events: pd.DataFrame, *, lanes: int = 8, label_chars: int = 60, labels_per_lane: int = 6,
             title: str = "Dated events by actor", start: str | None = None, end: str | None = None,
             dense_share: float = 0.9) -> Any:
    """Events on a date axis, one lane per actor (the ``lanes`` most frequent; the rest share one lane),
    a marker per granularity and labels staggered so they do not overlap: in each lane the
    ``labels_per_lane`` dates mentioned most often carry their label where a free row beside the lane has room
    (a corpus of thousands of dated mentions would bury the axis under text; the title says how many are
    labelled). ``events`` are the mentions to show (``kzlib.timeline.events_in_window`` selects a window):
    ``date_start`` (ISO or ``datetime.date``), ``label``, ``granularity``, ``doc_id`` and ``actor`` (or ``actors``).

    The axis spans the events drawn (with a small margin, and room for the labels on the right), not the
    window: events on Jan 2-12 of a Dec-Mar window fill the width. With the window's ``start``/``end`` (ISO
    days) a period that began before it (a quarter, a half year overlapping its first weeks) is drawn at its
    first day, not outside it, and the title says how many. Where the
    central ``dense_share`` of the points spans under a quarter of their range (a few far centuries beside a
    clump of recent years), the axis shows that dense span and writes how many points lie before and after it,
    with their years, at its edges and in the title (``dense_share=1`` shows everything).

    Example:
        >>> ev = pd.DataFrame({"date_start": ["0988-01-01", "2022-01-05"], "label": ["baptism", "protests"],
        ...                    "granularity": ["year", "day"], "doc_id": ["a", "a"], "actor": ["Kyiv", ""]})
        >>> timeline(ev).axes[0].get_xlabel()
        'date (event start, year)'
    """
    fig, ax = figure(figsize=(12, 1.2 + 0.9 * max(2, min(lanes + 1, 10))))
    ax.set_title(title)
    ax.set_ylabel("actor named nearest the date")
    ev = events.copy()
    notes = []
    if len(ev) and (start or end):
        first = ev["date_start"].astype(str)
        early = (first < start) if start else pd.Series(False, index=ev.index)
        late = (first > end) if end else pd.Series(False, index=ev.index)
        ev = ev[~late].assign(date_start=first.where(~early, start))
        if early.any():
            n_early = int(early.sum())
            notes.append(f"{n_early} week{'' if n_early == 1 else 's'}, month{'' if n_early == 1 else 's'} or longer "
                         f"begun before {start}, drawn at {start}")
    x, kind = date_positions(ev["date_start"] if len(ev) else [])
    ax.set_xlabel("date (event start" + (", year)" if kind == "years" else ")"))
    ev["x"] = x
    ev = ev[ev["x"].notna()]
    if ev.empty:
        ax.text(0.5, 0.5, "no dated events in this window", ha="center", va="center", transform=ax.transAxes)
        return fig
    dense = _dense_span(ev["x"].astype(float), dense_share)
    if dense is not None:
        outside = _outside_note(ax, ev["x"].astype(float), *dense, kind)
        notes.append(f"axis: the central {dense_share:.0%} of the dates; outside it {outside}")
        ev = ev[ev["x"].between(*dense)]
    primary = (ev["actor"] if "actor" in ev.columns else ev["actors"].str.split(";").str[0]).fillna("").str.strip()
    counts = primary[primary != ""].value_counts()
    top = sorted(counts.index, key=lambda n: (-counts[n], n))[:lanes]
    other = "(other / none)"
    ev["lane"] = [p if p in top else other for p in primary]
    lane_names = top + ([other] if (ev["lane"] == other).any() else [])
    ypos = {n: i for i, n in enumerate(reversed(lane_names))}
    # each point's label: the first of its mentions that has one (a mention whose clause gives no "who did
    # what" has none: kzlib.timeline._clause)
    ev["label"] = ev["label"].fillna("").astype(str).str.strip().replace("", np.nan)
    points = (ev.sort_values(["x", "doc_id"]).groupby(["lane", "x"], sort=True)
              .agg(label=("label", "first"), n=("granularity", "size"), gran=("granularity", "first")).reset_index())
    points["label"] = points["label"].fillna("")
    for gran, grp in points.groupby("gran"):
        ax.scatter(grp["x"], grp["lane"].map(ypos), marker=_MARKERS.get(gran, "o"), s=40, zorder=3, label=gran)
    xmin, xmax = float(points["x"].min()), float(points["x"].max())  # the events' span, not the window's
    per_day = 1 / span_days(kind)
    span = max(xmax - xmin, per_day)
    ax.set_xlim(xmin - span * 0.03 - per_day, xmax + span * 0.25 + 2 * per_day)
    char_width = span * 1.25 / 110  # rough width of one character in axis units at this figure width
    offsets = _label_rows(fig, ax, len(lane_names))
    right = ax.get_xlim()[1]
    n_labelled = n_crowded = n_long = 0
    for lane, grp in points[points["label"] != ""].groupby("lane"):
        last_end = [-np.inf] * len(offsets)
        shown = grp.sort_values(["n", "x"], ascending=[False, True]).head(max(labels_per_lane, 0))
        for _, p in shown.sort_values("x").iterrows():
            more = f" (+{p['n'] - 1} more)" if p["n"] > 1 else ""
            room = min(label_chars, int((right - p["x"]) / char_width) - len(more) - 2)  # up to the axis' end
            if len(str(p["label"])) > room:  # a label whole or none: no cut-off fragment
                n_long += 1
                continue
            text = str(p["label"]) + more
            tier = next((i for i, e in enumerate(last_end) if p["x"] > e), None)
            if tier is None:  # every row beside the lane is taken here: no label rather than one over another
                n_crowded += 1
                continue
            n_labelled += 1
            last_end[tier] = p["x"] + (len(text) + 2) * char_width
            ax.annotate(text, (p["x"], ypos[lane]), xytext=(p["x"], ypos[lane] + offsets[tier]), fontsize=7,
                        va="center", ha="left", textcoords="data",
                        arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "grey"})
    if n_labelled < len(points):
        n_none = int((points["label"] == "").sum())
        notes.insert(0, f"labelled (who did what): the {labels_per_lane} dates mentioned most often in each lane, "
                        f"{n_labelled} of {len(points)}" + (f"; {n_crowded} left unlabelled where labels would "
                                                            f"overlap" if n_crowded else "")
                     + (f"; {n_long} whose label would not fit" if n_long else "")
                     + (f"; {n_none} with no clause to label" if n_none else ""))
    if notes:
        ax.set_title(title + "\n(" + ")\n(".join(notes) + ")", fontsize=10)
    ax.set_yticks(list(ypos.values()), list(ypos.keys()))
    ax.set_ylim(-0.7, len(lane_names) - 0.3)
    format_date_axis(ax, kind)
    ax.legend(title="granularity", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, title_fontsize=7)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def coverage(cov: pd.DataFrame, *, title: str = "Coverage: documents by publication date and outlet",
             max_annotated: int = 40, gap_days: int = 90, max_panels: int = 8, few_marks: int = 10) -> Any:
    """Documents by publication date, one row per outlet (a ``coverage`` table: ``published``, ``outlet``,
    ``date_certainty``, ``n_documents``); the mark shows how the date is known (filled: exact, triangle:
    on or after, hollow: a later copy's date) and its area the number of documents, written beside it when
    a panel has at most ``max_annotated`` marks (more would overprint each other); in a panel of more than
    ``few_marks`` marks only those of two documents or more are numbered (the panel says so).

    Dates in periods more than ``gap_days`` apart (a corpus that mixes eras: the periods of
    :func:`kzlib.timeline.publication_clusters`) get one panel each, one above the other in time order, each with
    its own date axis and the outlets that published in it; at most ``max_panels`` (those with the most
    documents), the title names those left out. Documents without a publication date cannot be placed: the title
    says how many are left out (an outlet with none dated has no row). Documents whose metadata names no outlet
    are no outlet: their row, "outlet not given", is drawn apart below a line. The axis is padded so the marks at
    its ends are whole.

    Example:
        >>> c = pd.DataFrame({"published": ["2022-01-05", "", "2022-01-06"], "outlet": ["A", "B", "(unknown outlet)"],
        ...                   "date_certainty": ["exact", "unknown", "exact"], "n_documents": [2, 1, 4]})
        >>> ax = coverage(c).axes[0]
        >>> ax.get_ylabel(), [t.get_text() for t in ax.get_yticklabels()], "1 document without" in ax.get_title()
        ('outlet (of the original)', ['outlet not given', 'A'], True)
        >>> c.loc[1, "published"] = "1998-03-02"  # another era: a panel of its own
        >>> [a.get_title() for a in coverage(c).axes]
        ['1998-03-02 (1 document)', '2022-01-05 to 2022-01-06 (6 documents)']
    """
    from matplotlib.lines import Line2D

    from kzlib.corpus import OUTLET_NOT_GIVEN, outlet_given

    cov = cov.assign(outlet=cov["outlet"].where(outlet_given(cov["outlet"]), OUTLET_NOT_GIVEN))
    placed = cov[cov["published"].map(as_date).notna()]
    periods = _periods(placed["published"], gap_days=gap_days)
    weight = [float(placed.loc[_in_period(placed["published"], p), "n_documents"].sum()) for p in periods]
    periods, left_out = _drawn_periods(periods, weight, max_panels, "documents")
    rows = [placed[_in_period(placed["published"], p)] for p in periods] or [placed]
    heights = [0.6 + 0.4 * max(r["outlet"].nunique(), 1) for r in rows]
    fig, axes = figure(len(rows), 1, figsize=(10, 1.4 + sum(heights)), squeeze=False, layout="constrained",
                       gridspec_kw={"height_ratios": heights})
    axes = [row[0] for row in axes]
    n_undated = int(cov["n_documents"].sum() - placed["n_documents"].sum())
    hidden = sorted(set(cov["outlet"]) - set(placed["outlet"]) - {OUTLET_NOT_GIVEN})
    notes = ([f"{n_undated} document{'s' if n_undated != 1 else ''} without a publication date not drawn"
              + (f"; {len(hidden)} outlet{'s' if len(hidden) != 1 else ''} with none dated have no row"
                 if hidden else "")] if n_undated else [])
    if len(rows) > 1:
        notes.append(f"one panel per publication period (dates more than {gap_days} days apart are two periods), "
                     "each with the outlets that published in it")
    if left_out:
        notes.append(left_out)
    style = {"exact": ("o", "C0"), "on-or-after": (">", "C1"), "copy-date": ("o", "none"), "unknown": ("x", "C3")}
    handles: dict[str, Any] = {}
    for ax, part, period in zip(axes, rows, _or_none(periods)):
        dated, kind = _by_publication_date(ax, part, empty="no document has a publication date")
        ax.set_ylabel("outlet (of the original)" if len(rows) == 1 else "outlet")
        if period is not None and len(rows) > 1:
            n = int(part["n_documents"].sum())
            ax.set_title(f"{_period_title(period)} ({n} document{'s' if n != 1 else ''})", fontsize=9)
        if dated.empty:
            continue
        named = sorted(o for o in dated["outlet"].unique() if o != OUTLET_NOT_GIVEN)
        outlets = ([OUTLET_NOT_GIVEN] if (dated["outlet"] == OUTLET_NOT_GIVEN).any() else []) + named[::-1]
        ypos = {o: i for i, o in enumerate(outlets)}
        for cert, grp in dated.groupby("date_certainty"):
            marker, face = style.get(cert, style["unknown"])
            # an unfilled marker ("x") has only lines: one colour, the same in the plot and in the legend
            edge = face if marker in _UNFILLED else ("C0" if cert != "on-or-after" else "C1")
            colours = {"color": face} if marker in _UNFILLED else {"facecolors": face, "edgecolors": edge}
            ax.scatter(grp["x"], grp["outlet"].map(ypos), s=_mark_area(grp["n_documents"]), marker=marker,
                       zorder=3, **colours)
            handles.setdefault(str(cert), Line2D([], [], ls="", marker=marker, markersize=7, markerfacecolor=face,
                                                 markeredgecolor=edge, label=str(cert)))
            for _, r in (grp.iterrows() if len(dated) <= max_annotated else iter(())):
                if r["n_documents"] > 1 or len(dated) <= few_marks:  # many marks: a bare mark is one document
                    ax.annotate(f"{r['n_documents']} doc" + ("s" if r["n_documents"] > 1 else ""),
                                (r["x"], ypos[r["outlet"]]), xytext=(6, 6), textcoords="offset points", fontsize=7)
        if few_marks < len(dated) <= max_annotated and (dated["n_documents"] == 1).any():
            ax.text(1.0, 1.0, "a mark without a number: 1 document", transform=ax.transAxes, ha="right",
                    va="bottom", fontsize=7, color="dimgrey")
        if len(dated) > max_annotated:
            area = f"mark area: documents that day, {int(dated['n_documents'].max())} at most"
            if len(rows) == 1:
                notes.append(area)
            else:
                ax.text(1.0, 1.0, area, transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="dimgrey")
        ax.set_yticks(list(ypos.values()), list(ypos.keys()), fontsize=8 if len(rows) > 1 else None)
        ax.set_ylim(-0.7, len(outlets) - 0.3)
        if outlets[0] == OUTLET_NOT_GIVEN and len(outlets) > 1:
            ax.axhline(0.5, color="black", lw=0.8)
        lo, hi = float(dated["x"].min()), float(dated["x"].max())
        pad = max(3 / span_days(kind), 0.03 * (hi - lo))  # the largest marks stay whole at both ends
        ax.set_xlim(lo - pad, hi + pad)
        format_date_axis(ax, kind)
        ax.grid(axis="x", alpha=0.3)
    _titles(fig, axes, title, notes, list(handles.values()), "date known as")
    return fig


def _mark_area(n: pd.Series) -> pd.Series:
    """Marker areas (points²) growing with the square root of the number of documents, so that 34 documents
    on one day do not cover their neighbours (40 for one document)."""
    return 10 + 30 * np.sqrt(n.astype(float))


def _by_publication_date(ax: Any, table: pd.DataFrame, *, empty: str) -> tuple[pd.DataFrame, str]:
    """The rows of ``table`` with a placeable ``published`` date, an ``x`` column for them, and the axis kind
    (:func:`date_positions`); labels the x axis, and writes ``empty`` on it when no row is left."""
    x, kind = date_positions(table["published"])
    ax.set_xlabel("publication date" + (" (year)" if kind == "years" else ""))
    dated = table.assign(x=x)
    dated = dated[dated["x"].notna()]
    if dated.empty:
        ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes)
    return dated, kind


def _periods(published: Any, *, gap_days: int) -> list[tuple[dt.date, dt.date]]:
    """The publication periods (first and last day) of the dates ``published``, in time order: the periods of
    :func:`kzlib.timeline.publication_clusters` (dates more than ``gap_days`` apart split); none without a date."""
    from kzlib.timeline import publication_clusters

    days = sorted({d.isoformat() for d in (as_date(p) for p in published) if d is not None})
    if not days:
        return []
    per = publication_clusters(pd.DataFrame({"doc_id": days, "published": days}), gap_days=gap_days, days_before=0)
    return sorted((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in zip(per["first"], per["end"]))


def _in_period(published: pd.Series, period: tuple[dt.date, dt.date]) -> pd.Series:
    """Whether each date of ``published`` lies in ``period`` (its first and last day)."""
    return published.map(lambda p: (d := as_date(p)) is not None and period[0] <= d <= period[1]).astype(bool)


def _drawn_periods(periods: list[tuple[dt.date, dt.date]], weight: list[float], max_panels: int,
                   unit: str) -> tuple[list[tuple[dt.date, dt.date]], str]:
    """The ``max_panels`` periods of most ``weight`` (counted in ``unit``, a plural; ties: the later), in time
    order, and a note naming those left out ("" when none is)."""
    order = sorted(range(len(periods)), key=lambda i: (-weight[i], -periods[i][0].toordinal()))
    keep = sorted(order[:max_panels])
    gone = sorted(order[max_panels:])
    note = ""
    if gone:
        total = int(sum(weight[i] for i in gone))
        note = (f"{len(gone)} of {len(periods)} periods not drawn, those with the fewest {unit} ({total} "
                f"{unit if total != 1 else unit[:-1]} in all, {_period_title((periods[gone[0]][0], periods[gone[-1]][1]))})")
    return [periods[i] for i in keep], note


def _or_none(periods: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date] | None]:
    """The periods, or one None (a single panel that says there is nothing to draw)."""
    return list(periods) if periods else [None]


def _titles(fig: Any, axes: list[Any], title: str, notes: list[str], handles: list[Any], legend: str) -> None:
    """The title with its notes (one per line) and the legend: on the axis of a one-panel figure, over the
    figure and beside it for panels by period."""
    text = title + "".join(f"\n({n})" for n in notes)
    if len(axes) == 1:
        axes[0].set_title(text, fontsize=10 if notes else None)
        if handles:
            axes[0].legend(handles=handles, title=legend, fontsize=7, title_fontsize=7, loc="upper left",
                           bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
        return
    fig.suptitle(text, fontsize=10, fontweight="bold")
    if handles:
        fig.legend(handles=handles, title=legend, fontsize=7, title_fontsize=7, loc="outside right center")


def _period_title(period: tuple[dt.date, dt.date]) -> str:
    a, b = period
    return a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat()}"


def stance_over_time(table: pd.DataFrame, *, by: str = "target", title: str = "Quoted stance over time",
                     max_gap_days: float = 7.0, max_labels: int = 20, min_n: int = 3, gap_days: int = 90,
                     max_panels: int = 6) -> Any:
    """Mean quoted stance score (−1 against … +1 favor) by publication date, one series per ``by`` value
    (a ``stance_over_time`` table: ``published``, ``mean_score``, ``by``, and ``n`` the quote-target rows
    behind each mean, if given: ``n_stance``, the rows taking a side, where the table has it). Dates where no
    row takes a side (``mean_score`` NaN) are not drawn. Every date with data is a marker, its area growing with
    ``n`` and ``n`` written beside it while a panel has at most ``max_labels`` markers; a line joins two dates
    only when they lie at most ``max_gap_days`` apart, so a gap without data shows as a break, not as a trend.
    A mean of fewer than ``min_n`` quotes is a hollow marker: one quote is an example, not a trend.

    Dates in periods more than ``gap_days`` apart (a corpus that mixes eras: the periods of
    :func:`kzlib.timeline.publication_clusters`) get one panel each, side by side on one score axis, so that one
    old article does not squeeze a crisis into a dot; at most ``max_panels`` (those with the most quotes), the
    title names those left out. Each series keeps its colour in every panel; the legend gives it once, with its
    total ``n``.

    Example:
        >>> t = pd.DataFrame({"published": ["2022-01-05", "2022-01-07", "2022-02-20"], "target": ["Russia"] * 3,
        ...                   "mean_score": [-0.5, 0.1, 0.3], "n": [4, 1, 2]})
        >>> ax = stance_over_time(t).axes[0]
        >>> ax.get_ylabel(), [tx.get_text() for tx in ax.texts], ax.get_legend().get_texts()[0].get_text()
        ('mean stance score (−1 against, +1 favor)', ['n=4', 'n=1', 'n=2'], 'Russia (n=7)')
        >>> t.loc[0, "published"] = "2015-12-28"  # an old article: a panel of its own
        >>> [a.get_title() for a in stance_over_time(t).axes]
        ['2015-12-28', '2022-01-07 to 2022-02-20']
    """
    from matplotlib.lines import Line2D

    t = table[(table["published"].astype(str) != "") & table["mean_score"].notna()].copy()
    if "n_stance" in t.columns:  # the rows behind each mean
        t["n"] = t["n_stance"]
    has_n = "n" in t.columns
    t["_n"] = pd.to_numeric(t["n"], errors="coerce").fillna(1) if has_n else 1
    periods = _periods(t["published"], gap_days=gap_days)
    weight = [float(t.loc[_in_period(t["published"], p), "_n"].sum()) for p in periods]
    periods, left_out = _drawn_periods(periods, weight, max_panels, "quotes")
    fig, axes = figure(1, max(len(periods), 1), figsize=(10 if len(periods) <= 1 else 3.2 * len(periods) + 2.5, 4.5),
                       squeeze=False, sharey=True, layout="constrained")
    axes = list(axes[0])
    axes[0].set_ylabel("mean stance score (−1 against, +1 favor)")
    names = sorted(t[by].astype(str).unique()) if len(t) else []
    colours = {name: DISTINCT_COLOURS[i % len(DISTINCT_COLOURS)] for i, name in enumerate(names)}
    pending: list[tuple[Any, float, float, str, str]] = []  # the n= labels, placed once the layout is known
    totals = t.groupby(t[by].astype(str))["_n"].sum() if len(t) else pd.Series(dtype=float)
    gap = 0.0
    for ax, period in zip(axes, _or_none(periods)):
        ax.axhline(0, color="grey", lw=0.6)
        rows = t[_in_period(t["published"], period)] if period else t.iloc[:0]
        rows, kind = _by_publication_date(ax, rows, empty="no dated stances")
        ax.set_ylim(-1.05, 1.05)
        if period is None or rows.empty:
            continue
        if len(periods) > 1:
            ax.set_title(_period_title(period), fontsize=9)
        gap = max_gap_days / span_days(kind)
        label_points = len(rows) <= max_labels and has_n
        for name, grp in rows.groupby(rows[by].astype(str), sort=True):
            grp = grp.sort_values("x")
            colour = colours[name]
            xs, ys = grp["x"].to_numpy(dtype=float), grp["mean_score"].to_numpy(dtype=float)
            # a NaN between two dates more than max_gap_days apart breaks the line there
            breaks = np.flatnonzero(np.diff(xs) > gap) + 1
            ax.plot(np.insert(xs, breaks, np.nan), np.insert(ys, breaks, np.nan), color=colour, lw=1.0, alpha=0.5)
            ns = grp["_n"].to_numpy(dtype=float)
            few = ns < min_n if has_n else np.zeros(len(ns), dtype=bool)  # a mean of one or two quotes: hollow
            ax.scatter(xs[~few], ys[~few], s=18 + 12 * np.sqrt(ns[~few]), color=colour, zorder=3)
            ax.scatter(xs[few], ys[few], s=18 + 12 * np.sqrt(ns[few]), facecolors="none", edgecolors=colour, zorder=3)
            if label_points:
                pending += [(ax, float(xx), float(yy), f"n={int(n)}", colour) for xx, yy, n in zip(xs, ys, grp["_n"])]
        lo, hi = float(rows["x"].min()), float(rows["x"].max())
        pad = max(3 / span_days(kind), 0.05 * (hi - lo))  # a one-day period is a week wide, not a point
        ax.set_xlim(lo - pad, hi + pad)
        format_date_axis(ax, kind)
    handles = [Line2D([], [], ls="-", lw=1.0, marker="o", color=colours[name],
                      label=f"{name} (n={int(totals[name])})" if has_n else name) for name in names]
    if has_n and (t["_n"] < min_n).any():
        handles.append(Line2D([], [], ls="", marker="o", markerfacecolor="none", markeredgecolor="grey",
                              label=f"hollow: n < {min_n}"))
    what = "quotes taking a side" if "n_stance" in table.columns else "quote-target rows"
    notes = [f"markers: dates with quotes{f', area and label: {what} (n), hollow under {min_n}' if has_n else ''}; "
             f"a line joins dates at most {max_gap_days:g} days apart"]
    if len(periods) > 1:
        notes.append(f"one panel per publication period (dates more than {gap_days} days apart are two periods)")
    if left_out:
        notes.append(left_out)
    _titles(fig, axes, title, notes, handles, by)
    n_left = _place_labels(fig, pending)
    if n_left:
        _titles(fig, axes, title, [*notes, f"{n_left} n= label{'s' if n_left > 1 else ''} left out where "
                                          f"{'they' if n_left > 1 else 'it'} would overlap another"], [], by)
    return fig


#: a qualitative palette of distinct hues (matplotlib's tab10, ordered so that the first colours differ most:
#: blue, orange, green, red, purple, cyan, pink, olive, brown, grey): no two series in near-identical oranges
DISTINCT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#17becf", "#e377c2", "#bcbd22",
                    "#8c564b", "#7f7f7f")

# where an n= label may stand beside its marker (points): right-above first, then the other corners, then further
_OFFSETS = ((4, 4), (4, -11), (-4, 4), (-4, -11), (4, 14), (4, -21), (-4, 14), (-4, -21))


def _place_labels(fig: Any, pending: list[tuple[Any, float, float, str, str]], fontsize: float = 7.0) -> int:
    """Write each ``(ax, x, y, text, colour)`` label at the first offset from its point (:data:`_OFFSETS`) where
    its box overlaps no label written before it (boxes estimated from the text's length at ``fontsize``, in the
    figure's layout as drawn now); a label with no free place is left out. Returns how many were left out."""
    if not pending:
        return 0
    fig.canvas.draw()
    scale = fig.dpi / 72.0  # display pixels per point
    width, height = 0.62 * fontsize * scale, 1.25 * fontsize * scale  # one character, one line
    placed: list[tuple[float, float, float, float]] = []
    left = 0
    for ax, x, y, text, colour in sorted(pending, key=lambda p: (id(p[0]), p[1], p[2])):
        px, py = ax.transData.transform((x, y))
        w = len(text) * width
        for dx, dy in _OFFSETS:
            x0 = px + dx * scale - (w if dx < 0 else 0)
            y0 = py + dy * scale
            box = (x0, y0, x0 + w, y0 + height)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                            color=colour, ha="right" if dx < 0 else "left", va="bottom")
                break
        else:
            left += 1
    return left
