"""Session 23: a researcher's own gazetteer reaches every stage that reads names -- topics (names kept as one
term) and the corpus's provenance (the repair of spun names) -- not only quotes, stance and events."""

from __future__ import annotations

import pandas as pd

import kzlib.preparation as preparation
from kzlib.actors import Gazetteer
from kzlib.stages import STAGES
from kzlib.topics import topic_tables

GAZETTEER = """\
actors:
  - name: Zorlan Vesk
    type: person
    affiliation: government
    aliases: [Vesk]
"""


def test_the_stages_that_read_names_take_the_gazetteer_parameter():
    assert "gazetteer" in STAGES["topics"].uses
    assert "gazetteer" in STAGES["corpus"].uses


def _two_subjects() -> tuple[pd.DataFrame, pd.DataFrame]:
    # made-up texts: a grain story that names an invented minister in full or by surname alone, a port story
    full = "Zorlan Vesk said the grain harvest fell and farmers asked for seed loans and cheaper diesel."
    surname = "Vesk said the grain harvest fell and farmers asked for seed loans and cheaper diesel."
    port = "The port strike closed the docks, and the mayor warned dock unions that ships would sail elsewhere."
    texts = [port if i % 2 == 0 else (full if i % 4 == 1 else surname) for i in range(40)]
    paras = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(40)], "para_id": 0, "text_despun": texts,
                          "language": "en"})
    return paras, paras[["doc_id"]].assign(outlet="x.example", published="2022-01-06", language="en")


def test_topic_terms_read_a_surname_as_the_person_of_the_given_gazetteer():
    paras, docs = _two_subjects()
    plain = topic_tables(paras, docs, k=2, k_min=2, k_max=2, n_reruns=1)
    assert "vesk" in set(plain["topic_terms"]["term"])            # no gazetteer names him: two terms
    given = topic_tables(paras, docs, k=2, k_min=2, k_max=2, n_reruns=1,
                         actors={"Zorlan Vesk": "Zorlan Vesk", "Vesk": "Zorlan Vesk"})
    terms = set(given["topic_terms"]["term"])
    assert "zorlan vesk" in terms and "vesk" not in terms


def test_prepare_hands_the_gazetteer_file_to_provenance(tmp_path, monkeypatch):
    path = tmp_path / "actors.yaml"
    path.write_text(GAZETTEER, encoding="utf-8")
    seen = {}

    def fake_annotate(corpus, **kw):
        seen.update(kw)
        return corpus

    import kzlib.provenance as prov
    monkeypatch.setattr(prov, "annotate", fake_annotate)
    preparation.prepare(gazetteer=path)
    assert isinstance(seen["gazetteer"], Gazetteer)
    assert list(seen["gazetteer"].actors) == ["Zorlan Vesk"]
    preparation.prepare()
    assert seen["gazetteer"] is None                       # the bundled one, chosen by provenance itself
