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
