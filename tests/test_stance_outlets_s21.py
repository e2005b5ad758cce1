"""Outlet stance: documents with no outlet are no outlet of their own (twenty-first session)."""

import logging

import pandas as pd

from kzlib.stance import outlet_stance


def test_documents_without_an_outlet_are_left_out_and_counted(caplog):
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Daily", "", None]})
    st = pd.DataFrame({"doc_id": ["a", "b", "c"], "quote_id": ["1", "1", "1"], "speaker": ["X", "Y", "Z"],
                       "target": ["Russia"] * 3, "stance": ["against", "favor", "favor"],
                       "score": [-0.8, 0.6, 0.7], "evidence": [""] * 3})
    with caplog.at_level(logging.WARNING, logger="kzlib.stance.summary"):
        out = outlet_stance(st, documents=docs, n_boot=0)
    # only the Daily's one voice: the two documents without an outlet are not pooled as an "unknown" outlet
    assert out[["outlet", "n_voices", "share_against"]].values.tolist() == [["Daily", 1, 1.0]]
    assert "2 quote-target rows from 2 documents with no outlet left out" in caplog.text


def test_no_outlet_at_all_gives_an_empty_table():
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": [""]})
    st = pd.DataFrame({"doc_id": ["a"], "quote_id": ["1"], "speaker": ["X"], "target": ["Russia"],
                       "stance": ["against"], "score": [-0.8], "evidence": [""]})
    assert outlet_stance(st, documents=docs, n_boot=0).empty
