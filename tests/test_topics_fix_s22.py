"""Periods with no topic of their own, and catch-all topics that are not a period's own topic (review 2, A.3).

Small corpora written for these tests: a period whose paragraphs load on no topic or spread over another
period's topics is named, with its shares; a topic whose top terms are a small period's words is that
period's own topic, not a catch-all for it.
"""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import pandas as pd
from scipy import sparse

from kzlib.topics import catch_all_topics, own_terms, period_labels, period_topics, topic_tables
from kzlib.topics.reliability import period_lines

SECURITY = ["troops", "soldiers", "convoy", "border", "garrison", "patrol", "checkpoint", "deployment",
            "withdrawal", "treaty", "alliance", "barracks"]
PRICES = ["fuel", "prices", "litre", "drivers", "pumps", "subsidy", "tariff", "diesel", "inflation",
          "shortage", "stations", "refinery"]
HARVEST = ["wheat", "harvest", "farmers", "tractor", "grain", "silo", "barley", "orchard", "drought",
           "irrigation", "acreage", "combine"]


def _texts(words: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, 8)) + "." for _ in range(n)]


def _model(heavy: list[int], k: int, **extra: object) -> SimpleNamespace:
    """A fitted model's tables: each paragraph all on its heaviest topic (-1: no topic)."""
    n = len(heavy)
    shares = np.zeros((n, k))
    for i, t in enumerate(heavy):
        if t >= 0:
            shares[i, t] = 1.0
    return SimpleNamespace(topics_=pd.DataFrame({"topic_id": range(k), "label": [f"t{t}" for t in range(k)]}),
                           doc_topics_=pd.DataFrame({"weight": shares.ravel()}),
                           paragraph_fit_=pd.DataFrame({"topic_id": heavy, "n_terms": 8,
                                                        "fit": [0.05] * n,
                                                        "status": ["topic" if t >= 0 else "no topic" for t in heavy]}),
                           **extra)


def test_a_period_spread_over_other_periods_topics_and_no_topic_has_no_topic_of_its_own():
    # 2016: 100 paragraphs, 50 on topic 0 and 50 on topic 1 (it gives them all their weight but 8 paragraphs')
    # 2022: 20 paragraphs: 4 on topic 0, 4 on topic 1, 12 on no topic
    periods = pd.Series(["2016"] * 100 + ["2022"] * 20)
    model = _model([0] * 50 + [1] * 50 + [0] * 4 + [1] * 4 + [-1] * 12, 2)
    table = period_topics(model, periods, min_paragraphs=10).set_index("period")
    assert table.loc["2016", "has_own_topic"] and table.loc["2016", "own_share"] == 1.0
    row = table.loc["2022"]
    assert not row["has_own_topic"]
    assert row["no_topic_share"] == 0.6 and row["other_share"] == 0.4 and row["own_share"] == 0.0
    assert row["other_topics"] == "0 20%, 1 20%"
    assert row["catch_all_topics"] == "0, 1"  # each is the heaviest of 20% >= 15% of 2022's paragraphs


def test_the_old_majority_rule_misses_such_a_period_but_the_verdict_names_it_with_its_shares():
    periods = pd.Series(["2016"] * 100 + ["2022"] * 20)
    model = _model([0] * 50 + [1] * 50 + [0] * 4 + [1] * 4 + [-1] * 12, 2)
    # no topic is the heaviest of 75% of 2022's paragraphs: the absorption rule says nothing
    assert catch_all_topics(model, periods, min_paragraphs=5).empty
    lines, caveats = period_lines(model, periods)  # type: ignore[arg-type]
    assert lines[0].startswith("Period 2022 (20 paragraphs) has no topic of its own: 60% of its paragraphs "
                               "load on no topic and 40% on topics of other periods (0 20%, 1 20%)")
    assert "Topic 0 (t0) is a catch-all for period 2022 (20% of its paragraphs)" in lines[1]
    assert "2016's own topic" in lines[1]
    assert caveats == ["period 2022 has no topic of its own"]


