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
# # 03 · Voices: who is quoted, saying what
#
# Media researchers count voices: who gets quoted, how often, by which outlet. This notebook extracts
# every quotation from the body text and attributes it to a **canonical speaker** from the actor
# gazetteer (`kzlib/data/actors.yaml`), so that "Tokayev", "Kasim-Jomart Tokayev" and "Toqaev" count as
# one voice, and "Ned Worth" in a spun copy counts as Ned Price.
#
# Each row of the quote table is one quotation, of one `kind`:
#
# * **direct** — words in quotation marks (straight, curly or guillemets; over several paragraphs when a
#   paragraph opens a quote it does not close and the next one continues it);
# * **indirect** — reported speech ("X said that …", "X accused Washington of …", "According to X, …");
# * **interview** — dash-led answers of an interview, attributed to the answerer named after the first answer;
# * **question** — the interviewer's questions (not counted as speech);
# * **fragment** — scare quotes and short quoted terms ("terrorist gangs"): kept, but not counted as speech.
#
# The quoted words are cited from the source text; where a copy was de-spun by the provenance stage, the
# de-spun text is only used to *find* the speaker and the cue verb. `confidence` says how the speaker was
# found (a name next to a cue verb is surer than a pronoun or a speaker carried over from the previous
# paragraph); `method` says which rule found it.

# %% tags=["parameters"]
# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"       # text column when the corpus is one CSV/JSONL/Parquet file
one_copy_per_story: bool = True  # count each story once (its representative copy)
gazetteer: str = ""              # actors YAML (empty: the bundled kzlib/data/actors.yaml)
min_words: int = 5               # quoted spans shorter than this, not attributed as a full utterance, are fragments
top_n: int = 15                  # voices shown in the plots
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)
quotes_gold: str = ""            # gold-standard CSV to score against (empty: the seeds' own, when the corpus is the seeds)

# %% tags=["nbval-ignore-output"]
import kzlib
from kzlib import plots
from kzlib.quotes import SPEECH_KINDS

plots.setup_notebook()
study = kzlib.open_study(run_dir, corpus=corpus, metadata=metadata, text_column=text_column,
                         one_copy_per_story=one_copy_per_story, gazetteer=gazetteer, min_words=min_words,
                         quotes_gold=quotes_gold)
c, quotes = study.corpus, study.quotes

# %% [markdown]
# ## What was found
#
# Quotations by kind and document. Only `direct`, `indirect` and `interview` rows count as speech below.
# A corpus without quotations (or without attributed ones) is possible: each section then says what it
# skips, and why.

# %%
speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
if quotes.empty:
    print(f"No quotations were found in the {c.documents['doc_id'].nunique()} document(s), "
          "so there are no voices to count: the sections below are skipped.")
else:
    by_kind = quotes.pivot_table(index="doc_id", columns="kind", values="quote_id", aggfunc="count", fill_value=0)
    print(f"{len(quotes)} quoted spans, {len(speech)} of them speech, in {quotes['doc_id'].nunique()} document(s)")
    display(kzlib.show_table(by_kind.reset_index(), max_rows=max_rows))

# %% [markdown]
# ## Who is quoted, and how often
#
# One row per speaker. `n_quotes` counts quotations (in each story's representative copy when
# `one_copy_per_story` is on, so a story republished several times is counted once); `n_stories` counts
# the distinct stories in which the speaker is quoted, the fairer measure of how widely a voice is heard;
# `median_words` is the typical length of their quotations. A speaker not in the gazetteer appears under
# their name as written, with affiliation *unknown* (drawn as "not in gazetteer").
#
# A speaker that is only a description ("the company", "a spokesman", "officials", "analysts") names someone
# within one document: across documents, "the company" is twenty different companies. Such quotations
# (`speaker_resolution` = `description` in the quote table, and the rows that carry such a speaker on) are not
# counted as voices here, nor in the tables per outlet and per language; the count below says how many there are.

# %%
voices = study.voices
described = speech[speech["speaker"].isin(kzlib.framing.description_speakers(quotes))]
print(f"Quotations by a description, not counted as voices: {len(described)} "
      f"(in {described['doc_id'].nunique()} of {speech['doc_id'].nunique()} documents with speech).")
if voices.empty:
    print("No quotation is attributed to a speaker, so there is no table of voices.")
else:
    display(kzlib.show_table(voices, max_rows=max_rows))

# %% [markdown]
# ## Voices by affiliation
#
# How many quotations come from speakers of each country or bloc (bars), split by speaker. Where the
# gazetteer fits the corpus, the balance between the countries' voices can itself be a finding; read it
# with the number of stories in mind (a single interview can dominate a small corpus). A speaker the
# gazetteer does not list is drawn under **not in gazetteer**: that says nothing of the speaker, only of
# the gazetteer (the bundled one lists the actors of the January 2022 events in Kazakhstan). When most
# quotations come from such speakers the figure's title says so, and the bars compare few voices.

