# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Topics: what the coverage is about, and how far to trust it
#
# A topic model finds groups of words that tend to occur in the same paragraphs. Each **topic** is a list
# of weighted terms; each **paragraph** gets a share of each topic. Here the model is fitted on the body
# paragraphs of the corpus (de-spun text, one copy per story unless `one_copy_per_story=False`), with
# NMF on tf-idf weights (or LDA on counts, `method="lda"`). Actor names from the gazetteer count as one
# term under their canonical name ("Blinken" → *antony blinken*), and word pairs that occur together far
# more often than chance are joined ("central asia", "collective security treaty organization").
#
# **One model per language.** Words of two languages never occur in the same paragraph, so one model over
# a corpus in two languages gives the larger language's topics and files the other language's paragraphs
# under whichever of them shares a name or a borrowed word with it. By default each language with at least
# 30 paragraphs gets a model of its own, with its own choice of k; topic ids run over all models, and a
# topic's label starts with its language ("ru: ...") when there are several. A language with fewer
# paragraphs is not modelled (the plan below says so): a model of it would be one article's vocabulary.
# `topics_language="all"` fits one model over every language; a code (`"ru"`) models that language only.
#
# **Paragraphs with no topic.** A paragraph's weights are read as shares of its topics. A paragraph whose
# words the topics barely reproduce (a caption, a one-off subject) would get a share near 1 of whichever
# topic has any weight at all; here it gets **no topic** instead, when the model reproduces less than a
# tenth of what it reproduces of typical paragraphs of the same length (its *fit*, in `paragraph_topics`).
# Such paragraphs are counted (`n_no_topic`) and left out of the prevalences.
#
# A topic model always returns topics, even from noise. Two numbers say how much a topic deserves:
#
# - **coherence** (NPMI, from −1 to 1): do the topic's top terms really occur in the same paragraphs of
#   *this* corpus? 0 means no more often than chance, 1 always together, −1 never.
# - **stability** (0 to 1): refit the model with other random seeds on 80% samples of the paragraphs,
#   match each topic to its closest counterpart (Hungarian method) and measure the overlap (Jaccard) of
#   their top terms. A topic that does not come back when the data are perturbed is an accident of one
#   run (Greene, O'Callaghan & Cunningham 2014).

# %% tags=["parameters"]
# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
one_copy_per_story: bool = True  # count each story once
text_column: str = "text"        # name of the text column when the corpus is one CSV/JSONL/Parquet file
method: str = "nmf"              # "nmf" (NMF on tf-idf) or "lda" (LDA on counts; needs thousands of paragraphs)
k: int = 0                       # number of topics; 0 chooses it by coherence and stability (k_min .. the grid's top)
k_min: int = 2                   # smallest number of topics tried
k_max: int = 40                  # largest number of topics tried: the grid stops at max(10, √documents), at most this
seed: int = 0                    # seed of the model; the stability reruns use seed+1 ... seed+n_reruns
n_reruns: int = 5                # reruns (other seeds, subsamples) that measure stability
subsample: float = 0.8           # share of paragraphs each rerun is fitted on
n_terms: int = 10                # top terms per topic (labels, coherence, stability)
min_stability: float = 0.5       # a k less stable than this is not chosen automatically
min_paragraphs_per_topic: int = 3  # k is at most the paragraphs with vocabulary terms divided by this
n_representatives: int = 3       # paragraphs shown per topic
topics_language: str = ""        # "": one model per language with enough paragraphs; "all": one model over every language; "ru", "en": that language only
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)

# %% tags=["nbval-ignore-output"]
import kzlib
from kzlib import plots

plots.setup_notebook(interactive=False)  # no searchable tables here: no itables JavaScript in the page
study = kzlib.open_study(run_dir, corpus=corpus, metadata=metadata, text_column=text_column,
                         one_copy_per_story=one_copy_per_story, method=method, k=k, k_min=k_min, k_max=k_max,
                         seed=seed, n_reruns=n_reruns, subsample=subsample, n_terms=n_terms,
                         min_stability=min_stability, min_paragraphs_per_topic=min_paragraphs_per_topic,
                         n_representatives=n_representatives, topics_language=topics_language)
