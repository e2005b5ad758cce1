"""Topics on a corpus in two languages and of several subjects (twenty-first session, review defects 3, 9, 12):
a paragraph the topics do not reproduce has no topic (no share inflated to 1), each language with enough
paragraphs gets a model of its own, representatives are ranked by absolute loading among paragraphs of some
length, and documents with no outlet are no outlet."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from conftest import fake_topic_model
from kzlib.topics import (
    TopicModel,
    TopicVectorizer,
    catch_all_topics,
    describe_reliability,
    split_languages,
    topic_prevalence,
    topic_tables,
)

# two English subjects, two Russian ones (nouns in the nominative: their lemmas are themselves)
SECURITY = ["CSTO", "troops", "peacekeepers", "airport", "soldiers", "deployment", "mission", "base", "convoy",
            "withdrawal", "treaty", "alliance"]
PRICES = ["fuel", "prices", "gas", "litre", "drivers", "pumps", "subsidy", "tariff", "diesel", "inflation",
          "shortage", "stations"]
RU_PROTEST = ["протест", "площадь", "митинг", "толпа", "лозунг", "шествие", "активист", "плакат", "задержание",
              "полиция", "улица", "акция"]
RU_COURT = ["суд", "приговор", "судья", "адвокат", "процесс", "обвинение", "заседание", "свидетель", "прокурор",
            "срок", "жалоба", "статья"]


def _paragraphs(words: list[str], n: int, seed: int, *, size: int = 9) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, size)) + "." for _ in range(n)]


def _table(texts: list[str], language: str, prefix: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"{prefix}{i:03d}" for i in range(len(texts))], "para_id": 0,
                         "text_despun": texts, "language": language})


def _two_languages(n_en: int = 40, n_ru: int = 40) -> pd.DataFrame:
    en = _paragraphs(SECURITY, n_en // 2, 1) + _paragraphs(PRICES, n_en - n_en // 2, 2)
    ru = _paragraphs(RU_PROTEST, n_ru // 2, 3) + _paragraphs(RU_COURT, n_ru - n_ru // 2, 4)
    return pd.concat([_table(en, "en", "en"), _table(ru, "ru", "ru")], ignore_index=True)


def _documents(paras: pd.DataFrame) -> pd.DataFrame:
    docs = paras[["doc_id", "language"]].drop_duplicates("doc_id").reset_index(drop=True)
    return docs.assign(outlet=np.where(docs["language"] == "ru", "ru.example", "en.example"), published="2022-01-06")


# --- defect 3: shares inflated to 1 ------------------------------------------------------------------


def test_a_paragraph_the_topics_do_not_reproduce_has_no_topic_not_a_share_of_one():
    # 60 English paragraphs on security and on fuel prices, and 5 Russian ones about a protest that
    # share one word with the English text: "CSTO". In one joint model of 2 topics their protest words
    # belong to no topic, and "CSTO" alone used to give them a share of 1.0 of the security topic.
    en = _paragraphs(SECURITY, 30, 1) + _paragraphs(PRICES, 30, 2)
    ru = [text[:-1] + " CSTO." for text in _paragraphs(RU_PROTEST, 5, 3)]
    paras = pd.concat([_table(en, "en", "en"), _table(ru, "ru", "ru")], ignore_index=True)
    model = TopicModel(k=2, seed=0, stability_seeds=(), vectorizer=TopicVectorizer(max_df=0.9)).fit(paras)
    weights = model.doc_topics_.groupby("doc_id")["weight"].sum()
    assert (weights[[f"ru{i:03d}" for i in range(5)]] == 0).all()
    fit = model.paragraph_fit_.set_index("doc_id")
    assert (fit.loc[[f"ru{i:03d}" for i in range(5)], "status"] == "no topic").all()
    assert (fit.loc[[f"ru{i:03d}" for i in range(5)], "topic_id"] == -1).all()
    # the English paragraphs keep their topic: the heaviest topic of a security paragraph has "csto" among its terms
    security = model.topics_.set_index("topic_id").loc[int(fit.loc["en000", "topic_id"]), "top_terms"]
    assert "csto" in security and (fit.loc[[f"en{i:03d}" for i in range(60)], "status"] == "topic").all()
    # and the prevalences are over the 60 paragraphs with a topic: a half each
    assert sorted(model.topics_["prevalence"].round(1)) == [0.5, 0.5]


def test_min_fit_zero_keeps_the_old_shares():
    en = _paragraphs(SECURITY, 30, 1) + _paragraphs(PRICES, 30, 2)
    ru = [text[:-1] + " CSTO." for text in _paragraphs(RU_PROTEST, 5, 3)]
    paras = pd.concat([_table(en, "en", "en"), _table(ru, "ru", "ru")], ignore_index=True)
    model = TopicModel(k=2, seed=0, stability_seeds=(), min_fit=0.0,
                       vectorizer=TopicVectorizer(max_df=0.9)).fit(paras)
    weights = model.doc_topics_.groupby("doc_id")["weight"].sum()
    assert weights[[f"ru{i:03d}" for i in range(5)]].round(6).tolist() == [1.0] * 5


def test_transform_applies_the_fitted_floor():
    # fitted as above; a new Russian protest paragraph with "CSTO" has no topic, a new fuel paragraph has one
    # (words the vocabulary does not know are invisible to transform: the new paragraph's protest words
    # count because the fitted paragraphs had them)
    en = _paragraphs(SECURITY, 30, 1) + _paragraphs(PRICES, 30, 2)
    ru = [text[:-1] + " CSTO." for text in _paragraphs(RU_PROTEST, 5, 3)]
    paras = pd.concat([_table(en, "en", "en"), _table(ru, "ru", "ru")], ignore_index=True)
    model = TopicModel(k=2, seed=0, stability_seeds=(), vectorizer=TopicVectorizer(max_df=0.9)).fit(paras)
    new = pd.DataFrame({"doc_id": ["x", "y"], "para_id": 0, "language": ["ru", "en"],
                        "text_despun": [" ".join(RU_PROTEST[:9]) + " CSTO.", "fuel prices gas diesel subsidy."]})
    out = model.transform(new).groupby("doc_id")["weight"].sum()
    assert out["x"] == 0 and out["y"] == pytest.approx(1.0)


# --- defect 3: one model per language ----------------------------------------------------------------


def test_each_language_with_enough_paragraphs_gets_its_own_topics():
    paras = _two_languages()
    out = topic_tables(paras, _documents(paras), k=2, k_min=2, k_max=2, n_reruns=1)
    topics = out["topics"]
    assert topics.groupby("language").size().to_dict() == {"en": 2, "ru": 2}
    assert topics["topic_id"].tolist() == [0, 1, 2, 3]
    ru = topics[topics["language"] == "ru"]
    assert ru["label"].str.startswith("ru: ").all()
    # the Russian topics are the protest and the trial, in Russian words only
    ru_terms = {t for terms in ru["top_terms"] for t in terms.split(", ")}
    assert ru_terms <= set(RU_PROTEST) | set(RU_COURT)
    assert any(set(terms.split(", ")) <= set(RU_COURT) for terms in ru["top_terms"])
    # every Russian paragraph with a topic has a Russian topic
    pt = out["paragraph_topics"]
    ru_topics = set(ru["topic_id"])
    assert pt.loc[(pt["language"] == "ru") & (pt["status"] == "topic"), "topic_id"].isin(ru_topics).all()
    plan = out["topic_plan"].iloc[0]
    assert plan["languages"] == "en, ru" and plan["k_by_language"] == "en 2, ru 2" and plan["k"] == 4
    assert "One model per language" in plan["note"]
    assert "catch_all_for" in topics.columns
    assert topics["year_shares"].eq("2022 1.00").all()  # every document was published on 2022-01-06
    # prevalence by outlet: the Russian outlet's paragraphs are on the Russian topics only
    by_outlet = out["topic_prevalence_by_outlet"].set_index(["outlet", "topic_id"])["prevalence"]
    assert by_outlet["ru.example"][[0, 1]].sum() == 0
    assert by_outlet["ru.example"][[2, 3]].sum() == pytest.approx(1.0, abs=1e-3)


def test_a_language_with_too_few_paragraphs_is_not_modelled_and_said_so(caplog):
    paras = _two_languages(n_en=40, n_ru=6)
    out = topic_tables(paras, _documents(paras), k=2, k_min=2, k_max=2, n_reruns=1)
    assert set(out["topics"]["language"]) == {"en"}
    pt = out["paragraph_topics"]
    assert (pt.loc[pt["language"] == "ru", "status"] == "language not modelled").sum() == 6
    plan = out["topic_plan"].iloc[0]
    assert plan["n_not_modelled"] == 6 and "ru: 6 are not modelled" in plan["note"]
    assert any("not modelled" in r.getMessage() for r in caplog.records)


def test_split_languages_all_keeps_one_joint_model():
    paras = _two_languages()
    sets, left, note = split_languages(paras, language="all")
    assert [name for name, _ in sets] == [""] and len(sets[0][1]) == 80 and left.empty
    assert "2 languages together" in note


def test_a_joint_model_reports_each_topic_s_languages():
    paras = _two_languages()
    out = topic_tables(paras, _documents(paras), language="all", k=2, k_min=2, k_max=2, n_reruns=1)
    assert "language_shares" in out["topics"].columns
    assert out["topics"]["language"].eq("").all()


# --- defect 9: representatives -----------------------------------------------------------------------


def test_representatives_are_ranked_by_loading_among_paragraphs_of_some_length():
    # long paragraphs of 9 subject words plus filler; a one-liner "CSTO troops." has all its weight on the
    # security topic (share 1.0) but says nothing: it must not be shown
    filler = " and then the report went on to say more about it in the usual manner"
    en = [t + filler for t in _paragraphs(SECURITY, 20, 1) + _paragraphs(PRICES, 20, 2)]
    paras = _table(en + ["CSTO troops."], "en", "en")
    model = TopicModel(k=2, seed=0, stability_seeds=(), vectorizer=TopicVectorizer(max_df=0.9)).fit(paras)
    reps = model.representatives(3, with_loading=True)
    assert "CSTO troops." not in set(reps["text"])
    assert (reps["n_words"] >= 12).all()
    for _, group in reps.groupby("topic_id"):
        assert group["loading"].is_monotonic_decreasing and group["rank"].tolist() == [0, 1, 2]


def test_short_paragraphs_are_shown_only_when_a_topic_has_no_longer_ones():
    paras = _table(_paragraphs(SECURITY, 10, 1, size=4) + _paragraphs(PRICES, 10, 2, size=4), "en", "en")
    model = TopicModel(k=2, seed=0, stability_seeds=(), vectorizer=TopicVectorizer(max_df=0.9)).fit(paras)
    reps = model.representatives(2, min_words=12, with_loading=True)
    assert len(reps) == 4 and (reps["n_words"] == 4).all()


# --- defect 12: no outlet is no outlet ---------------------------------------------------------------


def test_documents_without_an_outlet_form_a_group_apart_and_paragraphs_without_topic_are_counted():
    # a: outlet X, one paragraph all topic 0; b: outlet X, no topic; c, d: no outlet, half and half / topic 1
    dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c", "d", "d"], "para_id": 0,
                       "topic_id": [0, 1] * 4, "weight": [1.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0]})
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["X", "X", "", None]})
    out = topic_prevalence(dt, docs).set_index(["outlet", "topic_id"])
    assert set(out.index.get_level_values(0)) == {"X", "outlet not given"}
    assert out.loc[("outlet not given", 1), "prevalence"] == 0.75  # (0.5 + 1.0) / 2 paragraphs
    assert out.loc[("X", 0), "prevalence"] == 1.0 and out.loc[("X", 0), "n_no_topic"] == 1
    assert out.loc[("X", 0), "n_paragraphs"] == 1


def test_the_outlet_heatmap_leaves_out_documents_without_an_outlet():
    from kzlib.plots.topics import prevalence_heatmap

    table = pd.DataFrame({"outlet": ["A", "A", "B", "B", "outlet not given", "outlet not given"],
                          "topic_id": [0, 1] * 3, "prevalence": [0.6, 0.4, 0.1, 0.9, 0.5, 0.5],
                          "n_paragraphs": [4, 4, 6, 6, 30, 30], "n_no_topic": [0, 0, 2, 2, 0, 0]})
    fig = prevalence_heatmap(table, "outlet", topics=pd.DataFrame({"topic_id": [0, 1], "label": ["x", "y"]}),
                             title="Topic prevalence by outlet", ylabel="outlet", apart="outlet not given")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert "30 paragraphs of outlet not given left out" in ax.get_title()
    assert "2 paragraphs with no topic left out" in ax.get_title()


# --- catch-all topics -----------------------------------------------------------------------------------



def test_a_topic_that_absorbs_a_year_it_fits_badly_is_called_a_catch_all():
    # 200 paragraphs of 2016 on topic 0 (fit 0.04), 100 of 1990 on topic 1, and 20 of 2022 also on topic 0
    # but with fit 0.01: 2022 is 20 of topic 0's 220 paragraphs (9% of its weight) and fits it a quarter as well
    years = ["2016"] * 200 + ["1990"] * 100 + ["2022"] * 20
    model = fake_topic_model(years, [0] * 200 + [1] * 100 + [0] * 20, [0.04] * 300 + [0.01] * 20)
    found = catch_all_topics(model, pd.Series(years))
    assert found[["group", "topic_id", "n_absorbed"]].values.tolist() == [["2022", 0, 20]]
    assert found["group_weight_share"].iloc[0] == pytest.approx(20 / 220, abs=1e-4)


def test_a_small_year_that_fits_its_topic_as_well_is_no_catch_all():
    years = ["2016"] * 200 + ["1990"] * 100 + ["2022"] * 20
    model = fake_topic_model(years, [0] * 200 + [1] * 100 + [0] * 20, [0.04] * 320)
    assert catch_all_topics(model, pd.Series(years)).empty


def test_the_verdict_withholds_trust_when_a_topic_is_a_catch_all():
    en = _paragraphs(SECURITY, 30, 1) + _paragraphs(PRICES, 30, 2)
    model = TopicModel(k=2, seed=0, stability_seeds=(1, 2), vectorizer=TopicVectorizer(max_df=0.9)).fit(
        _table(en, "en", "en"))
    plain = describe_reliability(model)
    assert "catch-all" not in plain
    # every paragraph of the first subject in one "year": that year gives all of its topic's weight, no catch-all
    years = pd.Series(["2016"] * 30 + ["2022"] * 30)
    assert "catch-all" not in describe_reliability(model, groups={"publication year": years})
