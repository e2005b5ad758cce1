"""Stance and voice figures (review of session 20, sections 4, 5, 10, 14, 15): a cell's number and a link's
width count the stories with a stance, weak cells are hatched and weak links dashed, targets without rows
are not drawn, the network's legend stays clear of its axis label, the naming figure prints n and leaves
out small groups, and a speaker no gazetteer places is labelled "not in gazetteer". Tables built for the
tests."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from kzlib.plots.voices import naming_families, outlet_stance, stance_heatmap, stance_network, voices_by_affiliation  # noqa: E402


def _summary() -> pd.DataFrame:
    # A: named in 9 stories, a stance in 1 of them (single quote); B: a stance in 3 stories (a finding)
    return pd.DataFrame({"speaker": ["A", "B"], "target": ["Ruritania", "Ruritania"], "stance": ["favor", "against"],
                         "score": [0.9, -0.6], "n_quotes": [9, 4], "n_stories": [9, 3], "n_stance_stories": [1, 3],
                         "n_favor": [1, 0], "n_against": [0, 4], "basis": ["single quote", "finding"]})


def test_heatmap_numbers_stories_with_a_stance_hatches_weak_cells_and_drops_empty_targets():
    fig = stance_heatmap(_summary(), targets=["Ruritania", "Freedonia"])
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["Ruritania"]
        assert sorted(t.get_text() for t in ax.texts) == ["1", "3"]  # not 9
        hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
        assert len(hatched) == 1 and hatched[0].get_xy() == (-0.5, -0.5)  # A's row (alphabetical: first)
    finally:
        plt.close(fig)


def test_network_width_counts_stories_with_a_stance_and_dashes_weak_links():
    fig = stance_network(_summary(), targets=["Ruritania", "Freedonia"])
    try:
        ax = fig.axes[0]
        drawn = [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 2]
        by_width = sorted((round(ln.get_linewidth(), 2), ln.get_linestyle()) for ln in drawn)
        assert by_width == [(2.0, "--"), (4.4, "-")]  # 0.8 + 1.2 x stories with a stance
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        legend = ax.get_legend().get_window_extent(r)
        label = ax.xaxis.label.get_window_extent(r)
        assert not legend.overlaps(label)
        assert any("not in gazetteer" in t.get_text() for t in ax.texts)
    finally:
        plt.close(fig)


def test_outlet_panels_drop_targets_without_rows():
    t = pd.DataFrame({"outlet": ["N"], "target": ["Ruritania"], "share_favor": [0.5], "share_against": [0.5],
                      "n_voices": [2]})
    fig = outlet_stance(t, targets=["Freedonia", "Ruritania", "Graustark"])
    try:
        assert [x.get_text() for x in fig.axes[0].get_yticklabels()] == ["Ruritania"]
    finally:
        plt.close(fig)


def test_naming_rows_print_n_and_small_groups_are_left_out():
    n = pd.DataFrame({"comparison": ["outlet"] * 3, "group": ["N", "N", "M"],
                      "family": ["protesters", "rioters", "terrorists"], "share": [0.75, 0.25, 1.0],
                      "count": [9, 3, 1]})
    fig = naming_families(n)
    try:
        ax = fig.axes[0]
        assert [x.get_text() for x in ax.get_yticklabels()] == ["N (outlet, n=12)"]
        assert "1 group with fewer than 10 namings not drawn" in ax.get_title()
    finally:
        plt.close(fig)


def test_affiliation_unknown_reads_not_in_gazetteer_with_a_caveat():
    v = pd.DataFrame({"speaker": ["A", "B", "C"], "affiliation": ["unknown", "unknown", "Ruritania"],
                      "n_quotes": [50, 40, 10]})
    fig = voices_by_affiliation(v)
    try:
        ax = fig.axes[0]
        assert "not in gazetteer" in [x.get_text() for x in ax.get_yticklabels()]
        assert "90% of all quotations come from voices not in the gazetteer" in ax.get_title()
    finally:
        plt.close(fig)
