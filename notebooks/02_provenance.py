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
# # 02 · Provenance: copies of one story, spun and translated text, and its repair
#
# A corpus collected from the web holds the same story many times: syndicated, republished by
# aggregators, machine-translated, and *spun* by article spinners that swap words for bad synonyms
# ("Collective Safety Treaty Group" for Collective Security Treaty Organization) to evade duplicate
# detection. Counted naively, every copy inflates the statistics and every spun copy hides its entities.
#
# This stage (`kzlib.provenance.annotate`, run by `kzlib.prepare`) does three things:
#
# 1. **Stories** — groups the copies of one story. Candidate pairs come from MinHash LSH over features
#    that survive spinning and translation (numbers, names, pairs of content words of the *de-spun* text),
#    so the cost grows with the corpus, not with the number of pairs; a candidate is a copy when most of
#    its sentences align with sentences of the other. One copy per story is its *representative* (the
#    least altered: original, then republished, translated, machine-translated, spun).
# 2. **Versions** — labels each document `original`, `spun`, `machine-translated`, `republished`,
#    `translated` or `unknown`, from evidence in its own text (below). A version given by the metadata
#    sidecar is kept in `version`; where the sidecar gives none, `version` is what the text shows
#    (`version_basis` says which); what the text shows is always in `version_detected`.
# 3. **Repair** — reverses spinner substitutions into `paragraphs.text_despun`. Analyses read that column;
#    quotations keep citing the verbatim `text`.
#
# Every notebook of a run reads the same prepared corpus, so the thresholds used here are kzlib's
# defaults (a copy needs 40% of the shorter document's sentences aligned and at least three of them, and 80%
# unless it is a version of the same day that shares the other's first sentence: below that, two reports
# of one event, or a follow-up, stay two stories; a document is spun from 15
# spinner substitutions per 1,000 words). To try others, call
# `kzlib.annotate(kzlib.prepare(provenance=False), copy_threshold=..., spin_threshold=...)` in a notebook
# of your own.

# %% tags=["parameters"]
# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"       # text column when the corpus is one CSV/JSONL/Parquet file
one_copy_per_story: bool = True  # not used for counting here: this notebook shows every copy
max_docs: int = 60               # documents shown in the similarity heatmap (all-pairs) and spin-score plot
n_examples: int = 12             # spun / repaired sentence pairs shown
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)

# %% tags=["nbval-ignore-output"]
import kzlib
from kzlib import plots

plots.setup_notebook()
# the same study every notebook of the run reads (the corpus is prepared with kzlib's default thresholds)
study = kzlib.open_study(run_dir, corpus=corpus, metadata=metadata, text_column=text_column, max_docs=max_docs)
c = study.corpus
spin_threshold = kzlib.SPIN_THRESHOLD
docs = c.documents

# %% [markdown]
# ## Documents: story, version, spin
#
# One row per document. `story_id` names the story (the first document of the group); the
# `is_representative` copy is the one analyses count when they count each story once. `spin_score` is
# spinner-substitution evidence per 1,000 words; `mt_score` and `translation_score` are the evidence for
# machine and human translation (per 1,000 words); `n_despun` is the number of repairs made, of which
# `n_despun_learned` by substitutions learned from the corpus rather than listed in the phrase table.

# %%
kzlib.show_table(study.provenance_documents, max_rows=max_rows)

# %% [markdown]
# ## How similar are the documents?
#
# Each cell is the share of the shorter document's sentences that align with a sentence of the other
# (same content words, numbers and names), on the raw text (left) and on the de-spun text (right). Copies
# of one story light up off the diagonal; de-spinning brings a spun copy closer to its siblings, because
# the repaired words are the original's. Documents that are merely on the same topic stay dark.

# %% tags=["nbval-ignore-output"]
raw_sim = study.similarity_raw.set_index("doc_id")
n_with_text = int((c.paragraphs[(c.paragraphs["kind"] == "body")]["doc_id"]).nunique())
if len(raw_sim) < 2:
    print(f"Only {len(raw_sim)} document{'' if len(raw_sim) == 1 else 's'} with body text, so there are "
          "no pairs to compare and no similarity heatmap.")
