"""Plots of the corpus and its provenance (notebooks 01 and 02)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kzlib.plots._axes import figure

__all__ = ["documents_per_outlet", "words_set_aside", "similarity_heatmaps", "spin_scores"]

_VERSION_COLOURS = {"spun": "tab:red", "machine-translated": "tab:orange", "translated": "tab:blue",
                    "republished": "tab:green", "original": "tab:gray", "unknown": "lightgray"}


def documents_per_outlet(by_outlet: pd.DataFrame, documents: pd.DataFrame) -> Any:
    """Documents per outlet and publication date (stacked bars, from ``documents_by_outlet``) beside
    the body words of each document (a histogram above 30 documents).

    Example:
        >>> by = pd.DataFrame({"outlet": ["A"], "2022-01-05": [2]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [100, 250]})
        >>> documents_per_outlet(by, docs).axes[0].get_title()
        'Documents per outlet and publication date'
    """
    from matplotlib.ticker import MaxNLocator

    grid = by_outlet.set_index("outlet")
    grid.columns.name = "published"
    fig, axes = figure(1, 2, figsize=(13, max(3.0, 1.2 + 0.35 * min(len(documents), 30))))
    grid.plot.barh(stacked=True, ax=axes[0], colormap="viridis", legend=grid.shape[1] <= 15)
    axes[0].set(title="Documents per outlet and publication date", xlabel="documents (count)", ylabel="outlet")
    if grid.shape[1] <= 15:
        axes[0].legend(title="published", fontsize=8)
    axes[0].xaxis.set_major_locator(MaxNLocator(integer=True))
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
    ``similarity_raw`` and ``similarity_despun``; a ``doc_id`` column and one column per document).

    Example:
        >>> m = pd.DataFrame({"doc_id": ["a", "b"], "a": [1.0, 0.4], "b": [0.4, 1.0]})
        >>> similarity_heatmaps(m, m).axes[1].get_title()
        'Aligned-sentence share, de-spun text'
    """
    fig, axes = figure(1, 2, figsize=(12, 5.2), constrained_layout=True)
    mats = [t.set_index("doc_id") for t in (raw, despun)]
    labels = [d[:3] if len(mats[0]) > 12 else d for d in mats[0].index]
    im = None
    for ax, mat, title in zip(axes, mats, ("raw text", "de-spun text")):
        im = ax.imshow(mat.to_numpy(dtype=float), vmin=0, vmax=1, cmap="viridis")
        ax.grid(False)
        ax.set_xticks(range(len(mat)), labels, rotation=90, fontsize="small")
        ax.set_yticks(range(len(mat)), labels, fontsize="small")
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
