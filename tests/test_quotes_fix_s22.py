"""Regressions of the quotes22 merge (second review of session 22): a junior's formal name the gazetteer lists
without the suffix, and a bare place word linked as the surname of a place's name."""
from __future__ import annotations

import pandas as pd

from kzlib.actors import default_gazetteer
from kzlib.quotes import extract_quotes


def _quotes(texts: list[str]) -> pd.DataFrame:
    p = pd.DataFrame({"doc_id": "d", "para_id": range(len(texts)), "kind": "body", "text": texts,
                      "text_despun": texts})
    return extract_quotes(p, actors=default_gazetteer(), min_words=5)


def test_a_juniors_formal_name_is_the_gazetteers_person() -> None:
    q = _quotes(["Vice President Joseph R. Biden Jr. spoke in Scranton on Monday.",
                 "\"We will rebuild the middle class of this country,\" Mr. Biden said."])
    assert q.loc[q["quote"].str.contains("middle class"), "speaker"].tolist() == ["Joe Biden"]


def test_a_son_without_a_middle_name_stays_apart() -> None:
    q = _quotes(["Donald Trump Jr. spoke at the convention on Tuesday.",
                 "\"My father has always listened to the working men of this country,\" Donald Trump Jr. said."])
    assert q.loc[q["quote"].str.contains("working men"), "speaker"].tolist() == ["Donald Trump Jr."]


def test_a_place_word_is_no_surname_of_a_place_name() -> None:
    q = _quotes(["Protesters cut off access to the Port of Miami on Friday.",
                 "The boy's relatives in Miami said they would look for ways to get around the ruling soon."])
    assert "Port of Miami" not in set(q["speaker"])
