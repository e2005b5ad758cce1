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


#: What the top-terms panels' "C=" and "S=" stand for (the figure's caption).
CS_CAPTION = ("C = coherence: NPMI of the topic's top terms over the corpus's paragraphs (−1 to 1; 0 = they occur "
              "together as often as by chance). S = stability: mean agreement (Jaccard, 0 to 1) of its top terms with "
              "its matched topic in each rerun on a subsample.")
#: Hatching of a catch-all topic in the prevalence heatmaps and its panel title.
CATCH_ALL_HATCH = "///"


def _is_catch_all(topics: pd.DataFrame) -> dict[int, bool]:
    """topic_id -> whether the topics table marks it a catch-all (column ``catch_all``, else a non-empty
    ``catch_all_for``; neither: no topic is)."""
    if "catch_all" in topics.columns:
        flags = topics["catch_all"].fillna(False).astype(bool)
    elif "catch_all_for" in topics.columns:
        flags = topics["catch_all_for"].fillna("").astype(str) != ""
    else:
        flags = pd.Series(False, index=topics.index)
    return {int(t): bool(f) for t, f in zip(topics["topic_id"], flags)}


def top_terms(terms: pd.DataFrame, topics: pd.DataFrame, *, method: str = "nmf") -> Any:
    """One panel per topic: its top terms by weight, titled with the topic's model language (column
    ``language``, when given), its coherence (C) and stability (S), and "catch-all" where the topics table
    marks it so (from ``topic_terms`` and ``topics``). A caption under the panels says what C and S are.

    Example:
        >>> terms = pd.DataFrame({"topic_id": [0, 0], "term": ["a", "b"], "weight": [0.5, 0.2]})
        >>> tops = pd.DataFrame({"topic_id": [0], "coherence": [0.1], "stability": [0.8], "language": ["ru"]})
        >>> fig = top_terms(terms, tops)
        >>> fig.axes[0].get_xlabel(), fig.axes[0].get_title()
        ('weight in topic (NMF loading)', 'Topic 0 (ru): C=0.10, S=0.80')
        >>> any("C = coherence" in t.get_text() for t in fig.texts)
        True
    """
    import textwrap

    import seaborn as sns

    k = int(topics["topic_id"].nunique())
    ncols = 3
    nrows = max(int(np.ceil(k / ncols)), 1)
    fig, axes = figure(nrows, ncols, figsize=(14, 3.2 * nrows + 0.6), squeeze=False)
    by_id = topics.set_index("topic_id")
    catch_all = _is_catch_all(topics)
    for ax, (tid, group) in zip(axes.flat, terms.groupby("topic_id")):
        row = by_id.loc[tid]
        language = str(row["language"]) if "language" in by_id.columns and str(row.get("language") or "") else ""
        name = f"Topic {tid}" + (f" ({language})" if language else "")
        flag = ", catch-all" if catch_all.get(int(tid)) else ""
        ax.barh(group["term"][::-1], group["weight"][::-1], color=sns.color_palette("colorblind")[tid % 10],
                hatch=CATCH_ALL_HATCH if flag else None)
        ax.set_title(f"{name}: C={row['coherence']:.2f}, S={row['stability']:.2f}{flag}", fontsize=10)
        ax.set_xlabel("weight in topic (" + ("NMF loading" if method == "nmf" else "probability") + ")")
        ax.set_ylabel("term")
        ax.tick_params(axis="y", labelsize=8)
    for ax in list(axes.flat)[k:]:
        ax.axis("off")
    fig.suptitle("Top terms per topic", fontweight="bold")
    caption = CS_CAPTION
    if any(catch_all.values()):
        caption += (" Hatched, \"catch-all\": a topic that is the heaviest of most paragraphs of parts of the corpus "
                    "it does not describe (topics table, catch_all_for).")
    fig.text(0.5, 0.005, "\n".join(textwrap.wrap(caption, 160)), ha="center", va="bottom", fontsize=8)
    fig.tight_layout(rect=(0, 0.55 / (3.2 * nrows + 0.6), 1, 1))
    return fig


