"""Generate notebooks/03_voices.ipynb (then `python scripts/refresh_notebooks.py notebooks/03_voices.ipynb`)."""


from nbformat.v4 import new_code_cell, new_markdown_cell

from _nbgen import write_notebook

IGNORE = {"tags": ["nbval-ignore-output"]}

cells = [
    new_markdown_cell("""# 03 · Voices: who is quoted, saying what

Media researchers count voices: who gets quoted, how often, by which outlet. This notebook extracts
every quotation from the body text and attributes it to a **canonical speaker** from the actor
gazetteer (`kzlib/data/actors.yaml`), so that "Tokayev", "Kasim-Jomart Tokayev" and "Toqaev" count as
one voice, and "Ned Worth" in a spun copy counts as Ned Price.

Each row of the quote table is one quotation, of one `kind`:

* **direct** — words in quotation marks (straight, curly or guillemets; over several paragraphs when a
  paragraph opens a quote it does not close and the next one continues it);
* **indirect** — reported speech ("X said that …", "X accused Washington of …", "According to X, …");
* **interview** — dash-led answers of an interview, attributed to the answerer named after the first answer;
* **question** — the interviewer's questions (not counted as speech);
* **fragment** — scare quotes and short quoted terms ("terrorist gangs"): kept, but not counted as speech.

The quoted words are cited from the source text; where a copy was de-spun by the provenance stage, the
de-spun text is only used to *find* the speaker and the cue verb. `confidence` says how the speaker was
found (a name next to a cue verb is surer than a pronoun or a speaker carried over from the previous
paragraph); `method` says which rule found it."""),
    new_code_cell("""# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"       # text column when the corpus is one CSV/JSONL/Parquet file
one_copy_per_story: bool = True  # count each story once (its representative copy)
gazetteer: str = ""              # actors YAML (empty: the bundled kzlib/data/actors.yaml)
min_words: int = 5               # quoted spans shorter than this, not attributed as a full utterance, are fragments
top_n: int = 15                  # voices shown in the plots
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)
quotes_gold: str = ""            # gold-standard CSV to score against (empty: the seeds' own, when the corpus is the seeds)""",
                  metadata={"tags": ["parameters"]}),
    new_code_cell("""from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import kzlib
from kzlib.actors import Gazetteer
from kzlib.plots import setup_notebook
from kzlib.quotes import SPEECH_KINDS, evaluate_quotes, extract_quotes, match_gold, voice_counts

setup_notebook()
c = kzlib.prepare(corpus, metadata=metadata, text_column=text_column, cache_dir=run_dir)
actors = Gazetteer.from_yaml(gazetteer or None)
quotes = extract_quotes(c.paragraphs, actors=actors, documents=c.documents, min_words=min_words)
kzlib.save_table(quotes, "quotes", run_dir=run_dir)""", metadata=IGNORE),
    new_markdown_cell("""## What was found

Quotations by kind and document. Only `direct`, `indirect` and `interview` rows count as speech below.
A corpus without quotations (or without attributed ones) is possible: each section then says what it
skips, and why."""),
    new_code_cell("""speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
if quotes.empty:
    print(f"No quotations were found in the {c.documents['doc_id'].nunique()} document(s), "
          "so there are no voices to count: the sections below are skipped.")
else:
    by_kind = quotes.pivot_table(index="doc_id", columns="kind", values="quote_id", aggfunc="count", fill_value=0)
    print(f"{len(quotes)} quoted spans, {len(speech)} of them speech, in {quotes['doc_id'].nunique()} document(s)")
    display(kzlib.show_table(by_kind.reset_index(), max_rows=max_rows))"""),
    new_markdown_cell("""## Who is quoted, and how often

One row per speaker. `n_quotes` counts quotations (in each story's representative copy when
`one_copy_per_story` is on, so a story republished several times is counted once); `n_stories` counts
the distinct stories in which the speaker is quoted, the fairer measure of how widely a voice is heard;
`median_words` is the typical length of their quotations. A speaker not in the gazetteer appears under
their name as written, with affiliation *unknown*."""),
    new_code_cell("""voices = voice_counts(quotes, c.documents, one_copy_per_story=one_copy_per_story)
kzlib.save_table(voices, "voices", run_dir=run_dir)
if voices.empty:
    print("No quotation is attributed to a speaker, so there is no table of voices.")
else:
    display(kzlib.show_table(voices, max_rows=max_rows))"""),
    new_markdown_cell("""## Voices by affiliation

How many quotations come from speakers of each country or bloc (bars), split by speaker. In coverage
of this crisis, the balance between Russian, Kazakh, US and Chinese voices is itself a finding: read it
with the number of stories in mind (a single interview can dominate a small corpus)."""),
    new_code_cell("""top = voices.head(top_n)
if top.empty:
    print("No quotation is attributed to a speaker, so there is no plot of voices by affiliation.")
else:
    pivot = top.pivot_table(index="affiliation", columns="speaker", values="n_quotes", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(pivot) + 2))
    pivot.plot.barh(stacked=True, ax=ax, legend=True, width=0.7)
    ax.set_xlabel("quotations (count" + (", one copy per story)" if one_copy_per_story else ", all copies)"))
    ax.set_ylabel("speaker's affiliation")
    ax.set_title(f"Who is quoted: the {len(top)} most-quoted voices by affiliation")
    ax.legend(title="speaker", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    kzlib.save_figure(fig, "voices_by_affiliation", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_markdown_cell("""## Per outlet and per story

Which outlet quotes whom (all copies; the outlet is the original publisher from the metadata), and how
many stories each voice appears in per outlet."""),
    new_code_cell("""per_outlet = voice_counts(quotes, c.documents, by=["outlet", "speaker"], one_copy_per_story=False)
kzlib.save_table(per_outlet, "voices_per_outlet", run_dir=run_dir)
named_outlets = sorted(set(c.documents["outlet"].fillna("").astype(str)) - {""})
if not named_outlets:
    print("No document names its outlet (give a metadata file with an 'outlet' column), "
          "so voices are not broken down by outlet.")
elif per_outlet.empty:
    print("No quotation is attributed to a speaker, so there is no table of voices per outlet.")
else:
    if len(named_outlets) == 1:
        print(f"Every document with an outlet comes from one outlet ({named_outlets[0]}): nothing to compare across outlets.")
    display(kzlib.show_table(per_outlet, max_rows=max_rows))"""),
    new_markdown_cell("""## Quote length

Distribution of quotation length in words, by kind. Interview answers run long; indirect speech is
usually a clause."""),
    new_code_cell("""if speech.empty:
    print("No quotation counts as speech, so there is no plot of quotation length.")
else:
    fig, ax = plt.subplots(figsize=(8, 4))
    for kind, grp in speech.groupby("kind"):
        ax.hist(grp["n_words"], bins=range(0, int(speech["n_words"].max()) + 10, 10), alpha=0.6, label=kind)
    ax.set_xlabel("quotation length (words)")
    ax.set_ylabel("quotations (count)")
    ax.set_title("Length of quotations by kind")
    ax.legend(title="kind")
    kzlib.save_figure(fig, "quote_length", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_code_cell("""if speech.empty:
    print("No quotation counts as speech, so there are no lengths to summarise.")
else:
    print(speech.groupby("kind")["n_words"].describe()[["count", "mean", "50%", "max"]].round(1).to_string())"""),
    new_markdown_cell("""## The quote table

Every row, speech or not, with its speaker, cue, kind and confidence. To filter, in a notebook cell:
`quotes[quotes.speaker == "Antony Blinken"]`, `quotes[quotes.kind == "fragment"]`,
`quotes[quotes.affiliation == "Russia"]`, or open `tables/quotes.csv` of a run."""),
    new_code_cell("""if quotes.empty:
    print("No quotations were found, so the quote table is empty.")
else:
    display(kzlib.show_table(quotes[["doc_id", "quote_id", "kind", "speaker", "cue", "cited", "confidence", "quote"]],
                             max_rows=max_rows))""", metadata=IGNORE),
    new_markdown_cell("""## How good is it? Scoring against a gold standard

For the bundled seeds, `tests/data/quotes_gold.csv` lists every real quotation (152), annotated by
reading the texts before the extractor existed: the document, a distinctive snippet, the canonical
speaker and the kind. **Recall** is the share of gold quotations whose snippet lies inside an extracted
speech row; **precision** the share of extracted speech rows that contain a gold snippet;
**speaker accuracy** the share of found quotations attributed to the right canonical speaker. Published
quote extractors reach about 84% F1 and 86% speaker accuracy on clean English news; these seeds are
spun, machine-translated and interview copies. On a researcher's own corpus, pass a gold file of the
same shape as `quotes_gold`."""),
    new_code_cell("""gold_path = Path(quotes_gold) if quotes_gold else (Path(kzlib.seeds_dir()).parent / "tests" / "data" / "quotes_gold.csv"
                                     if not corpus else None)
if gold_path is not None and gold_path.is_file():
    gold_df = pd.read_csv(gold_path, keep_default_na=False)
    scores = evaluate_quotes(quotes, gold_df)
    kzlib.save_table(scores, "quote_scores", run_dir=run_dir)
    print(scores.round(3).to_string(index=False))
    misses = match_gold(quotes, gold_df)
    misses = misses[~misses["found"] | ~misses["speaker_ok"]]
else:
    scores = misses = None
    print("No gold standard for this corpus: scoring skipped.")"""),
    new_markdown_cell("""The gold quotations that were missed or given another speaker, to read by hand:"""),
    new_code_cell("""if misses is None:
    print("No gold standard, so there are no misses to list.")
elif misses.empty:
    print("Every gold quotation was found and given the right speaker.")
else:
    display(kzlib.show_table(misses[["doc_id", "snippet", "gold_speaker", "found", "speaker", "kind"]],
                             max_rows=max_rows))"""),
]

write_notebook(cells, "03_voices.ipynb")