else:
    if n_with_text > len(raw_sim):
        print(f"{len(raw_sim)} of {n_with_text} documents shown (max_docs), copies of one story first.")
    fig = plots.corpus.similarity_heatmaps(study.similarity_raw, study.similarity_despun)
    kzlib.save_figure(fig, "similarity_heatmap", run_dir=run_dir)
    plots.show(fig)

# %%
pairs = study.copy_similarity
if pairs.empty:
    print("No two documents were judged copies of one story, so there is no raw vs de-spun comparison.")
else:
    print("aligned-sentence share of each pair of copies, raw and de-spun:")
    display(kzlib.show_table(pairs[pairs["shown"]].drop(columns="shown"), max_rows=max_rows))
    if not pairs["shown"].all():
        print(f"({int((~pairs['shown']).sum())} more pairs involve documents beyond the {max_docs} shown)")

# %% [markdown]
# ## Stories and the copy that represents each
#
# The `copies` table lists the document pairs judged to be copies, with their evidence: the aligned
# sentences, and the numbers and names (first six letters) both share. Below it, one row per story.

# %%
if study.copies.empty:
    print("No copies: " + (f"each of the {len(docs)} documents is a story of its own." if len(docs) > 1
                           else "the corpus has a single document."))
else:
    display(kzlib.show_table(study.copies, max_rows=max_rows))

# %% [markdown]
# ## Pairs alike but kept apart
#
# Pairs that share enough sentences to be checked as copies but were judged not to be one report, so that
# both documents stay counted: a **follow-up** (sentences alike but for their numbers: new facts), a
# **related** report (a re-use of background sentences, a follow-up published on another day, or another
# report of the same event with a lead of its own) or a pair whose documents name **no shared names**.
# `reason` says which rule kept each pair apart; read a few against the texts before trusting the counts.

# %%
related = study.related_reports
if related.empty:
    print("No pair alike enough to be checked was kept apart: every such pair is in the copies table.")
else:
    print(related["relation"].value_counts().to_string())
    display(kzlib.show_table(related, max_rows=max_rows))

# %%
stories = study.stories
print(f"{len(docs)} documents in {len(stories)} stories; {int((stories['n_copies'] > 1).sum())} stories have several copies")
kzlib.show_table(stories, max_rows=max_rows)

# %% [markdown]
# ## Versions and spin scores
#
# How each version is recognised — the signals, all counted per 1,000 words so that long and short
# documents compare:
#
# * **spun** — matches of the spin-phrase table (`kzlib/data/spin_phrases.csv`): phrases a spinner
#   writes for ordinary words ("mentioned" for *said*, "navy" for *military*, "12 months" for *year*,
#   "the place" for *where*). Any English text has a few of these words in their own sense; spinner
#   output has one in most sentences, so spun copies score in the tens or hundreds and clean text near 0.
#   The dashed line is `spin_threshold`.
# * **machine-translated** — artefacts of (round-trip) machine translation: a sentence cut in the middle
#   (a lower-case word after a full stop that closes no abbreviation: "… tensions with Ukraine. sought to
#   bring stability"), stranded auxiliaries ("Agreement. Is. The …"), stray punctuation (". ,").
# * **translated** — conventions a human translation from Russian carries over: dash-led direct speech
#   (`– The United States is no longer …`), dash attributions ("…, – says …"), a space before a closing
#   quotation mark.
# * **republished** — a syndication notice ("This article is republished from …", found by the
#   cleaning stage) and no alteration of the text.
# * **original** — none of the above; **unknown** — too short to judge.
#
# A copy can show several signals: the VOA article republished by an aggregator (002) also carries
# round-trip machine-translation artefacts ("… should be completely gone by the end. of January."), so
# its detected version is *machine-translated* while the sidecar's *republished* is kept.

# %% tags=["nbval-ignore-output"]
fig = plots.corpus.spin_scores(study.provenance_documents, threshold=spin_threshold, max_docs=max_docs)
kzlib.save_figure(fig, "spin_scores", run_dir=run_dir)
plots.show(fig)

