"""Figures over a corpus that spans eras (twenty-second review, 1,219 documents from 1989 to 2022): undated
documents drawn as the newest month, a colour bar by month rank, outlet-stance bars solid where the table says
"no stance", one 2015 article stretching the stance axis to 2022, 33 years of coverage on one axis, a quote-length
axis stretched by one speech, and an arbitrary fold of outlets into "other (N outlets)"."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kzlib.corpus import DATE_NOT_GIVEN  # noqa: E402
from kzlib.plots import corpus, timeline  # noqa: E402
from kzlib.plots import voices as pv  # noqa: E402
from kzlib.stages import corpus_summary  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _summary(docs: pd.DataFrame) -> pd.DataFrame:
    paras = pd.DataFrame({"doc_id": docs["doc_id"], "para_id": 0, "kind": "body", "text": "Troops arrived.",
                          "duplicate_of": -1})
    sents = pd.DataFrame({"doc_id": docs["doc_id"], "sentence_id": 0, "text": "Troops arrived."})
    return corpus_summary(SimpleNamespace(documents=docs, paragraphs=paras, sentences=sents))["documents_by_outlet"]


def test_undated_documents_keep_the_whole_label_when_dates_are_cut_to_months():
    # 14 different days (more than 12: counted by month) and 2 documents without a date
    days = [f"2016-{m:02d}-01" for m in range(1, 15 - 2)] + ["2022-01-05", "2022-01-06"]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(16)], "outlet": ["A"] * 16, "published": days + ["", ""]})
    table = _summary(docs)
    assert DATE_NOT_GIVEN == "date not given"
    assert DATE_NOT_GIVEN in table.columns and "date no" not in table.columns
    assert int(table.loc[0, DATE_NOT_GIVEN]) == 2
    assert "2022-01" in table.columns  # the two January days are one month


def test_outlets_folded_are_those_with_fewest_documents_ties_by_name():
    names = [f"o{i:02d}" for i in range(22)]
    order = [names[i] for i in (5, 21, 0, 13, 20, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(23)], "outlet": order + ["o21"],
                         "published": ["2022-01-05"] * 23})
    rows = _summary(docs)["outlet"].tolist()
    # o21 has two documents: it stays; of the 21 one-document outlets the 19 first by name stay
    assert "o21" in rows and "o18" in rows
    assert "o19" not in rows and "o20" not in rows
    assert "other (2 outlets)" in rows


def _month_table() -> pd.DataFrame:
    months = ["1990-01", "1998-01", "1999-01", "2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06",
              "2016-07", "2016-08", "2016-09", "2016-10", "2016-11", "2016-12", "2022-01"]
    row = {m: [1, 0] for m in months}
    return pd.DataFrame({"outlet": ["A", "other (3 outlets)"], **row, "date no": [0, 5]})


def test_undated_column_of_an_old_run_is_grey_and_the_colour_bar_is_in_years():
    docs = pd.DataFrame({"doc_id": ["a"], "n_words": [100]})
    fig = corpus.documents_per_outlet(_month_table(), docs)
    ax = fig.axes[0]
    greys = [p for p in ax.patches if p.get_width() > 0 and np.allclose(p.get_facecolor()[:3], (0xd0 / 255,) * 3)]
    assert len(greys) == 1 and greys[0].get_width() == 5  # the five undated documents, and nothing else
    bar = fig.axes[-1]
    # the colour bar spans 1990 to 2022 in years: 1998 lies a quarter of the way, not at rank 2 of 16
    lo, hi = bar.get_ylim()
    assert (lo, hi) == pytest.approx((1990.0, 2022.0))
    assert any(DATE_NOT_GIVEN in t.get_text() for t in ax.get_legend().get_texts())
    assert "other (3 outlets): the outlets beyond the 1 with the most documents, ties by name" in ax.get_title()


def _outlet_table(basis: str, n_voices: int) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["W"], "target": ["China"], "share_favor": [0.3], "share_against": [0.4],
                         "n_voices": [n_voices], "n_favor": [2], "n_against": [2], "n_stories": [1],
                         "basis": [basis]})


@pytest.mark.parametrize(("basis", "solid"), [("no stance", False), ("one story", False), ("uncertain", False),
                                              ("single quote", False), ("finding", True)])
def test_outlet_stance_bar_is_solid_only_for_a_finding(basis, solid):
    fig = pv.outlet_stance(_outlet_table(basis, 6), targets=["China"])
    bars = [p for p in fig.axes[0].patches if p.get_width() != 0]
    assert len(bars) == 2
    assert all((p.get_alpha() in (None, 1.0)) == solid for p in bars)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any(lab.startswith(basis) for lab in labels)


def test_outlet_stance_ranks_outlets_by_voices_taking_a_side():
    t = pd.DataFrame({"outlet": ["many", "sided"], "target": ["Russia"] * 2, "share_favor": [0.0, 0.5],
                      "share_against": [0.0, 0.5], "n_voices": [9, 2], "n_favor": [0, 1], "n_against": [0, 1],
                      "n_stories": [1, 2], "basis": ["no stance", "uncertain"]})
    fig = pv.outlet_stance(t, targets=["Russia"], top_n=1)
    assert fig.axes[0].get_title() == "sided"


def test_stance_over_time_one_panel_per_period_and_one_legend_entry_per_target():
    t = pd.DataFrame({"published": ["2015-12-28", "2015-12-28", "2022-01-07", "2022-01-09", "2022-01-09"],
                      "target": ["China", "Russia", "protesters", "Russia", "protesters"],
                      "mean_score": [-0.1, -0.6, -0.9, -0.6, -0.8], "n_stance": [2, 1, 5, 1, 1]})
    fig = timeline.stance_over_time(t)
    assert [ax.get_title() for ax in fig.axes] == ["2015-12-28", "2022-01-07 to 2022-01-09"]
    labels = [x.get_text() for x in fig.legends[0].get_texts()]
    assert labels == ["China (n=2)", "Russia (n=2)", "protesters (n=6)", "hollow: n < 3"]
    lo, hi = fig.axes[1].get_xlim()
    assert hi - lo < 30  # the crisis panel spans days, not years


def test_coverage_panels_per_period_hold_their_own_outlets():
    c = pd.DataFrame({"published": ["1998-03-02", "2016-05-01", "2016-05-03", "2022-01-05", ""],
                      "outlet": ["", "nyt", "wash-post", "kloop.kg", "rt"],
                      "date_certainty": ["exact"] * 4 + ["unknown"], "n_documents": [3, 2, 1, 1, 1]})
    fig = timeline.coverage(c)
    ticks = [[t.get_text() for t in ax.get_yticklabels()] for ax in fig.axes]
    assert ticks == [["outlet not given"], ["wash-post", "nyt"], ["kloop.kg"]]
    assert "1 document without a publication date not drawn" in fig._suptitle.get_text()


def test_coverage_leaves_out_the_smallest_periods_and_says_so():
    c = pd.DataFrame({"published": ["1990-01-01", "1995-01-01", "2022-01-05"], "outlet": ["A", "B", "C"],
                      "date_certainty": ["exact"] * 3, "n_documents": [1, 4, 9]})
    fig = timeline.coverage(c, max_panels=2)
    assert len(fig.axes) == 2
    assert "1 of 3 periods not drawn" in fig._suptitle.get_text()
    assert "those with the fewest documents (1 document in all, 1990-01-01)" in fig._suptitle.get_text()


def test_quote_length_axis_clipped_at_the_99th_percentile():
    q = pd.DataFrame({"kind": ["direct"] * 199 + ["indirect"], "n_words": list(range(1, 200)) + [1327]})
    ax = pv.quote_lengths(q).axes[0]
    # 200 lengths: the 99th percentile (position 0.99 * 199 = 197.01, rounded down) is the 198th smallest, 198
    # words; 199 and the 1327-word speech are longer
    assert ax.get_xlim()[1] < 300
    assert "99th percentile, 198 words: 2 longer quotations, up to 1327 words" in ax.get_title()
    assert sum(p.get_height() for p in ax.patches) == 200  # every quotation counted


def test_colour_bar_of_a_year_or_two_is_labelled_by_month():
    months = [f"2021-{m:02d}" for m in range(1, 13)] + ["2022-01", "2022-02", "2022-03", "2022-04"]
    by = pd.DataFrame({"outlet": ["A"], **{m: [1] for m in months}})
    fig = corpus.documents_per_outlet(by, pd.DataFrame({"doc_id": ["a"], "n_words": [10]}))
    bar = fig.axes[-1]
    labels = [t.get_text() for t in bar.get_yticklabels() if bar.get_ylim()[0] <= t.get_position()[1] <= bar.get_ylim()[1]]
    assert labels[0] == "2021-01" and all(len(x) == 7 and x[4] == "-" for x in labels)


def test_quote_length_axis_not_clipped_when_the_longest_is_near_the_percentile():
    q = pd.DataFrame({"kind": ["direct"] * 200, "n_words": list(range(1, 200)) + [250]})
    ax = pv.quote_lengths(q).axes[0]
    assert "clipped" not in ax.get_title()  # 250 words is under twice the 99th percentile (198)
    assert ax.get_xlim()[1] >= 250



def test_coverage_draws_an_unknown_certainty_mark_in_the_colour_its_legend_shows():
    # a dated document whose date certainty is "unknown" is drawn with "x", a marker of lines only: its colour is
    # its face colour (matplotlib ignores an edge colour there, with a warning), and the legend must show that
    # colour, not the edge colour the filled marks have
    import warnings

    from matplotlib.colors import to_rgba

    from kzlib.plots.timeline import coverage

    c = pd.DataFrame({"published": ["2022-01-05", "2022-01-06"], "outlet": ["A", "B"],
                      "date_certainty": ["exact", "unknown"], "n_documents": [1, 1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        ax = coverage(c).axes[0]
    legend = dict(zip((t.get_text() for t in ax.get_legend().get_texts()), ax.get_legend().legend_handles))
    assert legend["unknown"].get_marker() == "x"
    assert to_rgba(legend["unknown"].get_markeredgecolor()) == to_rgba("C3")   # the drawn colour, below
    (mark,) = [pc for pc in ax.collections if pc.get_offsets().shape[0] == 1 and pc.get_offsets()[0][1] == 0]
    drawn = mark.get_edgecolor() if mark.get_edgecolor().size else mark.get_facecolor()
    assert tuple(drawn[0]) == to_rgba("C3")
