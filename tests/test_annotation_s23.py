"""Session 23: coders' sheets are safe to open in a spreadsheet, and repeated codes are never dropped silently."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from kzlib.errors import AnnotationError
from kzlib.stance import agreement, export_annotation_sheet, import_annotation_sheet


def _stances() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d1", "d2"], "quote_id": ["1", "1"], "speaker": ["@handle", "Jane Roe"],
                         "target": ["Russia", "Russia"], "stance": ["none", "none"], "score": [0.0, 0.0],
                         "quote": ["=HYPERLINK(\"http://x.example\")", "-- they must leave, she said"]})


def test_the_sheet_escapes_quote_text_that_a_spreadsheet_would_run(tmp_path):
    path = tmp_path / "sheet.csv"
    sheet = export_annotation_sheet(_stances(), n=2, path=path)
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written["quote"].tolist() == ["'=HYPERLINK(\"http://x.example\")", "'-- they must leave, she said"]
    assert written["speaker"].tolist() == ["'@handle", "Jane Roe"]
    # the returned table and the keys stay as they are, so the coded sheet reads back
    assert sheet["quote"].iloc[0].startswith("=")
    assert written["item_id"].tolist() == ["d1|1|Russia", "d2|1|Russia"]
    written["stance"] = ["against", "none"]
    written["coder"] = "ana"
    written.to_csv(path, index=False)
    back = import_annotation_sheet(path)
    assert back[["item_id", "stance"]].values.tolist() == [["d1|1|Russia", "against"], ["d2|1|Russia", "none"]]


def test_a_code_repeated_with_the_same_stance_counts_once(caplog):
    first = pd.DataFrame({"item_id": ["d|1|Russia", "d|2|Russia"], "stance": ["favor", "none"], "coder": "ana"})
    again = pd.DataFrame({"item_id": ["d|1|Russia"], "stance": ["Favor"], "coder": "ana"})
    with caplog.at_level(logging.INFO, logger="kzlib.stance.annotation"):
        coded = import_annotation_sheet([first, again])
    assert coded["item_id"].tolist() == ["d|1|Russia", "d|2|Russia"]
    assert "1 repeated codes" in caplog.text


def test_two_different_codes_by_one_coder_are_an_error_that_names_the_item():
    first = pd.DataFrame({"item_id": ["d|1|Russia"], "stance": ["favor"], "coder": "ana"})
    second = pd.DataFrame({"item_id": ["d|1|Russia"], "stance": ["against"], "coder": "ana"})
    with pytest.raises(AnnotationError, match=r"d\|1\|Russia \(ana\)"):
        import_annotation_sheet([first, second])
    # the same check guards a table built by hand
    by_hand = pd.DataFrame({"item_id": ["1", "1", "1"], "coder": ["a", "a", "b"], "stance": ["favor", "none", "favor"]})
    with pytest.raises(AnnotationError, match="coded twice"):
        agreement(by_hand)
