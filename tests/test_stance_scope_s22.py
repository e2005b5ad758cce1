"""A target's scope for Russian quotes (``ru_scope``): a Russian story on another subject gets no stance row
towards the bundled states and blocs either (twenty-second session)."""

import logging

import pandas as pd

from kzlib.stance import Target, detect_stance
from kzlib.text import phrases_named

QUOTE = "Мы решительно осуждаем США за эту агрессию."


def _quotes(*doc_ids: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(doc_ids), "quote_id": ["0"] * len(doc_ids), "quote": [QUOTE] * len(doc_ids),
                         "speaker": ["X"] * len(doc_ids), "language": ["ru"] * len(doc_ids)})


def _paragraphs(**docs: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(docs), "para_id": [0] * len(docs), "text": list(docs.values())})


def test_a_russian_story_outside_the_crisis_gets_no_row_towards_the_united_states(caplog):
    # a story on a football match names no place, person or organisation of the January 2022 events; the
    # other names the crisis's city in the prepositional case ("в Алматы") and its president in the genitive
    paras = _paragraphs(football="Сборная проиграла в Лондоне в субботу. " + QUOTE,
                        crisis="Войска прибыли в Алматы по просьбе Токаева. " + QUOTE)
    with caplog.at_level(logging.WARNING, logger="kzlib.stance.detect"):
        st = detect_stance(_quotes("football", "crisis"), paragraphs=paras)
    us = st[st["target"] == "United States"]
    assert us["doc_id"].tolist() == ["crisis"]
    assert us["stance"].tolist() == ["against"]
    assert "1 documents name nothing of the targets' scope" in caplog.text


def test_a_scope_without_russian_phrases_reads_russian_quotes_anywhere():
    own = [Target("United States", aliases=("United States",), ru_aliases=("сша",), scope=("Almaty",))]
    paras = _paragraphs(football="Сборная проиграла в Лондоне в субботу. " + QUOTE)
    st = detect_stance(_quotes("football"), targets=own, paragraphs=paras)
    assert st[["target", "stance"]].values.tolist() == [["United States", "against"]]


def test_scope_phrases_are_found_in_any_case_and_as_several_words():
    text = "Генсек Организации Договора о коллективной безопасности говорил о казахстанских событиях."
    found = phrases_named(text, ("организация договор о коллективный безопасность", "казахстанский",
                                    "казахстан", "токаев"))
    # the adjective "казахстанских" is not the country's noun "Казахстан"
    assert found == {"организация договор о коллективный безопасность", "казахстанский"}
