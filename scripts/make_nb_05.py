"""Generate notebooks/05_topics.ipynb (then run `make notebooks` to fill in its outputs)."""


from nbformat.v4 import new_code_cell, new_markdown_cell

from _nbgen import write_notebook

IGNORE = {"tags": ["nbval-ignore-output"]}

cells = [
    new_markdown_cell("""# 05 · Topics: what the coverage is about, and how far to trust it

A topic model finds groups of words that tend to occur in the same paragraphs. Each **topic** is a list
of weighted terms; each **paragraph** gets a share of each topic. Here the model is fitted on the body
paragraphs of the corpus (de-spun text, one copy per story unless `one_copy_per_story=False`), with
NMF on tf-idf weights (or LDA on counts, `method="lda"`). Actor names from the gazetteer count as one
term under their canonical name ("Blinken" → *antony blinken*), and word pairs that occur together far
more often than chance are joined ("central asia", "collective security treaty organization").

A topic model always returns topics, even from noise. Two numbers say how much a topic deserves:

- **coherence** (NPMI, from −1 to 1): do the topic's top terms really occur in the same paragraphs of
  *this* corpus? 0 means no more often than chance, 1 always together, −1 never.
- **stability** (0 to 1): refit the model with other random seeds on 80% samples of the paragraphs,
  match each topic to its closest counterpart (Hungarian method) and measure the overlap (Jaccard) of
  their top terms. A topic that does not come back when the data are perturbed is an accident of one
  run (Greene, O'Callaghan & Cunningham 2014)."""),
    new_code_cell("""# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
one_copy_per_story: bool = True  # count each story once
text_column: str = "text"        # name of the text column when the corpus is one CSV/JSONL/Parquet file
method: str = "nmf"              # "nmf" (NMF on tf-idf) or "lda" (LDA on counts; needs thousands of paragraphs)
k: int = 0                       # number of topics; 0 chooses it from k_min..k_max by coherence and stability
k_min: int = 2                   # smallest number of topics tried
k_max: int = 10                  # largest number of topics tried
seed: int = 0                    # seed of the model; the stability reruns use seed+1 ... seed+n_reruns
n_reruns: int = 5                # reruns (other seeds, subsamples) that measure stability
subsample: float = 0.8           # share of paragraphs each rerun is fitted on
n_terms: int = 10                # top terms per topic (labels, coherence, stability)
min_stability: float = 0.5       # a k less stable than this is not chosen automatically
min_paragraphs_per_topic: int = 3  # k is at most the paragraphs with vocabulary terms divided by this
n_representatives: int = 3       # paragraphs shown per topic
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)""",
                  metadata={"tags": ["parameters"]}),
    new_code_cell("""import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

import kzlib
from kzlib import topics as kt
from kzlib.plots import setup_notebook

setup_notebook()
c = kzlib.prepare(corpus, metadata=metadata, text_column=text_column, cache_dir=run_dir)""", metadata=IGNORE),
    new_code_cell("""paras = kt.topic_paragraphs(c, one_copy_per_story=one_copy_per_story)
seeds = [seed + i for i in range(n_reruns + 1)]
print(f"{len(paras)} body paragraphs from {paras['doc_id'].nunique()} documents "
      f"({'one copy per story' if one_copy_per_story else 'every copy'}); method {method}")"""),
    new_markdown_cell("""## How much text is there?

A topic model needs a vocabulary (words that occur in at least two paragraphs but not in most of them)
and enough paragraphs for each topic to be more than one paragraph's words: k can be at most the
number of paragraphs with a vocabulary term divided by `min_paragraphs_per_topic`. The k values the
corpus cannot support are left out, and if none is left the sections below say so and are skipped."""),
    new_code_cell("""asked = set(range(k_min, k_max + 1)) | ({k} if k > 0 else set())
plan = kt.plan_topics(paras, ks=asked, min_paragraphs_per_topic=min_paragraphs_per_topic)
print(plan.describe())
candidate_ks = [x for x in plan.ks if k_min <= x <= k_max]
if k > 0 and k not in plan.ks and plan.ok:
    print(f"k = {k} was asked for, but this corpus supports at most {plan.max_k} topics: k is chosen from "
          f"{candidate_ks} instead.")
NO_MODEL = "No topic model was fitted because there is too little text (see above)"
"""),
    new_markdown_cell("""## The vocabulary: names and phrases

Terms made of several words. *actor gazetteer*: a name from `kzlib/data/actors.yaml` (all its aliases and
spellings are counted under this name); *collocation*: a word pair learned from this corpus (`count`:
times it occurs; `npmi`: how much more often than chance its words occur side by side, up to 1). Terms
in fewer than 2 paragraphs or in more than half of them are left out (`in_vocabulary`)."""),
    new_code_cell("""if plan.vectorizer is None:
    print("No vocabulary could be built, so there is no phrase table.")
else:
    vectorizer = plan.vectorizer
    print(f"{len(vectorizer.vocabulary_)} terms in the vocabulary")
    display(kzlib.show_table(vectorizer.phrases_, max_rows=max_rows))"""),
    new_markdown_cell("""## How many topics?

Every k from `k_min` to `k_max` is fitted with the first seed and refitted with the others. How to read
the curves: coherence (left) says whether the topics' top terms really occur together; stability (right)
whether the topics come back on a rerun. Few topics are coarse but often stable; many topics are
specific but often accidents of one run. The k chosen (marked) is the one with the highest
coherence + stability among those at least `min_stability` stable, unless `k` is set."""),
    new_code_cell("""selection, chosen_k = None, 0
if k > 0 and k in plan.ks:
    chosen_k = k
if candidate_ks:
    selection = kt.select_k(paras, ks=candidate_ks, seeds=seeds, method=method,
                            n_terms=n_terms, subsample=subsample, min_stability=min_stability)
    chosen_k = chosen_k or kt.best_k(selection, min_stability=min_stability)
    kzlib.save_table(selection, "topic_k_selection", run_dir=run_dir)
    display(selection)
elif chosen_k:
    print(f"No k between k_min = {k_min} and k_max = {k_max} can be fitted; fitting the k = {k} asked for.")
else:
    print(f"{NO_MODEL}, so there is no choice of k.")"""),
    new_code_cell("""if selection is None:
    print(f"{NO_MODEL}, so there is no plot of coherence and stability by k.")
else:
    fig, axes = plt.subplots(1, 2, figsize=(12, 4))
    axes[0].plot(selection["k"], selection["coherence"], marker="o", label="mean of the topics")
    axes[0].plot(selection["k"], selection["coherence_min"], marker=".", linestyle=":", label="least coherent topic")
    axes[0].set(title="Topic coherence by number of topics", xlabel="number of topics k",
                ylabel="NPMI coherence (−1 to 1)")
    axes[1].errorbar(selection["k"], selection["stability"], yerr=selection["stability_sd"], marker="o", capsize=3)
    axes[1].axhline(min_stability, color="grey", linestyle="--", linewidth=1, label=f"min_stability = {min_stability}")
    axes[1].set(title="Topic stability across reruns", xlabel="number of topics k",
                ylabel="agreement of top terms (Jaccard, 0 to 1)", ylim=(0, 1.05))
    for ax in axes:
        ax.axvline(chosen_k, color="#c0392b", linewidth=1, label=f"k = {chosen_k}")
        ax.legend(fontsize=8)
    fig.tight_layout()
    kzlib.save_figure(fig, "05_choice_of_k", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## The topics

One row per topic, numbered by prevalence (topic 0 is the largest). `label`: its three top terms;
`coherence` and `stability` as above, per topic; `prevalence`: its mean share of a paragraph;
`n_paragraphs`: paragraphs where it is the largest share; `doc_concentration`: the share of its weight
that comes from its largest document (near 1, the "topic" is one article's vocabulary). The verdict
below the table is computed from these numbers: read *fragile* topics as a sketch, not as findings."""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there are no topics.")
else:
    model = kt.TopicModel(k=chosen_k, method=method, seed=seed, n_terms=n_terms, stability_seeds=seeds[1:],
                          subsample=subsample).fit(paras)
    topics, doc_topics = model.topics_, model.doc_topics_
    kzlib.save_table(topics, "topics", run_dir=run_dir)
    kzlib.save_table(doc_topics, "doc_topics", run_dir=run_dir)
    display(kzlib.show_table(topics, max_rows=max_rows))"""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there is nothing to judge.")
else:
    print(kt.describe_reliability(model, min_stability=min_stability))"""),
    new_markdown_cell("""Agreement of each topic with its matched counterpart in each rerun (rows: the rerun's seed; columns:
topics). A topic that scores high in every rerun is robust; one that scores high only sometimes
depends on the seed."""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there are no reruns to compare.")
else:
    display(model.runs_.pivot(index="seed", columns="topic_id", values="agreement").round(2))"""),
    new_markdown_cell("""## Top terms of each topic

How to read it: each panel is a topic; bars are its top terms, longest = most characteristic. The title
gives its coherence (C) and stability (S). Weights are NMF loadings (or LDA probabilities): compare
them within a panel, not across panels."""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there are no top terms to plot.")
else:
    terms = model.term_weights(n_terms)
    ncols = 3
    nrows = int(np.ceil(chosen_k / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(14, 3.2 * nrows), squeeze=False)
    for ax, (tid, group) in zip(axes.flat, terms.groupby("topic_id")):
        row = topics.set_index("topic_id").loc[tid]
        ax.barh(group["term"][::-1], group["weight"][::-1], color=sns.color_palette("colorblind")[tid % 10])
        ax.set_title(f"Topic {tid}: C={row['coherence']:.2f}, S={row['stability']:.2f}", fontsize=10)
        ax.set_xlabel("weight in topic (" + ("NMF loading" if method == "nmf" else "probability") + ")")
        ax.tick_params(axis="y", labelsize=8)
    for ax in list(axes.flat)[chosen_k:]:
        ax.axis("off")
    fig.suptitle("Top terms per topic", fontweight="bold")
    fig.tight_layout()
    kzlib.save_figure(fig, "05_top_terms", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## Which outlet writes about what

How to read it: rows are outlets, columns topics; a cell is the mean share of the topic in that
outlet's paragraphs (each row sums to 1). Compare along a row to see an outlet's emphasis, down a
column to see who carries a topic. With one or two articles per outlet, a row describes those
articles, not the outlet."""),
    new_code_cell("""def prevalence_heatmap(table, by, *, title, ylabel, cmap):
    # heatmap of a topic_prevalence table: at most max_rows groups, those with most paragraphs
    sizes = table.drop_duplicates(by).set_index(by)["n_paragraphs"]
    keep = sorted(sizes.sort_values(ascending=False, kind="stable").index[:max_rows])
    if len(sizes) > max_rows:
        title += f" ({max_rows} of {len(sizes)} with most paragraphs)"
    grid = (table[table[by].isin(keep)].pivot(index=by, columns="topic_id", values="prevalence")
            .rename(columns=topic_names))
    fig, ax = plt.subplots(figsize=(min(4 + 1.3 * chosen_k, 18), 1.2 + 0.6 * len(grid)))
    sns.heatmap(grid, annot=True, fmt=".2f", cmap=cmap, vmin=0, cbar_kws={"label": "mean share of paragraph"}, ax=ax)
    ax.set(title=title, xlabel="topic", ylabel=ylabel)
    ax.set_xticklabels(ax.get_xticklabels(), rotation=30, ha="right", fontsize=8)
    return fig


if not chosen_k:
    print(f"{NO_MODEL}, so there is no prevalence by outlet.")
else:
    topic_names = {t: f"{t}: {lab}" for t, lab in zip(topics["topic_id"], topics["label"])}
    by_outlet = kt.topic_prevalence(doc_topics, c.documents, by="outlet")
    kzlib.save_table(by_outlet, "topic_prevalence_by_outlet", run_dir=run_dir)
    outlets = sorted(by_outlet["outlet"].unique())
    if outlets == ["(unknown)"]:
        print("No document names its outlet, so there is no comparison across outlets: "
              "the topics table above gives each topic's prevalence.")
    elif len(outlets) < 2:
        print(f"Every paragraph comes from one outlet ({outlets[0]}), so there is no comparison across "
              "outlets: the topics table above gives each topic's prevalence.")
    else:
        fig = prevalence_heatmap(by_outlet, "outlet", title="Topic prevalence by outlet", ylabel="outlet",
                                 cmap="Blues")
        kzlib.save_figure(fig, "05_prevalence_by_outlet", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## Topics over publication date

How to read it: rows are publication dates (from the metadata; `(unknown)` where a copy carries no
date), columns topics, cells the mean share of the topic in that day's paragraphs. `n_documents` per
date is in the saved table: a day with one article shows that article's mix, not the day's news."""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there is no prevalence by date.")
else:
    by_date = kt.topic_prevalence(doc_topics, c.documents, by="published")
    kzlib.save_table(by_date, "topic_prevalence_by_date", run_dir=run_dir)
    dates = sorted(set(by_date["published"]) - {"(unknown)"})
    if not dates:
        print("No document has a publication date, so topics cannot be followed over time.")
    elif by_date["published"].nunique() < 2:
        print(f"Every document was published on {dates[0]}, so topics cannot be followed over time.")
    else:
        fig = prevalence_heatmap(by_date, "published", title="Topic prevalence by publication date",
                                 ylabel="published (date)", cmap="Greens")
        kzlib.save_figure(fig, "05_prevalence_by_date", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## Representative paragraphs

For each topic, the paragraphs where it weighs most (at most one per document while others remain), so
a reader can check what the topic stands for in the text itself. `weight` is the topic's share of the
paragraph."""),
    new_code_cell("""if not chosen_k:
    print(f"{NO_MODEL}, so there are no representative paragraphs.")
else:
    reps = model.representatives(n_representatives)
    kzlib.save_table(reps, "topic_representatives", run_dir=run_dir)
    display(kzlib.show_table(reps.merge(topics[["topic_id", "label"]], on="topic_id")
                             [["topic_id", "label", "rank", "doc_id", "para_id", "weight", "text"]],
                             max_rows=max_rows, max_chars=300))"""),
    new_markdown_cell("""## Saved tables

With a `run_dir`: `topics` (topic_id, label, top_terms, coherence, prevalence, stability, n_paragraphs),
`doc_topics` (doc_id, para_id, topic_id, weight), `topic_k_selection`, `topic_prevalence_by_outlet`,
`topic_prevalence_by_date` and `topic_representatives`."""),
]

write_notebook(cells, "05_topics.ipynb")