def _year_gaps(periods: list[str], *, min_years: int = 2) -> list[int]:
    """Row positions (1 = after the first period) where consecutive periods ("1998-Q3", "2016-03", "2016")
    lie at least ``min_years`` calendar years apart.

    Example:
        >>> _year_gaps(["1991-Q4", "1998-Q3", "1999-Q1", "2016-Q1"])
        [1, 3]
    """
    years = [int(p[:4]) if p[:4].isdigit() else -1 for p in periods]
    return [i + 1 for i in range(len(years) - 1) if min(years[i], years[i + 1]) >= 0 and years[i + 1] - years[i] >= min_years]


def prevalence_heatmap(table: pd.DataFrame, by: str, *, topics: pd.DataFrame, title: str, ylabel: str,
                       cmap: str = "Blues", max_rows: int = 40, apart: str | None = None) -> Any:
    """Mean share of each topic in the paragraphs (with a topic) of each ``by`` group (a ``topic_prevalence``
    table): at most ``max_rows`` groups, those with most paragraphs; columns named by the topics' labels.
    The group ``apart`` (documents with no outlet, or no date: no group of the comparison) and groups none
    of whose paragraphs has a topic are left out, and the title says how many paragraphs that leaves out.
    A catch-all topic (``topics``' ``catch_all`` or ``catch_all_for``) is hatched and its label says so: its
    shares say which paragraphs it absorbs, not what they are about. With ``by="published"``, a red line
    marks where consecutive rows lie two or more years apart (the rows are periods, not a time scale).

    Example:
        >>> t = pd.DataFrame({"outlet": ["A", "A", "outlet not given", "outlet not given"], "topic_id": [0, 1, 0, 1],
        ...                   "prevalence": [0.7, 0.3, 0.5, 0.5], "n_paragraphs": [5, 5, 9, 9]})
        >>> tops = pd.DataFrame({"topic_id": [0, 1], "label": ["x", "y"], "catch_all_for": ["publication year 1998", ""]})
        >>> fig = prevalence_heatmap(t, "outlet", topics=tops, title="t", ylabel="outlet", apart="outlet not given")
        >>> fig.axes[0].get_ylabel(), [x.get_text() for x in fig.axes[0].get_yticklabels()]
        ('outlet', ['A'])
        >>> "9 paragraphs of outlet not given left out" in fig.axes[0].get_title()
        True
        >>> [x.get_text() for x in fig.axes[0].get_xticklabels()]
        ['0: x (catch-all)', '1: y']
    """
    import seaborn as sns
    from matplotlib.patches import Patch, Rectangle

    catch_all = _is_catch_all(topics)
    names = {t: f"{t}: {lab}" + (" (catch-all)" if catch_all.get(int(t)) else "")
             for t, lab in zip(topics["topic_id"], topics["label"])}
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
    handles: list[Any] = []
    hatched = [i for i, col in enumerate(grid.columns) if str(col).endswith("(catch-all)")]
    for i in hatched:
        ax.add_patch(Rectangle((i, 0), 1, len(grid), fill=False, hatch=CATCH_ALL_HATCH, edgecolor="#555555",
                               linewidth=2))
    if hatched:
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch=CATCH_ALL_HATCH,
                             label="catch-all topic: absorbs paragraphs it does not describe (catch_all_for)"))
    if by == "published":
        gaps = _year_gaps([str(x) for x in grid.index])
        for y in gaps:
            ax.axhline(y, color="#c0392b", linewidth=2.5)
        if gaps:
            from matplotlib.lines import Line2D
            handles.append(Line2D([], [], color="#c0392b", linewidth=2.5, label="2 or more years between rows"))
    ax.set(title=title, xlabel="topic", ylabel=ylabel)
    ax.set_xticklabels(ax.get_xticklabels(), rotation=30, ha="right", fontsize=8)
    fig.tight_layout()  # the rotated topic labels inside the figure, so that the legend can hang below it
    if handles:  # (saved figures are cut to fit their artists, the legend included)
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.01, 0.0), fontsize=8, frameon=False)
    return fig
