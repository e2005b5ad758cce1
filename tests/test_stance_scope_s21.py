"""A target's scope: the bundled states and blocs are targets of the crisis study, so a story on another
subject gets no stance row towards them (twenty-first session)."""

import logging

import pandas as pd

from kzlib.stance import Target, detect_stance

QUOTE = "We strongly condemn the White House for this."


def _quotes(*doc_ids: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(doc_ids), "quote_id": ["0"] * len(doc_ids), "quote": [QUOTE] * len(doc_ids),
                         "speaker": ["X"] * len(doc_ids)})


def _paragraphs(**docs: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(docs), "para_id": [0] * len(docs), "text": list(docs.values())})


def test_a_story_outside_the_crisis_gets_no_row_towards_the_united_states(caplog):
    # an election story names no place, person or organisation of the January 2022 events
    paras = _paragraphs(election="The senator spoke in Ohio about the primary. " + QUOTE,
                        crisis="Troops flew into Almaty on Thursday. " + QUOTE)
    with caplog.at_level(logging.WARNING, logger="kzlib.stance.detect"):
        st = detect_stance(_quotes("election", "crisis"), paragraphs=paras)
    us = st[st["target"] == "United States"]
    assert us["doc_id"].tolist() == ["crisis"]
    assert us["stance"].tolist() == ["against"]
    assert "1 documents name nothing of the targets' scope" in caplog.text


def test_a_quote_read_alone_is_taken_to_be_on_the_subject():
    st = detect_stance(_quotes("alone"))
    assert st.loc[st["target"] == "United States", "stance"].tolist() == ["against"]


def test_a_target_without_scope_is_read_in_any_story():
    own = [Target("White House", aliases=("White House",))]
    paras = _paragraphs(election="The senator spoke in Ohio about the primary. " + QUOTE)
    st = detect_stance(_quotes("election"), targets=own, paragraphs=paras)
    assert st[["target", "stance"]].values.tolist() == [["White House", "against"]]
