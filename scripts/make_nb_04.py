"""Generate notebooks/04_stance.ipynb (then `python scripts/refresh_notebooks.py notebooks/04_stance.ipynb`)."""


from nbformat.v4 import new_code_cell, new_markdown_cell

from _nbgen import write_notebook

IGNORE = {"tags": ["nbval-ignore-output"]}

cells = [
    new_markdown_cell("""# 04 · Stance and framing: who favours or opposes what, and in which words

The question the corpus exists for: **who supported the CSTO intervention and who opposed it, and how
each side framed the unrest.** Stance is not sentiment: "Russia's aggressive actions are a threat to
peace" is negative in tone and *against Russia* in stance.

**How a stance is found (the transparent rule method, `kzlib.stance.detect_stance`).** For each
quotation (from notebook 03) and each *target* it concerns — the CSTO intervention, Russia, the United
States, NATO, China, the Kazakh government, the protesters (`kzlib/data/targets.yaml`, a parameter) —
the method looks for stance cues near the target's mention: support and condemnation, legitimacy
("at the request of the legitimate President"), questioning ("we have questions about …"), blame,
loaded naming ("terrorists", "bandits" for the people in the streets), with negation ("nobody will
question …" flips), hedges and intensifiers. A cue goes to a target in its own clause first. A target
named as the *holder* of an opinion ("Russia views …") is not its object, nor is the *topic* of a
sentence ("As for Washington's position, we hope nobody will question the right of Kazakhstan …")
when the cue's clause names another target; a sentence that recounts an earlier episode ("A year ago,
during the Capitol attack, the US authorities …") is read as a precedent, not as a stance. VADER's sentiment adds a little, and so does the speaker's own side
(an official of a state, about that state): **neither can decide alone** — `favor` or `against`
needs a cue in that direction, otherwise the row says `none`. Every row carries its evidence sentence
and the cues that scored, so any number below can be checked against the words."""),
    new_code_cell("""# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"       # text column when the corpus is one CSV/JSONL/Parquet file
one_copy_per_story: bool = True  # count each story once (copies of one story pooled); False counts every copy
targets_file: str = ""           # YAML of stance targets (empty: kzlib/data/targets.yaml)
threshold: float = 0.3           # |score| needed for favor/against (0-1), with a stance cue in that direction
min_stories: int = 1             # speakers shown in the heatmap need a stance in at least this many stories
top_terms: int = 12              # distinctive terms shown per group in the framing plots
min_term_count: int = 3          # terms used fewer times than this in all are left out of the log-odds
stance_gold: str = ""            # CSV of coded (quote, target, stance) rows for the classifier (empty: the bundled gold, if present)
cv_folds: int = 5                # cross-validation folds for the classifier
annotation_n: int = 60           # quotes x targets in the exported annotation sheet
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)""",
                  metadata={"tags": ["parameters"]}),
    new_code_cell("""from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import kzlib
from kzlib import framing, stance
from kzlib.actors import default_gazetteer
from kzlib.plots import setup_notebook
from kzlib.quotes import extract_quotes

setup_notebook()
c = kzlib.prepare(corpus, metadata=metadata, text_column=text_column, cache_dir=run_dir)
gaz = default_gazetteer()
quotes = extract_quotes(c.paragraphs, actors=gaz)
targets = stance.load_targets(targets_file or None)
documents = c.documents if one_copy_per_story else c.documents.assign(story_id=c.documents["doc_id"])""",
                  metadata=IGNORE),
    new_markdown_cell("""## Stance of each quotation

One row per quotation × target it concerns. `score` runs from −1 (against) to +1 (favor); `lexical` is
the part that came from stance cues and loaded terms; `cues` lists what scored (a cue followed by
"(context)" was read from the sentence introducing the quote); `source` says whether the target was
named in the quote or only in that sentence."""),
    new_code_cell("""stances = stance.detect_stance(quotes, targets=targets, gazetteer=gaz, paragraphs=c.paragraphs,
                               threshold=threshold)
kzlib.save_table(stances, "stances", run_dir=run_dir)
print(f"{len(quotes)} quotations, {len(stances)} quotation x target rows")
if stances.empty:
    print("No quotation names or concerns a stance target"
          + (" (no quotations were found)" if quotes.empty else "")
          + ", so there are no stances: the sections below say what they skip.")
else:
    print(pd.crosstab(stances["target"], stances["stance"]).to_string())"""),
    new_code_cell("""view = stances.merge(quotes[["doc_id", "quote_id", "quote"]], on=["doc_id", "quote_id"])
view = view.loc[view["stance"] != "none", ["speaker", "target", "stance", "score", "cues", "quote", "doc_id"]]
if view.empty:
    print("No quotation takes a stance (favor or against) on a target.")
else:
    display(kzlib.show_table(view, max_rows=max_rows))""", metadata=IGNORE),
    new_markdown_cell("""## Who stands where: speaker × target

Each cell is one speaker's stance on one target, **a story counted once** (copies of one story are
pooled; a story where the speaker's quotes on the target take no stance does not pull the score to
zero). Colour is the mean score; the number is how many stories it rests on. A white cell with a
number: quoted on the target, without a stance; grey: not quoted on it. Read the evidence table under
it to check a cell."""),
    new_code_cell("""summary = stance.summarise_stance(stances, documents=documents, threshold=threshold)
kzlib.save_table(summary, "stance_summary", run_dir=run_dir)
taking = summary[summary["stance"] != "none"].groupby("speaker")["n_stories"].max()
speakers = sorted(taking[taking >= min_stories].index)
cells = summary[summary["speaker"].isin(speakers)]
tnames = [t.name for t in targets]
score = cells.pivot(index="speaker", columns="target", values="score").reindex(index=speakers, columns=tnames)
stories = cells.pivot(index="speaker", columns="target", values="n_stories").reindex(index=speakers, columns=tnames)
if not speakers:
    print(f"No speaker takes a stance on a target in at least {min_stories} stor{'y' if min_stories == 1 else 'ies'}, "
          "so there is no speaker x target heatmap.")
else:
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(speakers) + 2))
    im = ax.imshow(score.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_facecolor("#eeeeee")
    ax.set_xticks(range(len(tnames)), tnames, rotation=30, ha="right")
    ax.set_yticks(range(len(speakers)), speakers)
    for i in range(len(speakers)):
        for j in range(len(tnames)):
            n = stories.iat[i, j]
            if pd.notna(n):
                ax.text(j, i, int(n), ha="center", va="center", fontsize=8)
    ax.set_title("Stance of each speaker towards each target (number: stories)")
    ax.set_xlabel("target")
    ax.set_ylabel("speaker (quoted with a stance)")
    fig.colorbar(im, ax=ax, label="mean stance score (-1 against, +1 favor)")
    ax.grid(False)
    kzlib.save_figure(fig, "stance_heatmap", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_markdown_cell("""### The evidence behind every cell

For each speaker × target: the stance, the score, the number of quotes and stories, how many quotes
were labelled favor and against, and the quote sentence that weighs most in the cell's direction."""),
    new_code_cell("""if cells.empty:
    print("No speaker takes a stance, so there is no evidence to show.")
else:
    display(kzlib.show_table(cells.sort_values(["speaker", "target"]), max_rows=max(max_rows, len(cells))))"""),
    new_code_cell("""# the bundled seeds' clear cases, for the record (stable output checked by nbval)
clear_cases = [("Anatoly Antonov", "CSTO intervention"), ("Anatoly Antonov", "United States"),
               ("Antony Blinken", "CSTO intervention"), ("Russian Foreign Ministry", "CSTO intervention")]
if corpus:
    print("The clear cases checked here are the bundled seeds' (e.g. Antonov on the CSTO intervention); "
          "skipped for this corpus.")
for sp, tg in ([] if corpus else clear_cases):
    row = summary[(summary["speaker"] == sp) & (summary["target"] == tg)]
    print(f"{sp:26} {tg:18}", "not quoted on it" if row.empty else
          f"{row['stance'].item():8} score {row['score'].item():+.2f}  favor/against quotes "
          f"{row['n_favor'].item()}/{row['n_against'].item()}")"""),
    new_markdown_cell("""## Outlets: the share of quoted voices for and against

For each outlet and target, the quoted speakers who take a stance (each speaker once per outlet, a
story counted once): the bar's red part is the share against, the blue part the share in favour, the
rest quoted without a stance. An outlet can be one-sided in *whom it quotes* while its own words stay
neutral."""),
    new_code_cell("""by_outlet = stance.outlet_stance(stances, documents=documents, threshold=threshold)
kzlib.save_table(by_outlet, "outlet_stance", run_dir=run_dir)
outlets = sorted(by_outlet["outlet"].unique())
named_outlets = sorted(set(documents["outlet"].fillna("").astype(str)) - {""})
if by_outlet.empty:
    print("No attributed quotation concerns a target, so there is no plot of voices for and against by outlet.")
else:
    if not named_outlets:
        print("No document names its outlet (give a metadata file with an 'outlet' column): "
              "the voices below are pooled under '(unknown outlet)'.")
    elif len(named_outlets) == 1:
        print(f"Every document with an outlet comes from one outlet ({named_outlets[0]}): "
              "nothing to compare across outlets.")
    fig, axes = plt.subplots(1, len(outlets), figsize=(4 * len(outlets), 4.5), sharey=True, squeeze=False)
    for ax, o in zip(axes[0], outlets):
        d = by_outlet[by_outlet["outlet"] == o].set_index("target").reindex(tnames).fillna(0)
        y = np.arange(len(tnames))
        ax.barh(y, -d["share_against"], color="#b2182b", label="against")
        ax.barh(y, d["share_favor"], color="#2166ac", label="favor")
        for yy, n in zip(y, d["n_voices"]):
            if n:
                ax.text(1.02, yy, f"n={int(n)}", va="center", fontsize=8)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlim(-1, 1.25)
        ax.set_yticks(y, tnames)
        ax.set_title(o)
        ax.set_xlabel("share of quoted voices (against < 0 < favor)")
    axes[0][0].set_ylabel("target")
    axes[0][0].legend(loc="lower left")
    fig.suptitle("Quoted voices for and against each target, by outlet", fontweight="bold")
    kzlib.save_figure(fig, "outlet_stance", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_code_cell("""if by_outlet.empty:
    print("No attributed quotation concerns a target, so the outlet table is empty.")
else:
    display(kzlib.show_table(by_outlet, max_rows=max_rows))"""),
    new_markdown_cell("""## Who criticises whom

Speakers (left) and targets (right); a red line is a stance against, a blue line a stance in favour,
thicker with more stories. Speakers are grouped by their side from the gazetteer (officials of a
state, experts)."""),
    new_code_cell("""edges = summary[summary["stance"] != "none"]
if edges.empty:
    print("No speaker takes a stance on any target, so there is no network of who criticises whom.")
else:
    groups = stance.speaker_profiles(edges["speaker"].unique(), gazetteer=gaz).set_index("speaker")["group"]
    left = sorted(edges["speaker"].unique(), key=lambda s: (groups.get(s, "unknown"), s))
    right = [t for t in tnames if t in set(edges["target"])]
    yl = {s: i for i, s in enumerate(reversed(left))}
    scale = max(len(left) - 1, 1) / max(len(right) - 1, 1)
    yr = {t: (len(right) - 1 - i) * scale for i, t in enumerate(right)}
    fig, ax = plt.subplots(figsize=(10, 0.35 * len(left) + 2))
    for r in edges.itertuples():
        ax.plot([0, 1], [yl[r.speaker], yr[r.target]], color="#b2182b" if r.stance == "against" else "#2166ac",
                lw=0.8 + 1.2 * r.n_stories, alpha=0.6)
    for s, y in yl.items():
        ax.text(-0.02, y, f"{s} ({groups.get(s, 'unknown')})", ha="right", va="center", fontsize=8)
    for t, y in yr.items():
        ax.text(1.02, y, t, ha="left", va="center", fontsize=9, fontweight="bold")
    ax.set_xlim(-0.9, 1.4)
    ax.axis("off")
    ax.plot([], [], color="#b2182b", label="against")
    ax.plot([], [], color="#2166ac", label="favor")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False)
    ax.set_title("Who criticises whom: speakers' stances towards targets (line width: stories)")
    kzlib.save_figure(fig, "stance_network", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_markdown_cell("""## Framing: the words each outlet and each group of speakers chooses

**Fightin' Words** (Monroe, Colaresi and Quinn 2008): for each group against the rest, the log-odds
ratio of every word with an informative Dirichlet prior (the pooled counts), divided by its standard
error. A z-score above about 2 means the group uses the word distinctly more than the others, beyond
what its frequency alone would give. Outlets are compared on their body paragraphs (one copy per story
when `one_copy_per_story`); speaker groups on the words quoted from them."""),
    new_code_cell("""reps = c.representatives() if one_copy_per_story else c
body = kzlib.analysable(reps.paragraphs).merge(reps.documents[["doc_id", "outlet"]], on="doc_id")
spoken = framing.speaker_groups(quotes[quotes["kind"].isin(["direct", "indirect", "interview"])], gazetteer=gaz)
known = spoken[spoken["group"] != "unknown"]
# check each comparison before running it: it needs two groups with text and a shared vocabulary
why_outlets = framing.check_fightin_words(body, text="text_despun", group="outlet", min_count=min_term_count)
why_groups = framing.check_fightin_words(known, text="quote", group="group", min_count=min_term_count)
fw_outlets = (framing.fightin_words(body, text="text_despun", group="outlet", min_count=min_term_count)
              if not why_outlets else pd.DataFrame(columns=framing.FRAMING_COLUMNS))
fw_groups = (framing.fightin_words(known, text="quote", group="group", min_count=min_term_count)
             if not why_groups else pd.DataFrame(columns=framing.FRAMING_COLUMNS))
parts = [fw.assign(comparison=k) for fw, k in ((fw_outlets, "outlet"), (fw_groups, "speaker group")) if len(fw)]
framing_table = (pd.concat(parts, ignore_index=True) if parts
                 else pd.DataFrame(columns=framing.FRAMING_COLUMNS + ["comparison"]))
kzlib.save_table(framing_table, "framing", run_dir=run_dir)


def plot_terms(fw, title, name):
    gs = sorted(fw["group"].unique())
    fig, axes = plt.subplots(1, len(gs), figsize=(3.4 * len(gs), 0.3 * top_terms + 1.5), squeeze=False)
    for ax, g in zip(axes[0], gs):
        d = fw[fw["group"] == g].head(top_terms).iloc[::-1]
        ax.barh(d["term"], d["log_odds_z"], color="#4c72b0")
        ax.axvline(1.96, color="grey", ls="--", lw=0.8)
        ax.set_title(g, fontsize=10)
        ax.set_xlabel("log-odds z-score")
    axes[0][0].set_ylabel("term")
    fig.suptitle(title, fontweight="bold")
    kzlib.save_figure(fig, name, run_dir=run_dir)
    plt.show()


if why_outlets:
    print(f"Outlets are not compared (a metadata file with an 'outlet' column names them): {why_outlets}.")
else:
    plot_terms(fw_outlets, "Words distinctive of each outlet (vs. the other outlets)", "framing_outlets")
if why_groups:
    print(f"Speaker groups (known to the gazetteer) are not compared: {why_groups}.")
else:
    plot_terms(fw_groups, "Words distinctive of each speaker group (vs. the other groups)", "framing_speaker_groups")""",
                  metadata=IGNORE),
    new_code_cell("""if framing_table.empty:
    print("Neither outlets nor speaker groups could be compared (see above), so there are no distinctive words.")
else:
    display(kzlib.show_table(framing_table.groupby(["comparison", "group"]).head(5), max_rows=max_rows))"""),
    new_markdown_cell("""### Naming the people in the streets

How each outlet (its body text, quotes included) and each speaker group (their quoted words) names
the people in the streets: the families of names (protesters, demonstrators, terrorists, bandits,
extremists, jihadists, thugs, mercenaries, armed groups, "colour revolution"; `stance_cues.yaml`),
as a share of the group's namings. `scare_quoted` counts names put in quotation marks on their own —
a writer keeping the word at a distance."""),
    new_code_cell("""naming = pd.concat([
    framing.naming_families(body, text="text_despun", group="outlet").assign(comparison="outlet"),
    framing.naming_families(spoken, text="quote", group="group").assign(comparison="speaker group"),
], ignore_index=True)
kzlib.save_table(naming, "naming_families", run_dir=run_dir)
if naming.empty:
    print("No text names the people in the streets with a word of the naming families, so there is no naming plot.")
else:
    share = naming.pivot_table(index=["comparison", "group"], columns="family", values="share", fill_value=0)
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(share) + 2))
    im = ax.imshow(share.to_numpy(), cmap="Purples", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(share.shape[1]), share.columns, rotation=35, ha="right")
    ax.set_yticks(range(len(share)), [f"{g} ({k})" for k, g in share.index])
    ax.set_xlabel("naming family")
    ax.set_ylabel("outlet or speaker group")
    ax.set_title("How the people in the streets are named (share of each group's namings)")
    fig.colorbar(im, ax=ax, label="share of namings")
    ax.grid(False)
    kzlib.save_figure(fig, "naming_families", run_dir=run_dir)
    plt.show()""", metadata=IGNORE),
    new_code_cell("""if naming.empty:
    print("No naming of the people in the streets was found.")
else:
    display(kzlib.show_table(naming, max_rows=max_rows))"""),
    new_markdown_cell("""## Learning from researchers: the classifier and how good it is

`kzlib.StanceClassifier` learns from coded (quote, target, stance) rows: word and character
n-grams, words paired with the target, and the rule method's scores as features, in a logistic
regression. Below, both methods are cross-validated on the coded rows (the bundled gold standard:
114 rows from the seeds, coded by reading them; all rows of one quote in one fold). The SemEval
measure is **F_avg**, the mean F1 of *favor* and *against*. **Read the intervals:** on about a hundred
examples a 95% bootstrap interval is some 0.2 wide, and the bundled gold comes from spun and
machine-translated copies whose words a spinner replaced ("firm support" → "agency help"): these
numbers show the workflow and its uncertainty, not the method's accuracy on clean text. Code your own
sample (next section) before trusting either method on your corpus."""),
    new_code_cell("""gold_path = Path(stance_gold) if stance_gold else Path(kzlib.__file__).resolve().parents[1] / "tests" / "data" / "stance_gold.csv"
g = pd.read_csv(gold_path) if gold_path.is_file() else None
folds = None if g is None else g["doc_id"].astype(str) + "|" + g["quote"].astype(str)
n_per_class = None if g is None else g["stance"].value_counts()
if g is None:
    evaluation = pd.DataFrame()
    print(f"no coded rows at {gold_path}: export a sheet below, code it, and pass stance_gold=...")
elif len(n_per_class) < 2 or n_per_class.min() < 2 or folds.nunique() < 2:
    evaluation = pd.DataFrame()
    print(f"The coded rows at {gold_path} cannot be cross-validated: they need at least two stance classes, "
          f"two rows of each and two quotes (found {n_per_class.to_dict()} over {folds.nunique()} quotes). "
          "Code more rows.")
else:
    X = g.rename(columns={"quote": "text"})[["text", "target"]]
    ev_clf = stance.evaluate(stance.StanceClassifier(), X, g["stance"], cv=cv_folds, groups=folds)
    ev_rules = stance.evaluate(stance.RuleStanceClassifier(threshold=threshold), X, g["stance"], cv=cv_folds,
                               groups=folds)
    evaluation = pd.concat([ev_clf.table().assign(method="StanceClassifier"),
                            ev_rules.table().assign(method="rules")], ignore_index=True)
    kzlib.save_table(evaluation, "stance_evaluation", run_dir=run_dir)
    for name, ev in [("StanceClassifier", ev_clf), ("rules", ev_rules)]:
        print(f"{name:17} n={ev.n}  F_avg {ev.f_avg:.2f}  95% CI [{ev.f_avg_ci[0]:.2f}, {ev.f_avg_ci[1]:.2f}]  "
              f"accuracy {ev.accuracy:.2f}")"""),
    new_code_cell("""if evaluation.empty:
    print("No evaluation (see above).")
else:
    display(kzlib.show_table(evaluation, max_rows=max_rows))"""),
    new_markdown_cell("""## An annotation sheet for your coders

A stratified sample of quotation × target rows (by target and by the rule method's stance, so rare
cells are represented; the machine's stance is **not** shown to coders). Coders fill `stance` with
favor / against / none and their name in `coder`; `stance.import_annotation_sheet` reads the sheets
back and `stance.agreement` gives Cohen's kappa for each pair of coders. Coded rows train
`StanceClassifier` (`X`: `text`, `target`; `y`: the codes)."""),
    new_code_cell("""sheet = stance.export_annotation_sheet(stances, quotes=quotes, n=annotation_n)
kzlib.save_table(sheet, "annotation_sheet", run_dir=run_dir)
if sheet.empty:
    print("No quotation concerns a target, so the annotation sheet has no items.")
else:
    print(f"{len(sheet)} items; by target:", sheet["target"].value_counts().sort_index().to_dict())"""),
]

write_notebook(cells, "04_stance.ipynb")
