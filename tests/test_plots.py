"""kzlib.plots: every plot function returns a Figure with a title and labelled axes; dates of years 1-9999."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from kzlib import plots  # noqa: E402
from kzlib.plots._axes import as_date, date_positions  # noqa: E402

TOPICS = pd.DataFrame({"topic_id": [0, 1], "label": ["unrest, almaty", "csto, troops"],
                       "coherence": [0.2, 0.1], "stability": [0.9, 0.6]})
EVENTS = pd.DataFrame({"date_start": ["2022-01-02", "2022-01-05", "2022-01-05"], "label": ["fuel prices", "protests", "curfew"],
                       "granularity": ["day", "day", "week"], "doc_id": ["a", "b", "b"],
                       "actor": ["Kazakhstan", "CSTO", ""]})

CASES = {
    "documents_per_outlet": lambda: plots.corpus.documents_per_outlet(
        pd.DataFrame({"outlet": ["A", "B"], "2022-01-05": [2, 0], "2022-01-07": [1, 3]}),
        pd.DataFrame({"doc_id": list("abcdef"), "n_words": [100, 250, 80, 90, 300, 120]})),
    "words_set_aside": lambda: plots.corpus.words_set_aside(
        pd.DataFrame({"doc_id": ["a", "b"], "caption": [12, 0], "boilerplate": [30, 5]})),
    "similarity_heatmaps": lambda: plots.corpus.similarity_heatmaps(
        *[pd.DataFrame({"doc_id": ["a", "b"], "a": [1.0, x], "b": [x, 1.0]}) for x in (0.3, 0.8)]),
    "spin_scores": lambda: plots.corpus.spin_scores(
        pd.DataFrame({"doc_id": ["a", "b"], "spin_score": [40.0, 1.0], "version_detected": ["spun", "original"]}),
        threshold=15),
    "voices_by_affiliation": lambda: plots.voices.voices_by_affiliation(
        pd.DataFrame({"speaker": ["A", "B", "C"], "affiliation": ["Russia", "Kazakhstan", "Russia"],
                      "n_quotes": [5, 2, 1]})),
    "quote_lengths": lambda: plots.voices.quote_lengths(
        pd.DataFrame({"kind": ["direct", "indirect", "direct"], "n_words": [30, 12, 55]})),
    "stance_heatmap": lambda: plots.voices.stance_heatmap(
        pd.DataFrame({"speaker": ["A", "A", "B"], "target": ["Russia", "NATO", "Russia"],
                      "stance": ["against", "none", "favor"], "score": [-0.6, 0.0, 0.5], "n_stories": [2, 1, 1]}),
        targets=["Russia", "NATO", "China"]),
    "outlet_stance": lambda: plots.voices.outlet_stance(
        pd.DataFrame({"outlet": ["N", "M"], "target": ["Russia", "Russia"], "share_favor": [0.5, 0.0],
                      "share_against": [0.25, 1.0], "n_voices": [4, 1]}), targets=["Russia", "NATO"]),
    "stance_network": lambda: plots.voices.stance_network(
        pd.DataFrame({"speaker": ["A", "B"], "target": ["Russia", "NATO"], "stance": ["against", "favor"],
                      "n_stories": [1, 2]}), targets=["Russia", "NATO"], groups=pd.Series({"A": "US officials"})),
    "distinctive_terms": lambda: plots.voices.distinctive_terms(
        pd.DataFrame({"group": ["A", "B"], "term": ["x", "y"], "log_odds_z": [2.5, 3.0]}), title="Words"),
    "naming_families": lambda: plots.voices.naming_families(
        pd.DataFrame({"comparison": ["outlet", "outlet"], "group": ["N", "M"], "family": ["protesters", "terrorists"],
                      "share": [1.0, 0.5]})),
    "k_selection": lambda: plots.topics.k_selection(
        pd.DataFrame({"k": [2, 3], "coherence": [0.1, 0.2], "coherence_min": [0.0, 0.1], "stability": [0.9, 0.7],
                      "stability_sd": [0.05, 0.1]}), chosen_k=2),
    "top_terms": lambda: plots.topics.top_terms(
        pd.DataFrame({"topic_id": [0, 0, 1], "term": ["a", "b", "c"], "weight": [0.5, 0.2, 0.4]}), TOPICS),
    "prevalence_heatmap": lambda: plots.topics.prevalence_heatmap(
        pd.DataFrame({"outlet": ["A", "A", "B", "B"], "topic_id": [0, 1, 0, 1], "prevalence": [0.7, 0.3, 0.1, 0.9],
                      "n_paragraphs": [5, 5, 3, 3]}), "outlet", topics=TOPICS, title="By outlet", ylabel="outlet"),
    "timeline": lambda: plots.timeline.timeline(EVENTS),
    "coverage": lambda: plots.timeline.coverage(
        pd.DataFrame({"published": ["2022-01-05", "2022-01-07", ""], "outlet": ["A", "B", "C"],
                      "date_certainty": ["exact", "copy-date", "unknown"], "n_documents": [2, 1, 1]})),
    "stance_over_time": lambda: plots.timeline.stance_over_time(
        pd.DataFrame({"published": ["2022-01-05", "2022-01-07"], "target": ["Russia"] * 2, "mean_score": [-0.5, 0.1]})),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_plot_returns_a_figure_with_title_and_axis_labels(name):
    fig = CASES[name]()
    try:
        assert isinstance(fig, Figure)
        main = fig.axes[0]
        assert main.get_title() or (fig._suptitle is not None and fig._suptitle.get_text()), name
        assert main.get_xlabel() and (main.get_ylabel() or name == "stance_network"), name
    finally:
        plt.close(fig)


def test_every_public_plot_function_is_tested():
    public = {n for m in (plots.corpus, plots.voices, plots.topics, plots.timeline) for n in m.__all__}
    assert public == set(CASES)


def test_dates_of_years_1_to_9999_are_placed_in_order():
    # ISO strings, datetime.date and a date beyond pandas' nanosecond range (2262)
    values = ["0001-01-01", dt.date(988, 7, 1), "1500", "2022-01-05", "9999-12-31"]
    x, kind = date_positions(values)
    assert kind == "years" and x == sorted(x) and x[0] == 1.0 and 9999 < x[-1] < 10000
    x, kind = date_positions(["2300-01-01", "2300-03-01", dt.date(2301, 1, 1)])
    assert kind == "dates" and x == sorted(x)
    assert as_date("") is None and as_date("not a date") is None and as_date("2022-02-30") is None
    for events in (EVENTS.assign(date_start=["0001-01-01", "0988-06-01", "9999-12-31"]),
                   EVENTS.assign(date_start=[dt.date(2300, 1, 1), dt.date(2300, 1, 9), dt.date(2300, 2, 1)])):
        fig = plots.timeline.timeline(events, title="far dates")
        lo, hi = fig.axes[0].get_xlim()
        xs = [p for coll in fig.axes[0].collections for p in coll.get_offsets()[:, 0]]
        assert len(xs) == 3 and lo < min(xs) and max(xs) < hi
        plt.close(fig)


def test_empty_tables_give_a_figure_that_says_so():
    fig = plots.timeline.timeline(EVENTS.iloc[:0])
    assert "no dated events" in fig.axes[0].texts[0].get_text()
    plt.close(fig)
