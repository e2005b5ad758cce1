"""Session 23: the corpus summary reads missing outlets and abbreviations as the rest of the package does;
framing refuses a negative number of terms."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from kzlib.corpus import OUTLET_NOT_GIVEN
from kzlib.errors import ParameterError
from kzlib.framing import written_terms
from kzlib.pipeline.parameters import check_parameter_ranges
from kzlib.stages import corpus_summary


def test_outlets_written_unknown_or_nan_are_no_outlets(seeds_corpus):
    docs = seeds_corpus.documents.copy()
    docs.loc[docs.index[:2], "outlet"] = ["unknown", "nan"]
    table = corpus_summary(dataclasses.replace(seeds_corpus, documents=docs))["documents_by_outlet"]
    assert "unknown" not in set(table["outlet"]) and "nan" not in set(table["outlet"])
    row = table[table["outlet"] == OUTLET_NOT_GIVEN].drop(columns="outlet")
    assert int(row.to_numpy().sum()) == 2


def test_abbreviation_sentences_use_the_splitters_list(seeds_corpus):
    sents = pd.DataFrame({"doc_id": "d", "para_id": 0, "sentence_id": [0, 1, 2, 3], "start": 0, "end": 0,
                          "text": ["Gen. Ivanov arrived.", "Sen. Roe voted no.", "It rained at first.",
                                   "Mr. Roe left the U.S. on Jan. 7."]})
    out = corpus_summary(dataclasses.replace(seeds_corpus, sentences=sents))["abbreviation_sentences"]
    # "Gen." and "Sen." are in kzlib/data/abbreviations.txt but were not in the old four-item check
    assert out["sentence_id"].tolist() == [0, 1, 3]


def test_a_negative_number_of_framing_terms_is_refused():
    t = pd.DataFrame({"term": ["a", "b"], "group": ["x", "x"], "log_odds_z": [0.5, 0.1], "count": [3, 2]})
    with pytest.raises(ParameterError, match="per_group must be 0 or more"):
        written_terms(t, per_group=-2)
    assert written_terms(t, per_group=0).empty
    with pytest.raises(ParameterError, match="terms_per_group"):
        check_parameter_ranges({"terms_per_group": -5},
                               {"04_stance.ipynb": {"terms_per_group": {"type": "int", "default": "50", "help": ""}}})


def test_the_topics_stage_declares_the_tables_topic_tables_makes():
    from kzlib.stages import STAGES
    from kzlib.topics.study import TABLES

    assert tuple(STAGES["topics"].tables) == TABLES


def test_contributing_lists_every_stage_with_its_tables():
    from pathlib import Path

    from kzlib.stages import STAGES

    text = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in STAGES:
            rows[cells[0]] = cells
    public = {name: st for name, st in STAGES.items() if not name.startswith("_")}
    assert set(rows) == set(public)
    for name, st in public.items():
        if st.tables:
            assert rows[name][3] == ", ".join(st.tables), name
        assert rows[name][1] == (", ".join(st.inputs) or "–"), name