plan = study.topic_plan.iloc[0]
chosen_k = int(plan["k"])

# %%
print(f"{plan['n_paragraphs']} body paragraphs from {plan['n_documents']} documents "
      f"({'one copy per story' if one_copy_per_story else 'every copy'}); method {method}; "
      f"language(s) modelled: {plan['languages'] or 'none'}; topics per model: {plan['k_by_language'] or 'none'}")

# %% [markdown]
# ## How much text is there?
#
# A topic model needs a vocabulary (words that occur in at least two paragraphs but not in most of them)
# and enough paragraphs for each topic to be more than one paragraph's words: k can be at most the
# number of paragraphs with a vocabulary term divided by `min_paragraphs_per_topic`. The k values the
# corpus cannot support are left out, and if none is left the sections below say so and are skipped.

# %%
print(plan["note"])
NO_MODEL = "No topic model was fitted because there is too little text (see above)"

# %% [markdown]
# ## The vocabulary: names and phrases
#
# Terms made of several words. *actor gazetteer*: a name from `kzlib/data/actors.yaml` (all its aliases and
# spellings are counted under this name); *collocation*: a word pair learned from this corpus (`count`:
# times it occurs; `npmi`: how much more often than chance its words occur side by side, up to 1). Terms
# in fewer than 2 paragraphs or in more than half of them are left out (`in_vocabulary`).

# %%
if study.topic_phrases.empty:
    print("No vocabulary could be built, so there is no phrase table.")
else:
    display(kzlib.show_table(study.topic_phrases, max_rows=max_rows))

# %% [markdown]
# ## How many topics?
#
# The k tried grow with the corpus: every k from `k_min` to 10 and, for a corpus of more than 100 documents,
# a coarse grid (every 5th k) up to √documents (35 for 1,200 documents; at most `k_max`), where a fixed 10
# would leave whole periods of a large corpus without a topic (the plan above lists the k tried). Above 10,
# the search stops after two k in a row that do not beat the best coherence + stability so far: each large
# k costs more than all the small ones together. Each k is fitted with the first seed and refitted with the
# others. How to read
# the curves: coherence (left) says whether the topics' top terms really occur together; stability (right)
# whether the topics come back on a rerun. Few topics are coarse but often stable; many topics are
# specific but often accidents of one run. The k chosen (marked) is the one with the highest
# coherence + stability among those at least `min_stability` stable, unless `k` is set. With one model per
# language, k is chosen for each language: each has its own curves, and its chosen k is a star.

# %%
selection = study.topic_k_selection
if len(selection):
    display(selection)
elif chosen_k:
    print(f"No k between k_min = {k_min} and k_max = {k_max} can be fitted; fitting the k = {k} asked for.")
else:
    print(f"{NO_MODEL}, so there is no choice of k.")

# %% tags=["nbval-ignore-output"]
if selection.empty:
    print(f"{NO_MODEL}, so there is no plot of coherence and stability by k.")
else:
    fig = plots.topics.k_selection(selection, chosen_k=chosen_k, min_stability=min_stability)
    kzlib.save_figure(fig, "05_choice_of_k", run_dir=run_dir)

# %% [markdown]
# ## The topics
#
# One row per topic, numbered by prevalence within its model (topic 0 is the largest of the first
# language's model). `language`: the model's language; `label`: its three top terms (after the language
# when there are several models); `language_shares` (a model over several languages only): where its weight
# comes from; `year_shares`: the publication years that give most of its weight (a topic of one era shows
# it here); `own_periods`: the publication periods whose own topic it is, with the evidence (the period gives
# it at least a third of its weight, or most occurrences of three of its top terms are the period's);
# `catch_all_for`: the parts of the corpus the topic absorbs without describing them, with the period's
# shares (see below; `catch_all` is True for such a topic, here and in the prevalence tables);
# `coherence` and `stability` as above, per topic; `prevalence`: its mean share of a paragraph;
# `n_paragraphs`: paragraphs where it is the largest share; `doc_concentration`: the share of its weight
# that comes from its largest document (near 1, the "topic" is one article's vocabulary). The verdict
# below the table is computed from these numbers: read *fragile* topics as a sketch, not as findings.

