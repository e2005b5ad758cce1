"""One canonical speaker table across languages: voices and stance compared by the coverage's language."""

from __future__ import annotations

from pathlib import Path

import pytest

import kzlib
from kzlib import stages

EN = ("Kazakhstan president orders troops to fire\n\n"
      "President Kassym-Jomart Tokayev addressed the nation on Friday. \"The terrorists continue to damage "
      "property and use weapons against civilians,\" Tokayev said in a televised address.\n")
RU = ("Токаев выступил с обращением\n\n"
      "Президент Казахстана Касым-Жомарт Токаев выступил с обращением к народу в пятницу. «Террористы "
      "продолжают наносить ущерб имуществу и применяют оружие против граждан», — заявил Токаев.\n")


@pytest.fixture(scope="module")
def study_parts(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder: Path = tmp_path_factory.mktemp("two_languages")
    (folder / "en_1.txt").write_text(EN, encoding="utf-8")
    (folder / "ru_1.txt").write_text(RU, encoding="utf-8")
    corpus = kzlib.prepare(folder, provenance=False)
    quotes = stages.quotes(corpus, stages.load_gazetteer())["quotes"]
    return corpus, quotes


def test_one_speaker_counted_in_each_language(study_parts) -> None:
    corpus, quotes = study_parts
    per_language = stages.voices(quotes, corpus)["voices_per_language"]
    tokayev = per_language[per_language["speaker"] == "Kassym-Jomart Tokayev"]
    # The English article and the Russian one each quote him directly ("Токаев" is the same person).
    assert sorted(tokayev["language"]) == ["en", "ru"]
    assert (tokayev["n_documents"] == 1).all()


def test_stance_compared_by_language(study_parts) -> None:
    corpus, quotes = study_parts
    st = stages.stances(quotes, corpus, stages.load_gazetteer(), stages.load_stance_targets())["stances"]
    out = stages.stance_summary(st, corpus.documents)["language_stance"]
    assert "language" in out.columns and "outlet" not in out.columns
    # Both quotes call the protesters terrorists ("террористы" read on its lemma in the Russian one):
    # each language's coverage holds one voice, against them.
    protesters = out[out["target"] == "protesters"].set_index("language")
    assert sorted(protesters.index) == ["en", "ru"]
    assert protesters["share_against"].tolist() == [1.0, 1.0]
