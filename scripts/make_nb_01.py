"""Generate notebooks/01_corpus.ipynb (then run `make notebooks` to fill in its outputs)."""


from nbformat.v4 import new_code_cell, new_markdown_cell

from _nbgen import write_notebook

IGNORE = {"tags": ["nbval-ignore-output"]}

cells = [
    new_markdown_cell("""# 01 · The corpus and what cleaning did

This notebook loads the corpus, cleans it, and shows **what is in it** (documents per outlet and date,
words per document) and **what cleaning removed and why**. Every later notebook reads the same cleaned
tables, so this is the place to check that nothing was lost or kept by mistake.

A web copy of a news article carries more than the article: a blog's comment prompt, an aggregator's
footer, photo captions (sometimes twice), photo credits, keyword tag lines, datelines. Cleaning labels
each paragraph with a *kind* — `body`, `title`, `dateline`, `caption`, `credit`, `tags`, `boilerplate` —
and only body paragraphs are analysed. Nothing is deleted: every relabelled or repeated paragraph is
listed below with the rule that caught it."""),
    new_code_cell("""# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""        # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""      # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""       # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"  # name of the text column when the corpus is one CSV/JSONL/Parquet file
max_rows: int = 40      # rows shown of long tables (the saved tables are complete)""", metadata={"tags": ["parameters"]}),
    new_code_cell("""import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

import kzlib
from kzlib.plots import setup_notebook

setup_notebook()
c = kzlib.prepare(corpus, metadata=metadata, text_column=text_column, cache_dir=run_dir, progress=True)""", metadata=IGNORE),
    new_markdown_cell("""## The documents

One row per document. `published` is the date analyses use; `date_certainty` says how it is known
(`exact`; `on-or-after`: the earliest possible date; `copy-date`: the date of this copy, the original is
earlier; `unknown`). `n_words` counts body words after cleaning. `version` and `story_id` come from the
provenance stage (notebook 02)."""),
    new_code_cell("""docs = c.documents
print(f"{len(docs)} documents, {docs['n_words'].sum():,} body words, "
      f"{docs['outlet'].replace('', 'unknown').nunique()} outlets, {len(c.skipped)} files skipped")
kzlib.show_table(docs[["doc_id", "title", "outlet", "site", "published", "date_certainty", "language",
                       "n_words", "version", "story_id"]], max_rows=max_rows)"""),
    new_markdown_cell("""Files that could not be read (empty, binary, not a corpus file type) are listed here rather than
dropped in silence."""),
    new_code_cell("""kzlib.show_table(c.skipped, max_rows=max_rows) if len(c.skipped) else print("No file was skipped.")"""),
    new_markdown_cell("""## Documents per outlet and date

How to read it: each bar is an outlet, split by publication date. A corpus dominated by one outlet or
one day says more about the collection than about the coverage."""),
    new_code_cell("""dated = docs.assign(outlet=docs["outlet"].replace("", "unknown"),
                   published=docs["published"].replace("", "unknown"))
if dated["published"].nunique() > 12:  # many days: count by month so the chart stays readable
    dated["published"] = dated["published"].str[:7]
top_outlets = dated["outlet"].value_counts().index[:20]
by_outlet = (dated[dated["outlet"].isin(top_outlets)]
             .pivot_table(index="outlet", columns="published", values="doc_id", aggfunc="count", fill_value=0))
by_outlet"""),
    new_code_cell("""fig, axes = plt.subplots(1, 2, figsize=(13, max(3.0, 1.2 + 0.35 * min(len(docs), 30))))
by_outlet.plot.barh(stacked=True, ax=axes[0], colormap="viridis", legend=by_outlet.shape[1] <= 15)
axes[0].set(title="Documents per outlet and publication date", xlabel="documents (count)", ylabel="outlet")
if by_outlet.shape[1] <= 15:
    axes[0].legend(title="published", fontsize=8)
axes[0].xaxis.set_major_locator(MaxNLocator(integer=True))
if len(docs) <= 30:
    words = docs.set_index("doc_id")["n_words"].sort_values()
    axes[1].barh(words.index, words.values, color="#2c6fbb")
    axes[1].set(title="Body words per document (after cleaning)", xlabel="words (count)", ylabel="document")
else:
    axes[1].hist(docs["n_words"], bins=40, color="#2c6fbb")
    axes[1].set(title="Body words per document (after cleaning)", xlabel="words (count)",
                ylabel="documents (count)")
fig.tight_layout()
kzlib.save_figure(fig, "01_documents_per_outlet", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## What cleaning did

Per document, the paragraphs of each kind. Then the **removal log**: every paragraph that is not analysed
as body text, with the rule that caught it. Repeats (a caption printed twice, say) keep their kind and
point at the first copy."""),
    new_code_cell("""kinds = pd.crosstab(c.paragraphs["doc_id"], c.paragraphs["kind"]).reindex(
    columns=list(kzlib.PARAGRAPH_KINDS), fill_value=0)
kinds"""),
    new_code_cell("""kzlib.show_table(c.removals, max_rows=max_rows)"""),
    new_code_cell("""para_words = c.paragraphs.assign(words=c.paragraphs["text"].str.split().str.len(),
                                 kind=lambda d: d["kind"].where(d["duplicate_of"] < 0, "repeat"))
removed = (para_words[para_words["kind"] != "body"]
           .pivot_table(index="doc_id", columns="kind", values="words", aggfunc="sum", fill_value=0)
           .reindex(c.documents["doc_id"], fill_value=0))
totals = removed.sum(axis=1).sort_values(kind="stable")
removed = removed.loc[totals[totals > 0].index[-30:]]  # at most 30 documents: those with most set aside
if removed.empty:
    print("Cleaning set nothing aside: every paragraph of every document is body text.")
else:
    fig, ax = plt.subplots(figsize=(10, 0.8 + 0.45 * len(removed)))
    removed.plot.barh(stacked=True, ax=ax, colormap="tab10")
    ax.set(title="Words set aside by cleaning, per document and paragraph kind", xlabel="words (count)",
           ylabel="document")
    ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    kzlib.save_figure(fig, "01_removed_by_kind", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## Sentences

Sentences come from NLTK's Punkt, trained on this corpus plus a list of abbreviations, so that "U.S.",
"Jan. 7" and "Mr." do not end a sentence. The count per document, and the sentences that contain an
abbreviation, so a reader can check the splits."""),
    new_code_cell("""per_doc = c.sentences.groupby("doc_id").size().rename("sentences").to_frame()
per_doc["words per sentence"] = (c.sentences.assign(w=c.sentences["text"].str.split().str.len())
                                 .groupby("doc_id")["w"].mean().round(1))
per_doc"""),
    new_code_cell("""abbrev = c.sentences[c.sentences["text"].str.contains(r"\\b(?:U\\.S\\.|Mr\\.|Dr\\.|Jan\\.)", regex=True)]
kzlib.show_table(abbrev[["doc_id", "sentence_id", "text"]], max_rows=8)"""),
    new_markdown_cell("""## Saved tables

With a `run_dir`, the tables are saved under `tables/`: `documents` (without the raw text),
`paragraphs`, `sentences`, `removals` and `skipped`."""),
    new_code_cell("""for name, table in {"documents": docs.drop(columns=["text"]), "paragraphs": c.paragraphs,
                    "sentences": c.sentences, "removals": c.removals, "skipped": c.skipped}.items():
    kzlib.save_table(table, name, run_dir=run_dir)"""),
]

write_notebook(cells, "01_corpus.ipynb")
