"""Plots of the corpus and its provenance (notebooks 01 and 02)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kzlib.plots._axes import as_date, decimal_year, figure, short_labels

__all__ = ["documents_per_outlet", "words_set_aside", "similarity_heatmaps", "spin_scores"]

_VERSION_COLOURS = {"spun": "tab:red", "machine-translated": "tab:orange", "translated": "tab:blue",
                    "republished": "tab:green", "original": "tab:gray", "unknown": "lightgray"}


#: the row of ``documents_by_outlet`` that folds the outlets not shown one by one ("other (23 outlets)")
_FOLD = re.compile(r"^other \((\d+) outlets?\)$")


def documents_per_outlet(by_outlet: pd.DataFrame, documents: pd.DataFrame) -> Any:
    """Documents per outlet and publication date (stacked bars, from ``documents_by_outlet``) beside
    the body words of each document (a histogram above 30 documents).

    Each bar is split by publication date (a column whose name is an ISO date, year or month), coloured from
    the earliest (dark) to the latest (light) date: with a legend up to 15 dates, else with a colour bar on a
    time scale (a decade between two dates takes ten times the colour range of a year). Documents without a
    date (any other column: :data:`kzlib.corpus.DATE_NOT_GIVEN`, or an earlier run's cut label) are no date:
    grey and hatched, at the end of each bar, with a legend entry of their own. The number of documents is
    written at the end of each bar. Documents whose metadata names no outlet are no outlet: they are drawn
    apart, below a line, as "outlet not given". A row "other (N outlets)" (the outlets beyond those with the
    most documents, ties by name: :func:`kzlib.stages.corpus_summary`) is explained in the title.

    Example:
        >>> by = pd.DataFrame({"outlet": ["A", "unknown"], "2022-01-05": [2, 1], "date not given": [0, 3]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [100, 250]})
        >>> ax = documents_per_outlet(by, docs).axes[0]
        >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
        ('Documents per outlet and publication date', ['outlet not given', 'A'])
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['2022-01-05', 'date not given']
    """
    from matplotlib import colormaps
    from matplotlib.colors import LinearSegmentedColormap, Normalize
    from matplotlib.patches import Patch

    from kzlib.corpus import DATE_NOT_GIVEN, OUTLET_NOT_GIVEN, outlet_given

    grid = by_outlet.set_index("outlet")
    grid.index = grid.index.map(str)
    given = outlet_given(pd.Series(grid.index, index=grid.index))
    # named outlets by their number of documents (most at the top), then the documents without an outlet
    order = grid[given].sum(axis=1).sort_values(kind="stable").index.tolist()
    grid = pd.concat([grid[~given].rename(index=lambda _: OUTLET_NOT_GIVEN), grid.loc[order]])
    when = {c: as_date(c) for c in grid.columns}
    dated = sorted((c for c in grid.columns if when[c] is not None), key=lambda c: (when[c], str(c)))
    undated = [c for c in grid.columns if when[c] is None]  # "date not given", or a cut "date no" of old runs
    grid = grid[dated + undated]
    grid.columns.name = "published"
    fig, axes = figure(1, 2, figsize=(13, max(3.0, 1.2 + 0.35 * min(len(documents), 30))))
    ax = axes[0]
    cmap = LinearSegmentedColormap.from_list("dates", colormaps["viridis"](np.linspace(0.0, 0.92, 256)))
    years = [decimal_year(when[c]) for c in dated]  # type: ignore[arg-type]
    norm = Normalize(min(years, default=0.0), max(years, default=1.0) + (0.0 if len(set(years)) > 1 else 1.0))
    left = np.zeros(len(grid))
    y = np.arange(len(grid))
    for c, yr in zip(dated, years):
        v = grid[c].to_numpy(dtype=float)
        ax.barh(y, v, left=left, color=cmap(norm(yr)), height=0.7, label=str(c))
        left += v
    n_undated = int(grid[undated].to_numpy(dtype=float).sum()) if undated else 0
    for c in undated:  # one grey, hatched segment per bar for all its undated documents
        v = grid[c].to_numpy(dtype=float)
        ax.barh(y, v, left=left, color="#d0d0d0", hatch="///", edgecolor="#808080", lw=0, height=0.7)
        left += v
    for yy, n in zip(y, left):
        ax.text(n, yy, f" {int(n)}", va="center", fontsize=8)
    ax.set_yticks(y, grid.index)
    ax.set_xlim(0, max(float(left.max()) if len(left) else 1.0, 1.0) * 1.1)
    folds = [(o, int(m.group(1))) for o in grid.index if (m := _FOLD.match(o))]
    title = "Documents per outlet and publication date"
    if folds:
        shown = int(given.sum()) - len(folds)
        title += (f"\n({folds[0][0]}: the outlets beyond the {shown} with the most documents, ties by name)")
    ax.set_title(title, fontsize=None if not folds else 11)
    ax.set(xlabel="documents (count)", ylabel="outlet")
    if (~given).any():
        ax.axhline(0.5, color="black", lw=0.8)
    grey = ([Patch(facecolor="#d0d0d0", hatch="///", edgecolor="#808080", lw=0,
                   label=f"{DATE_NOT_GIVEN}" + (f" ({n_undated} documents)" if len(dated) > 15 else ""))]
            if n_undated else [])
    if len(dated) <= 15:
        handles = [Patch(color=cmap(norm(yr)), label=str(c)) for c, yr in zip(dated, years)]
        ax.legend(handles=handles + grey, title="published", fontsize=8, loc="lower right")
    else:
        bar = fig.colorbar(_colour_source(cmap, norm), ax=ax, pad=0.01, fraction=0.05)
        if max(years) - min(years) >= 3:  # years apart: whole years
            bar.ax.yaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
        else:  # a year or two: months (a decimal year's month, as "2022-03")
            bar.ax.yaxis.set_major_locator(MaxNLocator(nbins=8))
            bar.ax.yaxis.set_major_formatter(FuncFormatter(_year_month))
        bar.set_label("publication date (year; colour on a time scale)"
                      + (f"; grey, hatched: {DATE_NOT_GIVEN}" if n_undated else ""))
        if grey:
            ax.legend(handles=grey, fontsize=8, loc="lower right")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if len(documents) <= 30:
        words = documents.set_index("doc_id")["n_words"].sort_values()
        axes[1].barh(words.index, words.values, color="#2c6fbb")
        axes[1].set(title="Body words per document (after cleaning)", xlabel="words (count)", ylabel="document")
    else:
        axes[1].hist(documents["n_words"], bins=40, color="#2c6fbb")
        axes[1].set(title="Body words per document (after cleaning)", xlabel="words (count)",
                    ylabel="documents (count)")
    fig.tight_layout()
    return fig


def _year_month(value: float, _pos: Any = None) -> str:
    """A decimal year as its month, "YYYY-MM" (a colour-bar tick).

    Example:
        >>> _year_month(2022.0), _year_month(2022.99)
        ('2022-01', '2022-12')
    """
    year = int(np.floor(value))
    return f"{year}-{min(int((value - year) * 12) + 1, 12):02d}"


def _colour_source(cmap: Any, norm: Any) -> Any:
    """A colour-bar source (``ScalarMappable``) of ``cmap`` and ``norm`` with no data of its own."""
    from matplotlib.cm import ScalarMappable

    sm = ScalarMappable(norm=norm, cmap=cmap)
    sm.set_array([])
    return sm


def words_set_aside(removed: pd.DataFrame, *, max_docs: int = 30) -> Any:
    """Words set aside by cleaning, per document and paragraph kind (from ``words_set_aside``): the
    ``max_docs`` documents with most set aside.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["a", "b"], "caption": [12, 0], "credit": [3, 0]})
        >>> words_set_aside(t).axes[0].get_xlabel()
        'words (count)'
    """
    grid = removed.set_index("doc_id")
    grid.columns.name = "kind"
    totals = grid.sum(axis=1).sort_values(kind="stable")
    grid = grid.loc[totals[totals > 0].index[-max_docs:]]
    fig, ax = figure(figsize=(10, 0.8 + 0.45 * max(len(grid), 1)))
    if len(grid):
        grid.plot.barh(stacked=True, ax=ax, colormap="tab10")
        ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set(title="Words set aside by cleaning, per document and paragraph kind", xlabel="words (count)",
           ylabel="document")
    return fig


def similarity_heatmaps(raw: pd.DataFrame, despun: pd.DataFrame) -> Any:
    """Aligned-sentence share of each pair of documents, on the raw and on the de-spun text (from
    ``similarity_raw`` and ``similarity_despun``; a ``doc_id`` column and one column per document). Each
    document is labelled by the end of its id that tells it apart (:func:`kzlib.plots._axes.short_labels`).

    Example:
        >>> m = pd.DataFrame({"doc_id": ["a", "b"], "a": [1.0, 0.4], "b": [0.4, 1.0]})
        >>> similarity_heatmaps(m, m).axes[1].get_title()
        'Aligned-sentence share, de-spun text'
    """
    mats = [t.set_index("doc_id") for t in (raw, despun)]
    side = max(5.2, 0.13 * len(mats[0]) + 2.5)  # a row of small print per document
    fig, axes = figure(1, 2, figsize=(2 * side + 2.5, side + 0.8), constrained_layout=True)
    labels = short_labels(mats[0].index, min_chars=16)  # each id's distinctive end, not its folder
    im = None
    for ax, mat, title in zip(axes, mats, ("raw text", "de-spun text")):
        im = ax.imshow(mat.to_numpy(dtype=float), vmin=0, vmax=1, cmap="viridis")
        ax.grid(False)
        size = "small" if len(mat) <= 30 else 6.5
        ax.set_xticks(range(len(mat)), labels, rotation=90, fontsize=size)
        ax.set_yticks(range(len(mat)), labels, fontsize=size)
        ax.set_xlabel("document")
        ax.set_ylabel("document")
        ax.set_title(f"Aligned-sentence share, {title}")
    fig.colorbar(im, ax=axes, label="share of the shorter copy's sentences aligned (0-1)")
    return fig


def spin_scores(documents: pd.DataFrame, *, threshold: float, max_docs: int = 60) -> Any:
    """Spin score per document (the ``max_docs`` highest), coloured by detected version, with the
    threshold from which a document counts as spun.

    Example:
        >>> d = pd.DataFrame({"doc_id": ["a", "b"], "spin_score": [40.0, 1.0],
        ...                   "version_detected": ["spun", "original"]})
        >>> spin_scores(d, threshold=15).axes[0].get_ylabel()
        'document'
    """
    from matplotlib.patches import Patch

    order = documents.sort_values(["spin_score", "doc_id"], ascending=[False, True]).head(max_docs).iloc[::-1]
    fig, ax = figure(figsize=(8, 0.45 * len(order) + 1.8))
    ax.barh(order["doc_id"], order["spin_score"],
            color=[_VERSION_COLOURS.get(v, "gray") for v in order["version_detected"]])
    line = ax.axvline(threshold, ls="--", color="black", lw=1, label=f"spin_threshold = {threshold:g}")
    handles = [line] + [Patch(color=col, label=f"detected: {v}") for v, col in _VERSION_COLOURS.items()
                        if (order["version_detected"] == v).any()]
    ax.set_xlabel("spin score (spinner substitutions per 1,000 words)")
    ax.set_ylabel("document")
    ax.set_title("Spin score per document, coloured by detected version"
                 + (f" ({len(order)} highest of {len(documents)})" if len(documents) > len(order) else ""))
    ax.legend(handles=handles, loc="lower right", fontsize="small")
    return fig
