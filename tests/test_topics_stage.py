"""The topics stage on a corpus in two languages: it says it mixes them, or fits the one asked for."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import kzlib
from kzlib import stages

EN = ("Protesters gathered in the central square of Almaty on Wednesday as fuel prices rose. "
      "Police detained dozens of protesters near the city administration building. ")
RU = ("Протестующие собрались на центральной площади Алматы в среду после роста цен на газ. "
      "Полиция задержала десятки протестующих у здания городской администрации. ")


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> kzlib.Corpus:
    folder = tmp_path_factory.mktemp("mixed")
    for i in range(3):
        (folder / f"en_{i}.txt").write_text(f"Story {i}\n\n" + EN * 3, encoding="utf-8")
        (folder / f"ru_{i}.txt").write_text(f"Новость {i}\n\n" + RU * 3, encoding="utf-8")
    return kzlib.prepare(Path(folder), provenance=False)


def test_two_languages_together_are_named_in_the_plan_and_logged(mixed_corpus, caplog) -> None:
    assert set(mixed_corpus.documents["language"]) == {"en", "ru"}
    with caplog.at_level(logging.WARNING, logger="kzlib.stages"):
        plan = stages.topics(mixed_corpus, k_min=2, k_max=2, n_reruns=1)["topic_plan"]
    assert plan["languages"].iloc[0] == "en, ru"
    assert "2 languages together" in plan["note"].iloc[0]
    assert any("topics_language" in r.getMessage() for r in caplog.records)


def test_topics_language_fits_one_language_only(mixed_corpus) -> None:
    plan = stages.topics(mixed_corpus, k_min=2, k_max=2, n_reruns=1, topics_language="ru")["topic_plan"]
    assert plan["languages"].iloc[0] == "ru"
    assert plan["n_documents"].iloc[0] == 3
    assert "languages together" not in plan["note"].iloc[0]


def test_a_language_absent_from_the_corpus_is_said_not_fitted(mixed_corpus) -> None:
    plan = stages.topics(mixed_corpus, k_min=2, k_max=2, n_reruns=1, topics_language="kk")["topic_plan"]
    assert plan["n_paragraphs"].iloc[0] == 0
    assert "the corpus's languages are en, ru" in plan["note"].iloc[0]
