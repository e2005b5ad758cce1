"""Regressions a second review of the twenty-first session's changes found, each written as a test."""

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402

from kzlib.framing import description_speakers  # noqa: E402
from kzlib.plots.voices import outlet_stance  # noqa: E402


def test_a_description_that_holds_a_name_stays_a_voice():
    # "the company" in twenty stories is twenty companies; "the Lee campaign" is one body wherever it is named
    q = pd.DataFrame({"speaker": ["the company", "Lee campaign", "the Obama administration", "some analysts"],
                      "speaker_resolution": ["description"] * 4})
    assert description_speakers(q) == ["some analysts", "the company"]


def test_the_outlet_stance_legend_keeps_its_colours_when_the_first_panel_is_pale():
    # outlet A has a single voice (a pale bar), outlet B three: the legend's two colours must still differ
    t = pd.DataFrame({"outlet": ["A", "B"], "target": ["Russia", "Russia"], "n_voices": [1, 3],
                      "share_favor": [0.0, 0.34], "share_against": [1.0, 0.66]})
    fig = outlet_stance(t, targets=["Russia"])
    # (one figure legend since the twenty-second session, with the bar styles after the two colours)
    handles = fig.legends[0].legend_handles
    assert [h.get_label() for h in handles][:2] == ["against", "favor"]
    assert handles[0].get_facecolor() != handles[1].get_facecolor()
