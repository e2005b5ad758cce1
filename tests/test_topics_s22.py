"""Topics on a corpus of several eras (twenty-second session, review defects 3 and 12): the k tried grow with
the corpus, a topic that absorbs several years is a catch-all whatever its fit, catch-all topics are marked
in the tables and figures, and the top-terms panels name their model's language and explain C and S."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pandas as pd
import pytest

import kzlib.topics.study as study_module
from conftest import fake_topic_model
from kzlib.plots.topics import prevalence_heatmap, top_terms
from kzlib.topics import candidate_ks, catch_all_topics, describe_reliability, topic_tables
from kzlib.topics.study import periods_note

SECURITY = ["troops", "peacekeepers", "airport", "soldiers", "deployment", "mission", "base", "convoy",
            "withdrawal", "treaty", "alliance", "barracks"]
PRICES = ["fuel", "prices", "litre", "drivers", "pumps", "subsidy", "tariff", "diesel", "inflation",
          "shortage", "stations", "refinery"]


def _paragraphs(words: list[str], n: int, seed: int, *, size: int = 8) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, size)) + "." for _ in range(n)]


# --- the k tried grow with the corpus ----------------------------------------------------------------


def test_a_small_corpus_is_searched_over_every_k_from_2_to_10():
    assert candidate_ks(40) == list(range(2, 11))
    assert candidate_ks(100) == list(range(2, 11))  # √100 = 10: nothing above the dense part


def test_a_large_corpus_is_searched_up_to_the_root_of_its_documents_on_a_coarse_grid():
    # √1,200 = 34.6, so the grid runs to 35: every k to 10, then every fifth
    assert candidate_ks(1200) == list(range(2, 11)) + [15, 20, 25, 30, 35]
    # √150 = 12.2: the top of the grid is 13, reached directly
    assert candidate_ks(150) == list(range(2, 11)) + [13]


def test_k_max_caps_the_grid_and_k_min_starts_it():
    assert candidate_ks(1200, k_max=20) == list(range(2, 11)) + [15, 20]
    assert candidate_ks(1200, k_max=12)[-2:] == [10, 12]
    assert candidate_ks(1200, k_min=5)[:2] == [5, 6]
    assert candidate_ks(10_000, k_max=40)[-1] == 40


def test_the_stage_searches_the_grid_of_its_corpus_size(monkeypatch):
    # 130 documents: ⌈√130⌉ = 12, so k = 2..10 and 12 are tried (not 11)
    seen: list[list[int]] = []

    def fake_select_k(paras, *, ks, **kwargs):
        seen.append(list(ks))
        return pd.DataFrame({"k": list(ks), "coherence": 0.1, "coherence_min": 0.0,
                             "stability": [1.0 if k == 2 else 0.6 for k in ks], "stability_sd": 0.0,
                             "verdict": "stable", "chosen": [k == 2 for k in ks]})

    monkeypatch.setattr(study_module, "select_k", fake_select_k)
    texts = _paragraphs(SECURITY, 65, 1) + _paragraphs(PRICES, 65, 2)
    paras = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(130)], "para_id": 0, "text_despun": texts,
                          "language": "en"})
    docs = paras[["doc_id"]].assign(outlet="x.example", published="2022-01-06", language="en")
    out = topic_tables(paras, docs, n_reruns=1)
    assert seen == [list(range(2, 11)) + [12]]
    assert "coarse grid up to ⌈√130 documents⌉" in out["topic_plan"]["note"].iloc[0]
    assert len(out["topics"]) == 2


# --- catch-all on absorption -------------------------------------------------------------------------



def test_a_topic_that_absorbs_several_years_is_a_catch_all_for_each_even_when_they_fit_it_as_well():
    # 2016: 300 paragraphs on topic 0, 100 on topic 1; 1998, 2000 and 2022: 40 each, all on topic 0, with the
    # same fit as 2016's. Each of them gives 40 / 420 = 9.5% of topic 0's weight.
    years = ["2016"] * 400 + ["1998"] * 40 + ["2000"] * 40 + ["2022"] * 40
    topic = [0] * 300 + [1] * 100 + [0] * 120
    found = catch_all_topics(fake_topic_model(years, topic, [0.05] * 520), pd.Series(years))
    assert found[["group", "topic_id", "reason"]].values.tolist() == [
        ["1998", 0, "absorbs several"], ["2000", 0, "absorbs several"], ["2022", 0, "absorbs several"]]
    assert found["group_weight_share"].tolist() == pytest.approx([40 / 420] * 3, abs=1e-4)


def test_one_small_year_that_fits_its_topic_as_well_is_still_no_catch_all():
    years = ["2016"] * 400 + ["2022"] * 40
    topic = [0] * 300 + [1] * 100 + [0] * 40
    assert catch_all_topics(fake_topic_model(years, topic, [0.05] * 440), pd.Series(years)).empty


def test_one_small_year_that_fits_its_topic_worse_is_a_catch_all_for_that_reason():
    years = ["2016"] * 400 + ["2022"] * 40
    topic = [0] * 300 + [1] * 100 + [0] * 40
    found = catch_all_topics(fake_topic_model(years, topic, [0.05] * 400 + [0.01] * 40), pd.Series(years))
    assert found[["group", "reason"]].values.tolist() == [["2022", "fits worse"]]


def test_years_that_give_a_topic_most_of_its_weight_are_not_absorbed():
    # 1998 and 2000 are half of topic 0 each: it is their theme
    years = ["1998"] * 50 + ["2000"] * 50 + ["2016"] * 50
    topic = [0] * 100 + [1] * 50
    assert catch_all_topics(fake_topic_model(years, topic, [0.05] * 150), pd.Series(years)).empty


def test_catch_all_topics_are_marked_in_the_topics_and_prevalence_tables(monkeypatch):
    def fake_catch_all(model, groups, **kwargs):
        return pd.DataFrame({"group": ["1998"], "topic_id": [0], "label": ["x"], "n_group": [30],
                             "n_absorbed": [30], "group_weight_share": [0.05], "fit_ratio": [1.0],
                             "reason": ["absorbs several"]})

    monkeypatch.setattr(study_module, "catch_all_topics", fake_catch_all)
    texts = _paragraphs(SECURITY, 30, 1) + _paragraphs(PRICES, 30, 2)
    paras = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(60)], "para_id": 0, "text_despun": texts,
                          "language": "en"})
    docs = paras[["doc_id"]].assign(outlet=["a.example", "b.example"] * 30, language="en",
                                    published=["1998-03-01", "2016-05-01"] * 30)
    out = topic_tables(paras, docs, k=2, k_min=2, k_max=2, n_reruns=1)
    # 30 documents of 1998 and 30 of 2016: two publication periods, said in the plan
    assert "published in 2 periods" in out["topic_plan"]["note"].iloc[0]
    assert out["topics"]["catch_all"].tolist() == [True, False]
    assert out["topics"]["catch_all_for"].iloc[0] == "publication year 1998"
    for name in ("topic_prevalence_by_outlet", "topic_prevalence_by_date"):
        table = out[name]
        assert table.loc[table["topic_id"] == 0, "catch_all"].all()
        assert not table.loc[table["topic_id"] == 1, "catch_all"].any()


def test_the_verdict_names_each_year_a_topic_absorbs_and_why():
    years = pd.Series(["2016"] * 400 + ["1998"] * 40 + ["2000"] * 40)
    model = fake_topic_model(list(years), [0] * 300 + [1] * 100 + [0] * 80, [0.05] * 480)
    lines = [line for line in _reliability_lines(model, years) if "catch-all" in line]
    assert len(lines) == 2  # one line for topic 0 and its years, and the closing caveat
    # topic 0 holds 300 + 80 paragraphs: each year gives 40 / 380 = 10.5% of its weight
    assert "publication year 1998 (40 of 40 paragraphs, 11% of its weight), 2000 (40 of 40" in lines[0]
    assert "absorbs several of them" in lines[0]
    assert "topic 0 is a catch-all for publication year 1998, 2000" in lines[1]


def _reliability_lines(model: SimpleNamespace, years: pd.Series) -> list[str]:
    # the verdict reads the model's topics' measures too: give the fake model what it needs
    model.topics_ = model.topics_.assign(stability=0.8, doc_concentration=0.1, coherence=0.2)
    model.paragraphs_ = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(years))]})
    model.runs_ = pd.DataFrame({"seed": [1, 1], "agreement": [0.8, 0.8]})
    model.stability_ = 0.8
    model.coherence_ = 0.2
    model._check_fitted = lambda: None
    return describe_reliability(model, groups={"publication year": years}).split("\n")  # type: ignore[arg-type]


# --- figures -----------------------------------------------------------------------------------------


def test_top_term_panels_name_the_language_and_a_caption_explains_c_and_s():
    terms = pd.DataFrame({"topic_id": [0, 0, 1, 1], "term": ["a", "b", "c", "d"], "weight": [0.5, 0.2, 0.4, 0.1]})
    tops = pd.DataFrame({"topic_id": [0, 1], "coherence": [0.1, 0.3], "stability": [0.8, 0.6],
                         "language": ["en", "ru"], "catch_all": [True, False]})
    fig = top_terms(terms, tops)
    titles = [ax.get_title() for ax in fig.axes[:2]]
    assert titles == ["Topic 0 (en): C=0.10, S=0.80, catch-all", "Topic 1 (ru): C=0.30, S=0.60"]
    caption = " ".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert "C = coherence" in caption and "S = stability" in caption and "catch-all" in caption


def test_a_catch_all_topic_is_hatched_in_the_prevalence_heatmap_with_a_legend():
    table = pd.DataFrame({"published": ["1998-Q3"] * 2 + ["2016-Q1"] * 2 + ["2016-Q2"] * 2, "topic_id": [0, 1] * 3,
                          "prevalence": [0.9, 0.1, 0.2, 0.8, 0.3, 0.7], "n_paragraphs": [10, 10, 20, 20, 20, 20]})
    tops = pd.DataFrame({"topic_id": [0, 1], "label": ["president / people", "clinton"],
                         "catch_all_for": ["publication year 1998", ""]})
    fig = prevalence_heatmap(table, "published", topics=tops, title="t", ylabel="published (quarter)")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0: president / people (catch-all)", "1: clinton"]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_x() == 0  # the first column only
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("catch-all" in t for t in legend)
    # 1998 -> 2016 is a gap of 18 years: one red line, after the first row
    assert any("years between rows" in t for t in legend)
    red = [line for line in ax.get_lines() if line.get_ydata()[0] == 1]
    assert len(red) == 1


def test_no_catch_all_no_hatching_and_no_legend():
    table = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "topic_id": [0, 1] * 2,
                          "prevalence": [0.6, 0.4, 0.1, 0.9], "n_paragraphs": [4, 4, 6, 6]})
    tops = pd.DataFrame({"topic_id": [0, 1], "label": ["x", "y"], "catch_all": [False, False]})
    fig = prevalence_heatmap(table, "outlet", topics=tops, title="t", ylabel="outlet")
    assert not [p for p in fig.axes[0].patches if p.get_hatch()]
    assert not fig.legends


# --- publication periods ------------------------------------------------------------------------------


def test_the_plan_names_the_periods_only_when_there_are_several():
    one = pd.DataFrame({"doc_id": [f"d{i}" for i in range(20)], "published": ["2022-01-05"] * 20})
    assert periods_note(one, one["doc_id"]) == ""
    two = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)],
                        "published": ["2022-01-05"] * 25 + ["1998-08-07"] * 12 + [""] * 3})
    note = periods_note(two, two["doc_id"])
    assert "2 periods (2022-01-05 to 2022-01-05, 25 documents; 1998-08-07 to 1998-08-07, 12 documents)" in note
    # a period of fewer than min_documents documents is no period of the corpus
    assert periods_note(two, two["doc_id"], min_documents=15) == ""
    # only the modelled documents count
    assert periods_note(two, two["doc_id"].head(25)) == ""


# --- the coarse search stops when larger k stop paying ---------------------------------------------------


class _ScoredModel:
    """A stand-in for TopicModel in select_k: coherence and stability by k, as given (fitting nothing)."""

    scores: dict[int, tuple[float, float]] = {}
    fitted: list[int] = []

    def __init__(self, *, k: int, **kwargs):
        self.k = k

    def _fit_matrix(self, *args) -> None:
        _ScoredModel.fitted.append(self.k)
        self.coherence_, self.stability_ = _ScoredModel.scores[self.k]
        self.topics_ = pd.DataFrame({"coherence": [self.coherence_]})
        self.runs_ = pd.DataFrame({"seed": [1], "agreement": [self.stability_]})


def _select_with_scores(monkeypatch, scores: dict[int, tuple[float, float]], **kwargs) -> pd.DataFrame:
    from kzlib.topics import selection

    monkeypatch.setattr(selection, "TopicModel", _ScoredModel)
    _ScoredModel.scores, _ScoredModel.fitted = scores, []
    words = [a + b for a in ("bor", "kel", "mut", "sag", "tin", "vex") for b in ("ana", "ido", "umo", "era", "ilo",
                                                                                "ost", "yra", "abe", "ule", "ion")]
    paras = pd.DataFrame({"doc_id": [f"d{i}" for i in range(60)], "para_id": 0,
                          "text_despun": _paragraphs(words, 60, 1)})  # 60 terms: room for k up to 35
    return selection.select_k(paras, ks=sorted(scores), seeds=(0, 1), **kwargs)


def test_the_coarse_search_stops_after_two_k_that_do_not_beat_the_best(monkeypatch):
    # best below the dense limit: k = 4 (0.2 + 0.8); 15 and 20 score less, so 25 and 30 are not fitted
    scores = {2: (0.1, 0.8), 3: (0.15, 0.8), 4: (0.2, 0.8), 15: (0.1, 0.7), 20: (0.1, 0.6), 25: (0.5, 0.9),
              30: (0.5, 0.9)}
    table = _select_with_scores(monkeypatch, scores, patience=2, dense=10)
    assert table["k"].tolist() == [2, 3, 4, 15, 20]
    assert _ScoredModel.fitted == [2, 3, 4, 15, 20]
    assert table.loc[table["chosen"], "k"].tolist() == [4]


def test_a_coarse_k_that_beats_the_best_resets_the_count(monkeypatch):
    scores = {2: (0.1, 0.8), 15: (0.05, 0.8), 20: (0.3, 0.8), 25: (0.1, 0.7), 30: (0.1, 0.6), 35: (0.5, 0.9)}
    table = _select_with_scores(monkeypatch, scores, patience=2, dense=10)
    assert table["k"].tolist() == [2, 15, 20, 25, 30]
    assert table.loc[table["chosen"], "k"].tolist() == [20]


def test_without_patience_every_k_is_fitted(monkeypatch):
    scores = {2: (0.3, 0.9), 15: (0.0, 0.6), 20: (0.0, 0.6), 25: (0.0, 0.6)}
    assert _select_with_scores(monkeypatch, scores)["k"].tolist() == [2, 15, 20, 25]
