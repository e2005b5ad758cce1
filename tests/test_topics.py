"""Tests of kzlib.topics: NPMI by hand, Hungarian matching by hand, vocabulary, planted topics,
determinism, errors, and the seeds' subjects.

Run the scale benchmark (not a test) with:
    .venv/bin/python tests/test_topics.py --bench 3000
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np
import pandas as pd
import pytest

from kzlib.errors import CorpusError, ParameterError
from kzlib.topics import (
    TopicModel,
    TopicVectorizer,
    best_k,
    npmi_coherence,
    plan_topics,
    select_k,
    stability_verdict,
    tokenize,
    topic_agreement,
    topic_prevalence,
)

# --- NPMI coherence, worked out by hand ------------------------------------------------------------
#
# Four paragraphs:  D1 = {a, b}   D2 = {a, b, c}   D3 = {a, c}   D4 = {d}
# P(a) = 3/4, P(b) = 2/4, P(c) = 2/4, P(d) = 1/4
# P(a,b) = 2/4 (D1, D2)   P(a,c) = 2/4 (D2, D3)   P(b,c) = 1/4 (D2)   P(a,d) = 0
#
# NPMI(x,y) = ln(P(x,y) / (P(x) P(y))) / -ln P(x,y)
# NPMI(a,b) = ln((1/2) / ((3/4)(1/2))) / -ln(1/2) = ln(4/3) / ln 2 = 0.287682 / 0.693147 = 0.415037
# NPMI(a,c) = the same numbers                                                           = 0.415037
# NPMI(b,c) = ln((1/4) / ((1/2)(1/2))) / -ln(1/4) = ln 1 / ln 4                          = 0
# NPMI(a,d) = -1 (never together)
# topic [a, b, c]: mean of the three pairs = (0.415037 + 0.415037 + 0) / 3 = 0.276691
# topic [a, d]: -1;  topic [b, c]: 0

HAND_DOCS = [["a", "b"], ["a", "b", "c"], ["a", "c"], ["d"]]


def test_npmi_matches_hand_computation():
    got = npmi_coherence([["a", "b", "c"], ["a", "d"], ["b", "c"], ["a", "b"]], HAND_DOCS)
    assert got[0] == pytest.approx(0.276691, abs=1e-6)
    assert got[1] == pytest.approx(-1.0)
    assert got[2] == pytest.approx(0.0, abs=1e-12)
    assert got[3] == pytest.approx(math.log(4 / 3) / math.log(2), abs=1e-12)


def test_npmi_is_one_for_terms_that_only_occur_together():
    # x and y are in the same 2 of 4 paragraphs: P(x)=P(y)=P(x,y)=1/2 -> ln 2 / ln 2 = 1
    docs = [["x", "y"], ["x", "y", "z"], ["z"], ["w"]]
    assert npmi_coherence([["x", "y"]], docs) == [pytest.approx(1.0)]


def test_model_coherence_is_npmi_over_its_own_paragraphs():
    paras = _planted_paragraphs(60, seed=3)
    model = TopicModel(k=3, seed=0, stability_seeds=()).fit(paras)
    vec = model.vectorizer_
    vocab = set(vec.vocabulary_)
    docs = [[t for t in vec.analyze(text) if t in vocab] for text in paras["text_despun"]]
    top = [t.split(", ") for t in model.topics_["top_terms"]]
    expected = np.round(npmi_coherence(top, docs), 4)
    assert model.topics_["coherence"].tolist() == pytest.approx(expected.tolist(), abs=1e-4)


# --- Hungarian matching, worked out by hand --------------------------------------------------------
#
# reference A = {a,b,c,d}, B = {c,e,x,y};  other X = {a,b,c,e}, Y = {a,b,f,g}
# J(A,X) = |{a,b,c}| / |{a,b,c,d,e}| = 3/5     J(A,Y) = |{a,b}| / |{a,b,c,d,f,g}| = 2/6
# J(B,X) = |{c,e}| / |{a,b,c,e,x,y}| = 2/6     J(B,Y) = 0
# Greedy (A takes its best, X) totals 3/5 + 0 = 0.6; the one-to-one matching that maximises the
# total is A-Y, B-X: 1/3 + 1/3 = 0.667. So the agreement per reference topic is [1/3, 1/3].

def test_topic_agreement_uses_the_optimal_one_to_one_matching():
    got = topic_agreement([list("abcd"), list("cexy")], [list("abce"), list("abfg")])
    assert got.tolist() == pytest.approx([1 / 3, 1 / 3])


def test_topic_agreement_identical_and_disjoint():
    assert topic_agreement([["a", "b"], ["c", "d"]], [["d", "c"], ["b", "a"]]).tolist() == [1.0, 1.0]
    assert topic_agreement([["a", "b"]], [["c", "d"]]).tolist() == [0.0]


def test_stability_verdict_thresholds():
    assert [stability_verdict(x) for x in (0.2, 0.49, 0.5, 0.74, 0.75, 1.0)] == \
        ["fragile", "fragile", "moderate", "moderate", "stable", "stable"]
    assert stability_verdict(float("nan")) == "unknown"


# --- tokenizer and vocabulary --------------------------------------------------------------------

def test_tokenize_acronyms_possessives_and_stop_words():
    assert tokenize("Kazakhstan’s leaders told us the U.S. and the US were calm.") == \
        ["kazakhstan", "leaders", "us", "us", "calm"]  # "us" (pronoun) is a stop word, "US"/"U.S." are not
    # an all-capitals headline is not a string of acronyms
    assert tokenize("WE ARE HERE FOR PEACE") == ["peace"]
    # hyphenated names are one word; numbers are not words
    assert tokenize("Kassym-Jomart Tokayev spoke on 7 January 2022 about 2,500 troops") == \
        ["kassym-jomart", "tokayev", "spoke", "troops"]


def test_collocations_are_learned_from_the_corpus():
    texts = [
        "The Collective Security Treaty Organization sent troops.",
        "Leaders of the Collective Security Treaty Organization met in Moscow.",
        "A summit of the Collective Security Treaty Organization was held.",
        "Critics of the Collective Security Treaty Organization spoke.",
        "Security forces and troops patrolled; collective farms were quiet.",
        "The treaty was signed; the organization grew.",
    ]
    vec = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrase_min_count=3).fit(texts)
    assert "collective security treaty organization" in vec.vocabulary_
    assert vec.analyze(texts[1]) == ["leaders", "collective security treaty organization", "met", "moscow"]
    # a phrase never spans punctuation or a stop word
    assert vec.analyze(texts[4])[:2] == ["security", "forces"]


def test_actor_aliases_become_the_canonical_term():
    actors = {"Tileuberdi": "Mukhtar Tileuberdi", "Tlebardi": "Mukhtar Tileuberdi",
              "Mukhtar Tileuberdi": "Mukhtar Tileuberdi", "US": "United States"}
    vec = TopicVectorizer(min_df=1, max_df=1.0, actors=actors).fit(["Tlebardi met US envoys", "x y"])
    assert vec.analyze("Tlebardi's call with Mukhtar Tileuberdi") == ["mukhtar tileuberdi", "call",
                                                                      "mukhtar tileuberdi"]
    # an all-capitals alias matches only the acronym, not the pronoun
    assert vec.analyze("US officials told us") == ["united states", "officials"]


def _same_counts(got, want):
    assert got.shape == want.shape
    for field in ("data", "indices", "indptr"):  # same entries in the same order: tf-idf and NMF sums agree
        assert getattr(got, field).dtype == getattr(want, field).dtype, field
        assert getattr(got, field).tolist() == getattr(want, field).tolist(), field


_MIXED = [
    "Kazakhstan’s President Kassym-Jomart Tokayev asked the CSTO for help; U.S. officials objected.",
    "The Collective Security Treaty Organization sent troops to Almaty — and Russia's paratroopers led.",
    "Protests over fuel prices spread from Zhanaozen to Almaty, where the airport was seized.",
    "Tokayev said 'terrorists' had attacked Almaty; the CSTO troops guarded the airport.",
    "Fuel prices doubled in January - and protests spread across Kazakhstan.",
    "WE ARE HERE FOR PEACE, THE U.S. SAID",
    "Blinken’s remarks: the U.S. and Russia's envoys met in Geneva on January 10.",
    "Russia's paratroopers left Almaty; the CSTO mission ended.",
] * 3


@pytest.mark.parametrize("options", [{"min_df": 1, "max_df": 1.0}, {"min_df": 2, "max_df": 0.5},
                                     {"min_df": 2, "max_df": 20, "phrase_min_count": 2}])
def test_count_matrix_is_countvectorizers(options):
    """The vectorizer counts terms itself (int32 term ids), but gives exactly the matrix scikit-learn's
    CountVectorizer builds from the same terms: vocabulary, min_df/max_df rule, entries and their order."""
    from sklearn.feature_extraction.text import CountVectorizer

    vec = TopicVectorizer(**options)
    X = vec.fit_transform(_MIXED)
    cv = CountVectorizer(analyzer=lambda terms: terms, min_df=options["min_df"], max_df=options["max_df"])
    want = cv.fit_transform([vec.analyze(t) for t in _MIXED])
    assert list(vec.vocabulary_) == list(cv.get_feature_names_out())
    _same_counts(X, want)
    new = ["Almaty airport, CSTO troops and the U.S. again", "nothing known here", ""]
    _same_counts(vec.transform(new), cv.transform([vec.analyze(t) for t in new]))


def test_count_matrix_does_not_depend_on_the_block_size(monkeypatch):
    import kzlib.topics.streams as streams

    whole = TopicVectorizer(min_df=1, max_df=1.0, phrase_min_count=2)
    X = whole.fit_transform(_MIXED)
    monkeypatch.setattr(streams, "_BLOCK", 7)  # many small blocks, each a few paragraphs
    blocks = TopicVectorizer(min_df=1, max_df=1.0, phrase_min_count=2)
    _same_counts(blocks.fit_transform(_MIXED), X)
    pd.testing.assert_frame_equal(blocks.phrases_, whole.phrases_)
    assert [blocks.analyze(t) for t in _MIXED] == [whole.analyze(t) for t in _MIXED]


def test_breaks_between_whitespace_tokens():
    # a dash or an apostrophe between spaces ends a run; inside a word it joins ("kassym-jomart", "don't")
    vec = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrase_min_count=2)
    vec.fit(["troops landed", "troops landed", "troops landed"])
    assert "troops landed" in vec.vocabulary_
    for text in ["troops - landed", "troops -- landed", "troops — landed", "troops' landed", "troops 'landed",
                 "troops\t-\nlanded", "troops\xa0-\xa0landed", "troops, landed"]:
        assert vec.analyze(text) == ["troops", "landed"], text
    for text in ["troops landed", "troops\tlanded", "troops -landed", "Troops\u2009Landed"]:
        assert vec.analyze(text) == ["troops landed"], text


def test_bad_document_frequency_bounds_are_parameter_errors():
    with pytest.raises(ParameterError, match="min_df"):
        TopicVectorizer(min_df=1.5).fit(_MIXED)
    with pytest.raises(ParameterError, match="max_df"):
        TopicVectorizer(max_df=0).fit(_MIXED)


# --- planted topics --------------------------------------------------------------------------------

_PLANTED = {
    "weather": "rain snow storm wind forecast temperature flood cloud frost humidity".split(),
    "football": "goal striker referee penalty stadium league coach match keeper midfield".split(),
    "markets": "shares bond inflation investors stocks dividend currency bank yield earnings".split(),
}


def _planted_paragraphs(n: int, *, seed: int, structured: bool = True) -> pd.DataFrame:
    """n paragraphs; each draws 12 words from one planted subject (or, unstructured, from all)."""
    rng = np.random.default_rng(seed)
    subjects = list(_PLANTED)
    pool = [w for words in _PLANTED.values() for w in words]
    rows = []
    for i in range(n):
        words = _PLANTED[subjects[i % 3]] if structured else pool
        text = " ".join(rng.choice(words, size=12)) + "."
        rows.append({"doc_id": f"d{i // 4:03d}", "para_id": i % 4, "text_despun": text, "subject": subjects[i % 3]})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_planted_subjects_are_recovered_and_stable(method):
    paras = _planted_paragraphs(90, seed=1)
    model = TopicModel(k=3, method=method, seed=0).fit(paras)
    found = []
    for terms in model.topics_["top_terms"]:
        top5 = terms.split(", ")[:5]
        owners = {s for s, words in _PLANTED.items() if set(top5) <= set(words)}
        assert len(owners) == 1, f"topic mixes subjects: {top5}"
        found.append(owners.pop())
    assert sorted(found) == sorted(_PLANTED)
    assert model.stability_ >= 0.8
    # each paragraph's heaviest topic is its planted subject
    heaviest = model.doc_topics_.loc[model.doc_topics_.groupby(["doc_id", "para_id"])["weight"].idxmax()]
    subject_of_topic = dict(zip(model.topics_["topic_id"], found))
    merged = heaviest.merge(paras, on=["doc_id", "para_id"])
    assert (merged["topic_id"].map(subject_of_topic) == merged["subject"]).mean() >= 0.95


def test_structure_is_more_stable_than_noise():
    structured = TopicModel(k=3, seed=0).fit(_planted_paragraphs(90, seed=2))
    noise = TopicModel(k=3, seed=0).fit(_planted_paragraphs(90, seed=2, structured=False))
    assert structured.stability_ - noise.stability_ >= 0.3
    assert structured.coherence_ > noise.coherence_


# --- tables, determinism ---------------------------------------------------------------------------

def test_tables_follow_the_schema():
    paras = _planted_paragraphs(60, seed=4)
    model = TopicModel(k=3, seed=0).fit(paras)
    assert list(model.topics_.columns[:5]) == ["topic_id", "label", "top_terms", "coherence", "prevalence"]
    assert "stability" in model.topics_.columns
    assert list(model.doc_topics_.columns) == ["doc_id", "para_id", "topic_id", "weight"]
    assert len(model.doc_topics_) == len(paras) * 3
    sums = model.doc_topics_.groupby(["doc_id", "para_id"])["weight"].sum()
    assert np.allclose(sums, 1.0, atol=1e-5)
    assert model.topics_["prevalence"].sum() == pytest.approx(1.0, abs=1e-3)
    assert model.topics_["prevalence"].is_monotonic_decreasing  # topic 0 is the most prevalent
    reps = model.representatives(2)
    assert reps.groupby("topic_id").size().max() <= 2
    assert set(reps.columns) == {"topic_id", "rank", "doc_id", "para_id", "weight", "text"}
    terms = model.term_weights(4)
    assert terms.groupby("topic_id").size().tolist() == [4, 4, 4]


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_same_seed_gives_identical_tables(method):
    paras = _planted_paragraphs(60, seed=5, structured=False)  # noise: the seed matters most here
    a = TopicModel(k=4, method=method, seed=7, stability_seeds=(8, 9)).fit(paras)
    b = TopicModel(k=4, method=method, seed=7, stability_seeds=(8, 9)).fit(paras.sample(frac=1, random_state=1))
    pd.testing.assert_frame_equal(a.topics_, b.topics_)
    pd.testing.assert_frame_equal(a.doc_topics_, b.doc_topics_)
    pd.testing.assert_frame_equal(a.runs_, b.runs_)


def test_select_k_is_deterministic_and_prefers_the_planted_k():
    paras = _planted_paragraphs(90, seed=6)
    t1 = select_k(paras, ks=[2, 3, 4, 5], seeds=[0, 1, 2])
    t2 = select_k(paras, ks=[2, 3, 4, 5], seeds=[0, 1, 2])
    pd.testing.assert_frame_equal(t1, t2)
    assert list(t1.columns) == ["k", "coherence", "coherence_min", "stability", "stability_sd", "verdict", "chosen"]
    assert t1["chosen"].sum() == 1
    assert int(t1.loc[t1["chosen"], "k"].iloc[0]) == 3


def test_best_k_rule():
    # coherence + stability: k=2 -> 1.0, k=3 -> 1.1, k=4 -> 0.9 (but 0.4 < 0.5 stable), k=5 -> 0.9
    table = pd.DataFrame({"k": [2, 3, 4, 5], "coherence": [0.1, 0.3, 0.5, 0.2], "stability": [0.9, 0.8, 0.4, 0.7]})
    assert best_k(table) == 3
    # with min_stability 0.3, k=4 counts too: 0.9 < 1.1, still 3; raise its coherence to 0.8 -> 1.2
    assert best_k(table, min_stability=0.3) == 3
    assert best_k(table.assign(coherence=[0.1, 0.3, 0.8, 0.2]), min_stability=0.3) == 4
    assert best_k(table, min_stability=0.95) == 2  # none stable enough: the most stable


def test_transform_new_paragraphs():
    paras = _planted_paragraphs(60, seed=7)
    model = TopicModel(k=3, seed=0, stability_seeds=()).fit(paras)
    new = pd.DataFrame({"doc_id": ["n"], "para_id": [0], "text_despun": ["goal striker penalty referee"]})
    dt = model.transform(new)
    assert dt["weight"].sum() == pytest.approx(1.0, abs=1e-5)
    top = dt.loc[dt["weight"].idxmax(), "topic_id"]
    assert "goal" in model.topics_.loc[model.topics_["topic_id"] == top, "top_terms"].iloc[0]


def test_topic_prevalence_by_outlet_by_hand():
    # outlet A: paragraphs (a,0) weights [0.2, 0.8] and (a,1) [0.6, 0.4] -> means [0.4, 0.6]
    # outlet B: paragraph (b,0) [1, 0]; paragraph (b,1) has no terms (all 0) and is left out
    dt = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 4, "para_id": [0, 0, 1, 1] * 2,
                       "topic_id": [0, 1] * 4, "weight": [0.2, 0.8, 0.6, 0.4, 1.0, 0.0, 0.0, 0.0]})
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    got = topic_prevalence(dt, docs, by="outlet")
    assert got["prevalence"].tolist() == pytest.approx([0.4, 0.6, 1.0, 0.0])
    assert got["n_paragraphs"].tolist() == [2, 2, 1, 1]


def test_reliability_verdict_is_computed_from_the_numbers():
    from kzlib.topics import describe_reliability

    # 90 planted paragraphs in 23 documents (4 per document), 3 topics: stable, enough documents
    good = TopicModel(k=3, seed=0).fit(_planted_paragraphs(90, seed=9))
    text = describe_reliability(good)
    assert "fragile" not in text and "stable and spread" in text
    # the same paragraphs put into 2 documents: fewer than 5 documents per topic -> fragile
    few = _planted_paragraphs(90, seed=9).assign(doc_id=lambda d: np.where(d.index < 45, "a", "b"),
                                                 para_id=lambda d: d.index)
    text = describe_reliability(TopicModel(k=3, seed=0).fit(few))
    assert "These topics are fragile" in text and "2 documents for 3 topics" in text
    # a coherence threshold above every topic's: each is named as incoherent and the verdict is not "stable"
    text = describe_reliability(good, min_coherence=1.01)
    assert "3 of 3 topics have top terms that co-occur little more than by chance" in text
    assert "stable and spread" not in text and "fragile" in text


# --- bad input -----------------------------------------------------------------------------------

def test_bad_input_gets_a_clear_error():
    paras = _planted_paragraphs(30, seed=8)
    with pytest.raises(ParameterError, match="method"):
        TopicModel(k=3, method="lsa").fit(paras)
    with pytest.raises(ParameterError, match="choose k <="):
        TopicModel(k=500).fit(paras)
    with pytest.raises(CorpusError, match="para_id"):
        TopicModel(k=3).fit(paras.drop(columns=["para_id"]))
    with pytest.raises(CorpusError, match="text_column"):
        TopicModel(k=3, text_column="body").fit(paras)
    with pytest.raises(ParameterError, match="two seeds"):
        select_k(paras, ks=[2, 3], seeds=[0])
    with pytest.raises(CorpusError, match="no paragraphs"):
        TopicModel(k=2).fit(paras.iloc[:0])


# --- what a small corpus can support -----------------------------------------------------------------

def _tiny(texts: list[str], docs: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": docs or [f"d{i}" for i in range(len(texts))], "para_id": 0,
                         "text_despun": texts})


def test_plan_topics_without_paragraphs_says_so():
    plan = plan_topics(_tiny([]))
    assert not plan.ok and plan.ks == () and plan.max_k == 0 and plan.vectorizer is None
    assert "no body paragraphs" in plan.reason
    assert plan.skipped == tuple(range(2, 11))


def test_plan_topics_with_too_few_paragraphs_for_a_vocabulary():
    # three paragraphs: max_df=0.5 allows a term in at most 1.5 of them, min_df=2 asks for 2: no term fits
    plan = plan_topics(_tiny(["Troops left on January 13.", "The CSTO sent troops to Almaty.", "It was calm."]))
    assert not plan.ok and plan.vectorizer is None and plan.n_terms == 0
    assert "too little text" in plan.reason.lower() and "no vocabulary" in plan.reason


def test_plan_topics_limits_k_by_paragraphs():
    # ten paragraphs, five on each of two subjects, and one of stop words only. With min_df=2 and max_df=0.5
    # the vocabulary is {troops, landed, airport} and {fuel, prices, sparked, protests}: 7 terms, each in 5
    # of the 11 paragraphs. 10 paragraphs have a term, so with 3 paragraphs per topic k <= 10 // 3 = 3.
    texts = ["Troops landed at the airport."] * 5 + ["Fuel prices sparked protests."] * 5 + ["It was there."]
    vec = TopicVectorizer(actors={}, phrases=False)
    plan = plan_topics(_tiny(texts), ks=range(2, 6), vectorizer=vec)
    assert (plan.n_paragraphs, plan.n_with_terms, plan.n_terms) == (11, 10, 7)
    assert plan.max_k == 3 and plan.ks == (2, 3) and plan.skipped == (4, 5)
    assert "k = 4, 5 skipped" in plan.reason
    assert list(plan.vectorizer.vocabulary_) == ["airport", "fuel", "landed", "prices", "protests", "sparked",
                                                 "troops"]
    # one paragraph per topic would allow 10 topics, but there are only 7 terms
    assert plan_topics(_tiny(texts), ks=range(2, 12), vectorizer=vec, min_paragraphs_per_topic=1).max_k == 7
    # what the plan allows can be fitted
    model = TopicModel(k=plan.max_k, vectorizer=vec, stability_seeds=[1]).fit(_tiny(texts))
    assert len(model.topics_) == 3


def test_plan_topics_one_document_is_named():
    texts = ["Troops landed at the airport."] * 5 + ["Fuel prices sparked protests."] * 5
    plan = plan_topics(_tiny(texts, docs=["only"] * 10).assign(para_id=range(10)), ks=[2, 3],
                       vectorizer=TopicVectorizer(actors={}, phrases=False))
    assert plan.ok and plan.n_documents == 1
    assert "one document" in plan.describe()
    with pytest.raises(ParameterError, match="ks"):
        plan_topics(_tiny(texts), ks=[])
    with pytest.raises(ParameterError, match="min_paragraphs_per_topic"):
        plan_topics(_tiny(texts), min_paragraphs_per_topic=0)


# --- the seeds -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_paragraphs():
    kzlib = pytest.importorskip("kzlib")
    from kzlib.topics import topic_paragraphs

    return topic_paragraphs(kzlib.prepare())


def test_seed_topics_separate_the_china_story_from_us_russia(seed_paragraphs):
    """Reading the seeds: one article (003) is about China's offer of security help (Wang Yi, Wang
    Wenbin, Xi Jinping); the others weigh US-Russia tension over Ukraine and NATO. A model with a
    few topics should keep these apart."""
    model = TopicModel(k=7, seed=0).fit(seed_paragraphs)
    tops = [set(t.split(", ")) for t in model.topics_["top_terms"]]
    china = [i for i, t in enumerate(tops) if len(t & {"china", "wang yi", "wang wenbin", "xi jinping", "chinese"}) >= 2]
    us_russia = [i for i, t in enumerate(tops) if len(t & {"russia", "ukraine", "nato", "united states"}) >= 3]
    assert china, model.topics_["top_terms"].tolist()
    assert us_russia, model.topics_["top_terms"].tolist()
    assert not set(china) & set(us_russia)
    # most paragraphs whose heaviest topic is the China topic come from the China article, and its
    # most representative paragraph too
    dt = model.doc_topics_[model.doc_topics_["weight"] > 0]
    heaviest = dt.loc[dt.groupby(["doc_id", "para_id"])["weight"].idxmax()]
    china_ids = set(model.topics_["topic_id"].iloc[china])
    in_china = heaviest[heaviest["topic_id"].isin(china_ids)]
    assert in_china["doc_id"].str.startswith("003").mean() > 0.5
    reps = model.representatives(3)
    assert reps[reps["topic_id"].isin(china_ids) & (reps["rank"] == 0)]["doc_id"].str.startswith("003").all()
    assert np.isfinite(model.stability_) and 0 <= model.stability_ <= 1


# --- scale benchmark (not collected by pytest) ---------------------------------------------------

def _synthetic_corpus(n_articles: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus of n_articles built by resampling and perturbing the seeds' body paragraphs.

    Each article takes one seed story's paragraphs (8-20 of them, resampled), shuffles sentences,
    drops 10% of words and swaps 10% for words of a Zipf-distributed pseudo-vocabulary of 40,000
    words (so that the vocabulary grows as a real corpus's does).
    """
    import kzlib
    from kzlib.topics import topic_paragraphs

    base = topic_paragraphs(kzlib.prepare())
    by_doc = {d: g["text_despun"].tolist() for d, g in base.groupby("doc_id")}
    docs = sorted(by_doc)
    rng = np.random.default_rng(seed)
    syllables = ["ka", "zo", "mi", "ran", "tel", "vo", "shi", "en", "bar", "lu", "dak", "ost"]
    pseudo = ["".join(rng.choice(syllables, size=rng.integers(2, 5))) for _ in range(40_000)]
    zipf_cdf = np.cumsum(1 / np.arange(1, len(pseudo) + 1))
    zipf_cdf /= zipf_cdf[-1]
    rows, documents = [], []
    for a in range(n_articles):
        story = docs[a % len(docs)]
        doc_id = f"syn{a:06d}"
        documents.append({"doc_id": doc_id, "story": story, "outlet": f"outlet{a % 7}",
                          "published": f"2022-01-{1 + a % 28:02d}"})
        for p, para in enumerate(rng.choice(by_doc[story], size=rng.integers(8, 21))):
            words = para.split()
            keep = rng.random(len(words)) > 0.1
            swap = rng.random(len(words)) < 0.1
            noise = [pseudo[i] for i in np.searchsorted(zipf_cdf, rng.random(len(words)))]
            words = [n if s else w for w, s, n, k in zip(words, swap, noise, keep) if k]
            rows.append({"doc_id": doc_id, "para_id": p, "text_despun": " ".join(words)})
    return pd.DataFrame(rows), pd.DataFrame(documents)


