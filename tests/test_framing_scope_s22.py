"""Framing compares Russian documents on the study's subject only, read by the targets' ``ru_scope``."""

import pandas as pd

from kzlib._framing_subject import subject_documents
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
