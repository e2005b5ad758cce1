"""Session 29: WordLlama's bundled English token vectors in StanceClassifier's English features. Every sentence
and party here is invented for these tests."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import kzlib.stance._en_vectors as en_vectors
import kzlib.text.vectors as vectors
from kzlib.stance import StanceClassifier
from kzlib.stance._en_vectors import DIM, N_PARTS, N_VECTOR, vector_features
from kzlib.text.vectors import embed_texts, english_embedding


def test_one_model_per_process_read_from_the_package() -> None:
    assert english_embedding() is english_embedding()
    v = embed_texts(["The parliament met.", "   ", ""])
    assert v.shape == (3, DIM) and v.dtype == np.float32
    assert np.linalg.norm(v[0]) == pytest.approx(1.0, abs=1e-5)
    assert not v[1:].any()  # blank texts get zeros, not the vector of nothing


# (word, a near synonym, an antonym): chosen for their meaning before the model was asked
SYNONYMS = [("lauded", "praised", "condemned"), ("denounced", "condemned", "praised"), ("hailed", "welcomed", "rejected"),
            ("vilified", "attacked", "applauded"), ("admired", "respected", "despised"),
            ("lambasted", "criticized", "commended")]


@pytest.mark.parametrize(("word", "near", "far"), SYNONYMS)
def test_a_judgment_reads_nearer_its_synonym_than_its_antonym(word: str, near: str, far: str) -> None:
    a, b, c = embed_texts([f"Critics {word} someone", f"Critics {near} someone", f"Critics {far} someone"])
    assert a @ b > a @ c


def test_four_parts_per_row_and_the_mention_replaced() -> None:
    text = "Observers say Elbonia failed badly, again and again."
    s = text.index("Elbonia")
    assert en_vectors._parts(text, (s, s + 7))[:4] == [
        "Observers say someone failed badly, again and again.", "Observers say someone failed badly",
        "Observers say", "failed badly, again and again."]
    row = vector_features([text], [(s, s + 7)])[0]
    assert row.shape == (N_VECTOR,) == (N_PARTS * DIM,)
    norms = [np.linalg.norm(row[i * DIM:(i + 1) * DIM]) for i in range(N_PARTS)]
    assert norms == pytest.approx([1.0] * N_PARTS, abs=1e-5)
    # what is said of the target does not depend on which name was masked; the last part is the name's own
    other = "Observers say Freedonia failed badly, again and again."
    s2 = other.index("Freedonia")
    row2 = vector_features([other], [(s2, s2 + 9)])[0]
    assert np.allclose(row2[:4 * DIM], row[:4 * DIM])
    assert np.allclose(row[4 * DIM:], embed_texts(["Elbonia"])[0])
    assert np.allclose(row2[4 * DIM:], embed_texts(["Freedonia"])[0])


def test_a_row_that_does_not_name_its_target_has_the_sentence_only() -> None:
    row = vector_features(["The talks resumed."], [None])[0]
    assert np.linalg.norm(row[:DIM]) == pytest.approx(1.0, abs=1e-5)
    assert not row[DIM:].any()


def english_rows() -> tuple[pd.DataFrame, list[str]]:
    X = pd.DataFrame({"text": ["We support Elbonia.", "We condemn Elbonia.", "Elbonia held a meeting."] * 4,
                      "target": "Elbonia"})
    return X, ["favor", "against", "none"] * 4


def test_the_block_is_added_to_english_rows_only_when_asked() -> None:
    X, y = english_rows()
    kw = dict(calibrate=False, joint_features=False, target_features=False)
    on = StanceClassifier(**kw).fit(X, y)
    off = StanceClassifier(**kw, word_vectors=False).fit(X, y)
    assert on.language_ == "en"
    assert on._design(X).shape[1] - off._design(X).shape[1] == N_VECTOR - DIM  # the mention's part is opt-in
    # appended after the other features, which are as without it
    width = off._design(X).shape[1]
    assert abs(on._design(X)[:, :width] - off._design(X)).sum() == 0
    # the block is weighted: its first part is the sentence's unit vector times vector_weight
    block = on._design(X[:1]).toarray()[0, -(N_VECTOR - DIM):]
    assert np.linalg.norm(block[:DIM]) == pytest.approx(on.vector_weight, abs=1e-5)
    assert on.predict(X[:2]).tolist() == ["favor", "against"]


def test_russian_rows_never_load_the_english_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("WordLlama was asked for by Russian rows")

    monkeypatch.setattr(vectors, "english_embedding", refuse)
    monkeypatch.setattr(en_vectors, "embed_texts", refuse)
    X = pd.DataFrame({"text": ["Депутаты поддержали Токаева.", "Депутаты осудили Токаева.", "Токаев прилетел."] * 4,
                      "target": "Токаев"})
    clf = StanceClassifier(calibrate=False, joint_features=False, target_features=False)  # word_vectors on
    assert clf.fit(X, ["favor", "against", "none"] * 4).language_ == "ru"
    assert clf.predict(X[:2]).tolist() == ["favor", "against"]


def test_english_rows_with_vectors_off_never_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("WordLlama was asked for with word_vectors=False")

    monkeypatch.setattr(en_vectors, "embed_texts", refuse)
    X, y = english_rows()
    clf = StanceClassifier(calibrate=False, word_vectors=False).fit(X, y)
    assert clf.predict(X[:2]).tolist() == ["favor", "against"]


def test_the_mention_part_is_added_when_asked() -> None:
    X, y = english_rows()
    kw = dict(calibrate=False, joint_features=False, target_features=False)
    text_only = StanceClassifier(**kw).fit(X, y)
    named = StanceClassifier(**kw, mention_vector=True).fit(X, y)
    assert named._design(X).shape[1] - text_only._design(X).shape[1] == DIM
    last = named._design(X[:1]).toarray()[0, -DIM:]
    assert np.allclose(last, named.vector_weight * embed_texts(["Elbonia"])[0], atol=1e-6)


def test_importing_kzlib_does_not_import_wordllama() -> None:
    code = "import sys, kzlib, kzlib.stance, kzlib.stages, kzlib.text; print('wordllama' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_full_cache_still_returns_every_row_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # the cache is emptied when it would outgrow its limit; rows cached before that call must still come back
    monkeypatch.setattr(en_vectors, "_ROWS", {})
    monkeypatch.setattr(en_vectors, "_MAX_ROWS", 1)
    a, b = "Elbonia signed the treaty.", "Freedonia rejected the treaty."
    first = vector_features([a], [(0, 7)])
    both = vector_features([a, b], [(0, 7), (0, 9)])
    assert np.allclose(both[0], first[0])
    assert np.allclose(both[1], embed_texts(en_vectors._parts(b, (0, 9))).reshape(-1), atol=1e-6)