def _bench(n_articles: int) -> None:
    import logging

    import kzlib
    from kzlib.topics import topic_paragraphs

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("kzlib.corpus").setLevel(logging.WARNING)
    logging.getLogger("kzlib.clean").setLevel(logging.WARNING)
    logging.getLogger("kzlib.provenance").setLevel(logging.WARNING)
    seed_model = TopicModel(k=5, seed=0).fit(topic_paragraphs(kzlib.prepare()))
    seed_terms = [t.split(", ") for t in seed_model.topics_["top_terms"]]
    t0 = time.perf_counter()
    paras, documents = _synthetic_corpus(n_articles)
    print(f"built {n_articles} articles, {len(paras)} paragraphs in {time.perf_counter() - t0:.1f}s")
    for method in ("nmf", "lda"):
        t0 = time.perf_counter()
        model = TopicModel(k=5, method=method, seed=0).fit(paras)
        fit_s = time.perf_counter() - t0
        # subject structure 1: do article topic mixtures tell the source stories apart? (nearest centroid)
        mix = model.doc_topics_.groupby(["doc_id", "topic_id"])["weight"].mean().unstack()
        story = documents.set_index("doc_id")["story"].reindex(mix.index)
        centroids = mix.groupby(story).mean()
        dist = ((mix.to_numpy()[:, None, :] - centroids.to_numpy()[None, :, :]) ** 2).sum(axis=2)
        accuracy = float((centroids.index.to_numpy()[dist.argmin(axis=1)] == story.to_numpy()).mean())
        # subject structure 2: do the seed corpus's topics come back from the resampled, noisy corpus?
        agree = topic_agreement(seed_terms, [t.split(", ") for t in model.topics_["top_terms"]])
        print(f"{method}: k=5 fit + 5 stability reruns {fit_s:.1f}s; vocabulary {len(model.terms_)}; "
              f"coherence {model.coherence_:.3f}; stability {model.stability_:.3f}; story from topic mix "
              f"(nearest centroid) {accuracy:.1%}; agreement with the seed model's topics "
              f"{np.round(agree, 2).tolist()}")
        print(model.topics_[["topic_id", "top_terms", "coherence", "stability"]].to_string(index=False))
    t0 = time.perf_counter()
    table = select_k(paras, ks=[2, 4, 6, 8, 10, 15, 20], seeds=range(6))
    print(f"select_k nmf ks=2..20 (7 values) x 6 seeds: {time.perf_counter() - t0:.1f}s")
    print(table.to_string(index=False))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--bench":
        _bench(int(sys.argv[2]))
    else:
        print(__doc__)


