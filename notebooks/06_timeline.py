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
# # 06 · Timeline: what happened when, according to whom
#
# News reports date events in many ways: "January 11", "Jan. 5, 2022", "in August", "in 2019", and —
# most often — relative to the day they were written: "on Friday", "over the weekend", "next week",
# "20 years ago". This notebook finds every such expression in the body text, turns it into a date
# (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) with a **granularity** (day, weekend, week, month, quarter, season, half,
# year, decade, century) and its TimeML type and value (`timex_type`, `timex_value`: DATE, TIME, DURATION, SET),
# and lays the dated sentences out as a timeline, with the actors they mention and the documents that
# report them.
#
# **How relative dates are resolved.** Against the document's publication date, as a newsroom writes:
# in a Friday article "on Friday" is that day and "on Thursday" the day before; "will meet on Monday" is
# the next Monday; a month without a year ("in August") is the most recent one, so in a January 2022
# article it is August 2021. How well the publication date is known matters (`date_certainty`):
#
# * `exact` — relative dates are as sure as the expression;
# * `on-or-after` — the date is only a lower bound: relative dates are resolved against it, with lower
#   confidence (or against a later date the text itself reports);
# * `copy-date` — the date of a later copy (an aggregator's, say): the original appeared earlier, so
#   relative dates are resolved against the **latest date the text itself reports**, with low confidence;
# * unknown — relative dates are listed **unresolved**, never dropped.
#
# Every date carries a `confidence` (0–1) and a `note` that says how it was worked out.

# %% tags=["parameters"]
# Parameters (papermill overrides these; `kz params` lists them all)
corpus: str = ""                 # folder or file of the corpus (empty: the bundled seeds)
metadata: str = ""               # metadata CSV (empty: seeds/metadata.csv for the bundled corpus)
run_dir: str = ""                # where kz run saves tables and figures (empty: save nothing)
text_column: str = "text"       # text column when the corpus is one CSV/JSONL/Parquet file
one_copy_per_story: bool = True  # count each story once (its representative copy, plus dates only other copies give)
min_confidence: float = 0.0      # leave out dates less sure than this (0-1); unresolved mentions are always listed
window_start: str = ""           # first day of the close-up timeline, ISO (empty: 30 days before the earliest publication)
window_end: str = ""             # last day of the close-up timeline, ISO (empty: the latest publication date)
lanes: int = 8                   # actor lanes in the timeline plots (the most frequent actors; the rest share one lane)
max_rows: int = 40               # rows shown of long tables (the saved tables are complete)

# %% tags=["nbval-ignore-output"]
import kzlib
from kzlib import plots, timeline

plots.setup_notebook()
study = kzlib.open_study(run_dir, corpus=corpus, metadata=metadata, text_column=text_column,
                         one_copy_per_story=one_copy_per_story, min_confidence=min_confidence)
c = study.corpus

# %% [markdown]
# ## Publication dates: the anchors
#
# One row per document: its publication date, how that date is known, the latest day the text itself
# reports, and the date relative expressions were actually resolved against (`anchor_used`). A `verdict`
# of *implausible* means the document reports, in the past tense, events after its own publication date
# (`flagged_by` names them: the expression, its date and sentence; future references such as "by 2030", "the
# 2016 race" or "which votes May 3" do not count): check its metadata. *copy: original earlier* means
# relative dates were resolved against an estimate.

# %%
events, checks = study.events, study.date_checks
kzlib.show_table(checks, max_rows=max_rows)

# %% [markdown]
# ## The dated mentions
#
# Each row is one temporal expression in a body sentence: the `date` it stands for, its `granularity`,
# what it was resolved against (`anchor`: *absolute*, *absolute-year-inferred* — a day or month whose year
# comes from the publication date —, *publication-relative* or *unresolved*), the actors the sentence
# mentions, and `reported_by`: the copies of the same story that give the same date. `kind` is *duration*
# for spans such as "two decades of …", dated by their start.

# %%
n_undated_docs = int((c.documents["published"].fillna("") == "").sum())
if n_undated_docs:
    print(f"{n_undated_docs} of {len(c.documents)} documents have no publication date: their relative "
          "expressions (on Friday, last week) are listed unresolved, with no date.")
if events.empty:
    print(f"No temporal expression was found in the {len(c.sentences)} body sentences, so there is nothing "
          "to date and no timeline.")
