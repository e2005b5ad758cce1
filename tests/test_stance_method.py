"""The study's stance_method: the rules alone (the default), or a classifier trained on the researcher's coded rows
and combined with them, whose stances the summaries then read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kzlib
from kzlib.errors import ParameterError
from kzlib.pipeline.parameters import check_parameter_ranges
from kzlib.stages import bundled_gold

DECLARED = {"04_stance.ipynb": {"stance_method": {"type": "str", "default": '"rules"', "help": ""},
                                "stance_gold": {"type": "str", "default": '""', "help": ""}}}


def test_combined_without_coded_rows_is_refused_before_any_work(tmp_path: Path):
    with pytest.raises(ParameterError, match="no stance_gold was given"):
        check_parameter_ranges({"stance_method": "combined"}, DECLARED)
    with pytest.raises(ParameterError, match="is not a file"):
        check_parameter_ranges({"stance_method": "combined", "stance_gold": str(tmp_path / "nope.csv")}, DECLARED)
    with pytest.raises(ParameterError, match="must be one of"):
        check_parameter_ranges({"stance_method": "classifier"}, DECLARED)
    coded = tmp_path / "coded.csv"
    coded.write_text("quote,target,stance\n")
    check_parameter_ranges({"stance_method": "combined", "stance_gold": str(coded)}, DECLARED)  # accepted
    check_parameter_ranges({}, DECLARED)                                                           # the default


def test_combined_stances_follow_the_coded_rows_and_keep_their_evidence(tmp_path: Path):
    # coders who read every quote the rules put against the United States as favour: the combined table and the
    # summary must follow them where the classifier is sure, and every row keeps the rules' evidence
    rules = kzlib.open_study("")
    st = rules.stances
    assert "method" not in st.columns                                   # the default: the rules alone
    gold = pd.read_csv(bundled_gold("stance"))
    flipped = gold.assign(stance=gold["stance"].where(gold["target"] != "United States", "favor"))
    path = tmp_path / "coded.csv"
    flipped.to_csv(path, index=False)
    combined = kzlib.open_study("", stance_method="combined", stance_gold=str(path))
    both = combined.stances
    assert len(both) == len(st) and (both["evidence"] == st["evidence"]).all()
    assert set(both["method"]) <= {"model", "rules"} and (both["rule_stance"] == st["stance"]).all()
    us = both[(both["target"] == "United States") & (both["method"] == "model")]
    # as coded (none where the classifier reads no stance at all), never as the rules read them
    assert len(us) > 0 and "against" not in set(us["stance"]) and (us["stance"] == "favor").mean() > 0.5
    assert (st.loc[us.index, "stance"] == "against").any()
    favour = us[us["stance"] == "favor"]
    assert (favour["score"] == favour["model_proba"]).all()            # the summaries average this score
    summary = combined.stance_summary
    cell = summary[summary["target"] == "United States"]
    assert (cell["stance"] != "against").all()                         # no speaker stays against it
    with pytest.raises(ParameterError, match="stance_method"):
        _ = kzlib.open_study("", stance_method="combined").stances