def test_transform_by_partition_weighs_each_partition_as_transform_does():
    from kzlib.engine import map_partitions_by_document

    paras = _planted_paragraphs(60, seed=7)
    model = TopicModel(k=3, seed=0, stability_seeds=()).fit(paras)
    got = model.transform_by_partition(paras, npartitions=3)
    want = map_partitions_by_document(paras, model.transform, npartitions=3)
    pd.testing.assert_frame_equal(got, want)
    assert len(got) == 3 * len(paras)                          # every paragraph, k weights each
    assert hasattr(model, "paragraphs_") and hasattr(model, "doc_topics_")   # the model keeps its reports


# --- Russian text: lemmas and Russian stop words ---------------------------------------------------
#
# Written for these tests (no corpus text): "демонстрант" (demonstrator) in five cases, "полиция" in
# three, "задержать" in three forms. Read as Russian, each word's forms are one term (its lemma); read as
# English, each form is a term of its own.
_RU_TEXTS = [
    "Демонстранты вышли на площадь, полиция наблюдала.",
    "Полиция задержала демонстрантов у здания акимата.",
    "Журналисты поговорили с демонстрантами о ценах на газ.",
    "Власти не ответили демонстрантам, полицию усилили.",
    "О демонстранте, которого задержали, ничего не известно; полицией задержаны ещё трое.",
]


