"""Stance figures that stay readable on many outlets (issue 19 review, section 7): panels wrap into a
grid, at most a given number of outlets or groups is drawn and the title says how many are not, a group
with no distinctive word says so instead of showing words, and stance over time breaks its lines where
there is no data and shows how many quotes each point rests on. The tables are built for the tests."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from kzlib.plots.timeline import stance_over_time  # noqa: E402
from kzlib.plots.voices import distinctive_terms, outlet_stance  # noqa: E402


def _visible(fig) -> list:
    return [ax for ax in fig.axes if ax.get_visible()]


def test_many_outlets_wrap_into_a_grid_and_the_title_says_how_many_are_not_drawn():
    # 40 outlets; outlet i has i + 1 quoted voices on one target
    table = pd.DataFrame({"outlet": [f"o{i:02d}" for i in range(40)], "target": ["Russia"] * 40,
                          "share_favor": [0.5] * 40, "share_against": [0.25] * 40, "n_voices": list(range(1, 41))})
    fig = outlet_stance(table, targets=["Russia", "NATO"], top_n=16, ncols=4)
    try:
        axes = _visible(fig)
        assert len(axes) == 16
        assert sorted(ax.get_title() for ax in axes) == [f"o{i:02d}" for i in range(24, 40)]  # the most voices
        assert "24 not drawn" in fig._suptitle.get_text() and "of 40" in fig._suptitle.get_text()
        width, height = fig.get_size_inches()
        assert width <= 4 * 4.0 + 1e-6          # four panels a row, however many outlets
        assert len({round(ax.get_position().y0, 3) for ax in axes}) == 4  # four rows
    finally:
        plt.close(fig)
    fig = outlet_stance(table.head(3), targets=["Russia"])
    try:
        assert len(_visible(fig)) == 3 and "not drawn" not in fig._suptitle.get_text()
    finally:
        plt.close(fig)


def test_groups_without_a_distinctive_word_get_no_panel_of_words_and_are_named():
    table = pd.DataFrame({"group": ["A", "A", "A", "B", "B", "C"], "term": ["war", "peace", "treaty", "x", "y", "z"],
                          "log_odds_z": [3.0, 2.1, 0.3, 1.0, 0.9, 0.5], "count": [9, 5, 2, 4, 3, 2]})
    fig = distinctive_terms(table, title="Words")
    try:
        axes = _visible(fig)
        assert [ax.get_title() for ax in axes] == ["A"]
        # only the words that reach z = 1.96, the strongest on top
        assert [t.get_text() for t in axes[0].get_yticklabels()] == ["peace", "war"]
        assert "no word reaches z ≥ 1.96: B, C" in fig._suptitle.get_text()
    finally:
        plt.close(fig)
    fig = distinctive_terms(table[table["group"] != "A"], title="Words")
    try:
        axes = _visible(fig)
        assert len(axes) == 1 and [t.get_text() for t in axes[0].texts] == ["no word of any group reaches z ≥ 1.96"]
        assert axes[0].get_yticklabels() == [] or all(not t.get_text() for t in axes[0].get_yticklabels())
    finally:
        plt.close(fig)


def test_distinctive_term_panels_are_capped_and_the_rest_counted():
    rows = [{"group": f"g{i:02d}", "term": f"w{i}", "log_odds_z": 2.0 + i / 10, "count": 10} for i in range(30)]
    fig = distinctive_terms(pd.DataFrame(rows), title="Words", top_groups=8, ncols=4)
    try:
        assert len(_visible(fig)) == 8 and "22 not drawn" in fig._suptitle.get_text()
    finally:
        plt.close(fig)


def test_stance_over_time_breaks_lines_over_gaps_and_shows_n():
    t = pd.DataFrame({"published": ["2022-01-05", "2022-01-06", "2022-02-20"], "target": ["NATO"] * 3,
                      "mean_score": [-0.5, -0.2, 0.4], "n": [3, 1, 2]})
    fig = stance_over_time(t, max_gap_days=7)
    try:
        ax = fig.axes[0]
        y = list(ax.lines[-1].get_ydata())
        # the two January days are joined, the six-week gap is not
        assert y[:2] == [-0.5, -0.2] and math.isnan(y[2]) and y[3] == 0.4
        assert [tx.get_text() for tx in ax.texts] == ["n=3", "n=1", "n=2"]
        assert ax.get_legend().get_texts()[0].get_text() == "NATO (n=6)"
    finally:
        plt.close(fig)


def test_a_described_voice_is_labelled_as_a_description():
    import pandas as pd

    from kzlib.plots.voices import voices_by_affiliation

    v = pd.DataFrame({"speaker": ["company", "Jane Okafor"], "affiliation": ["unknown", "Kazakhstan"],
                      "n_quotes": [4, 2], "described": [1.0, 0.0]})
    labels = [t.get_text() for t in voices_by_affiliation(v).axes[0].get_legend().get_texts()]
    assert sorted(labels) == ["Jane Okafor", "company (description)"]
