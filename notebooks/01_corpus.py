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
# # 01 · The corpus and what cleaning did
#
# This notebook loads the corpus, cleans it, and shows **what is in it** (documents per outlet and date,
# words per document) and **what cleaning removed and why**. Every later notebook reads the same cleaned
# tables, so this is the place to check that nothing was lost or kept by mistake.
#
# A web copy of a news article carries more than the article: a blog's comment prompt, an aggregator's
# footer, photo captions (sometimes twice), photo credits, keyword tag lines, datelines. Cleaning labels
# each paragraph with a *kind* — `body`, `title`, `dateline`, `caption`, `credit`, `tags`, `boilerplate`,
# `post` — and only body paragraphs are analysed as the article's text. An embedded post (a tweet in the
# page) is no part of the article, but its words are its author's: they become a `post` row of the quotes
# table. Nothing is deleted: every relabelled or repeated paragraph is listed below with the rule that caught it.

# %% tags=["parameters"]
# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""        # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""      # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""       # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"  # name of the text column when the corpus is one CSV/JSONL/Parquet file
max_rows: int = 40      # rows shown of long tables (the saved tables are complete)

# %% tags=["nbval-ignore-output"]
import kzlib
from kzlib import plots

plots.setup_notebook(interactive=False)  # no searchable tables here: no itables JavaScript in the page
# the run's study: every notebook reads its tables, each stage computed once (kzlib/stages.py)
study = kzlib.open_study(run_dir, corpus=corpus, metadata=metadata, text_column=text_column)
c = study.corpus

# %% [markdown]
# ## The documents
#
# One row per document. `published` is the date analyses use; `date_certainty` says how it is known
# (`exact`; `on-or-after`: the earliest possible date; `copy-date`: the date of this copy, the original is
# earlier; `unknown`). `n_words` counts body words after cleaning. `version` and `story_id` come from the
# provenance stage (notebook 02).

# %%
docs = c.documents
named = kzlib.corpus.outlet_given(docs["outlet"])
print(f"{len(docs)} documents, {docs['n_words'].sum():,} body words, {docs.loc[named, 'outlet'].nunique()} outlets"
      + (f" ({int((~named).sum())} documents whose metadata names no outlet)" if not named.all() else "")
      + f", {len(c.skipped)} files skipped")
kzlib.show_table(docs[["doc_id", "title", "outlet", "site", "published", "date_certainty", "language",
                       "n_words", "version", "story_id"]], max_rows=max_rows)

# %% [markdown]
# Files that could not be read (empty, binary, not a corpus file type) are listed here rather than
# dropped in silence.

# %%
kzlib.show_table(c.skipped, max_rows=max_rows) if len(c.skipped) else print("No file was skipped.")

# %% [markdown]
# ## Documents per outlet and date
#
# How to read it: each bar is an outlet, split by publication date (colours from the earliest to the latest
# date, grey for documents without one), with its number of documents at its end. A corpus dominated by one
# outlet or one day says more about the collection than about the coverage. Documents whose metadata names no
# outlet (empty, or written "unknown", "nan", "none") are no outlet: they are drawn apart, below a line, as
# "outlet not given" (in the table, the row of that name).

# %%
study.documents_by_outlet

# %% tags=["nbval-ignore-output"]
fig = plots.corpus.documents_per_outlet(study.documents_by_outlet, docs)
kzlib.save_figure(fig, "01_documents_per_outlet", run_dir=run_dir)

# %% [markdown]
# ## What cleaning did
#
# Per document, the paragraphs of each kind. Then the **removal log**: every paragraph that is not analysed
# as body text, with the rule that caught it. Repeats (a caption printed twice, say) keep their kind and
# point at the first copy.

# %%
study.paragraph_kinds

# %%
kzlib.show_table(c.removals, max_rows=max_rows)

# %% tags=["nbval-ignore-output"]
if study.words_set_aside.drop(columns="doc_id").to_numpy().sum() == 0:
    print("Cleaning set nothing aside: every paragraph of every document is body text.")
else:
    fig = plots.corpus.words_set_aside(study.words_set_aside, max_docs=30)
    kzlib.save_figure(fig, "01_removed_by_kind", run_dir=run_dir)

# %% [markdown]
# ## Sentences
#
# Sentences come from NLTK's Punkt, trained on this corpus plus a list of abbreviations, so that "U.S.",
# "Jan. 7" and "Mr." do not end a sentence. The count per document, and the sentences that contain one of
# those abbreviations (`kzlib/data/abbreviations.txt`), so a reader can check the splits.

# %%
study.sentences_per_document

# %%
kzlib.show_table(study.abbreviation_sentences, max_rows=8)

# %% [markdown]
# ## Saved tables
#
# With a `run_dir`, the study saves every table it computes under `tables/` (once per run): here
# `documents` (without the raw text), `paragraphs`, `sentences`, `removals` and `skipped`, and the
# summaries above (`documents_by_outlet`, `paragraph_kinds`, `words_set_aside`, `sentences_per_document`,
# `abbreviation_sentences`).