def test_russian_forms_fall_into_one_feature():
    vec = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrases=False, language="ru").fit(_RU_TEXTS)
    X = vec.transform(_RU_TEXTS)
    terms = list(vec.get_feature_names_out())
    assert {"демонстрант", "полиция", "задержать"} <= set(terms)
    col = terms.index("демонстрант")
    assert X[:, col].toarray().ravel().tolist() == [1, 1, 1, 1, 1]  # one use of a form per paragraph
    assert X[:, terms.index("задержать")].sum() == 3  # задержала, задержали, задержаны
    assert not {"демонстрантов", "демонстрантами", "полицию", "на", "не", "который", "ещё", "еще"} & set(terms)
    assert vec.n_russian_ == 5
    # as English: the forms stay apart, and Russian stop words are not known
    en = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrases=False, language="en").fit(_RU_TEXTS)
    assert {"демонстранты", "демонстрантов", "демонстрантами", "на"} <= set(en.vocabulary_)
    assert "демонстрант" not in set(en.vocabulary_) and en.n_russian_ == 0


def test_language_comes_from_languages_then_from_the_letters():
    # "auto" (the default) reads mostly Cyrillic texts as Russian; a language given per text wins
    auto = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrases=False).fit(_RU_TEXTS)
    assert "демонстрант" in set(auto.vocabulary_) and auto.n_russian_ == 5
    given = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrases=False)
    given.fit(_RU_TEXTS, languages=["en", "ru", "ru", "ru", ""])
    assert given.n_russian_ == 4 and "демонстранты" in set(given.vocabulary_)  # the first text as English
    assert given.analyze("Демонстрантов задержали.", language="ru") == ["демонстрант", "задержать"]
    with pytest.raises(ParameterError, match="language must be one of"):
        TopicVectorizer(language="kk").fit(_RU_TEXTS)
    with pytest.raises(ParameterError, match="one per text"):
        given.transform(_RU_TEXTS, languages=["ru"])


