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


def test_she_after_a_bare_surname_read_as_the_husband_is_the_wife() -> None:
    q = _quotes(["Hillary Clinton's campaign opened an office in the town last month.",
                 "The first volunteers inside the door are Eva Miller and Gloria Major, who remember the old days.",
                 "Many voters remember the years of President Bill Clinton in office.",
                 "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being late to the issue.",
                 "\"You can't just show up at election time and say the right things,\" she said."])
    assert q.loc[q["quote"].str.contains("election time"), "speaker"].tolist() == ["Hillary Clinton"]


def test_they_after_a_possessors_relatives_is_the_relatives() -> None:
    q = _quotes(["But Elian's relatives in Miami have fought to keep the boy, saying they could provide him with a "
                 "better life. Since the decision was announced Wednesday, they have said they will appeal the "
                 "decision."])
    assert q.loc[q["quote"].str.contains("appeal"), "speaker"].tolist() == ["Elian's relatives"]


def test_a_place_of_the_document_is_no_speaker_nor_antecedent() -> None:
    from kzlib.quotes._places import _DocPlaces
    from kzlib.quotes.speakers import _DocState, _Ent, _resolve_pronoun

    g = default_gazetteer()
    st = _DocState(places=_DocPlaces(["The bomb was meant for a target in Westland, the police said."]))
    st.ents["Westland"] = _Ent("Westland", "", "")
    st.note_speaker(g, "Westland", 0)  # (a name of unknown kind quoted: taken for a person)
    assert _resolve_pronoun("they", g, st, []) == ""
    assert _resolve_pronoun("he", g, st, []) == ""
    st.ents["Jane Roe"] = _Ent("Jane Roe", "person", "f")
    assert _resolve_pronoun("she", g, st, []) == "Jane Roe"
