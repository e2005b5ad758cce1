"""Session 24: navec word vectors and cue similarities in StanceClassifier's Russian features. Every
Russian sentence here is written for these tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kzlib.russian.nlp as nlp
from kzlib.stance import StanceClassifier
from kzlib.stance._ru_vectors import DIM, N_SIMILARITY, N_VECTOR, ru_vector_features

# the similarity columns: four per word set, in this order (see kzlib/stance/_ru_vectors.py)
SETS = ("left", "right", "clause", "sentence", "governor", "verb", "dependents")


def sims(row: np.ndarray, name: str) -> np.ndarray:
    k = DIM + 4 * SETS.index(name)
    return row[k:k + 4]


def test_one_embedding_per_process() -> None:
    assert nlp.news_embedding() is nlp.news_embedding()
    assert nlp.news_syntax_parser() is nlp.news_syntax_parser()
    assert N_VECTOR == DIM + N_SIMILARITY == 300 + 4 * len(SETS)


def test_a_cue_word_left_of_the_mention_is_its_own_nearest_cue() -> None:
    # "осудить" is an unfavourable cue of the cue file: its own cosine to the nearest such cue is 1
    text = "Оппозиция резко осудила Токаева."
    s = text.index("Токаева")
    row = ru_vector_features([text], [(s, s + len("Токаева"))])[0]
    to_pos, to_neg, _, _ = sims(row, "left")
    assert to_neg == pytest.approx(1.0)
    assert to_pos < 1.0
    assert np.linalg.norm(row[:DIM]) == pytest.approx(1.0)
    # the verb governs the mention ("осудила Токаева"): the governor and the verb above it are that cue
    assert sims(row, "governor")[1] == pytest.approx(1.0)
    assert sims(row, "verb")[1] == pytest.approx(1.0)
    # nothing follows the mention but the full stop
    assert np.all(sims(row, "right") == 0.0)


def test_a_negated_favourable_cue_counts_as_unfavourable() -> None:
    # "поддержать" is a favourable cue; after "не" its nearness to favourable cues counts as unfavourable
    plain, negated = "Депутаты поддержали Токаева.", "Депутаты не поддержали Токаева."
    spans = [(plain.index("Токаева"), plain.index("Токаева") + 7), (negated.index("Токаева"), negated.index("Токаева") + 7)]
    a, b = ru_vector_features([plain, negated], spans)
    assert sims(a, "left")[0] == pytest.approx(1.0) and sims(a, "left")[1] < 1.0
    assert sims(b, "left")[1] == pytest.approx(1.0) and sims(b, "left")[0] < 1.0
    assert sims(a, "left")[2] > 0 > sims(b, "left")[2]


def test_a_row_that_does_not_name_its_target_reads_the_sentence_only() -> None:
    text = "Полиция задержала участников беспорядков."
    row = ru_vector_features([text], [None])[0]
    assert np.linalg.norm(row[:DIM]) == pytest.approx(1.0)
    assert sims(row, "sentence")[0] > 0
    for name in ("left", "right", "clause", "governor", "verb", "dependents"):
        assert np.all(sims(row, name) == 0.0)


def russian_rows() -> tuple[pd.DataFrame, list[str]]:
    texts = ["Депутаты поддержали Токаева.", "Жители поблагодарили полицию.", "Эксперты похвалили правительство.",
             "Депутаты осудили Токаева.", "Жители обвинили полицию.", "Эксперты раскритиковали правительство.",
             "Токаев прилетел в Москву.", "Полиция работает в Алматы.", "Правительство собралось утром."]
    names = ["Токаева", "полицию", "правительство"] * 2 + ["Токаев", "Полиция", "Правительство"]
    starts = [t.index(n) for t, n in zip(texts, names)]
    X = pd.DataFrame({"text": texts * 2, "target": "ORG", "start": starts * 2,
                      "end": [s + len(n) for s, n in zip(starts, names)] * 2})
    return X, (["favor"] * 3 + ["against"] * 3 + ["none"] * 3) * 2


def test_the_classifier_adds_the_block_to_russian_rows_only_when_asked() -> None:
    X, y = russian_rows()
    on = StanceClassifier(calibrate=False, joint_features=False, target_features=False).fit(X, y)
    off = StanceClassifier(calibrate=False, joint_features=False, target_features=False,
                           word_vectors=False).fit(X, y)
    assert on.language_ == "ru"
    assert on._design(X).shape[1] - off._design(X).shape[1] == N_VECTOR
    assert on.predict(X[:2]).tolist() == ["favor", "favor"]


def test_english_rows_never_load_the_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the navec embedding was asked for by English rows")

    monkeypatch.setattr(nlp, "news_embedding", refuse)
    monkeypatch.setattr(nlp, "news_syntax_parser", refuse)
    X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "The weather."] * 4,
                      "target": "CSTO"})
    clf = StanceClassifier(calibrate=False).fit(X, ["favor", "against", "none"] * 4)
    assert clf.language_ == "en"
    assert clf.predict(X[:2]).tolist() == ["favor", "against"]


def test_a_full_cache_still_returns_every_row_and_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlib.stance._ru_vectors as ru

    a, b = "Депутаты поддержали Токаева.", "Депутаты осудили Токаева."
    spans = [(a.index("Токаева"), a.index("Токаева") + 7), (b.index("Токаева"), b.index("Токаева") + 7)]
    fresh = ru_vector_features([a, b], spans)  # with the usual limit
    monkeypatch.setattr(ru, "_ROWS", {})
    monkeypatch.setattr(ru, "_PARSES", {})
    monkeypatch.setattr(ru, "_MAX_PARSES", 1)
    ru_vector_features([a], spans[:1])
    both = ru_vector_features([a, b], spans)   # the caches are emptied on the way
    assert np.allclose(both, fresh)