# %%
top = docs.sort_values(["spin_score", "doc_id"], ascending=[False, True]).head(max_rows)
print(top[["doc_id", "version_detected", "spin_score", "mt_score", "translation_score"]].to_string(index=False))
if len(docs) > len(top):
    print(f"({len(docs) - len(top)} more documents with lower spin scores in the provenance_documents table)")
print("detected versions: " + ", ".join(f"{v} {n}" for v, n in docs["version_detected"].value_counts().sort_index().items()))

# %% [markdown]
# ## What the repair knows: the phrase table and what the corpus taught it
#
# The phrase table lists spinner substitutions, each with a `source` note saying how it was established
# (named in DESIGN.md, read off a spun seed aligned with its translated copy, or plain English grammar).
# No row is applied to a document that is not judged spun, so clean text keeps its own "mentioned",
# "navy", "peaceable" and "in the eye of". In a spun document, `scope=spun` rows (swaps into ordinary
# words) are repaired outside quotation marks, and inside them only where the narration is spun on its
# own; `scope=always` rows (phrases English never uses) are repaired in its quotations too. A phrase of
# several words is never matched where a hyphen joins it to another word ("with out-migration").
#
# On top of the table, `SpinRepairer` learns substitutions nobody listed, from the corpus itself:
#
# * **name-context** — a capitalised word of a spun copy that the clean documents never write between
#   the same name words, where they write another ("State Division" / "State Department", "Ned Worth" /
#   "Ned Price", "Moscow State College" / "Moscow State University"), provided the spun copies never use
#   that other word (the spinner replaced it everywhere). Spelling variants (Tileuberdi / Tlebardi) are
#   left alone;
# * **gazetteer** — two names of one actor in the actor gazetteer that differ by swapped words, the clean
#   text using only one of them;
# * **aligned-copy** — a word that an aligned sentence of a clean copy of the *same story* writes otherwise
#   between the same neighbours, seen at two positions at least, over-used in spun text and absent where
#   the clean text uses the other word; applied only within that story.
#
# `n_applied` counts the places each learned row matches the table-repaired text (rows overlap, so the
# total over rows can exceed the repairs made).

# %% tags=["nbval-ignore-output"]
learned = study.learned_substitutions
print(study.despin_summary.to_string(index=False))
if not (docs["version_detected"] == "spun").any():
    print("No document is detected as spun, so learned substitutions are not applied anywhere.")
kzlib.plots.evidence_table(learned[["spun", "original", "mechanism", "story", "in_table", "n_applied", "evidence"]])

# %% [markdown]
# ## Judge the repair: spun and repaired sentences side by side
#
# The sentences of spun copies that the repair changed most. The left column is the verbatim text (what a
# quotation cites), the right column what analyses read. Words nobody listed and the corpus could not
# teach stay as the spinner left them ("prime envoy", "solid blame") — the repair is conservative: a word
# is only changed on evidence.

# %%
all_examples = study.repair_examples
if all_examples.empty:
    print("The repair changed no sentence (no spun text was found), so there is nothing to compare.")
else:
    display(kzlib.show_table(all_examples.head(n_examples), max_rows=max_rows, max_chars=400))

# %% [markdown]
# ## Does the repair leave clean text alone?
#
# Words changed per 1,000 words in each document, by the corpus repair (`rate`) and by `kzlib.despin` run
# on the document's text with no other information (`rate_alone`, which decides from the text's own spin
# score whether to apply any row at all). Documents that are not spun show 0: no row is applied to them;
# the last line below names any that do not.

# %%
rates = study.despin_change_rate
changed = rates.sort_values(["rate", "doc_id"], ascending=[False, True]).head(max_rows)
print(changed.to_string(index=False))
if len(rates) > len(changed):
    print(f"({len(rates) - len(changed)} more documents with lower rates in the despin_change_rate table)")
print(study.despin_summary.set_index("measure").loc[
    ["words in documents not detected as spun", "words changed in documents not detected as spun", "per 1,000 words",
     "documents not detected as spun and changed all the same"]].to_string())

