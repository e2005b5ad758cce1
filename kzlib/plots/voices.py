"""Plots of voices, stances and framing (notebooks 03 and 04)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from kzlib.plots._axes import figure

__all__ = ["voices_by_affiliation", "quote_lengths", "stance_heatmap", "outlet_stance", "stance_network",
           "distinctive_terms", "naming_families"]  # panel_grid: a helper, shared with other plot modules

_AGAINST, _FAVOR = "#b2182b", "#2166ac"


#: how a figure names the affiliation or group of a speaker that no gazetteer (nor the text) places
NOT_IN_GAZETTEER = "not in gazetteer"


def affiliation_label(value: Any) -> str:
    """The label a figure gives an affiliation or speaker group: ``unknown`` (or none) says what it
    means, :data:`NOT_IN_GAZETTEER`; a small gazetteer leaves most speakers so, not unknowable ones.

    Example:
        >>> affiliation_label("unknown"), affiliation_label("Russia officials")
        ('not in gazetteer', 'Russia officials')
    """
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value).strip()
    return NOT_IN_GAZETTEER if text.lower() in ("", "unknown", "nan") else text


def voices_by_affiliation(voices: pd.DataFrame, *, top_n: int = 15, one_copy_per_story: bool = True,
                          n_described: int = 0) -> Any:
    """Quotations of the ``top_n`` most-quoted speakers, stacked by speaker within their affiliation,
    each speaker in a colour of their own (:func:`distinct_colours`); a voice whose quotes mostly describe their
    speaker ("officials", "the company": ``voices.described`` >= 0.5) is labelled "(description)", since it may
    pool many people. ``n_described``: the quotations by descriptions left out of the ``voices`` table
    (:func:`kzlib.stages.voices`), said in the title.

    Example:
        >>> v = pd.DataFrame({"speaker": ["A", "B"], "affiliation": ["Russia", "Kazakhstan"], "n_quotes": [5, 2]})
        >>> voices_by_affiliation(v).axes[0].get_ylabel()
        "speaker's affiliation"
    """
    top = voices.head(top_n)
    if "described" in top.columns:  # "company" may be 32 companies: a description is marked as one
        top = top.assign(speaker=top["speaker"].where(top["described"].fillna(0) < 0.5,
                                                      top["speaker"] + " (description)"))
    top = top.assign(affiliation=top["affiliation"].map(affiliation_label))
    pivot = top.pivot_table(index="affiliation", columns="speaker", values="n_quotes", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    fig, ax = figure(figsize=(9, 0.6 * len(pivot) + 2))
    pivot.plot.barh(stacked=True, ax=ax, legend=True, width=0.7, color=distinct_colours(pivot.shape[1]))
    ax.set_xlabel("quotations (count" + (", one copy per story)" if one_copy_per_story else ", all copies)"))
    ax.set_ylabel("speaker's affiliation")
    out = voices["affiliation"].map(affiliation_label).eq(NOT_IN_GAZETTEER) if "affiliation" in voices else None
    share = (float(voices.loc[out, "n_quotes"].sum()) / max(float(voices["n_quotes"].sum()), 1.0)
             if out is not None else 0.0)
    caveat = (f"\n{share:.0%} of all quotations come from voices not in the gazetteer: affiliations are mostly "
              "not known" if share > 0.75 else "")
    if n_described:
        caveat += (f"\n{n_described} quotation{'s' if n_described != 1 else ''} by descriptions ('the company', "
                   "'officials') are no voice: each names someone in one document only")
    ax.set_title(f"Who is quoted: the {len(top)} most-quoted voices by affiliation" + caveat)
    ax.legend(title="speaker", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    return fig


def distinct_colours(n: int) -> list[tuple[float, float, float, float]]:
    """``n`` colours, no two alike: matplotlib's tab20 (its ten strong colours first, then their light
    pairs), then tab20b and tab20c (60 in all); beyond 60, evenly spaced hues of ``turbo``.

    Example:
        >>> cs = distinct_colours(25)
        >>> len(cs), len(set(cs))
        (25, 25)
    """
    from matplotlib import colormaps

    if n > 60:
        return [tuple(c) for c in colormaps["turbo"](np.linspace(0.03, 0.97, n))]
    tab20 = [colormaps["tab20"](i) for i in (*range(0, 20, 2), *range(1, 20, 2))]
    extra = [colormaps[m](i) for m in ("tab20b", "tab20c") for i in range(20)]
    return [tuple(c) for c in (tab20 + extra)[:n]]


def top_speakers(summary: pd.DataFrame, speakers: Sequence[str], top_n: int | None) -> list[str]:
    """The ``top_n`` of ``speakers`` with the most quotes in ``summary`` (its ``n_quotes`` summed over
    their targets; ties by name), in alphabetical order; all of them when ``top_n`` is None.

    Example:
        >>> s = pd.DataFrame({"speaker": ["A", "B", "B", "C"], "n_quotes": [1, 2, 3, 4]})
        >>> top_speakers(s, ["A", "B", "C"], 2)
        ['B', 'C']
    """
    if top_n is None or len(speakers) <= top_n:
        return sorted(speakers)
    n = summary[summary["speaker"].isin(speakers)].groupby("speaker")["n_quotes"].sum()
    ranked = sorted(speakers, key=lambda sp: (-float(n.get(sp, 0)), sp))
    return sorted(ranked[:top_n])


def _shown(n_shown: int, n_all: int) -> str:
    return f"all {n_all} speakers" if n_shown == n_all else f"the {n_shown} most-quoted of {n_all} speakers"


def quote_lengths(speech: pd.DataFrame, *, clip_quantile: float = 0.99) -> Any:
    """Histogram of quotation length in words, by kind. The axis ends at the ``clip_quantile`` of the lengths
    (a few speeches of a thousand words would squeeze every other quotation into the first bars) when the longest
    is more than twice that: the longer ones are counted in the last bar, and the title says how many there are
    and how long the longest is (``clip_quantile=1``: the whole range).

    Example:
        >>> q = pd.DataFrame({"kind": ["direct"] * 99 + ["indirect"], "n_words": [12] * 99 + [900]})  # 1% longer
        >>> ax = quote_lengths(q).axes[0]
        >>> ax.get_xlabel(), ax.get_title().splitlines()[1]
        ('quotation length (words)', '(axis clipped at the 99th percentile, 12 words: 1 longer quotation, up to 900 words, counted in the last bar)')
    """
    fig, ax = figure(figsize=(8, 4))
    n = pd.to_numeric(speech["n_words"], errors="coerce").fillna(0)
    top = int(n.max()) if len(n) else 0
    cut = int(np.ceil(n.quantile(clip_quantile, interpolation="lower"))) if len(n) and clip_quantile < 1 else top
    cut = cut if top > 2 * cut else top  # the longest within twice the percentile squeeze nothing: no clip
    longer = int((n > cut).sum())
    step = max(1, int(np.ceil(max(cut, 1) / 40)))  # about 40 bars over the shown range
    bins = list(range(0, cut + step, step))  # the last edge is at or above cut: the clipped ones are the last bar
    for kind, grp in n.groupby(speech["kind"]):
        ax.hist(grp.clip(upper=cut), bins=bins, alpha=0.6, label=kind)
    ax.set_xlabel("quotation length (words)")
    ax.set_ylabel("quotations (count)")
    title = "Length of quotations by kind"
    if longer:
        pct = f"{clip_quantile * 100:g}"
        title += (f"\n(axis clipped at the {pct}th percentile, {cut} words: {longer} longer quotation"
                  f"{'s' if longer != 1 else ''}, up to {top} words, counted in the last bar)")
        ax.set_xlim(0, bins[-1])
    ax.set_title(title, fontsize=None if not longer else 10)
    ax.legend(title="kind")
    return fig


def speakers_taking_stance(summary: pd.DataFrame, *, min_stories: int = 1) -> list[str]:
    """Speakers who take a stance (favor/against) on some target in at least ``min_stories`` stories.

    Example:
        >>> s = pd.DataFrame({"speaker": ["A", "B"], "stance": ["against", "none"], "n_stories": [2, 3]})
        >>> speakers_taking_stance(s, min_stories=2)
        ['A']
    """
    col = "n_stance_stories" if "n_stance_stories" in summary.columns else "n_stories"
    taking = summary[summary["stance"] != "none"].groupby("speaker")[col].max()
    return sorted(taking[taking >= min_stories].index)


#: the bases of a cell that are an example, not a finding (``stance_summary.basis``): hatched in the figures
WEAK_BASES = ("single quote", "uncertain")


def _stance_stories(summary: pd.DataFrame) -> pd.Series:
    """The stories a cell's stance rests on: ``n_stance_stories`` (stories where the speaker takes a
    stance on the target), or ``n_stories`` for a summary made before that column existed."""
    return summary["n_stance_stories" if "n_stance_stories" in summary.columns else "n_stories"]


def drawn_targets(targets: Sequence[str], present: Sequence[str]) -> list[str]:
    """The ``targets`` (in their order) that have rows in ``present``; a target with none is no column.

    Example:
        >>> drawn_targets(["Russia", "NATO", "China"], ["China", "Russia", "China"])
        ['Russia', 'China']
    """
    have = set(present)
    return [t for t in targets if t in have]


def _leave_out_described(summary: pd.DataFrame, described: Sequence[str]) -> tuple[pd.DataFrame, str]:
    """``summary`` without the ``described`` speakers, and a title line naming those left out that take a stance."""
    out = summary[~summary["speaker"].isin(set(described))]
    sided = summary[summary["stance"] != "none"] if "stance" in summary.columns else summary
    gone = sorted(set(described) & set(sided["speaker"]))
    if not gone:
        return out, ""
    shown = ", ".join(f"'{g}'" for g in gone[:4]) + (f" and {len(gone) - 4} more" if len(gone) > 4 else "")
    return (out, "\n" + _wrap(
            f"{len(gone)} description speaker{'s' if len(gone) != 1 else ''} with a stance left out ({shown}): "
            "each names someone in one document", width=100))


def stance_heatmap(summary: pd.DataFrame, *, targets: Sequence[str], min_stories: int = 1,
                   top_n: int | None = 30, described: Sequence[str] = ()) -> Any:
    """Speaker × target: colour the mean stance score, number the stories with a stance it rests on
    (``n_stance_stories``: stories where the speaker only names the target are not counted); a cell whose
    ``basis`` is a single quote or uncertain (:data:`WEAK_BASES`) is hatched; speakers who take a stance in
    at least ``min_stories`` stories (from ``stance_summary``), the ``top_n`` with the most quotes of them
    (None: all); targets without a cell are no column; the title says how many of how many are shown.
    ``described`` (:func:`kzlib.framing.description_speakers`) are left out, the title says which.

    Example:
        >>> s = pd.DataFrame({"speaker": ["A", "B"], "target": ["Russia"] * 2, "stance": ["against"] * 2,
        ...                   "score": [-0.6, -0.4], "n_stories": [2, 1], "n_quotes": [3, 1]})
        >>> ax = stance_heatmap(s, targets=["Russia", "NATO"], top_n=1).axes[0]
        >>> ax.get_xlabel(), ax.get_title().splitlines()[-1], [t.get_text() for t in ax.get_xticklabels()]
        ('target', 'the 1 most-quoted of 2 speakers with a stance', ['Russia'])
    """
    summary, left_out = _leave_out_described(summary, described)
    taking = speakers_taking_stance(summary, min_stories=min_stories)
    speakers = top_speakers(summary, taking, top_n) if "n_quotes" in summary.columns else taking
    cells = summary[summary["speaker"].isin(speakers)].assign(_n=_stance_stories(summary))
    cells = cells[cells["_n"] > 0]  # a speaker who only names a target takes no stance on it: no cell
    tnames = drawn_targets(targets, cells["target"]) or list(targets)[:1]
    score = cells.pivot(index="speaker", columns="target", values="score").reindex(index=speakers, columns=tnames)
    stories = cells.pivot(index="speaker", columns="target", values="_n").reindex(index=speakers, columns=tnames)
    weak = (cells.assign(_w=cells["basis"].isin(WEAK_BASES).astype(float) if "basis" in cells.columns else 0.0)
            .pivot(index="speaker", columns="target", values="_w").reindex(index=speakers, columns=tnames)
            .fillna(0.0).to_numpy() > 0)
    fig, ax = figure(figsize=(10, 0.42 * len(speakers) + 2))
    im = ax.imshow(score.to_numpy(dtype=float).reshape(len(speakers), len(tnames)), cmap="RdBu", vmin=-1, vmax=1,
                   aspect="auto")
    ax.set_facecolor("#eeeeee")
    ax.set_xticks(range(len(tnames)), tnames, rotation=30, ha="right")
    ax.set_yticks(range(len(speakers)), speakers)
    for i in range(len(speakers)):
        for j in range(len(tnames)):
            n = stories.iat[i, j]
            if pd.notna(n):
                ax.text(j, i, int(n), ha="center", va="center", fontsize=8)
            if weak[i, j]:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///", edgecolor="#555555",
                                       lw=0))
    hatched = "; hatched: a single quote or an uncertain interval" if weak.any() else ""
    ax.set_title("Stance of each speaker towards each target (number: stories with a stance" + hatched + ")\n"
                 f"{_shown(len(speakers), len(taking))} with a stance" + left_out)
    ax.set_xlabel("target")
    ax.set_ylabel("speaker (quoted with a stance)")
    fig.colorbar(im, ax=ax, label="mean stance score (-1 against, +1 favor)")
    ax.grid(False)
    return fig


def panel_grid(n: int, *, ncols: int, panel: tuple[float, float], **kwargs: Any) -> tuple[Any, list[Any]]:
    """A figure of ``n`` panels (at least one) wrapped into rows of at most ``ncols``, each ``panel``
    inches (width, height), in a constrained layout (labels never run into the next panel); the
    panels left over in the last row are hidden. Returns the figure and the ``n`` axes in reading order.

    Example:
        >>> fig, axes = panel_grid(5, ncols=4, panel=(3, 2))
        >>> len(axes), sum(ax.get_visible() for ax in fig.axes)
        (5, 5)
    """
    n = max(n, 1)
    cols = min(n, ncols)
    rows = -(-n // cols)
    fig, grid = figure(rows, cols, figsize=(panel[0] * cols, panel[1] * rows + 1.0), squeeze=False,
                       layout="constrained", **kwargs)
    flat = [ax for row in grid for ax in row]
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def _omitted_note(n_shown: int, n_all: int, what: str, by: str) -> str:
    """Nothing when every one is shown, else a line saying how many of how many are drawn, chosen how."""
    if n_shown >= n_all:
        return ""
    return f"\n(the {n_shown} {what} with the most {by} of {n_all}; {n_all - n_shown} not drawn, all in the table)"


#: how :func:`outlet_stance` draws a bar by the ``basis`` of its cell (``outlet_stance.basis``): opacity, hatch,
#: and what the legend says; only a ``finding`` is solid
BASIS_STYLES = {
    "finding": (1.0, None, "finding: 2+ stories, interval on one side of 0"),
    "uncertain": (0.45, "xx", "uncertain: interval reaches 0"),
    "one story": (0.3, "///", "one story: every stance from one story"),
    "single quote": (0.3, "...", "single quote: an example"),
    "no stance": (0.12, None, "no stance: score within the threshold"),
}


def _bar_basis(d: pd.DataFrame, min_voices: int) -> pd.Series:
    """The basis each row of one outlet's panel is drawn by: the table's ``basis``, else (a table made before
    that column) "finding" from ``min_voices`` voices up and "single quote" below."""
    if "basis" in d.columns:
        return d["basis"].fillna("no stance").astype(str).where(lambda b: b.isin(list(BASIS_STYLES)), "uncertain")
    return pd.Series(np.where(d["n_voices"] >= min_voices, "finding", "single quote"), index=d.index)


def outlet_stance(by_outlet: pd.DataFrame, *, targets: Sequence[str], top_n: int = 16, ncols: int = 4,
                  min_voices: int = 3) -> Any:
    """Per outlet, the share of quoted voices against (left, red) and for (right, blue) each target: one
    panel per outlet, wrapped into rows of ``ncols``; the ``top_n`` outlets with the most voices taking a side
    (``n_favor + n_against`` summed over targets; then the most voices, then by name; None: all), the title says
    how many are left out; a target no outlet has a row on is no row of the panels. A bar is drawn as the
    table judges its cell (its ``basis``, :data:`BASIS_STYLES`): solid only for a ``finding``, pale and
    hatched for one story, a single quote or an uncertain interval, faint for no stance, with a legend; each row
    says its voices and stories (n). A table without ``basis`` is drawn solid from ``min_voices`` voices up.
    Documents whose metadata names no outlet are no outlet: their panel, "outlet not given", comes last,
    apart from the ranking.

    Example:
        >>> t = pd.DataFrame({"outlet": ["N", "M"], "target": ["Russia"] * 2, "share_favor": [0.5, 0.0],
        ...                   "share_against": [0.25, 1.0], "n_voices": [4, 1], "n_favor": [2, 0],
        ...                   "n_against": [1, 1], "n_stories": [1, 1], "basis": ["one story", "single quote"]})
        >>> fig = outlet_stance(t, targets=["Russia"], top_n=1)
        >>> fig.axes[0].get_xlabel(), fig.axes[0].get_title(), "1 not drawn" in fig._suptitle.get_text()
        ('share of quoted voices (against < 0 < favor)', 'N', True)
        >>> [t.get_text() for t in fig.legends[0].get_texts()][2:]
        ['one story: every stance from one story']
    """
    from kzlib.corpus import OUTLET_NOT_GIVEN, outlet_given

    by_outlet = by_outlet.assign(outlet=by_outlet["outlet"].where(outlet_given(by_outlet["outlet"]),
                                                                  OUTLET_NOT_GIVEN))
    tnames = drawn_targets(targets, by_outlet["target"]) or list(targets)[:1]
    voices = by_outlet.groupby("outlet")["n_voices"].sum()
    sided = (by_outlet.assign(_s=by_outlet["n_favor"] + by_outlet["n_against"]).groupby("outlet")["_s"].sum()
             if {"n_favor", "n_against"} <= set(by_outlet.columns) else voices)
    by = "voices taking a side" if sided is not voices else "quoted voices"
    named = [o for o in voices.index if o != OUTLET_NOT_GIVEN]
    ranked = sorted(named, key=lambda o: (-float(sided[o]), -float(voices[o]), str(o)))
    outlets = sorted(ranked if top_n is None else ranked[:top_n], key=str)
    outlets += [OUTLET_NOT_GIVEN] if OUTLET_NOT_GIVEN in voices.index else []
    fig, axes = panel_grid(len(outlets), ncols=ncols, panel=(4.0, 0.35 * len(tnames) + 1.6), sharey=True)
    seen: set[str] = set()
    for ax, o in zip(axes, outlets):
        d = by_outlet[by_outlet["outlet"] == o].set_index("target").reindex(tnames)
        basis = _bar_basis(d.fillna({"n_voices": 0}), min_voices).where(d["n_voices"].notna(), "")
        d = d.fillna(0)
        y = np.arange(len(tnames))
        for name, (alpha, hatch, _) in BASIS_STYLES.items():
            rows = (basis == name).to_numpy()
            if not rows.any():
                continue
            seen.add(name)
            for colour, share in ((_AGAINST, -d["share_against"]), (_FAVOR, d["share_favor"])):
                ax.barh(y[rows], share.to_numpy()[rows], color=colour, alpha=alpha, hatch=hatch,
                        edgecolor=colour if hatch else None, lw=0)
        stories = d["n_stories"] if "n_stories" in d.columns else pd.Series(0, index=d.index)
        for yy, n, st in zip(y, d["n_voices"], stories):
            if n:
                ax.text(1.02, yy, f"n={int(n)}" + (f", {int(st)} stor{'y' if st == 1 else 'ies'}" if st else ""),
                        va="center", fontsize=7)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlim(-1, 1.7)
        ax.set_xticks([-1, -0.5, 0, 0.5, 1])
        ax.set_yticks(y, tnames)
        ax.set_title(str(o) + (" (apart: no outlet)" if o == OUTLET_NOT_GIVEN else ""), fontsize=10,
                     style="italic" if o == OUTLET_NOT_GIVEN else "normal")
        ax.set_xlabel("share of quoted voices (against < 0 < favor)", fontsize=8)
    axes[0].set_ylabel("target")
    # the legend's own patches: colours, then one grey patch per style drawn
    handles = [Rectangle((0, 0), 1, 1, color=_AGAINST, label="against"),
               Rectangle((0, 0), 1, 1, color=_FAVOR, label="favor")]
    old = "basis" not in by_outlet.columns  # a table made before the column: judged by voices
    texts = ({"finding": f"{min_voices} voices or more", "single quote": f"fewer than {min_voices} voices"} if old
             else {})
    handles += [Rectangle((0, 0), 1, 1, facecolor="#555555", alpha=alpha, hatch=hatch, edgecolor="#555555", lw=0,
                          label=texts.get(name, text)) for name, (alpha, hatch, text) in BASIS_STYLES.items()
                if name in seen]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 4), fontsize=8,
               title=("bar colour: side; bar style: " + ("voices (the table has no basis column)" if old else
                                                         "how far the table reads the cell as a finding (its basis)")),
               title_fontsize=8)
    none = ("\n(no cell is a finding: no bar is solid)" if seen and "finding" not in seen and not old else
            f"\n(pale, hatched: fewer than {min_voices} voices)" if old and "single quote" in seen else "")
    fig.suptitle("Quoted voices for and against each target, by outlet (n: voices, stories)" + none
                 + _omitted_note(len(outlets) - (OUTLET_NOT_GIVEN in outlets), len(ranked), "outlets", by),
                 fontweight="bold")
    return fig


def stance_network(summary: pd.DataFrame, *, targets: Sequence[str], groups: pd.Series | None = None,
                   top_n: int | None = 30, described: Sequence[str] = ()) -> Any:
    """Who criticises whom: speakers (left, with their ``groups``) linked to targets (right), red against,
    blue in favour, thicker with more stories in which the speaker takes a stance on the target
    (``n_stance_stories``; rows of ``stance_summary`` with a stance); a link whose ``basis`` is a single
    quote or uncertain (:data:`WEAK_BASES`) is dashed; the ``top_n`` speakers with the most quotes
    (None: all), the title says how many of how many. ``described``
    (:func:`kzlib.framing.description_speakers`) are left out, the title says which.

    Example:
        >>> s = pd.DataFrame({"speaker": ["A"], "target": ["Russia"], "stance": ["against"], "n_stories": [1],
        ...                   "n_quotes": [2]})
        >>> stance_network(s, targets=["Russia"]).axes[0].get_title().splitlines()
        ["Who criticises whom: speakers' stances towards targets (line width: stories with a stance)", 'all 1 speakers with a stance']
    """
    summary, left_out = _leave_out_described(summary, described)
    edges = summary[summary["stance"] != "none"]
    edges = edges.assign(n_shown=_stance_stories(edges),
                         weak=edges["basis"].isin(WEAK_BASES) if "basis" in edges.columns else False)
    taking = sorted(edges["speaker"].unique())
    if "n_quotes" in edges.columns:
        edges = edges[edges["speaker"].isin(top_speakers(summary, taking, top_n))]
    groups = groups if groups is not None else pd.Series(dtype=str)
    left = sorted(edges["speaker"].unique(), key=lambda s: (affiliation_label(groups.get(s)), s))
    right = [t for t in targets if t in set(edges["target"])]
    yl = {s: i for i, s in enumerate(reversed(left))}
    scale = max(len(left) - 1, 1) / max(len(right) - 1, 1)
    yr = {t: (len(right) - 1 - i) * scale for i, t in enumerate(right)}
    fig, ax = figure(figsize=(10, 0.35 * len(left) + 2))
    for r in edges.itertuples():
        ax.plot([0, 1], [yl[r.speaker], yr[r.target]], color=_AGAINST if r.stance == "against" else _FAVOR,
                lw=0.8 + 1.2 * r.n_shown, alpha=0.6, ls="--" if r.weak else "-")
    for s, y in yl.items():
        ax.text(-0.02, y, f"{s} ({affiliation_label(groups.get(s))})", ha="right", va="center", fontsize=8)
    for t, yt in yr.items():
        ax.text(1.02, yt, t, ha="left", va="center", fontsize=9, fontweight="bold")
    ax.set_xlim(-0.9, 1.4)
    ax.set_xlabel("speaker (left) and target (right)", labelpad=4)
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.plot([], [], color=_AGAINST, label="against")
    ax.plot([], [], color=_FAVOR, label="favor")
    if edges["weak"].any():
        ax.plot([], [], color="grey", ls="--", label="single quote or uncertain")
    # the legend sits above the plot, clear of the axis label below it
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize="small")
    ax.set_title("Who criticises whom: speakers' stances towards targets (line width: stories with a stance)\n"
                 f"{_shown(edges['speaker'].nunique(), len(taking))} with a stance" + left_out, pad=22)
    return fig


def distinctive_terms(table: pd.DataFrame, *, title: str, top_terms: int = 12, top_groups: int | None = 16,
                      ncols: int = 4, z: float = 1.96, not_compared: str = "") -> Any:
    """The words distinctive of each group (one comparison of the ``framing`` table, Fightin' Words
    z-scores): per group, up to ``top_terms`` words whose z-score reaches ``z`` (1.96: p < 0.05,
    two-sided). Only groups with such a word get a panel, wrapped into rows of ``ncols``: the
    ``top_groups`` with the most of them (then the most words counted, then by name; None: all); the
    title says how many groups are not drawn, and names those where no word reaches ``z`` (their best
    words are not distinctive and are not shown as such). When no group has one, a single panel says so.
    Where the table compares groups within units (its ``within`` column, :func:`kzlib.framing.fightin_words`: the
    language and publication period, "en, 2022-01-03/2022-02-22"), the title says so, and names the unit when there
    is one; with several, a panel is titled with its group and unit ("kloop.kg (ru, 2022-01-03/2022-02-22)"). Where
    it has ``n_documents`` and ``n_documents_other``, each panel says how many documents are on each side ("12 vs
    236 documents": the group's, the other groups' of its unit). ``not_compared``
    (``framing_checks.not_compared``) names the groups left out, with the reason, in the title (the first 3).

    Example:
        >>> t = pd.DataFrame({"group": ["A", "B"], "term": ["x", "y"], "log_odds_z": [2.5, 0.4]})
        >>> fig = distinctive_terms(t, title="t")
        >>> fig.axes[0].get_xlabel(), fig.axes[0].get_title(), "no word reaches z ≥ 1.96: B" in fig._suptitle.get_text()
        ('log-odds z-score', 'A', True)
    """
    units = sorted(set(table["within"].fillna("").astype(str).str.strip())) if "within" in table.columns else []
    within = len(units) > 1
    if within:  # one panel per group and unit: an outlet writing in two languages is two comparisons
        table = table.assign(group=table["group"].astype(str) + " (" + table["within"].astype(str) + ")")
    sides: dict[str, str] = {}
    if {"n_documents", "n_documents_other"} <= set(table.columns):
        first = table.drop_duplicates("group")
        sides = {str(g): f"{int(a)} vs {int(b)} documents" for g, a, b in
                 zip(first["group"], first["n_documents"], first["n_documents_other"])}
    t = table.sort_values(["group", "log_odds_z", "term"], ascending=[True, False, True], kind="mergesort")
    size = (t.groupby("group")["count"].sum() if "count" in t.columns
            else t.groupby("group").size()).astype(float)
    signif = t[t["log_odds_z"] >= z].groupby("group").size().reindex(size.index, fill_value=0)
    none = sorted((str(g) for g in size.index if not signif[g]), key=str)
    ranked = sorted((g for g in size.index if signif[g]), key=lambda g: (-int(signif[g]), -float(size[g]), str(g)))
    gs = sorted(ranked if top_groups is None else ranked[:top_groups], key=str)
    width = max(min(max([len(str(x)) for x in t["term"]] + [4]), 28) * 0.07 + 2.0,
                max([len(str(g)) for g in t["group"]] + [0]) * 0.075)
    slots = max([min(int(signif[g]), top_terms) for g in gs] + [1])  # bar places per panel, the fullest's
    fig, axes = panel_grid(len(gs), ncols=ncols, panel=(width if gs else 11.0, 0.25 * slots + (1.2 if gs else 3.0)))
    for i, (ax, g) in enumerate(zip(axes, gs)):
        d = t[(t["group"] == g) & (t["log_odds_z"] >= z)].head(top_terms).iloc[::-1]
        labels = [str(x) if len(str(x)) <= 28 else str(x)[:27] + "…" for x in d["term"]]
        y = range(slots - len(d), slots)  # from the top, bars of one height in every panel
        ax.barh(y, d["log_odds_z"], color="#4c72b0", height=0.7)
        ax.set_yticks(y, labels, fontsize=8)
        ax.set_ylim(-0.5, slots - 0.5)
        ax.axvline(z, color="grey", ls="--", lw=0.8)
        ax.set_title(str(g) + (f"\n{sides[str(g)]}" if str(g) in sides else ""), fontsize=9)
        ax.set_xlabel("log-odds z-score", fontsize=8)
        if i % ncols == 0:
            ax.set_ylabel("term")
    if not gs:
        ax = axes[0]
        ax.text(0.5, 0.5, f"no word of any group reaches z ≥ {z:g}", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        ax.set_xlabel("log-odds z-score")
        ax.set_ylabel("term")
    note = f"\nwords with z ≥ {z:g}"
    if within:
        note += ("; each group compared with the other groups of its own language and publication period "
                 "(in brackets), not with the whole corpus")
    elif units and units[0]:
        parts = units[0].split(", ")
        dated = [p.replace("/", " to ") for p in parts if re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", p)]
        other = [p for p in parts if p.replace("/", " to ") not in dated]
        said = ([f"written in {', '.join(other)}"] if other else []) + ([f"published {dated[0]}"] if dated else [])
        note += "; each group against the other groups " + " and ".join(said)
    if sides:
        note += "; n documents: the group's vs. the other groups'"
    if not_compared:
        gone = [p.strip() for p in not_compared.split("; ") if p.strip()]
        note += (f"\nnot compared: {'; '.join(gone[:3])}"
                 + (f" and {len(gone) - 3} more (framing_checks.not_compared)" if len(gone) > 3 else ""))
    if none:
        shown = ", ".join(none[:6]) + (f" and {len(none) - 6} more" if len(none) > 6 else "")
        note += f"\nno word reaches z ≥ {z:g}: {shown}"
    text = _wrap(title + note) + _omitted_note(len(gs), len(ranked), "groups", "distinctive words")
    fig.suptitle(text, fontweight="bold", fontsize=11)
    # room for the title: at least 10 inches wide (110 characters a line), and 0.2 inch a line above the panels
    w, h = fig.get_size_inches()
    fig.set_size_inches(max(w, 10.0), h + 0.2 * text.count("\n"))
    return fig


def _wrap(text: str, width: int = 110) -> str:
    """``text`` with its lines wrapped at ``width`` characters (a figure title over a grid of panels)."""
    import textwrap

    return "\n".join(textwrap.fill(line, width) for line in text.split("\n"))


def naming_families(naming: pd.DataFrame, *, min_namings: int = 10) -> Any:
    """How each outlet and speaker group names the people in the streets: share of its namings per
    family (from ``naming_families``), each row labelled with its number of namings (n); a group with
    fewer than ``min_namings`` namings is not drawn (a share of one or two words is no pattern), the
    title says how many are left out. Documents without an outlet are the row "outlet not given" and speakers
    the gazetteer does not place "not in gazetteer"; each comes last in its comparison, in italics.

    Example:
        >>> n = pd.DataFrame({"comparison": ["outlet", "outlet"], "group": ["N", "M"],
        ...                   "family": ["protesters", "rioters"], "share": [1.0, 1.0], "count": [12, 2]})
        >>> ax = naming_families(n).axes[0]
        >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
        ('naming family', ['N (outlet, n=12)'])
    """
    from kzlib.corpus import OUTLET_NOT_GIVEN, outlet_given

    naming = naming.assign(group=naming["group"].fillna("").astype(str))
    if "comparison" in naming.columns:  # an outlet's missing name is "outlet not given", never "not in gazetteer"
        outlet_rows = naming["comparison"].eq("outlet")
        naming.loc[outlet_rows & ~outlet_given(naming["group"]), "group"] = OUTLET_NOT_GIVEN
        naming.loc[~outlet_rows, "group"] = naming.loc[~outlet_rows, "group"].map(affiliation_label)
    counts = (naming.groupby(["comparison", "group"])["count"].sum() if "count" in naming.columns
              else naming.groupby(["comparison", "group"]).size())
    keep = counts[counts >= min_namings].index if "count" in naming.columns else counts.index
    dropped = len(counts) - len(keep)
    rows = naming.set_index(["comparison", "group"]).loc[lambda d: d.index.isin(keep)].reset_index()
    share = rows.pivot_table(index=["comparison", "group"], columns="family", values="share", fill_value=0,
                             aggfunc="sum")
    # in each comparison the groups that are no outlet or no gazetteer's group come last, apart
    apart = [k for k in share.index if k[1] in (OUTLET_NOT_GIVEN, NOT_IN_GAZETTEER)]
    share = share.loc[sorted(share.index, key=lambda k: (k[0], k in apart, k[1]))]
    if share.empty:
        share = pd.DataFrame([[0.0]], index=pd.MultiIndex.from_tuples([("", "(none)")]), columns=["(no namings)"])
    fig, ax = figure(figsize=(11, 0.45 * len(share) + 2))
    im = ax.imshow(share.to_numpy(), cmap="Purples", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(share.shape[1]), share.columns, rotation=35, ha="right")
    ax.set_yticks(range(len(share)), [f"{g} ({k}, n={int(counts.get((k, g), 0))})" if k else str(g)
                                      for k, g in share.index])
    for i, k in enumerate(share.index):
        if k in apart:
            ax.get_yticklabels()[i].set_style("italic")
    ax.set_xlabel("naming family")
    ax.set_ylabel("outlet or speaker group")
    note = (f"\n{dropped} group{'s' if dropped != 1 else ''} with fewer than {min_namings} namings not drawn"
            if dropped else "")
    ax.set_title("How the people in the streets are named (share of each group's namings; n: namings)" + note)
    fig.colorbar(im, ax=ax, label="share of namings")
    ax.grid(False)
    return fig
