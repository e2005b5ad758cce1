"""The benchmark corpus generator: deterministic, structured like news, copies planted as stated."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_corpus, spin_forward, write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(300, seed=3)


def test_deterministic_and_nested():
    a_docs, a_truth = generate_corpus(80, seed=7)
    b_docs, b_truth = generate_corpus(80, seed=7)
    pd.testing.assert_frame_equal(a_docs, b_docs)
    pd.testing.assert_frame_equal(a_truth, b_truth)
    # the first 40 documents of a larger corpus are the corpus of 40 (sizes are nested)
    small_docs, _ = generate_corpus(40, seed=7)
    pd.testing.assert_frame_equal(small_docs, a_docs.head(40))
    other, _ = generate_corpus(80, seed=8)
    assert not other["text"].equals(a_docs["text"])


def test_copy_rates_and_truth(corpus):
    docs, truth = corpus
    assert list(docs["doc_id"]) == list(truth["doc_id"]) and docs["doc_id"].is_unique
    counts = truth["copy_kind"].value_counts()
    # 300 draws at 10% and 5%: well inside binomial bounds (mean 30 and 15)
    assert 12 <= counts.get("republished", 0) <= 50
    assert 4 <= counts.get("spun", 0) <= 30
    copies = truth[truth["copy_kind"] != "original"]
    kind_of = truth.set_index("doc_id")["copy_kind"]
    assert (copies["copy_of"].map(kind_of) == "original").all()          # copies copy an original
    assert (copies["copy_of"] < copies["doc_id"]).all()                 # ... an earlier one
    assert (copies["story_id"] == copies["copy_of"]).all()
    originals = truth[truth["copy_kind"] == "original"]
    assert (originals["story_id"] == originals["doc_id"]).all() and (originals["copy_of"] == "").all()


def test_republished_copy_carries_the_original_body(corpus):
    docs, truth = corpus
    text = docs.set_index("doc_id")["text"]
    row = truth[truth["copy_kind"] == "republished"].iloc[0]
    original_paras = [p for p in text[row["copy_of"]].split("\n\n") if len(p.split()) > 25]
    copy = text[row["doc_id"]]
    shared = sum(p in copy for p in original_paras)
    assert shared >= len(original_paras) - 2          # at most the last two paragraphs are cut
    assert any(s in copy for s in ("republished from", "Originally published in", "Read the original article"))


def test_spun_copies_use_the_spinner_table(corpus):
    from kzlib.despin import spin_score

    docs, truth = corpus
    kinds = truth.set_index("doc_id")["copy_kind"]
    scores = docs.set_index("doc_id")["text"].map(spin_score)
    assert scores[kinds == "spun"].median() > 3 * max(scores[kinds == "original"].median(), 1.0)


def test_spin_forward_reverses_table_rows():
    out = spin_forward("During the Cold War, the security situation was calm.", rng=random.Random(0), rate=1.0)
    assert "Chilly Battle" in out or "Chilly Warfare" in out     # spin_phrases.csv: Cold War
    assert "safety" in out                                        # spin_phrases.csv: security
    assert "situation" not in out                                 # state of affairs / scenario
    assert spin_forward("nothing to change here", rng=random.Random(0)) == "nothing to change here"


def test_news_structure(corpus):
    docs, _ = corpus
    texts = docs["text"]
    n_paras = texts.str.count("\n\n") + 1
    assert n_paras.median() >= 8
    words = texts.str.split().str.len()
    assert 300 <= words.median() <= 900
    assert texts.str.contains("“").mean() > 0.5                                 # quotations
    assert texts.str.contains(r"\b(?:said|says|told)\b").mean() > 0.8           # attributions
    assert texts.str.contains(r"\bJanuary|February\b").mean() > 0.5             # dates
    assert texts.str.contains(r"(?:comments?|Leave a|Post a|Share this|Read more)").mean() > 0.2  # furniture
    assert (docs["published"] == "").mean() < 0.4


def test_written_corpus_loads(tmp_path):
    from kzlib.corpus import load_corpus

    path, truth = write_corpus(tmp_path / "c.parquet", 25, seed=1)
    corpus = load_corpus(path, id_column="doc_id")
    assert len(corpus.documents) == 25 and truth.exists()
    assert corpus.documents["outlet"].ne("").all()
    with pytest.raises(ValueError, match="parquet or .jsonl"):
        write_corpus(tmp_path / "c.csv", 5)
    with pytest.raises(ValueError, match="positive int"):
        generate_corpus(0)


def test_bench_writes_finished_tables_and_keeps_those_a_later_stage_reads(tmp_path):
    from benchmarks.stages import write_finished

    quotes = pd.DataFrame({"doc_id": ["a", "b"], "quote": ["x", "y"]})
    stances = pd.DataFrame({"doc_id": ["a"], "target": ["CSTO"]})
    state = {"corpus": object(), "quotes": quotes, "stances": stances}
    rows = write_finished(state, remaining=["stance", "topics"], folder=tmp_path)   # stance reads quotes
    assert rows == {"stances": 1} and "quotes" in state and "stances" not in state and "corpus" in state
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "stances.parquet"), stances)
    rows = write_finished(state, remaining=[], folder=tmp_path)
    assert rows == {"quotes": 2} and set(state) == {"corpus"}
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "quotes.parquet"), quotes)