else:
    print(f"{len(events)} temporal expressions in {events['doc_id'].nunique()} documents; "
          f"{(events['date'] != '').sum()} dated, {(events['date'] == '').sum()} undated (durations, frequencies, "
          f"references, descriptions and unresolved relative dates), "
          f"{(events['flag'] != '').sum()} flagged")
    print(events.assign(granularity=events["granularity"].replace("", "(none)"))
          .groupby(["anchor", "granularity"]).size().rename("mentions").to_string())

# %% tags=["nbval-ignore-output"]
if events.empty:
    print("No temporal expressions, so there is no table of mentions.")
else:
    plots.evidence_table(events[["date", "granularity", "expression", "anchor", "confidence", "actors",
                                 "label", "doc_id", "reported_by"]])

# %% [markdown]
# ## Close-up timeline: the weeks the documents were published in
#
# Dated events close to the publication dates (the window: `window_start` to `window_end`, by default 30 days
# before the earliest publication to the latest; a corpus published in periods more than 90 days apart, as one
# that mixes eras, gets one close-up per period of at least 10 documents, at most six, largest first), one lane per actor (the sentence's first actor among the
# most frequent ones; *other / none* for the rest). The marker shows the granularity (a circle is a day,
# a square a week or weekend, a diamond a month, quarter, season or half year); the label says who did what (the subject, verb
# and object of the date's own clause; none where no such clause can be read), with `(+n)` when n more
# mentions share that point. Weeks and weekends are placed at their first day; a quarter, season or
# half year that began before the window is drawn at the window's first day (the title says how many), never
# outside it. Where labels would overlap, the later ones are left out (the title says how many). Relative dates
# flagged *resolved-ahead* (see the end of this notebook) are left off both timelines.

# %% tags=["nbval-ignore-output"]
first, last = timeline.publication_window(c.documents, days_before=30)
periods = timeline.publication_clusters(c.documents, days_before=30)
if window_start or window_end or len(periods) <= 1:
    windows = [(window_start or first, window_end or last)]
else:
    drawn = timeline.close_up_periods(c.documents, min_documents=10, max_periods=6, days_before=30)
    print(f"The documents were published in {len(periods)} periods more than 90 days apart (undated documents in "
          f"none): a close-up for each of the {len(drawn)} with 10 documents or more (at most six), largest first.")
    display(kzlib.show_table(periods, max_rows=max_rows))
    windows = list(zip(drawn["start"], drawn["end"]))
for i, (start, end) in enumerate(windows):
    shown = timeline.events_in_window(events, start=start, end=end, granularities=["day", "weekend", "week", "month", "quarter", "season", "half"],
                                      min_confidence=min_confidence)
    if shown.empty:
        print("No mention is dated to a day, week or month in the window "
              f"({start or 'open'} to {end or 'open'}), so there is no close-up timeline"
              + (": relative dates cannot be resolved without publication dates." if first is None else "."))
        continue
    fig = plots.timeline.timeline(shown, lanes=lanes, start=start or None, end=end or None,
                                  title=f"Dated events by actor, {start or 'start'} to {end or 'end'}")
    kzlib.save_figure(fig, "06_timeline_close_up" + (f"_{i + 1}" if i else ""), run_dir=run_dir)

# %% [markdown]
# ## The background the reports invoke
#
# The same, for everything dated by year, decade or century: the history the articles reach back to, and the
# years ahead they look to. A few far dates (an old century, a target year decades ahead) would squeeze the rest
# into a clump: when the central 90% of the dates spans under a quarter of the whole range, the axis shows that
# span and writes at its edges how many dates lie before and after it, and which years (the mentions table
# lists them). A century used as a modifier ("a 7th-century stop") describes a thing and is no event here
# (`kind` *description*).

# %% tags=["nbval-ignore-output"]
background = timeline.events_in_window(events, granularities=["year", "decade", "century"],
                                        min_confidence=min_confidence)
if background.empty:
    print("No mention is dated to a year, decade or century, so there is no background timeline.")
else:
    fig = plots.timeline.timeline(background, lanes=lanes, title="Background events by actor (dated by year)")
    kzlib.save_figure(fig, "06_timeline_background", run_dir=run_dir)

# %% [markdown]
# ## Coverage over time
#
# Documents by publication date and outlet (of the original). The mark shows how the date is known:
# filled for an exact date, a triangle for a lower bound, hollow for a later copy's date. A corpus whose
# documents cluster on a few days, or whose dates are mostly copies' dates, supports a coarser timeline.
# A corpus that spans eras gets one panel per publication period (each with its own outlets), not one axis
# decades wide.

# %%
cov = study.coverage
kzlib.show_table(cov, max_rows=max_rows)

