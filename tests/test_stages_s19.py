"""The corpus summary leaves no outlet out (nineteenth session: 15 of 35 outlets, and two publication dates,
vanished from documents_by_outlet on a 39-document corpus while the notebook said "35 outlets")."""

from types import SimpleNamespace

import pandas as pd

from kzlib.stages import corpus_summary


def test_outlets_beyond_the_twenty_largest_share_one_row():
    outlets = [f"outlet {i:02d}" for i in range(25)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)],
                         "outlet": outlets + ["outlet 00"] * 5,
                         "published": ["2022-01-05"] * 29 + ["2022-01-12"]})
    paras = pd.DataFrame({"doc_id": docs["doc_id"], "para_id": 0, "kind": "body", "text": "Troops arrived.",
                          "duplicate_of": -1})
    sents = pd.DataFrame({"doc_id": docs["doc_id"], "sentence_id": 0, "text": "Troops arrived."})
    table = corpus_summary(SimpleNamespace(documents=docs, paragraphs=paras, sentences=sents))["documents_by_outlet"]
    assert len(table) == 21
    assert "other (5 outlets)" in table["outlet"].tolist()
    assert int(table.drop(columns="outlet").to_numpy().sum()) == 30  # every document counted
    assert "2022-01-12" in table.columns
