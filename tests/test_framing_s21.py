"""Framing and voices on a mixed corpus (review of session 21, defects 6, 7 and 12): Fightin' Words compares a
group only with the groups of its own language (a Russian outlet against mostly English text would have the
common Russian words as its "distinctive" words); a group alone in its language is not compared, and the log
says so; a document without an outlet is no outlet; a description ("the company") is no voice across
documents. The texts are written for the tests."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pandas as pd
import pytest

from kzlib.errors import TableError
from kzlib.framing import OUTLET_NOT_GIVEN, check_fightin_words, fightin_words, outlet_given, within_comparisons
from kzlib.stages import framing, voices

EN_A = "The army restored order in the city. The army said order returned."
EN_B = "Protesters marched in the city. Protesters demanded lower fuel prices."
RU_C = "Президент заявил, что порядок восстановлен. Президент выступил с обращением."
RU_D = "Протестующие вышли на площадь. Протестующие требовали снизить цены на газ."


def _mixed() -> pd.DataFrame:
    return pd.DataFrame({"text": [EN_A, EN_B, RU_C, RU_D],
                         "group": ["en-a", "en-b", "ru-c", "ru-d"],
                         "language": ["en", "en", "ru", "ru"]})


def _cyrillic(terms: pd.Series) -> pd.Series:
    return terms.str.contains("[а-яё]", regex=True)


def test_a_russian_group_is_compared_with_russian_groups_only():
    fw = fightin_words(_mixed(), min_count=1, within="language")
    ru = fw[fw["group"] == "ru-c"]
    # its reference is ru-d alone: no English word is in its table, and what ru-d says is its other side
    assert set(ru["within"]) == {"ru"}
    assert not (~_cyrillic(ru["term"])).any()
    # "Протестующие" twice in ru-d (pymorphy reads the participle as its verb)
    assert int(ru.loc[ru["term"].isin(["протестующий", "протестовать"]), "count_other"].iloc[0]) == 2
    en = fw[fw["group"] == "en-a"]
    assert not _cyrillic(en["term"]).any()
    assert int(en.loc[en["term"] == "protesters", "count_other"].iloc[0]) == 2


def test_against_the_whole_corpus_the_russian_words_would_be_distinctive():
    """What the within-language comparison prevents: with English groups in the reference, 'президент'
    (said twice by ru-c) is distinctive of ru-c largely because no English text has it."""
    whole = fightin_words(_mixed(), min_count=1)
    within = fightin_words(_mixed(), min_count=1, within="language")
    z_whole = whole.set_index(["group", "term"]).loc[("ru-c", "президент"), "log_odds_z"]
    z_within = within.set_index(["group", "term"]).loc[("ru-c", "президент"), "log_odds_z"]
    assert whole.set_index(["group", "term"]).loc[("ru-c", "army"), "count_other"] == 2
    assert z_within < z_whole


def test_a_group_alone_in_its_language_is_skipped_and_logged(caplog):
    df = pd.concat([_mixed(), pd.DataFrame({"text": ["Die Armee stellte die Ordnung wieder her."],
                                            "group": ["de-e"], "language": ["de"]})], ignore_index=True)
    plan = within_comparisons(df)
    assert plan.set_index("group")["compared"].to_dict() == {"en-a": True, "en-b": True, "de-e": False,
                                                              "ru-c": True, "ru-d": True}
    with caplog.at_level(logging.WARNING, logger="kzlib.framing"):
        fw = fightin_words(df, min_count=1, within="language")
    assert "de-e" not in set(fw["group"])
    assert any("de-e" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_no_language_with_two_groups_cannot_be_compared():
    df = _mixed().iloc[[0, 2]]
    why = check_fightin_words(df, min_count=1, within="language")
    assert why.startswith("no value of 'language' has two groups")
    with pytest.raises(TableError):
        fightin_words(df, min_count=1, within="language")
    assert check_fightin_words(_mixed(), min_count=1, within="language") == ""


def test_compare_two_groups_only_within_a_shared_language():
    assert "share no value" in check_fightin_words(_mixed(), min_count=1, within="language",
                                                   compare=("en-a", "ru-c"))
    fw = fightin_words(_mixed(), min_count=1, within="language", compare=("ru-c", "ru-d"))
    assert set(fw["group"]) == {"ru-c"} and set(fw["other"]) == {"ru-d"}


def test_a_language_code_s_region_is_the_same_language():
    df = _mixed().assign(language=["en-GB", "EN", "ru", "ru-RU"])
    assert set(within_comparisons(df)["within"]) == {"en", "ru"}


def test_missing_outlets_are_no_outlet():
    values = pd.Series(["nyt", "", None, "unknown", "(unknown outlet)", OUTLET_NOT_GIVEN, "Unknown"])
    assert outlet_given(values).tolist() == [True, False, False, False, False, False, False]


def _corpus() -> SimpleNamespace:
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "e"],
                         "outlet": ["Daily A", "Daily B", "Gazeta C", "Gazeta D", ""],
                         "language": ["en", "en", "ru", "ru", "en"],
                         "story_id": ["a", "b", "c", "d", "e"], "is_representative": True})
    texts = [EN_A, EN_B, RU_C, RU_D, "Rioters burned cars. The protest turned violent after the rally."]
    paras = pd.DataFrame({"doc_id": docs["doc_id"], "para_id": 0, "kind": "body", "duplicate_of": -1,
                          "text": texts, "text_despun": texts})
    corpus = SimpleNamespace(documents=docs, paragraphs=paras)
    corpus.representatives = lambda: corpus
    return corpus


def _quotes() -> pd.DataFrame:
    rows = [("a", "company", "description", "We will cut the dividend next year."),
            ("b", "company", "description", "Our sales rose by a tenth this quarter."),
            ("c", "company", "description", "Мы закрываем завод до конца месяца."),
            ("c", "company", "pronoun", "Он будет закрыт до конца месяца, сказали в компании."),
            ("a", "Ann Smith", "named", "The army restored order in the city today."),
            ("b", "Ann Smith", "named", "The army will stay until the end of the month."),
            ("e", "Ann Smith", "named", "The army has left the capital by now.")]
    q = pd.DataFrame(rows, columns=["doc_id", "speaker", "speaker_resolution", "quote"])
    return q.assign(quote_id=range(len(q)), kind="direct", n_words=q["quote"].str.split().str.len(),
                    affiliation="", speaker_type="person")


def test_descriptions_are_no_voice_across_documents(caplog):
    with caplog.at_level(logging.INFO, logger="kzlib.stages"):
        out = voices(_quotes(), _corpus())
    ranked = out["voices"]
    assert ranked["speaker"].tolist() == ["Ann Smith"]          # three companies are not one voice
    assert int(ranked["n_quotes"].iloc[0]) == 3
    assert "company" not in set(out["voices_per_outlet"]["speaker"])
    assert "company" not in set(out["voices_per_language"]["speaker"])
    # the row that carries "the company" on ("it said") goes with it
    assert any("4 quotations whose speaker is a description" in r.getMessage() for r in caplog.records)


def test_documents_without_an_outlet_come_last_under_their_own_label():
    per_outlet = voices(_quotes(), _corpus())["voices_per_outlet"]
    assert per_outlet["outlet"].tolist() == ["Daily A", "Daily B", OUTLET_NOT_GIVEN]
    assert "" not in set(per_outlet["outlet"])


def test_framing_compares_outlets_within_their_language_and_leaves_out_the_outlet_not_given():
    corpus = _corpus()
    quotes = _quotes().assign(quote=lambda q: q["quote"], speaker="Ann Smith", speaker_resolution="named")
    out = framing(corpus, quotes, pd.DataFrame({"name": ["Ann Smith"], "type": ["person"],
                                                "affiliation": ["Utopia"], "role": ["minister"]}),
                  min_term_count=1)
    outlets = out["framing"][out["framing"]["comparison"] == "outlet"]
    assert set(zip(outlets["within"], outlets["group"])) == {("en", "Daily A"), ("en", "Daily B"),
                                                             ("ru", "Gazeta C"), ("ru", "Gazeta D")}
    assert not _cyrillic(outlets.loc[outlets["within"] == "en", "term"]).any()
    naming = out["naming_families"]
    named = naming[naming["comparison"] == "outlet"]
    assert OUTLET_NOT_GIVEN in set(named["group"]) and "" not in set(named["group"])  # "rioters" in document e
    checks = out["framing_checks"].set_index("comparison")
    assert checks.loc["outlet", "reason"] == "" and checks.loc["outlet", "not_compared"] == ""