def test_a_topic_whose_top_terms_are_a_small_periods_words_is_its_own_not_a_catch_all():
    # 2016: 200 paragraphs on topic 0; 2000: 30 paragraphs, all on topic 0, which gets 30/230 = 13% of its
    # weight from them. Its top terms: "boy", "cuba", "father" occur only in 2000's paragraphs, "world" in all.
    years = pd.Series(["2016"] * 200 + ["2000"] * 30)
    presence = np.zeros((230, 4))
    presence[200:, :3] = 1
    presence[:, 3] = 1
    model = _model([0] * 230, 2, top_term_presence_=sparse.csr_matrix(presence), top_term_columns_=[[0, 1, 2, 3], []],
                   top_term_names_=[["boy", "cuba", "father", "world"], []])
    model.paragraph_fit_["fit"] = [0.05] * 200 + [0.01] * 30  # 2000 fits it worse: the old rule's catch-all
    mask = (years == "2000").to_numpy()
    assert own_terms(model, mask, 0) == ["boy", "cuba", "father"]
    assert catch_all_topics(model, years).empty
    row = period_topics(model, years).set_index("period").loc["2000"]
    assert row["has_own_topic"] and row["catch_all_topics"] == ""
    assert row["own_topics"] == "0 (100% of its paragraphs, top terms mostly its own: boy, cuba, father)"
    # without those terms (a model that does not keep them) the same year is a catch-all, as before
    del model.top_term_presence_
    assert catch_all_topics(model, years)["group"].tolist() == ["2000"]
    assert not period_topics(model, years).set_index("period").loc["2000", "has_own_topic"]


def test_a_topic_with_a_third_of_its_weight_from_a_period_is_that_periods_own():
    # 1989: 40 paragraphs on topic 1, which has 60 more in 2016: 1989 gives 40% of its weight
    periods = pd.Series(["2016"] * 160 + ["1989"] * 40)
    model = _model([0] * 100 + [1] * 60 + [1] * 40, 2)
    row = period_topics(model, periods).set_index("period").loc["1989"]
    assert row["has_own_topic"] and row["own_topic_ids"] == "1"
    assert row["own_topics"] == "1 (100% of its paragraphs, 40% of the topic's weight)"


def test_small_periods_are_not_judged_and_undated_paragraphs_are_in_none():
    periods = pd.Series(["2016"] * 100 + ["1991"] * 5 + [np.nan] * 20)
    model = _model([0] * 100 + [-1] * 25, 1)
    assert period_topics(model, periods).period.tolist() == ["2016"]


def test_period_labels_split_dates_more_than_90_days_apart():
    docs = pd.DataFrame({"doc_id": list("abcde"),
                         "published": ["1998-01-08", "1998-03-01", "1999-10-08", "2000-01-02", ""]})
    assert period_labels(docs["published"], docs).tolist()[:4] == ["1998-01 to 1998-03", "1998-01 to 1998-03",
                                                                   "1999-10 to 2000-01", "1999-10 to 2000-01"]
    assert pd.isna(period_labels(docs["published"], docs).iloc[4])


def test_the_stage_names_a_period_whose_subject_no_topic_holds():
    # 2016: 120 documents on security or prices (the model's two topics); 2022: 20 documents on the harvest,
    # a third subject that two topics cannot hold
    texts = _texts(SECURITY, 60, 1) + _texts(PRICES, 60, 2) + _texts(HARVEST, 20, 3)
    paras = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(140)], "para_id": 0, "text_despun": texts,
                          "language": "en"})
    docs = paras[["doc_id"]].assign(outlet="a.example", language="en",
                                    published=["2016-05-01"] * 120 + ["2022-01-05"] * 20)
    out = topic_tables(paras, docs, k=2, k_min=2, k_max=2, n_reruns=1)
    verdict = out["topic_reliability"]["verdict"].iloc[0]
    assert "Period 2022-01 (20 paragraphs) has no topic of its own" in verdict
    assert "Periods with a topic of their own: 2016-05 (" in verdict
    assert "period 2022-01 has no topic of its own" in verdict
    topics = out["topics"]
    assert topics["own_periods"].str.startswith("2016-05").all()


def test_one_period_has_nothing_to_compare_and_the_verdict_says_nothing_of_periods():
    texts = _texts(SECURITY, 30, 1) + _texts(PRICES, 30, 2)
    paras = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(60)], "para_id": 0, "text_despun": texts,
                          "language": "en"})
    docs = paras[["doc_id"]].assign(outlet="a.example", language="en", published="2016-05-01")
    out = topic_tables(paras, docs, k=2, k_min=2, k_max=2, n_reruns=1)
    assert "Period" not in out["topic_reliability"]["verdict"].iloc[0]
    assert (out["topics"]["own_periods"] == "").all() and not out["topics"]["catch_all"].any()


def test_the_verdict_writes_a_later_models_topic_ids():
    periods = pd.Series(["2016"] * 100 + ["2022"] * 20)
    model = _model([0] * 50 + [1] * 50 + [0] * 4 + [1] * 4 + [-1] * 12, 2)
    lines, _ = period_lines(model, periods, offset=10)  # type: ignore[arg-type]
    assert "(10 20%, 11 20%)" in lines[0] and lines[1].startswith("Topic 10 (t0) is a catch-all")