# %%
topics = study.topics
if not chosen_k:
    print(f"{NO_MODEL}, so there are no topics.")
else:
    display(kzlib.show_table(topics, max_rows=max_rows))

# %%
print(f"{NO_MODEL}, so there is nothing to judge." if not chosen_k else
      "\n\n".join(f"[{row.language or 'all languages'}] {row.verdict}" for row in study.topic_reliability.itertuples()))

# %% [markdown]
# The verdict then goes through the **publication periods** (dates more than 90 days apart split them),
# when a model covers several: a period has **no topic of its own** when less than half of its paragraphs
# have one of its own topics as heaviest topic (a topic is a period's own when the period gives it at least a
# third of its weight, or when three of its top terms occur mostly in the period's paragraphs, as a small
# period's names do). Its paragraphs then load on no topic or spread over other periods' topics; the
# verdict gives both shares, and each topic that is the heaviest of at least 15% of its paragraphs is a
# catch-all for it (a topic can be one period's own topic and a catch-all for another: the verdict says both).
# Periods of fewer than 20 paragraphs and undated documents are not judged.
#
# The verdict also names a **catch-all** topic: one that is the heaviest topic of most paragraphs of a
# publication year (or, in a model over several languages, of a language) that gives it little of its
# weight, when it does so for several years (a generic vocabulary such as "president / government /
# people" fits every subject about equally badly, so absorption alone decides) or, for a single year, when
# that year's paragraphs fit it worse than its other paragraphs, unless three of its top terms are that
# year's own words (then it is the year's topic, not a catch-all). Those paragraphs are about something no
# topic stands for; a stable topic can still be a catch-all. Below, the paragraphs by model language and status:
# `topic`, `no topic` (too little fit), `no vocabulary term`, `language not modelled`.

# %%
if not chosen_k:
    print(f"{NO_MODEL}, so no paragraph has a topic.")
else:
    display(study.paragraph_topics.groupby(["language", "status"]).size().rename("paragraphs").reset_index())

# %% [markdown]
# Agreement of each topic with its matched counterpart in each rerun (rows: the rerun's seed; columns:
# topics). A topic that scores high in every rerun is robust; one that scores high only sometimes
# depends on the seed.

# %%
if not chosen_k:
    print(f"{NO_MODEL}, so there are no reruns to compare.")
else:
    display(study.topic_runs.pivot(index="seed", columns="topic_id", values="agreement").round(2))

# %% [markdown]
# ## Top terms of each topic
#
# How to read it: each panel is a topic; bars are its top terms, longest = most characteristic. The title
# gives the language of its model, its coherence (C) and stability (S), as the caption under the panels
# says; a hatched panel is a catch-all topic. Weights are NMF loadings (or LDA probabilities): compare
# them within a panel, not across panels.

# %% tags=["nbval-ignore-output"]
if not chosen_k:
    print(f"{NO_MODEL}, so there are no top terms to plot.")
else:
    fig = plots.topics.top_terms(study.topic_terms, topics, method=method)
    kzlib.save_figure(fig, "05_top_terms", run_dir=run_dir)

# %% [markdown]
# ## Which outlet writes about what
#
# How to read it: rows are outlets, columns topics; a cell is the mean share of the topic in that
# outlet's paragraphs with a topic (each row sums to 1; a topic of another language's model counts 0).
# Compare along a row to see an outlet's emphasis, down a column to see who carries a topic. With one or
# two articles per outlet, a row describes those articles, not the outlet. Documents whose metadata give
# no outlet are no outlet: they are left out of the comparison and shown apart, below the figure. A hatched
# column is a catch-all topic: a high share there says the outlet's subject has no topic of its own, not
# that the outlet writes about the topic's terms.