# %% tags=["nbval-ignore-output"]
if (cov["published"] == "").all():
    print("No document has a publication date, so there is no coverage plot.")
else:
    fig = plots.timeline.coverage(cov)
    kzlib.save_figure(fig, "06_coverage", run_dir=run_dir)

# %% [markdown]
# ## Quoted stance over time
#
# The mean stance of the quotations published on each date towards each target (−1 against, +1 in
# favour), over the quotations that take a side (those that only name the target are counted in `n`, not
# in the mean), from the stance stage (notebook 04). A later copy is placed at its original's estimated date
# (`anchor_used` above), not at the copy's date; one panel per publication period where the corpus spans
# several. It needs the quotation and stance stages; when they are not installed this section says so and
# is skipped.

# %% tags=["nbval-ignore-output"]
stance_time = study.stance_over_time
if study.quotes.empty:
    print("No quotations were found, so there is no stance over time.")
elif stance_time.empty or stance_time["n_stance"].sum() == 0:
    print(f"{len(study.quotes)} quotations, but none takes a stance towards a target, so there is no stance over time.")
else:
    undated = int(stance_time.loc[stance_time["published"] == "", "n_stance"].sum())
    print(f"{int(stance_time['n_stance'].sum())} quote-target stances taking a side over "
          f"{stance_time.loc[(stance_time['n_stance'] > 0) & (stance_time['published'] != ''), 'published'].nunique()} "
          "publication dates" + (f"; {undated} of them from undated documents, not drawn" if undated else ""))

# %% tags=["nbval-ignore-output"]
if stance_time.empty or stance_time["n_stance"].sum() == 0:
    print("No quotation takes a stance, so there is no plot of stance over time.")
elif (stance_time.loc[stance_time["n_stance"] > 0, "published"] == "").all():
    print("No quotation comes from a dated document, so stance cannot be followed over time.")
elif (dated := stance_time[(stance_time["published"] != "") & (stance_time["n_stance"] > 0)])["published"].nunique() < 2:
    day = dated["published"].iloc[0]
    print(f"Every dated quotation comes from documents published on {day}, so stance cannot be followed "
          "over time; the stance table of notebook 04 gives it.")
else:
    display(kzlib.show_table(stance_time, max_rows=max_rows))
    fig = plots.timeline.stance_over_time(stance_time)
    kzlib.save_figure(fig, "06_stance_over_time", run_dir=run_dir)

# %% [markdown]
# ## Chronology with its sources
#
# What happened when: one row per date, with up to three labels, the actors, the expressions that gave
# the date, and the documents (`sources`, including copies) and outlets that report it. Durations are
# left out; read them in the mentions table above.

# %% tags=["nbval-ignore-output"]
chron = study.chronology
if chron.empty:
    print("No mention could be dated, so there is no chronology.")
else:
    plots.evidence_table(chron[["date", "granularity", "what", "actors", "n_documents", "sources",
                                "outlets", "confidence"]])

# %% [markdown]
# ## What could not be dated, and what looks wrong
#
# Mentions with no date and mentions flagged. Most undated mentions are no points in time at all: durations
# ("two years", "a day"), frequencies ("weekly"), vague references ("recently", "now and then") and centuries
# used as descriptions; the table below counts them by `kind`. Only a relative date in a document without a
# publication date is *unresolved* in the strict sense. A flag marks a date the text reports as past though
# it lies after publication: *after-publication* (an absolute date: check the document's date, or a page
# updated later) or *resolved-ahead* (a relative date: the direction may be wrong). Read both before trusting
# the timeline.

# %%
doubtful = events[(events["date"] == "") | (events["flag"] != "")]
if events.empty:
    print("No temporal expressions, so nothing is undated or flagged.")
elif len(doubtful):
    undated = doubtful[doubtful["date"] == ""]
    unresolved = int((undated["anchor"] == "unresolved").sum())
    print(f"{len(undated)} mentions with no date ({unresolved} of them relative dates that could not be resolved), "
          f"{(doubtful['flag'] != '').sum()} flagged")
    print(undated.groupby("kind").size().rename("undated mentions").to_string())
    display(kzlib.show_table(doubtful[["doc_id", "expression", "date", "flag", "note", "text"]], max_rows=max_rows))
else:
    print("Every mention was dated, and none is dated after its document's publication.")

# %% [markdown]
# ## Saved tables
#
# With a `run_dir`, the study saves `events` (every dated mention), `chronology`, `date_checks`, `coverage`
# and `stance_over_time` under `tables/`.