# %% tags=["nbval-ignore-output"]
if voices.empty:
    print("No quotation is attributed to a speaker, so there is no plot of voices by affiliation.")
else:
    fig = plots.voices.voices_by_affiliation(voices, top_n=top_n, one_copy_per_story=one_copy_per_story,
                                             n_described=len(described))
    kzlib.save_figure(fig, "voices_by_affiliation", run_dir=run_dir)
    plots.show(fig)

# %% [markdown]
# ## Per outlet and per story
#
# Which outlet quotes whom (all copies; the outlet is the original publisher from the metadata), and how
# many stories each voice appears in per outlet. Documents whose metadata names no outlet are no outlet:
# their rows come last, under "outlet not given".

# %%
per_outlet = study.voices_per_outlet
named_outlets = sorted(set(c.documents.loc[kzlib.corpus.outlet_given(c.documents["outlet"]), "outlet"]))
if not named_outlets:
    print("No document names its outlet (give a metadata file with an 'outlet' column), "
          "so voices are not broken down by outlet.")
elif per_outlet.empty:
    print("No quotation is attributed to a speaker, so there is no table of voices per outlet.")
else:
    if len(named_outlets) == 1:
        print(f"Every document with an outlet comes from one outlet ({named_outlets[0]}): nothing to compare across outlets.")
    display(kzlib.show_table(per_outlet, max_rows=max_rows))

# %% [markdown]
# ## Russian- and English-language coverage
#
# The same voices counted by the language of the article that quotes them (`documents.language`). A
# speaker is one canonical actor whatever the language: "Токаев", "Токаева" and "Tokayev" are one row
# per language. Which languages quote whom, and how often, is the comparison between Russian-language
# (Kazakh and Russian outlets) and English-language coverage.

# %%
per_language = study.voices_per_language
languages = sorted(set(c.documents["language"].fillna("und").astype(str)))
if per_language.empty:
    print("No quotation is attributed to a speaker, so there is no table of voices per language.")
else:
    if per_language["language"].nunique() == 1:
        print(f"Every attributed quotation comes from articles in one language ({per_language['language'].iloc[0]}; "
              f"the corpus's languages: {', '.join(languages)}): nothing to compare across languages.")
    display(kzlib.show_table(per_language, max_rows=max_rows))

# %% [markdown]
# ## Quote length
#
# Distribution of quotation length in words, by kind. Interview answers run long; indirect speech is
# usually a clause.

# %% tags=["nbval-ignore-output"]
if speech.empty:
    print("No quotation counts as speech, so there is no plot of quotation length.")
else:
    fig = plots.voices.quote_lengths(speech)
    kzlib.save_figure(fig, "quote_length", run_dir=run_dir)
    plots.show(fig)

# %%
if speech.empty:
    print("No quotation counts as speech, so there are no lengths to summarise.")
else:
    print(speech.groupby("kind")["n_words"].describe()[["count", "mean", "50%", "max"]].round(1).to_string())

# %% [markdown]
# ## The quote table
#
# Every row, speech or not, with its speaker, cue, kind and confidence. The table is searchable: type a
# speaker, a word of a quote or a kind in the search box, or in the box under a column to filter that
# column. In a notebook cell: `quotes[quotes.speaker == "Antony Blinken"]`; or open `tables/quotes.csv`
# of a run.

# %% tags=["nbval-ignore-output"]
if quotes.empty:
    print("No quotations were found, so the quote table is empty.")
else:
    plots.evidence_table(quotes[["doc_id", "quote_id", "kind", "speaker", "cue", "cited", "confidence", "quote"]])

# %% [markdown]
# ## How good is it? Scoring against a gold standard
#
# For the bundled seeds, `tests/data/quotes_gold.csv` lists every real quotation (152), annotated by
# reading the texts before the extractor existed: the document, a distinctive snippet, the canonical
# speaker and the kind. **Recall** is the share of gold quotations whose snippet lies inside an extracted
# speech row; **precision** the share of extracted speech rows that contain a gold snippet;
# **speaker accuracy** the share of found quotations attributed to the right canonical speaker. Published
# quote extractors reach about 84% F1 and 86% speaker accuracy on clean English news; these seeds are
# spun, machine-translated and interview copies. On a researcher's own corpus, pass a gold file of the
# same shape as `quotes_gold`.

# %%
scores, misses = study.quote_scores, study.quote_misses
if scores.empty:
    print("No gold standard for this corpus: scoring skipped.")
else:
    print(scores.round(3).to_string(index=False))

# %% [markdown]
# The gold quotations that were missed or given another speaker, to read by hand:

# %%
if scores.empty:
    print("No gold standard, so there are no misses to list.")
elif misses.empty:
    print("Every gold quotation was found and given the right speaker.")
else:
    display(kzlib.show_table(misses[["doc_id", "snippet", "gold_speaker", "found", "speaker", "kind"]],
                             max_rows=max_rows))