def test_english_terms_do_not_change_beside_russian_paragraphs():
    alone = TopicVectorizer(min_df=1, max_df=1.0, phrase_min_count=2).fit(_MIXED)
    mixed = TopicVectorizer(min_df=1, max_df=1.0, phrase_min_count=2).fit(_MIXED + _RU_TEXTS)
    assert [mixed.analyze(t) for t in _MIXED] == [alone.analyze(t) for t in _MIXED]
    assert set(alone.vocabulary_) <= set(mixed.vocabulary_)


def test_russian_stop_words_say_where_they_come_from():
    from kzlib.topics import load_stopwords, russian_term

    ru = load_stopwords(language="ru")
    assert {"и", "в", "что", "который", "заявить"} <= ru and "демонстрант" not in ru
    assert not ru & {"said", "the"}  # a list of its own, not the English one
    assert russian_term("ОДКБ") == "одкб" and russian_term("Reuters") == "reuters"
    with pytest.raises(ParameterError):
        load_stopwords(language="kk")


def test_topic_model_on_russian_paragraphs_from_a_corpus():
    # two planted subjects, in inflected forms: protests and the police; gas prices and the economy
    protest = ["Демонстранты вышли на площадь, полиция задержала демонстрантов.",
               "Полиция разогнала демонстрантов на площади.",
               "На площади демонстрантам противостояла полиция."]
    prices = ["Цены на газ выросли, правительство снизило цены.",
              "Правительство обещало снизить цену на газ.",
              "Рост цен на газ обсудило правительство."]
    paras = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "para_id": 0,
                          "text_despun": (protest + prices) * 2})
    docs = pd.DataFrame({"doc_id": paras["doc_id"], "language": "ru"})

    class _Corpus:  # what topic_paragraphs reads from a kzlib Corpus
        paragraphs = paras.assign(text=paras["text_despun"], kind="body", duplicate_of=-1)
        documents = docs

    from kzlib.topics import topic_paragraphs

    read = topic_paragraphs(_Corpus(), one_copy_per_story=False)
    assert read["language"].eq("ru").all()
    vec = TopicVectorizer(min_df=2, max_df=0.9, actors={}, phrases=False)
    model = TopicModel(k=2, seed=0, n_terms=3, stability_seeds=(), vectorizer=vec).fit(read)
    tops = [set(t.split(", ")) for t in model.topics_["top_terms"]]
    assert any({"демонстрант", "полиция", "площадь"} <= t for t in tops), tops
    assert any({"цена", "газ", "правительство"} <= t for t in tops), tops


