"""Framing compares Russian documents on the study's subject only, read by the targets' ``ru_scope``."""

import pandas as pd

from kzlib.framing.subject import subject_documents
from kzlib.stance import load_targets


def test_a_russian_document_on_other_news_is_off_the_subject():
    docs = pd.DataFrame({"doc_id": ["crisis", "football", "german"], "language": ["ru", "ru", "de"]})
    paras = pd.DataFrame({"doc_id": ["crisis", "football", "german"], "kind": "body",
                          "text": ["Десантники прибыли в Алматы по просьбе Токаева.",
                                   "Сборная России проиграла в Лондоне.",
                                   "Der Zug kam spät an."]})
    out = subject_documents(paras, docs, load_targets()).set_index("doc_id")
    assert out.loc["crisis", "on_subject"] and not out.loc["football", "on_subject"]
    # no target has scope phrases in German: that document is kept, and the basis says why
    assert out.loc["german", "on_subject"]
    assert out.loc["german", "subject_basis"].startswith("not checked")


def test_the_framing_table_written_keeps_significant_terms_and_each_groups_top_terms():
    from kzlib.framing import written_terms

    # group x: one significant term and three of no note; group y: nothing significant
    t = pd.DataFrame({"term": ["war", "said", "the", "week", "rain", "sun"], "group": ["x", "x", "x", "x", "y", "y"],
                      "log_odds_z": [3.1, 0.9, 0.2, -0.4, 1.2, -1.0], "count": [12, 40, 90, 5, 3, 2]})
    kept = written_terms(t, per_group=2)
    # x: "war" (significant and its top), "said" (its second); y: its two terms, however small their z
    assert kept["term"].tolist() == ["war", "said", "rain", "sun"]
