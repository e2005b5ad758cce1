"""Plots that stay readable on a corpus of thousands of documents (eighteenth session): the timeline labels a few
dates per lane, the coverage plot writes counts only when they fit. The tables are built for the tests."""

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402

from kzlib.plots.timeline import coverage, timeline  # noqa: E402


def _events(n: int) -> pd.DataFrame:
    days = pd.date_range("2021-01-01", periods=n, freq="D").strftime("%Y-%m-%d")
    return pd.DataFrame({"date_start": days, "label": [f"event {i}" for i in range(n)], "granularity": ["day"] * n,
                         "doc_id": [f"d{i}" for i in range(n)], "actor": ["Okafor"] * n})


def test_the_timeline_labels_at_most_the_given_number_of_dates_per_lane():
    fig = timeline(_events(200), labels_per_lane=5)
    ax = fig.axes[0]
    assert len(ax.texts) == 5
    assert "5 of 200" in ax.get_title()
    fig = timeline(_events(3), labels_per_lane=5)  # few dates: every one labelled, the title as given
    assert len(fig.axes[0].texts) == 3 and fig.axes[0].get_title() == "Dated events by actor"


def test_coverage_writes_counts_only_when_they_fit():
    days = pd.date_range("2021-01-01", periods=100, freq="D").strftime("%Y-%m-%d")
    cov = pd.DataFrame({"published": days, "outlet": ["A"] * 100, "date_certainty": ["exact"] * 100,
                        "n_documents": [1] * 99 + [7]})
    ax = coverage(cov, max_annotated=40).axes[0]
    assert len(ax.texts) == 0 and "7 at most" in ax.get_title()
    ax = coverage(cov.head(10), max_annotated=40).axes[0]
    assert len(ax.texts) == 10


def test_publication_periods_group_a_years_days_so_that_a_table_stays_short():
    from kzlib.topics import publication_periods

    days = pd.Series(pd.date_range("2021-01-01", "2021-12-31", freq="D").strftime("%Y-%m-%d").tolist() + [""])
    periods, name = publication_periods(days, max_periods=40)
    assert name == "month" and periods.iloc[0] == "2021-01" and periods.iloc[-1] == ""  # 52 weeks > 40, 12 months
    periods, name = publication_periods(pd.Series(["0988-05-01", "1066-10-14"]), max_periods=40)
    assert name == "day" and periods.tolist() == ["0988-05-01", "1066-10-14"]  # ancient dates as written


def test_publication_periods_keep_a_placeholder_when_grouping_by_quarter():
    from kzlib.topics import publication_periods

    months = pd.date_range("2010-01-01", periods=60, freq="MS").strftime("%Y-%m-%d").tolist()
    periods, name = publication_periods(pd.Series(months + ["(unknown)"]), max_periods=40)
    assert name == "quarter" and periods.iloc[0] == "2010-Q1" and periods.iloc[-1] == "(unknown)"
