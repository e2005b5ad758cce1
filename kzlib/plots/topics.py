"""Plots of the topic model (notebook 05)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kzlib.plots._axes import figure

__all__ = ["k_selection", "top_terms", "prevalence_heatmap"]


def k_selection(selection: pd.DataFrame, *, chosen_k: int, min_stability: float = 0.5) -> Any:
    """Coherence (mean and least coherent topic) and stability (with its spread) by number of topics,
    the chosen k marked (from ``topic_k_selection``). With one model per language (a ``language`` column
    with several values) each language has its own lines, and its chosen k (column ``chosen``) a star.

    Example:
        >>> s = pd.DataFrame({"k": [2, 3], "coherence": [0.1, 0.2], "coherence_min": [0.0, 0.1],
        ...                   "stability": [0.9, 0.7], "stability_sd": [0.05, 0.1]})
        >>> k_selection(s, chosen_k=2).axes[1].get_ylabel()
        'agreement of top terms (Jaccard, 0 to 1)'
        >>> s2 = pd.concat([s.assign(language="en", chosen=[True, False]), s.assign(language="ru", chosen=[False, True])])
        >>> len(k_selection(s2, chosen_k=5).axes[0].get_legend().get_texts())
        6
    """
    import seaborn as sns

    fig, axes = figure(1, 2, figsize=(12, 4))
    several = "language" in selection.columns and selection["language"].nunique() > 1
    parts = list(selection.groupby("language", sort=False)) if several else [("", selection)]
    colours = sns.color_palette("colorblind")
    for n, (lang, sel) in enumerate(parts):
        tag = f"{lang}: " if several else ""
        colour = colours[n % 10] if several else None
        axes[0].plot(sel["k"], sel["coherence"], marker="o", color=colour, label=f"{tag}mean of the topics")
        axes[0].plot(sel["k"], sel["coherence_min"], marker=".", linestyle=":", color=colour,
                     label=f"{tag}least coherent topic")
        axes[1].errorbar(sel["k"], sel["stability"], yerr=sel["stability_sd"], marker="o", capsize=3, color=colour,
                         label=f"{tag}stability" if several else None)
        if several and "chosen" in sel.columns and sel["chosen"].any():
            pick = sel[sel["chosen"].astype(bool)].iloc[0]
            for ax, col in zip(axes, ("coherence", "stability")):
                ax.plot([pick["k"]], [pick[col]], marker="*", markersize=16, color=colour, linestyle="none",
                        label=f"{lang}: k = {int(pick['k'])} chosen")
    axes[0].set(title="Topic coherence by number of topics", xlabel="number of topics k",
                ylabel="NPMI coherence (−1 to 1)")
    axes[1].axhline(min_stability, color="grey", linestyle="--", linewidth=1, label=f"min_stability = {min_stability}")
    axes[1].set(title="Topic stability across reruns", xlabel="number of topics k",
                ylabel="agreement of top terms (Jaccard, 0 to 1)", ylim=(0, 1.05))
    for ax in axes:
        if not several:
            ax.axvline(chosen_k, color="#c0392b", linewidth=1, label=f"k = {chosen_k}")
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def top_terms(terms: pd.DataFrame, topics: pd.DataFrame, *, method: str = "nmf") -> Any:
    """One panel per topic: its top terms by weight, titled with its coherence (C) and stability (S)
    (from ``topic_terms`` and ``topics``).

    Example:
        >>> terms = pd.DataFrame({"topic_id": [0, 0], "term": ["a", "b"], "weight": [0.5, 0.2]})
        >>> tops = pd.DataFrame({"topic_id": [0], "coherence": [0.1], "stability": [0.8]})
        >>> top_terms(terms, tops).axes[0].get_xlabel()
        'weight in topic (NMF loading)'
    """
    import seaborn as sns

    k = int(topics["topic_id"].nunique())
    ncols = 3
    nrows = max(int(np.ceil(k / ncols)), 1)
    fig, axes = figure(nrows, ncols, figsize=(14, 3.2 * nrows), squeeze=False)
    by_id = topics.set_index("topic_id")
    for ax, (tid, group) in zip(axes.flat, terms.groupby("topic_id")):
        row = by_id.loc[tid]
        ax.barh(group["term"][::-1], group["weight"][::-1], color=sns.color_palette("colorblind")[tid % 10])
        ax.set_title(f"Topic {tid}: C={row['coherence']:.2f}, S={row['stability']:.2f}", fontsize=10)
        ax.set_xlabel("weight in topic (" + ("NMF loading" if method == "nmf" else "probability") + ")")
        ax.set_ylabel("term")
        ax.tick_params(axis="y", labelsize=8)
    for ax in list(axes.flat)[k:]:
        ax.axis("off")
    fig.suptitle("Top terms per topic", fontweight="bold")
    fig.tight_layout()
    return fig


def prevalence_heatmap(table: pd.DataFrame, by: str, *, topics: pd.DataFrame, title: str, ylabel: str,
                       cmap: str = "Blues", max_rows: int = 40, apart: str | None = None) -> Any:
    """Mean share of each topic in the paragraphs (with a topic) of each ``by`` group (a ``topic_prevalence``
    table): at most ``max_rows`` groups, those with most paragraphs; columns named by the topics' labels.
    The group ``apart`` (documents with no outlet, or no date: no group of the comparison) and groups none
    of whose paragraphs has a topic are left out, and the title says how many paragraphs that leaves out.

    Example:
        >>> t = pd.DataFrame({"outlet": ["A", "A", "outlet not given", "outlet not given"], "topic_id": [0, 1, 0, 1],
        ...                   "prevalence": [0.7, 0.3, 0.5, 0.5], "n_paragraphs": [5, 5, 9, 9]})
        >>> tops = pd.DataFrame({"topic_id": [0, 1], "label": ["x", "y"]})
        >>> fig = prevalence_heatmap(t, "outlet", topics=tops, title="t", ylabel="outlet", apart="outlet not given")
        >>> fig.axes[0].get_ylabel(), [x.get_text() for x in fig.axes[0].get_yticklabels()]
        ('outlet', ['A'])
        >>> "9 paragraphs of outlet not given left out" in fig.axes[0].get_title()
        True
    """
    import seaborn as sns

    names = {t: f"{t}: {lab}" for t, lab in zip(topics["topic_id"], topics["label"])}
    groups = table.drop_duplicates(by).set_index(by)
    notes = []
    if apart is not None and apart in groups.index:
        notes.append(f"{int(groups.loc[apart, 'n_paragraphs'])} paragraphs of {apart} left out")
        groups = groups.drop(index=apart)
    if "n_no_topic" in groups.columns and groups["n_no_topic"].sum():
        notes.append(f"{int(groups['n_no_topic'].sum())} paragraphs with no topic left out")
    sizes = groups.loc[groups["n_paragraphs"] > 0, "n_paragraphs"]
    keep = sorted(sizes.sort_values(ascending=False, kind="stable").index[:max_rows])
    if len(sizes) > max_rows:
        notes.append(f"{max_rows} of {len(sizes)} with most paragraphs")
    if notes:
        title += "\n(" + "; ".join(notes) + ")"
    grid = table[table[by].isin(keep)].pivot(index=by, columns="topic_id", values="prevalence").rename(columns=names)
    fig, ax = figure(figsize=(min(4 + 1.3 * len(names), 18), 1.6 + 0.6 * len(grid)))
    sns.heatmap(grid, annot=True, fmt=".2f", cmap=cmap, vmin=0, cbar_kws={"label": "mean share of paragraph"}, ax=ax)
    ax.set(title=title, xlabel="topic", ylabel=ylabel)
    ax.set_xticklabels(ax.get_xticklabels(), rotation=30, ha="right", fontsize=8)
    return fig