# %% tags=["nbval-ignore-output"]
by_outlet = study.topic_prevalence_by_outlet
NOT_GIVEN = kzlib.corpus.OUTLET_NOT_GIVEN
outlets = sorted(set(by_outlet["outlet"]) - {NOT_GIVEN}) if chosen_k else []
if not chosen_k:
    print(f"{NO_MODEL}, so there is no prevalence by outlet.")
elif not outlets:
    print("No document names its outlet, so there is no comparison across outlets: "
          "the topics table above gives each topic's prevalence.")
elif len(outlets) < 2:
    print(f"Every paragraph comes from one outlet ({outlets[0]}), so there is no comparison across "
          "outlets: the topics table above gives each topic's prevalence.")
else:
    fig = plots.topics.prevalence_heatmap(by_outlet, "outlet", topics=topics, title="Topic prevalence by outlet",
                                          ylabel="outlet", cmap="Blues", max_rows=max_rows, apart=NOT_GIVEN)
    kzlib.save_figure(fig, "05_prevalence_by_outlet", run_dir=run_dir)

# %%
if chosen_k and NOT_GIVEN in set(by_outlet["outlet"]):
    print("Documents with no outlet in their metadata, apart from the comparison:")
    display(by_outlet[by_outlet["outlet"] == NOT_GIVEN].merge(topics[["topic_id", "label"]], on="topic_id"))

# %% [markdown]
# ## Topics over publication date
#
# How to read it: rows are publication dates (from the metadata), columns topics, cells the mean share of
# the topic in that period's paragraphs with a topic. Documents with no date (`date not given` in the
# saved table) are left out of the figure. `n_documents` per date is in the saved table: a day with one
# article shows that article's mix, not the day's news. Rows are periods in order, not a time scale: a red
# line marks two or more years between rows. A hatched column is a catch-all topic, as above.

# %% tags=["nbval-ignore-output"]
by_date = study.topic_prevalence_by_date
dates = sorted(set(by_date["published"]) - {kzlib.corpus.DATE_NOT_GIVEN}) if chosen_k else []
if not chosen_k:
    print(f"{NO_MODEL}, so there is no prevalence by date.")
elif not dates:
    print("No document has a publication date, so topics cannot be followed over time.")
elif len(dates) < 2:
    print(f"Every document was published on {dates[0]}, so topics cannot be followed over time.")
else:
    fig = plots.topics.prevalence_heatmap(by_date, "published", topics=topics,
                                          title="Topic prevalence by publication date",
                                          ylabel=f"published ({by_date['period'].iloc[0]})", cmap="Greens",
                                          max_rows=max_rows, apart=kzlib.corpus.DATE_NOT_GIVEN)
    kzlib.save_figure(fig, "05_prevalence_by_date", run_dir=run_dir)

# %% [markdown]
# ## Representative paragraphs
#
# For each topic, the paragraphs that load most on it (at most one per document while others remain), so
# a reader can check what the topic stands for in the text itself. They are ranked by `loading` (the
# absolute weight of the topic in the paragraph; its share, `weight`, is 1.0 for every paragraph with one
# topic, however little it says) among paragraphs of at least 12 words (`n_words`): a caption or a
# one-line signature is no example of a theme.

# %%
if not chosen_k:
    print(f"{NO_MODEL}, so there are no representative paragraphs.")
else:
    display(kzlib.show_table(study.topic_representatives.merge(topics[["topic_id", "label"]], on="topic_id")
                             [["topic_id", "label", "rank", "doc_id", "para_id", "weight", "loading", "text"]],
                             max_rows=max_rows, max_chars=300))

# %% [markdown]
# ## Saved tables
#
# With a `run_dir`: `topics` (topic_id, language, label, top_terms, coherence, prevalence, stability,
# n_paragraphs), `doc_topics` (doc_id, para_id, topic_id, weight; 0 for a paragraph with no topic),
# `paragraph_topics` (doc_id, para_id, n_terms, fit, topic_id, status, language), `topic_k_selection`,
# `topic_prevalence_by_outlet` and `topic_prevalence_by_date` (with `n_no_topic`), and
# `topic_representatives`.
