"""Stance over time: rows that only name a target do not pull a date's mean towards 0 (twenty-first session)."""

import math

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402

from kzlib.plots.timeline import stance_over_time as plot_stance_over_time  # noqa: E402
from kzlib.timeline import stance_over_time  # noqa: E402

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "published": ["2022-01-06", "2022-01-07", "2022-01-08"]})


def test_none_rows_are_counted_but_not_averaged():
    # on the 6th one quote is against (-0.8) and three only name the CSTO: the date's stance is against,
    # not a fifth of it
    st = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"], "target": ["CSTO"] * 5,
                       "stance": ["against", "none", "none", "none", "favor"],
                       "score": [-0.8, 0.05, 0.0, -0.1, 0.5]})
    t = stance_over_time(st, DOCS).set_index("published")
    assert t.loc["2022-01-06", "n"] == 4 and t.loc["2022-01-06", "n_stance"] == 1
    assert t.loc["2022-01-06", "mean_score"] == -0.8
    assert t.loc["2022-01-07", "mean_score"] == 0.5


def test_a_date_where_no_quote_takes_a_side_has_no_mean_and_no_marker():
    st = pd.DataFrame({"doc_id": ["a", "b", "c"], "target": ["CSTO"] * 3, "stance": ["against", "none", "favor"],
                       "score": [-0.6, 0.0, 0.4]})
    t = stance_over_time(st, DOCS).set_index("published")
    assert math.isnan(t.loc["2022-01-07", "mean_score"]) and t.loc["2022-01-07", "n_stance"] == 0
    ax = plot_stance_over_time(t.reset_index()).axes[0]
    # two markers (the 6th and the 8th), each labelled with its one quote taking a side
    assert [tx.get_text() for tx in ax.texts] == ["n=1", "n=1"]