def test_russian_names_of_gazetteer_actors_become_their_canonical_term():
    # kzlib/data/ru/actors.yaml lists "Токаев" and "Назарбаев" as names of Kassym-Jomart Tokayev and
    # Nursultan Nazarbayev: in any case they are the term the English text's names give
    texts = ["Токаев выступил с обращением.", "Токаеву направили письмо.", "Назарбаева не видели.",
             "Tokayev spoke."]
    vec = TopicVectorizer(min_df=1, max_df=1.0, phrases=False).fit(texts)
    X = vec.transform(texts).toarray()
    terms = list(vec.vocabulary_)
    assert X[:, terms.index("kassym-jomart tokayev")].tolist() == [1, 1, 0, 1]
    assert X[:, terms.index("nursultan nazarbayev")].tolist() == [0, 0, 1, 0]
    assert not {"токаев", "токаеву", "назарбаев"} & set(terms)
    # "Нурсултан Назарбаев" is a name of his there too: before his surname the first name is part of
    # the name; alone, "Нурсултан" (the capital's name in 2022) stays a word
    assert vec.analyze("Нурсултана Назарбаева там не было.") == ["nursultan nazarbayev"]
    assert vec.analyze("Нурсултан Назарбаев ушёл; в Нурсултане тихо.") == ["nursultan nazarbayev", "уйти",
                                                                        "нурсултан", "тихо"]
    # a gazetteer given is used as it is: no Russian names then, and the surname is left to pymorphy3's
    # most likely lemma, which for a name its dictionary does not know may be another word's
    plain = TopicVectorizer(min_df=1, max_df=1.0, phrases=False, actors={}).fit(texts)
    assert "kassym-jomart tokayev" not in set(plain.vocabulary_)
    assert any(t.startswith("тока") for t in plain.vocabulary_)
